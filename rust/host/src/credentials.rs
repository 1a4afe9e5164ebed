// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! TLS credentials per security tag, found the way a Zephyr app expects:
//! first those registered with tls_credential_add() (kept in memory), then
//! PEM files `<CLOUDWIRE_TLS_CREDENTIALS_DIR>/<sec_tag>/{ca-cert,
//! client-cert,private-key}.pem` (default directory `./certs`).

use crate::errno::Errno;
use crate::sync::lock;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

/// Zephyr's `enum tls_credential_type` values.
pub const TLS_CREDENTIAL_NONE: i32 = 0;
pub const TLS_CREDENTIAL_CA_CERTIFICATE: i32 = 1;
/// Also named TLS_CREDENTIAL_SERVER_CERTIFICATE; for a client, its own cert.
pub const TLS_CREDENTIAL_PUBLIC_CERTIFICATE: i32 = 2;
pub const TLS_CREDENTIAL_PRIVATE_KEY: i32 = 3;
pub const TLS_CREDENTIAL_PSK: i32 = 4;
pub const TLS_CREDENTIAL_PSK_ID: i32 = 5;

/// The credentials the MQTT client uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Credential {
    CaCert,
    ClientCert,
    PrivateKey,
}

impl Credential {
    /// For a CW_CRED_* value of port.h.
    pub fn from_port_kind(kind: u8) -> Option<Credential> {
        match kind {
            0 => Some(Credential::CaCert),
            1 => Some(Credential::ClientCert),
            2 => Some(Credential::PrivateKey),
            _ => None,
        }
    }

    pub fn zephyr_type(self) -> i32 {
        match self {
            Credential::CaCert => TLS_CREDENTIAL_CA_CERTIFICATE,
            Credential::ClientCert => TLS_CREDENTIAL_PUBLIC_CERTIFICATE,
            Credential::PrivateKey => TLS_CREDENTIAL_PRIVATE_KEY,
        }
    }

    fn from_zephyr_type(ty: i32) -> Option<Credential> {
        [
            Credential::CaCert,
            Credential::ClientCert,
            Credential::PrivateKey,
        ]
        .into_iter()
        .find(|c| c.zephyr_type() == ty)
    }

    pub fn file_name(self) -> &'static str {
        match self {
            Credential::CaCert => "ca-cert.pem",
            Credential::ClientCert => "client-cert.pem",
            Credential::PrivateKey => "private-key.pem",
        }
    }
}

/// Registered credentials by (sec tag, Zephyr type).
type Registry = Mutex<HashMap<(i32, i32), Vec<u8>>>;

fn memory() -> &'static Registry {
    static MEMORY: OnceLock<Registry> = OnceLock::new();
    MEMORY.get_or_init(Mutex::default)
}

fn valid_type(ty: i32) -> bool {
    (TLS_CREDENTIAL_CA_CERTIFICATE..=TLS_CREDENTIAL_PSK_ID).contains(&ty)
}

/// tls_credential_add(): -EEXIST if the tag already has this type.
pub fn add(tag: i32, ty: i32, data: &[u8]) -> Result<(), Errno> {
    if !valid_type(ty) {
        return Err(Errno::EINVAL);
    }
    let mut map = lock(memory());
    if map.contains_key(&(tag, ty)) {
        return Err(Errno::EEXIST);
    }
    map.insert((tag, ty), data.to_vec());
    Ok(())
}

/// tls_credential_delete(): -ENOENT if not registered (files are not
/// touched).
pub fn delete(tag: i32, ty: i32) -> Result<(), Errno> {
    lock(memory())
        .remove(&(tag, ty))
        .map(drop)
        .ok_or(Errno::ENOENT)
}

/// tls_credential_get(): the registered value, else the file for the three
/// kinds the MQTT client uses.
pub fn get(tag: i32, ty: i32) -> Option<Vec<u8>> {
    if let Some(data) = lock(memory()).get(&(tag, ty)) {
        return Some(data.clone());
    }
    let cred = Credential::from_zephyr_type(ty)?;
    std::fs::read(file_path(tag, cred)).ok()
}

/// The credential's bytes, registered or from its file.
pub fn load(tag: i32, cred: Credential) -> Option<Vec<u8>> {
    get(tag, cred.zephyr_type())
}

/// The directory of credential files.
pub fn credentials_dir() -> PathBuf {
    std::env::var_os("CLOUDWIRE_TLS_CREDENTIALS_DIR")
        .filter(|d| !d.is_empty())
        .map_or_else(|| PathBuf::from("certs"), PathBuf::from)
}

/// Where the file of a credential is looked for.
pub fn file_path(tag: i32, cred: Credential) -> PathBuf {
    credentials_dir()
        .join(tag.to_string())
        .join(cred.file_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zephyr_type_values() {
        assert_eq!(Credential::CaCert.zephyr_type(), 1);
        assert_eq!(Credential::ClientCert.zephyr_type(), 2);
        assert_eq!(Credential::PrivateKey.zephyr_type(), 3);
    }

    #[test]
    fn add_get_delete() {
        let tag = 0x7E57_0001;
        assert_eq!(add(tag, TLS_CREDENTIAL_CA_CERTIFICATE, b"ca"), Ok(()));
        assert_eq!(
            add(tag, TLS_CREDENTIAL_CA_CERTIFICATE, b"again"),
            Err(Errno::EEXIST)
        );
        assert_eq!(load(tag, Credential::CaCert).as_deref(), Some(&b"ca"[..]));
        assert_eq!(load(tag, Credential::PrivateKey), None);
        assert_eq!(add(tag, TLS_CREDENTIAL_PSK, b"psk"), Ok(()));
        assert_eq!(get(tag, TLS_CREDENTIAL_PSK).as_deref(), Some(&b"psk"[..]));
        assert_eq!(add(tag, TLS_CREDENTIAL_NONE, b"x"), Err(Errno::EINVAL));
        assert_eq!(add(tag, 6, b"x"), Err(Errno::EINVAL));
        assert_eq!(delete(tag, TLS_CREDENTIAL_CA_CERTIFICATE), Ok(()));
        assert_eq!(
            delete(tag, TLS_CREDENTIAL_CA_CERTIFICATE),
            Err(Errno::ENOENT)
        );
        assert_eq!(load(tag, Credential::CaCert), None);
    }

    #[test]
    fn port_kinds() {
        assert_eq!(Credential::from_port_kind(0), Some(Credential::CaCert));
        assert_eq!(Credential::from_port_kind(1), Some(Credential::ClientCert));
        assert_eq!(Credential::from_port_kind(2), Some(Credential::PrivateKey));
        assert_eq!(Credential::from_port_kind(3), None);
    }
}
