/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The command line: one struct filled by getopt_long, and the --help and
 * --version texts. */
#ifndef FIX401_OPTIONS_H
#define FIX401_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "source.h"

enum run_mode {
	MODE_WIZARD,		/* default: interactive (or plain) steps */
	MODE_CHECK,		/* --check: the checklist, then exit */
	MODE_FIX,		/* --fix: repair .env without the wizard */
	MODE_EXPLAIN,		/* --explain TEXT */
	MODE_UNDO,		/* --undo */
	MODE_HELP,
	MODE_VERSION,
};

/* Everything the command line says.  Strings borrow argv. */
struct options {
	enum run_mode	 mode;
	const char	*dir;		/* the project folder (default ".") */
	const char	*env_file;	/* -e FILE, or NULL */
	const char	*base_url;	/* --base-url */
	const char	*model;		/* --model */
	const char	*explain;	/* --explain TEXT */
	const char	*report;	/* --report FILE */
	long		 pid;		/* --pid, or 0 */
	long		 timeout;	/* --timeout seconds */
	bool		 json;		/* --json */
	bool		 offline;	/* --offline */
	bool		 yes;		/* --yes: no confirmation */
	bool		 dedupe;	/* --remove-duplicates */
	bool		 plain;		/* --plain */
	bool		 color;		/* false: --no-color or NO_COLOR */
	bool		 ascii;		/* --ascii */
	bool		 demo;		/* --demo */
	bool		 allow_insecure; /* --allow-insecure */
	enum consumer	 consumer;	/* --consumer (default python-dotenv) */
};

/* Parses argv into o.  Returns 0, or 2 after printing a usage error to
 * stderr (the exit status to use). */
int	options_parse(struct options *o, int argc, char **argv);
/* Prints the --help text to out. */
void	options_help(FILE *out);
/* Prints the --version text to out. */
void	options_version(FILE *out);

#endif
