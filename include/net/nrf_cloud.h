/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file nrf_cloud.h
 * @brief nRF Cloud over MQTT: connect a device to nRF Cloud, keep its shadow
 *        and exchange messages.
 *
 * Drop-in replacement for the NCS header of the same name (MQTT transport).
 * Names, numeric values, struct members and their order, return codes and the
 * order of events are NCS's, so applications written for NCS build unchanged.
 * The protocol logic is cloudwire's (Rust, no heap); the network, TLS and
 * settings come from Zephyr through the cloudwire port.
 *
 * Not provided yet (later cloudwire releases): the FOTA functions, the
 * nrf_cloud_obj codec API (<net/nrf_cloud_codec.h>) and everything built on
 * it. The struct members that point to those types are kept, with the types
 * declared but not defined, so layouts and source stay compatible; each such
 * member says what cloudwire does with it.
 *
 * Threads: every function may be called from any thread, including from
 * inside the event handler (the handler is always called with no library lock
 * held). Events are delivered on the thread that processed the input that
 * caused them: the connection poll thread
 * (CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD), or the caller of
 * nrf_cloud_connect(), nrf_cloud_process(), nrf_cloud_disconnect() or
 * nrf_cloud_uninit().
 */

#ifndef NRF_CLOUD_H__
#define NRF_CLOUD_H__

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zephyr/net/mqtt.h>
#include <zephyr/net/tls_credentials.h>

#include <net/nrf_cloud_defs.h>
#include <net/nrf_cloud_os.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup nrf_cloud nRF Cloud (MQTT)
 * @{
 */

/* C11 anonymous unions are a GNU extension in C99; mark them so. */
#if defined(__GNUC__) && !defined(__cplusplus)
#define NRF_CLOUD_ANON_UNION_ __extension__ union
#else
#define NRF_CLOUD_ANON_UNION_ union
#endif

/* Types of other libraries, referenced only through pointers here. */
struct nrf_cloud_obj;
struct nrf_cloud_obj_shadow_data;
struct dfu_target_fmfu_fdev;
#if defined(CONFIG_MODEM_INFO)
struct modem_param_info;
#endif
#if defined(CONFIG_NRF_MODEM)
struct nrf_modem_gnss_nmea_data_frame;
struct nrf_modem_gnss_pvt_data_frame;
#endif

/** @name MQTT message IDs the library uses
 *
 * Message IDs 1000..9999 are allocated in turn for messages sent without an
 * explicit ID; 10000..65535 are free for the application (user tags), and a
 * PUBACK for such an ID is reported as NRF_CLOUD_EVT_SENSOR_DATA_ACK.
 * @{
 */
/** Pass as a message ID to let the library pick the next one. */
#define NCT_MSG_ID_USE_NEXT_INCREMENT 0
/** SUBSCRIBE of the control-channel (shadow) topics. */
#define NCT_MSG_ID_CC_SUB 100
/** SUBSCRIBE of the data-channel (cloud-to-device) topic. */
#define NCT_MSG_ID_DC_SUB 101
/** SUBSCRIBE of the FOTA job topic. */
#define NCT_MSG_ID_FOTA_SUB 103
/** UNSUBSCRIBE of the control-channel topics. */
#define NCT_MSG_ID_CC_UNSUB 150
/** UNSUBSCRIBE of the data-channel topic. */
#define NCT_MSG_ID_DC_UNSUB 151
/** UNSUBSCRIBE of the FOTA job topic. */
#define NCT_MSG_ID_FOTA_UNSUB 153
/** Request of the trimmed shadow. */
#define NCT_MSG_ID_STATE_REQUEST 200
/** Request of a pending FOTA job. */
#define NCT_MSG_ID_FOTA_REQUEST 201
/** Request of a pending BLE FOTA job. */
#define NCT_MSG_ID_FOTA_BLE_REQUEST 202
/** Shadow update sent by the library (association, control section). */
#define NCT_MSG_ID_STATE_REPORT 300
/** Shadow update reporting the "paired" state. */
#define NCT_MSG_ID_PAIR_STATUS_REPORT 301
/** FOTA job status update. */
#define NCT_MSG_ID_FOTA_REPORT 302
/** BLE FOTA job status update. */
#define NCT_MSG_ID_FOTA_BLE_REPORT 303
/** First automatically allocated message ID. */
#define NCT_MSG_ID_INCREMENT_BEGIN 1000
/** Last automatically allocated message ID (then it wraps around). */
#define NCT_MSG_ID_INCREMENT_END 9999
/** First message ID available as a user tag. */
#define NCT_MSG_ID_USER_TAG_BEGIN (NCT_MSG_ID_INCREMENT_END + 1)
/** Last message ID available as a user tag (MQTT IDs are 16-bit). */
#define NCT_MSG_ID_USER_TAG_END 0xFFFF
/** True if @p tag is a valid user tag (in 10000..65535). */
#define IS_VALID_USER_TAG(tag) ((tag >= NCT_MSG_ID_USER_TAG_BEGIN) && \
				(tag <= NCT_MSG_ID_USER_TAG_END))
/** @} */

/** Longest JWT lifetime nrf_cloud_jwt_generate() accepts: 7 days, in seconds. */
#define NRF_CLOUD_JWT_VALID_TIME_S_MAX (7 * 24 * 60 * 60)
/** JWT lifetime used when 0 is requested: 10 minutes, in seconds. */
#define NRF_CLOUD_JWT_VALID_TIME_S_DEF (10 * 60)

/** Timestamp value meaning "no timestamp": the "ts" field is left out. */
#define NRF_CLOUD_NO_TIMESTAMP 0

/** Size of a FOTA job ID buffer: 36 characters plus the NUL. */
#define NRF_CLOUD_FOTA_JOB_ID_SIZE (32 + 4 + 1)

#if !defined(CONFIG_NRF_MODEM)
/** Longest NMEA sentence, including the NUL (the modem library's value). */
#define NRF_MODEM_GNSS_NMEA_MAX_LEN 83
#endif

