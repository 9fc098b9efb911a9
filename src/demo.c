/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401 --demo: a scratch project and home under $TMPDIR, the practice
 * server on a free loopback port, the environment of a shell holding a
 * stale key, and their removal.  The keys come from the mock's own
 * config (the "demo" and "demo-old" entries); none is written here. */
#include <config.h>

#include "demo.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "mock-config.h"
#include "mock-options.h"
#include "sanitize.h"
#include "xalloc.h"

#define START_MS	5000	/* the mock must print its URL by then */
#define STOP_MS		2000	/* then SIGKILL */
#define URL_MAX		256

/* Replaced for the run, in demo.saved order (HOME is old_home). */
static const char *const demo_vars[DEMO_NVARS] = {
	"XDG_STATE_HOME", "XDG_CONFIG_HOME", "SHELL", "OPENAI_API_KEY",
};

/* The two fake keys of the practice run.  Owns both (wiped). */
struct demo_keys {
	char	*good;		/* "demo": works */
	size_t	 good_len;
	char	*old;		/* "demo-old": revoked, the stale one */
	size_t	 old_len;
};

static void
keys_clear(struct demo_keys *k)
{
	if (k->good != NULL)
		xwipe(k->good, k->good_len);
	if (k->old != NULL)
		xwipe(k->old, k->old_len);
	free(k->good);
	free(k->old);
	memset(k, 0, sizeof *k);
}

/* Reads the demo keys from the mock's config at path.  0, or -1 with
 * *cause. */
static int
keys_load(struct demo_keys *k, const char *path, char **cause)
{
	struct mock_config *c = mock_config_load(path, cause);
	struct mock_key *good, *old;

	memset(k, 0, sizeof *k);
	if (c == NULL)
		return -1;
	good = mock_config_named(c, "demo");
	old = mock_config_named(c, "demo-old");
	if (good == NULL || old == NULL) {
		/* TRANSLATORS: %s is the practice server's config file. */
		*cause = xasprintf(_("%s has no \"demo\" and \"demo-old\" "
		    "keys"), path);
		mock_config_free(c);
		return -1;
	}
	k->good = xmemdup(good->key, good->key_len);
	k->good_len = good->key_len;
	k->old = xmemdup(old->key, old->key_len);
	k->old_len = old->key_len;
	mock_config_free(c);
	return 0;
}

/* Writes text (taken: wiped and freed) to a new file root/name, mode
 * 0600.  0, or -1 with *cause. */
static int
put_file(const char *root, const char *name, char *text, char **cause)
{
	char *path = xasprintf("%s/%s", root, name);
	size_t len = strlen(text);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	bool ok = fd >= 0 && write(fd, text, len) == (ssize_t)len;

	if (fd >= 0 && close(fd) < 0)
		ok = false;
	if (!ok)
		*cause = xasprintf("%s: %s", path, strerror(errno));
	xwipe(text, len);
	free(text);
	free(path);
	return ok ? 0 : -1;
}

/* The practice tree: root/project, whose .env has the good key in quotes
 * with a blank inside them (python-dotenv keeps the blank, docker the
 * quotes); root/home, whose .bashrc exports the stale key; root/state and
 * root/config for the XDG folders.  0, or -1 with *cause. */
static int
put_tree(struct demo *dm, const struct demo_keys *k, char **cause)
{
	static const char *const dirs[] = {
		"project", "home", "state", "config",
	};

	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		char *path = xasprintf("%s/%s", dm->root, dirs[i]);
		int rc = mkdir(path, 0700);

		if (rc < 0)
			*cause = xasprintf("%s: %s", path, strerror(errno));
		free(path);
		if (rc < 0)
			return -1;
	}
	dm->project = xasprintf("%s/project", dm->root);
	if (put_file(dm->root, "project/.env", xasprintf("# practice project "
	    "made by fix401 --demo\nOPENAI_API_KEY=\"%.*s \"\nDEBUG=false\n",
	    (int)k->good_len, k->good), cause) < 0)
		return -1;
	return put_file(dm->root, "home/.bashrc", xasprintf("# an old "
	    "tutorial said to put the key here\nexport OPENAI_API_KEY=%.*s\n",
	    (int)k->old_len, k->old), cause);
}

/* Removes one entry of the scratch tree (nftw callback, depth first). */
static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	remove(path);
	return 0;	/* go on: remove what can be removed */
}

