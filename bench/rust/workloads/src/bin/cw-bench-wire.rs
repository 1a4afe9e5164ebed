// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! MQTT traffic from CONNECT to READY, measured on the real nRF Cloud core.
//!
//! usage: cw-bench-wire nrf_cloud
//!
//! The core (`cloudwire-nrf-cloud`) runs against a small model of the cloud
//! that answers with the documents the emulator (rust/emulator) sends. Every
//! packet either side sends is sized with the `cloudwire-mqtt` encoder
//! (fixed header + variable header + payload). The port's PUBACK for each
//! QoS 1 PUBLISH it receives is counted on the device side.
//!
//! Round trips: the device sends a flight of packets, the cloud answers all
//! of them at once; each flight that waits for an answer is one round trip.
//! A message the cloud sends on its own (the association delta, after the
//! user adds the device) starts a flight without counting one.
//!
//! Prints `wire.<scenario>.{title,d2c_bytes,d2c_packets,c2d_bytes,c2d_packets,round_trips}`.

#![forbid(unsafe_code)]

use std::collections::VecDeque;
use std::process::ExitCode;

use cloudwire_mqtt::{Connect, Outgoing, Publish, QoS, Subscription};
use cloudwire_nrf_cloud::{
    ConnMethod, Core, DisconnectStatus, Error, Event, EventType, Io, Qos, Settings,
};

const DEVICE_ID: &str = "nrf-352656106111232";
/// nRF Cloud team IDs are UUIDs.
const TENANT: &str = "8d2f4c1e-5b7a-4e3c-9a61-2f0b7d9c3e15";
const STAGE: &str = "prod";

/// A packet on the wire, kept as what the other side needs to act on it.
enum Packet {
    /// Sized when built: the encoder needs client ID and keepalive.
    Connect {
        clean: bool,
        len: usize,
    },
    Publish {
        topic: Vec<u8>,
        payload: Vec<u8>,
        qos: u8,
        id: u16,
    },
    Subscribe {
        id: u16,
        count: usize,
        len: usize,
    },
    Puback(u16),
    Suback {
        id: u16,
        count: usize,
    },
    Connack {
        session_present: bool,
    },
    Pingreq,
    Pingresp,
    Disconnect,
}

/// With CW_BENCH_DEBUG set, every packet is listed on stderr.
fn trace(dir: &str, p: &Packet, n: usize) {
    if std::env::var_os("CW_BENCH_DEBUG").is_none() {
        return;
    }
    let what = match p {
        Packet::Connect { clean, .. } => format!("CONNECT clean={clean}"),
        Packet::Publish {
            topic,
            payload,
            qos,
            id,
        } => format!(
            "PUBLISH q{qos} id {id} {} {}",
            String::from_utf8_lossy(topic),
            String::from_utf8_lossy(payload)
        ),
        Packet::Subscribe { id, count, .. } => format!("SUBSCRIBE id {id} ({count} topics)"),
        Packet::Puback(id) => format!("PUBACK {id}"),
        Packet::Suback { id, .. } => format!("SUBACK {id}"),
        Packet::Connack { session_present } => format!("CONNACK sp={session_present}"),
        Packet::Pingreq => "PINGREQ".into(),
        Packet::Pingresp => "PINGRESP".into(),
        Packet::Disconnect => "DISCONNECT".into(),
    };
    eprintln!("{dir} {n:4} {what}");
}

fn size(p: &Packet) -> usize {
    let qos = |q: u8| {
        if q == 0 {
            QoS::AtMostOnce
        } else {
            QoS::AtLeastOnce
        }
    };
    let len = match p {
        Packet::Connect { len, .. } | Packet::Subscribe { len, .. } => Ok(*len),
        Packet::Publish {
            topic,
            payload,
            qos: q,
            id,
        } => Outgoing::Publish(Publish {
            topic,
            payload,
            qos: qos(*q),
            packet_id: *id,
            dup: false,
            retain: false,
        })
        .encoded_len(),
        Packet::Puback(id) => Outgoing::Puback(*id).encoded_len(),
        Packet::Pingreq => Outgoing::Pingreq.encoded_len(),
        Packet::Disconnect => Outgoing::Disconnect.encoded_len(),
        // Server packets have no encoder in a client codec: their fixed
        // sizes (MQTT 3.1.1 §3.2, §3.9, §3.13).
        Packet::Connack { .. } => Ok(4),
        Packet::Pingresp => Ok(2),
        Packet::Suback { count, .. } => Ok(4 + count),
    };
    len.unwrap_or(0)
}

