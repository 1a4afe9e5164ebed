// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! nRF Cloud settings for the host: read once from environment variables
//! named like the Kconfig options, with NCS's defaults where unset.

use crate::ffi_types::*;
use crate::log::{log, Level};
use std::ffi::CString;
use std::sync::OnceLock;

/// The settings as Rust values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostConfig {
    pub host_name: String,
    pub static_ipv4_addr: Option<String>,
    pub client_id: String,
    pub client_id_prefix: String,
    pub connection_method: String,
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

/// Names of the NRF_CLOUD_CLIENT_ID_SRC choice, by enum cw_client_id_src.
const CLIENT_ID_SOURCES: [(&str, u8); 5] = [
    ("IMEI", CW_CLIENT_ID_SRC_IMEI),
    ("COMPILE_TIME", CW_CLIENT_ID_SRC_COMPILE_TIME),
    ("INTERNAL_UUID", CW_CLIENT_ID_SRC_INTERNAL_UUID),
    ("HW_ID", CW_CLIENT_ID_SRC_HW_ID),
    ("RUNTIME", CW_CLIENT_ID_SRC_RUNTIME),
];

impl HostConfig {
    /// Reads the settings through `get` (the environment, or a test's map).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> HostConfig {
        let env = Env { get: &get };
        let payload_buffer_len = env.number("CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN", 2048);
        HostConfig {
            host_name: env.string("CONFIG_NRF_CLOUD_HOST_NAME", "mqtt.nrfcloud.com"),
            static_ipv4_addr: env
                .get_value("CONFIG_NRF_CLOUD_STATIC_IPV4_ADDR")
                .map(unquote)
                .filter(|s| !s.is_empty()),
            client_id: env.string("CONFIG_NRF_CLOUD_CLIENT_ID", "my-client-id"),
            client_id_prefix: env.string("CONFIG_NRF_CLOUD_CLIENT_ID_PREFIX", "nrf-"),
            connection_method: "Unknown".to_owned(),
            payload_buffer_len,
            message_buffer_len: env.number("CONFIG_NRF_CLOUD_MQTT_MESSAGE_BUFFER_LEN", 256),
            sec_tag: env.number("CONFIG_NRF_CLOUD_SEC_TAG", 16_842_753),
            port: env.number("CONFIG_NRF_CLOUD_PORT", 8883),
            keepalive_s: env.number("CONFIG_NRF_CLOUD_MQTT_KEEPALIVE", 1200),
            ua_wait_keepalive_s: env.number("CONFIG_NRF_CLOUD_MQTT_UA_WAIT_KEEPALIVE", 30),
            client_id_src: env.client_id_src(),
            poll_thread: env.flag("CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD", true),
            persistent_sessions: !env.flag("CONFIG_MQTT_CLEAN_SESSION", false),
            shadow_transforms: env.flag("CONFIG_NRF_CLOUD_MQTT_SHADOW_TRANSFORMS", false),
            send_conn_info: env.flag("CONFIG_NRF_CLOUD_SEND_DEVICE_STATUS_CONN_INF", true),
            print_details: env.flag("CONFIG_NRF_CLOUD_PRINT_DETAILS", true),
            verbose_details: env.flag("CONFIG_NRF_CLOUD_VERBOSE_DETAILS", true),
            ipv6_only: env.flag("CONFIG_NRF_CLOUD_IPV6", false),
            static_ipv4: env.flag("CONFIG_NRF_CLOUD_STATIC_IPV4", false),
        }
    }

    pub fn from_env() -> HostConfig {
        HostConfig::from_lookup(|name| std::env::var(name).ok())
    }
}

struct Env<'a> {
    get: &'a dyn Fn(&str) -> Option<String>,
}

