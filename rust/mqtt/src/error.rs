// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Codec errors.

use core::fmt;

/// Why a packet could not be encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// The output buffer is shorter than the packet; `needed` is its length.
    BufferTooSmall { needed: usize },
    /// The remaining length would exceed 268 435 455 bytes.
    PacketTooLarge,
    /// A string field is longer than 65 535 bytes.
    StringTooLong,
    /// A string is not UTF-8 or contains U+0000.
    InvalidUtf8,
    /// A PUBLISH topic is empty or contains a wildcard.
    InvalidTopicName,
    /// A SUBSCRIBE/UNSUBSCRIBE filter is empty or misuses a wildcard.
    InvalidTopicFilter,
    /// A packet that needs a packet identifier got 0.
    ZeroPacketId,
    /// SUBSCRIBE or UNSUBSCRIBE without any topic filter.
    NoTopics,
    /// An empty client identifier needs clean session (MQTT-3.1.3-7).
    EmptyClientIdNeedsCleanSession,
    /// DUP set on a QoS 0 PUBLISH (MQTT-3.3.1-2).
    DupWithQos0,
}

/// Why bytes from the broker are not a valid packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The remaining length uses more than four bytes or is not minimal.
    MalformedRemainingLength,
    /// A packet type a broker never sends to a client (or a reserved type);
    /// holds the type nibble.
    UnexpectedPacketType(u8),
    /// The low nibble of the first byte has a value the type forbids.
    InvalidFlags,
    /// The remaining length does not fit the packet type or its contents.
    InvalidLength,
    /// PUBLISH with QoS 3.
    InvalidQos,
    /// A packet identifier of 0 where one is required.
    ZeroPacketId,
    /// A PUBLISH topic that is empty, not UTF-8, or holds a wildcard or U+0000.
    InvalidTopicName,
    /// A CONNACK or SUBACK return code MQTT 3.1.1 does not define.
    InvalidReturnCode,
    /// CONNACK acknowledge flags with reserved bits set, or session present
    /// with a refusal (MQTT-3.2.2-4).
    InvalidConnackFlags,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::BufferTooSmall { needed } => {
                write!(f, "output buffer too small: {needed} bytes needed")
            }
            EncodeError::PacketTooLarge => f.write_str("packet larger than MQTT allows"),
            EncodeError::StringTooLong => f.write_str("string longer than 65535 bytes"),
            EncodeError::InvalidUtf8 => f.write_str("string is not MQTT UTF-8"),
            EncodeError::InvalidTopicName => f.write_str("invalid topic name"),
            EncodeError::InvalidTopicFilter => f.write_str("invalid topic filter"),
            EncodeError::ZeroPacketId => f.write_str("packet identifier 0"),
            EncodeError::NoTopics => f.write_str("no topic filters"),
            EncodeError::EmptyClientIdNeedsCleanSession => {
                f.write_str("empty client id without clean session")
            }
            EncodeError::DupWithQos0 => f.write_str("DUP flag on a QoS 0 PUBLISH"),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::MalformedRemainingLength => f.write_str("malformed remaining length"),
            DecodeError::UnexpectedPacketType(t) => write!(f, "unexpected packet type {t}"),
            DecodeError::InvalidFlags => f.write_str("invalid fixed header flags"),
            DecodeError::InvalidLength => f.write_str("invalid remaining length for packet"),
            DecodeError::InvalidQos => f.write_str("invalid QoS"),
            DecodeError::ZeroPacketId => f.write_str("packet identifier 0"),
            DecodeError::InvalidTopicName => f.write_str("invalid topic name"),
            DecodeError::InvalidReturnCode => f.write_str("invalid return code"),
            DecodeError::InvalidConnackFlags => f.write_str("invalid CONNACK flags"),
        }
    }
}

impl core::error::Error for EncodeError {}
impl core::error::Error for DecodeError {}
