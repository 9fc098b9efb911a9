/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* compose-go template/template.go, ported rule by rule: the expansion that
 * docker compose runs over every env_file value loader-compose.c reads. */
#include <config.h>

#include "compose-template.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "shname.h"
#include "xalloc.h"

#define NESTING_MAX	64	/* ${A:-${B:-...}} deeper than this: error */

/* One call of compose_template_substitute. */
struct run {
	struct compose_template	*t;
	char			**cause;	/* the first error */
};

/* The last '}' of the line being expanded, found once per line so that a
 * long line of ${A:-x} stays linear. */
struct lastbrace {
	size_t	 end;		/* the LF (or the end) of the cached line */
	size_t	 last;		/* its last '}', or SIZE_MAX */
	bool	 valid;
};

static bool	substitute(struct run *, const char *, size_t, struct buf *,
		    unsigned);

/* Records msg (taking it) as the error and returns false, for the callers
 * to pass up.  Only the first error counts, as in compose-go. */
static bool
fail(struct run *r, char *msg)
{
	if (*r->cause == NULL)
		*r->cause = msg;
	else
		free(msg);
	return false;
}

/* Appends n expanded bytes, within the budget. */
static bool
emit(struct run *r, struct buf *o, const char *s, size_t n)
{
	if (n > r->t->budget)
		/* Not compose's words: Go would run out of memory. */
		return fail(r, xstrdup(_("expanded values are too large")));
	r->t->budget -= n;
	buf_add(o, s, n);
	return true;
}

/* A variable's value, or NULL with *len 0 when it is unset. */
static const char *
lookup(struct run *r, const char *name, size_t n, size_t *len)
{
	*len = 0;
	return r->t->lookup(name, n, len, r->t->arg);
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
apply_op(struct run *r, const char *name, size_t nlen, const char *op,
    struct buf *arg, struct buf *o)
{
	size_t len = 0;
	const char *v = lookup(r, name, nlen, &len);
	bool colon = op[0] == ':';
	char kind = op[colon];
	bool absent = v == NULL || (colon && len == 0);

	if (kind == '-')
		return absent ? emit(r, o, arg->p, arg->n) :
		    emit(r, o, v, len);
	if (kind == '+')
		return !absent ? emit(r, o, arg->p, arg->n) :
		    emit(r, o, v != NULL ? v : "", len);
	if (!absent)
		return emit(r, o, v, len);
	return fail(r, xasprintf("required variable %.*s is missing a "
	    "value%s%s", (int)nlen, name, arg->n != 0 ? ": " : "",
	    arg->n != 0 ? arg->p : ""));
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
braced_op(struct run *r, const char *s, size_t n, size_t *i, size_t e,
    struct buf *o, unsigned depth, struct lastbrace *lb)
{
	size_t q = e + (s[e] == ':'), close, cut;
	size_t last = last_brace(s, n, q + 1, lb);
	struct buf arg = { 0 };
	bool ok;

	if (last == SIZE_MAX)
		return fail(r, xstrdup("Invalid template"));
	cut = first_closing(s + *i, last + 1 - *i);
	close = cut != SIZE_MAX ? *i + cut : last;
	buf_add(&arg, "", 0);
	/* compose-go expands the argument even when it goes unused. */
	ok = substitute(r, s + q + 1, close - q - 1, &arg, depth + 1) &&
	    apply_op(r, s + *i + 2, e - *i - 2, s + e, &arg, o);
	buf_free(&arg);
	*i = close + 1;
	return ok;
}

/* s[*i] is '$' and s[*i + 1] is '{'. */
static bool
braced(struct run *r, const char *s, size_t n, size_t *i, struct buf *o,
    unsigned depth, struct lastbrace *lb)
{
	size_t e = *i + 2, q;
	size_t len = 0;
	const char *v;

	if (e < n)
		e += shname_len(s + e, n - e);
	if (e == *i + 2 || e >= n || depth >= NESTING_MAX)
		return fail(r, xstrdup("Invalid template"));
	q = e + (s[e] == ':');
	if (q < n && (s[q] == '-' || s[q] == '+' || s[q] == '?'))
		return braced_op(r, s, n, i, e, o, depth, lb);
	if (s[e] != '}')
		return fail(r, xstrdup("Invalid template"));
	v = lookup(r, s + *i + 2, e - *i - 2, &len);
	*i = e + 1;
	return emit(r, o, v != NULL ? v : "", len);
}

/* template.Substitute over s[0..n): $$, $NAME, ${NAME...}. */
static bool
substitute(struct run *r, const char *s, size_t n, struct buf *o,
    unsigned depth)
{
	size_t i = 0, len = 0, e;
	const char *d, *v;
	struct lastbrace lb = { 0 };

	while (i < n) {
		d = memchr(s + i, '$', n - i);
		if (d == NULL)
			return emit(r, o, s + i, n - i);
		if (!emit(r, o, s + i, (size_t)(d - s) - i))
			return false;
		i = (size_t)(d - s);
		if (i + 1 < n && s[i + 1] == '{') {
			if (!braced(r, s, n, &i, o, depth, &lb))
				return false;
			continue;
		}
		if (i + 1 >= n || !shname_start(s[i + 1])) {
			/* $$ is one '$'; a '$' before anything else stays. */
			i += i + 1 < n && s[i + 1] == '$' ? 2 : 1;
			if (!emit(r, o, "$", 1))
				return false;
			continue;
		}
		for (e = i + 1; e < n && shname_char(s[e]); e++)
			continue;
		v = lookup(r, s + i + 1, e - i - 1, &len);
		if (!emit(r, o, v != NULL ? v : "", len))
			return false;
		i = e;
	}
	return true;
}

bool
compose_template_substitute(struct compose_template *t, const char *s,
    size_t n, struct buf *o, char **cause)
{
	struct run r = { .t = t, .cause = cause };

	*cause = NULL;
	return substitute(&r, s, n, o, 0);
}
