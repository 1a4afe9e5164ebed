// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Integer formatting, including cJSON's way of printing numbers.
//!
//! cJSON keeps every number as a `double`. It prints `%d` when the value
//! equals its `int` conversion, otherwise `%1.15g`, and falls back to
//! `%1.17g` when the 15-digit text does not read back (within one
//! `DBL_EPSILON`) as the same double. For integers that is reproduced here
//! with integer arithmetic only: no floats (soft-float on Cortex-M) and no
//! 64-bit division helper.

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

/// The magnitude of the double nearest to `v` (round half to even), as
/// `(double)v` computes it.
#[inline(never)]
fn round53(v: u64) -> u64 {
    let bits = 64 - v.leading_zeros();
    if bits <= 53 {
        return v;
    }
    let shift = bits - 53;
    let q = v >> shift;
    let rem = v & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    let up = rem > half || (rem == half && q & 1 == 1);
    (q + u64::from(up)).saturating_mul(1u64 << shift)
}

/// Rounds the decimal digits in `r` (`nd` of them, `'0'` after them) to `p`
/// significant digits, half to even as printf does for an exact binary
/// value; returns the decimal exponent of the result.
fn round_to(r: &mut [u8; 20], nd: usize, p: usize) -> usize {
    let first = r.get(p).copied().unwrap_or(b'0');
    let rest = r.iter().take(nd).skip(p + 1).any(|&c| c != b'0');
    let odd = r.get(p.wrapping_sub(1)).is_some_and(|&c| c & 1 == 1);
    for c in r.iter_mut().skip(p) {
        *c = b'0';
    }
    let mut exp = nd.saturating_sub(1);
    if first > b'5' || (first == b'5' && (rest || odd)) {
        // Add one at digit p-1; a carry out of the top digit makes 10..0.
        let mut carry = true;
        for c in r.iter_mut().take(p).rev() {
            if *c == b'9' {
                *c = b'0';
            } else {
                *c += 1;
                carry = false;
                break;
            }
        }
        if carry {
            if let Some(c) = r.first_mut() {
                *c = b'1';
            }
            exp += 1;
        }
    }
    exp
}

/// `%g`'s exponential form of the `p` significant digits in `r`: trailing
/// zeros dropped, `e+XX`.
fn exp_form(r: &[u8; 20], p: usize, exp: usize, out: &mut [u8]) -> usize {
    let mut n = p;
    while n > 1 && r.get(n - 1) == Some(&b'0') {
        n -= 1;
    }
    let mut len = 0;
    let mut put = |b: u8| {
        if let Some(slot) = out.get_mut(len) {
            *slot = b;
        }
        len += 1;
    };
    for (i, &c) in r.iter().take(n).enumerate() {
        if i == 1 {
            put(b'.');
        }
        put(c);
    }
    let e = u32::try_from(exp).unwrap_or(0);
    put(b'e');
    put(b'+');
    put(digit(e / 10));
    put(digit(e % 10));
    len
}

/// Writes `n` as cJSON prints it; returns the length.
pub(crate) fn cjson(n: i64, out: &mut [u8; 32]) -> usize {
    let mut pos = 0;
    if n < 0 {
        if let Some(slot) = out.first_mut() {
            *slot = b'-';
        }
        pos = 1;
    }
    // Beyond `int`, cJSON works with the double: the nearest one to `n`.
    let d = if i32::try_from(n).is_ok() {
        n.unsigned_abs()
    } else {
        round53(n.unsigned_abs())
    };
    let mut digits = [b'0'; 20];
    let nd = decimal(d, &mut digits);
    let tail = out.get_mut(pos..).unwrap_or_default();
    if nd > 15 {
        // %1.15g, unless that does not read back as the same double.
        let mut r = digits;
        let exp = round_to(&mut r, nd, 15);
        let back = r.iter().take(exp + 1).fold(0u64, |v, &c| {
            v.saturating_mul(10).saturating_add(u64::from(c - b'0'))
        });
        let back = round53(back);
        if back.abs_diff(d) <= back.max(d) >> 52 {
            return pos + exp_form(&r, 15, exp, tail);
        }
        if nd > 17 {
            let mut r = digits;
            let exp = round_to(&mut r, nd, 17);
            return pos + exp_form(&r, 17, exp, tail);
        }
    }
    // Fixed notation: every digit of the (exact) integer.
    if let (Some(dst), Some(src)) = (tail.get_mut(..nd), digits.get(..nd)) {
        dst.copy_from_slice(src);
    }
    pos + nd
}
