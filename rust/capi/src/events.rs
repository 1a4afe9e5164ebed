// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Events raised while the library lock is held, kept until the lock is
//! released and then delivered to the application's handler.
//!
//! Each locked section has its own `Events` on its stack, so events never
//! travel between threads. Data that points into the input being processed
//! (the port's topic and payload buffers, valid until the port callback
//! returns) is passed by pointer; anything else is copied into the slot,
//! because the core's and the transmit buffers may change once the lock is
//! released.

use crate::bindings::{nrf_cloud_data, nrf_cloud_evt, nrf_cloud_evt_type, nrf_cloud_topic};
use crate::log;

/// The most events one input can raise (a shadow document: RX_DATA_SHADOW,
/// USER_ASSOCIATION_REQUEST or USER_ASSOCIATED, READY or ERROR, plus a
/// TRANSPORT_DISCONNECTED of a failing send), with room to spare.
pub const CAPACITY: usize = 8;

/// Bytes of core-owned data an event can carry (SENSOR_DATA_ACK: 2).
pub const INLINE_MAX: usize = 4;

/// One queued event. Its data and topic point into the current input
/// (valid until the callback returns); data the core owns is copied into
/// `inline` instead, marked by a null `data` with a non-zero `data_len`.
/// All-zero is an empty slot, so a queue starts as zeros (no copy of a
/// constant).
#[derive(Clone, Copy)]
struct Slot {
    data: *const u8,
    data_len: u32,
    topic: *const u8,
    topic_len: u32,
    status: u32,
    kind: u8,
    inline: [u8; INLINE_MAX],
}

const EMPTY: Slot = Slot {
    data: core::ptr::null(),
    data_len: 0,
    topic: core::ptr::null(),
    topic_len: 0,
    status: 0,
    kind: 0,
    inline: [0; INLINE_MAX],
};

/// The events of one locked section.
pub struct Events {
    slots: [Slot; CAPACITY],
    len: usize,
    /// Address ranges of the input being processed (topic, payload).
    input: [(usize, usize); 2],
}

/// The application's handler, as the header declares it.
pub type Handler = Option<unsafe extern "C" fn(*const nrf_cloud_evt)>;

impl Default for Events {
    fn default() -> Self {
        Self::new()
    }
}

impl Events {
    /// An empty queue: all zeros (`EMPTY` slots, no input), written in
    /// place (building `[EMPTY; CAPACITY]` field by field made a copy).
    pub const fn new() -> Self {
        // SAFETY: every field is an integer, a byte array or a raw pointer,
        // for which all-zero bytes are valid; all-zero is the empty queue.
        unsafe { core::mem::zeroed() }
    }

    /// Declares the buffers of the input being processed: event data inside
    /// them is passed by pointer.
    pub fn set_input(&mut self, topic: &[u8], payload: &[u8]) {
        self.input = [range(topic), range(payload)];
    }

    fn borrowed(&self, b: &[u8]) -> bool {
        let (start, end) = range(b);
        self.input
            .iter()
            .any(|&(s, e)| s != e && start >= s && end <= e)
    }

    /// Queues an event. Never drops silently: a full queue or data that can
    /// be neither borrowed nor copied is logged as an error. A topic is
    /// always the input's (events about other things have none).
    pub fn push(&mut self, kind: u32, status: u32, data: &[u8], topic: &[u8]) {
        let borrowed = data.is_empty() || self.borrowed(data);
        let topic = if topic.is_empty() || !self.borrowed(topic) {
            &[]
        } else {
            topic
        };
        let Some(slot) = self.slots.get_mut(self.len) else {
            log::line(
                log::ERR,
                &[
                    log::s("nrf_cloud: event queue full, event dropped: type "),
                    log::i(i64::from(kind)),
                ],
            );
            return;
        };
        *slot = EMPTY;
        // Event types are 1..=0xFF.
        slot.kind = u8::try_from(kind).unwrap_or(u8::MAX);
        slot.status = status;
        slot.topic = topic.as_ptr();
        slot.topic_len = len32(topic);
        if borrowed {
            slot.data = data.as_ptr();
            slot.data_len = len32(data);
        } else if let Some(dst) = slot.inline.get_mut(..data.len()) {
            dst.copy_from_slice(data);
            slot.data_len = len32(data);
        } else {
            log::line(
                log::ERR,
                &[
                    log::s("nrf_cloud: event data of "),
                    log::i(i64::from(len32(data))),
                    log::s(" bytes not kept"),
                ],
            );
        }
        self.len += 1;
    }

