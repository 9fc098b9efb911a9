/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Which provider and key kind a value offered as an API key is, or what
 * else it is (placeholder, URL, prose, an id), judged against the kinds
 * of the providers table.  Pure: never keeps or prints the value. */
#include <config.h>

#include "provider.h"

#include <string.h>

#include "key.h"
#include "provider-table.h"

/* Fills the shape members of out for v measured against kind k. */
static void
measure(const struct provider_kind *k, const char *v, size_t len,
    struct key_id *out)
{
	size_t hi = 0, n = out->length;
	const char *body = v + k->prefix_len;
	size_t blen = len - k->prefix_len, slen;

	out->length_fit = KEY_LEN_UNKNOWN;
	for (size_t i = 0; i < k->nlengths; i++) {
		if (k->lengths[i] == n)
			out->length_fit = KEY_LEN_OK;
		hi = k->lengths[i] > hi ? k->lengths[i] : hi;
	}
	/* Between two lengths counts as cut off: a 150-character sk-proj-
	   key is a 164 one that lost its end, not a long 132 one. */
	if (k->nlengths > 0 && out->length_fit != KEY_LEN_OK)
		out->length_fit = n > hi ? KEY_LEN_LONG : KEY_LEN_SHORT;
	out->charset_ok = true;
	for (size_t i = 0; i < blen; i++) {
		unsigned char c = (unsigned char)body[i];

		if (c >= 128 || (k->any_char ? c <= ' ' || c == 0x7f :
		    !k->allowed[c]))
			out->charset_ok = false;
	}
	slen = k->suffix != NULL ? strlen(k->suffix) : 0;
	out->marker_ok = (k->contains == NULL || memmem(body, blen,
	    k->contains, strlen(k->contains)) != NULL) &&
	    (slen == 0 || (blen >= slen &&
	    memcmp(v + len - slen, k->suffix, slen) == 0));
}

/* True when v has every trait kind k lists. */
static bool
fits(const struct provider_kind *k, const char *v, size_t len)
{
	struct key_id m = { .length = key_length(v, len) };

	measure(k, v, len, &m);
	return (m.length_fit == KEY_LEN_OK ||
	    m.length_fit == KEY_LEN_UNKNOWN) && m.charset_ok && m.marker_ok;
}

/* How well kind k explains v, among kinds sharing its prefix: 3 fits, 2
 * holds its marker, 1 is the fallback, 0 merely shares the prefix. */
static int
score(const struct provider_kind *k, const char *v, size_t len)
{
	if (k->fallback)
		return 1;
	if (fits(k, v, len))
		return 3;
	if (k->contains != NULL && memmem(v + k->prefix_len,
	    len - k->prefix_len, k->contains, strlen(k->contains)) != NULL)
		return 2;
	return 0;
}

/* The best kind whose prefix starts v (the longest prefix wins, then
 * score()), or with bare set the first prefix-less kind v fits.  *pp
 * gets its provider.  NULL when none. */
static const struct provider_kind *
pick_kind(const struct providers *ps, const char *v, size_t len, bool bare,
    const struct provider **pp)
{
	const struct provider_kind *best = NULL;
	int best_score = -1;

	for (size_t i = 0; i < ps->n; i++) {
		for (size_t j = 0; j < ps->v[i].nkinds; j++) {
			const struct provider_kind *k = &ps->v[i].kinds[j];
			int s;

			if (bare ? k->prefix_len != 0 || !fits(k, v, len) :
			    k->prefix_len == 0 || len <= k->prefix_len ||
			    memcmp(v, k->prefix, k->prefix_len) != 0)
				continue;
			s = score(k, v, len);
			if (best != NULL && (k->prefix_len < best->prefix_len ||
			    (k->prefix_len == best->prefix_len &&
			    s <= best_score)))
				continue;
			best = k;
			best_score = s;
			*pp = &ps->v[i];
		}
	}
	return best;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* True when whitespace stands between two other characters. */
static bool
has_inner_space(const char *v, size_t len)
{
	size_t a = 0, b = len;

	while (a < b && is_space(v[a]))
		a++;
	while (b > a && is_space(v[b - 1]))
		b--;
	for (size_t i = a; i < b; i++)
		if (is_space(v[i]))
			return true;
	return false;
}

/* What v is when it is plainly not a key, else KEY_ID_UNKNOWN. */
static enum key_id_class
not_a_key(const char *v, size_t len)
{
	if (key_is_placeholder(v, len))
		return KEY_ID_PLACEHOLDER;
	if (memmem(v, len, "://", 3) != NULL)
		return KEY_ID_URL;
	if (len > 4 && memcmp(v, "org-", 4) == 0)
		return KEY_ID_ORG_ID;
	if (len > 5 && memcmp(v, "proj_", 5) == 0)
		return KEY_ID_PROJECT_ID;
	return KEY_ID_UNKNOWN;
}

/* Records kind k of provider p as the verdict. */
static void
settle(const struct provider *p, const struct provider_kind *k, const char *v,
    size_t len, struct key_id *out)
{
	out->provider = p;
	out->kind = k->id;
	measure(k, v, len, out);
	out->cls = k->api_key ? KEY_ID_KEY : KEY_ID_SESSION;
}

void
provider_identify_key(const struct providers *ps, const char *v,
    size_t len, struct key_id *out)
{
	const struct provider *p = NULL;
	const struct provider_kind *k;

	*out = (struct key_id){ .cls = KEY_ID_UNKNOWN,
	    .length = key_length(v, len), .length_fit = KEY_LEN_UNKNOWN,
	    .charset_ok = true, .marker_ok = true };
	if (len == 0) {
		out->cls = KEY_ID_EMPTY;
		return;
	}
	k = pick_kind(ps, v, len, false, &p);
	/* A key of a known shape is a key even if it happens to contain
	   a word such as "here" that marks placeholders. */
	if (k != NULL && !k->fallback && fits(k, v, len)) {
		settle(p, k, v, len, out);
		return;
	}
	out->cls = not_a_key(v, len);
	if (out->cls != KEY_ID_UNKNOWN)
		return;
	if (k == NULL && has_inner_space(v, len)) {
		out->cls = KEY_ID_PROSE;
		return;
	}
	if (k == NULL)
		k = pick_kind(ps, v, len, true, &p);
	if (k != NULL)
		settle(p, k, v, len, out);
}

bool
provider_key_kind(const struct providers *ps, const char *kind,
    struct key_kind *out)
{
	for (size_t i = 0; i < ps->n; i++) {
		for (size_t j = 0; j < ps->v[i].nkinds; j++) {
			const struct provider_kind *k = &ps->v[i].kinds[j];

			if (strcmp(k->id, kind) != 0)
				continue;
			out->lengths = k->lengths;
			out->nlengths = k->nlengths;
			out->fallback = k->fallback;
			return true;
		}
	}
	return false;
}
