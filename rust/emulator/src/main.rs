// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 cloudwire contributors

//! cloudwire-emulator: a local nRF Cloud for tests and demos. It plays the
//! cloud side of the nRF Cloud MQTT protocol over a real broker, and has an
//! HTTP/JSON control interface (and a `ctl` client for it).

mod broker_link;
mod cloud;
mod ctl;
mod http_api;
mod log;
mod serve;
mod shadow;
mod topics;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cloudwire-emulator",
    version,
    about = "Local nRF Cloud emulator"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Connect to the broker and serve the control API.
    Serve(serve::ServeArgs),
    /// Send one command to a running emulator's control API.
    Ctl {
        /// Control API address, host:port.
        #[arg(long, default_value = "127.0.0.1:8080")]
        http: String,
        #[command(subcommand)]
        command: CtlCommand,
    },
}

#[derive(Subcommand)]
enum CtlCommand {
    /// Is the emulator up and connected to the broker?
    Health,
    /// List the devices the emulator knows.
    Devices,
    /// Add a device to a team (tenant).
    Associate {
        id: String,
        #[arg(long)]
        tenant: String,
    },
    /// Remove a device from its team.
    Disassociate { id: String },
    /// Merge a JSON object into the desired state.
    Desired { id: String, json: String },
    /// Send a cloud-to-device message.
    C2d {
        id: String,
        payload: String,
        #[arg(long, default_value_t = 1)]
        qos: u8,
    },
    /// Send the DISCON message (device deleted from the account).
    Discon { id: String },
    /// Publish a FOTA job document on <prefix><id>/jobs/rcv.
    FotaJob { id: String, json: String },
    /// Publish anything on any topic.
    Publish {
        topic: String,
        /// Payload text (omit for an empty payload).
        payload: Option<String>,
        /// Payload as base64 instead.
        #[arg(long, conflicts_with = "payload")]
        b64: Option<String>,
        #[arg(long, default_value_t = 1)]
        qos: u8,
    },
    /// Messages the device sent (d2c, bulk, bin, FOTA jobs).
    Messages {
        id: String,
        #[arg(long, default_value_t = 0)]
        since: usize,
        /// Wait up to this many ms for an item at `since`.
        #[arg(long, default_value_t = 0)]
        wait_ms: u64,
    },
    /// Shadow updates the device sent, byte for byte.
    ShadowUpdates {
        id: String,
        #[arg(long, default_value_t = 0)]
        since: usize,
        #[arg(long, default_value_t = 0)]
        wait_ms: u64,
    },
    /// The device's shadow.
    Shadow { id: String },
    /// Forget the device.
    Reset { id: String },
}

fn ctl(http: &str, command: CtlCommand) -> ExitCode {
    let dev = |id: &str, rest: &str| format!("/devices/{}/{rest}", ctl::encode_segment(id));
    let (method, path, body): (&str, String, Vec<u8>) = match command {
        CtlCommand::Health => ("GET", "/health".into(), Vec::new()),
        CtlCommand::Devices => ("GET", "/devices".into(), Vec::new()),
        CtlCommand::Associate { id, tenant } => (
            "POST",
            dev(&id, "associate"),
            serde_json::json!({ "tenant": tenant })
                .to_string()
                .into_bytes(),
        ),
        CtlCommand::Disassociate { id } => ("POST", dev(&id, "disassociate"), Vec::new()),
        CtlCommand::Desired { id, json } => ("PATCH", dev(&id, "desired"), json.into_bytes()),
        CtlCommand::C2d { id, payload, qos } => (
            "POST",
            format!("{}?qos={qos}", dev(&id, "c2d")),
            payload.into_bytes(),
        ),
        CtlCommand::Discon { id } => ("POST", dev(&id, "discon"), Vec::new()),
        CtlCommand::FotaJob { id, json } => ("POST", dev(&id, "fota-job"), json.into_bytes()),
        CtlCommand::Publish {
            topic,
            payload,
            b64,
            qos,
        } => {
            let mut doc = serde_json::json!({ "topic": topic, "qos": qos });
            if let Some(obj) = doc.as_object_mut() {
                if let Some(text) = payload {
                    obj.insert("payload".into(), text.into());
                }
                if let Some(b64) = b64 {
                    obj.insert("payload_b64".into(), b64.into());
                }
            }
            ("POST", "/publish".into(), doc.to_string().into_bytes())
        }
        CtlCommand::Messages { id, since, wait_ms } => (
            "GET",
            format!("{}?since={since}&wait_ms={wait_ms}", dev(&id, "messages")),
            Vec::new(),
        ),
        CtlCommand::ShadowUpdates { id, since, wait_ms } => (
            "GET",
            format!(
                "{}?since={since}&wait_ms={wait_ms}",
                dev(&id, "shadow-updates")
            ),
            Vec::new(),
        ),
        CtlCommand::Shadow { id } => ("GET", dev(&id, "shadow"), Vec::new()),
        CtlCommand::Reset { id } => ("POST", dev(&id, "reset"), Vec::new()),
    };
    match ctl::request(http, method, &path, &body) {
        Ok(reply) => {
            println!("{}", reply.body);
            if (200..300).contains(&reply.status) {
                ExitCode::SUCCESS
            } else {
                eprintln!("HTTP {}", reply.status);
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("cloudwire-emulator ctl: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => serve::run(&args),
        Command::Ctl { http, command } => ctl(&http, command),
    }
}
