/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The I/O edge of .env handling: find, read, replace atomically (after a
 * backup through backup.h), restore, undo.  Asking the user is the
 * caller's job; this module never prints.
 * Errors come back as -1 with *cause set to a translated message the caller
 * frees (never containing file contents). */
#ifndef FIX401_ENVFILE_H
#define FIX401_ENVFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

/* A .env file as read.  Owns its strings and buffer. */
struct envfile {
	char		*path;		/* as the caller named it */
	char		*target;	/* the file really read and written:
					   symlinks resolved (absolute) */
	bool		 exists;	/* false: not there yet, len 0 */
	char		*buf;		/* contents (NUL after len); wiped on
					   clear, it holds secrets */
	size_t		 len;
	struct stat	 st;		/* identity at read time, if exists */
};

/* ---- lifecycle ---- */
void	 envfile_init(struct envfile *f);
void	 envfile_clear(struct envfile *f);

/* ---- finding ---- */
/* An absolute, tidy path from dir the way Python's os.path.abspath does:
 * relative to the working folder, "." and ".." resolved by text.  Caller
 * frees; NULL when the working folder is unknown. */
char	*envfile_absolute(const char *dir);
/* The .env python-dotenv's find_dotenv() would load for a program in dir:
 * dir/.env, else the nearest parent's.  Returns a new path (caller frees)
 * or NULL when there is none. */
char	*envfile_find(const char *dir);

/* ---- reading and writing ---- */
/* Reads path into f (following symlinks).  A missing file is not an error:
 * f->exists is false.  Returns 0, or -1 with *cause.  f must have been
 * initialised; what it held before is cleared. */
int	 envfile_read(struct envfile *f, const char *path, char **cause);
/* Replaces the file's contents with buf[0..len): refuses if the file
 * changed since envfile_read; backs up the old file (mode 0600) under the
 * backup directory; writes a temp file in the same directory with the old
 * mode (0600 for a new file), fsyncs, renames over the target, fsyncs the
 * directory.  On success f holds the new contents and identity, and
 * *backup (if not NULL) gets the backup's path (caller frees; NULL when
 * there was no old file).  On failure the original is untouched.  A
 * SIGKILL leaves the old or the new file (maybe a stray temp file
 * .NAME.fix401-XXXXXX beside it).  An error from fsync on the folder after
 * the rename is ignored: the new file is in place by then. */
int	 envfile_write(struct envfile *f, const char *buf, size_t len,
	    char **backup, char **cause);
/* Puts the file at backup back in place of f's target, atomically (used
 * when a written file does not read back as intended).  Refuses like
 * envfile_write if the file changed, makes no new backup.  0 or -1. */
int	 envfile_restore(struct envfile *f, const char *backup, char **cause);

/* ---- undo ---- */
/* fix401 --undo: restores the newest backup made for the .env at path
 * (after backing up what is there now).  *from (if not NULL) gets the
 * backup used (caller frees). */
int	 envfile_undo(const char *path, char **from, char **cause);

#endif
