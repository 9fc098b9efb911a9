/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* python-dotenv 0.21-1.2.2 dotenv_values(path): strict UTF-8 with universal
 * newlines, the regular expressions of parser.py replayed by hand, then the
 * ${NAME:-default} interpolation of main.py and variables.py. */
#include <config.h>

#include "loader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "nametab.h"
#include "utext.h"
#include "utf8.h"
#include "xalloc.h"

/* The parser state: what parser.py's Reader holds, plus the output. */
struct py {
	struct utext	 t;	/* the decoded text */
	size_t		 pos;	/* Reader.position */
	struct loaded	*out;
	loader_env_fn	 env;
	void		*arg;
	struct nametab	 names;	/* ${NAME} finds the latest binding */
	struct buf	 val;	/* the value being parsed */
	struct buf	 res;	/* the value after interpolation */
};

/* ---- reading the file: open(path, encoding="utf-8") then read() ---- */

/* Records the UnicodeDecodeError CPython raises for the bad sequence of
 * sub bytes at buf[at], in its own words. */
static void
py_refuse(const char *buf, size_t len, size_t at, size_t sub,
    struct loaded *out)
{
	unsigned char c = (unsigned char)buf[at];
	const char *why = "invalid continuation byte";
	size_t end = at + sub;
	char *msg;

	if (c < 0xc2 || c > 0xf4) {
		why = "invalid start byte";
		end = at + 1;
	} else if (end == len) {
		why = "unexpected end of data";
	}
	/* CPython's words, untranslated: they are the program's output */
	if (end - at == 1)
		msg = xasprintf("UnicodeDecodeError: 'utf-8' codec can't "
		    "decode byte 0x%02x in position %zu: %s", c, at, why);
	else
		msg = xasprintf("UnicodeDecodeError: 'utf-8' codec can't "
		    "decode bytes in position %zu-%zu: %s", at, end - 1, why);
	loaded_refuse(out, at, msg);
	free(msg);
}

/* ---- character classes and scanning ---- */

/* [^\S\r\n]: Unicode whitespace that does not end a line. */
static bool
is_hspace(int32_t c)
{
	return c != '\n' && c != '\r' && uc_py_space(c);
}

static int32_t
peek(const struct py *p, size_t i)
{
	return i < p->t.n ? p->t.s[i] : -1;
}

static size_t
skip_hspace(const struct py *p, size_t i)
{
	while (i < p->t.n && is_hspace(p->t.s[i]))
		i++;
	return i;
}

static size_t
line_end(const struct py *p, size_t i)
{
	while (i < p->t.n && p->t.s[i] != '\n')
		i++;
	return i;
}

static void
put_range(struct buf *b, const struct py *p, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		buf_addcp(b, p->t.s[i]);
}

/* ---- interpolation: \$\{(?P<name>[^\}:]*)(?::-(?P<default>[^\}]*))?\} */

/* Remembers the last forward search so the nearly monotone searches of one
 * value stay linear even on "${${${..." */
struct seek {
	size_t	from, at;	/* no stop byte in v[from..at) */
};

static size_t
seek(struct seek *c, const char *v, size_t n, size_t from, const char *stop)
{
	size_t i = from;

	if (c->from <= from && from <= c->at)
		return c->at;
	while (i < n && memchr(stop, v[i], strlen(stop)) == NULL)
		i++;
	c->from = from;
	c->at = i;
	return i;
}

/* Appends what ${name:-dflt} becomes: an earlier binding (None gives ""),
 * else os.environ, else the default. */
static void
resolve_one(struct py *p, const char *name, size_t n, const char *dflt,
    size_t dn)
{
	const struct binding *b = nametab_get(&p->names, p->out, name, n);
	const char *e;
	char *z;

	if (b != NULL) {
		if (b->value != NULL)
			buf_add(&p->res, b->value, b->value_len);
		return;
	}
	/* os.environ has no key with '=' or NUL, and none is empty */
	if (p->env != NULL && n > 0 && memchr(name, '=', n) == NULL &&
	    memchr(name, '\0', n) == NULL) {
		z = xmemdup(name, n);
		e = p->env(z, p->arg);
		free(z);
		if (e != NULL) {
			buf_add(&p->res, e, strlen(e));
			return;
		}
	}
	if (dflt != NULL)
		buf_add(&p->res, dflt, dn);
}

/* If a variable starts at v[j] ("${"), appends its value and returns the
 * index after its "}"; otherwise returns j. */
