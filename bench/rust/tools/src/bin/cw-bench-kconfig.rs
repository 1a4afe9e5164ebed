// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Default values of Kconfig int symbols, as a build with only the given
//! symbols enabled would get them.
//!
//! usage: cw-bench-kconfig KCONFIG [--true SYM]… SYM…
//!
//! Follows `rsource`/`orsource` (relative to the including file) and
//! `source`/`osource` (relative to the first file's directory; skipped when
//! absent, e.g. Zephyr's templates). A `default`
//! applies when its `if` condition holds; the first that applies wins, as in
//! Kconfig. Conditions may use symbols, `!`, `&&`, `||` and parentheses;
//! symbols not passed with `--true` are off. Prints `SYM=value` per symbol.

#![forbid(unsafe_code)]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

fn main() {
    if let Err(e) = run() {
        eprintln!("cw-bench-kconfig: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(
        args.next()
            .ok_or("usage: cw-bench-kconfig KCONFIG [--true SYM]… SYM…")?,
    );
    let mut on = HashSet::new();
    let mut wanted = Vec::new();
    while let Some(a) = args.next() {
        if a == "--true" {
            on.insert(args.next().ok_or("--true needs a symbol")?);
        } else {
            wanted.push(a);
        }
    }
    let base = root.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut defaults: HashMap<String, Vec<(String, Option<String>)>> = HashMap::new();
    read(&root, &base, &mut defaults, 0)?;
    for sym in wanted {
        let v =
            value(&sym, &defaults, &on, 0).ok_or_else(|| format!("no default applies to {sym}"))?;
        println!("{sym}={v}");
    }
    Ok(())
}

fn read(
    path: &Path,
    base: &Path,
    defaults: &mut HashMap<String, Vec<(String, Option<String>)>>,
    depth: u32,
) -> Result<(), String> {
    if depth > 16 {
        return Err("source nesting too deep".into());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut current: Option<String> = None;
    for line in text.lines() {
        let t = line.trim();
        let mut words = t.splitn(2, char::is_whitespace);
        let head = words.next().unwrap_or("");
        let rest = words.next().unwrap_or("").trim();
        match head {
            "config" | "menuconfig" => current = Some(rest.to_string()),
            "choice" | "endchoice" | "menu" | "endmenu" | "if" | "endif" | "comment" => {
                current = None
            }
            "rsource" | "orsource" | "source" | "osource" => {
                current = None;
                let file = rest.trim_matches('"');
                let p = if head.starts_with('r') || head.starts_with("or") {
                    dir.join(file)
                } else {
                    base.join(file)
                };
                // Zephyr's own files (source "subsys/…") are not here; the
                // symbols asked for are the module's, so they are not needed.
                if p.exists() {
                    read(&p, base, defaults, depth + 1)?;
                }
            }
            "default" => {
                if let Some(sym) = &current {
                    let (v, cond) = match rest.split_once(" if ") {
                        Some((v, c)) => (v.trim().to_string(), Some(c.trim().to_string())),
                        None => (rest.to_string(), None),
                    };
                    defaults.entry(sym.clone()).or_default().push((v, cond));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn value(
    sym: &str,
    defaults: &HashMap<String, Vec<(String, Option<String>)>>,
    on: &HashSet<String>,
    depth: u32,
) -> Option<i64> {
    if depth > 16 {
        return None;
    }
    let list = defaults.get(sym)?;
    let (v, _) = list
        .iter()
        .find(|(_, c)| c.as_deref().is_none_or(|c| eval(c, on)))?;
    let v = v.trim_matches('"');
    if let Some(h) = v.strip_prefix("0x") {
        return i64::from_str_radix(h, 16).ok();
    }
    v.parse().ok().or_else(|| value(v, defaults, on, depth + 1))
}

/// Evaluates `a && !(b || c)` style conditions over the enabled symbols.
fn eval(cond: &str, on: &HashSet<String>) -> bool {
    let spaced = cond
        .replace("&&", " && ")
        .replace("||", " || ")
        .replace('!', " ! ")
        .replace('(', " ( ")
        .replace(')', " ) ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut pos = 0;
    or_expr(&tokens, &mut pos, on)
}

fn or_expr(t: &[&str], pos: &mut usize, on: &HashSet<String>) -> bool {
    let mut v = and_expr(t, pos, on);
    while t.get(*pos) == Some(&"||") {
        *pos += 1;
        v |= and_expr(t, pos, on);
    }
    v
}

fn and_expr(t: &[&str], pos: &mut usize, on: &HashSet<String>) -> bool {
    let mut v = unary(t, pos, on);
    while t.get(*pos) == Some(&"&&") {
        *pos += 1;
        v &= unary(t, pos, on);
    }
    v
}

fn unary(t: &[&str], pos: &mut usize, on: &HashSet<String>) -> bool {
    match t.get(*pos).copied() {
        Some("!") => {
            *pos += 1;
            !unary(t, pos, on)
        }
        Some("(") => {
            *pos += 1;
            let v = or_expr(t, pos, on);
            if t.get(*pos) == Some(&")") {
                *pos += 1;
            }
            v
        }
        Some(sym) => {
            *pos += 1;
            on.contains(sym) || sym == "y"
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(syms: &[&str]) -> HashSet<String> {
        syms.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn conditions() {
        let s = on(&["A", "B"]);
        assert!(eval("A", &s));
        assert!(!eval("C", &s));
        assert!(eval("A && !C", &s));
        assert!(!eval("A && C", &s));
        assert!(eval("C || (A && B)", &s));
        assert!(!eval("!(A || C)", &s));
    }

    #[test]
    fn first_applicable_default_wins_and_symbols_resolve() {
        let mut d: HashMap<String, Vec<(String, Option<String>)>> = HashMap::new();
        d.insert(
            "PAYLOAD".into(),
            vec![("2144".into(), Some("AGNSS".into())), ("2048".into(), None)],
        );
        d.insert(
            "TX".into(),
            vec![
                ("PAYLOAD".into(), Some("MQTT".into())),
                ("0x100".into(), None),
            ],
        );
        assert_eq!(value("PAYLOAD", &d, &on(&[]), 0), Some(2048));
        assert_eq!(value("PAYLOAD", &d, &on(&["AGNSS"]), 0), Some(2144));
        assert_eq!(value("TX", &d, &on(&["MQTT"]), 0), Some(2048));
        assert_eq!(value("TX", &d, &on(&[]), 0), Some(256));
        assert_eq!(value("NONE", &d, &on(&[]), 0), None);
    }
}
