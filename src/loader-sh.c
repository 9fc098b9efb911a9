/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* POSIX sh (dash 0.5.12) running "set -a; . ./.env" with PATH set to an
 * empty folder: a small shell that parses each complete command the way
 * dash does and runs the part a .env can hold (assignments, export,
 * unset, set and word expansions).  Anything else is a command that is
 * not found, and assignments in front of a command do not stay set. */
#include <config.h>

#include "loader.h"

#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

#define NONE		SIZE_MAX
#define DEPTH_MAX	100	/* nesting of (), {}, ${} and $(): deeper
				   is treated as a syntax error */
#define PATTERN_MAX	1024	/* ${X%pat} on longer values: not emulated */

enum tok {
	T_EOF, T_NL, T_WORD, T_SEMI, T_DSEMI, T_AMP, T_AND, T_PIPE, T_OR,
	T_LPAREN, T_RPAREN, T_REDIR, T_BAD
};

struct token {
	enum tok	 t;
	size_t		 s, e;		/* its bytes; T_BAD: s is the error */
	char		 op;		/* T_REDIR: '<' '>' '&' (dup) 'h' */
};

/* How a node joins the next one of its list. */
enum conn { C_END, C_SEMI, C_AMP, C_AND, C_OR, C_PIPE };
enum kind { N_SIMPLE, N_GROUP, N_SUBSHELL };

/* One command of a parsed complete command; lists are chained by next. */
struct node {
	enum kind	 kind;
	enum conn	 conn;
	bool		 bang;		/* "! pipeline", on its first node */
	size_t		 next;		/* next node of the list, or NONE */
	size_t		 start;		/* offset of its first byte */
	size_t		 w0, nw;	/* simple: its words in sh->word */
	size_t		 r0, nr;	/* simple: redirection targets, in
					   sh->rword */
	size_t		 body;		/* group, subshell: the inner list */
};

struct span {
	size_t	 s, e;			/* the raw bytes of a word */
	char	 op;			/* a redirection target: its op */
};

/* A shell variable; the table shadows the environment callback. */
struct var {
	char	*name;			/* NULL: free slot */
	size_t	 nlen;
	char	*val;			/* NULL: unset */
	size_t	 len;
	bool	 exported, readonly;
};

/* A word being expanded.  split marks the bytes an unquoted expansion
 * made, where field splitting may cut (command words only). */
struct xbuf {
	char		*p;
	unsigned char	*split;
	size_t		 n, cap;
	bool		 quoted;	/* a quote was seen: "" is a field */
};

struct field {
	char	*p;
	size_t	 n;
	size_t	 at;			/* offset of the word it came from */
};

struct fields {
	struct field	*v;
	size_t		 n, cap;
};

struct sh {
	const char	*b;		/* the input, NUL bytes removed (dash
					   drops them while reading) */
	size_t		 n;
	char		*copy;		/* owns b when NULs were removed */
	size_t		*nul;		/* original offsets of those NULs */
	size_t		 nnul;
	size_t		 pos;		/* lexer position */
	struct token	 tok;
	bool		 peeked;
	struct node	*node;		/* the complete command being run */
	size_t		 nnode, nodecap;
	struct span	*word;
	size_t		 nword, wordcap;
	struct span	*rword;
	size_t		 nrword, rwordcap;
	struct var	*var;		/* open addressing, power of two */
	size_t		 nvar, varcap;
	loader_env_fn	 env;
	void		*arg;
	struct loaded	*out;
	int		 status;	/* $? */
	int		 subst_status;	/* of the last $(...) */
	unsigned	 npos;		/* $#, from set -- */
	bool		 allexport, errexit, nounset, noexec;
	bool		 syntax;	/* the complete command won't parse */
	bool		 stop;		/* dash stopped reading the file */
	bool		 unsupported;	/* a word we do not emulate */
	bool		 nocheck;	/* scanning only: skip the parse of
					   $(...) bodies (done once, later) */
	size_t		 err_off;
	size_t		 cur;		/* start of the command being run */
	size_t		 budget;	/* bytes expansions may still make */
	unsigned	 depth;
	char		 num[24];	/* $? $# and ${#X} as text */
};

/* ---- input ---- */

/* Offset in the caller's buffer of offset off of sh->b. */
static size_t
orig(const struct sh *sh, size_t off)
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

static void
strip_nuls(struct sh *sh, const char *buf, size_t len)
{
	size_t cap = 0, n = 0;

	sh->b = buf;
	sh->n = len;
	if (len == 0 || memchr(buf, '\0', len) == NULL)
		return;
	sh->copy = xmalloc(len);
	for (size_t i = 0; i < len; i++) {
		if (buf[i] != '\0') {
			sh->copy[n++] = buf[i];
			continue;
		}
		sh->nul = xgrow(sh->nul, &cap, sh->nnul + 1, sizeof *sh->nul);
		sh->nul[sh->nnul++] = i;
	}
	sh->b = sh->copy;
	sh->n = n;
}

/* Reading ends here: a syntax error, a fatal expansion error, exit. */
static void
stop(struct sh *sh, size_t off)
{
	if (sh->stop)
		return;
	sh->stop = true;
	sh->out->truncated = true;
	sh->out->truncated_offset = orig(sh, off);
}

static bool
name_start(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
name_char(char c)
{
	return name_start(c) || (c >= '0' && c <= '9');
}

static bool
is_name(const char *s, size_t n)
{
	if (n == 0 || !name_start(s[0]))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!name_char(s[i]))
			return false;
	return true;
}

/* ---- variables ---- */

