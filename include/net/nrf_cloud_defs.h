/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file nrf_cloud_defs.h
 * @brief nRF Cloud protocol constants: JSON keys and values, topic pieces,
 *        settings keys and size limits.
 *
 * Drop-in for NCS's header of the same name (included by <net/nrf_cloud.h>),
 * limited to the constants the MQTT transport and its messages use. The
 * values are what nRF Cloud expects on the wire; they must not change.
 */

#ifndef NRF_CLOUD_DEFS_H__
#define NRF_CLOUD_DEFS_H__

/**
 * @defgroup nrf_cloud_defs nRF Cloud constants
 * @{
 */

/** @name Device message keys and values (device-to-cloud JSON)
 * @{
 */
#define NRF_CLOUD_JSON_APPID_KEY                "appId"
#define NRF_CLOUD_JSON_APPID_VAL_AGNSS          "AGNSS"
#define NRF_CLOUD_JSON_APPID_VAL_PGPS           "PGPS"
#define NRF_CLOUD_JSON_APPID_VAL_GNSS           "GNSS"
#define NRF_CLOUD_JSON_APPID_VAL_LOCATION       "GROUND_FIX"
#define NRF_CLOUD_JSON_APPID_VAL_DEVICE         "DEVICE"
#define NRF_CLOUD_JSON_APPID_VAL_FLIP           "FLIP"
#define NRF_CLOUD_JSON_APPID_VAL_BTN            "BUTTON"
#define NRF_CLOUD_JSON_APPID_VAL_TEMP           "TEMP"
#define NRF_CLOUD_JSON_APPID_VAL_HUMID          "HUMID"
#define NRF_CLOUD_JSON_APPID_VAL_AIR_PRESS      "AIR_PRESS"
#define NRF_CLOUD_JSON_APPID_VAL_AIR_QUAL       "AIR_QUAL"
#define NRF_CLOUD_JSON_APPID_VAL_RSRP           "RSRP"
#define NRF_CLOUD_JSON_APPID_VAL_LIGHT          "LIGHT"
#define NRF_CLOUD_JSON_APPID_VAL_MODEM          "MODEM"
#define NRF_CLOUD_JSON_APPID_VAL_ALERT          "ALERT"
#define NRF_CLOUD_JSON_APPID_VAL_LOG            "LOG"
#define NRF_CLOUD_JSON_APPID_VAL_DICTIONARY_LOG "DICTLOG"

#define NRF_CLOUD_JSON_MSG_TYPE_KEY             "messageType"
#define NRF_CLOUD_JSON_MSG_TYPE_VAL_CMD         "CMD"
#define NRF_CLOUD_JSON_MSG_TYPE_VAL_DATA        "DATA"
#define NRF_CLOUD_JSON_MSG_TYPE_VAL_DISCONNECT  "DISCON"

#define NRF_CLOUD_JSON_DATA_KEY                 "data"
#define NRF_CLOUD_JSON_ERR_KEY                  "err"
#define NRF_CLOUD_JSON_FULFILL_KEY              "fulfilledWith"
#define NRF_CLOUD_JSON_FILTERED_KEY             "filtered"
#define NRF_CLOUD_MSG_TIMESTAMP_KEY             "ts"
/** @} */

/** @name GNSS position keys
 * @{
 */
#define NRF_CLOUD_JSON_GNSS_PVT_KEY_LAT         "lat"
#define NRF_CLOUD_JSON_GNSS_PVT_KEY_LON         "lon"
#define NRF_CLOUD_JSON_GNSS_PVT_KEY_ACCURACY    "acc"
#define NRF_CLOUD_JSON_GNSS_PVT_KEY_ALTITUDE    "alt"
#define NRF_CLOUD_JSON_GNSS_PVT_KEY_SPEED       "spd"
#define NRF_CLOUD_JSON_GNSS_PVT_KEY_HEADING     "hdg"
/** @} */

/** @name FOTA type names as reported in the shadow ("serviceInfo")
 * @{
 */
#define NRF_CLOUD_FOTA_TYPE_MODEM_DELTA         "MODEM"
#define NRF_CLOUD_FOTA_TYPE_MODEM_FULL          "MDM_FULL"
#define NRF_CLOUD_FOTA_TYPE_BOOT                "BOOT"
#define NRF_CLOUD_FOTA_TYPE_APP                 "APP"
#define NRF_CLOUD_FOTA_TYPE_SMP                 "SMP"
#define NRF_CLOUD_FOTA_TYPE_CUSTOM              "CUSTOM"
/** Version of the FOTA service reported in the shadow. */
#define NRF_CLOUD_FOTA_VER                      2
/** Shadow key of the FOTA service ("fota_v" followed by NRF_CLOUD_FOTA_VER). */
#define NRF_CLOUD_FOTA_VER_STR                  "fota_v2"
/** @} */

/** @name Settings keys (Zephyr settings subsystem)
 * @{
 */
#define NRF_CLOUD_SETTINGS_NAME                 "nrf_cloud"
#define NRF_CLOUD_SETTINGS_FOTA_KEY             "fota"
#define NRF_CLOUD_SETTINGS_FOTA_JOB             "job"
#define NRF_CLOUD_SETTINGS_FULL_FOTA \
	NRF_CLOUD_SETTINGS_NAME "/" NRF_CLOUD_SETTINGS_FOTA_KEY
#define NRF_CLOUD_SETTINGS_FULL_FOTA_JOB \
	NRF_CLOUD_SETTINGS_FULL_FOTA "/" NRF_CLOUD_SETTINGS_FOTA_JOB
/** @} */

/** @name Device shadow keys and values
 * @{
 */
