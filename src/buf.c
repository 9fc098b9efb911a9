/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The growable byte string every parser and editor builds values in. */
#include <config.h>

#include "buf.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

void
buf_add(struct buf *b, const char *s, size_t n)
{
	b->p = xgrow(b->p, &b->cap, b->n + n + 1, 1);
	if (n > 0)
		memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_addcp(struct buf *b, int32_t cp)
{
	char u[4];

	buf_add(b, u, utf8_encode(cp, u));
}

void
buf_reset(struct buf *b)
{
	if (b->p != NULL)
		xwipe(b->p, b->n);
	b->n = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

char *
buf_take(struct buf *b, size_t *len)
{
	char *p;

	buf_add(b, NULL, 0);	/* an empty buf still gives a string */
	p = b->p;
	*len = b->n;
	memset(b, 0, sizeof *b);
	return p;
}

void
buf_free(struct buf *b)
{
	if (b->p != NULL)
		xwipe(b->p, b->cap);
	free(b->p);
	memset(b, 0, sizeof *b);
}
