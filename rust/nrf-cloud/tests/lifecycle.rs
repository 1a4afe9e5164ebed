// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

//! Set-up, tear-down, stored values and the state of every step.

mod common;

use cloudwire_nrf_cloud::{
    Core, DisconnectStatus, Error, EventType as E, Settings, State, CLIENT_ID_MAX,
    DEFAULT_LOG_LEVEL,
};
use common::*;

// The core must be usable as a static.
static CORE: Core = Core::new();

#[test]
fn const_construction() {
    assert_eq!(CORE.state(), State::Idle);
    assert_eq!(CORE.client_id(), b"");
    assert_eq!(CORE.tenant_id(), b"");
    assert_eq!(CORE.stage(), b"");
    assert_eq!(CORE.control(), (false, DEFAULT_LOG_LEVEL));
    assert_eq!(CORE.keepalive_s(), 0);
    assert!(!CORE.persistent_session());
    assert!(CORE.clean_session());
}

#[test]
fn state_values_are_ncs_values() {
    let all = [
        (State::Idle, 0),
        (State::Initialized, 1),
        (State::Connected, 2),
        (State::CcConnecting, 3),
        (State::CcConnected, 4),
        (State::CloudStateRequested, 5),
        (State::UaPinWait, 6),
        (State::UaPinComplete, 7),
        (State::DcConnecting, 8),
        (State::DcConnected, 9),
    ];
    for (s, v) in all {
        assert_eq!(s as u8, v);
    }
}

#[test]
fn init_rules() {
    let mut c = Core::new();
    assert_eq!(c.init(Settings::DEFAULT, b""), Err(Error::Invalid));
    let long = [b'a'; CLIENT_ID_MAX + 1];
    assert_eq!(c.init(Settings::DEFAULT, &long), Err(Error::Invalid));
    assert_eq!(c.state(), State::Idle);
    let max = [b'b'; CLIENT_ID_MAX];
    assert_eq!(c.init(Settings::DEFAULT, &max), Ok(()));
    assert_eq!(c.state(), State::Initialized);
    assert_eq!(c.client_id(), &max);
    assert_eq!(c.init(Settings::DEFAULT, b"x"), Err(Error::Access));
    assert_eq!(c.client_id(), &max);
    c.uninit();
    assert_eq!(c.state(), State::Idle);
    // The device ID is kept across uninit (as NCS keeps it).
    assert_eq!(c.client_id(), &max);
    assert_eq!(c.init_with_set_id(Settings::DEFAULT), Ok(()));
    assert_eq!(c.client_id(), &max);
    c.uninit();
    let s = Settings {
        keepalive_s: 60,
        ..Settings::DEFAULT
    };
    assert_eq!(c.init(s, b"dev"), Ok(()));
    assert_eq!(c.keepalive_s(), 60);
}

#[test]
fn app_version_is_kept_as_given() {
    let mut c = Core::new();
    c.set_app_version(b"1.2.3");
    assert_eq!(c.app_version(), b"1.2.3");
    c.set_app_version(&[b'v'; 100]);
    assert_eq!(c.app_version(), &[b'v'; 100]);
    c.uninit();
    assert_eq!(c.app_version(), b"");
}

#[test]
fn uninit_keeps_session_and_control() {
    let mut d = Dev::ready(Settings::DEFAULT);
    d.publish(
        &t("/shadow/update/delta/full"),
        r#"{"version":1,"timestamp":1,"state":{"control":{"alertsEn":true,"logLvl":0}}}"#,
    );
    d.core.disconnect(&mut d.io).unwrap();
    d.disconnected(DisconnectStatus::UserRequest);
    d.core.uninit();
    assert_eq!(d.state(), State::Idle);
    assert!(d.core.persistent_session());
    assert_eq!(d.core.control(), (true, 0));
    assert_eq!(d.core.tenant_id(), b"");
    assert_eq!(d.core.d2c_topic(), b"");
    // Message IDs start over and boot-time info is not sent again.
    d.core.init(Settings::DEFAULT, ID.as_bytes()).unwrap();
    d.core.set_persistent_session(false);
    d.reach_state_requested();
    d.take();
    d.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(C2D));
    assert_eq!(
        d.take()[1],
        pub1(
            &t("/shadow/update"),
            &paired_report(C2D, false, None, true, 0),
            301
        )
    );
    d.puback(301);
    d.suback(101, true);
    d.take();
    d.core.send(&mut d.io, 2, b"x", 1, 0).unwrap();
    assert_eq!(d.take(), vec![pub1(D2C, "x", 1000)]);
}

#[test]
fn uninit_while_closing_still_reports_the_disconnect() {
    let mut d = Dev::ready(Settings::DEFAULT);
    d.core.disconnect(&mut d.io).unwrap();
    d.core.uninit();
    d.take();
    d.disconnected(DisconnectStatus::ClosedByRemote);
    assert_eq!(d.take(), vec![ev(E::TransportDisconnected, 0)]);
    assert_eq!(d.state(), State::Idle);
}

