// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The device ID (MQTT client ID) and its sources (§ "Device ID" of NCS's
//! nrf_cloud_client_id.c), and the modem identity queries.

use crate::bindings::*;
use crate::enum_types::to_u32;
use crate::errno::neg;
use cloudwire_nrf_cloud::Core;

use crate::state::{errno_of, ClientId, CLIENT_ID_MAX};
use crate::{log, port};

/// Characters of the IMEI used in the device ID.
const IMEI_LEN: usize = 15;
/// Characters of the modem's device UUID.
pub const UUID_LEN: usize = 36;

fn src(cfg: &cw_nrf_cloud_config) -> u32 {
    u32::from(cfg.client_id_src)
}

pub fn is_runtime(cfg: &cw_nrf_cloud_config) -> bool {
    src(cfg) == to_u32(CW_CLIENT_ID_SRC_RUNTIME)
}

pub fn is_uuid(cfg: &cw_nrf_cloud_config) -> bool {
    src(cfg) == to_u32(CW_CLIENT_ID_SRC_INTERNAL_UUID)
}

/// The device ID, worked out from its source on first use and then kept
/// by the core (also across uninit, as NCS keeps it).
/// Errors: -ENXIO (RUNTIME and not set), -EIO (source failed).
pub fn client_id<'a>(
    core: &'a mut Core,
    cfg: Option<&cw_nrf_cloud_config>,
) -> Result<&'a [u8], i32> {
    if core.client_id().is_empty() {
        let Some(cfg) = cfg else {
            return Err(neg(CW_EIO));
        };
        if is_runtime(cfg) {
            log::msg(log::ERR, "nrf_cloud: runtime client ID has not been set");
            return Err(neg(CW_ENXIO));
        }
        let mut id = ClientId {
            buf: [0; CLIENT_ID_MAX],
            len: 0,
        };
        // No ID yet, so the core is idle: only a bad ID is refused.
        if !configured(cfg, &mut id) || core.set_client_id(id.get()).is_err() {
            log::msg(log::ERR, "nrf_cloud: failed to initialize the client ID");
            return Err(neg(CW_EIO));
        }
    }
    Ok(core.client_id())
}

/// Works the configured ID out into `id`; false if that failed (or gave
/// an empty ID, or one longer than CLIENT_ID_MAX).
fn configured(cfg: &cw_nrf_cloud_config, id: &mut ClientId) -> bool {
    let s = src(cfg);
    // The modem/hardware sources: what to read, into how large a buffer,
    // what goes before it, how much of it is used, and what to log when
    // reading fails. One shared path keeps this small.
    let (read, size, prefix, max, failed): (port::ReadFn, usize, &[u8], usize, &str) =
        if s == to_u32(CW_CLIENT_ID_SRC_IMEI) {
            (
                cw_port_modem_imei,
                32,
                port::config_str(cfg.client_id_prefix),
                IMEI_LEN,
                "nrf_cloud: failed to obtain the IMEI: ",
            )
        } else if s == to_u32(CW_CLIENT_ID_SRC_INTERNAL_UUID) {
            (
                cw_port_modem_uuid,
                UUID_LEN + 1,
                &[],
                UUID_LEN + 1,
                "nrf_cloud: failed to get the device UUID: ",
            )
        } else if s == to_u32(CW_CLIENT_ID_SRC_HW_ID) {
            (
                cw_port_hw_id,
                CLIENT_ID_MAX + 1,
                &[],
                CLIENT_ID_MAX + 1,
                "nrf_cloud: failed to obtain the hardware ID: ",
            )
        } else if s == to_u32(CW_CLIENT_ID_SRC_COMPILE_TIME) {
            return id.set(&[], port::config_str(cfg.client_id));
        } else {
            log::msg(log::WRN, "nrf_cloud: unhandled client ID configuration");
            return false;
        };
    let mut buf = [0u8; CLIENT_ID_MAX + 1];
    let buf = buf.get_mut(..size).unwrap_or_default();
    let rc = port::read_string(read, buf);
    if rc < 0 {
        log::line(log::ERR, &[log::s(failed), log::i(i64::from(rc))]);
        return false;
    }
    // The string up to its NUL, at most `max` bytes of it.
    id.set(prefix, until_nul(buf.get(..max).unwrap_or(buf)))
}

pub fn until_nul(b: &[u8]) -> &[u8] {
    let n = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    b.get(..n).unwrap_or(b)
}

/// nrf_cloud_client_id_runtime_set() on a locked state. -EACCES between
/// nrf_cloud_init() and nrf_cloud_uninit(): the core keeps the only copy
/// of the ID, and the one in use stays (NCS stores the new one but goes
/// on with topics made from the old one).
pub fn runtime_set(
    core: &mut Core,
    cfg: Option<&cw_nrf_cloud_config>,
    id: &[u8],
    too_long: bool,
) -> i32 {
    if !cfg.is_some_and(is_runtime) {
        log::msg(
            log::ERR,
            "nrf_cloud: client ID source is not RUNTIME (CONFIG_NRF_CLOUD_CLIENT_ID_SRC_RUNTIME)",
        );
        return neg(CW_ENOTSUP);
    }
    if too_long {
        log::line(
            log::ERR,
            &[
                log::s("nrf_cloud: client ID longer than "),
                log::i(CLIENT_ID_MAX as i64),
            ],
        );
        return neg(CW_EINVAL);
    }
    if id.is_empty() {
        log::msg(log::ERR, "nrf_cloud: invalid client ID: empty string");
        return neg(CW_ENODATA);
    }
    if let Err(e) = core.set_client_id(id) {
        log::msg(
            log::ERR,
            "nrf_cloud: client ID not changed while connecting or connected",
        );
        return errno_of(e);
    }
    0
}

/// Copies a C string answer of the port into `buf`, cut at the first CR LF
/// (an AT response), as NCS does.
pub fn cut_at_crlf(buf: &mut [u8]) {
    let n = until_nul(buf).len();
    let cut = buf
        .get(..n)
        .and_then(|s| s.windows(2).position(|w| w == b"\r\n"));
    if let Some(i) = cut {
        if let Some(c) = buf.get_mut(i) {
            *c = 0;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn crlf_is_cut() {
        let mut b = *b"352656100000000\r\nOK\r\n\0";
        cut_at_crlf(&mut b);
        assert_eq!(until_nul(&b), b"352656100000000");
        let mut plain = *b"mfw_nrf9160_1.3.5\0xx";
        cut_at_crlf(&mut plain);
        assert_eq!(until_nul(&plain), b"mfw_nrf9160_1.3.5");
        let mut lone = *b"a\rb\0";
        cut_at_crlf(&mut lone);
        assert_eq!(until_nul(&lone), b"a\rb");
    }
}
