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

/* ---- a path list (shared by gather.c and gather-rc.c) ---- */
/* A NULL-terminated list of paths being built.  Owns them. */
struct gather_paths {
	char	**v;
	size_t	  n, cap;
};
/* Appends a copy of p. */
void	gather_paths_add(struct gather_paths *l, const char *p);
/* The list as xfree_strv frees it (never NULL); l is spent. */
char  **gather_paths_take(struct gather_paths *l);
/* True when path is (or links to) a regular file. */
bool	gather_is_file(const char *path);

/* Adds one candidate of kind (SOURCE_ENV or SOURCE_PID) for each relevant
 * variable in env (borrowed). */
void	gather_env(struct sources *s, const struct procenv *env,
	    enum source_kind kind);
/* A loader_env_fn over a struct procenv (env): what ${name} in a .env
 * sees. */
const char *gather_env_lookup(const char *name, void *env);
/* Reads and analyses the file at path, through a symlink (env: the
 * environment its ${VAR} see) and adds its relevant assignments as
 * candidates of kind; with unloaded they are marked as read by no
 * consumer.  0, or -1 with *cause (caller frees) when it cannot be read;
 * a missing file adds nothing. */
int	gather_file(struct sources *s, const char *path, enum source_kind kind,
	    bool unloaded, const struct procenv *env, char **cause);
/* The .env files no consumer loads by default, given loaded (the file in
 * use: what find_dotenv found, or -e FILE; may be NULL): dir's .env.*
 * variants, templates included (.env.example, .env.sample ...: nothing
 * loads them, but a key put there by mistake is a real cause), and
 * dir/.env and every parent's up to "/"; loaded itself is left out.
 * Without -e that leaves the .env files above the first one (find_dotenv
 * stops there); with -e, dir's own .env chain is unloaded too.  dir and
 * loaded may be relative to the working folder.  Returns a
 * NULL-terminated array of paths (caller frees with xfree_strv). */
char  **gather_unloaded_dotenvs(const char *dir, const char *loaded);
/* Scans the shell startup files under home (and dir/.envrc) and adds what
 * sets a relevant variable as SOURCE_RCFILE candidates, in the order the
 * login shell named by shell ($SHELL, may be NULL) runs them; s->shell
 * gets its name.  For bash, ~/.bashrc comes where the login file sources
 * it (a textual scan for `. ~/.bashrc` and the like), else after that
 * file.  Over that order each value is marked unexported (never exported
 * while it holds) or cleared (a later unconditional unset), so neither
 * wins.  Files that shell does not read are added after, each on its
 * own, marked unloaded.  Symlinks are followed.  Unreadable files are
 * skipped, a translated note for each is appended to *notes
 * (NULL-terminated, caller frees with xfree_strv). */
void	gather_rcfiles(struct sources *s, const char *home,
	    const char *xdg_config_home, const char *shell, const char *dir,
	    char ***notes);

#endif
