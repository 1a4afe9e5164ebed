// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Zero-copy navigation of a validated document. It only skips over bytes
//! it knows to be valid; it stays memory-safe and terminates on any input
//! regardless.

use crate::bytes::{has_byte, skip_unflagged};
use crate::string::Str;

/// Type of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

/// Byte at `i`, or 0 past the end (0 is never valid JSON structure).
fn at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

/// Index of the first non-whitespace byte from `i` on.
fn ws(s: &[u8], i: usize) -> usize {
    match s.get(i..) {
        Some(r) => s.len() - crate::scan::ws(r).len(),
        None => i,
    }
}

/// Index of the first `"` or `\\` from `i` on (or a point before it in the
/// last partial word).
fn find_quote_or_escape(s: &[u8], i: usize) -> usize {
    let r = s.get(i..).unwrap_or_default();
    s.len() - skip_unflagged(r, |x| has_byte(x, b'"') | has_byte(x, b'\\')).len()
}

/// Index after the string token at `i` and whether it has escapes
/// (assumed valid; stops at the end).
fn skip_string_esc(s: &[u8], mut i: usize) -> (usize, bool) {
    i += 1;
    let mut escaped = false;
    loop {
        i = find_quote_or_escape(s, i);
        if i >= s.len() {
            return (s.len(), escaped);
        }
        match at(s, i) {
            b'"' => return (i + 1, escaped),
            b'\\' => {
                escaped = true;
                i += 2;
            }
            _ => i += 1,
        }
    }
}

fn skip_string(s: &[u8], i: usize) -> usize {
    skip_string_esc(s, i).0
}

/// Walks the (valid) container opening at `i`: the index after its closing
/// bracket (or the end of `s`) and the number of commas at its top level.
fn container_walk(s: &[u8], mut i: usize) -> (usize, usize) {
    let mut depth: usize = 0;
    let mut commas = 0;
    while i < s.len() {
        match at(s, i) {
            b'"' => {
                i = skip_string(s, i);
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return (i + 1, commas);
                }
            }
            b',' if depth == 1 => commas += 1,
            _ => {}
        }
        i += 1;
    }
    (s.len(), commas)
}

/// Index after the value at `i` (assumed valid; stops at the end).
fn skip_value(s: &[u8], mut i: usize) -> usize {
    match at(s, i) {
        b'"' => skip_string(s, i),
        b'{' | b'[' => container_walk(s, i).0,
        _ => {
            while i < s.len()
                && !matches!(at(s, i), b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                i += 1;
            }
            i
        }
    }
}

/// The `N` bytes of `s` at `i` (zeros past the end).
#[inline(always)]
fn chunk<const N: usize>(s: &[u8], i: usize) -> [u8; N] {
    match s.get(i..).and_then(<[u8]>::first_chunk::<N>) {
        Some(c) => *c,
        None => [0; N],
    }
}

/// Whether `eq` holds for each pair of bytes of `a` and `b` (as long as
/// the shorter one).
#[inline(always)]
fn all_pairs(a: &[u8], b: &[u8], eq: impl Fn(u8, u8) -> bool) -> bool {
    let mut i = 0;
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(i)) {
        if !eq(x, y) {
            return false;
        }
        i += 1;
    }
    true
}

/// Exact equality of equally long byte strings: whole words, the last one
/// overlapping. (Not `a == b`: names are short, and a call to memcmp costs
/// more than comparing them here.)
#[inline(always)]
fn exact(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if chunk::<8>(a, i) != chunk::<8>(b, i) {
                return false;
            }
            i += 8;
        }
        return chunk::<8>(a, n - 8) == chunk::<8>(b, n - 8);
    }
    if n >= 4 {
        return chunk::<4>(a, 0) == chunk::<4>(b, 0)
            && chunk::<4>(a, n - 4) == chunk::<4>(b, n - 4);
    }
    all_pairs(a, b, |x, y| x == y)
}

/// Equality of byte strings, ignoring ASCII case when `ci`.
pub(crate) fn same(a: &[u8], b: &[u8], ci: bool) -> bool {
    same_inline(a, b, ci)
}

/// [`same`], inlined. Names usually match exactly, so that is tried first.
#[inline(always)]
pub(crate) fn same_inline(a: &[u8], b: &[u8], ci: bool) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if exact(a, b) {
        return true;
    }
    ci && all_pairs(a, b, |x, y| {
        x == y || (x ^ y == 0x20 && (x | 0x20).is_ascii_lowercase())
    })
}

