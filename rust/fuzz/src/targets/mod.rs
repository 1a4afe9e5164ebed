// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The bodies of the fuzz targets, one function per target. They live in
//! the library so that `tests/replay.rs` can run them on stable Rust; the
//! binaries in `fuzz_targets/` only hand libFuzzer's input to them.
//! Every function panics when an invariant does not hold.

mod control;
mod json;
mod publish;
mod shadow;

pub use control::{control, control_delta};
pub use json::json;
pub use publish::publish;
pub use shadow::{shadow_accepted, shadow_delta};

/// A fuzz target: one input, a panic on a failed check.
pub type Target = fn(&[u8]);

/// Every target with its name (the name of its binary and of its seed
/// directory).
pub const ALL: [(&str, Target); 5] = [
    ("json", json),
    ("shadow_accepted", shadow_accepted),
    ("shadow_delta", shadow_delta),
    ("control", control),
    ("publish", publish),
];
