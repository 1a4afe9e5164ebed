// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Safe wrappers around the port functions of <cloudwire/port.h>.

use crate::bindings::*;
use core::ffi::c_char;

/// The nRF Cloud connection's id in the port.
#[allow(clippy::cast_possible_truncation)] // CW_CONN_NRF_CLOUD is 0
pub const CONN: u8 = CW_CONN_NRF_CLOUD as u8;

/// The build's nRF Cloud configuration.
pub fn config() -> Option<&'static cw_nrf_cloud_config> {
    // SAFETY: the port returns NULL or a pointer to a configuration that is
    // never freed nor changed (a static on every port).
    unsafe { cw_port_nrf_cloud_config().as_ref() }
}

/// Bytes of a NUL-terminated C string, at most `max` of them (a missing NUL
/// past `max` does not read further). NULL gives an empty slice.
///
/// # Safety
/// `s` must be NULL or point to a NUL-terminated string (or to at least `max`
/// readable bytes) that stays valid and unchanged for `'a`.
pub unsafe fn cstr<'a>(s: *const c_char, max: usize) -> &'a [u8] {
    if s.is_null() {
        return &[];
    }
    let mut n = 0;
    // SAFETY: per the contract, every byte up to the NUL (or max) is readable.
    while n < max && unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    // SAFETY: the n bytes just read are valid for 'a.
    unsafe { core::slice::from_raw_parts(s.cast::<u8>(), n) }
}

/// A byte slice from a C pointer and length; NULL gives an empty slice.
///
/// # Safety
/// `p` must be NULL or point to `len` readable bytes valid for `'a`.
pub unsafe fn bytes<'a>(p: *const u8, len: usize) -> &'a [u8] {
    if p.is_null() || len == 0 {
        &[]
    } else {
        // SAFETY: per the contract.
        unsafe { core::slice::from_raw_parts(p, len) }
    }
}

/// A configuration string (`const char *` of the port's config).
pub fn config_str(s: *const c_char) -> &'static [u8] {
    // SAFETY: configuration strings are static NUL-terminated strings or NULL.
    unsafe { cstr(s, 256) }
}

pub fn lock() {
    // SAFETY: no preconditions; the lock is recursive.
    unsafe { cw_port_lock() }
}

pub fn unlock() {
    // SAFETY: only called by the owner of a matching lock() (state::enter
    // when it refuses, state::leave).
    unsafe { cw_port_unlock() }
}

#[cfg(feature = "log")]
pub fn log(level: u8, msg: &[u8]) {
    // SAFETY: msg is a valid slice for the duration of the call.
    unsafe { cw_port_log(level, msg.as_ptr().cast::<c_char>(), msg.len()) }
}

pub fn sleep_ms(ms: i32) {
    // SAFETY: no preconditions.
    unsafe { cw_port_sleep_ms(ms) }
}

pub fn signal_give() {
    // SAFETY: no preconditions.
    unsafe { cw_port_signal_give(CONN) }
}

pub fn signal_take(timeout_ms: i32) -> i32 {
    // SAFETY: no preconditions.
    unsafe { cw_port_signal_take(CONN, timeout_ms) }
}

/// Space the port lends for encoding an outgoing payload (port.h,
/// cw_port_tx_buffer()): the payload buffer, or what an incoming payload
/// leaves of it. Given back to the port when dropped.
///
/// Only take it while holding the lock, drop it before unlocking, and hold
/// one at a time.
pub struct TxBuffer {
    buf: &'static mut [u8],
}

pub fn tx_buffer() -> TxBuffer {
    let mut len: usize = 0;
    // SAFETY: len is a valid out pointer.
    let p = unsafe { cw_port_tx_buffer(CONN, &mut len) };
    let buf: &'static mut [u8] = if p.is_null() || len == 0 {
        &mut []
    } else {
        // SAFETY: the port lends len bytes at p, untouched by anyone else
        // until cw_port_tx_buffer_release(), which only Drop calls; the
        // slice does not outlive self.
        unsafe { core::slice::from_raw_parts_mut(p, len) }
    };
    TxBuffer { buf }
}

impl core::ops::Deref for TxBuffer {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.buf
    }
}

impl core::ops::DerefMut for TxBuffer {
    fn deref_mut(&mut self) -> &mut [u8] {
        self.buf
    }
}

