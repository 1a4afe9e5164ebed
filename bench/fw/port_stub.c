/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * A port that only satisfies the linker, so the Rust library can be linked
 * as an application links it. Nothing here is measured: scripts/bench
 * attributes sizes per input file and counts only the library's archive.
 * The real port's share (zephyr/port) comes from a Zephyr build map
 * (scripts/bench --zephyr-map).
 */

#include <cloudwire/port.h>

static const struct cw_nrf_cloud_config config = {
	.host_name = "mqtt.nrfcloud.com",
	.client_id = "my-client-id",
	.client_id_prefix = "nrf-",
	.connection_method = "LTE",
	.payload_buffer_len = 2048,
	.message_buffer_len = 256,
	.sec_tag = 16842753,
	.port = 8883,
	.keepalive_s = 1200,
	.ua_wait_keepalive_s = 30,
	.client_id_src = CW_CLIENT_ID_SRC_IMEI,
	.poll_thread = true,
	.persistent_sessions = true,
};

uint8_t *cw_port_tx_buffer(uint8_t conn, size_t *len)
{
	static uint8_t buf[2048 + 1];

	(void)conn;
	*len = sizeof(buf);
	return buf;
}
void cw_port_tx_buffer_release(uint8_t conn) { (void)conn; }

const struct cw_nrf_cloud_config *cw_port_nrf_cloud_config(void) { return &config; }
int cw_port_errno(enum cw_errno e) { return (int)e; }
void cw_port_log(uint8_t level, const char *msg, size_t len) { (void)level; (void)msg; (void)len; }
int64_t cw_port_uptime_ms(void) { return 0; }
void cw_port_sleep_ms(int32_t ms) { (void)ms; }
void cw_port_lock(void) {}
void cw_port_unlock(void) {}
void cw_port_signal_give(uint8_t conn) { (void)conn; }
int cw_port_signal_take(uint8_t conn, int32_t timeout_ms) { (void)conn; (void)timeout_ms; return 0; }
int cw_port_mqtt_connect(uint8_t conn, const struct cw_mqtt_conn_params *params)
{
	(void)conn; (void)params;
	return 0;
}
int cw_port_mqtt_disconnect(uint8_t conn) { (void)conn; return 0; }
int cw_port_mqtt_abort(uint8_t conn) { (void)conn; return 0; }
int cw_port_mqtt_publish(uint8_t conn, const uint8_t *topic, size_t topic_len,
			 const uint8_t *payload, size_t payload_len, uint8_t qos, uint16_t msg_id)
{
	(void)conn; (void)topic; (void)topic_len; (void)payload; (void)payload_len;
	(void)qos; (void)msg_id;
	return 0;
}
int cw_port_mqtt_subscribe(uint8_t conn, const struct cw_mqtt_topic *topics, size_t count,
			   uint16_t msg_id)
{
	(void)conn; (void)topics; (void)count; (void)msg_id;
	return 0;
}
int cw_port_mqtt_input(uint8_t conn) { (void)conn; return 0; }
int cw_port_mqtt_live(uint8_t conn) { (void)conn; return 0; }
int cw_port_mqtt_ping(uint8_t conn) { (void)conn; return 0; }
int cw_port_mqtt_keepalive_set(uint8_t conn, uint16_t keepalive_s) { (void)conn; (void)keepalive_s; return 0; }
int cw_port_mqtt_keepalive_time_left(uint8_t conn) { (void)conn; return -1; }
int cw_port_mqtt_wait(uint8_t conn, int32_t timeout_ms) { (void)conn; (void)timeout_ms; return 0; }
int cw_port_mqtt_socket(uint8_t conn) { (void)conn; return -1; }
int cw_port_settings_load(const char *key, void *buf, size_t len) { (void)key; (void)buf; (void)len; return -2; }
int cw_port_settings_save(const char *key, const void *buf, size_t len) { (void)key; (void)buf; (void)len; return 0; }
int cw_port_modem_imei(char *buf, size_t len) { (void)buf; (void)len; return -1; }
int cw_port_modem_uuid(char *buf, size_t len) { (void)buf; (void)len; return -1; }
int cw_port_modem_fw(char *buf, size_t len) { (void)buf; (void)len; return -1; }
int cw_port_hw_id(char *buf, size_t len) { (void)buf; (void)len; return -1; }
int cw_port_jwt_generate(int32_t sec_tag, const char *subject, uint32_t valid_s, char *buf, size_t len)
{
	(void)sec_tag; (void)subject; (void)valid_s; (void)buf; (void)len;
	return -1;
}
int cw_port_credential_exists(int32_t sec_tag, uint8_t kind, size_t *size_out)
{
	(void)sec_tag; (void)kind; (void)size_out;
	return -1;
}
