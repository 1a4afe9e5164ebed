// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Test helpers: throwaway certificates, a mosquitto broker with TLS and
//! required client certificates, and a recorder of client callbacks.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod fake_broker;

use cloudwire_host::client::{ConnectParams, Events, MqttClient};
use cloudwire_host::credentials::{
    self, TLS_CREDENTIAL_CA_CERTIFICATE, TLS_CREDENTIAL_PRIVATE_KEY,
    TLS_CREDENTIAL_PUBLIC_CERTIFICATE,
};
use rcgen::{
    BasicConstraints, Certificate, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// The broker binary: $MOSQUITTO, else Debian's path, else from PATH.
pub fn mosquitto() -> std::ffi::OsString {
    std::env::var_os("MOSQUITTO")
        .or_else(|| {
            let debian = Path::new("/usr/sbin/mosquitto");
            debian.is_file().then(|| debian.as_os_str().to_owned())
        })
        .unwrap_or_else(|| "mosquitto".into())
}

/// A CA with its key, able to sign leaf certificates.
pub struct Ca {
    pub cert: Certificate,
    pub key: KeyPair,
}

impl Ca {
    pub fn new(name: &str) -> Ca {
        let key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let cert = params.self_signed(&key).unwrap();
        Ca { cert, key }
    }

    pub fn pem(&self) -> String {
        self.cert.pem()
    }

    /// (certificate PEM, key PEM) for a leaf.
    pub fn issue(
        &self,
        cn: &str,
        names: &[&str],
        usage: ExtendedKeyUsagePurpose,
    ) -> (String, String) {
        let key = KeyPair::generate().unwrap();
        let names: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
        let mut params = CertificateParams::new(names).unwrap();
        params.distinguished_name.push(DnType::CommonName, cn);
        params.extended_key_usages = vec![usage];
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        let cert = params.signed_by(&key, &self.cert, &self.key).unwrap();
        (cert.pem(), key.serialize_pem())
    }
}

/// Registers CA, client certificate and key under `tag`, as a Zephyr app
/// does with tls_credential_add().
pub fn register(tag: i32, ca_pem: &str, client: Option<&(String, String)>) {
    for ty in [
        TLS_CREDENTIAL_CA_CERTIFICATE,
        TLS_CREDENTIAL_PUBLIC_CERTIFICATE,
        TLS_CREDENTIAL_PRIVATE_KEY,
    ] {
        let _ = credentials::delete(tag, ty);
    }
    // With the NUL, like `sizeof(pem)` in C.
    let with_nul = |s: &str| {
        let mut v = s.as_bytes().to_vec();
        v.push(0);
        v
    };
    credentials::add(tag, TLS_CREDENTIAL_CA_CERTIFICATE, &with_nul(ca_pem)).unwrap();
    if let Some((cert, key)) = client {
        credentials::add(tag, TLS_CREDENTIAL_PUBLIC_CERTIFICATE, &with_nul(cert)).unwrap();
        credentials::add(tag, TLS_CREDENTIAL_PRIVATE_KEY, &with_nul(key)).unwrap();
    }
}

/// The PKI of one test: the broker's CA, a client certificate it accepts,
/// and a second ("rogue") CA it does not know.
pub struct Pki {
    pub ca: Ca,
    pub server: (String, String),
    pub client: (String, String),
    pub rogue_ca: Ca,
    pub rogue_client: (String, String),
}

impl Pki {
    pub fn new() -> Pki {
        let ca = Ca::new("cloudwire test CA");
        let server = ca.issue(
            "localhost",
            &["localhost"],
            ExtendedKeyUsagePurpose::ServerAuth,
        );
        let client = ca.issue("nrf-test-device", &[], ExtendedKeyUsagePurpose::ClientAuth);
        let rogue_ca = Ca::new("rogue CA");
        let rogue_client = rogue_ca.issue("rogue-device", &[], ExtendedKeyUsagePurpose::ClientAuth);
        Pki {
            ca,
            server,
            client,
            rogue_ca,
            rogue_client,
        }
    }
}

/// A mosquitto process on a free loopback port; killed on drop.
pub struct Broker {
    pub port: u16,
    child: Option<Child>,
    dir: tempfile::TempDir,
}

impl Broker {
    /// TLS listener on 127.0.0.1 requiring a client certificate from the
    /// PKI's CA. `anonymous` false makes it refuse every CONNECT (no
    /// passwords are configured): CONNACK 5.
    pub fn start(pki: &Pki, anonymous: bool) -> Broker {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        let ca = write("ca.pem", &pki.ca.pem());
        let cert = write("server.pem", &pki.server.0);
        let key = write("server.key", &pki.server.1);
        let port = free_port();
        let conf = format!(
            "user root\nper_listener_settings false\nallow_anonymous {anonymous}\npersistence false\n\
             log_dest stderr\nlog_type error\nlog_type warning\n\
             listener {port} 127.0.0.1\nprotocol mqtt\ncafile {}\ncertfile {}\nkeyfile {}\nrequire_certificate true\n",
            ca.display(),
            cert.display(),
            key.display()
        );
        let conf_path = write("mosquitto.conf", &conf);
        let log = std::fs::File::create(dir.path().join("mosquitto.log")).unwrap();
        let child = Command::new(mosquitto())
            .arg("-c")
            .arg(&conf_path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start mosquitto");
        let broker = Broker {
            port,
            child: Some(child),
            dir,
        };
        broker.wait_listening();
        broker
    }

    fn wait_listening(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let log =
            std::fs::read_to_string(self.dir.path().join("mosquitto.log")).unwrap_or_default();
        panic!(
            "mosquitto did not start listening on port {}:\n{log}",
            self.port
        );
    }

    /// SIGKILL: the kernel closes its sockets.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        self.kill();
    }
}

pub fn free_port() -> u16 {
    let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
    listener.local_addr().unwrap().port()
}

/// What a callback reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ev {
    Connack(i32, bool),
    Disconnect(i32),
    Publish {
        topic: String,
        payload: Vec<u8>,
        qos: u8,
        msg_id: u16,
    },
    TooLarge(String, usize),
    Puback(u16, i32),
    Suback(u16, i32),
    Pingresp,
}

