// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Sec tag, credential checks and the "details" log lines.

use core::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use cloudwire_nrf_cloud::Core;

use crate::bindings::*;
use crate::errno::neg;
use crate::identity::{self, until_nul};
use crate::{log, port};

/// CONFIG_NRF_CLOUD_SEC_TAG's default, for a port without a configuration.
const SEC_TAG_DEFAULT: i32 = 16_842_753;
/// NCS's CONFIG_NRF_CLOUD_AWS_CA_CERT_SIZE_THRESHOLD default.
const AWS_CA_MIN: usize = 1150;
/// NCS's CONFIG_NRF_CLOUD_COAP_CA_CERT_SIZE_THRESHOLD default.
const COAP_CA_MIN: usize = 550;

static SEC_TAG_SET: AtomicBool = AtomicBool::new(false);
static SEC_TAG: AtomicI32 = AtomicI32::new(0);

pub fn sec_tag_set(tag: i32) {
    SEC_TAG.store(tag, Ordering::Relaxed);
    SEC_TAG_SET.store(true, Ordering::Relaxed);
    log::line(
        log::DBG,
        &[
            log::s("nrf_cloud: sec tag updated: "),
            log::i(i64::from(tag)),
        ],
    );
}

pub fn sec_tag() -> i32 {
    if SEC_TAG_SET.load(Ordering::Relaxed) {
        SEC_TAG.load(Ordering::Relaxed)
    } else {
        port::config().map_or(SEC_TAG_DEFAULT, |c| c.sec_tag)
    }
}

/// nrf_cloud_print_details() on a locked state.
pub fn print_details(core: &mut Core) -> i32 {
    let cfg = port::config();
    if !cfg.is_some_and(|c| c.print_details) {
        return 0;
    }
    let err = match identity::client_id(core, cfg) {
        Ok(id) => {
            log::line(log::INF, &[log::s("Device ID: "), log::b(id)]);
            0
        }
        Err(e) => {
            log::line(
                log::ERR,
                &[
                    log::s("Error requesting the device ID: "),
                    log::i(i64::from(e)),
                ],
            );
            e
        }
    };
    // The rest only logs: without the feature `log` there is nothing to do.
    let Some(cfg) = cfg.filter(|c| cfg!(feature = "log") && c.verbose_details) else {
        return err;
    };
    let mut buf = [0u8; 64];
    let queries: [(&str, port::ReadFn); 3] = [
        ("IMEI:      ", cw_port_modem_imei),
        ("UUID:      ", cw_port_modem_uuid),
        ("Modem FW:  ", cw_port_modem_fw),
    ];
    for (label, f) in queries {
        let rc = port::read_string(f, &mut buf);
        if rc >= 0 {
            identity::cut_at_crlf(&mut buf);
            log::line(log::INF, &[log::s(label), log::b(until_nul(&buf))]);
        } else if rc != neg(CW_ENOTSUP) {
            log::line(
                log::ERR,
                &[
                    log::s("Error requesting "),
                    log::s(label.trim_end_matches([' ', ':'])),
                    log::s(": "),
                    log::i(i64::from(rc)),
                ],
            );
        }
    }
    log::msg(log::INF, "Protocol:          MQTT");
    log::msg(log::INF, "Download protocol: HTTPS");
    log::line(
        log::INF,
        &[log::s("Sec tag:           "), log::i(i64::from(sec_tag()))],
    );
    log::line(
        log::INF,
        &[
            log::s("Host name:         "),
            log::b(port::config_str(cfg.host_name)),
        ],
    );
    err
}

/// nrf_cloud_print_cloud_details(): logs the tenant (team) ID.
pub fn print_cloud_details_of(core: &Core) -> i32 {
    if !port::config().is_some_and(|c| c.verbose_details) {
        return 0;
    }
    let tenant = core.tenant_id();
    if tenant.is_empty() {
        let e = neg(CW_EINVAL);
        log::line(
            log::ERR,
            &[log::s("Error determining Team ID: "), log::i(i64::from(e))],
        );
        return e;
    }
    log::line(log::INF, &[log::s("Team ID:   "), log::b(tenant)]);
    0
}

