// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The extern "C" functions of <net/nrf_cloud.h>. Each checks its arguments
//! and hands over to the module that does the work; the behaviour and the
//! return codes are documented in the header.

use core::ffi::c_char;

use crate::bindings::*;
use crate::errno::neg;
use crate::identity::{self, UUID_LEN};
use crate::state::{locked_quiet, CLIENT_ID_MAX};
use crate::{connection, details, lifecycle, port, send};

/// # Safety
/// `param`: NULL or a valid init parameter struct (see the header).
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_init(param: *const nrf_cloud_init_param) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { lifecycle::init(param) }
}

#[no_mangle]
pub extern "C" fn nrf_cloud_uninit() -> i32 {
    lifecycle::uninit()
}

#[no_mangle]
pub extern "C" fn nrf_cloud_print_details() -> i32 {
    locked_quiet(neg(CW_EBUSY), |st| details::print_details(&mut st.core))
}

#[no_mangle]
pub extern "C" fn nrf_cloud_print_cloud_details() -> i32 {
    locked_quiet(neg(CW_EBUSY), |st| {
        details::print_cloud_details_of(&st.core)
    })
}

/// Runs a port "read a device string" function into a C buffer.
///
/// # Safety
/// `buf` must be NULL or writable for `buf_sz` bytes.
unsafe fn read_into(f: port::ReadFn, buf: *mut c_char, buf_sz: usize, cut: bool) -> i32 {
    if buf.is_null() || buf_sz == 0 {
        return neg(CW_EINVAL);
    }
    // SAFETY: buf is writable for buf_sz bytes, per the contract.
    let out = unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), buf_sz) };
    let rc = port::read_string(f, out);
    if rc < 0 {
        return rc;
    }
    if cut {
        identity::cut_at_crlf(out);
    }
    0
}

/// # Safety
/// `buf`: NULL or writable for `buf_sz` bytes.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_get_imei(buf: *mut c_char, buf_sz: usize) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { read_into(cw_port_modem_imei, buf, buf_sz, true) }
}

/// # Safety
/// `buf`: NULL or writable for `buf_sz` bytes.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_get_uuid(buf: *mut c_char, buf_sz: usize) -> i32 {
    if buf.is_null() {
        return neg(CW_EINVAL);
    }
    if buf_sz <= UUID_LEN {
        return neg(CW_ENOMEM);
    }
    // SAFETY: forwarded contract.
    unsafe { read_into(cw_port_modem_uuid, buf, buf_sz, false) }
}

/// # Safety
/// `buf`: NULL or writable for `buf_sz` bytes.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_get_modem_fw(buf: *mut c_char, buf_sz: usize) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { read_into(cw_port_modem_fw, buf, buf_sz, true) }
}

#[no_mangle]
pub extern "C" fn nrf_cloud_connect() -> i32 {
    connection::connect()
}

/// # Safety
/// `param`: NULL or a valid sensor data struct with a string in data.ptr.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_sensor_data_send(param: *const nrf_cloud_sensor_data) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { send::sensor_data(param, false) }
}

/// # Safety
/// `dev_status`: NULL or a valid device status struct.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_shadow_device_status_update(
    dev_status: *const nrf_cloud_device_status,
) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { send::device_status(dev_status) }
}

/// # Safety
/// `param`: NULL or a valid sensor data struct with a string in data.ptr.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_sensor_data_stream(param: *const nrf_cloud_sensor_data) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { send::sensor_data(param, true) }
}

/// # Safety
/// `msg`: NULL or a valid tx data struct.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_send(msg: *const nrf_cloud_tx_data) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { send::send(msg) }
}

/// # Safety
/// `transform`: NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_shadow_transform_request(
    transform: *const c_char,
    max_response_len: usize,
) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { send::transform_request(transform, max_response_len) }
}

#[no_mangle]
pub extern "C" fn nrf_cloud_disconnect() -> i32 {
    connection::disconnect()
}

