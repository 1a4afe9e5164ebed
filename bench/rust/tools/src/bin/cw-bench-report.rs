// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Prints the markdown tables of scripts/bench from the `key=value` results
//! it collected, one results file per library (one row per library).
//!
//! usage: cw-bench-report RESULTS…

#![forbid(unsafe_code)]

use cloudwire_bench_tools::read_results;

struct Lib {
    kv: Vec<(String, String)>,
}

impl Lib {
    fn get(&self, key: &str) -> Option<&str> {
        self.kv
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
    fn num(&self, key: &str) -> Option<u64> {
        self.get(key).and_then(|v| v.parse().ok())
    }
    fn snum(&self, key: &str) -> Option<i64> {
        self.get(key).and_then(|v| v.parse().ok())
    }
    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.kv
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
    /// Keys `prefix.X.suffix` in order of first appearance: the X values.
    fn names(&self, prefix: &str, suffix: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (k, _) in &self.kv {
            if let Some(mid) = k.strip_prefix(prefix).and_then(|r| r.strip_suffix(suffix)) {
                if !mid.contains('.') && !out.iter().any(|o| o == mid) {
                    out.push(mid.to_string());
                }
            }
        }
        out
    }
    fn name(&self) -> &str {
        self.get("lib").unwrap_or("?")
    }
    fn sizes(&self, group: &str) -> Option<[u64; 4]> {
        let g = |k: &str| self.num(&format!("{group}.{k}"));
        Some([g("text")?, g("rodata")?, g("data")?, g("bss")?])
    }
}

fn pass(ok: bool) -> &'static str {
    if ok {
        "PASS"
    } else {
        "MISS"
    }
}

fn add(a: [u64; 4], b: [u64; 4]) -> [u64; 4] {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]]
}

fn flash(s: [u64; 4]) -> u64 {
    s[0] + s[1] + s[2]
}

fn ram(s: [u64; 4]) -> u64 {
    s[2] + s[3]
}

fn main() {
    let mut libs = Vec::new();
    for path in std::env::args().skip(1) {
        match read_results(&path) {
            Ok(kv) => libs.push(Lib { kv }),
            Err(e) => {
                eprintln!("cw-bench-report: {e}");
                std::process::exit(1);
            }
        }
    }
    footprint(&libs);
    targets(&libs);
    stack(&libs);
    instructions(&libs);
    wire(&libs);
    largest(&libs);
}

fn footprint(libs: &[Lib]) {
    println!("## Footprint: thumbv8m.main-none-eabihf, as linked in a minimal app (bytes)\n");
    println!("flash = text + rodata + data; RAM = data + bss (static). Linked with `--gc-sections`, the API entry points, the poll thread and the port's callbacks as roots; attributed per input file from the map. The NCS baseline was built with `CONFIG_LOG=n` (its log strings compile away) and soft-float; the Rust library here is built as the Zephyr build gets it (`cargo rustc --crate-type staticlib`, so with LTO; core rebuilt with `-Cpanic=immediate-abort`) for the hard-float target, without the feature `log`, as with `CONFIG_LOG=n`; the row \"with feature `log`\" is what `CONFIG_LOG=y` builds.\n");
    println!("| library | part | text | rodata | data | bss | flash | RAM |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for l in libs {
        let row = |part: &str, s: [u64; 4]| {
            println!(
                "| {} | {part} | {} | {} | {} | {} | {} | {} |",
                l.name(),
                s[0],
                s[1],
                s[2],
                s[3],
                flash(s),
                ram(s)
            );
        };
        let rust = l.sizes("rust");
        let builtins = l.sizes("builtins");
        if let Some(r) = rust {
            row("Rust library (libcloudwire.a, own code, LTO)", r);
        }
        if let Some(b) = builtins {
            row(
                "Rust compiler_builtins (memcpy, memset, …; libc could supply some)",
                b,
            );
        }
        if let (Some(r), Some(b)) = (rust, builtins) {
            row(
                "**Rust total** (as firmware gets it, `CONFIG_LOG=n`)",
                add(r, b),
            );
        }
        if let (Some(r), Some(b)) = (l.sizes("log_rust"), l.sizes("log_builtins")) {
            row(
                "Rust total with feature `log` (`CONFIG_LOG=y`: log messages in)",
                add(r, b),
            );
        }
        match l.sizes("port") {
            Some(p) => row(
                &format!(
                    "port C (zephyr/port, from {}; {})",
                    l.get("port.source").unwrap_or("a Zephyr map"),
                    l.get("port.config").unwrap_or("its build's Kconfig")
                ),
                p,
            ),
            None => println!(
                "| {} | port C (zephyr/port) | – | – | – | – | not measured | not measured |",
                l.name()
            ),
        }
        if let Some(k) = l.num("ram.kconfig") {
            println!(
                "| {} | port buffers + poll-thread stack (Kconfig defaults: {}) | | | | {k} | | {k} |",
                l.name(),
                l.get("ram.kconfig.formula").unwrap_or("")
            );
        }
        if let Some(u) = l.get("libc.used").filter(|u| !u.is_empty()) {
            println!("| {} | libc functions it calls (shared with the app, not counted) | {u} | | | | | |", l.name());
        }
    }
    println!();
}

