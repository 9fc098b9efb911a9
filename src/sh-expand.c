/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Word expansion in the sh loader: quotes, escapes, ~, parameters and
 * ${...} forms, as dash does them, and field splitting on the default
 * IFS of what unquoted expansions made. */
#include <config.h>

#include "sh.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

#define PATTERN_MAX	1024	/* ${X%pat} on longer values: not emulated */

/* ---- the word buffer ---- */

/* Appends s[0..n) to b with a backslash before each * ? [ and \, so
 * that a quoted one stays literal in a pattern. */
static void
add_escaped(struct buf *b, const char *s, size_t n)
{
	buf_add(b, NULL, 0);	/* even "" gives a string */
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\0' && strchr("*?[\\", s[i]) != NULL)
			buf_addc(b, '\\');
		buf_addc(b, s[i]);
	}
}

bool
sh_xb_add(struct sh *sh, struct xbuf *xb, const char *s, size_t n,
    unsigned fl, bool quoted, bool exp)
{
	bool split = (fl & X_SPLIT) && !quoted && (exp || (fl & X_INEXP));
	size_t from = xb->b.n;

	/* A file that doubles a value line after line: dash would run out
	 * of memory, we stop reading. */
	if (2 * n + 1 > sh->budget) {
		sh_stop(sh, sh->cur);
		return false;
	}
	sh->budget -= n;
	if ((fl & X_PAT) && quoted)
		add_escaped(&xb->b, s, n);
	else
		buf_add(&xb->b, s, n);
	/* Escapes come only with quoted bytes, which never split. */
	xb->split = xgrow(xb->split, &xb->splitcap, xb->b.n + 1, 1);
	memset(xb->split + from, split, xb->b.n - from);
	return true;
}

void
sh_xb_free(struct xbuf *xb)
{
	buf_free(&xb->b);
	free(xb->split);
	memset(xb, 0, sizeof *xb);
}

/* ---- field splitting ---- */

void
sh_fields_add(struct fields *f, const char *p, size_t n, size_t at)
{
	f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
	f->v[f->n].p = xmemdup(p, n);
	f->v[f->n].n = n;
	f->v[f->n++].at = at;
}