/** @brief Events delivered to the application's event handler. */
enum nrf_cloud_evt_type {
	/** MQTT connection accepted (CONNACK). status: 1 if the broker kept
	 *  the previous (persistent) session, else 0.
	 */
	NRF_CLOUD_EVT_TRANSPORT_CONNECTED = 0x1,
	/** The poll thread starts connecting (status 0). Only with
	 *  CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD.
	 */
	NRF_CLOUD_EVT_TRANSPORT_CONNECTING,
	/** The device is not associated with an nRF Cloud account yet: add it
	 *  to an account; NRF_CLOUD_EVT_USER_ASSOCIATED follows.
	 */
	NRF_CLOUD_EVT_USER_ASSOCIATION_REQUEST,
	/** The device is associated with an account. If it followed an
	 *  association request, disconnect and connect again.
	 */
	NRF_CLOUD_EVT_USER_ASSOCIATED,
	/** Connected, associated and subscribed: data can be sent. */
	NRF_CLOUD_EVT_READY,
	/** Data received on the cloud-to-device topic (data, topic set). */
	NRF_CLOUD_EVT_RX_DATA_GENERAL,
	/** The cloud asked the device to disconnect (it was removed from its
	 *  account); the library disconnects right after this event.
	 */
	NRF_CLOUD_EVT_RX_DATA_DISCON,
	/** A location (ground fix) result received (data, topic set). */
	NRF_CLOUD_EVT_RX_DATA_LOCATION,
	/** Shadow data received: the shadow JSON is in data, the topic in
	 *  topic. See nrf_cloud_evt::shadow.
	 */
	NRF_CLOUD_EVT_RX_DATA_SHADOW,
	/** PINGRESP received (only once READY). */
	NRF_CLOUD_EVT_PINGRESP,
	/** PUBACK of a message sent with a user tag. data.ptr points to the
	 *  uint16_t message ID, data.len is 2.
	 */
	NRF_CLOUD_EVT_SENSOR_DATA_ACK,
	/** The MQTT connection is closed. status: enum
	 *  nrf_cloud_disconnect_status. Sent exactly once per connection.
	 */
	NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED,
	/** A FOTA update started (not produced by cloudwire yet). */
	NRF_CLOUD_EVT_FOTA_START,
	/** A FOTA update finished (not produced by cloudwire yet). */
	NRF_CLOUD_EVT_FOTA_DONE,
	/** A FOTA update failed (not produced by cloudwire yet). */
	NRF_CLOUD_EVT_FOTA_ERROR,
	/** Connecting failed. status: the enum nrf_cloud_connect_result value
	 *  (negative) converted to uint32_t.
	 */
	NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR,
	/** A FOTA job is waiting to be started (not produced by cloudwire yet). */
	NRF_CLOUD_EVT_FOTA_JOB_AVAILABLE,
	/** An error. status: enum nrf_cloud_error_status. */
	NRF_CLOUD_EVT_ERROR = 0xFF
};

/** @brief Status of an NRF_CLOUD_EVT_ERROR event. */
enum nrf_cloud_error_status {
	/** No error. */
	NRF_CLOUD_ERR_STATUS_NONE = 0,
	/** CONNACK refused the connection for another reason. */
	NRF_CLOUD_ERR_STATUS_MQTT_CONN_FAIL,
	/** CONNACK code 1: unacceptable protocol version. */
	NRF_CLOUD_ERR_STATUS_MQTT_CONN_BAD_PROT_VER,
	/** CONNACK code 2: client identifier rejected. */
	NRF_CLOUD_ERR_STATUS_MQTT_CONN_ID_REJECTED,
	/** CONNACK code 3: server unavailable. */
	NRF_CLOUD_ERR_STATUS_MQTT_CONN_SERVER_UNAVAIL,
	/** CONNACK code 4: bad user name or password. */
	NRF_CLOUD_ERR_STATUS_MQTT_CONN_BAD_USR_PWD,
	/** CONNACK code 5: not authorized. */
	NRF_CLOUD_ERR_STATUS_MQTT_CONN_NOT_AUTH,
	/** A SUBSCRIBE was refused. */
	NRF_CLOUD_ERR_STATUS_MQTT_SUB_FAIL,
	/** Processing A-GNSS data failed. */
	NRF_CLOUD_ERR_STATUS_AGNSS_PROC,
	/** Processing P-GPS data failed. */
	NRF_CLOUD_ERR_STATUS_PGPS_PROC,
};

/** @brief Status of an NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED event. */
enum nrf_cloud_disconnect_status {
	/** The application asked for it (nrf_cloud_disconnect(),
	 *  nrf_cloud_uninit()).
	 */
	NRF_CLOUD_DISCONNECT_USER_REQUEST,
	/** The cloud closed the connection, or processing the connection
	 *  failed (e.g. a PINGREQ went unanswered).
	 */
	NRF_CLOUD_DISCONNECT_CLOSED_BY_REMOTE,
	/** The socket became invalid (POLLNVAL) without a request. */
	NRF_CLOUD_DISCONNECT_INVALID_REQUEST,
	/** A socket error (POLLERR, or waiting on the socket failed). */
	NRF_CLOUD_DISCONNECT_MISC,
};

/** @brief Result of nrf_cloud_connect() and status of
 *         NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR.
 */
enum nrf_cloud_connect_result {
	/** Connecting started (poll thread) or CONNECT sent (no poll thread). */
	NRF_CLOUD_CONNECT_RES_SUCCESS = 0,
	/** nrf_cloud_init() has not been called. */
	NRF_CLOUD_CONNECT_RES_ERR_NOT_INITD = -1,
	/** No network or the host name could not be resolved. */
	NRF_CLOUD_CONNECT_RES_ERR_NETWORK = -3,
	/** The cloud refused the connection. */
	NRF_CLOUD_CONNECT_RES_ERR_BACKEND = -4,
	/** Any other error. */
	NRF_CLOUD_CONNECT_RES_ERR_MISC = -5,
	/** Out of memory. */
	NRF_CLOUD_CONNECT_RES_ERR_NO_MEM = -6,
	/** Private key problem. */
	NRF_CLOUD_CONNECT_RES_ERR_PRV_KEY = -7,
	/** Certificate problem. */
	NRF_CLOUD_CONNECT_RES_ERR_CERT = -8,
	/** No address accepted the TCP/TLS connection (as in NCS, this is
	 *  also what a refused or failing connection reports).
	 */
	NRF_CLOUD_CONNECT_RES_ERR_CERT_MISC = -9,
	/** Timed out. */
	NRF_CLOUD_CONNECT_RES_ERR_TIMEOUT_NO_DATA = -10,
	/** Connected, or a connection attempt is already under way. */
	NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED = -11,
};

