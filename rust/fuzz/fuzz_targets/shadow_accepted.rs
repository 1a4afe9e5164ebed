// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Trimmed shadow documents: the decoder, then the core in every state.
//! Body: `cloudwire_fuzz::targets::shadow_accepted` (also run by `tests/replay.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloudwire_fuzz::targets::shadow_accepted(data));
