// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

//! Capturing values while validating: the same answers as chained
//! `get_ci` (cJSON_GetObjectItem) lookups.

use cloudwire_json::{parse, parse_c_str, parse_paths, Error, PathSet, Value, PATHS_MAX, PATH_MAX};

fn capture<'a>(doc: &'a [u8], paths: &[&[&[u8]]]) -> Vec<Option<&'a [u8]>> {
    let mut out = vec![None; paths.len()];
    parse_paths(doc, false, &PathSet::new(paths), &mut out).unwrap();
    out.iter().map(|v| v.map(|v| v.raw())).collect()
}

/// The same lookups done with navigation.
fn navigate<'a>(doc: &'a [u8], paths: &[&[&[u8]]]) -> Vec<Option<&'a [u8]>> {
    let root = parse(doc).unwrap();
    paths
        .iter()
        .map(|p| {
            if p.is_empty() || p.len() > PATH_MAX {
                return None;
            }
            root.path_ci(p).map(|v: Value<'_>| v.raw())
        })
        .collect()
}

const DOC: &[u8] =
    br#"{"a":{"b":{"c":1,"C":2},"b":{"c":3}},"A":{"x":0},"arr":[{"b":1}],"d":"s","e":{},"f":[],
 "n":null,"k\u0065y":true,"deep":{"1":{"2":{"3":{"4":{"5":{"6":{"7":{"8":{"9":1}}}}}}}}}}"#;

