// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Encoding the packets a client sends.

use crate::error::EncodeError;
use crate::types::{
    is_mqtt_utf8, is_topic_filter, is_topic_name, PacketType, Publish, QoS, MAX_REMAINING_LENGTH,
    MAX_STRING_LEN,
};
use crate::varint::{encode_remaining_length, remaining_length_len};

/// "MQTT" as a length-prefixed string, then protocol level 4 (3.1.1).
const PROTOCOL_NAME_AND_LEVEL: [u8; 7] = [0x00, 0x04, b'M', b'Q', b'T', b'T', 0x04];
const CONNECT_FLAG_CLEAN_SESSION: u8 = 0x02;

/// CONNECT without will, user name or password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Connect<'a> {
    pub client_id: &'a [u8],
    pub keep_alive_s: u16,
    pub clean_session: bool,
}

/// One topic filter of a SUBSCRIBE with its requested QoS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subscription<'a> {
    pub filter: &'a [u8],
    pub qos: QoS,
}

/// A packet a client sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outgoing<'a> {
    Connect(Connect<'a>),
    Publish(Publish<'a>),
    Puback(u16),
    Pubrec(u16),
    Pubrel(u16),
    Pubcomp(u16),
    Subscribe {
        packet_id: u16,
        topics: &'a [Subscription<'a>],
    },
    Unsubscribe {
        packet_id: u16,
        filters: &'a [&'a [u8]],
    },
    Pingreq,
    Disconnect,
}

impl Outgoing<'_> {
    /// Length of the whole packet, after checking every field.
    pub fn encoded_len(&self) -> Result<usize, EncodeError> {
        let remaining = self.remaining_len()?;
        let len_bytes = remaining_length_len(remaining).ok_or(EncodeError::PacketTooLarge)?;
        add(add(1, len_bytes)?, remaining)
    }

    /// Writes the packet at the start of `buf`; returns its length.
    pub fn encode(&self, buf: &mut [u8]) -> Result<usize, EncodeError> {
        let remaining = self.remaining_len()?;
        let needed = self.encoded_len()?;
        if buf.len() < needed {
            return Err(EncodeError::BufferTooSmall { needed });
        }
        let mut w = Writer { buf, pos: 0 };
        w.put(&[self.first_byte()])?;
        let tail = w
            .buf
            .get_mut(w.pos..)
            .ok_or(EncodeError::BufferTooSmall { needed })?;
        w.pos = add(w.pos, encode_remaining_length(remaining, tail)?)?;
        self.write_body(&mut w)?;
        Ok(w.pos)
    }

    fn first_byte(&self) -> u8 {
        let (kind, flags) = match self {
            Outgoing::Connect(_) => (PacketType::Connect, 0),
            Outgoing::Publish(p) => (
                PacketType::Publish,
                (u8::from(p.dup) << 3) | (p.qos.bits() << 1) | u8::from(p.retain),
            ),
            Outgoing::Puback(_) => (PacketType::Puback, 0),
            Outgoing::Pubrec(_) => (PacketType::Pubrec, 0),
            // MQTT-3.6.1-1, 3.8.1-1, 3.10.1-1: these carry flags 0b0010.
            Outgoing::Pubrel(_) => (PacketType::Pubrel, 0b0010),
            Outgoing::Pubcomp(_) => (PacketType::Pubcomp, 0),
            Outgoing::Subscribe { .. } => (PacketType::Subscribe, 0b0010),
            Outgoing::Unsubscribe { .. } => (PacketType::Unsubscribe, 0b0010),
            Outgoing::Pingreq => (PacketType::Pingreq, 0),
            Outgoing::Disconnect => (PacketType::Disconnect, 0),
        };
        (kind.nibble() << 4) | flags
    }

    /// Validates the fields and returns the remaining length.
    fn remaining_len(&self) -> Result<usize, EncodeError> {
        let len = match self {
            Outgoing::Connect(c) => {
                if c.client_id.is_empty() && !c.clean_session {
                    return Err(EncodeError::EmptyClientIdNeedsCleanSession);
                }
                string_check(c.client_id, EncodeError::InvalidUtf8)?;
                // protocol name + level, flags, keep alive, client id
                add(PROTOCOL_NAME_AND_LEVEL.len() + 1 + 2 + 2, c.client_id.len())?
            }
            Outgoing::Publish(p) => {
                if p.topic.len() > MAX_STRING_LEN {
                    return Err(EncodeError::StringTooLong);
                }
                if !is_topic_name(p.topic) {
                    return Err(EncodeError::InvalidTopicName);
                }
                let id_len = match p.qos {
                    QoS::AtMostOnce if p.dup => return Err(EncodeError::DupWithQos0),
                    QoS::AtMostOnce => 0,
                    _ if p.packet_id == 0 => return Err(EncodeError::ZeroPacketId),
                    _ => 2,
                };
                add(add(2 + id_len, p.topic.len())?, p.payload.len())?
            }
            Outgoing::Puback(id)
            | Outgoing::Pubrec(id)
            | Outgoing::Pubrel(id)
            | Outgoing::Pubcomp(id) => {
                nonzero(*id)?;
                2
            }
            Outgoing::Subscribe { packet_id, topics } => {
                nonzero(*packet_id)?;
                if topics.is_empty() {
                    return Err(EncodeError::NoTopics);
                }
                topics.iter().try_fold(2usize, |acc, t| {
                    filter_check(t.filter)?;
                    add(acc, add(t.filter.len(), 3)?)
                })?
            }
            Outgoing::Unsubscribe { packet_id, filters } => {
                nonzero(*packet_id)?;
                if filters.is_empty() {
                    return Err(EncodeError::NoTopics);
                }
                filters.iter().try_fold(2usize, |acc, f| {
                    filter_check(f)?;
                    add(acc, add(f.len(), 2)?)
                })?
            }
            Outgoing::Pingreq | Outgoing::Disconnect => 0,
        };
        if len > MAX_REMAINING_LENGTH {
            return Err(EncodeError::PacketTooLarge);
        }
        Ok(len)
    }

    fn write_body(&self, w: &mut Writer<'_>) -> Result<(), EncodeError> {
        match self {
            Outgoing::Connect(c) => {
                w.put(&PROTOCOL_NAME_AND_LEVEL)?;
                let flags = if c.clean_session {
                    CONNECT_FLAG_CLEAN_SESSION
                } else {
                    0
                };
                w.put(&[flags])?;
                w.put(&c.keep_alive_s.to_be_bytes())?;
                w.string(c.client_id)
            }
            Outgoing::Publish(p) => {
                w.string(p.topic)?;
                if p.qos != QoS::AtMostOnce {
                    w.put(&p.packet_id.to_be_bytes())?;
                }
                w.put(p.payload)
            }
            Outgoing::Puback(id)
            | Outgoing::Pubrec(id)
            | Outgoing::Pubrel(id)
            | Outgoing::Pubcomp(id) => w.put(&id.to_be_bytes()),
            Outgoing::Subscribe { packet_id, topics } => {
                w.put(&packet_id.to_be_bytes())?;
                topics.iter().try_for_each(|t| {
                    w.string(t.filter)?;
                    w.put(&[t.qos.bits()])
                })
            }
            Outgoing::Unsubscribe { packet_id, filters } => {
                w.put(&packet_id.to_be_bytes())?;
                filters.iter().try_for_each(|f| w.string(f))
            }
            Outgoing::Pingreq | Outgoing::Disconnect => Ok(()),
        }
    }
}

