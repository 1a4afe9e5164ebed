/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

#include "scn.h"

#include "cw_expect.h"
#include "cw_plat.h"
#include "cw_tags.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char scn_id[NRF_CLOUD_CLIENT_ID_MAX_LEN + 1];

static bool initialized;
/* The device's control values: the library keeps them for the whole boot
 * (on Zephyr all scenarios share one). NCS's defaults to start with.
 */
static bool ctrl_alerts;
static int ctrl_log_lvl = 1;
/* The scenario stopped the broker: scn_after() starts it again. */
static bool broker_stopped;

/* Expected-output buffers (one of each in use at a time). */
static char paired_buf[1024];
static char topic_buf[192];
static struct emu_msg msg;

static void restore_broker(void)
{
	int64_t deadline;

	if (!broker_stopped) {
		return;
	}
	broker_stopped = false;
	(void)cw_plat_broker("start");
	deadline = cw_plat_now_ms() + SCN_TIMEOUT_MS;
	while (!emu_ready() && cw_plat_now_ms() < deadline) {
		cw_plat_sleep_ms(100);
	}
}

/* A platform where all scenarios share one boot (Zephyr) forgets the
 * device's saved settings here; a host runs each scenario in a new process.
 */
__attribute__((weak)) void scn_fresh_device(void)
{
}

void scn_before(void)
{
	int err;

	evrec_reset();
	initialized = false;
	scn_fresh_device();
	err = nrf_cloud_client_id_get(scn_id, sizeof(scn_id));
	CW_CHECK_INT(err, 0, "nrf_cloud_client_id_get()");
	CW_CHECK(emu_ready(), "the emulator at %s is not up and connected to the broker",
		 cw_plat_param("CW_EMU_ADDR", "127.0.0.1:8080"));
	CW_CHECK_INT(emu_reset(scn_id), 0, "emulator reset of the device");
}

void scn_after(void)
{
	int n;

	restore_broker();
	if (!initialized) {
		return;
	}
	/* Best effort: leave no connection and no initialized library behind. */
	n = evrec_count();
	if (nrf_cloud_disconnect() == 0) {
		(void)evrec_wait_type(NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED, n, 10000);
	}
	(void)nrf_cloud_uninit();
	initialized = false;
	nrf_cloud_sec_tag_set(CW_TAG_GOOD);
}

void scn_init(void)
{
	const struct nrf_cloud_init_param param = {
		.event_handler = evrec_handler,
	};

	CW_CHECK_INT(nrf_cloud_init(&param), 0, "nrf_cloud_init()");
	initialized = true;
}

void scn_check_shadow_update(int index, const char *expected, const char *file, int line)
{
	char what[48];
	char topic[128];
	int err = emu_wait_shadow_update(scn_id, index, &msg, SCN_TIMEOUT_MS);

	if (err != 0) {
		cw_test_fail(file, line, "shadow update #%d not received by the cloud (%d)", index,
			     err);
	}
	snprintf(topic, sizeof(topic), "%s/shadow/update", scn_id);
	snprintf(what, sizeof(what), "shadow update #%d topic", index);
	cw_check_str(msg.topic, topic, what, file, line);
	snprintf(what, sizeof(what), "shadow update #%d QoS", index);
	cw_check_int(msg.qos, 1, what, file, line);
	snprintf(what, sizeof(what), "shadow update #%d payload", index);
	cw_check_mem(msg.payload, msg.len, expected, strlen(expected), what, file, line);
}

void scn_check_message(int index, const char *topic, int qos, const void *payload, size_t len,
		       const char *file, int line)
{
	char what[48];
	int err = emu_wait_message(scn_id, index, &msg, SCN_TIMEOUT_MS);

	if (err != 0) {
		cw_test_fail(file, line, "message #%d not received by the cloud (%d)", index, err);
	}
	snprintf(what, sizeof(what), "message #%d topic", index);
	cw_check_str(msg.topic, topic, what, file, line);
	snprintf(what, sizeof(what), "message #%d QoS", index);
	cw_check_int(msg.qos, qos, what, file, line);
	snprintf(what, sizeof(what), "message #%d payload", index);
	cw_check_mem(msg.payload, msg.len, payload, len, what, file, line);
}

