// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The C API end to end over the scripted port (fake_port.rs) and the real
//! protocol core: return codes, event order, event delivery without the
//! lock, re-entrant disconnect callbacks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
// The casts are needed where enums are narrower (Cortex-M), not on the host.
#![allow(clippy::unnecessary_cast, clippy::type_complexity)]

extern crate std;

use std::boxed::Box;
use std::ffi::CString;
use std::sync::Mutex;
use std::vec;
use std::vec::Vec;

use crate::api::{
    nrf_cloud_client_id_get, nrf_cloud_client_id_runtime_set, nrf_cloud_connect,
    nrf_cloud_credentials_check, nrf_cloud_credentials_configured_check, nrf_cloud_disconnect,
    nrf_cloud_get_imei, nrf_cloud_get_modem_fw, nrf_cloud_get_uuid, nrf_cloud_init,
    nrf_cloud_jwt_generate, nrf_cloud_process, nrf_cloud_sec_tag_get, nrf_cloud_sec_tag_set,
    nrf_cloud_send, nrf_cloud_sensor_data_send, nrf_cloud_sensor_data_stream,
    nrf_cloud_shadow_device_status_update, nrf_cloud_shadow_transform_request,
    nrf_cloud_tenant_id_get, nrf_cloud_uninit,
};
use crate::bindings::*;
use crate::callbacks::*;
use crate::fake_port::{self, default_config, errno_value, script_input, take_calls, Action, Call};

const EINVAL: i32 = -22;
const EACCES: i32 = -13;
const ENXIO: i32 = -6;
const EMSGSIZE: i32 = -90;
const ENODATA: i32 = -61;
const ENOTSUP: i32 = -95;
const ENOTCONN: i32 = -107;
const EAGAIN: i32 = -11;
const ECONNRESET: i32 = -104;

const ID: &[u8] = b"my-client-id";
const PREFIX: &str = "prod/3f6fd4a6-tenant/";

/// An event as the handler saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    kind: u32,
    status: u32,
    data: Vec<u8>,
    topic: Vec<u8>,
    /// Lock depth of the handler's thread during the call: must be 0.
    lock_depth: u32,
}

static SEEN: Mutex<Vec<Seen>> = Mutex::new(Vec::new());
/// Run once inside the handler, on the event of that kind.
static IN_HANDLER: Mutex<Option<(u32, Box<dyn FnOnce() + Send>)>> = Mutex::new(None);

unsafe extern "C" fn handler(evt: *const nrf_cloud_evt) {
    let e = unsafe { &*evt };
    let bytes = |p: *const core::ffi::c_void, n: u32| {
        if p.is_null() {
            Vec::new()
        } else {
            unsafe { core::slice::from_raw_parts(p.cast::<u8>(), n as usize) }.to_vec()
        }
    };
    let kind = crate::enum_types::to_u32(e.type_);
    SEEN.lock().unwrap().push(Seen {
        kind,
        status: e.status,
        data: bytes(e.data.ptr, e.data.len),
        topic: bytes(e.topic.ptr, e.topic.len),
        lock_depth: fake_port::lock_depth(),
    });
    assert!(e.shadow.is_null());
    let action = {
        let mut slot = IN_HANDLER.lock().unwrap();
        match slot.take() {
            Some((k, f)) if k == kind => Some(f),
            other => {
                *slot = other;
                None
            }
        }
    };
    if let Some(f) = action {
        f();
    }
}

fn seen() -> Vec<Seen> {
    core::mem::take(&mut *SEEN.lock().unwrap())
}

fn kinds(v: &[Seen]) -> Vec<(u32, u32)> {
    v.iter().map(|s| (s.kind, s.status)).collect()
}

fn begin(cfg: cw_nrf_cloud_config) -> std::sync::MutexGuard<'static, ()> {
    let g = fake_port::begin(cfg);
    seen();
    *IN_HANDLER.lock().unwrap() = None;
    g
}

fn init_param() -> nrf_cloud_init_param {
    nrf_cloud_init_param {
        event_handler: Some(handler),
        client_id: core::ptr::null_mut(),
        fmfu_dev_inf: core::ptr::null_mut(),
        hooks: core::ptr::null_mut(),
        application_version: core::ptr::null(),
        smp_reset_cb: core::ptr::null_mut(),
    }
}

