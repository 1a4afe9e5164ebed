// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The cloudwire port for Linux, in Rust with std: every `cw_port_*`
//! function of include/cloudwire/port.h, plus Zephyr's `tls_credential_*`,
//! as C symbols. Built as one static library together with rust/capi, so a
//! C program links `libcloudwire_host.a -lpthread -ldl -lm` and nothing else.
//!
//! Environment variables: the CONFIG_NRF_CLOUD_* Kconfig names (config.rs),
//! CLOUDWIRE_TLS_CREDENTIALS_DIR (credentials.rs), CLOUDWIRE_SETTINGS_DIR
//! (settings.rs), CLOUDWIRE_HW_ID (identity.rs), CLOUDWIRE_LOG_LEVEL (log.rs).
//!
//! The Rust modules are public so tests can drive the MQTT client with
//! their own [`client::Events`] instead of rust/capi.

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

// Links rust/capi into this library: it defines the cw_mqtt_on_* callbacks
// and cw_nrf_cloud_poll_thread() that capi_events.rs calls.
#[cfg(feature = "capi")]
extern crate cloudwire;

#[cfg(feature = "capi")]
mod capi_events;
pub mod client;
pub mod config;
pub mod credentials;
pub mod errno;
#[cfg(feature = "capi")]
mod exports;
mod ffi_types;
pub mod identity;
pub mod log;
pub mod message_buffer;
pub mod net;
pub mod settings;
pub mod sync;
pub mod tls;
