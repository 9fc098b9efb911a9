/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Finds where shell startup files set the names fix401 cares about.  Not a
 * shell: a lexer that knows sh and fish quoting, a stack of block keywords
 * to tell conditional code apart, and the few builtins that assign. */
#include <config.h>

#include "rcfile.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "defect.h"
#include "shname.h"
#include "xalloc.h"

#define STACK_MAX	64	/* deeper blocks are counted, not kept */

enum tok_type { T_WORD, T_SEP, T_ANDOR, T_LPAREN, T_RPAREN, T_COMMENT,
    T_EOF };

/* One token.  Owns val and refs; raw points into the scanned bytes. */
struct tok {
	enum tok_type	 type;
	struct buf	 val;		/* quotes and escapes removed */
	struct buf	 refs;		/* names of $VARs used, each + '\n' */
	const char	*raw;		/* the source text */
	size_t		 rawlen;
	unsigned	 line;		/* where it starts */
	bool		 quoted;	/* had quotes or backslashes */
	bool		 subst;		/* has a command substitution */
	bool		 crlf;		/* ended by CR LF */
};

struct lexer {
	const char	*p;		/* next byte */
	const char	*end;
	unsigned	 line;
	enum rcfile_dialect d;
	struct buf	 heredoc;	/* pending here-document delimiter */
	bool		 hd_pending;
	bool		 hd_tabs;	/* <<-: leading tabs stripped */
};

enum blk { B_IF, B_CASE, B_LOOP, B_FUNC, B_GROUP, B_PAREN };

/* One scan of one file (or of one comment's text). */
struct scan {
	const char	*path;
	enum rcfile_dialect d;
	struct rcfile_list *out;
	size_t		 first;		/* out->v[first..] are this file's */
	enum blk	 stack[STACK_MAX];
	size_t		 depth;		/* may exceed STACK_MAX */
	bool		 commented;	/* scanning the text of a comment */
	bool		 func_pending;	/* saw f() or function f: next { */
	bool		 andor;		/* this command follows && || | and
					   or, or fish and/or */
	bool		 cond;		/* this command is conditional */
};

static void	scan_text(struct scan *, const char *, size_t, unsigned);
static void	scan_pam(struct scan *, const char *, const char *, unsigned);

static const char *const form_names[RCFILE_FORM_COUNT] = {
	"export", "assign", "declare", "fish-set", "setenv", "environment",
	"unset"
};

/* ---- small helpers ---- */

static bool
at_eol(const struct lexer *lx, const char *p)
{
	return p >= lx->end || *p == '\n' ||
	    (*p == '\r' && p + 1 < lx->end && p[1] == '\n');
}

/* ---- the lexer: quoting ---- */

static void
lex_single(struct lexer *lx, struct tok *t)
{
	for (lx->p++; lx->p < lx->end && *lx->p != '\''; lx->p++) {
		if (lx->d == RCFILE_FISH && *lx->p == '\\' &&
		    lx->p + 1 < lx->end &&
		    (lx->p[1] == '\'' || lx->p[1] == '\\'))
			lx->p++;
		if (*lx->p == '\n')
			lx->line++;
		buf_addc(&t->val, *lx->p);
	}
	if (lx->p < lx->end)
		lx->p++;
}

/* Skips a balanced open..close from lx->p (at open), roughly minding
 * quotes, and adds the text to t->val as written. */
static void
lex_balanced(struct lexer *lx, struct tok *t, char open, char close)
{
	const char *s = lx->p;
	int depth = 0;
	char q = 0;

	for (; lx->p < lx->end; lx->p++) {
		char c = *lx->p;

		if (c == '\n')
			lx->line++;
		if (c == '\\' && q != '\'' && lx->p + 1 < lx->end) {
			lx->p++;
			continue;
		}
		if (q != 0) {
			q = c == q ? 0 : q;
			continue;
		}
		if (c == close && depth > 0 && --depth == 0) {
			lx->p++;
			break;
		}
		if (c == open)
			depth++;
		else if (c == '\'' || c == '"')
			q = c;
	}
	buf_add(&t->val, s, (size_t)(lx->p - s));
}