#[no_mangle]
pub extern "C" fn nrf_cloud_process() -> i32 {
    connection::process()
}

/// # Safety
/// `id_buf`: NULL or writable for `id_buf_sz` bytes.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_client_id_get(id_buf: *mut c_char, id_buf_sz: usize) -> i32 {
    if id_buf.is_null() || id_buf_sz == 0 {
        return neg(CW_EINVAL);
    }
    // SAFETY: writable for id_buf_sz bytes, per the contract.
    let out = unsafe { core::slice::from_raw_parts_mut(id_buf.cast::<u8>(), id_buf_sz) };
    locked_quiet(neg(CW_EBUSY), |st| {
        let id = match identity::client_id(&mut st.core, port::config()) {
            Ok(id) => id,
            Err(e) => return e,
        };
        copy_cstr(id, out)
    })
}

/// Copies `s` and a NUL into `out`; -EMSGSIZE if it does not fit.
fn copy_cstr(s: &[u8], out: &mut [u8]) -> i32 {
    let needed = s.len() + 1;
    let Some(dst) = out.get_mut(..needed) else {
        crate::log::line(
            crate::log::ERR,
            &[
                crate::log::s("nrf_cloud: buffer too small, required size: "),
                crate::log::i(i64::try_from(needed).unwrap_or(i64::MAX)),
            ],
        );
        return neg(CW_EMSGSIZE);
    };
    let (text, nul) = dst.split_at_mut(s.len());
    text.copy_from_slice(s);
    nul.fill(0);
    0
}

/// # Safety
/// `client_id`: NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_client_id_runtime_set(client_id: *const c_char) -> i32 {
    if client_id.is_null() {
        return neg(CW_EINVAL);
    }
    // SAFETY: a NUL-terminated string, per the contract.
    let id = unsafe { port::cstr(client_id, CLIENT_ID_MAX + 1) };
    locked_quiet(neg(CW_EBUSY), |st| {
        identity::runtime_set(&mut st.core, port::config(), id, id.len() > CLIENT_ID_MAX)
    })
}

/// # Safety
/// `id_buf`: NULL or writable for `id_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_tenant_id_get(id_buf: *mut c_char, id_len: usize) -> i32 {
    locked_quiet(neg(CW_EBUSY), |st| {
        let tenant = st.core.tenant_id();
        if id_len <= tenant.len() {
            return neg(CW_EMSGSIZE);
        }
        if id_buf.is_null() || tenant.is_empty() {
            return neg(CW_EINVAL);
        }
        // SAFETY: writable for id_len bytes, per the contract.
        let out = unsafe { core::slice::from_raw_parts_mut(id_buf.cast::<u8>(), id_len) };
        // As strncpy: the string, then zeros up to id_len.
        out.fill(0);
        if let Some(dst) = out.get_mut(..tenant.len()) {
            dst.copy_from_slice(tenant);
        }
        0
    })
}

/// # Safety
/// `jwt_buf`: NULL or writable for `jwt_buf_sz` bytes.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_jwt_generate(
    time_valid_s: u32,
    jwt_buf: *mut c_char,
    jwt_buf_sz: usize,
) -> i32 {
    if jwt_buf.is_null() || jwt_buf_sz == 0 {
        return neg(CW_EINVAL);
    }
    let valid_s = match time_valid_s {
        0 => NRF_CLOUD_JWT_VALID_TIME_S_DEF,
        v => v.min(NRF_CLOUD_JWT_VALID_TIME_S_MAX),
    };
    // The subject, NUL-terminated; none with the UUID source (the UUID is
    // already the issuer).
    let mut subject = [0u8; CLIENT_ID_MAX + 1];
    let with_subject = match locked_quiet(Err(neg(CW_EBUSY)), |st| {
        let cfg = port::config();
        if cfg.is_some_and(identity::is_uuid) {
            return Ok(false);
        }
        let id = identity::client_id(&mut st.core, cfg)?;
        Ok(copy_cstr(id, &mut subject) == 0)
    }) {
        Ok(w) => w,
        Err(e) => return e,
    };
    let subject_ptr = if with_subject {
        subject.as_ptr().cast::<c_char>()
    } else {
        core::ptr::null()
    };
    // SAFETY: subject is NULL or NUL-terminated; jwt_buf is writable for
    // jwt_buf_sz bytes, per the contract.
    let rc = unsafe {
        cw_port_jwt_generate(
            details::sec_tag(),
            subject_ptr,
            valid_s,
            jwt_buf,
            jwt_buf_sz,
        )
    };
    rc.min(0)
}

