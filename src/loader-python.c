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

#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

/* A growable byte string; owns p. */
struct sbuf {
	char	*p;
	size_t	 n, cap;
};

/* Names bound so far, so ${NAME} finds the latest one in constant time. */
struct names {
	size_t	*slot;		/* binding index + 1; 0: empty */
	size_t	 cap;		/* slots, a power of two */
	size_t	*len;		/* name length of each binding (may hold NUL) */
	size_t	 len_cap;
};

/* The parser state: what parser.py's Reader holds, plus the output. */
struct py {
	int32_t		*s;	/* the decoded text; CR and CRLF are LF */
	size_t		*off;	/* off[i]: file offset of s[i]; off[n] = len */
	size_t		 n;
	size_t		 pos;	/* Reader.position */
	struct loaded	*out;
	loader_env_fn	 env;
	void		*arg;
	struct names	 names;
	struct sbuf	 val;	/* the value being parsed */
	struct sbuf	 res;	/* the value after interpolation */
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	b->p = xgrow(b->p, &b->cap, b->n + n + 1, 1);
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void
sb_cp(struct sbuf *b, int32_t cp)
{
	char u[4];

	sb_add(b, u, utf8_encode(cp, u));
}

static void
sb_free(struct sbuf *b)
{
	if (b->p != NULL)
		xwipe(b->p, b->cap);	/* values may be the key */
	free(b->p);
}

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

/* Decodes buf into p->s, turning CRLF and CR into LF as text mode does.
 * False when the file is not UTF-8: Python raises before parsing. */
static bool
py_decode(struct py *p, const char *buf, size_t len)
{
	size_t i = 0, k;
	int32_t cp;

	p->s = xcalloc(len + 1, sizeof *p->s);
	p->off = xcalloc(len + 1, sizeof *p->off);
	while (i < len) {
		k = utf8_decode(buf + i, len - i, &cp);
		if (cp == UTF8_INVALID) {
			py_refuse(buf, len, i, k, p->out);
			return false;
		}
		if (cp == '\r') {
			cp = '\n';
			if (i + 1 < len && buf[i + 1] == '\n')
				k = 2;
		}
		p->s[p->n] = cp;
		p->off[p->n++] = i;
		i += k;
	}
	p->off[p->n] = len;
	return true;
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
	return i < p->n ? p->s[i] : -1;
}

static size_t
skip_hspace(const struct py *p, size_t i)
{
	while (i < p->n && is_hspace(p->s[i]))
		i++;
	return i;
}

static size_t
line_end(const struct py *p, size_t i)
{
	while (i < p->n && p->s[i] != '\n')
		i++;
	return i;
}

static void
put_range(struct sbuf *b, const struct py *p, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		sb_cp(b, p->s[i]);
}

/* ---- ${NAME} look-ups: the names bound earlier in the file ---- */

static size_t
hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037u;	/* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return (size_t)h;
}

/* The slot holding name, or the empty slot where it would go. */
static size_t *
names_slot(const struct py *p, const char *name, size_t n)
{
	const struct names *t = &p->names;
	size_t i = hash(name, n) & (t->cap - 1), b;

	while (t->slot[i] != 0) {
		b = t->slot[i] - 1;
		if (t->len[b] == n && memcmp(p->out->v[b].name, name, n) == 0)
			break;
		i = (i + 1) & (t->cap - 1);
	}
	return &t->slot[i];
}

static void
names_rehash(struct py *p)
{
	struct names *t = &p->names;
	size_t *old = t->slot, oldcap = t->cap, b;

	t->cap = oldcap ? oldcap * 2 : 64;
	t->slot = xcalloc(t->cap, sizeof *t->slot);
	for (size_t i = 0; i < oldcap; i++) {
		if (old[i] == 0)
			continue;
		b = old[i] - 1;
		*names_slot(p, p->out->v[b].name, t->len[b]) = old[i];
	}
	free(old);
}

/* Makes binding b (just added to out, its name n bytes) the one its name
 * resolves to.  Growing at half the bindings keeps the table half empty. */
static void
names_put(struct py *p, size_t b, size_t n)
{
	struct names *t = &p->names;

	t->len = xgrow(t->len, &t->len_cap, b + 1, sizeof *t->len);
	t->len[b] = n;
	if (2 * (b + 1) > t->cap)
		names_rehash(p);
	*names_slot(p, p->out->v[b].name, n) = b + 1;
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
	size_t *slot = p->names.cap ? names_slot(p, name, n) : NULL;
	const struct binding *b;
	const char *e;
	char *z;

	if (slot != NULL && *slot != 0) {
		b = &p->out->v[*slot - 1];
		if (b->value != NULL)
			sb_add(&p->res, b->value, b->value_len);
		return;
	}
	/* os.environ has no key with '=' or NUL, and none is empty */
	if (p->env != NULL && n > 0 && memchr(name, '=', n) == NULL &&
	    memchr(name, '\0', n) == NULL) {
		z = xmemdup(name, n);
		e = p->env(z, p->arg);
		free(z);
		if (e != NULL) {
			sb_add(&p->res, e, strlen(e));
			return;
		}
	}
	if (dflt != NULL)
		sb_add(&p->res, dflt, dn);
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

	p->res.n = 0;
	sb_add(&p->res, "", 0);
	while (i + 1 < n) {
		if (v[i] != '$' || v[i + 1] != '{') {
			i++;
			continue;
		}
		sb_add(&p->res, v + lit, i - lit);
		e = expand_at(p, v, n, i, &stop, &brace);
		if (e == i) {		/* no match here: keep the '$' */
			sb_add(&p->res, v + i, 1);
			e = i + 1;
		}
		i = lit = e;
	}
	sb_add(&p->res, v + lit, n - lit);
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
		for (i++; i < p->n && p->s[i] != '\''; i++)
			continue;
		if (i >= p->n || i == p->pos + 1)
			return -1;
		*ks = p->pos + 1;
		*ke = i;
		p->pos = i + 1;
		return 1;
	}
	while (i < p->n && p->s[i] != '=' && p->s[i] != '#' &&
	    !uc_py_space(p->s[i]))
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
	int32_t c = p->s[q];
	size_t i;

