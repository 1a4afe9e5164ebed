/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file cw_tags.h
 * @brief The TLS sec tags the conformance scenarios use.
 *
 * On a host the credentials are files that scripts/test writes under
 * $CLOUDWIRE_TLS_CREDENTIALS_DIR/<tag>/ before the run, so installing is a
 * no-op. On Zephyr the PEM files are compiled in (see the conformance
 * suite's CMakeLists.txt) and cw_tags_install() adds them with
 * tls_credential_add().
 */

#ifndef CW_TAGS_H_
#define CW_TAGS_H_

#ifdef __cplusplus
extern "C" {
#endif

/** The device's real credentials (CONFIG_NRF_CLOUD_SEC_TAG's default). */
#define CW_TAG_GOOD 16842753
/** The device's key and certificate, but a CA that did not sign the broker. */
#define CW_TAG_WRONG_CA 16842901
/** The right CA, but a client certificate from a CA the broker does not trust. */
#define CW_TAG_WRONG_CLIENT_CERT 16842902

/** Makes the three tags available (idempotent). */
void cw_tags_install(void);

#ifdef __cplusplus
}
#endif

#endif /* CW_TAGS_H_ */