static void
rm_tree(const char *root)
{
	nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Forks the janitor: it waits for the end of a pipe only fix401 holds
 * and then removes the scratch tree, so the tree goes even when fix401
 * is killed before it can clean up (after a normal teardown there is
 * nothing left to remove).  The mock dies with fix401 by itself
 * (PR_SET_PDEATHSIG).  0, or -1 with *cause. */
static int
start_janitor(struct demo *dm, char **cause)
{
	int p[2];
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0 || (pid = fork()) < 0) {
		*cause = xasprintf("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		int nul = open("/dev/null", O_RDWR);
		ssize_t n;
		char c;

		signal(SIGINT, SIG_IGN);	/* the terminal's ^C is for */
		signal(SIGHUP, SIG_IGN);	/* fix401: outlive it */
		signal(SIGTERM, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		close(p[1]);
		for (int fd = 0; fd < 3 && nul >= 0; fd++)
			dup2(nul, fd);
		for (;;) {	/* fix401 never writes: wait for the end */
			n = read(p[0], &c, 1);
			if (n == 0 || (n < 0 && errno != EINTR))
				break;
		}
		rm_tree(dm->root);
		_exit(0);
	}
	close(p[0]);
	dm->janitor = pid;
	dm->janitor_fd = p[1];
	return 0;
}

/* The fix401-mock to run: $FIX401_MOCK, else the one beside this
 * program, else the one on PATH (caller frees). */
static char *
mock_program(void)
{
	const char *env = getenv("FIX401_MOCK");
	char self[PATH_MAX], *slash, *p;
	ssize_t n;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			p = xasprintf("%s/" MOCK_PROGRAM, self);
			if (access(p, X_OK) == 0)
				return p;
			free(p);
		}
	}
	return xstrdup(MOCK_PROGRAM);
}

/* Why the mock did not come up: the first line it wrote on stderr, else
 * what happened (caller frees). */
static char *
mock_failed(const struct demo *dm, const char *what)
{
	char *path = xasprintf("%s/mock.err", dm->root), line[512] = "";
	FILE *f = fopen(path, "re");
	char *s;

	if (f != NULL) {
		if (fgets(line, sizeof line, f) != NULL)
			line[strcspn(line, "\n")] = '\0';
		fclose(f);
	}
	free(path);
	s = sanitize_text(*line != '\0' ? line : what,
	    strlen(*line != '\0' ? line : what), NULL);
	/* TRANSLATORS: %s says why (the server's own message). */
	path = xasprintf(_("the practice server did not start: %s"), s);
	free(s);
	return path;
}

/* Reads the URL line the mock writes first on fd, for at most START_MS.
 * The URL (caller frees), or NULL with *cause. */
static char *
read_url(const struct demo *dm, int fd, char **cause)
{
	char line[URL_MAX];
	size_t n = 0;
	struct timespec t0, t;
	ssize_t k;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		long ms;

		clock_gettime(CLOCK_MONOTONIC, &t);
		ms = START_MS - ((t.tv_sec - t0.tv_sec) * 1000 +
		    (t.tv_nsec - t0.tv_nsec) / 1000000);
		if (ms <= 0 || poll(&p, 1, (int)ms) == 0) {
			*cause = mock_failed(dm, _("no address within 5 "
			    "seconds"));
			return NULL;
		}
		k = read(fd, line + n, sizeof line - 1 - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0 || (n += (size_t)k) == sizeof line - 1) {
			*cause = mock_failed(dm, _("it stopped"));
			return NULL;
		}
		line[n] = '\0';
		if (memchr(line, '\n', n) != NULL)
			break;
	}
	line[strcspn(line, "\n")] = '\0';
	if (strncmp(line, "http://127.0.0.1:", 17) != 0) {
		*cause = mock_failed(dm, _("an unexpected first line"));
		return NULL;
	}
	return xstrdup(line);
}

/* Starts fix401-mock with the config at config on a free loopback port
 * (no key on its command line) and reads its URL.  0, or -1 with
 * *cause. */
static int
start_mock(struct demo *dm, const char *config, char **cause)
{
	char *prog = mock_program(), *err = xasprintf("%s/mock.err", dm->root);
	int out[2];

	if (pipe2(out, O_CLOEXEC) < 0 || (dm->mock = fork()) < 0) {
		*cause = xasprintf("fork: %s", strerror(errno));
		dm->mock = 0;
		free(prog);
		free(err);
		return -1;
	}
	if (dm->mock == 0) {
		int in = open("/dev/null", O_RDONLY);
		int fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (in < 0 || fd < 0 || dup2(in, 0) < 0 ||
		    dup2(out[1], 1) < 0 || dup2(fd, 2) < 0)
			_exit(127);
		execlp(prog, prog, "--port", "0", "--bind", "127.0.0.1",
		    "--config", config, (char *)NULL);
		dprintf(2, "%s: %s\n", prog, strerror(errno));
		_exit(127);
	}
	free(prog);
	free(err);
	close(out[1]);
	/* After the URL the mock writes nothing more on stdout. */
	dm->url = read_url(dm, out[0], cause);
	close(out[0]);
	return dm->url != NULL ? 0 : -1;
}

