// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Byte tests a machine word at a time (strings are most of a document).

pub(crate) const W: usize = core::mem::size_of::<usize>();
/// 0x0101..01 and 0x8080..80.
const LO: usize = usize::MAX / 255;
const HI: usize = LO << 7;

/// Non-zero if some byte of `x` equals `b`.
pub(crate) fn has_byte(x: usize, b: u8) -> usize {
    let y = x ^ (LO * usize::from(b));
    y.wrapping_sub(LO) & !y & HI
}

/// Non-zero if some byte of `x` is below `n` (`n` <= 0x80).
pub(crate) fn has_below(x: usize, n: u8) -> usize {
    x.wrapping_sub(LO * usize::from(n)) & !x & HI
}

/// `r` from its first byte that `flags` marks, checking a word at a time;
/// stops early (for the caller to go on byte by byte) where fewer than `W`
/// bytes are left. The lowest flagged byte of a word is exact: the word
/// tricks only mis-flag bytes above a real match.
#[inline(always)]
pub(crate) fn skip_unflagged(mut r: &[u8], flags: impl Fn(usize) -> usize) -> &[u8] {
    while let Some((w, rest)) = r.split_first_chunk::<W>() {
        let m = flags(usize::from_le_bytes(*w));
        if m != 0 {
            let k = usize::try_from(m.trailing_zeros() / 8).unwrap_or(0);
            return r.get(k..).unwrap_or_default();
        }
        r = rest;
    }
    r
}
