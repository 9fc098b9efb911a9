/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Backups of .env files: where they live, saving one, finding the newest.
 * Never prints; errors come back as NULL or -1 with *cause set to a
 * translated message the caller frees (never containing file contents). */
#ifndef FIX401_BACKUP_H
#define FIX401_BACKUP_H

#include <stddef.h>

/* Layout: <backup dir>/<16 hex digits of SHA-256 of the target path>/
 * holds "origin" (the target path and a newline, so backups are never
 * used for another file) and one <UTC time>.env per backup, mode 0600.
 * Every argument below is borrowed for the call; target is the absolute
 * path of the file really written (symlinks resolved), name is how to call
 * it in messages. */

/* $XDG_STATE_HOME/fix401/backups (default ~/.local/state/...), created
 * mode 0700.  Returns a new string (caller frees) or NULL with *cause. */
char	*backup_dir(char **cause);
/* Saves buf[0..len), the current contents of target, as its newest
 * backup, written atomically.  *path gets the backup's path (caller
 * frees).  0, or -1 with *cause and nothing saved. */
int	 backup_save(const char *target, const char *name, const char *buf,
	    size_t len, char **path, char **cause);
/* The path of target's newest backup (caller frees), or NULL with *cause
 * when there is none or the folder's origin names another file. */
char	*backup_latest(const char *target, const char *name, char **cause);

#endif
