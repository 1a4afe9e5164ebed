// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 cloudwire contributors

//! The nRF Cloud side of the protocol, without I/O: devices, association,
//! shadows and captured traffic. Every operation returns the MQTT messages
//! the cloud must publish; the broker link sends them.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::log;
use crate::log::preview;
use crate::shadow::Shadow;
use crate::topics::{self, Inbound, MessageKind};

/// A message the cloud publishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub topic: String,
    pub payload: Vec<u8>,
    pub qos: u8,
}

/// Something a device published, kept as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    /// Position in this device's list (0-based).
    pub index: usize,
    /// Position across everything the emulator received.
    pub seq: u64,
    pub topic: String,
    pub qos: u8,
    pub payload: Vec<u8>,
    pub kind: Option<MessageKind>,
    pub received_ms: u64,
}

/// What the cloud knows about one device.
#[derive(Debug, Clone)]
pub struct Device {
    /// `Some(tenant)` once the device is associated with a team.
    pub tenant: Option<String>,
    pub shadow: Shadow,
    /// d2c, d2c/bulk, d2c/bin and FOTA job traffic.
    pub messages: Vec<Captured>,
    /// Payloads published on `<id>/shadow/update`, byte for byte.
    pub shadow_updates: Vec<Captured>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CloudError {
    UnknownDevice,
    NotAssociated,
    BadRequest(String),
}

impl std::fmt::Display for CloudError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CloudError::UnknownDevice => write!(f, "unknown device"),
            CloudError::NotAssociated => write!(f, "device is not associated"),
            CloudError::BadRequest(why) => write!(f, "{why}"),
        }
    }
}

pub struct Cloud {
    stage: String,
    /// Tenant that devices seen for the first time are associated with.
    auto_associate: Option<String>,
    devices: BTreeMap<String, Device>,
    seq: u64,
}

/// Desired state of an associated device, as nRF Cloud writes it.
fn paired_desired(stage: &str, tenant: &str, id: &str) -> Value {
    json!({
        "pairing": {
            "state": "paired",
            "topics": {
                "d2c": topics::d2c(stage, tenant, id),
                "c2d": topics::c2d_in_shadow(stage, tenant, id),
            }
        },
        "nrfcloud_mqtt_topic_prefix": topics::prefix(stage, tenant),
    })
}

fn unassociated_desired() -> Value {
    json!({"pairing": {"state": "not_associated"}})
}

fn as_object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn to_bytes(value: &Value) -> Vec<u8> {
    // Serialising a Value cannot fail (all keys are strings).
    serde_json::to_vec(value).unwrap_or_default()
}

impl Cloud {
    pub fn new(stage: &str, auto_associate: Option<String>) -> Self {
        Cloud {
            stage: stage.to_string(),
            auto_associate,
            devices: BTreeMap::new(),
            seq: 0,
        }
    }

    pub fn device(&self, id: &str) -> Option<&Device> {
        self.devices.get(id)
    }

    pub fn device_ids(&self) -> impl Iterator<Item = &String> {
        self.devices.keys()
    }

    /// Device ids become topic levels: no separators or wildcards.
    fn check_id(id: &str) -> Result<(), CloudError> {
        if id.is_empty() || id.contains(['/', '+', '#']) {
            return Err(CloudError::BadRequest(
                "device id must be non-empty without '/', '+', '#'".into(),
            ));
        }
        Ok(())
    }

    /// The device record, created on first mention (a provisioned device).
    fn device_entry(&mut self, id: &str) -> &mut Device {
        let stage = self.stage.clone();
        let auto = self.auto_associate.clone();
        self.devices.entry(id.to_string()).or_insert_with(|| {
            let (tenant, desired) = match auto {
                Some(tenant) => {
                    log!("{id}: new device, auto-associated with tenant {tenant}");
                    let desired = paired_desired(&stage, &tenant, id);
                    (Some(tenant), desired)
                }
                None => {
                    log!("{id}: new device, not associated");
                    (None, unassociated_desired())
                }
            };
            Device {
                tenant,
                shadow: Shadow::new(as_object(desired)),
                messages: Vec::new(),
                shadow_updates: Vec::new(),
            }
        })
    }

    fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// Delta publish for `id` if its desired state differs from reported.
    fn delta_if_any(&self, id: &str, now: u64) -> Option<Outgoing> {
        let device = self.devices.get(id)?;
        if device.shadow.delta().is_empty() {
            return None;
        }
        let doc = device.shadow.delta_document(now);
        let payload = to_bytes(&doc);
        log!("{id} <- shadow/update/delta/full {}", preview(&payload));
        Some(Outgoing {
            topic: topics::shadow_delta_full(id),
            payload,
            qos: 1,
        })
    }

