/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The I/O edge of .env handling: finding and reading the file, noticing
 * changes made behind our back, and replacing it through safefile.c after
 * backup.c has saved the old bytes. */
#include <config.h>

#include "envfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backup.h"
#include "i18n.h"
#include "safefile.h"
#include "xalloc.h"

/* ---- messages ---- */

/* How to name f in a message: its path, plus the target behind a link. */
static char *
shown(const struct envfile *f)
{
	struct stat st;

	if (f->target != NULL && lstat(f->path, &st) == 0 &&
	    S_ISLNK(st.st_mode))
		/* TRANSLATORS: a .env path and the file its symlink names. */
		return xasprintf(_("%s (a link to %s)"), f->path, f->target);
	return xstrdup(f->path);
}

/* ---- lifecycle and finding ---- */

void
envfile_init(struct envfile *f)
{
	memset(f, 0, sizeof *f);
}

void
envfile_clear(struct envfile *f)
{
	free(f->path);
	free(f->target);
	safefile_discard(f->buf, f->len);
	envfile_init(f);
}

char *
envfile_absolute(const char *dir)
{
	char *cwd = dir[0] == '/' ? NULL : getcwd(NULL, 0);
	char *in = cwd != NULL ? safefile_join(cwd, dir) : xstrdup(dir);
	char *out = xmalloc(strlen(in) + 2), *save = NULL, *part;
	size_t n = 0;

	free(cwd);
	if (in[0] != '/') {	/* getcwd failed */
		free(in);
		free(out);
		return NULL;
	}
	for (part = strtok_r(in, "/", &save); part != NULL;
	    part = strtok_r(NULL, "/", &save)) {
		if (strcmp(part, "..") == 0)
			while (n > 0 && out[--n] != '/')
				continue;
		else if (strcmp(part, ".") != 0)
			n += (size_t)sprintf(out + n, "/%s", part);
	}
	if (n == 0)
		out[n++] = '/';
	out[n] = '\0';
	free(in);
	return out;
}

char *
envfile_find(const char *dir)
{
	char *d = envfile_absolute(dir), *up, *env;
	struct stat st;

	while (d != NULL) {
		env = safefile_join(d, ".env");
		/* find_dotenv tests os.path.isfile, which follows links. */
		if (stat(env, &st) == 0 && S_ISREG(st.st_mode)) {
			free(d);
			return env;
		}
		free(env);
		up = strcmp(d, "/") != 0 ? safefile_dirname(d) : NULL;
		free(d);
		d = up;
	}
	return NULL;
}

/* ---- reading ---- */

/* Opens and reads f->target, which exists.  -1 with *cause. */
static int
read_target(struct envfile *f, char **cause)
{
	int fd, err;

	fd = open(f->target, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd == -1 || fstat(fd, &f->st) == -1)
		goto fail;
	if (S_ISDIR(f->st.st_mode)) {
		safefile_cause(cause, _("%s is a folder, not a file."),
		    f->path);
		goto fail_quiet;
	}
	if (!S_ISREG(f->st.st_mode)) {
		safefile_cause(cause, _("%s is not a regular file (it is a "
		    "device, pipe or socket), so fix401 will not touch it."),
		    f->path);
		goto fail_quiet;
	}
	if (safefile_read_fd(fd, &f->buf, &f->len) == -1)
		goto fail;
	close(fd);
	return 0;
fail:
	err = errno;
	/* TRANSLATORS: file, plain-words reason, system error text. */
	safefile_cause(cause, _("Could not read %s: %s (%s)."), f->path,
	    safefile_hint(err), strerror(err));
fail_quiet:
	if (fd != -1)
		close(fd);
	return -1;
}

int
envfile_read(struct envfile *f, const char *path, char **cause)
{
	int err;

	envfile_clear(f);
	f->path = xstrdup(path);
	if (safefile_resolve(path, &f->target, &f->exists) == -1) {
		err = errno;
		safefile_cause(cause, _("Could not find %s: %s (%s)."), path,
		    safefile_hint(err), strerror(err));
		goto fail;
	}
	if (!f->exists) {
		f->buf = xstrdup("");
		return 0;
	}
	if (read_target(f, cause) == -1)
		goto fail;
	return 0;
fail:
	envfile_clear(f);
	return -1;
}

/* ---- has the file changed since it was read? ---- */

