// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

//! Connection sequences: exact operations and events from connect to READY
//! and back.

mod common;

use cloudwire_nrf_cloud::{
    connack_status, err_status, ConnMethod, DisconnectStatus, Error, EventType as E, Settings,
    ShadowKind, State,
};
use common::*;

fn settings() -> Settings {
    Settings::DEFAULT
}

#[test]
fn unassociated_first_connect_through_association() {
    let mut d = Dev::new(settings());
    assert!(d.core.clean_session());
    assert_eq!(d.core.keepalive_s(), 1200);
    d.core.connect_started().unwrap();
    assert_eq!(d.state(), State::Initialized);

    d.connack(0, false);
    assert_eq!(d.take(), vec![ev(E::TransportConnected, 0), cc_sub(false)]);
    assert_eq!(d.state(), State::CcConnecting);

    d.suback(100, true);
    assert_eq!(d.take(), vec![get_trim()]);
    assert_eq!(d.state(), State::CloudStateRequested);

    d.puback(200);
    assert_eq!(d.take(), vec![]);
    assert_eq!(d.state(), State::CloudStateRequested);

    let doc = accepted_not_associated();
    let topic = t("/shadow/get/accepted/trim");
    d.publish(&topic, &doc);
    assert_eq!(
        d.take(),
        vec![
            ev_shadow(ShadowKind::Accepted, &doc, &topic),
            Op::Save(false),
            Op::Keepalive(30),
            Op::Ping,
            pub1(&t("/shadow/update"), NOT_ASSOC_REPORT, 300),
            ev(E::UserAssociationRequest, 0),
        ]
    );
    assert_eq!(d.state(), State::UaPinWait);
    assert_eq!(d.core.keepalive_s(), 30);

    // Repeated "not associated" documents: data only, once per cycle.
    let delta = r#"{"version":3,"timestamp":5,"state":{"pairing":{"state":"not_associated"}}}"#;
    let dtopic = t("/shadow/update/delta/full");
    d.publish(&dtopic, delta);
    assert_eq!(d.take(), vec![ev_shadow(ShadowKind::Delta, delta, &dtopic)]);
    d.publish(&topic, &doc);
    assert_eq!(
        d.take(),
        vec![ev_shadow(ShadowKind::Accepted, &doc, &topic)]
    );
    assert_eq!(d.state(), State::UaPinWait);

    // The user adds the device: a delta with the endpoints.
    let delta = delta_associated(C2D_OLD);
    d.publish(&dtopic, &delta);
    assert_eq!(
        d.take(),
        vec![
            ev_shadow(ShadowKind::Delta, &delta, &dtopic),
            Op::Keepalive(1200),
            Op::Ping,
            pub1(
                &t("/shadow/update"),
                &paired_report(C2D, true, Some("Unknown"), false, 1),
                301
            ),
            ev(E::UserAssociated, 0),
        ]
    );
    assert_eq!(d.state(), State::UaPinComplete);
    assert_eq!(d.core.keepalive_s(), 1200);
    assert_eq!(d.core.tenant_id(), TENANT.as_bytes());
    assert_eq!(d.core.stage(), b"prod");
    assert_eq!(d.core.c2d_topic(), C2D.as_bytes());
    assert_eq!(d.core.d2c_topic(), D2C.as_bytes());
    assert_eq!(d.core.topic_prefix(), PREFIX.as_bytes());

    d.puback(301);
    assert_eq!(d.take(), vec![sub(&[C2D], 101)]);
    assert_eq!(d.state(), State::DcConnecting);

    d.suback(101, true);
    assert_eq!(d.take(), vec![Op::Save(true), ev(E::Ready, 0)]);
    assert_eq!(d.state(), State::DcConnected);
    assert!(d.core.persistent_session());
    assert!(!d.core.clean_session());
}

#[test]
fn not_associated_clears_a_saved_session() {
    let mut d = Dev::new(settings());
    d.core.set_persistent_session(true);
    d.core.connect_started().unwrap();
    // A saved session the broker does not have: cleared first.
    d.connack(0, false);
    assert_eq!(
        d.take(),
        vec![Op::Save(false), ev(E::TransportConnected, 0), cc_sub(false)]
    );
    d.suback(100, true);
    d.take();
    d.core.set_persistent_session(true);
    d.publish(&t("/shadow/get/accepted/trim"), &accepted_not_associated());
    let ops = d.take();
    assert_eq!(ops[1], Op::Save(false));
    assert!(!d.core.persistent_session());
}

