/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Received data once READY: topic routing, DISCON, shadow deltas with the
 * control section, and bad input of every kind.
 */

#include "off.h"

#include <stdio.h>
#include <string.h>

static int to_ready(int *c)
{
	off_init();
	return off_connect_to_ready(c, 0);
}

CW_SCENARIO(nrf_cloud_offline, rx_routing)
{
	static const char data[] = "{\"x\":1}";
	int c = 0;
	int n = to_ready(&c);

	lb_inject_publish(off_msg_topic("c2d/r"), data, strlen(data), 1, 11);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_GENERAL, 0));
	CW_CHECK_EVENT_DATA(n - 1, data, strlen(data), off_msg_topic("c2d/r"));

	lb_inject_publish(off_msg_topic("ground_fix/r"), data, strlen(data), 0, 0);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_LOCATION, 0));
	CW_CHECK_EVENT_DATA(n - 1, data, strlen(data), off_msg_topic("ground_fix/r"));

	/* Unknown sub-topics are general data. */
	lb_inject_publish(off_msg_topic("something/r"), data, strlen(data), 1, 12);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_GENERAL, 0));

	/* A-GNSS and P-GPS are not for the application. */
	lb_inject_publish(off_msg_topic("agnss/r"), data, strlen(data), 1, 13);
	lb_inject_publish(off_msg_topic("pgps/r"), data, strlen(data), 1, 14);
	/* The rejected-shadow topic carries nothing for the application. */
	lb_inject_publish(off_dev_topic("/shadow/get/rejected"), data, strlen(data), 1, 15);
	/* An empty payload is still a message. */
	lb_inject_publish(off_msg_topic("c2d/r"), "", 0, 1, 16);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_GENERAL, 0));
	CW_CHECK_INT(evrec_at(n - 1)->data_len, 0, "empty payload length");
	CW_EXPECT_QUIET(n, 100);
	OFF_EXPECT_NO_OP(c, 0);
}

CW_SCENARIO(nrf_cloud_offline, rx_discon)
{
	static const char discon[] = "{\"appId\":\"DEVICE\",\"messageType\":\"DISCON\"}";
	int c = 0;
	int n = to_ready(&c);

	lb_inject_publish(off_msg_topic("c2d/r"), discon, strlen(discon), 1, 21);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_DISCON, 0),
			     CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_USER_REQUEST));
	CW_CHECK_EVENT_DATA(n - 2, discon, strlen(discon), off_msg_topic("c2d/r"));
	(void)OFF_NEXT_OP(c, LB_OP_DISCONNECT);
}

CW_SCENARIO(nrf_cloud_offline, rx_delta_control)
{
	static const char delta_ctrl[] = "{\"version\":9,\"timestamp\":1,\"state\":"
					 "{\"control\":{\"alertsEn\":true,\"logLvl\":3}}}";
	static const char delta_both[] = "{\"version\":10,\"timestamp\":2,\"state\":"
					 "{\"control\":{\"logLvl\":0},\"app\":{\"on\":true}}}";
	static const char delta_bad[] = "{\"version\":11,\"timestamp\":3,\"state\":"
					"{\"control\":{\"logLvl\":9}}}";
	static const char delta_app[] = "{\"version\":12,\"timestamp\":4,\"state\":"
					"{\"app\":{\"on\":false}}}";
	char reply[96];
	const struct lb_op *op;
	int c = 0;
	int n = to_ready(&c);

	/* Control only: confirmed with message ID 300, no application event. */
	lb_inject_publish(off_dev_topic("/shadow/update/delta/full"), delta_ctrl,
			  strlen(delta_ctrl), 1, 31);
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	cw_expect_control_reply(reply, sizeof(reply), true, 3);
	OFF_CHECK_PUBLISH(op, off_dev_topic("/shadow/update"), reply, strlen(reply), 1, 300);
	CW_EXPECT_QUIET(n, 100);

	/* Control and application data: reply with every value, then the
	 * event with the delta as received.
	 */
	lb_inject_publish(off_dev_topic("/shadow/update/delta/full"), delta_both,
			  strlen(delta_both), 1, 32);
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	cw_expect_control_reply(reply, sizeof(reply), true, 0);
	OFF_CHECK_PUBLISH(op, off_dev_topic("/shadow/update"), reply, strlen(reply), 1, 300);
	off_control_now(true, 0);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0));
	CW_CHECK_EVENT_DATA(n - 1, delta_both, strlen(delta_both),
			    off_dev_topic("/shadow/update/delta/full"));

	/* Invalid values: ignored, and (as NCS) no rejection is sent. */
	lb_inject_publish(off_dev_topic("/shadow/update/delta/full"), delta_bad, strlen(delta_bad),
			  1, 33);
	/* Application data only: event, no reply. */
	lb_inject_publish(off_dev_topic("/shadow/update/delta/full"), delta_app, strlen(delta_app),
			  1, 34);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0));
	CW_CHECK_EVENT_DATA(n - 1, delta_app, strlen(delta_app), NULL);
	OFF_EXPECT_NO_OP(c, 100);
	CW_EXPECT_QUIET(n, 0);

	/* The values stick: the next paired report carries them. */
	lb_inject_remote_close();
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_CLOSED_BY_REMOTE));
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "reconnect");
	(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
	lb_inject_connack(0, false);
	(void)OFF_NEXT_OP(c, LB_OP_SUBSCRIBE);
	lb_inject_suback(NCT_MSG_ID_CC_SUB, 0);
	(void)OFF_NEXT_OP(c, LB_OP_PUBLISH);
	{
		const char *trim = off_paired_trim();

		lb_inject_publish(off_dev_topic("/shadow/get/accepted/trim"), trim, strlen(trim), 1,
				  35);
	}
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	{
		char d2c[160];
		char c2d[160];
		char report[768];
		struct cw_paired p = {
			.d2c = d2c,
			.c2d = c2d,
			.prefix = OFF_PREFIX,
			.keepalive_s = off_cfg()->keepalive_s,
			.alerts = true,
			.log_lvl = 0,
			.method = NULL,
			.c2d_rewritten = true,
		};

		snprintf(d2c, sizeof(d2c), OFF_PREFIX "m/d/%s/d2c", off_id);
		snprintf(c2d, sizeof(c2d), OFF_PREFIX "m/d/%s/+/r", off_id);
		CW_CHECK(cw_expect_paired_report(report, sizeof(report), &p) > 0, "report size");
		OFF_CHECK_PUBLISH(op, off_dev_topic("/shadow/update"), report, strlen(report), 1,
				  301);
	}
}

