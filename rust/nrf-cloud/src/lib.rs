// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! nRF Cloud over MQTT: the sans-IO protocol core.
//!
//! [`Core`] is NCS's nrf_cloud state machine (`nrf_cloud_fsm.c`) and
//! transport decisions (`nrf_cloud_transport.c`) without any I/O: the port
//! feeds it MQTT events, `capi` feeds it API calls, and it asks for
//! PUBLISH/SUBSCRIBE/DISCONNECT, keepalive changes, settings writes and
//! application events through [`Io`]. [`codec`] and [`shadow`] hold the
//! JSON the device sends and receives.
//!
//! # Where this differs from NCS, on purpose
//! * **Scratch buffer.** Messages the core sends by itself (the control
//!   SUBSCRIBE, state reports) are built in the caller's `buf`; it needs
//!   room for 4 topics of ID + 25 bytes and for the "paired" report (about
//!   300 bytes plus d2c, c2d twice and the prefix): 1 KB covers the largest
//!   topics unless they are full of characters JSON must escape. If one does
//!   not fit, the core logs and raises `EVT_ERROR` with status
//!   `NRF_CLOUD_ERR_STATUS_NONE` (as NCS does when its shadow request
//!   fails) and goes no further. API sends that do not fit return
//!   [`Error::NoMem`] (NCS's code for a failed encode) and send nothing.
//! * **Endpoint topics** (d2c, c2d, prefix) that do not fit, with the
//!   device ID, in [`ENDPOINTS_MAX`] bytes are refused the same way (NCS
//!   has no limit: it keeps them on its heap).
//! * **Device ID**: kept by the core from [`Core::set_client_id`] or
//!   [`Core::init`] on, also across `uninit` (as NCS keeps it), and only
//!   changed while idle: NCS lets it change while initialized and goes on
//!   with topics made from the old one (and, on its next CONNECT, a
//!   client ID of the old length over the new text).
//! * **Dropping the connection itself** (an incoming message larger than
//!   the port's buffer, as NCS; a failed control-channel SUBACK, where NCS
//!   sends an UNSUBSCRIBE of an empty topic list) reports
//!   `TRANSPORT_DISCONNECTED` with status `MISC`, not NCS's misleading
//!   `USER_REQUEST`. The c2d DISCON message keeps NCS's `USER_REQUEST`.
//! * **Persistent session**: saved only after a *successful* data-channel
//!   SUBACK (NCS also saves it after a failed one); the clean-session flag
//!   is worked out for every CONNECT (NCS fixes it at the first connect
//!   after init).
//! * **`alertsEn`** from the shadow is kept and reported back, as NCS does
//!   with `CONFIG_NRF_CLOUD_ALERT`.
//! * **Malformed input.** Shadow JSON is checked strictly (RFC 8259, nesting
//!   up to 64): cJSON also accepts e.g. raw control characters in strings
//!   or text after the document; such documents are dropped with an error
//!   log, as NCS drops what cJSON rejects. Like NCS: keys match ignoring
//!   ASCII case, a NUL byte ends the document, `logLvl` is truncated toward
//!   zero. A `nrfcloud_mqtt_topic_prefix` that is not a string counts as
//!   absent (NCS dereferences NULL there); the tenant is cut from the
//!   prefix without NCS's over-read for odd prefixes.
//! * **Association cycle** (event, "not associated" report, lowered
//!   keepalive) happens once per cycle as in NCS, also across reconnects;
//!   unlike NCS it starts over after `uninit`. The boot-time info sections
//!   (here `device.connectionInfo`) are sent once per boot, as NCS.
//! * **Events** borrow from the input or the core: `SENSOR_DATA_ACK`'s two
//!   bytes (the message ID in host byte order, as NCS's `uint16_t`) live in
//!   the core until the next ack.

#![no_std]
#![forbid(unsafe_code)]

pub mod api;
pub mod codec;
mod connection;
mod core;
mod rx;
pub mod shadow;
mod state;
mod storage;
mod text;
pub mod topics;
mod tx;

pub use crate::api::*;
pub use crate::connection::connack_status;
pub use crate::core::{
    log_level, msg_id, Core, CLIENT_ID_MAX, DEFAULT_LOG_LEVEL, ENDPOINTS_MAX, STAGE_MAX, TENANT_MAX,
};
pub use crate::state::State;
