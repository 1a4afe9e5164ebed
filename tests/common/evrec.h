/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file evrec.h
 * @brief Event recorder: an nRF Cloud event handler that copies every event
 *        it gets, and timed waits for the scenario thread.
 *
 * evrec_handler() is what scenarios pass to nrf_cloud_init(). It records
 * under a lock, then (without the lock) calls the optional hook, which is
 * where a scenario can call the library back from inside the handler.
 */

#ifndef EVREC_H_
#define EVREC_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <net/nrf_cloud.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef EVREC_MAX_EVENTS
#ifdef __ZEPHYR__
#define EVREC_MAX_EVENTS 40
#else
#define EVREC_MAX_EVENTS 512
#endif
#endif

/* Bytes of evt->data kept per event (the full length is kept as data_len). */
#ifndef EVREC_DATA_MAX
#ifdef __ZEPHYR__
#define EVREC_DATA_MAX 384
#else
#define EVREC_DATA_MAX 4096
#endif
#endif

#ifndef EVREC_TOPIC_MAX
#define EVREC_TOPIC_MAX 160
#endif

/** "Any status": for cw_expect_events(). */
#define EVREC_ANY_STATUS 0xFFFFFFFFu

struct evrec_event {
	uint32_t type;          /**< enum nrf_cloud_evt_type */
	uint32_t status;
	size_t data_len;        /**< evt->data.len as delivered */
	bool data_null;         /**< evt->data.ptr was NULL */
	uint8_t data[EVREC_DATA_MAX];
	size_t topic_len;       /**< evt->topic.len as delivered */
	char topic[EVREC_TOPIC_MAX]; /**< NUL-terminated copy (truncated if long) */
	bool has_shadow;        /**< evt->shadow != NULL */
	int shadow_type;        /**< evt->shadow->type when has_shadow */
	uint16_t ack_tag;       /**< SENSOR_DATA_ACK: the uint16_t data.ptr points at */
	int64_t at_ms;          /**< cw_plat_now_ms() when recorded */
	/**
	 * USER_ASSOCIATED: whether the "paired" report sent just before it
	 * carries the "device" info section. NCS adds it to the first paired
	 * report after boot and after each association request; the recorder
	 * keeps that state for the whole process (evrec_reset() keeps it), as
	 * scenarios on Zephyr share one boot.
	 */
	bool paired_info;
};

typedef void (*evrec_hook_t)(const struct nrf_cloud_evt *evt);

/** Forgets every recorded event and removes the hook. */
void evrec_reset(void);

/** The nrf_cloud_event_handler_t to register. */
void evrec_handler(const struct nrf_cloud_evt *evt);

/** Called after each event is recorded, outside the recorder's lock. */
void evrec_set_hook(evrec_hook_t hook);

/** Number of events recorded so far. */
int evrec_count(void);

/** Event @p index (0 = first); NULL if not recorded (yet). Entries never change. */
const struct evrec_event *evrec_at(int index);

/**
 * Waits until an event of @p type is recorded at an index >= @p from.
 * Returns that index, or -1 after @p timeout_ms.
 */
int evrec_wait_type(uint32_t type, int from, int32_t timeout_ms);

/** Waits until at least @p count events are recorded. 0, or -1 on timeout. */
int evrec_wait_count(int count, int32_t timeout_ms);

/** Number of events recorded that overflowed the table (should stay 0). */
int evrec_dropped(void);

/** "NRF_CLOUD_EVT_READY" etc.; "NRF_CLOUD_EVT_<n>" for unknown values. */
const char *evrec_type_name(uint32_t type);

/** Prints every recorded event (type name, status, data) to the test log. */
void evrec_dump(void);

#ifdef __cplusplus
}
#endif

#endif /* EVREC_H_ */
