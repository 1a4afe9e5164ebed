// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! A scripted broker: one TLS connection, and the test decides every byte
//! it sends. For what a real broker will not do (malformed packets, SUBACK
//! failures, QoS 2, odd record boundaries).

use super::Pki;
use cloudwire_mqtt::{decode_remaining_length, Status};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::{ServerConfig, ServerConnection, StreamOwned};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

pub struct Peer {
    stream: StreamOwned<ServerConnection, TcpStream>,
}

impl Peer {
    /// One whole MQTT packet from the client.
    pub fn read_packet(&mut self) -> Vec<u8> {
        let mut packet = vec![0u8; 1];
        self.stream.read_exact(&mut packet).expect("packet type");
        loop {
            let mut byte = [0u8; 1];
            self.stream.read_exact(&mut byte).expect("remaining length");
            packet.push(byte[0]);
            if let Ok(Status::Complete((len, _))) = decode_remaining_length(&packet[1..]) {
                let mut body = vec![0u8; len];
                self.stream.read_exact(&mut body).expect("packet body");
                packet.extend_from_slice(&body);
                return packet;
            }
        }
    }

    /// Sends bytes as one TLS record.
    pub fn send(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).expect("send");
        self.stream.flush().expect("flush");
    }

    /// Sends each byte in its own TLS record.
    pub fn send_bytewise(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.send(&[*b]);
        }
    }

    /// TLS close_notify, then TCP close.
    pub fn close(&mut self) {
        self.stream.conn.send_close_notify();
        let _ = self.stream.flush();
        let _ = self.stream.sock.shutdown(std::net::Shutdown::Both);
    }

    /// Waits until the client closes its side (EOF or error).
    pub fn wait_closed(&mut self) {
        let mut buf = [0u8; 64];
        while matches!(self.stream.read(&mut buf), Ok(n) if n > 0) {}
    }
}

pub struct FakeBroker {
    pub port: u16,
    script: Option<JoinHandle<()>>,
}

impl FakeBroker {
    /// Listens on 127.0.0.1 with the PKI's "localhost" server certificate
    /// and runs `script` on the first connection (after the handshake).
    pub fn start(pki: &Pki, script: impl FnOnce(&mut Peer) + Send + 'static) -> FakeBroker {
        let chain = vec![CertificateDer::from_pem_slice(pki.server.0.as_bytes()).unwrap()];
        let key = PrivateKeyDer::from_pem_slice(pki.server.1.as_bytes()).unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .unwrap();
        let config = Arc::new(config);
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let script = std::thread::spawn(move || {
            let (sock, _) = listener.accept().unwrap();
            sock.set_read_timeout(Some(Duration::from_secs(10)))
                .unwrap();
            let conn = ServerConnection::new(config).unwrap();
            let mut peer = Peer {
                stream: StreamOwned::new(conn, sock),
            };
            script(&mut peer);
        });
        FakeBroker {
            port,
            script: Some(script),
        }
    }

    /// Waits for the script to finish; a failed assertion in it fails here.
    pub fn finish(mut self) {
        if let Some(script) = self.script.take() {
            if let Err(panic) = script.join() {
                std::panic::resume_unwind(panic);
            }
        }
    }
}
