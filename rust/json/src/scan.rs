// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Validation of a JSON document, picking out requested values on the way.
//!
//! [`parse`] checks the whole document once, iteratively (a bit stack, no
//! recursion). It walks a shrinking slice (the rest of the document), so a
//! byte is bounds-checked by the test that reads it, and reads each token
//! once. Compact JSON (no whitespace between tokens) takes the shortest
//! paths; whitespace costs a call.

use crate::bytes::{has_below, has_byte, skip_unflagged};
use crate::capture::{Capture, PathSet, Tree};
use crate::string::escape;
use crate::value::Value;

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

/// `r` without its leading whitespace.
#[inline(always)]
pub(crate) fn ws(r: &[u8]) -> &[u8] {
    // Compact JSON has none: one test on the common path.
    match r.first() {
        Some(&c) if c > b' ' => r,
        _ => ws_slow(r),
    }
}

fn ws_slow(mut r: &[u8]) -> &[u8] {
    while let [b' ' | b'\t' | b'\n' | b'\r', rest @ ..] = r {
        r = rest;
    }
    r
}

/// The next byte after whitespace, and the rest after it (0 and nothing at
/// the end: 0 is never valid JSON structure).
#[inline(always)]
fn next(r: &[u8]) -> (u8, &[u8]) {
    match r.split_first() {
        Some((&c, rest)) if c > b' ' => (c, rest),
        _ => next_slow(r),
    }
}

#[inline(never)]
fn next_slow(r: &[u8]) -> (u8, &[u8]) {
    let r = ws_slow(r);
    match r.split_first() {
        Some((&c, rest)) => (c, rest),
        None => (0, r),
    }
}

/// The rest of a string token after its opening quote: what follows the
/// closing quote, and whether there were escapes. `None` if malformed (raw
/// control characters, bad escapes including unpaired UTF-16 surrogates, as
/// cJSON rejects them) or unterminated.
#[inline(always)]
fn string(mut r: &[u8]) -> Option<(&[u8], bool)> {
    let mut escaped = false;
    loop {
        // Bytes below 0x23 cover control characters and '"' (space and
        // '!' only cost a turn of the byte loop below).
        r = skip_unflagged(r, |x| has_below(x, 0x23) | has_byte(x, b'\\'));
        let (&c, rest) = r.split_first()?;
        r = rest;
        match c {
            b'"' => return Some((r, escaped)),
            b'\\' => {
                escaped = true;
                r = escape(r)?.1;
            }
            0..=0x1f => return None,
            _ => {}
        }
    }
}

/// The rest after a number token (RFC 8259 grammar) whose first byte `c`
/// came before `r`.
fn number(c: u8, r: &[u8]) -> Option<&[u8]> {
    let (c, r) = match c {
        b'-' => r.split_first().map(|(&c, r)| (c, r))?,
        _ => (c, r),
    };
    let mut r = match c {
        b'0' => r,
        b'1'..=b'9' => digits(r),
        _ => return None,
    };
    if let [b'.', rest @ ..] = r {
        r = digits1(rest)?;
    }
    if let [b'e' | b'E', rest @ ..] = r {
        r = match rest {
            [b'+' | b'-', rest @ ..] => rest,
            _ => rest,
        };
        r = digits1(r)?;
    }
    Some(r)
}

/// The rest after the digits at the start of `r`.
fn digits(mut r: &[u8]) -> &[u8] {
    while let [b'0'..=b'9', rest @ ..] = r {
        r = rest;
    }
    r
}

/// The rest after one or more digits.
fn digits1(r: &[u8]) -> Option<&[u8]> {
    let rest = digits(r);
    (rest.len() < r.len()).then_some(rest)
}

/// The rest after `word` (the rest of a literal after its first letter).
fn literal<'r, const N: usize>(r: &'r [u8], word: &[u8; N]) -> Option<&'r [u8]> {
    match r.split_first_chunk::<N>() {
        Some((w, rest)) if w == word => Some(rest),
        _ => None,
    }
}

/// After a member name: its `:`, then the first byte of the value and
/// the rest after it.
#[inline(always)]
fn colon(r: &[u8]) -> Option<(u8, &[u8])> {
    match r {
        // Compact JSON: no whitespace around.
        [b':', c, rest @ ..] if *c > b' ' => Some((*c, rest)),
        _ => colon_slow(r),
    }
}

