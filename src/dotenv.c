/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The .env document model: lines that serialise back to the same bytes, a
 * forgiving reading of each assignment (what the user meant, whatever the
 * loaders make of it), value cleaning, and single-statement edits. */
#include <config.h>

#include "dotenv.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xalloc.h"

#define BOM	"\xef\xbb\xbf"

void
dotenv_init(struct dotenv *d)
{
	memset(d, 0, sizeof *d);
}

void
dotenv_clear(struct dotenv *d)
{
	if (d->buf != NULL)
		xwipe(d->buf, d->len);
	free(d->buf);
	free(d->lines);
	dotenv_init(d);
}

void
dotenv_load(struct dotenv *d, const char *buf, size_t len)
{
	size_t cap = 0, start = 0;

	dotenv_clear(d);
	d->buf = xmemdup(buf, len);
	d->len = len;
	for (size_t i = 0; i <= len; i++) {
		unsigned char eol = 0;

		if (i < len && buf[i] == '\n')
			eol = 1;
		else if (i < len && buf[i] == '\r')
			eol = i + 1 < len && buf[i + 1] == '\n' ? 2 : 1;
		else if (i < len)
			continue;
		d->lines = xgrow(d->lines, &cap, d->nlines + 1,
		    sizeof *d->lines);
		d->lines[d->nlines++] = (struct dotenv_line){
			.off = start, .len = i - start, .eol = eol,
		};
		i += eol ? eol - 1 : 0;
		start = i + 1;
	}
}

char *
dotenv_serialize(const struct dotenv *d, size_t *len)
{
	char *out = xmalloc(d->len + 1);
	size_t o = 0;

	for (size_t i = 0; i < d->nlines; i++) {
		const struct dotenv_line *l = &d->lines[i];

		memcpy(out + o, d->buf + l->off, l->len + l->eol);
		o += l->len + l->eol;
	}
	out[o] = '\0';
	*len = o;
	return out;
}

size_t
dotenv_line_at(const struct dotenv *d, size_t off)
{
	size_t lo = 0, hi = d->nlines;

	/* The last line whose start is <= off. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->lines[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* ---- cleaning ---- */

/* Characters cleaning removes from the ends of a value. */
static bool
is_junk_edge(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '`' || uc_smart_quote(cp) ||
	    uc_py_space(cp) || uc_js_space(cp) || uc_invisible(cp);
}

/* Characters cleaning removes anywhere: they are never part of a key. */
static bool
is_junk_inside(int32_t cp)
{
	return uc_invisible(cp) || cp == 0xa0 || cp == '\r' || cp == '\n';
}

char *
dotenv_clean(const char *v, size_t len, size_t *outlen)
{
	size_t s = 0, e = len, o = 0;
	char *out;
	int32_t cp;

	for (size_t n; s < e; s += n) {
		n = utf8_decode(v + s, e - s, &cp);
		if (!is_junk_edge(cp))
			break;
	}
	while (e > s) {
		size_t b = e - 1;

		while (b > s && ((unsigned char)v[b] & 0xc0) == 0x80 &&
		    e - b < 4)
			b--;
		if (utf8_decode(v + b, e - b, &cp) != e - b ||
		    !is_junk_edge(cp))
			break;
		e = b;
	}
	out = xmalloc(e - s + 1);
	for (size_t i = s, n; i < e; i += n) {
		n = utf8_decode(v + i, e - i, &cp);
		if (!is_junk_inside(cp)) {
			memcpy(out + o, v + i, n);
			o += n;
		}
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

bool
dotenv_value_is_plain(const char *v, size_t len)
{
	static const char safe[] = "_.-:/+=@%,";

	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)v[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || (c != 0 && strchr(safe, c))))
			return false;
	}
	return true;
}

/* ---- the forgiving assignment reader ---- */

/* Bytes of the whitespace character at p[i], or 0 if there is none. */
static size_t
space_at(const char *p, size_t n, size_t i)
{
	int32_t cp;
	size_t w;

	if (i >= n)
		return 0;
	w = utf8_decode(p + i, n - i, &cp);
	return uc_py_space(cp) || uc_js_space(cp) ? w : 0;
}

static size_t
skip_space(const char *p, size_t n, size_t i)
{
	for (size_t w; (w = space_at(p, n, i)) != 0;)
		i += w;
	return i;
}

/* Shell and YAML habits people carry into .env files.  space_sep: the
 * value follows the name after blanks, not after '='. */
static const struct {
	const char	*word;
	bool		 space_sep;
} prefixes[] = {
	{ "declare -x", false }, { "typeset -x", false },
	{ "set -gx", true }, { "set -Ux", true }, { "set -x", true },
	{ "setenv", true }, { "setx", true }, { "export", false },
	{ "EXPORT", false }, { "set", false }, { "$env:", false },
};

