/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file cw_http.h
 * @brief A minimal HTTP/1.1 client (one request per connection, plain TCP to
 *        an IPv4 address) for talking to the emulator's control API.
 */

#ifndef CW_HTTP_H_
#define CW_HTTP_H_

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Sends one request and reads the whole response.
 *
 * @param addr      "a.b.c.d:port"
 * @param method    "GET", "POST", ...
 * @param path      request target, e.g. "/v1/devices"
 * @param body      request body (sent as application/json) or NULL
 * @param body_len  its length
 * @param resp      receives the response body, NUL-terminated
 * @param resp_size size of @p resp
 * @param resp_len  receives the body length (may be NULL)
 * @return the HTTP status code (e.g. 200), or a negative errno:
 *         -EINVAL bad address, -ECONNREFUSED etc. from the socket,
 *         -EMSGSIZE body did not fit, -EBADMSG malformed response.
 */
int cw_http_request(const char *addr, const char *method, const char *path, const char *body,
		    size_t body_len, char *resp, size_t resp_size, size_t *resp_len);

#ifdef __cplusplus
}
#endif

#endif /* CW_HTTP_H_ */
