#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]
// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Exact decoding of every packet a broker sends, and of malformed input.

use cloudwire_mqtt::{
    decode_fixed_header, decode_packet, decode_publish_header, DecodeError, FixedHeader, Incoming,
    Outgoing, PacketType, Publish, PublishHeader, QoS, Status,
};

fn complete(bytes: &[u8]) -> Result<(Incoming<'_>, usize), DecodeError> {
    match decode_packet(bytes)? {
        Status::Complete(v) => Ok(v),
        Status::Partial(n) => panic!("partial, {n} more needed"),
    }
}

fn publish(
    topic: &[u8],
    payload: &[u8],
    qos: QoS,
    packet_id: u16,
    dup: bool,
    retain: bool,
) -> Incoming<'static> {
    // Leaking keeps the helper simple; tests only.
    let topic: &'static [u8] = Box::leak(topic.to_vec().into_boxed_slice());
    let payload: &'static [u8] = Box::leak(payload.to_vec().into_boxed_slice());
    Incoming::Publish(Publish {
        topic,
        payload,
        qos,
        packet_id,
        dup,
        retain,
    })
}

#[test]
fn connack() {
    assert_eq!(
        complete(&[0x20, 0x02, 0x00, 0x00]),
        Ok((
            Incoming::Connack {
                session_present: false,
                return_code: 0
            },
            4
        ))
    );
    assert_eq!(
        complete(&[0x20, 0x02, 0x01, 0x00]),
        Ok((
            Incoming::Connack {
                session_present: true,
                return_code: 0
            },
            4
        ))
    );
    for code in 1..=5u8 {
        assert_eq!(
            complete(&[0x20, 0x02, 0x00, code]),
            Ok((
                Incoming::Connack {
                    session_present: false,
                    return_code: code
                },
                4
            ))
        );
    }
}

#[test]
fn connack_malformed() {
    assert_eq!(
        complete(&[0x20, 0x02, 0x00, 0x06]),
        Err(DecodeError::InvalidReturnCode)
    );
    assert_eq!(
        complete(&[0x20, 0x02, 0x01, 0x05]),
        Err(DecodeError::InvalidConnackFlags)
    );
    assert_eq!(
        complete(&[0x20, 0x02, 0x02, 0x00]),
        Err(DecodeError::InvalidConnackFlags)
    );
    assert_eq!(
        decode_packet(&[0x20, 0x03]),
        Err(DecodeError::InvalidLength)
    );
    assert_eq!(
        decode_packet(&[0x20, 0x01]),
        Err(DecodeError::InvalidLength)
    );
    assert_eq!(decode_packet(&[0x21]), Err(DecodeError::InvalidFlags));
}

#[test]
fn partial_input_says_what_is_missing() {
    assert_eq!(decode_packet(&[]), Ok(Status::Partial(2)));
    assert_eq!(decode_packet(&[0x20]), Ok(Status::Partial(1)));
    assert_eq!(decode_packet(&[0x20, 0x02]), Ok(Status::Partial(2)));
    assert_eq!(decode_packet(&[0x20, 0x02, 0x00]), Ok(Status::Partial(1)));
    // PUBLISH of 16383 remaining bytes: all of it is awaited.
    assert_eq!(
        decode_packet(&[0x30, 0xFF, 0x7F]),
        Ok(Status::Partial(16_383))
    );
    assert_eq!(decode_packet(&[0x30, 0xFF]), Ok(Status::Partial(1)));
}

#[test]
fn byte_by_byte_stream() {
    let stream = [
        0x32, 0x09, 0x00, 0x03, b'a', b'/', b'b', 0x00, 0x0A, b'h', b'i', // PUBLISH
        0xD0, 0x00, // PINGRESP
    ];
    for end in 0..11 {
        let prefix = &stream[..end];
        match decode_packet(prefix) {
            Ok(Status::Partial(n)) => assert!(end + n <= 11, "prefix {end}: asked for {n}"),
            other => panic!("prefix {end}: {other:?}"),
        }
    }
    let (first, used) = complete(&stream).unwrap();
    assert_eq!(
        first,
        publish(b"a/b", b"hi", QoS::AtLeastOnce, 10, false, false)
    );
    assert_eq!(used, 11);
    assert_eq!(complete(&stream[used..]), Ok((Incoming::Pingresp, 2)));
}

