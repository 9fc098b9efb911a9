/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Strips what a terminal would act on from untrusted text: controls,
 * escape sequences, bidi overrides and invalid UTF-8; masks what looks
 * like a whole API key. */
#include <config.h>

#include "sanitize.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "key.h"
#include "utf8.h"

#define ESC	0x1b
#define BEL	0x07
#define C1_ST	"\xc2\x9c"	/* U+009C STRING TERMINATOR as UTF-8 */
#define ELLIPSIS	"\xe2\x80\xa6"

/* Index just past a CSI whose parameters start at s[i]: parameter and
 * intermediate bytes (0x20-0x3F), then one final byte (0x40-0x7E).  A
 * sequence broken by any other byte ends before it. */
static size_t
skip_csi(const char *s, size_t len, size_t i)
{
	while (i < len && (unsigned char)s[i] >= 0x20 &&
	    (unsigned char)s[i] <= 0x3f)
		i++;
	if (i < len && (unsigned char)s[i] >= 0x40 &&
	    (unsigned char)s[i] <= 0x7e)
		i++;
	return i;
}

/* Index just past a control string (OSC, DCS ...) whose body starts at
 * s[i]: up to BEL, "ESC \" or U+009C.  An unterminated one runs to the end,
 * as a terminal would swallow it too. */
static size_t
skip_string(const char *s, size_t len, size_t i)
{
	for (; i < len; i++) {
		if (s[i] == BEL)
			return i + 1;
		if (s[i] == ESC && i + 1 < len && s[i + 1] == '\\')
			return i + 2;
		if (i + 1 < len && s[i] == C1_ST[0] && s[i + 1] == C1_ST[1])
			return i + 2;
	}
	return len;
}

/* Index just past the escape sequence starting with the ESC at s[i]. */
static size_t
skip_escape(const char *s, size_t len, size_t i)
{
	size_t j = i + 1;

	if (j >= len)
		return j;
	switch (s[j]) {
	case '[':
		return skip_csi(s, len, j + 1);
	case ']': case 'P': case 'X': case '^': case '_':
		return skip_string(s, len, j + 1);
	}
	/* nF sequences (ESC ( B ...): intermediates, then a final byte. */
	while (j < len && (unsigned char)s[j] >= 0x20 &&
	    (unsigned char)s[j] <= 0x2f)
		j++;
	if (j < len && (unsigned char)s[j] >= 0x30 &&
	    (unsigned char)s[j] <= 0x7e)
		j++;
	return j;
}

/* Letters, digits, '-' and '_' (ASCII only, whatever the locale). */
static bool
is_tok(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static bool
is_bidi_control(int32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Index just past the C1 control cp (2 bytes at s[i]) and what it opens. */
static size_t
skip_c1(const char *s, size_t len, size_t i, int32_t cp)
{
	switch (cp) {
	case 0x9b:
		return skip_csi(s, len, i + 2);
	case 0x90: case 0x98: case 0x9d: case 0x9e: case 0x9f:
		return skip_string(s, len, i + 2);
	}
	return i + 2;
}

/* Appends the character cp (n bytes at s) as it may be shown; returns the
 * characters added (0 or 1). */
static size_t
keep(struct buf *b, const char *s, size_t n, int32_t cp)
{
	if (cp == '\t' || cp == '\n')
		buf_addc(b, ' ');
	else if (cp == UTF8_INVALID)
		buf_addcp(b, 0xfffd);
	else if (cp >= 0x20 && cp != 0x7f && !is_bidi_control(cp))
		buf_add(b, s, n);
	else
		return 0;
	return 1;
}

/* True when the n-byte token at s + i may be a key: it has a key prefix,
 * or follows "Bearer " or "key: " or "key=" (any case). */
static bool
keyish(const char *s, size_t i, size_t n)
{
	static const char *const pre[] = {
		"sk-", "sk_", "gsk_", "xai-", "AIza", "pplx-", "hf_", "nvapi-",
	};
	static const char *const after[] = { "bearer ", "key: ", "key=" };

	if (n <= KEY_SHORT)
		return false;
	for (size_t k = 0; k < sizeof pre / sizeof *pre; k++)
		if (strncmp(s + i, pre[k], strlen(pre[k])) == 0)
			return true;
	for (size_t k = 0; k < sizeof after / sizeof *after; k++) {
		size_t an = strlen(after[k]);

		if (i >= an && strncasecmp(s + i - an, after[k], an) == 0)
			return true;
	}
	return false;
}

void
sanitize_keys(char *s)
{
	size_t i = 0, n;

	while (s[i] != '\0') {
		for (n = 0; is_tok((unsigned char)s[i + n]); n++)
			;
		if (keyish(s, i, n))
			memset(s + i + 8, '*', n - 12);
		i += n > 0 ? n : 1;
	}
}

char *
sanitize_text_max(const char *s, size_t len, size_t max, size_t *outlen)
{
	struct buf b = { 0 };
	size_t i = 0, n, chars = 0, blen;
	int32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == ESC)
			i = skip_escape(s, len, i);
		else if (cp >= 0x80 && cp < 0xa0)
			i = skip_c1(s, len, i, cp);
		else {
			chars += keep(&b, s + i, n, cp);
			i += n;
		}
	}
	if (max > 0 && chars > max) {
		b.n = utf8_offset(b.p, b.n, max - 1);
		buf_add(&b, ELLIPSIS, sizeof ELLIPSIS - 1);
	}
	char *out = buf_take(&b, &blen);

	if (outlen != NULL)
		*outlen = blen;
	return out;
}

char *
sanitize_text(const char *s, size_t len, size_t *outlen)
{
	return sanitize_text_max(s, len, 0, outlen);
}
