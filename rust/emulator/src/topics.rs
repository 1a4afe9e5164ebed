// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 cloudwire contributors

//! nRF Cloud MQTT topic names: what the emulator subscribes to, how it
//! classifies what devices publish, and the topics it publishes on.

/// Topic filters the emulator subscribes to. Everything a device may
/// publish that the cloud acts on or records.
pub const SUBSCRIPTIONS: &[&str] = &[
    "+/shadow/get/trim",
    "+/shadow/get/tf",
    "+/shadow/update",
    // `#` also matches the parent level, so this covers d2c, d2c/bulk and d2c/bin.
    "prod/+/m/d/+/d2c/#",
    // FOTA job requests and updates (`<prefix><id>/jobs/req|update`).
    "prod/+/+/jobs/#",
];

/// What a device published, recognised from the topic alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inbound {
    /// `<id>/shadow/get/trim`
    ShadowGetTrim { device: String },
    /// `<id>/shadow/get/tf`
    ShadowGetTransform { device: String },
    /// `<id>/shadow/update`
    ShadowUpdate { device: String },
    /// `<stage>/<tenant>/m/d/<id>/d2c[/...]`
    DeviceMessage { device: String, kind: MessageKind },
    /// `<stage>/<tenant>/<id>/jobs/...` (device side: req, update, ble/req, ble/update)
    Jobs { device: String, kind: MessageKind },
    /// Anything else (including the emulator's own publishes that loop back).
    Other,
}

/// Kind of a captured device message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    D2c,
    Bulk,
    Bin,
    /// d2c with some other sub-topic
    D2cOther,
    JobsRequest,
    JobsUpdate,
    JobsOther,
}

/// Classify a topic a device published on.
pub fn classify(topic: &str) -> Inbound {
    let parts: Vec<&str> = topic.split('/').collect();
    match parts.as_slice() {
        [id, "shadow", "get", "trim"] if valid_id(id) => Inbound::ShadowGetTrim {
            device: (*id).to_string(),
        },
        [id, "shadow", "get", "tf"] if valid_id(id) => Inbound::ShadowGetTransform {
            device: (*id).to_string(),
        },
        [id, "shadow", "update"] if valid_id(id) => Inbound::ShadowUpdate {
            device: (*id).to_string(),
        },
        [_stage, _tenant, "m", "d", id, "d2c", rest @ ..] if valid_id(id) => {
            let kind = match rest {
                [] => MessageKind::D2c,
                ["bulk"] => MessageKind::Bulk,
                ["bin"] => MessageKind::Bin,
                _ => MessageKind::D2cOther,
            };
            Inbound::DeviceMessage {
                device: (*id).to_string(),
                kind,
            }
        }
        [_stage, _tenant, id, "jobs", rest @ ..] if valid_id(id) => {
            let kind = match rest {
                ["req"] | ["ble", "req"] => MessageKind::JobsRequest,
                ["update"] | ["ble", "update"] => MessageKind::JobsUpdate,
                // `rcv` is where the cloud publishes jobs: our own traffic.
                ["rcv"] | ["ble", "rcv"] => return Inbound::Other,
                _ => MessageKind::JobsOther,
            };
            Inbound::Jobs {
                device: (*id).to_string(),
                kind,
            }
        }
        _ => Inbound::Other,
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id != "+" && id != "#"
}

/// `<prefix>` as nRF Cloud puts it in `nrfcloud_mqtt_topic_prefix`: `<stage>/<tenant>/`.
pub fn prefix(stage: &str, tenant: &str) -> String {
    format!("{stage}/{tenant}/")
}

/// Device-to-cloud topic the cloud hands out in `desired.pairing.topics.d2c`.
pub fn d2c(stage: &str, tenant: &str, device: &str) -> String {
    format!("{stage}/{tenant}/m/d/{device}/d2c")
}

/// Cloud-to-device topic the cloud hands out in `desired.pairing.topics.c2d`
/// (the legacy form; NCS rewrites the trailing `/c2d` to the wildcard `/+/r`).
pub fn c2d_in_shadow(stage: &str, tenant: &str, device: &str) -> String {
    format!("{stage}/{tenant}/m/d/{device}/c2d")
}

/// Topic general cloud-to-device messages are published on: `.../c2d/r`,
/// matched by the device's `.../+/r` subscription and classified by NCS as
/// general data (substring `/c2d/r`).
pub fn c2d_publish(stage: &str, tenant: &str, device: &str) -> String {
    format!("{stage}/{tenant}/m/d/{device}/c2d/r")
}

/// FOTA job topic the cloud publishes jobs on.
pub fn jobs_rcv(stage: &str, tenant: &str, device: &str) -> String {
    format!("{stage}/{tenant}/{device}/jobs/rcv")
}

pub fn shadow_accepted_trim(device: &str) -> String {
    format!("{device}/shadow/get/accepted/trim")
}

pub fn shadow_delta_full(device: &str) -> String {
    format!("{device}/shadow/update/delta/full")
}

pub fn shadow_update_rejected(device: &str) -> String {
    format!("{device}/shadow/update/rejected")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_shadow_topics() {
        assert_eq!(
            classify("nrf-1/shadow/get/trim"),
            Inbound::ShadowGetTrim {
                device: "nrf-1".into()
            }
        );
        assert_eq!(
            classify("nrf-1/shadow/update"),
            Inbound::ShadowUpdate {
                device: "nrf-1".into()
            }
        );
        assert_eq!(classify("nrf-1/shadow/update/delta/full"), Inbound::Other);
        assert_eq!(classify("nrf-1/shadow/get/accepted/trim"), Inbound::Other);
    }

    #[test]
    fn classifies_messages() {
        let d = |kind| Inbound::DeviceMessage {
            device: "dev".into(),
            kind,
        };
        assert_eq!(classify("prod/t1/m/d/dev/d2c"), d(MessageKind::D2c));
        assert_eq!(classify("prod/t1/m/d/dev/d2c/bulk"), d(MessageKind::Bulk));
        assert_eq!(classify("prod/t1/m/d/dev/d2c/bin"), d(MessageKind::Bin));
        assert_eq!(
            classify("prod/t1/m/d/dev/d2c/x/y"),
            d(MessageKind::D2cOther)
        );
        assert_eq!(classify("prod/t1/m/d/dev/c2d/r"), Inbound::Other);
        assert_eq!(
            classify("prod/t1/dev/jobs/req"),
            Inbound::Jobs {
                device: "dev".into(),
                kind: MessageKind::JobsRequest
            }
        );
        assert_eq!(classify("prod/t1/dev/jobs/rcv"), Inbound::Other);
    }

    #[test]
    fn builds_topics() {
        assert_eq!(prefix("prod", "t"), "prod/t/");
        assert_eq!(d2c("prod", "t", "d"), "prod/t/m/d/d/d2c");
        assert_eq!(c2d_in_shadow("prod", "t", "d"), "prod/t/m/d/d/c2d");
        assert_eq!(c2d_publish("prod", "t", "d"), "prod/t/m/d/d/c2d/r");
        assert_eq!(jobs_rcv("prod", "t", "d"), "prod/t/d/jobs/rcv");
        assert_eq!(shadow_delta_full("d"), "d/shadow/update/delta/full");
    }
}
