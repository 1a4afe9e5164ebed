// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

//! Shadow documents after connecting: device control, association changes,
//! endpoints, transforms.

mod common;

use cloudwire_nrf_cloud::{err_status, EventType as E, Settings, ShadowKind, State, ENDPOINTS_MAX};
use common::*;

fn accepted_topic() -> String {
    t("/shadow/get/accepted/trim")
}

fn delta_topic() -> String {
    t("/shadow/update/delta/full")
}

fn update() -> String {
    t("/shadow/update")
}

fn control_reply(alerts: bool, lvl: i32) -> String {
    format!(r#"{{"state":{{"reported":{{"control":{{"alertsEn":{alerts},"logLvl":{lvl}}}}}}}}}"#)
}

#[test]
fn delta_with_control_change() {
    let mut d = Dev::ready(Settings::DEFAULT);
    let delta = r#"{"version":7,"timestamp":1700000001,"state":{"control":{"alertsEn":true,"logLvl":3},"led":"on"}}"#;
    d.publish(&delta_topic(), delta);
    assert_eq!(
        d.take(),
        vec![
            pub1(&update(), &control_reply(true, 3), 300),
            ev_shadow(ShadowKind::Delta, delta, &delta_topic()),
        ]
    );
    assert_eq!(d.core.control(), (true, 3));
    assert_eq!(d.state(), State::DcConnected);
}

#[test]
fn delta_with_only_control_is_not_passed_on() {
    let mut d = Dev::ready(Settings::DEFAULT);
    // Unchanged values: a delta is still confirmed.
    let delta = r#"{"version":8,"timestamp":2,"state":{"control":{"logLvl":1}}}"#;
    d.publish(&delta_topic(), delta);
    assert_eq!(
        d.take(),
        vec![pub1(&update(), &control_reply(false, 1), 300)]
    );
    // An empty delta state is not passed on either.
    d.publish(&delta_topic(), r#"{"version":9,"timestamp":2,"state":{}}"#);
    assert_eq!(d.take(), vec![]);
}

#[test]
fn invalid_control_is_ignored() {
    let mut d = Dev::ready(Settings::DEFAULT);
    for bad in [
        r#"{"alertsEn":"yes","logLvl":2}"#,
        r#"{"alertsEn":true,"logLvl":7}"#,
        r#"{"logLvl":null}"#,
    ] {
        let delta = format!(r#"{{"version":1,"timestamp":2,"state":{{"control":{bad},"x":1}}}}"#);
        d.publish(&delta_topic(), &delta);
        // Nothing sent back, the data still reaches the application.
        assert_eq!(
            d.take(),
            vec![ev_shadow(ShadowKind::Delta, &delta, &delta_topic())]
        );
        assert_eq!(d.core.control(), (false, 1));
        assert_eq!(d.io.take_logs()[0].0, 2);
    }
}

#[test]
fn control_in_accepted_documents() {
    let mut d = Dev::ready(Settings::DEFAULT);
    // Unchanged: no reply.
    let doc = r#"{"desired":{"control":{"alertsEn":false,"logLvl":1}},"reported":{}}"#;
    d.publish(&accepted_topic(), doc);
    assert_eq!(
        d.take(),
        vec![ev_shadow(ShadowKind::Accepted, doc, &accepted_topic())]
    );
    // Changed in desired: applied and confirmed.
    let doc = r#"{"desired":{"control":{"logLvl":4}},"reported":{"control":{"logLvl":0}}}"#;
    d.publish(&accepted_topic(), doc);
    assert_eq!(
        d.take(),
        vec![
            pub1(&update(), &control_reply(false, 4), 300),
            ev_shadow(ShadowKind::Accepted, doc, &accepted_topic()),
        ]
    );
    // No desired control: reported control is used.
    let doc = r#"{"desired":{"control":5},"reported":{"control":{"alertsEn":true}}}"#;
    d.publish(&accepted_topic(), doc);
    assert_eq!(
        d.take(),
        vec![
            pub1(&update(), &control_reply(true, 4), 300),
            ev_shadow(ShadowKind::Accepted, doc, &accepted_topic()),
        ]
    );
    assert_eq!(d.core.control(), (true, 4));
}

#[test]
fn control_before_association_goes_into_the_paired_report() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.take();
    let doc = format!(
        r#"{{"desired":{{"pairing":{{"state":"paired","topics":{{"d2c":"{D2C}","c2d":"{C2D}"}}}},"nrfcloud_mqtt_topic_prefix":"{PREFIX}","control":{{"alertsEn":true,"logLvl":2}}}}}}"#
    );
    d.publish(&accepted_topic(), &doc);
    assert_eq!(
        d.take(),
        vec![
            pub1(&update(), &control_reply(true, 2), 300),
            ev_shadow(ShadowKind::Accepted, &doc, &accepted_topic()),
            pub1(
                &update(),
                &paired_report(C2D, false, Some("Unknown"), true, 2),
                301
            ),
            ev(E::UserAssociated, 0),
        ]
    );
}

#[test]
fn control_reply_not_sent() {
    let mut d = Dev::ready(Settings::DEFAULT);
    d.io.fail_publish = true;
    let delta = r#"{"version":1,"timestamp":2,"state":{"control":{"logLvl":3},"x":1}}"#;
    d.publish(&delta_topic(), delta);
    assert_eq!(
        d.take(),
        vec![
            pub1(&update(), &control_reply(false, 3), 300),
            ev_shadow(ShadowKind::Delta, delta, &delta_topic()),
        ]
    );
    assert_eq!(d.core.control(), (false, 3));
    d.buf = vec![0; 20];
    d.publish(&delta_topic(), delta);
    assert_eq!(
        d.take(),
        vec![
            ev(E::Error, err_status::NONE),
            ev_shadow(ShadowKind::Delta, delta, &delta_topic()),
        ]
    );
}

#[test]
fn association_changes_are_ignored_when_connected() {
    let mut d = Dev::ready(Settings::DEFAULT);
    let doc = accepted_not_associated();
    d.publish(&accepted_topic(), &doc);
    assert_eq!(
        d.take(),
        vec![ev_shadow(ShadowKind::Accepted, &doc, &accepted_topic())]
    );
    assert_eq!(d.state(), State::DcConnected);
    let doc = accepted_associated(C2D_OLD);
    d.publish(&accepted_topic(), &doc);
    assert_eq!(
        d.take(),
        vec![ev_shadow(ShadowKind::Accepted, &doc, &accepted_topic())]
    );
    // Endpoints unchanged.
    assert_eq!(d.core.c2d_topic(), C2D.as_bytes());
    // The tenant is still taken from a prefix, as NCS does.
    let delta =
        r#"{"version":1,"timestamp":2,"state":{"nrfcloud_mqtt_topic_prefix":"beta/other/"}}"#;
    d.publish(&delta_topic(), delta);
    assert_eq!(
        d.take(),
        vec![ev_shadow(ShadowKind::Delta, delta, &delta_topic())]
    );
    assert_eq!(d.core.tenant_id(), b"other");
    assert_eq!(d.core.stage(), b"beta");
}

#[test]
fn repeated_association_in_pin_complete() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.publish(&accepted_topic(), &accepted_associated(C2D));
    d.take();
    // Another associated document before PUBACK(301): reported again.
    let doc = accepted_associated(C2D_OLD);
    d.publish(&accepted_topic(), &doc);
    assert_eq!(
        d.take(),
        vec![
            ev_shadow(ShadowKind::Accepted, &doc, &accepted_topic()),
            pub1(&update(), &paired_report(C2D, true, None, false, 1), 301),
            ev(E::UserAssociated, 0),
        ]
    );
}

#[test]
fn unassociated_while_paired_state_waits_again() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.publish(&accepted_topic(), &accepted_associated(C2D));
    d.take();
    assert_eq!(d.state(), State::UaPinComplete);
    d.publish(&accepted_topic(), &accepted_not_associated());
    let ops = d.take();
    assert_eq!(ops[4], pub1(&update(), NOT_ASSOC_REPORT, 300));
    assert_eq!(ops[5], ev(E::UserAssociationRequest, 0));
    assert_eq!(d.state(), State::UaPinWait);
}

