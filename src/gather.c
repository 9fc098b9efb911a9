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
#include "i18n.h"
#include "rcfile.h"
#include "safefile.h"
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

	if (safefile_read(path, &buf, &len) < 0) {
		if (errno == ENOENT)
			return 0;
		/* TRANSLATORS: a file, then why it cannot be read. */
		*cause = xasprintf(_("cannot read %s: %s"), path,
		    strerror(errno));
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

/* A NULL-terminated list of paths being built.  Owns them. */
struct paths {
	char	**v;
	size_t	  n, cap;
};

static void
list_add(struct paths *l, const char *p)
{
	l->v = xgrow(l->v, &l->cap, l->n + 2, sizeof *l->v);
	l->v[l->n++] = xstrdup(p);
	l->v[l->n] = NULL;
}

/* The list as gather_paths_free frees it (never NULL). */
static char **
list_take(struct paths *l)
{
	return l->v != NULL ? l->v : xcalloc(1, sizeof *l->v);
}

static bool
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* dir's .env.* files, sorted, appended to l. */
static void
add_variants(const char *dir, struct paths *l)
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
		if (is_file(p))
			list_add(l, p);
		free(p);
	}
	closedir(d);
	if (l->n > from)
		qsort(l->v + from, l->n - from, sizeof *l->v, by_name);
}

char **
gather_unloaded_dotenvs(const char *dir, const char *first)
{
	struct paths l = { 0 };
	char *d, *up, *p;

	add_variants(dir, &l);
	if (first == NULL)
		return list_take(&l);
	/* Above the .env find_dotenv stops at. */
	d = safefile_dirname(first);
	while (strcmp(d, "/") != 0) {
		up = safefile_dirname(d);
		free(d);
		d = up;
		p = safefile_join(d, ".env");
		if (is_file(p))
			list_add(&l, p);
		free(p);
	}
	free(d);
	return list_take(&l);
}

void
gather_paths_free(char **paths)
{
	if (paths == NULL)
		return;
	for (size_t i = 0; paths[i] != NULL; i++)
		free(paths[i]);
	free(paths);
}

/* The startup files each kind of login shell reads, in order (bash(1)
 * INVOCATION, zsh(1) STARTUP/SHUTDOWN FILES, fish(1), pam_env(8)).  Names
 * are matched against a path's last component, or the whole path when
 * they start with '/'.  "@bash-login" is the first of ~/.bash_profile,
 * ~/.bash_login and ~/.profile that exists; ~/.bashrc is counted for
 * bash because Debian's ~/.profile and most ~/.bash_profile source it. */
static const char *const bash_order[] = { "/etc/environment",
	"/etc/profile", "@bash-login", ".bashrc", ".envrc", NULL };
static const char *const zsh_order[] = { "/etc/environment", "/etc/profile",
	".zshenv", ".zprofile", ".zshrc", ".zlogin", ".envrc", NULL };
static const char *const fish_order[] = { "/etc/environment", "config.fish",
	".envrc", NULL };
static const char *const posix_order[] = { "/etc/environment",
	"/etc/profile", ".profile", ".envrc", NULL };

static const char *const *
shell_order(const char *shell)
{
	const char *base = shell != NULL ? safefile_basename(shell) : "";

	if (strcmp(base, "bash") == 0)
		return bash_order;
	if (strcmp(base, "zsh") == 0)
		return zsh_order;
	if (strcmp(base, "fish") == 0)
		return fish_order;
	return posix_order;
}

/* The first of bash's login files that exists under home (caller frees),
 * or NULL. */
static char *
bash_login_file(const char *home)
{
	static const char *const names[] = { ".bash_profile", ".bash_login",
	    ".profile" };

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char *p = safefile_join(home, names[i]);

		if (is_file(p))
			return p;
		free(p);
	}
	return NULL;
}

/* Where path comes in order, or -1 when that shell does not read it. */
static int
rank(const char *path, const char *const *order, const char *login)
{
	for (int i = 0; order[i] != NULL; i++) {
		const char *o = order[i];

		if (strcmp(o, "@bash-login") == 0 ?
		    login != NULL && strcmp(login, path) == 0 :
		    o[0] == '/' ? strcmp(o, path) == 0 :
		    strcmp(o, safefile_basename(path)) == 0)
			return i;
	}
	return -1;
}

/* Adds what rcfile_scan found in path as candidates. */
static void
add_entries(struct sources *s, const struct rcfile_list *l, bool unloaded)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct rcfile_entry *e = &l->v[i];
		struct candidate *c;
		size_t len;
		char *v;

		if (e->kind != RCFILE_SET || e->value == NULL)
			continue;
		/* A CR LF line leaves a CR at the end of the shell's value:
		 * that CR is sent with the key. */
		len = strlen(e->value);
		v = xmalloc(len + 2);
		memcpy(v, e->value, len);
		if (e->cr)
			v[len++] = '\r';
		c = sources_add(s, e->name, SOURCE_RCFILE, e->path, e->line, v,
		    len);
		c->conditional = e->conditional;
		c->dynamic = e->dynamic;
		c->unloaded = unloaded;
		xwipe(v, len);
		free(v);
	}
}

/* Scans one startup file into s; a note in *notes when unreadable. */
static void
scan_one(struct sources *s, const char *path, bool unloaded,
    struct paths *notes)
{
	struct rcfile_list l;
	char *buf, *note;
	size_t len;

	if (safefile_read(path, &buf, &len) < 0) {
		if (errno != ENOENT && errno != ENOTDIR) {
			/* TRANSLATORS: a file, then why it cannot be read. */
			note = xasprintf(_("cannot read %s: %s"), path,
			    strerror(errno));
			list_add(notes, note);
			free(note);
		}
		return;
	}
	rcfile_list_init(&l);
	rcfile_scan(path, buf, len, &l);
	add_entries(s, &l, unloaded);
	rcfile_list_clear(&l);
	safefile_discard(buf, len);
}

void
gather_rcfiles(struct sources *s, const char *home,
    const char *xdg_config_home, const char *shell, const char *dir,
    char ***notes)
{
	const char *const *order = shell_order(shell);
	char **all = rcfile_paths(home, xdg_config_home, dir);
	char *login = order == bash_order ? bash_login_file(home) : NULL;
	struct paths out = { 0 };

	/* The files this shell reads, in its order; then the others. */
	for (int r = 0; order[r] != NULL; r++)
		for (size_t i = 0; all[i] != NULL; i++)
			if (rank(all[i], order, login) == r)
				scan_one(s, all[i], false, &out);
	for (size_t i = 0; all[i] != NULL; i++)
		if (rank(all[i], order, login) < 0)
			scan_one(s, all[i], true, &out);
	free(login);
	rcfile_paths_free(all);
	*notes = list_take(&out);
}
