// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The functions the port calls (declared in <cloudwire/capi.h>).

use crate::state::{callback, defer_disconnect};
use crate::{connection, log, port};

/// Logs a callback that arrived while this thread was inside the library
/// (impossible by the port contract except for the disconnect callback).
fn reentered(name: &str) {
    log::line(
        log::ERR,
        &[
            log::s("nrf_cloud: port callback "),
            log::s(name),
            log::s(" re-entered the library; ignored"),
        ],
    );
}

fn ours(conn: u8) -> bool {
    conn == port::CONN
}

/// CONNACK received. `return_code` is the CONNACK code (0 = accepted).
#[no_mangle]
pub extern "C" fn cw_mqtt_on_connack(conn: u8, return_code: i32, session_present: bool) {
    if !ours(conn) {
        return;
    }
    log::line(
        log::DBG,
        &[
            log::s("nrf_cloud: CONNACK, code "),
            log::i(i64::from(return_code)),
            log::s(", session present "),
            log::i(i64::from(u8::from(session_present))),
        ],
    );
    let code = u8::try_from(return_code).unwrap_or(u8::MAX);
    callback(
        || reentered("connack"),
        |st, ev| {
            let mut tx = port::tx_buffer();
            st.last_core_call(ev, |core, io| {
                core.on_connack(io, &mut tx, code, session_present);
            });
        },
    );
}

/// The connection closed. `result` is 0 after a DISCONNECT the library
/// asked for, else a negative errno. May be called from inside
/// cw_port_mqtt_disconnect(), cw_port_mqtt_abort() or any other MQTT port
/// call of the library.
#[no_mangle]
pub extern "C" fn cw_mqtt_on_disconnect(conn: u8, result: i32) {
    if !ours(conn) {
        return;
    }
    callback(
        || defer_disconnect(result),
        |st, ev| st.transport_closed(ev, result),
    );
}

/// A PUBLISH was received in full. The pointers are valid only during the
/// call; the port acknowledges a QoS 1 message after this returns.
///
/// # Safety
/// `topic` and `payload` must point to `topic_len` and `payload_len`
/// readable bytes (or be NULL with length 0).
#[no_mangle]
pub unsafe extern "C" fn cw_mqtt_on_publish(
    conn: u8,
    topic: *const u8,
    topic_len: usize,
    payload: *const u8,
    payload_len: usize,
    qos: u8,
    msg_id: u16,
) {
    if !ours(conn) {
        return;
    }
    // SAFETY: per the contract of this function.
    let topic = unsafe { port::bytes(topic, topic_len) };
    // SAFETY: as above.
    let payload = unsafe { port::bytes(payload, payload_len) };
    log::line(
        log::DBG,
        &[
            log::s("nrf_cloud: PUBLISH id "),
            log::i(i64::from(msg_id)),
            log::s(" qos "),
            log::i(i64::from(qos)),
            log::s(" len "),
            log::i(i64::try_from(payload.len()).unwrap_or(i64::MAX)),
            log::s(" topic "),
            log::b(topic),
        ],
    );
    callback(
        || reentered("publish"),
        |st, ev| {
            ev.set_input(topic, payload);
            let mut tx = port::tx_buffer();
            st.last_core_call(ev, |core, io| core.on_publish(io, &mut tx, topic, payload));
        },
    );
}

/// A PUBLISH larger than the port's payload buffer was received and drained
/// (not acknowledged).
///
/// # Safety
/// `topic` must point to `topic_len` readable bytes (or be NULL with 0).
#[no_mangle]
pub unsafe extern "C" fn cw_mqtt_on_publish_too_large(
    conn: u8,
    topic: *const u8,
    topic_len: usize,
    payload_len: usize,
) {
    if !ours(conn) {
        return;
    }
    // SAFETY: per the contract of this function.
    let topic = unsafe { port::bytes(topic, topic_len) };
    log::line(
        log::ERR,
        &[
            log::s("nrf_cloud: received message of "),
            log::i(i64::try_from(payload_len).unwrap_or(i64::MAX)),
            log::s(" bytes is larger than the payload buffer"),
        ],
    );
    callback(
        || reentered("publish_too_large"),
        |st, ev| {
            ev.set_input(topic, &[]);
            st.last_core_call(ev, |core, io| {
                core.on_publish_too_large(io, topic, payload_len);
            });
        },
    );
}

/// PUBACK received for `msg_id`.
#[no_mangle]
pub extern "C" fn cw_mqtt_on_puback(conn: u8, msg_id: u16, result: i32) {
    if !ours(conn) {
        return;
    }
    if result != 0 {
        log::line(
            log::ERR,
            &[
                log::s("nrf_cloud: PUBACK error "),
                log::i(i64::from(result)),
                log::s(" for id "),
                log::i(i64::from(msg_id)),
            ],
        );
        return;
    }
    callback(
        || reentered("puback"),
        |st, ev| {
            let mut tx = port::tx_buffer();
            st.last_core_call(ev, |core, io| core.on_puback(io, &mut tx, msg_id));
        },
    );
}

/// SUBACK received for `msg_id`; `result` 0 = granted, else refused.
#[no_mangle]
pub extern "C" fn cw_mqtt_on_suback(conn: u8, msg_id: u16, result: i32) {
    if !ours(conn) {
        return;
    }
    log::line(
        log::DBG,
        &[
            log::s("nrf_cloud: SUBACK id "),
            log::i(i64::from(msg_id)),
            log::s(" result "),
            log::i(i64::from(result)),
        ],
    );
    callback(
        || reentered("suback"),
        |st, ev| {
            let mut tx = port::tx_buffer();
            st.last_core_call(ev, |core, io| {
                core.on_suback(io, &mut tx, msg_id, result == 0)
            });
        },
    );
}

/// PINGRESP received.
#[no_mangle]
pub extern "C" fn cw_mqtt_on_pingresp(conn: u8) {
    if !ours(conn) {
        return;
    }
    callback(
        || reentered("pingresp"),
        |st, ev| {
            st.flags.unacked_pings = st.flags.unacked_pings.saturating_sub(1);
            st.last_core_call(ev, |core, io| core.on_pingresp(io));
        },
    );
}

/// Body of the nRF Cloud connection poll thread; never returns. The port
/// runs it on its own thread when the poll thread is configured.
#[no_mangle]
pub extern "C" fn cw_nrf_cloud_poll_thread() {
    connection::poll_thread()
}
