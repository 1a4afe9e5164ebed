// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! errno values come from the port (the platform's errno.h); nothing here
//! hard-codes a number.

use crate::bindings::*;

/// The negative errno value of `e` on this platform (e.g. `-EINVAL`).
pub fn neg(e: cw_errno) -> i32 {
    // SAFETY: cw_port_errno is a pure lookup with no preconditions.
    let v = unsafe { cw_port_errno(e) };
    // The port returns the positive value; accept a negative one as well.
    if v > 0 {
        v.wrapping_neg()
    } else {
        v
    }
}

/// `-EINVAL` etc., shortened.
pub fn einval() -> i32 {
    neg(CW_EINVAL)
}
