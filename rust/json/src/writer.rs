// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Compact JSON output into a caller buffer.

use crate::number;
use crate::string::SHORT;

/// The output did not fit the buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

/// Writes JSON into a fixed buffer.
///
/// Errors are sticky: once something does not fit, every later call is a
/// no-op and [`Writer::finish`] returns `Err(Overflow)`. That keeps call
/// sites free of error plumbing and the code small.
///
/// Two layers can be mixed freely:
/// * values and raw text ([`Writer::raw`], [`Writer::string`], [`Writer::int`],
///   [`Writer::bool`], [`Writer::null`]) never add separators;
/// * structure ([`Writer::begin_object`], [`Writer::key`], [`Writer::elem`],
///   [`Writer::end_object`], ...) adds the commas between members/elements.
pub struct Writer<'b> {
    buf: &'b mut [u8],
    len: usize,
    ok: bool,
    /// A member/element was already written in the current container.
    comma: bool,
}

const HEX: &[u8; 16] = b"0123456789abcdef";

impl<'b> Writer<'b> {
    pub fn new(buf: &'b mut [u8]) -> Self {
        Self {
            buf,
            len: 0,
            ok: true,
            comma: false,
        }
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether everything so far fitted.
    pub fn ok(&self) -> bool {
        self.ok
    }

    /// The written bytes, or `Err(Overflow)` if anything did not fit.
    pub fn finish(self) -> Result<&'b [u8], Overflow> {
        let Writer { buf, len, ok, .. } = self;
        match buf.get(..len) {
            Some(out) if ok => Ok(out),
            _ => Err(Overflow),
        }
    }

    /// Appends bytes as they are (literal JSON text).
    #[inline(never)]
    pub fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        let end = self.len.wrapping_add(bytes.len());
        match self.buf.get_mut(self.len..end) {
            Some(dst) if self.ok => {
                dst.copy_from_slice(bytes);
                self.len = end;
            }
            _ => self.ok = false,
        }
        self
    }

    fn byte(&mut self, b: u8) {
        match self.buf.get_mut(self.len) {
            Some(dst) if self.ok => {
                *dst = b;
                self.len += 1;
            }
            _ => self.ok = false,
        }
    }

    /// A string value: quoted and escaped as cJSON does (`\"` `\\` `\b` `\f`
    /// `\n` `\r` `\t`, other bytes below 0x20 as `\u00xx`, everything else,
    /// including bytes >= 0x80, unchanged).
    pub fn string(&mut self, s: &[u8]) -> &mut Self {
        self.byte(b'"');
        let mut start = 0;
        for (i, &c) in s.iter().enumerate() {
            if c >= 0x20 && c != b'"' && c != b'\\' {
                continue;
            }
            self.raw(s.get(start..i).unwrap_or_default());
            start = i + 1;
            let short = SHORT.iter().take(7).find(|&&(_, byte)| byte == c);
            if let Some(&(letter, _)) = short {
                self.raw(&[b'\\', letter]);
            } else {
                let hi = HEX.get(usize::from(c >> 4)).copied().unwrap_or(b'0');
                let lo = HEX.get(usize::from(c & 0xf)).copied().unwrap_or(b'0');
                self.raw(&[b'\\', b'u', b'0', b'0', hi, lo]);
            }
        }
        self.raw(s.get(start..).unwrap_or_default());
        self.byte(b'"');
        self
    }

    /// An integer in plain decimal: as cJSON prints it below 10^15 in
    /// magnitude; beyond, cJSON's `%g` exponent form is not reproduced
    /// (see `number`).
    pub fn int(&mut self, n: i64) -> &mut Self {
        if n < 0 {
            self.byte(b'-');
        }
        self.uint(n.unsigned_abs())
    }

    /// An unsigned integer in plain decimal.
    pub fn uint(&mut self, n: u64) -> &mut Self {
        let mut tmp = [0u8; 20];
        let len = number::decimal(n, &mut tmp);
        self.raw(tmp.get(..len).unwrap_or_default())
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.raw(if b { b"true" } else { b"false" })
    }

    pub fn null(&mut self) -> &mut Self {
        self.raw(b"null")
    }

    /// `{`, starting a container with no members yet.
    pub fn begin_object(&mut self) -> &mut Self {
        self.comma = false;
        self.raw(b"{")
    }

    /// `}`; the enclosing container now has at least one member.
    pub fn end_object(&mut self) -> &mut Self {
        self.comma = true;
        self.raw(b"}")
    }

    pub fn begin_array(&mut self) -> &mut Self {
        self.comma = false;
        self.raw(b"[")
    }

    pub fn end_array(&mut self) -> &mut Self {
        self.comma = true;
        self.raw(b"]")
    }

    /// A member key (with the comma before it when needed) and `:`; write
    /// the value next.
    pub fn key(&mut self, k: &[u8]) -> &mut Self {
        self.elem();
        self.string(k);
        self.raw(b":")
    }

    /// The comma before an array element when needed; write the value next.
    pub fn elem(&mut self) -> &mut Self {
        if self.comma {
            self.byte(b',');
        }
        self.comma = true;
        self
    }
}
