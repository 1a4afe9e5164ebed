// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! A scripted port for the unit tests: implements every cw_port_* function,
//! records what the library asks for, and can call back into the library
//! the way a real port does (including synchronously from inside
//! cw_port_mqtt_disconnect).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![allow(clippy::missing_safety_doc)]

extern crate std;

use std::boxed::Box;
use std::collections::HashMap;
use std::ffi::CString;
use std::string::String;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread::{self, ThreadId};
use std::vec::Vec;

use core::ffi::c_char;

use crate::bindings::*;

/// Linux errno numbers for the CW_* names.
pub fn errno_value(e: u32) -> i32 {
    match e {
        CW_EPERM => 1,
        CW_ENOENT => 2,
        CW_EIO => 5,
        CW_ENXIO => 6,
        CW_E2BIG => 7,
        CW_ECHILD => 10,
        CW_EAGAIN => 11,
        CW_ENOMEM => 12,
        CW_EACCES => 13,
        CW_EFAULT => 14,
        CW_EBUSY => 16,
        CW_EINVAL => 22,
        CW_ENOSPC => 28,
        CW_EPIPE => 32,
        CW_ENOMSG => 42,
        CW_ENODATA => 61,
        CW_ETIME => 62,
        CW_EPROTO => 71,
        CW_EBADMSG => 74,
        CW_EMSGSIZE => 90,
        CW_ENOEXEC => 8,
        CW_ENOTSUP | CW_EOPNOTSUPP => 95,
        CW_ECONNRESET => 104,
        CW_ECONNREFUSED => 111,
        CW_ECONNABORTED => 103,
        CW_ENOTCONN => 107,
        CW_EISCONN => 106,
        CW_ETIMEDOUT => 110,
        CW_EINPROGRESS => 115,
        CW_EALREADY => 114,
        CW_EHOSTUNREACH => 113,
        CW_ENOPROTOOPT => 92,
        CW_ESRCH => 3,
        CW_ENODEV => 19,
        _ => 1000,
    }
}

/// What the library asked the port to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    Connect {
        client_id: Vec<u8>,
        keepalive: u16,
        clean_session: bool,
        sec_tag: i32,
    },
    Publish {
        topic: Vec<u8>,
        payload: Vec<u8>,
        qos: u8,
        msg_id: u16,
    },
    Subscribe {
        topics: Vec<Vec<u8>>,
        msg_id: u16,
    },
    Disconnect,
    Abort,
    Ping,
    Live,
    KeepaliveSet(u16),
    SettingsSave(String, Vec<u8>),
}

pub type Action = Box<dyn FnOnce() + Send>;

/// The scripted behaviour and the record.
pub struct Fake {
    pub calls: Vec<Call>,
    pub logs: Vec<(u8, String)>,
    pub connect_rc: i32,
    pub live_rc: i32,
    pub ping_rc: i32,
    pub publish_rc: i32,
    /// A failing publish closes the connection from inside the call, as
    /// Zephyr's MQTT library does on a send error.
    pub publish_disconnects: bool,
    /// Call cw_mqtt_on_disconnect from inside disconnect/abort.
    pub sync_disconnect_callback: bool,
    /// Run by cw_port_mqtt_input, in order (one batch per input call).
    pub input: Vec<Vec<Action>>,
    pub input_rc: i32,
    pub imei: Option<&'static [u8]>,
    pub hw_id: Option<&'static [u8]>,
    pub settings: HashMap<String, Vec<u8>>,
    pub creds: HashMap<u8, usize>,
    pub tx: Vec<u8>,
    /// cw_port_tx_buffer() calls not yet released (port.h: never above 1,
    /// back to 0 before the lock is released).
    pub tx_lent: u32,
}

impl Fake {
    fn new() -> Self {
        Fake {
            calls: Vec::new(),
            logs: Vec::new(),
            connect_rc: 0,
            live_rc: -11,
            ping_rc: 0,
            publish_rc: 0,
            publish_disconnects: false,
            sync_disconnect_callback: true,
            input: Vec::new(),
            input_rc: 0,
            imei: Some(b"352656100123456\r\nOK\r\n"),
            hw_id: None,
            settings: HashMap::new(),
            creds: HashMap::new(),
            tx: std::vec![0; 2048],
            tx_lent: 0,
        }
    }
}

