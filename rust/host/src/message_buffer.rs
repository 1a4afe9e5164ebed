// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! A connection's payload buffer, shared by incoming payloads and the
//! payloads the library encodes, as on Zephyr (port.h, cw_port_tx_buffer()):
//! an incoming payload holds the front of the buffer while its callback
//! runs; an outgoing one gets the rest meanwhile, else all of it; a new
//! incoming payload waits until the outgoing one is released.

use std::sync::{Condvar, Mutex, MutexGuard};

/// Outgoing space starts on a word boundary behind an incoming payload.
const ALIGN: usize = 4;

#[derive(Default)]
struct Use {
    /// Bytes the incoming payload holds (with its NUL); 0 when none.
    rx_len: usize,
    /// Outgoing space is lent out.
    tx_lent: bool,
}

pub struct MessageBuffer {
    data: *mut u8,
    size: usize,
    state: Mutex<Use>,
    tx_released: Condvar,
}

// SAFETY: `data` is a leaked allocation used only as `state` allows: the
// incoming region by the thread that claimed it, the outgoing one by the
// library under its lock.
unsafe impl Send for MessageBuffer {}
// SAFETY: as above.
unsafe impl Sync for MessageBuffer {}

impl MessageBuffer {
    /// A buffer of `size` bytes (the payload buffer length + 1 for the NUL),
    /// kept for the life of the process.
    pub fn new(size: usize) -> Self {
        let leaked: &'static mut [u8] = Box::leak(vec![0u8; size].into_boxed_slice());
        MessageBuffer {
            data: leaked.as_mut_ptr(),
            size,
            state: Mutex::new(Use::default()),
            tx_released: Condvar::new(),
        }
    }

    pub fn size(&self) -> usize {
        self.size
    }

    fn state(&self) -> MutexGuard<'_, Use> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Copies `payload` and a NUL to the front of the buffer (once no
    /// outgoing space is lent), runs `f` on the copy (NUL included) and
    /// frees the front again. `None` when it does not fit.
    pub fn with_incoming<R>(&self, payload: &[u8], f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        let len = payload.len().checked_add(1).filter(|&n| n <= self.size)?;
        {
            let mut st = self.state();
            while st.tx_lent {
                st = self.tx_released.wait(st).unwrap_or_else(|e| e.into_inner());
            }
            st.rx_len = len;
        }
        // SAFETY: len <= size; the front is this thread's until rx_len is
        // cleared below: outgoing space lent meanwhile starts behind it.
        let front = unsafe {
            core::ptr::copy_nonoverlapping(payload.as_ptr(), self.data, payload.len());
            self.data.add(payload.len()).write(0);
            core::slice::from_raw_parts(self.data, len)
        };
        let r = f(front);
        self.state().rx_len = 0;
        Some(r)
    }

    /// Lends the outgoing space: the buffer behind an incoming payload, or
    /// all of it. Pair with [`MessageBuffer::release_tx`].
    pub fn lend_tx(&self) -> (*mut u8, usize) {
        let mut st = self.state();
        st.tx_lent = true;
        let offset = st.rx_len.next_multiple_of(ALIGN).min(self.size);
        (self.data.wrapping_add(offset), self.size - offset)
    }

    pub fn release_tx(&self) {
        self.state().tx_lent = false;
        self.tx_released.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn outgoing_space_is_all_of_it_or_the_rest_behind_an_incoming_payload() {
        let b = MessageBuffer::new(2049);
        let (p, n) = b.lend_tx();
        assert_eq!((p, n), (b.data, 2049));
        b.release_tx();
        let inside = b.with_incoming(b"{\"a\":1}", |front| {
            assert_eq!(front, b"{\"a\":1}\0");
            let (p, n) = b.lend_tx();
            b.release_tx();
            (p as usize - b.data as usize, n)
        });
        assert_eq!(inside, Some((8, 2041)));
        assert_eq!(b.lend_tx().1, 2049, "front freed after the callback");
        b.release_tx();
    }

    #[test]
    fn a_full_buffer_leaves_no_outgoing_space_and_too_much_does_not_fit() {
        let b = MessageBuffer::new(9);
        assert_eq!(b.with_incoming(b"12345678", |_| b.lend_tx().1), Some(0));
        b.release_tx();
        assert_eq!(b.with_incoming(b"123456789", |_| ()), None);
    }

    #[test]
    fn an_incoming_payload_waits_for_lent_space() {
        let b = Arc::new(MessageBuffer::new(16));
        let (p, _) = b.lend_tx();
        // SAFETY (test): p points to 16 lent bytes.
        unsafe { p.write(b'x') };
        let b2 = b.clone();
        let reader = std::thread::spawn(move || b2.with_incoming(b"in", |f| f.to_vec()));
        std::thread::sleep(Duration::from_millis(50));
        assert!(!reader.is_finished(), "the copy waits while space is lent");
        // SAFETY (test): still lent, so still ours.
        assert_eq!(unsafe { p.read() }, b'x');
        b.release_tx();
        assert_eq!(reader.join().unwrap(), Some(b"in\0".to_vec()));
    }
}
