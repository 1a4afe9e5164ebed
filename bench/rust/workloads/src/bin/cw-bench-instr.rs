// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The Rust side of the instruction benchmark: the same documents, and the
//! same work, as bench/cjson/*.c does with cJSON.
//!
//! usage: cw-bench-instr encode_sensor ITERATIONS
//!        cw-bench-instr decode_shadow DOCUMENT ITERATIONS
//!
//! Prints the result once, in the format of the C program (scripts/bench
//! checks both agree), then runs `cw_bench_run`, which callgrind measures.

#![forbid(unsafe_code)]

use std::hint::black_box;
use std::process::ExitCode;

use cloudwire_bench_workloads::{decode_shadow, encode_sensor, Decoded, Sensor};

#[inline(never)]
fn cw_bench_run_encode(iterations: u64, sensor: &Sensor<'_>, out: &mut [u8]) -> usize {
    let mut total = 0;
    for _ in 0..iterations {
        total += encode_sensor(black_box(sensor), black_box(&mut *out)).map_or(0, <[u8]>::len);
    }
    total
}

#[inline(never)]
fn cw_bench_run_decode(iterations: u64, doc: &[u8]) -> u64 {
    let mut errors = 0;
    // The output is set up once, outside the measured work (as the C side
    // does): every run overwrites the same fields.
    let mut d = Decoded::default();
    for _ in 0..iterations {
        errors += u64::from(decode_shadow(black_box(doc), &mut d).is_err());
        black_box(&d);
    }
    errors
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let iterations = |i: usize| args.get(i).and_then(|n| n.parse::<u64>().ok());
    match args.first().map(String::as_str) {
        Some("encode_sensor") => {
            let Some(n) = iterations(1) else {
                return usage();
            };
            let sensor = Sensor {
                app_id: b"TEMP",
                data: b"23.5",
                ts_ms: 1_700_000_000_000,
            };
            let mut out = [0u8; 256];
            match encode_sensor(&sensor, &mut out) {
                Ok(json) => println!("{}", String::from_utf8_lossy(json)),
                Err(_) => {
                    eprintln!("encode failed");
                    return ExitCode::FAILURE;
                }
            }
            black_box(cw_bench_run_encode(n, &sensor, &mut out));
            ExitCode::SUCCESS
        }
        Some("decode_shadow") => {
            let (Some(path), Some(n)) = (args.get(1), iterations(2)) else {
                return usage();
            };
            let doc = match std::fs::read(path) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{path}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let mut d = Decoded::default();
            if decode_shadow(&doc, &mut d).is_err() {
                eprintln!("decode failed");
                return ExitCode::FAILURE;
            }
            println!("{d}");
            if cw_bench_run_decode(n, &doc) != 0 {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: cw-bench-instr encode_sensor N | decode_shadow DOCUMENT N");
    ExitCode::from(2)
}
