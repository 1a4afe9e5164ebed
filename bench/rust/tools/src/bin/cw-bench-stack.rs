// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Worst-case stack depth and reachable code size per entry point of a
//! linked Thumb image.
//!
//! usage: cw-bench-stack ELF MAP --lib SUBSTR [--boundary PREFIX]… --root SYM…
//!
//! Frame sizes come from the `.stack_sizes` section (`-Z emit-stack-sizes`,
//! exact for Rust code); functions without an entry (C: libc, the app) get a
//! frame read from their prologue (push / sub sp / vpush). The call graph is
//! read from `arm-none-eabi-objdump -d`: `bl`/`blx` are calls, branches into
//! another function are tail calls (the caller's frame is gone by then).
//! A `blx rN` whose register was loaded with a function's address in the
//! same function (LLVM does this at -Oz for repeated calls) is a direct
//! call; any other call through a register may reach every function whose
//! address is stored in data (vtables), and is followed into all of them.
//! Functions whose name starts with a boundary prefix (the port) count 0 and
//! are not followed. A cycle in the graph is reported: the figure then
//! covers each function on the cycle once, not repeated recursion.
//!
//! Prints per root: `stack.ROOT=bytes`, `stack.ROOT.path=f (frame) > g (frame) > …`,
//! `stack.ROOT.notes=…`, `code.ROOT=bytes` (library code reachable from it).

#![forbid(unsafe_code)]

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use cloudwire_bench_tools::{elf::Elf, map};

struct Func {
    name: String,
    addr: u32,
    size: u32,
    frame: Option<u32>,
    prologue_frame: u32,
    dynamic_sp: bool,
    calls: BTreeSet<usize>,
    tails: BTreeSet<usize>,
    indirect: bool,
    in_lib: bool,
}

#[derive(Clone, Default)]
struct Worst {
    bytes: u32,
    path: Vec<usize>,
    recursion: bool,
    dynamic: bool,
    estimated: Vec<usize>,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("cw-bench-stack: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let elf_path = args
        .first()
        .ok_or("usage: cw-bench-stack ELF MAP --lib SUBSTR [--boundary P]… --root SYM…")?;
    let map_path = args.get(1).ok_or("missing MAP")?;
    let mut lib = Vec::new();
    let mut boundary = Vec::new();
    let mut roots = Vec::new();
    let mut objdump = "arm-none-eabi-objdump".to_string();
    let mut it = args.iter().skip(2);
    while let Some(a) = it.next() {
        let v = it
            .next()
            .ok_or_else(|| format!("{a} needs a value"))?
            .clone();
        match a.as_str() {
            "--lib" => lib.push(v),
            "--boundary" => boundary.push(v),
            "--root" => roots.push(v),
            "--objdump" => objdump = v,
            _ => return Err(format!("unknown argument {a}")),
        }
    }

    let elf = Elf::read(elf_path)?;
    let frames = elf.stack_sizes()?;
    let map_text = std::fs::read_to_string(map_path).map_err(|e| format!("{map_path}: {e}"))?;
    let lib_ranges: Vec<(u64, u64)> = map::parse(&map_text)
        .iter()
        .filter(|s| s.kind == map::Kind::Text && lib.iter().any(|p| s.file.contains(p.as_str())))
        .map(|s| (s.addr, s.addr + s.size))
        .collect();

    let mut funcs: Vec<Func> = Vec::new();
    let mut by_addr: HashMap<u32, usize> = HashMap::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for s in elf.symbols()?.into_iter().filter(|s| s.is_func) {
        if by_addr.contains_key(&s.addr) {
            by_name.insert(s.name.clone(), by_addr[&s.addr]);
            continue;
        }
        let a = u64::from(s.addr);
        let in_lib = lib_ranges.iter().any(|&(lo, hi)| a >= lo && a < hi);
        by_addr.insert(s.addr, funcs.len());
        by_name.insert(s.name.clone(), funcs.len());
        funcs.push(Func {
            name: s.name,
            addr: s.addr,
            size: s.size,
            frame: frames.get(&s.addr).copied(),
            prologue_frame: 0,
            dynamic_sp: false,
            calls: BTreeSet::new(),
            tails: BTreeSet::new(),
            indirect: false,
            in_lib,
        });
    }

    let out = Command::new(&objdump)
        .args(["-d", "--no-show-raw-insn", elf_path])
        .output()
        .map_err(|e| format!("{objdump}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{objdump} failed"));
    }
    read_disassembly(
        &String::from_utf8_lossy(&out.stdout),
        &mut funcs,
        &by_addr,
        &elf,
    );
    // Calls through a pointer: to any function whose address is stored in
    // data (vtables of `dyn` traits, function tables). The application's
    // handler is stored at run time and is not among them.
    let taken: BTreeSet<usize> = elf
        .data_words()
        .iter()
        .filter(|&&w| w & 1 == 1)
        .filter_map(|&w| by_addr.get(&(w & !1)).copied())
        .collect();
    for f in funcs.iter_mut().filter(|f| f.indirect) {
        f.calls.extend(taken.iter().copied());
    }

