// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The host port's MQTT client against a real mosquitto with TLS and
//! required client certificates.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use cloudwire_host::client::{MqttClient, CW_POLL_IN};
use cloudwire_host::errno::Errno;
use common::*;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

fn publish_ev(topic: &str, payload: &[u8], qos: u8, msg_id: u16) -> Ev {
    Ev::Publish {
        topic: topic.to_owned(),
        payload: payload.to_vec(),
        qos,
        msg_id,
    }
}

#[test]
fn connect_subscribe_publish_and_receive_own_messages() {
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let (client, rec) = connected(&broker, tag, "dev-roundtrip", true, 2048);
    assert_eq!(rec.take(), vec![Ev::Connack(0, false)]);

    let filter: &[u8] = b"dev-roundtrip/+/r";
    client
        .subscribe(&[(filter, 1), (b"dev-roundtrip/shadow/#", 0)], 100)
        .unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    assert_eq!(events, vec![Ev::Suback(100, 0)]);
    rec.take();

    client
        .publish(b"dev-roundtrip/c2d/r", b"{\"hello\":1}", 1, 42)
        .unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| e.len() >= 2);
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(events.contains(&Ev::Puback(42, 0)), "{events:?}");
    let delivered = events
        .iter()
        .find(|e| matches!(e, Ev::Publish { .. }))
        .unwrap();
    match delivered {
        Ev::Publish {
            topic,
            payload,
            qos,
            msg_id,
        } => {
            assert_eq!(topic, "dev-roundtrip/c2d/r");
            assert_eq!(payload, b"{\"hello\":1}");
            assert_eq!(*qos, 1);
            assert_ne!(*msg_id, 0);
        }
        other => panic!("{other:?}"),
    }
    rec.take();

    // QoS 0 publish on the QoS 0 subscription: no PUBACK, message id 0.
    client
        .publish(b"dev-roundtrip/shadow/update", b"", 0, 0)
        .unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    assert_eq!(
        events,
        vec![publish_ev("dev-roundtrip/shadow/update", b"", 0, 0)]
    );
    rec.take();

    client.disconnect().unwrap();
    assert_eq!(
        rec.take(),
        vec![Ev::Disconnect(0)],
        "callback before disconnect() returns"
    );
}

#[test]
fn qos1_publish_is_acked_after_the_callback() {
    // A persistent session shows whether the port acked: an unacked QoS 1
    // message is delivered again when the session resumes.
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let (client, rec) = connected(&broker, tag, "dev-acked", false, 2048);
    rec.take();
    client.subscribe(&[(b"dev-acked/in", 1)], 1).unwrap();
    pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    rec.take();
    client.publish(b"dev-acked/in", b"once", 1, 9).unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| e.len() >= 2);
    assert!(events.contains(&Ev::Puback(9, 0)), "{events:?}");
    assert!(events
        .iter()
        .any(|e| matches!(e, Ev::Publish { payload, qos: 1, .. } if payload == b"once")));
    // Let the PUBACK reach the broker before leaving.
    pump_for(&client, &rec, Duration::from_millis(200));
    client.disconnect().unwrap();
    rec.take();

    client
        .connect(&params(broker.port, tag, "dev-acked", false))
        .unwrap();
    let events = pump_for(&client, &rec, Duration::from_millis(800));
    assert_eq!(events, vec![Ev::Connack(0, true)], "nothing redelivered");
}