static void
add_ref(struct tok *t, const char *s, size_t n)
{
	buf_add(&t->refs, n > 0 ? s : "?", n > 0 ? n : 1);
	buf_addc(&t->refs, '\n');
}

/* A $ expansion at lx->p: kept as written in t->val, noted in t. */
static void
lex_dollar(struct lexer *lx, struct tok *t)
{
	const char *s = lx->p, *e = lx->end;
	size_t n;

	if (s + 1 < e && s[1] == '(') {
		buf_addc(&t->val, '$');
		lx->p++;
		lex_balanced(lx, t, '(', ')');
		t->subst = true;
		return;
	}
	if (s + 1 < e && s[1] == '{' && lx->d != RCFILE_FISH) {
		n = s + 2 < e && (s[2] == '#' || s[2] == '!') ? 3 : 2;
		add_ref(t, s + n, shname_len(s + n, (size_t)(e - s) - n));
		buf_addc(&t->val, '$');
		lx->p++;
		lex_balanced(lx, t, '{', '}');
		return;
	}
	n = shname_len(s + 1, (size_t)(e - s) - 1);
	if (n == 0 && s + 1 < e && lx->d != RCFILE_FISH && s[1] != '\0' &&
	    strchr("0123456789?$@*#!-", s[1]) != NULL)
		n = 1;
	if (n == 0) {
		buf_addc(&t->val, '$');
		lx->p++;
		return;
	}
	add_ref(t, shname_start(s[1]) ? s + 1 : "", shname_start(s[1]) ?
	    n : 0);
	buf_add(&t->val, s, n + 1);
	lx->p += n + 1;
}

/* Backslash in double quotes: sh escapes only $ ` " \ and newline. */
static void
lex_dq_escape(struct lexer *lx, struct tok *t)
{
	char c = lx->p + 1 < lx->end ? lx->p[1] : '\0';

	if (c == '\n') {
		lx->line++;
		lx->p += 2;
	} else if (c != '\0' && strchr("$`\"\\", c) != NULL) {
		buf_addc(&t->val, c);
		lx->p += 2;
	} else {
		buf_addc(&t->val, '\\');
		lx->p++;
	}
}

static void
lex_double(struct lexer *lx, struct tok *t)
{
	for (lx->p++; lx->p < lx->end && *lx->p != '"';) {
		char c = *lx->p;

		if (c == '\\')
			lex_dq_escape(lx, t);
		else if (c == '$')
			lex_dollar(lx, t);
		else if (c == '`' && lx->d != RCFILE_FISH) {
			lex_balanced(lx, t, '`', '`');
			t->subst = true;
		} else {
			if (c == '\n')
				lx->line++;
			buf_addc(&t->val, c);
			lx->p++;
		}
	}
	if (lx->p < lx->end)
		lx->p++;
}

/* bash $'...': the common C escapes. */
static void
lex_ansi(struct lexer *lx, struct tok *t)
{
	static const char from[] = "ntrae\\'\"", to[] = "\n\t\r\a\033\\'\"";

	for (lx->p += 2; lx->p < lx->end && *lx->p != '\''; lx->p++) {
		const char *m = NULL;

		if (*lx->p == '\\' && lx->p + 1 < lx->end && lx->p[1] != '\0')
			m = strchr(from, lx->p[1]);
		if (m != NULL) {
			buf_addc(&t->val, to[m - from]);
			lx->p++;
			continue;
		}
		if (*lx->p == '\n')
			lx->line++;
		buf_addc(&t->val, *lx->p);
	}
	if (lx->p < lx->end)
		lx->p++;
}

/* ---- the lexer: words and tokens ---- */

