# shellcheck shell=bash
# Copyright (c) 2026 cloudwire contributors
# SPDX-License-Identifier: Apache-2.0
#
# The nrf_cloud row of scripts/bench. Another library (azure_iot_hub,
# aws_iot, …) gets a row by adding a file like this one that sets the same
# variables.

# Cargo feature of rust/capi that builds this library.
LIB_FEATURES="nrf-cloud"

# The footprint app (init -> connect -> send -> disconnect, as NCS's baseline).
LIB_APP="bench/fw/app_nrf_cloud.c"

# Kept as roots besides main(): what the port (not the app) calls.
LIB_ROOTS=(
	cw_nrf_cloud_poll_thread
	cw_mqtt_on_connack cw_mqtt_on_disconnect cw_mqtt_on_publish
	cw_mqtt_on_publish_too_large cw_mqtt_on_puback cw_mqtt_on_suback
	cw_mqtt_on_pingresp
)

# Entry points whose worst-case stack is reported. The stack is analysed in
# a second link that also keeps the ones the footprint app does not call.
LIB_STACK_ROOTS=(
	nrf_cloud_init nrf_cloud_connect nrf_cloud_sensor_data_send
	nrf_cloud_send nrf_cloud_disconnect cw_mqtt_on_publish cw_mqtt_on_connack
	cw_mqtt_on_suback cw_mqtt_on_puback cw_nrf_cloud_poll_thread
)

# Static RAM the Zephyr port allocates for this library, from Kconfig
# defaults: "EXPRESSION|what" (EXPRESSION over Kconfig symbols, bash
# arithmetic). Check against zephyr/port when the port changes.
LIB_KCONFIG_TRUE=(NRF_CLOUD NRF_CLOUD_MQTT NRF_CLOUD_CONNECTION_POLL_THREAD)
LIB_PORT_RAM=(
	"2*NRF_CLOUD_MQTT_MESSAGE_BUFFER_LEN|MQTT rx+tx buffers"
	"NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN+1|payload buffer (incoming and outgoing)"
	"NRF_CLOUD_CONNECTION_POLL_THREAD_STACK_SIZE|poll-thread stack"
)

# Instruction workloads: name|title; bench/cjson/<name>.c is the cJSON side
# and cw-bench-instr <name> the Rust side.
LIB_INSTR=(
	"encode_sensor|encode the sensor message (70 B)"
	"decode_shadow|decode a trimmed shadow (418 B)"
)

# The NCS baseline (ref/ncs-footprint.md, "As linked in a minimal app").
NCS_FLASH=14341
NCS_RAM=6407
NCS_PARTS="nrf_cloud 9858 + cJSON 4483"
NCS_WIRE="same packets: topics, payloads and message IDs match NCS byte for byte by design"

# Targets of the issue: 7 KB of flash (kB as in the baseline's 14.3 KB).
TARGET_FLASH=7000
