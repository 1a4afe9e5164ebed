/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

#include "off.h"

#include "cw_plat.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

char off_id[NRF_CLOUD_CLIENT_ID_MAX_LEN + 1];

static bool initialized;
/* The device's control values, kept by the library for the whole boot. */
static bool ctrl_alerts;
static int ctrl_log_lvl = 1;
static char topic_buf[2][160];
static int topic_next;
static char doc_buf[768];

void off_before(void)
{
	lb_reset();
	lb_settings_clear();
	evrec_reset();
	initialized = false;
	CW_CHECK_INT(nrf_cloud_client_id_get(off_id, sizeof(off_id)), 0,
		     "nrf_cloud_client_id_get()");
}

void off_after(void)
{
	if (initialized) {
		/* The loopback closes at once, so uninit never waits long. */
		(void)nrf_cloud_uninit();
		initialized = false;
	}
	nrf_cloud_sec_tag_set(off_cfg()->sec_tag);
	lb_reset();
}

void off_init(void)
{
	const struct nrf_cloud_init_param param = {
		.event_handler = evrec_handler,
	};

	CW_CHECK_INT(nrf_cloud_init(&param), 0, "nrf_cloud_init()");
	initialized = true;
}

const struct cw_nrf_cloud_config *off_cfg(void)
{
	return cw_port_nrf_cloud_config();
}

static char *next_topic_buf(void)
{
	topic_next = (topic_next + 1) % 2;
	return topic_buf[topic_next];
}

const char *off_dev_topic(const char *suffix)
{
	char *buf = next_topic_buf();

	snprintf(buf, sizeof(topic_buf[0]), "%s%s", off_id, suffix);
	return buf;
}

const char *off_msg_topic(const char *suffix)
{
	char *buf = next_topic_buf();

	snprintf(buf, sizeof(topic_buf[0]), OFF_PREFIX "m/d/%s/%s", off_id, suffix);
	return buf;
}

static const char *kind_name(enum lb_op_kind k)
{
	switch (k) {
	case LB_OP_CONNECT:
		return "CONNECT";
	case LB_OP_PUBLISH:
		return "PUBLISH";
	case LB_OP_SUBSCRIBE:
		return "SUBSCRIBE";
	case LB_OP_DISCONNECT:
		return "DISCONNECT";
	case LB_OP_ABORT:
		return "ABORT";
	case LB_OP_PING:
		return "PINGREQ";
	case LB_OP_KEEPALIVE:
		return "KEEPALIVE";
	}
	return "?";
}

const struct lb_op *off_next_op(int *cursor, enum lb_op_kind kind, const char *file, int line)
{
	int64_t deadline = cw_plat_now_ms() + OFF_TIMEOUT_MS;
	const struct lb_op *op;

	while ((op = lb_op_at(*cursor)) == NULL) {
		if (cw_plat_now_ms() >= deadline) {
			cw_test_fail(file, line, "timed out waiting for port operation #%d %s",
				     *cursor, kind_name(kind));
		}
		(void)lb_wait_op(kind, *cursor, 50);
	}
	if (op->kind != kind) {
		cw_test_fail(file, line, "port operation #%d: got %s (%s), expected %s", *cursor,
			     kind_name(op->kind), op->topic, kind_name(kind));
	}
	(*cursor)++;
	return op;
}

void off_check_publish(const struct lb_op *op, const char *topic, const void *payload,
		       size_t len, int qos, int msg_id, const char *file, int line)
{
	cw_check_str(op->topic, topic, "PUBLISH topic", file, line);
	cw_check_mem(op->payload, op->payload_len, payload, len, "PUBLISH payload", file, line);
	cw_check_int(op->qos, qos, "PUBLISH QoS", file, line);
	cw_check_int(op->msg_id, msg_id, "PUBLISH message ID", file, line);
}

void off_expect_no_op(int cursor, int32_t ms, const char *file, int line)
{
	cw_plat_sleep_ms(ms);
	if (lb_op_count() != cursor) {
		const struct lb_op *op = lb_op_at(cursor);

		cw_test_fail(file, line, "unexpected port operation #%d %s %s", cursor,
			     kind_name(op->kind), op->topic);
	}
}

static const char *pairing_doc(void)
{
	static char pairing[400];

	snprintf(pairing, sizeof(pairing),
		 "\"pairing\":{\"state\":\"paired\",\"topics\":{\"d2c\":\"" OFF_PREFIX
		 "m/d/%s/d2c\",\"c2d\":\"" OFF_PREFIX "m/d/%s/c2d\"}},"
		 "\"nrfcloud_mqtt_topic_prefix\":\"" OFF_PREFIX "\"",
		 off_id, off_id);
	return pairing;
}

