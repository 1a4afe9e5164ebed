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

#[cfg(feature = "log")]
const LINE_MAX: usize = 120;

/// One log line being built; longer lines are cut at `LINE_MAX` bytes.
#[cfg(feature = "log")]
pub struct Line {
    level: u8,
    buf: [u8; LINE_MAX],
    len: usize,
}

/// Logging compiled out: nothing to build.
#[cfg(not(feature = "log"))]
pub struct Line;

#[cfg(not(feature = "log"))]
impl Line {
    #[inline(always)]
    pub fn new(_level: u8) -> Self {
        Line
    }
    #[inline(always)]
    pub fn b(self, _s: &[u8]) -> Self {
        self
    }
    #[inline(always)]
    pub fn s(self, _s: &str) -> Self {
        self
    }
    #[inline(always)]
    pub fn i(self, _v: i64) -> Self {
        self
    }
    #[inline(always)]
    pub fn send(self) {}
}

#[cfg(feature = "log")]
impl Line {
    pub fn new(level: u8) -> Self {
        Line {
            level,
            buf: [0; LINE_MAX],
            len: 0,
        }
    }

    /// Appends bytes (a static text or a device string).
    pub fn b(mut self, s: &[u8]) -> Self {
        for &c in s {
            if let Some(slot) = self.buf.get_mut(self.len) {
                *slot = c;
                self.len += 1;
            }
        }
        self
    }

    /// Appends text.
    pub fn s(self, s: &str) -> Self {
        self.b(s.as_bytes())
    }

    /// Appends a signed decimal number.
    pub fn i(self, v: i64) -> Self {
        let mut digits = [0u8; 20];
        let n = itoa(v, &mut digits);
        let mut line = self;
        if v < 0 {
            line = line.b(b"-");
        }
        line.b(digits.get(digits.len() - n..).unwrap_or(&[]))
    }

    pub fn send(self) {
        port::log(self.level, self.buf.get(..self.len).unwrap_or(&[]));
    }
}

/// Writes the decimal digits of |v| at the end of `out`; returns how many.
#[cfg(feature = "log")]
fn itoa(v: i64, out: &mut [u8; 20]) -> usize {
    let mut m = v.unsigned_abs();
    let mut n = 0;
    for slot in out.iter_mut().rev() {
        *slot = b'0' + digit(m % 10);
        n += 1;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    n
}

#[cfg(feature = "log")]
fn digit(d: u64) -> u8 {
    u8::try_from(d).unwrap_or(0)
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
        let mut d = [0u8; 20];
        let n = itoa(v, &mut d);
        let s = std::string::String::from_utf8(d[20 - n..].to_vec()).unwrap();
        if v < 0 {
            std::format!("-{s}")
        } else {
            s
        }
    }

    #[test]
    fn itoa_covers_edges() {
        assert_eq!(text(0), "0");
        assert_eq!(text(7), "7");
        assert_eq!(text(-11), "-11");
        assert_eq!(text(16842753), "16842753");
        assert_eq!(text(i64::MIN), "-9223372036854775808");
        assert_eq!(text(i64::MAX), "9223372036854775807");
    }
}
