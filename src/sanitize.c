/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Strips what a terminal would act on from untrusted text: controls,
 * escape sequences, bidi overrides and invalid UTF-8; masks what looks
 * like an API key, what repeats a value found on this machine, and what
 * may be a secret in a URL. */
#include <config.h>

#include "sanitize.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "key.h"
#include "utf8.h"

#define ESC	0x1b
#define BEL	0x07
#define C1_ST	"\xc2\x9c"	/* U+009C STRING TERMINATOR as UTF-8 */
#define ELLIPSIS	"\xe2\x80\xa6"
#define LONG_TOKEN	32	/* longer and mixed: a secret, whatever its
				   prefix */

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

static const char *const key_prefixes[] = {
	"sk-", "sk_", "gsk_", "xai-", "AIza", "pplx-", "hf_", "nvapi-",
};

bool
sanitize_key_prefix(const char *s)
{
	for (size_t k = 0; k < sizeof key_prefixes / sizeof *key_prefixes;
	    k++)
		if (strncmp(s, key_prefixes[k], strlen(key_prefixes[k])) == 0)
			return true;
	return false;
}

static bool
is_quote(char c)
{
	return c == '"' || c == '\'' || c == '`';
}

/* Index where the blanks before s[j] start. */
static size_t
skip_blanks_back(const char *s, size_t j)
{
	while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
		j--;
	return j;
}

/* True when the token at s + i is the value of a label ending in "key",
 * "token" or "secret": key=V, key: V, api_key='V', "apiKey": "V" ... */
static bool
after_label(const char *s, size_t i)
{
	static const char *const label[] = { "key", "token", "secret" };
	size_t j = i;

	if (j > 0 && is_quote(s[j - 1]))
		j--;
	j = skip_blanks_back(s, j);
	if (j == 0 || (s[j - 1] != '=' && s[j - 1] != ':'))
		return false;
	j = skip_blanks_back(s, j - 1);
	if (j > 0 && is_quote(s[j - 1]))
		j--;
	for (size_t k = 0; k < sizeof label / sizeof *label; k++) {
		size_t n = strlen(label[k]);

		if (j >= n && strncasecmp(s + j - n, label[k], n) == 0)
			return true;
	}
	return false;
}

/* True when p[0..n) holds upper case, lower case and digits. */
static bool
mixed(const char *p, size_t n)
{
	bool up = false, low = false, dig = false;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		up = up || (c >= 'A' && c <= 'Z');
		low = low || (c >= 'a' && c <= 'z');
		dig = dig || (c >= '0' && c <= '9');
	}
	return up && low && dig;
}

/* True when the n-byte token at s + i may be a key: it has a key prefix,
 * follows "Bearer " (any case), is the value of a key label, or is long
 * and mixed like nothing but a secret (ids are hex or one case). */
static bool
keyish(const char *s, size_t i, size_t n)
{
	if (n <= KEY_SHORT)
		return false;
	if (sanitize_key_prefix(s + i) || (n > LONG_TOKEN && mixed(s + i, n)))
		return true;
	if (i >= 7 && strncasecmp(s + i - 7, "bearer ", 7) == 0)
		return true;
	return after_label(s, i);
}

/* Masks the n > 12 bytes at p as OpenAI does: the first 8 and the last 4
 * stay, the rest become '*' (widened so no UTF-8 character is cut). */
static void
mask_run(char *p, size_t n)
{
	size_t from = 8, to = n - 4;

	while (from > 0 && ((unsigned char)p[from] & 0xc0) == 0x80)
		from--;
	while (to < n && ((unsigned char)p[to] & 0xc0) == 0x80)
		to++;
	memset(p + from, '*', to - from);
}

void
sanitize_keys(char *s)
{
	size_t i = 0, n;

	while (s[i] != '\0') {
		for (n = 0; is_tok((unsigned char)s[i + n]); n++)
			;
		if (keyish(s, i, n))
			mask_run(s + i, n);
		i += n > 0 ? n : 1;
	}
}

/* True when the SANITIZE_WINDOW bytes at p occur in one of the values. */
static bool
in_values(const char *p, const char *const *v, const size_t *len, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (len[k] >= SANITIZE_WINDOW &&
		    memmem(v[k], len[k], p, SANITIZE_WINDOW) != NULL)
			return true;
	return false;
}

