/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Cloud-to-device: shadow deltas (with the control section), general c2d
 * messages and the DISCON message.
 */

#include "scn.h"

#include <stdio.h>
#include <string.h>

static const char *delta_topic(void)
{
	static char topic[128];

	snprintf(topic, sizeof(topic), "%s/shadow/update/delta/full", scn_id);
	return topic;
}

/* The app reports a key back so the cloud has no delta left for it. */
static void report(const char *state)
{
	struct nrf_cloud_tx_data msg = {
		.data = { .len = (uint32_t)strlen(state), .ptr = state },
		.topic_type = NRF_CLOUD_TOPIC_STATE,
		.qos = MQTT_QOS_1_AT_LEAST_ONCE,
	};

	CW_CHECK_INT(nrf_cloud_send(&msg), 0, "report state");
}

CW_SCENARIO(nrf_cloud_conformance, delta_to_app)
{
	static const char reported[] = "{\"state\":{\"reported\":{\"app\":{\"interval\":60}}}}";
	struct emu_msg delta;
	int updates;
	int n;

	scn_init();
	n = scn_connect_associated(true);
	updates = emu_shadow_update_count(scn_id);

	CW_CHECK_INT(emu_desired(scn_id, "{\"app\":{\"interval\":60}}"), 0, "emulator: desired");
	CW_CHECK_INT(emu_last_published(0, &delta), 0, "emulator: delta");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0));
	CW_CHECK_EVENT_DATA(n - 1, delta.payload, delta.len, delta_topic());
	CW_CHECK(!evrec_at(n - 1)->has_shadow, "evt->shadow must be NULL (no codec API)");

	/* No control section: the library itself replies nothing. */
	report(reported);
	SCN_CHECK_SHADOW_UPDATE(updates, reported);
	CW_EXPECT_QUIET(n, 500);
	CW_CHECK_INT(emu_shadow_update_count(scn_id), updates + 1, "shadow updates sent");
}

CW_SCENARIO(nrf_cloud_conformance, delta_control_only)
{
	static const char reply[] =
		"{\"state\":{\"reported\":{\"control\":{\"alertsEn\":true,\"logLvl\":3}}}}";
	int updates;
	int n;

	scn_init();
	n = scn_connect_associated(true);
	updates = emu_shadow_update_count(scn_id);

	/* The library takes the control section out of the delta and confirms
	 * it; the delta is then empty, so the application gets no event.
	 */
	CW_CHECK_INT(emu_desired(scn_id, "{\"control\":{\"alertsEn\":true,\"logLvl\":3}}"), 0,
		     "emulator: desired control");
	SCN_CHECK_SHADOW_UPDATE(updates, reply);
	scn_control_now(true, 3);
	CW_EXPECT_QUIET(n, 500);
	CW_CHECK_INT(emu_shadow_update_count(scn_id), updates + 1, "shadow updates sent");
}

CW_SCENARIO(nrf_cloud_conformance, delta_control_and_app)
{
	static const char reply[] =
		"{\"state\":{\"reported\":{\"control\":{\"alertsEn\":false,\"logLvl\":4}}}}";
	static const char reported[] = "{\"state\":{\"reported\":{\"app\":{\"mode\":\"eco\"}}}}";
	struct emu_msg delta;
	int updates;
	int n;

	scn_init();
	n = scn_connect_associated(true);
	updates = emu_shadow_update_count(scn_id);

	CW_CHECK_INT(emu_desired(scn_id, "{\"control\":{\"alertsEn\":false,\"logLvl\":4},"
					 "\"app\":{\"mode\":\"eco\"}}"),
		     0, "emulator: desired");
	CW_CHECK_INT(emu_last_published(0, &delta), 0, "emulator: delta");
	/* RX_DATA_SHADOW carries the delta as received; the control reply is
	 * published by the library.
	 */
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0));
	CW_CHECK_EVENT_DATA(n - 1, delta.payload, delta.len, delta_topic());
	SCN_CHECK_SHADOW_UPDATE(updates, reply);
	scn_control_now(false, 4);

	/* The cloud still has "app" as a delta after that update; the
	 * application gets it again and reports it.
	 */
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0));
	CW_CHECK(strstr((const char *)evrec_at(n - 1)->data,
			"\"state\":{\"app\":{\"mode\":\"eco\"}}") != NULL,
		 "second delta carries only \"app\"");
	report(reported);
	SCN_CHECK_SHADOW_UPDATE(updates + 1, reported);
	CW_EXPECT_QUIET(n, 500);
}

CW_SCENARIO(nrf_cloud_conformance, c2d_general)
{
	static const char json[] = "{\"appId\":\"CUSTOM\",\"messageType\":\"CMD\",\"data\":\"on\"}";
	static const char text[] = "plain text, not JSON";
	int n;

	scn_init();
	n = scn_connect_associated(true);

	CW_CHECK_INT(emu_c2d(scn_id, json, strlen(json), 1), 0, "emulator: c2d QoS 1");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_GENERAL, 0));
	CW_CHECK_EVENT_DATA(n - 1, json, strlen(json), scn_topic("c2d/r"));

	CW_CHECK_INT(emu_c2d(scn_id, text, strlen(text), 0), 0, "emulator: c2d QoS 0");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_GENERAL, 0));
	CW_CHECK_EVENT_DATA(n - 1, text, strlen(text), scn_topic("c2d/r"));

	/* Any topic under the c2d wildcard that is not A-GNSS, P-GPS or
	 * location data is general data too.
	 */
	CW_CHECK_INT(emu_publish(scn_topic("custom/r"), json, strlen(json), 1), 0,
		     "emulator: publish custom/r");
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_GENERAL, 0));
	CW_CHECK_EVENT_DATA(n - 1, json, strlen(json), scn_topic("custom/r"));
	CW_EXPECT_QUIET(n, 300);
}

CW_SCENARIO(nrf_cloud_conformance, discon)
{
	static const char discon_msg[] = "{\"appId\":\"DEVICE\",\"messageType\":\"DISCON\"}";
	int n;

	scn_init();
	n = scn_connect_associated(true);
	CW_CHECK_INT(emu_discon(scn_id), 0, "emulator: DISCON");
	/* The library disconnects by itself, as if the user had asked. */
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_DISCON, 0),
		       CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_USER_REQUEST));
	CW_CHECK_EVENT_DATA(n - 2, discon_msg, strlen(discon_msg), scn_topic("c2d/r"));
	CW_EXPECT_QUIET(n, 300);

	/* And can connect again. */
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "reconnect");
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0),
		       CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0), CW_EV(READY, 0));
}
