/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The .env document model: the exact bytes split into lines that serialise
 * back to the same bytes, a tolerant reading of each assignment (what the
 * user meant), and edits that change one statement and nothing else.
 * Pure logic: no I/O. */
#ifndef FIX401_DOTENV_H
#define FIX401_DOTENV_H

#include <stdbool.h>
#include <stddef.h>

/* One physical line.  Lines end at "\r\n", "\n" or a lone "\r", as editors
 * and Python's universal newlines count them. */
struct dotenv_line {
	size_t		off;	/* first byte of the line in the buffer */
	size_t		len;	/* content bytes, end of line excluded */
	unsigned char	eol;	/* 0 (last line, no newline), 1 or 2 bytes */
};

/* A whole file.  Owns buf and lines. */
struct dotenv {
	char			*buf;	/* the bytes, with a NUL after len */
	size_t			 len;
	struct dotenv_line	*lines;	/* at least one (empty file: 1) */
	size_t			 nlines;
};

/* How the user wrote the value of an assignment. */
enum dotenv_quote {
	DOTENV_UNQUOTED,
	DOTENV_SINGLE,		/* '...' */
	DOTENV_DOUBLE,		/* "..." */
	DOTENV_BACKTICK,	/* `...` */
	DOTENV_SMART,		/* “...”, ‘...’, «...» and their kin */
};

/* The tolerant reading of one line that tries to set a variable, even in
 * forms no loader accepts (KEY = v, KEY: v, set KEY=v, $env:KEY=...).
 * Owns its strings. */
struct dotenv_assign {
	size_t		 line;		/* 0-based index into dotenv.lines */
	char		*name;		/* the name as written (raw bytes) */
	char		*clean_name;	/* invisible characters and a BOM
					   removed: what the user meant */
	const char	*prefix;	/* "export", "set", "declare -x",
					   "setx", "$env:" or NULL; static */
	bool		 bom;		/* a UTF-8 BOM starts the line */
	bool		 indented;	/* whitespace before the name */
	bool		 space_before_sep; /* "KEY =" */
	bool		 space_after_sep;  /* "KEY= v" */
	char		 sep;		/* '=', ':', ' ' (set -x KEY v) or 0
					   for a name-only line */
	enum dotenv_quote quote;	/* how the value is quoted */
	bool		 unterminated;	/* opening quote with no partner on
					   the line */
	bool		 trailing_text;	/* text after the closing quote */
	bool		 comment;	/* an inline comment follows */
	bool		 glued_comment;	/* ... with no space before the # */
	bool		 padded;	/* whitespace after the value, or at
					   the edges inside its quotes (blanks
					   after the separator: see
					   space_after_sep) */
	bool		 invisible;	/* zero-width, NBSP or soft hyphen
					   inside the value */
	char		*raw;		/* the value as written: from after the
					   separator to the end of the line */
	size_t		 raw_len;
	char		*intended;	/* dotenv_clean() of the value part */
	size_t		 intended_len;
};

/* ---- document ---- */
void	dotenv_init(struct dotenv *d);
/* Copies buf[0..len) (any bytes) into d and splits it into lines. */
void	dotenv_load(struct dotenv *d, const char *buf, size_t len);
void	dotenv_clear(struct dotenv *d);
/* Concatenates the lines back into a new buffer (caller frees); the result
 * always equals the loaded bytes. */
char	*dotenv_serialize(const struct dotenv *d, size_t *len);
/* The 0-based index of the line holding byte offset off. */
size_t	 dotenv_line_at(const struct dotenv *d, size_t off);

/* ---- assignments ---- */
/* Reads every line that looks like an assignment; *out (caller frees with
 * dotenv_assigns_free) gets them in file order.  Returns the count. */
size_t	 dotenv_assigns(const struct dotenv *d, struct dotenv_assign **out);
void	 dotenv_assigns_free(struct dotenv_assign *a, size_t n);

/* ---- cleaning and editing ---- */
/* What a pasted or written value meant: surrounding straight and smart
 * quotes and whitespace removed, and CR, LF, BOM, NBSP and zero-width
 * characters removed wherever they are.  Returns a new string (caller frees) and
 * its length in *outlen. */
char	*dotenv_clean(const char *v, size_t len, size_t *outlen);
/* True when every loader reads NAME=value identically: value is non-empty
 * and only [A-Za-z0-9_.-] (plus a few safe symbols). */
bool	 dotenv_value_is_plain(const char *v, size_t len);

/* Returns a new buffer (caller frees) equal to d with line `line` replaced by
 * "name=value" and a LF end of line (LF even in a CRLF file: the shell keeps
 * a CR).  Every other byte is kept.  A BOM at the start of the file is
 * dropped when line is 0. */
char	*dotenv_set_line(const struct dotenv *d, size_t line,
	    const char *name, const char *value, size_t vlen, size_t *outlen);
/* Returns a new buffer with "name=value\n" appended (after a LF if the last
 * line has no end of line). */
char	*dotenv_append(const struct dotenv *d, const char *name,
	    const char *value, size_t vlen, size_t *outlen);
/* Returns a new buffer without the UTF-8 BOM that starts d. */
char	*dotenv_drop_bom(const struct dotenv *d, size_t *outlen);
/* Returns a new buffer without the lines whose indexes are in drop[0..n). */
char	*dotenv_remove_lines(const struct dotenv *d, const size_t *drop,
	    size_t n, size_t *outlen);

#endif
