// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The MQTT client behind the cw_port_mqtt_* functions, one per connection
//! slot. Calls back through [`Events`] and never holds its lock while doing
//! so, because the callbacks publish, subscribe or disconnect from inside.
//!
//! Threads: every method may be called from any thread. input() delivers
//! packets in order as long as one thread at a time calls it (the poll
//! thread); connect() blocks its caller only, not the other methods.
//!
//! Disconnect results: 0 after disconnect(), -ECONNABORTED after abort() or
//! a TLS error, -ECONNRESET when the broker closes, -ECONNREFUSED after a
//! refusing CONNACK, -EBADMSG for a malformed packet, the send's errno when
//! a send fails.

mod connect;
mod io;
mod session;

use crate::errno::Errno;
use crate::log::{log, Level};
use crate::sync::lock;
use cloudwire_mqtt::{Outgoing, Publish, QoS, Subscription};
use rustix::event::{PollFd, PollFlags, Timespec};
use session::{Event, SendError, Session};
use std::os::fd::AsRawFd;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use crate::ffi_types::{CW_POLL_ERR, CW_POLL_HUP, CW_POLL_IN, CW_POLL_NVAL};

/// The callbacks of one client: the cw_mqtt_on_* functions of rust/capi, or
/// a test's recorder.
pub trait Events: Send + Sync {
    fn connack(&self, conn: u8, return_code: i32, session_present: bool);
    fn disconnect(&self, conn: u8, result: i32);
    fn publish(&self, conn: u8, topic: &[u8], payload: &[u8], qos: u8, msg_id: u16);
    fn publish_too_large(&self, conn: u8, topic: &[u8], payload_len: usize);
    fn puback(&self, conn: u8, msg_id: u16, result: i32);
    fn suback(&self, conn: u8, msg_id: u16, result: i32);
    fn pingresp(&self, conn: u8);
}

/// What cw_mqtt_conn_params carries, as Rust values.
#[derive(Clone, Copy, Debug)]
pub struct ConnectParams<'a> {
    pub host: &'a str,
    pub static_ipv4: Option<&'a str>,
    pub client_id: &'a [u8],
    pub sec_tag: i32,
    pub port: u16,
    pub keepalive_s: u16,
    pub clean_session: bool,
    pub ipv6_only: bool,
}

/// Most packets one input() call handles, so a broker that keeps sending
/// cannot hold the caller forever; wait() reports what is left at once.
const MAX_PACKETS_PER_INPUT: usize = 64;

#[derive(Default)]
struct State {
    session: Option<Session>,
    connecting: bool,
    sessions_opened: u64,
}

pub struct MqttClient {
    conn: u8,
    events: Arc<dyn Events>,
    payload_limit: usize,
    state: Mutex<State>,
}

impl MqttClient {
    /// A client for slot `conn` that reports to `events` and accepts
    /// incoming payloads of up to `payload_limit` bytes.
    pub fn new(conn: u8, events: Arc<dyn Events>, payload_limit: usize) -> MqttClient {
        MqttClient {
            conn,
            events,
            payload_limit,
            state: Mutex::new(State::default()),
        }
    }

    /// Resolves, connects TCP + TLS and sends CONNECT. Blocks for up to the
    /// connect timeout per address; the client's lock is not held meanwhile.
    pub fn connect(&self, params: &ConnectParams<'_>) -> Result<(), Errno> {
        let session_id = {
            let mut st = lock(&self.state);
            if st.session.is_some() {
                return Err(Errno::EISCONN);
            }
            if st.connecting {
                return Err(Errno::EALREADY);
            }
            st.connecting = true;
            st.sessions_opened += 1;
            st.sessions_opened
        };
        let opened = connect::open(params, session_id, self.payload_limit);
        let mut st = lock(&self.state);
        st.connecting = false;
        st.session = Some(opened?);
        Ok(())
    }

    /// Sends DISCONNECT and closes; the DISCONNECT callback (0, or the send
    /// error) comes before this returns.
    pub fn disconnect(&self) -> Result<(), Errno> {
        let mut session = lock(&self.state).session.take().ok_or(Errno::ENOTCONN)?;
        let sent = session.send(&Outgoing::Disconnect);
        session.close(sent.is_ok());
        let result = match sent {
            Ok(()) => Ok(()),
            Err(SendError::Invalid(e) | SendError::Broken(e)) => Err(e),
        };
        self.events
            .disconnect(self.conn, result.err().map_or(0, Errno::negative));
        result
    }

