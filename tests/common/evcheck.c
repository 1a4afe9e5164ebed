/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

#include "evcheck.h"

#include "cw_plat.h"
#include "cw_test.h"

#include <stdio.h>
#include <string.h>

int cw_expect_events(int from, const struct cw_ev *seq, size_t n, const char *file, int line)
{
	int want = from + (int)n;

	/* Check what has arrived as it arrives, so a wrong event fails at once. */
	for (size_t i = 0; i < n; i++) {
		const struct evrec_event *e;

		if (evrec_wait_count(from + (int)i + 1, CW_EVENT_TIMEOUT_MS) != 0) {
			cw_test_fail(file, line, "timed out waiting for event #%d %s",
				     from + (int)i, evrec_type_name(seq[i].type));
		}
		e = evrec_at(from + (int)i);
		if (e->type != seq[i].type ||
		    (seq[i].status != EVREC_ANY_STATUS && e->status != seq[i].status)) {
			cw_test_fail(file, line, "event #%d: got %s status %d, expected %s status %d",
				     from + (int)i, evrec_type_name(e->type), (int)e->status,
				     evrec_type_name(seq[i].type), (int)seq[i].status);
		}
	}
	return want;
}

void cw_expect_quiet(int count, int32_t ms, const char *file, int line)
{
	cw_plat_sleep_ms(ms);
	if (evrec_count() != count) {
		const struct evrec_event *e = evrec_at(count);

		cw_test_fail(file, line, "unexpected event #%d %s status %d", count,
			     evrec_type_name(e->type), (int)e->status);
	}
}

void cw_check_event_data(int index, const void *data, size_t len, const char *topic,
			 const char *file, int line)
{
	const struct evrec_event *e = evrec_at(index);
	char what[48];

	if (e == NULL) {
		cw_test_fail(file, line, "no event #%d", index);
	}
	if (data != NULL) {
		snprintf(what, sizeof(what), "event #%d data", index);
		CW_CHECK(len <= EVREC_DATA_MAX, "expected data too long for the recorder");
		cw_check_mem(e->data, e->data_len, data, len, what, file, line);
	}
	if (topic != NULL) {
		snprintf(what, sizeof(what), "event #%d topic", index);
		cw_check_mem(e->topic, e->topic_len, topic, strlen(topic), what, file, line);
	}
}


int cw_connect_when_idle(int32_t ms)
{
	int64_t deadline = cw_plat_now_ms() + ms;
	int rc;

	while ((rc = nrf_cloud_connect()) == NRF_CLOUD_CONNECT_RES_ERR_ALREADY_CONNECTED &&
	       cw_plat_now_ms() < deadline) {
		cw_plat_sleep_ms(10);
	}
	return rc;
}
