/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Finding every copy of the key on this machine: the environment, every
 * .env a program could mean, and the shell startup files, in the order a
 * login shell reads them (SPEC 3). */
#include <config.h>

#include "gather.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analysis.h"
#include "defect.h"
#include "envfile.h"
#include "i18n.h"
#include "safefile.h"
#include "sanitize.h"
#include "xalloc.h"

void
gather_env(struct sources *s, const struct procenv *env,
    enum source_kind kind)
{
	for (size_t i = 0; i < env->n; i++) {
		const struct procenv_var *v = &env->v[i];

		if (v->value != NULL && defect_relevant_name(v->name))
			sources_add(s, v->name, kind, NULL, 0, v->value,
			    strlen(v->value));
	}
}

const char *
gather_env_lookup(const char *name, void *env)
{
	return procenv_get(env, name);
}

int
gather_file(struct sources *s, const char *path, enum source_kind kind,
    bool unloaded, const struct procenv *env, char **cause)
{
	struct analysis an;
	char *buf;
	size_t len, first = s->n;

	if (safefile_read_follow(path, &buf, &len) < 0) {
		if (errno == ENOENT)
			return 0;
		/* TRANSLATORS: a file, then why it cannot be read. */
		*cause = sanitize_take(xasprintf(_("cannot read %s: %s"),
		    path, strerror(errno)));
		return -1;
	}
	analysis_run(&an, buf, len, gather_env_lookup, (void *)env);
	sources_add_file(s, kind, path, &an);
	for (size_t i = first; i < s->n; i++)
		s->c[i].unloaded = unloaded;
	analysis_clear(&an);
	safefile_discard(buf, len);
	return 0;
}

void
gather_paths_add(struct gather_paths *l, const char *p)
{
	l->v = xgrow(l->v, &l->cap, l->n + 2, sizeof *l->v);
	l->v[l->n++] = xstrdup(p);
	l->v[l->n] = NULL;
}

char **
gather_paths_take(struct gather_paths *l)
{
	return l->v != NULL ? l->v : xcalloc(1, sizeof *l->v);
}

bool
gather_is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* True when path is the file st describes. */
static bool
same_file(const char *path, const struct stat *st)
{
	struct stat p;

	return st != NULL && stat(path, &p) == 0 && p.st_dev == st->st_dev &&
	    p.st_ino == st->st_ino;
}

/* dir's .env.* files but the one lst describes (may be NULL), sorted,
 * appended to l. */
static void
add_variants(const char *dir, const struct stat *lst, struct gather_paths *l)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t from = l->n;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char *p;

		if (strncmp(e->d_name, ".env.", 5) != 0 || e->d_name[5] == '\0')
			continue;
		p = safefile_join(dir, e->d_name);
		if (gather_is_file(p) && !same_file(p, lst))
			gather_paths_add(l, p);
		free(p);
	}
	closedir(d);
	if (l->n > from)
		qsort(l->v + from, l->n - from, sizeof *l->v, by_name);
}

char **
gather_unloaded_dotenvs(const char *dir, const char *loaded)
{
	struct gather_paths l = { 0 };
	struct stat st;
	const struct stat *lst = NULL;
	char *d = envfile_absolute(dir), *up, *p;

	if (d == NULL)
		return gather_paths_take(&l);
	if (loaded != NULL && stat(loaded, &st) == 0)
		lst = &st;
	add_variants(d, lst, &l);
	/* dir/.env and each parent's, up to "/" (its own dirname). */
	for (;;) {
		p = safefile_join(d, ".env");
		if (gather_is_file(p) && !same_file(p, lst))
			gather_paths_add(&l, p);
		free(p);
		up = safefile_dirname(d);
		if (strcmp(up, d) == 0) {
			free(up);
			break;
		}
		free(d);
		d = up;
	}
	free(d);
	return gather_paths_take(&l);
}
