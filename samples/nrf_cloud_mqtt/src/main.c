/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * nRF Cloud over MQTT: connect, get associated with an account, send a
 * temperature reading every CONFIG_SAMPLE_SEND_INTERVAL_S seconds, print
 * shadow changes, and reconnect with a growing delay when the link drops.
 * The same source builds as a Zephyr app and as a Linux program.
 */

#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <net/nrf_cloud.h>

#include "credentials.h"

#if defined(CONFIG_ARCH_POSIX)
#include "posix_board_if.h"
#endif

LOG_MODULE_REGISTER(nrf_cloud_mqtt_sample, LOG_LEVEL_INF);

enum cloud_state { CLOUD_DOWN, CLOUD_CONNECTING, CLOUD_READY };

static volatile enum cloud_state cloud_state = CLOUD_DOWN;
/* Set when the device was just added to an account: reconnect at once. */
static volatile bool reconnect_now;
static volatile bool association_requested;
/* Given on every change of cloud_state. */
static K_SEM_DEFINE(cloud_changed, 0, 1);

static const char *evt_name(enum nrf_cloud_evt_type type)
{
	switch (type) {
	case NRF_CLOUD_EVT_TRANSPORT_CONNECTED: return "NRF_CLOUD_EVT_TRANSPORT_CONNECTED";
	case NRF_CLOUD_EVT_TRANSPORT_CONNECTING: return "NRF_CLOUD_EVT_TRANSPORT_CONNECTING";
	case NRF_CLOUD_EVT_USER_ASSOCIATION_REQUEST:
		return "NRF_CLOUD_EVT_USER_ASSOCIATION_REQUEST";
	case NRF_CLOUD_EVT_USER_ASSOCIATED: return "NRF_CLOUD_EVT_USER_ASSOCIATED";
	case NRF_CLOUD_EVT_READY: return "NRF_CLOUD_EVT_READY";
	case NRF_CLOUD_EVT_RX_DATA_GENERAL: return "NRF_CLOUD_EVT_RX_DATA_GENERAL";
	case NRF_CLOUD_EVT_RX_DATA_DISCON: return "NRF_CLOUD_EVT_RX_DATA_DISCON";
	case NRF_CLOUD_EVT_RX_DATA_LOCATION: return "NRF_CLOUD_EVT_RX_DATA_LOCATION";
	case NRF_CLOUD_EVT_RX_DATA_SHADOW: return "NRF_CLOUD_EVT_RX_DATA_SHADOW";
	case NRF_CLOUD_EVT_PINGRESP: return "NRF_CLOUD_EVT_PINGRESP";
	case NRF_CLOUD_EVT_SENSOR_DATA_ACK: return "NRF_CLOUD_EVT_SENSOR_DATA_ACK";
	case NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED: return "NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED";
	case NRF_CLOUD_EVT_FOTA_START: return "NRF_CLOUD_EVT_FOTA_START";
	case NRF_CLOUD_EVT_FOTA_DONE: return "NRF_CLOUD_EVT_FOTA_DONE";
	case NRF_CLOUD_EVT_FOTA_ERROR: return "NRF_CLOUD_EVT_FOTA_ERROR";
	case NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR:
		return "NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR";
	case NRF_CLOUD_EVT_FOTA_JOB_AVAILABLE: return "NRF_CLOUD_EVT_FOTA_JOB_AVAILABLE";
	case NRF_CLOUD_EVT_ERROR: return "NRF_CLOUD_EVT_ERROR";
	}
	return "unknown event";
}

static void state_set(enum cloud_state state)
{
	cloud_state = state;
	k_sem_give(&cloud_changed);
}

/* Runs on the library's connection thread; keeps its work short. */
static void cloud_event_handler(const struct nrf_cloud_evt *evt)
{
	if (evt->type == NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR) {
		/* The status holds a negative enum nrf_cloud_connect_result. */
		printk("%s (status %d)\n", evt_name(evt->type), (int)evt->status);
	} else {
		printk("%s (status %u)\n", evt_name(evt->type), (unsigned int)evt->status);
	}

	switch (evt->type) {
	case NRF_CLOUD_EVT_USER_ASSOCIATION_REQUEST:
		association_requested = true;
		printk("Add this device to your nRF Cloud account: open nrfcloud.com,\n"
		       "go to Devices > Add Device and enter its device ID and PIN.\n");
		break;
	case NRF_CLOUD_EVT_USER_ASSOCIATED:
		if (association_requested) {
			/* A new association needs a fresh connection (as in NCS). */
			association_requested = false;
			reconnect_now = true;
			(void)nrf_cloud_disconnect();
		}
		break;
	case NRF_CLOUD_EVT_READY:
		state_set(CLOUD_READY);
		break;
	case NRF_CLOUD_EVT_RX_DATA_SHADOW:
		printk("Shadow: %.*s\n", (int)evt->data.len, (const char *)evt->data.ptr);
		break;
	case NRF_CLOUD_EVT_RX_DATA_GENERAL:
		printk("Message: %.*s\n", (int)evt->data.len, (const char *)evt->data.ptr);
		break;
	case NRF_CLOUD_EVT_SENSOR_DATA_ACK:
		printk("Acked message %u\n", (unsigned int)*(const uint16_t *)evt->data.ptr);
		break;
	case NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR:
	case NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED:
		state_set(CLOUD_DOWN);
		break;
	default:
		break;
	}
}

