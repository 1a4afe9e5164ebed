// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! A recording [`Io`] and helpers that walk a [`Core`] through the
//! connection sequence.

#![allow(dead_code)]

use cloudwire_nrf_cloud::{
    Core, DisconnectStatus, Error, Event, EventType, Io, Qos, Settings, ShadowKind, State,
};

pub const ID: &str = "nrf-352656100123456";
pub const PREFIX: &str = "prod/a0b1c2d3-e4f5-4a5b-8c9d-0e1f2a3b4c5d/";
pub const D2C: &str = "prod/a0b1c2d3-e4f5-4a5b-8c9d-0e1f2a3b4c5d/m/d/nrf-352656100123456/d2c";
pub const C2D: &str = "prod/a0b1c2d3-e4f5-4a5b-8c9d-0e1f2a3b4c5d/m/d/nrf-352656100123456/+/r";
pub const C2D_OLD: &str = "prod/a0b1c2d3-e4f5-4a5b-8c9d-0e1f2a3b4c5d/m/d/nrf-352656100123456/c2d";
pub const TENANT: &str = "a0b1c2d3-e4f5-4a5b-8c9d-0e1f2a3b4c5d";

/// A buffer as large as NCS's default payload buffer.
pub const BUF: usize = 2048;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ev {
    pub kind: EventType,
    pub status: u32,
    pub data: Vec<u8>,
    pub topic: String,
    pub shadow: Option<ShadowKind>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    Publish {
        topic: String,
        payload: String,
        qos: Qos,
        id: u16,
    },
    Subscribe {
        topics: Vec<String>,
        id: u16,
    },
    Disconnect,
    Keepalive(u16),
    Ping,
    Save(bool),
    Event(Ev),
}

#[derive(Default)]
pub struct RecIo {
    pub ops: Vec<Op>,
    pub logs: Vec<(u8, String)>,
    pub fail_publish: bool,
    pub fail_subscribe: bool,
    pub fail_disconnect: bool,
}