fn init() {
    assert_eq!(unsafe { nrf_cloud_init(&init_param()) }, 0);
}

fn topic(suffix: &str) -> Vec<u8> {
    let mut t = ID.to_vec();
    t.extend_from_slice(suffix.as_bytes());
    t
}

fn publish(t: Vec<u8>, payload: Vec<u8>) -> Action {
    Box::new(move || unsafe {
        cw_mqtt_on_publish(
            0,
            t.as_ptr(),
            t.len(),
            payload.as_ptr(),
            payload.len(),
            1,
            1,
        )
    })
}

fn connack(code: i32) -> Action {
    Box::new(move || cw_mqtt_on_connack(0, code, false))
}

fn suback(id: u16) -> Action {
    Box::new(move || cw_mqtt_on_suback(0, id, 0))
}

fn puback(id: u16) -> Action {
    Box::new(move || cw_mqtt_on_puback(0, id, 0))
}

fn paired_shadow() -> Vec<u8> {
    std::format!(
        concat!(
            r#"{{"desired":{{"nrfcloud_mqtt_topic_prefix":"{p}","pairing":{{"state":"paired","#,
            r#""topics":{{"d2c":"{p}m/d/my-client-id/d2c","c2d":"{p}m/d/my-client-id/+/r"}}}}}},"#,
            r#""reported":{{}}}}"#
        ),
        p = PREFIX
    )
    .into_bytes()
}

/// Drives a fresh connection (no poll thread) to READY.
fn connect_to_ready() {
    connect_to_ready_then(EAGAIN);
}

/// As connect_to_ready; `last` is what the nrf_cloud_process() that
/// delivers READY returns.
fn connect_to_ready_then(last: i32) {
    assert_eq!(nrf_cloud_connect(), 0);
    script_input(vec![connack(0)]);
    script_input(vec![suback(100)]);
    script_input(vec![publish(
        topic("/shadow/get/accepted/trim"),
        paired_shadow(),
    )]);
    script_input(vec![puback(301)]);
    script_input(vec![suback(101)]);
    for _ in 0..4 {
        assert_eq!(nrf_cloud_process(), EAGAIN);
    }
    assert_eq!(nrf_cloud_process(), last);
}

const CONNECTED: u32 = NRF_CLOUD_EVT_TRANSPORT_CONNECTED as u32;
const ASSOCIATED: u32 = NRF_CLOUD_EVT_USER_ASSOCIATED as u32;
const READY: u32 = NRF_CLOUD_EVT_READY as u32;
const RX_SHADOW: u32 = NRF_CLOUD_EVT_RX_DATA_SHADOW as u32;
const RX_GENERAL: u32 = NRF_CLOUD_EVT_RX_DATA_GENERAL as u32;
const ACK: u32 = NRF_CLOUD_EVT_SENSOR_DATA_ACK as u32;
const DISCONNECTED: u32 = NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED as u32;
const PINGRESP: u32 = NRF_CLOUD_EVT_PINGRESP as u32;
const USER_REQUEST: u32 = NRF_CLOUD_DISCONNECT_USER_REQUEST as u32;
const CLOSED_BY_REMOTE: u32 = NRF_CLOUD_DISCONNECT_CLOSED_BY_REMOTE as u32;

#[test]
fn init_checks_state_and_arguments() {
    let _g = begin(default_config());
    assert_eq!(unsafe { nrf_cloud_init(core::ptr::null()) }, EINVAL);
    let mut p = init_param();
    p.event_handler = None;
    assert_eq!(unsafe { nrf_cloud_init(&p) }, EINVAL);
    init();
    assert_eq!(unsafe { nrf_cloud_init(&init_param()) }, EACCES);
    // Wrong state wins over a bad argument, as in NCS.
    assert_eq!(unsafe { nrf_cloud_init(core::ptr::null()) }, EACCES);
    assert_eq!(nrf_cloud_uninit(), 0);
    init();
    assert_eq!(nrf_cloud_uninit(), 0);
    assert!(seen().is_empty(), "init sends no event");
}

#[test]
fn connect_before_init_and_twice() {
    let _g = begin(default_config());
    assert_eq!(
        nrf_cloud_connect(),
        NRF_CLOUD_CONNECT_RES_ERR_NOT_INITD as i32
    );
    init();
    assert_eq!(nrf_cloud_connect(), 0);
    assert_eq!(
        take_calls(),
        vec![Call::Connect {
            client_id: ID.to_vec(),
            keepalive: 1200,
            clean_session: true,
            sec_tag: 16_842_753,
        }]
    );
    assert_eq!(
        nrf_cloud_connect(),
        NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED as i32
    );
    assert_eq!(nrf_cloud_uninit(), 0);
}

