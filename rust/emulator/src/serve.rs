// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 cloudwire contributors

//! `cloudwire-emulator serve`: broker link + HTTP control API.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use clap::Args;

use crate::broker_link::{self, BrokerConfig};
use crate::cloud::Cloud;
use crate::http_api::{self, AppState};
use crate::log;

#[derive(Args)]
pub struct ServeArgs {
    /// Broker host name or address (must match the broker certificate).
    #[arg(long, default_value = "127.0.0.1")]
    broker_host: String,
    /// Broker TLS port.
    #[arg(long)]
    broker_port: u16,
    /// CA certificate (PEM) that signed the broker certificate.
    #[arg(long)]
    ca: PathBuf,
    /// Emulator client certificate (PEM).
    #[arg(long)]
    cert: PathBuf,
    /// Emulator private key (PEM).
    #[arg(long)]
    key: PathBuf,
    /// Address for the HTTP control API.
    #[arg(long, default_value = "127.0.0.1:8080")]
    http: String,
    /// Associate every new device with this tenant (a claimed device).
    #[arg(long)]
    auto_associate: Option<String>,
    /// Stage part of the topic prefix.
    #[arg(long, default_value = "prod")]
    stage: String,
    /// MQTT client id of the emulator.
    #[arg(long, default_value = "nrfcloud-emulator")]
    client_id: String,
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

pub fn run(args: &ServeArgs) -> ExitCode {
    let config = match (read(&args.ca), read(&args.cert), read(&args.key)) {
        (Ok(ca_pem), Ok(cert_pem), Ok(key_pem)) => BrokerConfig {
            host: args.broker_host.clone(),
            port: args.broker_port,
            client_id: args.client_id.clone(),
            ca_pem,
            cert_pem,
            key_pem,
        },
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
            eprintln!("cloudwire-emulator: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cloudwire-emulator: cannot start runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(args, config))
}

async fn serve(args: &ServeArgs, config: BrokerConfig) -> ExitCode {
    let cloud = Arc::new(Mutex::new(Cloud::new(
        &args.stage,
        args.auto_associate.clone(),
    )));
    let listener = match tokio::net::TcpListener::bind(&args.http).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cloudwire-emulator: cannot listen on {}: {e}", args.http);
            return ExitCode::FAILURE;
        }
    };
    let bound = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_else(|_| args.http.clone());
    let link = broker_link::start(&config, cloud.clone());
    log!(
        "nRF Cloud emulator: broker {}:{} as {}, control API on http://{bound}{}",
        config.host,
        config.port,
        config.client_id,
        match &args.auto_associate {
            Some(t) => format!(", auto-associating new devices with tenant {t}"),
            None => String::new(),
        }
    );
    let app = http_api::router(AppState { cloud, link });
    match axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        Ok(()) => {
            log!("shutting down");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cloudwire-emulator: HTTP server failed: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = interrupt => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = interrupt.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}
