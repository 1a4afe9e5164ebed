/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The nRF Cloud connection thread (CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD).
 * Its body is in the Rust library; it sleeps until nrf_cloud_connect() wakes
 * it. Name, stack and priority are NCS's.
 */

#include <zephyr/kernel.h>
#include <cloudwire/capi.h>

/*
 * K_THREAD_DEFINE() keeps the name string in flash even when threads have
 * no names (CONFIG_THREAD_NAME=n); a short one costs less there.
 */
#if defined(CONFIG_THREAD_NAME)
#define POLL_THREAD_NAME nrfcloud_connection_poll_thread
#else
#define POLL_THREAD_NAME cw_poll
#endif

/* Expands POLL_THREAD_NAME before K_THREAD_DEFINE() pastes it into names. */
#define POLL_THREAD_DEFINE(name)                                                  \
	K_THREAD_DEFINE(name, CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD_STACK_SIZE, \
			poll_thread_entry, NULL, NULL, NULL,                      \
			K_LOWEST_APPLICATION_THREAD_PRIO, 0, 0)

static void poll_thread_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	cw_nrf_cloud_poll_thread();
}

POLL_THREAD_DEFINE(POLL_THREAD_NAME);
