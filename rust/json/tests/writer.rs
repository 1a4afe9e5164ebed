// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

//! The writer: cJSON's string escaping, structure, overflow.

use cloudwire_json::{Overflow, Writer};

fn string(s: &[u8]) -> Vec<u8> {
    let mut buf = [0u8; 2048];
    let mut w = Writer::new(&mut buf);
    w.string(s);
    w.finish().unwrap().to_vec()
}

#[test]
fn escapes_every_byte_as_cjson() {
    // cJSON_PrintUnformatted(cJSON_CreateString(bytes 1..=255)), captured
    // from cJSON 1.7.
    let input: Vec<u8> = (1..=255u8).collect();
    let mut want = b"\"\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f\
\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f \
!\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
        .to_vec();
    want.extend(0x7f..=0xffu8);
    want.push(b'"');
    assert_eq!(string(&input), want);
}

#[test]
fn plain_strings_are_copied() {
    assert_eq!(string(b""), b"\"\"");
    assert_eq!(string(b"prod/abc/m/d/id/+/r"), b"\"prod/abc/m/d/id/+/r\"");
    assert_eq!(string("änd ✓".as_bytes()), "\"änd ✓\"".as_bytes());
}

#[test]
fn structure_adds_commas() {
    let mut buf = [0u8; 256];
    let mut w = Writer::new(&mut buf);
    w.begin_object();
    w.key(b"a").int(1);
    w.key(b"b").begin_object();
    w.key(b"c").null();
    w.end_object();
    w.key(b"d").begin_array();
    w.elem().string(b"x");
    w.elem().bool(true);
    w.elem().begin_object().end_object();
    w.end_array();
    w.key(b"e").bool(false);
    w.end_object();
    assert_eq!(
        w.finish().unwrap(),
        br#"{"a":1,"b":{"c":null},"d":["x",true,{}],"e":false}"#
    );
}

#[test]
fn empty_containers() {
    let mut buf = [0u8; 16];
    let mut w = Writer::new(&mut buf);
    w.begin_array().end_array();
    assert_eq!(w.finish().unwrap(), b"[]");
}

#[test]
fn raw_and_values_mix_without_separators() {
    let mut buf = [0u8; 64];
    let mut w = Writer::new(&mut buf);
    w.raw(b"{\"t\":")
        .string(b"q\"")
        .raw(b",\"l\":")
        .int(5)
        .raw(b"}");
    assert_eq!(w.len(), 17);
    assert_eq!(w.finish().unwrap(), br#"{"t":"q\"","l":5}"#);
}

#[test]
fn overflow_is_sticky_at_every_length() {
    let full = br#"{"appId":"TEMP","data":"a\nb","messageType":"DATA","ts":1700000000123}"#;
    for cap in 0..full.len() {
        let mut buf = vec![0u8; cap];
        let mut w = Writer::new(&mut buf);
        w.begin_object();
        w.key(b"appId").string(b"TEMP");
        w.key(b"data").string(b"a\nb");
        w.key(b"messageType").string(b"DATA");
        w.key(b"ts").int(1_700_000_000_123);
        w.end_object();
        assert!(!w.ok());
        assert_eq!(w.finish(), Err(Overflow), "cap {cap}");
    }
    let mut buf = vec![0u8; full.len()];
    let mut w = Writer::new(&mut buf);
    w.raw(full);
    assert!(w.ok());
    assert_eq!(w.finish().unwrap(), full);
}

#[test]
fn escape_overflow_inside_a_sequence() {
    // Room for the quote and half of "\u0001".
    let mut buf = [0u8; 4];
    let mut w = Writer::new(&mut buf);
    w.string(&[1]);
    assert_eq!(w.finish(), Err(Overflow));
}