/** @brief Error codes nRF Cloud returns in its messages. */
enum nrf_cloud_error {
	NRF_CLOUD_ERROR_UNKNOWN = -1,
	NRF_CLOUD_ERROR_NONE = 0,
	NRF_CLOUD_ERROR_BAD_REQUEST = 40000,
	NRF_CLOUD_ERROR_INVALID_CERT = 40001,
	NRF_CLOUD_ERROR_DISSOCIATE = 40002,
	NRF_CLOUD_ERROR_ACCESS_DENIED = 40100,
	NRF_CLOUD_ERROR_DEV_ID_IN_USE = 40101,
	NRF_CLOUD_ERROR_INVALID_OWNER_CODE = 40102,
	NRF_CLOUD_ERROR_DEV_NOT_ASSOCIATED = 40103,
	NRF_CLOUD_ERROR_DATA_NOT_FOUND = 40410,
	NRF_CLOUD_ERROR_NRF_DEV_NOT_FOUND = 40411,
	NRF_CLOUD_ERROR_NO_DEV_NOT_PROV = 40412,
	NRF_CLOUD_ERROR_NO_DEV_DISSOCIATE = 40413,
	NRF_CLOUD_ERROR_NO_DEV_DELETE = 40414,
	/** The item does not exist; not an error as such. */
	NRF_CLOUD_ERROR_NOT_FOUND_NO_ERROR = 40499,
	NRF_CLOUD_ERROR_BAD_RANGE = 41600,
	NRF_CLOUD_ERROR_VALIDATION = 42200,
	NRF_CLOUD_ERROR_INTERNAL_SERVER = 50010,
};

/** @brief Sensor types; each selects the "appId" of a sensor message. */
enum nrf_cloud_sensor {
	/** "GNSS" */
	NRF_CLOUD_SENSOR_GNSS,
	/** "FLIP" */
	NRF_CLOUD_SENSOR_FLIP,
	/** "BUTTON" */
	NRF_CLOUD_SENSOR_BUTTON,
	/** "TEMP" */
	NRF_CLOUD_SENSOR_TEMP,
	/** "HUMID" */
	NRF_CLOUD_SENSOR_HUMID,
	/** "AIR_PRESS" */
	NRF_CLOUD_SENSOR_AIR_PRESS,
	/** "AIR_QUAL" */
	NRF_CLOUD_SENSOR_AIR_QUAL,
	/** "RSRP" */
	NRF_CLOUD_LTE_LINK_RSRP,
	/** "LOG" */
	NRF_CLOUD_LOG,
	/** "DICTLOG" */
	NRF_CLOUD_DICTIONARY_LOG,
	/** "DEVICE" */
	NRF_CLOUD_DEVICE_INFO,
	/** "LIGHT" */
	NRF_CLOUD_SENSOR_LIGHT,
};

/** @brief Where nrf_cloud_send() publishes. */
enum nrf_cloud_topic_type {
	/** Shadow update (<device ID>/shadow/update), QoS 1. */
	NRF_CLOUD_TOPIC_STATE = 0x1,
	/** Device-to-cloud message topic (d2c), QoS 0 or 1. */
	NRF_CLOUD_TOPIC_MESSAGE,
	/** Bulk topic (d2c/bulk): a JSON array of messages. */
	NRF_CLOUD_TOPIC_BULK,
	/** Binary topic (d2c/bin). */
	NRF_CLOUD_TOPIC_BIN,
#if defined(CONFIG_NRF_CLOUD_MQTT_SHADOW_TRANSFORMS)
	/** Shadow transform request (<device ID>/shadow/get/tf). */
	NRF_CLOUD_TOPIC_STATE_TF,
#endif
};

/** @brief Status of a FOTA job, as reported to the cloud. */
enum nrf_cloud_fota_status {
	NRF_CLOUD_FOTA_QUEUED = 0,
	NRF_CLOUD_FOTA_IN_PROGRESS = 1,
	NRF_CLOUD_FOTA_FAILED = 2,
	NRF_CLOUD_FOTA_SUCCEEDED = 3,
	NRF_CLOUD_FOTA_TIMED_OUT = 4,
	NRF_CLOUD_FOTA_CANCELED = 5,
	NRF_CLOUD_FOTA_REJECTED = 6,
	NRF_CLOUD_FOTA_DOWNLOADING = 7,
	/** Local only: a full modem update must be validated first. */
	NRF_CLOUD_FOTA_FMFU_VALIDATION_NEEDED = 8,
};

/** @brief Firmware types of FOTA jobs (the cloud's "firmwareType"). */
enum nrf_cloud_fota_type {
	NRF_CLOUD_FOTA_TYPE__FIRST = 0,
	/** Application image. */
	NRF_CLOUD_FOTA_APPLICATION = NRF_CLOUD_FOTA_TYPE__FIRST,
	/** Modem delta update. */
	NRF_CLOUD_FOTA_MODEM_DELTA = 1,
	/** Bootloader image. */
	NRF_CLOUD_FOTA_BOOTLOADER = 2,
	/* 3 and 4 are BLE types the library does not handle. */
	/** Full modem update. */
	NRF_CLOUD_FOTA_MODEM_FULL = 5,
	/** Image for an SMP-managed companion chip. */
	NRF_CLOUD_FOTA_SMP = 6,
	/** First invalid value. */
	NRF_CLOUD_FOTA_TYPE__INVALID
};

