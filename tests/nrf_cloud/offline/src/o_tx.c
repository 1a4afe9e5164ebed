/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Sending once READY: payload bytes, topics, QoS, message IDs and ACKs. */

#include "off.h"

#include <errno.h>
#include <string.h>

static struct nrf_cloud_sensor_data sensor(enum nrf_cloud_sensor type, const char *value,
					   uint16_t tag, int64_t ts)
{
	struct nrf_cloud_sensor_data d = {
		.type = type,
		.data = { .len = (uint32_t)strlen(value), .ptr = value },
		.tag = tag,
		.ts_ms = ts,
	};

	return d;
}

#define TEMP_EXAMPLE                                                                               \
	"{\"appId\":\"TEMP\",\"data\":\"23.5\",\"messageType\":\"DATA\",\"ts\":1700000000000}"
#define ESCAPED "{\"appId\":\"BUTTON\",\"data\":\"a\\\"b\\\\c\\n\",\"messageType\":\"DATA\"}"

CW_SCENARIO(nrf_cloud_offline, tx_sensor)
{
	static const char *const app_ids[] = { "GNSS",     "FLIP",     "BUTTON", "TEMP",
					       "HUMID",    "AIR_PRESS", "AIR_QUAL", "RSRP",
					       "LOG",      "DICTLOG",  "DEVICE", "LIGHT" };
	char expected[160];
	struct nrf_cloud_sensor_data d;
	const struct lb_op *op;
	int c = 0;
	int n;

	off_init();
	n = off_connect_to_ready(&c, 0);

	/* The ref's example, byte for byte, with a user tag. */
	d = sensor(NRF_CLOUD_SENSOR_TEMP, "23.5", 10000, 1700000000000LL);
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), 0, "send");
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	OFF_CHECK_PUBLISH(op, off_msg_topic("d2c"),
			  TEMP_EXAMPLE, strlen(TEMP_EXAMPLE), 1, 10000);
	lb_inject_puback(10000);
	n = CW_EXPECT_EVENTS(n, CW_EV(SENSOR_DATA_ACK, 0));
	CW_CHECK_INT(evrec_at(n - 1)->ack_tag, 10000, "ACK tag");
	CW_CHECK_INT(evrec_at(n - 1)->data_len, 2, "ACK data length");

	/* Every sensor type's appId; automatic message IDs from 1000 on; a
	 * PUBACK for an automatic ID is not an event.
	 */
	for (int t = NRF_CLOUD_SENSOR_GNSS; t <= NRF_CLOUD_SENSOR_LIGHT; t++) {
		d = sensor((enum nrf_cloud_sensor)t, "v", 0, NRF_CLOUD_NO_TIMESTAMP);
		CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), 0, "send");
		op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
		cw_expect_sensor(expected, sizeof(expected), app_ids[t], "v", 0);
		OFF_CHECK_PUBLISH(op, off_msg_topic("d2c"), expected, strlen(expected), 1,
				  1000 + t);
		lb_inject_puback((uint16_t)(1000 + t));
	}
	/* Stream: QoS 0, message ID 0, tag ignored; negative timestamps too. */
	d = sensor(NRF_CLOUD_SENSOR_HUMID, "55", 20000, -5);
	CW_CHECK_INT(nrf_cloud_sensor_data_stream(&d), 0, "stream");
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	cw_expect_sensor(expected, sizeof(expected), "HUMID", "55", -5);
	OFF_CHECK_PUBLISH(op, off_msg_topic("d2c"), expected, strlen(expected), 0, 0);

	/* A value that needs JSON escaping. */
	d = sensor(NRF_CLOUD_SENSOR_BUTTON, "a\"b\\c\n", 0, 0);
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), 0, "send escaped");
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	OFF_CHECK_PUBLISH(op, off_msg_topic("d2c"),
			  ESCAPED, strlen(ESCAPED), 1, 1012);

	/* Bad arguments. */
	d = sensor((enum nrf_cloud_sensor)99, "v", 0, 0);
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), -EINVAL, "unknown sensor type");
	d = sensor(NRF_CLOUD_SENSOR_TEMP, "v", 0, 0);
	d.data.ptr = NULL;
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), -EINVAL, "NULL data");
	CW_CHECK_INT(nrf_cloud_sensor_data_send(NULL), -EINVAL, "NULL");
	CW_CHECK_INT(nrf_cloud_sensor_data_stream(NULL), -EINVAL, "stream NULL");
	CW_CHECK_INT(lb_wait_drained(OFF_TIMEOUT_MS), 0, "input processed");
	CW_EXPECT_QUIET(n, 100);
	OFF_EXPECT_NO_OP(c, 0);
}

static struct nrf_cloud_tx_data tx(enum nrf_cloud_topic_type type, enum mqtt_qos qos, uint32_t id,
				   const char *data)
{
	struct nrf_cloud_tx_data m = {
		.obj = NULL,
		.data = { .len = (uint32_t)strlen(data), .ptr = data },
		.topic_type = type,
		.qos = qos,
		.id = id,
	};

	return m;
}