enum drift {
	DRIFT_NONE,		/* still as read */
	DRIFT_CHANGED,		/* different identity, stat or bytes */
	DRIFT_GONE,		/* was there, is not any more */
	DRIFT_ERROR		/* could not tell; errno says why */
};

static bool
same_stat(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	    a->st_size == b->st_size && a->st_mode == b->st_mode &&
	    a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	    a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Re-resolves f->path: does it lead to another file now (a link may have
 * been re-pointed), or has the file appeared or gone since it was read? */
static enum drift
drift_path(const struct envfile *f)
{
	enum drift d;
	char *now = NULL;
	bool exists;

	if (safefile_resolve(f->path, &now, &exists) == -1)
		d = errno == ENOENT ? DRIFT_GONE : DRIFT_ERROR;
	else if (strcmp(now, f->target) != 0 || (exists && !f->exists))
		d = DRIFT_CHANGED;
	else
		d = f->exists && !exists ? DRIFT_GONE : DRIFT_NONE;
	free(now);
	return d;
}

/* Compares the open file fd with what f read: its stat, and if deep its
 * bytes. */
static enum drift
drift_fd(const struct envfile *f, int fd, bool deep)
{
	enum drift d = DRIFT_CHANGED;
	char *buf = NULL;
	struct stat st;
	size_t len = 0;

	if (fstat(fd, &st) == -1)
		d = DRIFT_ERROR;
	else if (!same_stat(&st, &f->st))
		d = DRIFT_CHANGED;
	else if (!deep)
		d = DRIFT_NONE;
	else if (safefile_read_fd(fd, &buf, &len) == -1)
		d = DRIFT_ERROR;
	else if (len == f->len && memcmp(buf, f->buf, len) == 0)
		d = DRIFT_NONE;
	safefile_discard(buf, len);
	return d;
}

/* Compares the file on disk with f; deep also re-reads the bytes and
 * re-resolves f->path. */
static enum drift
drift(const struct envfile *f, bool deep)
{
	enum drift d;
	struct stat st;
	int fd;

	if (deep) {
		d = drift_path(f);
		if (d != DRIFT_NONE)
			return d;
	}
	if (!f->exists)
		return lstat(f->target, &st) == -1 && errno == ENOENT ?
		    DRIFT_NONE : DRIFT_CHANGED;
	fd = open(f->target, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1)
		return errno == ENOENT ? DRIFT_GONE :
		    errno == ELOOP ? DRIFT_CHANGED : DRIFT_ERROR;
	d = drift_fd(f, fd, deep);
	close(fd);
	return d;
}

/* Sets *cause for a drift other than DRIFT_NONE (errno for DRIFT_ERROR). */
static void
drift_cause(const struct envfile *f, enum drift d, char **cause)
{
	int err = errno;
	char *name = shown(f);

	if (d == DRIFT_GONE)
		safefile_cause(cause, _("%s was deleted or moved away since "
		    "fix401 read it. Nothing was written."), name);
	else if (d == DRIFT_CHANGED)
		safefile_cause(cause, _("%s changed since it was read (another "
		    "program or editor saved it meanwhile). Nothing was "
		    "written; run fix401 again to start from the new "
		    "contents."), name);
	else
		safefile_cause(cause, _("Could not check whether %s changed: "
		    "%s (%s). Nothing was written."), name, safefile_hint(err),
		    strerror(err));
	free(name);
}

/* ---- replacing ---- */

/* Sets *cause for a failed safefile write of f's new contents. */
static void
write_cause(const struct safefile_write *w, const struct envfile *f,
    char **cause)
{
	const char *why = safefile_hint(w->err), *sys = strerror(w->err);
	char *name = shown(f);

	/* TRANSLATORS: in these, file, plain-words reason, system error. */
	if (w->step == SAFEFILE_TEMP)
		safefile_cause(cause, _("Could not create a temporary file in "
		    "the folder of %s: %s (%s). Nothing was changed."), name,
		    why, sys);
	else if (w->step == SAFEFILE_WRITE)
		safefile_cause(cause, _("Could not write the new contents of "
		    "%s: %s (%s). Nothing was changed."), name, why, sys);
	else if (w->step == SAFEFILE_SYNC)
		safefile_cause(cause, _("Could not save the new contents of %s "
		    "to disk: %s (%s). Nothing was changed."), name, why, sys);
	else
		safefile_cause(cause, _("Could not replace %s with the new "
		    "version: %s (%s). Nothing was changed."), name, why, sys);
	free(name);
}

/* Makes f describe the file just written. */
static void
adopt(struct envfile *f, const char *buf, size_t len, const struct stat *st)
{
	char *copy = xmemdup(buf, len);	/* buf may be f->buf */

	safefile_discard(f->buf, f->len);
	f->buf = copy;
	f->len = len;
	f->st = *st;
	f->exists = true;
}

/* Renames tmp (freed) over f's target unless f changed meanwhile: one
 * more look right before the rename narrows the race.  -1 with *cause. */
static int
commit_unless_changed(const struct envfile *f, struct safefile_write *w,
    char *tmp, char **cause)
{
	enum drift d = drift(f, false);

	if (d != DRIFT_NONE) {
		drift_cause(f, d, cause);
		safefile_drop(tmp);
		return -1;
	}
	if (safefile_commit(w, tmp) == -1) {
		write_cause(w, f, cause);
		return -1;
	}
	return 0;
}

/* Saves f's current contents as a backup; *path gets its name (caller
 * frees).  -1 with *cause. */
static int
save_backup(const struct envfile *f, char **path, char **cause)
{
	char *name = shown(f);
	int rc = backup_save(f->target, name, f->buf, f->len, path, cause);

	free(name);
	return rc;
}

/* Checks f is as read, backs it up if keep, replaces it by buf.  On
 * success f describes the new file and *saved (if keep) the backup. */
static int
replace(struct envfile *f, const char *buf, size_t len, bool keep,
    char **saved, char **cause)
{
	/* Keep the old file's mode and owner; a new file is private. */
	struct safefile_write w = { .path = f->target, .buf = buf,
	    .len = len, .mode = f->exists ? f->st.st_mode & 07777 : 0600,
	    .owner = f->exists ? &f->st : NULL };
	char *backup = NULL, *tmp;
	enum drift d = drift(f, true);

	if (d != DRIFT_NONE) {
		drift_cause(f, d, cause);
		return -1;
	}
	if (keep && f->exists && save_backup(f, &backup, cause) == -1)
		return -1;
	tmp = safefile_stage(&w);
	if (tmp == NULL)
		write_cause(&w, f, cause);
	if (tmp == NULL || commit_unless_changed(f, &w, tmp, cause) == -1) {
		/* A failed write must not leave a backup equal to the file,
		 * or the next --undo would seem to do nothing. */
		if (backup != NULL)
			unlink(backup);
		free(backup);
		return -1;
	}
	adopt(f, buf, len, &w.st);
	if (saved != NULL)
		*saved = backup;
	else
		free(backup);
	return 0;
}

int
envfile_write(struct envfile *f, const char *buf, size_t len, char **backup,
    char **cause)
{
	if (backup != NULL)
		*backup = NULL;
	return replace(f, buf, len, true, backup, cause);
}

/* Reads the backup at path into *buf (caller discards).  -1 with
 * *cause. */
static int
read_backup(const char *path, char **buf, size_t *len, char **cause)
{
	int err;

	if (safefile_read(path, buf, len) == 0)
		return 0;
	err = errno;
	safefile_cause(cause, _("Could not read the backup %s: %s (%s)."),
	    path, safefile_hint(err), strerror(err));
	return -1;
}

int
envfile_restore(struct envfile *f, const char *backup, char **cause)
{
	char *buf;
	size_t len;
	int rc;

	if (read_backup(backup, &buf, &len, cause) == -1)
		return -1;
	rc = replace(f, buf, len, false, NULL, cause);
	safefile_discard(buf, len);
	return rc;
}

int
envfile_undo(const char *path, char **from, char **cause)
{
	struct envfile f;
	char *newest = NULL, *buf = NULL;
	size_t len = 0;
	int rc = -1;

	envfile_init(&f);
	if (envfile_read(&f, path, cause) == -1)
		goto out;
	newest = backup_latest(f.target, path, cause);
	if (newest == NULL)
		goto out;
	if (read_backup(newest, &buf, &len, cause) == -1)
		goto out;
	/* A normal write: backs up what is there now, so undo undoes. */
	if (envfile_write(&f, buf, len, NULL, cause) == -1)
		goto out;
	rc = 0;
	if (from != NULL) {
		*from = newest;
		newest = NULL;
	}
out:
	safefile_discard(buf, len);
	free(newest);
	envfile_clear(&f);
	return rc;
}