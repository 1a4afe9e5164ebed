// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The host port's MQTT client against a scripted TLS peer: exact bytes on
//! the wire, and broker behaviour mosquitto cannot be made to show.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use cloudwire_host::client::{MqttClient, CW_POLL_IN};
use cloudwire_host::errno::Errno;
use common::fake_broker::{FakeBroker, Peer};
use common::*;
use std::sync::Arc;
use std::time::Duration;

const CONNACK_OK: [u8; 4] = [0x20, 0x02, 0x00, 0x00];

/// Connects to a scripted broker; returns the client once connect() is done.
fn start(
    script: impl FnOnce(&mut Peer) + Send + 'static,
    payload_limit: usize,
) -> (FakeBroker, MqttClient, Arc<Recorder>) {
    let pki = Pki::new();
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let broker = FakeBroker::start(&pki, script);
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), payload_limit);
    let mut p = params(broker.port, tag, "nrf-352656100000000", false);
    p.keepalive_s = 1200;
    client.connect(&p).unwrap();
    (broker, client, rec)
}

fn publish_ev(topic: &str, payload: &[u8], qos: u8, msg_id: u16) -> Ev {
    Ev::Publish {
        topic: topic.to_owned(),
        payload: payload.to_vec(),
        qos,
        msg_id,
    }
}

#[test]
fn connect_bytes_and_suback_results() {
    let (broker, client, rec) = start(
        |peer| {
            let mut connect = vec![
                0x10, 0x1F, 0x00, 0x04, b'M', b'Q', b'T', b'T', 0x04, 0x00, 0x04, 0xB0, 0x00, 0x13,
            ];
            connect.extend_from_slice(b"nrf-352656100000000");
            assert_eq!(peer.read_packet(), connect, "CONNECT");
            peer.send(&[0x20, 0x02, 0x01, 0x00]);
            let mut subscribe = vec![0x82, 0x0F, 0x00, 0x64, 0x00, 0x04];
            subscribe.extend_from_slice(b"a/+/");
            subscribe.push(0x01);
            subscribe.extend_from_slice(&[0x00, 0x03, b'b', b'/', b'#', 0x00]);
            assert_eq!(peer.read_packet(), subscribe, "SUBSCRIBE");
            peer.send(&[0x90, 0x04, 0x00, 0x64, 0x01, 0x80]);
            assert_eq!(
                peer.read_packet(),
                [0x82, 0x06, 0x00, 0x65, 0x00, 0x01, b'c', 0x02]
            );
            peer.send(&[0x90, 0x03, 0x00, 0x65, 0x02]);
            peer.wait_closed();
        },
        2048,
    );
    let events = pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    assert_eq!(events, vec![Ev::Connack(0, true)]);
    client.subscribe(&[(b"a/+/", 1), (b"b/#", 0)], 100).unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| e.len() >= 2);
    assert_eq!(events, vec![Ev::Connack(0, true), Ev::Suback(100, 0x80)]);
    client.subscribe(&[(b"c", 2)], 101).unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| e.len() >= 3);
    assert_eq!(events[2], Ev::Suback(101, 0));
    client.abort().unwrap();
    broker.finish();
}