/** @brief A FOTA job as received from the cloud. */
struct nrf_cloud_fota_job_info {
	/** Firmware type. */
	enum nrf_cloud_fota_type type;
	/** Job ID (NUL-terminated). */
	char *id;
	/** Download host. */
	char *host;
	/** Download path. */
	char *path;
	/** File size in bytes. */
	int file_size;
};

/** @brief Validation state of a FOTA job kept across reboots. */
enum nrf_cloud_fota_validate_status {
	NRF_CLOUD_FOTA_VALIDATE_NONE = 0,
	NRF_CLOUD_FOTA_VALIDATE_PENDING,
	NRF_CLOUD_FOTA_VALIDATE_PASS,
	NRF_CLOUD_FOTA_VALIDATE_FAIL,
	NRF_CLOUD_FOTA_VALIDATE_UNKNOWN,
	NRF_CLOUD_FOTA_VALIDATE_DONE,
	NRF_CLOUD_FOTA_VALIDATE_ERROR,
};

/** @brief Bootloader FOTA flags kept across reboots (bit mask). */
enum nrf_cloud_fota_bootloader_status_flags {
	NRF_CLOUD_FOTA_BL_STATUS_CLEAR = 0,
	NRF_CLOUD_FOTA_BL_STATUS_S0_FLAG_SET = (1 << 0),
	NRF_CLOUD_FOTA_BL_STATUS_S0_WAS_ACTIVE = (1 << 1),
	NRF_CLOUD_FOTA_BL_STATUS_REBOOTED = (1 << 2),
};

/** @brief FOTA job record stored in settings ("nrf_cloud/fota/job"). */
struct nrf_cloud_settings_fota_job {
	/** Validation state. */
	enum nrf_cloud_fota_validate_status validate;
	/** Firmware type. */
	enum nrf_cloud_fota_type type;
	/** Job ID (NUL-terminated). */
	char id[NRF_CLOUD_FOTA_JOB_ID_SIZE];
	/** Bootloader flags. */
	enum nrf_cloud_fota_bootloader_status_flags bl_flags;
};

/** @brief A byte buffer. */
struct nrf_cloud_data {
	/** Length in bytes. */
	uint32_t len;
	/** The bytes. */
	const void *ptr;
};

/** @brief An MQTT topic (not NUL-terminated). */
struct nrf_cloud_topic {
	/** Length in bytes. */
	uint32_t len;
	/** The topic. */
	const void *ptr;
};

/** @brief One sensor reading for nrf_cloud_sensor_data_send() and
 *         nrf_cloud_sensor_data_stream().
 */
struct nrf_cloud_sensor_data {
	/** Sensor type: selects the "appId". */
	enum nrf_cloud_sensor type;
	/** The value: a NUL-terminated string, sent as the JSON string "data".
	 *  len is not used (as in NCS).
	 */
	struct nrf_cloud_data data;
	/** Message ID to use if it is a valid user tag (10000..65535); its
	 *  PUBACK is then reported as NRF_CLOUD_EVT_SENSOR_DATA_ACK.
	 */
	uint16_t tag;
	/** Time of the reading in milliseconds since the Unix epoch, or
	 *  NRF_CLOUD_NO_TIMESTAMP to leave "ts" out.
	 */
	int64_t ts_ms;
};

/** @brief An event delivered to the application. */
struct nrf_cloud_evt {
	/** What happened. */
	enum nrf_cloud_evt_type type;
	/** Detail; its meaning depends on type. */
	uint32_t status;
	/** Data of the event. For received messages the payload, followed by a
	 *  NUL byte that len does not count. Valid only during the handler.
	 */
	struct nrf_cloud_data data;
	/** Topic a received message came on. Valid only during the handler. */
	struct nrf_cloud_topic topic;
	/** Decoded shadow for NRF_CLOUD_EVT_RX_DATA_SHADOW in NCS. cloudwire
	 *  does not have the nrf_cloud_obj codec API yet, so this is always
	 *  NULL; the shadow JSON is in data (as it is in NCS too).
	 */
	struct nrf_cloud_obj_shadow_data *shadow;
};

/** @brief A message for nrf_cloud_send(). */
struct nrf_cloud_tx_data {
	/** Message object of the codec API. cloudwire does not have that API
	 *  yet: it must be NULL (else nrf_cloud_send() returns -ENOTSUP); put
	 *  the encoded message in data instead.
	 */
	struct nrf_cloud_obj *obj;
	/** The encoded message. */
	struct nrf_cloud_data data;
	/** Where to send it. */
	enum nrf_cloud_topic_type topic_type;
	/** QoS for NRF_CLOUD_TOPIC_MESSAGE, _BULK and _BIN (shadow updates
	 *  always use QoS 1).
	 */
	enum mqtt_qos qos;
	/** MQTT message ID, or 0 for the next automatic one. */
	uint32_t id;
};

/** @brief FOTA services the device supports, for the shadow. */
struct nrf_cloud_svc_info_fota {
	/** Bootloader updates ("BOOT"). */
	uint8_t bootloader:1;
	/** Modem delta updates ("MODEM"). */
	uint8_t modem:1;
	/** Application updates ("APP"). */
	uint8_t application:1;
	/** Full modem updates ("MDM_FULL"). */
	uint8_t modem_full:1;
	/** SMP companion updates ("SMP"). */
	uint8_t smp:1;
	/** Reserved. */
	uint8_t _rsvd:3;
};

/** @brief Deprecated: UI cards of the nRF Cloud portal. Giving it makes the
 *         shadow carry "ui":null, which clears an old UI list.
 */
struct nrf_cloud_svc_info_ui {
	uint8_t temperature:1;
	uint8_t gnss:1;
	uint8_t flip:1;
	uint8_t humidity:1;
	uint8_t air_pressure:1;
	uint8_t rsrp:1;
	uint8_t log:1;
	uint8_t dictionary_log:1;
	uint8_t air_quality:1;
	uint8_t light_sensor:1;
	uint8_t button:1;
	/** Reserved. */
	uint8_t _rsvd:5;
};

