/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* One engine for every front end: gather the candidates, decide the
 * winners, run the checks in table order, add the hints. */
#include <config.h>

#include "diagnose.h"

#include <assert.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "facts.h"
#include "gather.h"
#include "http.h"
#include "i18n.h"
#include "safefile.h"
#include "xalloc.h"

/* The home folder startup files live in: $HOME of the environment
 * diagnosed, else the password database's for its owner (the --pid
 * process's, else ours).  Borrowed; NULL when neither is known. */
static const char *
home_dir(const struct procenv *env, long pid)
{
	const char *h = procenv_get(env, "HOME");
	uid_t uid = getuid();
	struct passwd *pw;
	struct stat st;
	char proc[32];

	if (h != NULL && h[0] == '/')
		return h;
	if (pid > 0) {
		snprintf(proc, sizeof proc, "/proc/%ld", pid);
		if (stat(proc, &st) == -1)
			return NULL;
		uid = st.st_uid;
	}
	pw = getpwuid(uid);
	return pw != NULL ? pw->pw_dir : NULL;
}

/* The environment being diagnosed: --pid's, or ours.  -1 with *cause. */
static int
read_env(const struct diagnose_opts *o, struct procenv *env, char **cause)
{
	procenv_init(env);
	if (o->pid > 0)
		return procenv_read((pid_t)o->pid, env, cause);
	procenv_self(env);
	return 0;
}

/* Adds a note (takes ownership of text). */
static void
add_note(struct diagnosis *d, char *text)
{
	size_t n = 0;

	while (d->notes != NULL && d->notes[n] != NULL)
		n++;
	d->notes = xrealloc(d->notes, (n + 2) * sizeof *d->notes);
	d->notes[n] = text;
	d->notes[n + 1] = NULL;
}

/* The .env in use: -e FILE, else what find_dotenv finds.  Reads and
 * analyses it and adds its candidates; -1 with *cause if it cannot be
 * read (a missing -e FILE included). */
static int
load_dotenv(const struct diagnose_opts *o, struct diagnosis *d,
    const struct procenv *env, char **cause)
{
	enum source_kind kind = o->env_file ? SOURCE_ENVFILE : SOURCE_DOTENV;
	char *dir;

	d->dotenv_path = o->env_file ? xstrdup(o->env_file) :
	    envfile_find(d->dir);
	if (d->dotenv_path == NULL)
		return 0;
	if (envfile_read(&d->file, d->dotenv_path, cause) < 0)
		return -1;
	if (!d->file.exists) {
		/* TRANSLATORS: %s is the file given with -e. */
		*cause = xasprintf(_("%s does not exist"), d->dotenv_path);
		return -1;
	}
	analysis_run(&d->an, d->file.buf, d->file.len, gather_env_lookup,
	    (void *)env);
	d->have_an = true;
	sources_add_file(&d->src, kind, d->dotenv_path, &d->an);
	/* npm dotenv reads ./.env only, a symlink there included. */
	dir = safefile_dirname(d->dotenv_path);
	d->dotenv_in_dir = kind == SOURCE_DOTENV && strcmp(dir, d->dir) == 0;
	free(dir);
	return 0;
}

/* Every other copy: the unloaded .env files, then the startup files. */
static void
load_others(struct diagnosis *d, const struct procenv *env, long pid)
{
	char **paths = gather_unloaded_dotenvs(d->dir, d->dotenv_path), **notes;
	const char *home = home_dir(env, pid);

	for (size_t i = 0; paths[i] != NULL; i++) {
		char *cause = NULL;

		if (gather_file(&d->src, paths[i], SOURCE_DOTENV, true, env,
		    &cause) < 0)
			add_note(d, cause);
	}
	xfree_strv(paths);
	if (home == NULL)
		return;
	gather_rcfiles(&d->src, home, procenv_get(env, "XDG_CONFIG_HOME"),
	    procenv_get(env, "SHELL"), d->dir, &notes);
	for (size_t i = 0; notes[i] != NULL; i++)
		add_note(d, notes[i]);
	free(notes);	/* the strings now belong to d */
}

/* The context the checks read, all borrowed from d. */
static void
fill_ctx(const struct diagnose_opts *o, struct diagnosis *d)
{
	struct check_ctx *c = &d->ctx;

	c->dir = d->dir;
	c->dotenv_path = d->dotenv_path;
	c->dotenv = d->have_an ? &d->an : NULL;
	c->src = &d->src;
	c->offline = o->offline;
	c->consumer = o->consumer;
	c->dotenv_in_dir = d->dotenv_in_dir;
	c->pid = o->pid > 0;
	c->providers = d->providers;
	c->base_url = o->base_url;
	c->facts = d->dotenv_path != NULL ? &d->facts : NULL;
	c->env_file = o->env_file != NULL;
}

/* Plans the probes and starts them on a new struct http (NULL when
 * nothing is sent); they run while the caller gathers the rest. */
