/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* The header's values and layouts, and the API's argument checks. */

#include "off.h"

#include <errno.h>
#include <string.h>

CW_SUITE(nrf_cloud_offline, off_before, off_after);

/* Provided by tests/common/layout_check.c: 0 when sizeof/offsetof of every
 * public struct is the same in C and in Rust on this target. The weak
 * fallback makes a build without that file fail the scenario, not the link.
 */
int cw_layout_check(void);
__attribute__((weak)) int cw_layout_check(void)
{
	return -ENOENT;
}

/* Values from NCS's header (ref §1.1, §1.2); checked by the compiler too. */
_Static_assert(NRF_CLOUD_EVT_TRANSPORT_CONNECTED == 1, "evt");
_Static_assert(NRF_CLOUD_EVT_READY == 5, "evt");
_Static_assert(NRF_CLOUD_EVT_SENSOR_DATA_ACK == 11, "evt");
_Static_assert(NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR == 16, "evt");
_Static_assert(NRF_CLOUD_EVT_ERROR == 0xFF, "evt");
_Static_assert(NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED == -11, "connect result");
_Static_assert(IS_VALID_USER_TAG(10000) && !IS_VALID_USER_TAG(9999), "user tag");

CW_SCENARIO(nrf_cloud_offline, layout)
{
	CW_CHECK_INT(cw_layout_check(), 0, "cw_layout_check() (C and Rust layouts)");
}

