/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* UTF-8 decoding and the Unicode character classes the loaders disagree on. */
#ifndef FIX401_UTF8_H
#define FIX401_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_INVALID	((int32_t)-1)

/* ---- decoding ---- */
/* Decodes the code point at s (len > 0 bytes) into *cp and returns the bytes
 * used (1-4).  An invalid or truncated sequence gives UTF8_INVALID and
 * consumes its maximal subpart (1-3 bytes), as WHATWG decoders and Python's
 * "replace" handler do, so one U+FFFD stands for it. */
size_t	utf8_decode(const char *s, size_t len, int32_t *cp);
/* Writes cp (< 0x110000) as UTF-8 into out and returns the byte count. */
size_t	utf8_encode(int32_t cp, char out[4]);
/* True when s[0..len) is entirely valid UTF-8 (no surrogates; NUL bytes
 * are fine). */
bool	utf8_valid(const char *s, size_t len);
/* Bytes of the longest valid UTF-8 prefix of s[0..len): the offset of the
 * first invalid byte, or len. */
size_t	utf8_valid_prefix(const char *s, size_t len);
/* Byte offset just after the first n code points of s[0..len) (len when
 * it has fewer). */
size_t	utf8_offset(const char *s, size_t len, size_t n);
/* Number of code points in s[0..len); each invalid subpart counts as one. */
size_t	utf8_length(const char *s, size_t len);

/* ---- classes (each names whose rule it follows) ---- */
bool	uc_py_space(int32_t cp);	/* Python str.isspace() and re \s */
bool	uc_js_space(int32_t cp);	/* ECMAScript \s and String.trim() */
bool	uc_go_space(int32_t cp);	/* Go unicode.IsSpace */
bool	uc_go_letter_digit(int32_t cp);	/* Go unicode.IsLetter||IsDigit */
/* Characters that look like nothing: U+200B-U+200D, U+2060, U+FEFF, U+00AD,
 * U+180E. */
bool	uc_invisible(int32_t cp);
/* Quote marks that are not ASCII: “ ” ‘ ’ „ ‚ « » ‹ › ＂ ＇ ‛ ‟. */
bool	uc_smart_quote(int32_t cp);

#endif