/* SIGTERM, then (after STOP_MS) SIGKILL, and reap. */
static void
stop_mock(struct demo *dm)
{
	struct timespec tick = { 0, 10 * 1000000 };

	if (dm->mock <= 0)
		return;
	kill(dm->mock, SIGTERM);
	for (int i = 0; i < STOP_MS / 10; i++) {
		if (waitpid(dm->mock, NULL, WNOHANG) != 0)
			goto done;
		nanosleep(&tick, NULL);
	}
	kill(dm->mock, SIGKILL);
	waitpid(dm->mock, NULL, 0);
done:
	dm->mock = 0;
}

/* var's value as a copy, or NULL when unset. */
static char *
save_var(const char *var)
{
	const char *v = getenv(var);

	return v != NULL ? xstrdup(v) : NULL;
}

static void
put_var(const char *var, const char *v)
{
	if (v != NULL)
		setenv(var, v, 1);
	else
		unsetenv(var);
}

/* The environment of the stale shell: HOME the scratch home, its
 * ~/.bashrc's old key exported, XDG folders in the scratch tree. */
static void
set_env(struct demo *dm, const struct demo_keys *k)
{
	char *v[DEMO_NVARS], *home = xasprintf("%s/home", dm->root);

	dm->old_home = save_var("HOME");
	for (size_t i = 0; i < DEMO_NVARS; i++)
		dm->saved[i] = save_var(demo_vars[i]);
	dm->set = true;
	v[0] = xasprintf("%s/state", dm->root);
	v[1] = xasprintf("%s/config", dm->root);
	v[2] = xstrdup("/bin/bash");	/* its login shell reads .bashrc */
	v[3] = xmemdup(k->old, k->old_len);
	setenv("HOME", home, 1);
	for (size_t i = 0; i < DEMO_NVARS; i++) {
		setenv(demo_vars[i], v[i], 1);
		xwipe(v[i], strlen(v[i]));
		free(v[i]);
	}
	free(home);
}

static void
restore_env(struct demo *dm)
{
	if (!dm->set)
		return;
	put_var("HOME", dm->old_home);
	for (size_t i = 0; i < DEMO_NVARS; i++) {
		put_var(demo_vars[i], dm->saved[i]);
		if (dm->saved[i] != NULL)
			xwipe(dm->saved[i], strlen(dm->saved[i]));
		free(dm->saved[i]);
		dm->saved[i] = NULL;
	}
	free(dm->old_home);
	dm->old_home = NULL;
	dm->set = false;
}

int
demo_setup(struct demo *dm, const struct options *o, char **cause)
{
	struct mock_options mo = { 0 };
	struct demo_keys k = { 0 };
	char *config = mock_options_config(&mo), *why = NULL;
	const char *tmp = getenv("TMPDIR");
	int rc = -1;

	memset(dm, 0, sizeof *dm);
	dm->janitor_fd = -1;
	dm->o = *o;
	dm->root = xasprintf("%s/fix401-demo.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (keys_load(&k, config, &why) < 0 || mkdtemp(dm->root) == NULL) {
		if (why == NULL)
			why = xasprintf("%s: %s", dm->root, strerror(errno));
		free(dm->root);
		dm->root = NULL;	/* nothing made: nothing to remove */
	} else if (start_janitor(dm, &why) == 0 &&
	    put_tree(dm, &k, &why) == 0 && start_mock(dm, config, &why) == 0) {
		set_env(dm, &k);
		dm->o.dir = dm->project;
		dm->o.base_url = dm->url;
		dm->o.env_file = NULL;	/* the practice .env, not the user's */
		dm->o.pid = 0;
		rc = 0;
	}
	keys_clear(&k);
	free(config);
	if (rc < 0) {
		demo_teardown(dm);
		/* TRANSLATORS: %s says why the practice run cannot start. */
		*cause = xasprintf(_("--demo: %s"), why);
	}
	free(why);
	return rc;
}

void
demo_teardown(struct demo *dm)
{
	stop_mock(dm);
	if (dm->root != NULL)
		rm_tree(dm->root);
	restore_env(dm);
	if (dm->janitor_fd >= 0)
		close(dm->janitor_fd);	/* the janitor finds nothing left */
	if (dm->janitor > 0)
		waitpid(dm->janitor, NULL, 0);
	free(dm->root);
	free(dm->project);
	free(dm->url);
	memset(dm, 0, sizeof *dm);
	dm->janitor_fd = -1;
}
