#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]
// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Exact bytes of every packet the client sends.

use cloudwire_mqtt::{Connect, EncodeError, Outgoing, Publish, QoS, Subscription};

fn encode(packet: Outgoing<'_>) -> Result<Vec<u8>, EncodeError> {
    let mut buf = vec![0xEE; 512];
    let len = packet.encode(&mut buf)?;
    assert_eq!(packet.encoded_len(), Ok(len));
    buf.truncate(len);
    Ok(buf)
}

fn publish<'a>(topic: &'a [u8], payload: &'a [u8], qos: QoS, packet_id: u16) -> Outgoing<'a> {
    Outgoing::Publish(Publish {
        topic,
        payload,
        qos,
        packet_id,
        dup: false,
        retain: false,
    })
}

#[test]
fn connect_clean_session() {
    let packet = Outgoing::Connect(Connect {
        client_id: b"my-client-id",
        keep_alive_s: 1200,
        clean_session: true,
    });
    let mut expected = vec![
        0x10, 0x18, // CONNECT, remaining length 24
        0x00, 0x04, b'M', b'Q', b'T', b'T', 0x04, // protocol name, level 4
        0x02, // clean session
        0x04, 0xB0, // keep alive 1200
        0x00, 0x0C,
    ];
    expected.extend_from_slice(b"my-client-id");
    assert_eq!(encode(packet), Ok(expected));
}

#[test]
fn connect_persistent_session() {
    let packet = Outgoing::Connect(Connect {
        client_id: b"nrf-352656100000000",
        keep_alive_s: 30,
        clean_session: false,
    });
    let mut expected = vec![
        0x10, 0x1F, 0x00, 0x04, b'M', b'Q', b'T', b'T', 0x04, 0x00, 0x00, 0x1E, 0x00, 0x13,
    ];
    expected.extend_from_slice(b"nrf-352656100000000");
    assert_eq!(encode(packet), Ok(expected));
}

#[test]
fn connect_empty_client_id() {
    let clean = Outgoing::Connect(Connect {
        client_id: b"",
        keep_alive_s: 60,
        clean_session: true,
    });
    assert_eq!(
        encode(clean),
        Ok(vec![
            0x10, 0x0C, 0x00, 0x04, b'M', b'Q', b'T', b'T', 0x04, 0x02, 0x00, 0x3C, 0x00, 0x00
        ])
    );
    let persistent = Outgoing::Connect(Connect {
        client_id: b"",
        keep_alive_s: 60,
        clean_session: false,
    });
    assert_eq!(
        encode(persistent),
        Err(EncodeError::EmptyClientIdNeedsCleanSession)
    );
}

#[test]
fn connect_rejects_bad_client_id() {
    let nul = Outgoing::Connect(Connect {
        client_id: b"a\0b",
        keep_alive_s: 60,
        clean_session: true,
    });
    assert_eq!(encode(nul), Err(EncodeError::InvalidUtf8));
    let long = vec![b'x'; 65_536];
    let too_long = Outgoing::Connect(Connect {
        client_id: &long,
        keep_alive_s: 60,
        clean_session: true,
    });
    assert_eq!(too_long.encoded_len(), Err(EncodeError::StringTooLong));
}

#[test]
fn publish_qos1_spec_example() {
    // Topic "a/b" and packet id 10 as in MQTT 3.1.1 section 3.3.2.3.
    assert_eq!(
        encode(publish(b"a/b", b"hi", QoS::AtLeastOnce, 10)),
        Ok(vec![
            0x32, 0x09, 0x00, 0x03, b'a', b'/', b'b', 0x00, 0x0A, b'h', b'i'
        ])
    );
}

#[test]
fn publish_qos0_has_no_packet_id() {
    assert_eq!(
        encode(publish(b"a/b", b"hi", QoS::AtMostOnce, 0)),
        Ok(vec![0x30, 0x07, 0x00, 0x03, b'a', b'/', b'b', b'h', b'i'])
    );
    // A packet id given with QoS 0 is not written.
    assert_eq!(
        encode(publish(b"a/b", b"", QoS::AtMostOnce, 7)),
        Ok(vec![0x30, 0x05, 0x00, 0x03, b'a', b'/', b'b'])
    );
}

#[test]
fn publish_flags() {
    let p = Outgoing::Publish(Publish {
        topic: b"t",
        payload: b"",
        qos: QoS::ExactlyOnce,
        packet_id: 0x1234,
        dup: true,
        retain: true,
    });
    assert_eq!(
        encode(p),
        Ok(vec![0x3D, 0x05, 0x00, 0x01, b't', 0x12, 0x34])
    );
    let dup0 = Outgoing::Publish(Publish {
        topic: b"t",
        payload: b"",
        qos: QoS::AtMostOnce,
        packet_id: 0,
        dup: true,
        retain: false,
    });
    assert_eq!(encode(dup0), Err(EncodeError::DupWithQos0));
}