CW_SCENARIO(nrf_cloud_offline, enum_values)
{
	static const struct {
		long long value;
		long long expected;
		const char *name;
	} v[] = {
		{ NRF_CLOUD_EVT_TRANSPORT_CONNECTED, 1, "EVT_TRANSPORT_CONNECTED" },
		{ NRF_CLOUD_EVT_TRANSPORT_CONNECTING, 2, "EVT_TRANSPORT_CONNECTING" },
		{ NRF_CLOUD_EVT_USER_ASSOCIATION_REQUEST, 3, "EVT_USER_ASSOCIATION_REQUEST" },
		{ NRF_CLOUD_EVT_USER_ASSOCIATED, 4, "EVT_USER_ASSOCIATED" },
		{ NRF_CLOUD_EVT_READY, 5, "EVT_READY" },
		{ NRF_CLOUD_EVT_RX_DATA_GENERAL, 6, "EVT_RX_DATA_GENERAL" },
		{ NRF_CLOUD_EVT_RX_DATA_DISCON, 7, "EVT_RX_DATA_DISCON" },
		{ NRF_CLOUD_EVT_RX_DATA_LOCATION, 8, "EVT_RX_DATA_LOCATION" },
		{ NRF_CLOUD_EVT_RX_DATA_SHADOW, 9, "EVT_RX_DATA_SHADOW" },
		{ NRF_CLOUD_EVT_PINGRESP, 10, "EVT_PINGRESP" },
		{ NRF_CLOUD_EVT_SENSOR_DATA_ACK, 11, "EVT_SENSOR_DATA_ACK" },
		{ NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED, 12, "EVT_TRANSPORT_DISCONNECTED" },
		{ NRF_CLOUD_EVT_FOTA_START, 13, "EVT_FOTA_START" },
		{ NRF_CLOUD_EVT_FOTA_DONE, 14, "EVT_FOTA_DONE" },
		{ NRF_CLOUD_EVT_FOTA_ERROR, 15, "EVT_FOTA_ERROR" },
		{ NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR, 16, "EVT_TRANSPORT_CONNECT_ERROR" },
		{ NRF_CLOUD_EVT_FOTA_JOB_AVAILABLE, 17, "EVT_FOTA_JOB_AVAILABLE" },
		{ NRF_CLOUD_EVT_ERROR, 0xFF, "EVT_ERROR" },
		{ NRF_CLOUD_ERR_STATUS_MQTT_CONN_FAIL, 1, "ERR_STATUS_MQTT_CONN_FAIL" },
		{ NRF_CLOUD_ERR_STATUS_MQTT_CONN_NOT_AUTH, 6, "ERR_STATUS_MQTT_CONN_NOT_AUTH" },
		{ NRF_CLOUD_ERR_STATUS_MQTT_SUB_FAIL, 7, "ERR_STATUS_MQTT_SUB_FAIL" },
		{ NRF_CLOUD_ERR_STATUS_PGPS_PROC, 9, "ERR_STATUS_PGPS_PROC" },
		{ NRF_CLOUD_DISCONNECT_USER_REQUEST, 0, "DISCONNECT_USER_REQUEST" },
		{ NRF_CLOUD_DISCONNECT_CLOSED_BY_REMOTE, 1, "DISCONNECT_CLOSED_BY_REMOTE" },
		{ NRF_CLOUD_DISCONNECT_INVALID_REQUEST, 2, "DISCONNECT_INVALID_REQUEST" },
		{ NRF_CLOUD_DISCONNECT_MISC, 3, "DISCONNECT_MISC" },
		{ NRF_CLOUD_CONNECT_RES_ERR_NOT_INITD, -1, "CONNECT_RES_ERR_NOT_INITD" },
		{ NRF_CLOUD_CONNECT_RES_ERR_NETWORK, -3, "CONNECT_RES_ERR_NETWORK" },
		{ NRF_CLOUD_CONNECT_RES_ERR_BACKEND, -4, "CONNECT_RES_ERR_BACKEND" },
		{ NRF_CLOUD_CONNECT_RES_ERR_MISC, -5, "CONNECT_RES_ERR_MISC" },
		{ NRF_CLOUD_CONNECT_RES_ERR_NO_MEM, -6, "CONNECT_RES_ERR_NO_MEM" },
		{ NRF_CLOUD_CONNECT_RES_ERR_PRV_KEY, -7, "CONNECT_RES_ERR_PRV_KEY" },
		{ NRF_CLOUD_CONNECT_RES_ERR_CERT, -8, "CONNECT_RES_ERR_CERT" },
		{ NRF_CLOUD_CONNECT_RES_ERR_CERT_MISC, -9, "CONNECT_RES_ERR_CERT_MISC" },
		{ NRF_CLOUD_CONNECT_RES_ERR_TIMEOUT_NO_DATA, -10, "CONNECT_RES_ERR_TIMEOUT_NO_DATA" },
		{ NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED, -11,
		  "CONNECT_RES_ERR_ALREADY_CONNECTED" },
		{ NRF_CLOUD_ERROR_BAD_REQUEST, 40000, "ERROR_BAD_REQUEST" },
		{ NRF_CLOUD_ERROR_DEV_NOT_ASSOCIATED, 40103, "ERROR_DEV_NOT_ASSOCIATED" },
		{ NRF_CLOUD_ERROR_INTERNAL_SERVER, 50010, "ERROR_INTERNAL_SERVER" },
		{ NRF_CLOUD_SENSOR_GNSS, 0, "SENSOR_GNSS" },
		{ NRF_CLOUD_SENSOR_TEMP, 3, "SENSOR_TEMP" },
		{ NRF_CLOUD_LTE_LINK_RSRP, 7, "LTE_LINK_RSRP" },
		{ NRF_CLOUD_DEVICE_INFO, 10, "DEVICE_INFO" },
		{ NRF_CLOUD_SENSOR_LIGHT, 11, "SENSOR_LIGHT" },
		{ NRF_CLOUD_TOPIC_STATE, 1, "TOPIC_STATE" },
		{ NRF_CLOUD_TOPIC_MESSAGE, 2, "TOPIC_MESSAGE" },
		{ NRF_CLOUD_TOPIC_BULK, 3, "TOPIC_BULK" },
		{ NRF_CLOUD_TOPIC_BIN, 4, "TOPIC_BIN" },
		{ NRF_CLOUD_FOTA_DOWNLOADING, 7, "FOTA_DOWNLOADING" },
		{ NRF_CLOUD_FOTA_MODEM_FULL, 5, "FOTA_MODEM_FULL" },
		{ NRF_CLOUD_FOTA_SMP, 6, "FOTA_SMP" },
		{ NRF_CLOUD_GNSS_TYPE_MODEM_NMEA, 4, "GNSS_TYPE_MODEM_NMEA" },
		{ NRF_CLOUD_INFO_CLEAR, 2, "INFO_CLEAR" },
		{ NCT_MSG_ID_CC_SUB, 100, "NCT_MSG_ID_CC_SUB" },
		{ NCT_MSG_ID_DC_SUB, 101, "NCT_MSG_ID_DC_SUB" },
		{ NCT_MSG_ID_STATE_REQUEST, 200, "NCT_MSG_ID_STATE_REQUEST" },
		{ NCT_MSG_ID_STATE_REPORT, 300, "NCT_MSG_ID_STATE_REPORT" },
		{ NCT_MSG_ID_PAIR_STATUS_REPORT, 301, "NCT_MSG_ID_PAIR_STATUS_REPORT" },
		{ NCT_MSG_ID_USER_TAG_BEGIN, 10000, "NCT_MSG_ID_USER_TAG_BEGIN" },
		{ NRF_CLOUD_FOTA_JOB_ID_SIZE, 37, "NRF_CLOUD_FOTA_JOB_ID_SIZE" },
		{ NRF_CLOUD_CLIENT_ID_MAX_LEN, 64, "NRF_CLOUD_CLIENT_ID_MAX_LEN" },
	};

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		CW_CHECK_INT(v[i].value, v[i].expected, v[i].name);
	}
}