#[test]
fn same_as_chained_lookups() {
    let paths: &[&[&[u8]]] = &[
        &[b"a"],
        &[b"a", b"b"],
        &[b"A", b"B", b"c"],
        &[b"a", b"x"],
        &[b"arr"],
        &[b"arr", b"b"],
        &[b"d"],
        &[b"d", b"x"],
        &[b"e"],
        &[b"f"],
        &[b"n"],
        &[b"KEY"],
        &[b"missing"],
        &[],
        &[b"deep", b"1", b"2", b"3", b"4", b"5", b"6", b"7"],
        &[b"deep", b"1", b"2", b"3", b"4", b"5", b"6", b"7", b"8"],
    ];
    let got = capture(DOC, paths);
    assert_eq!(got, navigate(DOC, paths));
    assert_eq!(got[0], Some(&br#"{"b":{"c":1,"C":2},"b":{"c":3}}"#[..]));
    assert_eq!(got[2], Some(&b"1"[..]));
    assert_eq!(got[3], None);
    assert_eq!(got[5], None);
    assert_eq!(got[7], None);
    assert_eq!(got[9], Some(&b"[]"[..]));
    assert_eq!(got[11], Some(&b"true"[..]));
    assert_eq!(got[14], Some(&br#"{"8":{"9":1}}"#[..]));
    assert_eq!(got[15], None);
}

#[test]
fn first_match_even_if_not_an_object() {
    let doc = br#"{"p":5,"p":{"q":1},"r":{"q":2},"R":{"q":3}}"#;
    let paths: &[&[&[u8]]] = &[&[b"p", b"q"], &[b"r", b"q"], &[b"P"]];
    assert_eq!(
        capture(doc, paths),
        vec![None, Some(&b"2"[..]), Some(&b"5"[..])]
    );
    assert_eq!(capture(doc, paths), navigate(doc, paths));
}

#[test]
fn root_that_is_not_an_object() {
    let doc = br#"[{"a":1}]"#;
    assert_eq!(capture(doc, &[&[b"a"]]), vec![None]);
    assert_eq!(capture(b"\"a\"", &[&[b"a"]]), vec![None]);
}

#[test]
fn slots_of_missing_paths_are_left_alone_and_errors_reported() {
    let prior = parse(b"7").unwrap();
    let mut out = [Some(prior), None];
    parse_paths(
        br#"{"b":1}"#,
        false,
        &PathSet::new(&[&[b"a"], &[b"b"]]),
        &mut out,
    )
    .unwrap();
    assert_eq!(out[0], Some(prior));
    assert_eq!(out[1].unwrap().raw(), b"1");
    let mut out = [None];
    assert_eq!(
        parse_paths(br#"{"a":1,}"#, false, &PathSet::new(&[&[b"a"]]), &mut out),
        Err(Error::Syntax)
    );
    // Fewer slots than paths: the rest are not stored.
    let mut out = [None];
    parse_paths(
        br#"{"a":1,"b":2}"#,
        false,
        &PathSet::new(&[&[b"a"], &[b"b"]]),
        &mut out,
    )
    .unwrap();
    assert_eq!(out[0].unwrap().raw(), b"1");
}

#[test]
fn c_string_documents() {
    let mut out = [None];
    let set = PathSet::new(&[&[b"a"]]);
    let v = parse_paths(b"{\"a\":2} \0junk", true, &set, &mut out).unwrap();
    assert_eq!(v.raw(), b"{\"a\":2}");
    assert_eq!(out[0].unwrap().raw(), b"2");
    assert!(parse_paths(b"{\"a\":2} \0junk", false, &set, &mut out).is_err());
    assert!(parse_c_str(b"{\"a\":\"x\0y\"}").is_err());
    assert!(parse_c_str(b"\0{}").is_err());
}

#[test]
fn many_paths() {
    let names: Vec<String> = (0..40).map(|n| format!("k{n}")).collect();
    let doc = format!(
        "{{{}}}",
        names
            .iter()
            .enumerate()
            .map(|(n, k)| format!("\"{k}\":{n}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let keys: Vec<&[u8]> = names.iter().map(|n| n.as_bytes()).collect();
    let paths: Vec<&[&[u8]]> = keys.iter().map(std::slice::from_ref).collect();
    let got = capture(doc.as_bytes(), &paths);
    for (n, g) in got.iter().enumerate() {
        if n < PATHS_MAX {
            assert_eq!(*g, Some(n.to_string().as_bytes()));
        } else {
            assert_eq!(*g, None);
        }
    }
}

#[test]
fn mutated_documents_agree_with_navigation() {
    let paths: &[&[&[u8]]] = &[
        &[b"a"],
        &[b"a", b"b"],
        &[b"a", b"b", b"c"],
        &[b"arr"],
        &[b"d"],
        &[b"k\\u0065y"],
        &[b"KEY"],
        &[b"deep", b"1", b"2"],
    ];
    let mut seed = 7u64;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut doc = DOC.to_vec();
        let i = (seed % doc.len() as u64) as usize;
        match (seed >> 40) % 3 {
            0 => {
                doc.remove(i);
            }
            1 => doc.insert(i, b"{}[],:\"ab"[(seed >> 20) as usize % 9]),
            _ => doc[i] = b"{}[],:\"ab"[(seed >> 20) as usize % 9],
        }
        let mut out = vec![None; paths.len()];
        match parse_paths(&doc, false, &PathSet::new(paths), &mut out) {
            Ok(_) => {
                let got: Vec<_> = out.iter().map(|v| v.map(|v| v.raw())).collect();
                assert_eq!(
                    got,
                    navigate(&doc, paths),
                    "{}",
                    String::from_utf8_lossy(&doc)
                );
            }
            Err(e) => assert_eq!(parse(&doc), Err(e)),
        }
    }
}

#[test]
fn shared_and_interleaved_names() {
    let doc = br#"{"a":{"x":1,"y":2,"z":{"x":3}},"b":{"x":4,"y":5},"c":6}"#;
    let paths: &[&[&[u8]]] = &[
        &[b"a", b"x"],
        &[b"b", b"x"],
        &[b"a", b"y"],
        &[b"a", b"x"],
        &[b"a", b"z", b"x"],
        &[b"b"],
        &[b"b", b"y"],
        &[b"c"],
        &[b"a", b"z"],
        &[b"c", b"x"],
    ];
    let got = capture(doc, paths);
    assert_eq!(got, navigate(doc, paths));
    let want: Vec<Option<&[u8]>> = vec![
        Some(b"1"),
        Some(b"4"),
        Some(b"2"),
        Some(b"1"),
        Some(b"3"),
        Some(br#"{"x":4,"y":5}"#),
        Some(b"5"),
        Some(b"6"),
        Some(br#"{"x":3}"#),
        None,
    ];
    assert_eq!(got, want);
}

#[test]
fn whitespace_does_not_change_what_is_captured() {
    let paths: &[&[&[u8]]] = &[&[b"a"], &[b"a", b"b"], &[b"e"], &[b"s"], &[b"n"]];
    let compact = br#"{"a":{"b":[1,2]},"e":{},"s":"x","n":-1.5e3}"#;
    let spaced = b" {\n \"a\" : { \"b\" :[ 1 ,2 ] } ,\"e\":{ } , \"s\" :\"x\", \"n\"\t:\t-1.5e3 } ";
    assert_eq!(
        capture(compact, paths),
        vec![
            Some(&br#"{"b":[1,2]}"#[..]),
            Some(b"[1,2]"),
            Some(b"{}"),
            Some(b"\"x\""),
            Some(b"-1.5e3"),
        ]
    );
    assert_eq!(
        capture(spaced, paths),
        vec![
            Some(&br#"{ "b" :[ 1 ,2 ] }"#[..]),
            Some(b"[ 1 ,2 ]"),
            Some(b"{ }"),
            Some(b"\"x\""),
            Some(b"-1.5e3"),
        ]
    );
    assert_eq!(capture(spaced, paths), navigate(spaced, paths));
}

#[test]
fn escaped_names_compare_unescaped_up_to_64_bytes() {
    // As cJSON: a name with escapes matches on its unescaped text; like
    // `get_ci`, texts longer than 64 bytes are not compared.
    let long = "k".repeat(63);
    let longer = "k".repeat(64);
    let doc = format!(r#"{{"{long}\u0041":1,"{longer}\u0041":2,"\u0041\u0062":3,"ab":4}}"#);
    let a = format!("{long}a");
    let b = format!("{longer}a");
    let paths: &[&[&[u8]]] = &[&[a.as_bytes()], &[b.as_bytes()], &[b"AB"]];
    let got = capture(doc.as_bytes(), paths);
    assert_eq!(got, vec![Some(&b"1"[..]), None, Some(b"3")]);
    assert_eq!(got, navigate(doc.as_bytes(), paths));
}
