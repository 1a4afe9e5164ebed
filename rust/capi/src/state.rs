// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The library's one state, the lock around it, and the rules that keep
//! `&mut State` unique:
//!
//! * `locked()` takes the port's (recursive) lock and hands out `&mut State`
//!   only if no other `&mut State` is live on this thread (`BORROWED`).
//!   Other threads wait on the lock, so at most one exists.
//! * The port may call `cw_mqtt_on_disconnect` back synchronously from inside
//!   a port call the library makes while holding the state (e.g. a failed
//!   publish, or `cw_port_mqtt_disconnect`). That callback finds `BORROWED`
//!   set, records its result in `DEFERRED` and returns; the outer section
//!   handles it right after the core call that caused it (`core_call`), or
//!   when it ends if that call was its last (`last_core_call`).
//! * Events are collected in a per-section queue and delivered after the
//!   lock is released, so application handlers can call the API. Sections
//!   that raise none and make no MQTT port call use `locked_quiet`, which
//!   sets up no queue.

use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use cloudwire_nrf_cloud::api::{DisconnectStatus, Error, EventType};
use cloudwire_nrf_cloud::Core;

use crate::events::{Events, Handler};
use crate::io::PortIo;
use crate::{log, port};

/// Longest device ID (NRF_CLOUD_CLIENT_ID_MAX_LEN).
pub const CLIENT_ID_MAX: usize = 64;

/// A device ID on the stack (the one kept is the core's).
pub struct ClientId {
    pub buf: [u8; CLIENT_ID_MAX],
    /// 0..=CLIENT_ID_MAX (a byte: the flags pack next to it).
    pub len: u8,
}

impl ClientId {
    pub fn get(&self) -> &[u8] {
        self.buf.get(..usize::from(self.len)).unwrap_or(&[])
    }

    /// Stores `prefix` followed by `id`; false (and the ID unset) if that
    /// is empty or longer than CLIENT_ID_MAX.
    #[inline(never)]
    pub fn set(&mut self, prefix: &[u8], id: &[u8]) -> bool {
        self.len = 0;
        let n = prefix.len() + id.len();
        let (Some((a, b)), Ok(len)) = (
            self.buf
                .get_mut(..n)
                .and_then(|d| d.split_at_mut_checked(prefix.len())),
            u8::try_from(n),
        ) else {
            return false;
        };
        a.copy_from_slice(prefix);
        b.copy_from_slice(id);
        self.len = len;
        n != 0
    }
}

/// An `Option<DisconnectStatus>` whose `None` is a zero byte
/// (`Option`'s own `None` is the niche value 4), so that the library state
/// is all zeros when idle and lands in `.bss`, costing no flash.
#[derive(Clone, Copy)]
pub struct PendingReason(u8);

impl PendingReason {
    pub const NONE: PendingReason = PendingReason(0);

    pub fn take(&mut self) -> Option<DisconnectStatus> {
        let v = core::mem::replace(self, Self::NONE).0;
        match v {
            1 => Some(DisconnectStatus::UserRequest),
            2 => Some(DisconnectStatus::ClosedByRemote),
            3 => Some(DisconnectStatus::InvalidRequest),
            4 => Some(DisconnectStatus::Misc),
            _ => None,
        }
    }

    pub fn set_if_none(&mut self, status: DisconnectStatus) {
        if self.0 == 0 {
            // DisconnectStatus values are 0..=3.
            self.0 = u8::try_from(status as u32).map_or(0, |v| v + 1);
        }
    }
}