#[test]
fn publish_bytes_and_acks() {
    let (broker, client, rec) = start(
        |peer| {
            peer.read_packet();
            peer.send(&CONNACK_OK);
            assert_eq!(
                peer.read_packet(),
                [0x32, 0x0A, 0x00, 0x03, b'd', b'/', b'x', 0x03, 0xE8, b'a', b'b', b'c']
            );
            peer.send(&[0x40, 0x02, 0x03, 0xE8]);
            assert_eq!(
                peer.read_packet(),
                [0x30, 0x06, 0x00, 0x03, b'd', b'/', b'x', b'z']
            );
            // Incoming QoS 1: acked with its id after the callback.
            peer.send(&[0x32, 0x08, 0x00, 0x03, b'c', b'/', b'r', 0x12, 0x34, b'!']);
            assert_eq!(peer.read_packet(), [0x40, 0x02, 0x12, 0x34], "PUBACK");
            // Incoming QoS 2: PUBREC, then PUBCOMP for the PUBREL.
            peer.send(&[0x34, 0x07, 0x00, 0x03, b'c', b'/', b'q', 0x00, 0x05]);
            assert_eq!(peer.read_packet(), [0x50, 0x02, 0x00, 0x05], "PUBREC");
            peer.send(&[0x62, 0x02, 0x00, 0x05]);
            assert_eq!(peer.read_packet(), [0x70, 0x02, 0x00, 0x05], "PUBCOMP");
            // UNSUBACK and a stray PUBCOMP need nothing.
            peer.send(&[0xB0, 0x02, 0x00, 0x09, 0x70, 0x02, 0x00, 0x09, 0xD0, 0x00]);
            assert_eq!(peer.read_packet(), [0xC0, 0x00], "PINGREQ");
            peer.send(&[0xD0, 0x00]);
            assert_eq!(peer.read_packet(), [0xE0, 0x00], "DISCONNECT");
            peer.wait_closed();
        },
        2048,
    );
    pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    assert_eq!(rec.take(), vec![Ev::Connack(0, false)]);
    client.publish(b"d/x", b"abc", 1, 1000).unwrap();
    assert_eq!(
        pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty()),
        vec![Ev::Puback(1000, 0)]
    );
    rec.take();
    client.publish(b"d/x", b"z", 0, 77).unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| e.len() >= 3);
    assert_eq!(
        events,
        vec![
            publish_ev("c/r", b"!", 1, 0x1234),
            publish_ev("c/q", b"", 2, 5),
            Ev::Pingresp
        ]
    );
    rec.take();
    client.ping().unwrap();
    assert_eq!(
        pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty()),
        vec![Ev::Pingresp]
    );
    rec.take();
    client.disconnect().unwrap();
    assert_eq!(rec.take(), vec![Ev::Disconnect(0)]);
    broker.finish();
}

#[test]
fn packets_split_and_joined_across_tls_records() {
    let (broker, client, rec) = start(
        |peer| {
            peer.read_packet();
            // CONNACK, a PUBLISH and a PINGRESP, one byte per TLS record.
            let mut bytes = CONNACK_OK.to_vec();
            bytes.extend_from_slice(&[
                0x30, 0x09, 0x00, 0x03, b'a', b'/', b'b', b'h', b'e', b'l', b'o',
            ]);
            bytes.extend_from_slice(&[0xD0, 0x00]);
            peer.send_bytewise(&bytes);
            // On the client's next PINGREQ: 70 PINGRESPs in one record,
            // more than one input() handles.
            assert_eq!(peer.read_packet(), [0xC0, 0x00]);
            peer.send(&[0xD0, 0x00].repeat(70));
            peer.wait_closed();
        },
        2048,
    );
    let events = pump_until(&client, &rec, TIMEOUT, |e| e.len() >= 3);
    assert_eq!(
        events,
        vec![
            Ev::Connack(0, false),
            publish_ev("a/b", b"helo", 0, 0),
            Ev::Pingresp
        ]
    );
    rec.take();
    client.ping().unwrap();
    assert_eq!(client.wait(Some(TIMEOUT)), Ok(CW_POLL_IN));
    // Read until the record has arrived whole and been handled in part.
    while rec.events().is_empty() {
        client.input().unwrap();
    }
    // One record, decrypted whole; one input() handles 64 packets.
    assert_eq!(rec.take().len(), 64);
    // The rest sits decrypted in the port, invisible to poll(2): wait()
    // must still say "readable", at once.
    assert_eq!(client.wait(Some(Duration::ZERO)), Ok(CW_POLL_IN));
    client.input().unwrap();
    assert_eq!(rec.take(), vec![Ev::Pingresp; 6]);
    assert_eq!(client.wait(Some(Duration::from_millis(50))), Ok(0));
    client.abort().unwrap();
    broker.finish();
}

