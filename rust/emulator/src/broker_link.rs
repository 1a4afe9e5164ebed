// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 cloudwire contributors

//! The emulator's own MQTT connection to the broker (mutual TLS). It
//! subscribes to device traffic after every CONNACK, feeds what arrives to
//! the cloud, publishes the replies, and reconnects whenever the broker goes
//! away (tests restart the broker mid-session).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use rumqttc::{
    AsyncClient, ConnectionError, Event, EventLoop, MqttOptions, Packet, QoS, SubscribeFilter,
    SubscribeReasonCode, TlsConfiguration, Transport,
};

use crate::cloud::{Cloud, Outgoing};
use crate::log;
use crate::topics;

/// Where and as whom the emulator connects.
pub struct BrokerConfig {
    pub host: String,
    pub port: u16,
    pub client_id: String,
    pub ca_pem: Vec<u8>,
    pub cert_pem: Vec<u8>,
    pub key_pem: Vec<u8>,
}

/// Largest packet either way: big enough for oversize-payload tests.
const MAX_PACKET: usize = 1 << 20;
/// Requests that may wait while the broker is away.
const REQUEST_QUEUE: usize = 4096;
const RETRY_DELAY: Duration = Duration::from_millis(250);

/// Handle for publishing through the connection.
#[derive(Clone)]
pub struct Link {
    client: AsyncClient,
    connected: Arc<AtomicBool>,
}

impl Link {
    /// Connected and subscribed to device traffic.
    pub fn is_connected(&self) -> bool {
        self.connected.load(Ordering::SeqCst)
    }

    /// Queue a publish. While the broker is away it waits in the queue and
    /// goes out after the reconnect.
    pub fn publish(&self, out: &Outgoing) -> Result<(), String> {
        publish_with(&self.client, out)
    }

    pub fn publish_raw(
        &self,
        topic: &str,
        payload: Vec<u8>,
        qos: u8,
        retain: bool,
    ) -> Result<(), String> {
        self.client
            .try_publish(topic, to_qos(qos), retain, payload)
            .map_err(|e| e.to_string())
    }
}

pub fn lock(cloud: &Mutex<Cloud>) -> MutexGuard<'_, Cloud> {
    // A panic while holding the lock cannot leave the maps half-updated in
    // a way that matters here; keep serving.
    cloud
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn to_qos(qos: u8) -> QoS {
    match qos {
        0 => QoS::AtMostOnce,
        1 => QoS::AtLeastOnce,
        _ => QoS::ExactlyOnce,
    }
}

fn qos_number(qos: QoS) -> u8 {
    match qos {
        QoS::AtMostOnce => 0,
        QoS::AtLeastOnce => 1,
        QoS::ExactlyOnce => 2,
    }
}

fn publish_with(client: &AsyncClient, out: &Outgoing) -> Result<(), String> {
    client
        .try_publish(
            out.topic.clone(),
            to_qos(out.qos),
            false,
            out.payload.clone(),
        )
        .map_err(|e| {
            log!("cannot queue publish to {}: {e}", out.topic);
            e.to_string()
        })
}

/// Start the connection task. Must be called inside a tokio runtime.
pub fn start(config: &BrokerConfig, cloud: Arc<Mutex<Cloud>>) -> Link {
    let mut options = MqttOptions::new(&config.client_id, &config.host, config.port);
    options
        .set_keep_alive(Duration::from_secs(30))
        .set_clean_session(true)
        .set_max_packet_size(MAX_PACKET, MAX_PACKET)
        .set_transport(Transport::tls_with_config(TlsConfiguration::Simple {
            ca: config.ca_pem.clone(),
            alpn: None,
            client_auth: Some((config.cert_pem.clone(), config.key_pem.clone())),
        }));
    let (client, eventloop) = AsyncClient::new(options, REQUEST_QUEUE);
    let connected = Arc::new(AtomicBool::new(false));
    let link = Link {
        client: client.clone(),
        connected: connected.clone(),
    };
    let target = format!("{}:{}", config.host, config.port);
    tokio::spawn(run(eventloop, client, cloud, connected, target));
    link
}

async fn run(
    mut eventloop: EventLoop,
    client: AsyncClient,
    cloud: Arc<Mutex<Cloud>>,
    connected: Arc<AtomicBool>,
    target: String,
) {
    let mut last_error = String::new();
    loop {
        match eventloop.poll().await {
            Ok(Event::Incoming(Packet::ConnAck(_))) => {
                last_error.clear();
                log!("connected to broker {target}; subscribing to device topics");
                let filters = topics::SUBSCRIPTIONS
                    .iter()
                    .map(|t| SubscribeFilter::new((*t).to_string(), QoS::AtLeastOnce));
                if let Err(e) = client.try_subscribe_many(filters) {
                    log!("cannot queue subscribe: {e}");
                }
            }
            Ok(Event::Incoming(Packet::SubAck(ack))) => {
                if ack
                    .return_codes
                    .iter()
                    .any(|c| matches!(c, SubscribeReasonCode::Failure))
                {
                    log!("broker refused some subscriptions: {:?}", ack.return_codes);
                }
                // Ready only once device traffic reaches us.
                connected.store(true, Ordering::SeqCst);
            }
            Ok(Event::Incoming(Packet::Publish(p))) => {
                let replies = lock(&cloud).on_publish(
                    &p.topic,
                    &p.payload,
                    qos_number(p.qos),
                    log::unix_now(),
                );
                for reply in &replies {
                    // Errors are logged inside; nothing else to do with them.
                    let _ = publish_with(&client, reply);
                }
            }
            Ok(_) => {}
            Err(e) => {
                let why = describe(&e);
                if connected.swap(false, Ordering::SeqCst) {
                    log!("lost broker connection: {why}; reconnecting");
                } else if why != last_error {
                    log!("cannot connect to broker {target}: {why}; retrying");
                }
                last_error = why;
                tokio::time::sleep(RETRY_DELAY).await;
            }
        }
    }
}

fn describe(e: &ConnectionError) -> String {
    match e {
        ConnectionError::Io(io) => format!("I/O error: {io}"),
        other => other.to_string(),
    }
}
