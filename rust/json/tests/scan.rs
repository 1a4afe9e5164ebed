// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

//! Validation and navigation.

use cloudwire_json::{parse, Error, Kind, MAX_DEPTH};

#[test]
fn accepts_valid_documents() {
    let docs: &[&[u8]] = &[
        b"{}",
        b"[]",
        b" \t\r\n{ } \n",
        b"\xef\xbb\xbf{}",
        b"0",
        b"-0",
        b"-0.5e-3",
        b"12E+9",
        b"1.25",
        b"true",
        b"false",
        b"null",
        br#""""#,
        br#""a\"\\\/\b\f\n\r\t\u00e4\uD83D\uDE00z""#,
        br#"{"a":[1,{"b":null},[],{}],"c":"d"}"#,
        br#"[1 , 2 ,3]"#,
        b"{\"\xc3\xa4\":\"\xff\"}",
    ];
    for d in docs {
        assert!(parse(d).is_ok(), "{:?}", String::from_utf8_lossy(d));
    }
}

#[test]
fn rejects_malformed_documents() {
    let docs: &[&[u8]] = &[
        b"",
        b"   ",
        b"{",
        b"}",
        b"[",
        b"[1,]",
        b"[,1]",
        b"{,}",
        br#"{"a"}"#,
        br#"{"a":}"#,
        br#"{"a":1,}"#,
        br#"{"a" 1}"#,
        br#"{a:1}"#,
        br#"{"a":1]"#,
        br#"[1}"#,
        b"01",
        b"1.",
        b".5",
        b"+1",
        b"1e",
        b"1e+",
        b"-",
        b"--1",
        b"tru",
        b"truex",
        b"nul",
        b"True",
        br#""abc"#,
        b"\"a\x01b\"",
        b"\"a\nb\"",
        br#""\x""#,
        br#""\u12G4""#,
        br#""\u123""#,
        br#""\uDE00""#,
        br#""\uD83D""#,
        br#""\uD83Dx""#,
        br#""\uD83D\u0041""#,
        b"{} {}",
        b"{}x",
        b"1 2",
        b"{\"a\":1}\0",
        b"\0",
        b"[1]]",
    ];
    for d in docs {
        assert_eq!(
            parse(d),
            Err(Error::Syntax),
            "{:?}",
            String::from_utf8_lossy(d)
        );
    }
}

#[test]
fn depth_is_bounded() {
    let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
    assert!(parse(ok.as_bytes()).is_ok());
    let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
    assert_eq!(parse(deep.as_bytes()), Err(Error::Depth));
    let mixed = "{\"a\":".repeat(MAX_DEPTH + 1) + "1" + &"}".repeat(MAX_DEPTH + 1);
    assert_eq!(parse(mixed.as_bytes()), Err(Error::Depth));
    // Far deeper than the limit is rejected without recursion.
    let huge = "[".repeat(100_000);
    assert_eq!(parse(huge.as_bytes()), Err(Error::Depth));
}

#[test]
fn every_truncation_of_a_shadow_is_rejected() {
    let doc = br#"{"desired":{"pairing":{"state":"paired","topics":{"d2c":"a/d2c","c2d":"a/c2d"}},"nrfcloud_mqtt_topic_prefix":"prod/t/","control":{"alertsEn":true,"logLvl":3.5e0}},"reported":[1,-2.5E+3,null,false]}"#;
    assert!(parse(doc).is_ok());
    for n in 0..doc.len() {
        assert!(parse(&doc[..n]).is_err(), "prefix {n}");
    }
}

