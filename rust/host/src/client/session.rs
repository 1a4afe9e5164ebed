// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! One open MQTT connection: the TLS stream, the bytes received but not yet
//! decoded, and keepalive bookkeeping. Owned by the client's mutex; nothing
//! here calls back into the libraries.

use super::io::{Blocking, RecvNow};
use crate::errno::Errno;
use crate::log::{log, Level};
use cloudwire_mqtt::{
    decode_fixed_header, decode_packet, decode_publish_header, suback, EncodeError, Incoming,
    Outgoing, PacketType, QoS, Status,
};
use rustls::ClientConnection;
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::Arc;
use std::time::Instant;

/// Largest non-PUBLISH packet accepted (only SUBACK can grow; one return
/// code per filter).
const MAX_CONTROL_PACKET: usize = 65_536;

/// What a received packet asks the client to do, owned so the client can
/// act on it after releasing its lock.
#[derive(Debug, PartialEq, Eq)]
pub enum Event {
    Connack {
        return_code: u8,
        session_present: bool,
    },
    Publish {
        topic: Vec<u8>,
        payload: Vec<u8>,
        qos: QoS,
        packet_id: u16,
    },
    PublishTooLarge {
        topic: Vec<u8>,
        payload_len: usize,
    },
    Puback(u16),
    /// `result` 0 when every filter was granted, else 0x80.
    Suback {
        packet_id: u16,
        result: i32,
    },
    Pingresp,
    /// QoS 2 release from the broker: answer with PUBCOMP.
    Pubrel(u16),
    /// Valid, but nothing to do (UNSUBACK, PUBREC/PUBCOMP we never asked for).
    Nothing,
}

/// Why sending failed: the packet was invalid (the connection is fine) or
/// the connection broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendError {
    Invalid(Errno),
    Broken(Errno),
}

/// A PUBLISH being skipped because its payload exceeds the limit.
struct Drain {
    topic: Vec<u8>,
    payload_len: usize,
    left: usize,
}

pub struct Session {
    pub id: u64,
    pub sock: Arc<TcpStream>,
    tls: ClientConnection,
    rx: Vec<u8>,
    drain: Option<Drain>,
    payload_limit: usize,
    pub keepalive_s: u16,
    last_send: Instant,
    /// CONNACK accepted: publishing and subscribing are allowed.
    pub connected: bool,
}

impl Session {
    pub fn new(
        id: u64,
        sock: TcpStream,
        tls: ClientConnection,
        keepalive_s: u16,
        payload_limit: usize,
    ) -> Session {
        Session {
            id,
            sock: Arc::new(sock),
            tls,
            rx: Vec::new(),
            drain: None,
            payload_limit,
            keepalive_s,
            last_send: Instant::now(),
            connected: false,
        }
    }