fn targets(libs: &[Lib]) {
    println!("## Targets (against the NCS baseline measured the same way, ref/ncs-footprint.md)\n");
    println!("| library | measure | cloudwire | NCS | target | result |");
    println!("|---|---|---:|---:|---|---|");
    for l in libs {
        let n = l.name();
        let rust = match (l.sizes("rust"), l.sizes("builtins")) {
            (Some(r), Some(b)) => Some(add(r, b)),
            (r, _) => r,
        };
        let port = l.sizes("port");
        let ncs_flash = l.num("ncs.flash").unwrap_or(0);
        let ncs_ram = l.num("ncs.ram").unwrap_or(0);
        let ncs_parts = l.get("ncs.parts").unwrap_or("");
        if let Some(r) = rust {
            let target = l.num("target.flash").unwrap_or(0);
            match port {
                Some(p) => {
                    let total = flash(r) + flash(p);
                    println!(
                        "| {n} | flash: Rust + port C | {} + {} = **{total}** | {ncs_flash} ({ncs_parts}) | ≤ {target} | {} |",
                        flash(r),
                        flash(p),
                        pass(total <= target)
                    );
                }
                None => println!(
                    "| {n} | flash: Rust (port C not measured: pass --zephyr-map) | **{}** | {ncs_flash} ({ncs_parts}) | ≤ {target} for Rust + port | {} so far |",
                    flash(r),
                    pass(flash(r) <= target)
                ),
            }
            if let (Some(a), Some(b)) = (l.sizes("log_rust"), l.sizes("log_builtins")) {
                let f = flash(add(a, b));
                println!(
                    "| {n} | flash: Rust with feature `log` (`CONFIG_LOG=y`; NCS's nrf_cloud grows by 4708 with it) | {f} | | (target is for `CONFIG_LOG=n`) | |",
                );
            }
            let (total, how) = match (port, l.num("ram.kconfig")) {
                (Some(p), _) => match l.snum("port.ram_adjust") {
                    Some(a) => (
                        (ram(r) + ram(p)).saturating_add_signed(a),
                        format!(
                            "Rust {} + port {} (map) {} {} ({})",
                            ram(r),
                            ram(p),
                            if a < 0 { "−" } else { "+" },
                            a.unsigned_abs(),
                            l.get("port.ram_adjust.why").unwrap_or("")
                        ),
                    ),
                    None => (ram(r) + ram(p), format!("Rust {} + port {} (map)", ram(r), ram(p))),
                },
                (None, Some(k)) => (
                    ram(r) + k,
                    format!("Rust {} + port buffers/stack {k} (Kconfig; port's other C statics not included)", ram(r)),
                ),
                (None, None) => (ram(r), format!("Rust {} only", ram(r))),
            };
            // Without a map the port's own statics (MQTT client, kernel
            // objects, thread) are missing, so the verdict is provisional.
            let so_far = if port.is_some() { "" } else { " so far" };
            println!(
                "| {n} | static RAM | {how} = **{total}** | {ncs_ram} | ≤ {ncs_ram} | {}{so_far} |",
                pass(total <= ncs_ram)
            );
        }
        if let Some(h) = l.num("heap") {
            println!(
                "| {n} | heap | **{h}** ({}) | cJSON's, at run time | 0 | {} |",
                l.get("heap.proof").unwrap_or(""),
                pass(h == 0)
            );
        }
        for w in l.names("instr.", ".rust") {
            let (Some(r), Some(c)) = (
                l.num(&format!("instr.{w}.rust")),
                l.num(&format!("instr.{w}.cjson")),
            ) else {
                continue;
            };
            let ratio = c as f64 / r.max(1) as f64;
            println!(
                "| {n} | instructions: {} | **{r}** | {c} (cJSON) | ≥ 3× fewer | {:.1}× {} |",
                l.get(&format!("instr.{w}.title")).unwrap_or(&w),
                ratio,
                pass(ratio >= 3.0)
            );
        }
    }
    println!();
}

