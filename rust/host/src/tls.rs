// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! rustls client configuration from a security tag's credentials.
//!
//! Local credential problems are reported before any network traffic, with
//! the codes nrf_cloud_connect() turns into its results:
//! * CA certificate missing or unreadable, client certificate unreadable, or
//!   a private key without a certificate: -EOPNOTSUPP (ERR_CERT).
//! * Private key missing (with a certificate), unreadable, or not matching
//!   the certificate: -EINVAL (ERR_PRV_KEY).
//!   A tag without client certificate and key connects without client
//!   authentication, as Zephyr does.

use crate::credentials::{self, Credential};
use crate::errno::Errno;
use crate::log::{log, Level};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::{ClientConfig, RootCertStore};
use std::sync::Arc;

/// The client configuration for `sec_tag`.
pub fn client_config(sec_tag: i32) -> Result<Arc<ClientConfig>, Errno> {
    let problem = |cred: Credential, what: &str, errno: Errno| {
        log(
            Level::Err,
            &format!(
                "TLS sec tag {sec_tag}: {} {what} (registered with tls_credential_add or {})",
                cred.file_name(),
                credentials::file_path(sec_tag, cred).display()
            ),
        );
        errno
    };

    let ca = credentials::load(sec_tag, Credential::CaCert)
        .ok_or_else(|| problem(Credential::CaCert, "is missing", Errno::EOPNOTSUPP))?;
    let mut roots = RootCertStore::empty();
    let ca_certs = parse_certs(&ca).ok_or_else(|| {
        problem(
            Credential::CaCert,
            "is not a certificate",
            Errno::EOPNOTSUPP,
        )
    })?;
    let (added, _ignored) = roots.add_parsable_certificates(ca_certs);
    if added == 0 {
        return Err(problem(
            Credential::CaCert,
            "holds no usable CA certificate",
            Errno::EOPNOTSUPP,
        ));
    }

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|_| Errno::EOPNOTSUPP)?
        .with_root_certificates(roots);

    let cert = credentials::load(sec_tag, Credential::ClientCert);
    let key = credentials::load(sec_tag, Credential::PrivateKey);
    let config = match (cert, key) {
        (None, None) => builder.with_no_client_auth(),
        (None, Some(_)) => {
            return Err(problem(
                Credential::ClientCert,
                "is missing",
                Errno::EOPNOTSUPP,
            ))
        }
        (Some(_), None) => {
            return Err(problem(Credential::PrivateKey, "is missing", Errno::EINVAL))
        }
        (Some(cert), Some(key)) => {
            let chain = parse_certs(&cert).ok_or_else(|| {
                problem(
                    Credential::ClientCert,
                    "is not a certificate",
                    Errno::EOPNOTSUPP,
                )
            })?;
            let key = parse_key(&key).ok_or_else(|| {
                problem(
                    Credential::PrivateKey,
                    "is not a private key",
                    Errno::EINVAL,
                )
            })?;
            builder.with_client_auth_cert(chain, key).map_err(|e| {
                problem(
                    Credential::PrivateKey,
                    &format!("does not fit the client certificate ({e})"),
                    Errno::EINVAL,
                )
            })?
        }
    };
    Ok(Arc::new(config))
}

/// Zephyr apps often register PEM with its terminating NUL (mbedTLS wants
/// it); drop it and surrounding white space.
fn trim(data: &[u8]) -> &[u8] {
    let end = data
        .iter()
        .rposition(|&b| b != 0 && !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    data.get(..end).unwrap_or_default()
}

fn is_pem(data: &[u8]) -> bool {
    data.windows(11).any(|w| w == b"-----BEGIN ")
}

/// PEM (one or more certificates) or a single DER certificate.
fn parse_certs(data: &[u8]) -> Option<Vec<CertificateDer<'static>>> {
    let data = trim(data);
    if data.is_empty() {
        return None;
    }
    if !is_pem(data) {
        return Some(vec![CertificateDer::from(data.to_vec())]);
    }
    let certs: Vec<_> = CertificateDer::pem_slice_iter(data)
        .collect::<Result<_, _>>()
        .ok()?;
    (!certs.is_empty()).then_some(certs)
}

/// PEM (PKCS#8, SEC1 or PKCS#1) or DER.
fn parse_key(data: &[u8]) -> Option<PrivateKeyDer<'static>> {
    let data = trim(data);
    if is_pem(data) {
        PrivateKeyDer::from_pem_slice(data).ok()
    } else {
        PrivateKeyDer::try_from(data.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_nul_and_space() {
        assert_eq!(trim(b"abc\n\0"), b"abc");
        assert_eq!(trim(b"\0\0"), b"");
        assert_eq!(trim(b""), b"");
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse_certs(b"").is_none());
        assert!(
            parse_certs(b"-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n").is_none()
        );
        assert!(parse_key(b"not a key").is_none());
        assert!(
            parse_key(b"-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n").is_none()
        );
    }
}
