// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Received PUBLISH messages: shadow documents on the control channel
//! (association, endpoints, device control) and c2d data.

use crate::api::{Event, EventType, Io, ShadowKind};
use crate::codec::{
    encode_control_reply, encode_paired_report, PairedReport, NOT_ASSOCIATED_REPORT,
};
use crate::core::{log_level, msg, msg_id, Core};
use crate::shadow::{
    apply_control, endpoints, is_disconnect_request, pairing, split_prefix, Captured, DecodeError,
    Pairing, Section,
};
use crate::state::State;
use crate::storage::Part;
use crate::topics::{dc_topic, DcTopic, C2D_END, C2D_WILDCARD_END, CC_KINDS, SHADOW_UPDATE};
use cloudwire_json::{Str, Value};

/// Largest topic prefix with escapes that stage and tenant are taken from
/// (an unescaped copy is made on the stack).
const PREFIX_SCRATCH: usize = 128;

impl Core {
    /// A received PUBLISH (the port acks QoS 1 afterwards). Control-channel
    /// topics (exact match) carry shadow documents, handled from
    /// CcConnected on; everything else is data-channel traffic, handled in
    /// DcConnected. Anything else is dropped, as in NCS.
    ///
    /// Bad input never stops the core: a shadow that is not JSON is logged
    /// and dropped (as NCS does); one without the required members is
    /// dropped; endpoints that do not fit in [`crate::ENDPOINTS_MAX`]
    /// bytes with the device ID are logged and reported as `EVT_ERROR`
    /// (status 0) and not used.
    pub fn on_publish(&mut self, io: &mut impl Io, buf: &mut [u8], topic: &[u8], payload: &[u8]) {
        self.publish_in(io, buf, topic, payload);
    }

    fn publish_in(&mut self, io: &mut dyn Io, buf: &mut [u8], topic: &[u8], payload: &[u8]) {
        match self.cc_topic(topic) {
            // Shadows are read from CcConnected on; `.../rejected` is not
            // looked at.
            Some(kind) => {
                if let (Some(kind), true) = (kind, self.state >= State::CcConnected) {
                    self.shadow_in(io, buf, kind, topic, payload);
                }
            }
            None => {
                if self.state == State::DcConnected {
                    self.data_in(io, topic, payload);
                }
            }
        }
    }

    /// Which subscribed control-channel topic `topic` is, and the shadow it
    /// carries (none for `.../rejected`).
    fn cc_topic(&self, topic: &[u8]) -> Option<Option<ShadowKind>> {
        if self.state == State::Idle {
            return None;
        }
        let rest = topic.strip_prefix(self.client_id())?;
        let i = self.cc_suffixes().iter().position(|s| *s == rest)?;
        CC_KINDS.get(i).copied()
    }

    /// NCS `cc_rx_data_handler`.
    fn shadow_in(
        &mut self,
        io: &mut dyn Io,
        buf: &mut [u8],
        kind: ShadowKind,
        topic: &[u8],
        payload: &[u8],
    ) {
        let mut doc = Captured::new(kind);
        if let Err(e) = doc.read(payload) {
            let (level, line) = match e {
                DecodeError::Json(_) => (log_level::ERR, msg::BAD_JSON),
                DecodeError::Shape => (log_level::DBG, msg::IGNORED),
            };
            io.log(level, line);
            return;
        }
        let mut accepted = None;
        if let Some(target) = doc.section() {
            let new_state = match pairing(&target) {
                Pairing::Associated { prefix } => {
                    self.set_stage_tenant(prefix);
                    Some(State::UaPinComplete)
                }
                Pairing::NotAssociated => Some(State::UaPinWait),
                Pairing::Deprecated => {
                    io.log(log_level::ERR, msg::BAD_PAIRING);
                    None
                }
                Pairing::Paired | Pairing::Absent => None,
            };
            // In the DC states NCS computes an accept and then clears it
            // again, so association changes are ignored there (a removed
            // device learns it from the c2d DISCON message). Shadows are
            // only read from CcConnected on.
            if self.state < State::DcConnecting {
                accepted = new_state;
            }
            if accepted == Some(State::UaPinComplete) {
                self.set_endpoints(io, &target);
            }
        }
        if let Some(values) = doc.control() {
            self.control_in(io, buf, kind, values);
        }
        if doc.notify() {
            io.event(&Event {
                kind: EventType::RxDataShadow,
                status: 0,
                data: payload,
                topic,
                shadow: Some(kind),
            });
        }
        match accepted {
            Some(State::UaPinComplete) => self.pin_complete(io, buf),
            Some(State::UaPinWait) => self.pin_wait(io),
            _ => {}
        }
    }

    /// Stage and tenant from the prefix, whether or not the association
    /// state is taken (as NCS's state decode does).
    fn set_stage_tenant(&mut self, prefix: Str<'_>) {
        let mut tmp = [0u8; PREFIX_SCRATCH];
        let text = if prefix.has_escapes() {
            match prefix.unescape_into(&mut tmp) {
                Ok(t) => crate::shadow::c_str(t),
                Err(_) => return,
            }
        } else {
            prefix.raw()
        };
        if let Some((stage, tenant)) = split_prefix(text) {
            self.stage.set_truncated(stage);
            self.tenant.set_truncated(tenant);
        }
    }

