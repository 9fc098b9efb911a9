/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The sh loader's builtins: which names are builtins at all, and the
 * special ones that change what a .env exports (export, readonly, unset,
 * set, shift) or end the reading (exit, return, ".", exec). */
#include <config.h>

#include "sh.h"

#include <string.h>

#include "loader.h"

/* export/readonly NAME[=value]...: false when fatal ("bad variable
 * name" from a special builtin ends the script). */
static bool
builtin_export(struct sh *sh, const struct fields *f, bool ro)
{
	for (size_t k = 1; k < f->n; k++) {
		const struct field *a = &f->v[k];
		const char *eq = memchr(a->p, '=', a->n);
		size_t nlen = eq != NULL ? (size_t)(eq - a->p) : a->n;
		struct var *v;

		if (a->n > 0 && a->p[0] == '-' && (a->n == 2 &&
		    (a->p[1] == 'p' || a->p[1] == '-')))
			continue;
		if (!shname_is(a->p, nlen)) {
			sh_stop(sh, a->at);
			return false;
		}
		if (eq != NULL && !sh_var_set(sh, a->p, nlen, eq + 1,
		    a->n - nlen - 1, a->at, !ro))
			return false;
		v = sh_var_find(sh, a->p, nlen, true);
		if (ro)
			v->readonly = true;
		else if (!v->exported && v->val != NULL)
			loaded_addn(sh->out, a->p, nlen, v->val, v->len,
			    sh_orig(sh, a->at));
		v->exported = v->exported || !ro;
	}
	return true;
}

/* unset [-v|-f] NAME...: an unset exported variable leaves the
 * environment, which a name-only binding records. */
static bool
builtin_unset(struct sh *sh, const struct fields *f)
{
	for (size_t k = 1; k < f->n; k++) {
		const struct field *a = &f->v[k];
		struct var *v;

		if (a->n > 0 && a->p[0] == '-')
			continue;
		if (!shname_is(a->p, a->n) ||
		    (v = sh_var_find(sh, a->p, a->n, true))->readonly) {
			sh_stop(sh, a->at);
			return false;
		}
		if (v->exported)
			loaded_addn(sh->out, a->p, a->n, NULL, 0,
			    sh_orig(sh, a->at));
		sh_var_free(v);
		v->exported = false;
	}
	return true;
}

/* One set option letter or -o name; false when dash has no such one.
 * Only a, e, u and n change what a .env does. */
static bool
set_option(struct sh *sh, const char *name, size_t n, bool on)
{
	static const char *const longs[] = { "allexport", "errexit",
	    "nounset", "noexec", "noglob", "ignoreeof", "interactive",
	    "monitor", "stdin", "xtrace", "verbose", "vi", "emacs",
	    "noclobber", "notify", "privileged", "nolog", "debug" };
	static const char letters[] = "aeunfIimsxvVECbp";
	bool *flag[] = { &sh->allexport, &sh->errexit, &sh->nounset,
	    &sh->noexec };
	const char *l = n == 1 && name[0] != '\0' ? strchr(letters, name[0]) :
	    NULL;
	size_t i = l != NULL ? (size_t)(l - letters) : NONE;

	for (size_t k = 0; n > 1 && k < sizeof longs / sizeof longs[0]; k++)
		if (strlen(longs[k]) == n && memcmp(longs[k], name, n) == 0)
			i = k;
	if (i != NONE && i < 4)
		*flag[i] = on;
	return i != NONE;
}

/* set [-+options] [-o name] [--] [args]: options, and $# from args. */
static bool
builtin_set(struct sh *sh, const struct fields *f)
{
	size_t k = 1;
	bool dashdash = false, ok;

	while (k < f->n && !dashdash) {
		const struct field *a = &f->v[k];

		if (a->n < 2 || (a->p[0] != '-' && a->p[0] != '+'))
			break;
		k++;
		dashdash = a->n == 2 && a->p[1] == '-';
		for (size_t j = 1; j < a->n && !dashdash; j++) {
			if (a->p[j] != 'o')
				ok = set_option(sh, a->p + j, 1,
				    a->p[0] == '-');
			else if (k < f->n) {	/* "set -o" alone prints */
				ok = set_option(sh, f->v[k].p, f->v[k].n,
				    a->p[0] == '-');
				k++;
			} else
				ok = true;
			if (!ok) {
				sh_stop(sh, a->at);	/* Illegal option */
				return false;
			}
		}
	}
	if (k < f->n || dashdash)
		sh->npos = (unsigned)(f->n - k);
	return true;
}

enum builtin
sh_builtin_kind(const char *p, size_t n)
{
	static const char *const special[] = { ":", ".", "break", "continue",
	    "eval", "exec", "exit", "export", "readonly", "return", "set",
	    "shift", "times", "trap", "unset" };
	static const char *const regular[] = { "alias", "bg", "cd",
	    "command", "echo", "fc", "fg", "getopts", "hash", "jobs", "kill",
	    "local", "printf", "pwd", "read", "test", "[", "true", "type",
	    "ulimit", "umask", "unalias", "wait" };

	for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
		if (strlen(special[i]) == n && memcmp(special[i], p, n) == 0)
			return B_SPECIAL;
	for (size_t i = 0; i < sizeof regular / sizeof regular[0]; i++)
		if (strlen(regular[i]) == n && memcmp(regular[i], p, n) == 0)
			return B_REGULAR;
	return n == 5 && memcmp(p, "false", 5) == 0 ? B_FALSE : B_NONE;
}

static bool
field_is(const struct field *f, const char *s)
{
	return f->n == strlen(s) && memcmp(f->p, s, f->n) == 0;
}

/* A special builtin, after its assignments took effect: exit, return,
 * "." and exec end what we can follow, eval drops the command. */
void
sh_run_special(struct sh *sh, const struct fields *f, size_t start)
{
	const struct field *c = &f->v[0];

	sh->status = 0;
	if (field_is(c, "export") || field_is(c, "readonly"))
		builtin_export(sh, f, field_is(c, "readonly"));
	else if (field_is(c, "unset"))
		builtin_unset(sh, f);
	else if (field_is(c, "set"))
		builtin_set(sh, f);
	/* exit and return end the file; "." and exec run something we
	 * cannot see; shift with no arguments is an error. */
	else if (field_is(c, "exit") || field_is(c, "return") ||
	    field_is(c, ".") || (field_is(c, "exec") && f->n > 1) ||
	    (field_is(c, "shift") && sh->npos == 0))
		sh_stop(sh, start);
	else if (field_is(c, "eval"))
		loaded_drop(sh->out, sh_orig(sh, start));
	else if (field_is(c, "shift"))
		sh->npos--;
}