#[test]
fn associated_connect() {
    let mut d = Dev::new(Settings {
        connection_method: ConnMethod::Lte,
        ..settings()
    });
    d.reach_state_requested();
    d.take();
    let doc = accepted_associated(C2D);
    let topic = t("/shadow/get/accepted/trim");
    d.publish(&topic, &doc);
    assert_eq!(
        d.take(),
        vec![
            ev_shadow(ShadowKind::Accepted, &doc, &topic),
            pub1(
                &t("/shadow/update"),
                &paired_report(C2D, false, Some("LTE"), false, 1),
                301
            ),
            ev(E::UserAssociated, 0),
        ]
    );
    d.puback(301);
    d.suback(101, true);
    assert_eq!(
        d.take(),
        vec![sub(&[C2D], 101), Op::Save(true), ev(E::Ready, 0)]
    );

    // Second connection (no reboot): info sections are not sent again.
    d.disconnected(DisconnectStatus::ClosedByRemote);
    assert_eq!(d.take(), vec![ev(E::TransportDisconnected, 1)]);
    assert_eq!(d.state(), State::Initialized);
    assert_eq!(d.core.d2c_topic(), b"");
    d.core.set_persistent_session(false);
    d.reach_state_requested();
    d.take();
    d.publish(&topic, &doc);
    assert_eq!(
        d.take()[1],
        pub1(
            &t("/shadow/update"),
            &paired_report(C2D, false, None, false, 1),
            301
        )
    );
}

#[test]
fn connection_info_off() {
    let mut d = Dev::new(Settings {
        send_conn_info: false,
        ..settings()
    });
    d.reach_state_requested();
    d.take();
    d.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(C2D));
    assert_eq!(
        d.take()[1],
        pub1(
            &t("/shadow/update"),
            &paired_report(C2D, false, None, false, 1),
            301
        )
    );
}

#[test]
fn persistent_session_connect_skips_subscriptions() {
    let mut d = Dev::new(settings());
    d.core.set_persistent_session(true);
    assert!(!d.core.clean_session());
    d.core.connect_started().unwrap();
    d.connack(0, true);
    // No SUBSCRIBE, but the shadow is still requested.
    assert_eq!(d.take(), vec![ev(E::TransportConnected, 1), get_trim()]);
    assert_eq!(d.state(), State::CloudStateRequested);

    d.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(C2D));
    d.take();
    d.puback(301);
    assert_eq!(d.take(), vec![ev(E::Ready, 0)]);
    assert_eq!(d.state(), State::DcConnected);
    // A SUBACK(101) now (none was asked for) only re-saves the flag.
    d.suback(101, true);
    assert_eq!(d.take(), vec![Op::Save(true)]);
    assert_eq!(d.state(), State::DcConnected);
}

#[test]
fn clean_session_builds_ignore_the_saved_flag() {
    let mut d = Dev::new(Settings {
        persistent_sessions: false,
        ..settings()
    });
    d.core.set_persistent_session(true);
    assert!(d.core.clean_session());
    d.core.connect_started().unwrap();
    d.connack(0, true);
    assert_eq!(d.take(), vec![ev(E::TransportConnected, 0), cc_sub(false)]);
    d.suback(100, true);
    d.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(C2D));
    d.puback(301);
    d.suback(101, true);
    // Nothing is saved without persistent sessions.
    assert!(!d.take().contains(&Op::Save(true)));
    assert_eq!(d.state(), State::DcConnected);
}

#[test]
fn shadow_transforms_add_the_tf_subscription() {
    let mut d = Dev::new(Settings {
        shadow_transforms: true,
        ..settings()
    });
    d.core.connect_started().unwrap();
    d.connack(0, false);
    assert_eq!(d.take(), vec![ev(E::TransportConnected, 0), cc_sub(true)]);
}

#[test]
fn connack_rejections_map_like_ncs() {
    let want = [
        (1u8, err_status::MQTT_CONN_BAD_PROT_VER),
        (2, err_status::MQTT_CONN_ID_REJECTED),
        (3, err_status::MQTT_CONN_SERVER_UNAVAIL),
        (4, err_status::MQTT_CONN_BAD_USR_PWD),
        (5, err_status::MQTT_CONN_NOT_AUTH),
        (6, err_status::MQTT_CONN_FAIL),
        (0x80, err_status::MQTT_CONN_FAIL),
        (255, err_status::MQTT_CONN_FAIL),
    ];
    assert_eq!(connack_status(0), err_status::NONE);
    for (rc, status) in want {
        assert_eq!(connack_status(rc), status);
        let mut d = Dev::new(settings());
        d.core.connect_started().unwrap();
        d.connack(rc, false);
        assert_eq!(d.take(), vec![ev(E::Error, status)]);
        assert_eq!(d.state(), State::Initialized);
        // The broker then closes the connection.
        d.disconnected(DisconnectStatus::ClosedByRemote);
        assert_eq!(d.take(), vec![ev(E::TransportDisconnected, 1)]);
        assert_eq!(d.state(), State::Initialized);
    }
}

