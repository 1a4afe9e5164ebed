// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

//! `parse_paths_escapes`: which captured strings have escapes, and strings
//! read with that knowledge.

use cloudwire_json::{parse, parse_paths, parse_paths_escapes, PathSet, Str, Value};

const DOC: &[u8] = br#"{"a":"plain","b":"e\u0073c","c\u0064":"x\\y","d":{"e":"p","f":"\"q\""},
 "n":1,"o":{},"dup":"p","dup":"\n","K\u0065Y":"\t","arr":["\n"],"s":"\/"}"#;

const PATHS: &[&[&[u8]]] = &[
    &[b"a"],
    &[b"b"],
    &[b"cd"],
    &[b"d", b"e"],
    &[b"d", b"f"],
    &[b"n"],
    &[b"o"],
    &[b"dup"],
    &[b"key"],
    &[b"arr"],
    &[b"missing"],
    &[b"d"],
    &[b"s"],
];

fn capture<'a>(doc: &'a [u8], paths: &[&[&[u8]]]) -> (Vec<Option<Value<'a>>>, u32) {
    let mut out = vec![None; paths.len()];
    let (_, mask) = parse_paths_escapes(doc, false, &PathSet::new(paths), &mut out).unwrap();
    (out, mask)
}

#[test]
fn mask_marks_the_captured_strings_with_escapes() {
    let (out, mask) = capture(DOC, PATHS);
    // b, cd (name and value escaped), d.f, key (escaped name, escaped
    // value), s; not: plain strings, numbers, containers holding escaped
    // strings, the second "dup" (only the first counts), missing paths.
    assert_eq!(mask, 1 << 1 | 1 << 2 | 1 << 4 | 1 << 8 | 1 << 12);
    assert_eq!(out[7].unwrap().raw(), br#""p""#);
    assert_eq!(out[8].unwrap().raw(), br#""\t""#);
    assert_eq!(out[10], None);
}

#[test]
fn same_values_and_root_as_parse_paths() {
    let mut plain = vec![None; PATHS.len()];
    let root = parse_paths(DOC, false, &PathSet::new(PATHS), &mut plain).unwrap();
    let mut out = vec![None; PATHS.len()];
    let (root2, _) = parse_paths_escapes(DOC, false, &PathSet::new(PATHS), &mut out).unwrap();
    assert_eq!(root, root2);
    assert_eq!(out, plain);
    assert_eq!(
        parse_paths_escapes(b"{\"a\":\"\\x\"}", false, &PathSet::new(PATHS), &mut out),
        Err(cloudwire_json::Error::Syntax)
    );
}

#[test]
fn slots_left_alone_have_no_bit() {
    let (_, found) = capture(DOC, &[&[b"b"]]);
    assert_eq!(found, 1);
    // A slot filled before and not found now keeps its value; the mask
    // only speaks for what this parse stored.
    let before = parse(br#""\n""#).unwrap();
    let mut out = [Some(before), None];
    let (_, mask) =
        parse_paths_escapes(DOC, false, &PathSet::new(&[&[b"none"], &[b"a"]]), &mut out).unwrap();
    assert_eq!(mask, 0);
    assert_eq!(out[0], Some(before));
}

#[test]
fn a_string_with_its_bit_reads_as_one_read_from_the_value() {
    let (out, mask) = capture(DOC, PATHS);
    for (n, v) in out.iter().enumerate() {
        let known = v.and_then(|v| v.as_str_escaped(mask >> n & 1 != 0));
        let looked = v.and_then(|v| v.as_str());
        assert_eq!(known.is_some(), looked.is_some(), "slot {n}");
        if let (Some(k), Some(l)) = (known, looked) {
            assert_same_text(k, l);
        }
    }
}

fn assert_same_text(known: Str<'_>, looked: Str<'_>) {
    assert_eq!(known.has_escapes(), looked.has_escapes());
    assert_eq!(known.unescaped_len(), looked.unescaped_len());
    let (mut a, mut b) = ([0u8; 128], [0u8; 128]);
    let text = looked.unescape_into(&mut b).unwrap();
    assert_eq!(known.unescape_into(&mut a).unwrap(), text);
    assert!(known.equals(text));
    assert!(known.equals_ignore_ascii_case(&text.to_ascii_uppercase()));
    for k in 0..=text.len() {
        assert!(known.starts_with(&text[..k]));
    }
    let mut longer = text.to_vec();
    longer.push(b'!');
    assert!(!known.equals(&longer) && !known.starts_with(&longer));
}

#[test]
fn as_str_escaped_takes_the_callers_word() {
    let v = parse(br#""a\/b""#).unwrap();
    // Known to have escapes: unescaped.
    let s = v.as_str_escaped(true).unwrap();
    assert!(s.has_escapes() && s.equals(b"a/b"));
    // Said to have none: the raw bytes are the text.
    let s = v.as_str_escaped(false).unwrap();
    assert!(!s.has_escapes() && s.equals(br"a\/b"));
    assert_eq!(s.unescaped_len(), 4);
    assert!(parse(b"1").unwrap().as_str_escaped(false).is_none());
    assert!(parse(b"{}").unwrap().as_str_escaped(true).is_none());
}

#[test]
fn starts_with_looks_at_64_unescaped_bytes_of_an_escaped_string() {
    let long = "p".repeat(70);
    let plain = format!("\"{long}\"");
    let escaped = format!("\"{long}\\n\"");
    let needle = long.as_bytes();
    assert!(parse(plain.as_bytes())
        .unwrap()
        .as_str()
        .unwrap()
        .starts_with(needle));
    let s = parse(escaped.as_bytes()).unwrap().as_str().unwrap();
    assert!(s.starts_with(&needle[..64]));
    assert!(!s.starts_with(&needle[..65]));
}

#[test]
fn mask_agrees_with_looking_on_mutated_documents() {
    let mut seed = 11u64;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut doc = DOC.to_vec();
        let i = (seed % doc.len() as u64) as usize;
        let b = b"{}[],:\"\\nu0"[(seed >> 20) as usize % 11];
        match (seed >> 40) % 3 {
            0 => {
                doc.remove(i);
            }
            1 => doc.insert(i, b),
            _ => doc[i] = b,
        }
        let mut out = vec![None; PATHS.len()];
        let Ok((_, mask)) = parse_paths_escapes(&doc, false, &PathSet::new(PATHS), &mut out) else {
            continue;
        };
        for (n, v) in out.iter().enumerate() {
            let escaped = v.and_then(|v| v.as_str()).is_some_and(|s| s.has_escapes());
            assert_eq!(
                mask >> n & 1 != 0,
                escaped,
                "slot {n}: {}",
                String::from_utf8_lossy(&doc)
            );
        }
    }
}
