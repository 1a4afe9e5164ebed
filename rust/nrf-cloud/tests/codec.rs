// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

//! The encoders and decoders on their own. The expected documents marked
//! "cJSON" were printed by cJSON 1.7 from the same sequence of cJSON calls
//! NCS's codec makes.

use cloudwire_json::parse;
use cloudwire_nrf_cloud::codec::*;
use cloudwire_nrf_cloud::shadow::*;
use cloudwire_nrf_cloud::topics::{dc_topic, DcTopic};
use cloudwire_nrf_cloud::{ConnMethod, DeviceStatus, FotaServices, ShadowInfo, ShadowKind};

fn text(r: Result<&[u8], cloudwire_json::Overflow>) -> String {
    String::from_utf8(r.unwrap().to_vec()).unwrap()
}

#[test]
fn paired_report_as_cjson() {
    let mut buf = [0u8; 1024];
    let r = PairedReport {
        d2c: b"prod/t/m/d/id/d2c",
        c2d: b"prod/t/m/d/id/+/r",
        prefix: b"prod/t\"x/",
        keepalive_s: 1200,
        alerts_en: true,
        log_lvl: 3,
        desired_c2d: true,
        connection_info: Some(ConnMethod::WiFi),
    };
    // cJSON
    assert_eq!(
        text(encode_paired_report(&mut buf, &r)),
        r#"{"state":{"reported":{"pairing":{"state":"paired","topics":{"d2c":"prod/t/m/d/id/d2c","c2d":"prod/t/m/d/id/+/r"}},"connection":{"keepalive":1200},"nrfcloud_mqtt_topic_prefix":"prod/t\"x/","control":{"alertsEn":true,"logLvl":3},"device":{"connectionInfo":{"protocol":"MQTT","method":"Wi-Fi"}}},"desired":{"pairing":{"topics":{"c2d":"prod/t/m/d/id/+/r"}}}}}"#
    );
    let plain = PairedReport {
        desired_c2d: false,
        connection_info: None,
        alerts_en: false,
        log_lvl: 0,
        keepalive_s: 60,
        ..r
    };
    assert_eq!(
        text(encode_paired_report(&mut buf, &plain)),
        r#"{"state":{"reported":{"pairing":{"state":"paired","topics":{"d2c":"prod/t/m/d/id/d2c","c2d":"prod/t/m/d/id/+/r"}},"connection":{"keepalive":60},"nrfcloud_mqtt_topic_prefix":"prod/t\"x/","control":{"alertsEn":false,"logLvl":0}}}}"#
    );
    let n = encode_paired_report(&mut buf, &r).unwrap().len();
    for cap in [0, 1, n / 2, n - 1] {
        let mut small = vec![0u8; cap];
        assert!(encode_paired_report(&mut small, &r).is_err());
    }
}

#[test]
fn not_associated_report_as_cjson() {
    // cJSON
    assert_eq!(
        NOT_ASSOCIATED_REPORT,
        br#"{"state":{"reported":{"pairing":{"state":"not_associated","topics":null,"config":null},"connection":{"keepalive":null},"nrfcloud_mqtt_topic_prefix":null,"pairingStatus":null,"stage":null}}}"#
    );
}

#[test]
fn sensor_message_as_cjson() {
    let mut buf = [0u8; 256];
    // cJSON
    assert_eq!(
        text(encode_sensor(
            &mut buf,
            b"TEMP",
            b"23.5\n\"q\"\t\x01",
            1_700_000_000_123
        )),
        r#"{"appId":"TEMP","data":"23.5\n\"q\"\t\u0001","messageType":"DATA","ts":1700000000123}"#
    );
    assert_eq!(
        text(encode_sensor(&mut buf, b"GNSS", b"", 0)),
        r#"{"appId":"GNSS","data":"","messageType":"DATA"}"#
    );
    assert_eq!(
        text(encode_sensor(&mut buf, b"RSRP", b"-90", -5)),
        r#"{"appId":"RSRP","data":"-90","messageType":"DATA","ts":-5}"#
    );
    let mut small = [0u8; 40];
    assert!(encode_sensor(&mut small, b"TEMP", b"1", 0).is_err());
}

