// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Log lines on stderr, `[hh:mm:ss.mmm] <lvl>: message`, filtered by
//! CLOUDWIRE_LOG_LEVEL (0 off, 1 err, 2 wrn, 3 inf (default), 4 dbg).

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

/// Zephyr's LOG_LEVEL_* values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Err = 1,
    Wrn = 2,
    Inf = 3,
    Dbg = 4,
}

impl Level {
    /// The level for a CW_LOG_* value; anything above DBG counts as DBG and
    /// 0 as ERR, so no message is lost for a bad level.
    pub fn from_u8(value: u8) -> Level {
        match value {
            0 | 1 => Level::Err,
            2 => Level::Wrn,
            3 => Level::Inf,
            _ => Level::Dbg,
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Level::Err => "err",
            Level::Wrn => "wrn",
            Level::Inf => "inf",
            Level::Dbg => "dbg",
        }
    }
}

/// Time since the port was first used: the host's "boot".
pub fn uptime_ms() -> i64 {
    static START: OnceLock<Instant> = OnceLock::new();
    let elapsed = START.get_or_init(Instant::now).elapsed().as_millis();
    i64::try_from(elapsed).unwrap_or(i64::MAX)
}

/// Parses CLOUDWIRE_LOG_LEVEL: a number 0..=4 or off/err/wrn/inf/dbg.
pub fn parse_max_level(text: Option<&str>) -> u8 {
    const DEFAULT: u8 = 3;
    let Some(text) = text.map(str::trim) else {
        return DEFAULT;
    };
    match text.to_ascii_lowercase().as_str() {
        "off" | "none" => 0,
        "err" | "error" => 1,
        "wrn" | "warn" | "warning" => 2,
        "inf" | "info" => 3,
        "dbg" | "debug" => 4,
        other => other.parse::<u8>().map_or(DEFAULT, |n| n.min(4)),
    }
}

fn max_level() -> u8 {
    static MAX: OnceLock<u8> = OnceLock::new();
    *MAX.get_or_init(|| parse_max_level(std::env::var("CLOUDWIRE_LOG_LEVEL").ok().as_deref()))
}

/// Formats one log line (without the newline).
pub fn format_line(uptime_ms: i64, level: Level, msg: &str) -> String {
    let ms = uptime_ms.max(0);
    let (h, m, s, frac) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    format!("[{h:02}:{m:02}:{s:02}.{frac:03}] <{}>: {msg}", level.tag())
}

/// Writes `msg` when `level` passes the filter.
pub fn log(level: Level, msg: &str) {
    if (level as u8) > max_level() {
        return;
    }
    let line = format_line(uptime_ms(), level, msg);
    // One write per line so lines from threads do not interleave; a failed
    // write to stderr has nowhere better to go.
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_format() {
        assert_eq!(format_line(0, Level::Inf, "hi"), "[00:00:00.000] <inf>: hi");
        assert_eq!(
            format_line(3_723_004, Level::Err, "boom"),
            "[01:02:03.004] <err>: boom"
        );
        assert_eq!(
            format_line(59_999, Level::Dbg, ""),
            "[00:00:59.999] <dbg>: "
        );
    }

    #[test]
    fn level_filter_values() {
        assert_eq!(parse_max_level(None), 3);
        assert_eq!(parse_max_level(Some("4")), 4);
        assert_eq!(parse_max_level(Some("9")), 4);
        assert_eq!(parse_max_level(Some("0")), 0);
        assert_eq!(parse_max_level(Some("dbg")), 4);
        assert_eq!(parse_max_level(Some("WRN")), 2);
        assert_eq!(parse_max_level(Some("loud")), 3);
    }

    #[test]
    fn levels_from_c() {
        assert_eq!(Level::from_u8(1), Level::Err);
        assert_eq!(Level::from_u8(2), Level::Wrn);
        assert_eq!(Level::from_u8(3), Level::Inf);
        assert_eq!(Level::from_u8(4), Level::Dbg);
        assert_eq!(Level::from_u8(200), Level::Dbg);
    }
}
