/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* The comparison checks: print both sides readably, then fail. */

#include "cw_test.h"

#include <stdio.h>
#include <string.h>

/* Writes @p data as a C-like string literal: printable ASCII as is, the rest
 * as \xNN, so that payload differences are visible in the log.
 */
static void escape(char *out, size_t out_len, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t o = 0;

	if (out_len == 0) {
		return;
	}
	for (size_t i = 0; i < len && o + 5 < out_len; i++) {
		if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '\\') {
			out[o++] = (char)p[i];
		} else {
			o += (size_t)snprintf(&out[o], out_len - o, "\\x%02x", p[i]);
		}
	}
	if (o + 5 >= out_len) {
		out[o++] = '.';
		out[o++] = '.';
		out[o++] = '.';
	}
	out[o] = '\0';
}

void cw_check_int(long long actual, long long expected, const char *what, const char *file,
		  int line)
{
	if (actual != expected) {
		cw_test_fail(file, line, "%s: got %lld, expected %lld", what, actual, expected);
	}
}

void cw_check_mem(const void *actual, size_t actual_len, const void *expected,
		  size_t expected_len, const char *what, const char *file, int line)
{
	static char got[1200];
	static char want[1200];
	size_t at = 0;

	if (actual_len == expected_len &&
	    (expected_len == 0 || memcmp(actual, expected, expected_len) == 0)) {
		return;
	}
	if (actual == NULL && actual_len != 0) {
		cw_test_fail(file, line, "%s: got NULL with length %zu", what, actual_len);
	}
	while (at < actual_len && at < expected_len &&
	       ((const unsigned char *)actual)[at] == ((const unsigned char *)expected)[at]) {
		at++;
	}
	escape(got, sizeof(got), actual, actual_len);
	escape(want, sizeof(want), expected, expected_len);
	cw_test_fail(file, line,
		     "%s: bytes differ at offset %zu (got %zu bytes, expected %zu)\n"
		     "  got:      \"%s\"\n  expected: \"%s\"",
		     what, at, actual_len, expected_len, got, want);
}

void cw_check_str(const char *actual, const char *expected, const char *what, const char *file,
		  int line)
{
	if (actual == NULL) {
		cw_test_fail(file, line, "%s: got NULL, expected \"%s\"", what, expected);
	}
	cw_check_mem(actual, strlen(actual), expected, strlen(expected), what, file, line);
}
