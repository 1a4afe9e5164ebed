/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file tls_credentials.h
 * @brief Host-only stand-in for Zephyr's <zephyr/net/tls_credentials.h>.
 *
 * Declares sec_tag_t, enum tls_credential_type and the credential store
 * functions with Zephyr's names, values and signatures. On the host they are
 * implemented by the host port (rust/host), so host applications provision
 * credentials exactly as Zephyr applications do.
 */

#ifndef ZEPHYR_INCLUDE_NET_TLS_CREDENTIALS_H_
#define ZEPHYR_INCLUDE_NET_TLS_CREDENTIALS_H_

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Kinds of credential the store holds (values as Zephyr's). */
enum tls_credential_type {
	/** Unspecified. */
	TLS_CREDENTIAL_NONE,
	/** Trusted CA certificate (PEM or DER). */
	TLS_CREDENTIAL_CA_CERTIFICATE,
	/** The device's own certificate (PEM or DER). */
	TLS_CREDENTIAL_PUBLIC_CERTIFICATE,
	/** Older name of TLS_CREDENTIAL_PUBLIC_CERTIFICATE. */
	TLS_CREDENTIAL_SERVER_CERTIFICATE = TLS_CREDENTIAL_PUBLIC_CERTIFICATE,
	/** The device's private key (PEM or DER). */
	TLS_CREDENTIAL_PRIVATE_KEY,
	/** Pre-shared key. */
	TLS_CREDENTIAL_PSK,
	/** Pre-shared key identity. */
	TLS_CREDENTIAL_PSK_ID
};

/** Security tag: the number a set of credentials is stored under. */
typedef int sec_tag_t;

/**
 * @brief Store a credential under a tag.
 *
 * The buffer is referenced, not copied, and must stay valid while the
 * credential is in use (as on Zephyr).
 *
 * @retval 0 Stored.
 * @retval -EACCES Access to the credential store was denied.
 * @retval -ENOMEM No room for another credential.
 * @retval -EEXIST A credential of this tag and type is already stored.
 */
int tls_credential_add(sec_tag_t tag, enum tls_credential_type type,
		       const void *cred, size_t credlen);

/**
 * @brief Read a credential.
 *
 * @retval 0 Copied; *credlen holds its length.
 * @retval -EACCES Access to the credential store was denied.
 * @retval -ENOENT No such credential.
 * @retval -EFBIG Buffer too small; *credlen holds the length needed.
 */
int tls_credential_get(sec_tag_t tag, enum tls_credential_type type,
		       void *cred, size_t *credlen);

/**
 * @brief Remove a credential.
 *
 * @retval 0 Removed.
 * @retval -EACCES Access to the credential store was denied.
 * @retval -ENOENT No such credential.
 */
int tls_credential_delete(sec_tag_t tag, enum tls_credential_type type);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_NET_TLS_CREDENTIALS_H_ */