/* One reading: sent with QoS 1 and a user tag (acked), every third streamed. */
static int temperature_send(uint32_t n)
{
	char value[16];
	struct nrf_cloud_sensor_data reading = {
		.type = NRF_CLOUD_SENSOR_TEMP,
		.data = { .ptr = value },
		.tag = (uint16_t)(NCT_MSG_ID_USER_TAG_BEGIN + n % 50000),
		.ts_ms = NRF_CLOUD_NO_TIMESTAMP,
	};

	/* A made-up reading between 20.0 and 24.5 degrees. */
	snprintk(value, sizeof(value), "%u.%u", 20U + (n / 2U) % 5U, (n % 2U) * 5U);
	reading.data.len = strlen(value);

	if (n % 3U == 2U) {
		return nrf_cloud_sensor_data_stream(&reading);
	}
	return nrf_cloud_sensor_data_send(&reading);
}

/* Whether the message limit (CONFIG_SAMPLE_MESSAGE_COUNT, 0: none) allows more. */
static bool more_to_send(uint32_t sent)
{
#if CONFIG_SAMPLE_MESSAGE_COUNT == 0
	ARG_UNUSED(sent);
	return true;
#else
	return sent < CONFIG_SAMPLE_MESSAGE_COUNT;
#endif
}

/* Sends readings while the cloud is ready; returns the number sent. */
static uint32_t send_while_ready(uint32_t sent)
{
	while (cloud_state == CLOUD_READY && more_to_send(sent)) {
		int err = temperature_send(sent);

		if (err) {
			LOG_WRN("Reading %u not sent: %d", sent, err);
		} else {
			printk("Sent reading %u\n", sent);
			sent++;
		}
		/* Wakes early when the connection drops. */
		(void)k_sem_take(&cloud_changed, K_SECONDS(CONFIG_SAMPLE_SEND_INTERVAL_S));
	}
	return sent;
}

/* Connects and waits until the cloud is ready or the attempt failed. */
static void cloud_connect(void)
{
	int err;

	k_sem_reset(&cloud_changed);
	cloud_state = CLOUD_CONNECTING;
	/* Just after a disconnect the library's thread may still be closing the
	 * old connection and answers ALREADY_CONNECTED for a moment.
	 */
	for (int tries = 0; tries < 50; tries++) {
		err = nrf_cloud_connect();
		if (err != NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED) {
			break;
		}
		k_sleep(K_MSEC(100));
	}
	if (err != NRF_CLOUD_CONNECT_RES_SUCCESS) {
		LOG_ERR("nrf_cloud_connect: %d", err);
		cloud_state = CLOUD_DOWN;
		return;
	}
	while (cloud_state == CLOUD_CONNECTING) {
		(void)k_sem_take(&cloud_changed, K_FOREVER);
	}
}

int main(void)
{
	const struct nrf_cloud_init_param params = { .event_handler = cloud_event_handler };
	uint32_t delay_s = 1;
	uint32_t sent = 0;
	int err;

	printk("nRF Cloud MQTT sample\n");
	credentials_provision();

	err = nrf_cloud_init(&params);
	if (err) {
		LOG_ERR("nrf_cloud_init: %d", err);
		return 0;
	}

	while (more_to_send(sent)) {
		cloud_connect();
		if (cloud_state == CLOUD_READY) {
			delay_s = 1;
			sent = send_while_ready(sent);
			continue;
		}
		if (reconnect_now) {
			reconnect_now = false;
			continue;
		}
		printk("Reconnecting in %u s\n", delay_s);
		k_sleep(K_SECONDS(delay_s));
		delay_s = MIN(delay_s * 2U, (uint32_t)CONFIG_SAMPLE_RECONNECT_DELAY_MAX_S);
	}

	if (nrf_cloud_disconnect() == 0) {
		while (cloud_state != CLOUD_DOWN) {
			(void)k_sem_take(&cloud_changed, K_FOREVER);
		}
	}
	printk("Done: %u readings sent\n", sent);
#if defined(CONFIG_ARCH_POSIX)
	posix_exit(0);
#endif
	return 0;
}
