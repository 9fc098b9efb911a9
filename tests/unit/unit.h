/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* A tiny assert header for unit tests: each failed case prints file:line,
 * expected and actual, and the program exits 1 if any failed. */
#ifndef FIX401_UNIT_H
#define FIX401_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failures;
static int unit_cases;

/* Prints s[0..n) with non-printable bytes escaped, for failure messages. */
static inline void
unit_show(const char *s, size_t n)
{
	if (s == NULL) {
		fputs("(null)", stderr);
		return;
	}
	fputc('"', stderr);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			fprintf(stderr, "\\%c", c);
		else if (c >= 0x20 && c < 0x7f)
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fputc('"', stderr);
}

static inline void
unit_true(int ok, const char *expr, const char *file, int line)
{
	unit_cases++;
	if (ok)
		return;
	unit_failures++;
	fprintf(stderr, "%s:%d: FAIL: %s\n", file, line, expr);
}

static inline void
unit_long(long exp, long act, const char *expr, const char *file, int line)
{
	unit_cases++;
	if (exp == act)
		return;
	unit_failures++;
	fprintf(stderr, "%s:%d: FAIL: %s: expected %ld, got %ld\n", file,
	    line, expr, exp, act);
}

/* Compares byte strings; either may be NULL (NULL equals only NULL). */
static inline void
unit_mem(const char *exp, size_t elen, const char *act, size_t alen,
    const char *expr, const char *file, int line)
{
	unit_cases++;
	if (exp == NULL && act == NULL)
		return;
	if (exp != NULL && act != NULL && elen == alen &&
	    memcmp(exp, act, elen) == 0)
		return;
	unit_failures++;
	fprintf(stderr, "%s:%d: FAIL: %s: expected ", file, line, expr);
	unit_show(exp, elen);
	fputs(", got ", stderr);
	unit_show(act, alen);
	fputc('\n', stderr);
}

#define CHECK(e)	unit_true(!!(e), #e, __FILE__, __LINE__)
#define CHECK_INT(exp, act) \
	unit_long((long)(exp), (long)(act), #act, __FILE__, __LINE__)
#define CHECK_STR(exp, act) do { \
	const char *e_ = (exp), *a_ = (act); \
	unit_mem(e_, e_ ? strlen(e_) : 0, a_, a_ ? strlen(a_) : 0, #act, \
	    __FILE__, __LINE__); \
} while (0)
#define CHECK_MEM(exp, elen, act, alen) \
	unit_mem((exp), (elen), (act), (alen), #act, __FILE__, __LINE__)

/* The exit status for main: 0 when every case passed. */
static inline int
unit_done(void)
{
	if (unit_failures != 0)
		fprintf(stderr, "%d of %d cases failed\n", unit_failures,
		    unit_cases);
	else
		printf("%d cases passed\n", unit_cases);
	return unit_failures != 0;
}

#endif