static void
lex_backslash(struct lexer *lx, struct tok *t)
{
	static const char from[] = "ntre", to[] = "\n\t\r\033";
	const char *p = lx->p, *m = NULL;

	t->quoted = true;
	if (p + 1 >= lx->end) {
		lx->p++;
		return;
	}
	if (at_eol(lx, p + 1)) {	/* a continued line */
		lx->p += p[1] == '\r' ? 3 : 2;
		lx->line++;
		return;
	}
	if (lx->d == RCFILE_FISH && p[1] != '\0')
		m = strchr(from, p[1]);
	buf_addc(&t->val, m != NULL ? to[m - from] : p[1]);
	lx->p += 2;
}

/* True when the byte at p ends an unquoted word. */
static bool
word_end(const struct lexer *lx, const char *p)
{
	if (strchr(" \t\n;&|<>", *p) != NULL && *p != '\0')
		return true;
	if (*p == '\r' && at_eol(lx, p))
		return true;
	return lx->d != RCFILE_FISH && (*p == '(' || *p == ')');
}

static void
lex_word(struct lexer *lx, struct tok *t)
{
	t->type = T_WORD;
	t->raw = lx->p;
	t->line = lx->line;
	while (lx->p < lx->end) {
		char c = *lx->p, next = lx->p + 1 < lx->end ? lx->p[1] : 0;
		bool sh = lx->d != RCFILE_FISH;

		/* fish (command), or an array NAME=(a b) in bash and zsh */
		if (c == '(' && (!sh || (t->val.n > 0 && !t->quoted &&
		    t->val.p[t->val.n - 1] == '='))) {
			lex_balanced(lx, t, '(', ')');
			t->subst = true;
		} else if (word_end(lx, lx->p))
			break;
		else if (c == '\\')
			lex_backslash(lx, t);
		else if (c == '\'' || c == '"' || (sh && c == '$' &&
		    next == '\'')) {
			t->quoted = true;
			if (c == '\'')
				lex_single(lx, t);
			else if (c == '"')
				lex_double(lx, t);
			else
				lex_ansi(lx, t);
		} else if (c == '$')
			lex_dollar(lx, t);
		else if (c == '`' && sh) {
			lex_balanced(lx, t, '`', '`');
			t->subst = true;
		} else {
			buf_addc(&t->val, c);
			lx->p++;
		}
	}
	t->rawlen = (size_t)(lx->p - t->raw);
	t->crlf = lx->p < lx->end && *lx->p == '\r';
}

static void
lex_blanks(struct lexer *lx)
{
	while (lx->p < lx->end) {
		if (*lx->p == ' ' || *lx->p == '\t')
			lx->p++;
		else if (*lx->p == '\\' && lx->p + 1 < lx->end &&
		    at_eol(lx, lx->p + 1)) {
			lx->p += lx->p[1] == '\r' ? 3 : 2;
			lx->line++;
		} else
			break;
	}
}

/* A redirection: drops its target; a here-document's delimiter is kept
 * so that its body is skipped after the end of the line. */
static void
lex_redirect(struct lexer *lx)
{
	struct tok target = { 0 };
	bool here = lx->d != RCFILE_FISH && lx->end - lx->p >= 2 &&
	    memcmp(lx->p, "<<", 2) == 0 &&
	    (lx->end - lx->p == 2 || lx->p[2] != '<');

	if (here) {
		lx->p += 2;
		lx->hd_tabs = lx->p < lx->end && *lx->p == '-';
		lx->p += lx->hd_tabs;
	} else
		while (lx->p < lx->end && *lx->p != '\0' &&
		    strchr("<>&|", *lx->p) != NULL)
			lx->p++;
	lex_blanks(lx);
	if (lx->p < lx->end && !word_end(lx, lx->p))
		lex_word(lx, &target);
	if (here) {
		buf_reset(&lx->heredoc);
		buf_add(&lx->heredoc, target.val.p, target.val.n);
		lx->hd_pending = true;
	}
	buf_free(&target.val);
	buf_free(&target.refs);
}

