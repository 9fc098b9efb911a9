/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Groups the tokens of an rcfile scan into commands, and keeps a stack of
 * the blocks they are in (if, case, loops, functions, groups, fish begin
 * and end) to tell conditional code apart. */
#include <config.h>

#include "rcfile-scan.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

/* ---- blocks ---- */

enum kw_act {
	K_OPEN,		/* opens a block; a command follows (if, while) */
	K_OPEN_STOP,	/* opens a block; the rest is no command (for) */
	K_SKIP,		/* a command follows (then, do, !) */
	K_STOP,		/* the rest is no command (fish case) */
	K_CLOSE,	/* closes the block b (sh) or the innermost (fish) */
	K_CASE, K_FUNCTION, K_LBRACE, K_RBRACE, K_ELSE, K_ANDOR
};

struct kw {
	const char	*word;
	enum kw_act	 act;
	enum blk	 b;
};

static const struct kw sh_kws[] = {
	{ "if", K_OPEN, B_IF }, { "while", K_OPEN, B_LOOP },
	{ "until", K_OPEN, B_LOOP }, { "for", K_OPEN_STOP, B_LOOP },
	{ "select", K_OPEN_STOP, B_LOOP }, { "case", K_CASE, B_CASE },
	{ "then", K_SKIP, B_IF }, { "else", K_SKIP, B_IF },
	{ "elif", K_SKIP, B_IF }, { "do", K_SKIP, B_LOOP },
	{ "!", K_SKIP, B_IF }, { "time", K_SKIP, B_IF },
	{ "fi", K_CLOSE, B_IF }, { "done", K_CLOSE, B_LOOP },
	{ "esac", K_CLOSE, B_CASE }, { "{", K_LBRACE, B_GROUP },
	{ "}", K_RBRACE, B_GROUP }, { "function", K_FUNCTION, B_FUNC },
	{ NULL, K_SKIP, B_IF }
};

static const struct kw fish_kws[] = {
	{ "if", K_OPEN, B_IF }, { "while", K_OPEN, B_LOOP },
	{ "for", K_OPEN_STOP, B_LOOP }, { "function", K_OPEN_STOP, B_FUNC },
	{ "switch", K_OPEN_STOP, B_CASE }, { "begin", K_OPEN, B_GROUP },
	{ "end", K_CLOSE, B_GROUP }, { "else", K_ELSE, B_IF },
	{ "case", K_STOP, B_CASE }, { "and", K_ANDOR, B_IF },
	{ "or", K_ANDOR, B_IF }, { "not", K_SKIP, B_IF },
	{ "!", K_SKIP, B_IF }, { "command", K_SKIP, B_IF },
	{ "builtin", K_SKIP, B_IF }, { NULL, K_SKIP, B_IF }
};

static void
push(struct scan *s, enum blk b)
{
	if (s->depth < RCFILE_STACK_MAX)
		s->stack[s->depth] = b;
	s->depth++;
}

/* Closes the innermost block of kind a or b, and any left open in it. */
static void
pop_to(struct scan *s, enum blk a, enum blk b)
{
	size_t i = s->depth;

	if (i > RCFILE_STACK_MAX) {	/* not kept: trust the closer */
		s->depth--;
		return;
	}
	while (i > 0 && s->stack[i - 1] != a && s->stack[i - 1] != b)
		i--;
	if (i > 0)
		s->depth = i - 1;
}

static bool
top_is(const struct scan *s, enum blk b)
{
	return s->depth > 0 && s->depth <= RCFILE_STACK_MAX &&
	    s->stack[s->depth - 1] == b;
}

/* Inside anything but a plain { } or begin/end group? */
static bool
in_conditional(const struct scan *s)
{
	if (s->depth > RCFILE_STACK_MAX)
		return true;
	for (size_t i = 0; i < s->depth; i++)
		if (s->stack[i] != B_GROUP)
			return true;
	return false;
}

/* A case pattern "a)" or "(a)" at t: its length, else 0. */
static size_t
case_pattern(const struct tok *t, size_t n)
{
	size_t i = t[0].type == T_LPAREN ? 1 : 0;

	while (i < n && t[i].type == T_WORD)
		i++;
	return i > 0 && i < n && t[i].type == T_RPAREN ? i + 1 : 0;
}

static const struct kw *
kw_find(const struct scan *s, const struct tok *t)
{
	const struct kw *k = s->d == RCFILE_FISH ? fish_kws : sh_kws;

	if (t->type != T_WORD || t->quoted)
		return NULL;
	for (; k->word != NULL; k++)
		if (strcmp(k->word, rcfile_tok_str(t)) == 0)
			return k;
	return NULL;
}

/* The words up to and including "in" of sh case WORD in. */
static size_t
case_head(const struct tok *t, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (t[i].type == T_WORD && !t[i].quoted &&
		    strcmp(rcfile_tok_str(&t[i]), "in") == 0)
			return i + 1;
	return n;
}

/* sh syntax that is not a keyword: case patterns, ( ), f().  How many
 * tokens it uses, or 0. */
static size_t
sh_syntax(struct scan *s, const struct tok *t, size_t n)
{
	if (top_is(s, B_CASE) && case_pattern(t, n) > 0)
		return case_pattern(t, n);
	if (t[0].type == T_LPAREN) {
		push(s, B_PAREN);
		return 1;
	}
	if (t[0].type == T_RPAREN) {
		pop_to(s, B_PAREN, B_PAREN);
		return 1;
	}
	if (n >= 3 && t[0].type == T_WORD && t[1].type == T_LPAREN &&
	    t[2].type == T_RPAREN) {
		s->func_pending = true;
		return 3;
	}
	return 0;
}