/** @brief What to do with one section of device information in the shadow. */
enum nrf_cloud_shadow_info {
	/** Leave it as it is. */
	NRF_CLOUD_INFO_NO_CHANGE = 0,
	/** Report the current values. */
	NRF_CLOUD_INFO_SET = 1,
	/** Remove it (report null). */
	NRF_CLOUD_INFO_CLEAR = 2,
};

/** @brief Modem information for nrf_cloud_shadow_device_status_update(). */
struct nrf_cloud_modem_info {
	/** "deviceInfo" section (needs the modem: nRF91 only). */
	enum nrf_cloud_shadow_info device;
	/** "networkInfo" section (needs the modem: nRF91 only). */
	enum nrf_cloud_shadow_info network;
	/** "simInfo" section (needs the modem: nRF91 only). */
	enum nrf_cloud_shadow_info sim;
#if defined(CONFIG_MODEM_INFO)
	/** Modem values to report, or NULL to read them now. */
	const struct modem_param_info *mpi;
#endif
	/** Application version reported as "appVersion", or NULL. */
	const char *application_version;
};

/** @brief Services the device supports, for the shadow. */
struct nrf_cloud_svc_info {
	/** FOTA types, or NULL to report none. */
	struct nrf_cloud_svc_info_fota *fota;
	/** Deprecated UI list, or NULL. */
	struct nrf_cloud_svc_info_ui *ui;
};

/** @brief Device status for nrf_cloud_shadow_device_status_update(). */
struct nrf_cloud_device_status {
	/** Modem information, or NULL. */
	struct nrf_cloud_modem_info *modem;
	/** Service information, or NULL. */
	struct nrf_cloud_svc_info *svc;
	/** "connectionInfo" section (protocol and connection method). */
	enum nrf_cloud_shadow_info conn_inf;
};

/** @brief Kinds of GNSS data. */
enum nrf_cloud_gnss_type {
	NRF_CLOUD_GNSS_TYPE_INVALID,
	/** struct nrf_cloud_gnss_pvt */
	NRF_CLOUD_GNSS_TYPE_PVT,
	/** struct nrf_cloud_gnss_nmea */
	NRF_CLOUD_GNSS_TYPE_NMEA,
	/** Modem PVT frame */
	NRF_CLOUD_GNSS_TYPE_MODEM_PVT,
	/** Modem NMEA frame */
	NRF_CLOUD_GNSS_TYPE_MODEM_NMEA,
};

/** @brief A GNSS position. */
struct nrf_cloud_gnss_pvt {
	/** Latitude in degrees. */
	double lat;
	/** Longitude in degrees. */
	double lon;
	/** Accuracy (2D, 1-sigma) in meters. */
	float accuracy;
	/** Altitude in meters above the WGS-84 ellipsoid (if has_alt). */
	float alt;
	/** Horizontal speed in m/s (if has_speed). */
	float speed;
	/** Heading in degrees (if has_heading). */
	float heading;
	/** alt is valid. */
	uint8_t has_alt:1;
	/** speed is valid. */
	uint8_t has_speed:1;
	/** heading is valid. */
	uint8_t has_heading:1;
	/** Reserved. */
	uint8_t _rsvd:5;
};

/** @brief Result of nrf_cloud_credentials_check(). */
struct nrf_cloud_credentials_status {
	/** The sec tag checked (nrf_cloud_sec_tag_get()). */
	uint32_t sec_tag;
	/** Size of the CA certificate in bytes, if known (else 0). */
	size_t ca_size;
	/** A CA certificate is stored. */
	uint8_t ca:1;
	/** By its size, the CA data likely holds the CoAP root CA. */
	uint8_t ca_coap:1;
	/** By its size, the CA data likely holds the AWS root CA (MQTT). */
	uint8_t ca_aws:1;
	/** A client certificate is stored. */
	uint8_t client_cert:1;
	/** A private key is stored. */
	uint8_t prv_key:1;
};

/** @brief An NMEA sentence. */
struct nrf_cloud_gnss_nmea {
	/** NUL-terminated sentence. */
	const char *sentence;
};

/** @brief GNSS data for a "GNSS" message. */
struct nrf_cloud_gnss_data {
	/** Which union member is valid. */
	enum nrf_cloud_gnss_type type;
	/** Time of the fix in milliseconds since the Unix epoch, or
	 *  NRF_CLOUD_NO_TIMESTAMP.
	 */
	int64_t ts_ms;
	/* Anonymous as in NCS (C11); __extension__ keeps C99 -pedantic quiet. */
	NRF_CLOUD_ANON_UNION_ {
		/** NRF_CLOUD_GNSS_TYPE_PVT */
		struct nrf_cloud_gnss_pvt pvt;
		/** NRF_CLOUD_GNSS_TYPE_NMEA */
		struct nrf_cloud_gnss_nmea nmea;
#if defined(CONFIG_NRF_MODEM)
		/** NRF_CLOUD_GNSS_TYPE_MODEM_NMEA */
		struct nrf_modem_gnss_nmea_data_frame *mdm_nmea;
		/** NRF_CLOUD_GNSS_TYPE_MODEM_PVT */
		struct nrf_modem_gnss_pvt_data_frame *mdm_pvt;
#endif
	};
};

/** @brief The shadow's "control" section. */
struct nrf_cloud_ctrl_data {
	/** "alertsEn": alerts enabled. */
	bool alerts_enabled;
	/** "logLvl": cloud logging level, 0 (off) to 4 (debug). */
	int log_level;
};

/**
 * @brief Application event handler.
 *
 * Called with no library lock held, so it may call any function of this
 * header. The event and everything it points to are valid only until it
 * returns.
 */
typedef void (*nrf_cloud_event_handler_t)(const struct nrf_cloud_evt *evt);

