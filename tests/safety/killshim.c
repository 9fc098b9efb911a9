/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* An LD_PRELOAD shim for tests/safety/kill9.sh: SIGKILLs the process on
 * the Nth call of write, fsync or rename.
 *   KILLSHIM_CALL=write|fsync|rename   which function to count
 *   KILLSHIM_N=N                       the call to die on (1 = first)
 *   KILLSHIM_WHEN=before|after         die before (default) or after it
 * Built by the test: $CC -shared -fPIC -o killshim.so killshim.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int calls;

/* Counts calls of name (at "before") and dies at the chosen one, in the
 * chosen phase. */
static void
maybe_die(const char *name, const char *phase)
{
	const char *call = getenv("KILLSHIM_CALL");
	const char *n = getenv("KILLSHIM_N");
	const char *when = getenv("KILLSHIM_WHEN");

	if (call == NULL || n == NULL || strcmp(call, name) != 0)
		return;
	if (strcmp(phase, "before") == 0)
		calls++;
	if (strcmp(when != NULL ? when : "before", phase) == 0 &&
	    calls == atoi(n))
		kill(getpid(), SIGKILL);
}

static void *
next(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (f == NULL)
		abort();
	return f;
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	ssize_t r;

	if (real == NULL)
		real = (ssize_t (*)(int, const void *, size_t))next("write");
	maybe_die("write", "before");
	r = real(fd, buf, n);
	maybe_die("write", "after");
	return r;
}

int
fsync(int fd)
{
	static int (*real)(int);
	int r;

	if (real == NULL)
		real = (int (*)(int))next("fsync");
	maybe_die("fsync", "before");
	r = real(fd);
	maybe_die("fsync", "after");
	return r;
}

int
rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	int r;

	if (real == NULL)
		real = (int (*)(const char *, const char *))next("rename");
	maybe_die("rename", "before");
	r = real(from, to);
	maybe_die("rename", "after");
	return r;
}
