// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Just enough of ELF32 little-endian (ARM) to read the symbol table and the
//! `.stack_sizes` section of a linked firmware image.

use std::collections::HashMap;

#[derive(Debug)]
pub struct Section {
    pub name: String,
    pub kind: u32,
    pub flags: u32,
    pub addr: u32,
    pub offset: u32,
    pub size: u32,
    pub link: u32,
}

#[derive(Debug, Clone)]
pub struct Symbol {
    pub name: String,
    /// Address with the Thumb bit cleared.
    pub addr: u32,
    pub size: u32,
    pub is_func: bool,
}

pub struct Elf {
    data: Vec<u8>,
    pub sections: Vec<Section>,
}

const SHT_SYMTAB: u32 = 2;
const STT_FUNC: u8 = 2;
const STT_OBJECT: u8 = 1;

fn u16_at(d: &[u8], off: usize) -> Result<u16, String> {
    d.get(off..off + 2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .ok_or_else(|| format!("ELF truncated at {off}"))
}

fn u32_at(d: &[u8], off: usize) -> Result<u32, String> {
    d.get(off..off + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or_else(|| format!("ELF truncated at {off}"))
}

fn cstr_at(d: &[u8], off: usize) -> String {
    let tail = d.get(off..).unwrap_or(&[]);
    let end = tail.iter().position(|&b| b == 0).unwrap_or(tail.len());
    String::from_utf8_lossy(&tail[..end]).into_owned()
}

impl Elf {
    pub fn read(path: &str) -> Result<Elf, String> {
        let data = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        if data.get(0..4) != Some(b"\x7fELF") || data.get(4) != Some(&1) || data.get(5) != Some(&1)
        {
            return Err(format!("{path}: not a little-endian ELF32 file"));
        }
        let shoff = u32_at(&data, 0x20)? as usize;
        let shentsize = u16_at(&data, 0x2e)? as usize;
        let shnum = u16_at(&data, 0x30)? as usize;
        let shstrndx = u16_at(&data, 0x32)? as usize;
        let mut raw = Vec::with_capacity(shnum);
        for i in 0..shnum {
            let b = shoff + i * shentsize;
            raw.push((
                u32_at(&data, b)?,
                u32_at(&data, b + 4)?,
                u32_at(&data, b + 8)?,
                u32_at(&data, b + 12)?,
                u32_at(&data, b + 16)?,
                u32_at(&data, b + 20)?,
                u32_at(&data, b + 24)?,
            ));
        }
        let strtab_off = raw
            .get(shstrndx)
            .map(|s| s.4 as usize)
            .ok_or("no section names")?;
        let sections = raw
            .iter()
            .map(|&(name, kind, flags, addr, offset, size, link)| Section {
                name: cstr_at(&data, strtab_off + name as usize),
                kind,
                flags,
                addr,
                offset,
                size,
                link,
            })
            .collect();
        Ok(Elf { data, sections })
    }

    pub fn section_data(&self, name: &str) -> Option<&[u8]> {
        let s = self.sections.iter().find(|s| s.name == name)?;
        self.data
            .get(s.offset as usize..(s.offset + s.size) as usize)
    }

    /// The 32-bit word the image holds at `addr` (in a loaded section).
    pub fn word_at(&self, addr: u32) -> Option<u32> {
        const SHF_ALLOC: u32 = 2;
        const SHT_NOBITS: u32 = 8;
        let s = self.sections.iter().find(|s| {
            s.flags & SHF_ALLOC != 0
                && s.kind != SHT_NOBITS
                && addr >= s.addr
                && addr + 4 <= s.addr + s.size
        })?;
        u32_at(&self.data, (s.offset + (addr - s.addr)) as usize).ok()
    }

    /// Every aligned word of the loaded data sections (not code): where
    /// vtables and function-pointer tables live.
    pub fn data_words(&self) -> Vec<u32> {
        const SHF_ALLOC: u32 = 2;
        const SHF_EXECINSTR: u32 = 4;
        const SHT_NOBITS: u32 = 8;
        let mut out = Vec::new();
        for s in &self.sections {
            if s.flags & SHF_ALLOC == 0 || s.flags & SHF_EXECINSTR != 0 || s.kind == SHT_NOBITS {
                continue;
            }
            let mut a = (s.addr + 3) & !3;
            while a + 4 <= s.addr + s.size {
                if let Ok(w) = u32_at(&self.data, (s.offset + (a - s.addr)) as usize) {
                    out.push(w);
                }
                a += 4;
            }
        }
        out
    }

    /// Function and object symbols with a non-zero address.
    pub fn symbols(&self) -> Result<Vec<Symbol>, String> {
        let symtab = self
            .sections
            .iter()
            .find(|s| s.kind == SHT_SYMTAB)
            .ok_or("no symbol table")?;
        let strtab = self
            .sections
            .get(symtab.link as usize)
            .ok_or("no string table")?;
        let mut out = Vec::new();
        let count = symtab.size as usize / 16;
        for i in 0..count {
            let b = symtab.offset as usize + i * 16;
            let name = u32_at(&self.data, b)? as usize;
            let value = u32_at(&self.data, b + 4)?;
            let size = u32_at(&self.data, b + 8)?;
            let info = *self.data.get(b + 12).ok_or("symtab truncated")?;
            let kind = info & 0xf;
            if (kind != STT_FUNC && kind != STT_OBJECT) || value == 0 {
                continue;
            }
            out.push(Symbol {
                name: cstr_at(&self.data, strtab.offset as usize + name),
                addr: value & !1,
                size,
                is_func: kind == STT_FUNC,
            });
        }
        Ok(out)
    }

    /// `.stack_sizes` as emitted by `-Z emit-stack-sizes`: (function address,
    /// ULEB128 frame size) pairs. Entries of functions the linker dropped
    /// point at address 0 and are skipped.
    pub fn stack_sizes(&self) -> Result<HashMap<u32, u32>, String> {
        let mut out = HashMap::new();
        let Some(d) = self.section_data(".stack_sizes") else {
            return Ok(out);
        };
        let mut i = 0;
        while i + 4 <= d.len() {
            let addr = u32_at(d, i)? & !1;
            i += 4;
            let mut value: u32 = 0;
            let mut shift = 0;
            loop {
                let byte = *d.get(i).ok_or(".stack_sizes truncated")?;
                i += 1;
                value |= u32::from(byte & 0x7f) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            if addr != 0 {
                out.insert(addr, value);
            }
        }
        Ok(out)
    }
}
