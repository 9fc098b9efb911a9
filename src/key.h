/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* An API key's value: how to show it without revealing it, and its
 * fingerprint.  No I/O.  Nothing here ever returns more than 12 of the
 * key's characters. */
#ifndef FIX401_KEY_H
#define FIX401_KEY_H

#include <stdbool.h>
#include <stddef.h>

#define KEY_SHOW_MAX	12	/* characters of a key any output may hold */
#define KEY_SHORT	12	/* values this short are shown by length only */

/* ---- showing ---- */
/* "sk-proj-…21sA": the type prefix (at most 8 characters), an ellipsis and
 * the last 4 characters.  Returns a new string (caller frees), or NULL for
 * a value of KEY_SHORT characters or fewer, which must not be shown.
 * Unprintable characters show as '?'.  ascii: "..." for the ellipsis. */
char	*key_mask(const char *v, size_t len, bool ascii);
/* OpenAI's own mask in "Incorrect API key provided: ...": the first 8
 * characters, one '*' per middle character, the last 4.  NULL for short
 * values (caller frees). */
char	*key_openai_mask(const char *v, size_t len);
/* The type prefix key_mask shows ("sk-proj-", "gsk_", ...); "" if none.
 * Returns its length in bytes. */
size_t	 key_prefix_len(const char *v, size_t len);
/* Length in characters (code points; an invalid byte counts as one). */
size_t	 key_length(const char *v, size_t len);
/* First 8 hex digits of SHA-256 of the bytes, into out (9 bytes). */
void	 key_fingerprint(const char *v, size_t len, char out[9]);
/* True for values that are obviously not a key yet: sk-your-..., YOUR_KEY,
 * <...>, xxx, None, undefined, null, true, changeme ... */
bool	 key_is_placeholder(const char *v, size_t len);

#endif
