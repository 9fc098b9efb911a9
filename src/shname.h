/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The POSIX shell name, [A-Za-z_][A-Za-z0-9_]*: what sh, compose's $NAME,
 * startup files and fix401's own rewrites all accept as a variable name.
 * Static inline: one definition, no call cost in the parsers. */
#ifndef FIX401_SHNAME_H
#define FIX401_SHNAME_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline bool
shname_start(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
shname_char(char c)
{
	return shname_start(c) || (c >= '0' && c <= '9');
}

/* Bytes of the name at the start of s[0..n); 0 when none starts there. */
static inline size_t
shname_len(const char *s, size_t n)
{
	size_t i = 0;

	if (n == 0 || !shname_start(s[0]))
		return 0;
	while (i < n && shname_char(s[i]))
		i++;
	return i;
}

/* True when all of s[0..n) is one name. */
static inline bool
shname_is(const char *s, size_t n)
{
	return n > 0 && shname_len(s, n) == n;
}

/* True when all of the string s is one name. */
static inline bool
shname_valid(const char *s)
{
	return shname_is(s, strlen(s));
}

#endif
