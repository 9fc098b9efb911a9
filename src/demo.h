/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401 --demo: a practice run.  Starts fix401-mock on a free loopback
 * port, makes a scratch project whose .env holds a classic broken key
 * (quoted, a trailing space) and a stale export in a scratch ~/.bashrc,
 * and points the options at them.  Everything is removed afterwards. */
#ifndef FIX401_DEMO_H
#define FIX401_DEMO_H

#include <stdbool.h>
#include <sys/types.h>

#include "options.h"

/* How many environment variables besides HOME a practice run replaces
 * (XDG_STATE_HOME, XDG_CONFIG_HOME, SHELL, OPENAI_API_KEY). */
#define DEMO_NVARS	4

/* What a practice run made.  Owns everything. */
struct demo {
	pid_t	 mock;		/* the fix401-mock child, or 0 */
	char	*root;		/* the scratch folder, or NULL */
	char	*project;	/* root/project */
	char	*url;		/* the mock's base URL (.../v1) */
	char	*old_home;	/* $HOME before, restored on teardown */
	struct options o;	/* the options for the practice run */
	pid_t	 janitor;	/* removes root if fix401 dies first, or 0 */
	int	 janitor_fd;	/* its pipe: a byte says "done", EOF "clean
				   up"; -1 when none */
	char	*saved[DEMO_NVARS];	/* their old values (NULL: unset),
					   wiped on teardown */
	bool	 set;		/* HOME and those were replaced */
};

/* Sets up the practice run from o (its other options kept).  0, or -1
 * with *cause (caller frees) after undoing what was made. */
int	demo_setup(struct demo *dm, const struct options *o, char **cause);
/* Stops the mock, removes the scratch folder and puts the environment
 * back.  Safe after a failed setup and twice. */
void	demo_teardown(struct demo *dm);

#endif
