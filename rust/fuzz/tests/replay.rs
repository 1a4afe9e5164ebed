// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Runs every fuzz target on stable Rust: first over each committed seed in
//! `seeds/<target>/`, then over a fixed stream of mutated seeds (a cheap,
//! deterministic fuzz smoke test; libFuzzer itself needs nightly).

mod common;
mod mutate;

use cloudwire_fuzz::targets::{self, Target};
use common::{seeds, seeds_dir};
use mutate::Mutator;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Mutated inputs run per target, unless `FUZZ_REPLAY_MUTATIONS` says
/// otherwise (for a longer local run).
const MUTATIONS: usize = 10_000;

fn mutations() -> usize {
    std::env::var("FUZZ_REPLAY_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(MUTATIONS)
}

/// Runs `f` on `data`; a panic fails the test naming the input.
fn run(target: &str, f: Target, what: &str, data: &[u8]) {
    if catch_unwind(AssertUnwindSafe(|| f(data))).is_err() {
        panic!(
            "fuzz target {target} panicked on {what}: b\"{}\"",
            data.escape_ascii()
        );
    }
}

fn replay(target: &str, f: Target, rng_seed: u64) {
    let seeds = seeds(target);
    for (name, data) in &seeds {
        run(target, f, &format!("seeds/{target}/{name}"), data);
    }
    let mut m = Mutator::new(rng_seed);
    for i in 0..mutations() {
        let (name, data) = m.mutate(&seeds);
        run(
            target,
            f,
            &format!("mutation {i} of seeds/{target}/{name}"),
            &data,
        );
    }
}

#[test]
fn json() {
    replay("json", targets::json, 1);
}

#[test]
fn shadow_accepted() {
    replay("shadow_accepted", targets::shadow_accepted, 2);
}

#[test]
fn shadow_delta() {
    replay("shadow_delta", targets::shadow_delta, 3);
}

#[test]
fn control() {
    replay("control", targets::control, 4);
}

#[test]
fn publish() {
    replay("publish", targets::publish, 5);
}

/// Every target has seeds and every seed directory belongs to a target.
#[test]
fn seed_directories_are_the_targets() {
    let mut dirs: Vec<String> = fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut names: Vec<&str> = targets::ALL.iter().map(|(n, _)| *n).collect();
    names.sort();
    assert_eq!(dirs, names);
}

#[test]
fn mutations_are_deterministic_and_vary() {
    let seeds = seeds("json");
    let stream = |s| {
        let mut m = Mutator::new(s);
        (0..50).map(|_| m.mutate(&seeds)).collect::<Vec<_>>()
    };
    let a = stream(7);
    assert_eq!(a, stream(7));
    assert_ne!(a, stream(8));
    // Each mutation differs from the seed it came from.
    for (name, data) in &a {
        let seed = &seeds.iter().find(|(n, _)| n == name).unwrap().1;
        assert_ne!(data, seed, "{name}");
    }
}
