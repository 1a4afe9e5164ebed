// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! JSON string contents: comparison and unescaping without copying first.

use crate::writer::Overflow;

/// The contents of a JSON string token (between the quotes), still escaped.
///
/// Obtained from a validated document, so every escape in it is well formed
/// (surrogates paired).
#[derive(Clone, Copy, Debug)]
pub struct Str<'a> {
    raw: &'a [u8],
    /// False when known to have no escapes (the scanner saw it: member
    /// names, strings from [`crate::parse_paths_escapes`]). Other strings
    /// are only looked at when that matters, so that getting one costs no
    /// pass over its bytes.
    maybe_escaped: bool,
}

/// Equal contents (whether escapes were looked for yet does not count).
impl PartialEq for Str<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl Eq for Str<'_> {}

/// Whether `raw` has a `\\`. Byte by byte (the least code): strings the
/// parser captured come with what it saw ([`crate::parse_paths_escapes`]),
/// so this only looks at strings found by navigation.
// Smaller than `contains`'s generic `memchr`.
#[allow(clippy::manual_contains)]
fn has_backslash(raw: &[u8]) -> bool {
    raw.iter().any(|&c| c == b'\\')
}

fn low_byte(x: u32) -> u8 {
    let [b, ..] = x.to_le_bytes();
    b
}

/// The one-letter escapes: the letter after the `\\` and the byte it
/// stands for (`/` last: the writer, as cJSON, leaves it unescaped).
pub(crate) const SHORT: [(u8, u8); 8] = [
    (b'"', b'"'),
    (b'\\', b'\\'),
    (b'b', 0x08),
    (b'f', 0x0c),
    (b'n', b'\n'),
    (b'r', b'\r'),
    (b't', b'\t'),
    (b'/', b'/'),
];

/// The four hex digits `d` as a number, if they are hex digits.
fn hex4(d: &[u8; 4]) -> Option<u32> {
    let mut v = 0;
    for &c in d {
        v = (v << 4) | char::from(c).to_digit(16)?;
    }
    Some(v)
}

/// The escape sequence from its letter at the start of `r` (after the
/// `\\`): the character it stands for and the rest after it. `None` if it
/// is malformed, including unpaired UTF-16 surrogates (as cJSON rejects
/// them). The scanner checks escapes with it, and unescaping decodes them.
pub(crate) fn escape(r: &[u8]) -> Option<(u32, &[u8])> {
    let (&c, r) = r.split_first()?;
    let short = match c {
        b'u' => {
            let (d, r) = r.split_first_chunk::<4>()?;
            let hi = hex4(d)?;
            return match hi & 0xfc00 {
                // A high surrogate needs a low one right after it.
                0xd800 => {
                    let [b'\\', b'u', r @ ..] = r else {
                        return None;
                    };
                    let (d, r) = r.split_first_chunk::<4>()?;
                    let lo = hex4(d)?;
                    let c = 0x10000 + ((hi & 0x3ff) << 10) + (lo & 0x3ff);
                    (lo & 0xfc00 == 0xdc00).then_some((c, r))
                }
                0xdc00 => None,
                _ => Some((hi, r)),
            };
        }
        _ => SHORT.iter().find(|&&(letter, _)| letter == c)?.1,
    };
    Some((u32::from(short), r))
}

/// Decodes one character at `i`: its UTF-8 bytes, how many, and where the
/// next one starts.
fn step(raw: &[u8], i: usize) -> ([u8; 4], usize, usize) {
    let b = raw.get(i).copied().unwrap_or(0);
    let rest = raw.get(i + 1..).unwrap_or_default();
    match escape(rest) {
        Some((c, after)) if b == b'\\' => {
            let (n, out) = utf8(c);
            (out, n, raw.len() - after.len())
        }
        _ => ([b, 0, 0, 0], 1, i + 1),
    }
}

/// UTF-8 of code point `c`: how many bytes, and the bytes.
fn utf8(mut c: u32) -> (usize, [u8; 4]) {
    let n = match c {
        0..0x80 => 1,
        0x80..0x800 => 2,
        0x800..0x10000 => 3,
        _ => 4,
    };
    let mut out = [0u8; 4];
    // Six bits per continuation byte from the end, the rest in the lead
    // byte under its length marker.
    let mut k = n;
    while k > 1 {
        k -= 1;
        if let Some(slot) = out.get_mut(k) {
            *slot = 0x80 | low_byte(c & 0x3f);
        }
        c >>= 6;
    }
    let lead = if n == 1 { 0 } else { !(0xff >> n) };
    let [first, ..] = &mut out;
    *first = lead | low_byte(c);
    (n, out)
}

/// Longest unescaped text compared through a stack copy.
pub(crate) const CMP_MAX: usize = 64;

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
    #[inline(always)]
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
        let mut tmp = [0u8; CMP_MAX];
        self.text(&mut tmp) == Some(s)
    }

    /// Unescaped string equals `s` ignoring ASCII case (cJSON's key match;
    /// same 64-byte limit as [`Str::equals`]).
    pub fn equals_ignore_ascii_case(&self, s: &[u8]) -> bool {
        let mut tmp = [0u8; CMP_MAX];
        self.text(&mut tmp)
            .is_some_and(|t| t.len() == s.len() && crate::value::same(t, s, true))
    }

    /// The unescaped text: the raw bytes if there are no escapes, else
    /// unescaped into `tmp` (`None` if it does not fit).
    fn text<'t>(&self, tmp: &'t mut [u8; CMP_MAX]) -> Option<&'t [u8]>
    where
        'a: 't,
    {
        if !self.has_escapes() {
            return Some(self.raw);
        }
        match self.unescape_prefix(tmp) {
            (t, true) => Some(t),
            _ => None,
        }
    }

    /// Unescaped string starts with `s` (for strings with escapes only the
    /// first 64 unescaped bytes are looked at, so a longer `s` never
    /// matches them).
    pub fn starts_with(&self, s: &[u8]) -> bool {
        let mut tmp = [0u8; CMP_MAX];
        let text = if self.has_escapes() {
            self.unescape_prefix(&mut tmp).0
        } else {
            self.raw
        };
        text.starts_with(s)
    }
}
