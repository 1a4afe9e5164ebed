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

uint8_t *cw_message_buffer_rx_claim(uint8_t conn, size_t len)
{
	struct message_buffer *b = &buffers[conn];

	__ASSERT_NO_MSG(conn < CW_CONN_COUNT && len <= sizeof(b->data));
	k_mutex_lock(&guard, K_FOREVER);
	while (b->tx_lent) {
		(void)k_condvar_wait(&tx_released, &guard, K_FOREVER);
	}
	b->rx_len = len;
	k_mutex_unlock(&guard);
	return b->data;
}

void cw_message_buffer_rx_release(uint8_t conn)
{
	k_mutex_lock(&guard, K_FOREVER);
	buffers[conn].rx_len = 0;
	k_mutex_unlock(&guard);
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
	b = &buffers[conn];
	k_mutex_lock(&guard, K_FOREVER);
	b->tx_lent = true;
	offset = MIN(ROUND_UP(b->rx_len, 4), sizeof(b->data));
	k_mutex_unlock(&guard);
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
	k_mutex_lock(&guard, K_FOREVER);
	buffers[conn].tx_lent = false;
	k_condvar_broadcast(&tx_released);
	k_mutex_unlock(&guard);
}
