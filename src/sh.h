/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The private types of the sh loader (loader-sh.c and the sh-*.c files,
 * nothing else includes this): the shell state, tokens, parsed nodes,
 * variables and words being expanded, and what each sh file exports. */
#ifndef FIX401_SH_H
#define FIX401_SH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "loader.h"
#include "shname.h"

#define NONE		SIZE_MAX
#define DEPTH_MAX	100	/* nesting of (), {}, ${} and $(): deeper
				   is treated as a syntax error */

enum tok {
	T_EOF, T_NL, T_WORD, T_SEMI, T_DSEMI, T_AMP, T_AND, T_PIPE, T_OR,
	T_LPAREN, T_RPAREN, T_REDIR, T_BAD
};

struct token {
	enum tok	 t;		/* what it is */
	size_t		 s, e;		/* its bytes; T_BAD: s is the error */
	char		 op;		/* T_REDIR: '<' '>' '&' (dup) 'h' */
};

/* How a node joins the next one of its list. */
enum conn { C_END, C_SEMI, C_AMP, C_AND, C_OR, C_PIPE };
enum kind { N_SIMPLE, N_GROUP, N_SUBSHELL };

/* One command of a parsed complete command; lists are chained by next. */
struct node {
	enum kind	 kind;		/* simple, { } or ( ) */
	enum conn	 conn;		/* how it joins next */
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

/* A shell variable; the table shadows the environment callback.  The
 * table owns name and val. */
struct var {
	char	*name;			/* NULL: free slot */
	size_t	 nlen;			/* bytes of name */
	char	*val;			/* NULL: unset */
	size_t	 len;			/* bytes of val */
	bool	 exported, readonly;	/* its attributes */
};

/* A word being expanded; owns b and split.  Zero it to start. */
struct xbuf {
	struct buf	 b;		/* the bytes made so far */
	unsigned char	*split;		/* per byte of b: made by an unquoted
					   expansion, so field splitting may
					   cut there (command words only) */
	size_t		 splitcap;	/* bytes allocated for split */
	bool		 quoted;	/* a quote was seen: "" is a field */
};

struct field {
	char	*p;			/* owned, NUL-terminated */
	size_t	 n;			/* bytes of p */
	size_t	 at;			/* offset of the word it came from */
};

/* The fields of a command's words; owns v and each field's bytes. */
struct fields {
	struct field	*v;		/* the fields, in order */
	size_t		 n, cap;	/* used and allocated */
};

/* The shell.  It owns everything it points to but b (when it is not
 * copy.p), env, arg and out, which the caller of the loader lends. */
struct sh {
	const char	*b;		/* the input, NUL bytes removed (dash
					   drops them while reading) */
	size_t		 n;		/* bytes of b */
	struct buf	 copy;		/* holds b when NULs were removed */
	size_t		*nul;		/* original offsets of those NULs */
	size_t		 nnul;		/* how many */
	size_t		 pos;		/* lexer position */
	struct token	 tok;		/* the token peeked at */
	bool		 peeked;	/* tok is valid */
	struct node	*node;		/* the complete command being run */
	size_t		 nnode, nodecap;
	struct span	*word;		/* the words of simple commands */
	size_t		 nword, wordcap;
	struct span	*rword;		/* their redirection targets */
	size_t		 nrword, rwordcap;
	struct var	*var;		/* open addressing, power of two */
	size_t		 nvar, varcap;
	loader_env_fn	 env;		/* the environment, may be NULL */
	void		*arg;		/* for env */
	struct loaded	*out;		/* what gets exported */
	int		 status;	/* $? */
	int		 subst_status;	/* of the last $(...) */
	unsigned	 npos;		/* $#, from set -- */
	bool		 allexport, errexit, nounset, noexec;
	bool		 syntax;	/* the complete command won't parse */
	bool		 stop;		/* dash stopped reading the file */
	bool		 unsupported;	/* a word we do not emulate */
	bool		 nocheck;	/* scanning only: skip the parse of
					   $(...) bodies (done once, later) */
	size_t		 err_off;	/* where a syntax error is */
	size_t		 cur;		/* start of the command being run */
	size_t		 budget;	/* bytes expansions may still make */
	unsigned	 depth;		/* nesting while scanning, parsing */
	char		 num[24];	/* $? $# and ${#X} as text */
};

/* Flags of sh_expand. */
enum {
	X_DQ = 1,		/* inside double quotes */
	X_SPLIT = 2,		/* a command word: record where to split */
	X_ASSIGN = 4,		/* an assignment value: ~ after ':' too */
	X_PAT = 8,		/* a pattern: quoted * ? [ \ stay literal */
	X_INEXP = 16,		/* the word of an unquoted ${X:-word} */
};

enum builtin { B_NONE, B_REGULAR, B_FALSE, B_SPECIAL };

static inline bool
sh_is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* ---- sh-lex.c: input and tokens ---- */
/* Offset in the caller's buffer of offset off of sh->b. */
size_t	 sh_orig(const struct sh *sh, size_t off);
/* Points sh->b at buf (borrowed) or at a copy without its NUL bytes. */
void	 sh_strip_nuls(struct sh *sh, const char *buf, size_t len);
/* Ends the reading at off (the first call wins) and marks out. */
void	 sh_stop(struct sh *sh, size_t off);
/* The end of the quote, expansion, escape or byte at i; NONE: never. */
size_t	 sh_scan_construct(struct sh *sh, size_t i, bool dq);
/* The end of ${...} or $(...) at i, or i + 1 for any other $. */
size_t	 sh_scan_dollar(struct sh *sh, size_t i, bool dq);
/* The next token, lexed once; valid until sh_advance. */
struct token	*sh_peek(struct sh *sh);
/* Moves past the token sh_peek gives. */
void	 sh_advance(struct sh *sh);

/* ---- sh-parse.c: complete commands into sh->node ---- */
/* A list up to closer (0: a newline); its first node, or NONE. */
size_t	 sh_parse_list(struct sh *sh, char closer);
/* True when s[0..n) (borrowed) parses as commands. */
bool	 sh_script_parses(struct sh *sh, const char *s, size_t n);

/* ---- sh-var.c: the variable table ---- */
/* The variable name; create makes it, with the environment's value. */
struct var	*sh_var_find(struct sh *sh, const char *name, size_t n,
		    bool create);
/* The value of name (borrowed) and its length; NULL when unset. */
const char	*sh_var_get(struct sh *sh, const char *name, size_t n,
		    size_t *len);
/* Wipes and frees v's value: it is unset. */
void	 sh_var_free(struct var *v);
/* name=val (copied), as an assignment at offset at; false when fatal. */
bool	 sh_var_set(struct sh *sh, const char *name, size_t n,
	    const char *val, size_t len, size_t at, bool export);
/* Frees the whole table. */
void	 sh_var_clear(struct sh *sh);

/* ---- sh-expand.c: word expansion and field splitting ---- */
/* Appends n bytes of s; quoted ones never split, exp marks expansion
 * output.  False when the byte budget is spent (stopped). */
bool	 sh_xb_add(struct sh *sh, struct xbuf *xb, const char *s, size_t n,
	    unsigned fl, bool quoted, bool exp);
/* Wipes and frees xb; it is empty again. */
void	 sh_xb_free(struct xbuf *xb);
/* Expands the raw word bytes i..e into xb; false when fatal or not
 * emulated (sh->unsupported). */
bool	 sh_expand(struct sh *sh, size_t i, size_t e, unsigned fl,
	    struct xbuf *xb);
/* Appends a copy of p[0..n) from the word at offset at. */
void	 sh_fields_add(struct fields *f, const char *p, size_t n, size_t at);
/* Wipes and frees every field; f is empty again. */
void	 sh_fields_free(struct fields *f);
/* Splits xb on the default IFS where expansions made the bytes. */
void	 sh_split_fields(struct xbuf *xb, size_t at, struct fields *f);

/* ---- sh-subst.c: command substitution ---- */
/* $(s..e) or `s..e` (bq): appends its output to xb. */
bool	 sh_command_subst(struct sh *sh, size_t s, size_t e, bool bq,
	    unsigned fl, struct xbuf *xb);

/* ---- sh-builtin.c: the builtins a .env can use ---- */
/* What kind of command p[0..n) names. */
enum builtin	 sh_builtin_kind(const char *p, size_t n);
/* Runs the special builtin f->v[0] of the command at start. */
void	 sh_run_special(struct sh *sh, const struct fields *f, size_t start);

/* ---- sh-exec.c: running parsed commands ---- */
/* Runs the list from node n; cond: its status is tested (no set -e). */
void	 sh_exec_list(struct sh *sh, size_t n, bool cond);

#endif