/* After a newline: skips a pending here-document's lines. */
static void
lex_heredoc_body(struct lexer *lx)
{
	const char *d = lx->heredoc.p;
	size_t dn = lx->heredoc.n;

	if (!lx->hd_pending)
		return;
	lx->hd_pending = false;
	while (lx->p < lx->end) {
		const char *s = lx->p, *e = memchr(s, '\n',
		    (size_t)(lx->end - s));

		lx->p = e != NULL ? e + 1 : lx->end;
		lx->line += e != NULL;
		e = e != NULL ? e : lx->end;
		if (e > s && e[-1] == '\r')
			e--;
		while (lx->hd_tabs && s < e && *s == '\t')
			s++;
		if ((size_t)(e - s) == dn && (dn == 0 || memcmp(s, d, dn) == 0))
			break;
	}
}

/* Operators other than redirections; false when a word starts here. */
static bool
lex_operator(struct lexer *lx, struct tok *t)
{
	char c = *lx->p, next = lx->p + 1 < lx->end ? lx->p[1] : 0;

	if (c == ';') {
		t->type = T_SEP;
		lx->p += next == ';' || next == '&' ? 2 : 1;
	} else if (c == '&' || c == '|') {
		t->type = c == '&' && next != '&' ? T_SEP : T_ANDOR;
		lx->p += next == c || (c == '|' && next == '&') ? 2 : 1;
	} else if ((c == '(' || c == ')') && lx->d != RCFILE_FISH) {
		t->type = c == '(' ? T_LPAREN : T_RPAREN;
		lx->p++;
	} else
		return false;
	return true;
}

static void
lex_next(struct lexer *lx, struct tok *t)
{
	for (;;) {
		lex_blanks(lx);
		t->line = lx->line;
		if (lx->p >= lx->end) {
			t->type = T_EOF;
			return;
		}
		if (at_eol(lx, lx->p)) {
			lx->p += *lx->p == '\r' ? 2 : 1;
			lx->line++;
			lex_heredoc_body(lx);
			t->type = T_SEP;
			return;
		}
		if (*lx->p == '#') {
			t->type = T_COMMENT;
			t->raw = ++lx->p;
			while (!at_eol(lx, lx->p))
				lx->p++;
			t->rawlen = (size_t)(lx->p - t->raw);
			return;
		}
		if (*lx->p == '<' || *lx->p == '>' || (*lx->p == '&' &&
		    lx->p + 1 < lx->end && lx->p[1] == '>')) {
			lex_redirect(lx);
			continue;
		}
		if (!lex_operator(lx, t))
			lex_word(lx, t);
		return;
	}
}

/* ---- entries ---- */

static const char *
tok_str(const struct tok *t)
{
	return t->val.p != NULL ? t->val.p : "";
}

/* True when refs names a variable other than name. */
static bool
refs_other(const struct buf *refs, const char *name)
{
	size_t nl = strlen(name);
	const char *p, *end;

	if (refs->n == 0)
		return false;
	for (p = refs->p, end = p + refs->n; p < end;) {
		const char *e = memchr(p, '\n', (size_t)(end - p));

		if ((size_t)(e - p) != nl || memcmp(p, name, nl) != 0)
			return true;
		p = e + 1;
	}
	return false;
}

/* Appends an entry for a relevant name (NULL otherwise).  In a comment
 * only assignments count, as RCFILE_COMMENTED. */
static struct rcfile_entry *
entry_add(struct scan *s, enum rcfile_kind kind, enum rcfile_form form,
    const char *name, unsigned line)
{
	struct rcfile_list *l = s->out;
	struct rcfile_entry *e;

	if (!defect_relevant_name(name))
		return NULL;
	if (s->commented && kind != RCFILE_SET)
		return NULL;
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	e = &l->v[l->n++];
	memset(e, 0, sizeof *e);
	e->kind = s->commented ? RCFILE_COMMENTED : kind;
	e->form = form;
	e->path = xstrdup(s->path);
	e->name = xstrdup(name);
	e->line = line;
	e->conditional = s->cond;
	return e;
}

/* Sets e's value from t[0..n) (a fish list is joined by spaces), leaving
 * out skip bytes of the first token's text, or rawskip of its source. */
