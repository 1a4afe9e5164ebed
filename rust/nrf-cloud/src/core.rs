// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The nRF Cloud connection core: its storage, set-up and shared helpers.
//! The protocol steps live in `connection.rs` (MQTT session events),
//! `rx.rs` (received messages) and `tx.rs` (API sends).

use crate::api::{Error, Event, EventType, Io, Qos, Settings};
use crate::state::State;
use crate::storage::{join, ByteBuf, Packed, Part};
use crate::topics::{CC_SUFFIXES, SUFFIX_MAX};

/// Longest device ID (`NRF_CLOUD_CLIENT_ID_MAX_LEN`).
pub const CLIENT_ID_MAX: usize = 64;
/// Room for the device ID and the data-channel endpoints from the shadow
/// (topic prefix, d2c, c2d) together, unescaped; each endpoint is also at
/// most 255 bytes. A set that does not fit is refused with an `EVT_ERROR`
/// (see [`Core::on_publish`]). nRF Cloud's endpoints (prefix
/// `"<stage>/<36-character tenant>/"`, d2c and c2d `"<prefix>m/d/<id>/d2c"`
/// and `".../c2d"`) take 142 bytes plus 3 times the ID's length for a
/// `prod` tenant: this fits IDs up to 47 bytes, so the IMEI (19) and UUID
/// (36) based ones with room to spare.
pub const ENDPOINTS_MAX: usize = 283;
/// Longest stage kept (`NRF_CLOUD_STAGE_ID_MAX_LEN` - 1).
pub const STAGE_MAX: usize = 7;
/// Longest tenant kept (`NRF_CLOUD_TENANT_ID_MAX_LEN` - 1).
pub const TENANT_MAX: usize = 63;

/// MQTT message IDs (`NCT_MSG_ID_*`).
pub mod msg_id {
    pub const CC_SUB: u16 = 100;
    pub const DC_SUB: u16 = 101;
    pub const STATE_REQUEST: u16 = 200;
    pub const STATE_REPORT: u16 = 300;
    pub const PAIR_STATUS_REPORT: u16 = 301;
    pub const INCREMENT_BEGIN: u16 = 1000;
    pub const INCREMENT_END: u16 = 9999;
    pub const USER_TAG_BEGIN: u16 = 10000;
}

/// Levels passed to [`Io::log`] (Zephyr's `LOG_LEVEL_*`, `CW_LOG_*`).
pub mod log_level {
    pub const ERR: u8 = 1;
    pub const WRN: u8 = 2;
    pub const INF: u8 = 3;
    pub const DBG: u8 = 4;
}

/// `CONFIG_NRF_CLOUD_LOG_OUTPUT_LEVEL` default: the initial `logLvl`.
pub const DEFAULT_LOG_LEVEL: i32 = 1;

/// Log lines (few and short: they cost flash).
pub(crate) mod msg {
    pub const SEND_FAILED: &str = "nrf_cloud: send failed";
    pub const TOO_LARGE: &str = "nrf_cloud: message too large";
    pub const BAD_JSON: &str = "nrf_cloud: bad shadow JSON";
    pub const IGNORED: &str = "nrf_cloud: message ignored";
    pub const BAD_PAIRING: &str = "nrf_cloud: bad pairing data";
    pub const BAD_CONTROL: &str = "nrf_cloud: bad control data";
    pub const REMOVED: &str = "nrf_cloud: device removed";
}

/// Settings before `init`: all zero, so that a `static Core` lands in
/// `.bss` instead of costing flash for its initializer.
const UNSET: Settings = Settings {
    keepalive_s: 0,
    ua_wait_keepalive_s: 0,
    persistent_sessions: false,
    shadow_transforms: false,
    send_conn_info: false,
    connection_method: crate::api::ConnMethod::Lte,
};

/// The sans-IO nRF Cloud MQTT client state: everything inline and fixed
/// size, so it can live in a `static`.
pub struct Core {
    pub(crate) state: State,
    pub(crate) settings: Settings,
    /// The device ID (kept from `set_client_id` or `init` on, also across
    /// `uninit`) and the data-channel endpoints from the shadow (valid
    /// when `endpoints`).
    pub(crate) names: Packed,
    /// The application's version string, kept by reference as NCS keeps
    /// the pointer `nrf_cloud_init()` was given (an `Option`, so that the
    /// initial state is all zeros and lives in .bss, not in flash).
    pub(crate) app_version: Option<&'static [u8]>,
    pub(crate) stage: ByteBuf<STAGE_MAX>,
    pub(crate) tenant: ByteBuf<TENANT_MAX>,
    /// Keepalive for CONNECT: lowered while waiting for association.
    pub(crate) keepalive: u16,
    /// Last automatic message ID (1000..=9999).
    pub(crate) msg_id: u16,
    /// The acked user tag an `SENSOR_DATA_ACK` event points at.
    pub(crate) ack_id: [u8; 2],
    /// Device control; the defaults until `ctrl_set`.
    pub(crate) log_lvl: i32,
    pub(crate) alerts_en: bool,
    pub(crate) ctrl_set: bool,
    /// Saved `nrf_cloud/p_sesh`.
    pub(crate) p_sesh: bool,
    /// This connection resumed a persistent session (no SUBSCRIBEs).
    pub(crate) resumed: bool,
    /// In the association wait of this cycle (events and keepalive done).
    pub(crate) ua_wait: bool,
    /// The "not associated" report was sent in this association cycle.
    pub(crate) not_assoc_sent: bool,
    /// Info sections reported (done once per boot and association cycle).
    pub(crate) info_sent: bool,
    /// The c2d topic was rewritten to the wildcard form.
    pub(crate) c2d_modified: bool,
    pub(crate) endpoints: bool,
    /// A transport connection is being set up or is up.
    pub(crate) link: bool,
    /// `disconnect()` was called for this connection.
    pub(crate) user_disconnect: bool,
    /// The core itself dropped the connection (bad input, failed set-up).
    pub(crate) self_disconnect: bool,
}

