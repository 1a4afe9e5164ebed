/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Every error path: each gives NCS's return code or event, and the library
 * keeps working afterwards.
 */

#include "scn.h"

#include "cw_plat.h"
#include "cw_tags.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Connects an already associated device again and checks it gets to READY. */
static int reconnect_to_ready(int n, uint32_t session)
{
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	return CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, session),
			  CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0), CW_EV(READY, 0));
}

/* Sends one tagged reading and checks its ACK: the connection works. */
static int check_data_path(int n, uint16_t tag)
{
	struct nrf_cloud_sensor_data d = scn_temp("7", tag, 0);

	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), 0, "send");
	n = CW_EXPECT_EVENTS(n, CW_EV(SENSOR_DATA_ACK, 0));
	CW_CHECK_INT(evrec_at(n - 1)->ack_tag, tag, "ACK tag");
	return n;
}

CW_SCENARIO(nrf_cloud_conformance, not_initialized)
{
	struct nrf_cloud_sensor_data d = scn_temp("1", 0, 0);
	struct nrf_cloud_tx_data msg = {
		.data = { .len = 2, .ptr = "{}" },
		.topic_type = NRF_CLOUD_TOPIC_MESSAGE,
		.qos = MQTT_QOS_1_AT_LEAST_ONCE,
	};
	struct nrf_cloud_init_param no_handler = { .event_handler = NULL };

	CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_ERR_NOT_INITD, "connect");
	CW_CHECK_INT(nrf_cloud_disconnect(), -EACCES, "disconnect");
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), -EACCES, "sensor send");
	CW_CHECK_INT(nrf_cloud_sensor_data_stream(&d), -EACCES, "sensor stream");
	CW_CHECK_INT(nrf_cloud_send(&msg), -EACCES, "send");
	CW_CHECK_INT(nrf_cloud_init(NULL), -EINVAL, "init(NULL)");
	CW_CHECK_INT(nrf_cloud_init(&no_handler), -EINVAL, "init without handler");

	/* Then initialised once, and not twice. */
	scn_init();
	{
		const struct nrf_cloud_init_param again = { .event_handler = evrec_handler };

		CW_CHECK_INT(nrf_cloud_init(&again), -EACCES, "second init");
	}
	CW_CHECK_INT(nrf_cloud_disconnect(), -EACCES, "disconnect before connect");
	CW_EXPECT_QUIET(0, 300);
}

CW_SCENARIO(nrf_cloud_conformance, already_connected)
{
	int n;

	scn_init();
	CW_CHECK_INT(emu_associate(scn_id), 0, "emulator: associate");
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	/* While connecting ... */
	CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED,
		     "connect while connecting");
	n = CW_EXPECT_EVENTS(0, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0),
		       CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0), CW_EV(READY, 0));
	/* ... and when ready. */
	CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED,
		     "connect when ready");
	CW_EXPECT_QUIET(n, 300);
	(void)check_data_path(n, 10001);
}

/* A connection attempt with the credentials of @p tag fails the way NCS
 * reports it: the TCP/TLS connection is refused, which nct_connect() turns
 * into -ECONNREFUSED, i.e. NRF_CLOUD_CONNECT_RES_ERR_CERT_MISC.
 */
static int expect_connect_error(int n)
{
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	return CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0),
			  CW_EV(TRANSPORT_CONNECT_ERROR,
				 (uint32_t)NRF_CLOUD_CONNECT_RES_ERR_CERT_MISC));
}

CW_SCENARIO(nrf_cloud_conformance, wrong_ca)
{
	int n = 0;

	cw_tags_install();
	scn_init();
	CW_CHECK_INT(emu_associate(scn_id), 0, "emulator: associate");
	nrf_cloud_sec_tag_set(CW_TAG_WRONG_CA);
	CW_CHECK_INT(nrf_cloud_sec_tag_get(), CW_TAG_WRONG_CA, "sec tag");
	n = expect_connect_error(n);
	CW_EXPECT_QUIET(n, 300);
	/* Fails again the same way: back in the initialized state. */
	n = expect_connect_error(n);

	nrf_cloud_sec_tag_set(CW_TAG_GOOD);
	n = reconnect_to_ready(n, 0);
	(void)check_data_path(n, 10002);
}

/* Whether the device's TLS stack negotiates TLS 1.3 with the broker: the host
 * port's does; Zephyr's mbedTLS only with CONFIG_MBEDTLS_TLS_VERSION_1_3.
 */
#if !defined(__ZEPHYR__) || defined(CONFIG_MBEDTLS_TLS_VERSION_1_3)
#define DEVICE_TLS_1_3 1
#else
#define DEVICE_TLS_1_3 0
#endif

