// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The fixed header's "remaining length": a little-endian base-128 varint of
//! one to four bytes (MQTT 3.1.1 section 2.2.3).

use crate::error::{DecodeError, EncodeError};
use crate::types::{Status, MAX_REMAINING_LENGTH};

/// Most bytes a remaining length may take.
const MAX_LEN_BYTES: usize = 4;

/// How many bytes `value` takes as a remaining length; `None` above the limit.
pub const fn remaining_length_len(value: usize) -> Option<usize> {
    match value {
        0..=127 => Some(1),
        128..=16_383 => Some(2),
        16_384..=2_097_151 => Some(3),
        2_097_152..=MAX_REMAINING_LENGTH => Some(4),
        _ => None,
    }
}

/// Writes `value` at the start of `out`; returns the number of bytes written.
pub fn encode_remaining_length(value: usize, out: &mut [u8]) -> Result<usize, EncodeError> {
    let len = remaining_length_len(value).ok_or(EncodeError::PacketTooLarge)?;
    let dst = out
        .get_mut(..len)
        .ok_or(EncodeError::BufferTooSmall { needed: len })?;
    let mut rest = value;
    for (i, byte) in dst.iter_mut().enumerate() {
        let low = u8::try_from(rest & 0x7F).map_err(|_| EncodeError::PacketTooLarge)?;
        rest >>= 7;
        *byte = if i + 1 < len { low | 0x80 } else { low };
    }
    Ok(len)
}

/// Reads a remaining length from the start of `buf`. `Complete((value,
/// bytes_used))`, or `Partial(1)` while the last byte has not arrived.
/// Five-byte and non-minimal encodings are errors.
pub fn decode_remaining_length(buf: &[u8]) -> Result<Status<(usize, usize)>, DecodeError> {
    let mut value: usize = 0;
    for (i, &byte) in buf.iter().take(MAX_LEN_BYTES).enumerate() {
        value |= usize::from(byte & 0x7F) << (7 * i);
        if byte & 0x80 == 0 {
            // A last byte of 0 after other bytes means a shorter encoding
            // existed: reject it as coreMQTT does.
            if i > 0 && byte == 0 {
                return Err(DecodeError::MalformedRemainingLength);
            }
            return Ok(Status::Complete((value, i + 1)));
        }
    }
    if buf.len() >= MAX_LEN_BYTES {
        Err(DecodeError::MalformedRemainingLength)
    } else {
        Ok(Status::Partial(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table of MQTT 3.1.1 section 2.2.3, both ends of each size.
    const SPEC_VECTORS: &[(usize, &[u8])] = &[
        (0, &[0x00]),
        (127, &[0x7F]),
        (128, &[0x80, 0x01]),
        (16_383, &[0xFF, 0x7F]),
        (16_384, &[0x80, 0x80, 0x01]),
        (2_097_151, &[0xFF, 0xFF, 0x7F]),
        (2_097_152, &[0x80, 0x80, 0x80, 0x01]),
        (268_435_455, &[0xFF, 0xFF, 0xFF, 0x7F]),
    ];

    #[test]
    fn encodes_spec_table() {
        for &(value, bytes) in SPEC_VECTORS {
            let mut out = [0xAAu8; 5];
            assert_eq!(encode_remaining_length(value, &mut out), Ok(bytes.len()));
            assert_eq!(out.get(..bytes.len()), Some(bytes), "value {value}");
            assert_eq!(remaining_length_len(value), Some(bytes.len()));
        }
    }

    #[test]
    fn decodes_spec_table() {
        for &(value, bytes) in SPEC_VECTORS {
            assert_eq!(
                decode_remaining_length(bytes),
                Ok(Status::Complete((value, bytes.len())))
            );
        }
    }

    #[test]
    fn too_large_to_encode() {
        let mut out = [0u8; 8];
        assert_eq!(
            encode_remaining_length(268_435_456, &mut out),
            Err(EncodeError::PacketTooLarge)
        );
        assert_eq!(remaining_length_len(268_435_456), None);
    }

    #[test]
    fn short_output() {
        let mut out = [0u8; 1];
        assert_eq!(
            encode_remaining_length(128, &mut out),
            Err(EncodeError::BufferTooSmall { needed: 2 })
        );
    }

    #[test]
    fn partial_until_last_byte() {
        assert_eq!(decode_remaining_length(&[]), Ok(Status::Partial(1)));
        assert_eq!(decode_remaining_length(&[0x80]), Ok(Status::Partial(1)));
        assert_eq!(
            decode_remaining_length(&[0xFF, 0xFF, 0xFF]),
            Ok(Status::Partial(1))
        );
    }

    #[test]
    fn five_byte_length_is_malformed() {
        assert_eq!(
            decode_remaining_length(&[0xFF, 0xFF, 0xFF, 0xFF, 0x7F]),
            Err(DecodeError::MalformedRemainingLength)
        );
        // Already known after the fourth byte.
        assert_eq!(
            decode_remaining_length(&[0x80, 0x80, 0x80, 0x80]),
            Err(DecodeError::MalformedRemainingLength)
        );
    }

    #[test]
    fn non_minimal_length_is_malformed() {
        for bytes in [
            &[0x80, 0x00][..],
            &[0xFF, 0x00],
            &[0x80, 0x80, 0x00],
            &[0x81, 0x80, 0x80, 0x00],
        ] {
            assert_eq!(
                decode_remaining_length(bytes),
                Err(DecodeError::MalformedRemainingLength),
                "{bytes:?}"
            );
        }
    }
}