#[test]
fn connect_error_maps_errno() {
    let _g = begin(default_config());
    init();
    fake_port::with(|f| f.connect_rc = -111); // ECONNREFUSED
    assert_eq!(
        nrf_cloud_connect(),
        NRF_CLOUD_CONNECT_RES_ERR_CERT_MISC as i32
    );
    fake_port::with(|f| f.connect_rc = -10); // ECHILD
    assert_eq!(
        nrf_cloud_connect(),
        NRF_CLOUD_CONNECT_RES_ERR_NETWORK as i32
    );
    // A failed attempt leaves the library ready for the next one; without
    // the poll thread no event is sent (as NCS).
    fake_port::with(|f| f.connect_rc = 0);
    assert_eq!(nrf_cloud_connect(), 0);
    assert!(seen().is_empty());
    assert_eq!(nrf_cloud_uninit(), 0);
}

#[test]
fn full_connection_to_ready_and_user_disconnect() {
    let _g = begin(default_config());
    init();
    connect_to_ready();
    let ev = seen();
    assert_eq!(
        kinds(&ev),
        vec![(CONNECTED, 0), (RX_SHADOW, 0), (ASSOCIATED, 0), (READY, 0)]
    );
    assert!(
        ev.iter().all(|e| e.lock_depth == 0),
        "handlers run unlocked"
    );
    // The shadow event carries the input itself.
    assert_eq!(ev[1].data, paired_shadow());
    assert_eq!(ev[1].topic, topic("/shadow/get/accepted/trim"));
    let calls = take_calls();
    assert_eq!(
        calls[0],
        Call::Connect {
            client_id: ID.to_vec(),
            keepalive: 1200,
            clean_session: true,
            sec_tag: 16_842_753,
        }
    );
    assert_eq!(
        calls[1],
        Call::Subscribe {
            topics: vec![
                topic("/shadow/get/accepted/trim"),
                topic("/shadow/get/rejected"),
                topic("/shadow/update/delta/full"),
            ],
            msg_id: 100,
        }
    );
    assert!(calls.contains(&Call::Publish {
        topic: topic("/shadow/get/trim"),
        payload: vec![],
        qos: 1,
        msg_id: 200,
    }));
    assert!(calls.contains(&Call::Subscribe {
        topics: vec![std::format!("{PREFIX}m/d/my-client-id/+/r").into_bytes()],
        msg_id: 101,
    }));

    let mut buf = [0u8; 65];
    assert_eq!(
        unsafe { nrf_cloud_tenant_id_get(buf.as_mut_ptr().cast(), 65) },
        0
    );
    assert_eq!(crate::identity::until_nul(&buf), b"3f6fd4a6-tenant");
    // As NCS: the size must exceed the length; NULL is checked after that.
    assert_eq!(
        unsafe { nrf_cloud_tenant_id_get(buf.as_mut_ptr().cast(), 15) },
        EMSGSIZE
    );
    assert_eq!(
        unsafe { nrf_cloud_tenant_id_get(core::ptr::null_mut(), 16) },
        EINVAL
    );

    // The port calls the disconnect callback from inside its disconnect:
    // deferred, then exactly one event after the call.
    assert_eq!(nrf_cloud_disconnect(), 0);
    let ev = seen();
    assert_eq!(kinds(&ev), vec![(DISCONNECTED, USER_REQUEST)]);
    assert_eq!(ev[0].lock_depth, 0);
    assert_eq!(take_calls(), vec![Call::Disconnect]);
    assert_eq!(nrf_cloud_disconnect(), EACCES);
    assert_eq!(nrf_cloud_process(), ENOTCONN);
    // And it can connect again.
    assert_eq!(nrf_cloud_connect(), 0);
    assert_eq!(nrf_cloud_uninit(), 0);
    assert_eq!(kinds(&seen()), vec![(DISCONNECTED, USER_REQUEST)]);
}

