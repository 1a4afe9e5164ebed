/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Emulator control client. Used from the scenario thread only (one shared
 * response buffer).
 */

#include "emu.h"

#include "cw_http.h"
#include "cw_plat.h"
#include "jscan.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#ifndef EMU_RESP_MAX
#ifdef __ZEPHYR__
#define EMU_RESP_MAX 3072
#else
#define EMU_RESP_MAX (128 * 1024)
#endif
#endif

/* How often the wait functions ask the emulator again. */
#define EMU_POLL_MS 50

static char resp[EMU_RESP_MAX];
static size_t resp_len;
static char body[EMU_PAYLOAD_MAX * 2 + 256];

static const char *addr(void)
{
	return cw_plat_param("CW_EMU_ADDR", "127.0.0.1:8080");
}

/* One request; 0 for a 2xx reply, -(status) or -errno otherwise. */
static int call(const char *method, const char *path, const char *req, size_t req_len)
{
	int status = cw_http_request(addr(), method, path, req, req_len, resp, sizeof(resp),
				     &resp_len);

	if (status < 0) {
		return status;
	}
	return (status >= 200 && status < 300) ? 0 : -status;
}

/* Appends @p n bytes of @p s to @p out as a JSON string (with quotes). */
static int json_quote(char *out, size_t out_len, const uint8_t *s, size_t n)
{
	size_t o = 0;

	if (out_len < 3) {
		return -EMSGSIZE;
	}
	out[o++] = '"';
	for (size_t i = 0; i < n; i++) {
		uint8_t c = s[i];

		if (o + 7 >= out_len) {
			return -EMSGSIZE;
		}
		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
		} else if (c < 0x20) {
			o += (size_t)snprintf(&out[o], out_len - o, "\\u%04x", c);
		} else {
			out[o++] = (char)c;
		}
	}
	out[o++] = '"';
	out[o] = '\0';
	return (int)o;
}

static int base64(char *out, size_t out_len, const uint8_t *in, size_t n)
{
	static const char tbl[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t o = 0;

	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16;

		if (i + 1 < n) {
			v |= (uint32_t)in[i + 1] << 8;
		}
		if (i + 2 < n) {
			v |= in[i + 2];
		}
		if (o + 5 >= out_len) {
			return -EMSGSIZE;
		}
		out[o++] = tbl[(v >> 18) & 63];
		out[o++] = tbl[(v >> 12) & 63];
		out[o++] = i + 1 < n ? tbl[(v >> 6) & 63] : '=';
		out[o++] = i + 2 < n ? tbl[v & 63] : '=';
	}
	out[o] = '\0';
	return (int)o;
}

static bool is_text(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		/* Plain ASCII only, so that the JSON string is the exact bytes. */
		if (p[i] == 0 || p[i] >= 0x80) {
			return false;
		}
	}
	return true;
}

bool emu_ready(void)
{
	struct jscan_val v;

	if (call("GET", "/health", NULL, 0) != 0) {
		return false;
	}
	return jscan_get(resp, resp_len, "broker_connected", &v) == 0 && v.len == 4 &&
	       memcmp(v.ptr, "true", 4) == 0;
}

static int device_call(const char *method, const char *id, const char *what, const char *req)
{
	char path[160];

	snprintf(path, sizeof(path), "/devices/%s/%s", id, what);
	return call(method, path, req, req ? strlen(req) : 0);
}

int emu_reset(const char *id)
{
	return device_call("POST", id, "reset", NULL);
}

int emu_associate(const char *id)
{
	return device_call("POST", id, "associate", "{\"tenant\":\"" EMU_TENANT "\"}");
}

int emu_disassociate(const char *id)
{
	return device_call("POST", id, "disassociate", NULL);
}

int emu_desired(const char *id, const char *patch)
{
	return device_call("PATCH", id, "desired", patch);
}

int emu_c2d(const char *id, const void *payload, size_t len, int qos)
{
	char path[160];

	snprintf(path, sizeof(path), "/devices/%s/c2d?qos=%d", id, qos);
	return call("POST", path, payload, len);
}

int emu_discon(const char *id)
{
	return device_call("POST", id, "discon", NULL);
}

