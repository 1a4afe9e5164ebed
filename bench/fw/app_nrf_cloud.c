/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The footprint app for nrf_cloud, doing what the NCS baseline's app does:
 * init -> connect -> send one sensor message -> disconnect. The library's
 * other roots (the poll thread and the MQTT callbacks the port calls) are
 * kept with -Wl,-u by scripts/bench, as the Zephyr port references them.
 */

#include <stddef.h>
#include <net/nrf_cloud.h>

static volatile int last_event;

static void on_event(const struct nrf_cloud_evt *evt)
{
	last_event = (int)evt->type;
}

int main(void)
{
	static const char temperature[] = "23.5";
	struct nrf_cloud_init_param init = {
		.event_handler = on_event,
	};
	struct nrf_cloud_sensor_data msg = {
		.type = NRF_CLOUD_SENSOR_TEMP,
		.data = { .ptr = temperature, .len = sizeof(temperature) - 1 },
		.ts_ms = 1700000000000LL,
	};
	int err = nrf_cloud_init(&init);

	err |= nrf_cloud_connect();
	err |= nrf_cloud_sensor_data_send(&msg);
	err |= nrf_cloud_disconnect();
	return err;
}
