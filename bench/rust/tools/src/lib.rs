// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Helpers shared by the scripts/bench tools.

#![forbid(unsafe_code)]

pub mod elf;
pub mod map;

/// Reads `key=value` lines (as the tools print them) into a list, in order.
pub fn read_results(path: &str) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(text
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect())
}