/* Skips a known prefix at p[i]; returns the new index. */
static size_t
skip_prefix(const char *p, size_t n, size_t i, struct dotenv_assign *a,
    bool *space_sep)
{
	for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
		size_t w = strlen(prefixes[k].word), j = i + w;

		if (n - i < w || memcmp(p + i, prefixes[k].word, w) != 0)
			continue;
		if (prefixes[k].word[w - 1] != ':') {
			if (space_at(p, n, j) == 0)
				continue;
			j = skip_space(p, n, j);
		}
		a->prefix = prefixes[k].word;
		*space_sep = prefixes[k].space_sep;
		return j;
	}
	return i;
}

/* True for a name worth reading: an ASCII letter or '_' (possibly behind
 * quotes or invisible characters) and no shell punctuation. */
static bool
plausible_name(const char *s, size_t n)
{
	bool letter = false;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')
			letter = true;
		else if (c < 0x80 && strchr("0123456789.-[]\"'", c) == NULL)
			return false;
	}
	return letter;
}

/* Finds the closing quote for the one opening at v[k] (qlen bytes);
 * returns its index and width, or n when there is none. */
static size_t
find_close(const char *v, size_t n, size_t k, size_t qlen,
    enum dotenv_quote q, size_t *clen)
{
	int32_t cp;

	for (size_t j = k + qlen; j < n; j += *clen) {
		*clen = utf8_decode(v + j, n - j, &cp);
		if (q == DOTENV_SMART ? uc_smart_quote(cp) : cp == v[k]) {
			if (q == DOTENV_DOUBLE && v[j - 1] == '\\' &&
			    j - 1 >= k + qlen)
				continue;
			return j;
		}
	}
	return n;
}

/* Sets a->invisible and a->padded from the value text v[s..e). */
static void
scan_value(struct dotenv_assign *a, const char *v, size_t s, size_t e)
{
	int32_t cp;

	for (size_t i = s; i < e; i += utf8_decode(v + i, e - i, &cp)) {
		utf8_decode(v + i, e - i, &cp);
		if (uc_invisible(cp) || cp == 0xa0)
			a->invisible = true;
	}
	if (space_at(v, e, s) != 0)
		a->padded = true;
	for (size_t i = s; i < e; i++)
		if (i + space_at(v, e, i) == e && space_at(v, e, i) != 0)
			a->padded = true;
}

/* Where an unquoted value v[k..n) ends: at a '#' that starts a comment. */
static size_t
unquoted_end(struct dotenv_assign *a, const char *v, size_t n, size_t k)
{
	for (size_t j = k; j < n; j++) {
		if (v[j] != '#')
			continue;
		a->comment = true;
		if (j > k && v[j - 1] != ' ' && v[j - 1] != '\t')
			a->glued_comment = true;
		return j;
	}
	return n;
}

/* Reads the value part v[0..n) (after the separator) into a. */
static void
read_value(struct dotenv_assign *a, const char *v, size_t n)
{
	size_t k = skip_space(v, n, 0), s, e, qlen = 1, clen = 1, close;
	int32_t cp = 0;

	a->space_after_sep = k > 0 && a->sep != ' ';
	if (k < n)
		qlen = utf8_decode(v + k, n - k, &cp);
	a->quote = cp == '\'' ? DOTENV_SINGLE : cp == '"' ? DOTENV_DOUBLE :
	    cp == '`' ? DOTENV_BACKTICK : uc_smart_quote(cp) ? DOTENV_SMART :
	    DOTENV_UNQUOTED;
	if (a->quote == DOTENV_UNQUOTED) {
		s = k;
		e = unquoted_end(a, v, n, k);
		/* The blanks before " # comment" belong to the comment. */
		while (a->comment && !a->glued_comment && e > s &&
		    (v[e - 1] == ' ' || v[e - 1] == '\t'))
			e--;
	} else {
		close = find_close(v, n, k, qlen, a->quote, &clen);
		s = k + qlen;
		e = close;
		a->unterminated = close == n;
		if (close < n) {
			size_t after = skip_space(v, n, close + clen);

			a->comment = after < n && v[after] == '#';
			a->trailing_text = after < n && !a->comment;
		}
	}
	scan_value(a, v, s, e);
	a->intended = dotenv_clean(v + s, e - s, &a->intended_len);
}