CW_SCENARIO(nrf_cloud_offline, rx_not_associated_when_ready)
{
	/* In the data-channel states NCS ignores a "not associated" shadow;
	 * removal is signalled by DISCON (ref §8). The event still comes.
	 */
	static const char delta[] = "{\"version\":5,\"timestamp\":1,\"state\":"
				    "{\"pairing\":{\"state\":\"not_associated\"}}}";
	int c = 0;
	int n = to_ready(&c);

	lb_inject_publish(off_dev_topic("/shadow/update/delta/full"), delta, strlen(delta), 1, 41);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0));
	CW_EXPECT_QUIET(n, 100);
	OFF_EXPECT_NO_OP(c, 0);
}

CW_SCENARIO(nrf_cloud_offline, rx_bad_input)
{
	static const char *const bad[] = {
		"{not json",
		"",
		"null",
		"[]",
		"{\"version\":1,\"timestamp\":1}",
		"{\"state\":{\"a\":1}}",
		"{\"version\":1,\"timestamp\":1,\"state\":[1]}",
		"{\"version\":1,\"timestamp\":1,\"state\":{\"a\":\"\\ud800\"",
		"{\"version\":1,\"timestamp\":1,\"state\":{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
		"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
		"\xff\xfe\x00\x01",
	};
	static const char good[] = "{\"version\":2,\"timestamp\":2,\"state\":{\"ok\":true}}";
	int c = 0;
	int n = to_ready(&c);

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t len = (i == sizeof(bad) / sizeof(bad[0]) - 1) ? 4 : strlen(bad[i]);

		lb_inject_publish(off_dev_topic("/shadow/update/delta/full"), bad[i], len, 1,
				  (uint16_t)(50 + i));
		lb_inject_publish(off_dev_topic("/shadow/get/accepted/trim"), bad[i], len, 1,
				  (uint16_t)(70 + i));
	}
	/* Dropped, as NCS does: no event, no reply, still connected. */
	CW_CHECK_INT(lb_wait_drained(OFF_TIMEOUT_MS), 0, "input processed");
	CW_EXPECT_QUIET(n, 100);
	OFF_EXPECT_NO_OP(c, 0);
	CW_CHECK(lb_is_open(), "still connected");

	lb_inject_publish(off_dev_topic("/shadow/update/delta/full"), good, strlen(good), 1, 99);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0));
	CW_CHECK_EVENT_DATA(n - 1, good, strlen(good), NULL);
}

CW_SCENARIO(nrf_cloud_offline, rx_too_large)
{
	int c = 0;
	int n = to_ready(&c);

	/* More than the payload buffer: drained by the port, not acked; the
	 * library closes the connection (status MISC).
	 */
	lb_inject_publish_too_large(off_msg_topic("c2d/r"), off_cfg()->payload_buffer_len + 1);
	(void)OFF_NEXT_OP(c, LB_OP_DISCONNECT);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_MISC));

	/* And works again after reconnecting. */
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "reconnect");
	(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
	lb_inject_connack(0, false);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0));
}
