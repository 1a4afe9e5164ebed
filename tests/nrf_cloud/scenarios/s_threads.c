/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Threads: the API called from inside the event handler, and from a second
 * thread while messages arrive. A deadlock shows up as a timeout.
 */

#include "scn.h"

#include "cw_plat.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* ---- calls from inside the handler ----------------------------------------- */

#define REENTRANT_TAG_1 20000
#define REENTRANT_TAG_2 20001

static int hook_rc[4] = { 99, 99, 99, 99 };
static int ready_count;

static void reentrant_hook(const struct nrf_cloud_evt *evt)
{
	struct nrf_cloud_sensor_data d;
	uint16_t tag;

	switch (evt->type) {
	case NRF_CLOUD_EVT_READY:
		/* Send from inside the handler, on both connections. */
		d = scn_temp("hook", ready_count == 0 ? REENTRANT_TAG_1 : REENTRANT_TAG_2, 0);
		hook_rc[ready_count == 0 ? 0 : 3] = nrf_cloud_sensor_data_send(&d);
		ready_count++;
		break;
	case NRF_CLOUD_EVT_SENSOR_DATA_ACK:
		memcpy(&tag, evt->data.ptr, sizeof(tag));
		if (tag == REENTRANT_TAG_1) {
			/* Disconnect from inside the handler ... */
			hook_rc[1] = nrf_cloud_disconnect();
		}
		break;
	case NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED:
		/* ... and connect again from inside the next one. */
		if (hook_rc[2] == 99) {
			hook_rc[2] = nrf_cloud_connect();
		}
		break;
	default:
		break;
	}
}

CW_SCENARIO(nrf_cloud_conformance, handler_calls_api)
{
	static const char expected[] = "{\"appId\":\"TEMP\",\"data\":\"hook\",\"messageType\":\"DATA\"}";
	int n;

	scn_init();
	CW_CHECK_INT(emu_associate(scn_id), 0, "emulator: associate");
	evrec_set_hook(reentrant_hook);
	CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	n = CW_EXPECT_EVENTS(0, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0),
			     CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0), CW_EV(READY, 0),
			     CW_EV(SENSOR_DATA_ACK, 0),
			     CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_USER_REQUEST));
	/* The DISCONNECTED handler's hook runs right after the event is recorded. */
	for (int i = 0; i < 100 && hook_rc[2] == 99; i++) {
		cw_plat_sleep_ms(10);
	}
	CW_CHECK_INT(hook_rc[0], 0, "send from the READY handler");
	CW_CHECK_INT(hook_rc[1], 0, "disconnect from the ACK handler");
	CW_CHECK_INT(evrec_at(5)->ack_tag, REENTRANT_TAG_1, "first ACK tag");
	if (hook_rc[2] != NRF_CLOUD_CONNECT_RES_SUCCESS) {
		/* Refused, as NCS does while its poll thread still finishes the
		 * old connection: then nothing happens until connected again.
		 */
		CW_CHECK_INT(hook_rc[2], NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED,
			     "connect from the DISCONNECTED handler");
		CW_EXPECT_QUIET(n, 300);
		CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS,
			     "reconnect");
	}
	/* Accepted (or connected again above): the connection really comes. */
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0),
			     CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0), CW_EV(READY, 0),
			     CW_EV(SENSOR_DATA_ACK, 0));
	evrec_set_hook(NULL);
	CW_CHECK_INT(hook_rc[3], 0, "send from the second READY handler");
	CW_CHECK_INT(evrec_at(n - 1)->ack_tag, REENTRANT_TAG_2, "second ACK tag");
	SCN_CHECK_MESSAGE(0, scn_topic("d2c"), 1, expected, strlen(expected));
	SCN_CHECK_MESSAGE(1, scn_topic("d2c"), 1, expected, strlen(expected));
	CW_EXPECT_QUIET(n, 300);
}

/* ---- a second thread ---------------------------------------------------- */

#define THREAD_SENDS 40
#define C2D_COUNT 20
#define THREAD_TAG_BASE 30000

static int thread_send_rc[THREAD_SENDS];
static int thread_stream_rc[THREAD_SENDS];
static int handler_id_rc = 99;

