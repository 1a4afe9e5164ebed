// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

//! API sends: exact topics, payloads, QoS and message IDs, and every error.

mod common;

use cloudwire_nrf_cloud::{
    ConnMethod, Core, DeviceStatus, Error, FotaServices, Qos, Settings, ShadowInfo, State,
    ENDPOINTS_MAX,
};
use common::*;

const TEMP: u32 = 3;

fn sensor_json(app: &str, data: &str, ts: Option<&str>) -> String {
    match ts {
        Some(ts) => {
            format!(r#"{{"appId":"{app}","data":"{data}","messageType":"DATA","ts":{ts}}}"#)
        }
        None => format!(r#"{{"appId":"{app}","data":"{data}","messageType":"DATA"}}"#),
    }
}

#[test]
fn sensor_data_send_and_stream() {
    let mut d = Dev::ready(Settings::DEFAULT);
    let r = d
        .core
        .sensor_data_send(&mut d.io, &mut d.buf, TEMP, b"21.5", 0, 1_700_000_000_123);
    assert_eq!(r, Ok(()));
    let r = d
        .core
        .sensor_data_send(&mut d.io, &mut d.buf, 2, b"1", 0, 0);
    assert_eq!(r, Ok(()));
    let r = d
        .core
        .sensor_data_send(&mut d.io, &mut d.buf, 11, b"x\"y", 10001, 5);
    assert_eq!(r, Ok(()));
    // A tag below the user range is not used.
    let r = d
        .core
        .sensor_data_send(&mut d.io, &mut d.buf, 0, b"g", 9999, 0);
    assert_eq!(r, Ok(()));
    let r = d
        .core
        .sensor_data_stream(&mut d.io, &mut d.buf, 7, b"-97", 0);
    assert_eq!(r, Ok(()));
    // Data is a C string.
    let r = d
        .core
        .sensor_data_stream(&mut d.io, &mut d.buf, 10, b"ab\0cd", 0);
    assert_eq!(r, Ok(()));
    assert_eq!(
        d.take(),
        vec![
            pub1(
                D2C,
                &sensor_json("TEMP", "21.5", Some("1700000000123")),
                1000
            ),
            pub1(D2C, &sensor_json("BUTTON", "1", None), 1001),
            pub1(D2C, &sensor_json("LIGHT", "x\\\"y", Some("5")), 10001),
            pub1(D2C, &sensor_json("GNSS", "g", None), 1002),
            pub0(D2C, &sensor_json("RSRP", "-97", None)),
            pub0(D2C, &sensor_json("DEVICE", "ab", None)),
        ]
    );
    d.puback(10001);
    assert_eq!(
        d.take(),
        vec![ev_data(
            cloudwire_nrf_cloud::EventType::SensorDataAck,
            &10001u16.to_ne_bytes(),
            ""
        )]
    );
}

#[test]
fn sensor_errors() {
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    d.take();
    assert_eq!(
        d.core
            .sensor_data_send(&mut d.io, &mut d.buf, TEMP, b"1", 0, 0),
        Err(Error::Access)
    );
    assert_eq!(
        d.core
            .sensor_data_stream(&mut d.io, &mut d.buf, TEMP, b"1", 0),
        Err(Error::Access)
    );
    let mut d = Dev::ready(Settings::DEFAULT);
    assert_eq!(
        d.core
            .sensor_data_send(&mut d.io, &mut d.buf, 12, b"1", 0, 0),
        Err(Error::Invalid)
    );
    let mut small = [0u8; 30];
    assert_eq!(
        d.core
            .sensor_data_send(&mut d.io, &mut small, TEMP, b"1", 0, 0),
        Err(Error::NoMem)
    );
    assert_eq!(
        d.core
            .sensor_data_stream(&mut d.io, &mut small, TEMP, b"1", 0),
        Err(Error::NoMem)
    );
    assert_eq!(d.take(), vec![]);
    d.io.fail_publish = true;
    assert_eq!(
        d.core
            .sensor_data_send(&mut d.io, &mut d.buf, TEMP, b"1", 0, 0),
        Err(Error::Port(-5))
    );
}

#[test]
fn message_ids_wrap() {
    let mut d = Dev::ready(Settings::DEFAULT);
    let mut ids = Vec::new();
    for _ in 0..9001 {
        d.core.send(&mut d.io, 2, b"m", 1, 0).unwrap();
    }
    for op in d.take() {
        if let Op::Publish { id, .. } = op {
            ids.push(id);
        }
    }
    assert_eq!(ids[0], 1000);
    assert_eq!(ids[8999], 9999);
    assert_eq!(ids[9000], 1000);
}

#[test]
fn send_routing() {
    let mut d = Dev::ready(Settings::DEFAULT);
    let c = &mut d.core;
    let io = &mut d.io;
    assert_eq!(c.send(io, 1, br#"{"state":{}}"#, 0, 0), Ok(()));
    assert_eq!(c.send(io, 1, b"s", 2, 77), Ok(()));
    assert_eq!(c.send(io, 2, b"m0", 0, 55), Ok(()));
    assert_eq!(c.send(io, 2, b"m1", 1, 0), Ok(()));
    assert_eq!(c.send(io, 2, b"m1", 1, 0x1_0005), Ok(()));
    assert_eq!(c.send(io, 2, b"m1", 1, 0x1_0000), Ok(()));
    assert_eq!(c.send(io, 3, b"[1]", 0, 0), Ok(()));
    assert_eq!(c.send(io, 3, b"[2]", 1, 4242), Ok(()));
    assert_eq!(c.send(io, 4, &[0x6e, 0x52, 0, 1], 1, 0), Ok(()));
    assert_eq!(c.send(io, 4, b"", 0, 0), Ok(()));
    let upd = t("/shadow/update");
    let bulk = format!("{D2C}/bulk");
    let bin = format!("{D2C}/bin");
    assert_eq!(
        d.take(),
        vec![
            pub1(&upd, r#"{"state":{}}"#, 1000),
            pub1(&upd, "s", 77),
            pub0(D2C, "m0"),
            pub1(D2C, "m1", 1001),
            pub1(D2C, "m1", 5),
            pub1(D2C, "m1", 1002),
            pub0(&bulk, "[1]"),
            pub1(&bulk, "[2]", 4242),
            pub1(&bin, "nR\0\u{1}", 1003),
            pub0(&bin, ""),
        ]
    );
    // The d2c topic itself is unchanged by the suffixes.
    assert_eq!(d.core.d2c_topic(), D2C.as_bytes());
}

#[test]
fn bulk_and_bin_behind_the_longest_d2c() {
    // d2c ends exactly at ENDPOINTS_MAX: the suffixes still fit behind it.
    let mut d = Dev::new(Settings::DEFAULT);
    d.reach_state_requested();
    let d2c = format!(
        "d/{}",
        "z".repeat(ENDPOINTS_MAX - ID.len() - PREFIX.len() - C2D.len() - 2)
    );
    let doc = format!(
        r#"{{"desired":{{"pairing":{{"state":"paired","topics":{{"d2c":"{d2c}","c2d":"{C2D}"}}}},"nrfcloud_mqtt_topic_prefix":"{PREFIX}"}}}}"#
    );
    d.publish(&t("/shadow/get/accepted/trim"), &doc);
    d.puback(301);
    d.suback(101, true);
    assert_eq!(d.state(), State::DcConnected);
    d.take();
    assert_eq!(d.core.send(&mut d.io, 3, b"[1]", 0, 0), Ok(()));
    assert_eq!(d.core.send(&mut d.io, 4, b"b", 0, 0), Ok(()));
    assert_eq!(d.core.send(&mut d.io, 2, b"m", 0, 0), Ok(()));
    assert_eq!(
        d.take(),
        vec![
            pub0(&format!("{d2c}/bulk"), "[1]"),
            pub0(&format!("{d2c}/bin"), "b"),
            pub0(&d2c, "m"),
        ]
    );
    assert_eq!(d.core.d2c_topic(), d2c.as_bytes());
    assert_eq!(d.core.c2d_topic(), C2D.as_bytes());
}

#[test]
fn send_errors() {
    // Before the control channel: nothing may be sent.
    let mut d = Dev::new(Settings::DEFAULT);
    for tt in [1, 2, 3, 4, 5, 0, 99] {
        assert_eq!(d.core.send(&mut d.io, tt, b"x", 1, 0), Err(Error::Access));
    }
    // Control channel up: only STATE.
    d.reach_state_requested();
    d.take();
    assert_eq!(d.core.send(&mut d.io, 1, b"x", 1, 0), Ok(()));
    for tt in [2, 3, 4, 5, 0, 99] {
        assert_eq!(
            d.core.send(&mut d.io, tt, b"x", 1, 0),
            Err(Error::Access),
            "{tt}"
        );
    }
    // Ready: QoS rules and unknown types.
    let mut d = Dev::ready(Settings::DEFAULT);
    assert_eq!(d.core.send(&mut d.io, 2, b"x", 2, 0), Err(Error::Invalid));
    assert_eq!(d.core.send(&mut d.io, 3, b"x", 2, 0), Err(Error::Invalid));
    assert_eq!(d.core.send(&mut d.io, 4, b"x", 7, 0), Err(Error::Invalid));
    assert_eq!(d.core.send(&mut d.io, 5, b"x", 1, 0), Err(Error::NoData));
    assert_eq!(d.core.send(&mut d.io, 0, b"x", 1, 0), Err(Error::NoData));
    assert_eq!(d.core.send(&mut d.io, 6, b"x", 1, 0), Err(Error::NoData));
    assert_eq!(d.take(), vec![]);
    d.io.fail_publish = true;
    assert_eq!(d.core.send(&mut d.io, 1, b"x", 1, 0), Err(Error::Port(-5)));
    assert_eq!(d.core.send(&mut d.io, 2, b"x", 0, 0), Err(Error::Port(-5)));
}

#[test]
fn state_tf_with_transforms() {
    let s = Settings {
        shadow_transforms: true,
        ..Settings::DEFAULT
    };
    let mut d = Dev::new(s);
    assert_eq!(d.core.send(&mut d.io, 5, b"{}", 1, 0), Err(Error::Access));
    d.reach_state_requested();
    d.take();
    assert_eq!(d.core.send(&mut d.io, 5, b"{\"t\":\"x\"}", 0, 0), Ok(()));
    assert_eq!(
        d.take(),
        vec![pub1(&t("/shadow/get/tf"), "{\"t\":\"x\"}", 1000)]
    );
}

#[test]
fn device_status_update() {
    let s = Settings {
        connection_method: ConnMethod::Lte,
        ..Settings::DEFAULT
    };
    let st = DeviceStatus {
        fota: Some(FotaServices {
            application: true,
            ..FotaServices::default()
        }),
        ui: false,
        svc_given: true,
        conn_inf: ShadowInfo::Set,
        app_version: None,
    };
    let mut d = Dev::new(s);
    d.reach_state_requested();
    assert_eq!(
        d.core
            .shadow_device_status_update(&mut d.io, &mut d.buf, &st),
        Err(Error::Access)
    );
    let mut d = Dev::ready(s);
    assert_eq!(
        d.core
            .shadow_device_status_update(&mut d.io, &mut d.buf, &st),
        Ok(())
    );
    assert_eq!(
        d.take(),
        vec![pub1(
            &t("/shadow/update"),
            r#"{"state":{"reported":{"device":{"serviceInfo":{"ui":null,"fota_v2":["APP"]},"connectionInfo":{"protocol":"MQTT","method":"LTE"}}}}}"#,
            1000
        )]
    );
    let mut small = [0u8; 40];
    assert_eq!(
        d.core
            .shadow_device_status_update(&mut d.io, &mut small, &st),
        Err(Error::NoMem)
    );
}

#[test]
fn transform_request() {
    let mut d = Dev::ready(Settings::DEFAULT);
    assert_eq!(
        d.core
            .shadow_transform_request(&mut d.io, &mut d.buf, b"x", 0),
        Err(Error::NotSupported)
    );
    let s = Settings {
        shadow_transforms: true,
        ..Settings::DEFAULT
    };
    let mut d = Dev::new(s);
    assert_eq!(
        d.core
            .shadow_transform_request(&mut d.io, &mut d.buf, b"x", 0),
        Err(Error::Access)
    );
    d.reach_state_requested();
    d.take();
    d.core
        .shadow_transform_request(&mut d.io, &mut d.buf, b"$.state", 100)
        .unwrap();
    d.core
        .shadow_transform_request(&mut d.io, &mut d.buf, b"$.a", 1792)
        .unwrap();
    assert_eq!(
        d.take(),
        vec![
            pub1(&t("/shadow/get/tf"), r#"{"t":"$.state","l":100}"#, 1000),
            pub1(&t("/shadow/get/tf"), r#"{"t":"$.a"}"#, 1001),
        ]
    );
    let mut small = [0u8; 8];
    assert_eq!(
        d.core
            .shadow_transform_request(&mut d.io, &mut small, b"$.state", 0),
        Err(Error::NoMem)
    );
}

#[test]
fn nothing_can_be_sent_from_idle() {
    let mut c = Core::new();
    let mut io = RecIo::default();
    let mut buf = [0u8; 256];
    assert_eq!(c.send(&mut io, 1, b"x", 1, 0), Err(Error::Access));
    assert_eq!(
        c.sensor_data_send(&mut io, &mut buf, TEMP, b"1", 0, 0),
        Err(Error::Access)
    );
    assert_eq!(c.disconnect(&mut io), Err(Error::Access));
    assert_eq!(c.state(), State::Idle);
    assert!(io.take().is_empty());
    let _ = Qos::AtMostOnce;
}
