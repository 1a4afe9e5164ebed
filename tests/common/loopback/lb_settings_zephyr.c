/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * A settings back-end in RAM (CONFIG_SETTINGS_CUSTOM) for the offline suite:
 * the port's real settings code runs on top of it, on any board, and a test
 * can forget everything between scenarios as if the flash had been erased.
 */

#include "lb_settings.h"

#include <cloudwire/port.h>

#include <errno.h>
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/settings/settings.h>

#define RAM_SETTINGS_MAX 8
#define RAM_KEY_MAX 48
#define RAM_VALUE_MAX 64

struct ram_entry {
	char key[RAM_KEY_MAX];
	uint8_t value[RAM_VALUE_MAX];
	size_t len;
	bool used;
};

static struct ram_entry entries[RAM_SETTINGS_MAX];

struct read_arg {
	const struct ram_entry *e;
};

static ssize_t ram_read(void *cb_arg, void *data, size_t len)
{
	const struct read_arg *a = cb_arg;
	size_t n = MIN(len, a->e->len);

	memcpy(data, a->e->value, n);
	return (ssize_t)n;
}

static int ram_load(struct settings_store *cs, const struct settings_load_arg *arg)
{
	ARG_UNUSED(cs);
	for (int i = 0; i < RAM_SETTINGS_MAX; i++) {
		struct read_arg a = { .e = &entries[i] };

		if (entries[i].used) {
			(void)settings_call_set_handler(entries[i].key, entries[i].len, ram_read,
							&a, arg);
		}
	}
	return 0;
}

static struct ram_entry *find(const char *name)
{
	for (int i = 0; i < RAM_SETTINGS_MAX; i++) {
		if (entries[i].used && strcmp(entries[i].key, name) == 0) {
			return &entries[i];
		}
	}
	return NULL;
}

static int ram_save(struct settings_store *cs, const char *name, const char *value,
		    size_t val_len)
{
	struct ram_entry *e = find(name);

	ARG_UNUSED(cs);
	if (val_len == 0) {
		/* Deleting. */
		if (e != NULL) {
			e->used = false;
		}
		return 0;
	}
	if (strlen(name) >= RAM_KEY_MAX || val_len > RAM_VALUE_MAX) {
		return -ENOMEM;
	}
	for (int i = 0; e == NULL && i < RAM_SETTINGS_MAX; i++) {
		if (!entries[i].used) {
			e = &entries[i];
			e->used = true;
			strcpy(e->key, name);
		}
	}
	if (e == NULL) {
		return -ENOMEM;
	}
	memcpy(e->value, value, val_len);
	e->len = val_len;
	return 0;
}

static const struct settings_store_itf ram_itf = {
	.csi_load = ram_load,
	.csi_save = ram_save,
};

static struct settings_store ram_store = {
	.cs_itf = &ram_itf,
};

/* Called by settings_subsys_init() with CONFIG_SETTINGS_CUSTOM. */
int settings_backend_init(void)
{
	settings_dst_register(&ram_store);
	settings_src_register(&ram_store);
	return 0;
}

int lb_settings_read(const char *key, void *buf, size_t len)
{
	return cw_port_settings_load(key, buf, len);
}

void lb_settings_clear(void)
{
	memset(entries, 0, sizeof(entries));
}
