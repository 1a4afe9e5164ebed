/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* The nRF Cloud settings of this build, taken from Kconfig. */

#include <zephyr/kernel.h>
#include <cloudwire/port.h>

#if defined(CONFIG_NRF_CLOUD_CLIENT_ID_SRC_IMEI)
#define CLIENT_ID_SRC CW_CLIENT_ID_SRC_IMEI
#elif defined(CONFIG_NRF_CLOUD_CLIENT_ID_SRC_INTERNAL_UUID)
#define CLIENT_ID_SRC CW_CLIENT_ID_SRC_INTERNAL_UUID
#elif defined(CONFIG_NRF_CLOUD_CLIENT_ID_SRC_HW_ID)
#define CLIENT_ID_SRC CW_CLIENT_ID_SRC_HW_ID
#elif defined(CONFIG_NRF_CLOUD_CLIENT_ID_SRC_RUNTIME)
#define CLIENT_ID_SRC CW_CLIENT_ID_SRC_RUNTIME
#else
#define CLIENT_ID_SRC CW_CLIENT_ID_SRC_COMPILE_TIME
#endif

/* NCS defines the ID strings only for the source that uses them. */
#if defined(CONFIG_NRF_CLOUD_CLIENT_ID)
#define CLIENT_ID CONFIG_NRF_CLOUD_CLIENT_ID
#else
#define CLIENT_ID ""
#endif

#if defined(CONFIG_NRF_CLOUD_CLIENT_ID_PREFIX)
#define CLIENT_ID_PREFIX CONFIG_NRF_CLOUD_CLIENT_ID_PREFIX
#else
#define CLIENT_ID_PREFIX ""
#endif

#if defined(CONFIG_NRF_CLOUD_STATIC_IPV4)
#define STATIC_IPV4_ADDR CONFIG_NRF_CLOUD_STATIC_IPV4_ADDR
#else
#define STATIC_IPV4_ADDR NULL
#endif

/* What the shadow's connectionInfo reports as the network type. */
#if defined(CONFIG_NRF_MODEM_LIB)
#define CONNECTION_METHOD "LTE"
#elif defined(CONFIG_WIFI)
#define CONNECTION_METHOD "Wi-Fi"
#else
#define CONNECTION_METHOD "Unknown"
#endif

/* The struct holds these in narrower fields; refuse values that do not fit. */
BUILD_ASSERT(CONFIG_NRF_CLOUD_PORT > 0 && CONFIG_NRF_CLOUD_PORT <= UINT16_MAX,
	     "CONFIG_NRF_CLOUD_PORT must be 1..65535");
BUILD_ASSERT(CONFIG_NRF_CLOUD_MQTT_KEEPALIVE >= 0 &&
	     CONFIG_NRF_CLOUD_MQTT_KEEPALIVE <= UINT16_MAX,
	     "CONFIG_NRF_CLOUD_MQTT_KEEPALIVE must be 0..65535");
BUILD_ASSERT(CONFIG_NRF_CLOUD_MQTT_UA_WAIT_KEEPALIVE >= 0 &&
	     CONFIG_NRF_CLOUD_MQTT_UA_WAIT_KEEPALIVE <= UINT16_MAX,
	     "CONFIG_NRF_CLOUD_MQTT_UA_WAIT_KEEPALIVE must be 0..65535");
BUILD_ASSERT(CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN > 0,
	     "CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN must be positive");

static const struct cw_nrf_cloud_config nrf_cloud_config = {
	.host_name = CONFIG_NRF_CLOUD_HOST_NAME,
	.static_ipv4_addr = STATIC_IPV4_ADDR,
	.client_id = CLIENT_ID,
	.client_id_prefix = CLIENT_ID_PREFIX,
	.connection_method = CONNECTION_METHOD,
	.payload_buffer_len = CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN,
	.message_buffer_len = CONFIG_NRF_CLOUD_MQTT_MESSAGE_BUFFER_LEN,
	.sec_tag = CONFIG_NRF_CLOUD_SEC_TAG,
	.port = CONFIG_NRF_CLOUD_PORT,
	.keepalive_s = CONFIG_NRF_CLOUD_MQTT_KEEPALIVE,
	.ua_wait_keepalive_s = CONFIG_NRF_CLOUD_MQTT_UA_WAIT_KEEPALIVE,
	.client_id_src = CLIENT_ID_SRC,
	.poll_thread = IS_ENABLED(CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD),
	.persistent_sessions = !IS_ENABLED(CONFIG_MQTT_CLEAN_SESSION),
	.shadow_transforms = IS_ENABLED(CONFIG_NRF_CLOUD_MQTT_SHADOW_TRANSFORMS),
	.send_conn_info = IS_ENABLED(CONFIG_NRF_CLOUD_SEND_DEVICE_STATUS_CONN_INF),
	.print_details = IS_ENABLED(CONFIG_NRF_CLOUD_PRINT_DETAILS),
	.verbose_details = IS_ENABLED(CONFIG_NRF_CLOUD_VERBOSE_DETAILS),
	.ipv6_only = IS_ENABLED(CONFIG_NRF_CLOUD_IPV6),
	.static_ipv4 = IS_ENABLED(CONFIG_NRF_CLOUD_STATIC_IPV4),
};

const struct cw_nrf_cloud_config *cw_port_nrf_cloud_config(void)
{
	return &nrf_cloud_config;
}
