/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* One binary semaphore per connection: wakes that connection's poll thread. */

#include <errno.h>
#include <zephyr/kernel.h>
#include <cloudwire/port.h>

#include "timeout.h"

static K_SEM_DEFINE(nrf_cloud_signal, 0, 1);

static struct k_sem *const signals[] = {
	[CW_CONN_NRF_CLOUD] = &nrf_cloud_signal,
};

BUILD_ASSERT(ARRAY_SIZE(signals) == CW_CONN_COUNT, "one semaphore per connection");

void cw_port_signal_give(uint8_t conn)
{
	if (conn < CW_CONN_COUNT) {
		k_sem_give(signals[conn]);
	}
}

int cw_port_signal_take(uint8_t conn, int32_t timeout_ms)
{
	int err;

	if (conn >= CW_CONN_COUNT) {
		return -EINVAL;
	}
	err = k_sem_take(signals[conn], K_TICKS(cw_timeout_ticks(timeout_ms)));
	/* K_NO_WAIT reports -EBUSY; the contract has one "not taken" code. */
	return err == -EBUSY ? -EAGAIN : err;
}
