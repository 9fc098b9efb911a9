/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Context hints: where the diagnosed program runs (under sudo, in a
 * container, in CI, in a Jupyter kernel, as a service) decides which
 * environment it sees.  Gathering reads variables and /proc; building
 * turns the facts into one short, translated piece of advice each. */
#include <config.h>

#include "hint.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "i18n.h"
#include "safefile.h"
#include "xalloc.h"

/* True when name is set to a non-empty value in env. */
static bool
has(const struct procenv *env, const char *name)
{
	const char *v = procenv_get(env, name);

	return v != NULL && *v != '\0';
}

/* True when name is set to true, 1 or yes (any case), as CI services and
 * people set CI. */
static bool
truthy(const struct procenv *env, const char *name)
{
	const char *v = procenv_get(env, name);

	return v != NULL && (strcasecmp(v, "true") == 0 ||
	    strcmp(v, "1") == 0 || strcasecmp(v, "yes") == 0);
}

/* Reads /proc/PID/what into *buf and *len (caller frees).  0 or -1. */
static int
read_proc(long pid, const char *what, char **buf, size_t *len)
{
	char path[64];
	int fd, rc;

	snprintf(path, sizeof path, "/proc/%ld/%s", pid, what);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1)
		return -1;
	rc = safefile_read_fd(fd, buf, len);
	close(fd);
	return rc;
}

/* True when a container marker file exists in the root that pid sees
 * (ours when pid is 0; another's through /proc/PID/root, when allowed). */
static bool
in_container(long pid)
{
	static const char *const marks[] = { "/.dockerenv",
	    "/run/.containerenv" };
	char path[96];

	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		if (pid > 0)
			snprintf(path, sizeof path, "/proc/%ld/root%s", pid,
			    marks[i]);
		else
			snprintf(path, sizeof path, "%s", marks[i]);
		if (access(path, F_OK) == 0)
			return true;
	}
	return false;
}

/* True when process pid's command line mentions ipykernel (python -m
 * ipykernel_launcher, as Jupyter starts kernels). */
static bool
runs_ipykernel(long pid)
{
	static const char word[] = "ipykernel";
	char *buf;
	size_t len;
	bool found;

	if (read_proc(pid, "cmdline", &buf, &len) == -1)
		return false;
	found = memmem(buf, len, word, sizeof word - 1) != NULL;
	safefile_discard(buf, len);
	return found;
}

/* True when process pid has no controlling terminal: field 7 (tty_nr)
 * of /proc/PID/stat is 0.  The name in field 2 may hold spaces and
 * parentheses, so parsing starts after its last ')'. */
static bool
no_tty(long pid)
{
	char *buf, *p;
	size_t len;
	int tty = -1;

	if (read_proc(pid, "stat", &buf, &len) == -1)
		return false;
	p = strrchr(buf, ')');
	if (p == NULL || sscanf(p + 1, " %*c %*d %*d %*d %d", &tty) != 1)
		tty = -1;
	free(buf);
	return tty == 0;
}

void
hint_facts_gather(struct hint_facts *f, const struct procenv *env, long pid)
{
	memset(f, 0, sizeof *f);
	f->sudo = has(env, "SUDO_USER") || has(env, "SUDO_COMMAND");
	f->container = has(env, "container") || in_container(pid);
	f->ci = truthy(env, "CI");
	f->jupyter = has(env, "JPY_PARENT_PID") ||
	    has(env, "JPY_SESSION_NAME") || (pid > 0 && runs_ipykernel(pid));
	/* systemd sets INVOCATION_ID for every unit it starts; cron jobs
	 * and daemons have no terminal. */
	f->service = pid > 0 && (has(env, "INVOCATION_ID") || no_tty(pid));
}

/* Appends a hint (takes ownership of text). */
static void
add(struct hint_list *out, enum hint_id id, char *text)
{
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n].id = id;
	out->v[out->n].text = text;
	out->n++;
}

/* The first startup-file candidate for OPENAI_API_KEY in src that the
 * login shell reads and exports, else the first in any startup file, or
 * NULL. */
static const struct candidate *
rcfile_key(const struct sources *src)
{
	const struct candidate *any = NULL;

	for (size_t i = 0; src != NULL && i < src->n; i++) {
		const struct candidate *c = &src->c[i];

		if (c->source != SOURCE_RCFILE ||
		    strcmp(c->name, "OPENAI_API_KEY") != 0)
			continue;
		if (!c->unloaded && !c->unexported && !c->cleared)
			return c;
		if (any == NULL)
			any = c;
	}
	return any;
}

/* The service hint, naming the startup file c sets the key in. */
static char *
service_text(const struct candidate *c)
{
	/* TRANSLATORS: %s is a shell startup file such as ~/.bashrc.
	   Environment=, EnvironmentFile= and systemctl are literal. */
	return xasprintf(_("This program was started as a service (or "
	    "without a terminal), so it never reads %s. Put the key in the "
	    "unit's Environment= or EnvironmentFile= (systemctl edit), then "
	    "restart it with systemctl restart."), c->path != NULL ? c->path :
	    "~/.bashrc");
}

void
hints_build(const struct hint_facts *f, const struct sources *src,
    struct hint_list *out)
{
	const struct candidate *rc = rcfile_key(src);

	if (f->sudo)
		add(out, HINT_SUDO, xstrdup(_("sudo resets the environment, "
		    "so keys exported in your shell are gone: run sudo -E, "
		    "or put the key in the program's own .env file.")));
	if (f->container)
		add(out, HINT_CONTAINER, xstrdup(_("Inside a container a "
		    "program sees only the variables given with -e, "
		    "--env-file or compose's env_file:, not your host's "
		    "shell. Pass the key that way and recreate the "
		    "container.")));
	if (f->ci)
		add(out, HINT_CI, xstrdup(_("In CI, .env is usually not "
		    "committed, so it is not there: set OPENAI_API_KEY as a "
		    "secret in the CI settings (pull requests from forks "
		    "get no secrets).")));
	if (f->jupyter)
		add(out, HINT_JUPYTER, xstrdup(_("A Jupyter kernel keeps the "
		    "environment it started with: restart the kernel after "
		    "changing .env or the environment.")));
	if (f->service && rc != NULL)
		add(out, HINT_SERVICE, service_text(rc));
}

void
hint_list_init(struct hint_list *l)
{
	memset(l, 0, sizeof *l);
}

void
hint_list_clear(struct hint_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	hint_list_init(l);
}

const char *
hint_id_name(enum hint_id id)
{
	static const char *const names[HINT_COUNT] = {
		"sudo", "container", "ci", "jupyter", "service",
	};

	return names[id];
}
