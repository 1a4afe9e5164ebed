/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The host implementation of compat/include/zephyr/kernel.h and
 * zephyr/logging/log.h: POSIX threads and CLOCK_MONOTONIC.
 */

#define _GNU_SOURCE 1

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

static int64_t monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Uptime counts from the first use, close enough to program start. */
static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int64_t start_ms;

static void start_init(void)
{
	start_ms = monotonic_ms();
}

int64_t k_uptime_get(void)
{
	pthread_once(&start_once, start_init);
	return monotonic_ms() - start_ms;
}

int32_t k_sleep(k_timeout_t timeout)
{
	struct timespec ts;

	if (timeout.ms < 0) {
		/* Forever: as Zephyr, until woken, which nothing does here. */
		for (;;) {
			pause();
		}
	}
	ts.tv_sec = (time_t)(timeout.ms / 1000);
	ts.tv_nsec = (long)(timeout.ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
	}
	return 0;
}

int32_t k_msleep(int32_t ms)
{
	return k_sleep(K_MSEC(ms));
}

int k_sem_init(struct k_sem *sem, unsigned int initial_count, unsigned int limit)
{
	if (limit == 0 || initial_count > limit) {
		return -EINVAL;
	}
	pthread_mutex_init(&sem->lock, NULL);
	pthread_cond_init(&sem->cond, NULL);
	sem->count = initial_count;
	sem->limit = limit;
	return 0;
}

/* Absolute CLOCK_REALTIME deadline, as pthread_cond_timedwait() wants it. */
static struct timespec deadline_after(int64_t ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += (time_t)(ms / 1000);
	ts.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return ts;
}

int k_sem_take(struct k_sem *sem, k_timeout_t timeout)
{
	struct timespec deadline;
	int ret = 0;

	if (timeout.ms > 0) {
		deadline = deadline_after(timeout.ms);
	}
	pthread_mutex_lock(&sem->lock);
	while (sem->count == 0) {
		if (timeout.ms == 0) {
			ret = -EBUSY;
			break;
		}
		if (timeout.ms < 0) {
			pthread_cond_wait(&sem->cond, &sem->lock);
		} else if (pthread_cond_timedwait(&sem->cond, &sem->lock, &deadline) == ETIMEDOUT) {
			ret = sem->count > 0 ? 0 : -EAGAIN;
			break;
		}
	}
	if (ret == 0) {
		sem->count--;
	}
	pthread_mutex_unlock(&sem->lock);
	return ret;
}

void k_sem_give(struct k_sem *sem)
{
	pthread_mutex_lock(&sem->lock);
	if (sem->count < sem->limit) {
		sem->count++;
	}
	pthread_cond_signal(&sem->cond);
	pthread_mutex_unlock(&sem->lock);
}

void k_sem_reset(struct k_sem *sem)
{
	pthread_mutex_lock(&sem->lock);
	sem->count = 0;
	pthread_mutex_unlock(&sem->lock);
}

unsigned int k_sem_count_get(struct k_sem *sem)
{
	unsigned int count;

	pthread_mutex_lock(&sem->lock);
	count = sem->count;
	pthread_mutex_unlock(&sem->lock);
	return count;
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fflush(stdout);
}

int snprintk(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

void z_compat_log(int level, const char *module, const char *fmt, ...)
{
	static const char *const names[] = { "", "err", "wrn", "inf", "dbg" };
	static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
	int64_t ms = k_uptime_get();
	va_list ap;

	if (level < LOG_LEVEL_ERR || level > LOG_LEVEL_DBG) {
		level = LOG_LEVEL_DBG;
	}
	/* One line at a time, also when several threads log. */
	pthread_mutex_lock(&out_lock);
	fprintf(stdout, "[%02lld:%02lld:%02lld.%03lld] <%s> %s: ", (long long)(ms / 3600000),
		(long long)(ms / 60000 % 60), (long long)(ms / 1000 % 60), (long long)(ms % 1000),
		names[level], module);
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
	pthread_mutex_unlock(&out_lock);
}
