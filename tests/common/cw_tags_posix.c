/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* On a host the sec tags are directories that scripts/test prepares. */

#include "cw_tags.h"

void cw_tags_install(void)
{
}
