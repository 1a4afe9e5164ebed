// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Device identity on a PC: no modem, so only the hardware ID exists.

use crate::errno::Errno;

/// Characters of the hardware ID: hex of 8 bytes, like NCS's hw_id library
/// with the hwinfo device-ID source.
const HW_ID_CHARS: usize = 16;

/// CLOUDWIRE_HW_ID when set; else the first 16 hex digits of the machine
/// ID, upper case; else -ENOTSUP.
pub fn hw_id() -> Result<String, Errno> {
    if let Some(id) = std::env::var("CLOUDWIRE_HW_ID")
        .ok()
        .filter(|s| !s.is_empty())
    {
        return Ok(id);
    }
    ["/etc/machine-id", "/var/lib/dbus/machine-id"]
        .iter()
        .find_map(|path| {
            std::fs::read_to_string(path)
                .ok()
                .and_then(|t| hw_id_from_machine_id(&t))
        })
        .ok_or(Errno::ENOTSUP)
}

/// The hardware ID for the text of a machine-id file.
pub fn hw_id_from_machine_id(text: &str) -> Option<String> {
    let hex: String = text.trim().chars().take(HW_ID_CHARS).collect();
    let valid = hex.len() == HW_ID_CHARS && hex.chars().all(|c| c.is_ascii_hexdigit());
    valid.then(|| hex.to_ascii_uppercase())
}

/// Copies `text` and a NUL into `buf`; -EINVAL when it does not fit, as
/// hw_id_get() does.
pub fn copy_c_string(text: &str, buf: &mut [u8]) -> Result<(), Errno> {
    let bytes = text.as_bytes();
    let dst = buf.get_mut(..=bytes.len()).ok_or(Errno::EINVAL)?;
    let (body, nul) = dst.split_at_mut(bytes.len());
    body.copy_from_slice(bytes);
    nul.fill(0);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_id_to_hw_id() {
        assert_eq!(
            hw_id_from_machine_id("0123456789abcdef0123456789abcdef\n").as_deref(),
            Some("0123456789ABCDEF")
        );
        assert_eq!(hw_id_from_machine_id("short"), None);
        assert_eq!(hw_id_from_machine_id("zz23456789abcdef01"), None);
    }

    #[test]
    fn c_string_copy() {
        let mut buf = [0xFFu8; 5];
        assert_eq!(copy_c_string("abcd", &mut buf), Ok(()));
        assert_eq!(&buf, b"abcd\0");
        assert_eq!(copy_c_string("abcde", &mut buf), Err(Errno::EINVAL));
    }
}