#[test]
fn connack_outside_initialized_is_ignored() {
    let mut d = Dev::new(settings());
    d.reach_state_requested();
    d.take();
    d.connack(0, false);
    assert_eq!(d.take(), vec![]);
    assert_eq!(d.state(), State::CloudStateRequested);
}

#[test]
fn control_subscribe_failure() {
    let mut d = Dev::new(settings());
    d.core.connect_started().unwrap();
    d.suback(100, true); // not subscribing yet: ignored
    assert_eq!(d.take(), vec![]);
    d.connack(0, false);
    d.take();
    d.suback(100, false);
    assert_eq!(
        d.take(),
        vec![ev(E::Error, err_status::MQTT_SUB_FAIL), Op::Disconnect]
    );
    d.disconnected(DisconnectStatus::ClosedByRemote);
    assert_eq!(
        d.take(),
        vec![ev(E::TransportDisconnected, DisconnectStatus::Misc as u32)]
    );
    assert_eq!(d.state(), State::Initialized);
}

#[test]
fn control_subscribe_not_sent() {
    let mut d = Dev::new(settings());
    d.io.fail_subscribe = true;
    d.core.connect_started().unwrap();
    d.connack(0, false);
    assert_eq!(d.take(), vec![ev(E::TransportConnected, 0), cc_sub(false)]);
    assert_eq!(d.state(), State::Connected);
    assert_eq!(d.io.take_logs().len(), 1);
}

#[test]
fn control_subscribe_does_not_fit_the_buffer() {
    let mut d = Dev::new(settings());
    d.buf = vec![0; 100];
    d.core.connect_started().unwrap();
    d.connack(0, false);
    assert_eq!(
        d.take(),
        vec![ev(E::TransportConnected, 0), ev(E::Error, err_status::NONE)]
    );
    assert_eq!(d.state(), State::Connected);
}

#[test]
fn shadow_request_not_sent() {
    let mut d = Dev::new(settings());
    d.core.connect_started().unwrap();
    d.connack(0, false);
    d.take();
    d.io.fail_publish = true;
    d.suback(100, true);
    assert_eq!(d.take(), vec![get_trim(), ev(E::Error, err_status::NONE)]);
    assert_eq!(d.state(), State::Connected);
}

#[test]
fn data_subscribe_failure_and_not_sent() {
    let mut d = Dev::new(settings());
    d.reach_state_requested();
    d.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(C2D));
    d.puback(301);
    d.take();
    d.suback(101, false);
    assert_eq!(d.take(), vec![ev(E::Error, err_status::MQTT_SUB_FAIL)]);
    assert_eq!(d.state(), State::DcConnecting);
    assert!(!d.core.persistent_session());

    let mut d = Dev::new(settings());
    d.reach_state_requested();
    d.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(C2D));
    d.take();
    d.io.fail_subscribe = true;
    d.puback(301);
    assert_eq!(d.take(), vec![sub(&[C2D], 101)]);
    assert_eq!(d.state(), State::UaPinComplete);
}

#[test]
fn puback_200_quirks() {
    // NCS treats a PUBACK(200) in the association states as "state
    // requested" again.
    let mut d = Dev::new(settings());
    d.reach_state_requested();
    d.publish(&t("/shadow/get/accepted/trim"), &accepted_not_associated());
    assert_eq!(d.state(), State::UaPinWait);
    d.puback(200);
    assert_eq!(d.state(), State::CloudStateRequested);

    let mut d = Dev::ready(settings());
    d.puback(200);
    assert_eq!(d.state(), State::CloudStateRequested);
    assert_eq!(d.take(), vec![]);

    // Other acks in the waiting states do nothing.
    let mut d = Dev::new(settings());
    d.reach_state_requested();
    d.take();
    for id in [300, 301, 1000, 10000, 65535] {
        d.puback(id);
    }
    assert_eq!(d.take(), vec![]);
    assert_eq!(d.state(), State::CloudStateRequested);
}

#[test]
fn pingresp_only_when_ready() {
    let mut d = Dev::new(settings());
    d.core.on_pingresp(&mut d.io);
    d.core.connect_started().unwrap();
    d.connack(0, false);
    d.core.on_pingresp(&mut d.io);
    d.suback(100, true);
    d.core.on_pingresp(&mut d.io);
    d.take();
    d.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(C2D));
    d.puback(301);
    d.core.on_pingresp(&mut d.io);
    d.suback(101, true);
    d.take();
    d.core.on_pingresp(&mut d.io);
    assert_eq!(d.take(), vec![ev(E::Pingresp, 0)]);
}