    /// Takes the data-channel endpoints (NCS `set_endpoint_data`): on any
    /// problem the previous ones stay.
    fn set_endpoints(&mut self, io: &mut dyn Io, target: &Section<'_>) {
        let Some(ep) = endpoints(target) else {
            io.log(log_level::ERR, msg::BAD_PAIRING);
            return;
        };
        if !self
            .names
            .set_endpoints([ep.prefix, Some(ep.c2d), Some(ep.d2c)])
        {
            self.local_error(io);
            return;
        }
        self.c2d_modified = self.names.replace_end(Part::C2d, C2D_END, C2D_WILDCARD_END);
        self.endpoints = true;
    }

    /// Device control (§1.6.5): apply valid values; confirm on a delta or a
    /// change (msg 300). Invalid values are ignored and nothing is sent.
    fn control_in(
        &mut self,
        io: &mut dyn Io,
        buf: &mut [u8],
        kind: ShadowKind,
        values: [Option<Value<'_>>; 2],
    ) {
        let current = self.control();
        let Some(new) = apply_control(values, current) else {
            io.log(log_level::WRN, msg::BAD_CONTROL);
            return;
        };
        self.set_control(new);
        if new == current && kind != ShadowKind::Delta {
            return;
        }
        match encode_control_reply(buf, new.0, new.1) {
            Ok(p) => {
                self.report(io, p, msg_id::STATE_REPORT);
            }
            Err(_) => self.local_error(io),
        }
    }

    /// Publishes a state report (QoS 1, shadow update topic); false (and
    /// logged) if that failed.
    fn report(&mut self, io: &mut dyn Io, payload: &[u8], id: u16) -> bool {
        let sent = self.publish_own(io, SHADOW_UPDATE, payload, id).is_ok();
        if !sent {
            io.log(log_level::ERR, msg::SEND_FAILED);
        }
        sent
    }

    /// Entering UA_PIN_WAIT, once per association cycle (NCS
    /// `state_ua_pin_wait`).
    fn pin_wait(&mut self, io: &mut dyn Io) {
        if self.ua_wait {
            return;
        }
        self.ua_wait = true;
        self.info_sent = false;
        self.save_session(io, false);
        self.set_keepalive(io, self.settings.ua_wait_keepalive_s);
        if !self.not_assoc_sent {
            self.not_assoc_sent = true;
            if !self.report(io, NOT_ASSOCIATED_REPORT, msg_id::STATE_REPORT) {
                return;
            }
        }
        self.enter(io, State::UaPinWait, EventType::UserAssociationRequest);
    }

    /// Entering UA_PIN_COMPLETE (NCS `state_ua_pin_complete`).
    fn pin_complete(&mut self, io: &mut dyn Io, buf: &mut [u8]) {
        self.not_assoc_sent = false;
        if !self.endpoints {
            io.log(log_level::ERR, msg::BAD_PAIRING);
            return;
        }
        let report = PairedReport {
            d2c: self.names.get(Part::D2c),
            c2d: self.names.get(Part::C2d),
            prefix: self.names.get(Part::Prefix),
            keepalive_s: self.settings.keepalive_s,
            alerts_en: self.control().0,
            log_lvl: self.control().1,
            desired_c2d: self.c2d_modified,
            connection_info: if !self.info_sent && self.settings.send_conn_info {
                Some(self.settings.connection_method)
            } else {
                None
            },
        };
        let Ok(payload) = encode_paired_report(buf, &report) else {
            self.local_error(io);
            return;
        };
        self.info_sent = true;
        self.c2d_modified = false;
        if self.ua_wait {
            self.ua_wait = false;
            self.set_keepalive(io, self.settings.keepalive_s);
        }
        if !self.report(io, payload, msg_id::PAIR_STATUS_REPORT) {
            return;
        }
        self.enter(io, State::UaPinComplete, EventType::UserAssociated);
    }

    /// Data channel (NCS `dc_rx_data_handler`).
    fn data_in(&mut self, io: &mut dyn Io, topic: &[u8], payload: &[u8]) {
        let kind = match dc_topic(topic) {
            // A-GNSS/P-GPS processing is not part of this library.
            DcTopic::Agnss | DcTopic::Pgps => {
                io.log(log_level::DBG, msg::IGNORED);
                return;
            }
            DcTopic::Location => EventType::RxDataLocation,
            DcTopic::General => {
                if is_disconnect_request(payload) {
                    EventType::RxDataDiscon
                } else {
                    EventType::RxDataGeneral
                }
            }
        };
        io.event(&Event {
            kind,
            status: 0,
            data: payload,
            topic,
            shadow: None,
        });
        if kind == EventType::RxDataDiscon {
            io.log(log_level::INF, msg::REMOVED);
            if self.disconnect_dyn(io).is_err() {
                io.log(log_level::ERR, msg::SEND_FAILED);
            }
        }
    }
}
