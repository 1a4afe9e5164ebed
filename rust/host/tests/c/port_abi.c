/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Calls the host port's C symbols as a C program linking
 * libcloudwire_host.a does. The environment is set by tests/c_abi.rs. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cloudwire/port.h>

/* Zephyr's <zephyr/net/tls_credentials.h>, which the host port provides. */
int tls_credential_add(int tag, int type, const void *cred, size_t credlen);
int tls_credential_get(int tag, int type, void *cred, size_t *credlen);
int tls_credential_delete(int tag, int type);

static int failures;

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stdout, "FAIL line %d: %s\n", __LINE__, #cond); \
			failures++;                                        \
		}                                                          \
	} while (0)

static void config(void)
{
	const struct cw_nrf_cloud_config *cfg = cw_port_nrf_cloud_config();

	CHECK(cfg == cw_port_nrf_cloud_config());
	CHECK(strcmp(cfg->host_name, "localhost") == 0);
	CHECK(cfg->static_ipv4_addr == NULL);
	CHECK(strcmp(cfg->client_id, "my-client-id") == 0);
	CHECK(strcmp(cfg->client_id_prefix, "nrf-") == 0);
	CHECK(strcmp(cfg->connection_method, "Unknown") == 0);
	CHECK(cfg->payload_buffer_len == 4096);
	CHECK(cfg->message_buffer_len == 256);
	CHECK(cfg->sec_tag == 42);
	CHECK(cfg->port == 18883);
	CHECK(cfg->keepalive_s == 1200);
	CHECK(cfg->ua_wait_keepalive_s == 30);
	CHECK(cfg->client_id_src == CW_CLIENT_ID_SRC_COMPILE_TIME);
	CHECK(!cfg->poll_thread);
	CHECK(cfg->persistent_sessions);
	CHECK(!cfg->shadow_transforms);
	CHECK(cfg->send_conn_info);
	CHECK(!cfg->ipv6_only);
}

static void errno_values(void)
{
	CHECK(cw_port_errno(CW_ENOENT) == ENOENT);
	CHECK(cw_port_errno(CW_EAGAIN) == EAGAIN);
	CHECK(cw_port_errno(CW_ECHILD) == ECHILD);
	CHECK(cw_port_errno(CW_EOPNOTSUPP) == EOPNOTSUPP);
	CHECK(cw_port_errno(CW_ECONNREFUSED) == ECONNREFUSED);
	CHECK(cw_port_errno(CW_ENOTCONN) == ENOTCONN);
	CHECK(cw_port_errno(CW_ENODEV) == ENODEV);
}

static void settings(void)
{
	int value = 1;
	int read = 0;
	char big[8];

	CHECK(cw_port_settings_load("nrf_cloud/p_sesh", &read, sizeof(read)) == -ENOENT);
	CHECK(cw_port_settings_save("nrf_cloud/p_sesh", &value, sizeof(value)) == 0);
	CHECK(cw_port_settings_load("nrf_cloud/p_sesh", &read, sizeof(read)) == sizeof(read));
	CHECK(read == 1);
	CHECK(cw_port_settings_load("nrf_cloud/p_sesh", big, 2) == -EMSGSIZE);
	CHECK(cw_port_settings_save("../escape", &value, sizeof(value)) == -EINVAL);
	CHECK(cw_port_settings_load(NULL, &read, sizeof(read)) == -EINVAL);
}

static void credentials(void)
{
	static const char ca[] = "-----BEGIN CERTIFICATE-----\n";
	char buf[64];
	size_t len = 0;

	CHECK(cw_port_credential_exists(7, CW_CRED_CA_CERT, &len) == 0 && len == 0);
	CHECK(tls_credential_add(7, 1, ca, sizeof(ca)) == 0);
	CHECK(tls_credential_add(7, 1, ca, sizeof(ca)) == -EEXIST);
	CHECK(tls_credential_add(7, 0, ca, sizeof(ca)) == -EINVAL);
	CHECK(cw_port_credential_exists(7, CW_CRED_CA_CERT, &len) == 1 && len == sizeof(ca));
	CHECK(cw_port_credential_exists(7, CW_CRED_CA_CERT, NULL) == 1);
	CHECK(cw_port_credential_exists(7, CW_CRED_PRIVATE_KEY, &len) == 0 && len == 0);
	CHECK(cw_port_credential_exists(7, 3, &len) == -EINVAL);
	len = 0;
	CHECK(tls_credential_get(7, 1, NULL, &len) == -EFBIG && len == sizeof(ca));
	len = sizeof(buf);
	CHECK(tls_credential_get(7, 1, buf, &len) == 0 && len == sizeof(ca));
	CHECK(memcmp(buf, ca, sizeof(ca)) == 0);
	CHECK(tls_credential_get(7, 2, buf, &len) == -ENOENT);
	CHECK(tls_credential_delete(7, 1) == 0);
	CHECK(tls_credential_delete(7, 1) == -ENOENT);
	CHECK(cw_port_credential_exists(7, CW_CRED_CA_CERT, &len) == 0);
}

