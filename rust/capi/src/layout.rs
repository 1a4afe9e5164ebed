// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Sizes and member offsets of every struct (and the size of every enum) of
//! the public headers, as Rust lays them out, for tests/common/layout_check.c
//! to compare with C's on each target. The order here and there must match.

use core::mem::{offset_of, size_of};

use crate::bindings::*;

/// Marks a member that does not exist in this configuration.
#[cfg(not(feature = "modem-info"))]
const ABSENT: u32 = u32::MAX;

macro_rules! layout {
    ($( $t:ty $( ; $f:tt )* ),* $(,)?) => {
        [ $( n(size_of::<$t>()), $( off!($t, $f), )* )* ]
    };
}

macro_rules! off {
    ($t:ty, (mpi)) => {{
        #[cfg(feature = "modem-info")]
        let v = n(offset_of!($t, mpi));
        #[cfg(not(feature = "modem-info"))]
        let v = ABSENT;
        v
    }};
    ($t:ty, $f:ident) => {
        n(offset_of!($t, $f))
    };
}

#[allow(clippy::cast_possible_truncation)] // sizes here are far below 4 GiB
const fn n(v: usize) -> u32 {
    v as u32
}

const ENTRIES: [u32; CW_LAYOUT_NRF_CLOUD_LEN] = layout![
    nrf_cloud_fota_job_info; type_; id; host; path; file_size,
    nrf_cloud_settings_fota_job; validate; type_; id; bl_flags,
    nrf_cloud_data; len; ptr,
    nrf_cloud_topic; len; ptr,
    nrf_cloud_sensor_data; type_; data; tag; ts_ms,
    nrf_cloud_evt; type_; status; data; topic; shadow,
    nrf_cloud_tx_data; obj; data; topic_type; qos; id,
    nrf_cloud_svc_info_fota,
    nrf_cloud_svc_info_ui,
    nrf_cloud_modem_info; device; network; sim; (mpi); application_version,
    nrf_cloud_svc_info; fota; ui,
    nrf_cloud_device_status; modem; svc; conn_inf,
    nrf_cloud_gnss_pvt; lat; lon; accuracy; alt; speed; heading,
    nrf_cloud_credentials_status; sec_tag; ca_size,
    nrf_cloud_gnss_nmea; sentence,
    nrf_cloud_gnss_data; type_; ts_ms; __bindgen_anon_1,
    nrf_cloud_ctrl_data; alerts_enabled; log_level,
    nrf_cloud_init_param; event_handler; client_id; fmfu_dev_inf; hooks;
        application_version; smp_reset_cb,
    nrf_cloud_os_mem_hooks; malloc_fn; calloc_fn; free_fn,
    cw_nrf_cloud_config; host_name; static_ipv4_addr; client_id; client_id_prefix;
        connection_method; payload_buffer_len; message_buffer_len; sec_tag; port;
        keepalive_s; ua_wait_keepalive_s; client_id_src; poll_thread;
        persistent_sessions; shadow_transforms; send_conn_info; print_details;
        verbose_details; ipv6_only; static_ipv4,
    cw_mqtt_conn_params; host; static_ipv4; client_id; client_id_len; sec_tag; port;
        keepalive_s; clean_session; ipv6_only,
    cw_mqtt_topic; ptr; len; qos,
    mqtt_qos,
    nrf_cloud_evt_type,
    nrf_cloud_error_status,
    nrf_cloud_disconnect_status,
    nrf_cloud_connect_result,
    nrf_cloud_error,
    nrf_cloud_sensor,
    nrf_cloud_topic_type,
    nrf_cloud_fota_status,
    nrf_cloud_fota_type,
    nrf_cloud_fota_validate_status,
    nrf_cloud_fota_bootloader_status_flags,
    nrf_cloud_shadow_info,
    nrf_cloud_gnss_type,
    cw_conn,
    cw_errno,
    cw_client_id_src,
];

/// Number of entries of `CW_LAYOUT_NRF_CLOUD`.
pub const CW_LAYOUT_NRF_CLOUD_LEN: usize = 131;

/// Sizes and offsets of the public structs and enums, in the order of
/// tests/common/layout_check.c (an absent conditional member is UINT32_MAX).
#[no_mangle]
pub static CW_LAYOUT_NRF_CLOUD: [u32; CW_LAYOUT_NRF_CLOUD_LEN] = ENTRIES;

