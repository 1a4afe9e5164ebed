// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The contract between the nRF Cloud core and `capi`: inputs the core takes,
//! outputs it asks for through [`Io`], and the values it reports.
//!
//! Everything here is sans-IO: the core never calls the platform itself.

/// Errors the core returns; `capi` maps each to the platform's errno.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// Wrong state for the call (`-EACCES`).
    Access,
    /// Bad argument (`-EINVAL`).
    Invalid,
    /// Output buffer too small (`-EMSGSIZE`).
    MsgSize,
    /// Data missing / empty (`-ENODATA`).
    NoData,
    /// Not set (`-ENXIO`).
    NoDevice,
    /// Not supported in this build (`-ENOTSUP`).
    NotSupported,
    /// Encoding failed (`-EIO`).
    Io,
    /// Out of buffer space (`-ENOMEM`).
    NoMem,
    /// A platform error passed through unchanged (negative errno).
    Port(i32),
    /// A connection is already being set up or is up (`-EINPROGRESS`;
    /// `nrf_cloud_connect()` reports it as `ERR_ALREADY_CONNECTED`).
    InProgress,
}

/// MQTT QoS as on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qos {
    AtMostOnce = 0,
    AtLeastOnce = 1,
}

/// `enum nrf_cloud_evt_type` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum EventType {
    TransportConnected = 1,
    TransportConnecting = 2,
    UserAssociationRequest = 3,
    UserAssociated = 4,
    Ready = 5,
    RxDataGeneral = 6,
    RxDataDiscon = 7,
    RxDataLocation = 8,
    RxDataShadow = 9,
    Pingresp = 10,
    SensorDataAck = 11,
    TransportDisconnected = 12,
    TransportConnectError = 16,
    Error = 0xFF,
}

/// `enum nrf_cloud_disconnect_status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum DisconnectStatus {
    UserRequest = 0,
    ClosedByRemote = 1,
    InvalidRequest = 2,
    Misc = 3,
}

/// `enum nrf_cloud_error_status`.
pub mod err_status {
    pub const NONE: u32 = 0;
    pub const MQTT_CONN_FAIL: u32 = 1;
    pub const MQTT_CONN_BAD_PROT_VER: u32 = 2;
    pub const MQTT_CONN_ID_REJECTED: u32 = 3;
    pub const MQTT_CONN_SERVER_UNAVAIL: u32 = 4;
    pub const MQTT_CONN_BAD_USR_PWD: u32 = 5;
    pub const MQTT_CONN_NOT_AUTH: u32 = 6;
    pub const MQTT_SUB_FAIL: u32 = 7;
}

/// Kind of shadow document carried by an `RxDataShadow` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShadowKind {
    Delta,
    Accepted,
    Transform,
}

/// An event for the application. Slices borrow from the input that caused
/// it (or from the core) and are valid only while `Io::event` runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event<'a> {
    pub kind: EventType,
    pub status: u32,
    pub data: &'a [u8],
    pub topic: &'a [u8],
    /// Set for `RxDataShadow`.
    pub shadow: Option<ShadowKind>,
}

/// Everything the core asks the outside world to do.
pub trait Io {
    /// PUBLISH. `msg_id` is 0 for QoS 0.
    fn publish(&mut self, topic: &[u8], payload: &[u8], qos: Qos, msg_id: u16)
        -> Result<(), Error>;
    /// One SUBSCRIBE packet with every topic at QoS 1.
    fn subscribe(&mut self, topics: &[&[u8]], msg_id: u16) -> Result<(), Error>;
    /// Send DISCONNECT and close (the core then expects `on_disconnected`).
    fn disconnect(&mut self) -> Result<(), Error>;
    /// Change the MQTT keepalive of the live connection.
    fn set_keepalive(&mut self, seconds: u16);
    /// Send PINGREQ now.
    fn ping(&mut self);
    /// Persist the persistent-session flag (settings key `nrf_cloud/p_sesh`).
    fn save_persistent_session(&mut self, value: bool);
    /// Deliver an application event.
    fn event(&mut self, event: &Event<'_>);
    /// A log line (level as `CW_LOG_*`).
    fn log(&mut self, level: u8, message: &str);
}

/// `enum nrf_cloud_topic_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopicType {
    State = 1,
    Message = 2,
    Bulk = 3,
    Bin = 4,
    StateTf = 5,
}

/// `enum nrf_cloud_shadow_info`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShadowInfo {
    NoChange = 0,
    Set = 1,
    Clear = 2,
}

/// What `nrf_cloud_shadow_device_status_update` reports (modem info is only
/// available through the modem on nRF91; off nRF91 it is never set).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeviceStatus<'a> {
    /// `svc->fota` bits if given: bootloader, modem, application, modem_full, smp.
    pub fota: Option<FotaServices>,
    /// `svc->ui` given (deprecated: encoded as `"ui":null`).
    pub ui: bool,
    pub svc_given: bool,
    pub conn_inf: ShadowInfo,
    /// `modem->application_version` if modem info was given.
    pub app_version: Option<&'a [u8]>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FotaServices {
    pub bootloader: bool,
    pub modem: bool,
    pub application: bool,
    pub modem_full: bool,
    pub smp: bool,
}

/// Build settings the core needs (Kconfig values).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    pub keepalive_s: u16,
    pub ua_wait_keepalive_s: u16,
    pub persistent_sessions: bool,
    pub shadow_transforms: bool,
    pub send_conn_info: bool,
    pub connection_method: ConnMethod,
}

impl Settings {
    /// NCS's Kconfig defaults: keepalive 1200 s, 30 s while waiting for
    /// association, persistent sessions on (`MQTT_CLEAN_SESSION=n`), no
    /// shadow transforms, `connectionInfo` sent, method unknown.
    pub const DEFAULT: Settings = Settings {
        keepalive_s: 1200,
        ua_wait_keepalive_s: 30,
        persistent_sessions: true,
        shadow_transforms: false,
        send_conn_info: true,
        connection_method: ConnMethod::Unknown,
    };
}

/// `connectionInfo.method` reported in the shadow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnMethod {
    Lte,
    WiFi,
    Unknown,
}