/** @brief Parameters of nrf_cloud_init(). */
struct nrf_cloud_init_param {
	/** Event handler; required. */
	nrf_cloud_event_handler_t event_handler;
	/** Device ID when CONFIG_NRF_CLOUD_CLIENT_ID_SRC_RUNTIME is set (it
	 *  replaces one given to nrf_cloud_client_id_runtime_set()); NULL to
	 *  keep that one. Ignored, with a warning, for other ID sources.
	 */
	char *client_id;
	/** Flash device for full modem FOTA. Ignored: cloudwire has no FOTA
	 *  yet.
	 */
	struct dfu_target_fmfu_fdev *fmfu_dev_inf;
	/** Memory hooks. Ignored: cloudwire allocates nothing. */
	struct nrf_cloud_os_mem_hooks *hooks;
	/** Application version reported in the shadow ("appVersion"), or
	 *  NULL. Copied (up to 64 characters) by nrf_cloud_init().
	 */
	const char *application_version;
	/** SMP FOTA reset callback. Ignored: cloudwire has no FOTA yet. */
	void *smp_reset_cb;
};

/**
 * @brief Initialize the library. No event is sent; state becomes
 *        "initialized".
 *
 * Determines the device ID (see nrf_cloud_client_id_get()), loads the
 * persistent-session flag from settings ("nrf_cloud/p_sesh") when persistent
 * sessions are configured (CONFIG_MQTT_CLEAN_SESSION=n), and logs the details
 * of nrf_cloud_print_details().
 *
 * @param param Parameters; copied, except the strings they point to.
 *
 * @retval 0 Initialized.
 * @retval -EACCES Already initialized, or nrf_cloud_uninit() is running.
 * @retval -EINVAL @p param or its event_handler is NULL, or the runtime
 *         device ID in @p param is empty or longer than
 *         NRF_CLOUD_CLIENT_ID_MAX_LEN.
 * @retval -ENXIO The device ID source is RUNTIME and no ID was given.
 * @retval -EIO The device ID could not be determined.
 */
int nrf_cloud_init(const struct nrf_cloud_init_param *param);

/**
 * @brief Disconnect if connected, and return to the uninitialized state.
 *
 * If a connection is open it is closed and this waits up to 30 s for the
 * NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED event (delivered to the handler
 * before it is cleared), then up to 10 s for the poll thread to become idle.
 * The event handler is cleared in any case. While it runs, the other
 * functions behave as if the library were not initialized.
 *
 * @retval 0 Done.
 * @retval -EISCONN The port did not report the disconnect within 30 s; the
 *         connection was then aborted (and the event sent late).
 * @retval -ETIME The poll thread did not become idle within 10 s.
 */
int nrf_cloud_uninit(void);

/**
 * @brief Log the device ID and, with CONFIG_NRF_CLOUD_VERBOSE_DETAILS, the
 *        IMEI, UUID and modem firmware (where available), the protocol, the
 *        sec tag and the host name. Nothing is logged without
 *        CONFIG_NRF_CLOUD_PRINT_DETAILS.
 *
 * @retval 0 Done (also without CONFIG_NRF_CLOUD_PRINT_DETAILS).
 * @retval -EIO, -ENXIO The device ID is not available (see
 *         nrf_cloud_client_id_get()).
 * @note NCS returns the modem firmware query's error when
 *       CONFIG_NRF_CLOUD_VERBOSE_DETAILS is set (-ENOTSUP off nRF91) even
 *       though everything was logged; cloudwire returns 0 then.
 */
int nrf_cloud_print_details(void);

/**
 * @brief Log the tenant (team) ID, with CONFIG_NRF_CLOUD_VERBOSE_DETAILS.
 *        The library calls it after NRF_CLOUD_EVT_READY.
 *
 * @retval 0 Done, or nothing to do without CONFIG_NRF_CLOUD_VERBOSE_DETAILS.
 * @retval -EINVAL The tenant ID is not known yet (not associated).
 */
int nrf_cloud_print_cloud_details(void);

/**
 * @brief Read the modem's IMEI ("AT+CGSN"), cut at the first CR LF.
 *
 * @param buf Buffer for the NUL-terminated IMEI.
 * @param buf_sz Its size in bytes.
 *
 * @retval 0 Done.
 * @retval -ENOTSUP No nRF91 modem in this build.
 * @retval -EINVAL @p buf is NULL or @p buf_sz is 0.
 * @retval -errno The modem library's error.
 */
int nrf_cloud_get_imei(char *buf, size_t buf_sz);

/**
 * @brief Read the modem's internal device UUID (36 characters).
 *
 * @param buf Buffer for the NUL-terminated UUID.
 * @param buf_sz Its size in bytes; must be at least 37.
 *
 * @retval 0 Done.
 * @retval -EINVAL @p buf is NULL.
 * @retval -ENOMEM @p buf_sz is 36 or less.
 * @retval -ENOTSUP No modem JWT support (CONFIG_MODEM_JWT) in this build.
 * @retval -errno The modem library's error.
 */
int nrf_cloud_get_uuid(char *buf, size_t buf_sz);

/**
 * @brief Read the modem firmware version ("AT+CGMR"), cut at the first CR LF.
 *
 * @param buf Buffer for the NUL-terminated version.
 * @param buf_sz Its size in bytes.
 *
 * @retval 0 Done.
 * @retval -ENOTSUP No nRF91 modem in this build.
 * @retval -EINVAL @p buf is NULL or @p buf_sz is 0.
 * @retval -errno The modem library's error.
 */
int nrf_cloud_get_modem_fw(char *buf, size_t buf_sz);