// Target-independent facts, checked at compile time.
const _: () = {
    assert!(size_of::<nrf_cloud_svc_info_fota>() == 1);
    assert!(size_of::<nrf_cloud_svc_info_ui>() == 2);
    assert!(offset_of!(nrf_cloud_data, len) == 0);
    assert!(offset_of!(nrf_cloud_topic, len) == 0);
    assert!(offset_of!(nrf_cloud_evt, type_) == 0);
    assert!(offset_of!(nrf_cloud_tx_data, obj) == 0);
    assert!(offset_of!(nrf_cloud_init_param, event_handler) == 0);
    assert!(size_of::<nrf_cloud_error>() == 4);
    assert!(size_of::<sec_tag_t>() == 4);
    assert!(NRF_CLOUD_EVT_ERROR == 0xFF);
    assert!(NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED == -11);
    assert!(NCT_MSG_ID_USER_TAG_BEGIN == 10000);
    assert!(NRF_CLOUD_CLIENT_ID_MAX_LEN as usize == crate::state::CLIENT_ID_MAX);
};

// The enum widths of each target (see enum_types.rs).
#[cfg(all(target_arch = "arm", target_os = "none"))]
const _: () = {
    assert!(size_of::<nrf_cloud_evt_type>() == 1);
    assert!(size_of::<nrf_cloud_connect_result>() == 1);
    assert!(size_of::<mqtt_qos>() == 1);
    assert!(offset_of!(nrf_cloud_evt, status) == 4);
    assert!(offset_of!(nrf_cloud_settings_fota_job, id) == 2);
};
#[cfg(not(all(target_arch = "arm", target_os = "none")))]
const _: () = {
    assert!(size_of::<nrf_cloud_evt_type>() == 4);
    assert!(size_of::<nrf_cloud_connect_result>() == 4);
    assert!(size_of::<mqtt_qos>() == 4);
    assert!(offset_of!(nrf_cloud_settings_fota_job, id) == 8);
};

// The protocol core's numbers are the header's (enum widths differ per
// target, hence the casts).
#[allow(clippy::unnecessary_cast)]
const _: () = {
    use cloudwire_nrf_cloud::api::{DisconnectStatus as D, EventType as E};
    assert!(E::TransportConnected as u32 == NRF_CLOUD_EVT_TRANSPORT_CONNECTED as u32);
    assert!(E::TransportConnecting as u32 == NRF_CLOUD_EVT_TRANSPORT_CONNECTING as u32);
    assert!(E::UserAssociationRequest as u32 == NRF_CLOUD_EVT_USER_ASSOCIATION_REQUEST as u32);
    assert!(E::UserAssociated as u32 == NRF_CLOUD_EVT_USER_ASSOCIATED as u32);
    assert!(E::Ready as u32 == NRF_CLOUD_EVT_READY as u32);
    assert!(E::RxDataGeneral as u32 == NRF_CLOUD_EVT_RX_DATA_GENERAL as u32);
    assert!(E::RxDataDiscon as u32 == NRF_CLOUD_EVT_RX_DATA_DISCON as u32);
    assert!(E::RxDataLocation as u32 == NRF_CLOUD_EVT_RX_DATA_LOCATION as u32);
    assert!(E::RxDataShadow as u32 == NRF_CLOUD_EVT_RX_DATA_SHADOW as u32);
    assert!(E::Pingresp as u32 == NRF_CLOUD_EVT_PINGRESP as u32);
    assert!(E::SensorDataAck as u32 == NRF_CLOUD_EVT_SENSOR_DATA_ACK as u32);
    assert!(E::TransportDisconnected as u32 == NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED as u32);
    assert!(E::TransportConnectError as u32 == NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR as u32);
    assert!(E::Error as u32 == NRF_CLOUD_EVT_ERROR as u32);
    assert!(D::UserRequest as u32 == NRF_CLOUD_DISCONNECT_USER_REQUEST as u32);
    assert!(D::ClosedByRemote as u32 == NRF_CLOUD_DISCONNECT_CLOSED_BY_REMOTE as u32);
    assert!(D::InvalidRequest as u32 == NRF_CLOUD_DISCONNECT_INVALID_REQUEST as u32);
    assert!(D::Misc as u32 == NRF_CLOUD_DISCONNECT_MISC as u32);
    assert!(
        cloudwire_nrf_cloud::api::err_status::MQTT_SUB_FAIL
            == NRF_CLOUD_ERR_STATUS_MQTT_SUB_FAIL as u32
    );
};
