/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Device identity: IMEI, modem firmware, UUID and JWT from the nRF91 modem
 * (NCS's modem library, CONFIG_NRF_MODEM_LIB), the chip ID from hwinfo.
 * Each returns 0 with a NUL-terminated string in buf, or -errno; -ENOTSUP
 * where the build has no such source.
 */

#include <errno.h>
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/util.h>
#include <cloudwire/port.h>

#if defined(CONFIG_NRF_MODEM_LIB)
#include <nrf_modem_at.h>
#endif
#if defined(CONFIG_MODEM_JWT)
#include <modem/modem_jwt.h>
#endif
#if defined(CONFIG_HWINFO)
#include <zephyr/drivers/hwinfo.h>
#endif

/* One body for every source this build lacks: the stubs below alias it. */
static __unused int not_supported(char *buf, size_t len)
{
	ARG_UNUSED(buf);
	ARG_UNUSED(len);
	return -ENOTSUP;
}

#if defined(CONFIG_NRF_MODEM_LIB)
/* Runs an AT command whose answer is one line followed by "OK". */
static int modem_query(const char *cmd, char *buf, size_t len)
{
	char *end;
	int err;

	if (buf == NULL || len == 0) {
		return -EINVAL;
	}
	err = nrf_modem_at_cmd(buf, len, "%s", cmd);
	if (err < 0) {
		return err;
	}
	if (err > 0) {
		/* The modem answered ERROR or +CME/+CMS ERROR. */
		return -EIO;
	}
	end = strstr(buf, "\r\n");
	if (end != NULL) {
		*end = '\0';
	}
	return 0;
}

int cw_port_modem_imei(char *buf, size_t len)
{
	return modem_query("AT+CGSN", buf, len);
}

int cw_port_modem_fw(char *buf, size_t len)
{
	return modem_query("AT+CGMR", buf, len);
}
#else
int cw_port_modem_imei(char *buf, size_t len) ALIAS_OF(not_supported);
int cw_port_modem_fw(char *buf, size_t len) ALIAS_OF(not_supported);
#endif

#if defined(CONFIG_MODEM_JWT)
int cw_port_modem_uuid(char *buf, size_t len)
{
	struct nrf_device_uuid dev;
	int err;

	if (buf == NULL) {
		return -EINVAL;
	}
	if (len <= NRF_DEVICE_UUID_STR_LEN) {
		return -ENOMEM;
	}
	err = modem_jwt_get_uuids(&dev, NULL);
	if (err) {
		return err < 0 ? err : -EIO;
	}
	memcpy(buf, dev.str, NRF_DEVICE_UUID_STR_LEN);
	buf[NRF_DEVICE_UUID_STR_LEN] = '\0';
	return 0;
}
#else
int cw_port_modem_uuid(char *buf, size_t len) ALIAS_OF(not_supported);
#endif

int cw_port_jwt_generate(int32_t sec_tag, const char *subject, uint32_t valid_s,
			 char *buf, size_t len)
{
#if defined(CONFIG_MODEM_JWT)
	struct jwt_data jwt = {
		.sec_tag = (unsigned int)sec_tag,
		.key = JWT_KEY_TYPE_CLIENT_PRIV,
		.alg = JWT_ALG_TYPE_ES256,
		.exp_delta_s = valid_s,
		.subject = subject,
		.audience = NULL,
		.jwt_buf = buf,
		.jwt_sz = len,
	};
	int err;

	if (buf == NULL || len == 0) {
		return -EINVAL;
	}
	err = modem_jwt_generate(&jwt);
	return err < 0 ? err : (err > 0 ? -EIO : 0);
#else
	ARG_UNUSED(sec_tag);
	ARG_UNUSED(subject);
	ARG_UNUSED(valid_s);
	ARG_UNUSED(buf);
	ARG_UNUSED(len);
	return -ENOTSUP;
#endif
}

#if defined(CONFIG_HWINFO)
int cw_port_hw_id(char *buf, size_t len)
{
	/* Upper-case hex of the device ID bytes, as NCS's hw_id library. */
	uint8_t id[16];
	ssize_t n;

	if (buf == NULL) {
		return -EINVAL;
	}
	n = hwinfo_get_device_id(id, sizeof(id));
	if (n < 0) {
		return (int)n;
	}
	if (n == 0) {
		return -ENODATA;
	}
	if (len < (size_t)n * 2 + 1) {
		return -ENOMEM;
	}
	for (ssize_t i = 0; i < 2 * n; i++) {
		/* High nibble first. */
		uint8_t d = (id[i / 2] >> ((i & 1) ? 0 : 4)) & 0x0f;

		buf[i] = (char)(d < 10 ? '0' + d : 'A' - 10 + d);
	}
	buf[2 * n] = '\0';
	return 0;
}
#else
int cw_port_hw_id(char *buf, size_t len) ALIAS_OF(not_supported);
#endif
