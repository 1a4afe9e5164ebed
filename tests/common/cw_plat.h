/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file cw_plat.h
 * @brief The few platform services the test support code needs.
 *
 * One implementation for POSIX hosts (cw_plat_posix.c) and one for Zephyr
 * (cw_plat_zephyr.c), so scenario code never touches pthreads or k_* APIs.
 */

#ifndef CW_PLAT_H_
#define CW_PLAT_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Milliseconds since an arbitrary start point (monotonic). */
int64_t cw_plat_now_ms(void);

void cw_plat_sleep_ms(int32_t ms);

/** The one mutex that guards the test support state (event recorder). */
void cw_plat_lock(void);
void cw_plat_unlock(void);

/**
 * Waits on the condition paired with cw_plat_lock(), which must be held.
 * Returns 0 when woken, -1 when @p deadline_ms (cw_plat_now_ms() time) passed.
 */
int cw_plat_wait_until(int64_t deadline_ms);

/** Wakes every waiter of cw_plat_wait_until(). Call with the lock held. */
void cw_plat_broadcast(void);

/** Starts the single helper thread that scenarios may use. 0 or -errno. */
int cw_plat_thread_start(void (*fn)(void *arg), void *arg);

/** Waits for the helper thread to return. 0, or -1 on timeout. */
int cw_plat_thread_join(int32_t timeout_ms);

/**
 * A test parameter by name (device id, emulator address, ...). On a host it
 * is an environment variable; on Zephyr a value compiled into the image.
 * Returns @p fallback when unset.
 */
const char *cw_plat_param(const char *name, const char *fallback);

/**
 * Runs a broker control action ("stop", "start", "restart"); NULL only asks
 * whether control is possible. Returns 0 on success, -ENOTSUP where the
 * broker cannot be controlled (Zephyr, or no control command configured),
 * other negative values on failure.
 */
int cw_plat_broker(const char *action);

/**
 * Reads the broker's log into @p buf (NUL-terminated; the newest part when
 * it does not fit). Returns the length, -ENOTSUP where there is no log.
 */
int cw_plat_broker_log(char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* CW_PLAT_H_ */
