// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Any topic and payload, and any sequence of MQTT events, in any state.

use crate::{core_in, shadow_topic, CheckIo, C2D};
use cloudwire_nrf_cloud::DisconnectStatus;

/// The topic of a publish operation: `kind` picks a known one, or the
/// operation's bytes themselves.
fn topic(kind: u8, raw: &[u8]) -> Vec<u8> {
    match kind % 8 {
        0 => shadow_topic(b"/shadow/get/accepted/trim"),
        1 => shadow_topic(b"/shadow/update/delta/full"),
        2 => shadow_topic(b"/shadow/get/rejected"),
        3 => shadow_topic(b"/shadow/get/accepted/tf"),
        4 => [&C2D[..C2D.len() - 4], b"/c2d/r"].concat(),
        5 => [&C2D[..C2D.len() - 4], b"/ground_fix/r"].concat(),
        6 => raw.to_vec(),
        _ => [&C2D[..C2D.len() - 4], b"/agnss/r"].concat(),
    }
}

/// Input: one byte choosing the starting state (see [`core_in`]), then a
/// list of operations `[op, arg, len, len bytes...]` (the last one's bytes
/// may be short).
pub fn publish(data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let mut io = CheckIo::default();
    let mut buf = vec![0u8; 600];
    let mut core = core_in(which, &mut io, &mut buf);
    let mut ops = rest;
    while let [op, arg, len, tail @ ..] = ops {
        let n = usize::from(*len).min(tail.len());
        let (bytes, next) = tail.split_at(n);
        ops = next;
        match op % 10 {
            0..=3 => core.on_publish(&mut io, &mut buf, &topic(*arg, bytes), bytes),
            4 => core.on_puback(&mut io, &mut buf, u16::from_le_bytes([*arg, n as u8])),
            5 => core.on_suback(&mut io, &mut buf, 100 + u16::from(arg % 3), arg & 0x80 == 0),
            6 => core.on_connack(&mut io, &mut buf, arg % 7, arg & 0x80 != 0),
            7 => core.on_disconnected(&mut io, DisconnectStatus::Misc),
            8 => {
                if core.connect_started().is_ok() {
                    // A new link.
                    io.link_closed = false;
                }
            }
            _ => {
                let _ = core.send(&mut io, u32::from(arg % 6), bytes, u32::from(arg >> 6), 0);
                let _ = core.sensor_data_send(&mut io, &mut buf, u32::from(arg % 13), bytes, 0, 1);
            }
        }
    }
}
