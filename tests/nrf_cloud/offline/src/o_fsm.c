/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* The connection state machine, packet by packet (ref §1.6.3). */

#include "off.h"

#include "cw_plat.h"

#include <errno.h>
#include <string.h>

static const char unassociated_trim[] =
	"{\"desired\":{\"pairing\":{\"state\":\"not_associated\"}},\"reported\":{}}";

CW_SCENARIO(nrf_cloud_offline, fsm_unassociated_to_ready)
{
	const struct lb_op *op;
	const char *delta;
	int c = 0;
	int n;

	off_init();
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	n = CW_EXPECT_EVENTS(0, CW_EV(TRANSPORT_CONNECTING, 0));
	op = OFF_NEXT_OP(c, LB_OP_CONNECT);
	CW_CHECK_STR(op->client_id, off_id, "CONNECT client ID");
	CW_CHECK_STR(op->host, off_cfg()->host_name, "broker host");
	CW_CHECK_INT(op->port, off_cfg()->port, "broker port");
	CW_CHECK_INT(op->sec_tag, off_cfg()->sec_tag, "sec tag");
	CW_CHECK_INT(op->keepalive_s, off_cfg()->keepalive_s, "CONNECT keepalive");
	CW_CHECK_INT(op->clean_session, 1, "CONNECT clean session (nothing saved)");

	/* CONNACK: subscribe the three control-channel topics, QoS 1. */
	lb_inject_connack(0, false);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTED, 0));
	op = OFF_NEXT_OP(c, LB_OP_SUBSCRIBE);
	CW_CHECK_INT(op->msg_id, NCT_MSG_ID_CC_SUB, "SUBSCRIBE message ID");
	CW_CHECK_INT(op->sub_count, 3, "SUBSCRIBE topic count");
	CW_CHECK_STR(op->sub_topics[0], off_dev_topic("/shadow/get/accepted/trim"), "topic 1");
	CW_CHECK_STR(op->sub_topics[1], off_dev_topic("/shadow/get/rejected"), "topic 2");
	CW_CHECK_STR(op->sub_topics[2], off_dev_topic("/shadow/update/delta/full"), "topic 3");
	for (int i = 0; i < 3; i++) {
		CW_CHECK_INT(op->sub_qos[i], 1, "SUBSCRIBE QoS");
	}

	/* SUBACK(100): request the trimmed shadow, empty payload. */
	lb_inject_suback(NCT_MSG_ID_CC_SUB, 0);
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	OFF_CHECK_PUBLISH(op, off_dev_topic("/shadow/get/trim"), "", 0, 1, 200);
	lb_inject_puback(200);

	/* Not associated: keepalive 30 s with a ping, report, request event. */
	lb_inject_publish(off_dev_topic("/shadow/get/accepted/trim"), unassociated_trim,
			  strlen(unassociated_trim), 1, 1);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATION_REQUEST, 0));
	CW_CHECK_EVENT_DATA(n - 2, unassociated_trim, strlen(unassociated_trim),
			    off_dev_topic("/shadow/get/accepted/trim"));
	op = OFF_NEXT_OP(c, LB_OP_KEEPALIVE);
	CW_CHECK_INT(op->keepalive_s, off_cfg()->ua_wait_keepalive_s, "keepalive while waiting");
	(void)OFF_NEXT_OP(c, LB_OP_PING);
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	OFF_CHECK_PUBLISH(op, off_dev_topic("/shadow/update"), cw_expect_not_associated_report,
			  strlen(cw_expect_not_associated_report), 1, 300);
	CW_CHECK_INT(off_p_sesh(), 0, "p_sesh while waiting");
	lb_inject_puback(300);
	lb_inject_pingresp(); /* no PINGRESP event before READY */
	CW_EXPECT_QUIET(n, 200);
	OFF_EXPECT_NO_OP(c, 0);

	/* The same shadow again (e.g. a reconnect): no second report/event. */
	lb_inject_publish(off_dev_topic("/shadow/get/accepted/trim"), unassociated_trim,
			  strlen(unassociated_trim), 1, 2);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0));
	CW_EXPECT_QUIET(n, 200);
	OFF_EXPECT_NO_OP(c, 0);

	/* Associated by the user: the delta carries prefix and topics. */
	delta = off_paired_delta();
	lb_inject_publish(off_dev_topic("/shadow/update/delta/full"), delta, strlen(delta), 1, 3);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0));
	op = OFF_NEXT_OP(c, LB_OP_KEEPALIVE);
	CW_CHECK_INT(op->keepalive_s, off_cfg()->keepalive_s, "keepalive restored");
	(void)OFF_NEXT_OP(c, LB_OP_PING);
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	{
		const char *report = off_paired_report(true, n - 1);

		OFF_CHECK_PUBLISH(op, off_dev_topic("/shadow/update"), report, strlen(report), 1,
				  301);
	}
	{
		char tenant[NRF_CLOUD_TENANT_ID_MAX_LEN + 1];

		CW_CHECK_INT(nrf_cloud_tenant_id_get(tenant, sizeof(tenant)), 0, "tenant");
		CW_CHECK_STR(tenant, OFF_TENANT, "tenant ID");
	}

	/* PUBACK(301): subscribe c2d (rewritten to the wildcard). */
	lb_inject_puback(301);
	op = OFF_NEXT_OP(c, LB_OP_SUBSCRIBE);
	CW_CHECK_INT(op->msg_id, NCT_MSG_ID_DC_SUB, "c2d SUBSCRIBE message ID");
	CW_CHECK_INT(op->sub_count, 1, "c2d topic count");
	CW_CHECK_STR(op->sub_topics[0], off_msg_topic("+/r"), "c2d topic");
	CW_CHECK_INT(op->sub_qos[0], 1, "c2d QoS");

	/* SUBACK(101): READY, and the session is now worth keeping. */
	lb_inject_suback(NCT_MSG_ID_DC_SUB, 0);
	n = CW_EXPECT_EVENTS(n, CW_EV(READY, 0));
	CW_CHECK_INT(off_p_sesh(), 1, "p_sesh after READY");
	lb_inject_pingresp();
	n = CW_EXPECT_EVENTS(n, CW_EV(PINGRESP, 0));
	CW_EXPECT_QUIET(n, 100);
	OFF_EXPECT_NO_OP(c, 0);
}

