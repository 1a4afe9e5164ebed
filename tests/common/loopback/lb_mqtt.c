/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* The MQTT functions of <cloudwire/port.h> over an in-memory loopback. */

#include "lb.h"

#include "cw_plat.h"

#include <cloudwire/capi.h>
#include <cloudwire/port.h>

#include <string.h>

#ifndef LB_QUEUE_LEN
#ifdef __ZEPHYR__
#define LB_QUEUE_LEN 4
#else
#define LB_QUEUE_LEN 8
#endif
#endif

enum lb_in_kind {
	LB_IN_CONNACK = 1,
	LB_IN_SUBACK,
	LB_IN_PUBACK,
	LB_IN_PINGRESP,
	LB_IN_PUBLISH,
	LB_IN_PUBLISH_TOO_LARGE,
	LB_IN_CLOSE,
};

struct lb_in {
	enum lb_in_kind kind;
	int32_t code;
	bool flag;
	uint16_t msg_id;
	uint8_t qos;
	char topic[LB_TOPIC_MAX];
	size_t topic_len;
	uint8_t payload[LB_PAYLOAD_MAX];
	size_t payload_len;
};

static struct lb_op ops[LB_MAX_OPS];
static int op_count;
static struct lb_in queue[LB_QUEUE_LEN];
static int q_head;
static int q_len;
static bool busy;           /* the poll thread is handling one item */
static bool open_;
static int connect_result;
static int publish_result;
/* Item being delivered; private to cw_port_mqtt_input (one caller at a time). */
static struct lb_in current;
/* Item being built by an lb_inject_*() call (the test thread only). */
static struct lb_in in;

/* cw_port_errno() gives the platform's errno value; port calls return it negated. */
static int neg_errno(enum cw_errno e)
{
	int v = cw_port_errno(e);

	return v > 0 ? -v : v;
}

static void copy_str(char *dst, size_t dst_len, const uint8_t *src, size_t len)
{
	size_t n = len < dst_len - 1 ? len : dst_len - 1;

	if (src != NULL) {
		memcpy(dst, src, n);
	} else {
		n = 0;
	}
	dst[n] = '\0';
}

/* Appends an operation; call with the lock held. The table is a ring: the
 * oldest entry is overwritten (tests read operations in order, shortly after
 * they happen).
 */
static struct lb_op *record(enum lb_op_kind kind)
{
	struct lb_op *op = &ops[op_count % LB_MAX_OPS];

	memset(op, 0, sizeof(*op));
	op->kind = kind;
	return op;
}

static void commit(void)
{
	op_count++;
	cw_plat_broadcast();
}

void lb_reset(void)
{
	cw_plat_lock();
	op_count = 0;
	q_head = 0;
	q_len = 0;
	open_ = false;
	connect_result = 0;
	publish_result = 0;
	cw_plat_broadcast();
	cw_plat_unlock();
}

void lb_set_connect_result(int err)
{
	cw_plat_lock();
	connect_result = err;
	cw_plat_unlock();
}

void lb_set_publish_result(int err)
{
	cw_plat_lock();
	publish_result = err;
	cw_plat_unlock();
}

int lb_op_count(void)
{
	int n;

	cw_plat_lock();
	n = op_count;
	cw_plat_unlock();
	return n;
}

const struct lb_op *lb_op_at(int index)
{
	const struct lb_op *op = NULL;

	cw_plat_lock();
	if (index >= 0 && index < op_count && index >= op_count - LB_MAX_OPS) {
		op = &ops[index % LB_MAX_OPS];
	}
	cw_plat_unlock();
	return op;
}

int lb_wait_op(enum lb_op_kind kind, int from, int32_t timeout_ms)
{
	int64_t deadline = cw_plat_now_ms() + timeout_ms;
	int i = from < 0 ? 0 : from;
	int found = -1;

	cw_plat_lock();
	for (;;) {
		if (i < op_count - LB_MAX_OPS) {
			i = op_count - LB_MAX_OPS;
		}
		for (; i < op_count; i++) {
			if (ops[i % LB_MAX_OPS].kind == kind) {
				found = i;
				break;
			}
		}
		if (found >= 0 || cw_plat_wait_until(deadline) != 0) {
			break;
		}
	}
	cw_plat_unlock();
	return found;
}

bool lb_is_open(void)
{
	bool o;

	cw_plat_lock();
	o = open_;
	cw_plat_unlock();
	return o;
}

/* ---- injection ------------------------------------------------------------ */

/* Queues one item, waiting for room if the poll thread is behind. */
static void enqueue(const struct lb_in *in)
{
	int64_t deadline = cw_plat_now_ms() + 5000;

	cw_plat_lock();
	while (q_len >= LB_QUEUE_LEN && cw_plat_wait_until(deadline) == 0) {
	}
	if (q_len < LB_QUEUE_LEN) {
		queue[(q_head + q_len) % LB_QUEUE_LEN] = *in;
		q_len++;
	}
	cw_plat_broadcast();
	cw_plat_unlock();
}

void lb_inject_connack(int32_t return_code, bool session_present)
{
	memset(&in, 0, sizeof(in));
	in.kind = LB_IN_CONNACK;
	in.code = return_code;
	in.flag = session_present;
	enqueue(&in);
}