static void
entry_value(struct rcfile_entry *e, const struct tok *t, size_t n,
    size_t skip, size_t rawskip, bool dyn)
{
	struct buf b = { 0 };
	size_t len;

	for (size_t i = 0; i < n; i++)
		dyn = dyn || t[i].subst || refs_other(&t[i].refs, e->name);
	if (dyn && n > 0)
		buf_add(&b, t[0].raw + rawskip, (size_t)(t[n - 1].raw +
		    t[n - 1].rawlen - t[0].raw) - rawskip);
	for (size_t i = 0; !dyn && i < n; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_add(&b, tok_str(&t[i]) + (i == 0 ? skip : 0),
		    t[i].val.n - (i == 0 ? skip : 0));
	}
	e->dynamic = dyn;
	e->value = buf_take(&b, &len);
	e->cr = n > 0 && t[n - 1].crlf;
}

/* This file's latest assignment of name, or NULL (also after unset). */
static struct rcfile_entry *
last_set(struct scan *s, const char *name)
{
	for (size_t i = s->out->n; i > s->first; i--) {
		struct rcfile_entry *e = &s->out->v[i - 1];

		if (e->kind == RCFILE_COMMENTED || strcmp(e->name, name) != 0)
			continue;
		if (e->kind == RCFILE_UNSET)
			return NULL;
		if (e->kind == RCFILE_SET)
			return e;
	}
	return NULL;
}

/* True when an earlier line of this file exported name (and no unset
 * came between): a later plain assignment is exported too. */
static bool
was_exported(struct scan *s, const char *name)
{
	for (size_t i = s->out->n; i > s->first; i--) {
		struct rcfile_entry *e = &s->out->v[i - 1];

		if (e->kind == RCFILE_COMMENTED || strcmp(e->name, name) != 0)
			continue;
		if (e->kind == RCFILE_UNSET)
			return false;
		if (e->exported)
			return true;
	}
	return false;
}

/* ---- builtins that assign ---- */

/* NAME=value, NAME+=value or NAME as an argument of export or declare. */
static void
declare_one(struct scan *s, const struct tok *t, enum rcfile_form form,
    bool x)
{
	const char *w = tok_str(t), *eq = memchr(t->raw, '=', t->rawlen);
	size_t nl = shname_len(w, t->val.n);
	bool app = nl > 0 && w[nl] == '+' && w[nl + 1] == '=';
	struct rcfile_entry *e;
	char *name;

	if (nl == 0 || (w[nl] != '=' && w[nl] != '\0' && !app))
		return;
	name = xmemdup(w, nl);
	if (w[nl] == '\0' && x) {
		e = s->commented ? NULL : last_set(s, name);
		if (e != NULL)
			e->exported = true;
		e = entry_add(s, RCFILE_EXPORT_ONLY, form, name, t->line);
		if (e != NULL)
			e->exported = true;
	} else if (w[nl] != '\0') {
		e = entry_add(s, RCFILE_SET, form, name, t->line);
		if (e != NULL) {
			e->exported = x || was_exported(s, name);
			entry_value(e, t, 1, nl + 1 + app, eq != NULL ?
			    (size_t)(eq - t->raw) + 1 : 0, app);
		}
	}
	free(name);
}

/* export, declare, typeset, local, readonly: options, then names. */
static void
run_declare(struct scan *s, const struct tok *t, size_t n,
    enum rcfile_form form, bool x)
{
	size_t i = 0;

	for (; i < n && t[i].type == T_WORD; i++) {
		const char *w = tok_str(&t[i]);

		if (strcmp(w, "--") == 0) {
			i++;
			break;
		}
		if ((w[0] != '-' && w[0] != '+') || w[1] == '\0')
			break;
		/* functions, printing, namerefs, export -n: no variable */
		if (strpbrk(w + 1, "fFpn") != NULL)
			return;
		x = x || (w[0] == '-' && strchr(w + 1, 'x') != NULL);
	}
	for (; i < n && t[i].type == T_WORD; i++)
		declare_one(s, &t[i], form, x);
}

