/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Connection flows: association, associated connect, persistent session,
 * user disconnect.
 */

#include "scn.h"

#include "cw_expect.h"
#include "cw_plat.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

CW_SUITE(nrf_cloud_conformance, scn_before, scn_after);

/* What the emulator answers to the shadow request of a device it does not
 * know yet (the cloud's side, given as input here).
 */
static const char unassociated_trim[] = "{\"desired\":{\"pairing\":{\"state\":\"not_associated\"}},"
					"\"reported\":{}}";

static const char *trim_topic(void)
{
	static char topic[128];

	snprintf(topic, sizeof(topic), "%s/shadow/get/accepted/trim", scn_id);
	return topic;
}

static const char *delta_topic(void)
{
	static char topic[128];

	snprintf(topic, sizeof(topic), "%s/shadow/update/delta/full", scn_id);
	return topic;
}

/* Counts the SUBSCRIBE lines the broker logged for this device (mosquitto
 * "log_type subscribe": "<time>: <client id> <qos> <topic>"). -1 if the
 * platform has no broker log.
 */
static int broker_subscribe_count(void)
{
	static char log[64 * 1024];
	char needle[NRF_CLOUD_CLIENT_ID_MAX_LEN + 8];
	int count = 0;
	const char *p;

	if (cw_plat_broker_log(log, sizeof(log)) < 0) {
		return -1;
	}
	snprintf(needle, sizeof(needle), ": %s 1 ", scn_id);
	for (p = strstr(log, needle); p != NULL; p = strstr(p + 1, needle)) {
		count++;
	}
	return count;
}

CW_SCENARIO(nrf_cloud_conformance, unassociated_first_connect)
{
	struct emu_msg delta;
	char tenant[NRF_CLOUD_TENANT_ID_MAX_LEN + 1];
	int n;

	scn_init();
	CW_CHECK_INT(nrf_cloud_tenant_id_get(tenant, sizeof(tenant)), -EINVAL,
		     "tenant before association");

	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "nrf_cloud_connect()");
	n = CW_EXPECT_EVENTS(0, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0),
		       CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATION_REQUEST, 0));
	CW_CHECK_EVENT_DATA(2, unassociated_trim, strlen(unassociated_trim), trim_topic());
	CW_CHECK(!evrec_at(2)->has_shadow, "evt->shadow must be NULL (no codec API)");
	SCN_CHECK_SHADOW_UPDATE(0, cw_expect_not_associated_report);
	/* Nothing else happens while the device waits for its user. */
	CW_EXPECT_QUIET(n, 500);

	/* The user adds the device to an account. */
	CW_CHECK_INT(emu_associate(scn_id), 0, "emulator: associate");
	CW_CHECK_INT(emu_last_published(0, &delta), 0, "emulator: association delta");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0), CW_EV(READY, 0));
	CW_CHECK_EVENT_DATA(n - 3, delta.payload, delta.len, delta_topic());
	SCN_CHECK_SHADOW_UPDATE(1, scn_paired_report(true, n - 2));
	CW_CHECK_INT(nrf_cloud_tenant_id_get(tenant, sizeof(tenant)), 0, "tenant after association");
	CW_CHECK_STR(tenant, EMU_TENANT, "tenant ID");

	/* Reconnect: the account association is remembered by the cloud. The
	 * first connection used a clean session, so the broker has none.
	 */
	n = scn_disconnect(n);
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "reconnect");
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0),
		       CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0), CW_EV(READY, 0));
	SCN_CHECK_SHADOW_UPDATE(2, scn_paired_report(false, n - 2));
	CW_EXPECT_QUIET(n, 300);
	CW_CHECK_INT(emu_shadow_update_count(scn_id), 3, "shadow updates sent");
}

