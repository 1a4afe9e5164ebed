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

/*
 * The libcs Zephyr builds with number these names below 256, so a byte each
 * does (GCC: a value that did not fit is an error; others warn).
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Woverflow"
#endif
static const uint8_t errno_values[CW_ERRNO_COUNT] = {
	CW_ERRNO_TABLE
};
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

int cw_port_errno(enum cw_errno e)
{
	/* Every name has a value: a missing row would be 0, i.e. "success". */
	if ((unsigned int)e >= CW_ERRNO_COUNT || errno_values[e] == 0) {
		return EINVAL;
	}
	return errno_values[e];
}
