// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 cloudwire contributors

//! End-to-end: mosquitto with TLS and ACLs, the emulator, and MQTT clients
//! acting as devices the way NCS's nRF Cloud library does.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use common::{text, Env, TestDevice};
use rumqttc::SubscribeReasonCode;
use serde_json::{json, Value};

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Control-channel subscriptions, in NCS order.
fn subscribe_cc(dev: &TestDevice) {
    let id = &dev.id;
    let codes = dev.subscribe(&[
        &format!("{id}/shadow/get/accepted/trim"),
        &format!("{id}/shadow/get/rejected"),
        &format!("{id}/shadow/update/delta/full"),
    ]);
    assert!(
        codes
            .iter()
            .all(|c| matches!(c, SubscribeReasonCode::Success(_))),
        "{codes:?}"
    );
}

/// A delta document: returns (version, state) after checking its shape.
fn parse_delta(payload: &[u8], not_before: u64) -> (u64, Value) {
    let doc: Value = serde_json::from_slice(payload).unwrap();
    let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["version", "timestamp", "state"], "{doc}");
    let ts = doc["timestamp"].as_u64().unwrap();
    assert!(ts >= not_before && ts <= now() + 1, "timestamp {ts}");
    (doc["version"].as_u64().unwrap(), doc["state"].clone())
}

#[test]
fn unknown_device_gets_not_associated_trim() {
    let env = Env::start("trim", &["nrf-trim"], &[]);
    let dev = env.device("nrf-trim");
    subscribe_cc(&dev);
    dev.publish("nrf-trim/shadow/get/trim", b"", 1);
    assert_eq!(
        text(&dev.expect_publish("nrf-trim/shadow/get/accepted/trim")),
        r#"{"desired":{"pairing":{"state":"not_associated"}},"reported":{}}"#
    );
    let (status, shadow) = env.http("GET", "/devices/nrf-trim/shadow", b"");
    assert_eq!(status, 200);
    assert_eq!(shadow["associated"], json!(false));
    assert_eq!(shadow["version"], json!(1));
}