static size_t
hash_name(const char *s, size_t n)
{
	size_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct var *
var_slot(struct var *tab, size_t cap, const char *name, size_t n)
{
	size_t i = hash_name(name, n) & (cap - 1);

	while (tab[i].name != NULL && (tab[i].nlen != n ||
	    memcmp(tab[i].name, name, n) != 0))
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

static void
var_grow(struct sh *sh)
{
	size_t cap = sh->varcap != 0 ? 2 * sh->varcap : 64;
	struct var *tab = xcalloc(cap, sizeof *tab);

	for (size_t i = 0; i < sh->varcap; i++)
		if (sh->var[i].name != NULL)
			*var_slot(tab, cap, sh->var[i].name,
			    sh->var[i].nlen) = sh->var[i];
	free(sh->var);
	sh->var = tab;
	sh->varcap = cap;
}

static const char *
env_get(struct sh *sh, const char *name, size_t n)
{
	char *z;
	const char *v;

	if (sh->env == NULL)
		return NULL;
	z = xmemdup(name, n);
	v = sh->env(z, sh->arg);
	free(z);
	return v;
}

/* The variable name; create makes it, with the environment's value. */
static struct var *
var_find(struct sh *sh, const char *name, size_t n, bool create)
{
	struct var *v;
	const char *e;

	if (create && 2 * (sh->nvar + 1) > sh->varcap)
		var_grow(sh);
	if (sh->varcap == 0)
		return NULL;
	v = var_slot(sh->var, sh->varcap, name, n);
	if (v->name != NULL || !create)
		return v->name != NULL ? v : NULL;
	v->name = xmemdup(name, n);
	v->nlen = n;
	sh->nvar++;
	if ((e = env_get(sh, name, n)) != NULL) {
		v->len = strlen(e);
		v->val = xmemdup(e, v->len);
		v->exported = true;
	}
	return v;
}

static const char *
var_get(struct sh *sh, const char *name, size_t n, size_t *len)
{
	struct var *v = var_find(sh, name, n, false);
	const char *e;

	if (v != NULL) {
		*len = v->len;
		return v->val;
	}
	e = env_get(sh, name, n);
	*len = e != NULL ? strlen(e) : 0;
	return e;
}

static void
var_free(struct var *v)
{
	if (v->val != NULL)
		xwipe(v->val, v->len);
	free(v->val);
	v->val = NULL;
	v->len = 0;
}

/* name=val, as an assignment at offset at does; false when fatal. */
static bool
var_set(struct sh *sh, const char *name, size_t n, const char *val,
    size_t len, size_t at, bool export)
{
	struct var *v = var_find(sh, name, n, true);

	if (v->readonly || len > sh->budget) {
		stop(sh, at);		/* "A: is read only" ends the script */
		return false;
	}
	sh->budget -= len;
	var_free(v);
	v->val = xmemdup(val, len);
	v->len = len;
	/* set -a gives the export attribute, and it stays. */
	v->exported = v->exported || export || sh->allexport;
	if (v->exported)
		loaded_addn(sh->out, name, n, val, len, orig(sh, at));
	return true;
}

/* ---- lexer: finds where words and quoted parts end ---- */

static size_t	scan_dollar(struct sh *, size_t, bool);
static size_t	scan_backquote(struct sh *, size_t, bool);

static size_t
scan_err(struct sh *sh, size_t at)
{
	sh->err_off = at;
	return NONE;
}

/* The index after the construct at i (a quote, an expansion, an escape
 * or one plain byte), or NONE when it never ends. */
static size_t
scan_construct(struct sh *sh, size_t i, bool dq)
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
			if ((j = scan_construct(sh, j, true)) == NONE)
				return NONE;
		return j < sh->n ? j + 1 : scan_err(sh, i);
	case '`':
		return scan_backquote(sh, i, dq);
	case '$':
		return scan_dollar(sh, i, dq);
	default:
		return i + 1;
	}
}

static bool	script_parses(struct sh *, const char *, size_t);

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
		if ((j = scan_construct(sh, j, dq && close == '}')) == NONE)
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
	    !sh->nocheck && !script_parses(sh, sh->b + i + 2, j - i - 3))
		j = NONE;
	sh->depth--;
	return j != NONE ? j : scan_err(sh, i);
}

/* `...`: \` \\ and \$ (and \" inside "...") lose the backslash before
 * the inside is parsed. */
static size_t
scan_backquote(struct sh *sh, size_t i, bool dq)
{
	size_t j, n = 0;
	char *body;
	bool ok;

	for (j = i + 1; j < sh->n && sh->b[j] != '`'; j++)
		if (sh->b[j] == '\\')
			j++;
	if (j >= sh->n || sh->depth >= DEPTH_MAX)
		return scan_err(sh, i);
	if (sh->nocheck)
		return j + 1;
	body = xmalloc(j - i);
	for (size_t k = i + 1; k < j; k++) {
		if (sh->b[k] == '\\' && sh->b[k + 1] != '\0' &&
		    strchr(dq ? "`\\$\"" : "`\\$", sh->b[k + 1]) != NULL)
			k++;
		body[n++] = sh->b[k];
	}
	sh->depth++;
	ok = script_parses(sh, body, n);
	sh->depth--;
	free(body);
	return ok ? j + 1 : scan_err(sh, i);
}

