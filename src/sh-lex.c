/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The sh loader's input and lexer: NUL bytes dropped as dash drops them,
 * and tokens whose ends are found the way dash finds them (quotes,
 * ${...}, $(...) and `...` nest, and the inside of $(...) must parse). */
#include <config.h>

#include "sh.h"

#include <string.h>

#include "buf.h"
#include "loader.h"
#include "xalloc.h"

/* ---- input ---- */

size_t
sh_orig(const struct sh *sh, size_t off)
{
	size_t lo = 0, hi = sh->nnul;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sh->nul[mid] - mid > off)
			hi = mid;
		else
			lo = mid + 1;
	}
	return off + lo;
}

void
sh_strip_nuls(struct sh *sh, const char *buf, size_t len)
{
	size_t cap = 0, from = 0;

	sh->b = buf;
	sh->n = len;
	if (len == 0 || memchr(buf, '\0', len) == NULL)
		return;
	for (size_t i = 0; i < len; i++) {
		if (buf[i] != '\0')
			continue;
		buf_add(&sh->copy, buf + from, i - from);
		from = i + 1;
		sh->nul = xgrow(sh->nul, &cap, sh->nnul + 1, sizeof *sh->nul);
		sh->nul[sh->nnul++] = i;
	}
	buf_add(&sh->copy, buf + from, len - from);
	sh->b = sh->copy.p;
	sh->n = sh->copy.n;
}

/* Reading ends here: a syntax error, a fatal expansion error, exit. */
void
sh_stop(struct sh *sh, size_t off)
{
	if (sh->stop)
		return;
	sh->stop = true;
	sh->out->truncated = true;
	sh->out->truncated_offset = sh_orig(sh, off);
}

/* ---- finding where words and quoted parts end ---- */

static size_t	scan_backquote(struct sh *, size_t, bool);

static size_t
scan_err(struct sh *sh, size_t at)
{
	sh->err_off = at;
	return NONE;
}

/* The index after the construct at i (a quote, an expansion, an escape
 * or one plain byte), or NONE when it never ends. */
size_t
sh_scan_construct(struct sh *sh, size_t i, bool dq)
{
	const char *b = sh->b;
	size_t j;

	switch (b[i]) {
	case '\\':
		return i + 2 <= sh->n ? i + 2 : sh->n;
	case '\'':
		if (dq)
			return i + 1;
		j = i + 1;
		while (j < sh->n && b[j] != '\'')
			j++;
		return j < sh->n ? j + 1 : scan_err(sh, i);
	case '"':
		for (j = i + 1; j < sh->n && b[j] != '"';)
			if ((j = sh_scan_construct(sh, j, true)) == NONE)
				return NONE;
		return j < sh->n ? j + 1 : scan_err(sh, i);
	case '`':
		return scan_backquote(sh, i, dq);
	case '$':
		return sh_scan_dollar(sh, i, dq);
	default:
		return i + 1;
	}
}

/* ${...} and $(...) (and $((...))): to the matching brace or paren. */
static size_t
scan_to_close(struct sh *sh, size_t i, bool dq, char close)
{
	size_t j = i + 2;
	int paren = 1;

	while (j < sh->n) {
		char c = sh->b[j];

		if (c == close && (close == '}' || --paren == 0))
			return j + 1;
		if (c == '(' && close == ')')
			paren++;
		/* In "${X:-'a'}" the single quotes are plain characters. */
		if ((j = sh_scan_construct(sh, j, dq && close == '}')) == NONE)
			return NONE;
	}
	return scan_err(sh, i);
}

static size_t
scan_nested(struct sh *sh, size_t i, bool dq, char close)
{
	size_t j = NONE;
	bool nocheck = sh->nocheck;

	sh->nocheck = true;
	if (++sh->depth <= DEPTH_MAX)
		j = scan_to_close(sh, i, dq, close);
	sh->nocheck = nocheck;
	/* dash parses a command substitution with the command around it,
	 * so an error inside is a syntax error there ($((...)) is not). */
	if (j != NONE && close == ')' && sh->b[i + 2] != '(' &&
	    !sh->nocheck && !sh_script_parses(sh, sh->b + i + 2, j - i - 3))
		j = NONE;
	sh->depth--;
	return j != NONE ? j : scan_err(sh, i);
}

/* `...`: \` \\ and \$ (and \" inside "...") lose the backslash before
 * the inside is parsed. */
