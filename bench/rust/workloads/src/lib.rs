// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The library's work, callable from the benchmark programs.

#![forbid(unsafe_code)]

use core::fmt;

use cloudwire_json::Str;
use cloudwire_nrf_cloud::shadow::{self, Pairing};
use cloudwire_nrf_cloud::{codec, ShadowKind};

/// The document could not be encoded or decoded.
#[derive(Debug)]
pub struct Failed;

/// A sensor reading as `nrf_cloud_sensor_data_send` takes it.
pub struct Sensor<'a> {
    pub app_id: &'a [u8],
    pub data: &'a [u8],
    pub ts_ms: i64,
}

/// `{"appId":…,"data":…,"messageType":"DATA","ts":…}` (§1.6.6) into `out`,
/// with the core's own encoder (what `Core::sensor_data_send` publishes).
pub fn encode_sensor<'o>(s: &Sensor<'_>, out: &'o mut [u8]) -> Result<&'o [u8], Failed> {
    codec::encode_sensor(out, s.app_id, s.data, s.ts_ms).map_err(|_| Failed)
}

/// What the device takes from a trimmed shadow.
#[derive(Default)]
pub struct Decoded {
    pub prefix: Field,
    pub d2c: Field,
    pub c2d: Field,
    pub associated: bool,
    pub alerts_en: bool,
    pub log_lvl: i64,
}

/// A string copied out of the document (unescaped), as the device keeps it.
pub struct Field {
    buf: [u8; 128],
    len: usize,
}

impl Default for Field {
    fn default() -> Self {
        Field {
            buf: [0; 128],
            len: 0,
        }
    }
}

impl Field {
    fn set(&mut self, s: Str<'_>) -> Result<(), Failed> {
        self.len = s.unescape_into(&mut self.buf).map_err(|_| Failed)?.len();
        Ok(())
    }

    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

impl fmt::Display for Decoded {
    /// The line bench/cjson/decode_shadow.c prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = |x: &Field| String::from_utf8_lossy(x.as_bytes()).into_owned();
        write!(
            f,
            "associated={} prefix={} d2c={} c2d={} alertsEn={} logLvl={}",
            u8::from(self.associated),
            s(&self.prefix),
            s(&self.d2c),
            s(&self.c2d),
            u8::from(self.alerts_en),
            self.log_lvl
        )
    }
}

/// The decoding `Core::on_publish` does for `…/shadow/get/accepted/trim`,
/// with the core's own functions, in its order: the document (valid JSON
/// with a `desired` object), the association decision, the control section
/// (desired, else reported), then the endpoints, copied out unescaped as the
/// core stores them. The same work as bench/cjson/decode_shadow.c.
pub fn decode_shadow(doc: &[u8], out: &mut Decoded) -> Result<(), Failed> {
    let doc = shadow::decode(ShadowKind::Accepted, doc).map_err(|_| Failed)?;
    let target = doc.section.as_ref().ok_or(Failed)?;
    let associated = match shadow::pairing(target) {
        Pairing::Associated { .. } => true,
        Pairing::NotAssociated => false,
        _ => return Err(Failed),
    };
    if shadow::control_section(&doc).is_some() {
        let (alerts, level) =
            shadow::apply_control(doc.control_values, (false, 0)).ok_or(Failed)?;
        out.alerts_en = alerts;
        out.log_lvl = i64::from(level);
    }
    out.associated = associated;
    if !associated {
        return Ok(());
    }
    let eps = shadow::endpoints(target).ok_or(Failed)?;
    out.prefix.set(eps.prefix.ok_or(Failed)?)?;
    out.d2c.set(eps.d2c)?;
    out.c2d.set(eps.c2d)?;
    Ok(())
}