impl Drop for TxBuffer {
    fn drop(&mut self) {
        // SAFETY: pairs the cw_port_tx_buffer() call of tx_buffer().
        unsafe { cw_port_tx_buffer_release(CONN) }
    }
}

pub fn mqtt_connect(p: &cw_mqtt_conn_params) -> i32 {
    // SAFETY: p and the strings it points to are valid during the call.
    unsafe { cw_port_mqtt_connect(CONN, p) }
}

pub fn mqtt_disconnect() -> i32 {
    // SAFETY: no preconditions (it may call cw_mqtt_on_disconnect back).
    unsafe { cw_port_mqtt_disconnect(CONN) }
}

pub fn mqtt_abort() -> i32 {
    // SAFETY: no preconditions (it may call cw_mqtt_on_disconnect back).
    unsafe { cw_port_mqtt_abort(CONN) }
}

pub fn mqtt_publish(topic: &[u8], payload: &[u8], qos: u8, msg_id: u16) -> i32 {
    // SAFETY: the slices are valid during the call; the port does not keep
    // them.
    unsafe {
        cw_port_mqtt_publish(
            CONN,
            topic.as_ptr(),
            topic.len(),
            payload.as_ptr(),
            payload.len(),
            qos,
            msg_id,
        )
    }
}

pub fn mqtt_subscribe(topics: &[cw_mqtt_topic], msg_id: u16) -> i32 {
    // SAFETY: the array and the topics it points to are valid during the
    // call.
    unsafe { cw_port_mqtt_subscribe(CONN, topics.as_ptr(), topics.len(), msg_id) }
}

pub fn mqtt_input() -> i32 {
    // SAFETY: no preconditions; callbacks come back through cw_mqtt_on_*.
    unsafe { cw_port_mqtt_input(CONN) }
}

pub fn mqtt_live() -> i32 {
    // SAFETY: no preconditions.
    unsafe { cw_port_mqtt_live(CONN) }
}

pub fn mqtt_ping() -> i32 {
    // SAFETY: no preconditions.
    unsafe { cw_port_mqtt_ping(CONN) }
}

pub fn mqtt_keepalive_set(seconds: u16) -> i32 {
    // SAFETY: no preconditions.
    unsafe { cw_port_mqtt_keepalive_set(CONN, seconds) }
}

pub fn mqtt_keepalive_time_left() -> i32 {
    // SAFETY: no preconditions.
    unsafe { cw_port_mqtt_keepalive_time_left(CONN) }
}

pub fn mqtt_wait(timeout_ms: i32) -> i32 {
    // SAFETY: no preconditions.
    unsafe { cw_port_mqtt_wait(CONN, timeout_ms) }
}

/// Reads a settings value; the number of bytes read or a negative errno.
/// `key` must end with a NUL byte.
pub fn settings_load(key: &[u8], buf: &mut [u8]) -> i32 {
    if key.last() != Some(&0) {
        return crate::errno::einval();
    }
    // SAFETY: key is NUL-terminated (checked); buf is writable for its length.
    unsafe { cw_port_settings_load(key.as_ptr().cast(), buf.as_mut_ptr().cast(), buf.len()) }
}

/// Writes a settings value. `key` must end with a NUL byte.
pub fn settings_save(key: &[u8], buf: &[u8]) -> i32 {
    if key.last() != Some(&0) {
        return crate::errno::einval();
    }
    // SAFETY: key is NUL-terminated (checked); buf is readable for its length.
    unsafe { cw_port_settings_save(key.as_ptr().cast(), buf.as_ptr().cast(), buf.len()) }
}

/// Signature shared by the port's "read a device string" functions.
pub type ReadFn = unsafe extern "C" fn(*mut c_char, usize) -> i32;

/// Calls one of cw_port_modem_imei/_uuid/_fw or cw_port_hw_id into `buf`.
pub fn read_string(f: ReadFn, buf: &mut [u8]) -> i32 {
    if let Some(first) = buf.first_mut() {
        *first = 0;
    }
    // SAFETY: buf is writable for its length; the port writes at most that.
    unsafe { f(buf.as_mut_ptr().cast::<c_char>(), buf.len()) }
}

pub fn credential_exists(sec_tag: i32, kind: u8, size: &mut usize) -> i32 {
    // SAFETY: size is a valid out pointer.
    unsafe { cw_port_credential_exists(sec_tag, kind, size) }
}
