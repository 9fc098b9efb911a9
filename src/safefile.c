/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Plain-file primitives for envfile.c and backup.c.  Every replace goes
 * through a temp file in the target's folder, fsync and rename, so a crash
 * leaves the old or the new file, never a mix. */
#include <config.h>

#include "safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "xalloc.h"

#define LINK_HOPS_MAX	40	/* like the kernel's MAXSYMLINKS */

/* ---- messages ---- */

void
safefile_cause(char **cause, const char *fmt, ...)
{
	va_list ap;

	if (cause == NULL)
		return;
	va_start(ap, fmt);
	*cause = xvasprintf(fmt, ap);
	va_end(ap);
}

/* The messages add strerror() after this for those who know errno. */
const char *
safefile_hint(int err)
{
	switch (err) {
	case EROFS:
		return _("the folder is on a read-only file system, so nothing "
		    "in it can be changed");
	case EACCES:
	case EPERM:
		return _("your user account is not allowed to do this");
	case ENOSPC:
		return _("the disk is full; free some space and try again");
#ifdef EDQUOT
	case EDQUOT:
		return _("your disk quota is used up; free some space and try "
		    "again");
#endif
	case ENOENT:
	case ESTALE:
		return _("the file or its folder is not there (any more)");
	case EISDIR:
		return _("it is a folder, not a file");
	case ENOTDIR:
		return _("a part of the path is not a folder");
	case ELOOP:
		return _("there are too many symbolic links (perhaps a loop)");
	case ENAMETOOLONG:
		return _("the name is too long");
	case EIO:
		return _("the disk reported an input/output error");
	default:
		return _("the system reported an error");
	}
}

/* ---- paths ---- */

char *
safefile_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xmemdup(path, (size_t)(slash - path));
}

const char *
safefile_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

char *
safefile_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

/* ---- resolving symlinks ---- */

/* Where the symlink at link points, as a path usable from here. */
static char *
link_next(const char *link)
{
	size_t cap = 256;

	for (;;) {
		char *buf = xmalloc(cap);
		ssize_t n = readlink(link, buf, cap);

		if (n < 0) {
			free(buf);
			return NULL;
		}
		if ((size_t)n < cap) {
			buf[n] = '\0';
			if (buf[0] == '/')
				return buf;
			char *dir = safefile_dirname(link);
			char *next = safefile_join(dir, buf);

			free(dir);
			free(buf);
			return next;
		}
		free(buf);
		cap *= 2;
	}
}

int
safefile_resolve(const char *path, char **target, bool *exists)
{
	char *p = xstrdup(path), *next, *dir;
	struct stat st;
	int hop;

	*exists = true;
	for (hop = 0; hop < LINK_HOPS_MAX; hop++) {
		*target = realpath(p, NULL);
		if (*target != NULL || errno != ENOENT)
			goto out;
		if (lstat(p, &st) == -1 || !S_ISLNK(st.st_mode)) {
			/* The file itself is missing: resolve its folder. */
			*exists = false;
			dir = safefile_dirname(p);
			next = realpath(dir, NULL);
			free(dir);
			if (next != NULL)
				*target = safefile_join(next,
				    safefile_basename(p));
			free(next);
			goto out;
		}
		next = link_next(p);
		free(p);
		p = next;
		if (p == NULL)
			return -1;
	}
	errno = ELOOP;
out:
	hop = errno;	/* free() may clobber it */
	free(p);
	errno = hop;
	return *target != NULL ? 0 : -1;
}

/* ---- reading ---- */

void
safefile_discard(char *buf, size_t len)
{
	if (buf == NULL)
		return;
	xwipe(buf, len);
	free(buf);
}