#[test]
fn association_wait_survives_reconnect() {
    // NCS sends the request event and report once per association cycle,
    // and keeps the lowered keepalive for the next CONNECT.
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.publish(&accepted_topic(), &accepted_not_associated());
    d.disconnected(cloudwire_nrf_cloud::DisconnectStatus::ClosedByRemote);
    d.take();
    assert_eq!(d.core.keepalive_s(), 30);
    d.reach_state_requested();
    d.take();
    let doc = accepted_not_associated();
    d.publish(&accepted_topic(), &doc);
    assert_eq!(
        d.take(),
        vec![ev_shadow(ShadowKind::Accepted, &doc, &accepted_topic())]
    );
    assert_eq!(d.state(), State::CloudStateRequested);
    // Association completes from there, restoring the keepalive.
    d.publish(&accepted_topic(), &accepted_associated(C2D));
    let ops = d.take();
    assert_eq!(ops[1], Op::Keepalive(1200));
    assert_eq!(ops[2], Op::Ping);
    assert_eq!(d.state(), State::UaPinComplete);
    // After uninit the cycle starts over.
    d.core.uninit();
    d.core.init(Settings::DEFAULT, ID.as_bytes()).unwrap();
    assert_eq!(d.core.keepalive_s(), 1200);
}

#[test]
fn paired_without_prefix_and_deprecated_states() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.take();
    for doc in [
        format!(
            r#"{{"desired":{{"pairing":{{"state":"paired","topics":{{"d2c":"{D2C}","c2d":"{C2D}"}}}}}}}}"#
        ),
        r#"{"desired":{"pairing":{"state":"initiate"}}}"#.to_string(),
        r#"{"desired":{}}"#.to_string(),
    ] {
        d.publish(&accepted_topic(), &doc);
        assert_eq!(
            d.take(),
            vec![ev_shadow(ShadowKind::Accepted, &doc, &accepted_topic())]
        );
        assert_eq!(d.state(), State::CloudStateRequested);
    }
    let logs = d.io.take_logs();
    assert_eq!(logs.len(), 1);
    assert_eq!(logs[0].0, 1);
}

