/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

#include "evrec.h"

#include "cw_plat.h"
#include "cw_test.h"

#include <stdio.h>
#include <string.h>

#if defined(__has_include)
#if __has_include(<net/nrf_cloud_codec.h>)
#include <net/nrf_cloud_codec.h>
#define EVREC_HAVE_SHADOW_TYPE 1
#endif
#endif

static struct evrec_event events[EVREC_MAX_EVENTS];
static int count;
static int dropped;
static evrec_hook_t hook;
/* See evrec_event.paired_info: true at boot, never reset. */
static bool info_pending = true;

void evrec_reset(void)
{
	cw_plat_lock();
	count = 0;
	dropped = 0;
	hook = NULL;
	cw_plat_unlock();
}

void evrec_set_hook(evrec_hook_t new_hook)
{
	cw_plat_lock();
	hook = new_hook;
	cw_plat_unlock();
}

static void copy_event(struct evrec_event *e, const struct nrf_cloud_evt *evt)
{
	size_t n;

	memset(e, 0, sizeof(*e));
	e->type = (uint32_t)evt->type;
	e->status = evt->status;
	e->data_len = evt->data.len;
	e->data_null = evt->data.ptr == NULL;
	if (evt->data.ptr != NULL) {
		n = evt->data.len < EVREC_DATA_MAX ? evt->data.len : EVREC_DATA_MAX;
		memcpy(e->data, evt->data.ptr, n);
		if (evt->type == NRF_CLOUD_EVT_SENSOR_DATA_ACK && evt->data.len == sizeof(uint16_t)) {
			memcpy(&e->ack_tag, evt->data.ptr, sizeof(uint16_t));
		}
	}
	e->topic_len = evt->topic.len;
	if (evt->topic.ptr != NULL) {
		n = evt->topic.len < EVREC_TOPIC_MAX - 1 ? evt->topic.len : EVREC_TOPIC_MAX - 1;
		memcpy(e->topic, evt->topic.ptr, n);
		e->topic[n] = '\0';
	}
	e->has_shadow = evt->shadow != NULL;
#ifdef EVREC_HAVE_SHADOW_TYPE
	if (evt->shadow != NULL) {
		e->shadow_type = (int)evt->shadow->type;
	}
#endif
	e->at_ms = cw_plat_now_ms();
}

void evrec_handler(const struct nrf_cloud_evt *evt)
{
	evrec_hook_t h;

	if (evt == NULL) {
		return;
	}
	cw_plat_lock();
	if (count < EVREC_MAX_EVENTS) {
		copy_event(&events[count], evt);
		events[count].paired_info =
			evt->type == NRF_CLOUD_EVT_USER_ASSOCIATED && info_pending;
		count++;
	} else {
		dropped++;
	}
	if (evt->type == NRF_CLOUD_EVT_USER_ASSOCIATED) {
		info_pending = false;
	} else if (evt->type == NRF_CLOUD_EVT_USER_ASSOCIATION_REQUEST) {
		info_pending = true;
	}
	h = hook;
	cw_plat_broadcast();
	cw_plat_unlock();

	if (h != NULL) {
		h(evt);
	}
}

int evrec_count(void)
{
	int n;

	cw_plat_lock();
	n = count;
	cw_plat_unlock();
	return n;
}

int evrec_dropped(void)
{
	int n;

	cw_plat_lock();
	n = dropped;
	cw_plat_unlock();
	return n;
}

const struct evrec_event *evrec_at(int index)
{
	const struct evrec_event *e = NULL;

	cw_plat_lock();
	if (index >= 0 && index < count) {
		e = &events[index];
	}
	cw_plat_unlock();
	return e;
}

int evrec_wait_type(uint32_t type, int from, int32_t timeout_ms)
{
	int64_t deadline = cw_plat_now_ms() + timeout_ms;
	int found = -1;
	int i = from < 0 ? 0 : from;

	cw_plat_lock();
	for (;;) {
		for (; i < count; i++) {
			if (events[i].type == type) {
				found = i;
				break;
			}
		}
		if (found >= 0 || cw_plat_wait_until(deadline) != 0) {
			break;
		}
	}
	/* One last look: the event may have arrived just at the deadline. */
	for (; found < 0 && i < count; i++) {
		if (events[i].type == type) {
			found = i;
		}
	}
	cw_plat_unlock();
	return found;
}

