// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The `cw_port_*` functions of include/cloudwire/port.h, and Zephyr's
//! `tls_credential_*`, as C symbols. Each is a thin shell over the Rust
//! modules; pointer arguments follow port.h's contract (valid for the call,
//! NUL-terminated where it says so).

mod mqtt;
pub(crate) use mqtt::message_buffer;
mod storage;
mod system;

/// A C buffer as a slice: NULL is only allowed with length 0.
///
/// # Safety
/// A non-NULL `ptr` must point to `len` readable bytes that stay valid and
/// unchanged for `'a`.
unsafe fn c_bytes<'a>(ptr: *const u8, len: usize) -> Option<&'a [u8]> {
    if ptr.is_null() {
        return (len == 0).then_some(&[]);
    }
    // SAFETY: non-NULL and, by the caller's contract, `len` valid bytes.
    Some(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// A writable C buffer as a slice: NULL is only allowed with length 0.
///
/// # Safety
/// A non-NULL `ptr` must point to `len` writable bytes not aliased for `'a`.
unsafe fn c_bytes_mut<'a>(ptr: *mut u8, len: usize) -> Option<&'a mut [u8]> {
    if ptr.is_null() {
        return (len == 0).then_some(&mut []);
    }
    // SAFETY: non-NULL and, by the caller's contract, `len` writable bytes.
    Some(unsafe { core::slice::from_raw_parts_mut(ptr, len) })
}

/// A NUL-terminated UTF-8 C string; None for NULL or invalid UTF-8.
///
/// # Safety
/// A non-NULL `ptr` must point to a NUL-terminated string valid for `'a`.
unsafe fn c_str<'a>(ptr: *const core::ffi::c_char) -> Option<&'a str> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: non-NULL and NUL-terminated by the caller's contract.
    unsafe { core::ffi::CStr::from_ptr(ptr) }.to_str().ok()
}

/// 0 or the negative errno, as the port functions return.
fn status(result: Result<(), crate::errno::Errno>) -> i32 {
    result.map_or_else(crate::errno::Errno::negative, |()| 0)
}
