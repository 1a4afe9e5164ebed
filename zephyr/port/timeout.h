/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Millisecond waits of the port as kernel ticks, converted in one place. */

#ifndef CLOUDWIRE_PORT_TIMEOUT_H_
#define CLOUDWIRE_PORT_TIMEOUT_H_

#include <zephyr/kernel.h>

/*
 * Ticks for a wait of ms milliseconds, rounded up as K_MSEC(); forever
 * (K_TICKS_FOREVER) when ms is negative. Use as K_TICKS(cw_timeout_ticks(ms)).
 */
k_ticks_t cw_timeout_ticks(int32_t ms);

#endif /* CLOUDWIRE_PORT_TIMEOUT_H_ */