static struct http *
live_begin(const struct diagnose_opts *o, struct diagnosis *d)
{
	struct live_opts lo = {
		.model = o->model, .timeout_s = o->timeout_s,
		.allow_insecure = o->allow_insecure,
	};
	struct http_opts ho = {
		.connect_ms = 10000,
		.total_ms = (o->timeout_s > 0 ? o->timeout_s : 20) * 1000,
		.user_agent = PACKAGE "/" VERSION,
	};
	struct http *h;
	char *cause = NULL;

	live_plan(&d->live, &d->ctx, &lo);
	d->ctx.live = &d->live;
	if (d->live.block == LIVE_OFFLINE || d->live.block == LIVE_BAD_URL)
		return NULL;
	if ((h = http_new(&ho, &cause)) == NULL ||
	    live_start(&d->live, h, &cause) < 0) {
		add_note(d, cause);
		http_free(h);
		return NULL;
	}
	http_poll(h, -1, 0, NULL);	/* the connections start now */
	return h;
}

/* Runs the check table into d->results; with live_only, only the checks
 * that read the probes, over their earlier results. */
static void
run_checks(struct diagnosis *d, bool live_only)
{
	size_t n;
	const struct check *const *t = check_table(&n);

	assert(n <= sizeof d->results / sizeof *d->results);
	for (size_t i = 0; i < n; i++) {
		if (live_only && !t[i]->live)
			continue;
		if (live_only)
			check_result_clear(&d->results[i]);
		check_run(t[i], &d->ctx, &d->results[i]);
	}
	d->nresults = n;
}

/* The probes have all answered (or were cancelled): frees the transfers
 * and gives the checks that read them their final results. */
static void
live_end(struct diagnosis *d)
{
	http_free(d->http);
	d->http = NULL;
	d->live.http = NULL;
	/* No answer can come any more: what a probe holds is final (a chat
	 * still waiting for a model list that never came keeps its own). */
	for (size_t i = 0; i < d->live.n; i++)
		d->live.p[i].done = true;
	run_checks(d, true);
}

int
diagnose_start(const struct diagnose_opts *o, struct diagnosis *d,
    char **cause)
{
	struct procenv env;
	struct hint_facts hf;
	int rc = -1;

	memset(d, 0, sizeof *d);
	sources_init(&d->src);
	envfile_init(&d->file);
	hint_list_init(&d->hints);
	if ((d->dir = envfile_absolute(o->dir)) == NULL) {
		*cause = xstrdup(_("cannot tell the current folder"));
		return -1;
	}
	if (read_env(o, &env, cause) < 0)
		goto out;
	gather_env(&d->src, &env, o->pid > 0 ? SOURCE_PID : SOURCE_ENV);
	if (load_dotenv(o, d, &env, cause) < 0)
		goto out;
	load_others(d, &env, o->pid);
	sources_decide(&d->src, d->have_an ? &d->an : NULL, d->dotenv_in_dir,
	    o->pid > 0);
	if ((d->providers = providers_load(o->providers_file, cause)) == NULL) {
		add_note(d, *cause);	/* the provider checks skip */
		*cause = NULL;
	}
	fill_ctx(o, d);
	d->http = live_begin(o, d);
	if (d->dotenv_path != NULL)
		dotenv_facts_gather(d->dotenv_path, &d->facts);
	run_checks(d, false);
	hint_facts_gather(&hf, &env, o->pid);
	hints_build(&hf, &d->src, &d->hints);
	if (d->http != NULL && http_poll(d->http, -1, 0, NULL) == 0)
		live_end(d);
	rc = 0;
out:
	procenv_clear(&env);
	return rc;
}

bool
diagnose_pending(const struct diagnosis *d)
{
	return d->http != NULL;
}

bool
diagnose_poll(struct diagnosis *d, int fd, int timeout_ms, bool *fd_ready)
{
	int left;

	if (fd_ready != NULL)
		*fd_ready = false;
	if (d->http == NULL)
		return false;
	/* Without waiting first: answers that are in end the round at once,
	 * rather than after a wait on fd. */
	left = http_poll(d->http, -1, 0, NULL);
	if (left > 0)
		left = http_poll(d->http, fd, timeout_ms < 0 ? 1000 :
		    timeout_ms, fd_ready);
	if (left > 0)
		return false;
	live_end(d);
	return true;
}

void
diagnose_cancel(struct diagnosis *d)
{
	if (d->http == NULL)
		return;
	d->live.cancelled = true;	/* no retry, no follow-up */
	http_cancel(d->http);
	live_end(d);
}

int
diagnose_run(const struct diagnose_opts *o, struct diagnosis *d,
    char **cause)
{
	if (diagnose_start(o, d, cause) < 0)
		return -1;
	while (diagnose_pending(d))
		diagnose_poll(d, -1, 1000, NULL);
	return 0;
}

void
diagnosis_clear(struct diagnosis *d)
{
	http_free(d->http);	/* before the probes it calls back */
	for (size_t i = 0; i < d->nresults; i++)
		check_result_clear(&d->results[i]);
	xfree_strv(d->notes);
	live_clear(&d->live);
	hint_list_clear(&d->hints);
	providers_free(d->providers);
	sources_free(&d->src);
	if (d->have_an)
		analysis_clear(&d->an);
	envfile_clear(&d->file);
	free(d->dotenv_path);
	free(d->dir);
	memset(d, 0, sizeof *d);
}

int
diagnosis_status(const struct diagnosis *d)
{
	for (size_t i = 0; i < d->nresults; i++)
		if (d->results[i].status == CHECK_FAIL)
			return 1;
	return 0;
}

const char *
diagnosis_verdict(const struct diagnosis *d)
{
	return diagnosis_status(d) == 0 ? "ok" : "problems";
}