    let is_boundary = |f: &Func| boundary.iter().any(|p| f.name.starts_with(p.as_str()));
    println!("stack_indirect_targets={}", taken.len());
    let mut memo: HashMap<usize, Worst> = HashMap::new();
    for root in &roots {
        let &r = by_name
            .get(root)
            .ok_or_else(|| format!("root {root} is not in the image"))?;
        let mut on_stack = Vec::new();
        let mut cycles = BTreeSet::new();
        let w = worst(
            r,
            &funcs,
            &is_boundary,
            &mut memo,
            &mut on_stack,
            &mut cycles,
        );
        let path: Vec<String> = w
            .path
            .iter()
            .filter(|&&i| !funcs[i].name.starts_with("OUTLINED_FUNCTION_"))
            .map(|&i| {
                format!(
                    "{} ({})",
                    funcs[i].name,
                    funcs[i].frame.unwrap_or(funcs[i].prologue_frame)
                )
            })
            .collect();
        println!("stack.{root}={}", w.bytes);
        println!("stack.{root}.path={}", path.join(" > "));
        let mut notes = Vec::new();
        for c in &cycles {
            let names: Vec<&str> = c
                .iter()
                .chain(c.first())
                .map(|&i| funcs[i].name.as_str())
                .filter(|n| !n.starts_with("OUTLINED_FUNCTION_"))
                .collect();
            notes.push(format!(
                "RECURSION {} (counted once: no static bound)",
                names.join(" > ")
            ));
        }
        notes.dedup();
        if w.dynamic {
            notes.push("a C function on the path moves sp by a run-time amount".to_string());
        }
        if !w.estimated.is_empty() {
            let names: Vec<&str> = w
                .estimated
                .iter()
                .map(|&i| funcs[i].name.as_str())
                .collect();
            notes.push(format!(
                "frames read from the prologue: {}",
                names.join(" ")
            ));
        }
        println!("stack.{root}.notes={}", notes.join("; "));
        println!("code.{root}={}", reachable_code(r, &funcs, &is_boundary));
    }
    Ok(())
}

