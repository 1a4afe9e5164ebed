// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! nrf_cloud_init() and nrf_cloud_uninit().

use cloudwire_nrf_cloud::api::{ConnMethod, DisconnectStatus, Settings};

use crate::bindings::*;
use crate::errno::neg;
use crate::io::P_SESH_KEY;
use crate::state::{errno_of, fsm, locked, locked_quiet, CLIENT_ID_MAX};
use crate::{details, identity, log, port};

/// How long uninit waits for the disconnect, in steps of `STEP_MS`.
const DISCONNECT_WAIT_MS: u32 = 30_000;
/// Poll-thread wait of uninit: 50 x 200 ms, as NCS.
const POLL_WAIT_STEPS: u32 = 50;
const POLL_WAIT_STEP_MS: u32 = 200;
const STEP_MS: u32 = 100;

fn conn_method(s: &[u8]) -> ConnMethod {
    if s == b"LTE" {
        ConnMethod::Lte
    } else if s == b"Wi-Fi" {
        ConnMethod::WiFi
    } else {
        ConnMethod::Unknown
    }
}

/// # Safety
/// `param` must be NULL or point to a valid `struct nrf_cloud_init_param`
/// whose strings are NULL or NUL-terminated.
pub unsafe fn init(param: *const nrf_cloud_init_param) -> i32 {
    locked_quiet(neg(CW_EBUSY), |st| {
        if st.core.state() as u32 != fsm::IDLE || st.flags.uninit_in_progress {
            return neg(CW_EACCES);
        }
        // SAFETY: per the contract of this function.
        let Some(param) = (unsafe { param.as_ref() }) else {
            return neg(CW_EINVAL);
        };
        let Some(handler) = param.event_handler else {
            return neg(CW_EINVAL);
        };
        let Some(cfg) = port::config() else {
            log::msg(log::ERR, "nrf_cloud: the port has no configuration");
            return neg(CW_EIO);
        };
        if !param.client_id.is_null() {
            if identity::is_runtime(cfg) {
                // SAFETY: a NUL-terminated string, per the contract.
                let id = unsafe { port::cstr(param.client_id, CLIENT_ID_MAX + 1) };
                let rc =
                    identity::runtime_set(&mut st.core, Some(cfg), id, id.len() > CLIENT_ID_MAX);
                if rc != 0 {
                    return rc;
                }
            } else {
                log::msg(
                    log::WRN,
                    "nrf_cloud: not configured for a runtime client ID; init parameter ignored",
                );
            }
        }
        if let Err(e) = identity::client_id(&mut st.core, Some(cfg)) {
            return e;
        }
        let settings = Settings {
            keepalive_s: cfg.keepalive_s,
            ua_wait_keepalive_s: cfg.ua_wait_keepalive_s,
            persistent_sessions: cfg.persistent_sessions,
            shadow_transforms: cfg.shadow_transforms,
            send_conn_info: cfg.send_conn_info,
            connection_method: conn_method(port::config_str(cfg.connection_method)),
        };
        if let Err(e) = st.core.init_with_set_id(settings) {
            return errno_of(e);
        }
        // SAFETY: a NUL-terminated string or NULL, per the contract.
        let version = unsafe { port::cstr(param.application_version, 128) };
        st.core.set_app_version(version);
        if cfg.persistent_sessions {
            let mut v = [0u8; 4];
            let n = port::settings_load(P_SESH_KEY, &mut v);
            let on = n == 4 && i32::from_ne_bytes(v) != 0;
            st.core.set_persistent_session(on);
            log::line(
                log::DBG,
                &[
                    log::s("nrf_cloud: persistent session flag "),
                    log::i(i64::from(u8::from(on))),
                ],
            );
        }
        if cfg!(feature = "log") {
            // Only logs (the ID is worked out already).
            let _ = details::print_details(&mut st.core);
        }
        st.flags.handler = Some(handler);
        log::msg(log::DBG, "nrf_cloud: initialized");
        0
    })
}

pub fn uninit() -> i32 {
    let mut err = 0;
    let must_wait = locked(false, |st, ev| {
        st.flags.uninit_in_progress = true;
        if st.core.state() as u32 >= fsm::CONNECTED || st.flags.transport_open {
            log::msg(log::DBG, "nrf_cloud: disconnecting for uninit");
            st.flags.disconnect_requested = true;
            if st.flags.transport_open {
                let r = st.core_call(ev, |core, io| core.disconnect(io));
                if r.is_err() {
                    st.close_transport(ev, DisconnectStatus::UserRequest, false);
                }
            }
        }
        st.flags.transport_open
    });
    // The disconnect event has been delivered (the handler is still set).
    if must_wait
        && !wait_until(DISCONNECT_WAIT_MS / STEP_MS, STEP_MS, || {
            !locked_quiet(true, |st| st.flags.transport_open)
        })
    {
        log::msg(log::WRN, "nrf_cloud: no disconnect event during uninit");
        err = neg(CW_EISCONN);
        locked((), |st, ev| {
            st.close_transport(ev, DisconnectStatus::UserRequest, false);
        });
    }
    if port::config().is_some_and(|c| c.poll_thread)
        && !wait_until(POLL_WAIT_STEPS, POLL_WAIT_STEP_MS, || {
            !locked_quiet(true, |st| st.flags.poll_busy || st.flags.connect_pending)
        })
    {
        log::msg(
            log::WRN,
            "nrf_cloud: connection poll thread did not become inactive",
        );
        if err == 0 {
            err = neg(CW_ETIME);
        }
    }
    locked_quiet((), |st| {
        st.flags.handler = None;
        st.core.uninit();
        st.flags.connect_pending = false;
        st.flags.poll_busy = false;
        st.flags.disconnect_requested = false;
        st.flags.uninit_in_progress = false;
        log::msg(log::DBG, "nrf_cloud: uninitialized");
    });
    err
}

/// Polls `done` up to `steps` times, `step_ms` apart; true once it is.
fn wait_until(steps: u32, step_ms: u32, mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..steps {
        if done() {
            return true;
        }
        port::sleep_ms(i32::try_from(step_ms).unwrap_or(i32::MAX));
    }
    done()
}