/// What capi tracks besides the protocol core.
pub struct Flags {
    pub handler: Handler,
    /// nrf_cloud_connect() accepted and the attempt or connection not over
    /// yet (cleared when connecting fails or the connection closes, so the
    /// application may connect again from those events' handlers).
    pub connect_pending: bool,
    /// The poll thread is serving a connection (NCS's
    /// connection_poll_active; nrf_cloud_uninit() waits for it).
    pub poll_busy: bool,
    /// The port's MQTT connection is open (CONNECT sent).
    pub transport_open: bool,
    /// The application (or the cloud's DISCON) asked to disconnect.
    pub disconnect_requested: bool,
    /// Why the library itself is closing the connection.
    pub pending_reason: PendingReason,
    /// TRANSPORT_DISCONNECTED already raised for the current connection.
    pub disconnected_evt_sent: bool,
    /// PINGREQs sent and not answered.
    pub unacked_pings: u8,
    pub uninit_in_progress: bool,
    /// READY was raised: log the cloud details after the core call.
    pub print_cloud_details: bool,
}

impl Flags {
    const fn new() -> Self {
        Flags {
            handler: None,
            connect_pending: false,
            poll_busy: false,
            transport_open: false,
            disconnect_requested: false,
            pending_reason: PendingReason::NONE,
            disconnected_evt_sent: false,
            unacked_pings: 0,
            uninit_in_progress: false,
            print_cloud_details: false,
        }
    }

    /// A new MQTT connection was opened.
    pub fn connection_opened(&mut self) {
        self.transport_open = true;
        self.disconnected_evt_sent = false;
        self.pending_reason = PendingReason::NONE;
        self.unacked_pings = 0;
    }
}

pub struct State {
    pub core: Core,
    pub flags: Flags,
}

/// FSM state numbers (nrf_cloud_fsm.h), as the core reports them.
pub mod fsm {
    pub const IDLE: u32 = 0;
    pub const INITIALIZED: u32 = 1;
    pub const CONNECTED: u32 = 2;
    pub const CC_CONNECTED: u32 = 4;
    pub const DC_CONNECTED: u32 = 9;
}

impl State {
    const fn new() -> Self {
        State {
            core: Core::new(),
            flags: Flags::new(),
        }
    }

    /// The state API calls check: IDLE while an uninit is running (as NCS,
    /// which sets IDLE first to refuse other calls).
    pub fn api_state(&self) -> u32 {
        if self.flags.uninit_in_progress {
            fsm::IDLE
        } else {
            self.core.state() as u32
        }
    }