/// What the core asks for, recorded as packets.
#[derive(Default)]
struct Recorder {
    sent: Vec<(Packet, usize)>,
    events: Vec<EventType>,
    p_sesh: Option<bool>,
}

impl Io for Recorder {
    fn publish(
        &mut self,
        topic: &[u8],
        payload: &[u8],
        qos: Qos,
        msg_id: u16,
    ) -> Result<(), Error> {
        let p = Packet::Publish {
            topic: topic.to_vec(),
            payload: payload.to_vec(),
            qos: qos as u8,
            id: msg_id,
        };
        let n = size(&p);
        self.sent.push((p, n));
        Ok(())
    }

    fn subscribe(&mut self, topics: &[&[u8]], msg_id: u16) -> Result<(), Error> {
        let subs: Vec<Subscription<'_>> = topics
            .iter()
            .map(|t| Subscription {
                filter: t,
                qos: QoS::AtLeastOnce,
            })
            .collect();
        let len = Outgoing::Subscribe {
            packet_id: msg_id,
            topics: &subs,
        }
        .encoded_len()
        .unwrap_or(0);
        self.sent.push((
            Packet::Subscribe {
                id: msg_id,
                count: topics.len(),
                len,
            },
            len,
        ));
        Ok(())
    }

    fn disconnect(&mut self) -> Result<(), Error> {
        let n = size(&Packet::Disconnect);
        self.sent.push((Packet::Disconnect, n));
        Ok(())
    }

    fn set_keepalive(&mut self, _seconds: u16) {}

    fn ping(&mut self) {
        let n = size(&Packet::Pingreq);
        self.sent.push((Packet::Pingreq, n));
    }

    fn save_persistent_session(&mut self, value: bool) {
        self.p_sesh = Some(value);
    }

    fn event(&mut self, event: &Event<'_>) {
        self.events.push(event.kind);
    }

    fn log(&mut self, _level: u8, _message: &str) {}
}

/// The cloud side, with the emulator's documents (rust/emulator/src/cloud.rs).
struct Cloud {
    associated: bool,
    /// The device reported the wildcard c2d topic before (desired was aligned).
    c2d_aligned: bool,
    /// The device has reported its control section before.
    control_reported: bool,
    /// The broker holds a session for the device (a clean_session=0 connection).
    session: bool,
    shadow_version: u32,
}

fn topic_base() -> String {
    format!("{STAGE}/{TENANT}/m/d/{DEVICE_ID}")
}

impl Cloud {
    fn paired_desired(&self) -> String {
        let c2d = if self.c2d_aligned { "+/r" } else { "c2d" };
        format!(
            r#"{{"pairing":{{"state":"paired","topics":{{"d2c":"{b}/d2c","c2d":"{b}/{c2d}"}}}},"nrfcloud_mqtt_topic_prefix":"{STAGE}/{TENANT}/"}}"#,
            b = topic_base()
        )
    }

    fn trimmed(&self) -> String {
        if !self.associated {
            return r#"{"desired":{"pairing":{"state":"not_associated"}},"reported":{}}"#
                .to_string();
        }
        let reported = if self.control_reported {
            r#"{"control":{"alertsEn":false,"logLvl":1}}"#
        } else {
            "{}"
        };
        format!(
            r#"{{"desired":{},"reported":{reported}}}"#,
            self.paired_desired()
        )
    }

