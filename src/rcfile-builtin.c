/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The commands that assign in an rcfile scan: export, declare and its
 * kin, unset, csh setenv and unsetenv, fish set, and NAME=value. */
#include <config.h>

#include "rcfile-scan.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "shname.h"
#include "xalloc.h"

/* ---- earlier entries of this file ---- */

/* This file's latest assignment of name, or NULL (also after unset). */
static struct rcfile_entry *
last_set(struct scan *s, const char *name)
{
	for (size_t i = s->out->n; i > s->first; i--) {
		struct rcfile_entry *e = &s->out->v[i - 1];

		if (e->kind == RCFILE_COMMENTED || strcmp(e->name, name) != 0)
			continue;
		if (e->kind == RCFILE_UNSET)
			return NULL;
		if (e->kind == RCFILE_SET)
			return e;
	}
	return NULL;
}

/* True when an earlier line of this file exported name (and no unset
 * came between): a later plain assignment is exported too. */
static bool
was_exported(struct scan *s, const char *name)
{
	for (size_t i = s->out->n; i > s->first; i--) {
		struct rcfile_entry *e = &s->out->v[i - 1];

		if (e->kind == RCFILE_COMMENTED || strcmp(e->name, name) != 0)
			continue;
		if (e->kind == RCFILE_UNSET)
			return false;
		if (e->exported)
			return true;
	}
	return false;
}

/* ---- builtins that assign ---- */

/* NAME=value, NAME+=value or NAME as an argument of export or declare. */
static void
declare_one(struct scan *s, const struct tok *t, enum rcfile_form form,
    bool x)
{
	const char *w = rcfile_tok_str(t), *eq = memchr(t->raw, '=', t->rawlen);
	size_t nl = shname_len(w, t->val.n);
	bool app = nl > 0 && w[nl] == '+' && w[nl + 1] == '=';
	struct rcfile_entry *e;
	char *name;

	if (nl == 0 || (w[nl] != '=' && w[nl] != '\0' && !app))
		return;
	name = xmemdup(w, nl);
	if (w[nl] == '\0' && x) {
		e = s->commented ? NULL : last_set(s, name);
		if (e != NULL)
			e->exported = true;
		e = rcfile_entry_add(s, RCFILE_EXPORT_ONLY, form, name,
		    t->line);
		if (e != NULL)
			e->exported = true;
	} else if (w[nl] != '\0') {
		e = rcfile_entry_add(s, RCFILE_SET, form, name, t->line);
		if (e != NULL) {
			e->exported = x || was_exported(s, name);
			rcfile_entry_value(e, t, 1, nl + 1 + app, eq != NULL ?
			    (size_t)(eq - t->raw) + 1 : 0, app);
		}
	}
	free(name);
}

/* export, declare, typeset, local, readonly: options, then names. */
static void
run_declare(struct scan *s, const struct tok *t, size_t n,
    enum rcfile_form form, bool x)
{
	size_t i = 0;

	for (; i < n && t[i].type == T_WORD; i++) {
		const char *w = rcfile_tok_str(&t[i]);

		if (strcmp(w, "--") == 0) {
			i++;
			break;
		}
		if ((w[0] != '-' && w[0] != '+') || w[1] == '\0')
			break;
		/* functions, printing, namerefs, export -n: no variable */
		if (strpbrk(w + 1, "fFpn") != NULL)
			return;
		x = x || (w[0] == '-' && strchr(w + 1, 'x') != NULL);
	}
	for (; i < n && t[i].type == T_WORD; i++)
		declare_one(s, &t[i], form, x);
}

static void
run_unset(struct scan *s, const struct tok *t, size_t n,
    enum rcfile_form form)
{
	for (size_t i = 0; i < n && t[i].type == T_WORD; i++) {
		const char *w = rcfile_tok_str(&t[i]);

		if (strcmp(w, "-f") == 0)
			return;
		if (shname_valid(w))
			rcfile_entry_add(s, RCFILE_UNSET, form, w, t[i].line);
	}
}

/* csh setenv NAME [value] */
static void
run_setenv(struct scan *s, const struct tok *t, size_t n)
{
	struct rcfile_entry *e;

	if (n == 0 || t[0].type != T_WORD ||
	    !shname_valid(rcfile_tok_str(&t[0])))
		return;
	e = rcfile_entry_add(s, RCFILE_SET, RCFILE_FORM_SETENV,
	    rcfile_tok_str(&t[0]), t[0].line);
	if (e == NULL)
		return;
	e->exported = true;
	rcfile_entry_value(e, t + 1, n > 1 && t[1].type == T_WORD ? 1 : 0, 0, 0,
	    false);
}