/* Reads line p[0..n) into a; false when it is no assignment. */
static bool
read_assign(const char *p, size_t n, struct dotenv_assign *a)
{
	size_t i = 0, start, j;
	bool space_sep = false;

	if (n >= 3 && memcmp(p, BOM, 3) == 0) {
		a->bom = true;
		i = 3;
	}
	j = skip_space(p, n, i);
	a->indented = j > i;
	i = skip_prefix(p, n, j, a, &space_sep);
	if (i < n && p[i] == '#')
		return false;
	for (start = i; i < n && space_at(p, n, i) == 0 && p[i] != '=' &&
	    (p[i] != ':' || space_sep); i++)
		;
	if (!plausible_name(p + start, i - start))
		return false;
	j = skip_space(p, n, i);
	if (j < n && !space_sep && p[j] != '=' && p[j] != ':')
		return false;	/* "word word": prose, not an assignment */
	a->name = xmemdup(p + start, i - start);
	a->space_before_sep = j > i && j < n && !space_sep;
	a->sep = j == n ? 0 : space_sep ? ' ' : p[j];
	if (a->sep == '=' || a->sep == ':')
		j++;
	a->raw = xmemdup(p + j, n - j);
	a->raw_len = n - j;
	read_value(a, p + j, n - j);
	return true;
}

/* Frees what one assignment owns. */
static void
assign_clear(struct dotenv_assign *a)
{
	free(a->name);
	free(a->clean_name);
	if (a->raw != NULL)
		xwipe(a->raw, a->raw_len);
	free(a->raw);
	if (a->intended != NULL)
		xwipe(a->intended, a->intended_len);
	free(a->intended);
	memset(a, 0, sizeof *a);
}

size_t
dotenv_assigns(const struct dotenv *d, struct dotenv_assign **out)
{
	struct dotenv_assign *v = NULL, a;
	size_t n = 0, cap = 0, len;

	for (size_t i = 0; i < d->nlines; i++) {
		memset(&a, 0, sizeof a);
		a.line = i;
		if (!read_assign(d->buf + d->lines[i].off, d->lines[i].len,
		    &a)) {
			assign_clear(&a);
			continue;
		}
		a.clean_name = dotenv_clean(a.name, strlen(a.name), &len);
		v = xgrow(v, &cap, n + 1, sizeof *v);
		v[n++] = a;
	}
	*out = v;
	return n;
}

void
dotenv_assigns_free(struct dotenv_assign *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		assign_clear(&a[i]);
	free(a);
}

/* ---- edits: each returns a whole new buffer ---- */

/* Appends "name=value" to o. */
static void
out_assign(struct buf *o, const char *name, const char *value, size_t vlen)
{
	buf_add(o, name, strlen(name));
	buf_addc(o, '=');
	buf_add(o, value, vlen);
}

char *
dotenv_set_line(const struct dotenv *d, size_t line, const char *name,
    const char *value, size_t vlen, size_t *outlen)
{
	const struct dotenv_line *l = &d->lines[line];
	struct buf o = { 0 };
	size_t start = 0, end = l->off + l->len + l->eol;

	if (line == 0 && d->len >= 3 && memcmp(d->buf, BOM, 3) == 0)
		start = 3;
	buf_add(&o, d->buf + start, l->off > start ? l->off - start : 0);
	out_assign(&o, name, value, vlen);
	if (l->eol != 0)
		buf_add(&o, "\n", 1);
	buf_add(&o, d->buf + end, d->len - end);
	return buf_take(&o, outlen);
}

char *
dotenv_append(const struct dotenv *d, const char *name, const char *value,
    size_t vlen, size_t *outlen)
{
	struct buf o = { 0 };

	buf_add(&o, d->buf, d->len);
	if (d->len > 0 && d->buf[d->len - 1] != '\n' &&
	    d->buf[d->len - 1] != '\r')
		buf_add(&o, "\n", 1);
	out_assign(&o, name, value, vlen);
	buf_add(&o, "\n", 1);
	return buf_take(&o, outlen);
}

char *
dotenv_drop_bom(const struct dotenv *d, size_t *outlen)
{
	struct buf o = { 0 };
	size_t s = d->len >= 3 && memcmp(d->buf, BOM, 3) == 0 ? 3 : 0;

	buf_add(&o, d->buf + s, d->len - s);
	return buf_take(&o, outlen);
}

char *
dotenv_remove_lines(const struct dotenv *d, const size_t *drop, size_t n,
    size_t *outlen)
{
	struct buf o = { 0 };

	for (size_t i = 0; i < d->nlines; i++) {
		const struct dotenv_line *l = &d->lines[i];
		bool gone = false;

		for (size_t k = 0; k < n && !gone; k++)
			gone = drop[k] == i;
		if (!gone)
			buf_add(&o, d->buf + l->off, l->len + l->eol);
	}
	return buf_take(&o, outlen);
}
