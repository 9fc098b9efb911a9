/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* docker compose env_file: (compose-spec/compose-go dotenv/parser.go):
 * statements, quoting and escapes, ported rule by rule; compose-template.c
 * expands the values.  Any error refuses the file, as compose does. */
#include <config.h>

#include "loader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compose-template.h"
#include "i18n.h"
#include "nametab.h"
#include "utf8.h"
#include "xalloc.h"

struct compose {
	const char	*b;		/* the input after the BOM */
	size_t		 n;
	size_t		 base;		/* BOM bytes: b[0] is buf[base] */
	size_t		 pos;
	loader_env_fn	 env;
	void		*arg;
	struct loaded	*out;
	struct nametab	 names;		/* the bindings so far, by name */
	struct compose_template tpl;	/* expands values; its arg is us */
	struct buf	 name;		/* scratch for NUL-terminated names */
	bool		 failed;	/* out holds the refusal */
};

/* Go ranges over a string rune by rune; a bad byte is U+FFFD, width 1. */
static size_t
go_rune(const char *s, size_t n, int32_t *cp)
{
	size_t w = utf8_decode(s, n, cp);

	if (*cp == UTF8_INVALID) {
		*cp = 0xfffd;
		return 1;
	}
	return w;
}

/* parser.go isSpace: blanks that are not a line break. */
static bool
is_blank(int32_t cp)
{
	return cp == '\t' || cp == '\v' || cp == '\f' || cp == '\r' ||
	    cp == ' ' || cp == 0x85 || cp == 0xa0;
}

/* Skips runes of class at s[i..n) and returns the new index. */
static size_t
skip_runes(const char *s, size_t n, size_t i, bool (*class)(int32_t))
{
	int32_t cp;
	size_t w;

	while (i < n) {
		w = go_rune(s + i, n - i, &cp);
		if (!class(cp))
			break;
		i += w;
	}
	return i;
}

/* End of s[0..n) once trailing unicode.IsSpace runes are trimmed. */
static size_t
trim_right(const char *s, size_t n)
{
	size_t i = 0, end = 0, w;
	int32_t cp;

	while (i < n) {
		w = go_rune(s + i, n - i, &cp);
		i += w;
		if (!uc_go_space(cp))
			end = i;
	}
	return end;
}

/* ---- errors ---- */

/* Records the first error; compose then has nothing from this file.  The
 * texts are compose-go's, minus the quoted source it appends, which can
 * be the API key itself. */
static void
fail(struct compose *c, size_t at, char *msg)
{
	if (!c->failed) {
		loaded_clear(c->out);
		loaded_refuse(c->out, c->base + at, msg);
		c->failed = true;
	}
	free(msg);
}

/* compose-go counts the lines it consumes; before at, that is one more
 * than the LFs. */
static unsigned
line_at(const struct compose *c, size_t at)
{
	unsigned line = 1;

	for (size_t i = 0; i < at; i++)
		line += c->b[i] == '\n';
	return line;
}

/* Roughly Go's unicode.IsPrint for the runes that can reach an error:
 * controls, spaces other than ' ', format and private-use characters
 * are not printable. */
static bool
go_printable(int32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return false;
	if (cp == ' ')
		return true;
	return !uc_go_space(cp) && !uc_invisible(cp) &&
	    !(cp >= 0x200e && cp <= 0x200f) &&
	    !(cp >= 0x202a && cp <= 0x202e) &&
	    !(cp >= 0x2061 && cp <= 0x206f) &&
	    !(cp >= 0x0600 && cp <= 0x0605) && cp != 0x061c &&
	    !(cp >= 0xe000 && cp <= 0xf8ff) &&
	    !(cp >= 0xfff9 && cp <= 0xfffb) && cp < 0xf0000;
}