static size_t
scan_backquote(struct sh *sh, size_t i, bool dq)
{
	struct buf body = { 0 };
	size_t j;
	bool ok;

	for (j = i + 1; j < sh->n && sh->b[j] != '`'; j++)
		if (sh->b[j] == '\\')
			j++;
	if (j >= sh->n || sh->depth >= DEPTH_MAX)
		return scan_err(sh, i);
	if (sh->nocheck)
		return j + 1;
	buf_add(&body, NULL, 0);	/* `` is an empty script, not NULL */
	for (size_t k = i + 1; k < j; k++) {
		if (sh->b[k] == '\\' && sh->b[k + 1] != '\0' &&
		    strchr(dq ? "`\\$\"" : "`\\$", sh->b[k + 1]) != NULL)
			k++;
		buf_addc(&body, sh->b[k]);
	}
	sh->depth++;
	ok = sh_script_parses(sh, body.p, body.n);
	sh->depth--;
	buf_free(&body);
	return ok ? j + 1 : scan_err(sh, i);
}

size_t
sh_scan_dollar(struct sh *sh, size_t i, bool dq)
{
	if (i + 1 < sh->n && sh->b[i + 1] == '{')
		return scan_nested(sh, i, dq, '}');
	if (i + 1 < sh->n && sh->b[i + 1] == '(')
		return scan_nested(sh, i, false, ')');
	return i + 1;
}

/* ---- tokens ---- */

/* Blanks, line continuations and a comment before the next token. */
static size_t
skip_blanks(const struct sh *sh, size_t i)
{
	for (;;) {
		if (i < sh->n && sh_is_blank(sh->b[i]))
			i++;
		else if (i + 1 < sh->n && sh->b[i] == '\\' &&
		    sh->b[i + 1] == '\n')
			i += 2;
		else
			break;
	}
	if (i < sh->n && sh->b[i] == '#')
		while (i < sh->n && sh->b[i] != '\n')
			i++;
	return i;
}

/* [n]< << <& <> > >> >& >| at i. */
static void
lex_redir(struct sh *sh, size_t i, struct token *t)
{
	const char *b = sh->b;
	char c;

	while (b[i] >= '0' && b[i] <= '9')
		i++;
	c = b[i++];
	t->t = T_REDIR;
	t->op = c;
	if (i < sh->n && (b[i] == '&' || b[i] == '>' || (c == '>' &&
	    b[i] == '|') || (c == '<' && b[i] == '<'))) {
		t->op = b[i] == '&' ? '&' : b[i] == '<' ? 'h' :
		    c == '<' ? '>' : c;
		i++;
	}
	if (t->op == 'h' && i < sh->n && b[i] == '-')
		i++;
	t->e = i;
}

/* ; ;; & && | || ( ) at i; false when there is none. */
static bool
lex_op(struct sh *sh, size_t i, struct token *t)
{
	static const char ops[] = ";&|()";
	static const enum tok one[] = { T_SEMI, T_AMP, T_PIPE, T_LPAREN,
	    T_RPAREN };
	static const enum tok two[] = { T_DSEMI, T_AND, T_OR };
	const char *op = strchr(ops, sh->b[i]);

	if (op == NULL || sh->b[i] == '\0')
		return false;
	t->t = one[op - ops];
	if (op - ops < 3 && i + 1 < sh->n && sh->b[i + 1] == *op) {
		t->t = two[op - ops];
		t->e = i + 2;
	}
	return true;
}

static void
lex(struct sh *sh, struct token *t)
{
	size_t i = skip_blanks(sh, sh->pos), j = i;

	t->s = i;
	t->e = i + 1;
	if (i >= sh->n) {
		t->t = T_EOF;
		t->e = i;
		return;
	}
	if (sh->b[i] == '\n') {
		t->t = T_NL;
		return;
	}
	if (lex_op(sh, i, t))
		return;
	while (j < sh->n && sh->b[j] >= '0' && sh->b[j] <= '9')
		j++;
	if (j < sh->n && (sh->b[j] == '<' || sh->b[j] == '>')) {
		lex_redir(sh, i, t);
		return;
	}
	for (j = i; j < sh->n && !sh_is_blank(sh->b[j]) && sh->b[j] != '\n' &&
	    strchr(";&|()<>", sh->b[j]) == NULL;)
		if ((j = sh_scan_construct(sh, j, false)) == NONE)
			break;
	t->t = j == NONE ? T_BAD : T_WORD;
	t->s = j == NONE ? sh->err_off : i;
	t->e = j;
}

struct token *
sh_peek(struct sh *sh)
{
	if (!sh->peeked) {
		lex(sh, &sh->tok);
		sh->peeked = true;
	}
	return &sh->tok;
}

void
sh_advance(struct sh *sh)
{
	sh->pos = sh_peek(sh)->e;
	sh->peeked = false;
}
