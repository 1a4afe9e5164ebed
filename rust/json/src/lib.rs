// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Tiny JSON for cloudwire's protocol cores.
//!
//! * [`Writer`] writes compact JSON into a caller's `&mut [u8]`, byte for
//!   byte as cJSON's `cJSON_PrintUnformatted` prints it (string escaping,
//!   integer formatting), so messages match what NCS puts on the wire.
//! * [`parse`] validates a whole document (RFC 8259, bounded nesting, no
//!   recursion) and returns a zero-copy [`Value`]; lookups by key or path,
//!   typed getters and unescaping into a caller buffer work on the borrowed
//!   bytes. [`parse_paths`] also picks out the values at a [`PathSet`] in
//!   the same pass, so a decoder reads a document exactly once;
//!   [`parse_paths_escapes`] also tells which of those strings have
//!   escapes, so that reading the others never looks for any.
//!
//! Scanning goes a machine word at a time where it can (strings are most of
//! a document). Name lookups can follow cJSON (`*_ci`: ASCII case ignored,
//! first match wins), so decoders behave as NCS's.
//!
//! No heap, no panics, no `core::fmt`: every malformed input is an `Err`.

#![no_std]
#![forbid(unsafe_code)]

mod bytes;
mod capture;
mod number;
mod scan;
mod string;
mod value;
mod writer;

pub use capture::{PathSet, NODES_MAX, PATHS_MAX, PATH_MAX};
pub use scan::{parse, parse_c_str, parse_paths, parse_paths_escapes, Error, MAX_DEPTH};
pub use string::Str;
pub use value::{Elements, Kind, Members, Value};
pub use writer::{Overflow, Writer};
