// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

//! Data-channel routing and the DISCON message.

mod common;

use cloudwire_nrf_cloud::{DisconnectStatus, EventType as E, Settings, State};
use common::*;

fn c2d(sub: &str) -> String {
    format!("prod/a0b1c2d3-e4f5-4a5b-8c9d-0e1f2a3b4c5d/m/d/{ID}/{sub}")
}

#[test]
fn routing_by_topic() {
    let mut d = Dev::ready(Settings::DEFAULT);
    let cases = [
        ("c2d/r", E::RxDataGeneral),
        ("ground_fix/r", E::RxDataLocation),
        ("anything", E::RxDataGeneral),
    ];
    for (sub, kind) in cases {
        let topic = c2d(sub);
        d.publish(&topic, r#"{"appId":"X","data":1}"#);
        assert_eq!(
            d.take(),
            vec![ev_data(kind, br#"{"appId":"X","data":1}"#, &topic)]
        );
    }
    // A-GNSS and P-GPS data are not processed by this library.
    for sub in ["agnss/r", "pgps/r"] {
        d.publish(&c2d(sub), "[1,2,3]");
        assert_eq!(d.take(), vec![]);
    }
    // Binary payloads pass through untouched.
    let topic = c2d("c2d/r");
    d.publish_bytes(topic.as_bytes(), &[0, 1, 2, 0xff]);
    assert_eq!(
        d.take(),
        vec![ev_data(E::RxDataGeneral, &[0, 1, 2, 0xff], &topic)]
    );
    assert_eq!(d.state(), State::DcConnected);
}

#[test]
fn data_before_ready_is_dropped() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(C2D));
    d.puback(301);
    assert_eq!(d.state(), State::DcConnecting);
    d.take();
    d.publish(&c2d("c2d/r"), "hello");
    assert_eq!(d.take(), vec![]);
}

#[test]
fn discon_message() {
    let mut d = Dev::ready(Settings::DEFAULT);
    let topic = c2d("c2d/r");
    let msg = r#"{"appId":"DEVICE","messageType":"DISCON"}"#;
    d.publish(&topic, msg);
    assert_eq!(
        d.take(),
        vec![
            ev_data(E::RxDataDiscon, msg.as_bytes(), &topic),
            Op::Disconnect
        ]
    );
    d.disconnected(DisconnectStatus::ClosedByRemote);
    assert_eq!(
        d.take(),
        vec![ev(
            E::TransportDisconnected,
            DisconnectStatus::UserRequest as u32
        )]
    );
    assert_eq!(d.state(), State::Initialized);
}

#[test]
fn discon_lookalikes_are_general_data() {
    let mut d = Dev::ready(Settings::DEFAULT);
    let topic = c2d("c2d/r");
    let long = format!(
        r#"{{"appId":"DEVICE","messageType":"DISCON","pad":"{}"}}"#,
        "x".repeat(200)
    );
    for msg in [
        r#"{"appId":"DEVICE","messageType":"DATA","data":"DISCON"}"#,
        r#"{"appId":"DEVICE","messageType":"DISCON""#,
        long.as_str(),
    ] {
        d.publish(&topic, msg);
        assert_eq!(
            d.take(),
            vec![ev_data(E::RxDataGeneral, msg.as_bytes(), &topic)]
        );
    }
    // On the location topic DISCON is not checked.
    let topic = c2d("ground_fix/r");
    let msg = r#"{"appId":"DEVICE","messageType":"DISCON"}"#;
    d.publish(&topic, msg);
    assert_eq!(
        d.take(),
        vec![ev_data(E::RxDataLocation, msg.as_bytes(), &topic)]
    );
}

#[test]
fn user_tag_acks() {
    let mut d = Dev::ready(Settings::DEFAULT);
    for id in [10000u16, 12345, 65535] {
        d.puback(id);
        assert_eq!(
            d.take(),
            vec![ev_data(E::SensorDataAck, &id.to_ne_bytes(), "")]
        );
    }
    // Automatic IDs and the fixed ones raise nothing.
    for id in [1000, 9999, 300, 101, 0] {
        d.puback(id);
    }
    assert_eq!(d.take(), vec![]);
}
