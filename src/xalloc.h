/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Allocators that never return NULL, and die() for fatal errors. */
#ifndef FIX401_XALLOC_H
#define FIX401_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* ---- allocation: all of these die() instead of returning NULL ---- */
void	*xmalloc(size_t n);
void	*xcalloc(size_t n, size_t size);
void	*xrealloc(void *p, size_t n);
/* Grows *p (of *cap elements of size) to hold at least need elements. */
void	*xgrow(void *p, size_t *cap, size_t need, size_t size);
char	*xstrdup(const char *s);
char	*xmemdup(const void *s, size_t n);	/* adds a NUL after n bytes */
char	*xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *fmt, va_list ap)
	    __attribute__((format(printf, 1, 0)));

/* ---- fatal errors ---- */
/* Runs the cleanup hook (restores the terminal), prints "fix401: MSG" on
 * stderr and exits with status 2. */
void	 die(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
/* Sets the hook die() calls first; NULL clears it. */
void	 die_set_hook(void (*hook)(void));

/* Frees a NULL-terminated array of strings and the strings; NULL is a
 * no-op. */
void	 xfree_strv(char **v);
/* Overwrites n bytes at p so the compiler cannot drop it (secrets). */
void	 xwipe(void *p, size_t n);

#endif
