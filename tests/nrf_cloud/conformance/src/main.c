/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* Zephyr glue of the conformance suite: all scenarios share one boot, so each
 * starts with the credentials installed and the saved settings forgotten.
 */

#include "cw_tags.h"
#include "lb_settings.h"
#include "scn.h"

void scn_fresh_device(void)
{
	cw_tags_install();
	lb_settings_clear();
}