#[test]
fn association_and_shadow_delta_flow() {
    let env = Env::start("assoc", &["nrf-assoc"], &[]);
    let id = "nrf-assoc";
    let dev = env.device(id);
    subscribe_cc(&dev);
    dev.publish(&format!("{id}/shadow/get/trim"), b"", 1);
    dev.expect_publish(&format!("{id}/shadow/get/accepted/trim"));

    // UA_PIN_WAIT report, exactly as NCS sends it.
    let not_assoc = br#"{"state":{"reported":{"pairing":{"state":"not_associated","topics":null,"config":null},"connection":{"keepalive":null},"nrfcloud_mqtt_topic_prefix":null,"pairingStatus":null,"stage":null}}}"#;
    dev.publish(&format!("{id}/shadow/update"), not_assoc, 1);
    env.wait_list(
        &format!("/devices/{id}/shadow-updates"),
        "shadow_updates",
        1,
    );

    // The user adds the device to a team: the connected device learns of it
    // from the delta.
    let t0 = now();
    let (status, body) = env.http(
        "POST",
        &format!("/devices/{id}/associate"),
        br#"{"tenant":"team-1"}"#,
    );
    assert_eq!(status, 200, "{body}");
    let (version, state) = parse_delta(
        &dev.expect_publish(&format!("{id}/shadow/update/delta/full")),
        t0,
    );
    assert_eq!(version, 3);
    assert_eq!(
        state.to_string(),
        r#"{"pairing":{"state":"paired","topics":{"d2c":"prod/team-1/m/d/nrf-assoc/d2c","c2d":"prod/team-1/m/d/nrf-assoc/c2d"}},"nrfcloud_mqtt_topic_prefix":"prod/team-1/"}"#
    );

    // Paired report with the desired c2d rewrite: no delta follows.
    let paired = br#"{"state":{"reported":{"pairing":{"state":"paired","topics":{"d2c":"prod/team-1/m/d/nrf-assoc/d2c","c2d":"prod/team-1/m/d/nrf-assoc/+/r"}},"connection":{"keepalive":1200},"nrfcloud_mqtt_topic_prefix":"prod/team-1/","control":{"alertsEn":false,"logLvl":1}},"desired":{"pairing":{"topics":{"c2d":"prod/team-1/m/d/nrf-assoc/+/r"}}}}}"#;
    dev.publish(&format!("{id}/shadow/update"), paired, 1);
    let updates = env.wait_list(
        &format!("/devices/{id}/shadow-updates"),
        "shadow_updates",
        2,
    );
    assert_eq!(updates[0]["payload"], json!(text(not_assoc)));
    assert_eq!(updates[1]["payload"], json!(text(paired)));
    assert_eq!(updates[1]["index"], json!(1));
    assert_eq!(updates[1]["qos"], json!(1));
    dev.expect_no_publish(
        &[&format!("{id}/shadow/update/delta/full")],
        Duration::from_millis(300),
    );
    let (_, shadow) = env.http("GET", &format!("/devices/{id}/shadow"), b"");
    assert_eq!(shadow["version"], json!(4));
    assert_eq!(shadow["delta"], json!({}));
    assert_eq!(shadow["tenant"], json!("team-1"));

    // Reconnect-time trim now carries the paired desired state and control.
    dev.publish(&format!("{id}/shadow/get/trim"), b"", 1);
    assert_eq!(
        text(&dev.expect_publish(&format!("{id}/shadow/get/accepted/trim"))),
        r#"{"desired":{"pairing":{"state":"paired","topics":{"d2c":"prod/team-1/m/d/nrf-assoc/d2c","c2d":"prod/team-1/m/d/nrf-assoc/+/r"}},"nrfcloud_mqtt_topic_prefix":"prod/team-1/"},"reported":{"control":{"alertsEn":false,"logLvl":1}}}"#
    );

    // Desired change -> delta of just the differing keys; the device's
    // confirmation clears it.
    let t1 = now();
    let (status, _) = env.http(
        "PATCH",
        &format!("/devices/{id}/desired"),
        br#"{"control":{"alertsEn":false,"logLvl":3},"custom":{"rate":5}}"#,
    );
    assert_eq!(status, 200);
    let (version, state) = parse_delta(
        &dev.expect_publish(&format!("{id}/shadow/update/delta/full")),
        t1,
    );
    assert_eq!(version, 5);
    assert_eq!(
        state.to_string(),
        r#"{"control":{"logLvl":3},"custom":{"rate":5}}"#
    );
    dev.publish(
        &format!("{id}/shadow/update"),
        br#"{"state":{"reported":{"control":{"alertsEn":false,"logLvl":3},"custom":{"rate":5}}}}"#,
        1,
    );
    env.wait_list(
        &format!("/devices/{id}/shadow-updates"),
        "shadow_updates",
        3,
    );
    let (_, shadow) = env.http("GET", &format!("/devices/{id}/shadow"), b"");
    assert_eq!(shadow["delta"], json!({}));
    assert_eq!(shadow["version"], json!(6));

    // Null deletes a reported key.
    dev.publish(
        &format!("{id}/shadow/update"),
        br#"{"state":{"reported":{"custom":null}}}"#,
        1,
    );
    // ...which makes desired.custom differ again: delta.
    let (version, state) = parse_delta(
        &dev.expect_publish(&format!("{id}/shadow/update/delta/full")),
        t1,
    );
    assert_eq!(version, 7);
    assert_eq!(state, json!({"custom":{"rate":5}}));

    // Disassociation: delta with pairing.state not_associated.
    let (status, _) = env.http("POST", &format!("/devices/{id}/disassociate"), b"");
    assert_eq!(status, 200);
    let (_, state) = parse_delta(
        &dev.expect_publish(&format!("{id}/shadow/update/delta/full")),
        t1,
    );
    assert_eq!(state["pairing"], json!({"state":"not_associated"}));
    assert!(state.get("nrfcloud_mqtt_topic_prefix").is_none());
}