#[test]
fn publish_qos0_qos1_qos2() {
    assert_eq!(
        complete(&[0x30, 0x07, 0x00, 0x03, b'a', b'/', b'b', b'h', b'i']),
        Ok((publish(b"a/b", b"hi", QoS::AtMostOnce, 0, false, false), 9))
    );
    assert_eq!(
        complete(&[0x32, 0x09, 0x00, 0x03, b'a', b'/', b'b', 0x00, 0x0A, b'h', b'i']),
        Ok((
            publish(b"a/b", b"hi", QoS::AtLeastOnce, 10, false, false),
            11
        ))
    );
    assert_eq!(
        complete(&[0x3D, 0x05, 0x00, 0x01, b't', 0x12, 0x34]),
        Ok((publish(b"t", b"", QoS::ExactlyOnce, 0x1234, true, true), 7))
    );
    assert_eq!(
        complete(&[0x31, 0x03, 0x00, 0x01, b'x']),
        Ok((publish(b"x", b"", QoS::AtMostOnce, 0, false, true), 5))
    );
}

#[test]
fn publish_malformed() {
    // QoS 3.
    assert_eq!(decode_packet(&[0x36]), Err(DecodeError::InvalidQos));
    // DUP with QoS 0.
    assert_eq!(decode_packet(&[0x38]), Err(DecodeError::InvalidFlags));
    // Too short to hold a topic (and a packet id).
    assert_eq!(
        decode_packet(&[0x30, 0x02]),
        Err(DecodeError::InvalidLength)
    );
    assert_eq!(
        decode_packet(&[0x32, 0x04]),
        Err(DecodeError::InvalidLength)
    );
    // Topic length beyond the remaining length.
    assert_eq!(
        complete(&[0x30, 0x03, 0x00, 0x05, b'a']),
        Err(DecodeError::InvalidLength)
    );
    assert_eq!(
        complete(&[0x32, 0x06, 0x00, 0x03, b'a', b'/', b'b', 0x00]),
        Err(DecodeError::InvalidLength)
    );
    // Empty topic, wildcard topic, NUL, invalid UTF-8.
    assert_eq!(
        complete(&[0x30, 0x03, 0x00, 0x00, b'a']),
        Err(DecodeError::InvalidTopicName)
    );
    assert_eq!(
        complete(&[0x30, 0x05, 0x00, 0x03, b'a', b'/', b'#']),
        Err(DecodeError::InvalidTopicName)
    );
    assert_eq!(
        complete(&[0x30, 0x03, 0x00, 0x01, b'+']),
        Err(DecodeError::InvalidTopicName)
    );
    assert_eq!(
        complete(&[0x30, 0x03, 0x00, 0x01, 0x00]),
        Err(DecodeError::InvalidTopicName)
    );
    assert_eq!(
        complete(&[0x30, 0x04, 0x00, 0x02, 0xC3, 0x28]),
        Err(DecodeError::InvalidTopicName)
    );
    // Packet id 0 with QoS 1.
    assert_eq!(
        complete(&[0x32, 0x07, 0x00, 0x03, b'a', b'/', b'b', 0x00, 0x00]),
        Err(DecodeError::ZeroPacketId)
    );
}

