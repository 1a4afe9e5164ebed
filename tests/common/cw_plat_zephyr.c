/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Test platform shim for Zephyr: k_mutex/k_condvar, one helper thread, and
 * test parameters compiled in from the suite's Kconfig.
 */

#include "cw_plat.h"

#include <errno.h>
#include <string.h>
#include <zephyr/kernel.h>

#ifndef CONFIG_CW_TEST_HELPER_STACK_SIZE
#define CONFIG_CW_TEST_HELPER_STACK_SIZE 4096
#endif

static K_MUTEX_DEFINE(plat_mutex);
static K_CONDVAR_DEFINE(plat_cond);

static K_THREAD_STACK_DEFINE(helper_stack, CONFIG_CW_TEST_HELPER_STACK_SIZE);
static struct k_thread helper_thread;
static bool helper_running;
static void (*helper_fn)(void *arg);
static void *helper_arg;

int64_t cw_plat_now_ms(void)
{
	return k_uptime_get();
}

void cw_plat_sleep_ms(int32_t ms)
{
	k_msleep(ms);
}

void cw_plat_lock(void)
{
	(void)k_mutex_lock(&plat_mutex, K_FOREVER);
}

void cw_plat_unlock(void)
{
	(void)k_mutex_unlock(&plat_mutex);
}

int cw_plat_wait_until(int64_t deadline_ms)
{
	int64_t left = deadline_ms - k_uptime_get();

	if (left <= 0) {
		return -1;
	}
	return k_condvar_wait(&plat_cond, &plat_mutex, K_MSEC(left)) == 0 ? 0 : -1;
}

void cw_plat_broadcast(void)
{
	(void)k_condvar_broadcast(&plat_cond);
}

static void helper_main(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	helper_fn(helper_arg);
}

int cw_plat_thread_start(void (*fn)(void *arg), void *arg)
{
	if (helper_running) {
		return -EBUSY;
	}
	helper_fn = fn;
	helper_arg = arg;
	k_thread_create(&helper_thread, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack),
			helper_main, NULL, NULL, NULL, K_PRIO_PREEMPT(8), 0, K_NO_WAIT);
	helper_running = true;
	return 0;
}

int cw_plat_thread_join(int32_t timeout_ms)
{
	if (!helper_running) {
		return 0;
	}
	if (k_thread_join(&helper_thread, K_MSEC(timeout_ms)) != 0) {
		return -1;
	}
	helper_running = false;
	return 0;
}

const char *cw_plat_param(const char *name, const char *fallback)
{
#if defined(CONFIG_CW_TEST_EMU_ADDR)
	if (strcmp(name, "CW_EMU_ADDR") == 0) {
		return CONFIG_CW_TEST_EMU_ADDR;
	}
#endif
#if defined(CONFIG_NRF_CLOUD_CLIENT_ID)
	if (strcmp(name, "CONFIG_NRF_CLOUD_CLIENT_ID") == 0) {
		return CONFIG_NRF_CLOUD_CLIENT_ID;
	}
#endif
	return fallback;
}

int cw_plat_broker(const char *action)
{
	ARG_UNUSED(action);
	return -ENOTSUP;
}

int cw_plat_broker_log(char *buf, size_t len)
{
	ARG_UNUSED(buf);
	ARG_UNUSED(len);
	return -ENOTSUP;
}