/// Whether member name `k` is `want` (ignoring ASCII case when `ci`).
/// Escapes only make a name shorter, so the raw bytes decide for names
/// without escapes. (`want` is plain text: a `\\` in it never matches an
/// escape sequence.)
#[inline]
pub(crate) fn key_is(k: Str<'_>, want: &[u8], ci: bool) -> bool {
    let raw = k.raw();
    if !k.maybe_escaped() {
        return raw.len() == want.len() && same(raw, want, ci);
    }
    if ci {
        k.equals_ignore_ascii_case(want)
    } else {
        k.equals(want)
    }
}

/// One value inside a validated document: its exact bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Value<'a> {
    raw: &'a [u8],
}

/// Members of an object, in document order: (key, value).
pub struct Members<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Iterator for Members<'a> {
    type Item = (Str<'a>, Value<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let s = self.s;
        let mut i = ws(s, self.i);
        if at(s, i) == b',' {
            i = ws(s, i + 1);
        }
        if at(s, i) != b'"' {
            self.i = s.len();
            return None;
        }
        let (key_end, escaped) = skip_string_esc(s, i);
        let key = s.get(i + 1..key_end.saturating_sub(1)).unwrap_or_default();
        // Whitespace, ':' and whitespace again.
        let vi = ws(s, ws(s, key_end) + 1);
        let ve = skip_value(s, vi);
        self.i = ve;
        let raw = s.get(vi..ve)?;
        Some((Str::with_escapes(key, escaped), Value::new(raw)))
    }
}

/// Elements of an array, in order.
pub struct Elements<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Iterator for Elements<'a> {
    type Item = Value<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let s = self.s;
        let mut i = ws(s, self.i);
        if at(s, i) == b',' {
            i = ws(s, i + 1);
        }
        if i >= s.len() || at(s, i) == b']' {
            self.i = s.len();
            return None;
        }
        let end = skip_value(s, i);
        self.i = end;
        let raw = s.get(i..end)?;
        Some(Value::new(raw))
    }
}

impl<'a> Value<'a> {
    pub(crate) fn new(raw: &'a [u8]) -> Self {
        Value { raw }
    }

    /// The value's bytes exactly as in the document (for an object or array
    /// the whole span from the opening to the closing bracket).
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    pub fn kind(&self) -> Kind {
        match at(self.raw, 0) {
            b'{' => Kind::Object,
            b'[' => Kind::Array,
            b'"' => Kind::String,
            b't' | b'f' => Kind::Bool,
            b'n' => Kind::Null,
            _ => Kind::Number,
        }
    }

    pub fn is_object(&self) -> bool {
        at(self.raw, 0) == b'{'
    }

    pub fn is_array(&self) -> bool {
        at(self.raw, 0) == b'['
    }

    pub fn is_string(&self) -> bool {
        at(self.raw, 0) == b'"'
    }

    pub fn is_number(&self) -> bool {
        self.kind() == Kind::Number
    }

    pub fn is_null(&self) -> bool {
        self.kind() == Kind::Null
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.raw {
            // Slice patterns: no call to memcmp.
            [b't', b'r', b'u', b'e'] => Some(true),
            [b'f', b'a', b'l', b's', b'e'] => Some(false),
            _ => None,
        }
    }