#[test]
fn c2d_and_discon_reach_the_device() {
    let env = Env::start("c2d", &["nrf-c2d"], &["--auto-associate", "team-c"]);
    let id = "nrf-c2d";
    let dev = env.device(id);
    subscribe_cc(&dev);
    dev.publish(&format!("{id}/shadow/get/trim"), b"", 1);
    let trim: Value =
        serde_json::from_slice(&dev.expect_publish(&format!("{id}/shadow/get/accepted/trim")))
            .unwrap();
    assert_eq!(
        trim["desired"]["pairing"]["topics"]["c2d"],
        json!("prod/team-c/m/d/nrf-c2d/c2d")
    );

    // NCS subscribes to the c2d topic rewritten to the /+/r wildcard.
    let codes = dev.subscribe(&["prod/team-c/m/d/nrf-c2d/+/r"]);
    assert!(matches!(codes[0], SubscribeReasonCode::Success(_)));

    let (status, body) = env.http(
        "POST",
        &format!("/devices/{id}/c2d"),
        br#"{"appId":"LED","data":"on"}"#,
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["published"][0]["topic"],
        json!("prod/team-c/m/d/nrf-c2d/c2d/r")
    );
    assert_eq!(
        text(&dev.expect_publish("prod/team-c/m/d/nrf-c2d/c2d/r")),
        r#"{"appId":"LED","data":"on"}"#
    );

    let (status, _) = env.http("POST", &format!("/devices/{id}/discon"), b"");
    assert_eq!(status, 200);
    assert_eq!(
        text(&dev.expect_publish("prod/team-c/m/d/nrf-c2d/c2d/r")),
        r#"{"appId":"DEVICE","messageType":"DISCON"}"#
    );

    // Raw publish (malformed data tests), binary payload via base64.
    let (status, _) = env.http(
        "POST",
        "/publish",
        br#"{"topic":"nrf-c2d/shadow/update/delta/full","payload_b64":"AP8=","qos":1}"#,
    );
    assert_eq!(status, 200);
    assert_eq!(
        dev.expect_publish("nrf-c2d/shadow/update/delta/full"),
        vec![0x00, 0xff]
    );

    // Unknown device and forgotten device: no c2d topic.
    assert_eq!(env.http("POST", "/devices/nobody/c2d", b"x").0, 404);
    assert_eq!(
        env.http("POST", &format!("/devices/{id}/reset"), b"").0,
        200
    );
    assert_eq!(env.http("POST", &format!("/devices/{id}/c2d"), b"x").0, 404);
}