const char *off_paired_trim(void)
{
	snprintf(doc_buf, sizeof(doc_buf), "{\"desired\":{%s},\"reported\":{}}", pairing_doc());
	return doc_buf;
}

const char *off_paired_delta(void)
{
	snprintf(doc_buf, sizeof(doc_buf), "{\"version\":3,\"timestamp\":1750000000,\"state\":{%s}}",
		 pairing_doc());
	return doc_buf;
}

void off_control_now(bool alerts, int log_lvl)
{
	ctrl_alerts = alerts;
	ctrl_log_lvl = log_lvl;
}

const char *off_paired_report(bool c2d_rewritten, int assoc_event)
{
	const struct evrec_event *assoc = evrec_at(assoc_event);
	bool info = assoc != NULL && assoc->paired_info;
	char d2c[160];
	char c2d[160];
	const struct cw_paired p = {
		.d2c = d2c,
		.c2d = c2d,
		.prefix = OFF_PREFIX,
		.keepalive_s = off_cfg()->keepalive_s,
		.alerts = ctrl_alerts,
		.log_lvl = ctrl_log_lvl,
		.method = (info && off_cfg()->send_conn_info) ? off_cfg()->connection_method : NULL,
		.c2d_rewritten = c2d_rewritten,
	};

	CW_CHECK(assoc != NULL && assoc->type == NRF_CLOUD_EVT_USER_ASSOCIATED,
		 "event #%d is not USER_ASSOCIATED", assoc_event);
	snprintf(d2c, sizeof(d2c), OFF_PREFIX "m/d/%s/d2c", off_id);
	snprintf(c2d, sizeof(c2d), OFF_PREFIX "m/d/%s/+/r", off_id);
	CW_CHECK(cw_expect_paired_report(doc_buf, sizeof(doc_buf), &p) > 0, "paired report size");
	return doc_buf;
}

int off_p_sesh(void)
{
	int value = -1;
	int n = lb_settings_read("nrf_cloud/p_sesh", &value, sizeof(value));

	if (n == -ENOENT) {
		return -1;
	}
	CW_CHECK_INT(n, (int)sizeof(value), "nrf_cloud/p_sesh size");
	return value;
}

int off_connect_to_ready(int *cursor, int n)
{
	const struct lb_op *op;
	const char *trim;

	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "nrf_cloud_connect()");
	op = OFF_NEXT_OP(*cursor, LB_OP_CONNECT);
	CW_CHECK_INT(op->clean_session, 1, "CONNECT clean session");
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0));

	lb_inject_connack(0, false);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTED, 0));
	op = OFF_NEXT_OP(*cursor, LB_OP_SUBSCRIBE);
	CW_CHECK_INT(op->msg_id, NCT_MSG_ID_CC_SUB, "SUBSCRIBE message ID");

	lb_inject_suback(NCT_MSG_ID_CC_SUB, 0);
	op = OFF_NEXT_OP(*cursor, LB_OP_PUBLISH);
	OFF_CHECK_PUBLISH(op, off_dev_topic("/shadow/get/trim"), "", 0, 1,
			  NCT_MSG_ID_STATE_REQUEST);
	lb_inject_puback(NCT_MSG_ID_STATE_REQUEST);

	trim = off_paired_trim();
	lb_inject_publish(off_dev_topic("/shadow/get/accepted/trim"), trim, strlen(trim), 1, 7);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0));
	op = OFF_NEXT_OP(*cursor, LB_OP_PUBLISH);
	{
		const char *report = off_paired_report(true, n - 1);

		OFF_CHECK_PUBLISH(op, off_dev_topic("/shadow/update"), report, strlen(report), 1,
				  NCT_MSG_ID_PAIR_STATUS_REPORT);
	}

	lb_inject_puback(NCT_MSG_ID_PAIR_STATUS_REPORT);
	op = OFF_NEXT_OP(*cursor, LB_OP_SUBSCRIBE);
	CW_CHECK_INT(op->msg_id, NCT_MSG_ID_DC_SUB, "c2d SUBSCRIBE message ID");
	CW_CHECK_INT(op->sub_count, 1, "c2d SUBSCRIBE topic count");
	CW_CHECK_STR(op->sub_topics[0], off_msg_topic("+/r"), "c2d SUBSCRIBE topic");

	lb_inject_suback(NCT_MSG_ID_DC_SUB, 0);
	n = CW_EXPECT_EVENTS(n, CW_EV(READY, 0));
	return n;
}
