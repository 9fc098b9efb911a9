/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The engine behind --check, --json and the wizard: gathers every source
 * of the key (environment or --pid, the .env chain and its variants,
 * startup files, -e FILE), decides the winners, runs the check table and
 * collects context hints.  Prints nothing. */
#ifndef FIX401_DIAGNOSE_H
#define FIX401_DIAGNOSE_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis.h"
#include "check.h"
#include "envfile.h"
#include "hint.h"
#include "live.h"
#include "provider.h"
#include "source.h"

/* What the engine is asked to look at.  Strings borrowed. */
struct diagnose_opts {
	const char	*dir;		/* the project folder */
	const char	*env_file;	/* -e FILE, or NULL */
	const char	*base_url;	/* --base-url, or NULL */
	long		 pid;		/* --pid, or 0 */
	bool		 offline;	/* --offline */
	const char	*providers_file; /* providers.json to load, or NULL
					   for the installed one */
	enum consumer	 consumer;	/* whose key is tested */
	const char	*model;		/* --model, or NULL */
	long		 timeout_s;	/* per request */
	bool		 allow_insecure; /* --allow-insecure */
};

/* Everything found.  Owns all of it; free with diagnosis_clear. */
struct diagnosis {
	char		*dir;		/* absolute */
	char		*dotenv_path;	/* the .env in use, or NULL */
	bool		 dotenv_in_dir;	/* it is DIR/.env */
	struct envfile	 file;		/* its bytes (when dotenv_path) */
	struct analysis	 an;		/* its analysis (when dotenv_path) */
	bool		 have_an;
	struct dotenv_facts facts;	/* its mode and git status */
	struct providers *providers;	/* NULL if providers.json is missing */
	struct sources	 src;		/* candidates and winners */
	struct check_ctx ctx;		/* what the checks read */
	struct live	 live;		/* the probes and their answers */
	struct http	*http;		/* the probes in flight, or NULL: all
					   answered, or none sent */
	struct check_result results[16];/* one per check_table() entry */
	size_t		 nresults;
	struct hint_list hints;		/* context hints */
	char		**notes;	/* translated one-line notes on what
					   could not be read (NULL-ended) */
};

/* Runs everything for o into d: gathers, starts the live probes (unless
 * offline), gathers the rest while they run, waits for them and runs the
 * checks.  Returns 0, or -1 with *cause (caller
 * frees) when there is nothing to diagnose (an unreadable -e FILE, a
 * --pid that cannot be read).  diagnosis_clear is safe either way. */
int	 diagnose_run(const struct diagnose_opts *o, struct diagnosis *d,
	    char **cause);
/* diagnose_run without the wait: gathers, starts the probes and runs
 * every check; those with .live see the probes still in flight (they say
 * "waiting") until diagnose_poll or diagnose_cancel ends them.  d must
 * stay where it is until then (the probes point into it).  0, or -1 with
 * *cause as diagnose_run. */
int	 diagnose_start(const struct diagnose_opts *o, struct diagnosis *d,
	    char **cause);
/* True while probes are in flight. */
bool	 diagnose_pending(const struct diagnosis *d);
/* One round of the probes' event loop: waits at most timeout_ms (a
 * negative one: 1 s) for the network or for fd (-1: none) to become
 * readable (*fd_ready, may be NULL).  When the last probe has answered,
 * frees the transfers and runs the .live checks again: returns true. */
bool	 diagnose_poll(struct diagnosis *d, int fd, int timeout_ms,
	    bool *fd_ready);
/* Ends every probe in flight as cancelled and runs the .live checks
 * again (they skip, saying so).  Nothing when none is pending. */
void	 diagnose_cancel(struct diagnosis *d);
/* Frees d (probes still in flight included: no callback runs). */
void	 diagnosis_clear(struct diagnosis *d);
/* The exit status the results call for: 1 if any check failed, else 0. */
int	 diagnosis_status(const struct diagnosis *d);
/* "ok" or "problems" (stable, for --json). */
const char *diagnosis_verdict(const struct diagnosis *d);

#endif
