// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

//! Bad network input in every state: malformed, truncated, oversized and
//! random documents never panic and leave the core usable.

mod common;

use cloudwire_nrf_cloud::{EventType as E, Settings, State};
use common::*;

/// A device in each state that receives shadow documents or data.
fn devices() -> Vec<Dev> {
    let mut out = Vec::new();
    let mut d = Dev::new(Settings::DEFAULT);
    out.push(Dev::new(Settings::DEFAULT)); // Initialized
    d.core.connect_started().unwrap();
    d.connack(0, false);
    out.push(clone(&d, |_| {})); // CcConnecting
    out.push(clone(&d, |d| d.suback(100, true))); // CloudStateRequested
    out.push(clone(&d, |d| {
        d.suback(100, true);
        d.publish(&t("/shadow/get/accepted/trim"), &accepted_not_associated());
    })); // UaPinWait
    out.push(clone(&d, |d| {
        d.suback(100, true);
        d.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(C2D));
    })); // UaPinComplete
    out.push(clone(&d, |d| {
        d.suback(100, true);
        d.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(C2D));
        d.puback(301);
    })); // DcConnecting
    out.push(Dev::ready(Settings::DEFAULT));
    out.push(Dev::ready(Settings {
        shadow_transforms: true,
        ..Settings::DEFAULT
    }));
    for d in &mut out {
        d.take();
        d.io.take_logs();
    }
    out
}

/// Replays the recorded steps on a fresh device (cores are not Clone on
/// purpose; the steps are deterministic).
fn clone(_: &Dev, steps: impl Fn(&mut Dev)) -> Dev {
    let mut d = Dev::new(Settings::DEFAULT);
    d.core.connect_started().unwrap();
    d.connack(0, false);
    steps(&mut d);
    d
}

fn topics() -> Vec<String> {
    vec![
        t("/shadow/get/accepted/trim"),
        t("/shadow/update/delta/full"),
        t("/shadow/get/accepted/tf"),
        t("/shadow/get/rejected"),
        format!("{}/c2d/r", &C2D[..C2D.len() - 4]),
        String::new(),
        "/".repeat(300),
    ]
}

fn documents() -> Vec<String> {
    vec![
        accepted_associated(C2D_OLD),
        accepted_not_associated(),
        delta_associated(C2D),
        r#"{"version":1,"timestamp":2,"state":{"control":{"alertsEn":true,"logLvl":2},"x":[1,{"y":null}]}}"#.to_string(),
        r#"{"appId":"DEVICE","messageType":"DISCON"}"#.to_string(),
        r#"{"err":1,"position":2,"message":"m"}"#.to_string(),
    ]
}

#[test]
fn truncated_documents_in_every_state() {
    for mut d in devices() {
        let before = d.state();
        for topic in topics() {
            for doc in documents() {
                for n in 0..doc.len() {
                    d.publish(&topic, &doc[..n]);
                    // A proper prefix of an object is never a document;
                    // only data-channel traffic passes it on.
                    let ops = d.take();
                    for o in &ops {
                        match o {
                            Op::Event(Ev {
                                kind: E::RxDataGeneral,
                                ..
                            }) => assert_eq!(before, State::DcConnected),
                            other => panic!("{before:?} {topic} {n}: {other:?}"),
                        }
                    }
                    assert_eq!(d.state(), before);
                }
            }
        }
    }
}

#[test]
fn malformed_json_of_every_kind() {
    let bad = [
        "",
        " ",
        "{",
        "}",
        "[",
        "{\"desired\":",
        "{\"desired\":{}",
        "{\"desired\":{}}}",
        "{'desired':{}}",
        "{desired:{}}",
        "{\"desired\":{},}",
        "{\"desired\" {}}",
        "{\"desired\":{\"a\":01}}",
        "{\"desired\":{\"a\":1.}}",
        "{\"desired\":{\"a\":+1}}",
        "{\"desired\":{\"a\":\"\\x\"}}",
        "{\"desired\":{\"a\":\"\\ud800\"}}",
        "{\"desired\":{\"a\":\"\u{1}\"}}",
        "{\"desired\":{\"a\":tru}}",
        "{\"desired\":{\"a\":nul}}",
        "{\"desired\":{}} x",
        "{\"desired\":[}]}",
        "\"desired\"",
        "nullx",
    ];
    for mut d in devices() {
        let before = d.state();
        let receiving = before >= State::CcConnected;
        for doc in bad {
            for topic in [
                t("/shadow/get/accepted/trim"),
                t("/shadow/update/delta/full"),
            ] {
                d.publish(&topic, doc);
                assert_eq!(d.take(), vec![], "{before:?} {doc}");
                assert_eq!(d.state(), before);
                let logs = d.io.take_logs();
                // Logged: invalid JSON as an error, a valid but useless
                // document at debug level.
                assert_eq!(logs.len(), usize::from(receiving), "{doc}");
            }
        }
    }
}

