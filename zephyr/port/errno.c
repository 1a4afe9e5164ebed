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
#include <cloudwire/errno_table.h>

static const int errno_values[CW_ERRNO_COUNT] = {
	CW_ERRNO_TABLE
};

int cw_port_errno(enum cw_errno e)
{
	/* Every name has a value: a missing row would be 0, i.e. "success". */
	if ((int)e <= 0 || (int)e >= CW_ERRNO_COUNT || errno_values[e] == 0) {
		return EINVAL;
	}
	return errno_values[e];
}
