/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Installs the conformance suite's TLS credentials with tls_credential_add().
 * cw_test_certs.h is generated at build time from the PEM files in
 * CW_TEST_CERTS_DIR (see tests/nrf_cloud/conformance/CMakeLists.txt); each
 * array is the file's bytes plus a NUL, as mbedTLS wants for PEM.
 */

#include "cw_tags.h"

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <zephyr/net/tls_credentials.h>
#include <zephyr/sys/printk.h>

#include "cw_test_certs.h"

static void add(sec_tag_t tag, enum tls_credential_type type, const void *cred, size_t len)
{
	int err = tls_credential_add(tag, type, cred, len);

	if (err != 0 && err != -EEXIST) {
		printk("tls_credential_add(%d, %d) failed: %d\n", tag, type, err);
	}
}

void cw_tags_install(void)
{
	static bool done;

	if (done) {
		return;
	}
	done = true;

	add(CW_TAG_GOOD, TLS_CREDENTIAL_CA_CERTIFICATE, cw_cert_ca, sizeof(cw_cert_ca));
	add(CW_TAG_GOOD, TLS_CREDENTIAL_PUBLIC_CERTIFICATE, cw_cert_client, sizeof(cw_cert_client));
	add(CW_TAG_GOOD, TLS_CREDENTIAL_PRIVATE_KEY, cw_cert_key, sizeof(cw_cert_key));

	add(CW_TAG_WRONG_CA, TLS_CREDENTIAL_CA_CERTIFICATE, cw_cert_other_ca,
	    sizeof(cw_cert_other_ca));
	add(CW_TAG_WRONG_CA, TLS_CREDENTIAL_PUBLIC_CERTIFICATE, cw_cert_client,
	    sizeof(cw_cert_client));
	add(CW_TAG_WRONG_CA, TLS_CREDENTIAL_PRIVATE_KEY, cw_cert_key, sizeof(cw_cert_key));

	add(CW_TAG_WRONG_CLIENT_CERT, TLS_CREDENTIAL_CA_CERTIFICATE, cw_cert_ca,
	    sizeof(cw_cert_ca));
	add(CW_TAG_WRONG_CLIENT_CERT, TLS_CREDENTIAL_PUBLIC_CERTIFICATE, cw_cert_rogue_client,
	    sizeof(cw_cert_rogue_client));
	add(CW_TAG_WRONG_CLIENT_CERT, TLS_CREDENTIAL_PRIVATE_KEY, cw_cert_rogue_key,
	    sizeof(cw_cert_rogue_key));
}
