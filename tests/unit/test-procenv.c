/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* procenv: NUL-separated parsing, our own environ, a child's
 * /proc/PID/environ, and the causes for a missing or foreign process. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "procenv.h"
#include "unit.h"

#define CHILD_KEY	"sk-proj-CHILDfake0123456789"

static void
test_buffer(void)
{
	static const char buf[] = "A=1\0B=\0NOEQ\0\0C=x=y\0D=1\0D=2\0=v\0E=last";
	struct procenv e;

	procenv_init(&e);
	procenv_from_buffer(buf, sizeof buf - 1, &e);
	CHECK_INT(8, e.n);
	CHECK_STR("A", e.v[0].name);
	CHECK_STR("1", e.v[0].value);
	CHECK_STR("B", e.v[1].name);
	CHECK_STR("", e.v[1].value);
	CHECK_STR("NOEQ", e.v[2].name);
	CHECK(e.v[2].value == NULL);
	CHECK_STR("x=y", procenv_get(&e, "C"));
	CHECK_STR("1", procenv_get(&e, "D"));
	CHECK_STR("", e.v[6].name);
	CHECK_STR("v", e.v[6].value);
	CHECK_STR("last", procenv_get(&e, "E"));
	CHECK(procenv_get(&e, "NOEQ") == NULL);
	CHECK(procenv_get(&e, "Z") == NULL);
	/* appends, and an empty buffer adds nothing */
	procenv_from_buffer("F=f", 3, &e);
	procenv_from_buffer("", 0, &e);
	procenv_from_buffer("\0\0", 2, &e);
	CHECK_INT(9, e.n);
	CHECK_STR("f", procenv_get(&e, "F"));
	procenv_clear(&e);
	CHECK_INT(0, e.n);
	procenv_clear(&e);
}

static void
test_self(void)
{
	struct procenv e;

	setenv("FIX401_PROCENV_TEST", "yes=really", 1);
	procenv_init(&e);
	procenv_self(&e);
	CHECK(e.n > 0);
	CHECK_STR("yes=really", procenv_get(&e, "FIX401_PROCENV_TEST"));
	procenv_clear(&e);
}

/* Starts sleep with a known environment; returns its pid once it has
 * exec'd (the close-on-exec pipe reads EOF), or -1. */
static pid_t
spawn_sleep(void)
{
	static char a0[] = "sleep", a1[] = "30";
	static char e0[] = "OPENAI_API_KEY=" CHILD_KEY, e1[] = "EMPTY=",
	    e2[] = "PATH=/usr/bin:/bin";
	char *argv[] = { a0, a1, NULL }, *envp[] = { e0, e1, e2, NULL };
	int p[2], err = 0;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) == -1)
		return -1;
	pid = fork();
	if (pid == 0) {
		execve("/bin/sleep", argv, envp);
		execve("/usr/bin/sleep", argv, envp);
		err = errno;
		(void)!write(p[1], &err, sizeof err);
		_exit(127);
	}
	close(p[1]);
	if (pid > 0 && read(p[0], &err, sizeof err) != 0) {
		waitpid(pid, NULL, 0);
		pid = -1;
	}
	close(p[0]);
	return pid;
}

static void
test_child(void)
{
	struct procenv e;
	char *cause = NULL;
	pid_t pid = spawn_sleep();

	if (pid == -1) {
		printf("no sleep to run: child test skipped\n");
		return;
	}
	procenv_init(&e);
	CHECK_INT(0, procenv_read(pid, &e, &cause));
	CHECK(cause == NULL);
	CHECK_INT(3, e.n);
	CHECK_STR(CHILD_KEY, procenv_get(&e, "OPENAI_API_KEY"));
	CHECK_STR("", procenv_get(&e, "EMPTY"));
	CHECK(procenv_get(&e, "FIX401_PROCENV_TEST") == NULL);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	procenv_clear(&e);
}

/* As root: a child that became nobody reads our environment.  Exit 0
 * when refused with the right cause, 1 when not, 77 when it cannot try. */
static void
test_foreign_as_nobody(void)
{
	pid_t parent = getpid(), pid = fork();
	int status = 0;

	if (pid == 0) {
		struct procenv e;
		char *cause = NULL;

		procenv_init(&e);
		if (setgid(65534) == -1 || setuid(65534) == -1)
			_exit(77);
		if (procenv_read(parent, &e, &cause) == 0)
			_exit(1);
		_exit(strstr(cause, "same user") != NULL ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77)
		printf("cannot become nobody: permission test skipped\n");
	else
		CHECK_INT(0, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static void
test_errors(void)
{
	struct procenv e;
	struct stat st;
	char *cause = NULL;
	pid_t gone = fork();

	if (gone == 0)
		_exit(0);
	waitpid(gone, NULL, 0);
	procenv_init(&e);
	procenv_from_buffer("A=1", 3, &e);
	CHECK_INT(-1, procenv_read(gone, &e, &cause));
	CHECK(cause != NULL && strstr(cause, "There is no process") != NULL);
	CHECK_INT(1, e.n);	/* untouched */
	free(cause);
	cause = NULL;
	CHECK_INT(-1, procenv_read(0, &e, &cause));
	CHECK(cause != NULL && strstr(cause, "not a process ID") != NULL);
	free(cause);
	CHECK_INT(-1, procenv_read(-5, &e, NULL));	/* cause is optional */

	/* someone else's process: pid 1, unless we are root or own it */
	if (getuid() != 0 && stat("/proc/1", &st) == 0 &&
	    st.st_uid != getuid()) {
		cause = NULL;
		CHECK_INT(-1, procenv_read(1, &e, &cause));
		CHECK(cause != NULL && strstr(cause, "same user") != NULL);
		free(cause);
	} else if (getuid() == 0)
		test_foreign_as_nobody();
	else
		printf("pid 1 is ours: permission test skipped\n");
	procenv_clear(&e);
}

int
main(void)
{
	test_buffer();
	test_self();
	test_child();
	test_errors();
	return unit_done();
}
