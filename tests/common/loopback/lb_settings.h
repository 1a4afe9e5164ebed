/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file lb_settings.h
 * @brief Test access to what the library persisted through the port's
 *        settings calls (e.g. "nrf_cloud/p_sesh").
 */

#ifndef LB_SETTINGS_H_
#define LB_SETTINGS_H_

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Reads a stored value. Returns its length, or -ENOENT. */
int lb_settings_read(const char *key, void *buf, size_t len);

/** Forgets every stored value (a device with erased settings). */
void lb_settings_clear(void);

#ifdef __cplusplus
}
#endif

#endif /* LB_SETTINGS_H_ */
