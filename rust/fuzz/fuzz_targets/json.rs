// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The JSON scanner and writer: never panic; captured paths agree with
//! navigation; strings survive a write/parse round trip.
//! Body: `cloudwire_fuzz::targets::json` (also run by `tests/replay.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloudwire_fuzz::targets::json(data));
