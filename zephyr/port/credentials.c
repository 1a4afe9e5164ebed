/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Whether a credential is stored under a security tag: in the nRF91 modem
 * (NCS's modem_key_mgmt) when credentials are managed there, otherwise in
 * Zephyr's TLS credential store.
 */

#include <errno.h>
#include <zephyr/kernel.h>
#include <cloudwire/port.h>

#if defined(CONFIG_NRF_CLOUD_CREDENTIALS_MGMT_MODEM) && defined(CONFIG_MODEM_KEY_MGMT)
#define USE_MODEM_KEY_MGMT 1
#include <modem/modem_key_mgmt.h>
#elif defined(CONFIG_TLS_CREDENTIALS)
#define USE_TLS_CREDENTIALS 1
#include <zephyr/net/tls_credentials.h>
#endif

#if defined(USE_MODEM_KEY_MGMT)

int cw_port_credential_exists(int32_t sec_tag, uint8_t kind, size_t *size_out)
{
	enum modem_key_mgmt_cred_type type;
	bool exists = false;
	int err;

	switch (kind) {
	case CW_CRED_CA_CERT:
		type = MODEM_KEY_MGMT_CRED_TYPE_CA_CHAIN;
		break;
	case CW_CRED_CLIENT_CERT:
		type = MODEM_KEY_MGMT_CRED_TYPE_PUBLIC_CERT;
		break;
	case CW_CRED_PRIVATE_KEY:
		type = MODEM_KEY_MGMT_CRED_TYPE_PRIVATE_CERT;
		break;
	default:
		return -EINVAL;
	}
	if (size_out != NULL) {
		/* The modem does not tell sizes without reading the credential. */
		*size_out = 0;
	}
	err = modem_key_mgmt_exists((nrf_sec_tag_t)sec_tag, type, &exists);
	if (err) {
		return err < 0 ? err : -EIO;
	}
	return exists ? 1 : 0;
}

#elif defined(USE_TLS_CREDENTIALS)

int cw_port_credential_exists(int32_t sec_tag, uint8_t kind, size_t *size_out)
{
	enum tls_credential_type type;
	size_t len = 0;
	int err;

	switch (kind) {
	case CW_CRED_CA_CERT:
		type = TLS_CREDENTIAL_CA_CERTIFICATE;
		break;
	case CW_CRED_CLIENT_CERT:
		type = TLS_CREDENTIAL_PUBLIC_CERTIFICATE;
		break;
	case CW_CRED_PRIVATE_KEY:
		type = TLS_CREDENTIAL_PRIVATE_KEY;
		break;
	default:
		return -EINVAL;
	}
	if (size_out != NULL) {
		*size_out = 0;
	}
	/* A zero-length buffer asks only for the size: -EFBIG means it exists. */
	err = tls_credential_get((sec_tag_t)sec_tag, type, NULL, &len);
	if (err == -ENOENT) {
		return 0;
	}
	if (err != 0 && err != -EFBIG) {
		return err;
	}
	if (size_out != NULL) {
		*size_out = len;
	}
	return 1;
}

#else

int cw_port_credential_exists(int32_t sec_tag, uint8_t kind, size_t *size_out)
{
	ARG_UNUSED(sec_tag);
	ARG_UNUSED(kind);
	if (size_out != NULL) {
		*size_out = 0;
	}
	return -ENOTSUP;
}

#endif