    /// The user adds the device to a team: the delta a connected device gets.
    fn associate(&mut self) -> Packet {
        self.associated = true;
        self.shadow_version += 1;
        let doc = format!(
            r#"{{"version":{},"timestamp":1750000000,"state":{}}}"#,
            self.shadow_version,
            self.paired_desired()
        );
        Packet::Publish {
            topic: format!("{DEVICE_ID}/shadow/update/delta/full").into_bytes(),
            payload: doc.into_bytes(),
            qos: 1,
            id: 2,
        }
    }

    /// The cloud's answers to one device packet.
    fn answer(&mut self, p: &Packet) -> Vec<Packet> {
        match p {
            Packet::Connect { clean, .. } => {
                let present = !clean && self.session;
                self.session = !clean;
                vec![Packet::Connack {
                    session_present: present,
                }]
            }
            Packet::Subscribe { id, count, .. } => vec![Packet::Suback {
                id: *id,
                count: *count,
            }],
            Packet::Pingreq => vec![Packet::Pingresp],
            Packet::Publish {
                topic,
                payload,
                qos,
                id,
            } => {
                let mut out = Vec::new();
                if *qos == 1 {
                    out.push(Packet::Puback(*id));
                }
                let topic = String::from_utf8_lossy(topic);
                if topic == format!("{DEVICE_ID}/shadow/get/trim") {
                    out.push(Packet::Publish {
                        topic: format!("{DEVICE_ID}/shadow/get/accepted/trim").into_bytes(),
                        payload: self.trimmed().into_bytes(),
                        qos: 1,
                        id: 1,
                    });
                } else if topic == format!("{DEVICE_ID}/shadow/update") {
                    self.shadow_version += 1;
                    let body = String::from_utf8_lossy(payload);
                    if body.contains("\"control\"") {
                        self.control_reported = true;
                    }
                    if body.contains("/+/r\"") {
                        self.c2d_aligned = true;
                    }
                }
                out
            }
            _ => Vec::new(),
        }
    }
}

struct Tally {
    d2c_bytes: usize,
    d2c_packets: usize,
    c2d_bytes: usize,
    c2d_packets: usize,
    round_trips: usize,
}

/// One connection from CONNECT until READY. `user_associates`: the user adds
/// the device while it waits for association.
fn run(core: &mut Core, cloud: &mut Cloud, user_associates: bool) -> Result<Tally, String> {
    let mut io = Recorder::default();
    let mut buf = [0u8; 2048];
    let mut t = Tally {
        d2c_bytes: 0,
        d2c_packets: 0,
        c2d_bytes: 0,
        c2d_packets: 0,
        round_trips: 0,
    };

    core.connect_started()
        .map_err(|e| format!("connect: {e:?}"))?;
    let clean = core.clean_session();
    let connect = Outgoing::Connect(Connect {
        client_id: DEVICE_ID.as_bytes(),
        keep_alive_s: core.keepalive_s(),
        clean_session: clean,
    })
    .encoded_len()
    .map_err(|e| format!("CONNECT: {e:?}"))?;
    let mut flight: VecDeque<(Packet, usize)> = VecDeque::from([(
        Packet::Connect {
            clean,
            len: connect,
        },
        connect,
    )]);
    let mut unsolicited: Option<Packet> = None;

    loop {
        if flight.is_empty() {
            if io.events.contains(&EventType::Ready) {
                return Ok(t);
            }
            match unsolicited.take() {
                Some(p) => {
                    deliver(core, &mut io, &mut buf, &mut t, &p);
                    flight.extend(io.sent.drain(..));
                    continue;
                }
                None => return Err(format!("stalled before READY; events {:?}", io.events)),
            }
        }
        // The device's flight goes out; the cloud answers it.
        let mut answers = Vec::new();
        let mut needs_answer = false;
        for (p, n) in flight.drain(..) {
            trace("->", &p, n);
            t.d2c_bytes += n;
            t.d2c_packets += 1;
            let a = cloud.answer(&p);
            needs_answer |= !a.is_empty();
            answers.extend(a);
        }
        if needs_answer {
            t.round_trips += 1;
            if std::env::var_os("CW_BENCH_DEBUG").is_some() {
                eprintln!("   round trip {}", t.round_trips);
            }
        }
        for a in &answers {
            deliver(core, &mut io, &mut buf, &mut t, a);
        }
        flight.extend(io.sent.drain(..));
        if flight.is_empty()
            && user_associates
            && !cloud.associated
            && io.events.contains(&EventType::UserAssociationRequest)
        {
            unsolicited = Some(cloud.associate());
        }
    }
}