    /// Handle a PUBLISH the emulator received from the broker.
    pub fn on_publish(&mut self, topic: &str, payload: &[u8], qos: u8, now: u64) -> Vec<Outgoing> {
        match topics::classify(topic) {
            Inbound::ShadowGetTrim { device } => self.on_get_trim(&device),
            Inbound::ShadowGetTransform { device } => {
                log!(
                    "{device} -> shadow/get/tf {} (transforms are not emulated; no reply)",
                    preview(payload)
                );
                Vec::new()
            }
            Inbound::ShadowUpdate { device } => {
                self.on_shadow_update(&device, topic, payload, qos, now)
            }
            Inbound::DeviceMessage { device, kind } | Inbound::Jobs { device, kind } => {
                self.capture_message(&device, topic, payload, qos, kind);
                Vec::new()
            }
            Inbound::Other => Vec::new(),
        }
    }

    fn on_get_trim(&mut self, id: &str) -> Vec<Outgoing> {
        let device = self.device_entry(id);
        let payload = to_bytes(&device.shadow.trimmed());
        log!("{id} -> shadow/get/trim");
        log!("{id} <- shadow/get/accepted/trim {}", preview(&payload));
        vec![Outgoing {
            topic: topics::shadow_accepted_trim(id),
            payload,
            qos: 1,
        }]
    }

    fn on_shadow_update(
        &mut self,
        id: &str,
        topic: &str,
        payload: &[u8],
        qos: u8,
        now: u64,
    ) -> Vec<Outgoing> {
        let seq = self.next_seq();
        let device = self.device_entry(id);
        device.shadow_updates.push(Captured {
            index: device.shadow_updates.len(),
            seq,
            topic: topic.to_string(),
            qos,
            payload: payload.to_vec(),
            kind: None,
            received_ms: log::unix_now_ms(),
        });
        log!("{id} -> shadow/update {}", preview(payload));

        let result = serde_json::from_slice::<Value>(payload)
            .map_err(|e| format!("invalid JSON: {e}"))
            .and_then(|doc| device.shadow.apply_update(&doc).map_err(|r| r.0));
        match result {
            Ok(()) => {
                log!("{id}: shadow version {}", device.shadow.version);
                self.delta_if_any(id, now).into_iter().collect()
            }
            Err(why) => {
                log!("{id}: shadow update rejected: {why}");
                let body = json!({"code": 400, "message": why, "timestamp": now});
                vec![Outgoing {
                    topic: topics::shadow_update_rejected(id),
                    payload: to_bytes(&body),
                    qos: 1,
                }]
            }
        }
    }

    fn capture_message(
        &mut self,
        id: &str,
        topic: &str,
        payload: &[u8],
        qos: u8,
        kind: MessageKind,
    ) {
        let seq = self.next_seq();
        let device = self.device_entry(id);
        device.messages.push(Captured {
            index: device.messages.len(),
            seq,
            topic: topic.to_string(),
            qos,
            payload: payload.to_vec(),
            kind: Some(kind),
            received_ms: log::unix_now_ms(),
        });
        log!("{id} -> {topic} (qos {qos}) {}", preview(payload));
    }

    /// Add the device to a team: desired gets pairing, topics and prefix,
    /// and a connected device learns of it from the delta.
    pub fn associate(
        &mut self,
        id: &str,
        tenant: &str,
        now: u64,
    ) -> Result<Vec<Outgoing>, CloudError> {
        Self::check_id(id)?;
        if tenant.is_empty() || tenant.contains(['/', '+', '#']) {
            return Err(CloudError::BadRequest(
                "tenant must be non-empty without '/', '+', '#'".into(),
            ));
        }
        let stage = self.stage.clone();
        let device = self.device_entry(id);
        device.tenant = Some(tenant.to_string());
        device
            .shadow
            .patch_desired(&as_object(paired_desired(&stage, tenant, id)));
        log!(
            "{id}: associated with tenant {tenant} (shadow version {})",
            device.shadow.version
        );
        Ok(self.delta_if_any(id, now).into_iter().collect())
    }

    /// Remove the device from its team: desired goes back to not_associated.
    pub fn disassociate(&mut self, id: &str, now: u64) -> Result<Vec<Outgoing>, CloudError> {
        let device = self.devices.get_mut(id).ok_or(CloudError::UnknownDevice)?;
        device.tenant = None;
        let patch = json!({
            "pairing": {"state": "not_associated", "topics": null},
            "nrfcloud_mqtt_topic_prefix": null,
        });
        device.shadow.patch_desired(&as_object(patch));
        log!(
            "{id}: disassociated (shadow version {})",
            device.shadow.version
        );
        Ok(self.delta_if_any(id, now).into_iter().collect())
    }

