/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file port.h
 * @brief The cloudwire port: the only platform code the libraries use.
 *
 * The Rust staticlib (rust/capi) calls the cw_port_* functions below. They are
 * implemented in C on Zephyr (zephyr/port/) and in Rust on a PC (rust/host).
 * In the other direction the port calls the cw_mqtt_on_* and
 * cw_nrf_cloud_poll_thread() functions that rust/capi exports; their
 * declarations are generated into <cloudwire/capi.h>.
 *
 * Contract for every implementation:
 * - Error returns are negative errno values of the platform's own errno.h.
 *   The Rust side never hard-codes errno numbers: it asks cw_port_errno().
 * - cw_port_lock() is recursive (the owner may lock again).
 * - The MQTT callbacks (cw_mqtt_on_*) are called from inside
 *   cw_port_mqtt_input() and, for the DISCONNECT callback only, possibly from
 *   inside cw_port_mqtt_disconnect()/cw_port_mqtt_abort() (or from inside
 *   any other MQTT call that finds the connection dead, as Zephyr's MQTT
 *   library does; the library defers it safely). Topic and payload
 *   pointers are valid only during the callback.
 * - The port reads a whole incoming PUBLISH payload into its own buffer of
 *   cw_nrf_cloud_config.payload_buffer_len bytes. A payload that does not fit
 *   is drained, reported with cw_mqtt_on_publish_too_large() and NOT acked.
 *   The payload passed to cw_mqtt_on_publish() is followed by a NUL byte
 *   that payload_len does not count (NCS guarantees it; applications print
 *   evt->data.ptr as a string).
 *   A QoS 1 PUBLISH that fits is acked by the port after
 *   cw_mqtt_on_publish() has returned.
 */

#ifndef CLOUDWIRE_PORT_H_
#define CLOUDWIRE_PORT_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** MQTT connections the module can hold at once (one per cloud library). */
enum cw_conn {
	CW_CONN_NRF_CLOUD = 0,
	CW_CONN_COUNT
};

/** errno names the Rust side needs; cw_port_errno() maps them to values. */
enum cw_errno {
	CW_EPERM = 1,
	CW_ENOENT,
	CW_EIO,
	CW_ENXIO,
	CW_E2BIG,
	CW_ECHILD,
	CW_EAGAIN,
	CW_ENOMEM,
	CW_EACCES,
	CW_EFAULT,
	CW_EBUSY,
	CW_EINVAL,
	CW_ENOSPC,
	CW_EPIPE,
	CW_ENOMSG,
	CW_ENODATA,
	CW_ETIME,
	CW_EPROTO,
	CW_EBADMSG,
	CW_EMSGSIZE,
	CW_ENOEXEC,
	CW_ENOTSUP,
	CW_EOPNOTSUPP,
	CW_ECONNRESET,
	CW_ECONNREFUSED,
	CW_ECONNABORTED,
	CW_ENOTCONN,
	CW_EISCONN,
	CW_ETIMEDOUT,
	CW_EINPROGRESS,
	CW_EALREADY,
	CW_EHOSTUNREACH,
	CW_ENOPROTOOPT,
	CW_ESRCH,
	CW_ENODEV,
	CW_ERRNO_COUNT
};

/** Bits returned by cw_port_mqtt_wait(). */
#define CW_POLL_IN   0x1
#define CW_POLL_ERR  0x2
#define CW_POLL_HUP  0x4
#define CW_POLL_NVAL 0x8

/** Log levels, as Zephyr's LOG_LEVEL_* values. */
#define CW_LOG_ERR  1
#define CW_LOG_WRN  2
#define CW_LOG_INF  3
#define CW_LOG_DBG  4

/** Device-ID sources, as the NRF_CLOUD_CLIENT_ID_SRC choice. */
enum cw_client_id_src {
	CW_CLIENT_ID_SRC_IMEI = 0,
	CW_CLIENT_ID_SRC_COMPILE_TIME,
	CW_CLIENT_ID_SRC_INTERNAL_UUID,
	CW_CLIENT_ID_SRC_HW_ID,
	CW_CLIENT_ID_SRC_RUNTIME,
};

