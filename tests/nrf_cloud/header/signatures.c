/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Compile-only check of the public nRF Cloud headers: they build alone with
 * strict flags (C99 -pedantic, 32- and 64-bit, Cortex-M, C++), and every
 * function has NCS's exact signature (ref §1.4): assigning it to a pointer
 * of the expected type fails to compile on any difference.
 */

#include <net/nrf_cloud.h>
#include <net/nrf_cloud_defs.h>
#include <net/nrf_cloud_os.h>

/* The headers must stand alone: nothing above may be needed by them. */

struct signatures {
	int (*init)(const struct nrf_cloud_init_param *param);
	int (*uninit)(void);
	int (*print_details)(void);
	int (*print_cloud_details)(void);
	int (*get_imei)(char *buf, size_t buf_sz);
	int (*get_uuid)(char *buf, size_t buf_sz);
	int (*get_modem_fw)(char *buf, size_t buf_sz);
	int (*connect)(void);
	int (*sensor_data_send)(const struct nrf_cloud_sensor_data *param);
	int (*shadow_device_status_update)(const struct nrf_cloud_device_status *const dev_status);
	int (*sensor_data_stream)(const struct nrf_cloud_sensor_data *param);
	int (*send)(const struct nrf_cloud_tx_data *msg);
	int (*shadow_transform_request)(char const *const transform, const size_t max_len);
	int (*disconnect)(void);
	int (*process)(void);
	int (*client_id_get)(char *id_buf, size_t id_buf_sz);
	int (*client_id_runtime_set)(const char *const client_id);
	int (*tenant_id_get)(char *id_buf, size_t id_len);
	int (*jwt_generate)(uint32_t time_valid_s, char *const jwt_buf, size_t jwt_buf_sz);
	int (*credentials_check)(struct nrf_cloud_credentials_status *const cs);
	int (*credentials_configured_check)(void);
	void (*sec_tag_set)(const sec_tag_t sec_tag);
	sec_tag_t (*sec_tag_get)(void);
	void (*os_mem_hooks_init)(struct nrf_cloud_os_mem_hooks *hooks);
	nrf_cloud_event_handler_t handler;
};

/* Not static: a table nobody uses must still be built, not dropped. */
const struct signatures cw_header_signatures = {
	nrf_cloud_init,
	nrf_cloud_uninit,
	nrf_cloud_print_details,
	nrf_cloud_print_cloud_details,
	nrf_cloud_get_imei,
	nrf_cloud_get_uuid,
	nrf_cloud_get_modem_fw,
	nrf_cloud_connect,
	nrf_cloud_sensor_data_send,
	nrf_cloud_shadow_device_status_update,
	nrf_cloud_sensor_data_stream,
	nrf_cloud_send,
	nrf_cloud_shadow_transform_request,
	nrf_cloud_disconnect,
	nrf_cloud_process,
	nrf_cloud_client_id_get,
	nrf_cloud_client_id_runtime_set,
	nrf_cloud_tenant_id_get,
	nrf_cloud_jwt_generate,
	nrf_cloud_credentials_check,
	nrf_cloud_credentials_configured_check,
	nrf_cloud_sec_tag_set,
	nrf_cloud_sec_tag_get,
	nrf_cloud_os_mem_hooks_init,
	0,
};

/* A few members in NCS's declaration order, as positional initialisers of
 * applications rely on it.
 */
const struct nrf_cloud_tx_data cw_header_tx = { 0, { 2, "{}" }, NRF_CLOUD_TOPIC_MESSAGE,
						MQTT_QOS_1_AT_LEAST_ONCE, 0 };
const struct nrf_cloud_sensor_data cw_header_sensor = { NRF_CLOUD_SENSOR_TEMP, { 2, "21" },
							 10000, 1700000000000LL };
const struct nrf_cloud_evt cw_header_evt = { NRF_CLOUD_EVT_READY, 0, { 0, 0 }, { 0, 0 }, 0 };
