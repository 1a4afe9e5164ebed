// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Shadow documents (trimmed accepted, delta, transform results): the
//! decoder, then the core in every state.

use crate::{core_in, shadow_topic, CheckIo};
use cloudwire_nrf_cloud::shadow::{
    apply_control, control_section, decode, decode_control, delta_has_data, endpoints, pairing,
    Shadow,
};
use cloudwire_nrf_cloud::ShadowKind;

/// Input: one byte choosing the core's state and the size of its buffer
/// (see [`core_in`]), then a trimmed `shadow/get/accepted` document.
pub fn shadow_accepted(data: &[u8]) {
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
}

/// Input: one byte choosing the core's state (see [`core_in`]), then a
/// document sent both as a delta and as a transform result.
pub fn shadow_delta(data: &[u8]) {
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
}