/* fish set: the options that matter, -x -u -e -a -p and the queries. */
static size_t
fish_set_options(const struct tok *t, size_t n, unsigned *flags)
{
	static const char *const longs[] = { "export", "unexport", "erase",
	    "append", "prepend", "query", "show", "names", NULL };
	static const char shorts[] = "xueapqSn";
	size_t i = 0;

	for (; i < n && t[i].type == T_WORD; i++) {
		const char *w = rcfile_tok_str(&t[i]);

		if (strcmp(w, "--") == 0)
			return i + 1;
		if (w[0] != '-' || w[1] == '\0')
			break;
		for (size_t k = 0; w[1] == '-' && longs[k] != NULL; k++)
			if (strcmp(w + 2, longs[k]) == 0)
				*flags |= 1U << k;
		for (size_t k = 0; w[1] != '-' && shorts[k] != '\0'; k++)
			if (strchr(w + 1, shorts[k]) != NULL)
				*flags |= 1U << k;
	}
	return i;
}

enum { FS_X = 1, FS_U = 2, FS_E = 4, FS_APPEND = 8 | 16, FS_QUERY = 32 |
    64 | 128 };

static void
run_fish_set(struct scan *s, const struct tok *t, size_t n)
{
	unsigned f = 0;
	size_t i = fish_set_options(t, n, &f), j;
	struct rcfile_entry *e;

	if ((f & FS_QUERY) != 0 || i >= n || t[i].type != T_WORD)
		return;
	if ((f & FS_E) != 0) {
		run_unset(s, t + i, n - i, RCFILE_FORM_FISH_SET);
		return;
	}
	if (!shname_valid(rcfile_tok_str(&t[i])))
		return;
	e = rcfile_entry_add(s, RCFILE_SET, RCFILE_FORM_FISH_SET,
	    rcfile_tok_str(&t[i]), t[i].line);
	if (e == NULL)
		return;
	e->exported = (f & FS_X) != 0 ||
	    ((f & FS_U) == 0 && was_exported(s, e->name));
	for (j = i + 1; j < n && t[j].type == T_WORD; j++)
		;
	rcfile_entry_value(e, t + i + 1, j - i - 1, 0, 0, (f & FS_APPEND) != 0);
}

/* NAME=value ...: shell variables only when nothing else follows (else
 * they are the environment of one command). */
static void
run_assign(struct scan *s, const struct tok *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t nl = shname_len(t[i].raw, t[i].rawlen);

		if (t[i].type != T_WORD || nl == 0 || nl >= t[i].rawlen ||
		    (t[i].raw[nl] != '=' && (t[i].raw[nl] != '+' ||
		    nl + 1 >= t[i].rawlen || t[i].raw[nl + 1] != '=')))
			return;
	}
	for (size_t i = 0; i < n; i++)
		declare_one(s, &t[i], RCFILE_FORM_ASSIGN, false);
}

void
rcfile_run_builtin(struct scan *s, const struct tok *t, size_t n)
{
	const char *w = rcfile_tok_str(&t[0]);

	if (t[0].type != T_WORD)
		return;
	if (strcmp(w, "export") == 0)
		run_declare(s, t + 1, n - 1, RCFILE_FORM_EXPORT, true);
	else if (strcmp(w, "declare") == 0 || strcmp(w, "typeset") == 0 ||
	    strcmp(w, "local") == 0 || strcmp(w, "readonly") == 0)
		run_declare(s, t + 1, n - 1, RCFILE_FORM_DECLARE, false);
	else if (strcmp(w, "unset") == 0)
		run_unset(s, t + 1, n - 1, RCFILE_FORM_UNSET);
	else if (strcmp(w, "unsetenv") == 0)
		run_unset(s, t + 1, n - 1, RCFILE_FORM_SETENV);
	else if (strcmp(w, "setenv") == 0)
		run_setenv(s, t + 1, n - 1);
	else if (strcmp(w, "set") == 0 && s->d == RCFILE_FISH)
		run_fish_set(s, t + 1, n - 1);
	else if (s->d == RCFILE_SH)
		run_assign(s, t, n);
}
