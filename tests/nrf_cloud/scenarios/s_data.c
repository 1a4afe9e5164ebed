/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Device-to-cloud data: sensor send/stream, nrf_cloud_send() to every topic,
 * exact payloads, QoS and ACK tags.
 */

#include "scn.h"

#include <errno.h>
#include <string.h>

static void check_ack(int index, uint16_t tag)
{
	const struct evrec_event *e = evrec_at(index);

	CW_CHECK(e != NULL, "no event #%d", index);
	CW_CHECK_INT(e->data_len, 2, "SENSOR_DATA_ACK data.len");
	CW_CHECK_INT(e->ack_tag, tag, "SENSOR_DATA_ACK tag");
}

CW_SCENARIO(nrf_cloud_conformance, send_sensor_data)
{
	static const char with_ts[] =
		"{\"appId\":\"TEMP\",\"data\":\"23.5\",\"messageType\":\"DATA\",\"ts\":1700000000000}";
	static const char without_ts[] = "{\"appId\":\"TEMP\",\"data\":\"24\",\"messageType\":\"DATA\"}";
	static const char humid[] = "{\"appId\":\"HUMID\",\"data\":\"41\",\"messageType\":\"DATA\"}";
	struct nrf_cloud_sensor_data d = scn_temp("23.5", 10000, 1700000000000LL);
	int n;

	scn_init();
	n = scn_connect_associated(true);

	/* A user tag: QoS 1, and its PUBACK comes back as SENSOR_DATA_ACK. */
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), 0, "send (tag 10000)");
	n = CW_EXPECT_EVENTS(n, CW_EV(SENSOR_DATA_ACK, 0));
	check_ack(n - 1, 10000);
	SCN_CHECK_MESSAGE(0, scn_topic("d2c"), 1, with_ts, strlen(with_ts));

	/* No timestamp: no "ts". Tag 0 (not a user tag): no ACK event. */
	d = scn_temp("24", 0, NRF_CLOUD_NO_TIMESTAMP);
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), 0, "send (no tag)");
	SCN_CHECK_MESSAGE(1, scn_topic("d2c"), 1, without_ts, strlen(without_ts));

	/* 9999 is an automatic ID, not a user tag: no ACK event either. */
	d = scn_temp("24", 9999, NRF_CLOUD_NO_TIMESTAMP);
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), 0, "send (tag 9999)");
	SCN_CHECK_MESSAGE(2, scn_topic("d2c"), 1, without_ts, strlen(without_ts));
	CW_EXPECT_QUIET(n, 300);

	/* The largest user tag, and another sensor type. */
	d = scn_temp("41", 0xFFFF, NRF_CLOUD_NO_TIMESTAMP);
	d.type = NRF_CLOUD_SENSOR_HUMID;
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), 0, "send (tag 65535)");
	n = CW_EXPECT_EVENTS(n, CW_EV(SENSOR_DATA_ACK, 0));
	check_ack(n - 1, 0xFFFF);
	SCN_CHECK_MESSAGE(3, scn_topic("d2c"), 1, humid, strlen(humid));

	CW_CHECK_INT(nrf_cloud_sensor_data_send(NULL), -EINVAL, "send(NULL)");
	CW_EXPECT_QUIET(n, 300);
	CW_CHECK_INT(emu_message_count(scn_id), 4, "messages sent");
}

CW_SCENARIO(nrf_cloud_conformance, stream_sensor_data)
{
	static const char expected[] =
		"{\"appId\":\"TEMP\",\"data\":\"-3\",\"messageType\":\"DATA\",\"ts\":1}";
	struct nrf_cloud_sensor_data d = scn_temp("-3", 12345, 1);
	int n;

	scn_init();
	n = scn_connect_associated(true);
	/* QoS 0 and the tag ignored: no ACK event. */
	CW_CHECK_INT(nrf_cloud_sensor_data_stream(&d), 0, "stream");
	SCN_CHECK_MESSAGE(0, scn_topic("d2c"), 0, expected, strlen(expected));
	CW_EXPECT_QUIET(n, 500);
	CW_CHECK_INT(nrf_cloud_sensor_data_stream(NULL), -EINVAL, "stream(NULL)");
}

