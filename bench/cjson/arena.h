/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * cJSON allocator hooks for the instruction benchmark.
 *
 * NCS gives cJSON k_malloc/k_free (a sys_heap). The host's glibc malloc would
 * count as cJSON work and differs from Zephyr's heap, so the benchmark can
 * instead hand cJSON the cheapest allocator there is: a bump arena that is
 * reset after every operation and never frees. That is a lower bound on what
 * cJSON costs on a device, i.e. it favours cJSON in the comparison.
 */

#ifndef BENCH_ARENA_H_
#define BENCH_ARENA_H_

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

static unsigned char arena_mem[64 * 1024] __attribute__((aligned(16)));
static size_t arena_used;

static void *arena_alloc(size_t size)
{
	size_t start = (arena_used + 15u) & ~(size_t)15u;

	if (start + size > sizeof(arena_mem)) {
		return NULL;
	}
	arena_used = start + size;
	return &arena_mem[start];
}

static void arena_free(void *ptr)
{
	(void)ptr;
}

static void arena_reset(void)
{
	arena_used = 0;
}

/* "arena" selects the bump arena; anything else keeps libc malloc/free. */
static void bench_select_allocator(const char *name)
{
	if (name != NULL && strcmp(name, "arena") == 0) {
		cJSON_Hooks hooks = { .malloc_fn = arena_alloc, .free_fn = arena_free };

		cJSON_InitHooks(&hooks);
	}
}

#endif /* BENCH_ARENA_H_ */
