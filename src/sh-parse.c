/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The sh loader's parser: one complete command into sh->node, with the
 * syntax errors dash reports.  Loops, tests, case and here-documents are
 * not emulated and count as errors, which stop the reading as one does. */
#include <config.h>

#include "sh.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"


static bool
is_word(struct sh *sh, const char *w)
{
	struct token *t = sh_peek(sh);
	size_t n = strlen(w);

	return t->t == T_WORD && t->e - t->s == n &&
	    memcmp(sh->b + t->s, w, n) == 0;
}

static size_t
syntax(struct sh *sh, size_t off)
{
	if (!sh->syntax) {
		sh->syntax = true;
		sh->err_off = off;
	}
	return NONE;
}

static size_t
new_node(struct sh *sh, enum kind kind, size_t start)
{
	struct node *nd;

	sh->node = xgrow(sh->node, &sh->nodecap, sh->nnode + 1,
	    sizeof *sh->node);
	nd = &sh->node[sh->nnode];
	memset(nd, 0, sizeof *nd);
	nd->kind = kind;
	nd->conn = C_END;
	nd->next = NONE;
	nd->body = NONE;
	nd->start = start;
	return sh->nnode++;
}

static void
add_span(struct span **v, size_t *n, size_t *cap, const struct token *t,
    char op)
{
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = (struct span){ t->s, t->e, op };
}

/* Words and redirections up to an operator. */
static size_t
parse_simple(struct sh *sh)
{
	size_t idx = new_node(sh, N_SIMPLE, sh_peek(sh)->s), start;
	struct token *t;
	char op;

	/* Allocated even when empty: word + w0 must never be NULL + 0. */
	sh->word = xgrow(sh->word, &sh->wordcap, sh->nword + 1,
	    sizeof *sh->word);
	sh->rword = xgrow(sh->rword, &sh->rwordcap, sh->nrword + 1,
	    sizeof *sh->rword);
	sh->node[idx].w0 = sh->nword;
	sh->node[idx].r0 = sh->nrword;
	for (t = sh_peek(sh); t->t == T_WORD || t->t == T_REDIR;
	    t = sh_peek(sh)) {
		if (t->t == T_WORD) {
			add_span(&sh->word, &sh->nword, &sh->wordcap, t, 0);
			sh_advance(sh);
			continue;
		}
		op = t->op;
		start = t->s;
		sh_advance(sh);
		/* Here-documents are not emulated: stop as at an error. */
		if (op == 'h' || sh_peek(sh)->t != T_WORD)
			return syntax(sh, op == 'h' ? start : sh_peek(sh)->s);
		add_span(&sh->rword, &sh->nrword, &sh->rwordcap, sh_peek(sh),
		    op);
		sh_advance(sh);
	}
	sh->node[idx].nr = sh->nrword - sh->node[idx].r0;
	if (t->t == T_LPAREN)		/* A=(1 2), f() { ... } */
		return syntax(sh, t->s);
	sh->node[idx].nw = sh->nword - sh->node[idx].w0;
	return idx;
}

/* ( list ) or { list; }, then redirections that change nothing here. */
static size_t
parse_compound(struct sh *sh, bool group)
{
	size_t start = sh_peek(sh)->s, body, idx;

	sh_advance(sh);
	if (++sh->depth > DEPTH_MAX)
		return syntax(sh, start);
	body = sh_parse_list(sh, group ? '}' : ')');
	sh->depth--;
	if (body == NONE)
		return NONE;
	sh_advance(sh);
	idx = new_node(sh, group ? N_GROUP : N_SUBSHELL, start);
	sh->node[idx].body = body;
	while (sh_peek(sh)->t == T_REDIR) {
		sh_advance(sh);
		if (sh_peek(sh)->t != T_WORD)
			return syntax(sh, sh_peek(sh)->s);
		sh_advance(sh);
	}
	return idx;
}