fn s(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

impl Io for RecIo {
    fn publish(
        &mut self,
        topic: &[u8],
        payload: &[u8],
        qos: Qos,
        msg_id: u16,
    ) -> Result<(), Error> {
        self.ops.push(Op::Publish {
            topic: s(topic),
            payload: s(payload),
            qos,
            id: msg_id,
        });
        if self.fail_publish {
            Err(Error::Port(-5))
        } else {
            Ok(())
        }
    }

    fn subscribe(&mut self, topics: &[&[u8]], msg_id: u16) -> Result<(), Error> {
        self.ops.push(Op::Subscribe {
            topics: topics.iter().map(|t| s(t)).collect(),
            id: msg_id,
        });
        if self.fail_subscribe {
            Err(Error::Port(-5))
        } else {
            Ok(())
        }
    }

    fn disconnect(&mut self) -> Result<(), Error> {
        self.ops.push(Op::Disconnect);
        if self.fail_disconnect {
            Err(Error::Port(-57))
        } else {
            Ok(())
        }
    }

    fn set_keepalive(&mut self, seconds: u16) {
        self.ops.push(Op::Keepalive(seconds));
    }

    fn ping(&mut self) {
        self.ops.push(Op::Ping);
    }

    fn save_persistent_session(&mut self, value: bool) {
        self.ops.push(Op::Save(value));
    }

    fn event(&mut self, e: &Event<'_>) {
        self.ops.push(Op::Event(Ev {
            kind: e.kind,
            status: e.status,
            data: e.data.to_vec(),
            topic: s(e.topic),
            shadow: e.shadow,
        }));
    }

    fn log(&mut self, level: u8, message: &str) {
        self.logs.push((level, message.to_string()));
    }
}

impl RecIo {
    /// Everything recorded since the last call.
    pub fn take(&mut self) -> Vec<Op> {
        std::mem::take(&mut self.ops)
    }

    pub fn take_logs(&mut self) -> Vec<(u8, String)> {
        std::mem::take(&mut self.logs)
    }
}

// ---- op builders ----------------------------------------------------------

pub fn pub1(topic: &str, payload: &str, id: u16) -> Op {
    Op::Publish {
        topic: topic.to_string(),
        payload: payload.to_string(),
        qos: Qos::AtLeastOnce,
        id,
    }
}

pub fn pub0(topic: &str, payload: &str) -> Op {
    Op::Publish {
        topic: topic.to_string(),
        payload: payload.to_string(),
        qos: Qos::AtMostOnce,
        id: 0,
    }
}

pub fn sub(topics: &[&str], id: u16) -> Op {
    Op::Subscribe {
        topics: topics.iter().map(|t| t.to_string()).collect(),
        id,
    }
}

pub fn ev(kind: EventType, status: u32) -> Op {
    Op::Event(Ev {
        kind,
        status,
        data: Vec::new(),
        topic: String::new(),
        shadow: None,
    })
}

pub fn ev_data(kind: EventType, data: &[u8], topic: &str) -> Op {
    Op::Event(Ev {
        kind,
        status: 0,
        data: data.to_vec(),
        topic: topic.to_string(),
        shadow: None,
    })
}

pub fn ev_shadow(kind: ShadowKind, payload: &str, topic: &str) -> Op {
    Op::Event(Ev {
        kind: EventType::RxDataShadow,
        status: 0,
        data: payload.as_bytes().to_vec(),
        topic: topic.to_string(),
        shadow: Some(kind),
    })
}

pub fn t(suffix: &str) -> String {
    format!("{ID}{suffix}")
}

pub fn cc_topics(transforms: bool) -> Vec<String> {
    let mut v = vec![
        t("/shadow/get/accepted/trim"),
        t("/shadow/get/rejected"),
        t("/shadow/update/delta/full"),
    ];
    if transforms {
        v.push(t("/shadow/get/accepted/tf"));
    }
    v
}

pub fn cc_sub(transforms: bool) -> Op {
    Op::Subscribe {
        topics: cc_topics(transforms),
        id: 100,
    }
}

pub fn get_trim() -> Op {
    pub1(&t("/shadow/get/trim"), "", 200)
}

// ---- documents --------------------------------------------------------------

pub const NOT_ASSOC_REPORT: &str = r#"{"state":{"reported":{"pairing":{"state":"not_associated","topics":null,"config":null},"connection":{"keepalive":null},"nrfcloud_mqtt_topic_prefix":null,"pairingStatus":null,"stage":null}}}"#;

pub fn accepted_not_associated() -> String {
    r#"{"desired":{"pairing":{"state":"not_associated"}},"reported":{"connection":{"keepalive":30}}}"#.to_string()
}

pub fn accepted_associated(c2d: &str) -> String {
    format!(
        r#"{{"desired":{{"pairing":{{"state":"paired","topics":{{"d2c":"{D2C}","c2d":"{c2d}"}}}},"nrfcloud_mqtt_topic_prefix":"{PREFIX}"}},"reported":{{"pairing":{{"state":"paired"}}}},"config":{{}}}}"#
    )
}

pub fn delta_associated(c2d: &str) -> String {
    format!(
        r#"{{"version":12,"timestamp":1700000000,"state":{{"pairing":{{"state":"paired","topics":{{"d2c":"{D2C}","c2d":"{c2d}"}}}},"nrfcloud_mqtt_topic_prefix":"{PREFIX}"}}}}"#
    )
}

/// The "paired" report for the standard endpoints.
pub fn paired_report(
    c2d: &str,
    desired: bool,
    info: Option<&str>,
    alerts: bool,
    lvl: i32,
) -> String {
    let mut r = format!(
        r#"{{"state":{{"reported":{{"pairing":{{"state":"paired","topics":{{"d2c":"{D2C}","c2d":"{c2d}"}}}},"connection":{{"keepalive":1200}},"nrfcloud_mqtt_topic_prefix":"{PREFIX}","control":{{"alertsEn":{alerts},"logLvl":{lvl}}}"#
    );
    if let Some(m) = info {
        r += &format!(r#","device":{{"connectionInfo":{{"protocol":"MQTT","method":"{m}"}}}}"#);
    }
    r += "}";
    if desired {
        r += &format!(r#","desired":{{"pairing":{{"topics":{{"c2d":"{c2d}"}}}}}}"#);
    }
    r += "}}";
    r
}

// ---- walking the core ---------------------------------------------------------

pub struct Dev {
    pub core: Core,
    pub io: RecIo,
    pub buf: Vec<u8>,
}

impl Dev {
    pub fn new(settings: Settings) -> Self {
        let mut core = Core::new();
        core.init(settings, ID.as_bytes()).unwrap();
        Dev {
            core,
            io: RecIo::default(),
            buf: vec![0; BUF],
        }
    }

    pub fn state(&self) -> State {
        self.core.state()
    }

    pub fn take(&mut self) -> Vec<Op> {
        self.io.take()
    }

    pub fn connack(&mut self, rc: u8, session_present: bool) {
        self.core
            .on_connack(&mut self.io, &mut self.buf, rc, session_present);
    }

    pub fn suback(&mut self, id: u16, ok: bool) {
        self.core.on_suback(&mut self.io, &mut self.buf, id, ok);
    }

    pub fn puback(&mut self, id: u16) {
        self.core.on_puback(&mut self.io, &mut self.buf, id);
    }

    pub fn publish(&mut self, topic: &str, payload: &str) {
        self.core.on_publish(
            &mut self.io,
            &mut self.buf,
            topic.as_bytes(),
            payload.as_bytes(),
        );
    }

    pub fn publish_bytes(&mut self, topic: &[u8], payload: &[u8]) {
        self.core
            .on_publish(&mut self.io, &mut self.buf, topic, payload);
    }

    pub fn disconnected(&mut self, status: DisconnectStatus) {
        self.core.on_disconnected(&mut self.io, status);
    }

    /// connect + CONNACK(accepted, no session) + SUBACK(100): state
    /// CloudStateRequested.
    pub fn reach_state_requested(&mut self) {
        self.core.connect_started().unwrap();
        self.connack(0, false);
        self.suback(100, true);
        assert_eq!(self.state(), State::CloudStateRequested);
    }

    /// From CloudStateRequested to DcConnected with the given c2d.
    pub fn associate(&mut self, c2d: &str) {
        self.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(c2d));
        assert_eq!(self.state(), State::UaPinComplete);
        self.puback(301);
        if self.state() == State::DcConnecting {
            self.suback(101, true);
        }
        assert_eq!(self.state(), State::DcConnected);
    }

    /// A fresh device all the way to DcConnected; the recording is cleared.
    pub fn ready(settings: Settings) -> Self {
        let mut d = Dev::new(settings);
        d.reach_state_requested();
        d.associate(C2D);
        d.take();
        d.io.take_logs();
        d
    }
}
