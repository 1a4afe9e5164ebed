/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* The static buffer each connection encodes its outgoing payloads into. */

#include <zephyr/kernel.h>
#include <cloudwire/port.h>

static uint8_t tx_buffers[CW_CONN_COUNT][CONFIG_CLOUDWIRE_TX_BUFFER_LEN] __aligned(4);

uint8_t *cw_port_tx_buffer(uint8_t conn, size_t *len)
{
	if (conn >= CW_CONN_COUNT) {
		if (len != NULL) {
			*len = 0;
		}
		return NULL;
	}
	if (len != NULL) {
		*len = sizeof(tx_buffers[conn]);
	}
	return tx_buffers[conn];
}