static size_t
scan_dollar(struct sh *sh, size_t i, bool dq)
{
	if (i + 1 < sh->n && sh->b[i + 1] == '{')
		return scan_nested(sh, i, dq, '}');
	if (i + 1 < sh->n && sh->b[i + 1] == '(')
		return scan_nested(sh, i, false, ')');
	return i + 1;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Blanks, line continuations and a comment before the next token. */
static size_t
skip_blanks(const struct sh *sh, size_t i)
{
	for (;;) {
		if (i < sh->n && is_blank(sh->b[i]))
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

static void
lex(struct sh *sh, struct token *t)
{
	static const char ops[] = ";&|()";
	static const enum tok one[] = { T_SEMI, T_AMP, T_PIPE, T_LPAREN,
	    T_RPAREN };
	static const enum tok two[] = { T_DSEMI, T_AND, T_OR };
	size_t i = skip_blanks(sh, sh->pos), j = i;
	const char *op;

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
	if ((op = strchr(ops, sh->b[i])) != NULL && sh->b[i] != '\0') {
		t->t = one[op - ops];
		if (op - ops < 3 && i + 1 < sh->n && sh->b[i + 1] == *op) {
			t->t = two[op - ops];
			t->e = i + 2;
		}
		return;
	}
	while (j < sh->n && sh->b[j] >= '0' && sh->b[j] <= '9')
		j++;
	if (j < sh->n && (sh->b[j] == '<' || sh->b[j] == '>')) {
		lex_redir(sh, i, t);
		return;
	}
	for (j = i; j < sh->n && !is_blank(sh->b[j]) && sh->b[j] != '\n' &&
	    strchr(";&|()<>", sh->b[j]) == NULL;)
		if ((j = scan_construct(sh, j, false)) == NONE)
			break;
	t->t = j == NONE ? T_BAD : T_WORD;
	t->s = j == NONE ? sh->err_off : i;
	t->e = j;
}

/* ---- parser: one complete command into sh->node ---- */

static size_t	parse_list(struct sh *, char);

static struct token *
peek(struct sh *sh)
{
	if (!sh->peeked) {
		lex(sh, &sh->tok);
		sh->peeked = true;
	}
	return &sh->tok;
}

static void
advance(struct sh *sh)
{
	sh->pos = peek(sh)->e;
	sh->peeked = false;
}

static bool
is_word(struct sh *sh, const char *w)
{
	struct token *t = peek(sh);
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

/* Whether a redirection fails, guessed from its target: no file named
 * like a .env placeholder exists to be read, no folder to write in
 * (bar /dev), and fds from 3 up are not open. */
static bool
redir_fails(const char *w, size_t n, char op)
{
	if (n > 5 && memcmp(w, "/dev/", 5) == 0)
		return false;
	if (op == '<')
		return true;
	if (op == '&')
		return !(n == 1 && (w[0] == '-' || (w[0] >= '0' &&
		    w[0] <= '2')));
	return memchr(w, '/', n) != NULL;
}

/* Words and redirections up to an operator. */
static size_t
parse_simple(struct sh *sh)
{
	size_t idx = new_node(sh, N_SIMPLE, peek(sh)->s), start;
	struct token *t;
	char op;

	/* Allocated even when empty: word + w0 must never be NULL + 0. */
	sh->word = xgrow(sh->word, &sh->wordcap, sh->nword + 1,
	    sizeof *sh->word);
	sh->rword = xgrow(sh->rword, &sh->rwordcap, sh->nrword + 1,
	    sizeof *sh->rword);
	sh->node[idx].w0 = sh->nword;
	sh->node[idx].r0 = sh->nrword;
	for (t = peek(sh); t->t == T_WORD || t->t == T_REDIR; t = peek(sh)) {
		if (t->t == T_WORD) {
			add_span(&sh->word, &sh->nword, &sh->wordcap, t, 0);
			advance(sh);
			continue;
		}
		op = t->op;
		start = t->s;
		advance(sh);
		/* Here-documents are not emulated: stop as at an error. */
		if (op == 'h' || peek(sh)->t != T_WORD)
			return syntax(sh, op == 'h' ? start : peek(sh)->s);
		add_span(&sh->rword, &sh->nrword, &sh->rwordcap, peek(sh), op);
		advance(sh);
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
	size_t start = peek(sh)->s, body, idx;

	advance(sh);
	if (++sh->depth > DEPTH_MAX)
		return syntax(sh, start);
	body = parse_list(sh, group ? '}' : ')');
	sh->depth--;
	if (body == NONE)
		return NONE;
	advance(sh);
	idx = new_node(sh, group ? N_GROUP : N_SUBSHELL, start);
	sh->node[idx].body = body;
	while (peek(sh)->t == T_REDIR) {
		advance(sh);
		if (peek(sh)->t != T_WORD)
			return syntax(sh, peek(sh)->s);
		advance(sh);
	}
	return idx;
}

static size_t
parse_command(struct sh *sh)
{
	static const char *const reserved[] = { "if", "then", "else", "elif",
	    "fi", "while", "until", "for", "do", "done", "case", "esac", "}" };
	struct token *t = peek(sh);

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
	while (peek(sh)->t == T_NL)
		advance(sh);
}

/* [!] command | command ... */
static size_t
parse_pipeline(struct sh *sh, size_t *tail)
{
	size_t head, next;
	bool bang = is_word(sh, "!");

	if (bang)
		advance(sh);
	if ((head = parse_command(sh)) == NONE)
		return NONE;
	sh->node[head].bang = bang;
	for (*tail = head; peek(sh)->t == T_PIPE; *tail = next) {
		sh->node[*tail].conn = C_PIPE;
		advance(sh);
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

	while (head != NONE && ((t = peek(sh)->t) == T_AND || t == T_OR)) {
		sh->node[*tail].conn = t == T_AND ? C_AND : C_OR;
		advance(sh);
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
	return (closer == ')' && peek(sh)->t == T_RPAREN) ||
	    (closer == '}' && is_word(sh, "}"));
}

/* and-or lists separated by ; & or newlines.  closer 0: a complete
 * command, which ends at a newline; ')' or '}': a nested list. */
static size_t
parse_list(struct sh *sh, char closer)
{
	size_t head = NONE, tail = NONE, h, t2;
	enum tok t;

	for (;;) {
		if (closer != 0)
			skip_newlines(sh);
		t = peek(sh)->t;
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
		t = peek(sh)->t;
		if (t == T_SEMI || t == T_AMP || (t == T_NL && closer != 0)) {
			sh->node[tail].conn = t == T_AMP ? C_AMP : C_SEMI;
			advance(sh);
		} else if (t != T_EOF && t != T_NL && !at_closer(sh, closer)) {
			return syntax(sh, peek(sh)->s);
		}
	}
	/* "{ }", "( )" and a missing closer are errors in dash too. */
	if (closer != 0 && (head == NONE || !at_closer(sh, closer)))
		return syntax(sh, peek(sh)->s);
	return head;
}

/* True when s[0..n) parses as commands (the inside of $(...)). */
static bool
script_parses(struct sh *sh, const char *s, size_t n)
{
	struct sh sub = { .b = s, .n = n, .depth = sh->depth };

	while (!sub.syntax && peek(&sub)->t != T_EOF) {
		sub.nnode = sub.nword = sub.nrword = 0;
		if (peek(&sub)->t != T_NL)
			parse_list(&sub, 0);
		if (!sub.syntax)
			advance(&sub);
	}
	free(sub.node);
	free(sub.word);
	free(sub.rword);
	return !sub.syntax;
}

/* ---- word expansion ---- */

enum {
	X_DQ = 1,		/* inside double quotes */
	X_SPLIT = 2,		/* a command word: record where to split */
	X_ASSIGN = 4,		/* an assignment value: ~ after ':' too */
	X_PAT = 8,		/* a pattern: quoted * ? [ \ stay literal */
	X_INEXP = 16,		/* the word of an unquoted ${X:-word} */
};

static bool	expand(struct sh *, size_t, size_t, unsigned, struct xbuf *);
static void	split_fields(struct xbuf *, size_t, struct fields *);
static void	fields_free(struct fields *);

/* Appends n bytes: quoted ones never split; exp marks expansion output. */
static bool
xb_add(struct sh *sh, struct xbuf *xb, const char *s, size_t n,
    unsigned fl, bool quoted, bool exp)
{
	bool split = (fl & X_SPLIT) && !quoted && (exp || (fl & X_INEXP));

	/* A file that doubles a value line after line: dash would run out
	 * of memory, we stop reading. */
	if (2 * n + 1 > sh->budget) {
		stop(sh, sh->cur);
		return false;
	}
	sh->budget -= n;
	if (xb->n + 2 * n + 1 > xb->cap) {
		xb->p = xgrow(xb->p, &xb->cap, xb->n + 2 * n + 1, 1);
		xb->split = xrealloc(xb->split, xb->cap);
	}
	for (size_t i = 0; i < n; i++) {
		if ((fl & X_PAT) && quoted && s[i] != '\0' &&
		    strchr("*?[\\", s[i]) != NULL) {
			xb->split[xb->n] = 0;
			xb->p[xb->n++] = '\\';
		}
		xb->split[xb->n] = split;
		xb->p[xb->n++] = s[i];
	}
	xb->p[xb->n] = '\0';
	return true;
}

static void
xb_free(struct xbuf *xb)
{
	if (xb->p != NULL)
		xwipe(xb->p, xb->n);
	free(xb->p);
	free(xb->split);
	memset(xb, 0, sizeof *xb);
}

/* dash's echo: \c ends the output, \0NNN is octal, \n and the
 * like are characters. */
static void
echo_escapes(struct xbuf *xb)
{
	static const char from[] = "abfnrtv\\";
	static const char to[] = "\a\b\f\n\r\t\v\\";
	size_t i = 0, o = 0, d;
	const char *k;

	while (i < xb->n) {
		char c = xb->p[i++];

		if (c != '\\' || i >= xb->n) {
			xb->p[o++] = c;
		} else if (xb->p[i] == 'c') {
			break;
		} else if (xb->p[i] == '0') {
			for (c = 0, d = 1; d <= 3 && i + d < xb->n &&
			    xb->p[i + d] >= '0' && xb->p[i + d] <= '7'; d++)
				c = (char)(c * 8 + xb->p[i + d] - '0');
			xb->p[o++] = c;
			i += d;
		} else if ((k = memchr(from, xb->p[i], 8)) != NULL) {
			xb->p[o++] = to[k - from];
			i++;
		} else {
			xb->p[o++] = c;
		}
	}
	xb->n = o;
}

/* The words of s..e when they are one plain command; false otherwise. */
static bool
plain_words(struct sh *sh, size_t s, size_t e, struct span *w, size_t *n,
    size_t max)
{
	bool line2 = false;
	size_t j;

	for (*n = 0; s < e; s = j) {
		j = s + 1;
		if (sh->b[s] == '#')
			while (j < e && sh->b[j] != '\n')
				j++;
		line2 = line2 || (sh->b[s] == '\n' && *n > 0);
		if (is_blank(sh->b[s]) || sh->b[s] == '\n' || sh->b[s] == '#')
			continue;
		if (line2 || *n == max || strchr(";&|()<>", sh->b[s]) != NULL)
			return false;
		for (j = s; j < e && !is_blank(sh->b[j]) && sh->b[j] != '\n' &&
		    strchr(";&|()<>", sh->b[j]) == NULL;)
			if ((j = scan_construct(sh, j, false)) == NONE)
				return false;
		w[(*n)++] = (struct span){ s, j, 0 };
	}
	return true;
}

/* echo's output for the words w[1..n), trailing newlines dropped. */
static bool
run_echo(struct sh *sh, const struct span *w, size_t n, unsigned fl,
    struct xbuf *xb)
{
	struct xbuf out = { 0 };
	struct fields f = { 0 };
	bool ok = true;

	for (size_t k = 1; ok && k < n; k++) {
		ok = xb_add(sh, &out, "", 0, 0, false, false) &&
		    expand(sh, w[k].s, w[k].e, X_SPLIT, &out);
		if (ok)
			split_fields(&out, w[k].s, &f);
		xb_free(&out);
	}
	for (size_t k = 0; ok && k < f.n; k++)
		if (!(k == 0 && f.v[k].n == 2 && memcmp(f.v[k].p, "-n", 2) ==
		    0))
			ok = xb_add(sh, &out, f.v[k].p, f.v[k].n, 0, false,
			    false) && xb_add(sh, &out, " ", k + 1 < f.n, 0,
			    false, false);
	echo_escapes(&out);
	/* The substitution drops the trailing newlines. */
	while (out.n > 0 && out.p[out.n - 1] == '\n')
		out.n--;
	ok = ok && xb_add(sh, xb, out.p != NULL ? out.p : "", out.n, fl,
	    (fl & X_DQ) != 0, true);
	xb_free(&out);
	fields_free(&f);
	return ok;
}

/* $(...) and `...`: PATH is empty, so a command is not found and gives
 * no output.  Only builtins run; echo is emulated, as it is how a key
 * gets printed into a .env (`echo sk-...`). */
static bool
command_subst(struct sh *sh, size_t s, size_t e, bool bq, unsigned fl,
    struct xbuf *xb)
{
	struct span w[64];
	size_t n = 0;

	sh->subst_status = 0;
	if (!plain_words(sh, s, e, w, &n, 64) || (bq && memchr(sh->b + s,
	    '\\', e - s) != NULL)) {
		sh->subst_status = 127;
		return true;
	}
	if (n == 0 || w[0].e - w[0].s != 4 || memcmp(sh->b + w[0].s, "echo",
	    4) != 0) {
		sh->subst_status = n > 0 ? 127 : 0;
		return true;
	}
	return run_echo(sh, w, n, fl, xb);
}

/* The value of a parameter; NULL when unset.  $$ is the shell's PID,
 * which nothing can predict: it stays "$$" so that a reader sees it. */
static const char *
param(struct sh *sh, const char *name, size_t n, size_t *len)
{
	char c = name[0];

	if (name_start(c))
		return var_get(sh, name, n, len);
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
	if (name_start(sh->b[i])) {
		while (i < e && name_char(sh->b[i]))
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
		stop(sh, sh->cur);	/* "X: parameter not set" */
		return false;
	}
	return xb_add(sh, xb, v != NULL ? v : "", len, fl,
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
	if (!xb_add(sh, &pat, "", 0, 0, false, false) ||
	    !expand(sh, s, e, (fl & X_DQ) | X_PAT, &pat)) {
		xb_free(&pat);
		return false;
	}
	/* Shortest prefix and longest suffix: try from the left. */
	for (size_t i = 0; i <= len; i++) {
		char c;
		bool hit;

		k = prefix == longest ? len - i : i;
		c = v[k];
		v[k] = '\0';
		hit = prefix && fnmatch(pat.p, v, 0) == 0;
		v[k] = c;
		if (hit || (!prefix && fnmatch(pat.p, v + k, 0) == 0)) {
			*(prefix ? &from : &to) = k;
			break;
		}
	}
	xb_free(&pat);
	return xb_add(sh, xb, v + from, to - from, fl, (fl & X_DQ) != 0,
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
		return expand(sh, s, e, wfl, xb);
	if (kind == '+' || !absent)
		return emit_param(sh, v, len, true, fl, xb);
	if (kind == '?' || !name_start(name[0])) {
		stop(sh, sh->cur);	/* "X: parameter not set" */
		return false;
	}
	/* ${X=w}: assign, then expand to the new value. */
	ok = xb_add(sh, &w, "", 0, 0, false, false) &&
	    expand(sh, s, e, fl & X_DQ, &w) &&
	    var_set(sh, name, n, w.p, w.n, (size_t)(name - sh->b), false) &&
	    xb_add(sh, xb, w.p, w.n, fl, (fl & X_DQ) != 0, true);
	xb_free(&w);
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
	return xb_add(sh, xb, sh->num, len, fl, (fl & X_DQ) != 0, true);
}

/* ${...} at *i; *i moves past it.  A malformed one is "Bad
 * substitution", which ends the script. */
static bool
brace(struct sh *sh, size_t *i, unsigned fl, struct xbuf *xb)
{
	size_t k = *i + 2, close, ne, len = 0;
	const char *b = sh->b, *v;
	bool length = false;
	char *copy;

	if ((close = scan_dollar(sh, *i, (fl & X_DQ) != 0)) == NONE) {
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
		stop(sh, sh->cur);
		return false;
	}
	if (length || ne == close)
		return brace_plain(sh, b + k, ne - k, length, fl, xb);
	size_t o = ne + (b[ne] == ':');

	if (o < close && strchr("-=?+", b[o]) != NULL)
		return brace_op(sh, b + k, ne - k, b + ne, o + 1, close, fl,
		    xb);
	if (o > ne || (b[ne] != '%' && b[ne] != '#')) {
		stop(sh, sh->cur);
		return false;
	}
	o = ne + 1 + (ne + 1 < close && b[ne + 1] == b[ne]);
	v = param(sh, b + k, ne - k, &len);
	if (v == NULL && sh->nounset)
		return emit_param(sh, v, len, false, fl, xb);
	copy = xmemdup(v != NULL ? v : "", len);
	bool ok = trim_pattern(sh, copy, len, b + ne, o, close, fl, xb);

	xwipe(copy, len);
	free(copy);
	return ok;
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
		if ((j = scan_dollar(sh, *i, false)) == NONE) {
			sh->unsupported = true;
			return false;
		}
		*i = j;
		return command_subst(sh, k + 1, j - 1, false, fl, xb);
	}
	j = k < e && name_start(b[k]) ? param_end(sh, k, e) :
	    k < e && b[k] != '\0' && strchr("@*#?-$!0123456789", b[k]) ?
	    k + 1 : k;
	*i = j;
	if (j == k)
		return xb_add(sh, xb, "$", 1, fl, (fl & X_DQ) != 0, false);
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
	home = j == *i + 1 ? var_get(sh, "HOME", 4, &len) : NULL;
	if (home == NULL) {
		(*i)++;
		return xb_add(sh, xb, "~", 1, fl, false, false);
	}
	*i = j;
	return xb_add(sh, xb, home, len, fl, true, true);
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
		return xb_add(sh, xb, "\\", 1, fl, true, false);
	}
	*i = k + 1;
	return b[k] == '\n' || xb_add(sh, xb, b + k, 1, fl, true, false);
}

/* Expands the raw word bytes s..e into xb. */
static bool
expand(struct sh *sh, size_t i, size_t e, unsigned fl, struct xbuf *xb)
{
	const char *b = sh->b;
	bool dq = (fl & X_DQ) != 0, at_tilde = !dq, ok = true;
	size_t j;

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
			if ((j = scan_construct(sh, i, dq)) == NONE) {
				sh->unsupported = true;
				return false;
			}
			xb->quoted = xb->quoted || c != '`';
			if (c == '`')
				ok = command_subst(sh, i + 1, j - 1, true, fl,
				    xb);
			else if (c == '"')
				ok = expand(sh, i + 1, j - 1, fl | X_DQ, xb);
			else
				ok = xb_add(sh, xb, b + i + 1, j - i - 2, fl,
				    true, false);
			i = j;
		} else {
			ok = xb_add(sh, xb, &c, 1, fl, dq, false);
			i++;
		}
	}
	return ok;
}

/* ---- commands ---- */

static void
fields_add(struct fields *f, const char *p, size_t n, size_t at)
{
	f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
	f->v[f->n].p = xmemdup(p, n);
	f->v[f->n].n = n;
	f->v[f->n++].at = at;
}

static void
fields_free(struct fields *f)
{
	for (size_t i = 0; i < f->n; i++) {
		xwipe(f->v[i].p, f->v[i].n);
		free(f->v[i].p);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}

/* Field splitting on the default IFS, of what expansions made. */
static void
split_fields(struct xbuf *xb, size_t at, struct fields *f)
{
	size_t i = 0, start, before = f->n;

	while (i < xb->n) {
		while (i < xb->n && xb->split[i] &&
		    strchr(" \t\n", xb->p[i]) != NULL && xb->p[i] != '\0')
			i++;
		if (i >= xb->n)
			break;
		for (start = i; i < xb->n && !(xb->split[i] &&
		    xb->p[i] != '\0' && strchr(" \t\n", xb->p[i]) != NULL);)
			i++;
		fields_add(f, xb->p + start, i - start, at);
	}
	if (f->n == before && xb->quoted)
		fields_add(f, "", 0, at);
}

/* Where the value of an assignment word starts (after its '='). */
static size_t
value_start(const struct sh *sh, const struct span *w)
{
	const char *eq = memchr(sh->b + w->s, '=', w->e - w->s);

	return (size_t)(eq - sh->b) + 1;
}

/* NAME= at the start of the raw word: an assignment. */
static bool
is_assignment(const struct sh *sh, const struct span *w)
{
	size_t i = w->s;

	if (i >= w->e || !name_start(sh->b[i]))
		return false;
	while (i < w->e && name_char(sh->b[i]))
		i++;
	return i < w->e && sh->b[i] == '=';
}


/* The command's words after the assignments.  export and readonly take
 * NAME=value arguments the way assignments are (dash 0.5.11+). */
static bool
expand_args(struct sh *sh, const struct span *w, size_t n,
    struct fields *f)
{
	bool decl = n > 0 && ((w[0].e - w[0].s == 6 &&
	    memcmp(sh->b + w[0].s, "export", 6) == 0) ||
	    (w[0].e - w[0].s == 8 && memcmp(sh->b + w[0].s, "readonly",
	    8) == 0));
	struct xbuf xb = { 0 };
	bool ok = true;

	for (size_t k = 0; ok && k < n; k++) {
		if (decl && k > 0 && is_assignment(sh, &w[k])) {
			size_t v = value_start(sh, &w[k]);

			ok = xb_add(sh, &xb, sh->b + w[k].s, v - w[k].s, 0,
			    true, false) &&
			    expand(sh, v, w[k].e, X_ASSIGN, &xb);
			if (ok)
				fields_add(f, xb.p, xb.n, w[k].s);
		} else {
			ok = xb_add(sh, &xb, "", 0, 0, false, false) &&
			    expand(sh, w[k].s, w[k].e, X_SPLIT, &xb);
			if (ok)
				split_fields(&xb, w[k].s, f);
		}
		xb_free(&xb);
	}
	return ok;
}

/* Redirection targets are expanded (a bad ${} in one is fatal, as is
 * a >&x that is not one digit or '-'); *fails: one would fail. */
static bool
expand_targets(struct sh *sh, const struct node *nd, bool *fails)
{
	struct xbuf xb = { 0 };
	bool ok = true;

	*fails = false;
	for (size_t k = nd->r0; ok && k < nd->r0 + nd->nr; k++) {
		const struct span *r = &sh->rword[k];

		ok = xb_add(sh, &xb, "", 0, 0, false, false) &&
		    expand(sh, r->s, r->e, 0, &xb);
		if (ok && r->op == '&' && !(xb.n == 1 && (xb.p[0] == '-' ||
		    (xb.p[0] >= '0' && xb.p[0] <= '9')))) {
			stop(sh, r->s);		/* "Bad fd number" */
			ok = false;
		}
		*fails = *fails || (ok && redir_fails(xb.p, xb.n, r->op));
		xb_free(&xb);
	}
	return ok;
}

/* The assignments in front of a command; apply is false when they only
 * last for that command, but their expansions still run. */
static bool
assign_all(struct sh *sh, const struct span *w, size_t n, bool apply)
{
	struct xbuf xb = { 0 };
	bool ok = true;

	for (size_t k = 0; ok && k < n; k++) {
		size_t v = value_start(sh, &w[k]);

		ok = xb_add(sh, &xb, "", 0, 0, false, false) &&
		    expand(sh, v, w[k].e, X_ASSIGN, &xb) && (!apply ||
		    var_set(sh, sh->b + w[k].s, v - 1 - w[k].s, xb.p, xb.n,
		    w[k].s, false));
		xb_free(&xb);
	}
	return ok;
}

/* export/readonly NAME[=value]...: false when fatal ("bad variable
 * name" from a special builtin ends the script). */
static bool
builtin_export(struct sh *sh, const struct fields *f, bool ro)
{
	for (size_t k = 1; k < f->n; k++) {
		const struct field *a = &f->v[k];
		const char *eq = memchr(a->p, '=', a->n);
		size_t nlen = eq != NULL ? (size_t)(eq - a->p) : a->n;
		struct var *v;

		if (a->n > 0 && a->p[0] == '-' && (a->n == 2 &&
		    (a->p[1] == 'p' || a->p[1] == '-')))
			continue;
		if (!is_name(a->p, nlen)) {
			stop(sh, a->at);
			return false;
		}
		if (eq != NULL && !var_set(sh, a->p, nlen, eq + 1,
		    a->n - nlen - 1, a->at, !ro))
			return false;
		v = var_find(sh, a->p, nlen, true);
		if (ro)
			v->readonly = true;
		else if (!v->exported && v->val != NULL)
			loaded_addn(sh->out, a->p, nlen, v->val, v->len,
			    orig(sh, a->at));
		v->exported = v->exported || !ro;
	}
	return true;
}

/* unset [-v|-f] NAME...: an unset exported variable leaves the
 * environment, which a name-only binding records. */
static bool
builtin_unset(struct sh *sh, const struct fields *f)
{
	for (size_t k = 1; k < f->n; k++) {
		const struct field *a = &f->v[k];
		struct var *v;

		if (a->n > 0 && a->p[0] == '-')
			continue;
		if (!is_name(a->p, a->n) ||
		    (v = var_find(sh, a->p, a->n, true))->readonly) {
			stop(sh, a->at);
			return false;
		}
		if (v->exported)
			loaded_addn(sh->out, a->p, a->n, NULL, 0,
			    orig(sh, a->at));
		var_free(v);
		v->exported = false;
	}
	return true;
}

/* One set option letter or -o name; false when dash has no such one.
 * Only a, e, u and n change what a .env does. */
static bool
set_option(struct sh *sh, const char *name, size_t n, bool on)
{
	static const char *const longs[] = { "allexport", "errexit",
	    "nounset", "noexec", "noglob", "ignoreeof", "interactive",
	    "monitor", "stdin", "xtrace", "verbose", "vi", "emacs",
	    "noclobber", "notify", "privileged", "nolog", "debug" };
	static const char letters[] = "aeunfIimsxvVECbp";
	bool *flag[] = { &sh->allexport, &sh->errexit, &sh->nounset,
	    &sh->noexec };
	const char *l = n == 1 && name[0] != '\0' ? strchr(letters, name[0]) :
	    NULL;
	size_t i = l != NULL ? (size_t)(l - letters) : NONE;

	for (size_t k = 0; n > 1 && k < sizeof longs / sizeof longs[0]; k++)
		if (strlen(longs[k]) == n && memcmp(longs[k], name, n) == 0)
			i = k;
	if (i != NONE && i < 4)
		*flag[i] = on;
	return i != NONE;
}

/* set [-+options] [-o name] [--] [args]: options, and $# from args. */
static bool
builtin_set(struct sh *sh, const struct fields *f)
{
	size_t k = 1;
	bool dashdash = false, ok;

	while (k < f->n && !dashdash) {
		const struct field *a = &f->v[k];

		if (a->n < 2 || (a->p[0] != '-' && a->p[0] != '+'))
			break;
		k++;
		dashdash = a->n == 2 && a->p[1] == '-';
		for (size_t j = 1; j < a->n && !dashdash; j++) {
			if (a->p[j] != 'o')
				ok = set_option(sh, a->p + j, 1,
				    a->p[0] == '-');
			else if (k < f->n) {	/* "set -o" alone prints */
				ok = set_option(sh, f->v[k].p, f->v[k].n,
				    a->p[0] == '-');
				k++;
			} else
				ok = true;
			if (!ok) {
				stop(sh, a->at);	/* Illegal option */
				return false;
			}
		}
	}
	if (k < f->n || dashdash)
		sh->npos = (unsigned)(f->n - k);
	return true;
}

enum builtin { B_NONE, B_REGULAR, B_FALSE, B_SPECIAL };

static enum builtin
builtin_kind(const char *p, size_t n)
{
	static const char *const special[] = { ":", ".", "break", "continue",
	    "eval", "exec", "exit", "export", "readonly", "return", "set",
	    "shift", "times", "trap", "unset" };
	static const char *const regular[] = { "alias", "bg", "cd",
	    "command", "echo", "fc", "fg", "getopts", "hash", "jobs", "kill",
	    "local", "printf", "pwd", "read", "test", "[", "true", "type",
	    "ulimit", "umask", "unalias", "wait" };

	for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
		if (strlen(special[i]) == n && memcmp(special[i], p, n) == 0)
			return B_SPECIAL;
	for (size_t i = 0; i < sizeof regular / sizeof regular[0]; i++)
		if (strlen(regular[i]) == n && memcmp(regular[i], p, n) == 0)
			return B_REGULAR;
	return n == 5 && memcmp(p, "false", 5) == 0 ? B_FALSE : B_NONE;
}

static bool
field_is(const struct field *f, const char *s)
{
	return f->n == strlen(s) && memcmp(f->p, s, f->n) == 0;
}

/* A special builtin, after its assignments took effect. */
static void
run_special(struct sh *sh, const struct fields *f, size_t start)
{
	const struct field *c = &f->v[0];

	sh->status = 0;
	if (field_is(c, "export") || field_is(c, "readonly"))
		builtin_export(sh, f, field_is(c, "readonly"));
	else if (field_is(c, "unset"))
		builtin_unset(sh, f);
	else if (field_is(c, "set"))
		builtin_set(sh, f);
	/* exit and return end the file; "." and exec run something we
	 * cannot see; shift with no arguments is an error. */
	else if (field_is(c, "exit") || field_is(c, "return") ||
	    field_is(c, ".") || (field_is(c, "exec") && f->n > 1) ||
	    (field_is(c, "shift") && sh->npos == 0))
		stop(sh, start);
	else if (field_is(c, "eval"))
		loaded_drop(sh->out, orig(sh, start));
	else if (field_is(c, "shift"))
		sh->npos--;
}

static void	drop_list(struct sh *, size_t);

/* The commands of a list that run apart (a subshell, a pipeline, in
 * the background) or not at all: nothing they assign stays. */
static void
drop_node(struct sh *sh, size_t n)
{
	if (sh->node[n].kind == N_SIMPLE)
		loaded_drop(sh->out, orig(sh, sh->node[n].start));
	else
		drop_list(sh, sh->node[n].body);
}

static void
drop_list(struct sh *sh, size_t n)
{
	for (; n != NONE; n = sh->node[n].next)
		drop_node(sh, n);
}

static void
drop_range(struct sh *sh, size_t from, size_t to)
{
	for (;; from = sh->node[from].next) {
		drop_node(sh, from);
		if (from == to)
			break;
	}
}

/* One simple command: assignments stay only when no command follows
 * or it is a special builtin; every other command is not found. */
static void
exec_simple(struct sh *sh, size_t idx)
{
	const struct node *nd = &sh->node[idx];
	const struct span *w = sh->word + nd->w0;
	struct fields f = { 0 };
	size_t na = 0;
	enum builtin kind = B_NONE;
	bool redir_fails, applied = false;

	sh->cur = nd->start;
	sh->subst_status = 0;
	while (na < nd->nw && is_assignment(sh, &w[na]))
		na++;
	if (!expand_args(sh, w + na, nd->nw - na, &f) ||
	    !expand_targets(sh, nd, &redir_fails)) {
		/* fatal (stopped), or a word we do not emulate */
	} else if (f.n > 0 &&
	    (kind = builtin_kind(f.v[0].p, f.v[0].n)) == B_SPECIAL &&
	    redir_fails) {
		stop(sh, nd->start);	/* a special builtin's error */
	} else if (redir_fails) {
		sh->status = 2;
	} else if (f.n == 0 || kind == B_SPECIAL) {
		applied = assign_all(sh, w, na, true);
		if (applied)
			sh->status = sh->subst_status;
		if (applied && kind == B_SPECIAL)
			run_special(sh, &f, nd->start);
	} else {
		assign_all(sh, w, na, false);
		sh->status = kind == B_NONE ? 127 : kind == B_FALSE;
	}
	if (!applied && !sh->stop)
		loaded_drop(sh->out, orig(sh, nd->start));
	fields_free(&f);
	sh->unsupported = false;
}

static void	exec_list(struct sh *, size_t, bool);

/* The status a command would end with, without running it (pipelines
 * and subshells run apart; this is a guess: a failed expansion in
 * there is not seen). */
static int
dry_status(struct sh *sh, size_t n)
{
	const struct node *nd = &sh->node[n];
	const struct span *w = sh->word + nd->w0;
	size_t k = 0;

	if (nd->kind != N_SIMPLE)
		return 0;
	while (k < nd->nw && is_assignment(sh, &w[k]))
		k++;
	if (k == nd->nw)
		return 0;
	switch (builtin_kind(sh->b + w[k].s, w[k].e - w[k].s)) {
	case B_NONE:
		return 127;
	case B_FALSE:
		return 1;
	default:
		return 0;
	}
}

static void
exec_command(struct sh *sh, size_t n, bool cond)
{
	if (sh->node[n].kind == N_SIMPLE) {
		exec_simple(sh, n);
	} else if (sh->node[n].kind == N_GROUP) {
		exec_list(sh, sh->node[n].body, cond);
	} else {
		size_t last = sh->node[n].body;

		while (sh->node[last].next != NONE)
			last = sh->node[last].next;
		drop_list(sh, sh->node[n].body);
		sh->status = dry_status(sh, last);
	}
}

/* Pipelines joined by && and ||, from p to last. */
static void
exec_andor(struct sh *sh, size_t p, size_t last, bool cond)
{
	bool run = true;

	for (;;) {
		size_t pe = p;

		while (sh->node[pe].conn == C_PIPE)
			pe = sh->node[pe].next;
		enum conn cn = pe == last ? C_END : sh->node[pe].conn;
		bool bang = sh->node[p].bang;

		if (!run || p != pe)	/* each side of | is a subshell */
			drop_range(sh, p, pe);
		if (run && p != pe)
			sh->status = dry_status(sh, pe);
		else if (run)
			exec_command(sh, p, cond || bang || cn != C_END);
		if (run && bang)
			sh->status = !sh->status;
		/* set -e: a failure whose status nothing tests ends it. */
		if (run && sh->errexit && sh->status != 0 && !cond && !bang &&
		    cn == C_END)
			stop(sh, sh->node[p].start);
		if (pe == last || sh->stop)
			break;
		run = cn == C_AND ? sh->status == 0 : sh->status != 0;
		p = sh->node[pe].next;
	}
}

static void
exec_list(struct sh *sh, size_t n, bool cond)
{
	while (n != NONE && !sh->stop && !sh->noexec) {
		size_t last = n;

		while (sh->node[last].conn >= C_AND)
			last = sh->node[last].next;
		if (sh->node[last].conn == C_AMP) {
			drop_range(sh, n, last);	/* runs in background */
			sh->status = 0;
		} else {
			exec_andor(sh, n, last, cond);
		}
		n = sh->node[last].next;
	}
}

/* Reads and runs one complete command at a time, as dash does. */
static void
run(struct sh *sh)
{
	size_t head;

	while (!sh->stop) {
		sh->nnode = sh->nword = sh->nrword = 0;
		if (peek(sh)->t == T_EOF)
			break;
		if (peek(sh)->t == T_NL) {
			advance(sh);
			continue;
		}
		head = parse_list(sh, 0);
		if (sh->syntax) {
			stop(sh, sh->err_off);
			break;
		}
		advance(sh);
		/* The words parsed: expansion only needs their ends. */
		sh->nocheck = true;
		exec_list(sh, head, false);
		sh->nocheck = false;
	}
}

static void
parse(const char *buf, size_t len, loader_env_fn env, void *arg,
    struct loaded *out)
{
	struct sh sh = {
		.env = env, .arg = arg, .out = out, .allexport = true,
		.budget = 16 * 1024 * 1024 + 16 * len,
	};

	strip_nuls(&sh, buf, len);
	run(&sh);
	for (size_t i = 0; i < sh.varcap; i++) {
		var_free(&sh.var[i]);
		free(sh.var[i].name);
	}
	free(sh.var);
	free(sh.node);
	free(sh.word);
	free(sh.rword);
	free(sh.nul);
	free(sh.copy);
}

const struct loader loader_sh = {
	.id = LOADER_SH,
	.name = "sh-source",
	.title = N_("sh: set -a; . ./.env"),
	.parse = parse,
};
