// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Name resolution and TCP connection, in NCS's order: IPv6 addresses
//! first, then IPv4 unless IPv6-only; every address in turn.

use crate::errno::Errno;
use crate::log::{log, Level};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream, ToSocketAddrs};
use std::time::Duration;

/// The addresses to try. A static IPv4 address skips DNS. DNS failure or no
/// usable address gives -ECHILD ("no network" for nrf_cloud_connect).
pub fn resolve(
    host: &str,
    port: u16,
    static_ipv4: Option<&str>,
    ipv6_only: bool,
) -> Result<Vec<SocketAddr>, Errno> {
    if let Some(addr) = static_ipv4 {
        let ip: Ipv4Addr = addr.trim().parse().map_err(|_| {
            log(
                Level::Err,
                &format!("static IPv4 address {addr:?} is not valid"),
            );
            Errno::ECHILD
        })?;
        return Ok(vec![SocketAddr::new(IpAddr::V4(ip), port)]);
    }
    let found: Vec<SocketAddr> = match (host, port).to_socket_addrs() {
        Ok(addrs) => addrs.collect(),
        Err(e) => {
            log(Level::Err, &format!("DNS lookup of {host} failed: {e}"));
            return Err(Errno::ECHILD);
        }
    };
    let ordered = order_addresses(found, ipv6_only);
    if ordered.is_empty() {
        log(Level::Err, &format!("{host} has no usable address"));
        return Err(Errno::ECHILD);
    }
    Ok(ordered)
}

/// IPv6 before IPv4 (dropped when IPv6-only), each in resolver order,
/// without duplicates.
pub fn order_addresses(addrs: Vec<SocketAddr>, ipv6_only: bool) -> Vec<SocketAddr> {
    let mut ordered: Vec<SocketAddr> = Vec::with_capacity(addrs.len());
    let v6 = addrs.iter().filter(|a| a.is_ipv6());
    let v4 = addrs.iter().filter(|a| a.is_ipv4() && !ipv6_only);
    for addr in v6.chain(v4) {
        if !ordered.contains(addr) {
            ordered.push(*addr);
        }
    }
    ordered
}

/// Opens TCP to one address.
pub fn connect_tcp(addr: &SocketAddr, timeout: Duration) -> Result<TcpStream, Errno> {
    let stream = TcpStream::connect_timeout(addr, timeout).map_err(|e| {
        log(Level::Wrn, &format!("TCP connect to {addr} failed: {e}"));
        Errno::from_io(&e)
    })?;
    // MQTT packets are small and each is sent whole: no Nagle delay.
    let _ = stream.set_nodelay(true);
    Ok(stream)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(text: &str) -> SocketAddr {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn ipv6_first_then_ipv4() {
        let input = vec![
            addr("127.0.0.1:1"),
            addr("[::1]:1"),
            addr("10.0.0.1:1"),
            addr("[fe80::1]:1"),
            addr("127.0.0.1:1"),
        ];
        assert_eq!(
            order_addresses(input.clone(), false),
            vec![
                addr("[::1]:1"),
                addr("[fe80::1]:1"),
                addr("127.0.0.1:1"),
                addr("10.0.0.1:1")
            ]
        );
        assert_eq!(
            order_addresses(input, true),
            vec![addr("[::1]:1"), addr("[fe80::1]:1")]
        );
    }

    #[test]
    fn static_ipv4_skips_dns() {
        assert_eq!(
            resolve("no.such.host.invalid", 8883, Some("192.0.2.7"), false),
            Ok(vec![addr("192.0.2.7:8883")])
        );
        assert_eq!(
            resolve("localhost", 1, Some("not-an-ip"), false),
            Err(Errno::ECHILD)
        );
    }

    #[test]
    fn dns_failure_is_echild() {
        assert_eq!(
            resolve("no.such.host.invalid", 8883, None, false),
            Err(Errno::ECHILD)
        );
        assert_eq!(resolve("127.0.0.1", 8883, None, true), Err(Errno::ECHILD));
    }
}
