// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Credentials from PEM files in CLOUDWIRE_TLS_CREDENTIALS_DIR, and
//! registered ones taking precedence. Its own test binary because it sets a
//! process-wide environment variable.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use cloudwire_host::client::MqttClient;
use cloudwire_host::credentials::{self, Credential, TLS_CREDENTIAL_CA_CERTIFICATE};
use cloudwire_host::errno::Errno;
use common::*;

#[test]
fn files_per_sec_tag_and_registered_precedence() {
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let dir = tempfile::tempdir().unwrap();
    let tag = 16_842_753;
    let tag_dir = dir.path().join(tag.to_string());
    std::fs::create_dir_all(&tag_dir).unwrap();
    std::fs::write(tag_dir.join("ca-cert.pem"), pki.ca.pem()).unwrap();
    std::fs::write(tag_dir.join("client-cert.pem"), &pki.client.0).unwrap();
    std::fs::write(tag_dir.join("private-key.pem"), &pki.client.1).unwrap();
    std::env::set_var("CLOUDWIRE_TLS_CREDENTIALS_DIR", dir.path());

    assert_eq!(
        credentials::file_path(tag, Credential::CaCert),
        tag_dir.join("ca-cert.pem")
    );
    assert_eq!(
        credentials::load(tag, Credential::PrivateKey).map(|k| k.len()),
        Some(pki.client.1.len())
    );
    assert_eq!(credentials::load(tag + 1, Credential::CaCert), None);

    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), 2048);
    client
        .connect(&params(broker.port, tag, "dev-files", true))
        .unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    assert_eq!(events, vec![Ev::Connack(0, false)]);
    client.disconnect().unwrap();
    rec.take();

    // A CA registered at run time wins over the file: the broker is no
    // longer trusted.
    credentials::add(
        tag,
        TLS_CREDENTIAL_CA_CERTIFICATE,
        pki.rogue_ca.pem().as_bytes(),
    )
    .unwrap();
    assert_eq!(
        client.connect(&params(broker.port, tag, "dev-files", true)),
        Err(Errno::ECONNREFUSED)
    );
    credentials::delete(tag, TLS_CREDENTIAL_CA_CERTIFICATE).unwrap();
    client
        .connect(&params(broker.port, tag, "dev-files", true))
        .unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    assert_eq!(events, vec![Ev::Connack(0, false)]);
}