    /// Encodes and sends one packet; blocks until the socket took it.
    pub fn send(&mut self, packet: &Outgoing<'_>) -> Result<(), SendError> {
        let len = packet.encoded_len().map_err(encode_errno)?;
        let mut bytes = vec![0u8; len];
        packet.encode(&mut bytes).map_err(encode_errno)?;
        self.tls
            .writer()
            .write_all(&bytes)
            .map_err(|e| SendError::Broken(Errno::from_io(&e)))?;
        self.flush().map_err(SendError::Broken)?;
        self.last_send = Instant::now();
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Errno> {
        while self.tls.wants_write() {
            match self.tls.write_tls(&mut Blocking(&self.sock)) {
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(Errno::from_io(&e)),
            }
        }
        Ok(())
    }

    /// Ends the connection; `graceful` first sends TLS close_notify.
    pub fn close(&mut self, graceful: bool) {
        if graceful {
            self.tls.send_close_notify();
            let _ = self.flush();
        }
        let _ = self.sock.shutdown(Shutdown::Both);
    }

    /// Milliseconds since the last packet was sent.
    pub fn idle_ms(&self) -> u64 {
        u64::try_from(self.last_send.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// Milliseconds until a PINGREQ is due; None without keepalive.
    pub fn keepalive_left_ms(&self) -> Option<u64> {
        if self.keepalive_s == 0 {
            return None;
        }
        Some((u64::from(self.keepalive_s) * 1000).saturating_sub(self.idle_ms()))
    }

    /// True when input() can make progress without new bytes on the socket
    /// (rustls or our buffer already holds them).
    pub fn input_pending(&mut self) -> bool {
        let plaintext = match self.tls.process_new_packets() {
            Ok(state) => state.plaintext_bytes_to_read() > 0 || state.peer_has_closed(),
            Err(_) => true,
        };
        plaintext || self.can_progress()
    }

    fn can_progress(&self) -> bool {
        if self.drain.is_some() {
            return !self.rx.is_empty();
        }
        match decode_fixed_header(&self.rx) {
            Err(_) => true,
            Ok(Status::Partial(_)) => false,
            Ok(Status::Complete(h)) => {
                self.rx.len() >= h.packet_len()
                    || (h.kind == PacketType::Publish
                        && match decode_publish_header(&h, &self.rx) {
                            Err(_) => true,
                            Ok(Status::Partial(_)) => false,
                            Ok(Status::Complete(p)) => p.payload_len > self.payload_limit,
                        })
            }
        }
    }

    /// The next received packet, reading the socket without blocking.
    /// Ok(None) when no whole packet is there yet. Err when the connection
    /// is unusable (the client then reports the disconnect).
    pub fn next_event(&mut self) -> Result<Option<Event>, Errno> {
        loop {
            if let Some(event) = self.take_buffered()? {
                return Ok(Some(event));
            }
            if !self.fill()? {
                return Ok(None);
            }
        }
    }

    /// Decodes from what is already buffered.
    fn take_buffered(&mut self) -> Result<Option<Event>, Errno> {
        if let Some(drain) = &mut self.drain {
            let skip = drain.left.min(self.rx.len());
            self.rx.drain(..skip);
            drain.left -= skip;
            if drain.left > 0 {
                return Ok(None);
            }
            return Ok(self.drain.take().map(|d| Event::PublishTooLarge {
                topic: d.topic,
                payload_len: d.payload_len,
            }));
        }
        let header = match decode_fixed_header(&self.rx).map_err(malformed)? {
            Status::Complete(h) => h,
            Status::Partial(_) => return Ok(None),
        };
        if header.kind == PacketType::Publish {
            if let Status::Complete(p) =
                decode_publish_header(&header, &self.rx).map_err(malformed)?
            {
                if p.payload_len > self.payload_limit {
                    log(
                        Level::Wrn,
                        &format!(
                            "incoming PUBLISH payload of {} bytes exceeds the {}-byte buffer; dropped",
                            p.payload_len, self.payload_limit
                        ),
                    );
                    self.drain = Some(Drain {
                        topic: p.topic.to_vec(),
                        payload_len: p.payload_len,
                        left: p.payload_len,
                    });
                    self.rx.drain(..p.payload_offset);
                    return self.take_buffered();
                }
            }
        } else if header.packet_len() > MAX_CONTROL_PACKET {
            return Err(Errno::EBADMSG);
        }
        let (event, used) = match decode_packet(&self.rx).map_err(malformed)? {
            Status::Complete((packet, used)) => (event_for(packet), used),
            Status::Partial(_) => return Ok(None),
        };
        self.rx.drain(..used);
        if let Event::Connack { return_code, .. } = event {
            // Before the callback: it may publish at once.
            self.connected = return_code == 0;
        }
        Ok(Some(event))
    }
    /// Moves newly arrived plaintext into `rx`. Ok(false) when nothing more
    /// has arrived. A closed or failed connection is an error.
    fn fill(&mut self) -> Result<bool, Errno> {
        let mut chunk = [0u8; 4096];
        let mut socket_closed = false;
        loop {
            // Records read earlier (or by wait()) are decrypted first, so a
            // TLS error is never left unreported.
            if let Err(e) = self.tls.process_new_packets() {
                log(Level::Err, &format!("TLS error: {e}"));
                // Tell the peer why, if rustls queued an alert.
                let _ = self.flush();
                return Err(Errno::ECONNABORTED);
            }
            // e.g. the answer to a TLS 1.3 KeyUpdate.
            self.flush()?;
            match self.tls.reader().read(&mut chunk) {
                Ok(0) => {
                    log(Level::Inf, "MQTT broker closed the connection");
                    return Err(Errno::ECONNRESET);
                }
                Ok(n) => {
                    self.rx
                        .extend_from_slice(chunk.get(..n).unwrap_or_default());
                    return Ok(true);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                Err(e) if e.kind() == ErrorKind::UnexpectedEof => {
                    log(Level::Inf, "MQTT connection closed by peer");
                    return Err(Errno::ECONNRESET);
                }
                Err(e) => return Err(Errno::from_io(&e)),
            }
            if socket_closed {
                // rustls saw the end of the stream yet reports no EOF.
                return Err(Errno::ECONNRESET);
            }
            match self.tls.read_tls(&mut RecvNow(&self.sock)) {
                Ok(0) => socket_closed = true,
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Ok(false),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => {
                    log(Level::Inf, &format!("MQTT socket read failed: {e}"));
                    return Err(Errno::from_io(&e));
                }
            }
        }
    }
}

fn encode_errno(err: EncodeError) -> SendError {
    SendError::Invalid(match err {
        EncodeError::PacketTooLarge | EncodeError::StringTooLong => Errno::EMSGSIZE,
        _ => Errno::EINVAL,
    })
}

fn malformed(err: cloudwire_mqtt::DecodeError) -> Errno {
    log(
        Level::Err,
        &format!("malformed MQTT packet from broker: {err}"),
    );
    Errno::EBADMSG
}

fn event_for(packet: Incoming<'_>) -> Event {
    match packet {
        Incoming::Connack {
            session_present,
            return_code,
        } => Event::Connack {
            return_code,
            session_present,
        },
        Incoming::Publish(p) => Event::Publish {
            topic: p.topic.to_vec(),
            payload: p.payload.to_vec(),
            qos: p.qos,
            packet_id: p.packet_id,
        },
        Incoming::Puback(id) => Event::Puback(id),
        Incoming::Suback {
            packet_id,
            return_codes,
        } => Event::Suback {
            packet_id,
            result: if return_codes.contains(&suback::FAILURE) {
                i32::from(suback::FAILURE)
            } else {
                0
            },
        },
        Incoming::Pingresp => Event::Pingresp,
        Incoming::Pubrel(id) => Event::Pubrel(id),
        Incoming::Unsuback(_) | Incoming::Pubrec(_) | Incoming::Pubcomp(_) => Event::Nothing,
    }
}
