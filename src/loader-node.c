/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* npm dotenv 15-18 parse(Buffer): the global multiline LINE regular
 * expression of lib/main.js, with its backtracking worked out by hand so
 * that every match, and where it ends, is the one V8 finds. */
#include <config.h>

#include "loader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "utext.h"
#include "utf8.h"
#include "xalloc.h"

/* The text as src.toString().replace(/\r\n?/g, "\n") leaves it. */
struct js {
	struct utext	 t;	/* bad UTF-8 is U+FFFD */
	struct loaded	*out;
	struct buf	 val;	/* the value being built */
};

/* One match of LINE: the key, the raw value (group 2) and the match end. */
struct match {
	size_t	ks, ke;		/* key s[ks..ke) */
	size_t	vs, ve;		/* value s[vs..ve), before trim() */
	size_t	end;		/* where $ matched: an LT or n */
};

/* ---- character classes ---- */

/* ECMAScript LineTerminator: where ^ and $ match under the m flag, and
 * what . does not match.  CR is gone by now. */
static bool
is_lt(int32_t c)
{
	return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* [\w.-] without the u flag: ASCII only. */
static bool
is_word(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

static bool
is_quote(int32_t c)
{
	return c == '\'' || c == '"' || c == '`';
}

static size_t
ws_end(const struct js *j, size_t i)
{
	while (i < j->t.n && uc_js_space(j->t.s[i]))
		i++;
	return i;
}

/* The first line terminator at or after i, or n. */
static size_t
lt_at(const struct js *j, size_t i)
{
	while (i < j->t.n && !is_lt(j->t.s[i]))
		i++;
	return i;
}

/* ---- the pieces of LINE ---- */

/* \s*(?:#.*)?(?:$|$) from pos.  The greedy \s* may run over line breaks;
 * when what follows is neither '#' nor the end, it backs off to the last
 * line break it crossed.  Sets *end to where $ matched. */
static bool
match_tail(const struct js *j, size_t pos, size_t *end)
{
	size_t i = pos, lt = SIZE_MAX;

	for (; i < j->t.n && uc_js_space(j->t.s[i]); i++)
		if (is_lt(j->t.s[i]))
			lt = i;
	if (i == j->t.n || j->t.s[i] == '#') {
		*end = lt_at(j, i);
		return true;
	}
	if (lt == SIZE_MAX)
		return false;
	*end = lt;
	return true;
}

/* \s*Q(?:\\Q|[^Q])*Q where s[qs] is the quote Q.  The body runs to the
 * first Q not after a backslash; if the rest of the line does not match
 * there, backtracking tries each escaped \Q before it, last first.  Sets
 * *close to the closing quote. */
static bool
match_quoted(const struct js *j, size_t qs, size_t *close, size_t *end)
{
	int32_t q = j->t.s[qs];
	size_t g;

	for (g = qs + 1; g < j->t.n; g++)
		if (j->t.s[g] == q && j->t.s[g - 1] != '\\')
			break;
	if (g < j->t.n && match_tail(j, g + 1, end)) {
		*close = g;
		return true;
	}
	for (size_t i = g; i-- > qs + 2;)
		if (j->t.s[i] == q && j->t.s[i - 1] == '\\' &&
		    match_tail(j, i + 1, end)) {
			*close = i;
			return true;
		}
	return false;
}

/* (group 2)?\s*(?:#.*)?$ right after the separator, at q.  Something
 * always matches here, so the lazy \s*? of the separator never has to
 * grow. */
static void
match_value(const struct js *j, size_t q, struct match *m)
{
	size_t qs = ws_end(j, q), close, r;

	m->vs = m->ve = q;
	if (qs < j->t.n && is_quote(j->t.s[qs]) &&
	    match_quoted(j, qs, &close, &m->end)) {
		m->ve = close + 1;
		return;
	}
	for (r = q; r < j->t.n && j->t.s[r] != '#' && j->t.s[r] != '\n'; r++)
		continue;	/* [^#\r\n]+ */
	m->ve = r;
	match_tail(j, r, &m->end);	/* cannot fail at '#', LF or end */
}

/* ([\w.-]+)(?:\s*=\s*?|:\s+?) and the rest, with the key at k. */
static bool
match_key(const struct js *j, size_t k, struct match *m)
{
	size_t ke = k, w;

	while (ke < j->t.n && is_word(j->t.s[ke]))
		ke++;
	if (ke == k)
		return false;
	m->ks = k;
	m->ke = ke;
	w = ws_end(j, ke);
	if (w < j->t.n && j->t.s[w] == '=')
		match_value(j, w + 1, m);
	else if (ke + 1 < j->t.n && j->t.s[ke] == ':' &&
	    uc_js_space(j->t.s[ke + 1]))
		match_value(j, ke + 2, m);	/* \s+? takes one, maybe LF */
	else
		return false;
	return true;
}

/* LINE from a, the first non-space after a line start.  (?:export\s+)? is
 * greedy: tried first, dropped if the rest then fails. */
static bool
match_line(const struct js *j, size_t a, struct match *m)
{
	static const char w[] = "export";
	size_t k = 0;

	while (k < 6 && a + k < j->t.n && j->t.s[a + k] == w[k])
		k++;
	if (k == 6 && a + 6 < j->t.n && uc_js_space(j->t.s[a + 6]) &&
	    match_key(j, ws_end(j, a + 6), m))
		return true;
	return match_key(j, a, m);
}

/* ---- the value: trim(), the quote regex, the \n escapes ---- */

/* Appends s[from..to), turning \n and \r into LF and CR when dq. */
static void
put_value(struct js *j, size_t from, size_t to, bool dq)
{
	for (size_t i = from; i < to; i++) {
		if (dq && i + 1 < to && j->t.s[i] == '\\' &&
		    (j->t.s[i + 1] == 'n' || j->t.s[i + 1] == 'r')) {
			buf_addcp(&j->val, j->t.s[++i] == 'n' ? '\n' : '\r');
			continue;
		}
		buf_addcp(&j->val, j->t.s[i]);
	}
}

/* The last Q in s[a..b) that a line terminator or b follows: where
 * ([\s\S]*)\1$ settles after backtracking; SIZE_MAX if none. */
static size_t
last_closer(const struct js *j, size_t a, size_t b, int32_t q)
{
	for (size_t i = b; i-- > a;)
		if (j->t.s[i] == q && (i + 1 == b || is_lt(j->t.s[i + 1])))
			return i;
	return SIZE_MAX;
}

/* value.replace(/^(['"`])([\s\S]*)\1$/mg, '$2') on s[a..b), then the
 * escapes; the result goes to j->val.  Only a quote at a line start opens
 * a match, and it runs to the last closer, so one pass is enough. */
static void
unquote(struct js *j, size_t a, size_t b, bool dq)
{
	size_t closer[3], lit = a, c;
	static const int32_t quotes[3] = { '\'', '"', '`' };

	for (int k = 0; k < 3; k++)
		closer[k] = last_closer(j, a, b, quotes[k]);
	for (size_t i = a; i < b; i++) {
		if (i > a && !is_lt(j->t.s[i - 1]))
			continue;	/* not a line start: no ^ here */
		if (!is_quote(j->t.s[i]))
			continue;
		c = closer[j->t.s[i] == '\'' ? 0 : j->t.s[i] == '"' ? 1 : 2];
		if (c == SIZE_MAX || c <= i)
			continue;
		put_value(j, lit, i, dq);
		put_value(j, i + 1, c, dq);
		lit = i = c + 1;
	}
	put_value(j, lit, b, dq);
}

/* obj[key] = value, after trim() and the quote and escape rules. */
static void
emit(struct js *j, const struct match *m)
{
	size_t a = m->vs, b = m->ve;
	char key[64], *name = key;
	size_t kn = m->ke - m->ks;

	while (a < b && uc_js_space(j->t.s[a]))
		a++;
	while (b > a && uc_js_space(j->t.s[b - 1]))
		b--;
	buf_reset(&j->val);
	buf_add(&j->val, "", 0);	/* "" is a value: never NULL */
	unquote(j, a, b, a < b && j->t.s[a] == '"');
	if (kn >= sizeof key)
		name = xmalloc(kn + 1);
	for (size_t i = 0; i < kn; i++)
		name[i] = (char)j->t.s[m->ks + i];	/* [\w.-] is ASCII */
	name[kn] = '\0';
	/* a plain object ignores a string assigned to __proto__ */
	if (strcmp(name, "__proto__") == 0)
		loaded_drop(j->out, j->t.off[m->ks]);
	else
		loaded_addn(j->out, name, kn, j->val.p, j->val.n,
		    j->t.off[m->ks]);
	if (name != key)
		free(name);
}

/* A line LINE skipped: worth reporting when it holds '=' or ':', so it
 * looks like an assignment.  Returns the line terminator that ends it. */
static size_t
skip_line(struct js *j, size_t a)
{
	size_t i = a;
	bool assign = false;

	for (; i < j->t.n && !is_lt(j->t.s[i]); i++)
		if (j->t.s[i] == '=' || j->t.s[i] == ':')
			assign = true;
	if (assign && j->t.s[a] != '#')
		loaded_drop(j->out, j->t.off[a]);
	return i;
}

static void
parse(const char *buf, size_t len, loader_env_fn env, void *arg,
    struct loaded *out)
{
	struct js j = { .out = out };
	struct match m;
	size_t p = 0, a, e;

	(void)env;		/* npm dotenv never interpolates */
	(void)arg;
	utext_decode(&j.t, buf, len, NULL);	/* Buffer.toString() */
	/* exec() tries each line start from lastIndex; all the line starts
	 * in a run of blank lines reach the same first non-space a. */
	while (p < j.t.n) {
		a = ws_end(&j, p);
		if (a >= j.t.n)
			break;
		if (match_line(&j, a, &m)) {
			emit(&j, &m);
			e = m.end;
		} else {
			e = skip_line(&j, a);
		}
		p = e + 1;
	}
	buf_free(&j.val);
	utext_free(&j.t);
}

const struct loader loader_node = {
	.id = LOADER_NODE,
	.name = "node-dotenv",
	.title = N_("npm dotenv"),
	.parse = parse,
};