#[test]
fn oversized_payload_is_reported_not_acked_and_the_stream_continues() {
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let limit = 64;
    let (client, rec) = connected(&broker, tag, "dev-big", false, limit);
    rec.take();
    client.subscribe(&[(b"dev-big/c2d", 1)], 2).unwrap();
    pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    rec.take();

    let big = vec![b'x'; 5000];
    client.publish(b"dev-big/c2d", &big, 1, 10).unwrap();
    client.publish(b"dev-big/c2d", &[b'y'; 64], 1, 11).unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| e.len() >= 4);
    let received: Vec<&Ev> = events
        .iter()
        .filter(|e| !matches!(e, Ev::Puback(..)))
        .collect();
    assert_eq!(
        received,
        vec![
            &Ev::TooLarge("dev-big/c2d".into(), 5000),
            &publish_ev_any_id(&events, &[b'y'; 64])
        ],
        "{events:?}"
    );
    assert!(events.contains(&Ev::Puback(10, 0)) && events.contains(&Ev::Puback(11, 0)));
    pump_for(&client, &rec, Duration::from_millis(200));
    client.disconnect().unwrap();
    rec.take();

    // The too-large message was not acked: the broker delivers it again
    // (with DUP) when the session resumes; the one that fitted was acked.
    client
        .connect(&params(broker.port, tag, "dev-big", false))
        .unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| e.len() >= 2);
    assert_eq!(
        events,
        vec![
            Ev::Connack(0, true),
            Ev::TooLarge("dev-big/c2d".into(), 5000)
        ]
    );
    let events = pump_for(&client, &rec, Duration::from_millis(500));
    assert_eq!(events.len(), 2, "{events:?}");
}

/// The Publish event in `events` with this payload (its id is the broker's).
fn publish_ev_any_id(events: &[Ev], payload: &[u8]) -> Ev {
    events
        .iter()
        .find(|e| matches!(e, Ev::Publish { payload: p, .. } if p == payload))
        .cloned()
        .unwrap_or_else(|| panic!("no publish with that payload in {events:?}"))
}

#[test]
fn callbacks_may_use_the_client() {
    // Each PUBACK callback publishes the next message from inside the
    // callback; the port must not hold its lock while calling back.
    struct Chain {
        client: Mutex<Weak<MqttClient>>,
        acked: Mutex<Vec<u16>>,
    }
    impl cloudwire_host::client::Events for Chain {
        fn connack(&self, _: u8, _: i32, _: bool) {}
        fn disconnect(&self, _: u8, _: i32) {}
        fn publish(&self, _: u8, _: &[u8], _: &[u8], _: u8, _: u16) {}
        fn publish_too_large(&self, _: u8, _: &[u8], _: usize) {}
        fn puback(&self, _: u8, msg_id: u16, _: i32) {
            self.acked.lock().unwrap().push(msg_id);
            if msg_id < 5 {
                let client = self.client.lock().unwrap().upgrade().unwrap();
                client.publish(b"chain/t", b"next", 1, msg_id + 1).unwrap();
            }
        }
        fn suback(&self, _: u8, _: u16, _: i32) {}
        fn pingresp(&self, _: u8) {}
    }
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let chain = Arc::new(Chain {
        client: Mutex::new(Weak::new()),
        acked: Mutex::new(Vec::new()),
    });
    let client = Arc::new(MqttClient::new(0, chain.clone(), 2048));
    *chain.client.lock().unwrap() = Arc::downgrade(&client);
    client
        .connect(&params(broker.port, tag, "dev-chain", true))
        .unwrap();
    let deadline = Instant::now() + TIMEOUT;
    while client.publish(b"chain/t", b"first", 1, 1) == Err(Errno::ENOTCONN)
        && Instant::now() < deadline
    {
        let _ = client.wait(Some(Duration::from_millis(50)));
        let _ = client.input();
    }
    while chain.acked.lock().unwrap().len() < 5 && Instant::now() < deadline {
        let _ = client.wait(Some(Duration::from_millis(50)));
        let _ = client.input();
    }
    assert_eq!(*chain.acked.lock().unwrap(), vec![1, 2, 3, 4, 5]);
}

#[test]
fn not_connected_calls() {
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), 2048);
    assert_eq!(client.publish(b"t", b"x", 1, 1), Err(Errno::ENOTCONN));
    assert_eq!(client.subscribe(&[(b"t", 1)], 1), Err(Errno::ENOTCONN));
    assert_eq!(client.ping(), Err(Errno::ENOTCONN));
    assert_eq!(client.live(), Err(Errno::ENOTCONN));
    assert_eq!(client.input(), Err(Errno::ENOTCONN));
    assert_eq!(
        client.wait(Some(Duration::from_millis(10))),
        Err(Errno::ENOTCONN)
    );
    assert_eq!(client.keepalive_set(30), Err(Errno::ENOTCONN));
    assert_eq!(client.keepalive_time_left(), -1);
    assert_eq!(client.socket(), -1);
    assert_eq!(client.disconnect(), Err(Errno::ENOTCONN));
    assert_eq!(client.abort(), Ok(()));
    assert_eq!(rec.events(), vec![], "no callbacks without a connection");
}