impl Default for Core {
    fn default() -> Self {
        Self::new()
    }
}

pub(crate) fn emit(io: &mut dyn Io, kind: EventType, status: u32) {
    io.event(&Event {
        kind,
        status,
        data: &[],
        topic: &[],
        shadow: None,
    });
}

impl Core {
    pub const fn new() -> Self {
        Self {
            state: State::Idle,
            settings: UNSET,
            names: Packed::new(),
            app_version: None,
            stage: ByteBuf::new(),
            tenant: ByteBuf::new(),
            keepalive: 0,
            msg_id: 0,
            ack_id: [0; 2],
            log_lvl: 0,
            alerts_en: false,
            ctrl_set: false,
            p_sesh: false,
            resumed: false,
            ua_wait: false,
            not_assoc_sent: false,
            info_sent: false,
            c2d_modified: false,
            endpoints: false,
            link: false,
            user_disconnect: false,
            self_disconnect: false,
        }
    }

    pub fn state(&self) -> State {
        self.state
    }

    /// Sets the device ID, kept until it is set again (also across
    /// `uninit`); the next connection uses it for CONNECT and every topic.
    /// `Access` while a connection is being set up or is up (the ID in use
    /// stays); `Invalid` for an empty ID or one longer than 64 bytes.
    pub fn set_client_id(&mut self, client_id: &[u8]) -> Result<(), Error> {
        let idle = self.state == State::Idle;
        if !(idle || (self.state == State::Initialized && !self.link)) {
            return Err(Error::Access);
        }
        if client_id.is_empty() || client_id.len() > CLIENT_ID_MAX {
            return Err(Error::Invalid);
        }
        self.names.set_id(client_id);
        self.endpoints = false;
        Ok(())
    }

    /// Idle -> Initialized with `client_id` as the device ID. `Access`
    /// unless idle; `Invalid` for an empty ID or one longer than 64 bytes.
    pub fn init(&mut self, settings: Settings, client_id: &[u8]) -> Result<(), Error> {
        if self.state != State::Idle {
            return Err(Error::Access);
        }
        self.set_client_id(client_id)?;
        self.init_with_set_id(settings)
    }

    /// Idle -> Initialized with the device ID set before. `Access` unless
    /// idle; `Invalid` when no ID is set.
    pub fn init_with_set_id(&mut self, settings: Settings) -> Result<(), Error> {
        if self.state != State::Idle {
            return Err(Error::Access);
        }
        if self.client_id().is_empty() {
            return Err(Error::Invalid);
        }
        self.settings = settings;
        self.keepalive = settings.keepalive_s;
        self.state = State::Initialized;
        Ok(())
    }

    /// Back to Idle, forgetting the endpoints, message IDs and the
    /// association cycle. Kept: the device ID (as NCS keeps it), the
    /// persistent-session flag, the control values and whether the
    /// boot-time info sections were sent (NCS keeps those across uninit
    /// too), and the link flags, so that the `TRANSPORT_DISCONNECTED` of a
    /// connection still being closed is reported. Disconnect first (and
    /// wait for that event) to end a live connection.
    pub fn uninit(&mut self) {
        self.clear_endpoints();
        let names = core::mem::replace(&mut self.names, Packed::new());
        *self = Self {
            names,
            p_sesh: self.p_sesh,
            info_sent: self.info_sent,
            alerts_en: self.alerts_en,
            log_lvl: self.log_lvl,
            ctrl_set: self.ctrl_set,
            link: self.link,
            user_disconnect: self.user_disconnect,
            self_disconnect: self.self_disconnect,
            ..Self::new()
        };
    }

    pub fn set_app_version(&mut self, v: &'static [u8]) {
        self.app_version = Some(v);
    }