#[test]
fn prefix_with_incomplete_pairing() {
    // The prefix says "associated" but the endpoints do not decode: NCS
    // cannot build its report and stays where it is.
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.take();
    let doc = format!(
        r#"{{"desired":{{"nrfcloud_mqtt_topic_prefix":"{PREFIX}","pairing":{{"state":"not_associated"}}}}}}"#
    );
    d.publish(&accepted_topic(), &doc);
    assert_eq!(
        d.take(),
        vec![ev_shadow(ShadowKind::Accepted, &doc, &accepted_topic())]
    );
    assert_eq!(d.state(), State::CloudStateRequested);
    assert_eq!(d.core.tenant_id(), TENANT.as_bytes());
    assert_eq!(d.io.take_logs().len(), 2);
}

#[test]
fn endpoints_too_long_are_refused() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.take();
    // The ID, prefix, d2c and c2d share ENDPOINTS_MAX bytes.
    let room = ENDPOINTS_MAX - ID.len() - PREFIX.len() - D2C.len();
    let long = format!("prod/t/m/d/{}/+/r", "x".repeat(room - 14));
    assert_eq!(long.len(), room + 1);
    let doc = accepted_associated(&long);
    d.publish(&accepted_topic(), &doc);
    assert_eq!(
        d.take(),
        vec![
            ev(E::Error, err_status::NONE),
            ev_shadow(ShadowKind::Accepted, &doc, &accepted_topic()),
        ]
    );
    assert_eq!(d.state(), State::CloudStateRequested);
    assert_eq!(d.core.c2d_topic(), b"");
    // Exactly at the limit is fine.
    let max = format!("p/{}", "y".repeat(room - 2));
    d.publish(&accepted_topic(), &accepted_associated(&max));
    assert_eq!(d.state(), State::UaPinComplete);
    assert_eq!(d.core.c2d_topic(), max.as_bytes());
    assert_eq!(d.core.d2c_topic(), D2C.as_bytes());
    assert_eq!(d.core.topic_prefix(), PREFIX.as_bytes());
    assert_eq!(d.core.client_id(), ID.as_bytes());
}