    /// Merge a patch into desired; publishes the delta if there is one.
    pub fn patch_desired(
        &mut self,
        id: &str,
        patch: &Value,
        now: u64,
    ) -> Result<Vec<Outgoing>, CloudError> {
        let patch = patch
            .as_object()
            .ok_or_else(|| CloudError::BadRequest("desired patch must be a JSON object".into()))?;
        Self::check_id(id)?;
        let device = self.device_entry(id);
        device.shadow.patch_desired(patch);
        log!(
            "{id}: desired patched with {} (shadow version {})",
            preview(&to_bytes(&Value::Object(patch.clone()))),
            device.shadow.version
        );
        Ok(self.delta_if_any(id, now).into_iter().collect())
    }

    fn tenant_of(&self, id: &str) -> Result<String, CloudError> {
        let device = self.devices.get(id).ok_or(CloudError::UnknownDevice)?;
        device.tenant.clone().ok_or(CloudError::NotAssociated)
    }

    /// A cloud-to-device message on `<prefix>m/d/<id>/c2d/r`.
    pub fn c2d(&self, id: &str, payload: &[u8], qos: u8) -> Result<Outgoing, CloudError> {
        let tenant = self.tenant_of(id)?;
        let topic = topics::c2d_publish(&self.stage, &tenant, id);
        log!("{id} <- {topic} {}", preview(payload));
        Ok(Outgoing {
            topic,
            payload: payload.to_vec(),
            qos,
        })
    }

    /// The message nRF Cloud sends when a device is deleted from the account.
    pub fn discon(&self, id: &str) -> Result<Outgoing, CloudError> {
        self.c2d(id, br#"{"appId":"DEVICE","messageType":"DISCON"}"#, 1)
    }

    /// A FOTA job document on `<prefix><id>/jobs/rcv`.
    pub fn fota_job(&self, id: &str, payload: &[u8]) -> Result<Outgoing, CloudError> {
        let tenant = self.tenant_of(id)?;
        let topic = topics::jobs_rcv(&self.stage, &tenant, id);
        log!("{id} <- {topic} {}", preview(payload));
        Ok(Outgoing {
            topic,
            payload: payload.to_vec(),
            qos: 1,
        })
    }

    /// Forget everything about the device. Returns whether it was known.
    pub fn reset(&mut self, id: &str) -> bool {
        let known = self.devices.remove(id).is_some();
        log!(
            "{id}: reset ({})",
            if known { "forgotten" } else { "was not known" }
        );
        known
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    const NOW: u64 = 1_750_000_000;

    fn text(out: &Outgoing) -> &str {
        std::str::from_utf8(&out.payload).unwrap()
    }

    #[test]
    fn unknown_device_gets_not_associated_trim() {
        let mut cloud = Cloud::new("prod", None);
        let out = cloud.on_publish("dev1/shadow/get/trim", b"", 1, NOW);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].topic, "dev1/shadow/get/accepted/trim");
        assert_eq!(
            text(&out[0]),
            r#"{"desired":{"pairing":{"state":"not_associated"}},"reported":{}}"#
        );
    }

    #[test]
    fn auto_associated_device_gets_paired_trim() {
        let mut cloud = Cloud::new("prod", Some("team".into()));
        let out = cloud.on_publish("dev1/shadow/get/trim", b"", 1, NOW);
        assert_eq!(
            text(&out[0]),
            r#"{"desired":{"pairing":{"state":"paired","topics":{"d2c":"prod/team/m/d/dev1/d2c","c2d":"prod/team/m/d/dev1/c2d"}},"nrfcloud_mqtt_topic_prefix":"prod/team/"},"reported":{}}"#
        );
    }

