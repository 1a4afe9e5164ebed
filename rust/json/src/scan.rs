// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Validation and zero-copy navigation of a JSON document.
//!
//! [`parse`] checks the whole document once, iteratively (a bit stack, no
//! recursion). Navigation afterwards only skips over bytes it knows to be
//! valid; it stays memory-safe and terminates on any input regardless.

use crate::capture::{Capture, PathSet, Tree};
use crate::string::Str;

/// Deepest nesting of objects/arrays [`parse`] accepts.
pub const MAX_DEPTH: usize = 64;

/// Why a document was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// Not well-formed JSON (includes empty input and trailing garbage).
    Syntax,
    /// Nested deeper than [`MAX_DEPTH`].
    Depth,
}

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

#[inline(always)]
fn ws(s: &[u8], i: usize) -> usize {
    // Compact JSON has none: one test on the common path.
    if at(s, i) > b' ' {
        i
    } else {
        ws_slow(s, i)
    }
}

fn ws_slow(s: &[u8], mut i: usize) -> usize {
    while matches!(at(s, i), b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

pub(crate) const W: usize = core::mem::size_of::<usize>();
/// 0x0101..01 and 0x8080..80 for word-at-a-time byte tests.
const LO: usize = usize::MAX / 255;
const HI: usize = LO << 7;

/// The machine word at `i` (little-endian), if `W` bytes are left.
fn word(s: &[u8], i: usize) -> Option<usize> {
    let bytes: [u8; W] = s.get(i..i + W)?.try_into().ok()?;
    Some(usize::from_le_bytes(bytes))
}

/// Non-zero if some byte of `x` equals `b`.
pub(crate) fn has_byte(x: usize, b: u8) -> usize {
    let y = x ^ (LO * usize::from(b));
    y.wrapping_sub(LO) & !y & HI
}

/// Non-zero if some byte of `x` is below `n` (`n` <= 0x80).
fn has_below(x: usize, n: u8) -> usize {
    x.wrapping_sub(LO * usize::from(n)) & !x & HI
}

/// Index of the first byte from `i` on that `flags` marks, checking a word
/// at a time; stops early (for the caller to check byte by byte) where
/// fewer than `W` bytes are left. The lowest flagged byte of a word is
/// exact: the word tricks only mis-flag bytes above a real match.
#[inline(always)]
pub(crate) fn find_flagged(s: &[u8], mut i: usize, flags: impl Fn(usize) -> usize) -> usize {
    while let Some(x) = word(s, i) {
        let m = flags(x);
        if m != 0 {
            return i + usize::try_from(m.trailing_zeros() / 8).unwrap_or(0);
        }
        i += W;
    }
    i
}

/// Index of the first `"` or `\\` from `i` on (or a point before it in the
/// last partial word).
pub(crate) fn find_quote_or_escape(s: &[u8], i: usize) -> usize {
    find_flagged(s, i, |x| has_byte(x, b'"') | has_byte(x, b'\\'))
}

fn is_hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

/// `\uXXXX` at `i` (pointing at `u`): code unit and the index after it.
fn unicode(s: &[u8], i: usize) -> Result<(u32, usize), Error> {
    let mut v: u32 = 0;
    for k in 1..5 {
        let c = at(s, i + k);
        if !is_hex(c) {
            return Err(Error::Syntax);
        }
        let d = match c {
            b'0'..=b'9' => c - b'0',
            _ => (c | 0x20) - b'a' + 10,
        };
        v = (v << 4) | u32::from(d);
    }
    Ok((v, i + 5))
}

/// A string token starting at `i` (the opening quote); returns the index
/// after the closing quote and whether it has escapes. Rejects raw control
/// characters and malformed escapes, including unpaired UTF-16 surrogates
/// (as cJSON does).
#[inline(always)]
fn string(s: &[u8], mut i: usize) -> Result<(usize, bool), Error> {
    if at(s, i) != b'"' {
        return Err(Error::Syntax);
    }
    i += 1;
    let mut escaped = false;
    loop {
        // Bytes below 0x23 cover control characters and '"' (space and
        // '!' only cost a step of the byte loop below).
        i = find_flagged(s, i, |x| has_below(x, 0x23) | has_byte(x, b'\\'));
        match at(s, i) {
            b'"' => return Ok((i + 1, escaped)),
            b'\\' => {
                escaped = true;
                i = escape(s, i + 1)?;
            }
            0..=0x1f => return Err(Error::Syntax),
            _ => i += 1,
        }
    }
}

/// The escape sequence whose letter is at `i` (after the `\\`): the index
/// after it. Out of line: `string` is inlined in two places and escapes
/// are rare.
#[inline(never)]
fn escape(s: &[u8], mut i: usize) -> Result<usize, Error> {
    match at(s, i) {
        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 1,
        b'u' => {
            let (cu, next) = unicode(s, i)?;
            i = next;
            if (0xdc00..0xe000).contains(&cu) {
                return Err(Error::Syntax);
            }
            if (0xd800..0xdc00).contains(&cu) {
                if at(s, i) != b'\\' || at(s, i + 1) != b'u' {
                    return Err(Error::Syntax);
                }
                let (lo, next) = unicode(s, i + 1)?;
                if !(0xdc00..0xe000).contains(&lo) {
                    return Err(Error::Syntax);
                }
                i = next;
            }
        }
        _ => return Err(Error::Syntax),
    }
    Ok(i)
}

fn digits(s: &[u8], mut i: usize) -> Result<usize, Error> {
    if !at(s, i).is_ascii_digit() {
        return Err(Error::Syntax);
    }
    while at(s, i).is_ascii_digit() {
        i += 1;
    }
    Ok(i)
}

/// A number token at `i` (RFC 8259 grammar); returns the index after it.
fn number(s: &[u8], mut i: usize) -> Result<usize, Error> {
    if at(s, i) == b'-' {
        i += 1;
    }
    i = if at(s, i) == b'0' {
        i + 1
    } else {
        digits(s, i)?
    };
    if at(s, i) == b'.' {
        i = digits(s, i + 1)?;
    }
    if at(s, i) | 0x20 == b'e' {
        i += 1;
        if matches!(at(s, i), b'+' | b'-') {
            i += 1;
        }
        i = digits(s, i)?;
    }
    Ok(i)
}

fn literal(s: &[u8], i: usize, word: &[u8]) -> Result<usize, Error> {
    let end = i + word.len();
    // Byte by byte: shorter than a call to memcmp for 4 or 5 bytes.
    if s.get(i..end)
        .is_some_and(|t| t.iter().zip(word).all(|(a, b)| a == b))
    {
        Ok(end)
    } else {
        Err(Error::Syntax)
    }
}

/// `"key"` `:` at `i`: the name and the index after the colon.
#[inline(always)]
fn key(s: &[u8], i: usize) -> Result<(Str<'_>, usize), Error> {
    let (end, escaped) = string(s, i)?;
    let name = Str::with_escapes(s.get(i + 1..end - 1).unwrap_or_default(), escaped);
    let i = ws(s, end);
    if at(s, i) != b':' {
        return Err(Error::Syntax);
    }
    Ok((name, i + 1))
}

/// Validates one value starting at `i` (after whitespace), capturing the
/// requested paths; returns the index after it.
fn validate<'a>(
    s: &'a [u8],
    mut i: usize,
    cap: &mut Capture<'_, '_, '_, 'a>,
) -> Result<usize, Error> {
    // Bit n set: the container at depth n+1 (counting from the innermost) is
    // an object.
    let mut objects: u64 = 0;
    let mut depth: usize = 0;
    // A member name comes before the next value (parsed in one place only,
    // so that it can be inlined).
    let mut want_key = false;
    'value: loop {
        if want_key {
            let (name, next) = key(s, ws(s, i))?;
            cap.key(depth, name);
            i = next;
        }
        i = ws(s, i);
        let start = i;
        match at(s, i) {
            c @ (b'{' | b'[') => {
                if depth >= MAX_DEPTH {
                    return Err(Error::Depth);
                }
                let obj = c == b'{';
                objects = (objects << 1) | u64::from(obj);
                depth += 1;
                cap.open(depth, i);
                i = ws(s, i + 1);
                if at(s, i) != if obj { b'}' } else { b']' } {
                    want_key = obj;
                    continue 'value;
                }
                // Empty container: closed below like any other.
                i += 1;
                cap.close(s, depth, i);
                depth -= 1;
                objects >>= 1;
            }
            c => {
                i = match c {
                    b'"' => string(s, i)?.0,
                    b't' => literal(s, i, b"true")?,
                    b'f' => literal(s, i, b"false")?,
                    b'n' => literal(s, i, b"null")?,
                    _ => number(s, i)?,
                };
                cap.scalar(s.get(start..i).unwrap_or_default());
            }
        }
        // After a value: a separator or the end of its containers.
        loop {
            if depth == 0 {
                return Ok(i);
            }
            i = ws(s, i);
            let obj = objects & 1 == 1;
            match at(s, i) {
                b',' => {
                    i += 1;
                    want_key = obj;
                    continue 'value;
                }
                b'}' if obj => {}
                b']' if !obj => {}
                _ => return Err(Error::Syntax),
            }
            i += 1;
            cap.close(s, depth, i);
            depth -= 1;
            objects >>= 1;
        }
    }
}