#[test]
fn endpoint_longer_than_255_is_refused() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.core.uninit();
    d.core.init(Settings::DEFAULT, b"i").unwrap();
    d.reach_state_requested();
    let doc = |c2d: &str| {
        format!(
            r#"{{"desired":{{"pairing":{{"state":"paired","topics":{{"d2c":"d","c2d":"{c2d}"}}}},"nrfcloud_mqtt_topic_prefix":"p/t/"}}}}"#
        )
    };
    d.publish("i/shadow/get/accepted/trim", &doc(&"c".repeat(256)));
    assert_eq!(d.state(), State::CloudStateRequested);
    assert_eq!(d.core.c2d_topic(), b"");
    let max = "c".repeat(255);
    d.publish("i/shadow/get/accepted/trim", &doc(&max));
    assert_eq!(d.state(), State::UaPinComplete);
    assert_eq!(d.core.c2d_topic(), max.as_bytes());
    assert_eq!(d.core.d2c_topic(), b"d");
    assert_eq!(d.core.topic_prefix(), b"p/t/");
}

#[test]
fn real_endpoints_fit_for_ids_up_to_47_bytes() {
    // nRF Cloud's topics for a `prod` tenant, as the cloud sends them.
    for (len, fits) in [(19, true), (36, true), (47, true), (48, false)] {
        let id = "i".repeat(len);
        let d2c = format!("{PREFIX}m/d/{id}/d2c");
        let c2d = format!("{PREFIX}m/d/{id}/c2d");
        let mut d = Dev::new(Settings::DEFAULT);
        d.core.uninit();
        d.core.init(Settings::DEFAULT, id.as_bytes()).unwrap();
        d.reach_state_requested();
        let doc = format!(
            r#"{{"desired":{{"pairing":{{"state":"paired","topics":{{"d2c":"{d2c}","c2d":"{c2d}"}}}},"nrfcloud_mqtt_topic_prefix":"{PREFIX}"}}}}"#
        );
        d.publish(&format!("{id}/shadow/get/accepted/trim"), &doc);
        assert_eq!(d.state() == State::UaPinComplete, fits, "{len}");
        let expect = if fits {
            format!("{PREFIX}m/d/{id}/+/r")
        } else {
            String::new()
        };
        assert_eq!(d.core.c2d_topic(), expect.as_bytes(), "{len}");
    }
}

#[test]
fn paired_report_does_not_fit() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.take();
    d.buf = vec![0; 300];
    let doc = accepted_associated(C2D);
    d.publish(&accepted_topic(), &doc);
    assert_eq!(
        d.take(),
        vec![
            ev_shadow(ShadowKind::Accepted, &doc, &accepted_topic()),
            ev(E::Error, err_status::NONE),
        ]
    );
    assert_eq!(d.state(), State::CloudStateRequested);
}

#[test]
fn paired_report_not_sent() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.publish(&accepted_topic(), &accepted_not_associated());
    d.take();
    d.io.fail_publish = true;
    d.publish(&delta_topic(), &delta_associated(C2D));
    let ops = d.take();
    assert_eq!(ops.len(), 4);
    assert_eq!(ops[1], Op::Keepalive(1200));
    assert_eq!(d.state(), State::UaPinWait);
}