    /// The NCS flow: not_associated report, association delta, paired report
    /// (which also rewrites desired c2d), then no further delta.
    #[test]
    fn association_flow_matches_ncs() {
        let mut cloud = Cloud::new("prod", None);
        cloud.on_publish("dev1/shadow/get/trim", b"", 1, NOW);
        let not_assoc = br#"{"state":{"reported":{"pairing":{"state":"not_associated","topics":null,"config":null},"connection":{"keepalive":null},"nrfcloud_mqtt_topic_prefix":null,"pairingStatus":null,"stage":null}}}"#;
        assert!(cloud
            .on_publish("dev1/shadow/update", not_assoc, 1, NOW)
            .is_empty());

        let out = cloud.associate("dev1", "team", NOW).unwrap();
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].topic, "dev1/shadow/update/delta/full");
        assert_eq!(
            text(&out[0]),
            r#"{"version":3,"timestamp":1750000000,"state":{"pairing":{"state":"paired","topics":{"d2c":"prod/team/m/d/dev1/d2c","c2d":"prod/team/m/d/dev1/c2d"}},"nrfcloud_mqtt_topic_prefix":"prod/team/"}}"#
        );

        let paired = br#"{"state":{"reported":{"pairing":{"state":"paired","topics":{"d2c":"prod/team/m/d/dev1/d2c","c2d":"prod/team/m/d/dev1/+/r"}},"connection":{"keepalive":1200},"nrfcloud_mqtt_topic_prefix":"prod/team/","control":{"alertsEn":false,"logLvl":1}},"desired":{"pairing":{"topics":{"c2d":"prod/team/m/d/dev1/+/r"}}}}}"#;
        assert!(cloud
            .on_publish("dev1/shadow/update", paired, 1, NOW)
            .is_empty());
        let dev = cloud.device("dev1").unwrap();
        assert_eq!(dev.shadow.version, 4);
        assert_eq!(dev.shadow_updates.len(), 2);
        assert_eq!(dev.shadow_updates[1].payload, paired.to_vec());

        // A later connect gets the paired trim with the control section.
        let out = cloud.on_publish("dev1/shadow/get/trim", b"", 1, NOW);
        assert_eq!(
            text(&out[0]),
            r#"{"desired":{"pairing":{"state":"paired","topics":{"d2c":"prod/team/m/d/dev1/d2c","c2d":"prod/team/m/d/dev1/+/r"}},"nrfcloud_mqtt_topic_prefix":"prod/team/"},"reported":{"control":{"alertsEn":false,"logLvl":1}}}"#
        );

        // Desired control change -> delta with only the differing key.
        let out = cloud
            .patch_desired(
                "dev1",
                &json!({"control":{"logLvl":3,"alertsEn":false}}),
                NOW,
            )
            .unwrap();
        assert_eq!(
            text(&out[0]),
            r#"{"version":5,"timestamp":1750000000,"state":{"control":{"logLvl":3}}}"#
        );
    }

    #[test]
    fn disassociate_sends_not_associated_delta() {
        let mut cloud = Cloud::new("prod", Some("team".into()));
        cloud.on_publish("dev1/shadow/get/trim", b"", 1, NOW);
        let out = cloud.disassociate("dev1", NOW).unwrap();
        assert_eq!(
            text(&out[0]),
            r#"{"version":2,"timestamp":1750000000,"state":{"pairing":{"state":"not_associated"}}}"#
        );
        assert_eq!(cloud.c2d("dev1", b"x", 1), Err(CloudError::NotAssociated));
    }

    #[test]
    fn c2d_and_discon_topics() {
        let mut cloud = Cloud::new("prod", None);
        assert_eq!(cloud.c2d("dev1", b"x", 1), Err(CloudError::UnknownDevice));
        cloud.associate("dev1", "team", NOW).unwrap();
        let out = cloud.c2d("dev1", b"hello", 0).unwrap();
        assert_eq!(out.topic, "prod/team/m/d/dev1/c2d/r");
        assert_eq!(out.qos, 0);
        let out = cloud.discon("dev1").unwrap();
        assert_eq!(out.topic, "prod/team/m/d/dev1/c2d/r");
        assert_eq!(text(&out), r#"{"appId":"DEVICE","messageType":"DISCON"}"#);
        assert_eq!(
            cloud.fota_job("dev1", b"[]").unwrap().topic,
            "prod/team/dev1/jobs/rcv"
        );
    }

    #[test]
    fn bad_shadow_update_is_captured_and_rejected() {
        let mut cloud = Cloud::new("prod", None);
        let out = cloud.on_publish("dev1/shadow/update", b"{not json", 1, NOW);
        assert_eq!(out[0].topic, "dev1/shadow/update/rejected");
        let dev = cloud.device("dev1").unwrap();
        assert_eq!(dev.shadow.version, 1);
        assert_eq!(dev.shadow_updates[0].payload, b"{not json".to_vec());
    }

    #[test]
    fn messages_are_captured_in_order() {
        let mut cloud = Cloud::new("prod", None);
        cloud.on_publish("prod/t/m/d/dev1/d2c", b"a", 1, NOW);
        cloud.on_publish("prod/t/m/d/dev1/d2c/bulk", b"[]", 0, NOW);
        cloud.on_publish("prod/t/m/d/dev1/d2c/bin", &[0xff, 0], 1, NOW);
        cloud.on_publish("prod/t/m/d/dev1/c2d/r", b"own", 1, NOW);
        let dev = cloud.device("dev1").unwrap();
        let kinds: Vec<_> = dev
            .messages
            .iter()
            .map(|m| (m.index, m.kind, m.qos))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (0, Some(MessageKind::D2c), 1),
                (1, Some(MessageKind::Bulk), 0),
                (2, Some(MessageKind::Bin), 1)
            ]
        );
        assert!(dev.messages[0].seq < dev.messages[1].seq);
    }

    #[test]
    fn reset_forgets() {
        let mut cloud = Cloud::new("prod", None);
        cloud.associate("dev1", "team", NOW).unwrap();
        assert!(cloud.reset("dev1"));
        assert!(!cloud.reset("dev1"));
        assert!(cloud.device("dev1").is_none());
    }
}
