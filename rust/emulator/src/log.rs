// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 cloudwire contributors

//! One line per event on stderr, with a UTC wall-clock time, so a demo or a
//! failing test shows what the cloud saw and did.

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch (0 if the clock is before it).
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Milliseconds since the Unix epoch (0 if the clock is before it).
pub fn unix_now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

pub fn line(msg: &str) {
    let ms = unix_now_ms();
    let day_ms = ms % 86_400_000;
    let (h, m, s, milli) = (
        day_ms / 3_600_000,
        (day_ms / 60_000) % 60,
        (day_ms / 1000) % 60,
        day_ms % 1000,
    );
    eprintln!("[emulator {h:02}:{m:02}:{s:02}.{milli:03}] {msg}");
}

/// A payload shown in a log line: text up to a limit, else a size.
pub fn preview(payload: &[u8]) -> String {
    const MAX: usize = 400;
    match std::str::from_utf8(payload) {
        Ok("") => "(empty)".to_string(),
        Ok(text) if text.len() <= MAX => text.to_string(),
        Ok(text) => {
            let cut = text
                .char_indices()
                .map(|(i, _)| i)
                .take_while(|&i| i <= MAX)
                .last()
                .unwrap_or(0);
            format!(
                "{}… ({} bytes)",
                text.get(..cut).unwrap_or(""),
                payload.len()
            )
        }
        Err(_) => format!("({} bytes binary)", payload.len()),
    }
}

#[macro_export]
macro_rules! log {
    ($($arg:tt)*) => { $crate::log::line(&format!($($arg)*)) };
}
