/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file lb.h
 * @brief Loopback port: a test-only implementation of the MQTT part of
 *        <cloudwire/port.h>. Nothing goes on a network: every CONNECT,
 *        PUBLISH, SUBSCRIBE, DISCONNECT and PINGREQ the library asks for is
 *        recorded, and the test injects what the broker would send back
 *        (CONNACK, SUBACK, PUBACK, PUBLISH, PINGRESP, a remote close).
 *
 * Injected input is queued; the library's poll thread sees it through
 * cw_port_mqtt_wait() and gets it through cw_port_mqtt_input(), exactly as it
 * would get bytes from a socket. The callbacks into the library are never
 * made with the loopback's lock held.
 */

#ifndef LB_H_
#define LB_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Sizes: small enough for a 64 KiB RAM board on Zephyr. */
#ifndef LB_TOPIC_MAX
#ifdef __ZEPHYR__
#define LB_TOPIC_MAX 96
#else
#define LB_TOPIC_MAX 128
#endif
#endif
#ifndef LB_PAYLOAD_MAX
#ifdef __ZEPHYR__
#define LB_PAYLOAD_MAX 512
#else
#define LB_PAYLOAD_MAX 4096
#endif
#endif
/* Recorded operations are a ring of this many (oldest overwritten). */
#ifndef LB_MAX_OPS
#ifdef __ZEPHYR__
#define LB_MAX_OPS 8
#else
#define LB_MAX_OPS 64
#endif
#endif
#define LB_MAX_SUB_TOPICS 4

/** What the library asked the port to do. */
enum lb_op_kind {
	LB_OP_CONNECT = 1,
	LB_OP_PUBLISH,
	LB_OP_SUBSCRIBE,
	LB_OP_DISCONNECT,
	LB_OP_ABORT,
	LB_OP_PING,
	LB_OP_KEEPALIVE,
};

struct lb_op {
	enum lb_op_kind kind;
	/* LB_OP_CONNECT */
	char client_id[72];
	char host[64];
	uint16_t port;
	int32_t sec_tag;
	uint16_t keepalive_s;   /* also LB_OP_KEEPALIVE */
	bool clean_session;
	/* LB_OP_PUBLISH (topic also holds SUBSCRIBE's first topic) */
	char topic[LB_TOPIC_MAX];
	size_t topic_len;
	uint8_t payload[LB_PAYLOAD_MAX];
	size_t payload_len;
	uint8_t qos;
	uint16_t msg_id;        /* PUBLISH and SUBSCRIBE */
	/* LB_OP_SUBSCRIBE */
	size_t sub_count;
	char sub_topics[LB_MAX_SUB_TOPICS][LB_TOPIC_MAX];
	uint8_t sub_qos[LB_MAX_SUB_TOPICS];
};

/** Clears recorded operations, queued input and failure settings; closes. */
void lb_reset(void);

/** Makes the next cw_port_mqtt_connect() return @p err (0 = succeed). */
void lb_set_connect_result(int err);

/** Makes every cw_port_mqtt_publish() return @p err (0 = succeed). */
void lb_set_publish_result(int err);

/** Number of recorded operations. */
int lb_op_count(void);

/**
 * Recorded operation @p index, or NULL if not recorded yet or already
 * overwritten (only the last LB_MAX_OPS are kept).
 */
const struct lb_op *lb_op_at(int index);

/** Waits for an operation of @p kind at index >= @p from; its index or -1. */
int lb_wait_op(enum lb_op_kind kind, int from, int32_t timeout_ms);

/** True while the loopback "socket" is open. */
bool lb_is_open(void);

/* ---- what the "broker" sends ------------------------------------------- */

void lb_inject_connack(int32_t return_code, bool session_present);
void lb_inject_suback(uint16_t msg_id, int32_t result);
void lb_inject_puback(uint16_t msg_id);
void lb_inject_pingresp(void);
void lb_inject_publish(const char *topic, const void *payload, size_t payload_len, uint8_t qos,
		       uint16_t msg_id);
/** A PUBLISH whose payload (@p payload_len bytes) exceeds the port's buffer. */
void lb_inject_publish_too_large(const char *topic, size_t payload_len);
/** The broker closes the connection. */
void lb_inject_remote_close(void);

/** Waits until the poll thread has consumed every injected item. 0 or -1. */
int lb_wait_drained(int32_t timeout_ms);

#ifdef __cplusplus
}
#endif

#endif /* LB_H_ */