static void
run_unset(struct scan *s, const struct tok *t, size_t n,
    enum rcfile_form form)
{
	for (size_t i = 0; i < n && t[i].type == T_WORD; i++) {
		const char *w = tok_str(&t[i]);

		if (strcmp(w, "-f") == 0)
			return;
		if (shname_valid(w))
			entry_add(s, RCFILE_UNSET, form, w, t[i].line);
	}
}

/* csh setenv NAME [value] */
static void
run_setenv(struct scan *s, const struct tok *t, size_t n)
{
	struct rcfile_entry *e;

	if (n == 0 || t[0].type != T_WORD || !shname_valid(tok_str(&t[0])))
		return;
	e = entry_add(s, RCFILE_SET, RCFILE_FORM_SETENV, tok_str(&t[0]),
	    t[0].line);
	if (e == NULL)
		return;
	e->exported = true;
	entry_value(e, t + 1, n > 1 && t[1].type == T_WORD ? 1 : 0, 0, 0,
	    false);
}

/* fish set: the options that matter, -x -u -e -a -p and the queries. */
static size_t
fish_set_options(const struct tok *t, size_t n, unsigned *flags)
{
	static const char *const longs[] = { "export", "unexport", "erase",
	    "append", "prepend", "query", "show", "names", NULL };
	static const char shorts[] = "xueapqSn";
	size_t i = 0;

	for (; i < n && t[i].type == T_WORD; i++) {
		const char *w = tok_str(&t[i]);

		if (strcmp(w, "--") == 0)
			return i + 1;
		if (w[0] != '-' || w[1] == '\0')
			break;
		for (size_t k = 0; w[1] == '-' && longs[k] != NULL; k++)
			if (strcmp(w + 2, longs[k]) == 0)
				*flags |= 1U << k;
		for (size_t k = 0; w[1] != '-' && shorts[k] != '\0'; k++)
			if (strchr(w + 1, shorts[k]) != NULL)
				*flags |= 1U << k;
	}
	return i;
}

enum { FS_X = 1, FS_U = 2, FS_E = 4, FS_APPEND = 8 | 16, FS_QUERY = 32 |
    64 | 128 };

static void
run_fish_set(struct scan *s, const struct tok *t, size_t n)
{
	unsigned f = 0;
	size_t i = fish_set_options(t, n, &f), j;
	struct rcfile_entry *e;

	if ((f & FS_QUERY) != 0 || i >= n || t[i].type != T_WORD)
		return;
	if ((f & FS_E) != 0) {
		run_unset(s, t + i, n - i, RCFILE_FORM_FISH_SET);
		return;
	}
	if (!shname_valid(tok_str(&t[i])))
		return;
	e = entry_add(s, RCFILE_SET, RCFILE_FORM_FISH_SET, tok_str(&t[i]),
	    t[i].line);
	if (e == NULL)
		return;
	e->exported = (f & FS_X) != 0 ||
	    ((f & FS_U) == 0 && was_exported(s, e->name));
	for (j = i + 1; j < n && t[j].type == T_WORD; j++)
		;
	entry_value(e, t + i + 1, j - i - 1, 0, 0, (f & FS_APPEND) != 0);
}

/* NAME=value ...: shell variables only when nothing else follows (else
 * they are the environment of one command). */
static void
run_assign(struct scan *s, const struct tok *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t nl = shname_len(t[i].raw, t[i].rawlen);

		if (t[i].type != T_WORD || nl == 0 || nl >= t[i].rawlen ||
		    (t[i].raw[nl] != '=' && (t[i].raw[nl] != '+' ||
		    nl + 1 >= t[i].rawlen || t[i].raw[nl + 1] != '=')))
			return;
	}
	for (size_t i = 0; i < n; i++)
		declare_one(s, &t[i], RCFILE_FORM_ASSIGN, false);
}

