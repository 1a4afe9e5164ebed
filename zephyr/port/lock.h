/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Mutex helper shared by the port's files. */

#ifndef CLOUDWIRE_PORT_LOCK_H_
#define CLOUDWIRE_PORT_LOCK_H_

#include <zephyr/kernel.h>

/*
 * k_mutex_lock(mutex, K_FOREVER) in one place: inlined, its 64-bit timeout
 * costs two more instructions at every call site.
 */
void cw_mutex_lock(struct k_mutex *mutex);

#endif /* CLOUDWIRE_PORT_LOCK_H_ */
