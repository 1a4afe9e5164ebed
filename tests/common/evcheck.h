/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file evcheck.h
 * @brief Checks on what the event recorder got: exact event sequences
 *        (types and statuses), silence, and event payloads.
 */

#ifndef EVCHECK_H_
#define EVCHECK_H_

#include <stddef.h>
#include <stdint.h>

#include "evrec.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How long to wait for one expected event. */
#ifndef CW_EVENT_TIMEOUT_MS
#define CW_EVENT_TIMEOUT_MS 15000
#endif

/** One expected event. */
struct cw_ev {
	uint32_t type;
	uint32_t status;
};

#define CW_EV(name, status) { NRF_CLOUD_EVT_##name, (uint32_t)(status) }

/**
 * Waits for events [from, from + n) and checks their types and statuses
 * (EVREC_ANY_STATUS matches any), failing at the first wrong one.
 * Returns from + n.
 */
int cw_expect_events(int from, const struct cw_ev *seq, size_t n, const char *file, int line);

#define CW_EXPECT_EVENTS(from, ...)                                                                \
	cw_expect_events((from), (const struct cw_ev[]){ __VA_ARGS__ },                            \
			 sizeof((const struct cw_ev[]){ __VA_ARGS__ }) / sizeof(struct cw_ev),      \
			 __FILE__, __LINE__)

/** Checks that no event with index >= @p count arrives within @p ms. */
void cw_expect_quiet(int count, int32_t ms, const char *file, int line);
#define CW_EXPECT_QUIET(count, ms) cw_expect_quiet((count), (ms), __FILE__, __LINE__)

/** Checks event @p index's data bytes and topic (NULL: not checked). */
void cw_check_event_data(int index, const void *data, size_t len, const char *topic,
			 const char *file, int line);
#define CW_CHECK_EVENT_DATA(index, data, len, topic)                                               \
	cw_check_event_data((index), (data), (len), (topic), __FILE__, __LINE__)

/**
 * nrf_cloud_connect(), retried for up to @p ms while it returns
 * NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED. Right after
 * TRANSPORT_DISCONNECTED or TRANSPORT_CONNECT_ERROR the poll thread is
 * still winding the previous connection down for a moment; NCS answers
 * ALREADY_CONNECTED in that window too. Returns the last result.
 */
int cw_connect_when_idle(int32_t ms);

#ifdef __cplusplus
}
#endif

#endif /* EVCHECK_H_ */
