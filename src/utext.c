/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* UTF-8 bytes to code points with their offsets, the way the text-mode
 * reads of python-dotenv and npm dotenv see a .env file. */
#include <config.h>

#include "utext.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

bool
utext_decode(struct utext *t, const char *buf, size_t len,
    struct utext_bad *bad)
{
	size_t i = 0, k;
	int32_t cp;

	t->s = xcalloc(len + 1, sizeof *t->s);
	t->off = xcalloc(len + 1, sizeof *t->off);
	while (i < len) {
		k = utf8_decode(buf + i, len - i, &cp);
		if (cp == UTF8_INVALID && bad != NULL) {
			bad->at = i;
			bad->len = k;
			t->off[t->n] = i;
			return false;
		}
		if (cp == UTF8_INVALID)
			cp = 0xfffd;
		/* Python's universal newlines and Node's replace(/\r\n?/g) */
		if (cp == '\r') {
			cp = '\n';
			if (i + 1 < len && buf[i + 1] == '\n')
				k = 2;
		}
		t->s[t->n] = cp;
		t->off[t->n++] = i;
		i += k;
	}
	t->off[t->n] = len;
	return true;
}

void
utext_free(struct utext *t)
{
	if (t->s != NULL)
		xwipe(t->s, (t->n + 1) * sizeof *t->s);
	free(t->s);
	free(t->off);
	memset(t, 0, sizeof *t);
}
