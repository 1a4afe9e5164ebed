/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Host runner for scenarios written with cw_test.h.
 *
 *   runner --list             one "suite name" line per scenario
 *   runner --all              every scenario, in registration order
 *   runner NAME [NAME...]     the named scenarios ("name" or "suite.name")
 *
 * Prints "PASS suite.name (N ms)" or "FAIL suite.name: why" per scenario and
 * ends with "N passed, M failed"; exits 1 if anything failed. A scenario that
 * runs longer than CW_TEST_TIMEOUT_S (default 90) seconds is a failure (a
 * deadlock shows up this way) and ends the process.
 */

#define _POSIX_C_SOURCE 200809L

#include "cw_plat.h"
#include "cw_test.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_SCENARIOS 128
#define MAX_SUITES 8

struct scenario {
	const char *suite;
	const char *name;
	cw_scenario_fn fn;
};

struct suite {
	const char *name;
	cw_scenario_fn before;
	cw_scenario_fn after;
};

static struct scenario scenarios[MAX_SCENARIOS];
static size_t scenario_count;
static struct suite suites[MAX_SUITES];
static size_t suite_count;

static const struct scenario *running;
static sigjmp_buf fail_jmp;
static bool in_scenario;
static bool in_after;

/* Optional: the event recorder prints what it recorded when a check fails. */
void cw_test_dump_hook(void) __attribute__((weak));

void cw_test_register(const char *suite, const char *name, cw_scenario_fn fn)
{
	if (scenario_count >= MAX_SCENARIOS) {
		fprintf(stderr, "too many scenarios\n");
		exit(2);
	}
	scenarios[scenario_count++] = (struct scenario){ suite, name, fn };
}

void cw_test_register_suite(const char *suite, cw_scenario_fn before, cw_scenario_fn after)
{
	if (suite_count >= MAX_SUITES) {
		fprintf(stderr, "too many suites\n");
		exit(2);
	}
	suites[suite_count++] = (struct suite){ suite, before, after };
}

void cw_test_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("  ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	fflush(stdout);
}

void cw_test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("  %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (in_scenario && !in_after) {
		if (cw_test_dump_hook != NULL) {
			cw_test_dump_hook();
		}
		siglongjmp(fail_jmp, 1);
	}
	/* A failed check outside a scenario body (e.g. in cleanup) ends the run. */
	printf("FAIL %s.%s: check failed during cleanup\n", running ? running->suite : "?",
	       running ? running->name : "?");
	printf("0 passed, 1 failed\n");
	fflush(stdout);
	_exit(1);
}

void cw_test_skip(const char *reason)
{
	/* Nothing is optional on a host: a skip is reported as a failure. */
	cw_test_fail("(skip)", 0, "skipped: %s", reason);
}

static const struct suite *suite_of(const char *name)
{
	for (size_t i = 0; i < suite_count; i++) {
		if (strcmp(suites[i].name, name) == 0) {
			return &suites[i];
		}
	}
	return NULL;
}

static void on_alarm(int sig)
{
	static const char msg[] = "FAIL (timeout): scenario did not finish in time "
				  "(deadlock?)\n0 passed, 1 failed\n";

	(void)sig;
	(void)!write(STDOUT_FILENO, msg, sizeof(msg) - 1);
	_exit(1);
}

static bool run_one(const struct scenario *const s)
{
	const struct suite *volatile su = suite_of(s->suite);
	int64_t start = cw_plat_now_ms();
	volatile bool passed = true;

	running = s;
	printf("RUN  %s.%s\n", s->suite, s->name);
	fflush(stdout);
	alarm((unsigned int)atoi(cw_plat_param("CW_TEST_TIMEOUT_S", "90")));

	in_scenario = true;
	in_after = false;
	if (sigsetjmp(fail_jmp, 1) == 0) {
		if (su != NULL && su->before != NULL) {
			su->before();
		}
		s->fn();
	} else {
		passed = false;
	}
	in_after = true;
	if (su != NULL && su->after != NULL) {
		su->after();
	}
	in_scenario = false;
	alarm(0);

	if (passed) {
		printf("PASS %s.%s (%lld ms)\n", s->suite, s->name,
		       (long long)(cw_plat_now_ms() - start));
	} else {
		printf("FAIL %s.%s\n", s->suite, s->name);
	}
	fflush(stdout);
	return passed;
}

static const struct scenario *find(const char *arg)
{
	for (size_t i = 0; i < scenario_count; i++) {
		const struct scenario *s = &scenarios[i];
		size_t sl = strlen(s->suite);

		if (strcmp(arg, s->name) == 0 ||
		    (strncmp(arg, s->suite, sl) == 0 && arg[sl] == '.' &&
		     strcmp(&arg[sl + 1], s->name) == 0)) {
			return s;
		}
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int passed = 0;
	int failed = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGALRM, on_alarm);

	if (argc < 2) {
		fprintf(stderr, "usage: %s --list | --all | NAME...\n", argv[0]);
		return 2;
	}
	if (strcmp(argv[1], "--list") == 0) {
		for (size_t i = 0; i < scenario_count; i++) {
			printf("%s %s\n", scenarios[i].suite, scenarios[i].name);
		}
		return 0;
	}
	if (strcmp(argv[1], "--all") == 0) {
		for (size_t i = 0; i < scenario_count; i++) {
			if (run_one(&scenarios[i])) {
				passed++;
			} else {
				failed++;
			}
		}
	} else {
		for (int i = 1; i < argc; i++) {
			const struct scenario *s = find(argv[i]);

			if (s == NULL) {
				printf("FAIL %s: no such scenario\n", argv[i]);
				failed++;
			} else if (run_one(s)) {
				passed++;
			} else {
				failed++;
			}
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