CW_SCENARIO(nrf_cloud_offline, fsm_persistent_session)
{
	const struct lb_op *op;
	const char *trim;
	int one = 1;
	int c = 0;
	int n = 0;

	CW_CHECK_INT(cw_port_settings_save("nrf_cloud/p_sesh", &one, sizeof(one)), 0,
		     "save p_sesh");
	off_init();
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	op = OFF_NEXT_OP(c, LB_OP_CONNECT);
	CW_CHECK_INT(op->clean_session, 0, "CONNECT asks for the saved session");

	/* Session present: no SUBSCRIBE, straight to the shadow request. */
	lb_inject_connack(0, true);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 1));
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	OFF_CHECK_PUBLISH(op, off_dev_topic("/shadow/get/trim"), "", 0, 1, 200);

	trim = off_paired_trim();
	lb_inject_publish(off_dev_topic("/shadow/get/accepted/trim"), trim, strlen(trim), 1, 9);
	n = CW_EXPECT_EVENTS(n, CW_EV(RX_DATA_SHADOW, 0), CW_EV(USER_ASSOCIATED, 0));
	op = OFF_NEXT_OP(c, LB_OP_PUBLISH);
	{
		const char *report = off_paired_report(true, n - 1);

		OFF_CHECK_PUBLISH(op, off_dev_topic("/shadow/update"), report, strlen(report), 1,
				  301);
	}
	/* PUBACK(301): READY without subscribing c2d. */
	lb_inject_puback(301);
	n = CW_EXPECT_EVENTS(n, CW_EV(READY, 0));
	OFF_EXPECT_NO_OP(c, 100);
	CW_CHECK_INT(off_p_sesh(), 1, "p_sesh kept");
	CW_EXPECT_QUIET(n, 0);
}

CW_SCENARIO(nrf_cloud_offline, fsm_session_lost)
{
	const struct lb_op *op;
	int one = 1;
	int c = 0;
	int n = 0;

	CW_CHECK_INT(cw_port_settings_save("nrf_cloud/p_sesh", &one, sizeof(one)), 0,
		     "save p_sesh");
	off_init();
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	op = OFF_NEXT_OP(c, LB_OP_CONNECT);
	CW_CHECK_INT(op->clean_session, 0, "CONNECT asks for the saved session");
	/* The broker has no session after all: status 0, flag cleared, and
	 * the full subscription follows.
	 */
	lb_inject_connack(0, false);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0));
	op = OFF_NEXT_OP(c, LB_OP_SUBSCRIBE);
	CW_CHECK_INT(op->msg_id, NCT_MSG_ID_CC_SUB, "SUBSCRIBE message ID");
	CW_CHECK_INT(off_p_sesh(), 0, "p_sesh cleared");
	CW_EXPECT_QUIET(n, 100);
}