#[test]
fn disconnect_statuses() {
    // Requested by the application.
    let mut d = Dev::ready(settings());
    assert_eq!(d.core.disconnect(&mut d.io), Ok(()));
    assert_eq!(d.take(), vec![Op::Disconnect]);
    assert_eq!(d.state(), State::DcConnected);
    d.disconnected(DisconnectStatus::ClosedByRemote);
    assert_eq!(d.take(), vec![ev(E::TransportDisconnected, 0)]);
    assert_eq!(d.state(), State::Initialized);
    // Only once per connection.
    d.disconnected(DisconnectStatus::Misc);
    assert_eq!(d.take(), vec![]);

    // Closed by the other side: the port's status passes through.
    for st in [
        DisconnectStatus::ClosedByRemote,
        DisconnectStatus::InvalidRequest,
        DisconnectStatus::Misc,
        DisconnectStatus::UserRequest,
    ] {
        let mut d = Dev::ready(settings());
        d.disconnected(st);
        assert_eq!(d.take(), vec![ev(E::TransportDisconnected, st as u32)]);
        assert_eq!(d.state(), State::Initialized);
    }

    // Before CONNACK: disconnect() is refused, as in NCS.
    let mut d = Dev::new(settings());
    d.core.connect_started().unwrap();
    assert_eq!(d.core.disconnect(&mut d.io), Err(Error::Access));
    assert_eq!(d.take(), vec![]);

    // A failing transport disconnect is returned.
    let mut d = Dev::ready(settings());
    d.io.fail_disconnect = true;
    assert_eq!(d.core.disconnect(&mut d.io), Err(Error::Port(-57)));
}

#[test]
fn oversized_message_disconnects_with_misc() {
    let mut d = Dev::ready(settings());
    let topic = t("/shadow/get/accepted/trim");
    d.core
        .on_publish_too_large(&mut d.io, topic.as_bytes(), 5000);
    assert_eq!(d.take(), vec![Op::Disconnect]);
    assert_eq!(d.io.take_logs()[0].0, 1);
    d.disconnected(DisconnectStatus::ClosedByRemote);
    assert_eq!(d.take(), vec![ev(E::TransportDisconnected, 3)]);

    // Before CONNACK nothing is closed (NCS's disconnect is refused there).
    let mut d = Dev::new(settings());
    d.core.connect_started().unwrap();
    d.core.on_publish_too_large(&mut d.io, b"x", 5000);
    assert_eq!(d.take(), vec![]);

    // A user disconnect in flight stays a user disconnect.
    let mut d = Dev::ready(settings());
    d.core.disconnect(&mut d.io).unwrap();
    d.core.on_publish_too_large(&mut d.io, b"x", 5000);
    d.disconnected(DisconnectStatus::Misc);
    assert_eq!(
        d.take(),
        vec![
            Op::Disconnect,
            Op::Disconnect,
            ev(E::TransportDisconnected, 0)
        ]
    );
}

#[test]
fn reconnect_after_disconnect() {
    let mut d = Dev::ready(settings());
    d.core.disconnect(&mut d.io).unwrap();
    d.disconnected(DisconnectStatus::UserRequest);
    d.take();
    // Persistent session saved after the first READY.
    assert!(!d.core.clean_session());
    d.core.connect_started().unwrap();
    d.connack(0, true);
    assert_eq!(d.take(), vec![ev(E::TransportConnected, 1), get_trim()]);
    d.publish(&t("/shadow/get/accepted/trim"), &accepted_associated(C2D));
    d.puback(301);
    let ops = d.take();
    assert_eq!(ops.last(), Some(&ev(E::Ready, 0)));
    assert!(!ops.iter().any(|o| matches!(o, Op::Subscribe { .. })));
}

#[test]
fn connect_failure_and_in_progress() {
    let mut d = Dev::new(settings());
    d.core.connect_started().unwrap();
    assert_eq!(d.core.connect_started(), Err(Error::InProgress));
    d.core.connect_failed();
    assert_eq!(d.state(), State::Initialized);
    // No disconnect event for a connection that never came up.
    d.disconnected(DisconnectStatus::ClosedByRemote);
    assert_eq!(d.take(), vec![]);
    d.core.connect_started().unwrap();
    d.connack(0, false);
    assert_eq!(d.core.connect_started(), Err(Error::InProgress));
}
