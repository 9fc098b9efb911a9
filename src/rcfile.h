/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Shell startup files: which ones shells read, and where in them the
 * names fix401 cares about are set, exported, unset or commented out.
 * Pure logic: the caller reads the files (safefile_read); never prints. */
#ifndef FIX401_RCFILE_H
#define FIX401_RCFILE_H

#include <stdbool.h>
#include <stddef.h>

/* How a file is read, chosen from its name by rcfile_dialect(). */
enum rcfile_dialect {
	RCFILE_SH,		/* sh, bash, zsh, direnv (also csh setenv) */
	RCFILE_FISH,		/* fish config.fish */
	RCFILE_PAM		/* /etc/environment, read by pam_env */
};

enum rcfile_kind {
	RCFILE_SET,		/* the name gets a value */
	RCFILE_EXPORT_ONLY,	/* export NAME: exports the value it has */
	RCFILE_UNSET,		/* unset NAME, set -e NAME, unsetenv NAME */
	RCFILE_COMMENTED	/* an assignment in a comment: a hint only */
};

/* The command that did it; rcfile_form_name() gives the --json id. */
enum rcfile_form {
	RCFILE_FORM_EXPORT,	/* export NAME=value, export NAME */
	RCFILE_FORM_ASSIGN,	/* NAME=value */
	RCFILE_FORM_DECLARE,	/* declare, typeset, local, readonly */
	RCFILE_FORM_FISH_SET,	/* fish set (set -e too) */
	RCFILE_FORM_SETENV,	/* csh setenv and unsetenv */
	RCFILE_FORM_ENVIRONMENT, /* NAME=value in /etc/environment */
	RCFILE_FORM_UNSET,	/* unset NAME */
	RCFILE_FORM_COUNT
};

/* One finding.  Owns its strings; value is wiped when freed. */
struct rcfile_entry {
	enum rcfile_kind kind;
	enum rcfile_form form;
	char		*path;		/* the file, as given to rcfile_scan */
	char		*name;		/* as written */
	char		*value;		/* SET and COMMENTED: quotes removed as
					   the shell does, or the raw text when
					   dynamic; NULL for the other kinds */
	unsigned	 line;		/* 1-based line of the name */
	bool		 exported;	/* reaches child processes */
	bool		 conditional;	/* inside if/case/loop/function/subshell,
					   or after && || | */
	bool		 dynamic;	/* value uses $(...), `...`, fish (...),
					   or $OTHER (a $NAME of itself is kept
					   as written and is not dynamic) */
	bool		 cr;		/* its line ends in CR LF: the shell
					   keeps a CR at the end of the value,
					   which value leaves out */
};

/* A growing list of entries in file order.  Zero it or use init. */
struct rcfile_list {
	struct rcfile_entry *v;
	size_t		 n;
	size_t		 cap;
};

/* ---- lifecycle ---- */
void	 rcfile_list_init(struct rcfile_list *l);
/* Wipes the values and frees everything; l is empty again. */
void	 rcfile_list_clear(struct rcfile_list *l);

/* ---- which files ---- */
/* The files to scan, in order: bash, zsh, fish (under xdg_config_home, or
 * home/.config when that is NULL, empty or relative), /etc/environment,
 * /etc/profile, then project_dir/.envrc when project_dir is not NULL.
 * Arguments borrowed; returns a NULL-terminated array the caller frees
 * with xfree_strv. */
char	**rcfile_paths(const char *home, const char *xdg_config_home,
	    const char *project_dir);
/* The dialect of path: RCFILE_FISH for *.fish, RCFILE_PAM for a file named
 * environment, else RCFILE_SH. */
enum rcfile_dialect rcfile_dialect(const char *path);

/* ---- scanning ---- */
/* Parses buf[0..len), the contents of path (borrowed; only its name is
 * used), and appends to out every assignment, name-only export, unset and
 * commented-out assignment of a name defect_relevant_name() accepts. */
void	 rcfile_scan(const char *path, const char *buf, size_t len,
	    struct rcfile_list *out);
/* The stable id of form: "export", "assign", "declare", "fish-set",
 * "setenv", "environment", "unset". */
const char *rcfile_form_name(enum rcfile_form form);

#endif
