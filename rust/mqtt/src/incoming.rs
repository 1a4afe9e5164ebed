// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Decoding the packets a broker sends to a client, from a byte stream.

use crate::error::DecodeError;
use crate::types::{is_topic_name, suback, PacketType, Publish, QoS, Status};
use crate::varint::decode_remaining_length;

/// First byte and remaining length of a packet, checked against its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedHeader {
    pub kind: PacketType,
    /// Low nibble of the first byte.
    pub flags: u8,
    pub remaining_len: usize,
    /// Bytes of the fixed header itself (2 to 5).
    pub header_len: usize,
}

impl FixedHeader {
    /// Length of the whole packet.
    pub fn packet_len(&self) -> usize {
        // Cannot overflow: remaining_len <= 268 435 455 and header_len <= 5.
        self.header_len.saturating_add(self.remaining_len)
    }
}

/// The start of a PUBLISH: everything but the payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublishHeader<'a> {
    pub topic: &'a [u8],
    pub qos: QoS,
    pub dup: bool,
    pub retain: bool,
    /// 0 for QoS 0.
    pub packet_id: u16,
    /// Where the payload starts, counted from the packet's first byte.
    pub payload_offset: usize,
    pub payload_len: usize,
}

/// A packet a broker sends to a client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Incoming<'a> {
    Connack {
        session_present: bool,
        /// One of [`crate::connack`]; 0 = accepted.
        return_code: u8,
    },
    Publish(Publish<'a>),
    Puback(u16),
    Pubrec(u16),
    Pubrel(u16),
    Pubcomp(u16),
    Suback {
        packet_id: u16,
        /// One per filter: granted QoS 0..=2 or [`crate::suback::FAILURE`].
        return_codes: &'a [u8],
    },
    Unsuback(u16),
    Pingresp,
}

/// Reads and checks the fixed header at the start of `buf`. The first byte is
/// checked as soon as it is there, so a bad packet fails early. The remaining
/// length is checked against what the packet type allows.
pub fn decode_fixed_header(buf: &[u8]) -> Result<Status<FixedHeader>, DecodeError> {
    let Some((&first, rest)) = buf.split_first() else {
        return Ok(Status::Partial(2));
    };
    let nibble = first >> 4;
    let flags = first & 0x0F;
    let kind = PacketType::from_nibble(nibble).ok_or(DecodeError::UnexpectedPacketType(nibble))?;
    check_flags(kind, flags)?;
    let (remaining_len, len_bytes) = match decode_remaining_length(rest)? {
        Status::Complete(v) => v,
        Status::Partial(n) => return Ok(Status::Partial(n)),
    };
    check_length(kind, flags, remaining_len)?;
    Ok(Status::Complete(FixedHeader {
        kind,
        flags,
        remaining_len,
        header_len: 1 + len_bytes,
    }))
}

/// Reads the variable header of a PUBLISH whose fixed header is `header`;
/// `packet` starts at the packet's first byte and may end before the payload.
pub fn decode_publish_header<'a>(
    header: &FixedHeader,
    packet: &'a [u8],
) -> Result<Status<PublishHeader<'a>>, DecodeError> {
    if header.kind != PacketType::Publish {
        return Err(DecodeError::UnexpectedPacketType(header.kind.nibble()));
    }
    let qos = QoS::from_bits((header.flags >> 1) & 0x03).ok_or(DecodeError::InvalidQos)?;
    let id_len = if qos == QoS::AtMostOnce { 0 } else { 2 };
    let body = packet.get(header.header_len..).unwrap_or_default();

    let Some(topic_len) = read_u16(body) else {
        return Ok(Status::Partial(2 - body.len()));
    };
    let variable_len = 2 + usize::from(topic_len) + id_len;
    if variable_len > header.remaining_len {
        return Err(DecodeError::InvalidLength);
    }
    if body.len() < variable_len {
        return Ok(Status::Partial(variable_len - body.len()));
    }
    let topic = body
        .get(2..2 + usize::from(topic_len))
        .ok_or(DecodeError::InvalidLength)?;
    if !is_topic_name(topic) {
        return Err(DecodeError::InvalidTopicName);
    }
    let packet_id = if id_len == 0 {
        0
    } else {
        let id = body
            .get(2 + usize::from(topic_len)..)
            .and_then(read_u16)
            .ok_or(DecodeError::InvalidLength)?;
        if id == 0 {
            return Err(DecodeError::ZeroPacketId);
        }
        id
    };
    Ok(Status::Complete(PublishHeader {
        topic,
        qos,
        dup: header.flags & 0b1000 != 0,
        retain: header.flags & 0b0001 != 0,
        packet_id,
        payload_offset: header.header_len + variable_len,
        payload_len: header.remaining_len - variable_len,
    }))
}