/// Records callbacks in order; checks they are for the expected slot.
pub struct Recorder {
    conn: u8,
    events: Mutex<Vec<Ev>>,
    changed: Condvar,
}

impl Recorder {
    pub fn new(conn: u8) -> Arc<Recorder> {
        Arc::new(Recorder {
            conn,
            events: Mutex::new(Vec::new()),
            changed: Condvar::new(),
        })
    }

    fn push(&self, conn: u8, ev: Ev) {
        assert_eq!(conn, self.conn, "callback for the wrong connection slot");
        self.events.lock().unwrap().push(ev);
        self.changed.notify_all();
    }

    pub fn events(&self) -> Vec<Ev> {
        self.events.lock().unwrap().clone()
    }

    pub fn take(&self) -> Vec<Ev> {
        std::mem::take(&mut *self.events.lock().unwrap())
    }
}

impl Events for Recorder {
    fn connack(&self, conn: u8, return_code: i32, session_present: bool) {
        self.push(conn, Ev::Connack(return_code, session_present));
    }
    fn disconnect(&self, conn: u8, result: i32) {
        self.push(conn, Ev::Disconnect(result));
    }
    fn publish(&self, conn: u8, topic: &[u8], payload: &[u8], qos: u8, msg_id: u16) {
        let topic = String::from_utf8(topic.to_vec()).unwrap();
        self.push(
            conn,
            Ev::Publish {
                topic,
                payload: payload.to_vec(),
                qos,
                msg_id,
            },
        );
    }
    fn publish_too_large(&self, conn: u8, topic: &[u8], payload_len: usize) {
        self.push(
            conn,
            Ev::TooLarge(String::from_utf8(topic.to_vec()).unwrap(), payload_len),
        );
    }
    fn puback(&self, conn: u8, msg_id: u16, result: i32) {
        self.push(conn, Ev::Puback(msg_id, result));
    }
    fn suback(&self, conn: u8, msg_id: u16, result: i32) {
        self.push(conn, Ev::Suback(msg_id, result));
    }
    fn pingresp(&self, conn: u8) {
        self.push(conn, Ev::Pingresp);
    }
}

/// A distinct sec tag per test, so tests sharing the credential registry
/// never see each other's credentials.
pub fn unique_tag() -> i32 {
    static NEXT: AtomicI32 = AtomicI32::new(0x4000_0000);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

pub fn params<'a>(
    port: u16,
    sec_tag: i32,
    client_id: &'a str,
    clean_session: bool,
) -> ConnectParams<'a> {
    ConnectParams {
        host: "localhost",
        static_ipv4: None,
        client_id: client_id.as_bytes(),
        sec_tag,
        port,
        keepalive_s: 60,
        clean_session,
        ipv6_only: false,
    }
}

/// Runs the client's receive path (wait + input) until `done` holds for the
/// recorded events or `timeout` passes; returns the events.
pub fn pump_until(
    client: &MqttClient,
    rec: &Recorder,
    timeout: Duration,
    done: impl Fn(&[Ev]) -> bool,
) -> Vec<Ev> {
    let deadline = Instant::now() + timeout;
    loop {
        let events = rec.events();
        if done(&events) || Instant::now() >= deadline {
            return events;
        }
        if client.wait(Some(Duration::from_millis(50))).is_ok() {
            let _ = client.input();
        } else {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Runs the receive path for `duration`, whatever arrives.
pub fn pump_for(client: &MqttClient, rec: &Recorder, duration: Duration) -> Vec<Ev> {
    pump_until(client, rec, duration, |_| false)
}

pub const TIMEOUT: Duration = Duration::from_secs(10);

/// A connected client: CONNECT sent and CONNACK(0) received.
pub fn connected(
    broker: &Broker,
    tag: i32,
    client_id: &str,
    clean_session: bool,
    payload_limit: usize,
) -> (MqttClient, Arc<Recorder>) {
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), payload_limit);
    client
        .connect(&params(broker.port, tag, client_id, clean_session))
        .unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    assert!(
        matches!(events.as_slice(), [Ev::Connack(0, _)]),
        "{events:?}"
    );
    (client, rec)
}