static size_t
expand_at(struct py *p, const char *v, size_t n, size_t j,
    struct seek *stop, struct seek *brace)
{
	size_t k = seek(stop, v, n, j + 2, "}:"), d;

	if (k < n && v[k] == '}') {
		resolve_one(p, v + j + 2, k - j - 2, NULL, 0);
		return k + 1;
	}
	if (k + 1 >= n || v[k + 1] != '-')
		return j;
	d = seek(brace, v, n, k + 2, "}");
	if (d >= n)
		return j;
	resolve_one(p, v + j + 2, k - j - 2, v + k + 2, d - k - 2);
	return d + 1;
}

/* resolve_variables(): p->val with every ${...} replaced, into p->res. */
static void
interpolate(struct py *p)
{
	const char *v = p->val.p;
	size_t n = p->val.n, i = 0, lit = 0, e;
	struct seek stop = { 1, 0 }, brace = { 1, 0 };

	buf_reset(&p->res);
	while (i + 1 < n) {
		if (v[i] != '$' || v[i + 1] != '{') {
			i++;
			continue;
		}
		buf_add(&p->res, v + lit, i - lit);
		e = expand_at(p, v, n, i, &stop, &brace);
		if (e == i) {		/* no match here: keep the '$' */
			buf_add(&p->res, v + i, 1);
			e = i + 1;
		}
		i = lit = e;
	}
	buf_add(&p->res, v + lit, n - lit);
}

/* ---- parser.py: one binding ---- */

/* parse_key(): -1 on a regex mismatch, 0 for a comment, 1 for a key in
 * s[*ks..*ke). */
static int
parse_key(struct py *p, size_t *ks, size_t *ke)
{
	size_t i = p->pos;

	if (peek(p, i) == '#')
		return 0;
	if (peek(p, i) == '\'') {	/* '([^']+)': may span lines */
		for (i++; i < p->t.n && p->t.s[i] != '\''; i++)
			continue;
		if (i >= p->t.n || i == p->pos + 1)
			return -1;
		*ks = p->pos + 1;
		*ke = i;
		p->pos = i + 1;
		return 1;
	}
	while (i < p->t.n && p->t.s[i] != '=' && p->t.s[i] != '#' &&
	    !uc_py_space(p->t.s[i]))
		i++;
	if (i == p->pos)
		return -1;
	*ks = p->pos;
	*ke = p->pos = i;
	return 1;
}

/* The closing quote of '((?:\\'|[^'])*)' opened at s[q]: the first quote
 * not after a backslash; failing that, backtracking settles on the last
 * escaped one.  0 when there is none. */
static size_t
close_quote(const struct py *p, size_t q)
{
	int32_t c = p->t.s[q];
	size_t i;

	for (i = q + 1; i < p->t.n; i++)
		if (p->t.s[i] == c && p->t.s[i - 1] != '\\')
			return i;
	for (i = p->t.n; i-- > q + 2;)
		if (p->t.s[i] == c && p->t.s[i - 1] == '\\')
			return i;
	return 0;
}

/* What decode_escapes() makes of a backslash and c inside quote q: the
 * escaped character, or -1 when the pair stays as it is.  Double quotes
 * know \\ \' \" \a \b \f \n \r \t \v; single quotes only the first two. */
static int
unescape(int32_t q, int32_t c)
{
	static const char from[] = "\\'\"abfnrtv";
	static const char to[] = "\\'\"\a\b\f\n\r\t\v";
	size_t limit = q == '\'' ? 2 : sizeof from - 1;

	for (size_t k = 0; k < limit; k++)
		if (c == from[k])
			return to[k];
	return -1;
}

/* A quoted value into p->val, decoding the escapes of its quote. */
static bool
parse_quoted(struct py *p)
{
	size_t q = p->pos, e = close_quote(p, q);
	int u;

	if (e == 0)
		return false;
	for (size_t i = q + 1; i < e; i++) {
		u = i + 1 < e && p->t.s[i] == '\\' ?
		    unescape(p->t.s[q], p->t.s[i + 1]) : -1;
		if (u >= 0) {
			buf_addc(&p->val, (char)u);
			i++;
		} else {
			buf_addcp(&p->val, p->t.s[i]);
		}
	}
	p->pos = e + 1;
	return true;
}

/* parse_unquoted_value(): the rest of the line minus re.sub(r"\s+#.*")
 * and rstrip(). */