CW_SCENARIO(nrf_cloud_conformance, associated_connect)
{
	char tenant[NRF_CLOUD_TENANT_ID_MAX_LEN + 1];
	int n;

	scn_init();
	n = scn_connect_associated(true);
	CW_CHECK_INT(nrf_cloud_tenant_id_get(tenant, sizeof(tenant)), 0, "tenant");
	CW_CHECK_STR(tenant, EMU_TENANT, "tenant ID");
	CW_CHECK_INT(nrf_cloud_tenant_id_get(tenant, strlen(EMU_TENANT)), -EMSGSIZE,
		     "tenant into a short buffer");
	CW_EXPECT_QUIET(n, 300);
	CW_CHECK_INT(emu_shadow_update_count(scn_id), 1, "shadow updates sent");
	CW_CHECK_INT(emu_message_count(scn_id), 0, "messages sent");
}

CW_SCENARIO(nrf_cloud_conformance, persistent_session)
{
	static const char c2d[] = "{\"appId\":\"CUSTOM\",\"data\":\"still subscribed\"}";
	int subs_before;
	int subs_after;
	int n;

	scn_init();
	/* 1st connection: clean session (nothing saved yet). */
	n = scn_connect_associated(true);
	n = scn_disconnect(n);

	/* 2nd: the saved flag asks for a session, the broker has none yet. */
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "2nd connect");
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0),
		       CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0), CW_EV(READY, 0));
	SCN_CHECK_SHADOW_UPDATE(1, scn_paired_report(false, n - 2));
	n = scn_disconnect(n);
	subs_before = broker_subscribe_count();

	/* 3rd: session present: CONNECTED status 1 and no SUBSCRIBE at all,
	 * but the shadow is still requested and "paired" still reported.
	 */
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "3rd connect");
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 1),
		       CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0), CW_EV(READY, 0));
	SCN_CHECK_SHADOW_UPDATE(2, scn_paired_report(false, n - 2));

	subs_after = broker_subscribe_count();
	if (subs_before < 0) {
		cw_test_log("no broker log here: SUBSCRIBE count not checked");
	} else {
		CW_CHECK(subs_before >= 4, "broker log shows no SUBSCRIBE of this device (%d): "
			 "is log_type subscribe set?", subs_before);
		CW_CHECK_INT(subs_after, subs_before, "SUBSCRIBE topics after resuming the session");
	}

	/* The broker kept the c2d subscription. */
	CW_CHECK_INT(emu_c2d(scn_id, c2d, strlen(c2d), 1), 0, "emulator: c2d");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_GENERAL, 0));
	CW_CHECK_EVENT_DATA(n - 1, c2d, strlen(c2d), scn_topic("c2d/r"));
}

CW_SCENARIO(nrf_cloud_conformance, user_disconnect)
{
	struct nrf_cloud_sensor_data d = scn_temp("1", 0, 0);
	int n;

	scn_init();
	n = scn_connect_associated(true);
	n = scn_disconnect(n);
	CW_CHECK_INT(nrf_cloud_disconnect(), -EACCES, "disconnect when disconnected");
	CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), -EACCES, "send when disconnected");
	CW_CHECK_INT(nrf_cloud_sensor_data_stream(&d), -EACCES, "stream when disconnected");
	CW_EXPECT_QUIET(n, 300);
	CW_CHECK_INT(emu_message_count(scn_id), 0, "messages sent");
}

CW_SCENARIO(nrf_cloud_conformance, pingresp)
{
	int n;

	/* Needs a short keepalive; scripts/test runs it with
	 * CONFIG_NRF_CLOUD_MQTT_KEEPALIVE=3. The paired report carries it.
	 */
	if (scn_keepalive() > 10) {
		cw_test_skip("needs CONFIG_NRF_CLOUD_MQTT_KEEPALIVE of 10 s or less");
	}
	scn_init();
	n = scn_connect_associated(true);
	n = CW_EXPECT_EVENTS(n, CW_EV(PINGRESP, 0));
	n = CW_EXPECT_EVENTS(n, CW_EV(PINGRESP, 0));
	CW_CHECK(evrec_at(n - 1)->at_ms - evrec_at(n - 2)->at_ms >= (scn_keepalive() - 1) * 1000,
		 "pings come once per keepalive period");
}
