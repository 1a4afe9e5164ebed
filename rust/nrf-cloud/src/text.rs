// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! JSON text the encoders write and member names the decoders look for,
//! each byte stored once: names and shorter texts are cut, at compile time,
//! out of the longer texts that contain them (string literals would each
//! take their own flash).

/// The bytes of `hay` that equal `needle` (its first occurrence), as a
/// slice of `hay`. Meant for constants: a `needle` that is not in `hay`
/// fails the build (`split_at` out of range during const evaluation).
// Indexing is bounded by the loops, and this runs at compile time.
#[allow(clippy::indexing_slicing)]
pub(crate) const fn within(hay: &'static [u8], needle: &[u8]) -> &'static [u8] {
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let mut k = 0;
        while k < needle.len() && hay[i + k] == needle[k] {
            k += 1;
        }
        if k == needle.len() {
            return hay.split_at(i).1.split_at(k).0;
        }
        i += 1;
    }
    hay.split_at(hay.len() + 1).0
}

/// "Not associated" state report (UA_PIN_WAIT).
pub(crate) const NOT_ASSOCIATED_REPORT: &[u8] = b"{\"state\":{\"reported\":{\"pairing\":{\"state\":\"not_associated\",\"topics\":null,\"config\":null},\"connection\":{\"keepalive\":null},\"nrfcloud_mqtt_topic_prefix\":null,\"pairingStatus\":null,\"stage\":null}}}";

/// Opens a reported state: `{"state":{"reported":{`.
pub(crate) const STATE_REPORTED: &[u8] =
    within(NOT_ASSOCIATED_REPORT, b"{\"state\":{\"reported\":{");
/// Opens a reported pairing state: `{"state":{"reported":{"pairing":{"state":"`.
pub(crate) const PAIRING_STATE_HEAD: &[u8] = within(
    NOT_ASSOCIATED_REPORT,
    b"{\"state\":{\"reported\":{\"pairing\":{\"state\":\"",
);
/// The paired report after [`PAIRING_STATE_HEAD`], up to its d2c value.
pub(crate) const PAIRED_HEAD: &[u8] = b"paired\",\"topics\":{\"d2c\":";
/// The paired report's keepalive, up to its value (after the `}` that
/// closes its topics).
pub(crate) const KEEPALIVE_MEMBER: &[u8] =
    within(NOT_ASSOCIATED_REPORT, b"},\"connection\":{\"keepalive\":");
/// The paired report's prefix member, up to its value.
pub(crate) const PREFIX_MEMBER: &[u8] =
    within(NOT_ASSOCIATED_REPORT, b"},\"nrfcloud_mqtt_topic_prefix\":");
/// The paired report's desired c2d, up to its value.
pub(crate) const DESIRED_C2D: &[u8] = b",\"desired\":{\"pairing\":{\"topics\":{\"c2d\":";
/// The control object up to its alertsEn value.
pub(crate) const CONTROL_HEAD: &[u8] = b"\"control\":{\"alertsEn\":";
pub(crate) const LOG_LVL_MEMBER: &[u8] = b",\"logLvl\":";
/// The sensor message up to its appId value.
pub(crate) const SENSOR_HEAD: &[u8] = b"{\"appId\":";
pub(crate) const SENSOR_TYPE: &[u8] = b",\"messageType\":\"DATA\"";

/// `"appId"` values in `enum nrf_cloud_sensor` order, each ended by a
/// space: one string instead of a table of slices.
pub(crate) const SENSOR_APP_IDS: &[u8] =
    b"GNSS FLIP BUTTON TEMP HUMID AIR_PRESS AIR_QUAL RSRP LOG DICTLOG DEVICE LIGHT ";

// Member names and words, from the texts above.
pub(crate) const PREFIX_KEY: &[u8] = within(PREFIX_MEMBER, b"nrfcloud_mqtt_topic_prefix");
pub(crate) const STATE: &[u8] = within(NOT_ASSOCIATED_REPORT, b"state");
pub(crate) const REPORTED: &[u8] = within(NOT_ASSOCIATED_REPORT, b"reported");
pub(crate) const PAIRING: &[u8] = within(NOT_ASSOCIATED_REPORT, b"pairing");
pub(crate) const TOPICS: &[u8] = within(NOT_ASSOCIATED_REPORT, b"topics");
pub(crate) const CONFIG: &[u8] = within(NOT_ASSOCIATED_REPORT, b"config");
pub(crate) const NOT_ASSOCIATED: &[u8] = within(NOT_ASSOCIATED_REPORT, b"not_associated");
pub(crate) const PAIRED: &[u8] = within(PAIRED_HEAD, b"paired");
pub(crate) const D2C: &[u8] = within(PAIRED_HEAD, b"d2c");
pub(crate) const DESIRED: &[u8] = within(DESIRED_C2D, b"desired");
pub(crate) const C2D: &[u8] = within(DESIRED_C2D, b"c2d");
pub(crate) const CONTROL: &[u8] = within(CONTROL_HEAD, b"control");
pub(crate) const ALERTS_EN: &[u8] = within(CONTROL_HEAD, b"alertsEn");
pub(crate) const LOG_LVL: &[u8] = within(LOG_LVL_MEMBER, b"logLvl");
pub(crate) const APP_ID: &[u8] = within(SENSOR_HEAD, b"appId");
pub(crate) const MESSAGE_TYPE: &[u8] = within(SENSOR_TYPE, b"messageType");
pub(crate) const MESSAGE: &[u8] = within(SENSOR_TYPE, b"message");
pub(crate) const DEVICE: &[u8] = within(SENSOR_APP_IDS, b"DEVICE");
