// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The core's outputs, carried out through the port.

use cloudwire_nrf_cloud::api::{Error, Event, EventType, Io, Qos};

use crate::bindings::cw_mqtt_topic;
use crate::events::Events;
use crate::state::Flags;
use crate::{log, port};

/// Settings key of the persistent-session flag (an int, as in NCS),
/// NUL-terminated.
pub const P_SESH_KEY: &[u8] = b"nrf_cloud/p_sesh\0";

/// Most topics in one SUBSCRIBE (the shadow topics: 3, or 4 with transforms).
const SUBSCRIBE_MAX: usize = 4;

pub struct PortIo<'a> {
    flags: &'a mut Flags,
    ev: &'a mut Events,
}

impl<'a> PortIo<'a> {
    pub fn new(flags: &'a mut Flags, ev: &'a mut Events) -> Self {
        PortIo { flags, ev }
    }
}

fn port_result(rc: i32) -> Result<(), Error> {
    if rc < 0 {
        Err(Error::Port(rc))
    } else {
        Ok(())
    }
}

impl Io for PortIo<'_> {
    fn publish(
        &mut self,
        topic: &[u8],
        payload: &[u8],
        qos: Qos,
        msg_id: u16,
    ) -> Result<(), Error> {
        let qos = match qos {
            Qos::AtMostOnce => 0,
            Qos::AtLeastOnce => 1,
        };
        let rc = port::mqtt_publish(topic, payload, qos, msg_id);
        if rc < 0 {
            log::line(
                log::ERR,
                &[log::s("nrf_cloud: publish failed: "), log::i(i64::from(rc))],
            );
        }
        port_result(rc)
    }

    fn subscribe(&mut self, topics: &[&[u8]], msg_id: u16) -> Result<(), Error> {
        let mut list = [cw_mqtt_topic {
            ptr: core::ptr::null(),
            len: 0,
            qos: 1,
        }; SUBSCRIBE_MAX];
        if topics.len() > list.len() {
            return Err(Error::NoMem);
        }
        for (slot, t) in list.iter_mut().zip(topics) {
            slot.ptr = t.as_ptr();
            slot.len = t.len();
        }
        let rc = port::mqtt_subscribe(list.get(..topics.len()).unwrap_or(&[]), msg_id);
        if rc < 0 {
            log::line(
                log::ERR,
                &[
                    log::s("nrf_cloud: subscribe failed: "),
                    log::i(i64::from(rc)),
                ],
            );
        }
        port_result(rc)
    }

    fn disconnect(&mut self) -> Result<(), Error> {
        // The core disconnects where NCS calls nrf_cloud_disconnect() (the
        // cloud's DISCON message, an oversized message): a requested one.
        self.flags.disconnect_requested = true;
        port_result(port::mqtt_disconnect())
    }

    fn set_keepalive(&mut self, seconds: u16) {
        let rc = port::mqtt_keepalive_set(seconds);
        if rc < 0 {
            log::line(
                log::WRN,
                &[
                    log::s("nrf_cloud: keepalive change failed: "),
                    log::i(i64::from(rc)),
                ],
            );
        }
    }

    fn ping(&mut self) {
        if port::mqtt_ping() == 0 {
            self.flags.unacked_pings = self.flags.unacked_pings.saturating_add(1);
        }
    }

    fn save_persistent_session(&mut self, value: bool) {
        let v: i32 = value.into();
        let rc = port::settings_save(P_SESH_KEY, &v.to_ne_bytes());
        if rc < 0 {
            log::line(
                log::ERR,
                &[
                    log::s("nrf_cloud: saving the session flag failed: "),
                    log::i(i64::from(rc)),
                ],
            );
        }
    }

    fn event(&mut self, event: &Event<'_>) {
        match event.kind {
            EventType::TransportDisconnected => {
                if self.flags.disconnected_evt_sent {
                    log::msg(log::DBG, "nrf_cloud: second disconnect event suppressed");
                    return;
                }
                self.flags.disconnected_evt_sent = true;
            }
            EventType::Ready => {
                log::msg(log::INF, "nrf_cloud: ready");
                if cfg!(feature = "log") {
                    self.flags.print_cloud_details = true;
                }
            }
            EventType::TransportConnected => log::msg(log::INF, "nrf_cloud: connected"),
            EventType::UserAssociationRequest => log::msg(
                log::INF,
                "nrf_cloud: not associated yet: add the device to an nRF Cloud account",
            ),
            EventType::UserAssociated => log::msg(log::INF, "nrf_cloud: associated"),
            _ => {}
        }
        log::line(
            log::DBG,
            &[
                log::s("nrf_cloud: event "),
                log::i(i64::from(event.kind as u32)),
                log::s(", status "),
                log::i(i64::from(event.status)),
            ],
        );
        self.ev
            .push(event.kind as u32, event.status, event.data, event.topic);
    }

    fn log(&mut self, level: u8, message: &str) {
        log::msg(level, message);
    }
}
