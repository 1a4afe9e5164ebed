// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 cloudwire contributors

//! Test harness: a private PKI, a mosquitto broker with TLS and ACLs
//! (started by scripts/lib/broker.sh), the emulator binary, and MQTT test
//! devices built on rumqttc.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rumqttc::{
    Client, Event, MqttOptions, Packet, QoS, SubscribeReasonCode, TlsConfiguration, Transport,
};
use serde_json::Value;

pub const SEC_TAG: &str = "16842753";

fn scripts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/lib")
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

fn run_script(script: &str, args: &[&str]) {
    let status = Command::new("bash")
        .arg(scripts_dir().join(script))
        .args(args)
        .stdout(Stdio::null())
        .status()
        .expect("run script");
    assert!(status.success(), "{script} {args:?} failed");
}

/// Broker + emulator for one test, torn down on drop.
pub struct Env {
    pub dir: PathBuf,
    pub broker_port: u16,
    pub http: String,
    emulator: Child,
}

impl Env {
    pub fn start(name: &str, devices: &[&str], emulator_args: &[&str]) -> Env {
        let dir = std::env::temp_dir().join(format!("cloudwire-emu-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let certs = dir.join("certs");
        let mut args = vec![certs.to_str().unwrap()];
        args.extend_from_slice(devices);
        run_script("certs.sh", &args);

        let broker_port = free_port();
        run_script(
            "broker.sh",
            &["start", dir.to_str().unwrap(), &broker_port.to_string()],
        );

        let http = format!("127.0.0.1:{}", free_port());
        let log = std::fs::File::create(dir.join("emulator.log")).unwrap();
        let emulator = Command::new(env!("CARGO_BIN_EXE_cloudwire-emulator"))
            .arg("serve")
            .args(["--broker-host", "127.0.0.1"])
            .args(["--broker-port", &broker_port.to_string()])
            .arg("--ca")
            .arg(certs.join("ca.pem"))
            .arg("--cert")
            .arg(certs.join("emulator.pem"))
            .arg("--key")
            .arg(certs.join("emulator.key"))
            .args(["--http", &http])
            .args(emulator_args)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawn emulator");
        let env = Env {
            dir,
            broker_port,
            http,
            emulator,
        };
        env.wait_broker_connected(true);
        env
    }

    pub fn wait_broker_connected(&self, want: bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok((200, body)) = try_http(&self.http, "GET", "/health", b"") {
                if body["broker_connected"] == Value::Bool(want) {
                    return;
                }
            }
            assert!(
                Instant::now() < deadline,
                "emulator broker_connected != {want}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn http(&self, method: &str, path: &str, body: &[u8]) -> (u16, Value) {
        try_http(&self.http, method, path, body).expect("HTTP request")
    }

    pub fn creds(&self, kind: &str, id: &str) -> PathBuf {
        self.dir.join("certs").join(kind).join(id).join(SEC_TAG)
    }

    /// Connect a device with its good credentials and wait for CONNACK.
    pub fn device(&self, id: &str) -> TestDevice {
        let dev = TestDevice::connect(self.broker_port, id, &self.creds("devices", id));
        dev.expect_connack();
        dev
    }

    pub fn restart_broker(&self) {
        run_script("broker.sh", &["restart", self.dir.to_str().unwrap()]);
    }

    /// Poll the captured list at `path` until it holds `count` items.
    pub fn wait_list(&self, path: &str, field: &str, count: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let (status, body) = self.http("GET", path, b"");
            assert_eq!(status, 200, "{body}");
            let list = body[field].as_array().cloned().unwrap_or_default();
            if list.len() >= count {
                return list;
            }
            assert!(
                Instant::now() < deadline,
                "{path}: {} of {count} items",
                list.len()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        let _ = self.emulator.kill();
        let _ = self.emulator.wait();
        let _ = Command::new("bash")
            .arg(scripts_dir().join("broker.sh"))
            .arg("stop")
            .arg(&self.dir)
            .stdout(Stdio::null())
            .status();
        if std::thread::panicking() {
            let log = std::fs::read_to_string(self.dir.join("emulator.log")).unwrap_or_default();
            eprintln!("--- emulator log ({}):\n{log}", self.dir.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Minimal HTTP/1.1 client, the way the C tests talk to the emulator.
pub fn try_http(
    addr: &str,
    method: &str,
    path: &str,
    body: &[u8],
) -> std::io::Result<(u16, Value)> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(5)))?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    s.write_all(body)?;
    let mut raw = String::new();
    s.read_to_string(&mut raw)?;
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((status, serde_json::from_str(body).unwrap_or(Value::Null)))
}

#[derive(Debug)]
pub enum DevEvent {
    ConnAck,
    SubAck(Vec<SubscribeReasonCode>),
    Publish {
        topic: String,
        payload: Vec<u8>,
        qos: u8,
    },
    Error(String),
}

/// An MQTT client acting as a device. Its background thread keeps
/// reconnecting (like a real device) and forwards events to the test.
pub struct TestDevice {
    pub id: String,
    pub client: Client,
    rx: mpsc::Receiver<DevEvent>,
}

const WAIT: Duration = Duration::from_secs(5);

impl TestDevice {
    pub fn connect(port: u16, id: &str, creds: &Path) -> TestDevice {
        let read = |f: &str| std::fs::read(creds.join(f)).unwrap();
        let mut opts = MqttOptions::new(id, "localhost", port);
        opts.set_keep_alive(Duration::from_secs(30))
            .set_clean_session(true)
            .set_max_packet_size(1 << 20, 1 << 20)
            .set_transport(Transport::tls_with_config(TlsConfiguration::Simple {
                ca: read("ca-cert.pem"),
                alpn: None,
                client_auth: Some((read("client-cert.pem"), read("private-key.pem"))),
            }));
        let (client, mut connection) = Client::new(opts, 64);
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for event in connection.iter() {
                let forwarded = match event {
                    Ok(Event::Incoming(Packet::ConnAck(_))) => DevEvent::ConnAck,
                    Ok(Event::Incoming(Packet::SubAck(ack))) => DevEvent::SubAck(ack.return_codes),
                    Ok(Event::Incoming(Packet::Publish(p))) => DevEvent::Publish {
                        topic: p.topic.clone(),
                        payload: p.payload.to_vec(),
                        qos: p.qos as u8,
                    },
                    Ok(_) => continue,
                    Err(e) => {
                        let sent = tx.send(DevEvent::Error(e.to_string()));
                        std::thread::sleep(Duration::from_millis(100));
                        if sent.is_err() {
                            break;
                        }
                        continue;
                    }
                };
                if tx.send(forwarded).is_err() {
                    break;
                }
            }
        });
        TestDevice {
            id: id.to_string(),
            client,
            rx,
        }
    }

    /// Next event matching `pick`, skipping others.
    pub fn wait<T>(&self, what: &str, mut pick: impl FnMut(DevEvent) -> Option<T>) -> T {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(ev) => {
                    if let Some(v) = pick(ev) {
                        return v;
                    }
                }
                Err(_) => panic!("{}: timed out waiting for {what}", self.id),
            }
        }
    }

    /// Like `wait`, but gives up quietly after `dur`.
    pub fn wait_for<T>(
        &self,
        dur: Duration,
        mut pick: impl FnMut(DevEvent) -> Option<T>,
    ) -> Option<T> {
        let deadline = Instant::now() + dur;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(ev) => {
                    if let Some(v) = pick(ev) {
                        return Some(v);
                    }
                }
                Err(_) => return None,
            }
        }
    }

    pub fn expect_connack(&self) {
        self.wait("CONNACK", |ev| {
            matches!(ev, DevEvent::ConnAck).then_some(())
        });
    }

    pub fn subscribe(&self, filters: &[&str]) -> Vec<SubscribeReasonCode> {
        for f in filters {
            self.client.subscribe(*f, QoS::AtLeastOnce).unwrap();
        }
        let mut codes = Vec::new();
        while codes.len() < filters.len() {
            codes.extend(self.wait("SUBACK", |ev| match ev {
                DevEvent::SubAck(c) => Some(c),
                _ => None,
            }));
        }
        codes
    }

    pub fn publish(&self, topic: &str, payload: &[u8], qos: u8) {
        let qos = if qos == 0 {
            QoS::AtMostOnce
        } else {
            QoS::AtLeastOnce
        };
        self.client
            .publish(topic, qos, false, payload.to_vec())
            .unwrap();
    }

    /// Payload of the next PUBLISH on `topic`.
    pub fn expect_publish(&self, topic: &str) -> Vec<u8> {
        self.wait(&format!("PUBLISH on {topic}"), |ev| match ev {
            DevEvent::Publish {
                topic: t, payload, ..
            } if t == topic => Some(payload),
            _ => None,
        })
    }

    /// No PUBLISH on any of `topics` within `dur`.
    pub fn expect_no_publish(&self, topics: &[&str], dur: Duration) {
        let deadline = Instant::now() + dur;
        while let Ok(ev) = self
            .rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            if let DevEvent::Publish { topic, payload, .. } = ev {
                assert!(
                    !topics.contains(&topic.as_str()),
                    "{}: unexpected publish on {topic}: {}",
                    self.id,
                    String::from_utf8_lossy(&payload)
                );
            }
        }
    }

    /// The first connection error (for credentials the broker or device refuses).
    pub fn expect_error(&self) -> String {
        self.wait("connection error", |ev| match ev {
            DevEvent::Error(e) => Some(e),
            DevEvent::ConnAck => panic!("connection unexpectedly accepted"),
            _ => None,
        })
    }
}

pub fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}
