// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The functions rust/capi exports to the port (declared in capi.h), and
//! the poll thread that runs capi's nRF Cloud loop.

use crate::client::Events;
use crate::config::nrf_cloud_config;
use crate::log::{log, Level};
use std::sync::Once;

// Defined by rust/capi (crate `cloudwire`), linked into the same library.
extern "C" {
    fn cw_mqtt_on_connack(conn: u8, return_code: i32, session_present: bool);
    fn cw_mqtt_on_disconnect(conn: u8, result: i32);
    fn cw_mqtt_on_publish(
        conn: u8,
        topic: *const u8,
        topic_len: usize,
        payload: *const u8,
        payload_len: usize,
        qos: u8,
        msg_id: u16,
    );
    fn cw_mqtt_on_publish_too_large(
        conn: u8,
        topic: *const u8,
        topic_len: usize,
        payload_len: usize,
    );
    fn cw_mqtt_on_puback(conn: u8, msg_id: u16, result: i32);
    fn cw_mqtt_on_suback(conn: u8, msg_id: u16, result: i32);
    fn cw_mqtt_on_pingresp(conn: u8);
    fn cw_nrf_cloud_poll_thread();
}

/// Forwards client events to rust/capi.
pub struct CapiEvents;

impl Events for CapiEvents {
    fn connack(&self, conn: u8, return_code: i32, session_present: bool) {
        // SAFETY: plain values; capi's function has this exact signature.
        unsafe { cw_mqtt_on_connack(conn, return_code, session_present) }
    }

    fn disconnect(&self, conn: u8, result: i32) {
        // SAFETY: plain values; capi's function has this exact signature.
        unsafe { cw_mqtt_on_disconnect(conn, result) }
    }

    fn publish(&self, conn: u8, topic: &[u8], payload: &[u8], qos: u8, msg_id: u16) {
        // port.h: the payload is read into the connection's payload buffer
        // and followed by a NUL byte (apps print it as a string, as NCS
        // allows). The client already drained anything larger.
        let Some(buffer) = crate::exports::message_buffer(conn) else {
            return;
        };
        let delivered = buffer.with_incoming(payload, |terminated| {
            // SAFETY: the slices outlive the call, as capi.h's contract asks
            // (pointers valid during the callback only).
            unsafe {
                cw_mqtt_on_publish(
                    conn,
                    topic.as_ptr(),
                    topic.len(),
                    terminated.as_ptr(),
                    payload.len(),
                    qos,
                    msg_id,
                )
            }
        });
        if delivered.is_none() {
            self.publish_too_large(conn, topic, payload.len());
        }
    }

    fn publish_too_large(&self, conn: u8, topic: &[u8], payload_len: usize) {
        // SAFETY: the topic slice outlives the call.
        unsafe { cw_mqtt_on_publish_too_large(conn, topic.as_ptr(), topic.len(), payload_len) }
    }

    fn puback(&self, conn: u8, msg_id: u16, result: i32) {
        // SAFETY: plain values.
        unsafe { cw_mqtt_on_puback(conn, msg_id, result) }
    }

    fn suback(&self, conn: u8, msg_id: u16, result: i32) {
        // SAFETY: plain values.
        unsafe { cw_mqtt_on_suback(conn, msg_id, result) }
    }

    fn pingresp(&self, conn: u8) {
        // SAFETY: plain value.
        unsafe { cw_mqtt_on_pingresp(conn) }
    }
}

/// Starts the nRF Cloud poll thread once per process, when the
/// configuration asks for it (CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD).
pub fn start_poll_thread_once() {
    static STARTED: Once = Once::new();
    STARTED.call_once(|| {
        if !nrf_cloud_config().poll_thread {
            return;
        }
        let spawned = std::thread::Builder::new()
            .name("nrfcloud_connection_poll".into())
            // SAFETY: capi's thread body takes no arguments and never returns.
            .spawn(|| unsafe { cw_nrf_cloud_poll_thread() });
        if let Err(e) = spawned {
            log(
                Level::Err,
                &format!("cannot start the nRF Cloud poll thread: {e}"),
            );
        }
    });
}
