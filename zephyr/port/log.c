/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Log output of the Rust library, through the nrf_cloud log module. */

#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <cloudwire/port.h>

LOG_MODULE_REGISTER(nrf_cloud, CONFIG_NRF_CLOUD_LOG_LEVEL);

BUILD_ASSERT(CW_LOG_ERR == LOG_LEVEL_ERR && CW_LOG_WRN == LOG_LEVEL_WRN &&
	     CW_LOG_INF == LOG_LEVEL_INF && CW_LOG_DBG == LOG_LEVEL_DBG,
	     "CW_LOG_* must equal Zephyr's LOG_LEVEL_*");

/* Longest line kept; the rest is cut. Lives on the caller's stack. */
#define CW_LOG_LINE_MAX 200

void cw_port_log(uint8_t level, const char *msg, size_t len)
{
	/*
	 * The message is not NUL-terminated and may not outlive this call;
	 * deferred logging copies a "%s" argument that is in RAM, so hand it a
	 * terminated copy.
	 */
	static const char own_prefix[] = "nrf_cloud: ";
	char line[CW_LOG_LINE_MAX + 1];
	size_t n;

	/* The log module already names the library. */
	if (msg != NULL && len >= sizeof(own_prefix) - 1 &&
	    memcmp(msg, own_prefix, sizeof(own_prefix) - 1) == 0) {
		msg += sizeof(own_prefix) - 1;
		len -= sizeof(own_prefix) - 1;
	}
	n = MIN(len, (size_t)CW_LOG_LINE_MAX);
	if (msg == NULL) {
		n = 0;
	} else {
		memcpy(line, msg, n);
	}
	line[n] = '\0';

	switch (level) {
	case CW_LOG_ERR:
		LOG_ERR("%s", line);
		break;
	case CW_LOG_WRN:
		LOG_WRN("%s", line);
		break;
	case CW_LOG_INF:
		LOG_INF("%s", line);
		break;
	default:
		LOG_DBG("%s", line);
		break;
	}
}
