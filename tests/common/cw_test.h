/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file cw_test.h
 * @brief Scenario definition and checks shared by the host runner and ztest.
 *
 * A scenario is written once:
 *
 *     CW_SCENARIO(nrf_cloud_conformance, send_data)
 *     {
 *             CW_CHECK_INT(nrf_cloud_sensor_data_send(&d), 0, "send");
 *     }
 *
 * Under Zephyr it becomes a ZTEST() and a failed check ends the test through
 * ztest_test_fail(). On a host, tests/common/cw_test_host.c is the runner: it
 * runs the scenarios named on its command line, prints one PASS/FAIL line per
 * scenario and ends with "N passed, M failed".
 *
 * Checks may only be used on the scenario's own thread; event handlers and
 * helper threads record what they saw and the scenario checks it afterwards.
 */

#ifndef CW_TEST_H_
#define CW_TEST_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __ZEPHYR__
#include <zephyr/ztest.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- failing and skipping ------------------------------------------------ */

/** Prints "file:line: message" and ends the running scenario as failed. */
void cw_test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), noreturn));

/** Ends the running scenario as skipped (prints the reason). */
void cw_test_skip(const char *reason) __attribute__((noreturn));

/** Informational line in the scenario's output. */
void cw_test_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Helpers behind the check macros; each fails the scenario on a mismatch. */
void cw_check_int(long long actual, long long expected, const char *what,
		  const char *file, int line);
void cw_check_mem(const void *actual, size_t actual_len, const void *expected,
		  size_t expected_len, const char *what, const char *file, int line);
void cw_check_str(const char *actual, const char *expected, const char *what,
		  const char *file, int line);

#define CW_CHECK(cond, ...)                                                                        \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			cw_test_fail(__FILE__, __LINE__, __VA_ARGS__);                             \
		}                                                                                  \
	} while (0)

#define CW_CHECK_INT(actual, expected, what)                                                       \
	cw_check_int((long long)(actual), (long long)(expected), (what), __FILE__, __LINE__)

#define CW_CHECK_MEM(actual, actual_len, expected, expected_len, what)                             \
	cw_check_mem((actual), (actual_len), (expected), (expected_len), (what), __FILE__,          \
		     __LINE__)

#define CW_CHECK_STR(actual, expected, what)                                                       \
	cw_check_str((actual), (expected), (what), __FILE__, __LINE__)

/* ---- scenario registration --------------------------------------------- */

typedef void (*cw_scenario_fn)(void);

#ifdef __ZEPHYR__

#define CW_SCENARIO(suite, name) ZTEST(suite, name)

/** Before/after hooks of a suite (each may be NULL). */
#define CW_SUITE(suite, before_fn, after_fn)                                                       \
	static void cw_suite_before_##suite(void *fixture)                                         \
	{                                                                                          \
		ARG_UNUSED(fixture);                                                               \
		cw_scenario_fn fn = (before_fn);                                                   \
		if (fn != NULL) {                                                                  \
			fn();                                                                      \
		}                                                                                  \
	}                                                                                          \
	static void cw_suite_after_##suite(void *fixture)                                          \
	{                                                                                          \
		ARG_UNUSED(fixture);                                                               \
		cw_scenario_fn fn = (after_fn);                                                    \
		if (fn != NULL) {                                                                  \
			fn();                                                                      \
		}                                                                                  \
	}                                                                                          \
	ZTEST_SUITE(suite, NULL, NULL, cw_suite_before_##suite, cw_suite_after_##suite, NULL)

#else /* host */

void cw_test_register(const char *suite, const char *name, cw_scenario_fn fn);
void cw_test_register_suite(const char *suite, cw_scenario_fn before, cw_scenario_fn after);

#define CW_SCENARIO(suite, name)                                                                   \
	static void cw_scn_##suite##_##name(void);                                                 \
	__attribute__((constructor)) static void cw_reg_##suite##_##name(void)                     \
	{                                                                                          \
		cw_test_register(#suite, #name, cw_scn_##suite##_##name);                          \
	}                                                                                          \
	static void cw_scn_##suite##_##name(void)

#define CW_SUITE(suite, before_fn, after_fn)                                                       \
	__attribute__((constructor)) static void cw_reg_suite_##suite(void)                        \
	{                                                                                          \
		cw_test_register_suite(#suite, (before_fn), (after_fn));                           \
	}

#endif /* __ZEPHYR__ */

#ifdef __cplusplus
}
#endif

#endif /* CW_TEST_H_ */
