/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* A growable byte string, always NUL-terminated, wiped when freed because
 * it often holds an API key. */
#ifndef FIX401_BUF_H
#define FIX401_BUF_H

#include <stddef.h>
#include <stdint.h>

/* Zero it ({ 0 }) to start empty.  Owns p. */
struct buf {
	char	*p;	/* the bytes, NUL after n; NULL while empty */
	size_t	 n;	/* bytes used */
	size_t	 cap;	/* bytes allocated */
};

/* Appends n bytes of s (s may be NULL when n is 0). */
void	 buf_add(struct buf *b, const char *s, size_t n);
/* Appends one byte. */
void	 buf_addc(struct buf *b, char c);
/* Appends code point cp as UTF-8. */
void	 buf_addcp(struct buf *b, int32_t cp);
/* Empties b, keeping its memory (the old bytes are wiped). */
void	 buf_reset(struct buf *b);
/* Hands the bytes to the caller (who frees them; never NULL) and their
 * length in *len; b is empty again. */
char	*buf_take(struct buf *b, size_t *len);
/* Wipes and frees; b is empty again.  A zeroed b is fine. */
void	 buf_free(struct buf *b);

#endif