/** nRF Cloud settings: the Kconfig values of the build (or the host's). */
struct cw_nrf_cloud_config {
	const char *host_name;          /* CONFIG_NRF_CLOUD_HOST_NAME */
	const char *static_ipv4_addr;   /* CONFIG_NRF_CLOUD_STATIC_IPV4_ADDR or NULL */
	const char *client_id;          /* CONFIG_NRF_CLOUD_CLIENT_ID */
	const char *client_id_prefix;   /* CONFIG_NRF_CLOUD_CLIENT_ID_PREFIX */
	const char *connection_method;  /* "LTE", "Wi-Fi" or "Unknown" */
	uint32_t payload_buffer_len;    /* CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN */
	uint32_t message_buffer_len;    /* CONFIG_NRF_CLOUD_MQTT_MESSAGE_BUFFER_LEN */
	int32_t sec_tag;                /* CONFIG_NRF_CLOUD_SEC_TAG */
	uint16_t port;                  /* CONFIG_NRF_CLOUD_PORT */
	uint16_t keepalive_s;           /* CONFIG_NRF_CLOUD_MQTT_KEEPALIVE */
	uint16_t ua_wait_keepalive_s;   /* CONFIG_NRF_CLOUD_MQTT_UA_WAIT_KEEPALIVE */
	uint8_t client_id_src;          /* enum cw_client_id_src */
	bool poll_thread;               /* CONFIG_NRF_CLOUD_CONNECTION_POLL_THREAD */
	bool persistent_sessions;       /* !CONFIG_MQTT_CLEAN_SESSION */
	bool shadow_transforms;         /* CONFIG_NRF_CLOUD_MQTT_SHADOW_TRANSFORMS */
	bool send_conn_info;            /* CONFIG_NRF_CLOUD_SEND_DEVICE_STATUS_CONN_INF */
	bool print_details;             /* CONFIG_NRF_CLOUD_PRINT_DETAILS */
	bool verbose_details;           /* CONFIG_NRF_CLOUD_VERBOSE_DETAILS */
	bool ipv6_only;                 /* CONFIG_NRF_CLOUD_IPV6 */
	bool static_ipv4;               /* CONFIG_NRF_CLOUD_STATIC_IPV4 */
};

/** Parameters of one MQTT 3.1.1 connection (no user name, no password). */
struct cw_mqtt_conn_params {
	const char *host;        /* NUL-terminated; DNS name or address; also TLS SNI */
	const char *static_ipv4; /* NUL-terminated address that skips DNS, or NULL */
	const uint8_t *client_id;
	size_t client_id_len;
	int32_t sec_tag;         /* TLS credentials; peer verification required */
	uint16_t port;
	uint16_t keepalive_s;
	bool clean_session;
	bool ipv6_only;
};

/** One topic filter of a SUBSCRIBE. */
struct cw_mqtt_topic {
	const uint8_t *ptr;
	size_t len;
	uint8_t qos;
};

/* ---- configuration, errno, log, time ---------------------------------- */

const struct cw_nrf_cloud_config *cw_port_nrf_cloud_config(void);
/** The platform's (positive) errno value of @p e, e.g. EINVAL. */
int cw_port_errno(enum cw_errno e);
void cw_port_log(uint8_t level, const char *msg, size_t len);
int64_t cw_port_uptime_ms(void);
void cw_port_sleep_ms(int32_t ms);

/* ---- lock and signal ----------------------------------------------------- */

/** The one recursive lock around the libraries' state. */
void cw_port_lock(void);
void cw_port_unlock(void);
/** A binary semaphore per connection: wakes that connection's poll thread. */
void cw_port_signal_give(uint8_t conn);
/** Waits up to timeout_ms (-1 = forever). 0 when taken, -EAGAIN on timeout. */
int cw_port_signal_take(uint8_t conn, int32_t timeout_ms);

/* ---- MQTT client ------------------------------------------------------- */

/**
 * Resolves the host (IPv6 first, then IPv4 unless ipv6_only; every address in
 * turn), opens TCP + TLS with params->sec_tag, and sends CONNECT. Returns 0
 * once CONNECT is sent; the CONNACK arrives through cw_port_mqtt_input().
 * Errors, as NCS's nct_connect(): -ECHILD no network/DNS failure,
 * -ECONNREFUSED no address accepted the TCP/TLS connection, -EINVAL key
 * problem, -EOPNOTSUPP certificate problem, -ETIMEDOUT, -ENOMEM, other -errno.
 */
int cw_port_mqtt_connect(uint8_t conn, const struct cw_mqtt_conn_params *params);
/** Sends DISCONNECT and closes; cw_mqtt_on_disconnect(conn, 0) follows. */
int cw_port_mqtt_disconnect(uint8_t conn);
/** Closes without DISCONNECT; cw_mqtt_on_disconnect(conn, -ECONNABORTED) follows. */
int cw_port_mqtt_abort(uint8_t conn);
int cw_port_mqtt_publish(uint8_t conn, const uint8_t *topic, size_t topic_len,
			 const uint8_t *payload, size_t payload_len, uint8_t qos,
			 uint16_t msg_id);