    /// Runs one core call with an `Io` over the port, then handles what the
    /// call caused: a deferred disconnect callback, the cloud-details log.
    pub fn core_call<R>(
        &mut self,
        ev: &mut Events,
        f: impl FnOnce(&mut Core, &mut PortIo<'_>) -> R,
    ) -> R {
        let r = self.last_core_call(ev, f);
        self.after_core(ev);
        r
    }

    /// `core_call` as the last thing a section does: what the call caused
    /// is handled when the section ends (`leave`), in the same order.
    pub fn last_core_call<R>(
        &mut self,
        ev: &mut Events,
        f: impl FnOnce(&mut Core, &mut PortIo<'_>) -> R,
    ) -> R {
        let mut io = PortIo::new(&mut self.flags, ev);
        f(&mut self.core, &mut io)
    }

    fn after_core(&mut self, ev: &mut Events) {
        // A disconnect handled here can cause another (it never does with
        // the ports we have, but a bound keeps this loop finite).
        for _ in 0..4 {
            let Some(result) = take_deferred() else {
                break;
            };
            self.transport_closed(ev, result);
        }
        // Only logs: without the feature `log` there is nothing to do.
        if cfg!(feature = "log") && self.flags.print_cloud_details {
            self.flags.print_cloud_details = false;
            crate::details::print_cloud_details_of(&self.core);
        }
    }

    /// The port reports the connection closed (`result` as its callback).
    pub fn transport_closed(&mut self, ev: &mut Events, result: i32) {
        if !self.flags.transport_open {
            log::line(
                log::DBG,
                &[
                    log::s("nrf_cloud: disconnect callback without a connection, result "),
                    log::i(i64::from(result)),
                ],
            );
            return;
        }
        self.flags.transport_open = false;
        let status = self.flags.pending_reason.take().unwrap_or({
            if self.flags.disconnect_requested {
                DisconnectStatus::UserRequest
            } else {
                DisconnectStatus::ClosedByRemote
            }
        });
        log::line(
            log::INF,
            &[
                log::s("nrf_cloud: disconnected, status "),
                log::i(i64::from(status as u32)),
                log::s(", result "),
                log::i(i64::from(result)),
            ],
        );
        self.core_call(ev, |core, io| core.on_disconnected(io, status));
        if !self.flags.disconnected_evt_sent {
            // The core raises it for every connection it was told about;
            // this covers any other: exactly one per connection, as NCS's
            // poll thread guarantees.
            self.flags.disconnected_evt_sent = true;
            ev.push(
                EventType::TransportDisconnected as u32,
                status as u32,
                &[],
                &[],
            );
        }
        self.flags.connect_pending = false;
    }

    /// Closes the connection the library gave up on: DISCONNECT if `polite`,
    /// then abort, then (if the port never called back) close it here.
    pub fn close_transport(&mut self, ev: &mut Events, status: DisconnectStatus, polite: bool) {
        if !self.flags.transport_open {
            return;
        }
        self.flags.pending_reason.set_if_none(status);
        if polite {
            let rc = port::mqtt_disconnect();
            if rc < 0 {
                log::line(
                    log::DBG,
                    &[
                        log::s("nrf_cloud: MQTT disconnect failed: "),
                        log::i(i64::from(rc)),
                    ],
                );
            }
            self.after_core(ev);
        }
        if self.flags.transport_open {
            let _ = port::mqtt_abort();
            self.after_core(ev);
        }
        if self.flags.transport_open {
            // The port did not call back: close our side anyway.
            self.transport_closed(ev, 0);
        }
    }
}

/// Maps a core error to the platform's negative errno.
pub fn errno_of(e: Error) -> i32 {
    use crate::bindings::*;
    // Indexed by the match below (in the enum's order, which lets the
    // compiler use the variant's own number).
    static ERRNO: [cw_errno; 9] = [
        CW_EACCES,
        CW_EINVAL,
        CW_EMSGSIZE,
        CW_ENODATA,
        CW_ENXIO,
        CW_ENOTSUP,
        CW_EIO,
        CW_ENOMEM,
        CW_EINPROGRESS,
    ];
    let i = match e {
        Error::Access => 0,
        Error::Invalid => 1,
        Error::MsgSize => 2,
        Error::NoData => 3,
        Error::NoDevice => 4,
        Error::NotSupported => 5,
        Error::Io => 6,
        Error::NoMem => 7,
        Error::InProgress => 8,
        Error::Port(rc) => return rc,
    };
    crate::errno::neg(ERRNO.get(i).copied().unwrap_or(CW_EIO))
}

/// 0 or the negative errno of a core result.
pub fn rc_of(r: Result<(), Error>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(e) => errno_of(e),
    }
}

struct Global(UnsafeCell<State>);

// SAFETY: the state is only reached through `locked()`, which holds the
// port's lock and refuses a second `&mut` on the same thread.
unsafe impl Sync for Global {}

static STATE: Global = Global(UnsafeCell::new(State::new()));

/// A `&mut State` is live (set and cleared under the lock).
static BORROWED: AtomicBool = AtomicBool::new(false);

/// No deferred disconnect.
const NONE: i32 = 0;
/// Result of a disconnect callback that came while the state was borrowed,
/// stored XOR `i32::MIN` so that "none" is 0 and the static lands in
/// `.bss` (a result of `i32::MIN` reads as none, as before).
static DEFERRED: AtomicI32 = AtomicI32::new(NONE);

// DEFERRED is only touched by the lock's owner (the callback that defers
// itself runs inside a section of the same thread): plain loads and
// stores suffice, no read-modify-write.
fn take_deferred() -> Option<i32> {
    let v = DEFERRED.load(Ordering::Relaxed);
    DEFERRED.store(NONE, Ordering::Relaxed);
    (v != NONE).then_some(v ^ i32::MIN)
}

/// Holds the port lock; releases it when dropped (tests' reset only:
/// `enter`/`leave` pair the lock calls themselves).
#[cfg(test)]
struct LockGuard;

#[cfg(test)]
impl LockGuard {
    fn take() -> Self {
        port::lock();
        LockGuard
    }
}

#[cfg(test)]
impl Drop for LockGuard {
    fn drop(&mut self) {
        port::unlock();
    }
}

/// Runs `f` with the state under the lock, then releases the lock and
/// delivers the events `f` raised. Returns `busy` (and logs) if called while
/// this thread already holds the state, which the API never does.
pub fn locked<R>(busy: R, f: impl FnOnce(&mut State, &mut Events) -> R) -> R {
    run(
        || {
            refused_log();
            busy
        },
        f,
    )
}

fn refused_log() {
    log::msg(
        log::ERR,
        "nrf_cloud: API called from inside the library; refused",
    );
}

/// `locked` for a section that raises no events and makes no MQTT port
/// call (so no disconnect callback can come back into it): no event queue
/// is set up, and there is nothing to handle when it ends.
pub fn locked_quiet<R>(busy: R, f: impl FnOnce(&mut State) -> R) -> R {
    let Some(st) = enter() else {
        refused_log();
        return busy;
    };
    let r = f(st);
    release();
    r
}

/// Entry of a port callback: like `locked`, except that a callback arriving
/// while this thread holds the state runs `reentered` instead (the
/// disconnect callback defers itself; the others cannot happen by the port
/// contract and are logged).
pub fn callback(reentered: impl FnOnce(), f: impl FnOnce(&mut State, &mut Events)) {
    run(reentered, f);
}

fn run<R>(reentered: impl FnOnce() -> R, f: impl FnOnce(&mut State, &mut Events) -> R) -> R {
    let mut ev = Events::new();
    let Some(st) = enter() else {
        return reentered();
    };
    let r = f(st, &mut ev);
    leave(st, &mut ev);
    r
}

/// Takes the lock and the state; `None` (and the lock released again)
/// when this thread already holds the state. Not generic, and not inlined
/// into every entry point's `run`.
#[inline(never)]
fn enter<'a>() -> Option<&'a mut State> {
    port::lock();
    // BORROWED is only ever set by the lock's owner and cleared before
    // it unlocks: seen here, it means this very thread holds the state.
    if BORROWED.load(Ordering::Relaxed) {
        port::unlock();
        return None;
    }
    BORROWED.store(true, Ordering::Relaxed);
    // SAFETY: the lock is held and BORROWED was clear, so no other
    // reference to the state exists on any thread; the one returned ends
    // in `release` (from `leave` or `locked_quiet`), which clears BORROWED
    // before it unlocks.
    Some(unsafe { &mut *STATE.0.get() })
}

/// Ends what `enter` began: handles what the section caused, gives the
/// state and the lock back, then delivers the events.
#[inline(never)]
fn leave(st: &mut State, ev: &mut Events) {
    st.after_core(ev);
    let handler = st.flags.handler;
    release();
    ev.deliver(handler);
}

/// Gives the state and the lock back.
#[inline(never)]
fn release() {
    BORROWED.store(false, Ordering::Relaxed);
    port::unlock();
}

/// Records a disconnect callback that came while the state was borrowed.
/// The first one counts: a later one reports the same close.
pub fn defer_disconnect(result: i32) {
    if DEFERRED.load(Ordering::Relaxed) == NONE {
        DEFERRED.store(result ^ i32::MIN, Ordering::Relaxed);
    }
}

/// Puts the library back to its power-on state (unit tests only).
#[cfg(test)]
pub fn reset_for_tests() {
    let _guard = LockGuard::take();
    assert!(!BORROWED.load(Ordering::Relaxed));
    // SAFETY: the lock is held and nothing borrows the state.
    unsafe { *STATE.0.get() = State::new() };
    DEFERRED.store(NONE, Ordering::Relaxed);
}
