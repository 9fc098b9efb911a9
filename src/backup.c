/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Backups of .env files, one folder per target named by a hash of its
 * path.  Files are written with safefile_put() (temp file, fsync,
 * rename), so a crash never leaves a torn backup. */
#include <config.h>

#include "backup.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <openssl/evp.h>

#include "i18n.h"
#include "safefile.h"
#include "xalloc.h"

/* ---- small helpers ---- */

/* mkdir -p with mode for the folders it creates.  -1 with errno. */
static int
mkdir_parents(const char *path, mode_t mode)
{
	char *p = xstrdup(path);
	struct stat st;
	int rc = 0;

	for (char *s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;

		*s = '\0';
		if (mkdir(p, mode) == -1 && errno != EEXIST)
			rc = -1;
		else if (stat(p, &st) == -1)
			rc = -1;
		else if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			rc = -1;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

/* ---- where backups live ---- */

char *
backup_dir(char **cause)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *dir;
	int err;

	/* The XDG spec: a relative XDG_STATE_HOME is invalid, ignore it. */
	if (state != NULL && state[0] == '/')
		dir = safefile_join(state, "fix401/backups");
	else if (home != NULL && home[0] == '/')
		dir = safefile_join(home, ".local/state/fix401/backups");
	else {
		safefile_cause(cause, _("Cannot tell where to keep backups: "
		    "HOME is not set to an absolute path."));
		return NULL;
	}
	/* 0700: the backups hold API keys. */
	if (mkdir_parents(dir, 0700) == -1) {
		err = errno;
		safefile_cause(cause, _("Could not create the backup folder "
		    "%s: %s (%s)."), dir, safefile_hint(err), strerror(err));
		free(dir);
		return NULL;
	}
	return dir;
}

/* The backups of target live in <backup dir>/<16 hex of SHA-256 of the
 * target path>.  Returns that path (caller frees), or NULL with *cause. */
static char *
folder_of(const char *target, char **cause)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	char hex[17], *top, *dir;

	if (EVP_Digest(target, strlen(target), md, &mdlen, EVP_sha256(),
	    NULL) != 1 || mdlen < 8) {
		safefile_cause(cause, _("Could not name the backup folder: the "
		    "SHA-256 function of OpenSSL failed."));
		return NULL;
	}
	for (int i = 0; i < 8; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	top = backup_dir(cause);
	if (top == NULL)
		return NULL;
	dir = safefile_join(top, hex);
	free(top);
	return dir;
}

/* Writes folder/origin (the target path) once, so backup_latest can check
 * whose backups these are.  -1 with errno. */
static int
origin_write(const char *folder, const char *target)
{
	char *origin = safefile_join(folder, "origin");
	char *text = xasprintf("%s\n", target);
	struct stat st;
	int rc = 0, err = 0;

	if (lstat(origin, &st) == -1 && errno == ENOENT) {
		rc = safefile_put(origin, text, strlen(text), 0600);
		if (rc == -1)
			err = errno;
	}
	free(origin);
	free(text);
	errno = err;
	return rc;
}

/* False when folder/origin exists and names another file. */
static bool
origin_ok(const char *folder, const char *target)
{
	char *origin = safefile_join(folder, "origin"), *buf;
	size_t len, n = strlen(target);
	bool ok;

	if (safefile_read(origin, &buf, &len) == -1) {
		ok = errno == ENOENT;
		free(origin);
		return ok;
	}
	ok = len == n + 1 && memcmp(buf, target, n) == 0 && buf[n] == '\n';
	free(buf);
	free(origin);
	return ok;
}

/* ---- saving ---- */

/* A new backup path that sorts by time: 20260102T030405.123456789Z.env */
static char *
new_name(const char *folder)
{
	struct timespec ts;
	struct stat st;
	struct tm tm;
	char day[32], *path;

	clock_gettime(CLOCK_REALTIME, &ts);
	for (;;) {
		gmtime_r(&ts.tv_sec, &tm);
		strftime(day, sizeof day, "%Y%m%dT%H%M%S", &tm);
		path = xasprintf("%s/%s.%09ldZ.env", folder, day,
		    (long)ts.tv_nsec);
		if (lstat(path, &st) == -1)
			return path;
		free(path);
		/* Same nanosecond as an earlier backup: take the next. */
		if (++ts.tv_nsec == 1000000000L) {
			ts.tv_nsec = 0;
			ts.tv_sec++;
		}
	}
}

int
backup_save(const char *target, const char *name, const char *buf,
    size_t len, char **path, char **cause)
{
	char *folder, *p;
	int err;

	folder = folder_of(target, cause);
	if (folder == NULL)
		return -1;
	if ((mkdir(folder, 0700) == -1 && errno != EEXIST) ||
	    origin_write(folder, target) == -1)
		goto fail;
	p = new_name(folder);
	if (safefile_put(p, buf, len, 0600) == -1) {
		err = errno;
		free(p);
		errno = err;
		goto fail;
	}
	*path = p;
	free(folder);
	return 0;
fail:
	err = errno;
	safefile_cause(cause, _("Could not save a backup of %s in %s: %s (%s). "
	    "Nothing was changed."), name, folder, safefile_hint(err),
	    strerror(err));
	free(folder);
	return -1;
}

/* ---- finding ---- */

/* The newest backup in folder (caller frees), or NULL. */
static char *
newest(const char *folder)
{
	DIR *d = opendir(folder);
	struct dirent *e;
	char *best = NULL, *path;
	size_t n;

	if (d == NULL)
		return NULL;
	for (;;) {
		e = readdir(d);
		if (e == NULL)
			break;
		n = strlen(e->d_name);
		/* Skips "origin" and safefile_put's ".*.fix401-XXXXXX". */
		if (e->d_name[0] == '.' || n <= 4 ||
		    strcmp(e->d_name + n - 4, ".env") != 0)
			continue;
		if (best == NULL || strcmp(e->d_name, best) > 0) {
			free(best);
			best = xstrdup(e->d_name);
		}
	}
	closedir(d);
	path = best != NULL ? safefile_join(folder, best) : NULL;
	free(best);
	return path;
}

char *
backup_latest(const char *target, const char *name, char **cause)
{
	char *folder = folder_of(target, cause), *path = NULL;

	if (folder == NULL)
		return NULL;
	if (!origin_ok(folder, target))
		safefile_cause(cause, _("The backups in %s do not belong to "
		    "%s; fix401 will not use them."), folder, target);
	else {
		path = newest(folder);
		if (path == NULL)
			safefile_cause(cause, _("There is no backup of %s to "
			    "go back to."), name);
	}
	free(folder);
	return path;
}
