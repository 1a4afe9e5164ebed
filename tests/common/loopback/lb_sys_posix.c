/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The non-MQTT part of <cloudwire/port.h> for the loopback build on a POSIX
 * host: configuration, errno, log, clock, the recursive lock, the poll-thread
 * signal, in-memory settings and identity stubs. On Zephyr the module's own
 * port provides these.
 */

#define _GNU_SOURCE /* PTHREAD_MUTEX_RECURSIVE */

#include "lb.h"
#include "lb_settings.h"

#include "cw_plat.h"

#include <cloudwire/capi.h>
#include <cloudwire/port.h>
#include <cloudwire/errno_table.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Mirrors tests/nrf_cloud/offline/prj.conf so both builds see the same values. */
static struct cw_nrf_cloud_config config = {
	.host_name = "mqtt.loopback.invalid",
	.static_ipv4_addr = NULL,
	.client_id = "cw-offline-1",
	.client_id_prefix = "nrf-",
	.connection_method = "Unknown",
	.payload_buffer_len = 2048,
	.message_buffer_len = 256,
	.sec_tag = 16842753,
	.port = 8883,
	.keepalive_s = 1200,
	.ua_wait_keepalive_s = 30,
	.client_id_src = CW_CLIENT_ID_SRC_COMPILE_TIME,
	.poll_thread = true,
	.persistent_sessions = true,
	.shadow_transforms = false,
	.send_conn_info = true,
	.print_details = true,
	.verbose_details = true,
	.ipv6_only = false,
	.static_ipv4 = false,
};

const struct cw_nrf_cloud_config *cw_port_nrf_cloud_config(void)
{
	config.client_id = cw_plat_param("CONFIG_NRF_CLOUD_CLIENT_ID", "cw-offline-1");
	return &config;
}

int cw_port_errno(enum cw_errno e)
{
	static const int map[CW_ERRNO_COUNT] = {
		CW_ERRNO_TABLE
	};

	return ((unsigned int)e < CW_ERRNO_COUNT && map[e] != 0) ? map[e] : EINVAL;
}

void cw_port_log(uint8_t level, const char *msg, size_t len)
{
	static const char *const names[] = { "", "ERR", "WRN", "INF", "DBG" };
	int max = atoi(cw_plat_param("CW_TEST_LOG_LEVEL", "2"));

	if (level <= max && level < 5) {
		fprintf(stderr, "[cloudwire %s] %.*s\n", names[level], (int)len, msg);
	}
}

int64_t cw_port_uptime_ms(void)
{
	return cw_plat_now_ms();
}

void cw_port_sleep_ms(int32_t ms)
{
	cw_plat_sleep_ms(ms);
}

/* ---- lock, signal, poll thread ------------------------------------------ */

static pthread_mutex_t core_lock;
static pthread_once_t core_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t sig_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sig_cond = PTHREAD_COND_INITIALIZER;
static bool sig_given[CW_CONN_COUNT];
static bool poll_started;

static void core_lock_init(void)
{
	pthread_mutexattr_t attr;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&core_lock, &attr);
	pthread_mutexattr_destroy(&attr);
}

void cw_port_lock(void)
{
	pthread_once(&core_once, core_lock_init);
	pthread_mutex_lock(&core_lock);
}

void cw_port_unlock(void)
{
	pthread_mutex_unlock(&core_lock);
}

static void *poll_main(void *arg)
{
	(void)arg;
	cw_nrf_cloud_poll_thread();
	return NULL;
}

void cw_port_signal_give(uint8_t conn)
{
	bool start = false;

	pthread_mutex_lock(&sig_mutex);
	if (conn < CW_CONN_COUNT) {
		sig_given[conn] = true;
	}
	if (!poll_started && config.poll_thread) {
		poll_started = true;
		start = true;
	}
	pthread_cond_broadcast(&sig_cond);
	pthread_mutex_unlock(&sig_mutex);

	if (start) {
		pthread_t t;

		if (pthread_create(&t, NULL, poll_main, NULL) == 0) {
			pthread_detach(t);
		}
	}
}

int cw_port_signal_take(uint8_t conn, int32_t timeout_ms)
{
	int64_t deadline = cw_plat_now_ms() + timeout_ms;
	int ret;

	if (conn >= CW_CONN_COUNT) {
		return -EINVAL;
	}
	pthread_mutex_lock(&sig_mutex);
	while (!sig_given[conn]) {
		if (timeout_ms < 0) {
			pthread_cond_wait(&sig_cond, &sig_mutex);
		} else {
			int64_t left = deadline - cw_plat_now_ms();
			struct timespec ts;

			if (left <= 0) {
				break;
			}
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += left / 1000;
			ts.tv_nsec += (left % 1000) * 1000000L;
			if (ts.tv_nsec >= 1000000000L) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&sig_cond, &sig_mutex, &ts);
		}
	}
	ret = sig_given[conn] ? 0 : -EAGAIN;
	sig_given[conn] = false;
	pthread_mutex_unlock(&sig_mutex);
	return ret;
}

