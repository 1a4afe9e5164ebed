// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Device control sections inside a delta: valid values are applied and
//! stay in range, invalid ones change nothing.
#![no_main]

use cloudwire_fuzz::{core_in, shadow_topic, CheckIo};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut io = CheckIo::default();
    let mut buf = vec![0u8; 512];
    let mut core = core_in(6, &mut io, &mut buf);
    io.published = 0;
    let before = core.control();
    let doc = [
        &br#"{"version":1,"timestamp":2,"state":{"control":"#[..],
        data,
        b"}}",
    ]
    .concat();
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
});