static FAKE: Mutex<Option<Fake>> = Mutex::new(None);

pub fn fake() -> MutexGuard<'static, Option<Fake>> {
    FAKE.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn with<R>(f: impl FnOnce(&mut Fake) -> R) -> R {
    f(fake().get_or_insert_with(Fake::new))
}

/// Configuration of the next calls (leaked: the port contract makes it
/// static).
pub struct Config(&'static cw_nrf_cloud_config);
// SAFETY: the configuration is immutable and its strings are leaked.
unsafe impl Send for Config {}

static CONFIG: Mutex<Option<Config>> = Mutex::new(None);

fn leak(s: &str) -> *const c_char {
    CString::new(s).unwrap().into_raw()
}

pub fn default_config() -> cw_nrf_cloud_config {
    cw_nrf_cloud_config {
        host_name: leak("mqtt.nrfcloud.com"),
        static_ipv4_addr: core::ptr::null(),
        client_id: leak("my-client-id"),
        client_id_prefix: leak("nrf-"),
        connection_method: leak("LTE"),
        payload_buffer_len: 2048,
        message_buffer_len: 256,
        sec_tag: 16_842_753,
        port: 8883,
        keepalive_s: 1200,
        ua_wait_keepalive_s: 30,
        client_id_src: 1, // COMPILE_TIME
        poll_thread: false,
        persistent_sessions: false,
        shadow_transforms: false,
        send_conn_info: true,
        print_details: true,
        verbose_details: false,
        ipv6_only: false,
        static_ipv4: false,
    }
}

pub fn set_config(c: cw_nrf_cloud_config) {
    *CONFIG.lock().unwrap() = Some(Config(Box::leak(Box::new(c))));
}

// ---- the recursive lock -------------------------------------------------

struct RLock {
    owner: Option<ThreadId>,
    depth: u32,
}

static LOCK: Mutex<RLock> = Mutex::new(RLock {
    owner: None,
    depth: 0,
});
static LOCK_CV: Condvar = Condvar::new();

/// How deep the calling thread holds the library lock.
pub fn lock_depth() -> u32 {
    let l = LOCK.lock().unwrap();
    if l.owner == Some(thread::current().id()) {
        l.depth
    } else {
        0
    }
}

// ---- the port functions ---------------------------------------------------

#[no_mangle]
pub extern "C" fn cw_port_nrf_cloud_config() -> *const cw_nrf_cloud_config {
    CONFIG
        .lock()
        .unwrap()
        .as_ref()
        .map_or(core::ptr::null(), |c| c.0 as *const _)
}

#[no_mangle]
pub extern "C" fn cw_port_errno(e: cw_errno) -> i32 {
    errno_value(crate::enum_types::to_u32(e))
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_log(level: u8, msg: *const c_char, len: usize) {
    let b = unsafe { core::slice::from_raw_parts(msg.cast::<u8>(), len) };
    let s = String::from_utf8_lossy(b).into_owned();
    with(|f| f.logs.push((level, s)));
}

#[no_mangle]
pub extern "C" fn cw_port_uptime_ms() -> i64 {
    0
}

#[no_mangle]
pub extern "C" fn cw_port_sleep_ms(_ms: i32) {}

#[no_mangle]
pub extern "C" fn cw_port_lock() {
    let me = thread::current().id();
    let mut l = LOCK.lock().unwrap();
    while l.owner.is_some() && l.owner != Some(me) {
        l = LOCK_CV.wait(l).unwrap();
    }
    l.owner = Some(me);
    l.depth += 1;
}

#[no_mangle]
pub extern "C" fn cw_port_unlock() {
    let mut l = LOCK.lock().unwrap();
    assert_eq!(l.owner, Some(thread::current().id()), "unlock by non-owner");
    l.depth -= 1;
    if l.depth == 0 {
        assert_eq!(with(|f| f.tx_lent), 0, "tx buffer kept past the lock");
        l.owner = None;
        LOCK_CV.notify_all();
    }
}

#[no_mangle]
pub extern "C" fn cw_port_signal_give(_conn: u8) {}

#[no_mangle]
pub extern "C" fn cw_port_signal_take(_conn: u8, _timeout_ms: i32) -> i32 {
    -11
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_mqtt_connect(_conn: u8, p: *const cw_mqtt_conn_params) -> i32 {
    let p = unsafe { &*p };
    let id = unsafe { core::slice::from_raw_parts(p.client_id, p.client_id_len) }.to_vec();
    with(|f| {
        f.calls.push(Call::Connect {
            client_id: id,
            keepalive: p.keepalive_s,
            clean_session: p.clean_session,
            sec_tag: p.sec_tag,
        });
        f.connect_rc
    })
}

fn disconnect_common(call: Call, result: i32) -> i32 {
    let sync = with(|f| {
        f.calls.push(call);
        f.sync_disconnect_callback
    });
    if sync {
        crate::callbacks::cw_mqtt_on_disconnect(0, result);
    }
    0
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_disconnect(_conn: u8) -> i32 {
    disconnect_common(Call::Disconnect, 0)
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_abort(_conn: u8) -> i32 {
    disconnect_common(Call::Abort, -103)
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_mqtt_publish(
    _conn: u8,
    topic: *const u8,
    topic_len: usize,
    payload: *const u8,
    payload_len: usize,
    qos: u8,
    msg_id: u16,
) -> i32 {
    let topic = unsafe { core::slice::from_raw_parts(topic, topic_len) }.to_vec();
    let payload = if payload_len == 0 {
        Vec::new()
    } else {
        unsafe { core::slice::from_raw_parts(payload, payload_len) }.to_vec()
    };
    let (rc, drop_link) = with(|f| {
        f.calls.push(Call::Publish {
            topic,
            payload,
            qos,
            msg_id,
        });
        (f.publish_rc, f.publish_disconnects)
    });
    if drop_link {
        crate::callbacks::cw_mqtt_on_disconnect(0, rc);
    }
    rc
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_mqtt_subscribe(
    _conn: u8,
    topics: *const cw_mqtt_topic,
    count: usize,
    msg_id: u16,
) -> i32 {
    let list = unsafe { core::slice::from_raw_parts(topics, count) };
    let topics = list
        .iter()
        .map(|t| unsafe { core::slice::from_raw_parts(t.ptr, t.len) }.to_vec())
        .collect();
    with(|f| f.calls.push(Call::Subscribe { topics, msg_id }));
    0
}

#[no_mangle]
pub extern "C" fn cw_port_tx_buffer(_conn: u8, len: *mut usize) -> *mut u8 {
    with(|f| {
        assert_eq!(f.tx_lent, 0, "tx buffer taken twice");
        f.tx_lent += 1;
        // SAFETY (test): len is a valid out pointer.
        unsafe { *len = f.tx.len() };
        f.tx.as_mut_ptr()
    })
}

#[no_mangle]
pub extern "C" fn cw_port_tx_buffer_release(_conn: u8) {
    with(|f| {
        assert_eq!(f.tx_lent, 1, "tx buffer released without being taken");
        f.tx_lent -= 1;
    })
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_input(_conn: u8) -> i32 {
    let (batch, rc) = with(|f| {
        let b = if f.input.is_empty() {
            Vec::new()
        } else {
            f.input.remove(0)
        };
        (b, f.input_rc)
    });
    for a in batch {
        a();
    }
    rc
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_live(_conn: u8) -> i32 {
    with(|f| {
        f.calls.push(Call::Live);
        f.live_rc
    })
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_ping(_conn: u8) -> i32 {
    with(|f| {
        f.calls.push(Call::Ping);
        f.ping_rc
    })
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_keepalive_set(_conn: u8, s: u16) -> i32 {
    with(|f| f.calls.push(Call::KeepaliveSet(s)));
    0
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_keepalive_time_left(_conn: u8) -> i32 {
    1000
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_wait(_conn: u8, _timeout_ms: i32) -> i32 {
    0
}

#[no_mangle]
pub extern "C" fn cw_port_mqtt_socket(_conn: u8) -> i32 {
    -1
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_settings_load(
    key: *const c_char,
    buf: *mut core::ffi::c_void,
    len: usize,
) -> i32 {
    let key = unsafe { core::ffi::CStr::from_ptr(key) }
        .to_string_lossy()
        .into_owned();
    with(|f| match f.settings.get(&key) {
        Some(v) => {
            let n = v.len().min(len);
            unsafe { core::ptr::copy_nonoverlapping(v.as_ptr(), buf.cast::<u8>(), n) };
            i32::try_from(n).unwrap()
        }
        None => -2,
    })
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_settings_save(
    key: *const c_char,
    buf: *const core::ffi::c_void,
    len: usize,
) -> i32 {
    let key = unsafe { core::ffi::CStr::from_ptr(key) }
        .to_string_lossy()
        .into_owned();
    let v = unsafe { core::slice::from_raw_parts(buf.cast::<u8>(), len) }.to_vec();
    with(|f| {
        f.settings.insert(key.clone(), v.clone());
        f.calls.push(Call::SettingsSave(key, v));
    });
    0
}

unsafe fn put(src: Option<&[u8]>, buf: *mut c_char, len: usize) -> i32 {
    let Some(src) = src else {
        return -95;
    };
    if src.len() + 1 > len {
        return -12;
    }
    unsafe {
        core::ptr::copy_nonoverlapping(src.as_ptr(), buf.cast::<u8>(), src.len());
        *buf.add(src.len()) = 0;
    }
    0
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_modem_imei(buf: *mut c_char, len: usize) -> i32 {
    let v = with(|f| f.imei);
    unsafe { put(v, buf, len) }
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_modem_uuid(buf: *mut c_char, len: usize) -> i32 {
    unsafe { put(Some(b"50503041-3633-4261-803d-1e2b8f70111a"), buf, len) }
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_modem_fw(buf: *mut c_char, len: usize) -> i32 {
    unsafe { put(None, buf, len) }
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_hw_id(buf: *mut c_char, len: usize) -> i32 {
    let v = with(|f| f.hw_id);
    unsafe { put(v, buf, len) }
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_jwt_generate(
    _sec_tag: i32,
    subject: *const c_char,
    valid_s: u32,
    buf: *mut c_char,
    len: usize,
) -> i32 {
    let sub = if subject.is_null() {
        String::from("(none)")
    } else {
        unsafe { core::ffi::CStr::from_ptr(subject) }
            .to_string_lossy()
            .into_owned()
    };
    let text = std::format!("jwt:{sub}:{valid_s}");
    unsafe { put(Some(text.as_bytes()), buf, len) }
}

#[no_mangle]
pub unsafe extern "C" fn cw_port_credential_exists(
    _sec_tag: i32,
    kind: u8,
    size_out: *mut usize,
) -> i32 {
    with(|f| match f.creds.get(&kind) {
        Some(&n) => {
            unsafe { *size_out = n };
            1
        }
        None => {
            unsafe { *size_out = 0 };
            0
        }
    })
}

/// Starts a test: serializes tests (the library state is global), resets
/// the fake, the configuration and the library.
pub fn begin(config: cw_nrf_cloud_config) -> MutexGuard<'static, ()> {
    static SERIAL: Mutex<()> = Mutex::new(());
    let g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    *fake() = Some(Fake::new());
    set_config(config);
    crate::state::reset_for_tests();
    crate::details::reset_for_tests();
    g
}

/// The calls recorded so far (and forgets them).
pub fn take_calls() -> Vec<Call> {
    with(|f| core::mem::take(&mut f.calls))
}

/// Queues one batch of port callbacks for the next cw_port_mqtt_input().
pub fn script_input(batch: Vec<Action>) {
    with(|f| f.input.push(batch));
}