static void
run_builtin(struct scan *s, const struct tok *t, size_t n)
{
	const char *w = tok_str(&t[0]);

	if (t[0].type != T_WORD)
		return;
	if (strcmp(w, "export") == 0)
		run_declare(s, t + 1, n - 1, RCFILE_FORM_EXPORT, true);
	else if (strcmp(w, "declare") == 0 || strcmp(w, "typeset") == 0 ||
	    strcmp(w, "local") == 0 || strcmp(w, "readonly") == 0)
		run_declare(s, t + 1, n - 1, RCFILE_FORM_DECLARE, false);
	else if (strcmp(w, "unset") == 0)
		run_unset(s, t + 1, n - 1, RCFILE_FORM_UNSET);
	else if (strcmp(w, "unsetenv") == 0)
		run_unset(s, t + 1, n - 1, RCFILE_FORM_SETENV);
	else if (strcmp(w, "setenv") == 0)
		run_setenv(s, t + 1, n - 1);
	else if (strcmp(w, "set") == 0 && s->d == RCFILE_FISH)
		run_fish_set(s, t + 1, n - 1);
	else if (s->d == RCFILE_SH)
		run_assign(s, t, n);
}

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
	if (s->depth < STACK_MAX)
		s->stack[s->depth] = b;
	s->depth++;
}

/* Closes the innermost block of kind a or b, and any left open in it. */
static void
pop_to(struct scan *s, enum blk a, enum blk b)
{
	size_t i = s->depth;

	if (i > STACK_MAX) {	/* not kept: trust the closer */
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
	return s->depth > 0 && s->depth <= STACK_MAX &&
	    s->stack[s->depth - 1] == b;
}

/* Inside anything but a plain { } or begin/end group? */
static bool
in_conditional(const struct scan *s)
{
	if (s->depth > STACK_MAX)
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
		if (strcmp(k->word, tok_str(t)) == 0)
			return k;
	return NULL;
}

/* The words up to and including "in" of sh case WORD in. */
static size_t
case_head(const struct tok *t, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (t[i].type == T_WORD && !t[i].quoted &&
		    strcmp(tok_str(&t[i]), "in") == 0)
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
		    strcmp(tok_str(&t[1]), "if") == 0 ? 2 : 1;
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
		run_builtin(s, t + i, m - i);
	for (; m < n; m++)
		pop_to(s, B_PAREN, B_PAREN);
}

/* ---- scanning ---- */

/* Scans what follows the # of a comment, as if uncommented. */
static void
scan_comment(const struct scan *s, const char *p, size_t n, unsigned line)
{
	struct scan c = *s;
	const char *e = p + n;

	while (p < e && (*p == '#' || *p == ' ' || *p == '\t'))
		p++;
	if (p == e)
		return;
	c.commented = true;
	if (c.d == RCFILE_PAM)
		scan_pam(&c, p, e, line);
	else
		scan_text(&c, p, (size_t)(e - p), line);
}

/* pam_env: NAME=value, export NAME=value, NAME (unsets); the value ends
 * at a #, and loses a leading quote and a quote as its last byte. */
static void
pam_line(struct scan *s, const char *p, const char *e, unsigned line,
    bool cr)
{
	const char *h, *v;
	struct rcfile_entry *x;
	char *name;
	size_t k = 0;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p < e && *p == '#') {
		if (!s->commented)
			scan_comment(s, p, (size_t)(e - p), line);
		return;
	}
	if (e - p >= 7 && memcmp(p, "export ", 7) == 0)
		p += 7;
	h = memchr(p, '#', (size_t)(e - p));
	cr = cr && h == NULL;
	e = h != NULL ? h : e;
	while (p + k < e && shname_char(p[k]))
		k++;
	if (k == 0 || (p + k < e && p[k] != '='))
		return;
	name = xmemdup(p, k);
	x = entry_add(s, p + k == e ? RCFILE_UNSET : RCFILE_SET,
	    RCFILE_FORM_ENVIRONMENT, name, line);
	free(name);
	if (x == NULL || x->kind == RCFILE_UNSET)
		return;
	v = p + k + 1;
	if (v < e && (*v == '"' || *v == '\'')) {
		v++;
		e -= e > v && (e[-1] == '"' || e[-1] == '\'');
	}
	x->value = xmemdup(v, (size_t)(e - v));
	x->exported = true;
	x->cr = cr;
}

