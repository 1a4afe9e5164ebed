/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file kernel.h
 * @brief Host-only stand-in for the few <zephyr/kernel.h> items the samples
 *        use, so one main.c builds for Zephyr and as a Linux program.
 *
 * Semaphores, sleeping, uptime, printk/snprintk and a few utility macros,
 * with Zephyr's names and meanings. Implemented in compat/src/kernel_posix.c
 * over POSIX threads and clocks. Anything not here is not meant to build on
 * the host.
 */

#ifndef ZEPHYR_INCLUDE_KERNEL_H_
#define ZEPHYR_INCLUDE_KERNEL_H_

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- utility macros (<zephyr/sys/util.h>) ------------------------------- */

#ifndef MIN
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#endif
#ifndef MAX
#define MAX(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(array) (sizeof(array) / sizeof((array)[0]))
#endif
#ifndef ARG_UNUSED
#define ARG_UNUSED(x) (void)(x)
#endif
#ifndef BUILD_ASSERT
#define BUILD_ASSERT(cond, ...) _Static_assert(cond, "" __VA_ARGS__)
#endif

/* ---- timeouts ------------------------------------------------------------ */

/** A timeout: milliseconds, or -1 for "forever". */
typedef struct {
	int64_t ms;
} k_timeout_t;

#define K_NO_WAIT   ((k_timeout_t){ .ms = 0 })
#define K_FOREVER   ((k_timeout_t){ .ms = -1 })
#define K_MSEC(ms_) ((k_timeout_t){ .ms = (int64_t)(ms_) })
#define K_SECONDS(s) ((k_timeout_t){ .ms = (int64_t)(s) * 1000 })
#define K_MINUTES(m) K_SECONDS((int64_t)(m) * 60)

/** Sleeps for the timeout; returns 0 (the host never wakes a sleeper early). */
int32_t k_sleep(k_timeout_t timeout);
int32_t k_msleep(int32_t ms);

/** Milliseconds since the program started (monotonic clock). */
int64_t k_uptime_get(void);

/* ---- semaphores ---------------------------------------------------------- */

struct k_sem {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	unsigned int count;
	unsigned int limit;
};

#define Z_SEM_INITIALIZER(init, max)                                                              \
	{ .lock = PTHREAD_MUTEX_INITIALIZER, .cond = PTHREAD_COND_INITIALIZER,                     \
	  .count = (init), .limit = (max) }

/** As Zephyr: `static K_SEM_DEFINE(name, initial, limit);` works too. */
#define K_SEM_DEFINE(name, initial_count, count_limit)                                            \
	struct k_sem name = Z_SEM_INITIALIZER(initial_count, count_limit)

int k_sem_init(struct k_sem *sem, unsigned int initial_count, unsigned int limit);
/** 0 when taken; -EBUSY (K_NO_WAIT) or -EAGAIN (timeout) when not. */
int k_sem_take(struct k_sem *sem, k_timeout_t timeout);
void k_sem_give(struct k_sem *sem);
void k_sem_reset(struct k_sem *sem);
unsigned int k_sem_count_get(struct k_sem *sem);

/* ---- console ------------------------------------------------------------- */

/** printf to stdout, flushed at once (output may go to a pipe). */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int snprintk(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_H_ */
