/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* compose-go template/template.go as docker compose applies it to env_file
 * values: $NAME, ${NAME}, ${NAME:-default} and its siblings, and $$. */
#ifndef FIX401_COMPOSE_TEMPLATE_H
#define FIX401_COMPOSE_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* Returns the value of the variable name[0..n) and its length in *len, or
 * NULL when it is unset.  The value is borrowed until the next call. */
typedef const char *(*compose_lookup_fn)(const char *name, size_t n,
		    size_t *len, void *arg);

/* What expansion reads, and what it may still write.  Caller-owned; one
 * per file, since the budget spans all of its values. */
struct compose_template {
	compose_lookup_fn	 lookup;
	void			*arg;		/* passed to lookup */
	size_t			 budget;	/* bytes expansion may still
						   make: a file that doubles a
						   value line after line would
						   otherwise exhaust memory */
};

/* template.Substitute: appends s[0..n) (not NUL-terminated), expanded, to
 * o.  False on an error, with compose-go's words in *cause for the caller
 * to free; o then holds part of the result. */
bool	compose_template_substitute(struct compose_template *t, const char *s,
	    size_t n, struct buf *o, char **cause);

#endif