fn stack(libs: &[Lib]) {
    println!("## Worst-case stack per entry point (thumbv8m, bytes)\n");
    println!("Rust frames from `-Z emit-stack-sizes` (frame size in brackets), call graph from the disassembly; a call through a pointer is followed into every function whose address is stored in data (vtables). Port functions (cw_port_*) count 0: on Zephyr they run Zephyr's MQTT client, sockets and TLS, the same code NCS calls. The application's event handler is not included.\n");
    println!("| library | entry point | bytes | deepest path (frame bytes) | notes |");
    println!("|---|---|---:|---|---|");
    for l in libs {
        for root in l.names("stack.", "") {
            let bytes = l.get(&format!("stack.{root}")).unwrap_or("?");
            let path = l.get(&format!("stack.{root}.path")).unwrap_or("");
            let notes = l.get(&format!("stack.{root}.notes")).unwrap_or("");
            println!("| {} | `{root}` | {bytes} | {path} | {notes} |", l.name());
        }
    }
    println!();
    // The same with the feature `log` (CONFIG_LOG=y), when measured.
    if libs.iter().any(|l| !l.names("log_stack.", "").is_empty()) {
        println!("With the feature `log` (`CONFIG_LOG=y`):\n");
        println!("| library | entry point | bytes | deepest path (frame bytes) |");
        println!("|---|---|---:|---|");
        for l in libs {
            for root in l.names("log_stack.", "") {
                let bytes = l.get(&format!("log_stack.{root}")).unwrap_or("?");
                let path = l.get(&format!("log_stack.{root}.path")).unwrap_or("");
                println!("| {} | `{root}` | {bytes} | {path} |", l.name());
            }
        }
        println!();
    }
}

fn instructions(libs: &[Lib]) {
    println!("## Instructions per operation (x86_64, callgrind)\n");
    println!("Rust: the library's crates, release profile (opt-level z, LTO). cJSON: Debian's libcjson (-O2) with the cheapest allocator (bump arena, favours cJSON); in brackets with glibc malloc. Each figure is (N+1000 runs − N runs) / 1000, so start-up work is not counted.\n");
    println!("| library | operation | Rust | cJSON | ratio |");
    println!("|---|---|---:|---:|---:|");
    for l in libs {
        for w in l.names("instr.", ".rust") {
            let r = l.num(&format!("instr.{w}.rust")).unwrap_or(0);
            let c = l.num(&format!("instr.{w}.cjson")).unwrap_or(0);
            let m = l.num(&format!("instr.{w}.cjson_malloc")).unwrap_or(0);
            println!(
                "| {} | {} | {r} | {c} ({m}) | {:.1}× |",
                l.name(),
                l.get(&format!("instr.{w}.title")).unwrap_or(&w),
                c as f64 / r.max(1) as f64
            );
        }
    }
    println!();
}

