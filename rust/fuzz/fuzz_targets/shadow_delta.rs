// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Delta documents: the decoder, then the core in every state.
#![no_main]

use cloudwire_fuzz::{core_in, shadow_topic, CheckIo};
use cloudwire_nrf_cloud::shadow::{
    apply_control, control_section, decode, decode_control, delta_has_data, endpoints, pairing,
    Shadow,
};
use cloudwire_nrf_cloud::ShadowKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, doc)) = data.split_first() else {
        return;
    };
    if let Ok(d) = decode(ShadowKind::Delta, doc) {
        if let (Shadow::Delta { state, .. }, Some(s)) = (d.shadow, &d.section) {
            let _ = delta_has_data(state, s);
            let _ = pairing(s);
            let _ = endpoints(s);
        }
        if let Some(c) = control_section(&d) {
            // The values captured while decoding are what a lookup finds.
            assert_eq!(
                apply_control(d.control_values, (true, 4)),
                decode_control(c, (true, 4))
            );
        } else {
            assert_eq!(d.control_values, [None, None]);
        }
    }
    let _ = decode(ShadowKind::Transform, doc);
    let mut io = CheckIo::default();
    let mut buf = vec![0u8; 1024];
    let mut core = core_in(which, &mut io, &mut buf);
    core.on_publish(
        &mut io,
        &mut buf,
        &shadow_topic(b"/shadow/update/delta/full"),
        doc,
    );
    core.on_publish(
        &mut io,
        &mut buf,
        &shadow_topic(b"/shadow/get/accepted/tf"),
        doc,
    );
    core.on_puback(&mut io, &mut buf, 301);
});
