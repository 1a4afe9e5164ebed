// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Log lines built from static strings, byte strings and integers, without
//! core::fmt (which would cost several KiB of flash on Cortex-M).
//!
//! Without the feature `log` (the Zephyr build enables it with `CONFIG_LOG`)
//! every call here is an empty inline function: the messages are not linked.

use crate::bindings::{CW_LOG_DBG, CW_LOG_ERR, CW_LOG_INF, CW_LOG_WRN};
#[cfg(feature = "log")]
use crate::port;

#[allow(clippy::cast_possible_truncation)] // CW_LOG_* are 1..=4
pub const ERR: u8 = CW_LOG_ERR as u8;
#[allow(clippy::cast_possible_truncation)]
pub const WRN: u8 = CW_LOG_WRN as u8;
#[allow(clippy::cast_possible_truncation)]
pub const INF: u8 = CW_LOG_INF as u8;
#[allow(clippy::cast_possible_truncation)]
pub const DBG: u8 = CW_LOG_DBG as u8;

/// One part of a log line: text, a device string or a signed number.
#[derive(Clone, Copy)]
#[cfg_attr(not(feature = "log"), allow(dead_code))] // read only with `log`
pub enum Part<'a> {
    Text(&'a [u8]),
    Int(i64),
}

/// Text.
#[inline(always)]
pub fn s(t: &str) -> Part<'_> {
    Part::Text(t.as_bytes())
}

/// Bytes (a device string).
#[inline(always)]
pub fn b(t: &[u8]) -> Part<'_> {
    Part::Text(t)
}

/// A signed decimal number.
#[inline(always)]
pub fn i(v: i64) -> Part<'static> {
    Part::Int(v)
}

/// Logging compiled out: the parts are never built.
#[cfg(not(feature = "log"))]
#[inline(always)]
pub fn line(_level: u8, _parts: &[Part<'_>]) {}

#[cfg(feature = "log")]
const LINE_MAX: usize = 120;

/// Builds one line from its parts and logs it (cut at `LINE_MAX` bytes).
/// The only function with a line buffer, so that no caller's frame holds
/// one.
#[cfg(feature = "log")]
#[inline(never)]
pub fn line(level: u8, parts: &[Part<'_>]) {
    let mut buf = [0u8; LINE_MAX];
    let mut len = 0;
    let mut put = |c: u8| {
        if let Some(slot) = buf.get_mut(len) {
            *slot = c;
            len += 1;
        }
    };
    for part in parts {
        match *part {
            Part::Text(t) => t.iter().for_each(|&c| put(c)),
            Part::Int(v) => {
                if v < 0 {
                    put(b'-');
                }
                decimal(v.unsigned_abs(), &mut put);
            }
        }
    }
    port::log(level, buf.get(..len).unwrap_or(&[]));
}

/// The decimal digits of `m`, most significant first, by subtracting
/// powers of ten: no 64-bit division (a compiler-builtins helper on
/// 32-bit targets).
#[cfg(feature = "log")]
fn decimal(mut m: u64, put: &mut impl FnMut(u8)) {
    let mut digits = 1u32;
    while 10u64.checked_pow(digits).is_some_and(|p| p <= m) {
        digits += 1;
    }
    while digits > 0 {
        digits -= 1;
        let p = 10u64.pow(digits);
        let mut d = b'0';
        while m >= p {
            m -= p;
            d += 1;
        }
        put(d);
    }
}

/// Shorthand: one static message.
#[inline(always)]
pub fn msg(level: u8, s: &str) {
    #[cfg(feature = "log")]
    port::log(level, s.as_bytes());
    #[cfg(not(feature = "log"))]
    let _ = (level, s);
}

#[cfg(all(test, feature = "log"))]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn text(v: i64) -> std::string::String {
        let mut out = std::vec::Vec::new();
        if v < 0 {
            out.push(b'-');
        }
        decimal(v.unsigned_abs(), &mut |c| out.push(c));
        std::string::String::from_utf8(out).unwrap()
    }

    #[test]
    fn decimal_covers_edges() {
        assert_eq!(text(0), "0");
        assert_eq!(text(7), "7");
        assert_eq!(text(10), "10");
        assert_eq!(text(-11), "-11");
        assert_eq!(text(16842753), "16842753");
        assert_eq!(text(i64::MIN), "-9223372036854775808");
        assert_eq!(text(i64::MAX), "9223372036854775807");
        assert_eq!(text(-(u32::MAX as i64)), "-4294967295");
    }
}
