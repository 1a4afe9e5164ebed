// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Opening a connection: resolve, TCP, TLS handshake, CONNECT.
//!
//! Result codes, as port.h asks (NCS's nct_connect() results):
//! * -ECHILD: DNS lookup failed or gave no usable address.
//! * -EOPNOTSUPP / -EINVAL: local certificate / key problem (see tls.rs).
//! * -ETIMEDOUT: every address timed out (TCP connect or TLS handshake).
//! * -ECONNREFUSED: no address accepted TCP + TLS + CONNECT, for any other
//!   reason: refused, unreachable, server certificate not trusted by the
//!   sec tag's CA or not for the host name, client certificate rejected
//!   during the handshake (TLS 1.2), connection closed. On Zephyr these come
//!   out of the TLS socket as -ECONNABORTED and nct_connect() turns every
//!   failed address into -ECONNREFUSED, so the result is the same.
//!   With TLS 1.3 a rejected client certificate is only seen after the
//!   handshake: connect succeeds and input() reports a disconnect.

use super::io::Blocking;
use super::session::{SendError, Session};
use super::ConnectParams;
use crate::errno::Errno;
use crate::log::{log, Level};
use crate::{net, tls};
use cloudwire_mqtt::{Connect, Outgoing};
use rustls::pki_types::ServerName;
use rustls::ClientConnection;
use std::io::ErrorKind;
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// Bound for the TCP connect and for the TLS handshake, per address.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
/// Bound for one blocking send; a broker that stops reading for this long
/// counts as gone.
const SEND_TIMEOUT: Duration = Duration::from_secs(30);

/// Opens the connection and sends CONNECT; the CONNACK comes later.
pub fn open(
    params: &ConnectParams<'_>,
    session_id: u64,
    payload_limit: usize,
) -> Result<Session, Errno> {
    let config = tls::client_config(params.sec_tag)?;
    let server_name = ServerName::try_from(params.host.to_owned()).map_err(|_| {
        log(
            Level::Err,
            &format!("{:?} is not a valid TLS host name", params.host),
        );
        Errno::EINVAL
    })?;
    let addrs = net::resolve(
        params.host,
        params.port,
        params.static_ipv4,
        params.ipv6_only,
    )?;

    let mut all_timed_out = true;
    for addr in &addrs {
        let attempt = ClientConnection::new(config.clone(), server_name.clone())
            .map_err(|e| {
                log(Level::Err, &format!("TLS setup failed: {e}"));
                Errno::ENOMEM
            })
            .and_then(|tls_conn| try_address(addr, tls_conn, params, session_id, payload_limit));
        match attempt {
            Ok(session) => {
                log(Level::Dbg, &format!("MQTT connected to {addr}"));
                return Ok(session);
            }
            Err(e) => all_timed_out &= e == Errno::ETIMEDOUT,
        }
    }
    Err(if all_timed_out {
        Errno::ETIMEDOUT
    } else {
        Errno::ECONNREFUSED
    })
}

fn try_address(
    addr: &SocketAddr,
    mut tls_conn: ClientConnection,
    params: &ConnectParams<'_>,
    session_id: u64,
    payload_limit: usize,
) -> Result<Session, Errno> {
    let sock = net::connect_tcp(addr, CONNECT_TIMEOUT)?;
    sock.set_read_timeout(Some(CONNECT_TIMEOUT))
        .and_then(|()| sock.set_write_timeout(Some(SEND_TIMEOUT)))
        .map_err(|e| Errno::from_io(&e))?;
    handshake(&sock, &mut tls_conn).inspect_err(|_| {
        log(Level::Wrn, &format!("TLS to {addr} failed"));
    })?;
    // From here on reads never block (RecvNow); the send timeout stays.
    sock.set_read_timeout(None)
        .map_err(|e| Errno::from_io(&e))?;

    let mut session = Session::new(
        session_id,
        sock,
        tls_conn,
        params.keepalive_s,
        payload_limit,
    );
    let connect = Outgoing::Connect(Connect {
        client_id: params.client_id,
        keep_alive_s: params.keepalive_s,
        clean_session: params.clean_session,
    });
    match session.send(&connect) {
        Ok(()) => Ok(session),
        Err(SendError::Invalid(e)) => Err(e),
        Err(SendError::Broken(e)) => {
            session.close(false);
            Err(e)
        }
    }
}

fn handshake(sock: &TcpStream, tls_conn: &mut ClientConnection) -> Result<(), Errno> {
    let mut io = Blocking(sock);
    while tls_conn.is_handshaking() {
        if let Err(e) = tls_conn.complete_io(&mut io) {
            return Err(match e.kind() {
                ErrorKind::WouldBlock | ErrorKind::TimedOut => Errno::ETIMEDOUT,
                _ => {
                    let reason = e
                        .get_ref()
                        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                        .map_or_else(|| e.to_string(), ToString::to_string);
                    log(Level::Err, &format!("TLS handshake failed: {reason}"));
                    Errno::ECONNREFUSED
                }
            });
        }
    }
    Ok(())
}