#[test]
fn sensor_app_ids() {
    let want = [
        "GNSS",
        "FLIP",
        "BUTTON",
        "TEMP",
        "HUMID",
        "AIR_PRESS",
        "AIR_QUAL",
        "RSRP",
        "LOG",
        "DICTLOG",
        "DEVICE",
        "LIGHT",
    ];
    for (i, w) in want.iter().enumerate() {
        assert_eq!(sensor_app_id(i as u32), Some(w.as_bytes()));
    }
    assert_eq!(sensor_app_id(12), None);
    assert_eq!(sensor_app_id(u32::MAX), None);
}

#[test]
fn control_reply() {
    let mut buf = [0u8; 128];
    assert_eq!(
        text(encode_control_reply(&mut buf, true, 4)),
        r#"{"state":{"reported":{"control":{"alertsEn":true,"logLvl":4}}}}"#
    );
}

#[test]
fn device_status_as_cjson() {
    let mut buf = [0u8; 512];
    let st = DeviceStatus {
        fota: Some(FotaServices {
            bootloader: true,
            application: true,
            smp: true,
            ..FotaServices::default()
        }),
        ui: false,
        svc_given: true,
        conn_inf: ShadowInfo::Set,
        app_version: None,
    };
    // cJSON
    assert_eq!(
        text(encode_device_status(&mut buf, &st, ConnMethod::Lte)),
        r#"{"state":{"reported":{"device":{"serviceInfo":{"ui":null,"fota_v2":["BOOT","APP","SMP"]},"connectionInfo":{"protocol":"MQTT","method":"LTE"}}}}}"#
    );
    let all = DeviceStatus {
        fota: Some(FotaServices {
            bootloader: true,
            modem: true,
            application: true,
            modem_full: true,
            smp: true,
        }),
        ..st
    };
    assert_eq!(
        text(encode_device_status(&mut buf, &all, ConnMethod::Unknown)),
        r#"{"state":{"reported":{"device":{"serviceInfo":{"ui":null,"fota_v2":["BOOT","MODEM","APP","MDM_FULL","SMP"]},"connectionInfo":{"protocol":"MQTT","method":"Unknown"}}}}}"#
    );
    let none = DeviceStatus {
        fota: Some(FotaServices::default()),
        conn_inf: ShadowInfo::Clear,
        ..st
    };
    assert_eq!(
        text(encode_device_status(&mut buf, &none, ConnMethod::Lte)),
        r#"{"state":{"reported":{"device":{"serviceInfo":{"ui":null,"fota_v2":[]},"connectionInfo":null}}}}"#
    );
    let no_fota = DeviceStatus {
        fota: None,
        ui: true,
        conn_inf: ShadowInfo::NoChange,
        app_version: Some(b"1.0.0"),
        ..st
    };
    assert_eq!(
        text(encode_device_status(&mut buf, &no_fota, ConnMethod::Lte)),
        r#"{"state":{"reported":{"device":{"serviceInfo":{"ui":null,"fota_v2":null}}}}}"#
    );
    let only_conn = DeviceStatus {
        svc_given: false,
        fota: None,
        conn_inf: ShadowInfo::Set,
        ..st
    };
    assert_eq!(
        text(encode_device_status(&mut buf, &only_conn, ConnMethod::WiFi)),
        r#"{"state":{"reported":{"device":{"connectionInfo":{"protocol":"MQTT","method":"Wi-Fi"}}}}}"#
    );
    let nothing = DeviceStatus {
        svc_given: false,
        fota: None,
        conn_inf: ShadowInfo::NoChange,
        ..st
    };
    assert_eq!(
        text(encode_device_status(&mut buf, &nothing, ConnMethod::WiFi)),
        r#"{"state":{"reported":{"device":{}}}}"#
    );
}

