// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Fixed-capacity byte strings for the core's inline storage.

use cloudwire_json::Str;

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

/// A length as stored: its low byte (buffers are shorter than 256 bytes).
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

/// `data[..len]` followed by `suffix`, written into the spare capacity.
fn suffixed<'a>(data: &'a mut [u8], len: u8, suffix: &[u8]) -> &'a [u8] {
    let len = usize::from(len);
    let end = len + suffix.len();
    match data.get_mut(len..end) {
        Some(dst) => {
            dst.copy_from_slice(suffix);
            data.get(..end).unwrap_or_default()
        }
        None => &[],
    }
}

/// Sets a buffer's contents (see [`ByteBuf::parts`]) to an unescaped JSON
/// string up to its first NUL (NCS keeps such values as C strings), or
/// empties it for `None`. The string must fit (the caller checks).
pub(crate) fn set_json((data, len): (&mut [u8], &mut u8), s: Option<Str<'_>>) {
    *len = match s {
        Some(s) => {
            let (out, _) = s.unescape_prefix(data);
            len8(out.iter().position(|&b| b == 0).unwrap_or(out.len()))
        }
        None => 0,
    };
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

    pub(crate) fn clear(&mut self) {
        self.len = 0;
    }

    /// Replaces the contents; false (and unchanged) if `v` is too long.
    pub(crate) fn set(&mut self, v: &[u8]) -> bool {
        copy_in(&mut self.data, &mut self.len, v)
    }

    /// Replaces the contents with as much of `v` as fits.
    pub(crate) fn set_truncated(&mut self, v: &[u8]) {
        copy_in(&mut self.data, &mut self.len, v.get(..N).unwrap_or(v));
    }

    /// The storage and the length, for code shared by all capacities.
    pub(crate) fn parts(&mut self) -> (&mut [u8], &mut u8) {
        (&mut self.data, &mut self.len)
    }

    /// The contents followed by `suffix` (empty if it does not fit: the
    /// capacities are chosen so that it always does).
    pub(crate) fn with_suffix(&mut self, suffix: &[u8]) -> &[u8] {
        suffixed(&mut self.data, self.len, suffix)
    }

    /// Replaces a trailing `old` with `new` of the same length.
    pub(crate) fn replace_suffix(&mut self, old: &[u8], new: &[u8]) -> bool {
        if !self.get().ends_with(old) || old.len() != new.len() {
            return false;
        }
        let len = usize::from(self.len);
        match self.data.get_mut(len - old.len()..len) {
            Some(dst) => {
                dst.copy_from_slice(new);
                true
            }
            None => false,
        }
    }
}
