/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The Rust library lays out the structs of <net/nrf_cloud.h> and
 * <cloudwire/port.h> from generated bindings; enum widths differ per target
 * (1, 2 or 4 bytes on Cortex-M). This table must list the same entries in the
 * same order as rust/capi/src/layout.rs. Bitfield structs are compared by
 * size (and by the offsets of their ordinary members).
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <net/nrf_cloud.h>
#include <cloudwire/port.h>
#include <cloudwire/capi.h>

#include "layout_check.h"

struct layout_entry {
	const char *what;
	uint32_t value;
};

#define SZ(t) { "sizeof(" #t ")", (uint32_t)sizeof(t) }
#define OFF(t, m) { "offsetof(" #t ", " #m ")", (uint32_t)offsetof(t, m) }

static const struct layout_entry expected[] = {
	SZ(struct nrf_cloud_fota_job_info),
	OFF(struct nrf_cloud_fota_job_info, type),
	OFF(struct nrf_cloud_fota_job_info, id),
	OFF(struct nrf_cloud_fota_job_info, host),
	OFF(struct nrf_cloud_fota_job_info, path),
	OFF(struct nrf_cloud_fota_job_info, file_size),

	SZ(struct nrf_cloud_settings_fota_job),
	OFF(struct nrf_cloud_settings_fota_job, validate),
	OFF(struct nrf_cloud_settings_fota_job, type),
	OFF(struct nrf_cloud_settings_fota_job, id),
	OFF(struct nrf_cloud_settings_fota_job, bl_flags),

	SZ(struct nrf_cloud_data),
	OFF(struct nrf_cloud_data, len),
	OFF(struct nrf_cloud_data, ptr),

	SZ(struct nrf_cloud_topic),
	OFF(struct nrf_cloud_topic, len),
	OFF(struct nrf_cloud_topic, ptr),

	SZ(struct nrf_cloud_sensor_data),
	OFF(struct nrf_cloud_sensor_data, type),
	OFF(struct nrf_cloud_sensor_data, data),
	OFF(struct nrf_cloud_sensor_data, tag),
	OFF(struct nrf_cloud_sensor_data, ts_ms),

	SZ(struct nrf_cloud_evt),
	OFF(struct nrf_cloud_evt, type),
	OFF(struct nrf_cloud_evt, status),
	OFF(struct nrf_cloud_evt, data),
	OFF(struct nrf_cloud_evt, topic),
	OFF(struct nrf_cloud_evt, shadow),

	SZ(struct nrf_cloud_tx_data),
	OFF(struct nrf_cloud_tx_data, obj),
	OFF(struct nrf_cloud_tx_data, data),
	OFF(struct nrf_cloud_tx_data, topic_type),
	OFF(struct nrf_cloud_tx_data, qos),
	OFF(struct nrf_cloud_tx_data, id),

	SZ(struct nrf_cloud_svc_info_fota),
	SZ(struct nrf_cloud_svc_info_ui),

	SZ(struct nrf_cloud_modem_info),
	OFF(struct nrf_cloud_modem_info, device),
	OFF(struct nrf_cloud_modem_info, network),
	OFF(struct nrf_cloud_modem_info, sim),
#if defined(CONFIG_MODEM_INFO)
	OFF(struct nrf_cloud_modem_info, mpi),
#else
	{ "nrf_cloud_modem_info.mpi (absent)", UINT32_MAX },
#endif
	OFF(struct nrf_cloud_modem_info, application_version),

	SZ(struct nrf_cloud_svc_info),
	OFF(struct nrf_cloud_svc_info, fota),
	OFF(struct nrf_cloud_svc_info, ui),

	SZ(struct nrf_cloud_device_status),
	OFF(struct nrf_cloud_device_status, modem),
	OFF(struct nrf_cloud_device_status, svc),
	OFF(struct nrf_cloud_device_status, conn_inf),

	SZ(struct nrf_cloud_gnss_pvt),
	OFF(struct nrf_cloud_gnss_pvt, lat),
	OFF(struct nrf_cloud_gnss_pvt, lon),
	OFF(struct nrf_cloud_gnss_pvt, accuracy),
	OFF(struct nrf_cloud_gnss_pvt, alt),
	OFF(struct nrf_cloud_gnss_pvt, speed),
	OFF(struct nrf_cloud_gnss_pvt, heading),

	SZ(struct nrf_cloud_credentials_status),
	OFF(struct nrf_cloud_credentials_status, sec_tag),
	OFF(struct nrf_cloud_credentials_status, ca_size),

	SZ(struct nrf_cloud_gnss_nmea),
	OFF(struct nrf_cloud_gnss_nmea, sentence),

	SZ(struct nrf_cloud_gnss_data),
	OFF(struct nrf_cloud_gnss_data, type),
	OFF(struct nrf_cloud_gnss_data, ts_ms),
	OFF(struct nrf_cloud_gnss_data, pvt),

	SZ(struct nrf_cloud_ctrl_data),
	OFF(struct nrf_cloud_ctrl_data, alerts_enabled),
	OFF(struct nrf_cloud_ctrl_data, log_level),

	SZ(struct nrf_cloud_init_param),
	OFF(struct nrf_cloud_init_param, event_handler),
	OFF(struct nrf_cloud_init_param, client_id),
	OFF(struct nrf_cloud_init_param, fmfu_dev_inf),
	OFF(struct nrf_cloud_init_param, hooks),
	OFF(struct nrf_cloud_init_param, application_version),
	OFF(struct nrf_cloud_init_param, smp_reset_cb),

	SZ(struct nrf_cloud_os_mem_hooks),
	OFF(struct nrf_cloud_os_mem_hooks, malloc_fn),
	OFF(struct nrf_cloud_os_mem_hooks, calloc_fn),
	OFF(struct nrf_cloud_os_mem_hooks, free_fn),

	SZ(struct cw_nrf_cloud_config),
	OFF(struct cw_nrf_cloud_config, host_name),
	OFF(struct cw_nrf_cloud_config, static_ipv4_addr),
	OFF(struct cw_nrf_cloud_config, client_id),
	OFF(struct cw_nrf_cloud_config, client_id_prefix),
	OFF(struct cw_nrf_cloud_config, connection_method),
	OFF(struct cw_nrf_cloud_config, payload_buffer_len),
	OFF(struct cw_nrf_cloud_config, message_buffer_len),
	OFF(struct cw_nrf_cloud_config, sec_tag),
	OFF(struct cw_nrf_cloud_config, port),
	OFF(struct cw_nrf_cloud_config, keepalive_s),
	OFF(struct cw_nrf_cloud_config, ua_wait_keepalive_s),
	OFF(struct cw_nrf_cloud_config, client_id_src),
	OFF(struct cw_nrf_cloud_config, poll_thread),
	OFF(struct cw_nrf_cloud_config, persistent_sessions),
	OFF(struct cw_nrf_cloud_config, shadow_transforms),
	OFF(struct cw_nrf_cloud_config, send_conn_info),
	OFF(struct cw_nrf_cloud_config, print_details),
	OFF(struct cw_nrf_cloud_config, verbose_details),
	OFF(struct cw_nrf_cloud_config, ipv6_only),
	OFF(struct cw_nrf_cloud_config, static_ipv4),

	SZ(struct cw_mqtt_conn_params),
	OFF(struct cw_mqtt_conn_params, host),
	OFF(struct cw_mqtt_conn_params, static_ipv4),
	OFF(struct cw_mqtt_conn_params, client_id),
	OFF(struct cw_mqtt_conn_params, client_id_len),
	OFF(struct cw_mqtt_conn_params, sec_tag),
	OFF(struct cw_mqtt_conn_params, port),
	OFF(struct cw_mqtt_conn_params, keepalive_s),
	OFF(struct cw_mqtt_conn_params, clean_session),
	OFF(struct cw_mqtt_conn_params, ipv6_only),

	SZ(struct cw_mqtt_topic),
	OFF(struct cw_mqtt_topic, ptr),
	OFF(struct cw_mqtt_topic, len),
	OFF(struct cw_mqtt_topic, qos),

	SZ(enum mqtt_qos),
	SZ(enum nrf_cloud_evt_type),
	SZ(enum nrf_cloud_error_status),
	SZ(enum nrf_cloud_disconnect_status),
	SZ(enum nrf_cloud_connect_result),
	SZ(enum nrf_cloud_error),
	SZ(enum nrf_cloud_sensor),
	SZ(enum nrf_cloud_topic_type),
	SZ(enum nrf_cloud_fota_status),
	SZ(enum nrf_cloud_fota_type),
	SZ(enum nrf_cloud_fota_validate_status),
	SZ(enum nrf_cloud_fota_bootloader_status_flags),
	SZ(enum nrf_cloud_shadow_info),
	SZ(enum nrf_cloud_gnss_type),
	SZ(enum cw_conn),
	SZ(enum cw_errno),
	SZ(enum cw_client_id_src),
};

int cw_layout_check(void)
{
	const size_t count = sizeof(expected) / sizeof(expected[0]);
	int mismatches = 0;

	if (count != CW_LAYOUT_NRF_CLOUD_LEN) {
		printf("layout check: C lists %u entries, Rust %u\n",
		       (unsigned int)count, (unsigned int)CW_LAYOUT_NRF_CLOUD_LEN);
		return 1;
	}
	for (size_t i = 0; i < count; i++) {
		if (expected[i].value != CW_LAYOUT_NRF_CLOUD[i]) {
			printf("layout mismatch: %s: C %lu, Rust %lu\n", expected[i].what,
			       (unsigned long)expected[i].value,
			       (unsigned long)CW_LAYOUT_NRF_CLOUD[i]);
			mismatches++;
		}
	}
	return mismatches;
}