fn wire(libs: &[Lib]) {
    println!("## On the wire, CONNECT to READY (MQTT packet bytes: fixed header + variable header + payload)\n");
    println!("| library | scenario | device→cloud bytes (packets) | cloud→device bytes (packets) | round trips | NCS |");
    println!("|---|---|---:|---:|---:|---|");
    for l in libs {
        for s in l.names("wire.", ".title") {
            let g = |k: &str| l.get(&format!("wire.{s}.{k}")).unwrap_or("?");
            println!(
                "| {} | {} | {} ({}) | {} ({}) | {} | {} |",
                l.name(),
                g("title"),
                g("d2c_bytes"),
                g("d2c_packets"),
                g("c2d_bytes"),
                g("c2d_packets"),
                g("round_trips"),
                l.get("wire.ncs").unwrap_or("")
            );
        }
    }
    println!("\nTCP and TLS handshakes are not included (the same for both). Round trips: sequential request/response exchanges, counting the cloud as answering at once.\n");
}

fn largest(libs: &[Lib]) {
    println!("## Where the library's bytes are\n");
    for l in libs {
        let code: Vec<String> = l
            .names("code.", "")
            .into_iter()
            .filter_map(|r| l.get(&format!("code.{r}")).map(|v| format!("`{r}` {v}")))
            .collect();
        if !code.is_empty() {
            println!("{}: library code reachable from each entry point (bytes; shared code counts in each): {}.\n", l.name(), code.join(", "));
        }
        // The split by crate comes from a build without LTO (LTO merges the
        // crates into one object); it is a proportion, not the LTO figure.
        let (members, builtins) = if l.get("crates_rust.member").is_some() {
            ("crates_rust.member", "crates_builtins.member")
        } else {
            ("rust.member", "builtins.member")
        };
        let units: Vec<&str> = l
            .all(members)
            .chain(l.all(builtins))
            .chain(l.all("port.member"))
            .collect();
        if !units.is_empty() {
            println!(
                "| {} by crate (built without LTO) / port file | text | rodata | data | bss | flash | RAM |",
                l.name()
            );
            println!("|---|---:|---:|---:|---:|---:|---:|");
            for u in units {
                let f: Vec<&str> = u.split_whitespace().collect();
                let n = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
                println!(
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    f.first().unwrap_or(&"?"),
                    n(1),
                    n(2),
                    n(3),
                    n(4),
                    n(1) + n(2) + n(3),
                    n(3) + n(4)
                );
            }
            println!();
        }
        let top: Vec<&str> = l.all("rust.top").chain(l.all("builtins.top")).collect();
        if !top.is_empty() {
            println!("| {} largest sections | crate | bytes | kind |", l.name());
            println!("|---|---|---:|---|");
            let mut rows: Vec<(u64, &str, &str, &str)> = top
                .iter()
                .filter_map(|t| {
                    // "size kind symbol… file": demangled symbols hold spaces.
                    let mut it = t.splitn(3, ' ');
                    let size = it.next()?.parse().ok()?;
                    let kind = it.next()?;
                    let (name, file) = it.next()?.rsplit_once(' ')?;
                    let member = file.split_once('(').map_or(file, |(_, m)| m);
                    let unit = member.split_once('-').map_or(member, |(c, _)| c);
                    Some((size, kind, name, unit))
                })
                .collect();
            rows.sort_by_key(|r| std::cmp::Reverse(r.0));
            for (size, kind, name, unit) in rows.iter().take(25) {
                println!("| `{name}` | {unit} | {size} | {kind} |");
            }
            println!();
        }
    }
}
