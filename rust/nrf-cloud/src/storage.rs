// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Fixed-capacity byte strings for the core's inline storage.

use core::ops::Range;

use cloudwire_json::Str;

use crate::core::ENDPOINTS_MAX;
use crate::topics::BULK;

/// Up to `N` bytes, stored inline. The generic methods are thin wrappers
/// over slice functions so each capacity adds almost no code.
#[derive(Clone, Copy)]
pub(crate) struct ByteBuf<const N: usize> {
    data: [u8; N],
    /// A byte: every capacity here is below 256, and the buffers pack
    /// without padding.
    len: u8,
}

fn filled(data: &[u8], len: u8) -> &[u8] {
    data.get(..usize::from(len)).unwrap_or_default()
}

/// A length as stored: its low byte (callers keep lengths below 256).
fn len8(n: usize) -> u8 {
    let [low, ..] = n.to_le_bytes();
    low
}

fn copy_in(data: &mut [u8], len: &mut u8, v: &[u8]) -> bool {
    match data.get_mut(..v.len()) {
        Some(dst) => {
            dst.copy_from_slice(v);
            *len = len8(v.len());
            true
        }
        None => false,
    }
}

impl<const N: usize> ByteBuf<N> {
    pub(crate) const fn new() -> Self {
        Self {
            data: [0; N],
            len: 0,
        }
    }

    pub(crate) fn get(&self) -> &[u8] {
        filled(&self.data, self.len)
    }

    /// Replaces the contents with as much of `v` as fits.
    pub(crate) fn set_truncated(&mut self, v: &[u8]) {
        copy_in(&mut self.data, &mut self.len, v.get(..N).unwrap_or(v));
    }
}

/// `a` followed by `b` at the start of `buf`: that part and the rest of
/// `buf` (`None` if they do not fit).
pub(crate) fn join<'a>(
    buf: &'a mut [u8],
    a: &[u8],
    b: &[u8],
) -> Option<(&'a mut [u8], &'a mut [u8])> {
    let (t, rest) = buf.split_at_mut_checked(a.len() + b.len())?;
    let (x, y) = t.split_at_mut_checked(a.len())?;
    x.copy_from_slice(a);
    y.copy_from_slice(b);
    Some((t, rest))
}

/// The parts of [`Packed`], in storage order.
#[derive(Clone, Copy)]
pub(crate) enum Part {
    Id = 0,
    Prefix = 1,
    C2d = 2,
    /// Last, so that a suffix can be appended in place.
    D2c = 3,
}

/// Room for the ID and the endpoints, and behind them for `/bulk`.
const PACKED_CAP: usize = ENDPOINTS_MAX + BULK.len();

/// The device ID and the data-channel endpoints (topic prefix, c2d, d2c),
/// one after the other in one buffer with a length byte each: NCS keeps
/// the endpoints on its heap at their exact size, and this needs far less
/// RAM than a worst-case buffer for each.
pub(crate) struct Packed {
    data: [u8; PACKED_CAP],
    lens: [u8; 4],
}

impl Packed {
    pub(crate) const fn new() -> Self {
        Self {
            data: [0; PACKED_CAP],
            lens: [0; 4],
        }
    }

    fn range(&self, part: Part) -> Range<usize> {
        let i = part as usize;
        let start = self.lens.iter().take(i).map(|&n| usize::from(n)).sum();
        let len = self.lens.get(i).map_or(0, |&n| usize::from(n));
        start..start + len
    }

    pub(crate) fn get(&self, part: Part) -> &[u8] {
        self.data.get(self.range(part)).unwrap_or_default()
    }

    /// Replaces the ID (the caller keeps it to at most 64 bytes) and drops
    /// the endpoints.
    pub(crate) fn set_id(&mut self, id: &[u8]) {
        self.lens = [0; 4];
        if let Some(len) = self.lens.first_mut() {
            copy_in(&mut self.data, len, id);
        }
    }

    /// Drops the endpoints, keeping the ID.
    pub(crate) fn clear_endpoints(&mut self) {
        let id = self.lens.first().copied().unwrap_or(0);
        self.lens = [id, 0, 0, 0];
    }

    /// Stores the endpoints `[prefix, c2d, d2c]` behind the ID, each
    /// unescaped up to its first NUL (NCS keeps them as C strings); an
    /// absent one is stored empty. False, and nothing changed, unless the
    /// ID and the full unescaped values fit in [`ENDPOINTS_MAX`] bytes
    /// (and each value in 255).
    pub(crate) fn set_endpoints(&mut self, values: [Option<Str<'_>>; 3]) -> bool {
        let mut total = self.get(Part::Id).len();
        for v in values.iter().flatten() {
            let n = v.unescaped_len();
            if n > usize::from(u8::MAX) {
                return false;
            }
            total += n;
        }
        if total > ENDPOINTS_MAX {
            return false;
        }
        let mut at = self.get(Part::Id).len();
        for (len, v) in self.lens.iter_mut().skip(1).zip(values) {
            let n = match (v, self.data.get_mut(at..)) {
                (Some(s), Some(dst)) => {
                    let (out, _) = s.unescape_prefix(dst);
                    out.iter().position(|&b| b == 0).unwrap_or(out.len())
                }
                _ => 0,
            };
            *len = len8(n);
            at += n;
        }
        true
    }

    /// d2c followed by `suffix` (up to `/bulk`'s length: the room kept
    /// behind d2c), written in place.
    pub(crate) fn d2c_with(&mut self, suffix: &[u8]) -> &[u8] {
        let Range { start, end } = self.range(Part::D2c);
        let tail = end + suffix.len();
        match self.data.get_mut(end..tail) {
            Some(dst) => {
                dst.copy_from_slice(suffix);
                self.data.get(start..tail).unwrap_or_default()
            }
            None => &[],
        }
    }

    /// Replaces a trailing `old` of `part` with `new` of the same length.
    pub(crate) fn replace_end(&mut self, part: Part, old: &[u8], new: &[u8]) -> bool {
        let r = self.range(part);
        match self.data.get_mut(r) {
            Some(v) if v.ends_with(old) && old.len() == new.len() => {
                let at = v.len() - old.len();
                match v.get_mut(at..) {
                    Some(dst) => {
                        dst.copy_from_slice(new);
                        true
                    }
                    None => false,
                }
            }
            _ => false,
        }
    }
}