#[test]
fn device_messages_are_captured() {
    let env = Env::start("d2c", &["nrf-d2c"], &["--auto-associate", "team-d"]);
    let id = "nrf-d2c";
    let dev = env.device(id);
    let base = "prod/team-d/m/d/nrf-d2c/d2c";
    let data = br#"{"appId":"TEMP","data":"24.5","messageType":"DATA","ts":1700000000000}"#;
    dev.publish(base, data, 1);
    dev.publish(
        &format!("{base}/bulk"),
        br#"[{"appId":"HUMID","data":"50","messageType":"DATA"}]"#,
        0,
    );
    let bin = [0x6e, 0x52, 0x46, 0x43, 0x01, 0x00, 0x00, 0x00, 0xff];
    dev.publish(&format!("{base}/bin"), &bin, 1);

    let msgs = env.wait_list(&format!("/devices/{id}/messages"), "messages", 3);
    assert_eq!(msgs.len(), 3);
    assert_eq!(msgs[0]["topic"], json!(base));
    assert_eq!(msgs[0]["kind"], json!("d2c"));
    assert_eq!(msgs[0]["qos"], json!(1));
    assert_eq!(msgs[0]["payload"], json!(text(data)));
    assert_eq!(msgs[1]["kind"], json!("bulk"));
    assert_eq!(msgs[1]["qos"], json!(0));
    assert_eq!(msgs[2]["kind"], json!("bin"));
    assert_eq!(msgs[2]["payload_b64"], json!("blJGQwEAAAD/"));
    assert!(msgs[2].get("payload").is_none());
    assert_eq!(msgs[2]["size"], json!(9));
    for (i, m) in msgs.iter().enumerate() {
        assert_eq!(m["index"], json!(i));
    }
    assert!(msgs[0]["seq"].as_u64() < msgs[1]["seq"].as_u64());

    let (status, body) = env.http("GET", &format!("/devices/{id}/messages?since=2"), b"");
    assert_eq!(status, 200);
    assert_eq!(body["next"], json!(3));
    assert_eq!(body["messages"].as_array().unwrap().len(), 1);
    assert_eq!(body["messages"][0]["index"], json!(2));

    // Long poll: returns as soon as message 3 arrives.
    let poll = {
        let http = env.http.clone();
        let path = format!("/devices/{id}/messages?since=3&wait_ms=5000");
        std::thread::spawn(move || common::try_http(&http, "GET", &path, b"").unwrap())
    };
    std::thread::sleep(Duration::from_millis(100));
    dev.publish(base, b"late", 1);
    let (status, body) = poll.join().unwrap();
    assert_eq!(status, 200);
    assert_eq!(body["next"], json!(4));
    assert_eq!(body["messages"][0]["payload"], json!("late"));
    // ...and with nothing new it gives up after wait_ms with an empty list.
    let (status, body) = env.http(
        "GET",
        &format!("/devices/{id}/messages?since=4&wait_ms=100"),
        b"",
    );
    assert_eq!((status, body["messages"].clone()), (200, json!([])));
}

#[test]
fn acls_keep_devices_apart() {
    let env = Env::start("acl", &["nrf-a", "nrf-b"], &["--auto-associate", "t"]);
    let a = env.device("nrf-a");
    let b = env.device("nrf-b");
    // mosquitto grants the SUBACK but never delivers what the ACL denies
    // (AWS IoT would disconnect the device instead).
    a.subscribe(&["nrf-b/shadow/get/accepted/trim", "prod/t/m/d/nrf-b/+/r"]);
    b.subscribe(&["nrf-b/shadow/get/accepted/trim", "prod/t/m/d/nrf-b/+/r"]);
    b.publish("nrf-b/shadow/get/trim", b"", 1);
    b.expect_publish("nrf-b/shadow/get/accepted/trim");
    env.http("POST", "/devices/nrf-b/c2d", b"for-b-only");
    assert_eq!(
        b.expect_publish("prod/t/m/d/nrf-b/c2d/r"),
        b"for-b-only".to_vec()
    );
    a.expect_no_publish(
        &["nrf-b/shadow/get/accepted/trim", "prod/t/m/d/nrf-b/c2d/r"],
        Duration::from_millis(300),
    );

    // Publishing on B's topics is dropped by the broker.
    a.publish(
        "nrf-b/shadow/update",
        br#"{"state":{"reported":{"evil":1}}}"#,
        1,
    );
    a.publish("prod/t/m/d/nrf-b/d2c", b"evil", 1);
    // Barrier: A's own message arrives after the refused ones would have.
    a.publish("prod/t/m/d/nrf-a/d2c", b"mine", 1);
    env.wait_list("/devices/nrf-a/messages", "messages", 1);
    let (_, b_updates) = env.http("GET", "/devices/nrf-b/shadow-updates", b"");
    // (B's own trim request was no shadow update.)
    assert_eq!(b_updates["shadow_updates"], json!([]));
    let (_, b_msgs) = env.http("GET", "/devices/nrf-b/messages", b"");
    assert_eq!(b_msgs["messages"], json!([]));

    // A certificate whose CN is B's id cannot be had without B's key; a
    // certificate from another CA is refused, and so is a broker certificate
    // the device's CA did not sign.
    let wrong_client = TestDevice::connect(
        env.broker_port,
        "nrf-b",
        &env.creds("wrong-client", "nrf-b"),
    );
    wrong_client.expect_error();
    let wrong_ca = TestDevice::connect(env.broker_port, "nrf-b", &env.creds("wrong-ca", "nrf-b"));
    let err = wrong_ca.expect_error();
    assert!(
        err.to_lowercase().contains("certificate") || err.contains("Tls"),
        "{err}"
    );
}