CW_SCENARIO(nrf_cloud_offline, fsm_connack_refused)
{
	static const struct {
		int32_t rc;
		uint32_t status;
	} cases[] = {
		{ 1, NRF_CLOUD_ERR_STATUS_MQTT_CONN_BAD_PROT_VER },
		{ 2, NRF_CLOUD_ERR_STATUS_MQTT_CONN_ID_REJECTED },
		{ 3, NRF_CLOUD_ERR_STATUS_MQTT_CONN_SERVER_UNAVAIL },
		{ 4, NRF_CLOUD_ERR_STATUS_MQTT_CONN_BAD_USR_PWD },
		{ 5, NRF_CLOUD_ERR_STATUS_MQTT_CONN_NOT_AUTH },
		{ 99, NRF_CLOUD_ERR_STATUS_MQTT_CONN_FAIL },
	};
	int c = 0;
	int n = 0;

	off_init();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
		(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
		lb_inject_connack(cases[i].rc, false);
		n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0),
				     CW_EV(ERROR, cases[i].status));
		/* The broker then closes the connection. */
		lb_inject_remote_close();
		n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_DISCONNECTED,
					      NRF_CLOUD_DISCONNECT_CLOSED_BY_REMOTE));
		OFF_EXPECT_NO_OP(c, 50);
	}
}

CW_SCENARIO(nrf_cloud_offline, fsm_suback_refused)
{
	int c = 0;
	int n = 0;

	off_init();
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
	lb_inject_connack(0, false);
	(void)OFF_NEXT_OP(c, LB_OP_SUBSCRIBE);
	lb_inject_suback(NCT_MSG_ID_CC_SUB, 0x80);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0),
			     CW_EV(ERROR, NRF_CLOUD_ERR_STATUS_MQTT_SUB_FAIL));
	/* No shadow request on a refused subscription. NCS then sits in
	 * CC_CONNECTING for good; cloudwire closes the connection itself
	 * (reported as MISC) so that the application can try again.
	 */
	(void)OFF_NEXT_OP(c, LB_OP_DISCONNECT);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_MISC));
	OFF_EXPECT_NO_OP(c, 100);
}

CW_SCENARIO(nrf_cloud_offline, fsm_remote_close_and_reconnect)
{
	int c = 0;
	int n;

	off_init();
	n = off_connect_to_ready(&c, 0);
	lb_inject_remote_close();
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_CLOSED_BY_REMOTE));
	CW_EXPECT_QUIET(n, 100);
	{
		struct nrf_cloud_sensor_data d = {
			.type = NRF_CLOUD_SENSOR_TEMP,
			.data = { .len = 1, .ptr = "1" },
		};

		CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), -EACCES, "send after close");
	}

	/* Reconnect: the saved flag now asks for a session. */
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "reconnect");
	CW_CHECK_INT(OFF_NEXT_OP(c, LB_OP_CONNECT)->clean_session, 0, "clean session");
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0));
}

CW_SCENARIO(nrf_cloud_offline, fsm_user_disconnect_and_uninit)
{
	int c = 0;
	int n;

	off_init();
	n = off_connect_to_ready(&c, 0);
	CW_CHECK_INT(nrf_cloud_disconnect(), 0, "disconnect");
	(void)OFF_NEXT_OP(c, LB_OP_DISCONNECT);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_USER_REQUEST));
	CW_CHECK_INT(nrf_cloud_disconnect(), -EACCES, "second disconnect");

	/* Connected again, then uninit: it disconnects and the handler still
	 * gets the event.
	 */
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "reconnect");
	(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
	lb_inject_connack(0, false);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0));
	(void)OFF_NEXT_OP(c, LB_OP_SUBSCRIBE);
	CW_CHECK_INT(nrf_cloud_uninit(), 0, "uninit while connected");
	(void)OFF_NEXT_OP(c, LB_OP_DISCONNECT);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_USER_REQUEST));
	CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_ERR_NOT_INITD, "connect after uninit");
	CW_EXPECT_QUIET(n, 100);
}

CW_SCENARIO(nrf_cloud_offline, fsm_already_connected)
{
	int c = 0;

	off_init();
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
	CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED,
		     "connect while connecting");
	lb_inject_connack(0, false);
	(void)CW_EXPECT_EVENTS(0, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0));
	CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED,
		     "connect when connected");
}