static void sender(void *arg)
{
	char value[8];

	(void)arg;
	for (int i = 0; i < THREAD_SENDS; i++) {
		struct nrf_cloud_sensor_data d;

		snprintf(value, sizeof(value), "%d", i);
		d = scn_temp(value, (uint16_t)(THREAD_TAG_BASE + i), 0);
		thread_send_rc[i] = nrf_cloud_sensor_data_send(&d);
		thread_stream_rc[i] = nrf_cloud_sensor_data_stream(&d);
	}
}

static void busy_hook(const struct nrf_cloud_evt *evt)
{
	char id[NRF_CLOUD_CLIENT_ID_MAX_LEN + 1];

	/* Take the library's lock from the event thread while the other
	 * thread sends.
	 */
	if (evt->type == NRF_CLOUD_EVT_RX_DATA_GENERAL) {
		int rc = nrf_cloud_client_id_get(id, sizeof(id));

		if (handler_id_rc == 99 || rc != 0) {
			handler_id_rc = rc;
		}
	}
}

CW_SCENARIO(nrf_cloud_conformance, second_thread)
{
	bool acked[THREAD_SENDS] = { false };
	int received[C2D_COUNT];
	int acks = 0;
	int c2d = 0;
	int n;

	scn_init();
	n = scn_connect_associated(true);
	evrec_set_hook(busy_hook);

	CW_CHECK_INT(cw_plat_thread_start(sender, NULL), 0, "start the sender thread");
	for (int i = 0; i < C2D_COUNT; i++) {
		char payload[32];

		snprintf(payload, sizeof(payload), "{\"seq\":%d}", i);
		CW_CHECK_INT(emu_c2d(scn_id, payload, strlen(payload), 1), 0, "emulator: c2d");
	}
	CW_CHECK_INT(cw_plat_thread_join(SCN_TIMEOUT_MS), 0, "sender thread finished");
	for (int i = 0; i < THREAD_SENDS; i++) {
		CW_CHECK_INT(thread_send_rc[i], 0, "send from the second thread");
		CW_CHECK_INT(thread_stream_rc[i], 0, "stream from the second thread");
	}

	/* Every ACK and every c2d message, each exactly once, nothing else. */
	CW_CHECK_INT(evrec_wait_count(n + THREAD_SENDS + C2D_COUNT, SCN_TIMEOUT_MS), 0,
		     "all events arrived");
	for (int i = n; i < n + THREAD_SENDS + C2D_COUNT; i++) {
		const struct evrec_event *e = evrec_at(i);

		if (e->type == NRF_CLOUD_EVT_SENSOR_DATA_ACK) {
			int k = e->ack_tag - THREAD_TAG_BASE;

			CW_CHECK(k >= 0 && k < THREAD_SENDS, "ACK for unknown tag %u", e->ack_tag);
			CW_CHECK(!acked[k], "second ACK for tag %u", e->ack_tag);
			acked[k] = true;
			acks++;
		} else if (e->type == NRF_CLOUD_EVT_RX_DATA_GENERAL) {
			int seq = -1;

			CW_CHECK(sscanf((const char *)e->data, "{\"seq\":%d}", &seq) == 1,
				 "c2d payload");
			CW_CHECK(c2d < C2D_COUNT, "too many c2d messages");
			received[c2d++] = seq;
		} else {
			cw_test_fail(__FILE__, __LINE__, "unexpected event #%d %s", i,
				     evrec_type_name(e->type));
		}
	}
	CW_CHECK_INT(acks, THREAD_SENDS, "ACK events");
	CW_CHECK_INT(c2d, C2D_COUNT, "RX_DATA_GENERAL events");
	for (int i = 0; i < C2D_COUNT; i++) {
		CW_CHECK_INT(received[i], i, "c2d messages in order");
	}
	CW_CHECK_INT(handler_id_rc, 0, "nrf_cloud_client_id_get() in the handler");
	evrec_set_hook(NULL);
	CW_EXPECT_QUIET(n + THREAD_SENDS + C2D_COUNT, 300);
	CW_CHECK_INT(evrec_dropped(), 0, "recorder overflow");

	/* The cloud got all of them: 40 with QoS 1 and 40 with QoS 0. */
	{
		int64_t deadline = cw_plat_now_ms() + SCN_TIMEOUT_MS;

		while (emu_message_count(scn_id) < 2 * THREAD_SENDS &&
		       cw_plat_now_ms() < deadline) {
			cw_plat_sleep_ms(50);
		}
		CW_CHECK_INT(emu_message_count(scn_id), 2 * THREAD_SENDS, "messages at the cloud");
	}
}