#[test]
fn before_connack_and_after_disconnect() {
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), 2048);
    client
        .connect(&params(broker.port, tag, "dev-early", true))
        .unwrap();
    assert!(client.socket() >= 0);
    assert_eq!(
        client.publish(b"t", b"x", 1, 1),
        Err(Errno::ENOTCONN),
        "before CONNACK"
    );
    assert_eq!(
        client.connect(&params(broker.port, tag, "dev-early", true)),
        Err(Errno::EISCONN)
    );
    pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    assert_eq!(rec.take(), vec![Ev::Connack(0, false)]);
    assert_eq!(client.publish(b"t", b"x", 1, 1), Ok(()));
    assert_eq!(
        client.publish(b"t", b"x", 2, 1),
        Err(Errno::EINVAL),
        "QoS 2 is not offered"
    );
    assert_eq!(
        client.publish(b"t/#", b"x", 0, 0),
        Err(Errno::EINVAL),
        "wildcard topic"
    );
    assert_eq!(
        client.publish(b"t", b"x", 1, 0),
        Err(Errno::EINVAL),
        "QoS 1 needs an id"
    );
    assert_eq!(client.subscribe(&[], 3), Err(Errno::EINVAL));
    client.disconnect().unwrap();
    assert_eq!(rec.take(), vec![Ev::Disconnect(0)]);
    assert_eq!(client.socket(), -1);
    assert_eq!(client.publish(b"t", b"x", 1, 1), Err(Errno::ENOTCONN));
    assert_eq!(client.input(), Err(Errno::ENOTCONN));
    assert_eq!(client.disconnect(), Err(Errno::ENOTCONN));
    assert_eq!(rec.events(), vec![]);
}

#[test]
fn abort_reports_econnaborted() {
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let (client, rec) = connected(&broker, tag, "dev-abort", true, 2048);
    rec.take();
    assert_eq!(client.abort(), Ok(()));
    assert_eq!(rec.take(), vec![Ev::Disconnect(-libc::ECONNABORTED)]);
    assert_eq!(client.abort(), Ok(()));
    assert_eq!(rec.events(), vec![]);
}

#[test]
fn broker_killed_is_one_disconnect() {
    let pki = Pki::new();
    let mut broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let (client, rec) = connected(&broker, tag, "dev-kill", true, 2048);
    rec.take();
    broker.kill();
    let bits = client.wait(Some(TIMEOUT)).unwrap();
    assert_ne!(bits & CW_POLL_IN, 0, "bits {bits:#x}");
    assert_eq!(client.input(), Err(Errno::ECONNRESET));
    assert_eq!(rec.take(), vec![Ev::Disconnect(-libc::ECONNRESET)]);
    assert_eq!(client.input(), Err(Errno::ENOTCONN));
    assert_eq!(client.wait(Some(Duration::ZERO)), Err(Errno::ENOTCONN));
    assert_eq!(rec.events(), vec![]);
}

#[test]
fn wait_times_out_when_idle() {
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let (client, rec) = connected(&broker, tag, "dev-wait", true, 2048);
    rec.take();
    let start = Instant::now();
    assert_eq!(client.wait(Some(Duration::from_millis(300))), Ok(0));
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_millis(300) && waited < Duration::from_secs(2),
        "{waited:?}"
    );
    assert_eq!(client.wait(Some(Duration::ZERO)), Ok(0));
    // Data arriving wakes the wait.
    client.ping().unwrap();
    assert_eq!(client.wait(Some(TIMEOUT)), Ok(CW_POLL_IN));
    assert_eq!(client.input(), Ok(()));
    assert_eq!(rec.take(), vec![Ev::Pingresp]);
}

