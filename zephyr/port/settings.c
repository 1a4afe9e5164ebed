/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Persistent values (e.g. "nrf_cloud/p_sesh") in Zephyr settings. */

#include <errno.h>
#include <string.h>
#include <zephyr/kernel.h>
#include <cloudwire/port.h>

#if defined(CONFIG_SETTINGS)

#include <zephyr/settings/settings.h>

struct load_request {
	void *buf;
	size_t len;
	int result;
};

/* Called for the key and for keys below it; only the key itself counts. */
static int load_one(const char *rest, size_t len, settings_read_cb read_cb,
		    void *cb_arg, void *param)
{
	struct load_request *req = param;
	ssize_t n;

	if (rest != NULL) {
		return 0;
	}
	if (len == 0) {
		/* A deleted value. */
		req->result = -ENOENT;
		return 0;
	}
	n = read_cb(cb_arg, req->buf, MIN(len, req->len));
	req->result = (int)n;
	return 0;
}

/* Checks the arguments, then initialises settings once (later calls return at once). */
static __noinline int settings_ready(const char *key, const void *buf, size_t len)
{
	if (key == NULL || (buf == NULL && len > 0)) {
		return -EINVAL;
	}
	return settings_subsys_init();
}

int cw_port_settings_load(const char *key, void *buf, size_t len)
{
	struct load_request req = { .buf = buf, .len = len, .result = -ENOENT };
	int err;

	err = settings_ready(key, buf, len);
	if (err == 0) {
		err = settings_load_subtree_direct(key, load_one, &req);
	}
	return err ? err : req.result;
}

int cw_port_settings_save(const char *key, const void *buf, size_t len)
{
	int err;

	err = settings_ready(key, buf, len);
	return err ? err : settings_save_one(key, buf, len);
}

#else /* !CONFIG_SETTINGS */

int cw_port_settings_load(const char *key, void *buf, size_t len)
{
	ARG_UNUSED(key);
	ARG_UNUSED(buf);
	ARG_UNUSED(len);
	return -ENOTSUP;
}

int cw_port_settings_save(const char *key, const void *buf, size_t len)
{
	ARG_UNUSED(key);
	ARG_UNUSED(buf);
	ARG_UNUSED(len);
	return -ENOTSUP;
}

#endif /* CONFIG_SETTINGS */