/// Decodes the packet at the start of `buf`. `Complete((packet, length))`
/// once all of it is there; `Partial(n)` while at least `n` bytes are missing.
pub fn decode_packet(buf: &[u8]) -> Result<Status<(Incoming<'_>, usize)>, DecodeError> {
    let header = match decode_fixed_header(buf)? {
        Status::Complete(h) => h,
        Status::Partial(n) => return Ok(Status::Partial(n)),
    };
    let total = header.packet_len();
    let Some(packet) = buf.get(..total) else {
        return Ok(Status::Partial(total - buf.len()));
    };
    let body = packet.get(header.header_len..).unwrap_or_default();
    let incoming = match header.kind {
        PacketType::Connack => decode_connack(body)?,
        PacketType::Publish => {
            let p = match decode_publish_header(&header, packet)? {
                Status::Complete(p) => p,
                // The whole packet is here, so the header cannot be partial.
                Status::Partial(_) => return Err(DecodeError::InvalidLength),
            };
            Incoming::Publish(Publish {
                topic: p.topic,
                payload: packet.get(p.payload_offset..).unwrap_or_default(),
                qos: p.qos,
                packet_id: p.packet_id,
                dup: p.dup,
                retain: p.retain,
            })
        }
        PacketType::Puback => Incoming::Puback(packet_id(body)?),
        PacketType::Pubrec => Incoming::Pubrec(packet_id(body)?),
        PacketType::Pubrel => Incoming::Pubrel(packet_id(body)?),
        PacketType::Pubcomp => Incoming::Pubcomp(packet_id(body)?),
        PacketType::Unsuback => Incoming::Unsuback(packet_id(body)?),
        PacketType::Suback => {
            let packet_id = packet_id(body)?;
            let return_codes = body.get(2..).unwrap_or_default();
            let valid = |c: &u8| {
                matches!(
                    *c,
                    suback::GRANTED_QOS_0
                        | suback::GRANTED_QOS_1
                        | suback::GRANTED_QOS_2
                        | suback::FAILURE
                )
            };
            if return_codes.is_empty() || !return_codes.iter().all(valid) {
                return Err(DecodeError::InvalidReturnCode);
            }
            Incoming::Suback {
                packet_id,
                return_codes,
            }
        }
        PacketType::Pingresp => Incoming::Pingresp,
        other => return Err(DecodeError::UnexpectedPacketType(other.nibble())),
    };
    Ok(Status::Complete((incoming, total)))
}

/// Fixed-header flags each type must carry (MQTT 3.1.1 section 2.2.2).
fn check_flags(kind: PacketType, flags: u8) -> Result<(), DecodeError> {
    match kind {
        PacketType::Publish => {
            let qos = QoS::from_bits((flags >> 1) & 0x03).ok_or(DecodeError::InvalidQos)?;
            // MQTT-3.3.1-2: DUP must be 0 for QoS 0.
            if qos == QoS::AtMostOnce && flags & 0b1000 != 0 {
                return Err(DecodeError::InvalidFlags);
            }
            Ok(())
        }
        PacketType::Pubrel if flags == 0b0010 => Ok(()),
        PacketType::Connack
        | PacketType::Puback
        | PacketType::Pubrec
        | PacketType::Pubcomp
        | PacketType::Suback
        | PacketType::Unsuback
        | PacketType::Pingresp
            if flags == 0 =>
        {
            Ok(())
        }
        PacketType::Pubrel
        | PacketType::Connack
        | PacketType::Puback
        | PacketType::Pubrec
        | PacketType::Pubcomp
        | PacketType::Suback
        | PacketType::Unsuback
        | PacketType::Pingresp => Err(DecodeError::InvalidFlags),
        // Packets only a client sends.
        PacketType::Connect
        | PacketType::Subscribe
        | PacketType::Unsubscribe
        | PacketType::Pingreq
        | PacketType::Disconnect => Err(DecodeError::UnexpectedPacketType(kind.nibble())),
    }
}

/// Remaining lengths each type allows, so a bad length fails before its
/// body is awaited.
fn check_length(kind: PacketType, flags: u8, remaining_len: usize) -> Result<(), DecodeError> {
    let ok = match kind {
        PacketType::Connack
        | PacketType::Puback
        | PacketType::Pubrec
        | PacketType::Pubrel
        | PacketType::Pubcomp
        | PacketType::Unsuback => remaining_len == 2,
        PacketType::Pingresp => remaining_len == 0,
        // Packet id and at least one return code.
        PacketType::Suback => remaining_len >= 3,
        // Topic length and at least one topic byte, plus the packet id.
        PacketType::Publish => {
            let qos0 = (flags >> 1) & 0x03 == 0;
            remaining_len >= if qos0 { 3 } else { 5 }
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(DecodeError::InvalidLength)
    }
}

fn decode_connack(body: &[u8]) -> Result<Incoming<'static>, DecodeError> {
    let (&ack_flags, &return_code) = match body {
        [a, b] => (a, b),
        _ => return Err(DecodeError::InvalidLength),
    };
    if ack_flags & 0xFE != 0 {
        return Err(DecodeError::InvalidConnackFlags);
    }
    let session_present = ack_flags & 0x01 != 0;
    if return_code > crate::types::connack::NOT_AUTHORIZED {
        return Err(DecodeError::InvalidReturnCode);
    }
    if session_present && return_code != crate::types::connack::ACCEPTED {
        return Err(DecodeError::InvalidConnackFlags);
    }
    Ok(Incoming::Connack {
        session_present,
        return_code,
    })
}

fn read_u16(bytes: &[u8]) -> Option<u16> {
    match bytes {
        [hi, lo, ..] => Some(u16::from_be_bytes([*hi, *lo])),
        _ => None,
    }
}

fn packet_id(body: &[u8]) -> Result<u16, DecodeError> {
    match read_u16(body) {
        Some(0) => Err(DecodeError::ZeroPacketId),
        Some(id) => Ok(id),
        None => Err(DecodeError::InvalidLength),
    }
}