#[test]
fn keepalive_ping_and_pingresp() {
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), 2048);
    let mut p = params(broker.port, tag, "dev-ka", true);
    p.keepalive_s = 2;
    client.connect(&p).unwrap();
    pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    assert_eq!(rec.take(), vec![Ev::Connack(0, false)]);

    let left = client.keepalive_time_left();
    assert!((1..=2000).contains(&left), "{left}");
    assert_eq!(client.live(), Err(Errno::EAGAIN), "not due yet");
    std::thread::sleep(Duration::from_millis(u64::try_from(left).unwrap() + 20));
    assert_eq!(client.keepalive_time_left(), 0);
    assert_eq!(client.live(), Ok(()), "due: PINGREQ sent");
    let left = client.keepalive_time_left();
    assert!(
        (1900..=2000).contains(&left),
        "sending restarts the interval: {left}"
    );
    assert_eq!(client.live(), Err(Errno::EAGAIN));
    let events = pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    assert_eq!(events, vec![Ev::Pingresp]);

    // A new keepalive applies to the running connection.
    client.keepalive_set(30).unwrap();
    assert!(client.keepalive_time_left() > 2000);
    client.keepalive_set(0).unwrap();
    assert_eq!(client.keepalive_time_left(), -1);
    assert_eq!(client.live(), Err(Errno::EAGAIN), "keepalive off");
}

#[test]
fn refused_connack_closes_the_connection() {
    let pki = Pki::new();
    let broker = Broker::start(&pki, false);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), 2048);
    client
        .connect(&params(broker.port, tag, "dev-refused", true))
        .unwrap();
    let deadline = Instant::now() + TIMEOUT;
    let mut result = Ok(());
    while rec.events().is_empty() && Instant::now() < deadline {
        let _ = client.wait(Some(Duration::from_millis(50)));
        result = client.input();
    }
    assert_eq!(result, Err(Errno::ECONNREFUSED));
    assert_eq!(
        rec.take(),
        vec![Ev::Connack(5, false), Ev::Disconnect(-libc::ECONNREFUSED)]
    );
    assert_eq!(client.socket(), -1);
}

#[test]
fn server_not_trusted_is_econnrefused() {
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.rogue_ca.pem(), Some(&pki.client));
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), 2048);
    assert_eq!(
        client.connect(&params(broker.port, tag, "dev-wrong-ca", true)),
        Err(Errno::ECONNREFUSED)
    );
    assert_eq!(client.socket(), -1);
    assert_eq!(rec.events(), vec![]);
}

#[test]
fn server_name_mismatch_is_econnrefused() {
    // The broker's certificate is for "localhost", not "127.0.0.1".
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), 2048);
    let mut p = params(broker.port, tag, "dev-name", true);
    p.host = "127.0.0.1";
    assert_eq!(client.connect(&p), Err(Errno::ECONNREFUSED));
    assert_eq!(rec.events(), vec![]);
}

#[test]
fn client_certificate_rejected() {
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.rogue_client));
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), 2048);
    match client.connect(&params(broker.port, tag, "dev-rogue", true)) {
        // TLS 1.2: the broker refuses inside the handshake.
        Err(e) => assert_eq!(e, Errno::ECONNREFUSED),
        // TLS 1.3: the handshake ends on our side first; the broker's alert
        // arrives afterwards and is a disconnect, never a CONNACK.
        Ok(()) => {
            let deadline = Instant::now() + TIMEOUT;
            let mut result = Ok(());
            while rec.events().is_empty() && Instant::now() < deadline {
                let _ = client.wait(Some(Duration::from_millis(50)));
                result = client.input();
            }
            let events = rec.take();
            assert!(
                matches!(events.as_slice(), [Ev::Disconnect(r)] if *r == -libc::ECONNABORTED || *r == -libc::ECONNRESET),
                "{events:?}"
            );
            assert_eq!(
                result.err().map(Errno::negative),
                Some(match events[0] {
                    Ev::Disconnect(r) => r,
                    _ => 0,
                })
            );
        }
    }
    assert_eq!(client.socket(), -1);
}

