/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The loader table and the struct loaded helpers every loader shares. */
#include <config.h>

#include "loader.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const struct loader *const loaders[LOADER_COUNT] = {
	[LOADER_PYTHON] = &loader_python,
	[LOADER_NODE] = &loader_node,
	[LOADER_DOCKER] = &loader_docker,
	[LOADER_COMPOSE] = &loader_compose,
	[LOADER_SH] = &loader_sh,
};

const struct loader *
loader_get(enum loader_id id)
{
	return loaders[id];
}

const struct loader *
loader_find(const char *name)
{
	for (int i = 0; i < LOADER_COUNT; i++)
		if (strcmp(loaders[i]->name, name) == 0)
			return loaders[i];
	return NULL;
}

void
loaded_init(struct loaded *l)
{
	memset(l, 0, sizeof *l);
}

void
loaded_clear(struct loaded *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].name);
		if (l->v[i].value != NULL)
			xwipe(l->v[i].value, l->v[i].value_len);
		free(l->v[i].value);
	}
	free(l->v);
	free(l->error);
	free(l->dropped);
	loaded_init(l);
}

void
loaded_addn(struct loaded *l, const char *name, size_t name_len,
    const char *value, size_t value_len, size_t offset)
{
	struct binding *b;

	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	b = &l->v[l->n++];
	b->name = xmemdup(name, name_len);
	b->value = value != NULL ? xmemdup(value, value_len) : NULL;
	b->value_len = value != NULL ? value_len : 0;
	b->offset = offset;
}

void
loaded_add(struct loaded *l, const char *name, const char *value,
    size_t value_len, size_t offset)
{
	loaded_addn(l, name, strlen(name), value, value_len, offset);
}

void
loaded_drop(struct loaded *l, size_t offset)
{
	l->dropped = xgrow(l->dropped, &l->dropped_cap, l->ndropped + 1,
	    sizeof *l->dropped);
	l->dropped[l->ndropped++] = offset;
}

void
loaded_refuse(struct loaded *l, size_t offset, const char *msg)
{
	if (l->refused)
		return;		/* the first error is the one reported */
	l->refused = true;
	l->error = xstrdup(msg);
	l->error_offset = offset;
}

const struct binding *
loaded_lookup(const struct loaded *l, const char *name)
{
	for (size_t i = l->n; i-- > 0;)
		if (strcmp(l->v[i].name, name) == 0)
			return &l->v[i];
	return NULL;
}