impl Env<'_> {
    fn get_value(&self, name: &str) -> Option<String> {
        (self.get)(name).map(|v| v.trim().to_owned())
    }

    fn string(&self, name: &str, default: &str) -> String {
        self.get_value(name)
            .map(unquote)
            .unwrap_or_else(|| default.to_owned())
    }

    fn number<T: TryFrom<i64> + Copy + std::fmt::Display>(&self, name: &str, default: T) -> T {
        let Some(text) = self.get_value(name) else {
            return default;
        };
        let parsed = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
            Some(hex) => i64::from_str_radix(hex, 16).ok(),
            None => text.parse::<i64>().ok(),
        };
        match parsed.and_then(|v| T::try_from(v).ok()) {
            Some(v) => v,
            None => {
                warn_ignored(name, &text, &default);
                default
            }
        }
    }

    /// Kconfig bools are "y" or "n"; 1/0, yes/no, true/false also work.
    fn flag(&self, name: &str, default: bool) -> bool {
        let Some(text) = self.get_value(name) else {
            return default;
        };
        match text.to_ascii_lowercase().as_str() {
            "y" | "yes" | "1" | "true" | "on" => true,
            "n" | "no" | "0" | "false" | "off" | "" => false,
            _ => {
                warn_ignored(name, &text, &if default { "y" } else { "n" });
                default
            }
        }
    }

    /// `CONFIG_NRF_CLOUD_CLIENT_ID_SRC=HW_ID`, or the Kconfig choice symbol
    /// itself (`CONFIG_NRF_CLOUD_CLIENT_ID_SRC_HW_ID=y`). The host default is
    /// COMPILE_TIME: the IMEI needs a modem.
    fn client_id_src(&self) -> u8 {
        const NAME: &str = "CONFIG_NRF_CLOUD_CLIENT_ID_SRC";
        if let Some(text) = self.get_value(NAME) {
            let text = unquote(text).to_ascii_uppercase();
            let wanted = text
                .strip_prefix("CONFIG_NRF_CLOUD_CLIENT_ID_SRC_")
                .unwrap_or(&text);
            if let Some((_, value)) = CLIENT_ID_SOURCES.iter().find(|(n, _)| *n == wanted) {
                return *value;
            }
            warn_ignored(NAME, &text, &"COMPILE_TIME");
            return CW_CLIENT_ID_SRC_COMPILE_TIME;
        }
        CLIENT_ID_SOURCES
            .iter()
            .find(|(suffix, _)| self.flag(&format!("{NAME}_{suffix}"), false))
            .map_or(CW_CLIENT_ID_SRC_COMPILE_TIME, |(_, value)| *value)
    }
}

fn warn_ignored(name: &str, text: &str, default: &dyn std::fmt::Display) {
    log(
        Level::Wrn,
        &format!("{name}={text:?} is not valid; using {default}"),
    );
}

/// Kconfig strings may arrive quoted as in a .config file.
fn unquote(text: String) -> String {
    match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inner) => inner.to_owned(),
        None => text,
    }
}

/// The C struct; its strings are leaked once and live forever.
struct SharedConfig(cw_nrf_cloud_config);

// SAFETY: the pointers inside point to leaked, never-written C strings, so
// reading them from any thread is sound.
unsafe impl Sync for SharedConfig {}
// SAFETY: as above; nothing in the struct is tied to a thread.
unsafe impl Send for SharedConfig {}

static HOST_CONFIG: OnceLock<HostConfig> = OnceLock::new();
static C_CONFIG: OnceLock<SharedConfig> = OnceLock::new();

/// The settings, read from the environment on first use.
pub fn host_config() -> &'static HostConfig {
    HOST_CONFIG.get_or_init(HostConfig::from_env)
}

/// The settings as port.h's struct.
pub fn nrf_cloud_config() -> &'static cw_nrf_cloud_config {
    &C_CONFIG.get_or_init(|| SharedConfig(to_c(host_config()))).0
}

fn leak_c_string(s: &str) -> *const core::ffi::c_char {
    // Environment values cannot hold NUL; fall back to "" if one ever does.
    let owned = CString::new(s).unwrap_or_default();
    Box::leak(owned.into_boxed_c_str()).as_ptr()
}