/* Go's %q of a one-rune string. */
static char *
go_quote(int32_t cp)
{
	static const char esc[] = "\a\b\f\n\r\t\v\"\\";
	static const char let[] = "abfnrtv\"\\";
	const char *e = cp > 0 && cp < 0x80 ? strchr(esc, (int)cp) : NULL;
	char u[5];

	if (e != NULL)
		return xasprintf("\"\\%c\"", let[e - esc]);
	if (cp < 0x80 && !go_printable(cp))
		return xasprintf("\"\\x%02x\"", (unsigned)cp);
	if (!go_printable(cp))
		return xasprintf(cp < 0x10000 ? "\"\\u%04x\"" : "\"\\U%08x\"",
		    (unsigned)cp);
	u[utf8_encode(cp, u)] = '\0';
	return xasprintf("\"%s\"", u);
}

/* ---- variables: the caller's environment, then earlier lines ---- */

/* compose_lookup_fn for the template: as in compose-go, the caller's
 * environment wins over what the file bound earlier. */
static const char *
lookup(const char *name, size_t n, size_t *len, void *arg)
{
	struct compose *c = arg;
	const struct binding *b;
	const char *v;

	buf_reset(&c->name);
	buf_add(&c->name, name, n);
	v = c->env != NULL ? c->env(c->name.p, c->arg) : NULL;
	if (v != NULL) {
		*len = strlen(v);
		return v;
	}
	b = nametab_get(&c->names, c->out, name, n);
	*len = b != NULL ? b->value_len : 0;
	return b != NULL ? b->value : NULL;
}

/* Expands s[0..n) into o; an error refuses the file at at. */
static bool
expand(struct compose *c, const char *s, size_t n, size_t at,
    struct buf *o)
{
	char *cause;

	if (compose_template_substitute(&c->tpl, s, n, o, &cause))
		return true;
	fail(c, at, cause);
	return false;
}

/* ---- parser.go ---- */

/* expandEscapes: \a \b \f \n \r \t \v \\ \" become the character, \$
 * becomes $$ (a literal '$' for the template), \0NNN is octal. */
static size_t
octal_escape(const char *s, size_t n, struct buf *o)
{
	size_t d = 0;
	unsigned v = 0;
	bool octal = true;

	/* The regexp takes \0 and up to three digits ... */
	for (; d < 3 && 2 + d < n && s[2 + d] >= '0' && s[2 + d] <= '9'; d++) {
		octal = octal && s[2 + d] <= '7';
		v = v * 8 + (unsigned)(s[2 + d] - '0');
	}
	/* ... and strconv.UnquoteChar wants three octal ones, <= 0377, and
	 * gives a rune, so \0377 is U+00FF in UTF-8. */
	if (d == 3 && octal && v <= 255)
		buf_addcp(o, (int32_t)v);
	else
		buf_add(o, s, 2 + d);
	return 2 + d;
}

static void
expand_escapes(const char *s, size_t n, struct buf *o)
{
	static const char from[] = "abfnrtv\\\"";
	static const char to[] = "\a\b\f\n\r\t\v\\\"";
	const char *k;

	buf_add(o, "", 0);
	for (size_t i = 0; i < n;) {
		k = i + 1 < n && s[i] == '\\' && s[i + 1] != '\0' ?
		    strchr(from, s[i + 1]) : NULL;
		if (i + 1 < n && s[i] == '\\' && s[i + 1] == '0') {
			i += octal_escape(s + i, n - i, o);
		} else if (i + 1 < n && s[i] == '\\' && s[i + 1] == '$') {
			buf_add(o, "$$", 2);
			i += 2;
		} else if (k != NULL) {
			buf_addc(o, to[k - from]);
			i += 2;
		} else {
			/* Not an escape: the backslash stays. */
			buf_addc(o, s[i++]);
		}
	}
}

/* Reads a quoted value at c->pos (the quote).  A backslash before the
 * quote character drops out; any other escaped pair stays whole. */
