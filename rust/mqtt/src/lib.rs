// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! MQTT 3.1.1 packet codec for the client side of a connection.
//!
//! * [`Outgoing`] encodes what a client sends (CONNECT, PUBLISH, the
//!   acknowledgements, SUBSCRIBE, UNSUBSCRIBE, PINGREQ, DISCONNECT) into a
//!   caller's `&mut [u8]`.
//! * [`decode_packet`] decodes what a broker sends (CONNACK, PUBLISH, PUBACK,
//!   PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK, PINGRESP) from the start of a
//!   byte stream, borrowing topic and payload from it. It says how many more
//!   bytes it needs when the packet is not complete yet. [`decode_fixed_header`]
//!   and [`decode_publish_header`] let a caller look at a packet before all of
//!   it has arrived (to drain a PUBLISH that is too large for its buffer).
//!
//! No heap, no panics: every malformed input is an `Err`.

#![no_std]
#![forbid(unsafe_code)]

mod error;
mod incoming;
mod outgoing;
mod types;
mod varint;

pub use error::{DecodeError, EncodeError};
pub use incoming::{
    decode_fixed_header, decode_packet, decode_publish_header, FixedHeader, Incoming, PublishHeader,
};
pub use outgoing::{Connect, Outgoing, Subscription};
pub use types::{
    connack, suback, PacketType, Publish, QoS, Status, MAX_REMAINING_LENGTH, MAX_STRING_LEN,
};
pub use varint::{decode_remaining_length, encode_remaining_length, remaining_length_len};