/* function NAME [()], { and }: sh blocks that may be function bodies. */
static size_t
sh_block(struct scan *s, const struct kw *k, const struct tok *t, size_t n,
    bool fp)
{
	size_t i;

	if (k->act == K_LBRACE)
		push(s, fp ? B_FUNC : B_GROUP);
	else if (k->act == K_RBRACE)
		pop_to(s, B_FUNC, B_GROUP);
	if (k->act != K_FUNCTION)
		return 1;
	i = n > 1 && t[1].type == T_WORD ? 2 : 1;
	if (i + 1 < n && t[i].type == T_LPAREN && t[i + 1].type == T_RPAREN)
		i += 2;
	s->func_pending = true;
	return i;
}

/* Block syntax at t[0]: how many tokens it uses (0: a command starts
 * here; n: nothing more here runs). */
static size_t
keyword(struct scan *s, const struct tok *t, size_t n)
{
	bool fp = s->func_pending;
	const struct kw *k;
	size_t i = 0;

	s->func_pending = false;
	if (s->d == RCFILE_SH)
		i = sh_syntax(s, t, n);
	k = i == 0 ? kw_find(s, &t[0]) : NULL;
	if (k == NULL)
		return i;
	switch (k->act) {
	case K_OPEN:
	case K_OPEN_STOP:
		push(s, k->b);
		return k->act == K_OPEN ? 1 : n;
	case K_CLOSE:
		if (s->d == RCFILE_FISH)
			s->depth -= s->depth > 0;
		else
			pop_to(s, k->b, k->b);
		return 1;
	case K_CASE:
		push(s, B_CASE);
		return case_head(t, n);
	case K_FUNCTION:
	case K_LBRACE:
	case K_RBRACE:
		return sh_block(s, k, t, n, fp);
	case K_ELSE:	/* fish "else if" opens no block */
		return n > 1 && !t[1].quoted &&
		    strcmp(rcfile_tok_str(&t[1]), "if") == 0 ? 2 : 1;
	case K_ANDOR:
		s->andor = true;
		return 1;
	case K_STOP:
		return n;
	case K_SKIP:
		break;
	}
	return 1;
}

static void
run_cmd(struct scan *s, const struct tok *t, size_t n, bool andor)
{
	size_t i = 0, m = n, used;

	s->andor = andor;
	for (;;) {
		if (i >= n)
			return;
		used = keyword(s, t + i, n - i);
		if (used == 0)
			break;
		i += used;
	}
	/* ( ... X=1 ) : the closing parens are not arguments */
	while (m > i && t[m - 1].type == T_RPAREN)
		m--;
	s->cond = s->andor || in_conditional(s);
	if (m > i)
		rcfile_run_builtin(s, t + i, m - i);
	for (; m < n; m++)
		pop_to(s, B_PAREN, B_PAREN);
}

/* ---- commands ---- */

static void
tok_reset(struct tok *t)
{
	struct buf val = t->val, refs = t->refs;

	buf_reset(&val);
	buf_reset(&refs);
	memset(t, 0, sizeof *t);
	t->val = val;
	t->refs = refs;
}

/* The tokens of one command.  Slots are reused, and own their bufs. */
struct cmdline {
	struct tok	*t;
	size_t		 n;	/* tokens of the command so far */
	size_t		 cap;	/* slots, all initialised */
};

/* The next free slot, emptied. */
static struct tok *
cmd_slot(struct cmdline *c)
{
	size_t old = c->cap;

	c->t = xgrow(c->t, &c->cap, c->n + 1, sizeof *c->t);
	memset(c->t + old, 0, (c->cap - old) * sizeof *c->t);
	tok_reset(&c->t[c->n]);
	return &c->t[c->n];
}

static void
cmd_free(struct cmdline *c)
{
	for (size_t i = 0; i < c->cap; i++) {
		buf_free(&c->t[i].val);
		buf_free(&c->t[i].refs);
	}
	free(c->t);
}

void
rcfile_scan_text(struct scan *s, const char *buf, size_t len, unsigned line)
{
	struct lexer lx = { .p = buf, .end = buf + len, .line = line,
	    .d = s->d };
	struct cmdline c = { 0 };
	struct tok note = { 0 };	/* a comment: scanned after the
					   command before it; raw only */
	bool andor = false;
	struct tok *t;

	do {
		t = cmd_slot(&c);
		rcfile_lex_next(&lx, t);
		if (t->type == T_COMMENT) {
			note.raw = t->raw;
			note.rawlen = t->rawlen;
			note.line = t->line;
		} else if (t->type == T_WORD || t->type == T_LPAREN ||
		    t->type == T_RPAREN)
			c.n++;
		else {
			if (c.n > 0)
				run_cmd(s, c.t, c.n, andor);
			if (c.n > 0 || t->type == T_ANDOR)
				andor = t->type == T_ANDOR;
			if (note.raw != NULL && !s->commented)
				rcfile_scan_comment(s, note.raw, note.rawlen,
				    note.line);
			note.raw = NULL;
			c.n = 0;
		}
	} while (t->type != T_EOF);
	cmd_free(&c);
	buf_free(&lx.heredoc);
}
