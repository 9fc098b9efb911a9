/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* docker compose env_file: (compose-spec/compose-go dotenv/parser.go and
 * template/template.go): statements, quoting, escapes and ${} expansion,
 * ported rule by rule.  Any error refuses the file, as compose does. */
#include <config.h>

#include "loader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

#define NESTING_MAX	64	/* ${A:-${B:-...}} deeper than this: error */

/* A growable byte string. */
struct sbuf {
	char	*p;
	size_t	 n, cap;
};

struct compose {
	const char	*b;		/* the input after the BOM */
	size_t		 n;
	size_t		 base;		/* BOM bytes: b[0] is buf[base] */
	size_t		 pos;
	loader_env_fn	 env;
	void		*arg;
	struct loaded	*out;
	size_t		*slot;		/* hash: binding index + 1, or 0 */
	size_t		 nslot;
	size_t		 budget;	/* bytes expansion may still make */
	struct sbuf	 name;		/* scratch for NUL-terminated names */
	bool		 failed;	/* out holds the refusal */
};

/* Appends n bytes and keeps a NUL after them. */
static void
sb_add(struct sbuf *sb, const char *s, size_t n)
{
	sb->p = xgrow(sb->p, &sb->cap, sb->n + n + 1, 1);
	memcpy(sb->p + sb->n, s, n);
	sb->n += n;
	sb->p[sb->n] = '\0';
}

/* Values may be the API key: wipe before freeing. */
static void
sb_free(struct sbuf *sb)
{
	if (sb->p != NULL)
		xwipe(sb->p, sb->cap);
	free(sb->p);
}

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