/**
 * @brief Connect to nRF Cloud.
 *
 * With CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD this wakes the poll thread and
 * returns at once. The thread sends NRF_CLOUD_EVT_TRANSPORT_CONNECTING, opens
 * TCP + TLS and sends CONNECT; on failure it sends
 * NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR, else it processes the connection
 * until it closes. Without the poll thread this blocks until CONNECT is sent
 * and the application must then call nrf_cloud_process() regularly.
 *
 * Then: NRF_CLOUD_EVT_TRANSPORT_CONNECTED, NRF_CLOUD_EVT_USER_ASSOCIATION_REQUEST
 * (device not in an account yet), NRF_CLOUD_EVT_USER_ASSOCIATED and
 * NRF_CLOUD_EVT_READY.
 *
 * @return An enum nrf_cloud_connect_result value:
 * @retval NRF_CLOUD_CONNECT_RES_SUCCESS Started (poll thread) or CONNECT
 *         sent.
 * @retval NRF_CLOUD_CONNECT_RES_ERR_NOT_INITD Not initialized.
 * @retval NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED Connected or
 *         connecting.
 * @retval NRF_CLOUD_CONNECT_RES_ERR_NETWORK No network / DNS failure.
 * @retval NRF_CLOUD_CONNECT_RES_ERR_PRV_KEY Private key problem.
 * @retval NRF_CLOUD_CONNECT_RES_ERR_CERT Certificate problem.
 * @retval NRF_CLOUD_CONNECT_RES_ERR_CERT_MISC No address accepted the
 *         connection.
 * @retval NRF_CLOUD_CONNECT_RES_ERR_TIMEOUT_NO_DATA Timed out.
 * @retval NRF_CLOUD_CONNECT_RES_ERR_NO_MEM Out of memory.
 * @retval NRF_CLOUD_CONNECT_RES_ERR_BACKEND Refused by the cloud.
 * @retval NRF_CLOUD_CONNECT_RES_ERR_MISC Any other error.
 */
int nrf_cloud_connect(void);

/**
 * @brief Send a sensor reading with QoS 1 to the device-to-cloud topic, as
 *        {"appId":"<type>","data":"<data>","messageType":"DATA"[,"ts":<ts>]}.
 *
 * @param param The reading; data.ptr must be a NUL-terminated string.
 *
 * @retval 0 Sent. If param->tag is a user tag, NRF_CLOUD_EVT_SENSOR_DATA_ACK
 *         follows when the cloud acknowledges it.
 * @retval -EACCES Not READY.
 * @retval -EINVAL @p param or its data.ptr is NULL, or the type is unknown.
 * @retval -ENOMEM The message does not fit the transmit buffer
 *         (CONFIG_NRF_CLOUD_MQTT_MESSAGE_BUFFER_LEN).
 * @retval -errno Sending failed.
 */
int nrf_cloud_sensor_data_send(const struct nrf_cloud_sensor_data *param);

/**
 * @brief Update the "device" section of the shadow:
 *        {"state":{"reported":{"device":{...}}}}, QoS 1.
 *
 * The modem sections (deviceInfo, networkInfo, simInfo) need the nRF91 modem
 * and are not reported by cloudwire yet; "appVersion", "serviceInfo" and
 * "connectionInfo" are.
 *
 * @param dev_status What to report.
 *
 * @retval 0 Sent.
 * @retval -EACCES Not READY.
 * @retval -EINVAL @p dev_status is NULL.
 * @retval -ENOMEM The document does not fit the transmit buffer.
 * @retval -errno Sending failed.
 */
int nrf_cloud_shadow_device_status_update(const struct nrf_cloud_device_status * const dev_status);

/**
 * @brief Like nrf_cloud_sensor_data_send(), but with QoS 0 and message ID 0
 *        (param->tag is ignored; no acknowledgement).
 *
 * @retval 0 Sent.
 * @retval -EACCES Not READY.
 * @retval -EINVAL @p param or its data.ptr is NULL, or the type is unknown.
 * @retval -ENOMEM The message does not fit the transmit buffer.
 * @retval -errno Sending failed.
 */
int nrf_cloud_sensor_data_stream(const struct nrf_cloud_sensor_data *param);

/**
 * @brief Send already encoded data to a topic.
 *
 * NRF_CLOUD_TOPIC_STATE (and NRF_CLOUD_TOPIC_STATE_TF) go to the shadow with
 * QoS 1 once the shadow topics are subscribed; the other topics need READY.
 * NRF_CLOUD_TOPIC_MESSAGE takes QoS 0 or 1, _BULK and _BIN take msg->qos.
 * The message ID is msg->id, or the next automatic one if it is 0.
 *
 * @param msg The message; msg->obj must be NULL (the codec API is not
 *        available yet).
 *
 * @retval 0 Sent.
 * @retval -EINVAL @p msg is NULL, or the QoS is not valid for the topic.
 * @retval -EACCES Not connected far enough for the topic.
 * @retval -ENOTSUP msg->obj is not NULL.
 * @retval -ENODATA Unknown topic type.
 * @retval -errno Sending failed.
 */
int nrf_cloud_send(const struct nrf_cloud_tx_data *msg);

/**
 * @brief Ask the cloud to evaluate a JSONata expression on the device's
 *        shadow ({"t":"<expr>"[,"l":<len>]} to <device ID>/shadow/get/tf);
 *        the answer arrives as NRF_CLOUD_EVT_RX_DATA_SHADOW.
 *
 * @param transform The expression.
 * @param max_response_len Longest answer wanted; 0 (or
 *        NRF_CLOUD_TRANSFORM_MAX_RESPONSE_LEN) for the cloud's default.
 *
 * @retval 0 Sent.
 * @retval -ENOTSUP No CONFIG_NRF_CLOUD_MQTT_SHADOW_TRANSFORMS.
 * @retval -EINVAL @p transform is NULL.
 * @retval -EACCES The shadow topics are not subscribed yet.
 * @retval -ENOMEM The request does not fit the transmit buffer.
 * @retval -errno Sending failed.
 */
int nrf_cloud_shadow_transform_request(char const *const transform, const size_t max_response_len);

/**
 * @brief Disconnect. NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED follows with
 *        status NRF_CLOUD_DISCONNECT_USER_REQUEST.
 *
 * @retval 0 Disconnecting.
 * @retval -EACCES Not connected (no CONNACK yet).
 * @retval -errno Sending DISCONNECT failed (the connection is closed anyway).
 */
int nrf_cloud_disconnect(void);

