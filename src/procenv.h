/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* A process's environment as NAME/VALUE pairs: our own (environ) or
 * another's (/proc/PID/environ, Linux), in the same list type.  Never
 * prints; values are wiped when freed, they may hold keys. */
#ifndef FIX401_PROCENV_H
#define FIX401_PROCENV_H

#include <stddef.h>
#include <sys/types.h>

struct procenv_var {
	char	*name;		/* before the first '=' (the whole entry
				   when there is none) */
	char	*value;		/* after it; NULL when the entry had no
				   '=' (getenv would not see it) */
};

/* All entries in order, duplicates kept.  Owns its strings. */
struct procenv {
	struct procenv_var *v;
	size_t		 n;
	size_t		 cap;
};

/* ---- lifecycle ---- */
void	 procenv_init(struct procenv *e);
/* Wipes the values and frees everything; e is empty again. */
void	 procenv_clear(struct procenv *e);

/* ---- reading (each appends to out) ---- */
/* Parses NUL-separated NAME=VALUE entries in buf[0..len) (borrowed); a
 * missing final NUL is fine, empty entries are skipped. */
void	 procenv_from_buffer(const char *buf, size_t len, struct procenv *out);
/* Reads /proc/PID/environ: the environment the process started with (a
 * later setenv in it does not show).  0, or -1 with *cause set to a
 * translated message the caller frees: no such process, not allowed
 * (needs the same user or root), or no /proc (not Linux). */
int	 procenv_read(pid_t pid, struct procenv *out, char **cause);
/* Snapshots this process's environ. */
void	 procenv_self(struct procenv *out);

/* ---- lookup ---- */
/* The value of the first entry named name, as getenv finds it, or NULL;
 * borrowed from e. */
const char *procenv_get(const struct procenv *e, const char *name);

#endif
