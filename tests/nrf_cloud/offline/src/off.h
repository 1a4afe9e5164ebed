/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file off.h
 * @brief Shared steps of the offline scenarios: the library runs on the
 *        loopback port, the scenario plays the broker and checks every
 *        packet the library asks for, in order.
 */

#ifndef OFF_H_
#define OFF_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cloudwire/port.h>
#include <net/nrf_cloud.h>

#include "cw_expect.h"
#include "cw_test.h"
#include "evcheck.h"
#include "evrec.h"
#include "lb.h"
#include "lb_settings.h"

#ifdef __cplusplus
extern "C" {
#endif

#define OFF_TIMEOUT_MS 5000

/** The tenant the scenarios' "cloud" uses. */
#define OFF_TENANT "offline-team"
#define OFF_PREFIX "prod/" OFF_TENANT "/"

extern char off_id[NRF_CLOUD_CLIENT_ID_MAX_LEN + 1];

void off_before(void);
void off_after(void);

/** nrf_cloud_init() with the event recorder; checks it returns 0. */
void off_init(void);

/** The port configuration the library runs with. */
const struct cw_nrf_cloud_config *off_cfg(void);

/** "<id><suffix>", e.g. off_dev_topic("/shadow/update"). */
const char *off_dev_topic(const char *suffix);
/** "prod/offline-team/m/d/<id>/<suffix>". */
const char *off_msg_topic(const char *suffix);

/**
 * Waits for the next port operation (index *cursor), checks it is of
 * @p kind, and advances the cursor.
 */
const struct lb_op *off_next_op(int *cursor, enum lb_op_kind kind, const char *file, int line);
#define OFF_NEXT_OP(cursor, kind) off_next_op(&(cursor), (kind), __FILE__, __LINE__)

/** Checks a PUBLISH operation exactly. */
void off_check_publish(const struct lb_op *op, const char *topic, const void *payload,
		       size_t len, int qos, int msg_id, const char *file, int line);
#define OFF_CHECK_PUBLISH(op, topic, payload, len, qos, msg_id)                                    \
	off_check_publish((op), (topic), (payload), (len), (qos), (msg_id), __FILE__, __LINE__)

/** Checks that no further port operation happens within @p ms. */
void off_expect_no_op(int cursor, int32_t ms, const char *file, int line);
#define OFF_EXPECT_NO_OP(cursor, ms) off_expect_no_op((cursor), (ms), __FILE__, __LINE__)

/** The trimmed shadow of a device associated with OFF_TENANT. */
const char *off_paired_trim(void);

/** The association delta for OFF_TENANT. */
const char *off_paired_delta(void);

/** The device's control values changed (a confirmed control delta). */
void off_control_now(bool alerts, int log_lvl);

/**
 * The paired report the library must send for OFF_TENANT, with its current
 * control values; @p assoc_event is the USER_ASSOCIATED event that followed
 * it (it tells whether the "device" info section is in the report).
 */
const char *off_paired_report(bool c2d_rewritten, int assoc_event);

/** Reads "nrf_cloud/p_sesh": 0/1, or -1 if it was never saved. */
int off_p_sesh(void);

/**
 * From nrf_cloud_connect() to READY for an associated device with no saved
 * session, checking every operation and event. Updates *cursor and returns
 * the event index after READY.
 */
int off_connect_to_ready(int *cursor, int events);

#ifdef __cplusplus
}
#endif

#endif /* OFF_H_ */
