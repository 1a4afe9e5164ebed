// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Reads a GNU ld map file (`-Wl,-Map`) into the input sections the image is
//! made of, each with its size, its kind and the object file it came from.
//!
//! Kinds follow the NCS baseline: text = code, rodata = other flash content,
//! data = initialised RAM (also stored in flash), bss = zeroed or no-init RAM
//! (thread stacks land here too).

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Text,
    Rodata,
    Data,
    Bss,
}

#[derive(Debug, Clone)]
pub struct InputSection {
    pub out_section: String,
    pub name: String,
    pub addr: u64,
    pub size: u64,
    /// `path/lib.a(member.o)` or `path/file.o`, as the map prints it.
    pub file: String,
    pub kind: Kind,
}

#[derive(Debug)]
struct Region {
    origin: u64,
    length: u64,
    writable: bool,
}

#[derive(Debug)]
struct OutSection {
    name: String,
    addr: u64,
}

fn parse_num(s: &str) -> Option<u64> {
    let s = s.trim();
    s.strip_prefix("0x")
        .map_or_else(|| s.parse().ok(), |h| u64::from_str_radix(h, 16).ok())
}

/// Output sections that are not part of the loaded image.
fn is_unloaded(name: &str) -> bool {
    const SKIP: &[&str] = &[
        ".debug",
        ".comment",
        ".ARM.attributes",
        ".stack_sizes",
        ".note",
        ".stab",
        ".symtab",
        ".strtab",
        ".shstrtab",
        ".gnu.attributes",
        ".last_section",
        ".intList",
    ];
    SKIP.iter().any(|p| name.starts_with(p))
}

fn parse_regions(text: &str) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with("Memory Configuration") {
            inside = true;
            continue;
        }
        if line.starts_with("Linker script and memory map") {
            break;
        }
        if !inside {
            continue;
        }
        let t: Vec<&str> = line.split_whitespace().collect();
        if t.len() >= 3 && t[0] != "Name" && t[0] != "*default*" {
            if let (Some(origin), Some(length)) = (parse_num(t[1]), parse_num(t[2])) {
                // Zephyr's IDT_LIST is a scratch region that is never flashed.
                if t[0] == "IDT_LIST" {
                    continue;
                }
                let attrs = t.get(3).copied().unwrap_or("");
                regions.push(Region {
                    origin,
                    length,
                    writable: attrs.contains('w') && !attrs.contains('!'),
                });
            }
        }
    }
    regions
}

impl OutSection {
    fn kind_for(&self, regions: &[Region], input_name: &str) -> Option<Kind> {
        if is_unloaded(&self.name) {
            return None;
        }
        let region = regions
            .iter()
            .find(|r| self.addr >= r.origin && self.addr < r.origin + r.length);
        let in_ram = match region {
            Some(r) => r.writable,
            // No MEMORY command: fall back to the usual section names.
            None if regions.is_empty() => {
                self.name.starts_with(".data")
                    || self.name.starts_with(".bss")
                    || self.name.starts_with(".noinit")
            }
            None => return None,
        };
        Some(if in_ram {
            // ld prints a load address for .bss too, so go by the names.
            let zeroed = [".bss", ".sbss", ".tbss", ".noinit", "COMMON"];
            if zeroed
                .iter()
                .any(|p| input_name.starts_with(p) || self.name.starts_with(p))
            {
                Kind::Bss
            } else {
                Kind::Data
            }
        } else if input_name.starts_with(".text") || self.name == ".text" && input_name == ".text" {
            Kind::Text
        } else {
            Kind::Rodata
        })
    }
}

/// Every non-empty input section placed in the image.
pub fn parse(text: &str) -> Vec<InputSection> {
    let regions = parse_regions(text);
    let mut out = Vec::new();
    let mut started = false;
    let mut current: Option<OutSection> = None;
    // A section name that stood alone on its line: (is output section, name).
    let mut pending: Option<(bool, String)> = None;

    for line in text.lines() {
        if !started {
            started = line.starts_with("Linker script and memory map");
            continue;
        }
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let Some(&first) = tokens.first() else {
            continue;
        };
        let indented = line.starts_with(' ');

        if let Some((is_out, name)) = pending.take() {
            if first.starts_with("0x") {
                handle(&regions, &mut current, &mut out, is_out, &name, &tokens);
                continue;
            }
        }
        if !indented {
            // An output section (or a linker-script statement; those have no address).
            if first.starts_with('.')
                || first
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
            {
                if tokens.len() == 1 {
                    pending = Some((true, first.to_string()));
                } else if tokens.get(1).is_some_and(|t| t.starts_with("0x")) {
                    handle(&regions, &mut current, &mut out, true, first, &tokens[1..]);
                }
            }
            continue;
        }
        let one_space = line.len() > 1 && !line[1..].starts_with(' ');
        if !one_space || first.starts_with('*') || first.starts_with("0x") {
            continue;
        }
        if tokens.len() == 1 {
            pending = Some((false, first.to_string()));
        } else if tokens.get(1).is_some_and(|t| t.starts_with("0x")) {
            handle(&regions, &mut current, &mut out, false, first, &tokens[1..]);
        }
    }
    out
}