CW_SCENARIO(nrf_cloud_offline, tx_send_topics)
{
	struct nrf_cloud_tx_data m;
	const struct lb_op *op;
	int c = 0;
	int n;

	off_init();
	n = off_connect_to_ready(&c, 0);

	m = tx(NRF_CLOUD_TOPIC_MESSAGE, MQTT_QOS_1_AT_LEAST_ONCE, 0, "{\"m\":1}");
	CW_CHECK_INT(nrf_cloud_send(&m), 0, "MESSAGE");
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	OFF_CHECK_PUBLISH(op, off_msg_topic("d2c"), "{\"m\":1}", 7, 1, 1000);

	m = tx(NRF_CLOUD_TOPIC_MESSAGE, MQTT_QOS_0_AT_MOST_ONCE, 0, "{\"m\":2}");
	CW_CHECK_INT(nrf_cloud_send(&m), 0, "MESSAGE QoS 0");
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	OFF_CHECK_PUBLISH(op, off_msg_topic("d2c"), "{\"m\":2}", 7, 0, 0);

	m = tx(NRF_CLOUD_TOPIC_BULK, MQTT_QOS_1_AT_LEAST_ONCE, 65535, "[1,2]");
	CW_CHECK_INT(nrf_cloud_send(&m), 0, "BULK");
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	OFF_CHECK_PUBLISH(op, off_msg_topic("d2c/bulk"), "[1,2]", 5, 1, 65535);
	lb_inject_puback(65535);
	n = CW_EXPECT_EVENTS(n, CW_EV(SENSOR_DATA_ACK, 0));
	CW_CHECK_INT(evrec_at(n - 1)->ack_tag, 65535, "ACK tag");

	m = tx(NRF_CLOUD_TOPIC_BIN, MQTT_QOS_0_AT_MOST_ONCE, 0, "bin");
	CW_CHECK_INT(nrf_cloud_send(&m), 0, "BIN");
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	OFF_CHECK_PUBLISH(op, off_msg_topic("d2c/bin"), "bin", 3, 0, 0);

	/* STATE: shadow update with QoS 1 whatever msg->qos says. */
	m = tx(NRF_CLOUD_TOPIC_STATE, MQTT_QOS_0_AT_MOST_ONCE, 0, "{\"state\":{}}");
	CW_CHECK_INT(nrf_cloud_send(&m), 0, "STATE");
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	OFF_CHECK_PUBLISH(op, off_dev_topic("/shadow/update"), "{\"state\":{}}", 12, 1, 1001);

	m = tx(NRF_CLOUD_TOPIC_MESSAGE, MQTT_QOS_2_EXACTLY_ONCE, 0, "{}");
	CW_CHECK_INT(nrf_cloud_send(&m), -EINVAL, "MESSAGE QoS 2");
	m = tx((enum nrf_cloud_topic_type)0, MQTT_QOS_1_AT_LEAST_ONCE, 0, "{}");
	CW_CHECK_INT(nrf_cloud_send(&m), -ENODATA, "topic type 0");
	m = tx(NRF_CLOUD_TOPIC_MESSAGE, MQTT_QOS_1_AT_LEAST_ONCE, 0, "{}");
	m.obj = (struct nrf_cloud_obj *)(void *)&m;
	CW_CHECK_INT(nrf_cloud_send(&m), -ENOTSUP, "obj given");

	/* A failing port send is returned as is. */
	lb_set_publish_result(-cw_port_errno(CW_EIO));
	m = tx(NRF_CLOUD_TOPIC_MESSAGE, MQTT_QOS_1_AT_LEAST_ONCE, 0, "{}");
	CW_CHECK_INT(nrf_cloud_send(&m), -cw_port_errno(CW_EIO), "port error");
	lb_set_publish_result(0);
	(void)OFF_NEXT_OP(c, LB_OP_PUBLISH);
	CW_EXPECT_QUIET(n, 100);
	OFF_EXPECT_NO_OP(c, 0);
}

CW_SCENARIO(nrf_cloud_offline, tx_message_too_big)
{
	static char big[4096 + 1];
	struct nrf_cloud_tx_data m;
	struct nrf_cloud_sensor_data d;
	size_t tx_len = 0;
	int c = 0;

	(void)cw_port_tx_buffer(CW_CONN_NRF_CLOUD, &tx_len);
	cw_port_tx_buffer_release(CW_CONN_NRF_CLOUD);
	CW_CHECK(tx_len > 0 && tx_len < sizeof(big) - 64, "port tx buffer size %zu", tx_len);
	off_init();
	(void)off_connect_to_ready(&c, 0);

	/* A sensor message that does not fit the transmit buffer is refused,
	 * never cut.
	 */
	memset(big, 'z', tx_len);
	big[tx_len] = '\0';
	d = sensor(NRF_CLOUD_SENSOR_TEMP, big, 0, 0);
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), -ENOMEM, "oversized sensor message");
	/* Already encoded data is sent as it is. */
	m = tx(NRF_CLOUD_TOPIC_MESSAGE, MQTT_QOS_0_AT_MOST_ONCE, 0, big);
	CW_CHECK_INT(nrf_cloud_send(&m), 0, "large pre-encoded message");
	CW_CHECK_INT(OFF_NEXT_OP(c, LB_OP_PUBLISH)->payload_len, tx_len, "payload length");
	OFF_EXPECT_NO_OP(c, 50);
}

CW_SCENARIO(nrf_cloud_offline, tx_process_with_poll_thread)
{
	/* With the poll thread, nrf_cloud_process() is not needed but stays
	 * harmless: nothing to read, no ping due.
	 */
	int c = 0;
	int n;

	off_init();
	n = off_connect_to_ready(&c, 0);
	CW_CHECK_INT(nrf_cloud_process(), -EAGAIN, "nrf_cloud_process() when connected");
	CW_EXPECT_QUIET(n, 50);
	OFF_EXPECT_NO_OP(c, 0);
}
