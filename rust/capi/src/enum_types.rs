// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The integer type of each C enum of the public headers, per target.
//!
//! On Cortex-M, GCC's AAPCS targets (arm-none-eabi, arm-zephyr-eabi) pack an
//! enum into the smallest of `unsigned char`, `signed char`, `unsigned short`,
//! `short`, `unsigned int`, `int` that holds all its values (unsigned when no
//! value is negative); Zephyr does not change that and Rust's bare-metal ARM
//! targets do the same (`c-enum-min-bits` = 8). Elsewhere (x86, native_sim)
//! an enum is an `unsigned int`, or an `int` when a value is negative. So an
//! enum member of a C struct is 1, 2 or 4 bytes wide depending on the target,
//! and bindgen's host-only `c_uint` would be wrong on Cortex-M. The layout
//! check (tests/common/layout_check.c) compares every struct on every target.

#![allow(non_camel_case_types)]

pub use imp::*;

#[cfg(all(target_arch = "arm", target_os = "none"))]
mod imp {
    /* values 0..=2 */
    pub type mqtt_qos = u8;
    /* 1..=0xFF */
    pub type nrf_cloud_evt_type = u8;
    /* 0..=9 */
    pub type nrf_cloud_error_status = u8;
    /* 0..=3 */
    pub type nrf_cloud_disconnect_status = u8;
    /* -11..=0 */
    pub type nrf_cloud_connect_result = i8;
    /* -1..=50010: needs more than 16 bits */
    pub type nrf_cloud_error = core::ffi::c_int;
    /* 0..=11 */
    pub type nrf_cloud_sensor = u8;
    /* 1..=5 */
    pub type nrf_cloud_topic_type = u8;
    /* 0..=8 */
    pub type nrf_cloud_fota_status = u8;
    /* 0..=7 */
    pub type nrf_cloud_fota_type = u8;
    /* 0..=6 */
    pub type nrf_cloud_fota_validate_status = u8;
    /* 0..=4 */
    pub type nrf_cloud_fota_bootloader_status_flags = u8;
    /* 0..=2 */
    pub type nrf_cloud_shadow_info = u8;
    /* 0..=4 */
    pub type nrf_cloud_gnss_type = u8;
    /* 0..=1 */
    pub type cw_conn = u8;
    /* 1..=35 */
    pub type cw_errno = u8;
    /* 0..=4 */
    pub type cw_client_id_src = u8;
}

#[cfg(not(all(target_arch = "arm", target_os = "none")))]
mod imp {
    use core::ffi::{c_int, c_uint};
    pub type mqtt_qos = c_uint;
    pub type nrf_cloud_evt_type = c_uint;
    pub type nrf_cloud_error_status = c_uint;
    pub type nrf_cloud_disconnect_status = c_uint;
    pub type nrf_cloud_connect_result = c_int;
    pub type nrf_cloud_error = c_int;
    pub type nrf_cloud_sensor = c_uint;
    pub type nrf_cloud_topic_type = c_uint;
    pub type nrf_cloud_fota_status = c_uint;
    pub type nrf_cloud_fota_type = c_uint;
    pub type nrf_cloud_fota_validate_status = c_uint;
    pub type nrf_cloud_fota_bootloader_status_flags = c_uint;
    pub type nrf_cloud_shadow_info = c_uint;
    pub type nrf_cloud_gnss_type = c_uint;
    pub type cw_conn = c_uint;
    pub type cw_errno = c_uint;
    pub type cw_client_id_src = c_uint;
}

/// An enum value as u32, whatever the enum's width on this target.
pub fn to_u32<T: Into<u32>>(v: T) -> u32 {
    v.into()
}

/// An enum value as i32, whatever the enum's width on this target.
pub fn to_i32<T: Into<i32>>(v: T) -> i32 {
    v.into()
}
