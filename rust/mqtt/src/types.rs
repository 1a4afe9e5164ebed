// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Values shared by the encoder and the decoder.

/// Largest value of the fixed header's remaining length (four varint bytes).
pub const MAX_REMAINING_LENGTH: usize = 268_435_455;

/// Largest length of an MQTT UTF-8 string or binary field (16-bit prefix).
pub const MAX_STRING_LEN: usize = 65_535;

/// Result of looking at the start of a byte stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status<T> {
    /// Decoded; the value says how many bytes it used where that matters.
    Complete(T),
    /// Not enough bytes yet: at least this many more are needed before the
    /// decoder can say more (the exact rest once the length is known).
    Partial(usize),
}

/// Quality of service of a PUBLISH or a subscription.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QoS {
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}

impl QoS {
    /// The two-bit value used on the wire.
    pub const fn bits(self) -> u8 {
        match self {
            QoS::AtMostOnce => 0,
            QoS::AtLeastOnce => 1,
            QoS::ExactlyOnce => 2,
        }
    }

    /// The QoS for a wire value; `None` for 3 and above.
    pub const fn from_bits(bits: u8) -> Option<QoS> {
        match bits {
            0 => Some(QoS::AtMostOnce),
            1 => Some(QoS::AtLeastOnce),
            2 => Some(QoS::ExactlyOnce),
            _ => None,
        }
    }
}

/// The control packet types of MQTT 3.1.1 (high nibble of the first byte).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PacketType {
    Connect = 1,
    Connack = 2,
    Publish = 3,
    Puback = 4,
    Pubrec = 5,
    Pubrel = 6,
    Pubcomp = 7,
    Subscribe = 8,
    Suback = 9,
    Unsubscribe = 10,
    Unsuback = 11,
    Pingreq = 12,
    Pingresp = 13,
    Disconnect = 14,
}

impl PacketType {
    /// The packet type for the high nibble of a first byte; `None` for the
    /// reserved values 0 and 15.
    pub const fn from_nibble(nibble: u8) -> Option<PacketType> {
        match nibble {
            1 => Some(PacketType::Connect),
            2 => Some(PacketType::Connack),
            3 => Some(PacketType::Publish),
            4 => Some(PacketType::Puback),
            5 => Some(PacketType::Pubrec),
            6 => Some(PacketType::Pubrel),
            7 => Some(PacketType::Pubcomp),
            8 => Some(PacketType::Subscribe),
            9 => Some(PacketType::Suback),
            10 => Some(PacketType::Unsubscribe),
            11 => Some(PacketType::Unsuback),
            12 => Some(PacketType::Pingreq),
            13 => Some(PacketType::Pingresp),
            14 => Some(PacketType::Disconnect),
            _ => None,
        }
    }

    /// The high nibble value.
    pub const fn nibble(self) -> u8 {
        self as u8
    }
}

/// A PUBLISH, as sent or as received. `packet_id` is 0 for QoS 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Publish<'a> {
    pub topic: &'a [u8],
    pub payload: &'a [u8],
    pub qos: QoS,
    pub packet_id: u16,
    pub dup: bool,
    pub retain: bool,
}

/// CONNACK return codes (MQTT 3.1.1 section 3.2.2.3).
pub mod connack {
    pub const ACCEPTED: u8 = 0;
    pub const UNACCEPTABLE_PROTOCOL_VERSION: u8 = 1;
    pub const IDENTIFIER_REJECTED: u8 = 2;
    pub const SERVER_UNAVAILABLE: u8 = 3;
    pub const BAD_USER_NAME_OR_PASSWORD: u8 = 4;
    pub const NOT_AUTHORIZED: u8 = 5;
}

/// SUBACK return codes (MQTT 3.1.1 section 3.9.3).
pub mod suback {
    pub const GRANTED_QOS_0: u8 = 0x00;
    pub const GRANTED_QOS_1: u8 = 0x01;
    pub const GRANTED_QOS_2: u8 = 0x02;
    pub const FAILURE: u8 = 0x80;
}

/// A UTF-8 string as MQTT allows it: valid UTF-8 without U+0000.
pub(crate) fn is_mqtt_utf8(bytes: &[u8]) -> bool {
    core::str::from_utf8(bytes).is_ok() && !bytes.contains(&0)
}

/// A topic name a PUBLISH may carry: non-empty, no wildcards.
pub(crate) fn is_topic_name(topic: &[u8]) -> bool {
    !topic.is_empty()
        && topic.len() <= MAX_STRING_LEN
        && is_mqtt_utf8(topic)
        && !topic.iter().any(|&b| b == b'+' || b == b'#')
}

/// A topic filter a SUBSCRIBE or UNSUBSCRIBE may carry: non-empty; `+` and
/// `#` only as a whole level, `#` only as the last level.
pub(crate) fn is_topic_filter(filter: &[u8]) -> bool {
    if filter.is_empty() || filter.len() > MAX_STRING_LEN || !is_mqtt_utf8(filter) {
        return false;
    }
    let mut levels = filter.split(|&b| b == b'/').peekable();
    while let Some(level) = levels.next() {
        let is_last = levels.peek().is_none();
        let wildcard_inside = level.len() > 1 && level.iter().any(|&b| b == b'+' || b == b'#');
        if wildcard_inside || (level == b"#" && !is_last) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qos_bits_round_trip() {
        for bits in 0..=2u8 {
            assert_eq!(QoS::from_bits(bits).map(QoS::bits), Some(bits));
        }
        assert_eq!(QoS::from_bits(3), None);
    }

    #[test]
    fn packet_type_nibbles() {
        assert_eq!(PacketType::from_nibble(0), None);
        assert_eq!(PacketType::from_nibble(15), None);
        for nibble in 1..=14u8 {
            assert_eq!(
                PacketType::from_nibble(nibble).map(PacketType::nibble),
                Some(nibble)
            );
        }
    }

    #[test]
    fn topic_names() {
        assert!(is_topic_name(b"a/b"));
        assert!(is_topic_name(b"/"));
        assert!(!is_topic_name(b""));
        assert!(!is_topic_name(b"a/+/b"));
        assert!(!is_topic_name(b"a/#"));
        assert!(!is_topic_name(b"a\0b"));
        assert!(!is_topic_name(&[0xC3, 0x28]));
    }

    #[test]
    fn topic_filters() {
        for good in [
            &b"a/b"[..],
            b"#",
            b"+",
            b"a/+/c",
            b"a/#",
            b"+/+",
            b"/",
            b"dev/+/r",
        ] {
            assert!(is_topic_filter(good), "{:?}", good);
        }
        for bad in [&b""[..], b"a#", b"a/#/c", b"a+/b", b"#/a", b"a/b#", b"\0"] {
            assert!(!is_topic_filter(bad), "{:?}", bad);
        }
    }
}
