/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Gathering candidates from the system: the process environment, the
 * .env chain and its variants, shell startup files.  The I/O half of
 * source.c; never prints, never keeps a file's bytes. */
#ifndef FIX401_GATHER_H
#define FIX401_GATHER_H

#include <stdbool.h>

#include "procenv.h"
#include "source.h"

/* Adds one candidate of kind (SOURCE_ENV or SOURCE_PID) for each relevant
 * variable in env (borrowed). */
void	gather_env(struct sources *s, const struct procenv *env,
	    enum source_kind kind);
/* A loader_env_fn over a struct procenv (env): what ${name} in a .env
 * sees. */
const char *gather_env_lookup(const char *name, void *env);
/* Reads and analyses the file at path (env: the environment its ${VAR}
 * see) and adds its relevant assignments as candidates of kind; with
 * unloaded they are marked as read by no consumer.  0, or -1 with *cause
 * (caller frees) when it cannot be read; a missing file adds nothing. */
int	gather_file(struct sources *s, const char *path, enum source_kind kind,
	    bool unloaded, const struct procenv *env, char **cause);
/* The .env files no consumer loads by default: those above the first one
 * found from dir (find_dotenv stops there) and dir's .env.* variants
 * (.env.local, .env.production ...; not .env.example-style templates).
 * first is the loaded .env (may be NULL).  Returns a NULL-terminated
 * array of paths (caller frees with gather_paths_free). */
char  **gather_unloaded_dotenvs(const char *dir, const char *first);
void	gather_paths_free(char **paths);
/* Scans the shell startup files under home (and dir/.envrc) and adds what
 * sets a relevant variable as SOURCE_RCFILE candidates, in the order the
 * login shell named by shell ($SHELL, may be NULL) reads them; files that
 * shell does not read are added after, marked unloaded.  Unreadable files
 * are skipped, a translated note for each is appended to *notes
 * (NULL-terminated, caller frees with gather_paths_free). */
void	gather_rcfiles(struct sources *s, const char *home,
	    const char *xdg_config_home, const char *shell, const char *dir,
	    char ***notes);

#endif
