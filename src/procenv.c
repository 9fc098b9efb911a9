/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Reads a process's environment so that --pid and our own environment
 * look alike to the callers, who pick the names they care about. */
#include <config.h>

#include "procenv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "safefile.h"
#include "xalloc.h"

void
procenv_init(struct procenv *e)
{
	memset(e, 0, sizeof *e);
}

void
procenv_clear(struct procenv *e)
{
	for (size_t i = 0; i < e->n; i++) {
		if (e->v[i].value != NULL)
			xwipe(e->v[i].value, strlen(e->v[i].value));
		free(e->v[i].value);
		free(e->v[i].name);
	}
	free(e->v);
	procenv_init(e);
}

/* Appends the entry s[0..n), split at its first '='. */
static void
add(struct procenv *e, const char *s, size_t n)
{
	const char *eq = memchr(s, '=', n);
	size_t nl = eq != NULL ? (size_t)(eq - s) : n;
	struct procenv_var *v;

	e->v = xgrow(e->v, &e->cap, e->n + 1, sizeof *e->v);
	v = &e->v[e->n++];
	v->name = xmemdup(s, nl);
	v->value = eq != NULL ? xmemdup(eq + 1, n - nl - 1) : NULL;
}

void
procenv_from_buffer(const char *buf, size_t len, struct procenv *out)
{
	size_t i = 0;

	while (i < len) {
		const char *nul = memchr(buf + i, '\0', len - i);
		size_t n = nul != NULL ? (size_t)(nul - (buf + i)) : len - i;

		if (n > 0)
			add(out, buf + i, n);
		i += n + 1;
	}
}

/* Sets *cause for a failure with errno err to read process pid. */
static void
read_failed(pid_t pid, int err, char **cause)
{
	struct stat st;

	if (err == ENOENT && stat("/proc/self", &st) == -1)
		safefile_cause(cause, "%s", _("There is no /proc file system "
		    "here, so fix401 cannot read another process's "
		    "environment (--pid works on Linux only)."));
	else if (err == ENOENT || err == ESRCH)
		/* TRANSLATORS: %ld is a process ID. */
		safefile_cause(cause, _("There is no process %ld (it may have "
		    "ended already)."), (long)pid);
	else if (err == EACCES || err == EPERM)
		/* TRANSLATORS: %ld is a process ID. */
		safefile_cause(cause, _("Not allowed to read the environment "
		    "of process %ld: run fix401 as the same user as that "
		    "process, or as root."), (long)pid);
	else
		/* TRANSLATORS: process ID, plain-words reason, system
		   error. */
		safefile_cause(cause, _("Could not read the environment of "
		    "process %ld: %s (%s)."), (long)pid, safefile_hint(err),
		    strerror(err));
}

int
procenv_read(pid_t pid, struct procenv *out, char **cause)
{
	char path[64], *buf = NULL;
	size_t len = 0;
	int fd, err;

	if (pid <= 0) {
		/* TRANSLATORS: %ld is what the user gave as a process ID. */
		safefile_cause(cause, _("%ld is not a process ID."),
		    (long)pid);
		return -1;
	}
	snprintf(path, sizeof path, "/proc/%ld/environ", (long)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1 || safefile_read_fd(fd, &buf, &len) == -1) {
		err = errno;
		if (fd != -1)
			close(fd);
		read_failed(pid, err, cause);
		return -1;
	}
	close(fd);
	procenv_from_buffer(buf, len, out);
	safefile_discard(buf, len);
	return 0;
}

void
procenv_self(struct procenv *out)
{
	for (char **p = environ; p != NULL && *p != NULL; p++)
		add(out, *p, strlen(*p));
}

const char *
procenv_get(const struct procenv *e, const char *name)
{
	for (size_t i = 0; i < e->n; i++)
		if (e->v[i].value != NULL && strcmp(e->v[i].name, name) == 0)
			return e->v[i].value;
	return NULL;
}