/// Validates `doc` (one JSON value, optional UTF-8 BOM and surrounding
/// whitespace) and returns its root value.
pub fn parse(doc: &[u8]) -> Result<Value<'_>, Error> {
    parse_until(doc, false)
}

/// As [`parse`], for a document kept as a C string: a NUL byte after the
/// value ends the text (anything after it is ignored), as `cJSON_Parse`
/// reads a NUL-terminated buffer.
pub fn parse_c_str(doc: &[u8]) -> Result<Value<'_>, Error> {
    parse_until(doc, true)
}

fn parse_until(doc: &[u8], nul_ends: bool) -> Result<Value<'_>, Error> {
    const NONE: PathSet<'static, 0> = PathSet::sized(&[]);
    parse_paths(doc, nul_ends, &NONE, &mut [])
}

/// [`parse`] (or, with `c_string`, [`parse_c_str`]) that also picks out the
/// values at `paths` in the same pass: `out[n]` gets the value at path `n`,
/// found as chained `cJSON_GetObjectItem` calls would find it.
/// Up to [`crate::PATHS_MAX`] paths of up to [`crate::PATH_MAX`] names each. Slots of
/// paths not found are left as they are.
pub fn parse_paths<'a, const N: usize>(
    doc: &'a [u8],
    c_string: bool,
    paths: &PathSet<'_, N>,
    out: &mut [Option<Value<'a>>],
) -> Result<Value<'a>, Error> {
    parse_tree(doc, c_string, paths.tree(), out)
}

