/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Which binding of a struct loaded a name refers to now (the latest one),
 * found in constant time so that ${NAME} look-ups keep the interpolating
 * loaders linear on big files. */
#ifndef FIX401_NAMETAB_H
#define FIX401_NAMETAB_H

#include <stddef.h>

struct binding;
struct loaded;

/* Zero it ({ 0 }) to start empty.  Owns slot and len; the names stay in
 * the struct loaded it indexes, which must outlive every call. */
struct nametab {
	size_t	*slot;		/* binding index + 1; 0: empty */
	size_t	 cap;		/* slots, a power of two; 0 before any add */
	size_t	*len;		/* name length of each binding (may hold NUL) */
	size_t	 n;		/* bindings indexed */
	size_t	 len_cap;
};

/* Makes the binding just appended to l, whose name is len bytes, the one
 * its name refers to.  Call it after every append to l, in order. */
void	 nametab_add(struct nametab *t, const struct loaded *l, size_t len);
/* The latest binding of l named name[0..len), or NULL; borrowed from l. */
const struct binding	*nametab_get(const struct nametab *t,
			    const struct loaded *l, const char *name,
			    size_t len);
/* Frees the table (never l); t is empty again.  A zeroed t is fine. */
void	 nametab_free(struct nametab *t);

#endif
