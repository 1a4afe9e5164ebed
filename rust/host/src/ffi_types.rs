// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The C types of include/cloudwire/port.h that the host port needs, written
//! by hand until rust/capi's generated bindings replace them. Keep every
//! field, order and value exactly as in port.h.

#![allow(non_camel_case_types, dead_code)]

use core::ffi::c_char;

/* enum cw_conn */
pub const CW_CONN_NRF_CLOUD: u8 = 0;
pub const CW_CONN_COUNT: usize = 1;

/// `enum cw_errno` (an unsigned int in C).
pub type cw_errno = u32;
pub const CW_EPERM: cw_errno = 1;
pub const CW_ENOENT: cw_errno = 2;
pub const CW_EIO: cw_errno = 3;
pub const CW_ENXIO: cw_errno = 4;
pub const CW_E2BIG: cw_errno = 5;
pub const CW_ECHILD: cw_errno = 6;
pub const CW_EAGAIN: cw_errno = 7;
pub const CW_ENOMEM: cw_errno = 8;
pub const CW_EACCES: cw_errno = 9;
pub const CW_EFAULT: cw_errno = 10;
pub const CW_EBUSY: cw_errno = 11;
pub const CW_EINVAL: cw_errno = 12;
pub const CW_ENOSPC: cw_errno = 13;
pub const CW_EPIPE: cw_errno = 14;
pub const CW_ENOMSG: cw_errno = 15;
pub const CW_ENODATA: cw_errno = 16;
pub const CW_ETIME: cw_errno = 17;
pub const CW_EPROTO: cw_errno = 18;
pub const CW_EBADMSG: cw_errno = 19;
pub const CW_EMSGSIZE: cw_errno = 20;
pub const CW_ENOEXEC: cw_errno = 21;
pub const CW_ENOTSUP: cw_errno = 22;
pub const CW_EOPNOTSUPP: cw_errno = 23;
pub const CW_ECONNRESET: cw_errno = 24;
pub const CW_ECONNREFUSED: cw_errno = 25;
pub const CW_ECONNABORTED: cw_errno = 26;
pub const CW_ENOTCONN: cw_errno = 27;
pub const CW_EISCONN: cw_errno = 28;
pub const CW_ETIMEDOUT: cw_errno = 29;
pub const CW_EINPROGRESS: cw_errno = 30;
pub const CW_EALREADY: cw_errno = 31;
pub const CW_EHOSTUNREACH: cw_errno = 32;
pub const CW_ENOPROTOOPT: cw_errno = 33;
pub const CW_ESRCH: cw_errno = 34;
pub const CW_ENODEV: cw_errno = 35;
pub const CW_ERRNO_COUNT: cw_errno = 36;

pub const CW_POLL_IN: i32 = 0x1;
pub const CW_POLL_ERR: i32 = 0x2;
pub const CW_POLL_HUP: i32 = 0x4;
pub const CW_POLL_NVAL: i32 = 0x8;

pub const CW_LOG_ERR: u8 = 1;
pub const CW_LOG_WRN: u8 = 2;
pub const CW_LOG_INF: u8 = 3;
pub const CW_LOG_DBG: u8 = 4;

/* enum cw_client_id_src */
pub const CW_CLIENT_ID_SRC_IMEI: u8 = 0;
pub const CW_CLIENT_ID_SRC_COMPILE_TIME: u8 = 1;
pub const CW_CLIENT_ID_SRC_INTERNAL_UUID: u8 = 2;
pub const CW_CLIENT_ID_SRC_HW_ID: u8 = 3;
pub const CW_CLIENT_ID_SRC_RUNTIME: u8 = 4;

pub const CW_CRED_CA_CERT: u8 = 0;
pub const CW_CRED_CLIENT_CERT: u8 = 1;
pub const CW_CRED_PRIVATE_KEY: u8 = 2;

#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct cw_nrf_cloud_config {
    pub host_name: *const c_char,
    pub static_ipv4_addr: *const c_char,
    pub client_id: *const c_char,
    pub client_id_prefix: *const c_char,
    pub connection_method: *const c_char,
    pub payload_buffer_len: u32,
    pub message_buffer_len: u32,
    pub sec_tag: i32,
    pub port: u16,
    pub keepalive_s: u16,
    pub ua_wait_keepalive_s: u16,
    pub client_id_src: u8,
    pub poll_thread: bool,
    pub persistent_sessions: bool,
    pub shadow_transforms: bool,
    pub send_conn_info: bool,
    pub print_details: bool,
    pub verbose_details: bool,
    pub ipv6_only: bool,
    pub static_ipv4: bool,
}