int cw_port_mqtt_subscribe(uint8_t conn, const struct cw_mqtt_topic *topics,
			   size_t count, uint16_t msg_id);
/**
 * Space to encode an outgoing payload (JSON documents, sensor messages) in
 * before cw_port_mqtt_publish(). NCS encodes these on the heap; the port
 * lends them the connection's payload buffer instead, so no RAM is set
 * aside for them:
 * - while an incoming payload is in the buffer (from its read until
 *   cw_mqtt_on_publish() returns: the events point into it), the returned
 *   space is the rest of the buffer behind it, possibly none;
 * - otherwise it is the whole buffer (payload_buffer_len + 1 bytes);
 * - the port reads no new incoming payload into the buffer until the
 *   library has called cw_port_tx_buffer_release().
 * The library calls this only while holding cw_port_lock(), releases the
 * space before it unlocks, and never holds two at once;
 * cw_port_mqtt_publish() must not keep the payload pointer after it returns.
 * Stores the size in *len and returns the space; NULL (and *len = 0) for an
 * unknown connection. Every call, whatever it returned, is paired with one
 * cw_port_tx_buffer_release().
 */
uint8_t *cw_port_tx_buffer(uint8_t conn, size_t *len);
/** Ends the use of the space cw_port_tx_buffer() gave. */
void cw_port_tx_buffer_release(uint8_t conn);
/** Reads what has arrived and calls the cw_mqtt_on_* callbacks. */
int cw_port_mqtt_input(uint8_t conn);
/** Sends PINGREQ when the keepalive is due. -EAGAIN when it is not yet time. */
int cw_port_mqtt_live(uint8_t conn);
/** Sends PINGREQ now. */
int cw_port_mqtt_ping(uint8_t conn);
/** Changes the keepalive of the open connection (MQTT has no packet for it:
 *  it changes when PINGREQs are sent). */
int cw_port_mqtt_keepalive_set(uint8_t conn, uint16_t keepalive_s);
/** Milliseconds until the next PINGREQ is due; -1 when there is no connection. */
int cw_port_mqtt_keepalive_time_left(uint8_t conn);
/** Waits for the socket: CW_POLL_* bits (>0), 0 on timeout, -errno on error.
 *  Returns promptly (CW_POLL_NVAL or an error) once the connection has been
 *  closed, also when another thread closes it during the wait. */
int cw_port_mqtt_wait(uint8_t conn, int32_t timeout_ms);
/** The connection's socket descriptor, or -1. */
int cw_port_mqtt_socket(uint8_t conn);

/* ---- settings ------------------------------------------------------------ */

/** Reads "key" into buf. Returns the length read, or -ENOENT. */
int cw_port_settings_load(const char *key, void *buf, size_t len);
int cw_port_settings_save(const char *key, const void *buf, size_t len);

/* ---- device identity and credentials ------------------------------------ */

/** IMEI (15 digits), from AT+CGSN. -ENOTSUP off nRF91. */
int cw_port_modem_imei(char *buf, size_t len);
/** Internal device UUID (36 chars). -ENOTSUP without the modem JWT library. */
int cw_port_modem_uuid(char *buf, size_t len);
/** Modem firmware version (AT+CGMR). -ENOTSUP off nRF91. */
int cw_port_modem_fw(char *buf, size_t len);
/** Hardware ID as hex (hwinfo). -ENOTSUP without hwinfo. */
int cw_port_hw_id(char *buf, size_t len);
/** JWT signed by the modem. -ENOTSUP off nRF91. */
int cw_port_jwt_generate(int32_t sec_tag, const char *subject, uint32_t valid_s,
			 char *buf, size_t len);

/** Credential kinds for cw_port_credential_exists(). */
#define CW_CRED_CA_CERT     0
#define CW_CRED_CLIENT_CERT 1
#define CW_CRED_PRIVATE_KEY 2

/** 1 if the credential is stored for sec_tag, 0 if not; -ENOTSUP if it cannot
 *  be checked. *size_out gets its size in bytes when known (else 0). */
int cw_port_credential_exists(int32_t sec_tag, uint8_t kind, size_t *size_out);

#ifdef __cplusplus
}
#endif

#endif /* CLOUDWIRE_PORT_H_ */
