/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file jscan.h
 * @brief Just enough JSON reading for the test support code: find a value by
 *        path in a document without building a tree, and decode strings.
 *
 * Deliberately independent of the library under test (and of cJSON), so the
 * tests do not check the library's JSON with the library's own parser.
 */

#ifndef JSCAN_H_
#define JSCAN_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A span of the input text: one whole JSON value. */
struct jscan_val {
	const char *ptr;
	size_t len;
};

/**
 * Finds the value at @p path: keys separated by '.', array elements by their
 * decimal index ("messages.0.topic"). An empty path is the whole document.
 * Returns 0, -ENOENT if absent, -EBADMSG if the text is not valid JSON.
 */
int jscan_get(const char *json, size_t len, const char *path, struct jscan_val *out);

/** Elements in an array value; -EINVAL if @p v is not an array. */
int jscan_array_len(struct jscan_val v);

/** True if @p v is the literal null. */
bool jscan_is_null(struct jscan_val v);

/**
 * Decodes a string value into @p out (NUL-terminated; bytes may include NUL
 * from \u0000). Returns the decoded length, -EINVAL if not a string,
 * -EMSGSIZE if it does not fit.
 */
int jscan_string(struct jscan_val v, char *out, size_t out_size);

/** Parses an integer value into @p out. 0, or -EINVAL. */
int jscan_int(struct jscan_val v, long long *out);

/** Decodes standard base64 from a string value. Returns length or -errno. */
int jscan_base64(struct jscan_val v, uint8_t *out, size_t out_size);

/** Shortcuts: jscan_get() + jscan_string()/jscan_int(). */
int jscan_get_string(const char *json, size_t len, const char *path, char *out, size_t out_size);
int jscan_get_int(const char *json, size_t len, const char *path, long long *out);

#ifdef __cplusplus
}
#endif

#endif /* JSCAN_H_ */
