// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Socket adapters for rustls: reads that never block, and writes that
//! never raise SIGPIPE (a C program linking the port has not ignored it).

use rustix::net::{RecvFlags, SendFlags};
use std::io::{self, Read, Write};
use std::net::TcpStream;

fn io_error(err: rustix::io::Errno) -> io::Error {
    io::Error::from_raw_os_error(err.raw_os_error())
}

/// Reads only what has already arrived: WouldBlock otherwise.
pub struct RecvNow<'a>(pub &'a TcpStream);

impl Read for RecvNow<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match rustix::net::recv(self.0, &mut *buf, RecvFlags::DONTWAIT) {
                Ok((n, _)) => return Ok(n),
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(io_error(e)),
            }
        }
    }
}

/// Blocking reads (bounded by the socket's receive timeout) and blocking
/// writes (bounded by its send timeout) with MSG_NOSIGNAL.
pub struct Blocking<'a>(pub &'a TcpStream);

impl Read for Blocking<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut stream = self.0;
        stream.read(buf)
    }
}

impl Write for Blocking<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        loop {
            match rustix::net::send(self.0, buf, SendFlags::NOSIGNAL) {
                Ok(n) => return Ok(n),
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(io_error(e)),
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
