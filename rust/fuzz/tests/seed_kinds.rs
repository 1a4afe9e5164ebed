// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The seeds hold inputs of the kind each target reads (valid documents as
//! well as broken ones), so that replay and fuzzing start deep in the code
//! instead of at the first syntax check.

mod common;

use cloudwire_fuzz::targets::control_delta;
use cloudwire_json::parse;
use cloudwire_nrf_cloud::shadow::{control_section, decode, decode_control, endpoints, Shadow};
use cloudwire_nrf_cloud::ShadowKind;
use common::seeds;

/// How many seeds of `target` (as given to `f`) are `true` and `false`.
fn split(target: &str, f: impl Fn(&[u8]) -> bool) -> (usize, usize) {
    let seeds = seeds(target);
    let yes = seeds.iter().filter(|(_, d)| f(d)).count();
    (yes, seeds.len() - yes)
}

/// The document after the state byte.
fn doc(data: &[u8]) -> &[u8] {
    data.get(1..).unwrap_or_default()
}

#[test]
fn json_seeds_are_valid_and_invalid_documents() {
    let (ok, bad) = split("json", |d| parse(d).is_ok());
    assert!(ok >= 15 && bad >= 15, "{ok} valid, {bad} invalid");
}

#[test]
fn shadow_accepted_seeds_are_trimmed_shadows() {
    let (ok, _) = split("shadow_accepted", |d| {
        decode(ShadowKind::Accepted, doc(d)).is_ok()
    });
    assert!(ok >= 15, "{ok} decode");
    let (paired, _) = split("shadow_accepted", |d| {
        decode(ShadowKind::Accepted, doc(d))
            .is_ok_and(|d| d.section.as_ref().and_then(endpoints).is_some())
    });
    assert!(paired >= 6, "{paired} with endpoints");
}

#[test]
fn shadow_delta_seeds_are_deltas_and_transform_results() {
    let (deltas, _) = split("shadow_delta", |d| {
        decode(ShadowKind::Delta, doc(d)).is_ok()
    });
    assert!(deltas >= 12, "{deltas} deltas");
    let (errors, _) = split("shadow_delta", |d| {
        matches!(
            decode(ShadowKind::Transform, doc(d)).map(|d| d.shadow),
            Ok(Shadow::TransformError { .. })
        )
    });
    assert!(errors >= 1, "{errors} transform errors");
}

#[test]
fn control_seeds_are_valid_and_invalid_sections() {
    let (valid, invalid) = split("control", |d| {
        let doc = control_delta(d);
        decode(ShadowKind::Delta, &doc).is_ok_and(|d| {
            control_section(&d).is_some_and(|c| decode_control(c, (false, 1)).is_some())
        })
    });
    assert!(
        valid >= 10 && invalid >= 10,
        "{valid} valid, {invalid} invalid"
    );
}

#[test]
fn publish_seeds_are_operation_lists() {
    // Whole operations `[op, arg, len, len bytes]` after the state byte.
    let ops = |d: &[u8]| {
        let mut rest = doc(d);
        let mut n = 0;
        while let [_, _, len, tail @ ..] = rest {
            let Some(next) = tail.get(usize::from(*len)..) else {
                break;
            };
            rest = next;
            n += 1;
        }
        n
    };
    let (long, _) = split("publish", |d| ops(d) >= 2);
    assert!(long >= 15, "{long} with two operations or more");
}
