// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! errno values: the port.h names mapped to Linux's numbers, and I/O errors
//! turned into them.

use crate::ffi_types::*;
use std::io;

/// A positive Linux errno value. Port functions return its negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Errno(pub i32);

impl Errno {
    pub const ENOENT: Errno = Errno(libc::ENOENT);
    pub const EIO: Errno = Errno(libc::EIO);
    pub const ECHILD: Errno = Errno(libc::ECHILD);
    pub const EAGAIN: Errno = Errno(libc::EAGAIN);
    pub const ENOMEM: Errno = Errno(libc::ENOMEM);
    pub const EINVAL: Errno = Errno(libc::EINVAL);
    pub const EEXIST: Errno = Errno(libc::EEXIST);
    pub const EBADMSG: Errno = Errno(libc::EBADMSG);
    pub const EMSGSIZE: Errno = Errno(libc::EMSGSIZE);
    pub const ENOTSUP: Errno = Errno(libc::ENOTSUP);
    pub const EOPNOTSUPP: Errno = Errno(libc::EOPNOTSUPP);
    pub const ECONNRESET: Errno = Errno(libc::ECONNRESET);
    pub const ECONNREFUSED: Errno = Errno(libc::ECONNREFUSED);
    pub const ECONNABORTED: Errno = Errno(libc::ECONNABORTED);
    pub const ENOTCONN: Errno = Errno(libc::ENOTCONN);
    pub const EISCONN: Errno = Errno(libc::EISCONN);
    pub const ETIMEDOUT: Errno = Errno(libc::ETIMEDOUT);
    pub const EALREADY: Errno = Errno(libc::EALREADY);

    /// The value a C function returns for this error.
    pub fn negative(self) -> i32 {
        -self.0
    }

    /// The errno of an I/O error; EIO when it carries none.
    pub fn from_io(err: &io::Error) -> Errno {
        if let Some(code) = err.raw_os_error() {
            return Errno(code);
        }
        match err.kind() {
            io::ErrorKind::WouldBlock => Errno::EAGAIN,
            io::ErrorKind::TimedOut => Errno::ETIMEDOUT,
            io::ErrorKind::ConnectionRefused => Errno::ECONNREFUSED,
            io::ErrorKind::ConnectionReset | io::ErrorKind::UnexpectedEof => Errno::ECONNRESET,
            io::ErrorKind::ConnectionAborted => Errno::ECONNABORTED,
            io::ErrorKind::NotConnected => Errno::ENOTCONN,
            io::ErrorKind::NotFound => Errno::ENOENT,
            io::ErrorKind::OutOfMemory => Errno::ENOMEM,
            io::ErrorKind::InvalidInput => Errno::EINVAL,
            _ => Errno::EIO,
        }
    }
}

impl From<rustix::io::Errno> for Errno {
    fn from(err: rustix::io::Errno) -> Errno {
        Errno(err.raw_os_error())
    }
}

/// Linux's value for a `enum cw_errno` name; EINVAL for a value port.h does
/// not define.
pub fn linux_errno(name: cw_errno) -> i32 {
    match name {
        CW_EPERM => libc::EPERM,
        CW_ENOENT => libc::ENOENT,
        CW_EIO => libc::EIO,
        CW_ENXIO => libc::ENXIO,
        CW_E2BIG => libc::E2BIG,
        CW_ECHILD => libc::ECHILD,
        CW_EAGAIN => libc::EAGAIN,
        CW_ENOMEM => libc::ENOMEM,
        CW_EACCES => libc::EACCES,
        CW_EFAULT => libc::EFAULT,
        CW_EBUSY => libc::EBUSY,
        CW_EINVAL => libc::EINVAL,
        CW_ENOSPC => libc::ENOSPC,
        CW_EPIPE => libc::EPIPE,
        CW_ENOMSG => libc::ENOMSG,
        CW_ENODATA => libc::ENODATA,
        CW_ETIME => libc::ETIME,
        CW_EPROTO => libc::EPROTO,
        CW_EBADMSG => libc::EBADMSG,
        CW_EMSGSIZE => libc::EMSGSIZE,
        CW_ENOEXEC => libc::ENOEXEC,
        CW_ENOTSUP => libc::ENOTSUP,
        CW_EOPNOTSUPP => libc::EOPNOTSUPP,
        CW_ECONNRESET => libc::ECONNRESET,
        CW_ECONNREFUSED => libc::ECONNREFUSED,
        CW_ECONNABORTED => libc::ECONNABORTED,
        CW_ENOTCONN => libc::ENOTCONN,
        CW_EISCONN => libc::EISCONN,
        CW_ETIMEDOUT => libc::ETIMEDOUT,
        CW_EINPROGRESS => libc::EINPROGRESS,
        CW_EALREADY => libc::EALREADY,
        CW_EHOSTUNREACH => libc::EHOSTUNREACH,
        CW_ENOPROTOOPT => libc::ENOPROTOOPT,
        CW_ESRCH => libc::ESRCH,
        CW_ENODEV => libc::ENODEV,
        _ => libc::EINVAL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linux_values() {
        // Numbers from Linux's asm-generic/errno*.h, written out so a wrong
        // constant in the table cannot hide behind libc.
        let expected: [(cw_errno, i32); 35] = [
            (CW_EPERM, 1),
            (CW_ENOENT, 2),
            (CW_EIO, 5),
            (CW_ENXIO, 6),
            (CW_E2BIG, 7),
            (CW_ECHILD, 10),
            (CW_EAGAIN, 11),
            (CW_ENOMEM, 12),
            (CW_EACCES, 13),
            (CW_EFAULT, 14),
            (CW_EBUSY, 16),
            (CW_EINVAL, 22),
            (CW_ENOSPC, 28),
            (CW_EPIPE, 32),
            (CW_ENOMSG, 42),
            (CW_ENODATA, 61),
            (CW_ETIME, 62),
            (CW_EPROTO, 71),
            (CW_EBADMSG, 74),
            (CW_EMSGSIZE, 90),
            (CW_ENOEXEC, 8),
            (CW_ENOTSUP, 95),
            (CW_EOPNOTSUPP, 95),
            (CW_ECONNRESET, 104),
            (CW_ECONNREFUSED, 111),
            (CW_ECONNABORTED, 103),
            (CW_ENOTCONN, 107),
            (CW_EISCONN, 106),
            (CW_ETIMEDOUT, 110),
            (CW_EINPROGRESS, 115),
            (CW_EALREADY, 114),
            (CW_EHOSTUNREACH, 113),
            (CW_ENOPROTOOPT, 92),
            (CW_ESRCH, 3),
            (CW_ENODEV, 19),
        ];
        for (name, value) in expected {
            assert_eq!(linux_errno(name), value, "cw_errno {name}");
        }
        assert_eq!(linux_errno(0), libc::EINVAL);
        assert_eq!(linux_errno(CW_ERRNO_COUNT), libc::EINVAL);
    }

    #[test]
    fn io_errors() {
        let refused = io::Error::from_raw_os_error(libc::ECONNREFUSED);
        assert_eq!(Errno::from_io(&refused), Errno::ECONNREFUSED);
        let eof = io::Error::from(io::ErrorKind::UnexpectedEof);
        assert_eq!(Errno::from_io(&eof), Errno::ECONNRESET);
        assert_eq!(Errno::ENOTCONN.negative(), -107);
    }
}