#[test]
fn emulator_and_devices_recover_from_broker_restart() {
    let env = Env::start("restart", &["nrf-r"], &["--auto-associate", "team-r"]);
    let id = "nrf-r";
    let dev = env.device(id);
    subscribe_cc(&dev);

    env.restart_broker();
    // The device's client reconnects by itself (clean session): subscribe again.
    dev.expect_connack();
    subscribe_cc(&dev);
    env.wait_broker_connected(true);
    // The emulator reports broker_connected once it is subscribed again;
    // the device may still race it, so retry the request a few times.
    let mut reply = None;
    for _ in 0..10 {
        dev.publish(&format!("{id}/shadow/get/trim"), b"", 1);
        reply = dev.wait_for(Duration::from_millis(500), |ev| match ev {
            common::DevEvent::Publish { topic, payload, .. }
                if topic == "nrf-r/shadow/get/accepted/trim" =>
            {
                Some(payload)
            }
            _ => None,
        });
        if reply.is_some() {
            break;
        }
    }
    let trim: Value = serde_json::from_slice(&reply.unwrap()).unwrap();
    assert_eq!(
        trim["desired"]["nrfcloud_mqtt_topic_prefix"],
        json!("prod/team-r/")
    );

    // Control API keeps working and publishes through the new connection.
    dev.subscribe(&["prod/team-r/m/d/nrf-r/+/r"]);
    env.http("POST", &format!("/devices/{id}/c2d"), b"after-restart");
    assert_eq!(
        dev.expect_publish("prod/team-r/m/d/nrf-r/c2d/r"),
        b"after-restart".to_vec()
    );
}

#[test]
fn control_api_errors_and_ctl_client() {
    let env = Env::start("api", &["nrf-api"], &[]);
    assert_eq!(env.http("GET", "/nope", b"").0, 404);
    assert_eq!(env.http("GET", "/devices/never-seen/shadow", b"").0, 404);
    let (status, body) = env.http("GET", "/devices/never-seen/messages", b"");
    assert_eq!(
        (status, body["messages"].clone(), body["next"].clone()),
        (200, json!([]), json!(0))
    );
    assert_eq!(env.http("POST", "/devices/x/associate", b"{bad").0, 400);
    assert_eq!(
        env.http("POST", "/devices/x/associate", br#"{"tenant":"a/b"}"#)
            .0,
        400
    );
    assert_eq!(env.http("PATCH", "/devices/x/desired", b"[1]").0, 400);
    assert_eq!(env.http("PATCH", "/devices/a%2Bb/desired", b"{}").0, 400);
    assert_eq!(env.http("POST", "/publish", br#"{"topic":"a/#"}"#).0, 400);
    assert_eq!(
        env.http(
            "POST",
            "/publish",
            br#"{"topic":"a","payload":"x","qos":2}"#
        )
        .0,
        400
    );
    assert_eq!(env.http("POST", "/devices/x/c2d?qos=1", b"x").0, 404);

    let ctl = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cloudwire-emulator"))
            .args(["ctl", "--http", &env.http])
            .args(args)
            .output()
            .unwrap()
    };
    let out = ctl(&["associate", "nrf-api", "--tenant", "team-x"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = ctl(&["shadow", "nrf-api"]);
    assert!(out.status.success());
    let shadow: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        shadow["desired"]["nrfcloud_mqtt_topic_prefix"],
        json!("prod/team-x/")
    );
    let out = ctl(&["shadow", "unknown-device"]);
    assert!(!out.status.success());
}