#[test]
fn publish_header_before_payload_arrives() {
    // QoS 1 PUBLISH, topic "dev/c2d", id 7, payload of 3000 bytes: only the
    // first 14 bytes have arrived.
    let start = [
        0x32, 0xC3, 0x17, 0x00, 0x07, b'd', b'e', b'v', b'/', b'c', b'2', b'd', 0x00, 0x07,
    ];
    let header = FixedHeader {
        kind: PacketType::Publish,
        flags: 0x02,
        remaining_len: 3011,
        header_len: 3,
    };
    assert_eq!(decode_fixed_header(&start), Ok(Status::Complete(header)));
    assert_eq!(header.packet_len(), 3014);
    assert_eq!(
        decode_publish_header(&header, &start),
        Ok(Status::Complete(PublishHeader {
            topic: b"dev/c2d",
            qos: QoS::AtLeastOnce,
            dup: false,
            retain: false,
            packet_id: 7,
            payload_offset: 14,
            payload_len: 3000,
        }))
    );
    assert_eq!(
        decode_publish_header(&header, &start[..3]),
        Ok(Status::Partial(2))
    );
    assert_eq!(
        decode_publish_header(&header, &start[..4]),
        Ok(Status::Partial(1))
    );
    assert_eq!(
        decode_publish_header(&header, &start[..5]),
        Ok(Status::Partial(9))
    );
    assert_eq!(
        decode_publish_header(&header, &start[..13]),
        Ok(Status::Partial(1))
    );
    assert_eq!(decode_packet(&start), Ok(Status::Partial(3000)));
    let not_publish = FixedHeader {
        kind: PacketType::Puback,
        flags: 0,
        remaining_len: 2,
        header_len: 2,
    };
    assert_eq!(
        decode_publish_header(&not_publish, &[0x40, 0x02]),
        Err(DecodeError::UnexpectedPacketType(4))
    );
}

#[test]
fn acks() {
    assert_eq!(
        complete(&[0x40, 0x02, 0x00, 0x0A]),
        Ok((Incoming::Puback(10), 4))
    );
    assert_eq!(
        complete(&[0x50, 0x02, 0x12, 0x34]),
        Ok((Incoming::Pubrec(0x1234), 4))
    );
    assert_eq!(
        complete(&[0x62, 0x02, 0x00, 0x01]),
        Ok((Incoming::Pubrel(1), 4))
    );
    assert_eq!(
        complete(&[0x70, 0x02, 0xFF, 0xFF]),
        Ok((Incoming::Pubcomp(0xFFFF), 4))
    );
    assert_eq!(
        complete(&[0xB0, 0x02, 0x00, 0x02]),
        Ok((Incoming::Unsuback(2), 4))
    );
    for first in [0x40u8, 0x50, 0x62, 0x70, 0xB0] {
        assert_eq!(
            complete(&[first, 0x02, 0x00, 0x00]),
            Err(DecodeError::ZeroPacketId)
        );
        assert_eq!(
            decode_packet(&[first, 0x03]),
            Err(DecodeError::InvalidLength)
        );
        assert_eq!(
            decode_packet(&[first, 0x00]),
            Err(DecodeError::InvalidLength)
        );
    }
    assert_eq!(decode_packet(&[0x41]), Err(DecodeError::InvalidFlags));
    assert_eq!(decode_packet(&[0x60]), Err(DecodeError::InvalidFlags));
    assert_eq!(decode_packet(&[0x72]), Err(DecodeError::InvalidFlags));
}

#[test]
fn suback() {
    assert_eq!(
        complete(&[0x90, 0x05, 0x00, 0x64, 0x01, 0x00, 0x80]),
        Ok((
            Incoming::Suback {
                packet_id: 100,
                return_codes: &[0x01, 0x00, 0x80]
            },
            7
        ))
    );
    assert_eq!(
        complete(&[0x90, 0x03, 0x00, 0x65, 0x02]),
        Ok((
            Incoming::Suback {
                packet_id: 101,
                return_codes: &[0x02]
            },
            5
        ))
    );
    assert_eq!(
        complete(&[0x90, 0x03, 0x00, 0x64, 0x03]),
        Err(DecodeError::InvalidReturnCode)
    );
    assert_eq!(
        complete(&[0x90, 0x03, 0x00, 0x64, 0x81]),
        Err(DecodeError::InvalidReturnCode)
    );
    assert_eq!(
        complete(&[0x90, 0x03, 0x00, 0x00, 0x00]),
        Err(DecodeError::ZeroPacketId)
    );
    assert_eq!(
        decode_packet(&[0x90, 0x02]),
        Err(DecodeError::InvalidLength)
    );
    assert_eq!(decode_packet(&[0x92]), Err(DecodeError::InvalidFlags));
}

