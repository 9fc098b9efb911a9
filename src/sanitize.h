/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Untrusted text (server messages, pasted errors) made safe to show on a
 * terminal: valid UTF-8 with no controls, escape sequences or bidi
 * overrides.  Pure logic: no I/O. */
#ifndef FIX401_SANITIZE_H
#define FIX401_SANITIZE_H

#include <stddef.h>

/* ---- cleaning ---- */
/* Returns a new string (caller frees; never NULL) made from s[0..len):
 * TAB and LF become one space each (so the result is one line); CR, the
 * other C0 controls, DEL and the C1 controls are removed; whole escape
 * sequences are removed (CSI "ESC [ ... final", OSC/DCS/APC/PM/SOS strings
 * up to BEL or "ESC \", short "ESC x" ones, and their C1 forms); bidi
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are
 * removed; each invalid UTF-8 subpart becomes U+FFFD.  The byte length goes
 * to *outlen unless outlen is NULL.  Borrows s for the call. */
char	*sanitize_text(const char *s, size_t len, size_t *outlen);
/* As sanitize_text, but a result longer than max characters (code points)
 * is cut to max - 1 characters and "…", so it is max long.  max 0: no
 * cap. */
char	*sanitize_text_max(const char *s, size_t len, size_t max,
	    size_t *outlen);

/* ---- secrets ---- */
/* Masks in place, the way OpenAI does (first 8, '*', last 4), every token
 * of letters, digits, '-' and '_' longer than 12 characters that has a key
 * prefix (sk-, gsk_, xai-, AIza ...) or follows "Bearer ", "key: " or
 * "key=" (any case), so that s holds at most 12 of a key's characters
 * even if a server or a pasted request header showed it whole. */
void	 sanitize_keys(char *s);

#endif