void lb_inject_suback(uint16_t msg_id, int32_t result)
{
	memset(&in, 0, sizeof(in));
	in.kind = LB_IN_SUBACK;
	in.msg_id = msg_id;
	in.code = result;
	enqueue(&in);
}

void lb_inject_puback(uint16_t msg_id)
{
	memset(&in, 0, sizeof(in));
	in.kind = LB_IN_PUBACK;
	in.msg_id = msg_id;
	enqueue(&in);
}

void lb_inject_pingresp(void)
{
	memset(&in, 0, sizeof(in));
	in.kind = LB_IN_PINGRESP;
	enqueue(&in);
}

void lb_inject_publish(const char *topic, const void *payload, size_t payload_len, uint8_t qos,
		       uint16_t msg_id)
{
	memset(&in, 0, sizeof(in));
	in.kind = LB_IN_PUBLISH;
	in.qos = qos;
	in.msg_id = msg_id;
	in.topic_len = strlen(topic) < LB_TOPIC_MAX ? strlen(topic) : LB_TOPIC_MAX;
	memcpy(in.topic, topic, in.topic_len);
	in.payload_len = payload_len < LB_PAYLOAD_MAX ? payload_len : LB_PAYLOAD_MAX;
	memcpy(in.payload, payload, in.payload_len);
	enqueue(&in);
}

void lb_inject_publish_too_large(const char *topic, size_t payload_len)
{
	memset(&in, 0, sizeof(in));
	in.kind = LB_IN_PUBLISH_TOO_LARGE;
	in.topic_len = strlen(topic) < LB_TOPIC_MAX ? strlen(topic) : LB_TOPIC_MAX;
	memcpy(in.topic, topic, in.topic_len);
	in.payload_len = payload_len;
	enqueue(&in);
}

void lb_inject_remote_close(void)
{
	memset(&in, 0, sizeof(in));
	in.kind = LB_IN_CLOSE;
	enqueue(&in);
}

int lb_wait_drained(int32_t timeout_ms)
{
	int64_t deadline = cw_plat_now_ms() + timeout_ms;
	int ok;

	cw_plat_lock();
	while ((q_len > 0 || busy) && cw_plat_wait_until(deadline) == 0) {
	}
	ok = (q_len == 0 && !busy) ? 0 : -1;
	cw_plat_unlock();
	return ok;
}

/* ---- port.h: MQTT ----------------------------------------------------------- */

int cw_port_mqtt_connect(uint8_t conn, const struct cw_mqtt_conn_params *params)
{
	struct lb_op *op;
	int err;

	(void)conn;
	cw_plat_lock();
	op = record(LB_OP_CONNECT);
	if (op != NULL) {
		copy_str(op->client_id, sizeof(op->client_id), params->client_id,
			 params->client_id_len);
		copy_str(op->host, sizeof(op->host), (const uint8_t *)params->host,
			 params->host ? strlen(params->host) : 0);
		op->port = params->port;
		op->sec_tag = params->sec_tag;
		op->keepalive_s = params->keepalive_s;
		op->clean_session = params->clean_session;
		commit();
	}
	err = connect_result;
	connect_result = 0;
	if (err == 0) {
		open_ = true;
		/* A new connection starts with nothing from the previous one. */
		q_len = 0;
	}
	cw_plat_unlock();
	return err;
}

static int close_with(enum lb_op_kind kind, int32_t result)
{
	bool was_open;

	cw_plat_lock();
	if (record(kind) != NULL) {
		commit();
	}
	was_open = open_;
	open_ = false;
	q_len = 0;
	cw_plat_broadcast();
	cw_plat_unlock();

	if (!was_open) {
		return neg_errno(CW_ENOTCONN);
	}
	cw_mqtt_on_disconnect(CW_CONN_NRF_CLOUD, result);
	return 0;
}

int cw_port_mqtt_disconnect(uint8_t conn)
{
	(void)conn;
	return close_with(LB_OP_DISCONNECT, 0);
}

int cw_port_mqtt_abort(uint8_t conn)
{
	(void)conn;
	return close_with(LB_OP_ABORT, neg_errno(CW_ECONNABORTED));
}

int cw_port_mqtt_publish(uint8_t conn, const uint8_t *topic, size_t topic_len,
			 const uint8_t *payload, size_t payload_len, uint8_t qos, uint16_t msg_id)
{
	struct lb_op *op;
	int err;

	(void)conn;
	cw_plat_lock();
	if (!open_) {
		cw_plat_unlock();
		return neg_errno(CW_ENOTCONN);
	}
	err = publish_result;
	op = record(LB_OP_PUBLISH);
	if (op != NULL) {
		copy_str(op->topic, sizeof(op->topic), topic, topic_len);
		op->topic_len = topic_len;
		op->payload_len = payload_len;
		if (payload != NULL) {
			memcpy(op->payload, payload,
			       payload_len < LB_PAYLOAD_MAX ? payload_len : LB_PAYLOAD_MAX);
		}
		op->qos = qos;
		op->msg_id = msg_id;
		commit();
	}
	cw_plat_unlock();
	return err;
}

