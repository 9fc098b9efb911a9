/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* UTF-8 decoding plus the whitespace and letter classes of Python,
 * JavaScript and Go, which decide how each loader trims a value. */
#include <config.h>

#include "utf8.h"

#include <locale.h>
#include <wctype.h>

size_t
utf8_decode(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xbf;
	size_t need, i;
	int32_t c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		need = 1;
		c = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		need = 2;
		c = u[0] & 0x0f;
		if (u[0] == 0xe0)
			lo = 0xa0;
		else if (u[0] == 0xed)
			hi = 0x9f;	/* no surrogates */
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		need = 3;
		c = u[0] & 0x07;
		if (u[0] == 0xf0)
			lo = 0x90;
		else if (u[0] == 0xf4)
			hi = 0x8f;
	} else {
		*cp = UTF8_INVALID;
		return 1;
	}
	/* Only the first continuation byte has the narrowed range. */
	for (i = 1; i <= need; i++) {
		if (i >= len || u[i] < lo || u[i] > hi) {
			*cp = UTF8_INVALID;
			return i;
		}
		c = (c << 6) | (u[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = c;
	return need + 1;
}

size_t
utf8_encode(int32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t
utf8_valid_prefix(const char *s, size_t len)
{
	size_t i = 0, w;
	int32_t cp;

	while (i < len) {
		w = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			return i;
		i += w;
	}
	return len;
}

bool
utf8_valid(const char *s, size_t len)
{
	return utf8_valid_prefix(s, len) == len;
}

size_t
utf8_offset(const char *s, size_t len, size_t n)
{
	size_t i = 0;
	int32_t cp;

	while (n-- > 0 && i < len)
		i += utf8_decode(s + i, len - i, &cp);
	return i;
}

size_t
utf8_length(const char *s, size_t len)
{
	size_t n = 0;
	int32_t cp;

	for (size_t i = 0; i < len; i += utf8_decode(s + i, len - i, &cp))
		n++;
	return n;
}

/* The Unicode White_Space characters above ASCII that all three agree on. */
static bool
uc_common_space(int32_t cp)
{
	return cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f ||
	    cp == 0x3000;
}

bool
uc_py_space(int32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20) ||
	    cp == 0x85 || uc_common_space(cp);
}

bool
uc_js_space(int32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0d) || cp == 0x20 || cp == 0xfeff ||
	    uc_common_space(cp);
}

bool
uc_go_space(int32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0d) || cp == 0x20 || cp == 0x85 ||
	    uc_common_space(cp);
}

bool
uc_go_letter_digit(int32_t cp)
{
	static locale_t utf8_locale;

	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= 'a' && cp <= 'z');
	if (utf8_locale == (locale_t)0)
		utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if (utf8_locale == (locale_t)0)
		return true;	/* no tables: err on the side of a letter */
	return iswalnum_l((wint_t)cp, utf8_locale) != 0;
}

bool
uc_invisible(int32_t cp)
{
	return (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060 ||
	    cp == 0xfeff || cp == 0xad || cp == 0x180e;
}

bool
uc_smart_quote(int32_t cp)
{
	switch (cp) {
	case 0x201c: case 0x201d: case 0x2018: case 0x2019:
	case 0x201e: case 0x201a: case 0xab: case 0xbb:
	case 0x2039: case 0x203a: case 0xff02: case 0xff07:
	case 0x201b: case 0x201f:
		return true;
	default:
		return false;
	}
}