fn read_disassembly(text: &str, funcs: &mut [Func], by_addr: &HashMap<u32, usize>, elf: &Elf) {
    let mut cur: Option<usize> = None;
    let mut in_prologue = false;
    // Registers holding a known constant since they were last written:
    // at -Oz LLVM loads a function's address once and calls it with `blx rN`.
    let mut regs: HashMap<String, u32> = HashMap::new();
    for line in text.lines() {
        // "00008000 <name>:" starts a function.
        if let Some(head) = line.strip_suffix(">:") {
            cur = head
                .split_once(" <")
                .and_then(|(a, _)| u32::from_str_radix(a, 16).ok())
                .and_then(|a| by_addr.get(&a).copied());
            in_prologue = true;
            regs.clear();
            continue;
        }
        let Some(ci) = cur else { continue };
        let mut parts = line.split('\t');
        let (Some(_addr), Some(mnemonic)) = (parts.next(), parts.next()) else {
            continue;
        };
        let mnemonic = mnemonic.trim();
        // Operands, then objdump's "@ …" comment in a field of its own.
        let rest: Vec<&str> = parts.collect();
        let joined = rest.join(" ");
        let operands = joined.trim();
        let base = mnemonic.split('.').next().unwrap_or(mnemonic);
        let target = operands
            .split_once('<')
            .and_then(|(a, _)| u32::from_str_radix(a.trim(), 16).ok())
            .and_then(|a| containing(funcs, a));
        track_registers(&mut regs, base, operands, elf);
        let f = &mut funcs[ci];
        if in_prologue {
            prologue_step(f, base, operands);
        }
        match base {
            "bl" | "blx" => {
                in_prologue = false;
                let via_reg = regs
                    .get(reg_operand(operands))
                    .and_then(|&v| by_addr.get(&(v & !1)).copied());
                match target.or(via_reg) {
                    Some(t) => {
                        f.calls.insert(t);
                    }
                    None => f.indirect = true,
                }
            }
            "bx" => {
                in_prologue = false;
                if reg_operand(operands) != "lr" {
                    match regs
                        .get(reg_operand(operands))
                        .and_then(|&v| by_addr.get(&(v & !1)).copied())
                    {
                        Some(t) => {
                            f.tails.insert(t);
                        }
                        None => f.indirect = true,
                    }
                }
            }
            b if is_branch(b) => {
                in_prologue = false;
                if let Some(t) = target {
                    if t != ci {
                        f.tails.insert(t);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Follows `movw`/`movt` and PC-relative literal loads into registers;
/// forgets a register any other instruction writes.
fn track_registers(regs: &mut HashMap<String, u32>, m: &str, ops: &str, elf: &Elf) {
    const NO_DEST: &[&str] = &[
        "str", "strb", "strh", "strd", "cmp", "cmn", "tst", "teq", "push", "b", "bl", "blx", "bx",
        "cbz", "cbnz", "it", "ite", "itt", "itte", "ittt", "vstr", "vpush", "stmia", "stmdb",
        "stm", "nop", "dmb", "dsb", "isb",
    ];
    let dest = ops
        .split(',')
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches('!')
        .to_string();
    match m {
        "movw" => {
            if let Some(v) = imm(ops) {
                regs.insert(dest, v & 0xffff);
            }
        }
        "movt" => {
            let low = regs.get(&dest).copied().unwrap_or(0) & 0xffff;
            match imm(ops) {
                Some(v) => regs.insert(dest, (v << 16) | low),
                None => regs.remove(&dest),
            };
        }
        "ldr" if ops.contains("[pc") => {
            // objdump: "ldr r2, [pc, #252]  @ (11e10 <f+0x138>)" or "@ 11e14 <…>"
            let lit = ops
                .split_once('@')
                .map(|(_, c)| c.trim().trim_start_matches('('))
                .and_then(|c| c.split_whitespace().next())
                .and_then(|a| u32::from_str_radix(a, 16).ok())
                .and_then(|a| elf.word_at(a));
            match lit {
                Some(v) => regs.insert(dest, v),
                None => regs.remove(&dest),
            };
        }
        "mov" => {
            // A register copy keeps the value; anything else forgets it.
            let src = ops.split(',').nth(1).map(str::trim).unwrap_or("");
            match regs.get(src).copied() {
                Some(v) => regs.insert(dest, v),
                None => regs.remove(&dest),
            };
        }
        "pop" | "ldm" | "ldmia" => {
            for r in ops
                .split('{')
                .nth(1)
                .unwrap_or("")
                .split('}')
                .next()
                .unwrap_or("")
                .split(',')
            {
                regs.remove(r.trim());
            }
        }
        _ if NO_DEST.contains(&m) || is_branch(m) => {}
        _ => {
            regs.remove(&dest);
        }
    }
}

/// The register of `blx r3` / `bx r3` (without any comment).
fn reg_operand(ops: &str) -> &str {
    ops.split_whitespace().next().unwrap_or("")
}

fn imm(ops: &str) -> Option<u32> {
    let n = ops
        .split('#')
        .nth(1)?
        .split(|c: char| c.is_whitespace() || c == ';')
        .next()?;
    n.strip_prefix("0x")
        .map_or_else(|| n.parse().ok(), |h| u32::from_str_radix(h, 16).ok())
}

fn is_branch(m: &str) -> bool {
    const CONDS: &[&str] = &[
        "", "eq", "ne", "cs", "cc", "hs", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt",
        "gt", "le", "al",
    ];
    m.strip_prefix('b').is_some_and(|c| CONDS.contains(&c))
}

/// Frame of a function without `.stack_sizes`: pushes and `sub sp` before
/// its first branch.
fn prologue_step(f: &mut Func, m: &str, ops: &str) {
    let regs = |ops: &str| -> u32 {
        let inner = ops
            .split('{')
            .nth(1)
            .and_then(|s| s.split('}').next())
            .unwrap_or("");
        inner
            .split(',')
            .map(str::trim)
            .map(|r| match r.split_once('-') {
                Some((a, b)) => {
                    let n = |x: &str| {
                        x.trim_start_matches(|c: char| c.is_ascii_alphabetic())
                            .parse::<u32>()
                            .unwrap_or(0)
                    };
                    n(b).saturating_sub(n(a)) + 1
                }
                None => u32::from(!r.is_empty()),
            })
            .sum()
    };
    match m {
        "push" => f.prologue_frame += 4 * regs(ops),
        "stmdb" | "stmfd" if ops.starts_with("sp!") => f.prologue_frame += 4 * regs(ops),
        "vpush" => f.prologue_frame += regs(ops) * if ops.contains('d') { 8 } else { 4 },
        "sub" | "subw" if ops.starts_with("sp,") => match imm(ops) {
            Some(n) => f.prologue_frame += n,
            None => f.dynamic_sp = true,
        },
        _ => {}
    }
}

fn containing(funcs: &[Func], addr: u32) -> Option<usize> {
    funcs
        .iter()
        .position(|f| addr >= f.addr && addr < f.addr + f.size.max(1))
}

fn worst(
    i: usize,
    funcs: &[Func],
    is_boundary: &dyn Fn(&Func) -> bool,
    memo: &mut HashMap<usize, Worst>,
    on_stack: &mut Vec<usize>,
    cycles: &mut BTreeSet<Vec<usize>>,
) -> Worst {
    if let Some(w) = memo.get(&i) {
        return w.clone();
    }
    let f = &funcs[i];
    if is_boundary(f) {
        return Worst {
            bytes: 0,
            path: vec![i],
            ..Worst::default()
        };
    }
    if let Some(at) = on_stack.iter().position(|&j| j == i) {
        // Kept rotated to start at its lowest index, so each cycle is listed once.
        let mut cycle = on_stack[at..].to_vec();
        if let Some(m) = cycle
            .iter()
            .enumerate()
            .min_by_key(|(_, &v)| v)
            .map(|(k, _)| k)
        {
            cycle.rotate_left(m);
        }
        cycles.insert(cycle);
        return Worst {
            bytes: 0,
            path: vec![i],
            recursion: true,
            ..Worst::default()
        };
    }
    on_stack.push(i);
    let own = f.frame.unwrap_or(f.prologue_frame);
    let mut best = Worst {
        bytes: own,
        path: vec![i],
        dynamic: f.dynamic_sp,
        ..Worst::default()
    };
    if f.frame.is_none() {
        best.estimated.push(i);
    }
    let mut any_recursion = false;
    let mut any_dynamic = f.dynamic_sp;
    let mut estimated = best.estimated.clone();
    for (&c, tail) in f
        .calls
        .iter()
        .map(|c| (c, false))
        .chain(f.tails.iter().map(|c| (c, true)))
    {
        let w = worst(c, funcs, is_boundary, memo, on_stack, cycles);
        any_recursion |= w.recursion;
        any_dynamic |= w.dynamic;
        estimated.extend(w.estimated.iter().copied());
        let total = if tail {
            w.bytes.max(own)
        } else {
            own + w.bytes
        };
        if total > best.bytes {
            let mut path = vec![i];
            path.extend(w.path.iter().copied());
            best.bytes = total;
            best.path = path;
        }
    }
    on_stack.pop();
    estimated.sort_unstable();
    estimated.dedup();
    best.recursion = any_recursion;
    best.dynamic = any_dynamic;
    best.estimated = estimated;
    if !any_recursion {
        memo.insert(i, best.clone());
    }
    best
}

fn reachable_code(root: usize, funcs: &[Func], is_boundary: &dyn Fn(&Func) -> bool) -> u32 {
    let mut seen = BTreeSet::new();
    let mut todo = vec![root];
    while let Some(i) = todo.pop() {
        if !seen.insert(i) || is_boundary(&funcs[i]) {
            continue;
        }
        todo.extend(funcs[i].calls.iter().chain(funcs[i].tails.iter()).copied());
    }
    seen.iter()
        .filter(|&&i| funcs[i].in_lib)
        .map(|&i| funcs[i].size)
        .sum()
}
