/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* An open-addressing hash from a binding's name to its index in a struct
 * loaded, for the loaders that expand variables bound earlier in a file. */
#include <config.h>

#include "nametab.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "xalloc.h"

static size_t
hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037u;	/* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return (size_t)h;
}

/* The slot holding name, or the empty slot where it would go.  Names are
 * compared by length first: python-dotenv names may hold a NUL. */
static size_t *
find_slot(const struct nametab *t, const struct loaded *l, const char *name,
    size_t len)
{
	size_t i = hash(name, len) & (t->cap - 1), b;

	while (t->slot[i] != 0) {
		b = t->slot[i] - 1;
		if (t->len[b] == len && memcmp(l->v[b].name, name, len) == 0)
			break;
		i = (i + 1) & (t->cap - 1);
	}
	return &t->slot[i];
}

static void
rehash(struct nametab *t, const struct loaded *l)
{
	size_t *old = t->slot, oldcap = t->cap, b;

	t->cap = oldcap != 0 ? oldcap * 2 : 64;
	t->slot = xcalloc(t->cap, sizeof *t->slot);
	for (size_t i = 0; i < oldcap; i++) {
		if (old[i] == 0)
			continue;
		b = old[i] - 1;
		*find_slot(t, l, l->v[b].name, t->len[b]) = old[i];
	}
	free(old);
}

void
nametab_add(struct nametab *t, const struct loaded *l, size_t len)
{
	/* every binding has its length here, or a probe would misread one */
	assert(l->n == t->n + 1);
	t->len = xgrow(t->len, &t->len_cap, l->n, sizeof *t->len);
	t->len[t->n++] = len;
	/* growing at half the bindings keeps the table half empty */
	if (2 * l->n > t->cap)
		rehash(t, l);
	*find_slot(t, l, l->v[l->n - 1].name, len) = l->n;
}

const struct binding *
nametab_get(const struct nametab *t, const struct loaded *l,
    const char *name, size_t len)
{
	size_t *slot;

	if (t->cap == 0)
		return NULL;
	slot = find_slot(t, l, name, len);
	return *slot != 0 ? &l->v[*slot - 1] : NULL;
}

void
nametab_free(struct nametab *t)
{
	free(t->slot);
	free(t->len);
	memset(t, 0, sizeof *t);
}
