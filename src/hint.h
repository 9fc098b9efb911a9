/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Context hints: facts about where fix401 (or the --pid process) runs
 * that change which key a program sees: sudo, a container, CI, a Jupyter
 * kernel, a service.  Gathering reads the system; building is pure. */
#ifndef FIX401_HINT_H
#define FIX401_HINT_H

#include <stdbool.h>
#include <stddef.h>

#include "procenv.h"
#include "source.h"

enum hint_id {
	HINT_SUDO,		/* under sudo: the environment was reset */
	HINT_CONTAINER,		/* inside a container: host files unseen */
	HINT_CI,		/* CI=true: secrets come from the CI's settings */
	HINT_JUPYTER,		/* a Jupyter kernel keeps its old environment */
	HINT_SERVICE,		/* a service: never reads shell startup files */
	HINT_COUNT
};

/* What was observed.  Filled by hint_facts_gather (or by hand in tests). */
struct hint_facts {
	bool	sudo;		/* SUDO_USER/SUDO_COMMAND in the environment */
	bool	container;	/* /.dockerenv, /run/.containerenv, or a
				   container= variable */
	bool	ci;		/* CI is set to a true value */
	bool	jupyter;	/* a Jupyter kernel: JPY_* variables, or the
				   --pid process runs ipykernel */
	bool	service;	/* the --pid process was started by systemd
				   (INVOCATION_ID) or has no terminal */
};

/* One hint: a stable id and a translated sentence or two (no key). */
struct hint {
	enum hint_id	 id;
	char		*text;		/* owned */
};

/* Hints in hint_id order.  Owns the texts; zero it or use init. */
struct hint_list {
	struct hint	*v;
	size_t		 n, cap;
};

/* ---- gathering (reads the system) ---- */
/* Fills *f from env (the environment being diagnosed: ours or the --pid
 * process's, borrowed) and, when pid > 0, /proc/PID. */
void	 hint_facts_gather(struct hint_facts *f, const struct procenv *env,
	    long pid);

/* ---- building (pure) ---- */
/* Appends to out a hint for each fact that matters given the candidates
 * in src (e.g. "service" only when a startup file sets the key). */
void	 hints_build(const struct hint_facts *f, const struct sources *src,
	    struct hint_list *out);
void	 hint_list_init(struct hint_list *l);
void	 hint_list_clear(struct hint_list *l);
/* "sudo", "container", "ci", "jupyter", "service" (stable, for --json). */
const char *hint_id_name(enum hint_id id);

#endif
