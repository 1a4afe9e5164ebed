// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Configuration, errno, log, time, lock and signals.

use super::c_bytes;
use crate::capi_events::start_poll_thread_once;
use crate::config::nrf_cloud_config;
use crate::errno::{linux_errno, Errno};
use crate::ffi_types::{cw_errno, cw_nrf_cloud_config, CW_CONN_COUNT, CW_CONN_NRF_CLOUD};
use crate::log::{log, uptime_ms, Level};
use crate::sync::{BinarySemaphore, RecursiveLock};
use core::ffi::c_char;
use std::time::Duration;

#[no_mangle]
pub extern "C" fn cw_port_nrf_cloud_config() -> *const cw_nrf_cloud_config {
    nrf_cloud_config()
}

#[no_mangle]
pub extern "C" fn cw_port_errno(e: cw_errno) -> i32 {
    linux_errno(e)
}

/// # Safety
/// `msg` must point to `len` readable bytes (or be NULL with `len` 0).
#[no_mangle]
pub unsafe extern "C" fn cw_port_log(level: u8, msg: *const c_char, len: usize) {
    // SAFETY: forwarded caller contract.
    let bytes = unsafe { c_bytes(msg.cast(), len) }.unwrap_or_default();
    log(Level::from_u8(level), &String::from_utf8_lossy(bytes));
}

#[no_mangle]
pub extern "C" fn cw_port_uptime_ms() -> i64 {
    uptime_ms()
}

#[no_mangle]
pub extern "C" fn cw_port_sleep_ms(ms: i32) {
    if let Ok(ms) = u64::try_from(ms) {
        std::thread::sleep(Duration::from_millis(ms));
    }
}

static LIBRARY_LOCK: RecursiveLock = RecursiveLock::new();

#[no_mangle]
pub extern "C" fn cw_port_lock() {
    LIBRARY_LOCK.lock();
}

#[no_mangle]
pub extern "C" fn cw_port_unlock() {
    if !LIBRARY_LOCK.unlock() {
        log(
            Level::Err,
            "cw_port_unlock() by a thread that does not hold the lock",
        );
    }
}

static SIGNALS: [BinarySemaphore; CW_CONN_COUNT] =
    [const { BinarySemaphore::new() }; CW_CONN_COUNT];

#[no_mangle]
pub extern "C" fn cw_port_signal_give(conn: u8) {
    if conn == CW_CONN_NRF_CLOUD {
        // The poll thread waits on this signal: make sure it exists.
        start_poll_thread_once();
    }
    if let Some(signal) = SIGNALS.get(usize::from(conn)) {
        signal.give();
    }
}

#[no_mangle]
pub extern "C" fn cw_port_signal_take(conn: u8, timeout_ms: i32) -> i32 {
    let Some(signal) = SIGNALS.get(usize::from(conn)) else {
        return Errno::EINVAL.negative();
    };
    let timeout = u64::try_from(timeout_ms).ok().map(Duration::from_millis);
    if signal.take(timeout) {
        0
    } else {
        Errno::EAGAIN.negative()
    }
}