#[test]
fn api_calls_from_inside_the_handler() {
    let _g = begin(default_config());
    init();
    // On READY the application sends and disconnects from its handler.
    *IN_HANDLER.lock().unwrap() = Some((
        READY,
        Box::new(|| {
            let data = CString::new("21.5").unwrap();
            let sd = nrf_cloud_sensor_data {
                type_: NRF_CLOUD_SENSOR_TEMP as _,
                data: nrf_cloud_data {
                    len: 4,
                    ptr: data.as_ptr().cast(),
                },
                tag: 10_001,
                ts_ms: 0,
            };
            assert_eq!(unsafe { nrf_cloud_sensor_data_send(&sd) }, 0);
            assert_eq!(nrf_cloud_disconnect(), 0);
        }),
    ));
    // The handler closed the connection while it was being read.
    connect_to_ready_then(ENOTCONN);
    let ev = seen();
    assert_eq!(
        kinds(&ev),
        vec![
            (CONNECTED, 0),
            (RX_SHADOW, 0),
            (ASSOCIATED, 0),
            (READY, 0),
            (DISCONNECTED, USER_REQUEST)
        ]
    );
    let calls = take_calls();
    let d2c = std::format!("{PREFIX}m/d/my-client-id/d2c").into_bytes();
    assert!(calls.contains(&Call::Publish {
        topic: d2c,
        payload: br#"{"appId":"TEMP","data":"21.5","messageType":"DATA"}"#.to_vec(),
        qos: 1,
        msg_id: 10_001,
    }));
    assert_eq!(calls.last(), Some(&Call::Disconnect));
    assert!(ev.iter().all(|e| e.lock_depth == 0));
    assert_eq!(nrf_cloud_uninit(), 0);
}

#[test]
fn sensor_ack_and_rx_data_and_pingresp() {
    let _g = begin(default_config());
    init();
    connect_to_ready();
    seen();
    let c2d = std::format!("{PREFIX}m/d/my-client-id/c2d/r").into_bytes();
    script_input(vec![
        puback(10_001),
        publish(c2d.clone(), b"{\"hello\":1}".to_vec()),
        Box::new(|| cw_mqtt_on_pingresp(0)),
    ]);
    assert_eq!(nrf_cloud_process(), EAGAIN);
    let ev = seen();
    assert_eq!(kinds(&ev), vec![(ACK, 0), (RX_GENERAL, 0), (PINGRESP, 0)]);
    assert_eq!(ev[0].data, 10_001u16.to_ne_bytes().to_vec());
    assert_eq!(ev[1].data, b"{\"hello\":1}".to_vec());
    assert_eq!(ev[1].topic, c2d);
    assert_eq!(nrf_cloud_uninit(), 0);
    assert_eq!(kinds(&seen()), vec![(DISCONNECTED, USER_REQUEST)]);
}

#[test]
fn process_pings_and_resets_after_two_unanswered() {
    let _g = begin(default_config());
    init();
    assert_eq!(nrf_cloud_process(), ENOTCONN);
    assert_eq!(nrf_cloud_connect(), 0);
    take_calls();
    fake_port::with(|f| f.live_rc = 0); // the port sends a PINGREQ each time
    assert_eq!(nrf_cloud_process(), 0);
    assert_eq!(nrf_cloud_process(), 0);
    assert_eq!(nrf_cloud_process(), ECONNRESET);
    assert_eq!(take_calls(), vec![Call::Live, Call::Live, Call::Disconnect]);
    // CONNACK never came; still exactly one event for the connection.
    assert_eq!(kinds(&seen()), vec![(DISCONNECTED, CLOSED_BY_REMOTE)]);
    assert_eq!(nrf_cloud_process(), ENOTCONN);
    assert!(seen().is_empty());
    assert_eq!(nrf_cloud_uninit(), 0);
}

#[test]
fn pingresp_keeps_the_connection() {
    let _g = begin(default_config());
    init();
    assert_eq!(nrf_cloud_connect(), 0);
    fake_port::with(|f| f.live_rc = 0);
    for _ in 0..4 {
        script_input(vec![Box::new(|| cw_mqtt_on_pingresp(0))]);
        assert_eq!(nrf_cloud_process(), 0);
    }
    assert!(seen().is_empty(), "no PINGRESP event before READY");
    assert_eq!(nrf_cloud_uninit(), 0);
}

