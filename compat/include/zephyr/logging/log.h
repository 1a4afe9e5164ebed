/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * @file log.h
 * @brief Host-only stand-in for Zephyr's <zephyr/logging/log.h>: module
 *        registration and LOG_ERR/WRN/INF/DBG, printed to stdout in the
 *        style of Zephyr's console ("<inf> module: message").
 */

#ifndef ZEPHYR_INCLUDE_LOGGING_LOG_H_
#define ZEPHYR_INCLUDE_LOGGING_LOG_H_

#ifdef __cplusplus
extern "C" {
#endif

#define LOG_LEVEL_NONE 0
#define LOG_LEVEL_ERR  1
#define LOG_LEVEL_WRN  2
#define LOG_LEVEL_INF  3
#define LOG_LEVEL_DBG  4

/** Prints one log line; used by the LOG_* macros. */
void z_compat_log(int level, const char *module, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define LOG_MODULE_REGISTER(...) LOG_MODULE_DECLARE(__VA_ARGS__)

/* The level argument is optional, as in Zephyr (default: INF). */
#define LOG_MODULE_DECLARE(...) Z_LOG_MODULE_DECLARE(__VA_ARGS__, LOG_LEVEL_INF, ~)
#define Z_LOG_MODULE_DECLARE(name, level, ...)                                                     \
	__attribute__((unused)) static const char z_log_module_name[] = #name;                     \
	__attribute__((unused)) static const int z_log_module_level = (level)

#define Z_LOG(level, ...)                                                                          \
	do {                                                                                       \
		if ((level) <= z_log_module_level) {                                               \
			z_compat_log((level), z_log_module_name, __VA_ARGS__);                     \
		}                                                                                  \
	} while (0)

#define LOG_ERR(...) Z_LOG(LOG_LEVEL_ERR, __VA_ARGS__)
#define LOG_WRN(...) Z_LOG(LOG_LEVEL_WRN, __VA_ARGS__)
#define LOG_INF(...) Z_LOG(LOG_LEVEL_INF, __VA_ARGS__)
#define LOG_DBG(...) Z_LOG(LOG_LEVEL_DBG, __VA_ARGS__)

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_LOGGING_LOG_H_ */
