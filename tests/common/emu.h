/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file emu.h
 * @brief Client of the nRF Cloud emulator's HTTP control API
 *        (rust/emulator/README.md): play the cloud's part in a scenario and
 *        read back, byte for byte, what the device published.
 *
 * The emulator's address ("a.b.c.d:port") is the test parameter CW_EMU_ADDR.
 * Every function returns 0 (or a count) on success and a negative value on
 * failure: -errno from the socket, or -(HTTP status) for an error reply.
 */

#ifndef EMU_H_
#define EMU_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef EMU_PAYLOAD_MAX
#ifdef __ZEPHYR__
#define EMU_PAYLOAD_MAX 1024
#else
#define EMU_PAYLOAD_MAX 8192
#endif
#endif

/** One message a device published, as the emulator received it. */
struct emu_msg {
	int index;                 /**< position in the device's list */
	char topic[160];
	int qos;                   /**< QoS of the delivery to the emulator */
	char kind[16];             /**< "d2c", "bulk", "bin", ... ("" for shadow) */
	uint8_t payload[EMU_PAYLOAD_MAX];
	size_t len;                /**< payload length (may exceed what was kept) */
};

/** The tenant the scenarios associate devices with. */
#define EMU_TENANT "cw-test-team"

/** The stage the emulator uses in topic prefixes. */
#define EMU_STAGE "prod"

/** True when the emulator answers and is connected to the broker. */
bool emu_ready(void);

/** Forgets the device: it is unassociated, with an empty shadow. */
int emu_reset(const char *id);

/** Adds the device to EMU_TENANT's account (desired pairing + prefix). */
int emu_associate(const char *id);

/** Removes the device from its account (desired: not_associated). */
int emu_disassociate(const char *id);

/** Merges the JSON object @p patch into the desired state (delta follows). */
int emu_desired(const char *id, const char *patch);

/** Sends a cloud-to-device message on <prefix>m/d/<id>/c2d/r. */
int emu_c2d(const char *id, const void *payload, size_t len, int qos);

/** Sends {"appId":"DEVICE","messageType":"DISCON"} on the c2d topic. */
int emu_discon(const char *id);

/** Publishes anything on any topic (binary payloads are sent as base64). */
int emu_publish(const char *topic, const void *payload, size_t len, int qos);

/**
 * Waits until the device's message list (d2c, bulk, bin) has an entry at
 * @p index and copies it. 0, or -ETIMEDOUT.
 */
int emu_wait_message(const char *id, int index, struct emu_msg *out, int32_t timeout_ms);

/** Same for the shadow updates (<id>/shadow/update payloads). */
int emu_wait_shadow_update(const char *id, int index, struct emu_msg *out, int32_t timeout_ms);

/** Number of messages / shadow updates recorded for the device (or -errno). */
int emu_message_count(const char *id);
int emu_shadow_update_count(const char *id);

/**
 * Copies the device's shadow document as the emulator returns it
 * ({"desired":..,"reported":..,"delta":..,...}) into @p buf. Length or -errno.
 */
int emu_shadow(const char *id, char *buf, size_t len);

/**
 * Copies entry @p index of the "published" list of the last reply (what the
 * emulator published in answer to associate/desired/c2d/discon calls).
 * 0, or -ENOENT.
 */
int emu_last_published(int index, struct emu_msg *out);

/**
 * Finds @p path (jscan syntax) in the last reply and copies that JSON value's
 * raw text into @p buf (NUL-terminated). Length, or -errno.
 */
int emu_last_reply_value(const char *path, char *buf, size_t len);

/** Topic helpers for EMU_TENANT: "<stage>/<tenant>/m/d/<id>/<suffix>". */
void emu_topic(char *buf, size_t len, const char *id, const char *suffix);

#ifdef __cplusplus
}
#endif

#endif /* EMU_H_ */