    /// Closes without DISCONNECT; the callback gets -ECONNABORTED. Nothing
    /// happens without a connection.
    pub fn abort(&self) -> Result<(), Errno> {
        let Some(mut session) = lock(&self.state).session.take() else {
            return Ok(());
        };
        session.close(false);
        self.events
            .disconnect(self.conn, Errno::ECONNABORTED.negative());
        Ok(())
    }

    /// QoS 0 or 1 (QoS 2 needs a PUBREC/PUBREL flow the port does not
    /// offer: -EINVAL).
    pub fn publish(&self, topic: &[u8], payload: &[u8], qos: u8, msg_id: u16) -> Result<(), Errno> {
        let qos = match QoS::from_bits(qos) {
            Some(q @ (QoS::AtMostOnce | QoS::AtLeastOnce)) => q,
            _ => return Err(Errno::EINVAL),
        };
        let packet = Outgoing::Publish(Publish {
            topic,
            payload,
            qos,
            packet_id: if qos == QoS::AtMostOnce { 0 } else { msg_id },
            dup: false,
            retain: false,
        });
        self.send_connected(&packet)
    }

    /// One SUBSCRIBE with every filter.
    pub fn subscribe(&self, topics: &[(&[u8], u8)], msg_id: u16) -> Result<(), Errno> {
        let subs = topics
            .iter()
            .map(|&(filter, qos)| {
                QoS::from_bits(qos)
                    .map(|qos| Subscription { filter, qos })
                    .ok_or(Errno::EINVAL)
            })
            .collect::<Result<Vec<_>, _>>()?;
        self.send_connected(&Outgoing::Subscribe {
            packet_id: msg_id,
            topics: &subs,
        })
    }

    /// PINGREQ now.
    pub fn ping(&self) -> Result<(), Errno> {
        self.send_connected(&Outgoing::Pingreq)
    }

    /// PINGREQ when the keepalive time has passed since the last send
    /// (Zephyr's mqtt_live()); -EAGAIN when it is not yet time or keepalive
    /// is off.
    pub fn live(&self) -> Result<(), Errno> {
        {
            let st = lock(&self.state);
            let session = st.session.as_ref().ok_or(Errno::ENOTCONN)?;
            if session.keepalive_left_ms() != Some(0) {
                return Err(Errno::EAGAIN);
            }
        }
        self.ping()
    }

    pub fn keepalive_set(&self, keepalive_s: u16) -> Result<(), Errno> {
        let mut st = lock(&self.state);
        let session = st.session.as_mut().ok_or(Errno::ENOTCONN)?;
        session.keepalive_s = keepalive_s;
        Ok(())
    }

    /// Milliseconds until a PINGREQ is due; -1 without a connection or
    /// keepalive (as Zephyr's mqtt_keepalive_time_left()).
    pub fn keepalive_time_left(&self) -> i32 {
        lock(&self.state)
            .session
            .as_ref()
            .and_then(Session::keepalive_left_ms)
            .map_or(-1, |ms| i32::try_from(ms).unwrap_or(i32::MAX))
    }

    /// The socket descriptor, or -1.
    pub fn socket(&self) -> i32 {
        lock(&self.state)
            .session
            .as_ref()
            .map_or(-1, |s| s.sock.as_raw_fd())
    }