fn parse_tree<'a>(
    doc: &'a [u8],
    c_string: bool,
    paths: Tree<'_, '_>,
    out: &mut [Option<Value<'a>>],
) -> Result<Value<'a>, Error> {
    // A slice pattern: no call to memcmp for three bytes.
    let start = if matches!(doc, [0xef, 0xbb, 0xbf, ..]) {
        3
    } else {
        0
    };
    let start = ws(doc, start);
    let mut cap = Capture::new(paths, out);
    let end = validate(doc, start, &mut cap)?;
    let rest = ws(doc, end);
    if rest != doc.len() && !(c_string && at(doc, rest) == 0) {
        return Err(Error::Syntax);
    }
    match doc.get(start..end) {
        Some(raw) => Ok(Value::new(raw)),
        None => Err(Error::Syntax),
    }
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

/// The `N` bytes of `s` at `i` as a number (0 past the end).
#[inline(always)]
fn chunk<const N: usize>(s: &[u8], i: usize) -> [u8; N] {
    let mut x = [0u8; N];
    if let Some(c) = s.get(i..i + N) {
        x.copy_from_slice(c);
    }
    x
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
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// Equality of byte strings, ignoring ASCII case when `ci`. Names usually
/// match exactly, so that is tried first.
pub(crate) fn same(a: &[u8], b: &[u8], ci: bool) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if exact(a, b) {
        return true;
    }
    ci && a
        .iter()
        .zip(b)
        .all(|(&x, &y)| x == y || (x ^ y == 0x20 && (x | 0x20).is_ascii_lowercase()))
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
        if !self.is_string() {
            return None;
        }
        let inner = self.raw.get(1..self.raw.len().saturating_sub(1))?;
        // Escapes are looked for only if they matter.
        Some(Str::with_escapes(inner, true))
    }

    /// A number converted to an integer as C's `(int)` cast of cJSON's
    /// double does: fraction and exponent applied, then truncated toward
    /// zero; saturates at the `i64` range. `None` if not a number.
    pub fn as_int_trunc(&self) -> Option<i64> {
        if !self.is_number() {
            return None;
        }
        let s = self.raw;
        let neg = at(s, 0) == b'-';
        // The mantissa runs to the exponent's `e`, if any.
        let e = s.iter().position(|&c| c | 0x20 == b'e').unwrap_or(s.len());
        let mant = s.get(..e).unwrap_or_default();
        // Decimal exponent, saturated well beyond anything meaningful.
        let mut exp: i32 = 0;
        let mut eneg = false;
        for &c in s.get(e + 1..).unwrap_or_default() {
            if c == b'-' {
                eneg = true;
            } else if c.is_ascii_digit() {
                exp = (exp * 10 + i32::from(c - b'0')).min(1000);
            }
        }
        if eneg {
            exp = -exp;
        }
        // The integer part is the first (int digits + exp) digits of all
        // digits, padded with zeros.
        let point = mant.iter().position(|&c| c == b'.').unwrap_or(mant.len());
        let keep = i32::try_from(point)
            .unwrap_or(i32::MAX)
            .saturating_sub(i32::from(neg))
            .saturating_add(exp);
        let mut digits = mant.iter().filter(|c| c.is_ascii_digit());
        // Below 10^18 another digit still fits a u64; from there on it
        // passes i64::MAX.
        const BIG: u64 = 1_000_000_000_000_000_000;
        let mut v: u64 = 0;
        for _ in 0..keep.max(0) {
            if v >= BIG {
                v = u64::MAX;
                break;
            }
            v = v * 10 + digits.next().map_or(0, |&c| u64::from(c - b'0'));
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
