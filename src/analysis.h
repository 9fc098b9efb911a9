/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* An analysis runs every loader over a .env file and sets, for each
 * assignment, what each loader reads, which loaders it breaks in, and which
 * defects explain it.  Pure logic: no I/O, no output. */
#ifndef FIX401_ANALYSIS_H
#define FIX401_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>

#include "defect.h"
#include "dotenv.h"
#include "loader.h"

/* What one loader makes of one assignment. */
enum reading {
	READ_OK,	/* the value the user meant */
	READ_WRONG,	/* another value: the silent 401 */
	READ_MISSING,	/* not set under that name */
	READ_REFUSED,	/* the program rejects the whole file */
};

struct loader_view {
	enum reading		 r;
	const struct binding	*b;	/* borrowed from the analysis, or NULL */
};

/* The verdict on one assignment.  Borrows from its analysis. */
struct finding {
	const struct dotenv_assign *a;
	struct loader_view	 view[LOADER_COUNT];
	unsigned long		 defects;	/* 1UL << enum defect_id */
	unsigned		 broken;	/* 1U << enum loader_id */
	bool			 winner;	/* last of its name in the file */
};

/* A file, every loader's reading of it, and the findings.  Owns all. */
struct analysis {
	struct dotenv		 doc;
	struct loaded		 loaded[LOADER_COUNT];
	struct dotenv_assign	*assigns;
	struct finding		*f;		/* one per assignment */
	size_t			 n;
	unsigned long		 file_defects;	/* 1UL << enum defect_id */
};

/* ---- analysis ---- */
/* Reads buf[0..len) with every loader (env as in loader.h) and fills an. */
void	analysis_run(struct analysis *an, const char *buf, size_t len,
	    loader_env_fn env, void *arg);
void	analysis_clear(struct analysis *an);
/* The finding that wins for name (the last assignment whose clean name is
 * name), or NULL. */
const struct finding	*analysis_winner(const struct analysis *an,
			    const char *name);
#endif