    /// The string's contents (still escaped) if this is a string.
    pub fn as_str(&self) -> Option<Str<'a>> {
        // Escapes are looked for only if they matter.
        self.as_str_escaped(true)
    }

    /// [`Value::as_str`] for a string whose escapes are known: `escaped`
    /// as [`crate::parse_paths_escapes`] reports it for the value's slot.
    /// With `false` the string is taken as having none (nothing looks for
    /// them again); a string that does have some then reads as its raw
    /// bytes.
    pub fn as_str_escaped(&self, escaped: bool) -> Option<Str<'a>> {
        if !self.is_string() {
            return None;
        }
        let inner = self.raw.get(1..self.raw.len().saturating_sub(1))?;
        Some(Str::with_escapes(inner, escaped))
    }

    /// The integer part of a number as cJSON's double has it: whether it is
    /// negative, its digits (the mantissa's, without sign and point; read
    /// on past their end as zeros) and how many of them form the integer
    /// part (the digits before the point, moved by the exponent; 0 or less
    /// for none). `None` if not a number.
    pub fn integer_digits(&self) -> Option<(bool, impl Iterator<Item = u8> + 'a, i32)> {
        if !self.is_number() {
            return None;
        }
        let s = self.raw;
        let neg = at(s, 0) == b'-';
        // The mantissa runs to the exponent's `e`, if any.
        let e = s.iter().position(|&c| c | 0x20 == b'e').unwrap_or(s.len());
        let (mant, exp_text) = s.split_at_checked(e)?;
        // Decimal exponent, saturated well beyond anything meaningful.
        let mut exp: i32 = 0;
        let mut eneg = false;
        for &c in exp_text {
            if c == b'-' {
                eneg = true;
            } else if c.is_ascii_digit() {
                exp = (exp * 10 + i32::from(c - b'0')).min(1000);
            }
        }
        if eneg {
            exp = -exp;
        }
        let point = mant.iter().position(|&c| c == b'.').unwrap_or(mant.len());
        let keep = i32::try_from(point)
            .unwrap_or(i32::MAX)
            .saturating_sub(i32::from(neg))
            .saturating_add(exp);
        let digits = mant
            .iter()
            .filter(|c| c.is_ascii_digit())
            .map(|&c| c - b'0');
        Some((neg, digits, keep))
    }

    /// A number converted to an integer as C's `(int)` cast of cJSON's
    /// double does: fraction and exponent applied, then truncated toward
    /// zero; saturates at the `i64` range. `None` if not a number.
    pub fn as_int_trunc(&self) -> Option<i64> {
        let (neg, mut digits, keep) = self.integer_digits()?;
        // Below 10^18 another digit still fits a u64; from there on it
        // passes i64::MAX.
        const BIG: u64 = 1_000_000_000_000_000_000;
        let mut v: u64 = 0;
        for _ in 0..keep.max(0) {
            if v >= BIG {
                v = u64::MAX;
                break;
            }
            v = v * 10 + u64::from(digits.next().unwrap_or(0));
        }
        let v = i64::try_from(v).unwrap_or(i64::MAX);
        Some(if neg { -v } else { v })
    }

    /// Members of an object (nothing for other kinds).
    pub fn members(&self) -> Members<'a> {
        Members {
            s: self.raw,
            i: if self.is_object() { 1 } else { self.raw.len() },
        }
    }

    /// How many members an object (or elements an array) has; 0 for other
    /// kinds. Counts the separators at its top level, without splitting
    /// the members out as [`Value::members`] does.
    pub fn member_count(&self) -> usize {
        let s = self.raw;
        if !matches!(at(s, 0), b'{' | b'[') || matches!(at(s, ws(s, 1)), b'}' | b']') {
            return 0;
        }
        container_walk(s, 0).1 + 1
    }

    /// Elements of an array (nothing for other kinds).
    pub fn elements(&self) -> Elements<'a> {
        Elements {
            s: self.raw,
            i: if self.is_array() { 1 } else { self.raw.len() },
        }
    }

    /// First member named exactly `key` (after unescaping).
    pub fn get(&self, key: &[u8]) -> Option<Value<'a>> {
        self.members()
            .find(|(k, _)| key_is(*k, key, false))
            .map(|(_, v)| v)
    }

    /// First member whose name equals `key` ignoring ASCII case: the lookup
    /// cJSON's `cJSON_GetObjectItem` (and so NCS) does.
    pub fn get_ci(&self, key: &[u8]) -> Option<Value<'a>> {
        self.members()
            .find(|(k, _)| key_is(*k, key, true))
            .map(|(_, v)| v)
    }

    /// Several [`Value::get_ci`] lookups in one pass over the members: the
    /// first match of `keys[n]` goes to `out[n]` (slots already `Some` are
    /// kept). Returns how many members the object has.
    pub fn find_ci(&self, keys: &[&[u8]], out: &mut [Option<Value<'a>>]) -> usize {
        let mut count = 0;
        for (k, v) in self.members() {
            count += 1;
            for (want, slot) in keys.iter().zip(out.iter_mut()) {
                if slot.is_none() && key_is(k, want, true) {
                    *slot = Some(v);
                    break;
                }
            }
        }
        count
    }

    /// Follows `path` through nested objects with [`Value::get_ci`].
    pub fn path_ci(&self, path: &[&[u8]]) -> Option<Value<'a>> {
        let mut v = *self;
        for k in path {
            v = v.get_ci(k)?;
        }
        Some(v)
    }

    /// An object or array with at least one member/element.
    pub fn has_children(&self) -> bool {
        match self.kind() {
            Kind::Object => self.members().next().is_some(),
            Kind::Array => self.elements().next().is_some(),
            _ => false,
        }
    }
}