	for (i = q + 1; i < p->n; i++)
		if (p->s[i] == c && p->s[i - 1] != '\\')
			return i;
	for (i = p->n; i-- > q + 2;)
		if (p->s[i] == c && p->s[i - 1] == '\\')
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
		u = i + 1 < e && p->s[i] == '\\' ?
		    unescape(p->s[q], p->s[i + 1]) : -1;
		if (u >= 0) {
			char c = (char)u;

			sb_add(&p->val, &c, 1);
			i++;
		} else {
			sb_cp(&p->val, p->s[i]);
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
		if (p->s[i] == '#' && uc_py_space(p->s[i - 1])) {
			cut = i;
			break;
		}
	while (cut > a && uc_py_space(p->s[cut - 1]))
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
	if (i < p->n && p->s[i] != '\n')
		return false;
	p->pos = i < p->n ? i + 1 : i;
	return true;
}

/* Adds the binding s[ks..ke) = p->val (NULL: no '='), interpolated. */
static void
emit(struct py *p, size_t ks, size_t ke, bool has_value)
{
	struct sbuf name = { NULL, 0, 0 };
	size_t b = p->out->n;

	put_range(&name, p, ks, ke);
	sb_add(&name, "", 0);
	if (has_value) {
		interpolate(p);
		loaded_addn(p->out, name.p, name.n, p->res.p, p->res.n,
		    p->off[ks]);
	} else {
		loaded_addn(p->out, name.p, name.n, NULL, 0, p->off[ks]);
	}
	names_put(p, b, name.n);
	free(name.p);
}

/* (?:export[^\S\r\n]+) at s[i]. */
static bool
is_export(const struct py *p, size_t i)
{
	static const char w[] = "export";

	if (i + 6 >= p->n)
		return false;
	for (size_t k = 0; k < 6; k++)
		if (p->s[i + k] != w[k])
			return false;
	return is_hspace(p->s[i + 6]);
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
	p->val.n = 0;
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

static void
parse(const char *buf, size_t len, loader_env_fn env, void *arg,
    struct loaded *out)
{
	struct py p = { .out = out, .env = env, .arg = arg };
	size_t start;

	sb_add(&p.val, "", 0);	/* never NULL: "" is a value, NULL is not */
	sb_add(&p.res, "", 0);

	if (py_decode(&p, buf, len)) {
		for (;;) {
			while (p.pos < p.n && uc_py_space(p.s[p.pos]))
				p.pos++;
			if (p.pos >= p.n)
				break;
			start = p.pos;
			if (parse_binding(&p))
				continue;
			/* the warning, then _rest_of_line */
			loaded_drop(out, p.off[start]);
			p.pos = line_end(&p, p.pos);
			if (p.pos < p.n)
				p.pos++;
		}
	}
	sb_free(&p.val);
	sb_free(&p.res);
	free(p.names.slot);
	free(p.names.len);
	xwipe(p.s, (p.n + 1) * sizeof *p.s);
	free(p.s);
	free(p.off);
}

const struct loader loader_python = {
	.id = LOADER_PYTHON,
	.name = "python-dotenv",
	.title = N_("python-dotenv"),
	.parse = parse,
};