const char *scn_topic(const char *suffix)
{
	emu_topic(topic_buf, sizeof(topic_buf), scn_id, suffix);
	return topic_buf;
}

void scn_control_now(bool alerts, int log_lvl)
{
	ctrl_alerts = alerts;
	ctrl_log_lvl = log_lvl;
}

int scn_keepalive(void)
{
	return atoi(cw_plat_param("CONFIG_NRF_CLOUD_MQTT_KEEPALIVE", "1200"));
}

const char *scn_paired_report(bool c2d_rewritten, int assoc_event)
{
	const struct evrec_event *assoc = evrec_at(assoc_event);
	char d2c[160];
	char c2d[160];
	const struct cw_paired p = {
		.d2c = d2c,
		/* The device subscribes to the wildcard form of the c2d topic. */
		.c2d = c2d,
		.prefix = EMU_STAGE "/" EMU_TENANT "/",
		.keepalive_s = scn_keepalive(),
		.alerts = ctrl_alerts,
		.log_lvl = ctrl_log_lvl,
		.method = (assoc != NULL && assoc->paired_info)
				  ? cw_plat_param("CW_CONN_METHOD", "Unknown")
				  : NULL,
		.c2d_rewritten = c2d_rewritten,
	};

	CW_CHECK(assoc != NULL && assoc->type == NRF_CLOUD_EVT_USER_ASSOCIATED,
		 "event #%d is not USER_ASSOCIATED", assoc_event);
	emu_topic(d2c, sizeof(d2c), scn_id, "d2c");
	emu_topic(c2d, sizeof(c2d), scn_id, "+/r");
	CW_CHECK(cw_expect_paired_report(paired_buf, sizeof(paired_buf), &p) > 0,
		 "paired report buffer");
	return paired_buf;
}

int scn_connect_associated(bool first)
{
	static char trimmed[1024];
	int updates;
	int n;

	CW_CHECK_INT(emu_associate(scn_id), 0, "emulator: associate");
	/* What the cloud will answer to the shadow request, byte for byte. */
	CW_CHECK(emu_shadow(scn_id, trimmed, sizeof(trimmed)) > 0, "emulator: shadow");
	CW_CHECK(emu_last_reply_value("trimmed", trimmed, sizeof(trimmed)) > 0,
		 "emulator: trimmed shadow");
	updates = emu_shadow_update_count(scn_id);
	CW_CHECK(updates >= 0, "emulator: shadow update count");

	n = evrec_count();
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "nrf_cloud_connect()");
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0),
		       CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0), CW_EV(READY, 0));
	{
		char topic[128];

		snprintf(topic, sizeof(topic), "%s/shadow/get/accepted/trim", scn_id);
		CW_CHECK_EVENT_DATA(n - 3, trimmed, strlen(trimmed), topic);
	}
	SCN_CHECK_SHADOW_UPDATE(updates, scn_paired_report(first, n - 2));
	return n;
}

int scn_disconnect(int from)
{
	CW_CHECK_INT(nrf_cloud_disconnect(), 0, "nrf_cloud_disconnect()");
	return CW_EXPECT_EVENTS(from, CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_USER_REQUEST));
}

struct nrf_cloud_sensor_data scn_temp(const char *value, uint16_t tag, int64_t ts_ms)
{
	struct nrf_cloud_sensor_data d = {
		.type = NRF_CLOUD_SENSOR_TEMP,
		.data = { .len = (uint32_t)strlen(value), .ptr = value },
		.tag = tag,
		.ts_ms = ts_ms,
	};

	return d;
}

void scn_broker(const char *action)
{
	int err = cw_plat_broker(action);

	/* After "restart" the broker may also be down if starting failed. */
	broker_stopped = broker_stopped || strcmp(action, "start") != 0;
	CW_CHECK_INT(err, 0, action);
	if (strcmp(action, "stop") != 0) {
		int64_t deadline = cw_plat_now_ms() + SCN_TIMEOUT_MS;

		broker_stopped = false;
		while (!emu_ready()) {
			CW_CHECK(cw_plat_now_ms() < deadline,
				 "emulator did not reconnect to the broker");
			cw_plat_sleep_ms(100);
		}
	}
}

void scn_require_broker_control(void)
{
	if (cw_plat_broker(NULL) == -ENOTSUP) {
		cw_test_skip("the broker cannot be controlled from this platform");
	}
}