#[test]
fn remote_close_without_sync_callback() {
    let mut cfg = default_config();
    cfg.persistent_sessions = true;
    let _g = begin(cfg);
    init();
    assert_eq!(nrf_cloud_connect(), 0);
    script_input(vec![connack(0)]);
    assert_eq!(nrf_cloud_process(), EAGAIN);
    // The broker closes: the port reports it while reading.
    script_input(vec![Box::new(|| cw_mqtt_on_disconnect(0, -104))]);
    assert_eq!(nrf_cloud_process(), ENOTCONN);
    assert_eq!(
        kinds(&seen()),
        vec![(CONNECTED, 0), (DISCONNECTED, CLOSED_BY_REMOTE)]
    );
    // A late second callback is ignored.
    cw_mqtt_on_disconnect(0, -104);
    assert!(seen().is_empty());
    assert_eq!(nrf_cloud_uninit(), 0);
    assert!(seen().is_empty());
}

#[test]
fn port_without_disconnect_callback_still_closes() {
    let _g = begin(default_config());
    init();
    fake_port::with(|f| f.sync_disconnect_callback = false);
    assert_eq!(nrf_cloud_connect(), 0);
    script_input(vec![connack(0)]);
    assert_eq!(nrf_cloud_process(), EAGAIN);
    seen();
    // uninit waits for the callback, gives up, aborts and closes.
    assert_eq!(nrf_cloud_uninit(), -106); // -EISCONN
    assert_eq!(kinds(&seen()), vec![(DISCONNECTED, USER_REQUEST)]);
    assert_eq!(take_calls().last(), Some(&Call::Abort));
}

#[test]
fn persistent_session_flag_is_loaded_and_used() {
    let mut cfg = default_config();
    cfg.persistent_sessions = true;
    let _g = begin(cfg);
    fake_port::with(|f| {
        f.settings
            .insert("nrf_cloud/p_sesh".into(), 1i32.to_ne_bytes().to_vec());
    });
    init();
    assert_eq!(nrf_cloud_connect(), 0);
    assert!(matches!(
        take_calls()[0],
        Call::Connect {
            clean_session: false,
            ..
        }
    ));
    // No session on the broker: the flag is cleared and saved.
    script_input(vec![connack(0)]);
    assert_eq!(nrf_cloud_process(), EAGAIN);
    assert!(take_calls().contains(&Call::SettingsSave(
        "nrf_cloud/p_sesh".into(),
        0i32.to_ne_bytes().to_vec()
    )));
    assert_eq!(nrf_cloud_uninit(), 0);
}

#[test]
fn client_id_sources_and_get() {
    let mut cfg = default_config();
    cfg.client_id_src = 0; // IMEI
    let _g = begin(cfg);
    let mut buf = [0xAAu8; 65];
    assert_eq!(
        unsafe { nrf_cloud_client_id_get(buf.as_mut_ptr().cast(), 65) },
        0
    );
    assert_eq!(crate::identity::until_nul(&buf), b"nrf-352656100123456");
    assert_eq!(
        unsafe { nrf_cloud_client_id_get(buf.as_mut_ptr().cast(), 19) },
        EMSGSIZE
    );
    assert_eq!(
        unsafe { nrf_cloud_client_id_get(buf.as_mut_ptr().cast(), 20) },
        0
    );
    assert_eq!(
        unsafe { nrf_cloud_client_id_get(core::ptr::null_mut(), 20) },
        EINVAL
    );
    assert_eq!(
        unsafe { nrf_cloud_client_id_get(buf.as_mut_ptr().cast(), 0) },
        EINVAL
    );
    // runtime_set refuses on a non-RUNTIME build.
    let id = CString::new("dev-1").unwrap();
    assert_eq!(
        unsafe { nrf_cloud_client_id_runtime_set(id.as_ptr()) },
        ENOTSUP
    );
    drop(_g);

    let mut cfg = default_config();
    cfg.client_id_src = 0;
    let _g = begin(cfg);
    fake_port::with(|f| f.imei = None); // off nRF91
    assert_eq!(
        unsafe { nrf_cloud_client_id_get(buf.as_mut_ptr().cast(), 65) },
        -5
    );
    assert_eq!(unsafe { nrf_cloud_init(&init_param()) }, -5);
    drop(_g);

    let mut cfg = default_config();
    cfg.client_id_src = 4; // RUNTIME
    let _g = begin(cfg);
    assert_eq!(
        unsafe { nrf_cloud_client_id_get(buf.as_mut_ptr().cast(), 65) },
        ENXIO
    );
    assert_eq!(unsafe { nrf_cloud_init(&init_param()) }, ENXIO);
    let empty = CString::new("").unwrap();
    assert_eq!(
        unsafe { nrf_cloud_client_id_runtime_set(empty.as_ptr()) },
        ENODATA
    );
    let long = CString::new("x".repeat(65)).unwrap();
    assert_eq!(
        unsafe { nrf_cloud_client_id_runtime_set(long.as_ptr()) },
        EINVAL
    );
    let max = CString::new("y".repeat(64)).unwrap();
    assert_eq!(unsafe { nrf_cloud_client_id_runtime_set(max.as_ptr()) }, 0);
    // The init parameter replaces it.
    let mut p = init_param();
    let from_init = CString::new("from-init").unwrap();
    p.client_id = from_init.as_ptr().cast_mut();
    assert_eq!(unsafe { nrf_cloud_init(&p) }, 0);
    assert_eq!(
        unsafe { nrf_cloud_client_id_get(buf.as_mut_ptr().cast(), 65) },
        0
    );
    assert_eq!(crate::identity::until_nul(&buf), b"from-init");
    assert_eq!(nrf_cloud_uninit(), 0);
}

