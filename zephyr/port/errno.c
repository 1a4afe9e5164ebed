/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * errno values for the Rust side, which never hard-codes them. Returns the
 * positive errno number (the library negates it where the API returns
 * -errno).
 */

#include <errno.h>
#include <zephyr/kernel.h>
#include <cloudwire/port.h>

static const int errno_values[CW_ERRNO_COUNT] = {
	[CW_EPERM] = EPERM,
	[CW_ENOENT] = ENOENT,
	[CW_EIO] = EIO,
	[CW_ENXIO] = ENXIO,
	[CW_E2BIG] = E2BIG,
	[CW_ECHILD] = ECHILD,
	[CW_EAGAIN] = EAGAIN,
	[CW_ENOMEM] = ENOMEM,
	[CW_EACCES] = EACCES,
	[CW_EFAULT] = EFAULT,
	[CW_EBUSY] = EBUSY,
	[CW_EINVAL] = EINVAL,
	[CW_ENOSPC] = ENOSPC,
	[CW_EPIPE] = EPIPE,
	[CW_ENOMSG] = ENOMSG,
	[CW_ENODATA] = ENODATA,
	[CW_ETIME] = ETIME,
	[CW_EPROTO] = EPROTO,
	[CW_EBADMSG] = EBADMSG,
	[CW_EMSGSIZE] = EMSGSIZE,
	[CW_ENOEXEC] = ENOEXEC,
	[CW_ENOTSUP] = ENOTSUP,
	[CW_EOPNOTSUPP] = EOPNOTSUPP,
	[CW_ECONNRESET] = ECONNRESET,
	[CW_ECONNREFUSED] = ECONNREFUSED,
	[CW_ECONNABORTED] = ECONNABORTED,
	[CW_ENOTCONN] = ENOTCONN,
	[CW_EISCONN] = EISCONN,
	[CW_ETIMEDOUT] = ETIMEDOUT,
	[CW_EINPROGRESS] = EINPROGRESS,
	[CW_EALREADY] = EALREADY,
	[CW_EHOSTUNREACH] = EHOSTUNREACH,
	[CW_ENOPROTOOPT] = ENOPROTOOPT,
	[CW_ESRCH] = ESRCH,
	[CW_ENODEV] = ENODEV,
};

int cw_port_errno(enum cw_errno e)
{
	/* Every name has a value: a missing row would be 0, i.e. "success". */
	if ((int)e <= 0 || (int)e >= CW_ERRNO_COUNT || errno_values[e] == 0) {
		return EINVAL;
	}
	return errno_values[e];
}