#[test]
fn navigation() {
    let doc = br#" {"Desired":{"pairing":{"state":"not_associated"},"x":[1,"]",{"y":"}"}]},
        "desired":{"n":-12.9},"e":{}, "s":"a\"b", "t":true, "f":false, "z":null} "#;
    let root = parse(doc).unwrap();
    assert_eq!(root.kind(), Kind::Object);
    // Case-sensitive and cJSON-style lookups pick different members.
    assert_eq!(root.get(b"desired").unwrap().raw(), br#"{"n":-12.9}"#);
    let d = root.get_ci(b"DESIRED").unwrap();
    assert!(d.raw().starts_with(br#"{"pairing""#));
    let st = root.path_ci(&[b"desired", b"pairing", b"state"]).unwrap();
    assert!(st.as_str().unwrap().equals(b"not_associated"));
    assert!(st.as_str().unwrap().starts_with(b"not_"));
    let x = d.get(b"x").unwrap();
    assert_eq!(x.kind(), Kind::Array);
    let el: Vec<_> = x.elements().map(|v| v.raw()).collect();
    assert_eq!(el, vec![&b"1"[..], br#""]""#, br#"{"y":"}"}"#]);
    assert_eq!(
        root.get(b"desired")
            .unwrap()
            .get(b"n")
            .unwrap()
            .as_int_trunc(),
        Some(-12)
    );
    assert!(!root.get(b"e").unwrap().has_children());
    assert!(root.get(b"desired").unwrap().has_children());
    assert_eq!(root.get(b"s").unwrap().as_str().unwrap().raw(), br#"a\"b"#);
    assert_eq!(root.get(b"t").unwrap().as_bool(), Some(true));
    assert_eq!(root.get(b"f").unwrap().as_bool(), Some(false));
    assert!(root.get(b"z").unwrap().is_null());
    assert_eq!(root.get(b"z").unwrap().as_bool(), None);
    assert!(root.get(b"missing").is_none());
    assert!(root.get(b"t").unwrap().get(b"x").is_none());
    assert_eq!(root.members().count(), 7);
    assert_eq!(root.member_count(), 7);
    let keys: Vec<_> = root.members().map(|(k, _)| k.raw()).collect();
    assert_eq!(keys[0], b"Desired");
    assert_eq!(keys[6], b"z");
}

#[test]
fn escaped_keys_and_values() {
    let doc = br#"{"con\u0074rol":{"a\/b":"x\u00e4\ud83d\ude00\n"}}"#;
    let root = parse(doc).unwrap();
    let c = root.get_ci(b"CONTROL").unwrap();
    let v = c.get(b"a/b").unwrap().as_str().unwrap();
    assert!(v.has_escapes());
    let want = "xä😀\n".as_bytes();
    assert_eq!(v.unescaped_len(), want.len());
    let mut out = [0u8; 16];
    assert_eq!(v.unescape_into(&mut out).unwrap(), want);
    let mut small = [0u8; 3];
    assert!(v.unescape_into(&mut small).is_err());
    assert!(v.equals(want));
    assert!(!v.equals(&want[..want.len() - 1]));
    assert!(v.starts_with(b"x\xc3\xa4"));
    assert!(!v.starts_with(b"y"));
    assert!(!v.equals(b"x\xc3\xa4\xf0\x9f\x98\x80\n!"));
}

#[test]
fn strings_read_from_values_look_for_escapes_when_asked() {
    let doc = br#"{"plain":"paired_x","esc":"p\u0061ired","bs":"a\\b","k":"plain"}"#;
    let root = parse(doc).unwrap();
    let plain = root.get(b"plain").unwrap().as_str().unwrap();
    assert!(!plain.has_escapes());
    assert!(plain.starts_with(b"paired"));
    assert!(!plain.starts_with(b"paired_xy"));
    let esc = root.get(b"esc").unwrap().as_str().unwrap();
    assert!(esc.has_escapes());
    assert!(esc.starts_with(b"paired"));
    assert!(esc.equals(b"paired"));
    // Raw bytes `a\\b`: the text is `a\b`.
    let bs = root.get(b"bs").unwrap().as_str().unwrap();
    assert!(bs.starts_with(b"a\\"));
    assert!(!bs.starts_with(b"a\\\\"));
    assert_eq!(bs.unescaped_len(), 3);
    // A member name (escapes known) and a value (not looked for yet) with
    // the same bytes are equal.
    let (name, _) = root.members().next().unwrap();
    assert_eq!(root.get(b"k").unwrap().as_str().unwrap(), name);
}

#[test]
fn int_truncation_as_c_cast_of_double() {
    let cases: &[(&[u8], i64)] = &[
        (b"0", 0),
        (b"-0", 0),
        (b"4", 4),
        (b"4.99", 4),
        (b"-0.5", 0),
        (b"-3.7", -3),
        (b"1e0", 1),
        (b"0.4e1", 4),
        (b"40e-1", 4),
        (b"41E-1", 4),
        (b"5e-1", 0),
        (b"12.5e2", 1250),
        (b"1e3", 1000),
        (b"1e400", i64::MAX),
        (b"-1e400", -i64::MAX),
        (b"0e99999", 0),
        (b"123456789012345678901234567890", i64::MAX),
    ];
    for &(raw, want) in cases {
        let v = parse(raw).unwrap();
        assert_eq!(
            v.as_int_trunc(),
            Some(want),
            "{:?}",
            String::from_utf8_lossy(raw)
        );
    }
    assert_eq!(parse(b"\"1\"").unwrap().as_int_trunc(), None);
    assert_eq!(parse(b"true").unwrap().as_int_trunc(), None);
}

#[test]
fn kinds() {
    for (d, k) in [
        (&b"{}"[..], Kind::Object),
        (b"[]", Kind::Array),
        (b"\"\"", Kind::String),
        (b"-1", Kind::Number),
        (b"true", Kind::Bool),
        (b"false", Kind::Bool),
        (b"null", Kind::Null),
    ] {
        assert_eq!(parse(d).unwrap().kind(), k);
    }
    assert!(parse(b"1").unwrap().as_str().is_none());
    assert_eq!(parse(b"[1]").unwrap().members().count(), 0);
    assert_eq!(parse(b"{}").unwrap().elements().count(), 0);
}

#[test]
fn member_count_counts_the_top_level_only() {
    for (d, n) in [
        (&b"{}"[..], 0),
        (b"{ \n}", 0),
        (b"[ ]", 0),
        (b"1", 0),
        (br#""a,b""#, 0),
        (br#"{"a":1}"#, 1),
        (br#"{ "a" : [1,2,{"b":3,"c":4}] , "d,\"e" : "f,g" }"#, 2),
        (br#"[1,[2,3],{"x":[4,5]},"6,7"]"#, 4),
    ] {
        assert_eq!(
            parse(d).unwrap().member_count(),
            n,
            "{}",
            String::from_utf8_lossy(d)
        );
    }
}

#[test]
fn whitespace_between_any_tokens() {
    // Compact JSON takes other paths through the scanner than JSON with
    // whitespace: every token boundary, with and without.
    let tokens: &[&str] = &[
        "{",
        r#""a""#,
        ":",
        "[",
        "1",
        ",",
        "{",
        "}",
        ",",
        "[",
        "]",
        ",",
        r#""x\"y""#,
        "]",
        ",",
        r#""b""#,
        ":",
        "{",
        r#""c""#,
        ":",
        "true",
        ",",
        r#""d""#,
        ":",
        "null",
        "}",
        "}",
    ];
    let compact: String = tokens.concat();
    let want = parse(compact.as_bytes()).unwrap();
    assert_eq!(want.raw(), compact.as_bytes());
    for gap in 0..tokens.len() + 1 {
        for ws in [" ", "\n", "\t\r\n ", "  "] {
            let mut doc = String::new();
            for (i, t) in tokens.iter().enumerate() {
                if i == gap {
                    doc.push_str(ws);
                }
                doc.push_str(t);
            }
            if gap == tokens.len() {
                doc.push_str(ws);
            }
            let v = parse(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc:?}: {e:?}"));
            assert_eq!(v.get(b"b").unwrap().get(b"c").unwrap().raw(), b"true");
            assert_eq!(v.get(b"a").unwrap().member_count(), 4, "{doc:?}");
        }
    }
}

#[test]
fn separators_out_of_place_are_rejected_with_or_without_whitespace() {
    for doc in [
        "{\"a\" 1}",
        "{\"a\" , 1}",
        "{\"a\":1 :2}",
        "{\"a\":1 , }",
        "{\"a\":1,}",
        "{ , }",
        "[1 , ]",
        "[ , 1]",
        "[1 2]",
        "[1 : 2]",
        "{\"a\" : }",
        "{\"a\":1 ]",
        "[1 }",
        "{ \"a\" : 1 } ,",
        "[ ] ]",
        "{ } }",
        "[\t]\n]",
        "{\"a\":[1,] }",
        "{ \"a\"\n:\n1 ,\n\"b\" }",
    ] {
        assert_eq!(parse(doc.as_bytes()), Err(Error::Syntax), "{doc:?}");
    }
}

#[test]
fn literals_must_be_whole() {
    for doc in [
        "t", "tr", "tru", "truE", "f", "fals", "falsy", "n", "nul", "nulL", "[nul]", "[true1]",
    ] {
        assert_eq!(parse(doc.as_bytes()), Err(Error::Syntax), "{doc:?}");
    }
    for doc in [
        "[true,false,null]",
        "[ true , false , null ]",
        "{\"t\":true}",
    ] {
        assert!(parse(doc.as_bytes()).is_ok(), "{doc:?}");
    }
}

#[test]
fn surrogates_must_pair() {
    for (doc, ok) in [
        (r#""\uD800\uDC00""#, true),
        (r#""\udbff\udfff""#, true),
        (r#""x\uD83D\uDE00y""#, true),
        (r#""\uD800\uD800""#, false),
        (r#""\uD800\u0041""#, false),
        (r#""\uD800\n""#, false),
        (r#""\uD800""#, false),
        (r#""\uD800\uDC0""#, false),
        (r#""\uDFFF""#, false),
        (r#""\uDBFF\uE000""#, false),
        (r#""\u00""#, false),
        (r#""\u""#, false),
        (r#""\"#, false),
    ] {
        assert_eq!(parse(doc.as_bytes()).is_ok(), ok, "{doc:?}");
    }
}

#[test]
fn escapes_found_at_every_position_and_length() {
    // Word-at-a-time tests have edges at word boundaries: a `\n` at every
    // position of strings of every length up to a few words.
    for len in 0..40 {
        let plain: String = (0..len)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let doc = format!("\"{plain}\"");
        let s = parse(doc.as_bytes()).unwrap().as_str().unwrap();
        assert!(!s.has_escapes(), "{doc}");
        assert_eq!(s.unescaped_len(), len);
        let mut out = [0u8; 64];
        assert_eq!(s.unescape_into(&mut out).unwrap(), plain.as_bytes());
        for at in 0..=len {
            let doc = format!("\"{}\\n{}\"", &plain[..at], &plain[at..]);
            let s = parse(doc.as_bytes()).unwrap().as_str().unwrap();
            assert!(s.has_escapes(), "{doc}");
            let want = format!("{}\n{}", &plain[..at], &plain[at..]);
            assert_eq!(s.unescaped_len(), want.len());
            assert_eq!(s.unescape_into(&mut out).unwrap(), want.as_bytes());
            assert!(s.equals(want.as_bytes()));
            // Too small a buffer: as much as fits, and not whole.
            let (part, whole) = s.unescape_prefix(&mut out[..len]);
            assert!(!whole);
            assert_eq!(part, &want.as_bytes()[..len]);
        }
    }
}