/**
 * @brief Process the connection: read what has arrived (events are delivered
 *        from here) and send a PINGREQ when the keepalive is due.
 *
 * Only needed without CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD. When reading
 * or pinging fails, or more than one PINGREQ is unanswered, the connection is
 * closed and NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED is sent (once: NCS could
 * send it twice here; cloudwire sends it exactly once per connection).
 *
 * @retval 0 A PINGREQ was sent.
 * @retval -EAGAIN Nothing to send yet.
 * @retval -ENOTCONN Not connected.
 * @retval -ECONNRESET The previous PINGREQ was not answered; disconnected.
 * @retval -errno Reading or pinging failed.
 */
int nrf_cloud_process(void);

/**
 * @brief Copy the device ID (the MQTT client ID) into a buffer.
 *
 * The ID comes from the CONFIG_NRF_CLOUD_CLIENT_ID_SRC choice:
 * IMEI (CONFIG_NRF_CLOUD_CLIENT_ID_PREFIX + IMEI), INTERNAL_UUID (modem
 * UUID), HW_ID (hwinfo), COMPILE_TIME (CONFIG_NRF_CLOUD_CLIENT_ID) or RUNTIME
 * (nrf_cloud_client_id_runtime_set() or the init parameter). It is worked out
 * on first use and kept; this works before nrf_cloud_init().
 *
 * @param id_buf Buffer for the NUL-terminated ID.
 * @param id_buf_sz Its size; NRF_CLOUD_CLIENT_ID_MAX_LEN + 1 always fits.
 *
 * @retval 0 Done.
 * @retval -EINVAL @p id_buf is NULL or @p id_buf_sz is 0.
 * @retval -EMSGSIZE The buffer is too small for the ID and its NUL.
 * @retval -EIO The ID could not be determined from its source.
 * @retval -ENXIO The source is RUNTIME and no ID has been set.
 */
int nrf_cloud_client_id_get(char *id_buf, size_t id_buf_sz);

/**
 * @brief Set the device ID, for CONFIG_NRF_CLOUD_CLIENT_ID_SRC_RUNTIME.
 *        The next connection uses it, for CONNECT and every topic.
 *
 * @param client_id NUL-terminated ID; copied.
 *
 * @retval 0 Set.
 * @retval -EINVAL Longer than NRF_CLOUD_CLIENT_ID_MAX_LEN, or NULL.
 * @retval -ENODATA Empty.
 * @retval -ENOTSUP The device ID source is not RUNTIME. (NCS asserts here;
 *         cloudwire reports the misuse and keeps the configured ID.)
 * @retval -EACCES A connection is being set up or is up; the ID in use
 *         stays. (NCS takes the ID then and mixes it with the old one in
 *         later topics; disconnect first.)
 */
int nrf_cloud_client_id_runtime_set(const char *const client_id);

/**
 * @brief Copy the tenant (team) ID the cloud gave in the shadow's topic
 *        prefix ("<stage>/<tenant>/"). Known once associated.
 *
 * @param id_buf Buffer for the NUL-terminated ID (the rest is zero-filled).
 * @param id_len Its size; NRF_CLOUD_TENANT_ID_MAX_LEN + 1 always fits.
 *
 * @retval 0 Done.
 * @retval -EMSGSIZE @p id_len is not larger than the ID's length.
 * @retval -EINVAL @p id_buf is NULL, or the tenant ID is not known.
 */
int nrf_cloud_tenant_id_get(char *id_buf, size_t id_len);

/**
 * @brief Make a JWT signed with the device's key (nRF91 modem, ES256).
 *
 * The subject ("sub") is the device ID, except with the INTERNAL_UUID source
 * (the UUID is already the issuer). The key is the one in
 * nrf_cloud_sec_tag_get().
 *
 * @param time_valid_s Lifetime in seconds; 0 means
 *        NRF_CLOUD_JWT_VALID_TIME_S_DEF, more than
 *        NRF_CLOUD_JWT_VALID_TIME_S_MAX is cut to it.
 * @param jwt_buf Buffer for the NUL-terminated JWT.
 * @param jwt_buf_sz Its size.
 *
 * @retval 0 Done.
 * @retval -EINVAL @p jwt_buf is NULL or @p jwt_buf_sz is 0.
 * @retval -ETIME The modem does not have a valid time.
 * @retval -ENOTSUP No modem JWT support in this build (e.g. off nRF91).
 * @retval -EIO, -ENXIO The device ID is not available.
 * @retval -errno The modem library's error.
 */
int nrf_cloud_jwt_generate(uint32_t time_valid_s, char * const jwt_buf, size_t jwt_buf_sz);

/**
 * @brief Check which credentials are stored under nrf_cloud_sec_tag_get().
 *
 * The CA flags ca_aws and ca_coap are guesses from the CA data's size (more
 * than 1150 bytes: likely holds the AWS CA used for MQTT; more than 550:
 * likely the CoAP CA; more than both together: likely both).
 *
 * @param cs Filled in (zeroed first).
 *
 * @retval 0 Done.
 * @retval -EINVAL @p cs is NULL.
 * @retval -EIO The credential store could not be queried.
 */
int nrf_cloud_credentials_check(struct nrf_cloud_credentials_status *const cs);

/**
 * @brief Check that the credentials MQTT needs are stored: CA certificate,
 *        client certificate and private key. Logs what is missing.
 *
 * @retval 0 All present.
 * @retval -EIO The credential store could not be queried.
 * @retval -ENOTSUP One or more credentials are missing.
 * @retval -ENOPROTOOPT The CA data looks like the CoAP CA only (too small
 *         for the CA MQTT needs).
 */
int nrf_cloud_credentials_configured_check(void);

/**
 * @brief Set the sec tag holding the TLS credentials. Used from the next
 *        connection on.
 *
 * @param sec_tag The sec tag.
 */
void nrf_cloud_sec_tag_set(const sec_tag_t sec_tag);

/**
 * @brief The sec tag holding the TLS credentials: CONFIG_NRF_CLOUD_SEC_TAG
 *        unless nrf_cloud_sec_tag_set() changed it.
 *
 * @return The sec tag.
 */
sec_tag_t nrf_cloud_sec_tag_get(void);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NRF_CLOUD_H__ */
