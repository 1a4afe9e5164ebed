/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

#ifndef SAMPLE_CREDENTIALS_H_
#define SAMPLE_CREDENTIALS_H_

/* Registers the credentials compiled in from certs/, if there are any. */
void credentials_provision(void);

#endif /* SAMPLE_CREDENTIALS_H_ */
