/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Decoding a trimmed shadow (…/shadow/get/accepted/trim) the way NCS does it
 * with cJSON: parse; detach "desired", "reported", "config"; decide the
 * association state (topic prefix, else pairing.state); take the control
 * section (desired, else reported) and check alertsEn / logLvl; decode the
 * endpoints (pairing.state must be "paired"; copy prefix, d2c and c2d);
 * free everything.
 *
 * Usage: decode_shadow DOCUMENT ITERATIONS [arena|malloc]
 * Prints the decoded fields once (for checking), then runs bench_run().
 */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include "arena.h"

struct decoded {
	char prefix[128];
	char d2c[128];
	char c2d[128];
	bool associated;
	bool alerts_en;
	int log_lvl;
};

static bool copy_string(const cJSON *item, char *dst, size_t dst_len)
{
	const char *s = cJSON_GetStringValue(item);

	if (s == NULL) {
		return false;
	}
	size_t len = strlen(s);

	if (len >= dst_len) {
		return false;
	}
	memcpy(dst, s, len + 1);
	return true;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int decode_control(const cJSON *ctrl, struct decoded *out)
{
	const cJSON *alerts = cJSON_GetObjectItem(ctrl, "alertsEn");
	const cJSON *log = cJSON_GetObjectItem(ctrl, "logLvl");

	if (alerts != NULL) {
		if (!cJSON_IsBool(alerts)) {
			return -1;
		}
		out->alerts_en = cJSON_IsTrue(alerts);
	}
	if (log != NULL) {
		if (!cJSON_IsNumber(log)) {
			return -1;
		}
		int v = (int)cJSON_GetNumberValue(log);

		if (v < 0 || v > 4) {
			return -1;
		}
		out->log_lvl = v;
	}
	return 0;
}

static int decode_shadow(const char *doc, struct decoded *out)
{
	int err = -1;
	cJSON *root = cJSON_Parse(doc);

	if (root == NULL) {
		return -1;
	}
	cJSON *desired = cJSON_DetachItemFromObject(root, "desired");
	cJSON *reported = cJSON_DetachItemFromObject(root, "reported");
	cJSON *config = cJSON_DetachItemFromObject(root, "config");

	if (desired == NULL) {
		goto done;
	}

	/* Control section first: desired, else reported. */
	cJSON *ctrl = cJSON_DetachItemFromObject(desired, "control");

	if (ctrl == NULL && reported != NULL) {
		ctrl = cJSON_DetachItemFromObject(reported, "control");
	}
	if (ctrl != NULL) {
		(void)decode_control(ctrl, out);
		cJSON_Delete(ctrl);
	}

	/* Association state. */
	const cJSON *prefix = cJSON_GetObjectItem(desired, "nrfcloud_mqtt_topic_prefix");
	const cJSON *pairing = cJSON_GetObjectItem(desired, "pairing");

	if (prefix == NULL) {
		const cJSON *state = pairing ? cJSON_GetObjectItem(pairing, "state") : NULL;

		out->associated = false;
		err = (state != NULL && cJSON_IsString(state)) ? 0 : -1;
		goto done;
	}
	out->associated = true;

	/* Endpoints. */
	const cJSON *state = pairing ? cJSON_GetObjectItem(pairing, "state") : NULL;
	const cJSON *topics = pairing ? cJSON_GetObjectItem(pairing, "topics") : NULL;

	if (state == NULL || topics == NULL || !cJSON_IsString(state) ||
	    !starts_with(state->valuestring, "paired")) {
		goto done;
	}
	if (!copy_string(prefix, out->prefix, sizeof(out->prefix)) ||
	    !copy_string(cJSON_GetObjectItem(topics, "d2c"), out->d2c, sizeof(out->d2c)) ||
	    !copy_string(cJSON_GetObjectItem(topics, "c2d"), out->c2d, sizeof(out->c2d))) {
		goto done;
	}
	err = 0;
done:
	cJSON_Delete(config);
	cJSON_Delete(reported);
	cJSON_Delete(desired);
	cJSON_Delete(root);
	return err;
}

static const char *document;

__attribute__((noinline)) int bench_run(unsigned long iterations)
{
	int errors = 0;
	/* Set up once, outside the measured work (as the Rust side does). */
	struct decoded d = { 0 };

	for (unsigned long i = 0; i < iterations; i++) {
		errors += decode_shadow(document, &d) != 0;
		arena_reset();
	}
	return errors;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	static char buf[4096];
	size_t n;

	if (f == NULL) {
		return NULL;
	}
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

int main(int argc, char **argv)
{
	struct decoded d = { 0 };

	if (argc < 3) {
		fprintf(stderr, "usage: %s DOCUMENT ITERATIONS [arena|malloc]\n", argv[0]);
		return 2;
	}
	bench_select_allocator(argc > 3 ? argv[3] : NULL);
	document = read_file(argv[1]);
	if (document == NULL || decode_shadow(document, &d) != 0) {
		fprintf(stderr, "decode failed\n");
		return 1;
	}
	printf("associated=%d prefix=%s d2c=%s c2d=%s alertsEn=%d logLvl=%d\n",
	       d.associated, d.prefix, d.d2c, d.c2d, d.alerts_en, d.log_lvl);
	arena_reset();

	return bench_run(strtoul(argv[2], NULL, 10)) != 0;
}
