// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Shared pieces of the fuzz targets: an `Io` that checks what the core
//! asks for, and a way to bring a core into each receiving state; the
//! target bodies themselves are in [`targets`].
#![forbid(unsafe_code)]

pub mod targets;

use cloudwire_nrf_cloud::{
    Core, DisconnectStatus, Error, Event, EventType, Io, Qos, Settings, State,
};

pub const ID: &[u8] = b"nrf-352656100123456";
pub const C2D: &[u8] = b"prod/t/m/d/nrf-352656100123456/+/r";

/// Checks invariants on every request and counts them.
#[derive(Default)]
pub struct CheckIo {
    pub published: usize,
    pub events: usize,
    /// The core asked to close the link and no new connection was started
    /// since.
    /// The core keeps its state until the port reports the disconnect but
    /// has already dropped its data-channel topics; sends in that window
    /// go out with empty topics, which the port fails because its link is
    /// closed (NCS does the same: `nct_disconnect` frees the endpoints,
    /// then the closed MQTT client refuses the publish).
    pub link_closed: bool,
}

impl Io for CheckIo {
    fn publish(
        &mut self,
        topic: &[u8],
        payload: &[u8],
        qos: Qos,
        msg_id: u16,
    ) -> Result<(), Error> {
        assert!(!topic.is_empty() || self.link_closed);
        assert_eq!(qos == Qos::AtMostOnce, msg_id == 0);
        let _ = payload;
        self.published += 1;
        Ok(())
    }

    fn subscribe(&mut self, topics: &[&[u8]], msg_id: u16) -> Result<(), Error> {
        assert!(!topics.is_empty());
        assert!(msg_id == 100 || msg_id == 101);
        Ok(())
    }

    fn disconnect(&mut self) -> Result<(), Error> {
        self.link_closed = true;
        Ok(())
    }

    fn set_keepalive(&mut self, _seconds: u16) {}

    fn ping(&mut self) {}

    fn save_persistent_session(&mut self, _value: bool) {}

    fn event(&mut self, e: &Event<'_>) {
        if e.kind == EventType::SensorDataAck {
            assert_eq!(e.data.len(), 2);
        }
        self.events += 1;
    }

    fn log(&mut self, level: u8, message: &str) {
        assert!((1..=4).contains(&level));
        assert!(!message.is_empty());
    }
}

pub fn shadow_topic(suffix: &[u8]) -> Vec<u8> {
    [ID, suffix].concat()
}

/// A core in one of the states that receive messages (selected by `which`).
/// (`_buf` is the caller's scratch buffer; set-up uses a large one of its
/// own so that a small one under test cannot stop it.)
pub fn core_in(which: u8, io: &mut CheckIo, _buf: &mut [u8]) -> Core {
    let mut big = [0u8; 1024];
    let buf = &mut big[..];
    let settings = Settings {
        shadow_transforms: which & 0x10 != 0,
        ..Settings::DEFAULT
    };
    let mut c = Core::new();
    c.init(settings, ID).expect("init");
    let step = which % 8;
    if step == 0 {
        return c;
    }
    c.connect_started().expect("connect");
    c.on_connack(io, buf, 0, false);
    if step == 1 {
        return c;
    }
    c.on_suback(io, buf, 100, true);
    if step == 2 {
        return c;
    }
    if step == 3 {
        let doc = br#"{"desired":{"pairing":{"state":"not_associated"}}}"#;
        c.on_publish(io, buf, &shadow_topic(b"/shadow/get/accepted/trim"), doc);
        assert_eq!(c.state(), State::UaPinWait);
        return c;
    }
    let doc = br#"{"desired":{"pairing":{"state":"paired","topics":{"d2c":"prod/t/m/d/nrf-352656100123456/d2c","c2d":"prod/t/m/d/nrf-352656100123456/c2d"}},"nrfcloud_mqtt_topic_prefix":"prod/t/"}}"#;
    c.on_publish(io, buf, &shadow_topic(b"/shadow/get/accepted/trim"), doc);
    assert_eq!(c.state(), State::UaPinComplete);
    if step == 4 {
        return c;
    }
    c.on_puback(io, buf, 301);
    if step == 5 {
        return c;
    }
    c.on_suback(io, buf, 101, true);
    assert_eq!(c.state(), State::DcConnected);
    if step == 7 {
        c.on_disconnected(io, DisconnectStatus::ClosedByRemote);
    }
    c
}