fn connect_call(id: &[u8]) -> Call {
    Call::Connect {
        client_id: id.to_vec(),
        keepalive: 1200,
        clean_session: true,
        sec_tag: 16_842_753,
    }
}

fn id_get() -> Vec<u8> {
    let mut buf = [0u8; 65];
    assert_eq!(
        unsafe { nrf_cloud_client_id_get(buf.as_mut_ptr().cast(), 65) },
        0
    );
    crate::identity::until_nul(&buf).to_vec()
}

#[test]
fn runtime_client_id_is_kept_and_changed_only_while_not_connected() {
    let mut cfg = default_config();
    cfg.client_id_src = 4; // RUNTIME
    let _g = begin(cfg);
    let set = |id: &str| {
        let id = CString::new(id).unwrap();
        unsafe { nrf_cloud_client_id_runtime_set(id.as_ptr()) }
    };
    assert_eq!(set("dev-0"), 0);
    init();
    // Not connected: taken, and used by the next connection.
    assert_eq!(set("dev-1"), 0);
    assert_eq!(id_get(), b"dev-1");
    assert_eq!(nrf_cloud_connect(), 0);
    assert_eq!(take_calls(), vec![connect_call(b"dev-1")]);
    // Connecting or connected: the ID in use stays.
    assert_eq!(set("dev-2"), EACCES);
    // Argument errors come first, as before.
    assert_eq!(set(""), ENODATA);
    assert_eq!(set(&"x".repeat(65)), EINVAL);
    assert_eq!(id_get(), b"dev-1");
    assert_eq!(nrf_cloud_uninit(), 0);
    take_calls();
    // Kept across uninit, as NCS keeps it.
    assert_eq!(id_get(), b"dev-1");
    init();
    assert_eq!(nrf_cloud_connect(), 0);
    assert_eq!(take_calls(), vec![connect_call(b"dev-1")]);
    assert_eq!(nrf_cloud_uninit(), 0);
    take_calls();
    assert_eq!(set("dev-2"), 0);
    assert_eq!(id_get(), b"dev-2");
    init();
    assert_eq!(nrf_cloud_connect(), 0);
    assert_eq!(take_calls(), vec![connect_call(b"dev-2")]);
    assert_eq!(nrf_cloud_uninit(), 0);
}

#[test]
fn configured_client_id_is_read_once() {
    let mut cfg = default_config();
    cfg.client_id_src = 0; // IMEI
    let _g = begin(cfg);
    assert_eq!(id_get(), b"nrf-352656100123456");
    // Not read again: not at init, nor after uninit.
    fake_port::with(|f| f.imei = None);
    init();
    assert_eq!(nrf_cloud_connect(), 0);
    assert_eq!(take_calls(), vec![connect_call(b"nrf-352656100123456")]);
    assert_eq!(nrf_cloud_uninit(), 0);
    assert_eq!(id_get(), b"nrf-352656100123456");
    init();
    assert_eq!(nrf_cloud_uninit(), 0);
}

