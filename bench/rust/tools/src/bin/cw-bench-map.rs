// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Attributes an image's sizes to groups of input files, from a GNU ld map.
//!
//! usage: cw-bench-map MAP --group NAME=SUBSTR[,SUBSTR…]… [--top N]
//!
//! A section belongs to the first group one of whose substrings occurs in its
//! file name (`path/lib.a(member.o)` as the map prints it). Prints, per group,
//! `NAME.text=…`, `.rodata`, `.data`, `.bss`, and the N largest sections as
//! `NAME.top=size kind symbol file`, and per object (Rust: per crate)
//! `NAME.member=unit text rodata data bss`; the rest of the image is group
//! `other`.

#![forbid(unsafe_code)]

use cloudwire_bench_tools::map::{self, InputSection};

fn main() {
    if let Err(e) = run() {
        eprintln!("cw-bench-map: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let map_path = args
        .next()
        .ok_or("usage: cw-bench-map MAP --group NAME=SUBSTR[,…]… [--top N]")?;
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    let mut top = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--group" => {
                let g = args.next().ok_or("--group needs NAME=SUBSTR")?;
                let (name, pats) = g.split_once('=').ok_or("--group needs NAME=SUBSTR")?;
                groups.push((
                    name.to_string(),
                    pats.split(',').map(str::to_string).collect(),
                ));
            }
            "--top" => {
                top = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--top needs a number")?
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let text = std::fs::read_to_string(&map_path).map_err(|e| format!("{map_path}: {e}"))?;
    let sections = map::parse(&text);
    if sections.is_empty() {
        return Err(format!(
            "{map_path}: no input sections found (not a GNU ld map?)"
        ));
    }
    let group_of = |s: &InputSection| {
        groups
            .iter()
            .find(|(_, pats)| pats.iter().any(|p| s.file.contains(p.as_str())))
            .map_or("other", |(n, _)| n.as_str())
    };
    let mut names: Vec<&str> = groups.iter().map(|(n, _)| n.as_str()).collect();
    names.push("other");
    for name in names {
        let mine: Vec<&InputSection> = sections.iter().filter(|s| group_of(s) == name).collect();
        let [text, rodata, data, bss] = map::totals(mine.iter().copied());
        println!("{name}.text={text}");
        println!("{name}.rodata={rodata}");
        println!("{name}.data={data}");
        println!("{name}.bss={bss}");
        // Per member: the crate (Rust objects are "<crate>-<hash>.….o") or file.
        let mut members: Vec<(String, [u64; 4])> = Vec::new();
        for s in &mine {
            let file = s.file.rsplit('/').next().unwrap_or(&s.file);
            let member = file
                .split_once('(')
                .map_or(file, |(_, m)| m.trim_end_matches(')'));
            let unit = member
                .split_once('-')
                .map_or(member, |(c, _)| c)
                .to_string();
            let t = map::totals(std::iter::once(*s));
            match members.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, acc)) => acc.iter_mut().zip(t).for_each(|(a, b)| *a += b),
                None => members.push((unit, t)),
            }
        }
        for (unit, [t, r, d, b]) in &members {
            println!("{name}.member={unit} {t} {r} {d} {b}");
        }
        let mut sorted = mine.clone();
        sorted.sort_by(|a, b| b.size.cmp(&a.size).then(a.name.cmp(&b.name)));
        for s in sorted.iter().take(top) {
            let member = s.file.rsplit('/').next().unwrap_or(&s.file);
            // ".text.<symbol>" -> "<symbol>", so a demangler can read it.
            let symbol = [".text.", ".rodata.", ".data.", ".bss.", ".noinit."]
                .iter()
                .find_map(|p| s.name.strip_prefix(p))
                .unwrap_or(&s.name);
            println!("{name}.top={} {:?} {symbol} {member}", s.size, s.kind);
        }
    }
    Ok(())
}