static size_t
parse_command(struct sh *sh)
{
	static const char *const reserved[] = { "if", "then", "else", "elif",
	    "fi", "while", "until", "for", "do", "done", "case", "esac", "}" };
	struct token *t = sh_peek(sh);

	if (t->t == T_LPAREN)
		return parse_compound(sh, false);
	if (is_word(sh, "{"))
		return parse_compound(sh, true);
	/* Loops, tests and case are not emulated: we stop, as at an error. */
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		if (is_word(sh, reserved[i]))
			return syntax(sh, t->s);
	if (t->t == T_WORD || t->t == T_REDIR)
		return parse_simple(sh);
	return syntax(sh, t->s);
}

static void
skip_newlines(struct sh *sh)
{
	while (sh_peek(sh)->t == T_NL)
		sh_advance(sh);
}

/* [!] command | command ... */
static size_t
parse_pipeline(struct sh *sh, size_t *tail)
{
	size_t head, next;
	bool bang = is_word(sh, "!");

	if (bang)
		sh_advance(sh);
	if ((head = parse_command(sh)) == NONE)
		return NONE;
	sh->node[head].bang = bang;
	for (*tail = head; sh_peek(sh)->t == T_PIPE; *tail = next) {
		sh->node[*tail].conn = C_PIPE;
		sh_advance(sh);
		skip_newlines(sh);
		if ((next = parse_command(sh)) == NONE)
			return NONE;
		sh->node[*tail].next = next;
	}
	return head;
}

/* pipeline && pipeline || pipeline ... */
static size_t
parse_andor(struct sh *sh, size_t *tail)
{
	size_t head = parse_pipeline(sh, tail), next, t2;
	enum tok t;

	while (head != NONE && ((t = sh_peek(sh)->t) == T_AND || t == T_OR)) {
		sh->node[*tail].conn = t == T_AND ? C_AND : C_OR;
		sh_advance(sh);
		skip_newlines(sh);
		if ((next = parse_pipeline(sh, &t2)) == NONE)
			return NONE;
		sh->node[*tail].next = next;
		*tail = t2;
	}
	return head;
}

static bool
at_closer(struct sh *sh, char closer)
{
	return (closer == ')' && sh_peek(sh)->t == T_RPAREN) ||
	    (closer == '}' && is_word(sh, "}"));
}

/* and-or lists separated by ; & or newlines.  closer 0: a complete
 * command, which ends at a newline; ')' or '}': a nested list. */
size_t
sh_parse_list(struct sh *sh, char closer)
{
	size_t head = NONE, tail = NONE, h, t2;
	enum tok t;

	for (;;) {
		if (closer != 0)
			skip_newlines(sh);
		t = sh_peek(sh)->t;
		if (at_closer(sh, closer) || t == T_EOF ||
		    (closer == 0 && t == T_NL))
			break;
		if ((h = parse_andor(sh, &t2)) == NONE)
			return NONE;
		if (tail != NONE)
			sh->node[tail].next = h;
		else
			head = h;
		tail = t2;
		t = sh_peek(sh)->t;
		if (t == T_SEMI || t == T_AMP || (t == T_NL && closer != 0)) {
			sh->node[tail].conn = t == T_AMP ? C_AMP : C_SEMI;
			sh_advance(sh);
		} else if (t != T_EOF && t != T_NL && !at_closer(sh, closer)) {
			return syntax(sh, sh_peek(sh)->s);
		}
	}
	/* "{ }", "( )" and a missing closer are errors in dash too. */
	if (closer != 0 && (head == NONE || !at_closer(sh, closer)))
		return syntax(sh, sh_peek(sh)->s);
	return head;
}

/* True when s[0..n) parses as commands (the inside of $(...)). */
bool
sh_script_parses(struct sh *sh, const char *s, size_t n)
{
	struct sh sub = { .b = s, .n = n, .depth = sh->depth };

	while (!sub.syntax && sh_peek(&sub)->t != T_EOF) {
		sub.nnode = sub.nword = sub.nrword = 0;
		if (sh_peek(&sub)->t != T_NL)
			sh_parse_list(&sub, 0);
		if (!sub.syntax)
			sh_advance(&sub);
	}
	free(sub.node);
	free(sub.word);
	free(sub.rword);
	return !sub.syntax;
}
