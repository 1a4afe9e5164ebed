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

static void poll_thread_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);

	cw_nrf_cloud_poll_thread();
}

K_THREAD_DEFINE(nrfcloud_connection_poll_thread,
		CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD_STACK_SIZE,
		poll_thread_entry, NULL, NULL, NULL,
		K_LOWEST_APPLICATION_THREAD_PRIO, 0, 0);
