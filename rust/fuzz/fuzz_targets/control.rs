// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Device control sections inside a delta: valid values are applied and
//! stay in range, invalid ones change nothing.
//! Body: `cloudwire_fuzz::targets::control` (also run by `tests/replay.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloudwire_fuzz::targets::control(data));