#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct cw_mqtt_conn_params {
    pub host: *const c_char,
    pub static_ipv4: *const c_char,
    pub client_id: *const u8,
    pub client_id_len: usize,
    pub sec_tag: i32,
    pub port: u16,
    pub keepalive_s: u16,
    pub clean_session: bool,
    pub ipv6_only: bool,
}

#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct cw_mqtt_topic {
    pub ptr: *const u8,
    pub len: usize,
    pub qos: u8,
}

#[cfg(test)]
mod tests {
    //! Compiles a C program against port.h and compares every size, offset
    //! and constant with the Rust definitions above.

    use super::*;
    use core::mem::{offset_of, size_of};
    use std::path::Path;
    use std::process::Command;

    #[test]
    fn layout_matches_port_h() {
        let include = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../include");
        let dir = tempfile::tempdir().unwrap();
        let program = r#"
#include <stddef.h>
#include <stdio.h>
#include <cloudwire/port.h>
#define S(t) printf(#t " %zu\n", sizeof(struct t));
#define O(t, f) printf(#t "." #f " %zu\n", offsetof(struct t, f));
#define V(c) printf(#c " %d\n", (int)(c));
int main(void) {
    S(cw_nrf_cloud_config) S(cw_mqtt_conn_params) S(cw_mqtt_topic)
    O(cw_nrf_cloud_config, host_name) O(cw_nrf_cloud_config, static_ipv4_addr)
    O(cw_nrf_cloud_config, client_id) O(cw_nrf_cloud_config, client_id_prefix)
    O(cw_nrf_cloud_config, connection_method) O(cw_nrf_cloud_config, payload_buffer_len)
    O(cw_nrf_cloud_config, message_buffer_len) O(cw_nrf_cloud_config, sec_tag)
    O(cw_nrf_cloud_config, port) O(cw_nrf_cloud_config, keepalive_s)
    O(cw_nrf_cloud_config, ua_wait_keepalive_s) O(cw_nrf_cloud_config, client_id_src)
    O(cw_nrf_cloud_config, poll_thread) O(cw_nrf_cloud_config, persistent_sessions)
    O(cw_nrf_cloud_config, shadow_transforms) O(cw_nrf_cloud_config, send_conn_info)
    O(cw_nrf_cloud_config, print_details) O(cw_nrf_cloud_config, verbose_details)
    O(cw_nrf_cloud_config, ipv6_only) O(cw_nrf_cloud_config, static_ipv4)
    O(cw_mqtt_conn_params, host) O(cw_mqtt_conn_params, static_ipv4)
    O(cw_mqtt_conn_params, client_id) O(cw_mqtt_conn_params, client_id_len)
    O(cw_mqtt_conn_params, sec_tag) O(cw_mqtt_conn_params, port)
    O(cw_mqtt_conn_params, keepalive_s) O(cw_mqtt_conn_params, clean_session)
    O(cw_mqtt_conn_params, ipv6_only)
    O(cw_mqtt_topic, ptr) O(cw_mqtt_topic, len) O(cw_mqtt_topic, qos)
    V(CW_CONN_NRF_CLOUD) V(CW_CONN_COUNT) V(CW_EPERM) V(CW_ENODEV) V(CW_ERRNO_COUNT)
    V(CW_EOPNOTSUPP) V(CW_ECONNREFUSED)
    V(CW_POLL_IN) V(CW_POLL_ERR) V(CW_POLL_HUP) V(CW_POLL_NVAL)
    V(CW_LOG_ERR) V(CW_LOG_DBG) V(CW_CLIENT_ID_SRC_IMEI) V(CW_CLIENT_ID_SRC_RUNTIME)
    V(CW_CRED_CA_CERT) V(CW_CRED_CLIENT_CERT) V(CW_CRED_PRIVATE_KEY)
    return 0;
}
"#;
        let source = dir.path().join("layout.c");
        let binary = dir.path().join("layout");
        std::fs::write(&source, program).unwrap();
        let status = Command::new("cc")
            .arg("-I")
            .arg(&include)
            .arg(&source)
            .arg("-o")
            .arg(&binary)
            .status()
            .unwrap();
        assert!(status.success(), "cc failed");
        let output = Command::new(&binary).output().unwrap();
        let c_values = String::from_utf8(output.stdout).unwrap();

        macro_rules! o {
            ($t:ident, $f:ident) => {
                (
                    concat!(stringify!($t), ".", stringify!($f)),
                    offset_of!($t, $f),
                )
            };
        }
        let rust_values: Vec<(&str, usize)> = vec![
            ("cw_nrf_cloud_config", size_of::<cw_nrf_cloud_config>()),
            ("cw_mqtt_conn_params", size_of::<cw_mqtt_conn_params>()),
            ("cw_mqtt_topic", size_of::<cw_mqtt_topic>()),
            o!(cw_nrf_cloud_config, host_name),
            o!(cw_nrf_cloud_config, static_ipv4_addr),
            o!(cw_nrf_cloud_config, client_id),
            o!(cw_nrf_cloud_config, client_id_prefix),
            o!(cw_nrf_cloud_config, connection_method),
            o!(cw_nrf_cloud_config, payload_buffer_len),
            o!(cw_nrf_cloud_config, message_buffer_len),
            o!(cw_nrf_cloud_config, sec_tag),
            o!(cw_nrf_cloud_config, port),
            o!(cw_nrf_cloud_config, keepalive_s),
            o!(cw_nrf_cloud_config, ua_wait_keepalive_s),
            o!(cw_nrf_cloud_config, client_id_src),
            o!(cw_nrf_cloud_config, poll_thread),
            o!(cw_nrf_cloud_config, persistent_sessions),
            o!(cw_nrf_cloud_config, shadow_transforms),
            o!(cw_nrf_cloud_config, send_conn_info),
            o!(cw_nrf_cloud_config, print_details),
            o!(cw_nrf_cloud_config, verbose_details),
            o!(cw_nrf_cloud_config, ipv6_only),
            o!(cw_nrf_cloud_config, static_ipv4),
            o!(cw_mqtt_conn_params, host),
            o!(cw_mqtt_conn_params, static_ipv4),
            o!(cw_mqtt_conn_params, client_id),
            o!(cw_mqtt_conn_params, client_id_len),
            o!(cw_mqtt_conn_params, sec_tag),
            o!(cw_mqtt_conn_params, port),
            o!(cw_mqtt_conn_params, keepalive_s),
            o!(cw_mqtt_conn_params, clean_session),
            o!(cw_mqtt_conn_params, ipv6_only),
            o!(cw_mqtt_topic, ptr),
            o!(cw_mqtt_topic, len),
            o!(cw_mqtt_topic, qos),
        ];
        let constants: Vec<(&str, i64)> = vec![
            ("CW_CONN_NRF_CLOUD", CW_CONN_NRF_CLOUD.into()),
            ("CW_CONN_COUNT", CW_CONN_COUNT.try_into().unwrap()),
            ("CW_EPERM", CW_EPERM.into()),
            ("CW_ENODEV", CW_ENODEV.into()),
            ("CW_ERRNO_COUNT", CW_ERRNO_COUNT.into()),
            ("CW_EOPNOTSUPP", CW_EOPNOTSUPP.into()),
            ("CW_ECONNREFUSED", CW_ECONNREFUSED.into()),
            ("CW_POLL_IN", CW_POLL_IN.into()),
            ("CW_POLL_ERR", CW_POLL_ERR.into()),
            ("CW_POLL_HUP", CW_POLL_HUP.into()),
            ("CW_POLL_NVAL", CW_POLL_NVAL.into()),
            ("CW_LOG_ERR", CW_LOG_ERR.into()),
            ("CW_LOG_DBG", CW_LOG_DBG.into()),
            ("CW_CLIENT_ID_SRC_IMEI", CW_CLIENT_ID_SRC_IMEI.into()),
            ("CW_CLIENT_ID_SRC_RUNTIME", CW_CLIENT_ID_SRC_RUNTIME.into()),
            ("CW_CRED_CA_CERT", CW_CRED_CA_CERT.into()),
            ("CW_CRED_CLIENT_CERT", CW_CRED_CLIENT_CERT.into()),
            ("CW_CRED_PRIVATE_KEY", CW_CRED_PRIVATE_KEY.into()),
        ];
        let mut expected: Vec<String> = rust_values
            .iter()
            .map(|(n, v)| format!("{n} {v}"))
            .collect();
        expected.extend(constants.iter().map(|(n, v)| format!("{n} {v}")));
        let actual: Vec<String> = c_values.lines().map(str::to_owned).collect();
        assert_eq!(actual, expected);
    }
}
