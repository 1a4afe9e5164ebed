/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file mqtt.h
 * @brief Host-only stand-in for Zephyr's <zephyr/net/mqtt.h>.
 *
 * The public cloudwire headers need one declaration from Zephyr's MQTT
 * header: enum mqtt_qos. Host builds (no Zephyr tree) get it from here, with
 * the same values as Zephyr. The include guard is Zephyr's, so a build that
 * also sees the real header uses whichever comes first without clashing.
 */

#ifndef ZEPHYR_INCLUDE_NET_MQTT_H_
#define ZEPHYR_INCLUDE_NET_MQTT_H_

#include <zephyr/net/tls_credentials.h>

#ifdef __cplusplus
extern "C" {
#endif

/** MQTT Quality of Service levels (values as on the wire and in Zephyr). */
enum mqtt_qos {
	/** At most once: no acknowledgement. */
	MQTT_QOS_0_AT_MOST_ONCE = 0x00,
	/** At least once: PUBACK expected; duplicates possible. */
	MQTT_QOS_1_AT_LEAST_ONCE = 0x01,
	/** Exactly once: PUBREC/PUBREL/PUBCOMP handshake. */
	MQTT_QOS_2_EXACTLY_ONCE = 0x02
};

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_NET_MQTT_H_ */
