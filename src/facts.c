/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* What the file system and git say about a .env file: its mode, whether
 * git tracks or ignores it (git runs without a shell, its output thrown
 * away: only exit statuses count), and whether other people log in here. */
#include <config.h>

#include "facts.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "defect.h"
#include "safefile.h"
#include "xalloc.h"

/* No command of the repository's config runs for our queries. */
#define GIT_SAFE	"-c", "core.fsmonitor=false"

/* Exit statuses of run_git beyond git's own. */
enum {
	GIT_MISSING = -1,	/* not installed, or could not be started */
	GIT_KILLED = -2		/* ended by a signal */
};

/* Our environment without the variables that may hold a key: a
 * repository's own config (hooks, core.fsmonitor) can run commands, and
 * those must not see it.  The array is new; the strings are borrowed. */
static char **
git_environ(void)
{
	size_t n = 0, k = 0;
	char **env;

	while (environ[n] != NULL)
		n++;
	env = xcalloc(n + 1, sizeof *env);
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(environ[i], '=');
		char *name = xmemdup(environ[i], eq != NULL ?
		    (size_t)(eq - environ[i]) : strlen(environ[i]));

		if (!defect_relevant_name(name))
			env[k++] = environ[i];
		free(name);
	}
	env[k] = NULL;
	return env;
}

/* Runs argv ("git", ...; borrowed, NULL-ended) with stdin, stdout and
 * stderr on /dev/null and git_environ(), and returns its exit status or
 * GIT_MISSING/GIT_KILLED. */
static int
run_git(const char *const argv[])
{
	posix_spawn_file_actions_t fa;
	char **env;
	pid_t pid;
	int st, err;

	if (posix_spawn_file_actions_init(&fa) != 0)
		return GIT_MISSING;
	err = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY,
	    0);
	for (int fd = 1; fd <= 2 && err == 0; fd++)
		err = posix_spawn_file_actions_addopen(&fa, fd, "/dev/null",
		    O_WRONLY, 0);
	env = git_environ();
	if (err == 0)
		err = posix_spawnp(&pid, "git", &fa, NULL,
		    (char *const *)argv, env);
	free(env);
	posix_spawn_file_actions_destroy(&fa);
	if (err != 0)
		return GIT_MISSING;
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			return GIT_KILLED;
	if (!WIFEXITED(st))
		return GIT_KILLED;
	/* 127: the spawn's child could not exec git (older C libraries). */
	return WEXITSTATUS(st) == 127 ? GIT_MISSING : WEXITSTATUS(st);
}

/* Asks git about name in dir (both borrowed) and fills f's git fields. */
static void
ask_git(const char *dir, const char *name, struct dotenv_facts *f)
{
	const char *repo[] = { "git", GIT_SAFE, "-C", dir, "rev-parse",
	    "--is-inside-work-tree", NULL };
	const char *tracked[] = { "git", GIT_SAFE, "-C", dir, "ls-files",
	    "--error-unmatch", "--", name, NULL };
	/* --no-index: a rule counts even when the file is tracked, so a
	 * tracked .env that is already listed needs no second line. */
	const char *ignored[] = { "git", GIT_SAFE, "-C", dir, "check-ignore",
	    "-q", "--no-index", "--", name, NULL };
	int st = run_git(repo);

	/* 0: inside a work tree; 128: not a repository (or one git
	 * refuses, e.g. owned by another user: we cannot tell). */
	if (st != 0 && st != 128)
		return;
	f->git = true;
	if (st != 0)
		return;
	f->in_repo = true;
	f->tracked = run_git(tracked) == 0;
	f->ignored = run_git(ignored) == 0;
}

/* True when shell, the last field of a passwd line, lets someone log in:
 * not empty, not nologin, not false. */
static bool
login_shell(const char *shell)
{
	const char *base = strrchr(shell, '/');

	base = base != NULL ? base + 1 : shell;
	return *base != '\0' && strcmp(base, "nologin") != 0 &&
	    strcmp(base, "false") != 0;
}

/* True when the passwd line s (NUL-ended, no newline) is a human account
 * other than owner: uid >= 1000 (the Debian and Fedora range for people;
 * 65534 is nobody) with a login shell. */
static bool
other_human(char *s, unsigned long owner)
{
	char *field[7], *end;
	unsigned long uid;
	int n = 0;

	for (char *p = s; n < 7; p++) {
		field[n++] = p;
		p = strchr(p, ':');
		if (p == NULL)
			break;
		*p = '\0';
	}
	if (n != 7)
		return false;
	errno = 0;
	uid = strtoul(field[2], &end, 10);
	if (errno != 0 || end == field[2] || *end != '\0')
		return false;
	return uid >= 1000 && uid != 65534 && uid != owner &&
	    login_shell(field[6]);
}

bool
dotenv_facts_shared(const char *passwd, unsigned long owner_uid)
{
	FILE *fp = fopen(passwd, "re");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	bool shared = false;

	if (fp == NULL)
		return false;
	while (!shared) {
		len = getline(&line, &cap, fp);
		if (len == -1)
			break;
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		shared = other_human(line, owner_uid);
	}
	free(line);
	fclose(fp);
	return shared;
}

void
dotenv_facts_gather(const char *path, struct dotenv_facts *f)
{
	struct stat st;
	char *dir;

	memset(f, 0, sizeof *f);
	if (stat(path, &st) != 0)
		return;
	f->exists = true;
	f->mode = st.st_mode & 07777;
	f->shared = dotenv_facts_shared("/etc/passwd", st.st_uid);
	dir = safefile_dirname(path);
	ask_git(dir, safefile_basename(path), f);
	free(dir);
}
