/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file nrf_cloud_os.h
 * @brief Memory hooks of the nRF Cloud library (accepted for source
 *        compatibility; cloudwire allocates nothing).
 */

#ifndef NRF_CLOUD_OS_H__
#define NRF_CLOUD_OS_H__

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup nrf_cloud_os nRF Cloud memory hooks
 * @{
 */

/**
 * @brief Allocator functions an application may hand to the library.
 *
 * NCS routes its heap use (cJSON and buffers) through these. cloudwire uses
 * no heap: every buffer is static and sized by Kconfig, so the hooks are
 * accepted and never called.
 */
struct nrf_cloud_os_mem_hooks {
	/** Like malloc(). */
	void *(*malloc_fn)(size_t size);
	/** Like calloc(). */
	void *(*calloc_fn)(size_t count, size_t size);
	/** Like free(). */
	void (*free_fn)(void *ptr);
};

/**
 * @brief Register memory hooks.
 *
 * Accepted and ignored: cloudwire never allocates. Passing NULL is allowed.
 *
 * @param hooks Allocator functions, or NULL.
 */
void nrf_cloud_os_mem_hooks_init(struct nrf_cloud_os_mem_hooks *hooks);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NRF_CLOUD_OS_H__ */
