// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! cloudwire's C API: the `extern "C"` functions of the public headers
//! (`include/net/nrf_cloud.h`) and the functions the port calls
//! (`include/cloudwire/capi.h`). It owns the library state, checks
//! arguments, converts between C structs and the protocol core's types and
//! delivers events; the protocol itself is `cloudwire-nrf-cloud`.
//!
//! `no_std`, no heap. The C types come from `bindings.rs`, generated from the
//! headers by `scripts/gen-bindings`.

#![cfg_attr(not(test), no_std)]

// A staticlib for a hosted target needs std's panic runtime; bare-metal
// builds and Zephyr builds (feature "zephyr", also on native_sim) get the
// handler below instead, so no std is linked into firmware.
#[cfg(all(not(test), not(target_os = "none"), not(feature = "zephyr")))]
extern crate std;

// The C types and the nrf_cloud_* functions are declared by the public
// headers; capi.h (cbindgen) declares only what the port calls.
/// cbindgen:ignore
#[rustfmt::skip]
pub mod bindings;
/// cbindgen:ignore
mod cond_types;
/// cbindgen:ignore
pub mod enum_types;

/// cbindgen:ignore
mod api;
mod callbacks;
/// cbindgen:ignore
mod connect_result;
/// cbindgen:ignore
mod connection;
/// cbindgen:ignore
mod details;
/// cbindgen:ignore
mod errno;
/// cbindgen:ignore
mod events;
/// cbindgen:ignore
mod identity;
/// cbindgen:ignore
mod io;
mod layout;
/// cbindgen:ignore
mod lifecycle;
/// cbindgen:ignore
mod log;
/// cbindgen:ignore
mod port;
/// cbindgen:ignore
mod send;
/// cbindgen:ignore
mod state;

#[cfg(test)]
mod api_tests;
#[cfg(test)]
mod fake_port;

pub use callbacks::*;
pub use layout::{CW_LAYOUT_NRF_CLOUD, CW_LAYOUT_NRF_CLOUD_LEN};

/// Unreachable in practice: the protocol crates deny panicking constructs
/// and this crate uses none. Stop here rather than run on in a bad state.
#[cfg(all(not(test), any(target_os = "none", feature = "zephyr")))]
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    loop {
        core::hint::spin_loop();
    }
}