CW_SCENARIO(nrf_cloud_conformance, wrong_client_cert)
{
	int n = 0;

	cw_tags_install();
	scn_init();
	CW_CHECK_INT(emu_associate(scn_id), 0, "emulator: associate");
	nrf_cloud_sec_tag_set(CW_TAG_WRONG_CLIENT_CERT);
	if (DEVICE_TLS_1_3) {
		/* TLS 1.3: the client finishes its handshake before the broker
		 * checks its certificate, so connecting succeeds; the broker
		 * then closes the connection without a CONNACK.
		 */
		CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
		n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0),
				     CW_EV(TRANSPORT_DISCONNECTED,
					   NRF_CLOUD_DISCONNECT_CLOSED_BY_REMOTE));
	} else {
		/* TLS 1.2 (the nRF91 modem): the handshake itself fails. */
		n = expect_connect_error(n);
	}
	CW_EXPECT_QUIET(n, 300);
	CW_CHECK_INT(emu_shadow_update_count(scn_id), 0, "nothing reached the cloud");

	nrf_cloud_sec_tag_set(CW_TAG_GOOD);
	n = reconnect_to_ready(n, 0);
	(void)check_data_path(n, 10003);
}

CW_SCENARIO(nrf_cloud_conformance, broker_down)
{
	int n = 0;

	scn_require_broker_control();
	scn_init();
	CW_CHECK_INT(emu_associate(scn_id), 0, "emulator: associate");
	scn_broker("stop");
	n = expect_connect_error(n);
	n = expect_connect_error(n);
	CW_EXPECT_QUIET(n, 300);

	scn_broker("start");
	n = reconnect_to_ready(n, 0);
	(void)check_data_path(n, 10004);
}

CW_SCENARIO(nrf_cloud_conformance, broker_restart)
{
	int n;

	scn_require_broker_control();
	scn_init();
	n = scn_connect_associated(true);
	scn_broker("restart");
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_CLOSED_BY_REMOTE));
	CW_EXPECT_QUIET(n, 300);

	/* The restarted broker has no session for the device. */
	n = reconnect_to_ready(n, 0);
	n = check_data_path(n, 10005);
	CW_EXPECT_QUIET(n, 300);
}

CW_SCENARIO(nrf_cloud_conformance, oversized_message)
{
	/* One byte more than CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN (2048). */
	static char big[2049 + 1];
	static const char small[] = "{\"appId\":\"CUSTOM\",\"data\":\"fits\"}";
	int n;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	scn_init();
	n = scn_connect_associated(true);

	/* Not delivered and not acked: like NCS, the library closes the
	 * connection (NCS reports USER_REQUEST there, cloudwire MISC: the
	 * application did not ask for it).
	 */
	CW_CHECK_INT(emu_c2d(scn_id, big, strlen(big), 1), 0, "emulator: oversized c2d");
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_MISC));
	CW_EXPECT_QUIET(n, 300);

	/* It keeps working: reconnect, and a message that fits arrives. The
	 * broker kept no session (the first connection was a clean one), so
	 * the unacknowledged message is not sent again.
	 */
	n = reconnect_to_ready(n, 0);
	CW_CHECK_INT(emu_c2d(scn_id, small, strlen(small), 1), 0, "emulator: small c2d");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_GENERAL, 0));
	CW_CHECK_EVENT_DATA(n - 1, small, strlen(small), scn_topic("c2d/r"));
	n = check_data_path(n, 10006);
	CW_EXPECT_QUIET(n, 300);
}

CW_SCENARIO(nrf_cloud_conformance, payload_buffer_limit)
{
	/* Exactly CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN bytes still fit. */
	static char exact[2048 + 1];
	int n;

	memset(exact, 'y', sizeof(exact) - 1);
	exact[sizeof(exact) - 1] = '\0';
	scn_init();
	n = scn_connect_associated(true);
	CW_CHECK_INT(emu_c2d(scn_id, exact, strlen(exact), 1), 0, "emulator: 2048-byte c2d");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_GENERAL, 0));
	CW_CHECK_INT(evrec_at(n - 1)->data_len, 2048, "received length");
	CW_CHECK_EVENT_DATA(n - 1, exact, strlen(exact), scn_topic("c2d/r"));
}

CW_SCENARIO(nrf_cloud_conformance, malformed_shadow)
{
	static const char *const bad[] = {
		"{not json",
		"",
		"[1,2,3]",
		"{\"version\":5,\"timestamp\":1}",        /* no "state" */
		"{\"state\":{\"app\":1}}",                /* no "version" */
		"{\"version\":\"x\",\"timestamp\":1,\"state\":{}", /* truncated */
	};
	char topic[128];
	struct emu_msg delta;
	int n;

	scn_init();
	n = scn_connect_associated(true);
	snprintf(topic, sizeof(topic), "%s/shadow/update/delta/full", scn_id);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CW_CHECK_INT(emu_publish(topic, bad[i], strlen(bad[i]), 1), 0,
			     "emulator: malformed delta");
	}
	snprintf(topic, sizeof(topic), "%s/shadow/get/accepted/trim", scn_id);
	CW_CHECK_INT(emu_publish(topic, "{\"desired\":", 11, 1), 0,
		     "emulator: malformed accepted");
	/* NCS logs and drops them: no event, no disconnect. */
	CW_EXPECT_QUIET(n, 700);

	/* A good delta after them still gets through. */
	CW_CHECK_INT(emu_desired(scn_id, "{\"app\":{\"after\":true}}"), 0, "emulator: desired");
	CW_CHECK_INT(emu_last_published(0, &delta), 0, "emulator: delta");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0));
	CW_CHECK_EVENT_DATA(n - 1, delta.payload, delta.len, NULL);
	(void)check_data_path(n, 10007);
}
