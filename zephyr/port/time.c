/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Clock and sleep for the Rust library. */

#include <zephyr/kernel.h>
#include <cloudwire/port.h>

int64_t cw_port_uptime_ms(void)
{
	return k_uptime_get();
}

void cw_port_sleep_ms(int32_t ms)
{
	if (ms > 0) {
		k_msleep(ms);
	}
}