/// `rest` = address, size, [file].
fn handle(
    regions: &[Region],
    current: &mut Option<OutSection>,
    out: &mut Vec<InputSection>,
    is_out: bool,
    name: &str,
    rest: &[&str],
) {
    let addr = rest.first().and_then(|t| parse_num(t)).unwrap_or(0);
    if is_out {
        *current = Some(OutSection {
            name: name.to_string(),
            addr,
        });
        return;
    }
    let size = rest.get(1).and_then(|t| parse_num(t)).unwrap_or(0);
    let file = rest.get(2..).map(|t| t.join(" ")).unwrap_or_default();
    let Some(cur) = current.as_ref() else {
        return;
    };
    if size == 0 || file.is_empty() {
        return;
    }
    // An input section's own address decides the region when the output
    // section straddles none (e.g. Zephyr's iterable sections).
    let probe = OutSection {
        name: cur.name.clone(),
        addr: if addr != 0 { addr } else { cur.addr },
    };
    if let Some(kind) = probe.kind_for(regions, name) {
        out.push(InputSection {
            out_section: cur.name.clone(),
            name: name.to_string(),
            addr,
            size,
            file,
            kind,
        });
    }
}

/// text, rodata, data, bss of the sections whose file matches any pattern.
pub fn totals<'a>(sections: impl Iterator<Item = &'a InputSection>) -> [u64; 4] {
    let mut t = [0u64; 4];
    for s in sections {
        let i = match s.kind {
            Kind::Text => 0,
            Kind::Rodata => 1,
            Kind::Data => 2,
            Kind::Bss => 3,
        };
        t[i] += s.size;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A GNU ld map in miniature: a long section name on its own line, a
    /// fill, symbols, .bss with a load address, a non-loaded section.
    const MAP: &str = "\
Archive member included to satisfy reference by file (symbol)

Discarded input sections

 .text.unused   0x00000000       0x40 lib.a(a.o)

Memory Configuration

Name             Origin             Length             Attributes
FLASH            0x00010000         0x000f0000         xr
RAM              0x20000000         0x00040000         xrw
*default*        0x00000000         0xffffffff

Linker script and memory map

LOAD app.o
.text           0x00010000      0x130
 *(.text .text.*)
 .text.main     0x00010000       0x20 app.o
                0x00010000                main
 .text._ZN4long4name17h0123456789abcdefE
                0x00010020      0x100 /x/libcloudwire.a(cloudwire-1.o)
 *fill*         0x00010120        0x4 
 .text.f        0x00010124        0xc /x/libcloudwire.a(core-2.o)

.rodata         0x00010130       0x10
 .rodata.k      0x00010130       0x10 /x/libcloudwire.a(cloudwire-1.o)

.data           0x20000000        0x8 load address 0x00010140
 .data.s        0x20000000        0x8 /x/libcloudwire.a(cloudwire-1.o)

.bss            0x20000008      0x204 load address 0x00010148
 .bss.b         0x20000008      0x200 /x/libcloudwire.a(cloudwire-1.o)
 COMMON         0x20000208        0x4 app.o

.comment        0x00000000       0x33
 .comment       0x00000000       0x33 /x/libcloudwire.a(cloudwire-1.o)
";

    #[test]
    fn sections_kinds_and_files() {
        let s = parse(MAP);
        let got: Vec<(&str, u64, Kind, &str)> = s
            .iter()
            .map(|x| (x.name.as_str(), x.size, x.kind, x.file.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (".text.main", 0x20, Kind::Text, "app.o"),
                (
                    ".text._ZN4long4name17h0123456789abcdefE",
                    0x100,
                    Kind::Text,
                    "/x/libcloudwire.a(cloudwire-1.o)"
                ),
                (".text.f", 0xc, Kind::Text, "/x/libcloudwire.a(core-2.o)"),
                (
                    ".rodata.k",
                    0x10,
                    Kind::Rodata,
                    "/x/libcloudwire.a(cloudwire-1.o)"
                ),
                (
                    ".data.s",
                    0x8,
                    Kind::Data,
                    "/x/libcloudwire.a(cloudwire-1.o)"
                ),
                (
                    ".bss.b",
                    0x200,
                    Kind::Bss,
                    "/x/libcloudwire.a(cloudwire-1.o)"
                ),
                ("COMMON", 0x4, Kind::Bss, "app.o"),
            ]
        );
        assert_eq!(s[1].addr, 0x10020);
    }

    #[test]
    fn totals_per_kind() {
        let s = parse(MAP);
        let lib = s.iter().filter(|x| x.file.contains("libcloudwire.a("));
        assert_eq!(totals(lib), [0x10c, 0x10, 0x8, 0x200]);
    }
}