#[test]
fn transform_request() {
    let mut buf = [0u8; 128];
    // cJSON
    assert_eq!(
        text(encode_transform_request(&mut buf, b"$.state.reported", 512)),
        r#"{"t":"$.state.reported","l":512}"#
    );
    assert_eq!(
        text(encode_transform_request(&mut buf, b"a\"b", 0)),
        r#"{"t":"a\"b"}"#
    );
    assert_eq!(
        text(encode_transform_request(
            &mut buf,
            b"x",
            TRANSFORM_MAX_RESPONSE_LEN
        )),
        r#"{"t":"x"}"#
    );
    assert_eq!(
        text(encode_transform_request(&mut buf, b"x", 1793)),
        r#"{"t":"x","l":1793}"#
    );
}

#[test]
fn decode_accepted() {
    let doc = br#"{"desired":{"a":1},"reported":{"b":2},"config":{"c":3}}"#;
    match decode_shadow(ShadowKind::Accepted, doc).unwrap() {
        Shadow::Accepted {
            desired,
            reported,
            config,
        } => {
            assert_eq!(desired.raw(), br#"{"a":1}"#);
            assert_eq!(reported.unwrap().raw(), br#"{"b":2}"#);
            assert_eq!(config.unwrap().raw(), br#"{"c":3}"#);
        }
        other => panic!("{other:?}"),
    }
    // reported/config that are not objects are left out.
    match decode_shadow(
        ShadowKind::Accepted,
        br#"{"DESIRED":{},"reported":1,"config":[]}"#,
    )
    .unwrap()
    {
        Shadow::Accepted {
            reported, config, ..
        } => {
            assert!(reported.is_none());
            assert!(config.is_none());
        }
        other => panic!("{other:?}"),
    }
    for bad in [
        &br#"{"desired":1}"#[..],
        br#"{}"#,
        br#"[{"desired":{}}]"#,
        br#""desired""#,
    ] {
        assert_eq!(
            decode_shadow(ShadowKind::Accepted, bad),
            Err(DecodeError::Shape)
        );
    }
    assert!(matches!(
        decode_shadow(ShadowKind::Accepted, b""),
        Err(DecodeError::Json(_))
    ));
    // Read up to the first NUL, as a C string.
    assert!(decode_shadow(ShadowKind::Accepted, b"{\"desired\":{}}\0garbage").is_ok());
    assert!(decode_shadow(ShadowKind::Accepted, b"{\"desired\":{}\0}").is_err());
}

#[test]
fn decode_delta() {
    let doc = br#"{"version":5,"timestamp":1700000000,"state":{"x":1},"metadata":{}}"#;
    assert!(matches!(
        decode_shadow(ShadowKind::Delta, doc).unwrap(),
        Shadow::Delta { .. }
    ));
    for bad in [
        &br#"{"timestamp":1,"state":{}}"#[..],
        br#"{"version":1,"state":{}}"#,
        br#"{"version":1,"timestamp":1}"#,
        br#"{"version":"1","timestamp":1,"state":{}}"#,
        br#"{"version":1,"timestamp":null,"state":{}}"#,
        br#"{"version":1,"timestamp":1,"state":[]}"#,
    ] {
        assert_eq!(
            decode_shadow(ShadowKind::Delta, bad),
            Err(DecodeError::Shape)
        );
    }
}

#[test]
fn decode_transform() {
    match decode_shadow(ShadowKind::Transform, b"42").unwrap() {
        Shadow::TransformResult(v) => assert_eq!(v.raw(), b"42"),
        other => panic!("{other:?}"),
    }
    match decode_shadow(ShadowKind::Transform, br#"{"err":"x","v":1}"#).unwrap() {
        Shadow::TransformResult(v) => assert_eq!(v.raw(), br#"{"err":"x","v":1}"#),
        other => panic!("{other:?}"),
    }
    match decode_shadow(
        ShadowKind::Transform,
        br#"{"err":1002,"position":7,"message":"Unexpected token"}"#,
    )
    .unwrap()
    {
        Shadow::TransformError {
            code,
            position,
            message,
        } => {
            assert_eq!(code.as_int_trunc(), Some(1002));
            assert_eq!(position.as_int_trunc(), Some(7));
            assert!(message.equals(b"Unexpected token"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        decode_shadow(ShadowKind::Transform, br#"{"err":1,"message":"m"}"#),
        Err(DecodeError::Shape)
    );
    assert_eq!(
        decode_shadow(
            ShadowKind::Transform,
            br#"{"err":1,"position":2,"message":3}"#
        ),
        Err(DecodeError::Shape)
    );
}

fn val(s: &[u8]) -> cloudwire_json::Value<'_> {
    parse(s).unwrap()
}

#[test]
fn pairing_decisions() {
    assert!(matches!(
        pairing(&section(val(br#"{"nrfcloud_mqtt_topic_prefix":"p/t/"}"#))),
        Pairing::Associated { .. }
    ));
    assert_eq!(
        pairing(&section(val(br#"{"pairing":{"state":"not_associated"}}"#))),
        Pairing::NotAssociated
    );
    // NCS compares prefixes of the state string.
    assert_eq!(
        pairing(&section(val(
            br#"{"pairing":{"state":"not_associated_x"}}"#
        ))),
        Pairing::NotAssociated
    );
    assert_eq!(
        pairing(&section(val(br#"{"pairing":{"state":"paired"}}"#))),
        Pairing::Paired
    );
    assert_eq!(
        pairing(&section(val(br#"{"pairing":{"state":"pairedX"}}"#))),
        Pairing::Paired
    );
    assert_eq!(
        pairing(&section(val(br#"{"pairing":{"state":"initiate"}}"#))),
        Pairing::Deprecated
    );
    assert_eq!(
        pairing(&section(val(br#"{"pairing":{"state":5}}"#))),
        Pairing::Absent
    );
    assert_eq!(
        pairing(&section(val(br#"{"pairing":["state"]}"#))),
        Pairing::Absent
    );
    assert_eq!(pairing(&section(val(br#"{}"#))), Pairing::Absent);
    // A prefix that is not a string does not count.
    assert_eq!(
        pairing(&section(val(
            br#"{"nrfcloud_mqtt_topic_prefix":null,"pairing":{"state":"not_associated"}}"#
        ))),
        Pairing::NotAssociated
    );
}

#[test]
fn endpoint_rules() {
    let ok = val(br#"{"pairing":{"state":"paired","topics":{"d2c":"a","c2d":"b"}},"nrfcloud_mqtt_topic_prefix":"p"}"#);
    let ep = endpoints(&section(ok)).unwrap();
    assert!(ep.d2c.equals(b"a"));
    assert!(ep.c2d.equals(b"b"));
    assert!(ep.prefix.unwrap().equals(b"p"));
    assert!(endpoints(&section(val(
        br#"{"pairing":{"state":"paired","topics":{"d2c":"a","c2d":"b"}}}"#
    )))
    .unwrap()
    .prefix
    .is_none());
    for bad in [
        &br#"{"pairing":{"state":"not_associated","topics":{"d2c":"a","c2d":"b"}}}"#[..],
        br#"{"pairing":{"topics":{"d2c":"a","c2d":"b"}}}"#,
        br#"{"pairing":{"state":"paired"}}"#,
        br#"{"pairing":{"state":"paired","topics":{"c2d":"b"}}}"#,
        br#"{"pairing":{"state":"paired","topics":{"d2c":"a"}}}"#,
        br#"{"pairing":{"state":"paired","topics":{"d2c":1,"c2d":"b"}}}"#,
        br#"{"pairing":{"state":"paired","topics":{"d2c":"a","c2d":"b"}},"nrfcloud_mqtt_topic_prefix":7}"#,
    ] {
        assert!(endpoints(&section(val(bad))).is_none(), "{}", String::from_utf8_lossy(bad));
    }
}

#[test]
fn control_rules() {
    let c = |s: &[u8]| decode_control(val(s), (false, 1));
    assert_eq!(c(br#"{}"#), Some((false, 1)));
    assert_eq!(c(br#"{"alertsEn":true}"#), Some((true, 1)));
    assert_eq!(c(br#"{"logLvl":4}"#), Some((false, 4)));
    assert_eq!(c(br#"{"logLvl":0,"alertsEn":false}"#), Some((false, 0)));
    assert_eq!(c(br#"{"logLvl":3.9}"#), Some((false, 3)));
    assert_eq!(c(br#"{"logLvl":-0.5}"#), Some((false, 0)));
    for bad in [
        &br#"{"alertsEn":1}"#[..],
        br#"{"alertsEn":null}"#,
        br#"{"alertsEn":"true"}"#,
        br#"{"logLvl":5}"#,
        br#"{"logLvl":-1}"#,
        br#"{"logLvl":"2"}"#,
        br#"{"logLvl":null}"#,
        br#"{"alertsEn":true,"logLvl":9}"#,
    ] {
        assert_eq!(c(bad), None, "{}", String::from_utf8_lossy(bad));
    }
}

#[test]
fn delta_data_ignores_one_control_object() {
    let has = |doc: &[u8]| {
        let v = val(doc);
        delta_has_data(v, &section(v))
    };
    assert!(!has(br#"{}"#));
    assert!(!has(br#"{"control":{"logLvl":2}}"#));
    assert!(!has(br#"{"Control":{}}"#));
    assert!(has(br#"{"control":5}"#));
    assert!(has(br#"{"control":{},"x":1}"#));
    assert!(has(br#"{"control":{},"control":{}}"#));
    assert!(has(br#"{"a":null}"#));
}

#[test]
fn prefix_split_as_ncs() {
    assert_eq!(
        split_prefix(b"prod/tenant/"),
        Some((&b"prod"[..], &b"tenant"[..]))
    );
    assert_eq!(
        split_prefix(b"prod/tenant"),
        Some((&b"prod"[..], &b"tenan"[..]))
    );
    assert_eq!(split_prefix(b"prod/"), Some((&b"prod"[..], &b""[..])));
    assert_eq!(split_prefix(b"/"), Some((&b""[..], &b""[..])));
    assert_eq!(split_prefix(b"prod"), None);
}

#[test]
fn discon_detection() {
    assert!(is_disconnect_request(
        br#"{"appId":"DEVICE","messageType":"DISCON"}"#
    ));
    assert!(is_disconnect_request(
        br#"{"messageType":"DISCON","x":[1],"APPID":"DEVICE"}"#
    ));
    assert!(!is_disconnect_request(
        br#"{"appId":"DEVICE","messageType":"DATA"}"#
    ));
    assert!(!is_disconnect_request(
        br#"{"appId":"DEVICEX","messageType":"DISCON"}"#
    ));
    assert!(!is_disconnect_request(
        br#"{"appId":"DEVICE","messageType":"DISCON""#
    ));
    assert!(!is_disconnect_request(br#"["DEVICE","DISCON"]"#));
    // The first member of each name counts (ASCII case ignored), and
    // only at the top level.
    assert!(!is_disconnect_request(
        br#"{"appId":"DEVICE","messageType":"DATA","messagetype":"DISCON"}"#
    ));
    assert!(!is_disconnect_request(
        br#"{"x":{"appId":"DEVICE","messageType":"DISCON"}}"#
    ));
    // Escaped words fail NCS's quick text check.
    assert!(!is_disconnect_request(
        br#"{"appId":"DEVICE","messageType":"DIS\u0043ON"}"#
    ));
    // Length limit: the C string must be shorter than 200 bytes.
    let pad = |n: usize| {
        format!(
            r#"{{"appId":"DEVICE","messageType":"DISCON","p":"{}"}}"#,
            "x".repeat(n)
        )
    };
    let base = pad(0).len();
    assert!(is_disconnect_request(pad(199 - base).as_bytes()));
    assert!(!is_disconnect_request(pad(200 - base).as_bytes()));
    let mut long = br#"{"appId":"DEVICE","messageType":"DISCON"}"#.to_vec();
    long.push(0);
    long.extend(std::iter::repeat_n(b'x', 500));
    assert!(is_disconnect_request(&long));
}

#[test]
fn data_channel_topics() {
    assert_eq!(dc_topic(b"p/t/m/d/id/agnss/r"), DcTopic::Agnss);
    assert_eq!(dc_topic(b"p/t/m/d/id/pgps/r"), DcTopic::Pgps);
    assert_eq!(dc_topic(b"p/t/m/d/id/ground_fix/r"), DcTopic::Location);
    assert_eq!(dc_topic(b"p/t/m/d/id/c2d/r"), DcTopic::General);
    assert_eq!(dc_topic(b"p/t/m/d/id/other"), DcTopic::General);
    assert_eq!(dc_topic(b""), DcTopic::General);
    assert_eq!(dc_topic(b"/agnss/"), DcTopic::General);
}

#[test]
fn c_string_view() {
    assert_eq!(c_str(b"ab\0cd"), b"ab");
    assert_eq!(c_str(b"abc"), b"abc");
    assert_eq!(c_str(b"\0"), b"");
}

#[test]
fn decode_captures_match_navigation() {
    let docs: &[&[u8]] = &[
        br#"{"desired":{"pairing":{"state":"paired","topics":{"d2c":"a","c2d":"b"}},"nrfcloud_mqtt_topic_prefix":"p/t/","control":{"logLvl":2}},"reported":{"control":{"alertsEn":true}}}"#,
        br#"{"Desired":{"PAIRING":{"topics":5,"State":"x"},"control":[]},"desired":{"pairing":{}},"REPORTED":{"x":1,"Control":{}}}"#,
        br#"{"desired":{}}"#,
    ];
    for doc in docs {
        let d = decode(ShadowKind::Accepted, doc).unwrap();
        let Shadow::Accepted {
            desired, reported, ..
        } = d.shadow
        else {
            panic!()
        };
        assert_eq!(d.section, Some(section(desired)));
        assert_eq!(
            d.reported_control,
            reported.and_then(|r| r.get_ci(b"control"))
        );
    }
    let delta = br#"{"state":{"control":{"alertsEn":false},"pairing":{"state":"not_associated"}},"version":3,"timestamp":9}"#;
    let d = decode(ShadowKind::Delta, delta).unwrap();
    let Shadow::Delta { state, .. } = d.shadow else {
        panic!()
    };
    assert_eq!(d.section, Some(section(state)));
    assert_eq!(d.reported_control, None);
    assert_eq!(pairing(&d.section.unwrap()), Pairing::NotAssociated);
    assert_eq!(control_section(&d).unwrap().raw(), br#"{"alertsEn":false}"#);
    // An accepted document falls back to reported.control.
    let d = decode(
        ShadowKind::Accepted,
        br#"{"desired":{"control":1},"reported":{"control":{"logLvl":0}}}"#,
    )
    .unwrap();
    assert_eq!(control_section(&d).unwrap().raw(), br#"{"logLvl":0}"#);
    assert_eq!(
        control_section(&decode(ShadowKind::Transform, br#"{"control":{}}"#).unwrap()),
        None
    );
}

/// The control values captured while decoding are what `decode_control`
/// finds in the control section.
#[test]
fn captured_control_values_match_the_section() {
    let cases: &[(ShadowKind, &[u8])] = &[
        (ShadowKind::Accepted, br#"{"desired":{"control":{"logLvl":2,"LOGLVL":3}},"reported":{"control":{"alertsEn":true}}}"#),
        (ShadowKind::Accepted, br#"{"desired":{"control":1,"control":{"logLvl":2}},"reported":{"control":{"alertsEn":true,"x":{"logLvl":4}}}}"#),
        (ShadowKind::Accepted, br#"{"desired":{"control":[{"logLvl":2}]},"reported":{"Control":{"AlertsEn":"no"}}}"#),
        (ShadowKind::Accepted, br#"{"desired":{},"reported":{"control":5,"control":{"logLvl":1}}}"#),
        (ShadowKind::Accepted, br#"{"desired":{"control":{}},"reported":{"control":{"logLvl":1}}}"#),
        (ShadowKind::Delta, br#"{"state":{"control":{"alertsEn":false,"logLvl":4.5}},"version":3,"timestamp":9}"#),
        (ShadowKind::Delta, br#"{"state":{"control":{"a":{"alertsEn":true}},"control":{"logLvl":0}},"version":3,"timestamp":9}"#),
        (ShadowKind::Delta, br#"{"state":{"x":{"control":{"logLvl":0}}},"version":3,"timestamp":9}"#),
        (ShadowKind::Transform, br#"{"control":{"logLvl":0}}"#),
    ];
    for &(kind, doc) in cases {
        let d = decode(kind, doc).unwrap();
        let found = control_section(&d).map(|c| decode_control(c, (false, 1)));
        let captured = control_section(&d).map(|_| apply_control(d.control_values, (false, 1)));
        assert_eq!(captured, found, "{}", String::from_utf8_lossy(doc));
        if found.is_none() {
            assert_eq!(d.control_values, [None, None]);
        }
    }
    let d = decode(ShadowKind::Accepted, cases[1].1).unwrap();
    assert_eq!(apply_control(d.control_values, (false, 1)), Some((true, 1)));
    let d = decode(ShadowKind::Accepted, cases[0].1).unwrap();
    assert_eq!(
        apply_control(d.control_values, (false, 1)),
        Some((false, 2))
    );
}

/// `logLvl` is read as the integer part of the number, as
/// `Value::as_int_trunc` (C's `(int)` cast) has it, for any spelling.
#[test]
fn log_level_as_int_truncation() {
    let mut n = 0;
    for sign in ["", "-"] {
        for int in [
            "0",
            "1",
            "3",
            "4",
            "5",
            "9",
            "10",
            "40",
            "400",
            "12345678901234567890123",
        ] {
            for frac in ["", ".0", ".5", ".999", ".04", ".00004"] {
                for exp in [
                    "", "e0", "E1", "e-1", "e+2", "e-2", "e-3", "e5", "e-25", "e9999", "e-9999",
                ] {
                    let num = format!("{sign}{int}{frac}{exp}");
                    let doc = format!(r#"{{"logLvl":{num}}}"#);
                    let want = val(num.as_bytes())
                        .as_int_trunc()
                        .filter(|l| (0..=4).contains(l))
                        .map(|l| (false, l as i32));
                    assert_eq!(
                        decode_control(val(doc.as_bytes()), (false, 1)),
                        want,
                        "{num}"
                    );
                    n += usize::from(want.is_some());
                }
            }
        }
    }
    // Both outcomes are covered.
    assert!(n > 100, "{n}");
}

/// A delta's state "has data" unless it is empty or its only member is
/// its (first) control object, however it is spelled.
#[test]
fn delta_data_by_text() {
    let has = |doc: &[u8]| {
        let v = val(doc);
        delta_has_data(v, &section(v))
    };
    assert!(!has(b" { \n\t} "));
    assert!(!has(b"{ \"control\" :\r\n{ \"x\" : [1,{}] } \n}"));
    assert!(!has(br#"{"contro\u006c":{}}"#));
    assert!(!has(br#"{"CONTROL":{"a":"}"}}"#));
    assert!(has(br#"{"control":{} ,"control":5}"#));
    assert!(has(br#"{"a\"control":{},"control":{}}"#));
    assert!(has(br#"{"x":{"control":{}}}"#));
    assert!(has(br#"{"control":[]}"#));
    assert!(has(br#"{"control":"{}"}"#));
}