    /// Waits until input() has something to do: CW_POLL_* bits, 0 on
    /// timeout (`None` waits forever). Data rustls already decrypted counts
    /// as CW_POLL_IN at once, since poll(2) cannot see it.
    pub fn wait(&self, timeout: Option<Duration>) -> Result<i32, Errno> {
        let sock = {
            let mut st = lock(&self.state);
            let session = st.session.as_mut().ok_or(Errno::ENOTCONN)?;
            if session.input_pending() {
                return Ok(CW_POLL_IN);
            }
            Arc::clone(&session.sock)
        };
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            let mut fds = [PollFd::new(&*sock, PollFlags::IN)];
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            let timespec = left.map(|d| Timespec {
                tv_sec: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
                tv_nsec: i64::from(d.subsec_nanos()),
            });
            match rustix::event::poll(&mut fds, timespec.as_ref()) {
                Ok(0) => return Ok(0),
                Ok(_) => {
                    let revents = fds.first().map_or(PollFlags::empty(), PollFd::revents);
                    return Ok(poll_bits(revents));
                }
                Err(rustix::io::Errno::INTR) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Reads what has arrived and calls the callbacks, one packet at a time
    /// with the lock released. A broken or refused connection is reported
    /// with the DISCONNECT callback and returned as the error.
    pub fn input(&self) -> Result<(), Errno> {
        let id = lock(&self.state)
            .session
            .as_ref()
            .map(|s| s.id)
            .ok_or(Errno::ENOTCONN)?;
        for _ in 0..MAX_PACKETS_PER_INPUT {
            let next = {
                let mut st = lock(&self.state);
                match st.session.as_mut() {
                    Some(s) if s.id == id => s.next_event(),
                    // Closed by a callback: nothing more to read.
                    _ => return Ok(()),
                }
            };
            match next {
                Ok(None) => return Ok(()),
                Ok(Some(event)) => self.deliver(id, event)?,
                Err(e) => {
                    self.drop_session(id, e);
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    fn deliver(&self, id: u64, event: Event) -> Result<(), Errno> {
        let conn = self.conn;
        match event {
            Event::Connack {
                return_code,
                session_present,
            } => {
                self.events
                    .connack(conn, i32::from(return_code), session_present);
                if return_code != 0 {
                    // As Zephyr: a refused CONNACK closes the connection.
                    self.drop_session(id, Errno::ECONNREFUSED);
                    return Err(Errno::ECONNREFUSED);
                }
            }
            Event::Publish {
                topic,
                payload,
                qos,
                packet_id,
            } => {
                self.events
                    .publish(conn, &topic, &payload, qos.bits(), packet_id);
                match qos {
                    QoS::AtMostOnce => {}
                    QoS::AtLeastOnce => self.reply(id, &Outgoing::Puback(packet_id))?,
                    QoS::ExactlyOnce => self.reply(id, &Outgoing::Pubrec(packet_id))?,
                }
            }
            Event::PublishTooLarge { topic, payload_len } => {
                self.events.publish_too_large(conn, &topic, payload_len);
            }
            Event::Puback(msg_id) => self.events.puback(conn, msg_id, 0),
            Event::Suback { packet_id, result } => self.events.suback(conn, packet_id, result),
            Event::Pingresp => self.events.pingresp(conn),
            Event::Pubrel(packet_id) => self.reply(id, &Outgoing::Pubcomp(packet_id))?,
            Event::Nothing => {}
        }
        Ok(())
    }

    /// Sends an acknowledgement on session `id`, if it is still open.
    fn reply(&self, id: u64, packet: &Outgoing<'_>) -> Result<(), Errno> {
        let sent = {
            let mut st = lock(&self.state);
            match st.session.as_mut() {
                Some(s) if s.id == id => s.send(packet),
                _ => return Ok(()),
            }
        };
        match sent {
            Ok(()) => Ok(()),
            Err(SendError::Invalid(e)) => Err(e),
            Err(SendError::Broken(e)) => {
                self.drop_session(id, e);
                Err(e)
            }
        }
    }

    /// Sends on a connection whose CONNACK was accepted; a send that breaks
    /// the connection closes it and reports the disconnect (as Zephyr's
    /// client_write() does).
    fn send_connected(&self, packet: &Outgoing<'_>) -> Result<(), Errno> {
        let (id, sent) = {
            let mut st = lock(&self.state);
            let session = st
                .session
                .as_mut()
                .filter(|s| s.connected)
                .ok_or(Errno::ENOTCONN)?;
            (session.id, session.send(packet))
        };
        match sent {
            Ok(()) => Ok(()),
            Err(SendError::Invalid(e)) => Err(e),
            Err(SendError::Broken(e)) => {
                log(Level::Err, &format!("MQTT send failed: errno {}", e.0));
                self.drop_session(id, e);
                Err(e)
            }
        }
    }

    /// Closes session `id` (if still open) and reports -`err`, once.
    fn drop_session(&self, id: u64, err: Errno) {
        let taken = {
            let mut st = lock(&self.state);
            match st.session.as_ref() {
                Some(s) if s.id == id => st.session.take(),
                _ => None,
            }
        };
        if let Some(mut session) = taken {
            session.close(false);
            self.events.disconnect(self.conn, err.negative());
        }
    }
}

fn poll_bits(revents: PollFlags) -> i32 {
    [
        (PollFlags::IN, CW_POLL_IN),
        (PollFlags::ERR, CW_POLL_ERR),
        (PollFlags::HUP, CW_POLL_HUP),
        (PollFlags::NVAL, CW_POLL_NVAL),
    ]
    .iter()
    .filter(|(flag, _)| revents.contains(*flag))
    .fold(0, |bits, (_, bit)| bits | bit)
}