#[test]
fn local_credential_problems() {
    let pki = Pki::new();
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), 2048);
    let port = free_port();

    let no_ca = unique_tag();
    assert_eq!(
        client.connect(&params(port, no_ca, "d", true)),
        Err(Errno::EOPNOTSUPP)
    );

    let bad_ca = unique_tag();
    register(
        bad_ca,
        "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n",
        None,
    );
    assert_eq!(
        client.connect(&params(port, bad_ca, "d", true)),
        Err(Errno::EOPNOTSUPP)
    );

    use cloudwire_host::credentials::{
        add, TLS_CREDENTIAL_CA_CERTIFICATE, TLS_CREDENTIAL_PRIVATE_KEY,
        TLS_CREDENTIAL_PUBLIC_CERTIFICATE,
    };
    let cert_only = unique_tag();
    add(
        cert_only,
        TLS_CREDENTIAL_CA_CERTIFICATE,
        pki.ca.pem().as_bytes(),
    )
    .unwrap();
    add(
        cert_only,
        TLS_CREDENTIAL_PUBLIC_CERTIFICATE,
        pki.client.0.as_bytes(),
    )
    .unwrap();
    assert_eq!(
        client.connect(&params(port, cert_only, "d", true)),
        Err(Errno::EINVAL)
    );

    let key_only = unique_tag();
    add(
        key_only,
        TLS_CREDENTIAL_CA_CERTIFICATE,
        pki.ca.pem().as_bytes(),
    )
    .unwrap();
    add(
        key_only,
        TLS_CREDENTIAL_PRIVATE_KEY,
        pki.client.1.as_bytes(),
    )
    .unwrap();
    assert_eq!(
        client.connect(&params(port, key_only, "d", true)),
        Err(Errno::EOPNOTSUPP)
    );

    let mismatched = unique_tag();
    register(
        mismatched,
        &pki.ca.pem(),
        Some(&(pki.client.0.clone(), pki.rogue_client.1.clone())),
    );
    assert_eq!(
        client.connect(&params(port, mismatched, "d", true)),
        Err(Errno::EINVAL)
    );

    assert_eq!(rec.events(), vec![]);
}

#[test]
fn network_failures() {
    let pki = Pki::new();
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), 2048);

    let mut p = params(free_port(), tag, "d", true);
    p.host = "no-such-host.invalid";
    assert_eq!(client.connect(&p), Err(Errno::ECHILD), "DNS failure");

    // Nothing listens: every address ("localhost" may give ::1 and
    // 127.0.0.1) refuses.
    let p = params(free_port(), tag, "d", true);
    assert_eq!(client.connect(&p), Err(Errno::ECONNREFUSED));

    let mut p = params(free_port(), tag, "d", true);
    p.static_ipv4 = Some("127.0.0.1");
    p.host = "no-such-host.invalid";
    assert_eq!(
        client.connect(&p),
        Err(Errno::ECONNREFUSED),
        "static address skips DNS"
    );

    let mut p = params(free_port(), tag, "d", true);
    p.static_ipv4 = Some("300.1.1.1");
    assert_eq!(client.connect(&p), Err(Errno::ECHILD));
    assert_eq!(rec.events(), vec![]);
}

#[test]
fn static_ipv4_connects_with_host_name_verification() {
    let pki = Pki::new();
    let broker = Broker::start(&pki, true);
    let tag = unique_tag();
    register(tag, &pki.ca.pem(), Some(&pki.client));
    let rec = Recorder::new(0);
    let client = MqttClient::new(0, rec.clone(), 2048);
    let mut p = params(broker.port, tag, "dev-static", true);
    p.static_ipv4 = Some("127.0.0.1");
    client.connect(&p).unwrap();
    let events = pump_until(&client, &rec, TIMEOUT, |e| !e.is_empty());
    assert_eq!(events, vec![Ev::Connack(0, false)]);
}