#[test]
fn escaped_endpoint_values_are_unescaped() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.take();
    let doc = r#"{"desired":{"pairing":{"state":"paired","topics":{"d2c":"prod\/t\u00e4\/d2c","c2d":"prod\/t\/c2d"}},"nrfcloud_mqtt_topic_prefix":"st\u0061ge\/ten\/"}}"#;
    d.publish(&accepted_topic(), doc);
    assert_eq!(d.core.d2c_topic(), "prod/tä/d2c".as_bytes());
    assert_eq!(d.core.c2d_topic(), b"prod/t/+/r");
    assert_eq!(d.core.stage(), b"stage");
    assert_eq!(d.core.tenant_id(), b"ten");
    let ops = d.take();
    assert_eq!(
        ops[1],
        pub1(
            &update(),
            r#"{"state":{"reported":{"pairing":{"state":"paired","topics":{"d2c":"prod/tä/d2c","c2d":"prod/t/+/r"}},"connection":{"keepalive":1200},"nrfcloud_mqtt_topic_prefix":"stage/ten/","control":{"alertsEn":false,"logLvl":1},"device":{"connectionInfo":{"protocol":"MQTT","method":"Unknown"}}},"desired":{"pairing":{"topics":{"c2d":"prod/t/+/r"}}}}}"#,
            301
        )
    );
}

#[test]
fn stage_and_tenant_truncation() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    let tenant = "t".repeat(80);
    let doc =
        format!(r#"{{"desired":{{"nrfcloud_mqtt_topic_prefix":"verylongstage/{tenant}/"}}}}"#);
    d.publish(&accepted_topic(), &doc);
    assert_eq!(d.core.stage(), b"verylon");
    assert_eq!(d.core.tenant_id(), "t".repeat(63).as_bytes());
    // Without a slash nothing changes.
    d.publish(
        &accepted_topic(),
        r#"{"desired":{"nrfcloud_mqtt_topic_prefix":"noslash"}}"#,
    );
    assert_eq!(d.core.stage(), b"verylon");
}

#[test]
fn rejected_topic_is_ignored() {
    let mut d = Dev::ready(Settings::DEFAULT);
    d.publish(
        &t("/shadow/get/rejected"),
        r#"{"code":404,"message":"No shadow exists"}"#,
    );
    assert_eq!(d.take(), vec![]);
}

#[test]
fn transform_results() {
    let s = Settings {
        shadow_transforms: true,
        ..Settings::DEFAULT
    };
    let mut d = Dev::ready(s);
    let topic = t("/shadow/get/accepted/tf");
    for doc in [
        r#"{"pairing":{"state":"not_associated"},"control":{"logLvl":4}}"#,
        r#"{"err":1002,"position":3,"message":"bad"}"#,
        r#"[1,2]"#,
    ] {
        d.publish(&topic, doc);
        // No association or control processing for transforms.
        assert_eq!(
            d.take(),
            vec![ev_shadow(ShadowKind::Transform, doc, &topic)]
        );
    }
    assert_eq!(d.core.control(), (false, 1));
    d.publish(&topic, r#"{"err":1002,"message":"bad"}"#);
    assert_eq!(d.take(), vec![]);

    // Without transforms that topic is ordinary data-channel traffic.
    let mut d = Dev::ready(Settings::DEFAULT);
    d.publish(&topic, "{}");
    assert_eq!(d.take(), vec![ev_data(E::RxDataGeneral, b"{}", &topic)]);
}

#[test]
fn shadow_before_control_channel_is_dropped() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.core.connect_started().unwrap();
    d.publish(&accepted_topic(), &accepted_not_associated());
    d.connack(0, false);
    d.take();
    d.publish(&accepted_topic(), &accepted_not_associated());
    assert_eq!(d.take(), vec![]);
    assert_eq!(d.state(), State::CcConnecting);
}

#[test]
fn case_insensitive_keys_as_cjson() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.take();
    let doc = r#"{"Desired":{"PAIRING":{"State":"not_associated"}}}"#;
    d.publish(&accepted_topic(), doc);
    assert_eq!(d.state(), State::UaPinWait);
}
