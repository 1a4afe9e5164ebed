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

use crate::bindings::{nrf_cloud_data, nrf_cloud_evt, nrf_cloud_topic};
use crate::enum_types::nrf_cloud_evt_type;
use crate::log;

/// The most events one input can raise (a shadow document: RX_DATA_SHADOW,
/// USER_ASSOCIATION_REQUEST or USER_ASSOCIATED, READY or ERROR, plus a
/// TRANSPORT_DISCONNECTED of a failing send), with room to spare.
pub const CAPACITY: usize = 8;

/// Bytes of core-owned data an event can carry (SENSOR_DATA_ACK: 2).
pub const INLINE_MAX: usize = 4;

/// One queued event, kept as the C struct the handler gets. Its data and
/// topic point into the current input (valid until the callback returns);
/// data the core owns is copied into `inline` instead, marked by a null
/// `data.ptr` with a non-zero `data.len` (pointed at when delivered, so
/// the queue may move until then). All-zero is an empty slot, so a queue
/// starts as zeros (no copy of a constant).
#[derive(Clone, Copy)]
struct Slot {
    evt: nrf_cloud_evt,
    inline: [u8; INLINE_MAX],
}

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
    /// An empty queue: all zeros (empty slots, no input), written in
    /// place (building the slots field by field made a copy).
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

    /// `b` as the C event's length and pointer when it lies in the input;
    /// None when it does not (or is empty: then there is nothing to pass).
    fn borrowed(&self, b: &[u8]) -> Option<(u32, *const core::ffi::c_void)> {
        let (start, end) = range(b);
        let inside = self
            .input
            .iter()
            .any(|&(s, e)| s != e && start >= s && end <= e);
        (inside && !b.is_empty()).then(|| (len32(b), b.as_ptr().cast()))
    }

    /// Queues an event. Never drops silently: a full queue or data that can
    /// be neither borrowed nor copied is logged as an error. A topic is
    /// always the input's (events about other things have none).
    pub fn push(&mut self, kind: u32, status: u32, data: &[u8], topic: &[u8]) {
        let topic = self.borrowed(topic);
        let borrowed = self.borrowed(data);
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
        self.len += 1;
        // Event types are 1..=0xFF, so they fit every target's enum width.
        slot.evt.type_ = nrf_cloud_evt_type::try_from(kind).unwrap_or(0);
        slot.evt.status = status;
        if let Some((len, ptr)) = topic {
            slot.evt.topic = nrf_cloud_topic { len, ptr };
        }
        if let Some((len, ptr)) = borrowed {
            slot.evt.data = nrf_cloud_data { len, ptr };
        } else if let Some(dst) = slot.inline.get_mut(..data.len()) {
            // data.ptr left null: marks the data as inline (see Slot).
            dst.copy_from_slice(data);
            slot.evt.data.len = len32(data);
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
    }

    /// Calls `handler` for each event in order. Call with the lock released.
    pub fn deliver(&mut self, handler: Handler) {
        let Some(handler) = handler else {
            return;
        };
        for slot in self.slots.iter_mut().take(self.len) {
            let evt = slot.c_event();
            // SAFETY: the handler is the application's nrf_cloud_event_handler_t;
            // evt and the bytes it points to (this slot, or the input whose
            // callback has not returned yet) are valid during the call.
            unsafe { handler(evt) };
        }
    }

    /// The C events, for tests.
    #[cfg(test)]
    pub fn to_c_vec(&self) -> std::vec::Vec<nrf_cloud_evt> {
        self.slots
            .iter()
            .take(self.len)
            .map(|s| {
                let mut evt = s.evt;
                if evt.data.ptr.is_null() && evt.data.len != 0 {
                    evt.data.ptr = s.inline.as_ptr().cast();
                }
                evt
            })
            .collect()
    }
}

fn len32(b: &[u8]) -> u32 {
    u32::try_from(b.len()).unwrap_or(u32::MAX)
}

impl Slot {
    /// The C event, its inline data pointed at where the slot is now.
    fn c_event(&mut self) -> &nrf_cloud_evt {
        if self.evt.data.ptr.is_null() && self.evt.data.len != 0 {
            self.evt.data.ptr = self.inline.as_ptr().cast();
        }
        &self.evt
    }
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
