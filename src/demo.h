/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401 --demo: a practice run.  Starts fix401-mock on a free loopback
 * port, makes a scratch project whose .env holds a classic broken key
 * (quoted, a trailing space) and a stale export in a scratch ~/.bashrc,
 * and points the options at them.  Everything is removed afterwards. */
#ifndef FIX401_DEMO_H
#define FIX401_DEMO_H

#include <sys/types.h>

#include "options.h"

/* What a practice run made.  Owns everything. */
struct demo {
	pid_t	 mock;		/* the fix401-mock child, or 0 */
	char	*root;		/* the scratch folder, or NULL */
	char	*project;	/* root/project */
	char	*url;		/* the mock's base URL (.../v1) */
	char	*old_home;	/* $HOME before, restored on teardown */
	struct options o;	/* the options for the practice run */
};

/* Sets up the practice run from o (its other options kept).  0, or -1
 * with *cause (caller frees) after undoing what was made. */
int	demo_setup(struct demo *dm, const struct options *o, char **cause);
/* Stops the mock and removes the scratch folder. */
void	demo_teardown(struct demo *dm);

#endif
