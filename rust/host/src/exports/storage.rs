// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Settings, device identity and TLS credentials.

use super::{c_bytes, c_bytes_mut, c_str, status};
use crate::credentials::{self, Credential};
use crate::errno::Errno;
use crate::identity::{copy_c_string, hw_id};
use crate::settings;
use core::ffi::{c_char, c_int, c_void};

/// # Safety
/// `key` NUL-terminated; `buf` writable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn cw_port_settings_load(
    key: *const c_char,
    buf: *mut c_void,
    len: usize,
) -> i32 {
    // SAFETY: forwarded caller contract.
    let (key, buf) = unsafe { (c_str(key), c_bytes_mut(buf.cast(), len)) };
    let (Some(key), Some(buf)) = (key, buf) else {
        return Errno::EINVAL.negative();
    };
    settings::load(&settings::settings_dir(), key, buf)
        .map_or_else(Errno::negative, |n| i32::try_from(n).unwrap_or(i32::MAX))
}

/// # Safety
/// `key` NUL-terminated; `buf` readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn cw_port_settings_save(
    key: *const c_char,
    buf: *const c_void,
    len: usize,
) -> i32 {
    // SAFETY: forwarded caller contract.
    let (key, value) = unsafe { (c_str(key), c_bytes(buf.cast(), len)) };
    let (Some(key), Some(value)) = (key, value) else {
        return Errno::EINVAL.negative();
    };
    status(settings::save(&settings::settings_dir(), key, value))
}

#[no_mangle]
pub extern "C" fn cw_port_modem_imei(_buf: *mut c_char, _len: usize) -> i32 {
    Errno::ENOTSUP.negative()
}

#[no_mangle]
pub extern "C" fn cw_port_modem_uuid(_buf: *mut c_char, _len: usize) -> i32 {
    Errno::ENOTSUP.negative()
}

#[no_mangle]
pub extern "C" fn cw_port_modem_fw(_buf: *mut c_char, _len: usize) -> i32 {
    Errno::ENOTSUP.negative()
}

#[no_mangle]
pub extern "C" fn cw_port_jwt_generate(
    _sec_tag: i32,
    _subject: *const c_char,
    _valid_s: u32,
    _buf: *mut c_char,
    _len: usize,
) -> i32 {
    Errno::ENOTSUP.negative()
}

/// # Safety
/// `buf` writable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn cw_port_hw_id(buf: *mut c_char, len: usize) -> i32 {
    // SAFETY: forwarded caller contract.
    let Some(buf) = (unsafe { c_bytes_mut(buf.cast(), len) }).filter(|b| !b.is_empty()) else {
        return Errno::EINVAL.negative();
    };
    status(hw_id().and_then(|id| copy_c_string(&id, buf)))
}

/// # Safety
/// `size_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cw_port_credential_exists(
    sec_tag: i32,
    kind: u8,
    size_out: *mut usize,
) -> i32 {
    let Some(cred) = Credential::from_port_kind(kind) else {
        return Errno::EINVAL.negative();
    };
    let size = credentials::load(sec_tag, cred).map(|c| c.len());
    // SAFETY: NULL or writable, by the caller's contract.
    if let Some(out) = unsafe { size_out.as_mut() } {
        *out = size.unwrap_or(0);
    }
    i32::from(size.is_some())
}

/// Zephyr's tls_credential_add(): the credential is copied, so the caller's
/// buffer need not outlive the call.
///
/// # Safety
/// `cred` readable for `credlen` bytes.
#[no_mangle]
pub unsafe extern "C" fn tls_credential_add(
    tag: c_int,
    ty: c_int,
    cred: *const c_void,
    credlen: usize,
) -> c_int {
    // SAFETY: forwarded caller contract.
    let Some(data) = (unsafe { c_bytes(cred.cast(), credlen) }).filter(|d| !d.is_empty()) else {
        return Errno::EINVAL.negative();
    };
    status(credentials::add(tag, ty, data))
}

/// Zephyr's tls_credential_get(): -ENOENT, or -EFBIG with the needed size
/// in `*credlen` when the buffer is too small (NULL counts as empty).
///
/// # Safety
/// `credlen` valid; `cred` writable for `*credlen` bytes or NULL.
#[no_mangle]
pub unsafe extern "C" fn tls_credential_get(
    tag: c_int,
    ty: c_int,
    cred: *mut c_void,
    credlen: *mut usize,
) -> c_int {
    // SAFETY: NULL or valid, by the caller's contract.
    let Some(credlen) = (unsafe { credlen.as_mut() }) else {
        return Errno::EINVAL.negative();
    };
    let Some(data) = credentials::get(tag, ty) else {
        return Errno::ENOENT.negative();
    };
    let capacity = if cred.is_null() { 0 } else { *credlen };
    // SAFETY: `capacity` writable bytes at `cred` (0 when NULL).
    let dst = unsafe { c_bytes_mut(cred.cast(), capacity) }.and_then(|b| b.get_mut(..data.len()));
    *credlen = data.len();
    match dst {
        Some(dst) => {
            dst.copy_from_slice(&data);
            0
        }
        None => -libc::EFBIG,
    }
}

#[no_mangle]
pub extern "C" fn tls_credential_delete(tag: c_int, ty: c_int) -> c_int {
    status(credentials::delete(tag, ty))
}