    /// Calls `handler` for each event in order. Call with the lock released.
    pub fn deliver(&self, handler: Handler) {
        let Some(handler) = handler else {
            return;
        };
        for slot in self.slots.iter().take(self.len) {
            let evt = slot.c_event();
            // SAFETY: the handler is the application's nrf_cloud_event_handler_t;
            // evt and the bytes it points to (this slot, or the input whose
            // callback has not returned yet) are valid during the call.
            unsafe { handler(&evt) };
        }
    }

    /// The C events, for tests.
    #[cfg(test)]
    pub fn to_c_vec(&self) -> std::vec::Vec<nrf_cloud_evt> {
        self.slots
            .iter()
            .take(self.len)
            .map(Slot::c_event)
            .collect()
    }
}

fn len32(b: &[u8]) -> u32 {
    u32::try_from(b.len()).unwrap_or(u32::MAX)
}

impl Slot {
    fn c_event(&self) -> nrf_cloud_evt {
        let data = if self.data.is_null() && self.data_len != 0 {
            self.inline.as_ptr()
        } else {
            self.data
        };
        let ptr = |p: *const u8, n: u32| if n == 0 { core::ptr::null() } else { p };
        nrf_cloud_evt {
            type_: evt_type(u32::from(self.kind)),
            status: self.status,
            data: nrf_cloud_data {
                len: self.data_len,
                ptr: ptr(data, self.data_len).cast(),
            },
            topic: nrf_cloud_topic {
                len: self.topic_len,
                ptr: ptr(self.topic, self.topic_len).cast(),
            },
            shadow: core::ptr::null_mut(),
        }
    }
}

/// The C enum value; event types are 1..=0xFF so they fit every target's
/// enum width.
fn evt_type(kind: u32) -> nrf_cloud_evt_type {
    nrf_cloud_evt_type::try_from(kind).unwrap_or(0)
}

fn range(b: &[u8]) -> (usize, usize) {
    let s = b.as_ptr() as usize;
    (s, s + b.len())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn input_is_borrowed_other_data_copied() {
        let topic = *b"dev/c2d/r";
        let payload = *b"{\"a\":1}";
        let core_owned = 10_001u16.to_ne_bytes();
        let mut ev = Events::new();
        ev.set_input(&topic, &payload);
        ev.push(6, 0, &payload[1..5], &topic);
        ev.push(11, 0, &core_owned, &[]);
        let c = ev.to_c_vec();
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].data.ptr.cast::<u8>(), payload[1..].as_ptr());
        assert_eq!(c[0].data.len, 4);
        assert_eq!(c[0].topic.ptr.cast::<u8>(), topic.as_ptr());
        assert_eq!(c[0].topic.len, 9);
        // Copied into the slot, not pointing at the core's bytes.
        assert_ne!(c[1].data.ptr.cast::<u8>(), core_owned.as_ptr());
        let copied = unsafe { core::slice::from_raw_parts(c[1].data.ptr.cast::<u8>(), 2) };
        assert_eq!(copied, &core_owned);
        assert!(c[1].topic.ptr.is_null());
        assert_eq!(c[1].topic.len, 0);
        assert!(c.iter().all(|e| e.shadow.is_null()));
    }

    #[test]
    fn overflow_and_oversized_data_are_not_silent() {
        let mut ev = Events::new();
        for i in 0..CAPACITY + 2 {
            ev.push(u32::try_from(i).unwrap() + 1, 0, &[], &[]);
        }
        let c = ev.to_c_vec();
        assert_eq!(c.len(), CAPACITY);
        assert_eq!(crate::enum_types::to_u32(c[CAPACITY - 1].type_), 8);
        // 9 bytes that are not input: dropped from the event, logged.
        let mut ev = Events::new();
        ev.push(6, 0, &[1; INLINE_MAX + 1], &[]);
        let c = ev.to_c_vec();
        assert_eq!(c[0].data.len, 0);
        assert!(c[0].data.ptr.is_null());
    }
}