static struct nrf_cloud_tx_data tx(enum nrf_cloud_topic_type type, enum mqtt_qos qos, uint32_t id,
				   const void *data, size_t len)
{
	struct nrf_cloud_tx_data msg = {
		.obj = NULL,
		.data = { .len = (uint32_t)len, .ptr = data },
		.topic_type = type,
		.qos = qos,
		.id = id,
	};

	return msg;
}

CW_SCENARIO(nrf_cloud_conformance, send_every_topic)
{
	static const char message[] = "{\"appId\":\"HUMID\",\"messageType\":\"DATA\",\"data\":\"55\"}";
	static const char bulk[] = "[{\"appId\":\"TEMP\",\"messageType\":\"DATA\",\"data\":\"1\"},"
				   "{\"appId\":\"TEMP\",\"messageType\":\"DATA\",\"data\":\"2\"}]";
	/* nrf_cloud_bin_hdr "nRFC", format 1, then data, including 0x00 and 0xFF. */
	static const uint8_t bin[] = { 0x6e, 0x52, 0x46, 0x43, 0x01, 0x00, 0x00, 0x00, 0x10,
				       0x32, 0x54, 0x76, 0x00, 0x00, 0x00, 0x00, 0x07, 0x00,
				       0x00, 0x00, 0x00, 0xff, 0x80, 0x7f };
	static const char state[] = "{\"state\":{\"reported\":{\"sensors\":{\"rate\":10}}}}";
	struct nrf_cloud_tx_data msg;
	int updates;
	int n;

	scn_init();
	n = scn_connect_associated(true);
	updates = emu_shadow_update_count(scn_id);

	msg = tx(NRF_CLOUD_TOPIC_MESSAGE, MQTT_QOS_1_AT_LEAST_ONCE, 12345, message,
		 strlen(message));
	CW_CHECK_INT(nrf_cloud_send(&msg), 0, "MESSAGE QoS 1 id 12345");
	n = CW_EXPECT_EVENTS(n, CW_EV(SENSOR_DATA_ACK, 0));
	check_ack(n - 1, 12345);
	SCN_CHECK_MESSAGE(0, scn_topic("d2c"), 1, message, strlen(message));

	msg = tx(NRF_CLOUD_TOPIC_MESSAGE, MQTT_QOS_0_AT_MOST_ONCE, 0, message, strlen(message));
	CW_CHECK_INT(nrf_cloud_send(&msg), 0, "MESSAGE QoS 0");
	SCN_CHECK_MESSAGE(1, scn_topic("d2c"), 0, message, strlen(message));

	msg = tx(NRF_CLOUD_TOPIC_BULK, MQTT_QOS_1_AT_LEAST_ONCE, 0, bulk, strlen(bulk));
	CW_CHECK_INT(nrf_cloud_send(&msg), 0, "BULK QoS 1");
	SCN_CHECK_MESSAGE(2, scn_topic("d2c/bulk"), 1, bulk, strlen(bulk));

	msg = tx(NRF_CLOUD_TOPIC_BIN, MQTT_QOS_0_AT_MOST_ONCE, 0, bin, sizeof(bin));
	CW_CHECK_INT(nrf_cloud_send(&msg), 0, "BIN QoS 0");
	SCN_CHECK_MESSAGE(3, scn_topic("d2c/bin"), 0, bin, sizeof(bin));

	msg = tx(NRF_CLOUD_TOPIC_BIN, MQTT_QOS_1_AT_LEAST_ONCE, 40000, bin, sizeof(bin));
	CW_CHECK_INT(nrf_cloud_send(&msg), 0, "BIN QoS 1 id 40000");
	n = CW_EXPECT_EVENTS(n, CW_EV(SENSOR_DATA_ACK, 0));
	check_ack(n - 1, 40000);
	SCN_CHECK_MESSAGE(4, scn_topic("d2c/bin"), 1, bin, sizeof(bin));

	/* STATE goes to the shadow with QoS 1 whatever msg->qos says. */
	msg = tx(NRF_CLOUD_TOPIC_STATE, MQTT_QOS_0_AT_MOST_ONCE, 0, state, strlen(state));
	CW_CHECK_INT(nrf_cloud_send(&msg), 0, "STATE");
	SCN_CHECK_SHADOW_UPDATE(updates, state);

	/* Argument errors: nothing is sent. */
	msg = tx(NRF_CLOUD_TOPIC_MESSAGE, MQTT_QOS_2_EXACTLY_ONCE, 0, message, strlen(message));
	CW_CHECK_INT(nrf_cloud_send(&msg), -EINVAL, "MESSAGE QoS 2");
	msg = tx((enum nrf_cloud_topic_type)99, MQTT_QOS_1_AT_LEAST_ONCE, 0, message,
		 strlen(message));
	CW_CHECK_INT(nrf_cloud_send(&msg), -ENODATA, "unknown topic type");
	msg = tx(NRF_CLOUD_TOPIC_MESSAGE, MQTT_QOS_1_AT_LEAST_ONCE, 0, message, strlen(message));
	msg.obj = (struct nrf_cloud_obj *)(void *)&msg;
	CW_CHECK_INT(nrf_cloud_send(&msg), -ENOTSUP, "obj given");
	CW_CHECK_INT(nrf_cloud_send(NULL), -EINVAL, "send(NULL)");

	CW_EXPECT_QUIET(n, 300);
	CW_CHECK_INT(emu_message_count(scn_id), 5, "messages sent");
	CW_CHECK_INT(emu_shadow_update_count(scn_id), updates + 1, "shadow updates sent");
}