static void identity(void)
{
	char buf[32];

	CHECK(cw_port_modem_imei(buf, sizeof(buf)) == -ENOTSUP);
	CHECK(cw_port_modem_uuid(buf, sizeof(buf)) == -ENOTSUP);
	CHECK(cw_port_modem_fw(buf, sizeof(buf)) == -ENOTSUP);
	CHECK(cw_port_jwt_generate(42, "sub", 600, buf, sizeof(buf)) == -ENOTSUP);
	CHECK(cw_port_hw_id(buf, sizeof(buf)) == 0 && strcmp(buf, "0123ABCD") == 0);
	CHECK(cw_port_hw_id(buf, 8) == -EINVAL);
}

static void buffers_lock_signal_time(void)
{
	size_t len = 1;
	uint8_t *tx = cw_port_tx_buffer(CW_CONN_NRF_CLOUD, &len);
	int64_t start;

	/* No incoming payload: the whole payload buffer, with room for a NUL. */
	CHECK(tx != NULL && len == 4096 + 1);
	tx[0] = 1;
	tx[len - 1] = 2;
	cw_port_tx_buffer_release(CW_CONN_NRF_CLOUD);
	CHECK(cw_port_tx_buffer(CW_CONN_NRF_CLOUD, NULL) == tx);
	cw_port_tx_buffer_release(CW_CONN_NRF_CLOUD);
	CHECK(cw_port_tx_buffer(CW_CONN_COUNT, &len) == NULL && len == 0);
	cw_port_tx_buffer_release(CW_CONN_COUNT);

	cw_port_lock();
	cw_port_lock();
	cw_port_unlock();
	cw_port_unlock();

	CHECK(cw_port_signal_take(CW_CONN_NRF_CLOUD, 0) == -EAGAIN);
	cw_port_signal_give(CW_CONN_NRF_CLOUD);
	cw_port_signal_give(CW_CONN_NRF_CLOUD);
	CHECK(cw_port_signal_take(CW_CONN_NRF_CLOUD, -1) == 0);
	CHECK(cw_port_signal_take(CW_CONN_NRF_CLOUD, 20) == -EAGAIN);
	CHECK(cw_port_signal_take(CW_CONN_COUNT, 0) == -EINVAL);

	start = cw_port_uptime_ms();
	cw_port_sleep_ms(30);
	CHECK(cw_port_uptime_ms() - start >= 30);

	cw_port_log(CW_LOG_INF, "hello from C", 12);
	cw_port_log(CW_LOG_DBG, "filtered out", 12);
}

static void mqtt_without_connection(void)
{
	static const uint8_t id[] = "dev";
	struct cw_mqtt_conn_params params = {
		.host = "localhost",
		.client_id = id,
		.client_id_len = 3,
		.sec_tag = 999,
		.port = 1,
		.keepalive_s = 60,
		.clean_session = true,
	};
	struct cw_mqtt_topic topic = { .ptr = (const uint8_t *)"t", .len = 1, .qos = 1 };

	CHECK(cw_port_mqtt_socket(CW_CONN_NRF_CLOUD) == -1);
	CHECK(cw_port_mqtt_keepalive_time_left(CW_CONN_NRF_CLOUD) == -1);
	CHECK(cw_port_mqtt_publish(CW_CONN_NRF_CLOUD, (const uint8_t *)"t", 1, NULL, 0, 0, 0) == -ENOTCONN);
	CHECK(cw_port_mqtt_subscribe(CW_CONN_NRF_CLOUD, &topic, 1, 1) == -ENOTCONN);
	CHECK(cw_port_mqtt_input(CW_CONN_NRF_CLOUD) == -ENOTCONN);
	CHECK(cw_port_mqtt_live(CW_CONN_NRF_CLOUD) == -ENOTCONN);
	CHECK(cw_port_mqtt_ping(CW_CONN_NRF_CLOUD) == -ENOTCONN);
	CHECK(cw_port_mqtt_keepalive_set(CW_CONN_NRF_CLOUD, 30) == -ENOTCONN);
	CHECK(cw_port_mqtt_wait(CW_CONN_NRF_CLOUD, 10) == -ENOTCONN);
	CHECK(cw_port_mqtt_disconnect(CW_CONN_NRF_CLOUD) == -ENOTCONN);
	CHECK(cw_port_mqtt_abort(CW_CONN_NRF_CLOUD) == 0);
	CHECK(cw_port_mqtt_connect(CW_CONN_NRF_CLOUD, NULL) == -EINVAL);
	CHECK(cw_port_mqtt_connect(CW_CONN_COUNT, &params) == -EINVAL);
	/* No CA for sec tag 999: a certificate problem, found before any I/O. */
	CHECK(cw_port_mqtt_connect(CW_CONN_NRF_CLOUD, &params) == -EOPNOTSUPP);
	params.host = NULL;
	CHECK(cw_port_mqtt_connect(CW_CONN_NRF_CLOUD, &params) == -EINVAL);
}

int main(void)
{
	config();
	errno_values();
	settings();
	credentials();
	identity();
	buffers_lock_signal_time();
	mqtt_without_connection();
	printf("%s\n", failures == 0 ? "port ABI ok" : "port ABI FAILED");
	return failures == 0 ? 0 : 1;
}
