// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! JSON string contents: comparison and unescaping without copying first.

use crate::scan::{has_byte, W};
use crate::writer::Overflow;

/// The contents of a JSON string token (between the quotes), still escaped.
///
/// Obtained from a validated document, so every escape in it is well formed
/// (surrogates paired).
#[derive(Clone, Copy, Debug)]
pub struct Str<'a> {
    raw: &'a [u8],
    /// False when known to have no escapes. A string read from a value
    /// (not from the scanner) is only looked at when that matters, so that
    /// getting it costs no pass over its bytes.
    maybe_escaped: bool,
}

/// Equal contents (whether escapes were looked for yet does not count).
impl PartialEq for Str<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl Eq for Str<'_> {}

/// Whether `raw` has a `\\` (word at a time, then the last few bytes).
// Smaller than `contains`'s generic `memchr` and as fast on short strings.
#[allow(clippy::manual_contains)]
fn has_backslash(raw: &[u8]) -> bool {
    // Whole words from an exact-size chunk iterator: no bounds checks.
    let mut words = raw.chunks_exact(W);
    let hit = words.by_ref().any(|w| {
        let x = usize::from_le_bytes(w.try_into().unwrap_or_default());
        has_byte(x, b'\\') != 0
    });
    hit || words.remainder().iter().any(|&c| c == b'\\')
}

fn low_byte(x: u32) -> u8 {
    let [b, ..] = x.to_le_bytes();
    b
}

fn hex4(raw: &[u8], i: usize) -> u32 {
    let mut v: u32 = 0;
    for k in 0..4 {
        let c = raw.get(i + k).copied().unwrap_or(b'0');
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => 0,
        };
        v = (v << 4) | u32::from(d);
    }
    v
}

/// Decodes one character at `i`: its UTF-8 bytes, how many, and where the
/// next one starts.
fn step(raw: &[u8], i: usize) -> ([u8; 4], usize, usize) {
    let b = raw.get(i).copied().unwrap_or(0);
    if b != b'\\' {
        return ([b, 0, 0, 0], 1, i + 1);
    }
    let e = raw.get(i + 1).copied().unwrap_or(0);
    let short = match e {
        b'b' => 0x08,
        b'f' => 0x0c,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'u' => 0,
        other => other,
    };
    if e != b'u' {
        return ([short, 0, 0, 0], 1, i + 2);
    }
    let mut c = hex4(raw, i + 2);
    let mut next = i + 6;
    if (0xd800..0xdc00).contains(&c) {
        let lo = hex4(raw, i + 8);
        c = 0x10000 + ((c - 0xd800) << 10) + lo.wrapping_sub(0xdc00);
        next = i + 12;
    }
    // UTF-8: a lead byte with the top bits, then 6 bits per byte.
    let n: u32 = if c < 0x80 {
        1
    } else if c < 0x800 {
        2
    } else if c < 0x10000 {
        3
    } else {
        4
    };
    let lead: u8 = match n {
        1 => 0,
        2 => 0xc0,
        3 => 0xe0,
        _ => 0xf0,
    };
    let mut out = [0u8; 4];
    for (k, slot) in (0..n).zip(out.iter_mut()) {
        let shift = 6 * (n - 1 - k);
        *slot = if k == 0 {
            lead | low_byte(c >> shift)
        } else {
            0x80 | low_byte((c >> shift) & 0x3f)
        };
    }
    let len = usize::try_from(n).unwrap_or(4);
    (out, len, next)
}

/// Longest unescaped text compared through a stack copy.
const CMP_MAX: usize = 64;

impl<'a> Str<'a> {
    /// `escaped`: false when known to have none (true: they are looked
    /// for when that matters).
    pub(crate) fn with_escapes(raw: &'a [u8], escaped: bool) -> Self {
        Self {
            raw,
            maybe_escaped: escaped,
        }
    }

    /// The bytes between the quotes, escapes untouched.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// Whether the string contains any escape sequence.
    pub fn has_escapes(&self) -> bool {
        self.maybe_escaped && has_backslash(self.raw)
    }

    /// False when known to have no escapes (exact for member names, which
    /// the scanner always looks at).
    #[inline]
    pub(crate) fn maybe_escaped(&self) -> bool {
        self.maybe_escaped
    }

    /// Length of the unescaped (UTF-8) string.
    pub fn unescaped_len(&self) -> usize {
        if !self.has_escapes() {
            return self.raw.len();
        }
        let mut len = 0;
        let mut i = 0;
        while i < self.raw.len() {
            let (_, n, next) = step(self.raw, i);
            len += n;
            i = next;
        }
        len
    }

    /// Unescapes as much as fits into `out`: the filled part, and whether
    /// that is the whole string.
    pub fn unescape_prefix<'o>(&self, out: &'o mut [u8]) -> (&'o [u8], bool) {
        let raw = self.raw;
        if !self.has_escapes() {
            let n = raw.len().min(out.len());
            if let (Some(dst), Some(src)) = (out.get_mut(..n), raw.get(..n)) {
                dst.copy_from_slice(src);
            }
            return (out.get(..n).unwrap_or_default(), n == raw.len());
        }
        let mut len = 0;
        let mut i = 0;
        let mut whole = true;
        while i < raw.len() {
            let (bytes, n, next) = step(raw, i);
            for &b in bytes.iter().take(n) {
                match out.get_mut(len) {
                    Some(slot) => *slot = b,
                    None => whole = false,
                }
                len += usize::from(whole);
            }
            if !whole {
                break;
            }
            i = next;
        }
        (out.get(..len).unwrap_or_default(), whole)
    }

    /// Unescapes into `out` and returns the filled part.
    pub fn unescape_into<'o>(&self, out: &'o mut [u8]) -> Result<&'o [u8], Overflow> {
        match self.unescape_prefix(out) {
            (done, true) => Ok(done),
            _ => Err(Overflow),
        }
    }

    /// Unescaped string equals `s` exactly. (Strings with escapes are
    /// compared through a 64-byte copy: longer ones never compare equal.)
    pub fn equals(&self, s: &[u8]) -> bool {
        if !self.has_escapes() {
            return self.raw == s;
        }
        let mut tmp = [0u8; CMP_MAX];
        let (t, whole) = self.unescape_prefix(&mut tmp);
        whole && t == s
    }

    /// Unescaped string equals `s` ignoring ASCII case (cJSON's key match;
    /// same 64-byte limit as [`Str::equals`]).
    pub fn equals_ignore_ascii_case(&self, s: &[u8]) -> bool {
        if !self.has_escapes() {
            return self.raw.len() == s.len() && crate::scan::same(self.raw, s, true);
        }
        let mut tmp = [0u8; CMP_MAX];
        let (t, whole) = self.unescape_prefix(&mut tmp);
        whole && t.len() == s.len() && crate::scan::same(t, s, true)
    }

    /// Unescaped string starts with `s` (for strings with escapes only the
    /// first 64 unescaped bytes are looked at).
    pub fn starts_with(&self, s: &[u8]) -> bool {
        // A prefix without a `\\` is the same unescaped.
        let head = self.raw.get(..s.len());
        if head.is_some_and(|h| h.iter().zip(s).all(|(a, b)| a == b)) && !has_backslash(s) {
            return true;
        }
        if !self.has_escapes() {
            return false;
        }
        let mut tmp = [0u8; CMP_MAX];
        self.unescape_prefix(&mut tmp).0.starts_with(s)
    }
}
