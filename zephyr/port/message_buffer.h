/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Each connection's payload buffer, shared by incoming PUBLISH payloads and
 * the payloads the library encodes (cw_port_tx_buffer() in port.h).
 */

#ifndef CLOUDWIRE_PORT_MESSAGE_BUFFER_H_
#define CLOUDWIRE_PORT_MESSAGE_BUFFER_H_

#include <stddef.h>
#include <stdint.h>

/* Bytes in each buffer: the payload buffer and a NUL. */
#define CW_MESSAGE_BUFFER_LEN (CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN + 1)

/*
 * Claims the first len bytes of the connection's buffer for an incoming
 * payload, once no outgoing space is lent: takes the library lock, which a
 * lender holds until it has given the space back (and which it holds
 * without waiting for the caller). Returns the buffer. Pair with
 * cw_message_buffer_rx_release().
 */
uint8_t *cw_message_buffer_rx_claim(uint8_t conn, size_t len);
void cw_message_buffer_rx_release(uint8_t conn);

#endif /* CLOUDWIRE_PORT_MESSAGE_BUFFER_H_ */