static bool
quoted_value(struct compose *c, struct buf *raw)
{
	char q = c->b[c->pos];
	bool esc = false;

	for (size_t i = c->pos + 1; i < c->n; i++) {
		char ch = c->b[i];

		if (esc) {
			esc = false;
			if (ch != q)
				buf_addc(raw, '\\');
			buf_addc(raw, ch);
		} else if (ch == '\\') {
			esc = true;
		} else if (ch == q) {
			c->pos = i + 1;
			return true;
		} else {
			buf_addc(raw, ch);
		}
	}
	/* compose-go counted every line to EOF before giving up. */
	fail(c, c->pos, xasprintf("line %u: unterminated quoted value",
	    line_at(c, c->n)));
	return false;
}

/* extractVarValue: the value at c->pos, expanded, into o. */
static bool
value(struct compose *c, struct buf *o)
{
	struct buf raw = { 0 }, esc = { 0 };
	size_t at = c->pos, end;
	const char *lf, *hash;
	bool ok = true;

	buf_add(o, "", 0);
	if (c->pos < c->n && (c->b[c->pos] == '"' || c->b[c->pos] == '\'')) {
		char q = c->b[c->pos];

		buf_add(&raw, "", 0);
		ok = quoted_value(c, &raw);
		if (ok && q == '\'')
			buf_add(o, raw.p, raw.n);
		else if (ok) {
			expand_escapes(raw.p, raw.n, &esc);
			ok = expand(c, esc.p, esc.n, at, o);
		}
		buf_free(&raw);
		buf_free(&esc);
		return ok;
	}
	lf = memchr(c->b + at, '\n', c->n - at);
	end = lf != NULL ? (size_t)(lf - c->b) : c->n;
	c->pos = lf != NULL ? end + 1 : c->n;
	/* The value stops at the first " #", then loses trailing space. */
	for (hash = c->b + at; (hash = memchr(hash, '#', (size_t)(c->b + end -
	    hash))) != NULL; hash++)
		if (hash > c->b + at && hash[-1] == ' ') {
			end = (size_t)(hash - c->b) - 1;
			break;
		}
	end = at + trim_right(c->b + at, end - at);
	return expand(c, c->b + at, end - at, at, o);
}

/* The Go parser is about to see a new statement at c->pos: skip
 * unicode.IsSpace and whole '#' lines.  False at the end. */
static bool
statement_start(struct compose *c)
{
	for (;;) {
		c->pos = skip_runes(c->b, c->n, c->pos, uc_go_space);
		if (c->pos >= c->n)
			return false;
		if (c->b[c->pos] != '#')
			return true;
		const char *lf = memchr(c->b + c->pos, '\n', c->n - c->pos);

		if (lf == NULL)
			return false;
		c->pos = (size_t)(lf - c->b);
	}
}

static bool
key_rune(int32_t cp)
{
	return cp == '_' || cp == '.' || cp == '-' || cp == '[' || cp == ']' ||
	    uc_go_letter_digit(cp);
}

/* ^export\s+ (Go's \s is [\t\n\f\r ]) goes, then the parser's blanks;
 * false when nothing is left ("zero length string"). */
static bool
skip_export(struct compose *c)
{
	if (c->n - c->pos > 6 && memcmp(c->b + c->pos, "export", 6) == 0 &&
	    memchr("\t\n\f\r ", c->b[c->pos + 6], 5) != NULL)
		c->pos = skip_runes(c->b, c->n, c->pos + 6, is_blank);
	if (c->pos < c->n)
		return true;
	fail(c, c->pos, xstrdup("zero length string"));
	return false;
}

/* locateKeyName from c->pos: sets *key..*klen, *inherited, and moves
 * c->pos past the terminator ('=', ':' or LF) and any blanks. */