/// A cloud packet reaches the device: the port calls the core, and acks a
/// QoS 1 PUBLISH afterwards.
fn deliver(core: &mut Core, io: &mut Recorder, buf: &mut [u8], t: &mut Tally, p: &Packet) {
    trace("<-", p, size(p));
    t.c2d_bytes += size(p);
    t.c2d_packets += 1;
    match p {
        Packet::Connack { session_present } => core.on_connack(io, buf, 0, *session_present),
        Packet::Suback { id, .. } => core.on_suback(io, buf, *id, true),
        Packet::Puback(id) => core.on_puback(io, buf, *id),
        Packet::Pingresp => core.on_pingresp(io),
        Packet::Publish {
            topic,
            payload,
            qos,
            id,
        } => {
            core.on_publish(io, buf, topic, payload);
            if *qos == 1 {
                let ack = Packet::Puback(*id);
                let n = size(&ack);
                io.sent.push((ack, n));
            }
        }
        _ => {}
    }
}

fn booted_core(p_sesh: bool) -> Result<Core, String> {
    let mut core = Core::new();
    let settings = Settings {
        connection_method: ConnMethod::Lte,
        ..Settings::DEFAULT
    };
    core.init(settings, DEVICE_ID.as_bytes())
        .map_err(|e| format!("init: {e:?}"))?;
    core.set_persistent_session(p_sesh);
    Ok(core)
}

fn print(name: &str, title: &str, t: &Tally) {
    println!("wire.{name}.title={title}");
    println!("wire.{name}.d2c_bytes={}", t.d2c_bytes);
    println!("wire.{name}.d2c_packets={}", t.d2c_packets);
    println!("wire.{name}.c2d_bytes={}", t.c2d_bytes);
    println!("wire.{name}.c2d_packets={}", t.c2d_packets);
    println!("wire.{name}.round_trips={}", t.round_trips);
}

fn nrf_cloud() -> Result<(), String> {
    let associated = || Cloud {
        associated: true,
        c2d_aligned: true,
        control_reported: true,
        session: false,
        shadow_version: 10,
    };

    // An associated device after boot without a saved session: CONNECT with
    // clean session, both SUBSCRIBEs.
    let mut core = booted_core(false)?;
    let mut cloud = associated();
    let t = run(&mut core, &mut cloud, false)?;
    print(
        "assoc_clean",
        "associated device, boot, no saved session (clean session)",
        &t,
    );

    // The same device after a reboot: NCS's default persistent session is
    // resumed, so no SUBSCRIBE.
    let mut core = booted_core(true)?;
    cloud.session = true;
    let t = run(&mut core, &mut cloud, false)?;
    print(
        "assoc_resumed",
        "associated device, boot, persistent session resumed",
        &t,
    );

    // A device nobody has added yet: not-associated report, the user adds
    // it, the association delta, then on to READY.
    let mut core = booted_core(false)?;
    let mut cloud = Cloud {
        associated: false,
        c2d_aligned: false,
        control_reported: false,
        session: false,
        shadow_version: 1,
    };
    let t = run(&mut core, &mut cloud, true)?;
    print(
        "unassoc",
        "unassociated device, first connect, through association",
        &t,
    );
    core.on_disconnected(&mut Recorder::default(), DisconnectStatus::UserRequest);
    Ok(())
}

fn main() -> ExitCode {
    let lib = std::env::args().nth(1);
    let result = match lib.as_deref() {
        Some("nrf_cloud") => nrf_cloud(),
        _ => Err("usage: cw-bench-wire nrf_cloud".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cw-bench-wire: {e}");
            ExitCode::FAILURE
        }
    }
}
