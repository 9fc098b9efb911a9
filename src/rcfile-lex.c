/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The lexer of rcfile scans: splits sh and fish text into words and
 * operators, minding quotes, $ expansions, command substitutions, line
 * continuations and here-documents.  Not a shell: values stay unexpanded. */
#include <config.h>

#include "rcfile-scan.h"

#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "shname.h"

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

void
rcfile_lex_next(struct lexer *lx, struct tok *t)
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