/* ---- transmit buffer ------------------------------------------------------ */

/* The loopback hands incoming payloads over from its own storage, so the
 * whole payload buffer (and its NUL) is always free for outgoing ones.
 */
static uint8_t tx_buffers[CW_CONN_COUNT][2048 + 1];
static int tx_lent[CW_CONN_COUNT];

uint8_t *cw_port_tx_buffer(uint8_t conn, size_t *len)
{
	if (conn >= CW_CONN_COUNT) {
		if (len != NULL) {
			*len = 0;
		}
		return NULL;
	}
	/* port.h: the library never holds two at once. */
	if (tx_lent[conn]++ != 0) {
		fprintf(stderr, "loopback: tx buffer taken twice\n");
		abort();
	}
	if (len != NULL) {
		*len = sizeof(tx_buffers[conn]);
	}
	return tx_buffers[conn];
}

void cw_port_tx_buffer_release(uint8_t conn)
{
	if (conn < CW_CONN_COUNT) {
		tx_lent[conn]--;
	}
}

/* ---- settings (in memory, survive uninit/init within the process) ------- */

#define LB_SETTINGS_MAX 8

struct setting {
	char key[48];
	uint8_t value[64];
	size_t len;
	bool used;
};

static struct setting settings[LB_SETTINGS_MAX];
static pthread_mutex_t settings_mutex = PTHREAD_MUTEX_INITIALIZER;

static struct setting *find_setting(const char *key)
{
	for (int i = 0; i < LB_SETTINGS_MAX; i++) {
		if (settings[i].used && strcmp(settings[i].key, key) == 0) {
			return &settings[i];
		}
	}
	return NULL;
}

int cw_port_settings_load(const char *key, void *buf, size_t len)
{
	struct setting *s;
	int ret;

	pthread_mutex_lock(&settings_mutex);
	s = find_setting(key);
	if (s == NULL) {
		ret = -ENOENT;
	} else {
		size_t n = s->len < len ? s->len : len;

		memcpy(buf, s->value, n);
		ret = (int)n;
	}
	pthread_mutex_unlock(&settings_mutex);
	return ret;
}

int cw_port_settings_save(const char *key, const void *buf, size_t len)
{
	struct setting *s;
	int ret = 0;

	if (strlen(key) >= sizeof(settings[0].key) || len > sizeof(settings[0].value)) {
		return -ENOMEM;
	}
	pthread_mutex_lock(&settings_mutex);
	s = find_setting(key);
	for (int i = 0; s == NULL && i < LB_SETTINGS_MAX; i++) {
		if (!settings[i].used) {
			s = &settings[i];
			s->used = true;
			strcpy(s->key, key);
		}
	}
	if (s == NULL) {
		ret = -ENOMEM;
	} else {
		memcpy(s->value, buf, len);
		s->len = len;
	}
	pthread_mutex_unlock(&settings_mutex);
	return ret;
}

int lb_settings_read(const char *key, void *buf, size_t len)
{
	return cw_port_settings_load(key, buf, len);
}

void lb_settings_clear(void)
{
	pthread_mutex_lock(&settings_mutex);
	memset(settings, 0, sizeof(settings));
	pthread_mutex_unlock(&settings_mutex);
}

/* ---- identity and credentials: no modem here ---------------------------- */

int cw_port_modem_imei(char *buf, size_t len)
{
	(void)buf;
	(void)len;
	return -ENOTSUP;
}

int cw_port_modem_uuid(char *buf, size_t len)
{
	(void)buf;
	(void)len;
	return -ENOTSUP;
}

int cw_port_modem_fw(char *buf, size_t len)
{
	(void)buf;
	(void)len;
	return -ENOTSUP;
}

int cw_port_hw_id(char *buf, size_t len)
{
	(void)buf;
	(void)len;
	return -ENOTSUP;
}

int cw_port_jwt_generate(int32_t sec_tag, const char *subject, uint32_t valid_s, char *buf,
			 size_t len)
{
	(void)sec_tag;
	(void)subject;
	(void)valid_s;
	(void)buf;
	(void)len;
	return -ENOTSUP;
}

int cw_port_credential_exists(int32_t sec_tag, uint8_t kind, size_t *size_out)
{
	(void)sec_tag;
	(void)kind;
	if (size_out != NULL) {
		*size_out = 0;
	}
	return -ENOTSUP;
}
