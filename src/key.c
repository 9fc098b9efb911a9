/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Showing an API key without revealing it: fix401's mask, OpenAI's mask,
 * the SHA-256 fingerprint, and placeholder detection. */
#include <config.h>

#include "key.h"

#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include "utf8.h"
#include "xalloc.h"

/* Type prefixes, longest first so "sk-proj-" wins over "sk-". */
static const char *const prefixes[] = {
	"sk-svcacct-", "sk-admin-", "sk-proj-", "sk-or-v1-", "sk-None-",
	"sk-ant-", "nvapi-", "pplx-", "sess-", "gsk_", "xai-", "AIza", "hf_",
	"sk-",
};

#define PREFIX_SHOW_MAX	(KEY_SHOW_MAX - 4)	/* room for the last 4 */

size_t
key_prefix_len(const char *v, size_t len)
{
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i]);

		if (len > n && memcmp(v, prefixes[i], n) == 0)
			return n;
	}
	return 0;
}

size_t
key_length(const char *v, size_t len)
{
	return utf8_length(v, len);
}

/* Byte offset where the last n code points of v begin. */
static size_t
tail_start(const char *v, size_t len, size_t n)
{
	size_t total = utf8_length(v, len);

	return utf8_offset(v, len, total > n ? total - n : 0);
}

/* Appends v[from..to) to out, one printable character per code point:
 * anything else (controls, invalid bytes, non-ASCII) becomes '?', so a
 * mask is always plain, safe ASCII. */
static size_t
put_shown(char *out, const char *v, size_t from, size_t to)
{
	size_t o = 0;
	int32_t cp;

	for (size_t i = from; i < to; i += utf8_decode(v + i, to - i, &cp)) {
		utf8_decode(v + i, to - i, &cp);
		out[o++] = cp >= 0x21 && cp < 0x7f ? (char)cp : '?';
	}
	return o;
}

char *
key_mask(const char *v, size_t len, bool ascii)
{
	const char *ell = ascii ? "..." : "\xe2\x80\xa6";
	size_t plen, tail, o;
	char *out;

	if (key_length(v, len) <= KEY_SHORT)
		return NULL;
	plen = key_prefix_len(v, len);
	if (plen > PREFIX_SHOW_MAX)
		plen = PREFIX_SHOW_MAX;
	tail = tail_start(v, len, 4);
	out = xmalloc(plen + strlen(ell) + 4 + 1);
	o = put_shown(out, v, 0, plen);
	memcpy(out + o, ell, strlen(ell));
	o += strlen(ell);
	o += put_shown(out + o, v, tail, len);
	out[o] = '\0';
	return out;
}

char *
key_openai_mask(const char *v, size_t len)
{
	size_t n = key_length(v, len), o;
	char *out;

	if (n <= KEY_SHORT)
		return NULL;
	out = xmalloc(n + 1);
	o = put_shown(out, v, 0, utf8_offset(v, len, 8));
	for (size_t i = 0; i < n - 12; i++)
		out[o++] = '*';
	o += put_shown(out + o, v, tail_start(v, len, 4), len);
	out[o] = '\0';
	return out;
}

void
key_fingerprint(const char *v, size_t len, char out[9])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	static const char hex[] = "0123456789abcdef";

	if (EVP_Digest(v, len, md, &mdlen, EVP_sha256(), NULL) != 1 ||
	    mdlen < 4)
		die("%s", "SHA-256 is not available from libcrypto");
	for (int i = 0; i < 4; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 0xf];
	}
	out[8] = '\0';
	xwipe(md, sizeof md);
}

/* True when v consists of one character repeated (xxxx, ****, ....). */
static bool
all_same(const char *v, size_t len)
{
	for (size_t i = 1; i < len; i++)
		if (v[i] != v[0])
			return false;
	return len >= 3;
}

/* Case-insensitive substring test over a counted string. */
static bool
has_word(const char *v, size_t len, const char *w)
{
	size_t n = strlen(w);

	for (size_t i = 0; i + n <= len; i++)
		if (strncasecmp(v + i, w, n) == 0)
			return true;
	return false;
}

bool
key_is_placeholder(const char *v, size_t len)
{
	static const char *const exact[] = {
		"none", "null", "nil", "undefined", "true", "false", "changeme",
		"openai_api_key", "api_key", "apikey", "key", "secret", "token",
		"sk-", "sk-...", "sk-xxx", "todo", "tbd", "empty", "test",
	};
	static const char *const words[] = {
		"your", "placeholder", "insert", "replace", "example",
		"here", "dummy", "sample", "xxxx", "<", "${", "$(", "...",
	};

	if (len == 0 || all_same(v, len))
		return true;
	for (size_t i = 0; i < sizeof exact / sizeof *exact; i++)
		if (strlen(exact[i]) == len && strncasecmp(v, exact[i], len) == 0)
			return true;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (has_word(v, len, words[i]))
			return true;
	return false;
}