CW_SCENARIO(nrf_cloud_offline, api_arguments)
{
	char buf[NRF_CLOUD_CLIENT_ID_MAX_LEN + 1];
	size_t id_len = strlen(off_id);
	struct nrf_cloud_init_param p = { .event_handler = NULL };

	/* Before init. */
	CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_ERR_NOT_INITD, "connect");
	CW_CHECK_INT(nrf_cloud_disconnect(), -EACCES, "disconnect");
	CW_CHECK_INT(nrf_cloud_init(NULL), -EINVAL, "init(NULL)");
	CW_CHECK_INT(nrf_cloud_init(&p), -EINVAL, "init without handler");

	/* Device ID. */
	CW_CHECK_INT(nrf_cloud_client_id_get(NULL, sizeof(buf)), -EINVAL, "id_get(NULL)");
	CW_CHECK_INT(nrf_cloud_client_id_get(buf, 0), -EINVAL, "id_get size 0");
	CW_CHECK_INT(nrf_cloud_client_id_get(buf, id_len), -EMSGSIZE, "id_get too small");
	CW_CHECK_INT(nrf_cloud_client_id_get(buf, id_len + 1), 0, "id_get exact");
	CW_CHECK_STR(buf, off_cfg()->client_id, "device ID (compile-time source)");

	off_init();
	CW_CHECK_INT(nrf_cloud_init(&(struct nrf_cloud_init_param){ .event_handler = evrec_handler }),
		     -EACCES, "second init");
	CW_CHECK_INT(nrf_cloud_tenant_id_get(buf, sizeof(buf)), -EINVAL, "tenant unknown");
	CW_CHECK_INT(nrf_cloud_sec_tag_get(), off_cfg()->sec_tag, "default sec tag");
	nrf_cloud_sec_tag_set(42);
	CW_CHECK_INT(nrf_cloud_sec_tag_get(), 42, "sec tag set");
	CW_CHECK_INT(nrf_cloud_process(), -ENOTCONN, "process when not connected");
	CW_CHECK_INT(nrf_cloud_uninit(), 0, "uninit");
	CW_CHECK_INT(nrf_cloud_connect(), NRF_CLOUD_CONNECT_RES_ERR_NOT_INITD, "connect after uninit");
	off_init();
	CW_EXPECT_QUIET(0, 100);
	CW_CHECK_INT(lb_op_count(), 0, "port operations");
}