static size_t
hash(const char *s)
{
	size_t h = 2166136261u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static size_t *
find_slot(struct compose *c, const char *name)
{
	size_t i = hash(name) & (c->nslot - 1);

	while (c->slot[i] != 0 &&
	    strcmp(c->out->v[c->slot[i] - 1].name, name) != 0)
		i = (i + 1) & (c->nslot - 1);
	return &c->slot[i];
}

/* Keeps the slot table at most half full, then points name at the
 * binding just added. */
static void
index_last(struct compose *c)
{
	if (2 * c->out->n > c->nslot) {
		size_t *old = c->slot, nold = c->nslot;

		c->nslot = c->nslot != 0 ? 2 * c->nslot : 64;
		c->slot = xcalloc(c->nslot, sizeof *c->slot);
		for (size_t i = 0; i < nold; i++)
			if (old[i] != 0)
				*find_slot(c, c->out->v[old[i] - 1].name) =
				    old[i];
		free(old);
	}
	*find_slot(c, c->out->v[c->out->n - 1].name) = c->out->n;
}

/* The value of name (n bytes) for interpolation, or NULL when unset. */
static const char *
lookup(struct compose *c, const char *name, size_t n, size_t *len)
{
	const char *v;
	size_t *slot;

	c->name.n = 0;
	sb_add(&c->name, name, n);
	v = c->env != NULL ? c->env(c->name.p, c->arg) : NULL;
	*len = v != NULL ? strlen(v) : 0;
	if (v != NULL)
		return v;
	if (c->nslot == 0 || *(slot = find_slot(c, c->name.p)) == 0)
		return NULL;
	*len = c->out->v[*slot - 1].value_len;
	return c->out->v[*slot - 1].value;
}

/* Appends n expanded bytes, within the budget (a file that doubles a
 * value line after line would exhaust memory; compose would die too). */
static bool
emit(struct compose *c, struct sbuf *o, const char *s, size_t n, size_t at)
{
	if (n > c->budget) {
		/* Not compose's words: Go would run out of memory. */
		fail(c, at, xstrdup(_("expanded values are too large")));
		return false;
	}
	c->budget -= n;
	sb_add(o, s, n);
	return true;
}

/* ---- template.go ---- */

/* The last '}' of the line being expanded, found once per line so that a
 * long line of ${A:-x} stays linear. */
struct lastbrace {
	size_t	 end;		/* the LF (or the end) of the cached line */
	size_t	 last;		/* its last '}', or SIZE_MAX */
	bool	 valid;
};

static bool	substitute(struct compose *, const char *, size_t, size_t,
		    struct sbuf *, unsigned);

static bool
name_start(char ch)
{
	return ch == '_' || (ch >= 'a' && ch <= 'z') ||
	    (ch >= 'A' && ch <= 'Z');
}

static bool
name_char(char ch)
{
	return name_start(ch) || (ch >= '0' && ch <= '9');
}

/* getFirstBraceClosingIndex: '{' opens and skips the next byte. */
static size_t
first_closing(const char *s, size_t n)
{
	long open = 0;

	for (size_t j = 0; j < n; j++) {
		if (s[j] == '}' && --open == 0)
			return j;
		if (s[j] == '{') {
			open++;
			j++;
		}
	}
	return SIZE_MAX;
}

/* One ${NAME<op>arg}: op is s[0] (and s[1] after ':'). */
static bool
apply_op(struct compose *c, const char *name, size_t nlen, const char *op,
    struct sbuf *arg, struct sbuf *o, size_t at)
{
	size_t len = 0;
	const char *v = lookup(c, name, nlen, &len);
	bool colon = op[0] == ':';
	char kind = op[colon];
	bool absent = v == NULL || (colon && len == 0);

	if (kind == '-')
		return absent ? emit(c, o, arg->p, arg->n, at) :
		    emit(c, o, v, len, at);
	if (kind == '+')
		return !absent ? emit(c, o, arg->p, arg->n, at) :
		    emit(c, o, v != NULL ? v : "", len, at);
	if (!absent)
		return emit(c, o, v, len, at);
	fail(c, at, xasprintf("required variable %.*s is missing a value%s%s",
	    (int)nlen, name, arg->n != 0 ? ": " : "",
	    arg->n != 0 ? arg->p : ""));
	return false;
}

/* ${NAME<op>...}: the regexp's (.*)} runs to the last '}' on the line,
 * then the match is cut at getFirstBraceClosingIndex. */
static size_t
last_brace(const char *s, size_t n, size_t from, struct lastbrace *lb)
{
	const char *lf, *r;

	if (!lb->valid || from > lb->end) {
		lf = memchr(s + from, '\n', n - from);
		lb->end = lf != NULL ? (size_t)(lf - s) : n;
		r = memrchr(s + from, '}', lb->end - from);
		lb->last = r != NULL ? (size_t)(r - s) : SIZE_MAX;
		lb->valid = true;
	}
	return lb->last != SIZE_MAX && lb->last >= from ? lb->last : SIZE_MAX;
}

static bool
braced_op(struct compose *c, const char *s, size_t n, size_t *i, size_t e,
    struct sbuf *o, size_t at, unsigned depth, struct lastbrace *lb)
{
	size_t q = e + (s[e] == ':'), close, cut;
	size_t last = last_brace(s, n, q + 1, lb);
	struct sbuf arg = { 0 };
	bool ok;

	if (last == SIZE_MAX) {
		fail(c, at, xstrdup("Invalid template"));
		return false;
	}
	cut = first_closing(s + *i, last + 1 - *i);
	close = cut != SIZE_MAX ? *i + cut : last;
	sb_add(&arg, "", 0);
	/* compose-go expands the argument even when it goes unused. */
	ok = substitute(c, s + q + 1, close - q - 1, at, &arg, depth + 1) &&
	    apply_op(c, s + *i + 2, e - *i - 2, s + e, &arg, o, at);
	sb_free(&arg);
	*i = close + 1;
	return ok;
}

/* s[*i] is '$' and s[*i + 1] is '{'. */
static bool
braced(struct compose *c, const char *s, size_t n, size_t *i,
    struct sbuf *o, size_t at, unsigned depth, struct lastbrace *lb)
{
	size_t e = *i + 2, q;
	size_t len = 0;
	const char *v;

	if (e < n && name_start(s[e]))
		while (e < n && name_char(s[e]))
			e++;
	if (e == *i + 2 || e >= n || depth >= NESTING_MAX) {
		fail(c, at, xstrdup("Invalid template"));
		return false;
	}
	q = e + (s[e] == ':');
	if (q < n && (s[q] == '-' || s[q] == '+' || s[q] == '?'))
		return braced_op(c, s, n, i, e, o, at, depth, lb);
	if (s[e] != '}') {
		fail(c, at, xstrdup("Invalid template"));
		return false;
	}
	v = lookup(c, s + *i + 2, e - *i - 2, &len);
	*i = e + 1;
	return emit(c, o, v != NULL ? v : "", len, at);
}

/* template.Substitute over s[0..n): $$, $NAME, ${NAME...}.  at is where
 * the value starts in the file, for errors. */
static bool
substitute(struct compose *c, const char *s, size_t n, size_t at,
    struct sbuf *o, unsigned depth)
{
	size_t i = 0, len = 0, e;
	const char *d, *v;
	struct lastbrace lb = { 0 };

	while (i < n) {
		d = memchr(s + i, '$', n - i);
		if (d == NULL)
			return emit(c, o, s + i, n - i, at);
		if (!emit(c, o, s + i, (size_t)(d - s) - i, at))
			return false;
		i = (size_t)(d - s);
		if (i + 1 < n && s[i + 1] == '{') {
			if (!braced(c, s, n, &i, o, at, depth, &lb))
				return false;
			continue;
		}
		if (i + 1 >= n || !name_start(s[i + 1])) {
			/* $$ is one '$'; a '$' before anything else stays. */
			i += i + 1 < n && s[i + 1] == '$' ? 2 : 1;
			if (!emit(c, o, "$", 1, at))
				return false;
			continue;
		}
		for (e = i + 1; e < n && name_char(s[e]); e++)
			continue;
		v = lookup(c, s + i + 1, e - i - 1, &len);
		if (!emit(c, o, v != NULL ? v : "", len, at))
			return false;
		i = e;
	}
	return true;
}

/* ---- parser.go ---- */

/* expandEscapes: \a \b \f \n \r \t \v \\ \" become the character, \$
 * becomes $$ (a literal '$' for the template), \0NNN is octal. */
static size_t
octal_escape(const char *s, size_t n, struct sbuf *o)
{
	size_t d = 0;
	unsigned v = 0;
	bool octal = true;
	char u[4];

	/* The regexp takes \0 and up to three digits ... */
	for (; d < 3 && 2 + d < n && s[2 + d] >= '0' && s[2 + d] <= '9'; d++) {
		octal = octal && s[2 + d] <= '7';
		v = v * 8 + (unsigned)(s[2 + d] - '0');
	}
	/* ... and strconv.UnquoteChar wants three octal ones, <= 0377, and
	 * gives a rune, so \0377 is U+00FF in UTF-8. */
	if (d == 3 && octal && v <= 255)
		sb_add(o, u, utf8_encode((int32_t)v, u));
	else
		sb_add(o, s, 2 + d);
	return 2 + d;
}

static void
expand_escapes(const char *s, size_t n, struct sbuf *o)
{
	static const char from[] = "abfnrtv\\\"";
	static const char to[] = "\a\b\f\n\r\t\v\\\"";
	const char *k;

	sb_add(o, "", 0);
	for (size_t i = 0; i < n;) {
		k = i + 1 < n && s[i] == '\\' && s[i + 1] != '\0' ?
		    strchr(from, s[i + 1]) : NULL;
		if (i + 1 < n && s[i] == '\\' && s[i + 1] == '0') {
			i += octal_escape(s + i, n - i, o);
		} else if (i + 1 < n && s[i] == '\\' && s[i + 1] == '$') {
			sb_add(o, "$$", 2);
			i += 2;
		} else if (k != NULL) {
			sb_add(o, to + (k - from), 1);
			i += 2;
		} else {
			/* Not an escape: the backslash stays. */
			sb_add(o, s + i++, 1);
		}
	}
}

/* Reads a quoted value at c->pos (the quote).  A backslash before the
 * quote character drops out; any other escaped pair stays whole. */
static bool
quoted_value(struct compose *c, struct sbuf *raw)
{
	char q = c->b[c->pos];
	bool esc = false;

	for (size_t i = c->pos + 1; i < c->n; i++) {
		char ch = c->b[i];

		if (esc) {
			esc = false;
			if (ch != q)
				sb_add(raw, "\\", 1);
			sb_add(raw, &ch, 1);
		} else if (ch == '\\') {
			esc = true;
		} else if (ch == q) {
			c->pos = i + 1;
			return true;
		} else {
			sb_add(raw, &ch, 1);
		}
	}
	/* compose-go counted every line to EOF before giving up. */
	fail(c, c->pos, xasprintf("line %u: unterminated quoted value",
	    line_at(c, c->n)));
	return false;
}

/* extractVarValue: the value at c->pos, expanded, into o. */
static bool
value(struct compose *c, struct sbuf *o)
{
	struct sbuf raw = { 0 }, esc = { 0 };
	size_t at = c->pos, end;
	const char *lf, *hash;
	bool ok = true;

	sb_add(o, "", 0);
	if (c->pos < c->n && (c->b[c->pos] == '"' || c->b[c->pos] == '\'')) {
		char q = c->b[c->pos];

		sb_add(&raw, "", 0);
		ok = quoted_value(c, &raw);
		if (ok && q == '\'')
			sb_add(o, raw.p, raw.n);
		else if (ok) {
			expand_escapes(raw.p, raw.n, &esc);
			ok = substitute(c, esc.p, esc.n, at, o, 0);
		}
		sb_free(&raw);
		sb_free(&esc);
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
	return substitute(c, c->b + at, end - at, at, o, 0);
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
	struct sbuf v = { 0 };
	const char *ev = NULL;

	if (!key_name(c, &key, &klen, &inherited))
		return false;
	if (inherited) {
		c->name.n = 0;
		sb_add(&c->name, c->b + key, klen);
		ev = c->env != NULL ? c->env(c->name.p, c->arg) : NULL;
		if (ev != NULL)
			loaded_addn(c->out, c->b + key, klen, ev, strlen(ev),
			    c->base + key);
		else
			loaded_drop(c->out, c->base + key);
	} else if (value(c, &v)) {
		loaded_addn(c->out, c->b + key, klen, v.p, v.n, c->base + key);
	} else {
		sb_free(&v);
		return false;
	}
	sb_free(&v);
	if (ev != NULL || !inherited)
		index_last(c);
	return true;
}

/* The API request is JSON from Go: each invalid byte becomes U+FFFD. */
static void
to_json_utf8(struct binding *b)
{
	struct sbuf o = { 0 };
	int32_t cp;
	size_t w;

	if (b->value == NULL || utf8_valid(b->value, b->value_len))
		return;
	sb_add(&o, "", 0);
	for (size_t i = 0; i < b->value_len; i += w) {
		w = go_rune(b->value + i, b->value_len - i, &cp);
		if (cp == 0xfffd && w == 1)
			sb_add(&o, "\xef\xbf\xbd", 3);
		else
			sb_add(&o, b->value + i, w);
	}
	xwipe(b->value, b->value_len);
	free(b->value);
	b->value = o.p;	/* its spare capacity holds nothing secret */
	b->value_len = o.n;
}

static void
parse(const char *buf, size_t len, loader_env_fn env, void *arg,
    struct loaded *out)
{
	struct compose c = {
		.b = buf, .n = len, .env = env, .arg = arg, .out = out,
		.budget = 16 * 1024 * 1024 + 16 * len,
	};

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		c.b += 3;
		c.n -= 3;
		c.base = 3;
	}
	while (!c.failed && statement_start(&c))
		statement(&c);
	for (size_t i = 0; i < out->n; i++)
		to_json_utf8(&out->v[i]);
	free(c.slot);
	free(c.name.p);
}

const struct loader loader_compose = {
	.id = LOADER_COMPOSE,
	.name = "compose-env-file",
	.title = N_("docker compose env_file"),
	.parse = parse,
};