int evrec_wait_count(int wanted, int32_t timeout_ms)
{
	int64_t deadline = cw_plat_now_ms() + timeout_ms;
	int ok;

	cw_plat_lock();
	while (count < wanted && cw_plat_wait_until(deadline) == 0) {
	}
	ok = count >= wanted ? 0 : -1;
	cw_plat_unlock();
	return ok;
}

const char *evrec_type_name(uint32_t type)
{
	static char unknown[32];

	switch (type) {
	case NRF_CLOUD_EVT_TRANSPORT_CONNECTED:
		return "NRF_CLOUD_EVT_TRANSPORT_CONNECTED";
	case NRF_CLOUD_EVT_TRANSPORT_CONNECTING:
		return "NRF_CLOUD_EVT_TRANSPORT_CONNECTING";
	case NRF_CLOUD_EVT_USER_ASSOCIATION_REQUEST:
		return "NRF_CLOUD_EVT_USER_ASSOCIATION_REQUEST";
	case NRF_CLOUD_EVT_USER_ASSOCIATED:
		return "NRF_CLOUD_EVT_USER_ASSOCIATED";
	case NRF_CLOUD_EVT_READY:
		return "NRF_CLOUD_EVT_READY";
	case NRF_CLOUD_EVT_RX_DATA_GENERAL:
		return "NRF_CLOUD_EVT_RX_DATA_GENERAL";
	case NRF_CLOUD_EVT_RX_DATA_DISCON:
		return "NRF_CLOUD_EVT_RX_DATA_DISCON";
	case NRF_CLOUD_EVT_RX_DATA_LOCATION:
		return "NRF_CLOUD_EVT_RX_DATA_LOCATION";
	case NRF_CLOUD_EVT_RX_DATA_SHADOW:
		return "NRF_CLOUD_EVT_RX_DATA_SHADOW";
	case NRF_CLOUD_EVT_PINGRESP:
		return "NRF_CLOUD_EVT_PINGRESP";
	case NRF_CLOUD_EVT_SENSOR_DATA_ACK:
		return "NRF_CLOUD_EVT_SENSOR_DATA_ACK";
	case NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED:
		return "NRF_CLOUD_EVT_TRANSPORT_DISCONNECTED";
	case NRF_CLOUD_EVT_FOTA_START:
		return "NRF_CLOUD_EVT_FOTA_START";
	case NRF_CLOUD_EVT_FOTA_DONE:
		return "NRF_CLOUD_EVT_FOTA_DONE";
	case NRF_CLOUD_EVT_FOTA_ERROR:
		return "NRF_CLOUD_EVT_FOTA_ERROR";
	case NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR:
		return "NRF_CLOUD_EVT_TRANSPORT_CONNECT_ERROR";
	case NRF_CLOUD_EVT_FOTA_JOB_AVAILABLE:
		return "NRF_CLOUD_EVT_FOTA_JOB_AVAILABLE";
	case NRF_CLOUD_EVT_ERROR:
		return "NRF_CLOUD_EVT_ERROR";
	default:
		snprintf(unknown, sizeof(unknown), "NRF_CLOUD_EVT_%u", (unsigned int)type);
		return unknown;
	}
}

void evrec_dump(void)
{
	int n = evrec_count();

	cw_test_log("recorded events (%d%s):", n, evrec_dropped() ? ", some dropped" : "");
	for (int i = 0; i < n; i++) {
		const struct evrec_event *e = evrec_at(i);
		size_t shown = e->data_len < 96 ? e->data_len : 96;
		char text[100];

		for (size_t k = 0; k < shown; k++) {
			unsigned char c = e->data[k];

			text[k] = (c >= 0x20 && c < 0x7f) ? (char)c : '.';
		}
		text[shown] = '\0';
		cw_test_log("  #%d %s status=%d data[%zu]=\"%s\"%s", i, evrec_type_name(e->type),
			    (int)e->status, e->data_len, text, e->has_shadow ? " (shadow)" : "");
	}
}

/* The test runners call this when a check fails. */
void cw_test_dump_hook(void)
{
	evrec_dump();
}
