/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Minimal HTTP/1.1 client: "Connection: close", Content-Length or chunked
 * bodies. BSD sockets on a host, zsock_* on Zephyr.
 */

#ifndef __ZEPHYR__
#define _POSIX_C_SOURCE 200809L
#endif

#include "cw_http.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __ZEPHYR__
#include <zephyr/net/socket.h>
#define http_socket   zsock_socket
#define http_connect  zsock_connect
#define http_send     zsock_send
#define http_recv     zsock_recv
#define http_close    zsock_close
#define http_pton     zsock_inet_pton
#define http_setsockopt zsock_setsockopt
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#define http_socket   socket
#define http_connect  connect
#define http_send     send
#define http_recv     recv
#define http_close    close
#define http_pton     inet_pton
#define http_setsockopt setsockopt
#endif

/* Raw response (headers + body) of one request. */
#ifndef CW_HTTP_RAW_MAX
#ifdef __ZEPHYR__
#define CW_HTTP_RAW_MAX 4096
#else
#define CW_HTTP_RAW_MAX (256 * 1024)
#endif
#endif

#define CW_HTTP_TIMEOUT_S 10

static char raw[CW_HTTP_RAW_MAX];

static int open_conn(const char *addr)
{
	char host[64];
	const char *colon = strrchr(addr, ':');
	struct sockaddr_in sa;
	struct timeval tv = { .tv_sec = CW_HTTP_TIMEOUT_S };
	size_t hl;
	int fd;

	if (colon == NULL || (size_t)(colon - addr) >= sizeof(host)) {
		return -EINVAL;
	}
	hl = (size_t)(colon - addr);
	memcpy(host, addr, hl);
	host[hl] = '\0';

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)atoi(colon + 1));
	if (http_pton(AF_INET, host, &sa.sin_addr) != 1) {
		return -EINVAL;
	}

	fd = http_socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	if (fd < 0) {
		return -errno;
	}
	(void)http_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	(void)http_setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (http_connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		int err = -errno;

		http_close(fd);
		return err;
	}
	return fd;
}

static int send_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = http_send(fd, buf, len, 0);

		if (n <= 0) {
			return n == 0 ? -EPIPE : -errno;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Case-insensitive search for a header line "name: value" in the head. */
static const char *header_value(const char *head, size_t head_len, const char *name)
{
	size_t nl = strlen(name);

	for (size_t i = 0; i + nl + 1 < head_len; i++) {
		if ((i == 0 || head[i - 1] == '\n') && head[i + nl] == ':') {
			size_t k = 0;

			while (k < nl && (head[i + k] | 0x20) == (name[k] | 0x20)) {
				k++;
			}
			if (k == nl) {
				const char *v = &head[i + nl + 1];

				while (*v == ' ') {
					v++;
				}
				return v;
			}
		}
	}
	return NULL;
}

/* True once raw[0, got) holds the headers and the whole Content-Length body,
 * so that the reply is not waited for until the server closes (some socket
 * layers report the close late).
 */
static bool response_complete(size_t got)
{
	const char *end;
	const char *v;

	raw[got] = '\0';
	end = strstr(raw, "\r\n\r\n");
	if (end == NULL) {
		return false;
	}
	v = header_value(raw, (size_t)(end - raw), "Content-Length");
	return v != NULL && got >= (size_t)(end + 4 - raw) + (size_t)atol(v);
}

/* Decodes a chunked body in place; returns its length or -EBADMSG. */
static long dechunk(char *body, size_t len)
{
	size_t in = 0;
	size_t out = 0;

	for (;;) {
		char *end;
		unsigned long size = strtoul(&body[in], &end, 16);
		char *line_end = strstr(&body[in], "\r\n");

		if (end == &body[in] || line_end == NULL) {
			return -EBADMSG;
		}
		in = (size_t)(line_end - body) + 2;
		if (size == 0) {
			return (long)out;
		}
		if (in + size > len) {
			return -EBADMSG;
		}
		memmove(&body[out], &body[in], size);
		out += size;
		in += size + 2;
		if (in > len) {
			return -EBADMSG;
		}
	}
}

int cw_http_request(const char *addr, const char *method, const char *path, const char *body,
		    size_t body_len, char *resp, size_t resp_size, size_t *resp_len)
{
	char head[512];
	size_t got = 0;
	int status;
	int fd;
	int err;
	int n;
	char *body_start;
	const char *v;
	long blen;

	if (resp == NULL || resp_size == 0) {
		return -EINVAL;
	}
	resp[0] = '\0';
	if (resp_len != NULL) {
		*resp_len = 0;
	}

	n = snprintf(head, sizeof(head),
		     "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n"
		     "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
		     method, path, addr, body != NULL ? body_len : 0);
	if (n < 0 || (size_t)n >= sizeof(head)) {
		return -EINVAL;
	}

	fd = open_conn(addr);
	if (fd < 0) {
		return fd;
	}
	err = send_all(fd, head, (size_t)n);
	if (err == 0 && body != NULL && body_len > 0) {
		err = send_all(fd, body, body_len);
	}
	while (err == 0 && !response_complete(got)) {
		ssize_t r;

		if (got >= sizeof(raw) - 1) {
			err = -EMSGSIZE;
			break;
		}
		r = http_recv(fd, &raw[got], sizeof(raw) - 1 - got, 0);
		if (r < 0) {
			err = -errno;
		} else if (r == 0) {
			break;
		} else {
			got += (size_t)r;
		}
	}
	http_close(fd);
	if (err != 0) {
		return err;
	}
	raw[got] = '\0';

	if (sscanf(raw, "HTTP/1.%*d %d", &status) != 1) {
		return -EBADMSG;
	}
	body_start = strstr(raw, "\r\n\r\n");
	if (body_start == NULL) {
		return -EBADMSG;
	}
	body_start += 4;
	blen = (long)(got - (size_t)(body_start - raw));

	v = header_value(raw, (size_t)(body_start - raw), "Transfer-Encoding");
	if (v != NULL && strncmp(v, "chunked", 7) == 0) {
		blen = dechunk(body_start, (size_t)blen);
		if (blen < 0) {
			return (int)blen;
		}
	} else {
		v = header_value(raw, (size_t)(body_start - raw), "Content-Length");
		if (v != NULL && atol(v) < blen) {
			blen = atol(v);
		}
	}
	if ((size_t)blen >= resp_size) {
		return -EMSGSIZE;
	}
	memcpy(resp, body_start, (size_t)blen);
	resp[blen] = '\0';
	if (resp_len != NULL) {
		*resp_len = (size_t)blen;
	}
	return status;
}
