/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* The one lock around the libraries' state. Zephyr mutexes are recursive. */

#include <zephyr/kernel.h>
#include <cloudwire/port.h>

#include "lock.h"

static K_MUTEX_DEFINE(cw_state_lock);

void cw_mutex_lock(struct k_mutex *mutex)
{
	(void)k_mutex_lock(mutex, K_FOREVER);
}

void cw_port_lock(void)
{
	cw_mutex_lock(&cw_state_lock);
}

void cw_port_unlock(void)
{
	(void)k_mutex_unlock(&cw_state_lock);
}