/* /etc/environment, line by line, joining lines that end in \. */
static void
scan_pam(struct scan *s, const char *p, const char *end, unsigned line)
{
	struct buf l = { 0 };

	while (p < end) {
		unsigned start = line;
		bool more = true, cr = false;

		buf_reset(&l);
		while (more && p < end) {
			const char *e = memchr(p, '\n', (size_t)(end - p));
			const char *next = e != NULL ? e + 1 : end;

			e = e != NULL ? e : end;
			cr = e > p && e[-1] == '\r';
			e -= cr;
			more = e > p && e[-1] == '\\';
			buf_add(&l, p, (size_t)(e - p) - more);
			p = next;
			line++;
		}
		pam_line(s, l.p, l.p + l.n, start, cr);
	}
	buf_free(&l);
}

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

static void
scan_text(struct scan *s, const char *buf, size_t len, unsigned line)
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
		lex_next(&lx, t);
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
				scan_comment(s, note.raw, note.rawlen,
				    note.line);
			note.raw = NULL;
			c.n = 0;
		}
	} while (t->type != T_EOF);
	cmd_free(&c);
	buf_free(&lx.heredoc);
}

/* ---- the API ---- */

void
rcfile_list_init(struct rcfile_list *l)
{
	memset(l, 0, sizeof *l);
}

void
rcfile_list_clear(struct rcfile_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct rcfile_entry *e = &l->v[i];

		if (e->value != NULL)
			xwipe(e->value, strlen(e->value));
		free(e->value);
		free(e->name);
		free(e->path);
	}
	free(l->v);
	rcfile_list_init(l);
}

char **
rcfile_paths(const char *home, const char *xdg_config_home,
    const char *project_dir)
{
	static const char *const dots[] = { ".bashrc", ".bash_profile",
	    ".bash_login", ".profile", ".zshenv", ".zprofile", ".zshrc",
	    ".zlogin", NULL };
	char **v = xcalloc(16, sizeof *v);
	size_t n = 0;

	for (size_t i = 0; dots[i] != NULL; i++)
		v[n++] = xasprintf("%s/%s", home, dots[i]);
	/* XDG: an empty or relative XDG_CONFIG_HOME is to be ignored */
	if (xdg_config_home != NULL && xdg_config_home[0] == '/')
		v[n++] = xasprintf("%s/fish/config.fish", xdg_config_home);
	else
		v[n++] = xasprintf("%s/.config/fish/config.fish", home);
	v[n++] = xstrdup("/etc/environment");
	v[n++] = xstrdup("/etc/profile");
	if (project_dir != NULL)
		v[n++] = xasprintf("%s/.envrc", project_dir);
	v[n] = NULL;
	return v;
}

void
rcfile_paths_free(char **paths)
{
	if (paths == NULL)
		return;
	for (size_t i = 0; paths[i] != NULL; i++)
		free(paths[i]);
	free(paths);
}

enum rcfile_dialect
rcfile_dialect(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (n >= 5 && strcmp(base + n - 5, ".fish") == 0)
		return RCFILE_FISH;
	if (strcmp(base, "environment") == 0)
		return RCFILE_PAM;
	return RCFILE_SH;
}

void
rcfile_scan(const char *path, const char *buf, size_t len,
    struct rcfile_list *out)
{
	struct scan s;

	if (len == 0)
		return;
	memset(&s, 0, sizeof s);
	s.path = path;
	s.d = rcfile_dialect(path);
	s.out = out;
	s.first = out->n;
	if (s.d == RCFILE_PAM)
		scan_pam(&s, buf, buf + len, 1);
	else
		scan_text(&s, buf, len, 1);
}

const char *
rcfile_form_name(enum rcfile_form form)
{
	return form >= 0 && form < RCFILE_FORM_COUNT ? form_names[form] : "";
}
