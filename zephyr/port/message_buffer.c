/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * NCS encodes outgoing payloads on the heap. Here they borrow the payload
 * buffer, so no RAM is set aside for them: an incoming payload holds the
 * front of the buffer from its read until its callback returns (the
 * library's events point into it); outgoing space is what lies behind it,
 * or all of the buffer when there is none.
 *
 * The library lends and uses outgoing space only while holding the library
 * lock (port.h), so taking that lock to claim the front for an incoming
 * payload also waits until outgoing space is given back: no lock or
 * condition variable of its own.
 */

#include <zephyr/kernel.h>
#include <cloudwire/port.h>

#include "message_buffer.h"

BUILD_ASSERT(CW_MESSAGE_BUFFER_LEN <= UINT16_MAX,
	     "CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN must be below 65535");

struct message_buffer {
	uint8_t data[CW_MESSAGE_BUFFER_LEN] __aligned(4);
	/* Bytes the incoming payload holds; 0 when none. Library lock. */
	uint16_t rx_len;
};

static struct message_buffer buffers[CW_CONN_COUNT];

/* A constant while there is one connection. */
static struct message_buffer *buffer_of(uint8_t conn)
{
	return &buffers[ARRAY_SIZE(buffers) == 1 ? 0 : conn];
}

static void rx_len_set(uint8_t conn, size_t len)
{
	cw_port_lock();
	buffer_of(conn)->rx_len = (uint16_t)len;
	cw_port_unlock();
}

uint8_t *cw_message_buffer_rx_claim(uint8_t conn, size_t len)
{
	__ASSERT_NO_MSG(conn < CW_CONN_COUNT && len <= CW_MESSAGE_BUFFER_LEN);
	rx_len_set(conn, len);
	return buffer_of(conn)->data;
}

void cw_message_buffer_rx_release(uint8_t conn)
{
	rx_len_set(conn, 0);
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
	/* The caller holds the library lock: rx_len cannot change meanwhile. */
	b = buffer_of(conn);
	offset = MIN(ROUND_UP(b->rx_len, 4), sizeof(b->data));
	if (len != NULL) {
		*len = sizeof(b->data) - offset;
	}
	return &b->data[offset];
}

void cw_port_tx_buffer_release(uint8_t conn)
{
	/* The library unlocks after this, which lets a waiting claim go on. */
	ARG_UNUSED(conn);
}
