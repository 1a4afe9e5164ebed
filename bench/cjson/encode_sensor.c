/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The sensor message of nrf_cloud_sensor_data_send(), encoded the way NCS
 * encodes it: a cJSON object with three constant-key strings and a number,
 * printed unformatted, then the tree and the printed string freed.
 *
 * Usage: encode_sensor ITERATIONS [arena|malloc]
 * Prints the encoded document once (for checking), then runs bench_run().
 * callgrind measures bench_run() with --toggle-collect.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "arena.h"

/*
 * NCS adds items under constant keys (its *ToObjectCS helpers: the key is not
 * copied). Upstream cJSON spells that cJSON_AddItemToObjectCS.
 */
static bool add_cs(cJSON *obj, const char *key, cJSON *item)
{
	if (item == NULL) {
		return false;
	}
	if (!cJSON_AddItemToObjectCS(obj, key, item)) {
		cJSON_Delete(item);
		return false;
	}
	return true;
}

static size_t encode_sensor(char *out, size_t out_len)
{
	int64_t ts_ms = 1700000000000LL;
	size_t len = 0;
	cJSON *root = cJSON_CreateObject();

	if (root == NULL) {
		return 0;
	}
	if (!add_cs(root, "appId", cJSON_CreateString("TEMP")) ||
	    !add_cs(root, "data", cJSON_CreateString("23.5")) ||
	    !add_cs(root, "messageType", cJSON_CreateString("DATA")) ||
	    !add_cs(root, "ts", cJSON_CreateNumber((double)ts_ms))) {
		cJSON_Delete(root);
		return 0;
	}

	char *text = cJSON_PrintUnformatted(root);

	cJSON_Delete(root);
	if (text != NULL) {
		/* The caller publishes the string; copying it out stands for that. */
		len = strlen(text);
		if (len < out_len) {
			memcpy(out, text, len + 1);
		} else {
			len = 0;
		}
		cJSON_free(text);
	}
	return len;
}

static char out_buf[256];

__attribute__((noinline)) size_t bench_run(unsigned long iterations)
{
	size_t total = 0;

	for (unsigned long i = 0; i < iterations; i++) {
		total += encode_sensor(out_buf, sizeof(out_buf));
		arena_reset();
	}
	return total;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s ITERATIONS [arena|malloc]\n", argv[0]);
		return 2;
	}
	bench_select_allocator(argc > 2 ? argv[2] : NULL);

	if (encode_sensor(out_buf, sizeof(out_buf)) == 0) {
		fprintf(stderr, "encode failed\n");
		return 1;
	}
	printf("%s\n", out_buf);
	arena_reset();

	size_t total = bench_run(strtoul(argv[1], NULL, 10));

	return total == 0 && strtoul(argv[1], NULL, 10) != 0;
}
