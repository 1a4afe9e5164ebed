// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Topic suffixes (appended to the device ID) and data-channel topic parts.

use crate::api::ShadowKind;
use crate::text::within;

/// Shadow update (device PUB): state reports, `NRF_CLOUD_TOPIC_STATE`
/// (stored as the start of [`DELTA_FULL`]).
pub const SHADOW_UPDATE: &[u8] = within(DELTA_FULL, b"/shadow/update");
/// Trimmed shadow request (device PUB, empty payload).
pub const GET_TRIM: &[u8] = b"/shadow/get/trim";
/// Trimmed shadow response (device SUB).
pub const ACCEPTED_TRIM: &[u8] = b"/shadow/get/accepted/trim";
/// Shadow get rejected (device SUB).
pub const REJECTED: &[u8] = b"/shadow/get/rejected";
/// Full delta (device SUB).
pub const DELTA_FULL: &[u8] = b"/shadow/update/delta/full";
/// Shadow transform request (device PUB).
pub const GET_TF: &[u8] = b"/shadow/get/tf";
/// Shadow transform response (device SUB).
pub const ACCEPTED_TF: &[u8] = b"/shadow/get/accepted/tf";

/// The control-channel topics after the ID, in NCS's SUBSCRIBE order (the
/// last only with shadow transforms). A static: read in place.
pub(crate) static CC_SUFFIXES: [&[u8]; 4] = [ACCEPTED_TRIM, REJECTED, DELTA_FULL, ACCEPTED_TF];

/// The shadow each of [`CC_SUFFIXES`] carries (none on `.../rejected`).
pub(crate) const CC_KINDS: [Option<ShadowKind>; 4] = [
    Some(ShadowKind::Accepted),
    None,
    Some(ShadowKind::Delta),
    Some(ShadowKind::Transform),
];

/// Longest suffix above.
pub const SUFFIX_MAX: usize = 25;

/// Appended to d2c for bulk messages.
pub const BULK: &[u8] = b"/bulk";
/// Appended to d2c for binary messages.
pub const BIN: &[u8] = b"/bin";

/// A c2d topic from the shadow ending in `/c2d` is subscribed with this
/// wildcard ending instead.
pub const C2D_END: &[u8] = b"/c2d";
pub const C2D_WILDCARD_END: &[u8] = b"/+/r";

/// What a data-channel topic carries, by substring as NCS decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DcTopic {
    Agnss,
    Pgps,
    Location,
    /// `/c2d/r` and anything unknown.
    General,
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Classifies a received data-channel topic.
pub fn dc_topic(topic: &[u8]) -> DcTopic {
    if contains(topic, b"/agnss/r") {
        DcTopic::Agnss
    } else if contains(topic, b"/pgps/r") {
        DcTopic::Pgps
    } else if contains(topic, b"/ground_fix/r") {
        DcTopic::Location
    } else {
        DcTopic::General
    }
}

pub(crate) fn has(hay: &[u8], needle: &[u8]) -> bool {
    contains(hay, needle)
}