#[test]
fn oversized_publish_drained_across_reads() {
    let (broker, client, rec) = start(
        |peer| {
            peer.read_packet();
            peer.send(&CONNACK_OK);
            // QoS 1 PUBLISH, topic "t/big", id 3, 300 bytes: header, then
            // the payload in three records.
            let mut header = vec![0x32, 0xB5, 0x02, 0x00, 0x05];
            header.extend_from_slice(b"t/big");
            header.extend_from_slice(&[0x00, 0x03]);
            peer.send(&header);
            for _ in 0..3 {
                std::thread::sleep(Duration::from_millis(50));
                peer.send(&[b'p'; 100]);
            }
            // Next packet right after: the stream is still in step.
            peer.send(&[0x32, 0x08, 0x00, 0x03, b't', b'/', b's', 0x00, 0x04, b'k']);
            assert_eq!(
                peer.read_packet(),
                [0x40, 0x02, 0x00, 0x04],
                "only the small one is acked"
            );
            peer.wait_closed();
        },
        100,
    );
    let events = pump_until(&client, &rec, TIMEOUT, |e| e.len() >= 3);
    assert_eq!(
        events,
        vec![
            Ev::Connack(0, false),
            Ev::TooLarge("t/big".into(), 300),
            publish_ev("t/s", b"k", 1, 4)
        ]
    );
    pump_for(&client, &rec, Duration::from_millis(100));
    client.abort().unwrap();
    broker.finish();
}

#[test]
fn payload_exactly_at_the_limit_fits() {
    let (broker, client, rec) = start(
        |peer| {
            peer.read_packet();
            peer.send(&CONNACK_OK);
            let mut publish = vec![0x30, 0x07, 0x00, 0x01, b't'];
            publish.extend_from_slice(b"1234");
            publish.extend_from_slice(&[0x30, 0x08, 0x00, 0x01, b't']);
            publish.extend_from_slice(b"12345");
            peer.send(&publish);
            peer.wait_closed();
        },
        4,
    );
    let events = pump_until(&client, &rec, TIMEOUT, |e| e.len() >= 3);
    assert_eq!(
        events,
        vec![
            Ev::Connack(0, false),
            publish_ev("t", b"1234", 0, 0),
            Ev::TooLarge("t".into(), 5)
        ]
    );
    client.abort().unwrap();
    broker.finish();
}

#[test]
fn malformed_packet_disconnects_with_ebadmsg() {
    for bad in [
        &[0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F][..], // five-byte remaining length
        &[0x20, 0x02, 0x00, 0x09],                 // CONNACK code 9
        &[0x10, 0x00],                             // CONNECT from a broker
        &[0x32, 0x07, 0x00, 0x03, b'a', b'/', b'#', 0x00, 0x01], // wildcard topic
    ] {
        let bytes = bad.to_vec();
        let (broker, client, rec) = start(
            move |peer| {
                peer.read_packet();
                peer.send(&bytes);
                peer.wait_closed();
            },
            2048,
        );
        let mut result = Ok(());
        for _ in 0..200 {
            if !rec.events().is_empty() {
                break;
            }
            let _ = client.wait(Some(Duration::from_millis(50)));
            result = client.input();
        }
        assert_eq!(result, Err(Errno::EBADMSG), "{bad:02x?}");
        assert_eq!(
            rec.take(),
            vec![Ev::Disconnect(-libc::EBADMSG)],
            "{bad:02x?}"
        );
        assert_eq!(client.socket(), -1);
        broker.finish();
    }
}

#[test]
fn peer_close_is_econnreset() {
    // With TLS close_notify, and with a bare TCP close.
    for close_notify in [true, false] {
        let (broker, client, rec) = start(
            move |peer| {
                peer.read_packet();
                peer.send(&CONNACK_OK);
                if close_notify {
                    peer.close();
                }
            },
            2048,
        );
        broker.finish();
        let events = pump_until(&client, &rec, TIMEOUT, |e| e.len() >= 2);
        assert_eq!(
            events,
            vec![Ev::Connack(0, false), Ev::Disconnect(-libc::ECONNRESET)],
            "close_notify {close_notify}"
        );
        assert_eq!(client.input(), Err(Errno::ENOTCONN));
        assert_eq!(rec.events().len(), 2);
    }
}