fn add(a: usize, b: usize) -> Result<usize, EncodeError> {
    a.checked_add(b).ok_or(EncodeError::PacketTooLarge)
}

fn nonzero(packet_id: u16) -> Result<(), EncodeError> {
    if packet_id == 0 {
        Err(EncodeError::ZeroPacketId)
    } else {
        Ok(())
    }
}

fn string_check(s: &[u8], invalid: EncodeError) -> Result<(), EncodeError> {
    if s.len() > MAX_STRING_LEN {
        Err(EncodeError::StringTooLong)
    } else if !is_mqtt_utf8(s) {
        Err(invalid)
    } else {
        Ok(())
    }
}

fn filter_check(filter: &[u8]) -> Result<(), EncodeError> {
    string_check(filter, EncodeError::InvalidTopicFilter)?;
    if is_topic_filter(filter) {
        Ok(())
    } else {
        Err(EncodeError::InvalidTopicFilter)
    }
}

/// Appends to a buffer whose size was checked beforehand; still never panics.
struct Writer<'a> {
    buf: &'a mut [u8],
    pos: usize,
}

impl Writer<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        let end = add(self.pos, bytes.len())?;
        let dst = self
            .buf
            .get_mut(self.pos..end)
            .ok_or(EncodeError::BufferTooSmall { needed: end })?;
        dst.copy_from_slice(bytes);
        self.pos = end;
        Ok(())
    }

    /// A 16-bit big-endian length, then the bytes.
    fn string(&mut self, s: &[u8]) -> Result<(), EncodeError> {
        let len = u16::try_from(s.len()).map_err(|_| EncodeError::StringTooLong)?;
        self.put(&len.to_be_bytes())?;
        self.put(s)
    }
}
