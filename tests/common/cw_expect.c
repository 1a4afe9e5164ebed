/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Key order and spelling follow NCS's encoders (cJSON, unformatted), as
 * described in ref §1.6.4–§1.6.6.
 */

#include "cw_expect.h"

#include <stdio.h>

const char cw_expect_not_associated_report[] =
	"{\"state\":{\"reported\":{\"pairing\":{\"state\":\"not_associated\",\"topics\":null,"
	"\"config\":null},\"connection\":{\"keepalive\":null},"
	"\"nrfcloud_mqtt_topic_prefix\":null,\"pairingStatus\":null,\"stage\":null}}}";

static int fits(int n, size_t len)
{
	return (n < 0 || (size_t)n >= len) ? -1 : n;
}

int cw_expect_paired_report(char *buf, size_t len, const struct cw_paired *p)
{
	char device[128] = "";
	char desired[224] = "";

	if (p->method != NULL) {
		snprintf(device, sizeof(device),
			 ",\"device\":{\"connectionInfo\":{\"protocol\":\"MQTT\",\"method\":\"%s\"}}",
			 p->method);
	}
	if (p->c2d_rewritten) {
		snprintf(desired, sizeof(desired),
			 ",\"desired\":{\"pairing\":{\"topics\":{\"c2d\":\"%s\"}}}", p->c2d);
	}
	return fits(snprintf(buf, len,
			     "{\"state\":{\"reported\":{\"pairing\":{\"state\":\"paired\",\"topics\":"
			     "{\"d2c\":\"%s\",\"c2d\":\"%s\"}},\"connection\":{\"keepalive\":%d},"
			     "\"nrfcloud_mqtt_topic_prefix\":\"%s\",\"control\":{\"alertsEn\":%s,"
			     "\"logLvl\":%d}%s}%s}}",
			     p->d2c, p->c2d, p->keepalive_s, p->prefix,
			     p->alerts ? "true" : "false", p->log_lvl, device, desired),
		    len);
}

int cw_expect_control_reply(char *buf, size_t len, bool alerts, int log_lvl)
{
	return fits(snprintf(buf, len,
			     "{\"state\":{\"reported\":{\"control\":{\"alertsEn\":%s,\"logLvl\":%d}}}}",
			     alerts ? "true" : "false", log_lvl),
		    len);
}

int cw_expect_sensor(char *buf, size_t len, const char *app_id, const char *data,
		     long long ts_ms)
{
	if (ts_ms == 0) {
		return fits(snprintf(buf, len,
				     "{\"appId\":\"%s\",\"data\":\"%s\",\"messageType\":\"DATA\"}",
				     app_id, data),
			    len);
	}
	return fits(snprintf(buf, len,
			     "{\"appId\":\"%s\",\"data\":\"%s\",\"messageType\":\"DATA\",\"ts\":%lld}",
			     app_id, data, ts_ms),
		    len);
}