void
sh_fields_free(struct fields *f)
{
	for (size_t i = 0; i < f->n; i++) {
		xwipe(f->v[i].p, f->v[i].n);
		free(f->v[i].p);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}

/* Field splitting on the default IFS, of what expansions made. */
void
sh_split_fields(struct xbuf *xb, size_t at, struct fields *f)
{
	size_t i = 0, start, before = f->n;

	while (i < xb->b.n) {
		while (i < xb->b.n && xb->split[i] &&
		    strchr(" \t\n", xb->b.p[i]) != NULL && xb->b.p[i] != '\0')
			i++;
		if (i >= xb->b.n)
			break;
		for (start = i; i < xb->b.n && !(xb->split[i] &&
		    xb->b.p[i] != '\0' && strchr(" \t\n", xb->b.p[i]) != NULL);)
			i++;
		sh_fields_add(f, xb->b.p + start, i - start, at);
	}
	if (f->n == before && xb->quoted)
		sh_fields_add(f, "", 0, at);
}

/* ---- expansions ---- */

/* The value of a parameter; NULL when unset.  $$ is the shell's PID,
 * which nothing can predict: it stays "$$" so that a reader sees it. */
static const char *
param(struct sh *sh, const char *name, size_t n, size_t *len)
{
	char c = name[0];

	if (shname_start(c))
		return sh_var_get(sh, name, n, len);
	*len = 0;
	if (c == '?' || c == '#')
		*len = (size_t)snprintf(sh->num, sizeof sh->num, "%d",
		    c == '?' ? sh->status : (int)sh->npos);
	else if (c == '$')
		*len = 2;
	else if (c == '0')
		*len = 2;
	else if (c == '-')
		*len = (size_t)snprintf(sh->num, sizeof sh->num, "%s%s%s%s",
		    sh->errexit ? "e" : "", sh->noexec ? "n" : "",
		    sh->allexport ? "a" : "", sh->nounset ? "u" : "");
	else
		return NULL;		/* $1.. $@ $* $! */
	return c == '$' ? "$$" : c == '0' ? "sh" : sh->num;
}

/* End of the parameter name at i: a name, digits or one special. */
static size_t
param_end(const struct sh *sh, size_t i, size_t e)
{
	if (i >= e)
		return i;
	if (shname_start(sh->b[i])) {
		while (i < e && shname_char(sh->b[i]))
			i++;
		return i;
	}
	if (sh->b[i] >= '0' && sh->b[i] <= '9') {
		while (i < e && sh->b[i] >= '0' && sh->b[i] <= '9')
			i++;
		return i;
	}
	return strchr("@*#?-$!", sh->b[i]) != NULL && sh->b[i] != '\0' ?
	    i + 1 : i;
}

/* Emits a parameter's value; an unset one is fatal under set -u. */
static bool
emit_param(struct sh *sh, const char *v, size_t len, bool special,
    unsigned fl, struct xbuf *xb)
{
	if (v == NULL && sh->nounset && !special) {
		sh_stop(sh, sh->cur);	/* "X: parameter not set" */
		return false;
	}
	return sh_xb_add(sh, xb, v != NULL ? v : "", len, fl,
	    (fl & X_DQ) != 0, true);
}

/* ${X#p} ${X##p} ${X%p} ${X%%p} on v, which is NUL-terminated. */
static bool
trim_pattern(struct sh *sh, char *v, size_t len, const char *op, size_t s,
    size_t e, unsigned fl, struct xbuf *xb)
{
	struct xbuf pat = { 0 };
	bool longest = op[1] == op[0], prefix = op[0] == '#';
	size_t from = 0, to = len, k;

	if (len > PATTERN_MAX) {
		sh->unsupported = true;
		return false;
	}
	if (!sh_xb_add(sh, &pat, "", 0, 0, false, false) ||
	    !sh_expand(sh, s, e, (fl & X_DQ) | X_PAT, &pat)) {
		sh_xb_free(&pat);
		return false;
	}
	/* Shortest prefix and longest suffix: try from the left. */
	for (size_t i = 0; i <= len; i++) {
		char c;
		bool hit;

		k = prefix == longest ? len - i : i;
		c = v[k];
		v[k] = '\0';
		hit = prefix && fnmatch(pat.b.p, v, 0) == 0;
		v[k] = c;
		if (hit || (!prefix && fnmatch(pat.b.p, v + k, 0) == 0)) {
			*(prefix ? &from : &to) = k;
			break;
		}
	}
	sh_xb_free(&pat);
	return sh_xb_add(sh, xb, v + from, to - from, fl, (fl & X_DQ) != 0,
	    true);
}

/* ${X:-w} ${X-w} ${X:=w} ${X=w} ${X:?w} ${X?w} ${X:+w} ${X+w}; the word
 * is s..e and only expanded when used, as in dash. */
static bool
brace_op(struct sh *sh, const char *name, size_t n, const char *op,
    size_t s, size_t e, unsigned fl, struct xbuf *xb)
{
	size_t len = 0;
	const char *v = param(sh, name, n, &len);
	bool colon = op[0] == ':', absent = v == NULL || (colon && len == 0);
	char kind = op[colon];
	unsigned wfl = fl | ((fl & X_DQ) ? 0 : X_INEXP);
	struct xbuf w = { 0 };
	bool ok;

	if ((kind == '-' && absent) || (kind == '+' && !absent))
		return sh_expand(sh, s, e, wfl, xb);
	if (kind == '+' || !absent)
		return emit_param(sh, v, len, true, fl, xb);
	if (kind == '?' || !shname_start(name[0])) {
		sh_stop(sh, sh->cur);	/* "X: parameter not set" */
		return false;
	}
	/* ${X=w}: assign, then expand to the new value. */
	ok = sh_xb_add(sh, &w, "", 0, 0, false, false) &&
	    sh_expand(sh, s, e, fl & X_DQ, &w) &&
	    sh_var_set(sh, name, n, w.b.p, w.b.n, (size_t)(name - sh->b),
	    false) &&
	    sh_xb_add(sh, xb, w.b.p, w.b.n, fl, (fl & X_DQ) != 0, true);
	sh_xb_free(&w);
	return ok;
}

/* ${X} and ${#X}. */
static bool
brace_plain(struct sh *sh, const char *name, size_t n, bool length,
    unsigned fl, struct xbuf *xb)
{
	size_t len = 0;
	const char *v = param(sh, name, n, &len);

	if (!length || (v == NULL && sh->nounset))
		return emit_param(sh, v, len, !length && (name[0] == '@' ||
		    name[0] == '*'), fl, xb);
	len = (size_t)snprintf(sh->num, sizeof sh->num, "%zu", len);
	return sh_xb_add(sh, xb, sh->num, len, fl, (fl & X_DQ) != 0, true);
}

/* ${X#p} ${X##p} ${X%p} ${X%%p}: the name is k..ne, the operator at
 * ne and the pattern up to close. */
static bool
brace_trim(struct sh *sh, size_t k, size_t ne, size_t close, unsigned fl,
    struct xbuf *xb)
{
	const char *b = sh->b, *v;
	size_t o = ne + 1 + (ne + 1 < close && b[ne + 1] == b[ne]), len = 0;
	char *copy;
	bool ok;

	v = param(sh, b + k, ne - k, &len);
	if (v == NULL && sh->nounset)
		return emit_param(sh, v, len, false, fl, xb);
	/* A copy: trim_pattern cuts it in place to match prefixes. */
	copy = xmemdup(v != NULL ? v : "", len);
	ok = trim_pattern(sh, copy, len, b + ne, o, close, fl, xb);
	xwipe(copy, len);
	free(copy);
	return ok;
}

/* ${...} at *i; *i moves past it.  A malformed one is "Bad
 * substitution", which ends the script. */
static bool
brace(struct sh *sh, size_t *i, unsigned fl, struct xbuf *xb)
{
	size_t k = *i + 2, close, ne;
	const char *b = sh->b;
	bool length = false;

	if ((close = sh_scan_dollar(sh, *i, (fl & X_DQ) != 0)) == NONE) {
		sh->unsupported = true;		/* parsed before: cannot be */
		return false;
	}
	*i = close--;
	if (b[k] == '#' && k + 1 < close && param_end(sh, k + 1, close) ==
	    close) {
		length = true;
		k++;
	}
	if ((ne = param_end(sh, k, close)) == k) {
		sh_stop(sh, sh->cur);
		return false;
	}
	if (length || ne == close)
		return brace_plain(sh, b + k, ne - k, length, fl, xb);
	size_t o = ne + (b[ne] == ':');

	if (o < close && strchr("-=?+", b[o]) != NULL)
		return brace_op(sh, b + k, ne - k, b + ne, o + 1, close, fl,
		    xb);
	if (o > ne || (b[ne] != '%' && b[ne] != '#')) {
		sh_stop(sh, sh->cur);
		return false;
	}
	return brace_trim(sh, k, ne, close, fl, xb);
}

/* $... at *i: parameters, ${...}, $(...) and `$` alone. */
static bool
dollar(struct sh *sh, size_t *i, size_t e, unsigned fl, struct xbuf *xb)
{
	size_t k = *i + 1, j, len = 0;
	const char *b = sh->b, *v;

	if (k < e && b[k] == '{')
		return brace(sh, i, fl, xb);
	if (k < e && b[k] == '(') {
		if (k + 1 < e && b[k + 1] == '(') {
			sh->unsupported = true;	/* $((arithmetic)) */
			return false;
		}
		if ((j = sh_scan_dollar(sh, *i, false)) == NONE) {
			sh->unsupported = true;
			return false;
		}
		*i = j;
		return sh_command_subst(sh, k + 1, j - 1, false, fl, xb);
	}
	j = k < e && shname_start(b[k]) ? param_end(sh, k, e) :
	    k < e && b[k] != '\0' && strchr("@*#?-$!0123456789", b[k]) ?
	    k + 1 : k;
	*i = j;
	if (j == k)
		return sh_xb_add(sh, xb, "$", 1, fl, (fl & X_DQ) != 0, false);
	v = param(sh, b + k, j - k, &len);
	return emit_param(sh, v, len, b[k] == '@' || b[k] == '*', fl, xb);
}

/* ~ and ~/...: $HOME; ~user is left alone (dash asks getpwnam). */
static bool
tilde(struct sh *sh, size_t *i, size_t e, unsigned fl, struct xbuf *xb)
{
	size_t j = *i + 1, len = 0;
	const char *home;

	while (j < e && sh->b[j] != '/' && !((fl & X_ASSIGN) &&
	    sh->b[j] == ':'))
		j++;
	home = j == *i + 1 ? sh_var_get(sh, "HOME", 4, &len) : NULL;
	if (home == NULL) {
		(*i)++;
		return sh_xb_add(sh, xb, "~", 1, fl, false, false);
	}
	*i = j;
	return sh_xb_add(sh, xb, home, len, fl, true, true);
}

/* \x at *i: outside quotes any byte; inside "...", only $ ` " \ and a
 * newline lose the backslash.  Backslash-newline disappears. */
static bool
backslash(struct sh *sh, size_t *i, size_t e, unsigned fl,
    struct xbuf *xb)
{
	const char *b = sh->b;
	size_t k = *i + 1;
	bool dq = (fl & X_DQ) != 0;

	if (k >= e || (dq && strchr("$`\"\\\n", b[k]) == NULL) ||
	    b[k] == '\0') {
		(*i)++;
		return sh_xb_add(sh, xb, "\\", 1, fl, true, false);
	}
	*i = k + 1;
	return b[k] == '\n' || sh_xb_add(sh, xb, b + k, 1, fl, true, false);
}

/* '...', "..." or `...` at *i; *i moves past it. */
static bool
quoted(struct sh *sh, size_t *i, unsigned fl, struct xbuf *xb)
{
	char c = sh->b[*i];
	size_t s = *i + 1, j = sh_scan_construct(sh, *i, (fl & X_DQ) != 0);

	if (j == NONE) {
		sh->unsupported = true;
		return false;
	}
	*i = j;
	xb->quoted = xb->quoted || c != '`';
	if (c == '`')
		return sh_command_subst(sh, s, j - 1, true, fl, xb);
	if (c == '"')
		return sh_expand(sh, s, j - 1, fl | X_DQ, xb);
	return sh_xb_add(sh, xb, sh->b + s, j - s - 1, fl, true, false);
}

bool
sh_expand(struct sh *sh, size_t i, size_t e, unsigned fl, struct xbuf *xb)
{
	const char *b = sh->b;
	bool dq = (fl & X_DQ) != 0, at_tilde = !dq, ok = true;

	while (ok && i < e) {
		char c = b[i];

		if (at_tilde && c == '~') {
			ok = tilde(sh, &i, e, fl, xb);
			at_tilde = false;
			continue;
		}
		at_tilde = c == ':' && !dq && (fl & X_ASSIGN);
		if (c == '\\') {
			ok = backslash(sh, &i, e, fl, xb);
		} else if (c == '$') {
			ok = dollar(sh, &i, e, fl, xb);
		} else if ((c == '\'' && !dq) || c == '"' || c == '`') {
			ok = quoted(sh, &i, fl, xb);
		} else {
			ok = sh_xb_add(sh, xb, &c, 1, fl, dq, false);
			i++;
		}
	}
	return ok;
}