int emu_publish(const char *topic, const void *payload, size_t len, int qos)
{
	int n = snprintf(body, sizeof(body), "{\"qos\":%d,\"topic\":", qos);
	int k = json_quote(&body[n], sizeof(body) - (size_t)n, (const uint8_t *)topic,
			   strlen(topic));

	if (k < 0) {
		return k;
	}
	n += k;
	if (is_text(payload, len)) {
		n += snprintf(&body[n], sizeof(body) - (size_t)n, ",\"payload\":");
		k = json_quote(&body[n], sizeof(body) - (size_t)n, payload, len);
	} else {
		n += snprintf(&body[n], sizeof(body) - (size_t)n, ",\"payload_b64\":\"");
		k = base64(&body[n], sizeof(body) - (size_t)n - 3, payload, len);
		if (k >= 0) {
			body[n + k] = '"';
			body[n + k + 1] = '\0';
			k++;
		}
	}
	if (k < 0) {
		return k;
	}
	n += k;
	if ((size_t)n + 2 >= sizeof(body)) {
		return -EMSGSIZE;
	}
	body[n++] = '}';
	body[n] = '\0';
	return call("POST", "/publish", body, (size_t)n);
}

/* Parses element @p index of resp's @p list into @p out. */
static int parse_entry(const char *list, int index, struct emu_msg *out)
{
	char path[48];
	struct jscan_val v;
	long long num;
	int n;

	memset(out, 0, sizeof(*out));
	snprintf(path, sizeof(path), "%s.%d", list, index);
	if (jscan_get(resp, resp_len, path, &v) != 0) {
		return -ENOENT;
	}
	if (jscan_get_int(v.ptr, v.len, "index", &num) == 0) {
		out->index = (int)num;
	}
	if (jscan_get_int(v.ptr, v.len, "qos", &num) == 0) {
		out->qos = (int)num;
	}
	if (jscan_get_int(v.ptr, v.len, "size", &num) == 0) {
		out->len = (size_t)num;
	}
	(void)jscan_get_string(v.ptr, v.len, "topic", out->topic, sizeof(out->topic));
	(void)jscan_get_string(v.ptr, v.len, "kind", out->kind, sizeof(out->kind));
	n = jscan_get_string(v.ptr, v.len, "payload", (char *)out->payload, sizeof(out->payload));
	if (n == -ENOENT) {
		struct jscan_val b;

		if (jscan_get(v.ptr, v.len, "payload_b64", &b) == 0) {
			n = jscan_base64(b, out->payload, sizeof(out->payload));
		}
	}
	return n < 0 && n != -EMSGSIZE ? n : 0;
}

static int wait_entry(const char *id, const char *what, const char *list, int index,
		      struct emu_msg *out, int32_t timeout_ms)
{
	int64_t deadline = cw_plat_now_ms() + timeout_ms;
	char path[160];

	snprintf(path, sizeof(path), "/devices/%s/%s?since=%d", id, what, index);
	for (;;) {
		int err = call("GET", path, NULL, 0);

		if (err == 0 && parse_entry(list, 0, out) == 0) {
			return 0;
		}
		if (cw_plat_now_ms() >= deadline) {
			return -ETIMEDOUT;
		}
		cw_plat_sleep_ms(EMU_POLL_MS);
	}
}

int emu_wait_message(const char *id, int index, struct emu_msg *out, int32_t timeout_ms)
{
	return wait_entry(id, "messages", "messages", index, out, timeout_ms);
}

int emu_wait_shadow_update(const char *id, int index, struct emu_msg *out, int32_t timeout_ms)
{
	return wait_entry(id, "shadow-updates", "shadow_updates", index, out, timeout_ms);
}

static int count_of(const char *id, const char *what)
{
	char path[160];
	long long next;
	int err;

	/* A large "since" keeps the reply short: only "next" matters here. */
	snprintf(path, sizeof(path), "/devices/%s/%s?since=1000000", id, what);
	err = call("GET", path, NULL, 0);
	if (err != 0) {
		return err;
	}
	err = jscan_get_int(resp, resp_len, "next", &next);
	return err ? err : (int)next;
}

int emu_message_count(const char *id)
{
	return count_of(id, "messages");
}

int emu_shadow_update_count(const char *id)
{
	return count_of(id, "shadow-updates");
}

int emu_shadow(const char *id, char *buf, size_t len)
{
	int err = device_call("GET", id, "shadow", NULL);

	if (err != 0) {
		return err;
	}
	if (resp_len >= len) {
		return -EMSGSIZE;
	}
	memcpy(buf, resp, resp_len + 1);
	return (int)resp_len;
}

int emu_last_published(int index, struct emu_msg *out)
{
	return parse_entry("published", index, out);
}

int emu_last_reply_value(const char *path, char *buf, size_t len)
{
	struct jscan_val v;
	int err = jscan_get(resp, resp_len, path, &v);

	if (err) {
		return err;
	}
	if (v.len >= len) {
		return -EMSGSIZE;
	}
	memcpy(buf, v.ptr, v.len);
	buf[v.len] = '\0';
	return (int)v.len;
}

void emu_topic(char *buf, size_t len, const char *id, const char *suffix)
{
	snprintf(buf, len, EMU_STAGE "/" EMU_TENANT "/m/d/%s/%s", id, suffix);
}
