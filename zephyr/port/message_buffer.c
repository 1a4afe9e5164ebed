/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * NCS encodes outgoing payloads on the heap. Here they borrow the payload
 * buffer, so no RAM is set aside for them: an incoming payload holds the
 * front of the buffer from its read until its callback returns (the
 * library's events point into it); outgoing space is what lies behind it,
 * or all of the buffer when there is none. A new incoming payload waits
 * until the outgoing space is given back.
 */

#include <zephyr/kernel.h>
#include <cloudwire/port.h>

#include "lock.h"
#include "message_buffer.h"

struct message_buffer {
	uint8_t data[CW_MESSAGE_BUFFER_LEN] __aligned(4);
	/* Bytes the incoming payload holds; 0 when none. */
	size_t rx_len;
	bool tx_lent;
};

static struct message_buffer buffers[CW_CONN_COUNT];

static K_MUTEX_DEFINE(guard);
static K_CONDVAR_DEFINE(tx_released);

/* Out of line: a call here is smaller than loading the mutex at each site. */
static __noinline void guard_lock(void)
{
	cw_mutex_lock(&guard);
}

static void guard_unlock(void)
{
	(void)k_mutex_unlock(&guard);
}

/* A constant while there is one connection. */
static struct message_buffer *buffer_of(uint8_t conn)
{
	return &buffers[ARRAY_SIZE(buffers) == 1 ? 0 : conn];
}

uint8_t *cw_message_buffer_rx_claim(uint8_t conn, size_t len)
{
	struct message_buffer *b = buffer_of(conn);

	__ASSERT_NO_MSG(conn < CW_CONN_COUNT && len <= sizeof(b->data));
	guard_lock();
	while (b->tx_lent) {
		(void)k_condvar_wait(&tx_released, &guard, K_FOREVER);
	}
	b->rx_len = len;
	guard_unlock();
	return b->data;
}

void cw_message_buffer_rx_release(uint8_t conn)
{
	guard_lock();
	buffer_of(conn)->rx_len = 0;
	guard_unlock();
}

uint8_t *cw_port_tx_buffer(uint8_t conn, size_t *len)
{
	struct message_buffer *b;
	size_t offset;

	if (conn >= CW_CONN_COUNT) {
		if (len != NULL) {
			*len = 0;
		}
		return NULL;
	}
	b = buffer_of(conn);
	guard_lock();
	b->tx_lent = true;
	offset = MIN(ROUND_UP(b->rx_len, 4), sizeof(b->data));
	guard_unlock();
	if (len != NULL) {
		*len = sizeof(b->data) - offset;
	}
	return &b->data[offset];
}

void cw_port_tx_buffer_release(uint8_t conn)
{
	if (conn >= CW_CONN_COUNT) {
		return;
	}
	guard_lock();
	buffer_of(conn)->tx_lent = false;
	k_condvar_broadcast(&tx_released);
	guard_unlock();
}
