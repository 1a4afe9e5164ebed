// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Device control sections inside a delta: valid values are applied and
//! stay in range, invalid ones change nothing.

use crate::{core_in, shadow_topic, CheckIo};

/// The delta document the control target sends for `data`.
pub fn control_delta(data: &[u8]) -> Vec<u8> {
    [
        &br#"{"version":1,"timestamp":2,"state":{"control":"#[..],
        data,
        b"}}",
    ]
    .concat()
}

/// Input: the raw value of `state.control` in a delta (the rest of the
/// document is fixed), sent to a connected core.
pub fn control(data: &[u8]) {
    let mut io = CheckIo::default();
    let mut buf = vec![0u8; 512];
    let mut core = core_in(6, &mut io, &mut buf);
    io.published = 0;
    let before = core.control();
    let doc = control_delta(data);
    core.on_publish(
        &mut io,
        &mut buf,
        &shadow_topic(b"/shadow/update/delta/full"),
        &doc,
    );
    let (_, level) = core.control();
    assert!((0..=4).contains(&level));
    if io.published == 0 {
        // Nothing confirmed: nothing applied.
        assert_eq!(core.control(), before);
    }
}
