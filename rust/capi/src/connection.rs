// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Connecting, processing and closing the MQTT connection: nrf_cloud_connect,
//! nrf_cloud_process, nrf_cloud_disconnect and the poll thread.
//!
//! Slow port calls (connecting, waiting on the socket, reading) run without
//! the lock so that the API stays usable meanwhile; reading calls the
//! cw_mqtt_on_* callbacks, which take the lock themselves.

use cloudwire_nrf_cloud::api::{DisconnectStatus, EventType};

use crate::bindings::*;
use crate::enum_types::to_i32;
use crate::errno::neg;
use crate::events::Events;
use crate::state::{fsm, locked, locked_quiet, rc_of, ClientId, State, CLIENT_ID_MAX};
use crate::{connect_result, details, log, port};

/// What the port needs to open the connection, copied out of the state
/// (filled in place: no copies of it are made) so the slow connect can run
/// without the lock.
struct Params {
    client_id: ClientId,
    keepalive_s: u16,
    clean_session: bool,
    sec_tag: i32,
}

impl Params {
    /// Zeros, filled by `fill` under the lock.
    fn new() -> Self {
        Params {
            client_id: ClientId {
                buf: [0; CLIENT_ID_MAX],
                len: 0,
            },
            keepalive_s: 0,
            clean_session: false,
            sec_tag: 0,
        }
    }

    fn fill(&mut self, st: &State) {
        // The core's ID is 1..=CLIENT_ID_MAX bytes once initialized.
        self.client_id.set(&[], st.core.client_id());
        self.keepalive_s = st.core.keepalive_s();
        self.clean_session = st.core.clean_session();
        self.sec_tag = details::sec_tag();
    }

    /// Opens TCP + TLS and sends CONNECT (blocking; no lock held).
    fn connect(&self) -> i32 {
        let Some(cfg) = port::config() else {
            return neg(CW_EIO);
        };
        let id = self.client_id.get();
        let p = cw_mqtt_conn_params {
            host: cfg.host_name,
            static_ipv4: if cfg.static_ipv4 {
                cfg.static_ipv4_addr
            } else {
                core::ptr::null()
            },
            client_id: id.as_ptr(),
            client_id_len: id.len(),
            sec_tag: self.sec_tag,
            port: cfg.port,
            keepalive_s: self.keepalive_s,
            clean_session: self.clean_session,
            ipv6_only: cfg.ipv6_only,
        };
        log::line(
            log::DBG,
            &[
                log::s("nrf_cloud: connecting, clean session "),
                log::i(i64::from(u8::from(self.clean_session))),
            ],
        );
        port::mqtt_connect(&p)
    }
}

fn poll_thread_configured() -> bool {
    port::config().is_some_and(|c| c.poll_thread)
}

pub fn connect() -> i32 {
    let misc = to_i32(NRF_CLOUD_CONNECT_RES_ERR_MISC);
    let mut params = Params::new();
    // Some(result) to return now; None to connect with `params`.
    let refused = locked_quiet(Some(misc), |st| {
        let s = st.api_state();
        if s == fsm::IDLE {
            return Some(to_i32(NRF_CLOUD_CONNECT_RES_ERR_NOT_INITD));
        }
        if s != fsm::INITIALIZED || st.flags.connect_pending || st.flags.transport_open {
            return Some(to_i32(NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED));
        }
        if let Err(e) = st.core.connect_started() {
            return Some(connect_result::from_errno(crate::state::errno_of(e)));
        }
        st.flags.connect_pending = true;
        st.flags.disconnect_requested = false;
        if poll_thread_configured() {
            port::signal_give();
            return Some(0);
        }
        params.fill(st);
        None
    });
    if let Some(r) = refused {
        return r;
    }
    let rc = params.connect();
    locked(misc, |st, ev| {
        connect_done(st, ev, rc);
        connect_result::from_errno(rc)
    })
}

/// Records the outcome of the port's connect; on failure raises
/// TRANSPORT_CONNECT_ERROR with the poll thread (without it the result is
/// nrf_cloud_connect()'s return value, as in NCS).
fn connect_done(st: &mut State, ev: &mut Events, rc: i32) {
    if rc == 0 {
        log::msg(log::DBG, "nrf_cloud: CONNECT sent");
        st.flags.connection_opened();
        if st.flags.uninit_in_progress {
            // nrf_cloud_uninit() ran while the port was connecting.
            st.flags.disconnect_requested = true;
            st.close_transport(ev, DisconnectStatus::UserRequest, true);
        }
        return;
    }
    log::line(
        log::ERR,
        &[
            log::s("nrf_cloud: connecting failed: "),
            log::i(i64::from(rc)),
        ],
    );
    st.core.connect_failed();
    st.flags.connect_pending = false;
    if poll_thread_configured() {
        let result = connect_result::from_errno(rc);
        ev.push(
            EventType::TransportConnectError as u32,
            result as u32, // the negative result, as NCS's uint32_t status
            &[],
            &[],
        );
    }
}

pub fn disconnect() -> i32 {
    locked(neg(CW_EBUSY), |st, ev| {
        if st.api_state() < fsm::CONNECTED {
            return neg(CW_EACCES);
        }
        st.flags.disconnect_requested = true;
        let rc = rc_of(st.core_call(ev, |core, io| core.disconnect(io)));
        if rc != 0 {
            // DISCONNECT could not be sent: close the connection anyway.
            st.close_transport(ev, DisconnectStatus::UserRequest, false);
        }
        rc
    })
}

