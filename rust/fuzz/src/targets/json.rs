// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The JSON scanner and writer: never panic; captured paths agree with
//! navigation; strings survive a write/parse round trip.

use cloudwire_json::{parse, parse_paths, parse_paths_escapes, PathSet, Writer};

const PATHS: [&[&[u8]]; 6] = [
    &[b"desired"],
    &[b"desired", b"pairing"],
    &[b"desired", b"pairing", b"state"],
    &[b"state", b"control", b"logLvl"],
    &[b"a"],
    &[b"A", b"b"],
];

/// Input: any bytes, scanned as a JSON document and written as a string.
pub fn json(data: &[u8]) {
    let mut out = [None; 6];
    match parse_paths(data, false, &PathSet::new(&PATHS), &mut out) {
        Ok(root) => {
            assert_eq!(parse(data), Ok(root));
            for (p, got) in PATHS.iter().zip(out) {
                assert_eq!(got, root.path_ci(p));
            }
            // The escape mask says exactly which captured strings have escapes.
            let mut again = [None; 6];
            let (root2, mask) = parse_paths_escapes(data, false, &PathSet::new(&PATHS), &mut again)
                .expect("parses as parse_paths did");
            assert_eq!((root2, again), (root, out));
            for (i, v) in out.iter().enumerate() {
                let escaped = v.and_then(|v| v.as_str()).is_some_and(|s| s.has_escapes());
                assert_eq!(mask & (1 << i) != 0, escaped, "mask bit {i}");
            }
            // Walk everything once.
            let mut stack = vec![root];
            while let Some(v) = stack.pop() {
                let _ = (v.as_bool(), v.as_int_trunc(), v.is_null(), v.has_children());
                assert_eq!(v.member_count(), v.members().count() + v.elements().count());
                if let Some(s) = v.as_str() {
                    let mut tmp = [0u8; 64];
                    let _ = s.unescape_into(&mut tmp);
                    assert!(s.unescaped_len() <= s.raw().len());
                }
                for (k, m) in v.members() {
                    let _ = k.equals_ignore_ascii_case(b"control");
                    stack.push(m);
                }
                stack.extend(v.elements());
            }
        }
        Err(e) => assert_eq!(parse(data), Err(e)),
    }

    // Any bytes written as a string read back unchanged.
    let mut buf = vec![0u8; data.len() * 6 + 2];
    let mut w = Writer::new(&mut buf);
    w.string(data);
    let text = w.finish().expect("fits");
    let v = parse(text).expect("valid string");
    let s = v.as_str().expect("a string");
    let mut back = vec![0u8; data.len()];
    assert_eq!(s.unescape_into(&mut back).expect("fits"), data);
    assert!(s.equals(data) || data.len() > 64);
}
