/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Private to the rcfile*.c files: the tokens of the lexer, the state of
 * one scan, and the functions the files call in each other.  rcfile.h
 * is the public API. */
#ifndef FIX401_RCFILE_SCAN_H
#define FIX401_RCFILE_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "rcfile.h"

/* Blocks deeper than this are counted, not kept. */
#define RCFILE_STACK_MAX	64

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

/* Where the lexer is.  Borrows the text; owns heredoc. */
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
	enum blk	 stack[RCFILE_STACK_MAX];
	size_t		 depth;		/* may exceed RCFILE_STACK_MAX */
	bool		 commented;	/* scanning the text of a comment */
	bool		 func_pending;	/* saw f() or function f: next { */
	bool		 andor;		/* this command follows && || | and
					   or, or fish and/or */
	bool		 cond;		/* this command is conditional */
};

static inline const char *
rcfile_tok_str(const struct tok *t)
{
	return t->val.p != NULL ? t->val.p : "";
}

/* ---- rcfile-lex.c: the lexer ---- */
/* Reads the next token at lx->p into t, which owns its bufs (reset by the
 * caller); skips blanks, redirections and here-document bodies. */
void	 rcfile_lex_next(struct lexer *lx, struct tok *t);

/* ---- rcfile.c: entries and comments ---- */
/* Appends an entry to s->out when name (copied) is relevant; else NULL. */
struct rcfile_entry *rcfile_entry_add(struct scan *s, enum rcfile_kind kind,
	    enum rcfile_form form, const char *name, unsigned line);
/* Sets e->value (allocated), dynamic and cr from the tokens t[0..n). */
void	 rcfile_entry_value(struct rcfile_entry *e, const struct tok *t,
	    size_t n, size_t skip, size_t rawskip, bool dyn);
/* Scans what follows the # of a comment, as if uncommented. */
void	 rcfile_scan_comment(const struct scan *s, const char *p, size_t n,
	    unsigned line);

/* ---- rcfile-builtin.c: the builtins that assign ---- */
/* Appends what the command t[0..n) sets, exports or unsets, if anything. */
void	 rcfile_run_builtin(struct scan *s, const struct tok *t, size_t n);

/* ---- rcfile-cmd.c: commands and blocks ---- */
/* Scans sh or fish text buf[0..len) starting at line. */
void	 rcfile_scan_text(struct scan *s, const char *buf, size_t len,
	    unsigned line);

/* ---- rcfile-pam.c: /etc/environment ---- */
/* Scans pam_env text p..end starting at line. */
void	 rcfile_scan_pam(struct scan *s, const char *p, const char *end,
	    unsigned line);

#endif