void
sanitize_values(char *s, const char *const *v, const size_t *len, size_t n)
{
	size_t sl = strlen(s), covered = 0, run = 0;

	/* A window that matches covers its bytes; each stretch of covered
	   bytes is masked as a whole. */
	for (size_t i = 0; i <= sl; i++) {
		if (i + SANITIZE_WINDOW <= sl && in_values(s + i, v, len, n))
			covered = i + SANITIZE_WINDOW;
		if (i < covered) {
			run++;
			continue;
		}
		if (run > 0)
			mask_run(s + i - run, run);
		run = 0;
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

char *
sanitize_take(char *s)
{
	char *r = sanitize_text(s, strlen(s), NULL);

	free(s);
	return r;
}

/* ---- URLs ---- */

/* Appends s[0..n) with every byte a terminal could act on, a blank or
 * anything not ASCII as '?', so odd bytes show where they are. */
static void
url_add(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		buf_addc(b, c > 0x20 && c < 0x7f ? (char)c : '?');
	}
}

/* True when the token run p[0..n) may be a secret: it is longer than
 * KEY_SHORT and has a key prefix, more than KEY_SHORT letters and digits
 * in a row, or upper case, lower case and digits all together. */
static bool
secret_run(const char *p, size_t n)
{
	size_t alnum = 0, longest = 0;

	if (n <= KEY_SHORT)
		return false;
	for (size_t i = 0; i < n; i++) {
		alnum = p[i] == '-' || p[i] == '_' ? 0 : alnum + 1;
		longest = alnum > longest ? alnum : longest;
	}
	return sanitize_key_prefix(p) || longest > KEY_SHORT || mixed(p, n);
}

/* True when the segment p[0..n) holds a token run that may be a secret. */
static bool
secret_segment(const char *p, size_t n)
{
	size_t i = 0, r;

	while (i < n) {
		for (r = 0; i + r < n && is_tok((unsigned char)p[i + r]); r++)
			;
		if (secret_run(p + i, r))
			return true;
		i += r > 0 ? r : 1;
	}
	return false;
}

/* Appends p[0..n) split at the bytes in seps, each part that may be a
 * secret as its first 4 bytes and an ellipsis. */
static void
url_add_parts(struct buf *b, const char *p, size_t n, const char *seps)
{
	size_t i = 0, w;

	while (i < n) {
		w = strcspn(p + i, seps);
		w = w < n - i ? w : n - i;
		if (secret_segment(p + i, w)) {
			url_add(b, p + i, 4);
			buf_add(b, ELLIPSIS, sizeof ELLIPSIS - 1);
		} else
			url_add(b, p + i, w);
		if (i + w < n)
			url_add(b, p + i + w, 1);
		i += w + 1;
	}
}

char *
sanitize_url(const char *url)
{
	struct buf b = { 0 };
	const char *s = strstr(url, "://"), *a, *aend, *h, *end;
	size_t len;

	/* "://" counts only before any other ':', '/', '?' or '#'. */
	a = s != NULL && (size_t)(s - url) == strcspn(url, ":/?#") ? s + 3 :
	    url;
	url_add(&b, url, (size_t)(a - url));
	aend = a + strcspn(a, "/?#");
	for (h = aend; h > a && h[-1] != '@'; h--)
		;
	if (h > a)
		buf_add(&b, "***@", 4);
	url_add_parts(&b, h, (size_t)(aend - h), ".:[]");
	end = aend + strcspn(aend, "?#");
	url_add_parts(&b, aend, (size_t)(end - aend), "/");
	if (*end != '\0') {
		buf_addc(&b, *end);
		buf_add(&b, ELLIPSIS, sizeof ELLIPSIS - 1);
	}
	if (utf8_length(b.p, b.n) > SANITIZE_URL_MAX) {
		b.n = utf8_offset(b.p, b.n, SANITIZE_URL_MAX - 1);
		buf_add(&b, ELLIPSIS, sizeof ELLIPSIS - 1);
	}
	return buf_take(&b, &len);
}

char *
sanitize_server(const char *s, size_t len, size_t max)
{
	char *t = sanitize_text_max(s, len, max, NULL);

	sanitize_keys(t);
	return t;
}