/// # Safety
/// `cs`: NULL or a writable credentials status struct.
#[no_mangle]
pub unsafe extern "C" fn nrf_cloud_credentials_check(cs: *mut nrf_cloud_credentials_status) -> i32 {
    if cs.is_null() {
        return neg(CW_EINVAL);
    }
    // SAFETY: cs is a valid writable struct, per the contract; all-zero is a
    // valid value of it.
    unsafe { core::ptr::write_bytes(cs, 0, 1) };
    // SAFETY: as above; no other reference to it exists.
    let out = unsafe { &mut *cs };
    let c = match details::credentials_check() {
        Ok(c) => c,
        Err(e) => return e,
    };
    out.sec_tag = c.sec_tag as u32; // sec tags are reported as unsigned
    out.ca_size = c.ca_size;
    out.set_ca(c.ca.into());
    out.set_ca_coap(c.ca_coap.into());
    out.set_ca_aws(c.ca_aws.into());
    out.set_client_cert(c.client_cert.into());
    out.set_prv_key(c.prv_key.into());
    0
}

#[no_mangle]
pub extern "C" fn nrf_cloud_credentials_configured_check() -> i32 {
    details::credentials_configured_check()
}

#[no_mangle]
pub extern "C" fn nrf_cloud_sec_tag_set(sec_tag: sec_tag_t) {
    details::sec_tag_set(sec_tag);
}

#[no_mangle]
pub extern "C" fn nrf_cloud_sec_tag_get() -> sec_tag_t {
    details::sec_tag()
}

/// Memory hooks are accepted and ignored: cloudwire never allocates.
#[no_mangle]
pub extern "C" fn nrf_cloud_os_mem_hooks_init(_hooks: *mut nrf_cloud_os_mem_hooks) {}

/// Each function above has exactly the signature the header declares (the
/// bindgen declarations of include/net/nrf_cloud.h): a compile-time check.
#[allow(dead_code)]
fn signatures_match_the_header() {
    use crate::bindings as h;
    fn same<T>(_: T, _: T) {}
    macro_rules! check {
        ($($f:ident ($($a:tt),*)),* $(,)?) => {$(
            same(
                h::$f as unsafe extern "C" fn($($a),*) -> _,
                $f as unsafe extern "C" fn($($a),*) -> _,
            );
        )*};
    }
    check!(
        nrf_cloud_init(_),
        nrf_cloud_uninit(),
        nrf_cloud_print_details(),
        nrf_cloud_print_cloud_details(),
        nrf_cloud_get_imei(_, _),
        nrf_cloud_get_uuid(_, _),
        nrf_cloud_get_modem_fw(_, _),
        nrf_cloud_connect(),
        nrf_cloud_sensor_data_send(_),
        nrf_cloud_shadow_device_status_update(_),
        nrf_cloud_sensor_data_stream(_),
        nrf_cloud_send(_),
        nrf_cloud_shadow_transform_request(_, _),
        nrf_cloud_disconnect(),
        nrf_cloud_process(),
        nrf_cloud_client_id_get(_, _),
        nrf_cloud_client_id_runtime_set(_),
        nrf_cloud_tenant_id_get(_, _),
        nrf_cloud_jwt_generate(_, _, _),
        nrf_cloud_credentials_check(_),
        nrf_cloud_credentials_configured_check(),
        nrf_cloud_sec_tag_set(_),
        nrf_cloud_sec_tag_get(),
        nrf_cloud_os_mem_hooks_init(_),
    );
}
