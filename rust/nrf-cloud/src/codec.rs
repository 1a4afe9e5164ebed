// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! JSON the device sends, byte for byte as NCS's cJSON code prints it
//! (unformatted, keys in the order NCS adds them).

use crate::api::{ConnMethod, DeviceStatus, ShadowInfo};
use crate::text::{
    self, CONTROL_HEAD, DESIRED_C2D, KEEPALIVE_MEMBER, LOG_LVL_MEMBER, PAIRED_HEAD,
    PAIRING_STATE_HEAD, PREFIX_MEMBER, SENSOR_APP_IDS, SENSOR_HEAD, SENSOR_TYPE, STATE_REPORTED,
};
use cloudwire_json::{Overflow, Writer};

/// "Not associated" state report (UA_PIN_WAIT), published once per
/// association cycle.
pub const NOT_ASSOCIATED_REPORT: &[u8] = text::NOT_ASSOCIATED_REPORT;

/// The `"appId"` of an `enum nrf_cloud_sensor` value.
pub fn sensor_app_id(sensor: u32) -> Option<&'static [u8]> {
    let mut rest = SENSOR_APP_IDS;
    let mut n = sensor;
    loop {
        let end = rest.iter().position(|&b| b == b' ')?;
        let (id, tail) = rest.split_at_checked(end)?;
        if n == 0 {
            return Some(id);
        }
        n -= 1;
        rest = tail.get(1..)?;
    }
}

/// `{"appId":"<app>","data":"<data>","messageType":"DATA"[,"ts":<ts>]}`;
/// `"ts"` only when `ts_ms != 0`.
pub fn encode_sensor<'b>(
    buf: &'b mut [u8],
    app_id: &[u8],
    data: &[u8],
    ts_ms: i64,
) -> Result<&'b [u8], Overflow> {
    let mut w = Writer::new(buf);
    w.raw(SENSOR_HEAD)
        .string(app_id)
        .raw(b",\"data\":")
        .string(data)
        .raw(SENSOR_TYPE);
    if ts_ms != 0 {
        w.raw(b",\"ts\":").int(ts_ms);
    }
    w.raw(b"}");
    w.finish()
}

/// `"control":{..}`, after `lead` (`{"state":{"reported":{` or a comma).
fn control(w: &mut Writer<'_>, lead: &[u8], alerts_en: bool, log_lvl: i32) {
    w.raw(lead)
        .raw(CONTROL_HEAD)
        .bool(alerts_en)
        .raw(LOG_LVL_MEMBER)
        .int(i64::from(log_lvl))
        .raw(b"}");
}

/// Confirms device control values:
/// `{"state":{"reported":{"control":{"alertsEn":<b>,"logLvl":<n>}}}}`.
pub fn encode_control_reply(
    buf: &mut [u8],
    alerts_en: bool,
    log_lvl: i32,
) -> Result<&[u8], Overflow> {
    let mut w = Writer::new(buf);
    control(&mut w, STATE_REPORTED, alerts_en, log_lvl);
    w.raw(b"}}}");
    w.finish()
}

fn method_str(m: ConnMethod) -> &'static [u8] {
    match m {
        ConnMethod::Lte => b"LTE",
        ConnMethod::WiFi => b"Wi-Fi",
        ConnMethod::Unknown => b"Unknown",
    }
}

fn connection_info(w: &mut Writer<'_>, m: ConnMethod) {
    w.raw(b"{\"protocol\":\"MQTT\",\"method\":")
        .string(method_str(m))
        .raw(b"}");
}

/// What goes into the "paired" state report (UA_PIN_COMPLETE).
#[derive(Clone, Copy, Debug)]
pub struct PairedReport<'a> {
    pub d2c: &'a [u8],
    /// c2d as subscribed (after the `/c2d` -> `/+/r` rewrite).
    pub c2d: &'a [u8],
    pub prefix: &'a [u8],
    /// `CONFIG_NRF_CLOUD_MQTT_KEEPALIVE`.
    pub keepalive_s: u16,
    pub alerts_en: bool,
    pub log_lvl: i32,
    /// Also set `desired.pairing.topics.c2d` (the c2d topic was rewritten).
    pub desired_c2d: bool,
    /// The info sections of the first connect after boot: here only
    /// `device.connectionInfo` (no modem info or FOTA in this build).
    pub connection_info: Option<ConnMethod>,
}

