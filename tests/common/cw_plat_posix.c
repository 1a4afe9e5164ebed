/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Test platform shim for POSIX hosts: pthreads, clock_gettime, getenv. */

#define _POSIX_C_SOURCE 200809L

#include "cw_plat.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t plat_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t plat_cond;
static pthread_once_t plat_once = PTHREAD_ONCE_INIT;

static pthread_t helper_thread;
static bool helper_running;
static bool helper_done;
static void (*helper_fn)(void *arg);
static void *helper_arg;

/* The condition uses the monotonic clock so that deadlines match now_ms(). */
static void plat_init(void)
{
	pthread_condattr_t attr;

	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&plat_cond, &attr);
	pthread_condattr_destroy(&attr);
}

int64_t cw_plat_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void cw_plat_sleep_ms(int32_t ms)
{
	struct timespec ts = {
		.tv_sec = ms / 1000,
		.tv_nsec = (long)(ms % 1000) * 1000000L,
	};

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
	}
}

void cw_plat_lock(void)
{
	pthread_once(&plat_once, plat_init);
	pthread_mutex_lock(&plat_mutex);
}

void cw_plat_unlock(void)
{
	pthread_mutex_unlock(&plat_mutex);
}

int cw_plat_wait_until(int64_t deadline_ms)
{
	struct timespec ts = {
		.tv_sec = deadline_ms / 1000,
		.tv_nsec = (long)(deadline_ms % 1000) * 1000000L,
	};

	if (cw_plat_now_ms() >= deadline_ms) {
		return -1;
	}
	return pthread_cond_timedwait(&plat_cond, &plat_mutex, &ts) == 0 ? 0 : -1;
}

void cw_plat_broadcast(void)
{
	pthread_cond_broadcast(&plat_cond);
}

static void *helper_main(void *arg)
{
	(void)arg;
	helper_fn(helper_arg);
	cw_plat_lock();
	helper_done = true;
	cw_plat_broadcast();
	cw_plat_unlock();
	return NULL;
}

int cw_plat_thread_start(void (*fn)(void *arg), void *arg)
{
	if (helper_running) {
		return -EBUSY;
	}
	helper_fn = fn;
	helper_arg = arg;
	helper_done = false;
	if (pthread_create(&helper_thread, NULL, helper_main, NULL) != 0) {
		return -EAGAIN;
	}
	helper_running = true;
	return 0;
}

int cw_plat_thread_join(int32_t timeout_ms)
{
	int64_t deadline = cw_plat_now_ms() + timeout_ms;
	bool done;

	if (!helper_running) {
		return 0;
	}
	cw_plat_lock();
	while (!helper_done && cw_plat_wait_until(deadline) == 0) {
	}
	done = helper_done;
	cw_plat_unlock();
	if (!done) {
		return -1;
	}
	pthread_join(helper_thread, NULL);
	helper_running = false;
	return 0;
}

const char *cw_plat_param(const char *name, const char *fallback)
{
	const char *value = getenv(name);

	return (value != NULL && value[0] != '\0') ? value : fallback;
}

int cw_plat_broker(const char *action)
{
	/* scripts/test exports the command that controls the broker it started. */
	const char *ctl = getenv("CW_TEST_BROKER_CTL");
	char cmd[1024];
	int n;
	int status;

	if (ctl == NULL || ctl[0] == '\0') {
		return -ENOTSUP;
	}
	if (action == NULL) {
		return 0;
	}
	n = snprintf(cmd, sizeof(cmd), "%s %s", ctl, action);
	if (n < 0 || (size_t)n >= sizeof(cmd)) {
		return -ENOMEM;
	}
	status = system(cmd);
	return status == 0 ? 0 : -EIO;
}

int cw_plat_broker_log(char *buf, size_t len)
{
	const char *path = getenv("CW_TEST_BROKER_LOG");
	FILE *f;
	long size;
	long start;
	size_t got;

	if (path == NULL || path[0] == '\0' || len == 0) {
		return -ENOTSUP;
	}
	f = fopen(path, "rb");
	if (f == NULL) {
		return -ENOENT;
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	start = size > (long)(len - 1) ? size - (long)(len - 1) : 0;
	fseek(f, start, SEEK_SET);
	got = fread(buf, 1, len - 1, f);
	buf[got] = '\0';
	fclose(f);
	return (int)got;
}