CW_SCENARIO(nrf_cloud_offline, fsm_connect_errors)
{
	/* nct_connect() errno -> enum nrf_cloud_connect_result (ref §1.4). */
	static const struct {
		enum cw_errno err;
		int32_t result;
	} cases[] = {
		{ CW_ECHILD, NRF_CLOUD_CONNECT_RES_ERR_NETWORK },
		{ CW_EACCES, NRF_CLOUD_CONNECT_RES_ERR_NOT_INITD },
		{ CW_ENOEXEC, NRF_CLOUD_CONNECT_RES_ERR_BACKEND },
		{ CW_EINVAL, NRF_CLOUD_CONNECT_RES_ERR_PRV_KEY },
		{ CW_EOPNOTSUPP, NRF_CLOUD_CONNECT_RES_ERR_CERT },
		{ CW_ECONNREFUSED, NRF_CLOUD_CONNECT_RES_ERR_CERT_MISC },
		{ CW_ETIMEDOUT, NRF_CLOUD_CONNECT_RES_ERR_TIMEOUT_NO_DATA },
		{ CW_ENOMEM, NRF_CLOUD_CONNECT_RES_ERR_NO_MEM },
		{ CW_EINPROGRESS, NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED },
		{ CW_EIO, NRF_CLOUD_CONNECT_RES_ERR_MISC },
	};
	int c = 0;
	int n = 0;

	off_init();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		lb_set_connect_result(-cw_port_errno(cases[i].err));
		CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
		(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
		n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0),
				     CW_EV(TRANSPORT_CONNECT_ERROR, (uint32_t)cases[i].result));
	}
	/* Still usable afterwards. */
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
	lb_inject_connack(0, false);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0));
}

static int from_handler_rc = 99;

static void connect_on_error(const struct nrf_cloud_evt *evt)
{
	if (evt->type == NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR && from_handler_rc == 99) {
		from_handler_rc = nrf_cloud_connect();
	}
}

CW_SCENARIO(nrf_cloud_offline, fsm_connect_from_error_handler)
{
	int c = 0;
	int n;

	off_init();
	evrec_set_hook(connect_on_error);
	lb_set_connect_result(-cw_port_errno(CW_ECONNREFUSED));
	CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
	n = CW_EXPECT_EVENTS(0, CW_EV(TRANSPORT_CONNECTING, 0),
			     CW_EV(TRANSPORT_CONNECT_ERROR,
				   (uint32_t)NRF_CLOUD_CONNECT_RES_ERR_CERT_MISC));
	/* The hook runs just after the event is recorded. */
	for (int i = 0; i < 100 && from_handler_rc == 99; i++) {
		cw_plat_sleep_ms(10);
	}
	CW_CHECK(from_handler_rc != 99, "handler ran");
	evrec_set_hook(NULL);
	if (from_handler_rc == NRF_CLOUD_CONNECT_RES_SUCCESS) {
		/* Accepted: then it must really connect (no lost request). */
		(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
		n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0));
	} else {
		/* Refused as NCS does while its poll thread winds down; a later
		 * connect must then work.
		 */
		CW_CHECK_INT(from_handler_rc, NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED,
			     "connect from the CONNECT_ERROR handler");
		CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS,
			     "connect afterwards");
		(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
		n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTING, 0));
	}
	lb_inject_connack(0, false);
	n = CW_EXPECT_EVENTS(n, CW_EV(TRANSPORT_CONNECTED, 0));
}

CW_SCENARIO(nrf_cloud_offline, fsm_uninit_resets)
{
	int c = 0;

	/* Uninit in the middle of the connection sequence (CONNACK, no
	 * SUBACK yet) leaves nothing behind.
	 */
	off_init();
	CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_SUCCESS, "connect");
	(void)OFF_NEXT_OP(c, LB_OP_CONNECT);
	lb_inject_connack(0, false);
	(void)CW_EXPECT_EVENTS(0, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0));
	(void)OFF_NEXT_OP(c, LB_OP_SUBSCRIBE);
	CW_CHECK_INT(nrf_cloud_uninit(), 0, "uninit while connecting");
	(void)OFF_NEXT_OP(c, LB_OP_DISCONNECT);
	(void)CW_EXPECT_EVENTS(2, CW_EV(TRANSPORT_DISCONNECTED, NRF_CLOUD_DISCONNECT_USER_REQUEST));

	off_init();
	CW_CHECK_INT(cw_connect_when_idle(2000), NRF_CLOUD_CONNECT_RES_SUCCESS,
		     "connect after re-init");
	CW_CHECK_INT(OFF_NEXT_OP(c, LB_OP_CONNECT)->clean_session, 1, "clean session");
	lb_inject_connack(0, false);
	(void)CW_EXPECT_EVENTS(3, CW_EV(TRANSPORT_CONNECTING, 0), CW_EV(TRANSPORT_CONNECTED, 0));
	(void)OFF_NEXT_OP(c, LB_OP_SUBSCRIBE);
}
