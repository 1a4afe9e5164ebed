/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file errno_table.h
 * @brief Designated initialisers mapping enum cw_errno to the platform's
 *        errno values, for every port's cw_port_errno().
 *
 * Include after <errno.h> and <cloudwire/port.h>:
 * @code
 * static const int values[CW_ERRNO_COUNT] = { CW_ERRNO_TABLE };
 * @endcode
 */

#ifndef CLOUDWIRE_ERRNO_TABLE_H_
#define CLOUDWIRE_ERRNO_TABLE_H_

#define CW_ERRNO_TABLE \
	[CW_EPERM] = EPERM, \
	[CW_ENOENT] = ENOENT, \
	[CW_EIO] = EIO, \
	[CW_ENXIO] = ENXIO, \
	[CW_E2BIG] = E2BIG, \
	[CW_ECHILD] = ECHILD, \
	[CW_EAGAIN] = EAGAIN, \
	[CW_ENOMEM] = ENOMEM, \
	[CW_EACCES] = EACCES, \
	[CW_EFAULT] = EFAULT, \
	[CW_EBUSY] = EBUSY, \
	[CW_EINVAL] = EINVAL, \
	[CW_ENOSPC] = ENOSPC, \
	[CW_EPIPE] = EPIPE, \
	[CW_ENOMSG] = ENOMSG, \
	[CW_ENODATA] = ENODATA, \
	[CW_ETIME] = ETIME, \
	[CW_EPROTO] = EPROTO, \
	[CW_EBADMSG] = EBADMSG, \
	[CW_EMSGSIZE] = EMSGSIZE, \
	[CW_ENOEXEC] = ENOEXEC, \
	[CW_ENOTSUP] = ENOTSUP, \
	[CW_EOPNOTSUPP] = EOPNOTSUPP, \
	[CW_ECONNRESET] = ECONNRESET, \
	[CW_ECONNREFUSED] = ECONNREFUSED, \
	[CW_ECONNABORTED] = ECONNABORTED, \
	[CW_ENOTCONN] = ENOTCONN, \
	[CW_EISCONN] = EISCONN, \
	[CW_ETIMEDOUT] = ETIMEDOUT, \
	[CW_EINPROGRESS] = EINPROGRESS, \
	[CW_EALREADY] = EALREADY, \
	[CW_EHOSTUNREACH] = EHOSTUNREACH, \
	[CW_ENOPROTOOPT] = ENOPROTOOPT, \
	[CW_ESRCH] = ESRCH, \
	[CW_ENODEV] = ENODEV,

#endif /* CLOUDWIRE_ERRNO_TABLE_H_ */
