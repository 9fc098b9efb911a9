/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Untrusted text (server messages, pasted errors, paths, URLs) made safe
 * to show on a terminal: valid UTF-8 with no controls, escape sequences or
 * bidi overrides, and never more than 12 characters of a key in a row.
 * Pure logic: no I/O. */
#ifndef FIX401_SANITIZE_H
#define FIX401_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>

/* The shortest run of a key's characters that must never show: one more
 * than the 12 a mask may keep (key.h KEY_SHORT). */
#define SANITIZE_WINDOW		13
/* The most characters sanitize_url() returns. */
#define SANITIZE_URL_MAX	96

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
/* sanitize_text() of the string s, which it frees: takes ownership of s
 * and returns a new string the caller frees.  For messages built with a
 * path or other untrusted text in them. */
char	*sanitize_take(char *s);
/* As sanitize_text, but a result longer than max characters (code points)
 * is cut to max - 1 characters and "…", so it is max long.  max 0: no
 * cap. */
char	*sanitize_text_max(const char *s, size_t len, size_t max,
	    size_t *outlen);
/* Text a server sent, as it may be kept: sanitize_text_max() and then
 * sanitize_keys() (caller frees; borrows s). */
char	*sanitize_server(const char *s, size_t len, size_t max);

/* ---- secrets ---- */
/* True when s starts with a known key prefix (sk-, sk_, gsk_, xai-, AIza,
 * pplx-, hf_, nvapi-).  Borrows s. */
bool	 sanitize_key_prefix(const char *s);
/* Masks in place, the way OpenAI does (first 8, '*', last 4), every token
 * of letters, digits, '-' and '_' longer than 12 characters that has a key
 * prefix, follows "Bearer " (any case), is the value of a label ending
 * in "key", "token" or "secret" (any case) written label=V, label: V,
 * label='V', "label": "V" and the like, or is longer than 32 characters
 * and mixes upper case, lower case and digits (request ids are hex), so
 * that s holds at most 12 of a key's characters even if a server or a
 * pasted request showed it whole. */
void	 sanitize_keys(char *s);
/* Masks in place, as sanitize_keys does, every stretch of s made of
 * SANITIZE_WINDOW-byte windows that occur in one of the n values
 * v[i][0..len[i]) (shorter values are ignored): a value found on this
 * machine, echoed whole or in part, with or without a prefix, never shows
 * more than 12 characters in a row.  Borrows v and len. */
void	 sanitize_values(char *s, const char *const *v, const size_t *len,
	    size_t n);

/* ---- URLs ---- */
/* A URL as it may be shown (caller frees; never NULL; borrows url):
 * blanks, controls and bytes that are not ASCII each become '?' (so an
 * odd byte shows where it is); a user:password@ part becomes "***@"; a
 * query or fragment becomes "?…" or "#…"; each host label (split at '.',
 * ':', '[', ']') and path segment (split at '/') that may be a secret
 * becomes its first 4 characters and "…".  It may be one when it holds a
 * run of letters, digits, '-' and '_' longer than 12 that has a key
 * prefix, or more than 12 letters and digits in a row, or upper case,
 * lower case and digits all together; so host names and deployment names
 * (my-resource, gpt-4o-mini-2024-07-18) stay whole.  A result longer than
 * SANITIZE_URL_MAX characters is cut to end in "…".  Input without a
 * scheme is read as host and path, so a bare key is masked too. */
char	*sanitize_url(const char *url);

#endif