#define NRF_CLOUD_JSON_KEY_STATE                "state"
#define NRF_CLOUD_JSON_KEY_REP                  "reported"
#define NRF_CLOUD_JSON_KEY_DES                  "desired"
#define NRF_CLOUD_JSON_KEY_DELTA                "delta"
#define NRF_CLOUD_JSON_KEY_DEVICE               "device"
#define NRF_CLOUD_JSON_KEY_SRVC_INFO            "serviceInfo"
#define NRF_CLOUD_JSON_KEY_SRVC_INFO_UI         "ui"
#define NRF_CLOUD_JSON_KEY_SRVC_INFO_FOTA       NRF_CLOUD_FOTA_VER_STR
#define NRF_CLOUD_JSON_KEY_CFG                  "config"
#define NRF_CLOUD_JSON_KEY_CTRL                 "control"
#define NRF_CLOUD_JSON_KEY_ALERT                "alertsEn"
#define NRF_CLOUD_JSON_KEY_LOG                  "logLvl"
#define NRF_CLOUD_JSON_KEY_TOPICS               "topics"
#define NRF_CLOUD_JSON_KEY_STAGE                "stage"
#define NRF_CLOUD_JSON_KEY_PAIRING              "pairing"
#define NRF_CLOUD_JSON_KEY_PAIR_STAT            "pairingStatus"
#define NRF_CLOUD_JSON_KEY_TOPIC_PRFX           "nrfcloud_mqtt_topic_prefix"
#define NRF_CLOUD_JSON_KEY_KEEPALIVE            "keepalive"
#define NRF_CLOUD_JSON_KEY_CONN                 "connection"
#define NRF_CLOUD_JSON_KEY_APP_VER              "appVersion"
#define NRF_CLOUD_JSON_KEY_SMP_APP_VER          "smpDevAppVer"
#define NRF_CLOUD_JSON_KEY_CONN_INFO            "connectionInfo"
#define NRF_CLOUD_JSON_KEY_PROTOCOL             "protocol"
#define NRF_CLOUD_JSON_KEY_METHOD               "method"
#define NRF_CLOUD_JSON_KEY_SHADOW_VERSION       "version"
#define NRF_CLOUD_JSON_KEY_SHADOW_TIMESTAMP     "timestamp"
#define NRF_CLOUD_JSON_VAL_NOT_ASSOC            "not_associated"
#define NRF_CLOUD_JSON_VAL_PAIRED               "paired"
#define NRF_CLOUD_DEVICE_JSON_KEY_NET_INF       "networkInfo"
#define NRF_CLOUD_DEVICE_JSON_KEY_SIM_INF       "simInfo"
#define NRF_CLOUD_DEVICE_JSON_KEY_DEV_INF       "deviceInfo"
#define NRF_CLOUD_JSON_VAL_PROTO_MQTT           "MQTT"
#define NRF_CLOUD_JSON_VAL_PROTO_COAP           "CoAP"
#define NRF_CLOUD_JSON_VAL_PROTO_REST           "REST"
#define NRF_CLOUD_JSON_VAL_METHOD_LTE           "LTE"
#define NRF_CLOUD_JSON_VAL_METHOD_WIFI          "Wi-Fi"
/** @} */

/** @name Size limits (characters, without the terminating NUL)
 * @{
 */
/** Longest stage name ("prod", "beta", ...) taken from the topic prefix. */
#define NRF_CLOUD_STAGE_ID_MAX_LEN              8
/** Longest tenant (team) ID taken from the topic prefix. */
#define NRF_CLOUD_TENANT_ID_MAX_LEN             64
/** Longest device (MQTT client) ID. */
#define NRF_CLOUD_CLIENT_ID_MAX_LEN             64
/** @} */

/** @name Topic pieces
 * @{
 */
#ifndef CONFIG_NRF_CLOUD_GATEWAY
#define NRF_CLOUD_JSON_KEY_DEVICE_TO_CLOUD      "d2c"
#define NRF_CLOUD_JSON_KEY_CLOUD_TO_DEVICE      "c2d"
#else
#define NRF_CLOUD_JSON_KEY_DEVICE_TO_CLOUD      "g2c"
#define NRF_CLOUD_JSON_KEY_CLOUD_TO_DEVICE      "c2g"
#endif
#define NRF_CLOUD_BULK_MSG_TOPIC                "/bulk"
#define NRF_CLOUD_JSON_VAL_TOPIC_C2D            "/" NRF_CLOUD_JSON_KEY_CLOUD_TO_DEVICE
#define NRF_CLOUD_JSON_VAL_TOPIC_AGNSS          "/agnss"
#define NRF_CLOUD_JSON_VAL_TOPIC_PGPS           "/pgps"
#define NRF_CLOUD_JSON_VAL_TOPIC_GND_FIX        "/ground_fix"
#define NRF_CLOUD_JSON_VAL_TOPIC_RCV            "/r"
#define NRF_CLOUD_JSON_VAL_TOPIC_WILDCARD       "/+"
#define NRF_CLOUD_JSON_VAL_TOPIC_BIN            "/bin"
/** @} */

/** @name Shadow transforms
 * @{
 */
/** Response length the cloud uses when a request does not give one. */
#define NRF_CLOUD_TRANSFORM_MAX_RESPONSE_LEN    1792
#define NRF_CLOUD_TRANSFORM_REQ_LEN_KEY         "l"
#define NRF_CLOUD_TRANSFORM_REQ_TF_KEY          "t"
#define NRF_CLOUD_TRANSFORM_RSP_TF_KEY          "tf"
#define NRF_CLOUD_TRANSFORM_RSP_ERR_KEY         "err"
#define NRF_CLOUD_TRANSFORM_RSP_POS_KEY         "position"
#define NRF_CLOUD_TRANSFORM_RSP_MSG_KEY         "message"
/** @} */

/** @} */

#endif /* NRF_CLOUD_DEFS_H__ */
