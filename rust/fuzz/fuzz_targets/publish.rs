// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Any topic and payload, and any sequence of MQTT events, in any state.
//! Body: `cloudwire_fuzz::targets::publish` (also run by `tests/replay.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloudwire_fuzz::targets::publish(data));