fn to_c(cfg: &HostConfig) -> cw_nrf_cloud_config {
    cw_nrf_cloud_config {
        host_name: leak_c_string(&cfg.host_name),
        static_ipv4_addr: cfg
            .static_ipv4_addr
            .as_deref()
            .map_or(core::ptr::null(), leak_c_string),
        client_id: leak_c_string(&cfg.client_id),
        client_id_prefix: leak_c_string(&cfg.client_id_prefix),
        connection_method: leak_c_string(&cfg.connection_method),
        payload_buffer_len: cfg.payload_buffer_len,
        message_buffer_len: cfg.message_buffer_len,
        sec_tag: cfg.sec_tag,
        port: cfg.port,
        keepalive_s: cfg.keepalive_s,
        ua_wait_keepalive_s: cfg.ua_wait_keepalive_s,
        client_id_src: cfg.client_id_src,
        poll_thread: cfg.poll_thread,
        persistent_sessions: cfg.persistent_sessions,
        shadow_transforms: cfg.shadow_transforms,
        send_conn_info: cfg.send_conn_info,
        print_details: cfg.print_details,
        verbose_details: cfg.verbose_details,
        ipv6_only: cfg.ipv6_only,
        static_ipv4: cfg.static_ipv4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::ffi::CStr;

    fn from(pairs: &[(&str, &str)]) -> HostConfig {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        HostConfig::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn ncs_defaults() {
        assert_eq!(
            from(&[]),
            HostConfig {
                host_name: "mqtt.nrfcloud.com".into(),
                static_ipv4_addr: None,
                client_id: "my-client-id".into(),
                client_id_prefix: "nrf-".into(),
                connection_method: "Unknown".into(),
                payload_buffer_len: 2048,
                message_buffer_len: 256,
                sec_tag: 16_842_753,
                port: 8883,
                keepalive_s: 1200,
                ua_wait_keepalive_s: 30,
                client_id_src: CW_CLIENT_ID_SRC_COMPILE_TIME,
                poll_thread: true,
                persistent_sessions: true,
                shadow_transforms: false,
                send_conn_info: true,
                print_details: true,
                verbose_details: true,
                ipv6_only: false,
                static_ipv4: false,
            }
        );
    }

    #[test]
    fn values_from_environment() {
        let cfg = from(&[
            ("CONFIG_NRF_CLOUD_HOST_NAME", "\"localhost\""),
            ("CONFIG_NRF_CLOUD_PORT", "18883"),
            ("CONFIG_NRF_CLOUD_SEC_TAG", "0x10"),
            ("CONFIG_NRF_CLOUD_MQTT_KEEPALIVE", "60"),
            ("CONFIG_NRF_CLOUD_CLIENT_ID_SRC", "hw_id"),
            ("CONFIG_NRF_CLOUD_CLIENT_ID", "dev-1"),
            ("CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD", "n"),
            ("CONFIG_MQTT_CLEAN_SESSION", "y"),
            ("CONFIG_NRF_CLOUD_MQTT_SHADOW_TRANSFORMS", "y"),
            ("CONFIG_NRF_CLOUD_STATIC_IPV4", "y"),
            ("CONFIG_NRF_CLOUD_STATIC_IPV4_ADDR", "127.0.0.1"),
            ("CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN", "4096"),
        ]);
        assert_eq!(cfg.host_name, "localhost");
        assert_eq!(cfg.port, 18883);
        assert_eq!(cfg.sec_tag, 16);
        assert_eq!(cfg.keepalive_s, 60);
        assert_eq!(cfg.client_id_src, CW_CLIENT_ID_SRC_HW_ID);
        assert_eq!(cfg.client_id, "dev-1");
        assert!(!cfg.poll_thread);
        assert!(!cfg.persistent_sessions);
        assert!(cfg.shadow_transforms);
        assert!(cfg.static_ipv4);
        assert_eq!(cfg.static_ipv4_addr.as_deref(), Some("127.0.0.1"));
        assert_eq!(cfg.payload_buffer_len, 4096);
    }

    #[test]
    fn kconfig_choice_symbol() {
        let cfg = from(&[("CONFIG_NRF_CLOUD_CLIENT_ID_SRC_RUNTIME", "y")]);
        assert_eq!(cfg.client_id_src, CW_CLIENT_ID_SRC_RUNTIME);
        let cfg = from(&[(
            "CONFIG_NRF_CLOUD_CLIENT_ID_SRC",
            "CONFIG_NRF_CLOUD_CLIENT_ID_SRC_IMEI",
        )]);
        assert_eq!(cfg.client_id_src, CW_CLIENT_ID_SRC_IMEI);
    }

    #[test]
    fn invalid_values_keep_defaults() {
        let cfg = from(&[
            ("CONFIG_NRF_CLOUD_PORT", "70000"),
            ("CONFIG_NRF_CLOUD_MQTT_KEEPALIVE", "soon"),
            ("CONFIG_NRF_CLOUD_IPV6", "maybe"),
            ("CONFIG_NRF_CLOUD_CLIENT_ID_SRC", "SERIAL"),
        ]);
        assert_eq!(cfg.port, 8883);
        assert_eq!(cfg.keepalive_s, 1200);
        assert!(!cfg.ipv6_only);
        assert_eq!(cfg.client_id_src, CW_CLIENT_ID_SRC_COMPILE_TIME);
    }

    #[test]
    fn c_struct_strings() {
        let mut cfg = from(&[]);
        cfg.static_ipv4_addr = Some("10.0.0.1".into());
        let c = to_c(&cfg);
        // SAFETY: to_c fills the pointers with leaked NUL-terminated strings.
        let host = unsafe { CStr::from_ptr(c.host_name) };
        assert_eq!(host.to_bytes(), b"mqtt.nrfcloud.com");
        // SAFETY: as above.
        let method = unsafe { CStr::from_ptr(c.connection_method) };
        assert_eq!(method.to_bytes(), b"Unknown");
        // SAFETY: as above.
        let addr = unsafe { CStr::from_ptr(c.static_ipv4_addr) };
        assert_eq!(addr.to_bytes(), b"10.0.0.1");
        assert!(to_c(&from(&[])).static_ipv4_addr.is_null());
    }
}
