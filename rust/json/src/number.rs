// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Integer formatting.
//!
//! cJSON keeps every number as a `double` and prints `%d` when the value
//! equals its `int` conversion, otherwise `%1.15g` (or `%1.17g`). For an
//! integer below 10^15 in magnitude both give its plain decimal digits,
//! which is what is written here for every integer: the values the device
//! sends (millisecond timestamps, log levels, keepalive, lengths) stay far
//! below 10^15 (a timestamp reaches it in the year 33658). Beyond that cJSON
//! would print an exponent form (`1e+15`); this prints all the digits, and
//! saves the flash of reproducing `%g`.

const P10: [u64; 20] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
    10_000_000_000_000_000_000,
];

fn digit(d: u32) -> u8 {
    b'0'.wrapping_add(u8::try_from(d).unwrap_or(0))
}

/// Plain decimal digits of `n` into `out`; returns how many. Subtracts
/// powers of ten, most significant digit first: no division, which on
/// 32-bit targets would pull in a 64-bit division helper.
pub(crate) fn decimal(n: u64, out: &mut [u8; 20]) -> usize {
    let mut m = n;
    let mut len = 0;
    for (k, &p) in P10.iter().enumerate().rev() {
        let mut d = 0;
        while m >= p {
            m -= p;
            d += 1;
        }
        if d != 0 || len != 0 || k == 0 {
            if let Some(slot) = out.get_mut(len) {
                *slot = digit(d);
            }
            len += 1;
        }
    }
    len
}