#[test]
fn send_checks() {
    let _g = begin(default_config());
    assert_eq!(unsafe { nrf_cloud_send(core::ptr::null()) }, EINVAL);
    let mut msg = nrf_cloud_tx_data {
        obj: core::ptr::null_mut(),
        data: nrf_cloud_data {
            len: 2,
            ptr: b"{}".as_ptr().cast(),
        },
        topic_type: NRF_CLOUD_TOPIC_MESSAGE as _,
        qos: MQTT_QOS_1_AT_LEAST_ONCE as _,
        id: 0,
    };
    assert_eq!(unsafe { nrf_cloud_send(&msg) }, EACCES);
    assert_eq!(
        unsafe { nrf_cloud_sensor_data_send(core::ptr::null()) },
        EACCES
    );
    init();
    connect_to_ready();
    seen();
    take_calls();
    assert_eq!(
        unsafe { nrf_cloud_sensor_data_send(core::ptr::null()) },
        EINVAL
    );
    assert_eq!(unsafe { nrf_cloud_send(&msg) }, 0);
    msg.qos = MQTT_QOS_2_EXACTLY_ONCE as _;
    assert_eq!(unsafe { nrf_cloud_send(&msg) }, EINVAL);
    msg.topic_type = 9 as _;
    assert_eq!(unsafe { nrf_cloud_send(&msg) }, ENODATA);
    msg.topic_type = NRF_CLOUD_TOPIC_STATE as _;
    msg.obj = core::ptr::NonNull::dangling().as_ptr();
    assert_eq!(unsafe { nrf_cloud_send(&msg) }, ENOTSUP);
    msg.obj = core::ptr::null_mut();
    msg.id = 77;
    assert_eq!(unsafe { nrf_cloud_send(&msg) }, 0);
    let calls = take_calls();
    assert_eq!(calls.len(), 2);
    assert!(matches!(
        &calls[0],
        Call::Publish {
            qos: 1,
            msg_id: 1000,
            ..
        }
    ));
    assert_eq!(
        calls[1],
        Call::Publish {
            topic: topic("/shadow/update"),
            payload: b"{}".to_vec(),
            qos: 1,
            msg_id: 77,
        }
    );
    // Transforms are not configured.
    let expr = CString::new("$").unwrap();
    assert_eq!(
        unsafe { nrf_cloud_shadow_transform_request(expr.as_ptr(), 0) },
        ENOTSUP
    );
    assert_eq!(
        unsafe { nrf_cloud_shadow_device_status_update(core::ptr::null()) },
        EINVAL
    );
    assert_eq!(nrf_cloud_uninit(), 0);
}

#[test]
fn identity_helpers() {
    let _g = begin(default_config());
    let mut buf = [0u8; 40];
    assert_eq!(
        unsafe { nrf_cloud_get_uuid(core::ptr::null_mut(), 40) },
        EINVAL
    );
    assert_eq!(
        unsafe { nrf_cloud_get_uuid(buf.as_mut_ptr().cast(), 36) },
        -12
    );
    assert_eq!(
        unsafe { nrf_cloud_get_uuid(buf.as_mut_ptr().cast(), 37) },
        0
    );
    assert_eq!(
        crate::identity::until_nul(&buf),
        b"50503041-3633-4261-803d-1e2b8f70111a"
    );
    assert_eq!(
        unsafe { nrf_cloud_get_imei(buf.as_mut_ptr().cast(), 40) },
        0
    );
    assert_eq!(crate::identity::until_nul(&buf), b"352656100123456");
    assert_eq!(
        unsafe { nrf_cloud_get_modem_fw(buf.as_mut_ptr().cast(), 40) },
        ENOTSUP
    );
    // JWT: lifetime defaults and caps, subject = device ID.
    let mut jwt = [0u8; 64];
    assert_eq!(
        unsafe { nrf_cloud_jwt_generate(0, jwt.as_mut_ptr().cast(), 64) },
        0
    );
    assert_eq!(crate::identity::until_nul(&jwt), b"jwt:my-client-id:600");
    assert_eq!(
        unsafe { nrf_cloud_jwt_generate(1_000_000, jwt.as_mut_ptr().cast(), 64) },
        0
    );
    assert_eq!(crate::identity::until_nul(&jwt), b"jwt:my-client-id:604800");
    assert_eq!(
        unsafe { nrf_cloud_jwt_generate(5, core::ptr::null_mut(), 64) },
        EINVAL
    );
    // Sec tag.
    assert_eq!(nrf_cloud_sec_tag_get(), 16_842_753);
    nrf_cloud_sec_tag_set(42);
    assert_eq!(nrf_cloud_sec_tag_get(), 42);
}

