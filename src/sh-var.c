/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The sh loader's variables: a hash table that shadows the environment
 * callback, so a name is looked up there until the .env sets it. */
#include <config.h>

#include "sh.h"

#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "xalloc.h"

static size_t
hash_name(const char *s, size_t n)
{
	size_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct var *
var_slot(struct var *tab, size_t cap, const char *name, size_t n)
{
	size_t i = hash_name(name, n) & (cap - 1);

	while (tab[i].name != NULL && (tab[i].nlen != n ||
	    memcmp(tab[i].name, name, n) != 0))
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

static void
var_grow(struct sh *sh)
{
	size_t cap = sh->varcap != 0 ? 2 * sh->varcap : 64;
	struct var *tab = xcalloc(cap, sizeof *tab);

	for (size_t i = 0; i < sh->varcap; i++)
		if (sh->var[i].name != NULL)
			*var_slot(tab, cap, sh->var[i].name,
			    sh->var[i].nlen) = sh->var[i];
	free(sh->var);
	sh->var = tab;
	sh->varcap = cap;
}

static const char *
env_get(struct sh *sh, const char *name, size_t n)
{
	char *z;
	const char *v;

	if (sh->env == NULL)
		return NULL;
	z = xmemdup(name, n);
	v = sh->env(z, sh->arg);
	free(z);
	return v;
}

struct var *
sh_var_find(struct sh *sh, const char *name, size_t n, bool create)
{
	struct var *v;
	const char *e;

	if (create && 2 * (sh->nvar + 1) > sh->varcap)
		var_grow(sh);
	if (sh->varcap == 0)
		return NULL;
	v = var_slot(sh->var, sh->varcap, name, n);
	if (v->name != NULL || !create)
		return v->name != NULL ? v : NULL;
	v->name = xmemdup(name, n);
	v->nlen = n;
	sh->nvar++;
	if ((e = env_get(sh, name, n)) != NULL) {
		v->len = strlen(e);
		v->val = xmemdup(e, v->len);
		v->exported = true;
	}
	return v;
}

const char *
sh_var_get(struct sh *sh, const char *name, size_t n, size_t *len)
{
	struct var *v = sh_var_find(sh, name, n, false);
	const char *e;

	if (v != NULL) {
		*len = v->len;
		return v->val;
	}
	e = env_get(sh, name, n);
	*len = e != NULL ? strlen(e) : 0;
	return e;
}

void
sh_var_free(struct var *v)
{
	if (v->val != NULL)
		xwipe(v->val, v->len);
	free(v->val);
	v->val = NULL;
	v->len = 0;
}

bool
sh_var_set(struct sh *sh, const char *name, size_t n, const char *val,
    size_t len, size_t at, bool export)
{
	struct var *v = sh_var_find(sh, name, n, true);

	if (v->readonly || len > sh->budget) {
		sh_stop(sh, at);	/* "A: is read only" ends the script */
		return false;
	}
	sh->budget -= len;
	sh_var_free(v);
	v->val = xmemdup(val, len);
	v->len = len;
	/* set -a gives the export attribute, and it stays. */
	v->exported = v->exported || export || sh->allexport;
	if (v->exported)
		loaded_addn(sh->out, name, n, val, len, sh_orig(sh, at));
	return true;
}

void
sh_var_clear(struct sh *sh)
{
	for (size_t i = 0; i < sh->varcap; i++) {
		sh_var_free(&sh->var[i]);
		free(sh->var[i].name);
	}
	free(sh->var);
	sh->var = NULL;
	sh->nvar = sh->varcap = 0;
}
