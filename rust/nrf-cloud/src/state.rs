// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Connection states, with NCS's `enum nfsm_state` values.

/// Where the connection is. Ordered as NCS's states, so `<`/`>=` compare
/// progress the way NCS does (`state < STATE_CC_CONNECTED`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum State {
    Idle = 0,
    Initialized = 1,
    /// CONNACK accepted.
    Connected = 2,
    /// Control-channel SUBSCRIBE (msg 100) sent.
    CcConnecting = 3,
    /// Control channel subscribed.
    CcConnected = 4,
    /// Trimmed shadow requested (msg 200).
    CloudStateRequested = 5,
    /// Waiting for the user to add the device to an account.
    UaPinWait = 6,
    /// Associated; "paired" report (msg 301) sent.
    UaPinComplete = 7,
    /// Data-channel SUBSCRIBE (msg 101) sent.
    DcConnecting = 8,
    /// Ready for data.
    DcConnected = 9,
}
