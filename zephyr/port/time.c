/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Clock and sleep for the Rust library. */

#include <zephyr/kernel.h>
#include <cloudwire/port.h>

#include "timeout.h"

k_ticks_t cw_timeout_ticks(int32_t ms)
{
	return ms < 0 ? K_TICKS_FOREVER : K_MSEC(ms).ticks;
}

int64_t cw_port_uptime_ms(void)
{
	return k_uptime_get();
}

void cw_port_sleep_ms(int32_t ms)
{
	if (ms > 0) {
		(void)k_sleep(K_TICKS(cw_timeout_ticks(ms)));
	}
}
