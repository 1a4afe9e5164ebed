/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file layout_check.h
 * @brief Compares the C layout of the public structs and enums with the one
 *        the Rust library was built with (CW_LAYOUT_NRF_CLOUD).
 */

#ifndef CLOUDWIRE_TESTS_LAYOUT_CHECK_H_
#define CLOUDWIRE_TESTS_LAYOUT_CHECK_H_

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Check every size and member offset against the Rust side.
 *
 * Prints one line per mismatch (name, C value, Rust value).
 *
 * @return The number of mismatches (0 = the layouts agree).
 */
int cw_layout_check(void);

#ifdef __cplusplus
}
#endif

#endif /* CLOUDWIRE_TESTS_LAYOUT_CHECK_H_ */
