/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Plain-file primitives: read a whole file, replace one atomically,
 * resolve, join and split paths, say what an errno means.  Knows nothing
 * of .env files or backups; never prints. */
#ifndef FIX401_SAFEFILE_H
#define FIX401_SAFEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

/* ---- messages ---- */
/* Sets *cause (if cause is not NULL) to a new formatted string the caller
 * frees. */
void	 safefile_cause(char **cause, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* What errno value err means in plain words, for messages about files; a
 * translated constant, not to be freed. */
const char *safefile_hint(int err);

/* ---- paths (arguments borrowed) ---- */
/* The folder part of path ("." when there is none); caller frees. */
char	*safefile_dirname(const char *path);
/* The last part of path; points into path, not to be freed. */
const char *safefile_basename(const char *path);
/* dir and name joined with one slash; caller frees. */
char	*safefile_join(const char *dir, const char *name);
/* Resolves path as open(2) would follow it.  *target gets the real file
 * (absolute; caller frees), or for a missing file or dangling link the
 * absolute path it would be created at, with *exists false.  0, or -1 with
 * errno (e.g. the folder does not exist). */
int	 safefile_resolve(const char *path, char **target, bool *exists);

/* ---- reading ---- */
/* Wipes buf[0..len) (file contents may hold keys) and frees it; NULL is a
 * no-op. */
void	 safefile_discard(char *buf, size_t len);
/* Reads fd to EOF: *buf gets a new buffer (NUL after *len) the caller
 * frees, with safefile_discard if it may hold keys.  0, or -1 with errno. */
int	 safefile_read_fd(int fd, char **buf, size_t *len);
/* Reads the regular file at path, not through a final symlink, into *buf
 * and *len as safefile_read_fd does.  0, or -1 with errno. */
int	 safefile_read(const char *path, char **buf, size_t *len);
/* The same through symlinks (dotfiles managed by stow, chezmoi or yadm
 * are links): for files only read, never replaced. */
int	 safefile_read_follow(const char *path, char **buf, size_t *len);

/* ---- atomic replace ---- */
enum safefile_step {
	SAFEFILE_TEMP,		/* creating the temp file (or its mode) */
	SAFEFILE_WRITE,		/* writing the contents */
	SAFEFILE_SYNC,		/* fsync, fstat or close */
	SAFEFILE_RENAME		/* renaming it over the file */
};

/* One replace of path by buf[0..len) through a temp file
 * .NAME.fix401-XXXXXX in the same folder.  The caller fills the inputs
 * and owns the struct; path, buf and owner are borrowed. */
struct safefile_write {
	const char	*path;		/* the file to create or replace */
	const char	*buf;		/* the new contents */
	size_t		 len;
	mode_t		 mode;		/* permission bits of the new file */
	const struct stat *owner;	/* uid and gid to give it where
					   allowed; NULL: ours */
	struct stat	 st;		/* out: the new file's identity */
	enum safefile_step step;	/* out: what failed */
	int		 err;		/* out: errno of the failure */
};

/* Creates the temp file with w's contents, mode and owner, synced.
 * Returns its path, which the caller passes to safefile_commit or
 * safefile_drop, or NULL with w->step and w->err set. */
char	*safefile_stage(struct safefile_write *w);
/* Renames tmp (taken and freed) over w->path and fsyncs the folder, whose
 * errors are ignored: the new file is in place by then.  0, or -1 with
 * w->step and w->err set, the temp file removed and w->path untouched. */
int	 safefile_commit(struct safefile_write *w, char *tmp);
/* Removes the staged temp file tmp and frees the string. */
void	 safefile_drop(char *tmp);
/* Creates or replaces path with buf[0..len) and the given mode, by stage
 * and commit.  0, or -1 with errno and path untouched. */
int	 safefile_put(const char *path, const char *buf, size_t len,
	    mode_t mode);

#endif