#[test]
fn deep_nesting_is_rejected_without_stack_growth() {
    let mut d = Dev::ready(Settings::DEFAULT);
    let deep = format!(
        "{{\"desired\":{}{}}}",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    d.publish(&t("/shadow/get/accepted/trim"), &deep);
    assert_eq!(d.take(), vec![]);
    assert_eq!(d.io.take_logs()[0].0, 1);
}

#[test]
fn huge_topics_and_payloads() {
    for mut d in devices() {
        let before = d.state();
        let topic = "t".repeat(100_000);
        d.publish(&topic, "{}");
        let payload = format!(
            r#"{{"desired":{{"pairing":{{"state":"paired","topics":{{"d2c":"{0}","c2d":"{0}"}}}},"nrfcloud_mqtt_topic_prefix":"{0}"}}}}"#,
            "p".repeat(100_000)
        );
        d.publish(&t("/shadow/get/accepted/trim"), &payload);
        assert_eq!(d.state(), before);
        // Still works afterwards.
        if before == State::DcConnected {
            d.take();
            d.core.send(&mut d.io, 2, b"ok", 0, 0).unwrap();
            assert_eq!(d.take().len(), 1);
        }
    }
}

/// Small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn mutated_documents_in_every_state() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let docs = documents();
    let topics = topics();
    for mut d in devices() {
        for _ in 0..3000 {
            let mut doc = docs[rng.below(docs.len())].clone().into_bytes();
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(doc.len());
                match rng.below(3) {
                    0 => doc[i] = rng.next() as u8,
                    1 => {
                        doc.remove(i);
                    }
                    _ => doc.insert(i, b"{}[]\",:\\0eE-"[rng.below(12)]),
                }
            }
            let topic = &topics[rng.below(topics.len())];
            d.publish_bytes(topic.as_bytes(), &doc);
            // Every operation keeps the core consistent.
            if d.state() == State::Initialized {
                break;
            }
        }
        d.take();
    }
}

#[test]
fn random_event_sequences() {
    let mut rng = Rng(42);
    for round in 0..200 {
        let mut d = Dev::new(Settings {
            shadow_transforms: round % 2 == 0,
            ..Settings::DEFAULT
        });
        let docs = documents();
        let topics = topics();
        for _ in 0..200 {
            match rng.below(10) {
                0 => {
                    let _ = d.core.connect_started();
                }
                1 => d.connack(rng.below(7) as u8, rng.below(2) == 0),
                2 => d.suback([100, 101, 103][rng.below(3)], rng.below(4) != 0),
                3 => d.puback([200, 300, 301, 1000, 10000][rng.below(5)]),
                4 => d.disconnected(cloudwire_nrf_cloud::DisconnectStatus::Misc),
                5 => {
                    let _ = d.core.disconnect(&mut d.io);
                }
                6 => {
                    let _ =
                        d.core
                            .send(&mut d.io, rng.below(6) as u32, b"x", rng.below(3) as u32, 0);
                }
                7 => d.core.on_pingresp(&mut d.io),
                8 => d.core.on_publish_too_large(&mut d.io, b"x", 99_999),
                _ => {
                    let topic = &topics[rng.below(topics.len())];
                    let doc = &docs[rng.below(docs.len())];
                    d.publish(topic, doc);
                }
            }
            // READY is only ever reported in DcConnected.
            for op in d.take() {
                if let Op::Event(Ev { kind: E::Ready, .. }) = op {
                    assert_eq!(d.state(), State::DcConnected);
                }
            }
        }
    }
}
