// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! MQTT session events: connect, CONNACK, SUBACK, PUBACK, PINGRESP,
//! disconnect.

use crate::api::{err_status, DisconnectStatus, Error, Event, EventType, Io};
use crate::core::{emit, log_level, msg, msg_id, Core};
use crate::state::State;
use crate::storage::{join, Part};
use crate::topics::GET_TRIM;

/// `translate_mqtt_connack_result`: MQTT CONNACK return code to
/// `enum nrf_cloud_error_status` (0 = accepted).
pub fn connack_status(return_code: u8) -> u32 {
    // Codes 1..=5 map in order onto MQTT_CONN_BAD_PROT_VER..=MQTT_CONN_NOT_AUTH.
    match return_code {
        0 => err_status::NONE,
        1..=5 => u32::from(return_code) + 1,
        _ => err_status::MQTT_CONN_FAIL,
    }
}

const _: () =
    assert!(err_status::MQTT_CONN_BAD_PROT_VER == 2 && err_status::MQTT_CONN_NOT_AUTH == 6);

impl Core {
    /// The transport connection is about to be opened (`nrf_cloud_connect`).
    /// `Access` when not initialized; `InProgress` when a connection is
    /// already being set up or is up.
    pub fn connect_started(&mut self) -> Result<(), Error> {
        if self.state == State::Idle {
            return Err(Error::Access);
        }
        if self.state != State::Initialized || self.link {
            return Err(Error::InProgress);
        }
        self.link = true;
        self.user_disconnect = false;
        self.self_disconnect = false;
        Ok(())
    }

    /// Opening the connection failed (no `TRANSPORT_DISCONNECTED` follows).
    pub fn connect_failed(&mut self) {
        self.link = false;
        if self.state != State::Idle {
            self.state = State::Initialized;
        }
    }

    pub fn on_connack(
        &mut self,
        io: &mut impl Io,
        buf: &mut [u8],
        return_code: u8,
        session_present: bool,
    ) {
        self.connack(io, buf, return_code, session_present);
    }

    fn connack(&mut self, io: &mut dyn Io, buf: &mut [u8], return_code: u8, session_present: bool) {
        let saved = self.session_saved();
        let resumed = session_present && saved;
        if saved && !session_present {
            self.save_session(io, false);
        }
        if self.state != State::Initialized {
            return;
        }
        let status = connack_status(return_code);
        if status != err_status::NONE {
            emit(io, EventType::Error, status);
            return;
        }
        self.state = State::Connected;
        emit(io, EventType::TransportConnected, u32::from(resumed));
        self.resumed = resumed;
        if resumed {
            // The broker kept the subscriptions: go on as after SUBACK(100).
            self.cc_connected(io, err_status::NONE);
        } else if self.subscribe_control(io, buf) {
            self.state = State::CcConnecting;
        }
    }

    /// SUBSCRIBE (msg 100) to the control-channel topics, in NCS's order.
    fn subscribe_control(&mut self, io: &mut dyn Io, buf: &mut [u8]) -> bool {
        let suffixes = self.cc_suffixes();
        let count = suffixes.len();
        let id = self.client_id();
        // Each topic is the ID and a suffix, one after the other in `buf`.
        let mut topics: [&[u8]; 4] = [&[]; 4];
        let mut rest = buf;
        for (slot, suffix) in topics.iter_mut().zip(suffixes) {
            let Some((t, r)) = join(rest, id, suffix) else {
                self.local_error(io);
                return false;
            };
            *slot = t;
            rest = r;
        }
        match io.subscribe(topics.get(..count).unwrap_or_default(), msg_id::CC_SUB) {
            Ok(()) => true,
            Err(_) => {
                io.log(log_level::ERR, msg::SEND_FAILED);
                false
            }
        }
    }

    /// SUBACK(100) handling (NCS `cc_connection_handler`).
    fn cc_connected(&mut self, io: &mut dyn Io, status: u32) {
        if status != err_status::NONE {
            emit(io, EventType::Error, status);
            self.drop_link(io);
            return;
        }
        self.state = State::CcConnected;
        if self
            .publish_own(io, GET_TRIM, &[], msg_id::STATE_REQUEST)
            .is_err()
        {
            self.state = State::Connected;
            emit(io, EventType::Error, err_status::NONE);
            return;
        }
        self.state = State::CloudStateRequested;
    }

    /// SUBACK(101) handling (NCS `dc_connection_handler`).
    pub(crate) fn dc_connected(&mut self, io: &mut dyn Io, status: u32) {
        if status != err_status::NONE {
            emit(io, EventType::Error, status);
            return;
        }
        self.enter(io, State::DcConnected, EventType::Ready);
    }