#[test]
fn publish_two_byte_remaining_length() {
    let payload = [0x5A; 200];
    let bytes = encode(publish(b"a/b", &payload, QoS::AtLeastOnce, 1)).unwrap_or_default();
    // 2 + 3 + 2 + 200 = 207 = 0xCF 0x01
    assert_eq!(
        bytes.get(..9),
        Some(&[0x32, 0xCF, 0x01, 0x00, 0x03, b'a', b'/', b'b', 0x00][..])
    );
    assert_eq!(bytes.len(), 3 + 207);
    assert_eq!(bytes.get(10..), Some(&payload[..]));
}

#[test]
fn publish_rejects_bad_input() {
    assert_eq!(
        encode(publish(b"a/b", b"", QoS::AtLeastOnce, 0)),
        Err(EncodeError::ZeroPacketId)
    );
    for topic in [&b""[..], b"a/+", b"#", b"a\0"] {
        assert_eq!(
            encode(publish(topic, b"", QoS::AtMostOnce, 0)),
            Err(EncodeError::InvalidTopicName),
            "{topic:?}"
        );
    }
}

#[test]
fn buffer_too_small_names_needed_length() {
    let packet = publish(b"a/b", b"hi", QoS::AtLeastOnce, 10);
    let mut buf = [0u8; 10];
    assert_eq!(
        packet.encode(&mut buf),
        Err(EncodeError::BufferTooSmall { needed: 11 })
    );
    assert_eq!(buf, [0u8; 10], "nothing written on error");
    let mut exact = [0u8; 11];
    assert_eq!(packet.encode(&mut exact), Ok(11));
}

#[test]
fn acks() {
    assert_eq!(
        encode(Outgoing::Puback(10)),
        Ok(vec![0x40, 0x02, 0x00, 0x0A])
    );
    assert_eq!(
        encode(Outgoing::Pubrec(0xBEEF)),
        Ok(vec![0x50, 0x02, 0xBE, 0xEF])
    );
    assert_eq!(
        encode(Outgoing::Pubrel(1)),
        Ok(vec![0x62, 0x02, 0x00, 0x01])
    );
    assert_eq!(
        encode(Outgoing::Pubcomp(0xFFFF)),
        Ok(vec![0x70, 0x02, 0xFF, 0xFF])
    );
    for ack in [
        Outgoing::Puback(0),
        Outgoing::Pubrec(0),
        Outgoing::Pubrel(0),
        Outgoing::Pubcomp(0),
    ] {
        assert_eq!(encode(ack), Err(EncodeError::ZeroPacketId));
    }
}

#[test]
fn subscribe_several_filters() {
    let topics = [
        Subscription {
            filter: b"a/b",
            qos: QoS::AtLeastOnce,
        },
        Subscription {
            filter: b"c/#",
            qos: QoS::AtMostOnce,
        },
    ];
    assert_eq!(
        encode(Outgoing::Subscribe {
            packet_id: 100,
            topics: &topics
        }),
        Ok(vec![
            0x82, 0x0E, 0x00, 0x64, 0x00, 0x03, b'a', b'/', b'b', 0x01, 0x00, 0x03, b'c', b'/',
            b'#', 0x00
        ])
    );
}

#[test]
fn subscribe_rejects_bad_input() {
    let good = [Subscription {
        filter: b"a",
        qos: QoS::AtMostOnce,
    }];
    assert_eq!(
        encode(Outgoing::Subscribe {
            packet_id: 0,
            topics: &good
        }),
        Err(EncodeError::ZeroPacketId)
    );
    assert_eq!(
        encode(Outgoing::Subscribe {
            packet_id: 1,
            topics: &[]
        }),
        Err(EncodeError::NoTopics)
    );
    for filter in [&b""[..], b"a/#/b", b"a+"] {
        let bad = [Subscription {
            filter,
            qos: QoS::AtMostOnce,
        }];
        assert_eq!(
            encode(Outgoing::Subscribe {
                packet_id: 1,
                topics: &bad
            }),
            Err(EncodeError::InvalidTopicFilter),
            "{filter:?}"
        );
    }
}

#[test]
fn unsubscribe() {
    let filters: [&[u8]; 2] = [b"a/b", b"+/r"];
    assert_eq!(
        encode(Outgoing::Unsubscribe {
            packet_id: 2,
            filters: &filters
        }),
        Ok(vec![
            0xA2, 0x0C, 0x00, 0x02, 0x00, 0x03, b'a', b'/', b'b', 0x00, 0x03, b'+', b'/', b'r'
        ])
    );
    assert_eq!(
        encode(Outgoing::Unsubscribe {
            packet_id: 2,
            filters: &[]
        }),
        Err(EncodeError::NoTopics)
    );
}

#[test]
fn pingreq_and_disconnect() {
    assert_eq!(encode(Outgoing::Pingreq), Ok(vec![0xC0, 0x00]));
    assert_eq!(encode(Outgoing::Disconnect), Ok(vec![0xE0, 0x00]));
}