#[inline(never)]
fn colon_slow(r: &[u8]) -> Option<(u8, &[u8])> {
    let (c, rest) = next_slow(r);
    (c == b':').then(|| next_slow(rest))
}

/// Validates the value at the start of `doc` (after whitespace),
/// capturing the requested paths; returns the rest after it. Each token is
/// read once: `c` is the token at hand and `r` the rest after it.
fn validate<'a>(doc: &'a [u8], cap: &mut Capture<'_, '_, '_, 'a>) -> Result<&'a [u8], Error> {
    // Bit n set: the container at depth n+1 (counting from the innermost) is
    // an object.
    let mut objects: u64 = 0;
    let mut depth: usize = 0;
    // A member name comes before the next value (read in one place only).
    let mut want_key = false;
    let (mut c, mut r) = next(doc);
    loop {
        if want_key {
            if c != b'"' {
                return Err(Error::Syntax);
            }
            let (end, escaped) = string(r).ok_or(Error::Syntax)?;
            let name = r.get(..r.len().wrapping_sub(end.len() + 1));
            cap.key(depth, name.unwrap_or_default(), escaped);
            (c, r) = colon(end).ok_or(Error::Syntax)?;
        }
        // A value starts with `c`.
        let left = r.len() + 1;
        if c == b'{' || c == b'[' {
            if depth >= MAX_DEPTH {
                return Err(Error::Depth);
            }
            let obj = c == b'{';
            objects = (objects << 1) | u64::from(obj);
            depth += 1;
            cap.open(depth, left);
            // The closing bracket is the opening one + 2.
            let close = c + 2;
            let before = r;
            (c, r) = next(r);
            if c != close {
                want_key = obj;
                continue;
            }
            // Empty: its bracket is read again below, like any other.
            r = before;
        } else {
            let mut escaped = false;
            let end = match c {
                b'"' => string(r).map(|(end, e)| {
                    escaped = e;
                    end
                }),
                b't' => literal(r, b"rue"),
                b'f' => literal(r, b"alse"),
                b'n' => literal(r, b"ull"),
                _ => number(c, r),
            };
            r = end.ok_or(Error::Syntax)?;
            cap.scalar(left, r.len(), escaped);
            if depth == 0 {
                return Ok(r);
            }
        }
        // After a value: separators, or the end of containers.
        loop {
            // Compact JSON: a `,` and the next token right after.
            if let [b',', n, rest @ ..] = r {
                if *n > b' ' {
                    (c, r) = (*n, rest);
                    want_key = objects & 1 == 1;
                    break;
                }
            }
            (c, r) = next(r);
            if c == b',' {
                // Not compact (else seen above): whitespace around.
                (c, r) = next_slow(r);
                want_key = objects & 1 == 1;
                break;
            }
            if c != if objects & 1 == 1 { b'}' } else { b']' } {
                return Err(Error::Syntax);
            }
            cap.close(depth, r.len());
            depth -= 1;
            objects >>= 1;
            if depth == 0 {
                return Ok(r);
            }
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
    parse_tree(doc, c_string, paths.tree(), out).map(|(root, _)| root)
}

/// [`parse_paths`] that also tells which captured strings have escapes:
/// bit `n` of the mask is set when `out[n]` was filled with a string that
/// has escapes (clear for other values and for slots left alone). Give
/// [`Value::as_str_escaped`] that bit, so that reading the string costs no
/// second look for escapes.
pub fn parse_paths_escapes<'a, const N: usize>(
    doc: &'a [u8],
    c_string: bool,
    paths: &PathSet<'_, N>,
    out: &mut [Option<Value<'a>>],
) -> Result<(Value<'a>, u32), Error> {
    parse_tree(doc, c_string, paths.tree(), out)
}

/// The root value, and the captured strings with escapes.
fn parse_tree<'a>(
    doc: &'a [u8],
    c_string: bool,
    paths: Tree<'_, '_>,
    out: &mut [Option<Value<'a>>],
) -> Result<(Value<'a>, u32), Error> {
    let doc = match doc {
        [0xef, 0xbb, 0xbf, rest @ ..] => rest,
        _ => doc,
    };
    let start = ws(doc);
    let mut cap = Capture::new(doc, paths, out);
    let end = validate(start, &mut cap)?;
    match ws(end) {
        [] => {}
        [0, ..] if c_string => {}
        _ => return Err(Error::Syntax),
    }
    let raw = start.get(..start.len().wrapping_sub(end.len()));
    Ok((Value::new(raw.unwrap_or_default()), cap.escaped))
}