    /// `ok` = every topic granted.
    pub fn on_suback(&mut self, io: &mut impl Io, buf: &mut [u8], msg_id: u16, ok: bool) {
        let _ = buf;
        self.suback(io, msg_id, ok);
    }

    fn suback(&mut self, io: &mut dyn Io, id: u16, ok: bool) {
        let status = if ok {
            err_status::NONE
        } else {
            err_status::MQTT_SUB_FAIL
        };
        if id == msg_id::CC_SUB && self.state == State::CcConnecting {
            self.cc_connected(io, status);
        } else if id == msg_id::DC_SUB {
            // The session is complete once the data channel is subscribed.
            // (NCS saves this even for a failed SUBACK; that would make the
            // next connection resume a session without the subscription.)
            if ok {
                self.save_session(io, true);
            }
            if self.state == State::DcConnecting {
                self.dc_connected(io, status);
            }
        }
    }

    pub fn on_puback(&mut self, io: &mut impl Io, buf: &mut [u8], msg_id: u16) {
        let _ = buf;
        self.puback(io, msg_id);
    }

    fn puback(&mut self, io: &mut dyn Io, id: u16) {
        match self.state {
            State::CloudStateRequested | State::UaPinWait if id == msg_id::STATE_REQUEST => {
                self.state = State::CloudStateRequested;
            }
            State::UaPinComplete | State::DcConnecting | State::DcConnected => {
                if id == msg_id::STATE_REQUEST {
                    self.state = State::CloudStateRequested;
                } else if id == msg_id::PAIR_STATUS_REPORT {
                    self.subscribe_data(io);
                } else if id >= msg_id::USER_TAG_BEGIN {
                    self.ack_id = id.to_ne_bytes();
                    io.event(&Event {
                        kind: EventType::SensorDataAck,
                        status: 0,
                        data: &self.ack_id,
                        topic: &[],
                        shadow: None,
                    });
                }
            }
            _ => {}
        }
    }

    /// After PUBACK(301): SUBSCRIBE c2d (msg 101), or straight to READY when
    /// the session was resumed.
    fn subscribe_data(&mut self, io: &mut dyn Io) {
        if self.resumed {
            self.dc_connected(io, err_status::NONE);
            return;
        }
        if io
            .subscribe(&[self.names.get(Part::C2d)], msg_id::DC_SUB)
            .is_err()
        {
            io.log(log_level::ERR, msg::SEND_FAILED);
            return;
        }
        self.state = State::DcConnecting;
    }

    pub fn on_pingresp(&mut self, io: &mut impl Io) {
        if self.state == State::DcConnected {
            emit(io, EventType::Pingresp, 0);
        }
    }

    /// The transport connection is gone. Reports `TRANSPORT_DISCONNECTED`
    /// once per connection: status `USER_REQUEST` after [`Core::disconnect`],
    /// `MISC` when the core dropped the connection itself, else `status`.
    pub fn on_disconnected(&mut self, io: &mut impl Io, status: DisconnectStatus) {
        if !self.link {
            return;
        }
        let status = if self.user_disconnect {
            DisconnectStatus::UserRequest
        } else if self.self_disconnect {
            DisconnectStatus::Misc
        } else {
            status
        };
        self.link = false;
        self.user_disconnect = false;
        self.self_disconnect = false;
        self.resumed = false;
        self.clear_endpoints();
        if self.state != State::Idle {
            self.state = State::Initialized;
        }
        emit(io, EventType::TransportDisconnected, status as u32);
    }

    /// `nrf_cloud_disconnect`: `Access` below Connected.
    pub fn disconnect(&mut self, io: &mut impl Io) -> Result<(), Error> {
        self.disconnect_dyn(io)
    }

    pub(crate) fn disconnect_dyn(&mut self, io: &mut dyn Io) -> Result<(), Error> {
        if self.state < State::Connected {
            return Err(Error::Access);
        }
        self.user_disconnect = true;
        self.clear_endpoints();
        io.disconnect()
    }

    /// The core ends the connection itself (reported as `MISC`).
    pub(crate) fn drop_link(&mut self, io: &mut dyn Io) {
        if !self.user_disconnect {
            self.self_disconnect = true;
        }
        self.clear_endpoints();
        if io.disconnect().is_err() {
            io.log(log_level::ERR, msg::SEND_FAILED);
        }
    }

    /// An incoming PUBLISH did not fit the port's payload buffer (it was
    /// drained, not acked). As NCS: the connection is closed (from
    /// Connected on); `TRANSPORT_DISCONNECTED` then has status `MISC`.
    pub fn on_publish_too_large(&mut self, io: &mut impl Io, topic: &[u8], len: usize) {
        let _ = (topic, len);
        let io: &mut dyn Io = io;
        io.log(log_level::ERR, msg::TOO_LARGE);
        if self.state >= State::Connected {
            self.drop_link(io);
        }
    }
}
