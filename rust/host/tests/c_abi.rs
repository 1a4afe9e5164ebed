// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Builds tests/c/port_abi.c against include/cloudwire/port.h, links it with
//! libcloudwire_host.a as a C program would (-lpthread -ldl -lm) and runs it.

#![cfg(feature = "capi")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The static libraries cargo built beside this test binary
/// (target/<profile>/deps/libcloudwire_host-<hash>.a), newest first: `cargo
/// test` builds the staticlib there without copying it up, and other
/// feature sets leave their own copies.
fn static_libraries() -> Vec<PathBuf> {
    let exe = std::env::current_exe().unwrap();
    let deps = exe.parent().unwrap();
    let mut libs: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(deps)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("libcloudwire_host-") && name.ends_with(".a")
        })
        .filter_map(|p| Some((p.metadata().ok()?.modified().ok()?, p)))
        .collect();
    libs.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    libs.into_iter().map(|(_, p)| p).collect()
}

#[test]
fn c_program_links_and_calls_every_kind_of_port_function() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("port_abi");
    let object = dir.path().join("port_abi.o");
    let compiled = Command::new("cc")
        .args(["-std=c11", "-Wall", "-Werror", "-c", "-I"])
        .arg(manifest.join("../../include"))
        .arg(manifest.join("tests/c/port_abi.c"))
        .arg("-o")
        .arg(&object)
        .status()
        .unwrap();
    assert!(compiled.success(), "port_abi.c does not compile");
    let libs = static_libraries();
    let linked = libs.iter().any(|lib| {
        Command::new("cc")
            .arg(&object)
            .arg(lib)
            .args(["-lpthread", "-ldl", "-lm", "-o"])
            .arg(&binary)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    });
    assert!(linked, "port_abi.o links with none of {libs:?}");

    let output = Command::new(&binary)
        .env_clear()
        .env("CONFIG_NRF_CLOUD_HOST_NAME", "localhost")
        .env("CONFIG_NRF_CLOUD_PORT", "18883")
        .env("CONFIG_NRF_CLOUD_SEC_TAG", "42")
        .env("CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN", "4096")
        .env("CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD", "n")
        .env("CLOUDWIRE_SETTINGS_DIR", dir.path().join("settings"))
        .env("CLOUDWIRE_TLS_CREDENTIALS_DIR", dir.path().join("certs"))
        .env("CLOUDWIRE_HW_ID", "0123ABCD")
        .env("CLOUDWIRE_LOG_LEVEL", "3")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert_eq!(stdout, "port ABI ok\n");
    assert!(stderr.contains("] <inf>: hello from C\n"), "{stderr}");
    assert!(!stderr.contains("filtered out"), "{stderr}");
    assert!(dir.path().join("settings/nrf_cloud/p_sesh").is_file());
}
