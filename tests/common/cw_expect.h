/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file cw_expect.h
 * @brief The bytes an NCS device puts on the wire (ref §1.6.4–§1.6.6),
 *        written out here independently of the library under test.
 */

#ifndef CW_EXPECT_H_
#define CW_EXPECT_H_

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The "not associated" shadow report, byte for byte. */
extern const char cw_expect_not_associated_report[];

/** What goes into a "paired" report. */
struct cw_paired {
	const char *d2c;       /**< desired.pairing.topics.d2c as received */
	const char *c2d;       /**< the c2d topic as subscribed (".../+/r") */
	const char *prefix;    /**< nrfcloud_mqtt_topic_prefix */
	int keepalive_s;       /**< CONFIG_NRF_CLOUD_MQTT_KEEPALIVE */
	bool alerts;           /**< control.alertsEn */
	int log_lvl;           /**< control.logLvl */
	const char *method;    /**< connectionInfo.method, NULL: no "device" section */
	bool c2d_rewritten;    /**< received c2d ended in "/c2d": add "desired" */
};

/**
 * Writes the "paired" report into @p buf. Returns its length, or -1 if it
 * does not fit.
 */
int cw_expect_paired_report(char *buf, size_t len, const struct cw_paired *p);

/** The control-section reply: {"state":{"reported":{"control":{...}}}}. */
int cw_expect_control_reply(char *buf, size_t len, bool alerts, int log_lvl);

/** A sensor message: {"appId":..,"data":..,"messageType":"DATA"[,"ts":..]}. */
int cw_expect_sensor(char *buf, size_t len, const char *app_id, const char *data,
		     long long ts_ms);

#ifdef __cplusplus
}
#endif

#endif /* CW_EXPECT_H_ */