/* ---- sending while a received payload is being handled -------------------- */

/* Outgoing JSON is encoded into the payload buffer, behind an incoming
 * payload the application is still looking at (CONFIG_NRF_CLOUD_MQTT_
 * PAYLOAD_BUFFER_LEN, default 2048, plus its NUL). The received data must
 * stay intact, and a message that does not fit what is left is refused
 * with -ENOMEM.
 */
#define SHARED_TAG 21000

static int shared_rc[2] = { 99, 99 };
static int shared_intact[2] = { 99, 99 };
static int shared_seen;

static void shared_buffer_hook(const struct nrf_cloud_evt *evt)
{
	struct nrf_cloud_sensor_data d;
	const char *p = evt->data.ptr;
	int k;

	if (evt->type != NRF_CLOUD_EVT_RX_DATA_GENERAL || shared_seen >= 2) {
		return;
	}
	k = shared_seen++;
	d = scn_temp("while-receiving", (uint16_t)(SHARED_TAG + k), 0);
	shared_rc[k] = nrf_cloud_sensor_data_send(&d);
	/* Still the received bytes, 'r' ... 'r' and the NUL, after the send. */
	shared_intact[k] = p[evt->data.len] == '\0';
	for (size_t i = 0; i < evt->data.len; i++) {
		shared_intact[k] &= p[i] == 'r';
	}
}

CW_SCENARIO(nrf_cloud_conformance, send_while_receiving)
{
	static const char expected[] =
		"{\"appId\":\"TEMP\",\"data\":\"while-receiving\",\"messageType\":\"DATA\"}";
	static char c2d[2000 + 1];
	struct nrf_cloud_sensor_data d;
	int n;

	scn_init();
	n = scn_connect_associated(true);
	evrec_set_hook(shared_buffer_hook);

	/* 1500 bytes leave about 540 for the 63-byte sensor message. */
	memset(c2d, 'r', 1500);
	c2d[1500] = '\0';
	CW_CHECK_INT(emu_c2d(scn_id, c2d, 1500, 1), 0, "emulator: 1500-byte c2d");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_GENERAL, 0), CW_EV(SENSOR_DATA_ACK, 0));
	CW_CHECK_INT(shared_rc[0], 0, "send behind a 1500-byte payload");
	CW_CHECK_INT(shared_intact[0], 1, "received data intact after the send");
	CW_CHECK_INT(evrec_at(n - 1)->ack_tag, SHARED_TAG, "ACK tag");
	SCN_CHECK_MESSAGE(0, scn_topic("d2c"), 1, expected, strlen(expected));

	/* 2000 bytes leave 45: refused, nothing sent, the data still intact. */
	memset(c2d, 'r', 2000);
	c2d[2000] = '\0';
	CW_CHECK_INT(emu_c2d(scn_id, c2d, 2000, 1), 0, "emulator: 2000-byte c2d");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_GENERAL, 0));
	/* The hook runs right after the event is recorded. */
	for (int i = 0; i < 100 && shared_intact[1] == 99; i++) {
		cw_plat_sleep_ms(10);
	}
	CW_CHECK_INT(shared_rc[1], -ENOMEM, "send behind a 2000-byte payload");
	CW_CHECK_INT(shared_intact[1], 1, "received data intact after the refused send");
	CW_EXPECT_QUIET(n, 300);
	evrec_set_hook(NULL);

	/* Once the handler has returned the whole buffer is free again. */
	d = scn_temp("while-receiving", SHARED_TAG + 2, 0);
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), 0, "send after the handler");
	n = CW_EXPECT_EVENTS(n, CW_EV(SENSOR_DATA_ACK, 0));
	CW_CHECK_INT(evrec_at(n - 1)->ack_tag, SHARED_TAG + 2, "ACK tag");
	SCN_CHECK_MESSAGE(1, scn_topic("d2c"), 1, expected, strlen(expected));
}
