/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file scn.h
 * @brief Shared steps of the nRF Cloud conformance scenarios: exact event
 *        sequences, the connect-to-READY flows, and the bytes NCS puts on
 *        the wire (ref §1.6.4, §1.6.6), built here independently of the
 *        library.
 */

#ifndef SCN_H_
#define SCN_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <net/nrf_cloud.h>

#include "cw_test.h"
#include "emu.h"
#include "evcheck.h"
#include "evrec.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Default time to wait for one step of a flow. */
#define SCN_TIMEOUT_MS CW_EVENT_TIMEOUT_MS

/** The device ID of this run (nrf_cloud_client_id_get()). */
extern char scn_id[NRF_CLOUD_CLIENT_ID_MAX_LEN + 1];

/** Suite hooks: fresh recorder and emulator state / best-effort cleanup. */
void scn_before(void);
void scn_after(void);

/** Forgets what the device saved (weak: a no-op unless a platform has one). */
void scn_fresh_device(void);

/** nrf_cloud_init() with the event recorder; checks it returns 0. */
void scn_init(void);

/** Waits for the device's shadow update @p index and checks its bytes. */
void scn_check_shadow_update(int index, const char *expected, const char *file, int line);
#define SCN_CHECK_SHADOW_UPDATE(index, expected)                                                   \
	scn_check_shadow_update((index), (expected), __FILE__, __LINE__)

/** Waits for the device's message @p index and checks topic, QoS and bytes. */
void scn_check_message(int index, const char *topic, int qos, const void *payload, size_t len,
		       const char *file, int line);
#define SCN_CHECK_MESSAGE(index, topic, qos, payload, len)                                         \
	scn_check_message((index), (topic), (qos), (payload), (len), __FILE__, __LINE__)

/* ---- expected device output ---------------------------------------------- */

/** The device's control values changed (a confirmed control delta). */
void scn_control_now(bool alerts, int log_lvl);

/**
 * The "paired" shadow report the device sends for EMU_TENANT, with its
 * current control values.
 *
 * @param c2d_rewritten the received c2d topic ended in "/c2d" (first
 *        connection after association), so a "desired" section follows.
 * @param assoc_event index of the USER_ASSOCIATED event that followed the
 *        report (it tells whether the "device" info section is in it).
 */
const char *scn_paired_report(bool c2d_rewritten, int assoc_event);

/** CONFIG_NRF_CLOUD_MQTT_KEEPALIVE of this run (1200 unless changed). */
int scn_keepalive(void);

/** "prod/<tenant>/m/d/<id>/<suffix>" for this device. */
const char *scn_topic(const char *suffix);

/* ---- flows --------------------------------------------------------------- */

/**
 * Associates the device in the emulator, connects, and checks every event up
 * to READY and the paired report on the wire. @p first: first connection of
 * the device since the emulator reset it (the cloud still hands out the
 * "/c2d" topic, which the device rewrites). Returns the event index after
 * READY.
 */
int scn_connect_associated(bool first);

/** nrf_cloud_disconnect() and the DISCONNECTED(USER_REQUEST) event. */
int scn_disconnect(int from);

/** A sensor reading: type TEMP, value @p value, tag and timestamp. */
struct nrf_cloud_sensor_data scn_temp(const char *value, uint16_t tag, int64_t ts_ms);

/**
 * Stops, starts or restarts the broker; after start/restart waits until the
 * emulator is connected again. A stopped broker is started again by
 * scn_after() whatever the scenario's outcome.
 */
void scn_broker(const char *action);

/** Fails the scenario (skips on Zephyr) if the broker cannot be controlled. */
void scn_require_broker_control(void);

#ifdef __cplusplus
}
#endif

#endif /* SCN_H_ */
