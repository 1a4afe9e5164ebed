// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! cw_port_mqtt_*: the process's MQTT clients, one per enum cw_conn slot,
//! reporting to rust/capi.

use super::{c_bytes, c_str, status};
use crate::capi_events::CapiEvents;
use crate::client::{ConnectParams, MqttClient};
use crate::config::nrf_cloud_config;
use crate::errno::Errno;
use crate::ffi_types::{cw_mqtt_conn_params, cw_mqtt_topic, CW_CONN_COUNT};
use crate::message_buffer::MessageBuffer;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

fn client(conn: u8) -> Result<&'static MqttClient, Errno> {
    static CLIENTS: OnceLock<Vec<MqttClient>> = OnceLock::new();
    let clients = CLIENTS.get_or_init(|| {
        let limit = usize::try_from(nrf_cloud_config().payload_buffer_len).unwrap_or(usize::MAX);
        let events: Arc<CapiEvents> = Arc::new(CapiEvents);
        (0..CW_CONN_COUNT)
            .filter_map(|slot| u8::try_from(slot).ok())
            .map(|slot| MqttClient::new(slot, events.clone(), limit))
            .collect()
    });
    clients.get(usize::from(conn)).ok_or(Errno::EINVAL)
}

/// # Safety
/// `params` must be NULL or point to a valid cw_mqtt_conn_params whose
/// pointers follow port.h.
#[no_mangle]
pub unsafe extern "C" fn cw_port_mqtt_connect(conn: u8, params: *const cw_mqtt_conn_params) -> i32 {
    // SAFETY: NULL or valid, by the caller's contract.
    let Some(p) = (unsafe { params.as_ref() }) else {
        return Errno::EINVAL.negative();
    };
    // SAFETY: NUL-terminated strings and a client ID buffer of
    // client_id_len bytes, by port.h.
    let (host, static_ipv4, client_id) = unsafe {
        (
            c_str(p.host),
            c_str(p.static_ipv4),
            c_bytes(p.client_id, p.client_id_len),
        )
    };
    let (Some(host), Some(client_id)) = (host, client_id) else {
        return Errno::EINVAL.negative();
    };
    let params = ConnectParams {
        host,
        static_ipv4,
        client_id,
        sec_tag: p.sec_tag,
        port: p.port,
        keepalive_s: p.keepalive_s,
        clean_session: p.clean_session,
        ipv6_only: p.ipv6_only,
    };
    status(client(conn).and_then(|c| c.connect(&params)))
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_disconnect(conn: u8) -> i32 {
    status(client(conn).and_then(MqttClient::disconnect))
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_abort(conn: u8) -> i32 {
    status(client(conn).and_then(MqttClient::abort))
}

/// # Safety
/// `topic` and `payload` must point to `topic_len` and `payload_len`
/// readable bytes (payload may be NULL when empty).
#[no_mangle]
pub unsafe extern "C" fn cw_port_mqtt_publish(
    conn: u8,
    topic: *const u8,
    topic_len: usize,
    payload: *const u8,
    payload_len: usize,
    qos: u8,
    msg_id: u16,
) -> i32 {
    // SAFETY: forwarded caller contract.
    let (topic, payload) = unsafe { (c_bytes(topic, topic_len), c_bytes(payload, payload_len)) };
    let (Some(topic), Some(payload)) = (topic, payload) else {
        return Errno::EINVAL.negative();
    };
    status(client(conn).and_then(|c| c.publish(topic, payload, qos, msg_id)))
}

/// # Safety
/// `topics` must point to `count` valid cw_mqtt_topic entries.
#[no_mangle]
pub unsafe extern "C" fn cw_port_mqtt_subscribe(
    conn: u8,
    topics: *const cw_mqtt_topic,
    count: usize,
    msg_id: u16,
) -> i32 {
    // SAFETY: `count` entries, by the caller's contract.
    let Some(entries) = (unsafe { c_bytes_of(topics, count) }) else {
        return Errno::EINVAL.negative();
    };
    let mut filters = Vec::with_capacity(entries.len());
    for entry in entries {
        // SAFETY: each entry's ptr/len describe its filter, by port.h.
        let Some(filter) = (unsafe { c_bytes(entry.ptr, entry.len) }) else {
            return Errno::EINVAL.negative();
        };
        filters.push((filter, entry.qos));
    }
    status(client(conn).and_then(|c| c.subscribe(&filters, msg_id)))
}

/// # Safety
/// As c_bytes, for an array of `T`.
unsafe fn c_bytes_of<'a, T>(ptr: *const T, count: usize) -> Option<&'a [T]> {
    if ptr.is_null() {
        return (count == 0).then_some(&[]);
    }
    // SAFETY: non-NULL and `count` valid entries by the caller's contract.
    Some(unsafe { core::slice::from_raw_parts(ptr, count) })
}

/// One connection's transmit buffer: leaked once, handed to C as a raw
/// pointer and never touched by Rust afterwards.
/// Each connection's payload buffer (payload buffer length + 1 for the
/// NUL), shared by incoming and outgoing payloads.
pub(crate) fn message_buffer(conn: u8) -> Option<&'static MessageBuffer> {
    static BUFFERS: OnceLock<Vec<MessageBuffer>> = OnceLock::new();
    let buffers = BUFFERS.get_or_init(|| {
        let size = usize::try_from(nrf_cloud_config().payload_buffer_len).unwrap_or(2048) + 1;
        (0..CW_CONN_COUNT)
            .map(|_| MessageBuffer::new(size))
            .collect()
    });
    buffers.get(usize::from(conn))
}

/// Lends the outgoing part of the connection's payload buffer.
///
/// # Safety
/// `len` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cw_port_tx_buffer(conn: u8, len: *mut usize) -> *mut u8 {
    let (ptr, size) = message_buffer(conn).map_or((core::ptr::null_mut(), 0), |b| b.lend_tx());
    // SAFETY: NULL or writable, by the caller's contract.
    if let Some(out) = unsafe { len.as_mut() } {
        *out = size;
    }
    ptr
}

#[no_mangle]
pub extern "C" fn cw_port_tx_buffer_release(conn: u8) {
    if let Some(b) = message_buffer(conn) {
        b.release_tx();
    }
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_input(conn: u8) -> i32 {
    status(client(conn).and_then(MqttClient::input))
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_live(conn: u8) -> i32 {
    status(client(conn).and_then(MqttClient::live))
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_ping(conn: u8) -> i32 {
    status(client(conn).and_then(MqttClient::ping))
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_keepalive_set(conn: u8, keepalive_s: u16) -> i32 {
    status(client(conn).and_then(|c| c.keepalive_set(keepalive_s)))
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_keepalive_time_left(conn: u8) -> i32 {
    client(conn).map_or(-1, MqttClient::keepalive_time_left)
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_wait(conn: u8, timeout_ms: i32) -> i32 {
    let timeout = u64::try_from(timeout_ms).ok().map(Duration::from_millis);
    client(conn)
        .and_then(|c| c.wait(timeout))
        .unwrap_or_else(Errno::negative)
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_socket(conn: u8) -> i32 {
    client(conn).map_or(-1, MqttClient::socket)
}
