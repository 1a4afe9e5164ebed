/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/* cw_test.h on Zephyr: failures and skips go to ztest. */

#include "cw_test.h"

#include <stdarg.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/printk.h>
#include <zephyr/ztest.h>

/* Optional: the event recorder prints what it recorded when a check fails. */
void cw_test_dump_hook(void) __attribute__((weak));

void cw_test_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printk("  ");
	vprintk(fmt, ap);
	printk("\n");
	va_end(ap);
}

void cw_test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printk("  %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	if (cw_test_dump_hook != NULL) {
		cw_test_dump_hook();
	}
	ztest_test_fail();
	/* ztest ends the test thread above; never continue the scenario. */
	k_thread_abort(k_current_get());
	CODE_UNREACHABLE;
}

void cw_test_skip(const char *reason)
{
	printk("  skipped: %s\n", reason);
	ztest_test_skip();
	k_thread_abort(k_current_get());
	CODE_UNREACHABLE;
}
