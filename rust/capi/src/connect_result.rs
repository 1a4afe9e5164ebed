// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! errno of a connection attempt -> enum nrf_cloud_connect_result (NCS's
//! table).

use crate::bindings::*;
use crate::enum_types::to_i32;
use crate::errno::neg;

/// The result for `err` (0 or a negative errno); `neg` gives the platform's
/// negative errno of a name.
/// errno -> connect result, as NCS maps them (a static table: read in
/// place, not built on the stack).
static TABLE: [(cw_errno, nrf_cloud_connect_result); 9] = [
    (CW_ECHILD, NRF_CLOUD_CONNECT_RES_ERR_NETWORK),
    (CW_EACCES, NRF_CLOUD_CONNECT_RES_ERR_NOT_INITD),
    (CW_ENOEXEC, NRF_CLOUD_CONNECT_RES_ERR_BACKEND),
    (CW_EINVAL, NRF_CLOUD_CONNECT_RES_ERR_PRV_KEY),
    (CW_EOPNOTSUPP, NRF_CLOUD_CONNECT_RES_ERR_CERT),
    (CW_ECONNREFUSED, NRF_CLOUD_CONNECT_RES_ERR_CERT_MISC),
    (CW_ETIMEDOUT, NRF_CLOUD_CONNECT_RES_ERR_TIMEOUT_NO_DATA),
    (CW_ENOMEM, NRF_CLOUD_CONNECT_RES_ERR_NO_MEM),
    (CW_EINPROGRESS, NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED),
];

pub fn from_errno_with(err: i32, neg: impl Fn(cw_errno) -> i32) -> i32 {
    if err == 0 {
        return to_i32(NRF_CLOUD_CONNECT_RES_SUCCESS);
    }
    TABLE
        .iter()
        .find(|(e, _)| neg(*e) == err)
        .map_or(to_i32(NRF_CLOUD_CONNECT_RES_ERR_MISC), |(_, r)| to_i32(*r))
}

/// The result for `err` with the platform's errno values.
pub fn from_errno(err: i32) -> i32 {
    from_errno_with(err, neg)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// Linux numbers, standing in for a port.
    fn linux(e: cw_errno) -> i32 {
        let v = match e {
            CW_ECHILD => 10,
            CW_EACCES => 13,
            CW_ENOEXEC => 8,
            CW_EINVAL => 22,
            CW_EOPNOTSUPP => 95,
            CW_ECONNREFUSED => 111,
            CW_ETIMEDOUT => 110,
            CW_ENOMEM => 12,
            CW_EINPROGRESS => 115,
            CW_EHOSTUNREACH => 113,
            _ => 5,
        };
        -v
    }

    #[test]
    fn maps_as_ncs() {
        let f = |e| from_errno_with(e, linux);
        assert_eq!(f(0), 0);
        assert_eq!(f(-10), -3); // ECHILD -> NETWORK
        assert_eq!(f(-13), -1); // EACCES -> NOT_INITD
        assert_eq!(f(-8), -4); // ENOEXEC -> BACKEND
        assert_eq!(f(-22), -7); // EINVAL -> PRV_KEY
        assert_eq!(f(-95), -8); // EOPNOTSUPP -> CERT
        assert_eq!(f(-111), -9); // ECONNREFUSED -> CERT_MISC
        assert_eq!(f(-110), -10); // ETIMEDOUT -> TIMEOUT_NO_DATA
        assert_eq!(f(-12), -6); // ENOMEM -> NO_MEM
        assert_eq!(f(-115), -11); // EINPROGRESS -> ALREADY_CONNECTED
        assert_eq!(f(-113), -5); // anything else -> MISC
        assert_eq!(f(-5), -5);
        assert_eq!(f(7), -5);
    }

    #[test]
    fn event_status_is_twos_complement() {
        // NCS puts the negative result into the uint32_t status.
        let r = from_errno_with(-111, linux);
        assert_eq!(r as u32, 0xFFFF_FFF7);
    }
}
