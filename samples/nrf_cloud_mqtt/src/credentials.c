/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * TLS credentials for the nRF Cloud connection. When the build found
 * certs/{ca-cert,client-cert,private-key}.pem (SAMPLE_HAS_CERTS), they are
 * compiled in and stored under CONFIG_NRF_CLOUD_SEC_TAG with
 * tls_credential_add(). Otherwise nothing is done: the credentials must
 * already be there (nRF91: in the modem; Linux: in the files of
 * CLOUDWIRE_TLS_CREDENTIALS_DIR).
 */

#include <errno.h>
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "credentials.h"

LOG_MODULE_DECLARE(nrf_cloud_mqtt_sample, LOG_LEVEL_INF);

#if defined(SAMPLE_HAS_CERTS)

#include <zephyr/net/tls_credentials.h>

/* PEM text; mbedTLS wants the terminating NUL counted in the length. */
static const unsigned char ca_cert[] = {
#include "ca-cert.pem.inc"
	0x00
};
static const unsigned char client_cert[] = {
#include "client-cert.pem.inc"
	0x00
};
static const unsigned char private_key[] = {
#include "private-key.pem.inc"
	0x00
};

static void credential_add(enum tls_credential_type type, const unsigned char *buf,
			   size_t len, const char *what)
{
	int err = tls_credential_add(CONFIG_NRF_CLOUD_SEC_TAG, type, buf, len);

	if (err == -EEXIST) {
		LOG_INF("%s already stored", what);
	} else if (err) {
		LOG_ERR("Storing %s failed: %d", what, err);
	}
}

void credentials_provision(void)
{
	credential_add(TLS_CREDENTIAL_CA_CERTIFICATE, ca_cert, sizeof(ca_cert), "CA certificate");
	credential_add(TLS_CREDENTIAL_PUBLIC_CERTIFICATE, client_cert, sizeof(client_cert),
		       "client certificate");
	credential_add(TLS_CREDENTIAL_PRIVATE_KEY, private_key, sizeof(private_key),
		       "private key");
	LOG_INF("Credentials stored under sec tag %d", CONFIG_NRF_CLOUD_SEC_TAG);
}

#else

void credentials_provision(void)
{
	LOG_INF("No credentials compiled in; using those already stored");
}

#endif /* SAMPLE_HAS_CERTS */