#[test]
fn pingresp() {
    assert_eq!(complete(&[0xD0, 0x00, 0xFF]), Ok((Incoming::Pingresp, 2)));
    assert_eq!(
        decode_packet(&[0xD0, 0x01]),
        Err(DecodeError::InvalidLength)
    );
    assert_eq!(decode_packet(&[0xD1]), Err(DecodeError::InvalidFlags));
}

#[test]
fn packets_a_broker_never_sends() {
    for (first, nibble) in [
        (0x10u8, 1u8),
        (0x82, 8),
        (0xA2, 10),
        (0xC0, 12),
        (0xE0, 14),
        (0x00, 0),
        (0xF0, 15),
    ] {
        assert_eq!(
            decode_packet(&[first, 0x00]),
            Err(DecodeError::UnexpectedPacketType(nibble))
        );
    }
}

#[test]
fn malformed_remaining_length() {
    assert_eq!(
        decode_packet(&[0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]),
        Err(DecodeError::MalformedRemainingLength)
    );
    assert_eq!(
        decode_packet(&[0x30, 0x80, 0x80, 0x80, 0x80]),
        Err(DecodeError::MalformedRemainingLength)
    );
    assert_eq!(
        decode_packet(&[0xD0, 0x80, 0x00]),
        Err(DecodeError::MalformedRemainingLength)
    );
}

#[test]
fn encode_then_decode_publish() {
    let payload: Vec<u8> = (0..=255u8).cycle().take(20_000).collect();
    for qos in [QoS::AtMostOnce, QoS::AtLeastOnce, QoS::ExactlyOnce] {
        let sent = Publish {
            topic: b"prod/team/m/d/dev-1/c2d",
            payload: &payload,
            qos,
            packet_id: if qos == QoS::AtMostOnce { 0 } else { 4242 },
            dup: false,
            retain: false,
        };
        let out = Outgoing::Publish(sent);
        let mut buf = vec![0; out.encoded_len().unwrap()];
        let len = out.encode(&mut buf).unwrap();
        assert_eq!(complete(&buf), Ok((Incoming::Publish(sent), len)));
    }
}

/// Every input of up to three bytes, and pseudo-random longer ones: the
/// decoder returns, it never panics, and never claims more bytes than given.
#[test]
fn arbitrary_input_never_panics() {
    fn check(bytes: &[u8]) {
        match decode_packet(bytes) {
            Ok(Status::Complete((_, used))) => assert!(used <= bytes.len()),
            Ok(Status::Partial(n)) => assert!(n > 0),
            Err(_) => {}
        }
        if let Ok(Status::Complete(h)) = decode_fixed_header(bytes) {
            let _ = decode_publish_header(&h, bytes);
        }
    }
    for a in 0..=255u8 {
        check(&[a]);
        for b in 0..=255u8 {
            check(&[a, b]);
            for c in [0u8, 1, 2, 3, 0x7F, 0x80, 0xFF] {
                check(&[a, b, c]);
            }
        }
    }
    let mut state: u32 = 0x1234_5678;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 40) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| next().to_le_bytes()[0]).collect();
        if let Some(first) = bytes.first_mut() {
            // Bias toward packet types a broker sends.
            *first = [0x20, 0x30, 0x32, 0x34, 0x40, 0x62, 0x90, 0xB0, 0xD0][(next() % 9) as usize]
                | (*first & 0x01);
        }
        if let Some(second) = bytes.get_mut(1) {
            *second &= 0x3F; // short lengths, so bodies are complete
        }
        check(&bytes);
    }
}