CW_SCENARIO(nrf_cloud_conformance, send_before_ready)
{
	static const char message[] = "{\"appId\":\"X\"}";
	struct nrf_cloud_tx_data msg =
		tx(NRF_CLOUD_TOPIC_MESSAGE, MQTT_QOS_1_AT_LEAST_ONCE, 0, message, strlen(message));
	struct nrf_cloud_sensor_data d = scn_temp("1", 0, 0);
	int n;

	scn_init();
	CW_CHECK_INT(nrf_cloud_send(&msg), -EACCES, "MESSAGE before connect");
	msg.topic_type = NRF_CLOUD_TOPIC_STATE;
	CW_CHECK_INT(nrf_cloud_send(&msg), -EACCES, "STATE before connect");
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), -EACCES, "sensor send before connect");

	/* Waiting for association: the shadow is usable, messages are not. */
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	n = CW_EXPECT_EVENTS(0, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0),
		       CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATION_REQUEST, 0));
	msg.topic_type = NRF_CLOUD_TOPIC_MESSAGE;
	CW_CHECK_INT(nrf_cloud_send(&msg), -EACCES, "MESSAGE while not associated");
	CW_CHECK_INT(nrf_cloud_sensor_data_stream(&d), -EACCES, "stream while not associated");
	CW_EXPECT_QUIET(n, 300);
	CW_CHECK_INT(emu_message_count(scn_id), 0, "messages sent");

	/* Once associated, the same calls work. (This also ends the
	 * association cycle, which matters where scenarios share one boot.)
	 */
	CW_CHECK_INT(emu_associate(scn_id), 0, "emulator: associate");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0),
			     CW_EV(READY, 0));
	SCN_CHECK_SHADOW_UPDATE(1, scn_paired_report(true, n - 2));
	CW_CHECK_INT(nrf_cloud_send(&msg), 0, "MESSAGE when ready");
	SCN_CHECK_MESSAGE(0, scn_topic("d2c"), 1, message, strlen(message));
}