#[test]
fn idle_core_ignores_everything() {
    let mut c = Core::new();
    let mut io = RecIo::default();
    let mut buf = [0u8; 512];
    assert_eq!(c.connect_started(), Err(Error::Access));
    c.connect_failed();
    c.on_connack(&mut io, &mut buf, 0, false);
    c.on_suback(&mut io, &mut buf, 100, true);
    c.on_suback(&mut io, &mut buf, 101, true);
    c.on_puback(&mut io, &mut buf, 301);
    c.on_puback(&mut io, &mut buf, 10000);
    c.on_pingresp(&mut io);
    c.on_publish(
        &mut io,
        &mut buf,
        b"/shadow/get/accepted/trim",
        b"{\"desired\":{}}",
    );
    c.on_publish(&mut io, &mut buf, b"x/c2d/r", b"{}");
    c.on_publish_too_large(&mut io, b"x", 10);
    c.on_disconnected(&mut io, DisconnectStatus::Misc);
    assert_eq!(c.state(), State::Idle);
    assert_eq!(io.take(), vec![]);
}

#[test]
fn every_step_of_the_sequence() {
    let mut d = Dev::new(Settings::DEFAULT);
    let mut seen = vec![d.state()];
    d.core.connect_started().unwrap();
    seen.push(d.state());
    d.connack(0, false);
    seen.push(d.state());
    d.suback(100, true);
    seen.push(d.state());
    d.publish(&t("/shadow/get/accepted/trim"), &accepted_not_associated());
    seen.push(d.state());
    d.publish(&t("/shadow/update/delta/full"), &delta_associated(C2D));
    seen.push(d.state());
    d.puback(301);
    seen.push(d.state());
    d.suback(101, true);
    seen.push(d.state());
    d.disconnected(DisconnectStatus::ClosedByRemote);
    seen.push(d.state());
    d.core.uninit();
    seen.push(d.state());
    use State::*;
    assert_eq!(
        seen,
        vec![
            Initialized,
            Initialized,
            CcConnecting,
            CloudStateRequested,
            UaPinWait,
            UaPinComplete,
            DcConnecting,
            DcConnected,
            Initialized,
            Idle
        ]
    );
}

#[test]
fn longest_client_id_topics() {
    let id = "i".repeat(CLIENT_ID_MAX);
    let mut c = Core::new();
    c.init(
        Settings {
            shadow_transforms: true,
            ..Settings::DEFAULT
        },
        id.as_bytes(),
    )
    .unwrap();
    let mut io = RecIo::default();
    let mut buf = vec![0u8; 512];
    c.connect_started().unwrap();
    c.on_connack(&mut io, &mut buf, 0, false);
    let ops = io.take();
    assert_eq!(
        ops[1],
        sub(
            &[
                &format!("{id}/shadow/get/accepted/trim"),
                &format!("{id}/shadow/get/rejected"),
                &format!("{id}/shadow/update/delta/full"),
                &format!("{id}/shadow/get/accepted/tf"),
            ],
            100
        )
    );
    c.on_suback(&mut io, &mut buf, 100, true);
    assert_eq!(
        io.take(),
        vec![pub1(&format!("{id}/shadow/get/trim"), "", 200)]
    );
    // A shadow on the long topic is recognised.
    c.on_publish(
        &mut io,
        &mut buf,
        format!("{id}/shadow/get/accepted/trim").as_bytes(),
        accepted_not_associated().as_bytes(),
    );
    assert_eq!(c.state(), State::UaPinWait);
}

#[test]
fn client_id_set_rules() {
    let mut c = Core::new();
    assert_eq!(c.init_with_set_id(Settings::DEFAULT), Err(Error::Invalid));
    assert_eq!(c.set_client_id(b""), Err(Error::Invalid));
    assert_eq!(
        c.set_client_id(&[b'a'; CLIENT_ID_MAX + 1]),
        Err(Error::Invalid)
    );
    assert_eq!(c.client_id(), b"");
    assert_eq!(c.set_client_id(b"dev-1"), Ok(()));
    assert_eq!(c.set_client_id(b"dev-2"), Ok(()));
    assert_eq!(c.client_id(), b"dev-2");
    assert_eq!(c.init_with_set_id(Settings::DEFAULT), Ok(()));
    assert_eq!(c.init_with_set_id(Settings::DEFAULT), Err(Error::Access));
    // Not connected: the next connection takes it.
    assert_eq!(c.set_client_id(b"dev-3"), Ok(()));
    assert_eq!(c.set_client_id(b"dev-2"), Ok(()));
    c.connect_started().unwrap();
    // Being connected: the ID in use stays.
    assert_eq!(c.set_client_id(b"dev-3"), Err(Error::Access));
    let mut io = RecIo::default();
    let mut buf = vec![0u8; 512];
    c.on_connack(&mut io, &mut buf, 0, false);
    assert_eq!(
        io.take()[1],
        sub(
            &[
                "dev-2/shadow/get/accepted/trim",
                "dev-2/shadow/get/rejected",
                "dev-2/shadow/update/delta/full",
            ],
            100
        )
    );
    assert_eq!(c.set_client_id(b"dev-3"), Err(Error::Access));
    assert_eq!(c.client_id(), b"dev-2");
    // Idle again, even with the connection still closing: allowed.
    c.uninit();
    assert_eq!(c.client_id(), b"dev-2");
    assert_eq!(c.set_client_id(b"dev-3"), Ok(()));
    assert_eq!(c.client_id(), b"dev-3");
    assert_eq!(c.init(Settings::DEFAULT, b"dev-4"), Ok(()));
    assert_eq!(c.client_id(), b"dev-4");
}