static void
parse_unquoted(struct py *p)
{
	size_t a = p->pos, e = line_end(p, a), cut = e;

	for (size_t i = a + 1; i < e; i++)
		if (p->t.s[i] == '#' && uc_py_space(p->t.s[i - 1])) {
			cut = i;
			break;
		}
	while (cut > a && uc_py_space(p->t.s[cut - 1]))
		cut--;
	put_range(&p->val, p, a, cut);
	p->pos = e;
}

/* parse_value() after "=[^\S\r\n]*". */
static bool
parse_value(struct py *p)
{
	int32_t c = peek(p, p->pos);

	if (c == '\'' || c == '"')
		return parse_quoted(p);
	if (c != -1 && c != '\n')
		parse_unquoted(p);
	return true;
}

/* The optional comment and the end of line that close every binding. */
static bool
parse_end(struct py *p)
{
	size_t i = skip_hspace(p, p->pos);

	if (peek(p, i) == '#')
		p->pos = i = line_end(p, i);
	if (i < p->t.n && p->t.s[i] != '\n')
		return false;
	p->pos = i < p->t.n ? i + 1 : i;
	return true;
}

/* Adds the binding s[ks..ke) = p->val (NULL: no '='), interpolated. */
static void
emit(struct py *p, size_t ks, size_t ke, bool has_value)
{
	struct buf name = { 0 };

	put_range(&name, p, ks, ke);
	if (has_value) {
		interpolate(p);
		loaded_addn(p->out, name.p, name.n, p->res.p, p->res.n,
		    p->t.off[ks]);
	} else {
		loaded_addn(p->out, name.p, name.n, NULL, 0, p->t.off[ks]);
	}
	nametab_add(&p->names, p->out, name.n);
	buf_free(&name);
}

/* (?:export[^\S\r\n]+) at s[i]. */
static bool
is_export(const struct py *p, size_t i)
{
	static const char w[] = "export";

	if (i + 6 >= p->t.n)
		return false;
	for (size_t k = 0; k < 6; k++)
		if (p->t.s[i + k] != w[k])
			return false;
	return is_hspace(p->t.s[i + 6]);
}

/* parse_binding() from the first non-space character; false where parser.py
 * raises Error. */
static bool
parse_binding(struct py *p)
{
	size_t ks = 0, ke = 0, i = p->pos;
	bool has_value = false;
	int key;

	if (is_export(p, i))
		p->pos = skip_hspace(p, i + 6);
	key = parse_key(p, &ks, &ke);
	if (key < 0)
		return false;
	p->pos = skip_hspace(p, p->pos);
	buf_reset(&p->val);
	if (peek(p, p->pos) == '=') {
		p->pos = skip_hspace(p, p->pos + 1);
		if (!parse_value(p))
			return false;
		has_value = true;
	}
	if (!parse_end(p))
		return false;
	if (key > 0)
		emit(p, ks, ke, has_value);
	return true;
}

/* parse_stream(): bindings to the end; one that fails to parse is a
 * warning, and the rest of its line goes. */
static void
parse_all(struct py *p)
{
	size_t start;

	for (;;) {
		while (p->pos < p->t.n && uc_py_space(p->t.s[p->pos]))
			p->pos++;
		if (p->pos >= p->t.n)
			break;
		start = p->pos;
		if (parse_binding(p))
			continue;
		/* the warning, then _rest_of_line */
		loaded_drop(p->out, p->t.off[start]);
		p->pos = line_end(p, p->pos);
		if (p->pos < p->t.n)
			p->pos++;
	}
}

static void
parse(const char *buf, size_t len, loader_env_fn env, void *arg,
    struct loaded *out)
{
	struct py p = { .out = out, .env = env, .arg = arg };
	struct utext_bad bad;

	buf_add(&p.val, "", 0);	/* never NULL: "" is a value, NULL is not */
	buf_add(&p.res, "", 0);
	/* Python raises before parsing a file that is not UTF-8. */
	if (utext_decode(&p.t, buf, len, &bad))
		parse_all(&p);
	else
		py_refuse(buf, len, bad.at, bad.len, out);
	buf_free(&p.val);
	buf_free(&p.res);
	nametab_free(&p.names);
	utext_free(&p.t);
}

const struct loader loader_python = {
	.id = LOADER_PYTHON,
	.name = "python-dotenv",
	.title = N_("python-dotenv"),
	.parse = parse,
};
