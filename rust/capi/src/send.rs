// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The sending functions: sensor data, raw messages, shadow updates.

use cloudwire_nrf_cloud::api::{DeviceStatus, FotaServices, ShadowInfo};

use crate::bindings::*;
use crate::enum_types::to_u32;
use crate::errno::neg;
use crate::state::{fsm, locked, rc_of};
use crate::{port, state};

/// NRF_CLOUD_TOPIC_STATE / _STATE_TF.
const TOPIC_STATE: u32 = 1;
const TOPIC_STATE_TF: u32 = 5;

/// # Safety
/// `param` must be NULL or point to a valid `struct nrf_cloud_sensor_data`
/// whose data.ptr is NULL or a NUL-terminated string.
pub unsafe fn sensor_data(param: *const nrf_cloud_sensor_data, stream: bool) -> i32 {
    locked(neg(CW_EBUSY), |st, ev| {
        if st.api_state() != fsm::DC_CONNECTED {
            return neg(CW_EACCES);
        }
        // SAFETY: per the contract of this function.
        let Some(p) = (unsafe { param.as_ref() }) else {
            return neg(CW_EINVAL);
        };
        if p.data.ptr.is_null() {
            return neg(CW_EINVAL);
        }
        let mut tx = port::tx_buffer();
        // A string longer than the buffer cannot be sent anyway; reading one
        // byte past its length lets the core see that.
        // SAFETY: a NUL-terminated string, per the contract.
        let data = unsafe { port::cstr(p.data.ptr.cast(), tx.len() + 1) };
        let sensor = to_u32(p.type_);
        let (tag, ts) = (p.tag, p.ts_ms);
        rc_of(st.last_core_call(ev, |core, io| {
            if stream {
                core.sensor_data_stream(io, &mut tx, sensor, data, ts)
            } else {
                core.sensor_data_send(io, &mut tx, sensor, data, tag, ts)
            }
        }))
    })
}

/// # Safety
/// `msg` must be NULL or point to a valid `struct nrf_cloud_tx_data` whose
/// data.ptr points to data.len readable bytes.
pub unsafe fn send(msg: *const nrf_cloud_tx_data) -> i32 {
    // SAFETY: per the contract of this function.
    let Some(m) = (unsafe { msg.as_ref() }) else {
        return neg(CW_EINVAL);
    };
    let transforms = port::config().is_some_and(|c| c.shadow_transforms);
    locked(neg(CW_EBUSY), |st, ev| {
        let topic = to_u32(m.topic_type);
        let s = st.api_state();
        let shadow = topic == TOPIC_STATE || (transforms && topic == TOPIC_STATE_TF);
        if (shadow && s < fsm::CC_CONNECTED) || (!shadow && s != fsm::DC_CONNECTED) {
            return neg(CW_EACCES);
        }
        if !m.obj.is_null() {
            crate::log::msg(
                crate::log::ERR,
                "nrf_cloud_send: message objects (nrf_cloud_obj) are not supported yet",
            );
            return neg(CW_ENOTSUP);
        }
        if m.data.ptr.is_null() && m.data.len > 0 {
            return neg(CW_EINVAL);
        }
        let len = usize::try_from(m.data.len).unwrap_or(usize::MAX);
        // SAFETY: data.ptr points to data.len bytes, per the contract.
        let data = unsafe { port::bytes(m.data.ptr.cast(), len) };
        let qos = to_u32(m.qos);
        let id = m.id;
        rc_of(st.last_core_call(ev, |core, io| core.send(io, topic, data, qos, id)))
    })
}

fn shadow_info(v: u32) -> ShadowInfo {
    match v {
        1 => ShadowInfo::Set,
        2 => ShadowInfo::Clear,
        _ => ShadowInfo::NoChange,
    }
}

/// # Safety
/// `status` must be NULL or point to a valid `struct nrf_cloud_device_status`
/// whose pointers are NULL or valid.
pub unsafe fn device_status(status: *const nrf_cloud_device_status) -> i32 {
    locked(neg(CW_EBUSY), |st, ev| {
        if st.api_state() != fsm::DC_CONNECTED {
            return neg(CW_EACCES);
        }
        // SAFETY: per the contract of this function (for all derefs below).
        let Some(s) = (unsafe { status.as_ref() }) else {
            return neg(CW_EINVAL);
        };
        // SAFETY: as above.
        let modem = unsafe { s.modem.as_ref() };
        // SAFETY: as above.
        let svc = unsafe { s.svc.as_ref() };
        // SAFETY: as above.
        let fota = svc.and_then(|v| unsafe { v.fota.as_ref() });
        let app_version = modem
            .filter(|m| !m.application_version.is_null())
            // SAFETY: a NUL-terminated string, per the contract.
            .map(|m| unsafe { port::cstr(m.application_version, 128) });
        let dev = DeviceStatus {
            fota: fota.map(|f| FotaServices {
                bootloader: f.bootloader() != 0,
                modem: f.modem() != 0,
                application: f.application() != 0,
                modem_full: f.modem_full() != 0,
                smp: f.smp() != 0,
            }),
            ui: svc.is_some_and(|v| !v.ui.is_null()),
            svc_given: svc.is_some(),
            conn_inf: shadow_info(to_u32(s.conn_inf)),
            app_version,
        };
        let mut tx = port::tx_buffer();
        rc_of(st.last_core_call(ev, |core, io| {
            core.shadow_device_status_update(io, &mut tx, &dev)
        }))
    })
}

/// # Safety
/// `transform` must be NULL or a NUL-terminated string.
pub unsafe fn transform_request(transform: *const core::ffi::c_char, max_len: usize) -> i32 {
    if !port::config().is_some_and(|c| c.shadow_transforms) {
        return neg(CW_ENOTSUP);
    }
    if transform.is_null() {
        return neg(CW_EINVAL);
    }
    locked(neg(CW_EBUSY), |st, ev| {
        if st.api_state() < fsm::CC_CONNECTED {
            return neg(CW_EACCES);
        }
        let mut tx = port::tx_buffer();
        // SAFETY: a NUL-terminated string, per the contract.
        let expr = unsafe { port::cstr(transform, tx.len() + 1) };
        state::rc_of(st.last_core_call(ev, |core, io| {
            core.shadow_transform_request(io, &mut tx, expr, max_len)
        }))
    })
}