/// What nrf_cloud_credentials_check() finds.
#[derive(Default)]
pub struct Creds {
    pub sec_tag: i32,
    pub ca_size: usize,
    pub ca: bool,
    pub ca_coap: bool,
    pub ca_aws: bool,
    pub client_cert: bool,
    pub prv_key: bool,
}

fn exists(tag: i32, kind: u32, size: &mut usize, what: &str) -> Result<bool, i32> {
    let kind = u8::try_from(kind).unwrap_or(u8::MAX);
    let rc = port::credential_exists(tag, kind, size);
    if rc < 0 {
        log::line(
            log::ERR,
            &[
                log::s("Error checking "),
                log::s(what),
                log::s(" exists: "),
                log::i(i64::from(rc)),
            ],
        );
        return Err(neg(CW_EIO));
    }
    Ok(rc > 0)
}

/// nrf_cloud_credentials_check() without the C struct.
pub fn credentials_check() -> Result<Creds, i32> {
    let mut c = Creds {
        sec_tag: sec_tag(),
        ..Creds::default()
    };
    let mut size = 0;
    c.ca = exists(c.sec_tag, CW_CRED_CA_CERT, &mut size, "CA")?;
    if c.ca {
        c.ca_size = size;
        // Guesses from the size, as NCS: only meant to help diagnose.
        if size > AWS_CA_MIN + COAP_CA_MIN {
            c.ca_aws = true;
            c.ca_coap = true;
        } else if size > AWS_CA_MIN {
            c.ca_aws = true;
        } else if size > COAP_CA_MIN {
            c.ca_coap = true;
        }
    }
    let mut unused = 0;
    c.client_cert = exists(c.sec_tag, CW_CRED_CLIENT_CERT, &mut unused, "client cert")?;
    c.prv_key = exists(c.sec_tag, CW_CRED_PRIVATE_KEY, &mut unused, "private key")?;
    let yes_no = |b: bool| if b { "Yes" } else { "No" };
    let likely = |b: bool| if b { "Likely" } else { "Unlikely" };
    log::line(
        log::INF,
        &[
            log::s("Sec Tag: "),
            log::i(i64::from(c.sec_tag)),
            log::s("; CA: "),
            log::s(yes_no(c.ca)),
            log::s(", Client Cert: "),
            log::s(yes_no(c.client_cert)),
            log::s(", Private Key: "),
            log::s(yes_no(c.prv_key)),
        ],
    );
    log::line(
        log::INF,
        &[
            log::s("CA Size: "),
            log::i(i64::try_from(c.ca_size).unwrap_or(i64::MAX)),
            log::s(", AWS: "),
            log::s(likely(c.ca_aws)),
            log::s(", CoAP: "),
            log::s(likely(c.ca_coap)),
        ],
    );
    Ok(c)
}

/// nrf_cloud_credentials_configured_check().
pub fn credentials_configured_check() -> i32 {
    let c = match credentials_check() {
        Ok(c) => c,
        Err(e) => {
            log::line(
                log::ERR,
                &[
                    log::s("nrf_cloud_credentials_check failed, error: "),
                    log::i(i64::from(e)),
                ],
            );
            return neg(CW_EIO);
        }
    };
    let mut ret = 0;
    let missing = |what: &str| {
        log::line(
            log::ERR,
            &[
                log::s(what),
                log::s(" not found in sec tag "),
                log::i(i64::from(c.sec_tag)),
            ],
        );
        neg(CW_ENOTSUP)
    };
    if !c.ca {
        ret = missing("CA Certificate");
    }
    if !c.prv_key {
        ret = missing("Private Key");
    }
    if !c.client_cert {
        ret = missing("Client Certificate");
    }
    if !c.ca_aws && c.ca_coap {
        log::msg(
            log::WRN,
            "Connection using MQTT may fail: by its size the CA cert is the CoAP root CA",
        );
        ret = neg(CW_ENOPROTOOPT);
    }
    ret
}

#[cfg(test)]
pub fn reset_for_tests() {
    SEC_TAG_SET.store(false, Ordering::Relaxed);
}