    pub fn app_version(&self) -> &'static [u8] {
        self.app_version.unwrap_or_default()
    }

    /// The value loaded from settings key `nrf_cloud/p_sesh`.
    pub fn set_persistent_session(&mut self, v: bool) {
        self.p_sesh = v;
    }

    pub fn persistent_session(&self) -> bool {
        self.p_sesh
    }

    /// The device ID (empty until set).
    pub fn client_id(&self) -> &[u8] {
        self.names.get(Part::Id)
    }

    /// From `nrfcloud_mqtt_topic_prefix` `"<stage>/<tenant>/"` (up to 63 bytes).
    pub fn tenant_id(&self) -> &[u8] {
        self.tenant.get()
    }

    /// From `nrfcloud_mqtt_topic_prefix` (up to 7 bytes).
    pub fn stage(&self) -> &[u8] {
        self.stage.get()
    }

    /// (`alertsEn`, `logLvl`), as last set from the shadow.
    pub fn control(&self) -> (bool, i32) {
        if self.ctrl_set {
            (self.alerts_en, self.log_lvl)
        } else {
            (false, DEFAULT_LOG_LEVEL)
        }
    }

    pub(crate) fn set_control(&mut self, v: (bool, i32)) {
        (self.alerts_en, self.log_lvl) = v;
        self.ctrl_set = true;
    }

    /// CONNECT's clean-session flag.
    pub fn clean_session(&self) -> bool {
        !self.session_saved()
    }

    /// CONNECT's keepalive (the association-wait value while waiting; 0
    /// before `init`).
    pub fn keepalive_s(&self) -> u16 {
        self.keepalive
    }

    /// The d2c topic from the shadow (empty until associated).
    pub fn d2c_topic(&self) -> &[u8] {
        if self.endpoints {
            self.names.get(Part::D2c)
        } else {
            &[]
        }
    }

    /// The c2d topic as subscribed (empty until associated).
    pub fn c2d_topic(&self) -> &[u8] {
        if self.endpoints {
            self.names.get(Part::C2d)
        } else {
            &[]
        }
    }

    /// The topic prefix from the shadow (empty until associated).
    pub fn topic_prefix(&self) -> &[u8] {
        if self.endpoints {
            self.names.get(Part::Prefix)
        } else {
            &[]
        }
    }

    // ---- helpers shared by the protocol steps ----------------------------

    /// The control-channel topics after the ID, in NCS's SUBSCRIBE order
    /// (`.../accepted/tf` only with shadow transforms).
    pub(crate) fn cc_suffixes(&self) -> &'static [&'static [u8]] {
        let n = if self.settings.shadow_transforms {
            4
        } else {
            3
        };
        CC_SUFFIXES.get(..n).unwrap_or_default()
    }

    /// A usable saved persistent session (only without MQTT_CLEAN_SESSION).
    pub(crate) fn session_saved(&self) -> bool {
        self.settings.persistent_sessions && self.p_sesh
    }

    /// Stores and persists the session flag (nothing with clean sessions).
    pub(crate) fn save_session(&mut self, io: &mut dyn Io, v: bool) {
        if self.settings.persistent_sessions {
            self.p_sesh = v;
            io.save_persistent_session(v);
        }
    }

    /// The next automatic message ID: 1000..=9999, wrapping.
    pub(crate) fn next_id(&mut self) -> u16 {
        self.msg_id =
            if self.msg_id < msg_id::INCREMENT_BEGIN || self.msg_id == msg_id::INCREMENT_END {
                msg_id::INCREMENT_BEGIN
            } else {
                self.msg_id + 1
            };
        self.msg_id
    }

    /// `requested`, or the next automatic ID when it is 0.
    pub(crate) fn id_or_next(&mut self, requested: u16) -> u16 {
        if requested != 0 {
            requested
        } else {
            self.next_id()
        }
    }

    /// PUBLISH at QoS 1 to `<id><suffix>`.
    pub(crate) fn publish_own(
        &mut self,
        io: &mut dyn Io,
        suffix: &[u8],
        payload: &[u8],
        msg_id: u16,
    ) -> Result<(), Error> {
        // "<id><suffix>", built here: the ID is stored without room
        // behind it.
        let mut buf = [0u8; CLIENT_ID_MAX + SUFFIX_MAX];
        let topic = join(&mut buf, self.client_id(), suffix).map_or(&[][..], |(t, _)| t);
        io.publish(topic, payload, Qos::AtLeastOnce, msg_id)
    }

    pub(crate) fn set_keepalive(&mut self, io: &mut dyn Io, seconds: u16) {
        self.keepalive = seconds;
        io.set_keepalive(seconds);
        io.ping();
    }

    pub(crate) fn clear_endpoints(&mut self) {
        self.endpoints = false;
        self.names.clear_endpoints();
    }

    /// Moves to `state` and tells the application (`kind`, status 0).
    pub(crate) fn enter(&mut self, io: &mut dyn Io, state: State, kind: EventType) {
        self.state = state;
        emit(io, kind, 0);
    }

    /// A message the core had to send did not fit the scratch buffer (or
    /// its topic storage): logged and reported as `EVT_ERROR` with status
    /// `NRF_CLOUD_ERR_STATUS_NONE`.
    pub(crate) fn local_error(&self, io: &mut dyn Io) {
        io.log(log_level::ERR, msg::TOO_LARGE);
        emit(io, EventType::Error, crate::api::err_status::NONE);
    }
}