/// nrf_cloud_process(): read, then ping when due. 0 (ping sent), -EAGAIN
/// (nothing to do) or a negative errno.
pub fn process() -> i32 {
    let enotconn = neg(CW_ENOTCONN);
    if !locked_quiet(false, |st| st.flags.transport_open) {
        return enotconn;
    }
    // Without the lock: the callbacks it makes take it.
    let rc = port::mqtt_input();
    if rc != 0 {
        log::line(
            log::ERR,
            &[
                log::s("nrf_cloud: MQTT input error: "),
                log::i(i64::from(rc)),
            ],
        );
        if rc != enotconn {
            return rc;
        }
    }
    locked(neg(CW_EBUSY), |st, ev| {
        let err = if rc != 0 {
            rc
        } else if st.flags.unacked_pings > 1 {
            log::msg(log::DBG, "nrf_cloud: previous PINGREQ not answered");
            neg(CW_ECONNRESET)
        } else if !st.flags.transport_open {
            // Closed while reading (the callback raised the event).
            return enotconn;
        } else {
            let live = port::mqtt_live();
            if live == 0 {
                st.flags.unacked_pings = st.flags.unacked_pings.saturating_add(1);
                return 0;
            }
            if live == neg(CW_EAGAIN) {
                return live;
            }
            log::line(
                log::ERR,
                &[
                    log::s("nrf_cloud: MQTT ping error: "),
                    log::i(i64::from(live)),
                ],
            );
            live
        };
        let status = if st.flags.disconnect_requested {
            DisconnectStatus::UserRequest
        } else {
            DisconnectStatus::ClosedByRemote
        };
        st.close_transport(ev, status, true);
        err
    })
}

/// Body of the poll thread (CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD).
#[inline(always)] // into its one caller, cw_nrf_cloud_poll_thread
pub fn poll_thread() -> ! {
    loop {
        // One give per accepted nrf_cloud_connect(); a request made while
        // a connection winds down is served on the next turn.
        if port::signal_take(-1) != 0 {
            port::sleep_ms(100);
            continue;
        }
        run_connection();
    }
}

/// One connection of the poll thread, from CONNECTING to its close.
fn run_connection() {
    let mut params = Params::new();
    let go = locked(false, |st, ev| {
        if !st.flags.connect_pending || st.flags.transport_open {
            return false;
        }
        if st.flags.uninit_in_progress {
            st.core.connect_failed();
            st.flags.connect_pending = false;
            return false;
        }
        st.flags.poll_busy = true;
        ev.push(EventType::TransportConnecting as u32, 0, &[], &[]);
        params.fill(st);
        true
    });
    if !go {
        return;
    }
    let rc = params.connect();
    // Not busy any more when the CONNECT_ERROR handler runs.
    let opened = locked(false, |st, ev| {
        connect_done(st, ev, rc);
        st.flags.poll_busy = st.flags.transport_open;
        st.flags.transport_open
    });
    if opened {
        poll_loop();
        locked_quiet((), |st| st.flags.poll_busy = false);
    }
}

/// Longest wait on the socket when no keepalive is due.
const IDLE_WAIT_MS: i32 = 1000;

/// Waits on the socket and processes it until the connection closes.
fn poll_loop() {
    loop {
        // -1 (no keepalive, or no connection any more): wake up now and
        // then rather than never.
        let timeout = match port::mqtt_keepalive_time_left() {
            t if t < 0 => IDLE_WAIT_MS,
            t => t,
        };
        let w = port::mqtt_wait(timeout);
        let status = wait_outcome(w);
        if let Some(status) = status {
            log::line(
                log::DBG,
                &[
                    log::s("nrf_cloud: poll ends, wait result "),
                    log::i(i64::from(w)),
                ],
            );
            locked((), |st, ev| st.close_transport(ev, status, false));
            return;
        }
        if !locked_quiet(false, |st| st.flags.transport_open) {
            return;
        }
    }
}

/// What one wait result means: None to go on, or the disconnect status.
pub(crate) fn wait_outcome(w: i32) -> Option<DisconnectStatus> {
    let after_process =
        |rc: i32| (rc < 0 && rc != neg(CW_EAGAIN)).then_some(DisconnectStatus::ClosedByRemote);
    let bit = |b: u32| u32::try_from(w).is_ok_and(|w| w & b != 0);
    if w == 0 {
        after_process(process())
    } else if w < 0 {
        Some(DisconnectStatus::Misc)
    } else if bit(CW_POLL_IN) {
        after_process(process())
    } else if bit(CW_POLL_NVAL) {
        let requested = locked_quiet(false, |st| st.flags.disconnect_requested);
        Some(if requested {
            DisconnectStatus::UserRequest
        } else {
            DisconnectStatus::InvalidRequest
        })
    } else if bit(CW_POLL_HUP) {
        Some(DisconnectStatus::ClosedByRemote)
    } else if bit(CW_POLL_ERR) {
        Some(DisconnectStatus::Misc)
    } else {
        None
    }
}
