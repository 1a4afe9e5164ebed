// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Trimmed shadow documents: the decoder, then the core in every state.
#![no_main]

use cloudwire_fuzz::{core_in, shadow_topic, CheckIo};
use cloudwire_nrf_cloud::shadow::{
    apply_control, control_section, decode, decode_control, endpoints, pairing,
};
use cloudwire_nrf_cloud::ShadowKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, doc)) = data.split_first() else {
        return;
    };
    if let Ok(d) = decode(ShadowKind::Accepted, doc) {
        if let Some(s) = &d.section {
            let _ = pairing(s);
            let _ = endpoints(s);
        }
        if let Some(c) = control_section(&d) {
            // The values captured while decoding are what a lookup finds.
            assert_eq!(
                apply_control(d.control_values, (false, 1)),
                decode_control(c, (false, 1))
            );
        } else {
            assert_eq!(d.control_values, [None, None]);
        }
    }
    let mut io = CheckIo::default();
    let mut buf = vec![0u8; usize::from(which) * 8 + 64];
    let mut core = core_in(which, &mut io, &mut buf);
    core.on_publish(
        &mut io,
        &mut buf,
        &shadow_topic(b"/shadow/get/accepted/trim"),
        doc,
    );
    core.on_puback(&mut io, &mut buf, 301);
    core.on_suback(&mut io, &mut buf, 101, true);
});