static bool
key_name(struct compose *c, size_t *key, size_t *klen, bool *inherited)
{
	const char *s = c->b;
	size_t i, w = 0, end = SIZE_MAX;
	int32_t cp = 0;

	if (!skip_export(c))
		return false;
	for (i = c->pos; i < c->n && end == SIZE_MAX; i += w) {
		w = go_rune(s + i, c->n - i, &cp);
		if (cp == '=' || cp == ':' || cp == '\n')
			end = i;
		else if (!is_blank(cp) && !key_rune(cp))
			break;
	}
	if (end == SIZE_MAX && i < c->n) {
		char *q = go_quote(cp);

		fail(c, i, xasprintf(
		    "line %u: unexpected character %s in variable name",
		    line_at(c, i), q));
		free(q);
		return false;
	}
	*key = c->pos;
	/* No terminator before EOF: the key is "" and the text its value. */
	*klen = end != SIZE_MAX ? trim_right(s + c->pos, end - c->pos) : 0;
	*inherited = end != SIZE_MAX && s[end] == '\n';
	if (end != SIZE_MAX)
		c->pos = end + 1;
	c->pos = skip_runes(s, c->n, c->pos, is_blank);
	if (memchr(s + *key, ' ', *klen) != NULL) {
		fail(c, *key, xasprintf("line %u: key cannot contain a space",
		    line_at(c, *key)));
		return false;
	}
	return true;
}

/* One statement: KEY=value, KEY: value, or KEY alone on its line. */
static bool
statement(struct compose *c)
{
	size_t key, klen;
	bool inherited;
	struct buf v = { 0 };
	const char *ev = NULL;

	if (!key_name(c, &key, &klen, &inherited))
		return false;
	if (inherited) {
		buf_reset(&c->name);
		buf_add(&c->name, c->b + key, klen);
		ev = c->env != NULL ? c->env(c->name.p, c->arg) : NULL;
		if (ev != NULL)
			loaded_addn(c->out, c->b + key, klen, ev, strlen(ev),
			    c->base + key);
		else
			loaded_drop(c->out, c->base + key);
	} else if (value(c, &v)) {
		loaded_addn(c->out, c->b + key, klen, v.p, v.n, c->base + key);
	} else {
		buf_free(&v);
		return false;
	}
	buf_free(&v);
	if (ev != NULL || !inherited)
		nametab_add(&c->names, c->out, klen);
	return true;
}

/* The API request is JSON from Go: each invalid byte becomes U+FFFD. */
static void
to_json_utf8(struct binding *b)
{
	struct buf o = { 0 };
	int32_t cp;
	size_t w;

	if (b->value == NULL || utf8_valid(b->value, b->value_len))
		return;
	buf_add(&o, "", 0);
	for (size_t i = 0; i < b->value_len; i += w) {
		w = go_rune(b->value + i, b->value_len - i, &cp);
		if (cp == 0xfffd && w == 1)
			buf_add(&o, "\xef\xbf\xbd", 3);
		else
			buf_add(&o, b->value + i, w);
	}
	xwipe(b->value, b->value_len);
	free(b->value);
	b->value = buf_take(&o, &b->value_len);
}

static void
parse(const char *buf, size_t len, loader_env_fn env, void *arg,
    struct loaded *out)
{
	struct compose c = {
		.b = buf, .n = len, .env = env, .arg = arg, .out = out,
		.tpl = {
			.lookup = lookup,
			.budget = 16 * 1024 * 1024 + 16 * len,
		},
	};

	c.tpl.arg = &c;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		c.b += 3;
		c.n -= 3;
		c.base = 3;
	}
	while (!c.failed && statement_start(&c))
		statement(&c);
	for (size_t i = 0; i < out->n; i++)
		to_json_utf8(&out->v[i]);
	nametab_free(&c.names);
	buf_free(&c.name);
}

const struct loader loader_compose = {
	.id = LOADER_COMPOSE,
	.name = "compose-env-file",
	.title = N_("docker compose env_file"),
	.parse = parse,
};