/// `{"state":{"reported":{"pairing":{"state":"paired","topics":{"d2c":..,"c2d":..}},
/// "connection":{"keepalive":..},"nrfcloud_mqtt_topic_prefix":..,
/// "control":{..}[,"device":{"connectionInfo":{..}}]}[,"desired":{"pairing":{"topics":{"c2d":..}}}]}}`
pub fn encode_paired_report<'b>(
    buf: &'b mut [u8],
    r: &PairedReport<'_>,
) -> Result<&'b [u8], Overflow> {
    let mut w = Writer::new(buf);
    w.raw(PAIRING_STATE_HEAD)
        .raw(PAIRED_HEAD)
        .string(r.d2c)
        .raw(b",\"c2d\":")
        .string(r.c2d)
        .raw(b"}")
        .raw(KEEPALIVE_MEMBER)
        .int(i64::from(r.keepalive_s))
        .raw(PREFIX_MEMBER)
        .string(r.prefix);
    control(&mut w, b",", r.alerts_en, r.log_lvl);
    if let Some(m) = r.connection_info {
        w.raw(b",\"device\":{\"connectionInfo\":");
        connection_info(&mut w, m);
        w.raw(b"}");
    }
    w.raw(b"}");
    if r.desired_c2d {
        w.raw(DESIRED_C2D).string(r.c2d).raw(b"}}}");
    }
    w.raw(b"}}");
    w.finish()
}

/// `nrf_cloud_shadow_device_status_update` without modem info (there is no
/// modem library here): `{"state":{"reported":{"device":{["serviceInfo":
/// {"ui":null,"fota_v2":[..]|null}][,"connectionInfo":{..}|null]}}}}`.
pub fn encode_device_status<'b>(
    buf: &'b mut [u8],
    st: &DeviceStatus<'_>,
    method: ConnMethod,
) -> Result<&'b [u8], Overflow> {
    let mut w = Writer::new(buf);
    w.raw(b"{\"state\":{\"reported\":{\"device\":")
        .begin_object();
    if st.svc_given {
        // NCS always nulls the deprecated "ui" section when svc is given.
        w.key(b"serviceInfo").raw(b"{\"ui\":null,\"fota_v2\":");
        match st.fota {
            Some(f) => {
                w.begin_array();
                for (on, name) in [
                    (f.bootloader, &b"BOOT"[..]),
                    (f.modem, b"MODEM"),
                    (f.application, b"APP"),
                    (f.modem_full, b"MDM_FULL"),
                    (f.smp, b"SMP"),
                ] {
                    if on {
                        w.elem().string(name);
                    }
                }
                w.end_array();
            }
            None => {
                w.null();
            }
        }
        w.raw(b"}");
    }
    match st.conn_inf {
        ShadowInfo::Set => {
            w.key(b"connectionInfo");
            connection_info(&mut w, method);
        }
        ShadowInfo::Clear => {
            w.key(b"connectionInfo").null();
        }
        ShadowInfo::NoChange => {}
    }
    w.end_object().raw(b"}}}");
    w.finish()
}

/// NCS's default maximum transform response; `"l"` is left out for it.
pub const TRANSFORM_MAX_RESPONSE_LEN: usize = 1792;

/// `{"t":"<expr>"[,"l":<len>]}`; `"l"` only when `max_len` is neither 0
/// nor [`TRANSFORM_MAX_RESPONSE_LEN`].
pub fn encode_transform_request<'b>(
    buf: &'b mut [u8],
    expr: &[u8],
    max_len: usize,
) -> Result<&'b [u8], Overflow> {
    let mut w = Writer::new(buf);
    w.raw(b"{\"t\":").string(expr);
    if max_len != 0 && max_len != TRANSFORM_MAX_RESPONSE_LEN {
        w.raw(b",\"l\":")
            .int(i64::try_from(max_len).unwrap_or(i64::MAX));
    }
    w.raw(b"}");
    w.finish()
}
