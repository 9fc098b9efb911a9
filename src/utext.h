/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* A file read as text by a program that decodes it first (python-dotenv,
 * npm dotenv): code points, each with the byte offset it came from, with
 * CRLF and CR read as LF. */
#ifndef FIX401_UTEXT_H
#define FIX401_UTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Zero it ({ 0 }) to start empty.  Owns s and off. */
struct utext {
	int32_t	*s;		/* the code points; s[n] is 0 */
	size_t	*off;		/* off[i]: file offset of s[i]; off[n]: the
				   bytes decoded */
	size_t	 n;		/* code points */
};

/* Where a strict decode stopped. */
struct utext_bad {
	size_t	at;		/* file offset of the bad sequence */
	size_t	len;		/* its bytes: the maximal bad subpart */
};

/* Decodes buf[0..len) (borrowed) into an empty t.  With bad NULL, each
 * maximal bad subpart becomes one U+FFFD (WHATWG, as Node's
 * Buffer.toString()).  Otherwise decoding stops at the first one (Python's
 * strict codec): false, with t holding the text before it and *bad set. */
bool	utext_decode(struct utext *t, const char *buf, size_t len,
	    struct utext_bad *bad);
/* Wipes the text (it may hold the key), frees; t is empty again.  A zeroed
 * t is fine. */
void	utext_free(struct utext *t);

#endif