#[test]
fn credentials() {
    let _g = begin(default_config());
    assert_eq!(
        unsafe { nrf_cloud_credentials_check(core::ptr::null_mut()) },
        EINVAL
    );
    assert_eq!(nrf_cloud_credentials_configured_check(), ENOTSUP);
    fake_port::with(|f| {
        f.creds.insert(0, 1200); // CA: AWS-sized
        f.creds.insert(1, 500);
        f.creds.insert(2, 200);
    });
    let mut cs: nrf_cloud_credentials_status = unsafe { core::mem::zeroed() };
    assert_eq!(unsafe { nrf_cloud_credentials_check(&mut cs) }, 0);
    assert_eq!(cs.sec_tag, 16_842_753);
    assert_eq!(cs.ca_size, 1200);
    assert_eq!(
        (
            cs.ca(),
            cs.ca_aws(),
            cs.ca_coap(),
            cs.client_cert(),
            cs.prv_key()
        ),
        (1, 1, 0, 1, 1)
    );
    assert_eq!(nrf_cloud_credentials_configured_check(), 0);
    fake_port::with(|f| {
        f.creds.insert(0, 600); // CoAP-sized CA only
    });
    assert_eq!(nrf_cloud_credentials_configured_check(), -92); // -ENOPROTOOPT
}

#[test]
fn connack_refused_is_an_error_event() {
    let _g = begin(default_config());
    init();
    assert_eq!(nrf_cloud_connect(), 0);
    script_input(vec![
        connack(5),
        Box::new(|| cw_mqtt_on_disconnect(0, -111)),
    ]);
    assert_eq!(nrf_cloud_process(), ENOTCONN);
    assert_eq!(
        kinds(&seen()),
        vec![
            (
                NRF_CLOUD_EVT_ERROR as u32,
                NRF_CLOUD_ERR_STATUS_MQTT_CONN_NOT_AUTH as u32
            ),
            (DISCONNECTED, CLOSED_BY_REMOTE)
        ]
    );
    assert_eq!(nrf_cloud_uninit(), 0);
}

#[test]
fn poll_wait_outcomes() {
    use cloudwire_nrf_cloud::api::DisconnectStatus as D;
    let _g = begin(default_config());
    init();
    assert_eq!(crate::connection::wait_outcome(-5), Some(D::Misc));
    assert_eq!(
        crate::connection::wait_outcome(CW_POLL_NVAL as i32),
        Some(D::InvalidRequest)
    );
    assert_eq!(
        crate::connection::wait_outcome(CW_POLL_HUP as i32),
        Some(D::ClosedByRemote)
    );
    assert_eq!(
        crate::connection::wait_outcome(CW_POLL_ERR as i32),
        Some(D::Misc)
    );
    // POLLIN without a connection: reading fails -> closed by remote.
    assert_eq!(
        crate::connection::wait_outcome(CW_POLL_IN as i32),
        Some(D::ClosedByRemote)
    );
    assert_eq!(nrf_cloud_uninit(), 0);
    assert_eq!(errno_value(CW_EINVAL), 22);
}

#[test]
fn disconnect_callback_inside_a_failing_publish_is_deferred() {
    let _g = begin(default_config());
    init();
    connect_to_ready();
    seen();
    fake_port::with(|f| {
        f.publish_rc = -32; // EPIPE
        f.publish_disconnects = true;
    });
    let data = CString::new("1").unwrap();
    let sd = nrf_cloud_sensor_data {
        type_: NRF_CLOUD_SENSOR_BUTTON as _,
        data: nrf_cloud_data {
            len: 1,
            ptr: data.as_ptr().cast(),
        },
        tag: 0,
        ts_ms: 0,
    };
    assert_eq!(unsafe { nrf_cloud_sensor_data_stream(&sd) }, -32);
    let ev = seen();
    assert_eq!(kinds(&ev), vec![(DISCONNECTED, CLOSED_BY_REMOTE)]);
    assert_eq!(ev[0].lock_depth, 0);
    assert_eq!(unsafe { nrf_cloud_sensor_data_stream(&sd) }, EACCES);
    assert_eq!(nrf_cloud_uninit(), 0);
    assert!(seen().is_empty());
}
