// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Fixed-capacity byte strings for the core's inline storage.

use cloudwire_json::Str;

/// Up to `N` bytes, stored inline. The generic methods are thin wrappers
/// over slice functions so each capacity adds almost no code.
#[derive(Clone, Copy)]
pub(crate) struct ByteBuf<const N: usize> {
    data: [u8; N],
    len: usize,
}

fn filled(data: &[u8], len: usize) -> &[u8] {
    data.get(..len).unwrap_or_default()
}

fn copy_in(data: &mut [u8], len: &mut usize, v: &[u8]) -> bool {
    match data.get_mut(..v.len()) {
        Some(dst) => {
            dst.copy_from_slice(v);
            *len = v.len();
            true
        }
        None => false,
    }
}

/// `data[..len]` followed by `suffix`, written into the spare capacity.
fn suffixed<'a>(data: &'a mut [u8], len: usize, suffix: &[u8]) -> &'a [u8] {
    let end = len + suffix.len();
    match data.get_mut(len..end) {
        Some(dst) => {
            dst.copy_from_slice(suffix);
            data.get(..end).unwrap_or_default()
        }
        None => &[],
    }
}

/// Unescapes a JSON string into `data` and keeps it up to its first NUL
/// (NCS keeps such values as C strings). Unchanged and false if too long.
fn unescape_in(data: &mut [u8], len: &mut usize, s: Str<'_>) -> bool {
    if s.unescaped_len() > data.len() {
        return false;
    }
    match s.unescape_into(data) {
        Ok(out) => {
            *len = out.iter().position(|&b| b == 0).unwrap_or(out.len());
            true
        }
        Err(_) => false,
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

    /// Replaces the contents with an unescaped JSON string (see
    /// [`unescape_in`]).
    pub(crate) fn set_json(&mut self, s: Str<'_>) -> bool {
        unescape_in(&mut self.data, &mut self.len, s)
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
        let start = self.len - old.len();
        match self.data.get_mut(start..self.len) {
            Some(dst) => {
                dst.copy_from_slice(new);
                true
            }
            None => false,
        }
    }
}