int
safefile_read_fd(int fd, char **buf, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *b = xmalloc(cap);

	for (;;) {
		if (cap - n < 2) {
			/* Copy by hand: realloc could leave a key behind. */
			char *bigger = xmalloc(cap * 2);

			memcpy(bigger, b, n);
			safefile_discard(b, cap);
			b = bigger;
			cap *= 2;
		}
		ssize_t r = read(fd, b + n, cap - n - 1);

		if (r == 0)
			break;
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int err = errno;

			safefile_discard(b, cap);
			errno = err;
			return -1;
		}
		n += (size_t)r;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

/* Reads the regular file path opened with flags (O_NOFOLLOW or 0). */
static int
read_regular(const char *path, int flags, char **buf, size_t *len)
{
	int fd = open(path, O_RDONLY | flags | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	int rc = -1, err;

	if (fd == -1)
		return -1;
	if (fstat(fd, &st) == -1)
		goto out;
	if (!S_ISREG(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		goto out;
	}
	rc = safefile_read_fd(fd, buf, len);
out:
	err = errno;
	close(fd);
	errno = err;
	return rc;
}

int
safefile_read(const char *path, char **buf, size_t *len)
{
	return read_regular(path, O_NOFOLLOW, buf, len);
}

int
safefile_read_follow(const char *path, char **buf, size_t *len)
{
	return read_regular(path, 0, buf, len);
}

/* ---- atomic replace ---- */

static int
write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, buf, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Makes a rename or a new entry in dir survive a power cut.  Errors are
 * ignored: some file systems cannot fsync a folder, and the change is
 * already visible, so failing now would misreport the file as untouched. */
static void
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd == -1)
		return;
	(void)fsync(fd);
	close(fd);
}

/* Gives fd w's mode and, where allowed, owner. */
static int
set_mode(const struct safefile_write *w, int fd)
{
	/* Works as root, or for a group we are in; otherwise the file is
	 * ours, which is the best an ordinary user can do. */
	if (w->owner != NULL && fchown(fd, w->owner->st_uid,
	    w->owner->st_gid) == -1 && errno != EPERM)
		return -1;
	return fchmod(fd, w->mode);	/* after fchown, which clears suid */
}

char *
safefile_stage(struct safefile_write *w)
{
	char *dir = safefile_dirname(w->path), *tmp;
	int fd;

	tmp = xasprintf("%s/.%s.fix401-XXXXXX", dir,
	    safefile_basename(w->path));
	free(dir);
	w->step = SAFEFILE_TEMP;
	fd = mkstemp(tmp);
	if (fd == -1) {
		w->err = errno;
		free(tmp);
		return NULL;
	}
	if (set_mode(w, fd) == -1)
		goto fail;
	w->step = SAFEFILE_WRITE;
	if (write_all(fd, w->buf, w->len) == -1)
		goto fail;
	w->step = SAFEFILE_SYNC;
	if (fsync(fd) == -1 || fstat(fd, &w->st) == -1)
		goto fail;
	if (close(fd) == -1) {	/* NFS reports late write errors here */
		fd = -1;
		goto fail;
	}
	return tmp;
fail:
	w->err = errno;
	if (fd != -1)
		close(fd);
	safefile_drop(tmp);
	return NULL;
}

int
safefile_commit(struct safefile_write *w, char *tmp)
{
	char *dir;

	w->step = SAFEFILE_RENAME;
	if (rename(tmp, w->path) == -1) {
		w->err = errno;
		safefile_drop(tmp);
		return -1;
	}
	free(tmp);
	dir = safefile_dirname(w->path);
	sync_dir(dir);
	free(dir);
	return 0;
}

void
safefile_drop(char *tmp)
{
	unlink(tmp);
	free(tmp);
}

int
safefile_put(const char *path, const char *buf, size_t len, mode_t mode)
{
	struct safefile_write w = { .path = path, .buf = buf, .len = len,
	    .mode = mode };
	char *tmp = safefile_stage(&w);

	if (tmp == NULL || safefile_commit(&w, tmp) == -1) {
		errno = w.err;
		return -1;
	}
	return 0;
}
