// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Structs of the public headers whose members depend on Kconfig, written by
//! hand because the generated bindings see one configuration only. Each
//! conditional member follows a cargo feature that the Zephyr build sets from
//! the same CONFIG_ symbol. The layout check verifies them on every target.

#![allow(non_camel_case_types)]

use crate::enum_types::nrf_cloud_shadow_info;

/// `struct modem_param_info` of NCS's modem_info library (opaque here).
#[cfg(feature = "modem-info")]
#[repr(C)]
pub struct modem_param_info {
    _opaque: [u8; 0],
}

/// `struct nrf_cloud_modem_info`; `mpi` exists with `CONFIG_MODEM_INFO`
/// (cargo feature `modem-info`).
#[repr(C)]
#[derive(Debug, Copy, Clone)]
pub struct nrf_cloud_modem_info {
    pub device: nrf_cloud_shadow_info,
    pub network: nrf_cloud_shadow_info,
    pub sim: nrf_cloud_shadow_info,
    #[cfg(feature = "modem-info")]
    pub mpi: *const modem_param_info,
    pub application_version: *const core::ffi::c_char,
}