int cw_port_mqtt_subscribe(uint8_t conn, const struct cw_mqtt_topic *topics, size_t count,
			   uint16_t msg_id)
{
	struct lb_op *op;

	(void)conn;
	cw_plat_lock();
	if (!open_) {
		cw_plat_unlock();
		return neg_errno(CW_ENOTCONN);
	}
	op = record(LB_OP_SUBSCRIBE);
	if (op != NULL) {
		op->msg_id = msg_id;
		op->sub_count = count;
		for (size_t i = 0; i < count && i < LB_MAX_SUB_TOPICS; i++) {
			copy_str(op->sub_topics[i], LB_TOPIC_MAX, topics[i].ptr, topics[i].len);
			op->sub_qos[i] = topics[i].qos;
		}
		if (count > 0) {
			copy_str(op->topic, sizeof(op->topic), topics[0].ptr, topics[0].len);
			op->topic_len = topics[0].len;
		}
		commit();
	}
	cw_plat_unlock();
	return 0;
}

int cw_port_mqtt_input(uint8_t conn)
{
	(void)conn;

	for (;;) {
		cw_plat_lock();
		if (q_len == 0 || !open_) {
			busy = false;
			cw_plat_broadcast();
			cw_plat_unlock();
			return 0;
		}
		current = queue[q_head];
		q_head = (q_head + 1) % LB_QUEUE_LEN;
		q_len--;
		busy = true;
		cw_plat_broadcast();
		cw_plat_unlock();

		switch (current.kind) {
		case LB_IN_CONNACK:
			cw_mqtt_on_connack(CW_CONN_NRF_CLOUD, current.code, current.flag);
			break;
		case LB_IN_SUBACK:
			cw_mqtt_on_suback(CW_CONN_NRF_CLOUD, current.msg_id, current.code);
			break;
		case LB_IN_PUBACK:
			cw_mqtt_on_puback(CW_CONN_NRF_CLOUD, current.msg_id, 0);
			break;
		case LB_IN_PINGRESP:
			cw_mqtt_on_pingresp(CW_CONN_NRF_CLOUD);
			break;
		case LB_IN_PUBLISH:
			cw_mqtt_on_publish(CW_CONN_NRF_CLOUD, (const uint8_t *)current.topic,
					   current.topic_len, current.payload, current.payload_len,
					   current.qos, current.msg_id);
			break;
		case LB_IN_PUBLISH_TOO_LARGE:
			cw_mqtt_on_publish_too_large(CW_CONN_NRF_CLOUD,
						     (const uint8_t *)current.topic,
						     current.topic_len, current.payload_len);
			break;
		case LB_IN_CLOSE: {
			/* As Zephyr's MQTT client: a read of 0 bytes closes the
			 * client, reports DISCONNECT with -ENOTCONN and fails.
			 */
			int err = neg_errno(CW_ENOTCONN);

			cw_plat_lock();
			open_ = false;
			q_len = 0;
			busy = false;
			cw_plat_broadcast();
			cw_plat_unlock();
			cw_mqtt_on_disconnect(CW_CONN_NRF_CLOUD, err);
			return err;
		}
		}
	}
}

int cw_port_mqtt_live(uint8_t conn)
{
	(void)conn;
	/* Keepalive timing is not simulated: PINGREQ only on cw_port_mqtt_ping(). */
	return neg_errno(CW_EAGAIN);
}

int cw_port_mqtt_ping(uint8_t conn)
{
	(void)conn;
	cw_plat_lock();
	if (!open_) {
		cw_plat_unlock();
		return neg_errno(CW_ENOTCONN);
	}
	if (record(LB_OP_PING) != NULL) {
		commit();
	}
	cw_plat_unlock();
	return 0;
}

int cw_port_mqtt_keepalive_set(uint8_t conn, uint16_t keepalive_s)
{
	struct lb_op *op;

	(void)conn;
	cw_plat_lock();
	op = record(LB_OP_KEEPALIVE);
	if (op != NULL) {
		op->keepalive_s = keepalive_s;
		commit();
	}
	cw_plat_unlock();
	return 0;
}

int cw_port_mqtt_keepalive_time_left(uint8_t conn)
{
	bool o;

	(void)conn;
	cw_plat_lock();
	o = open_;
	cw_plat_unlock();
	return o ? 60000 : -1;
}

int cw_port_mqtt_wait(uint8_t conn, int32_t timeout_ms)
{
	int64_t deadline = cw_plat_now_ms() + (timeout_ms < 0 ? 3600000 : timeout_ms);
	int ret;

	(void)conn;
	cw_plat_lock();
	while (open_ && q_len == 0 && cw_plat_wait_until(deadline) == 0) {
	}
	if (!open_) {
		ret = CW_POLL_NVAL;
	} else if (q_len > 0) {
		ret = CW_POLL_IN;
	} else {
		ret = 0;
	}
	cw_plat_unlock();
	return ret;
}

int cw_port_mqtt_socket(uint8_t conn)
{
	(void)conn;
	return lb_is_open() ? 3 : -1;
}
