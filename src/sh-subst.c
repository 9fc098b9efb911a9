/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Command substitution in the sh loader: $(...) and `...` holding one
 * plain command, of which only echo prints anything here. */
#include <config.h>

#include "sh.h"

#include <string.h>

#include "buf.h"

/* dash's echo: \c ends the output, \0NNN is octal, \n and the
 * like are characters. */
static void
echo_escapes(struct buf *b)
{
	static const char from[] = "abfnrtv\\";
	static const char to[] = "\a\b\f\n\r\t\v\\";
	size_t i = 0, o = 0, d;
	const char *k;

	while (i < b->n) {
		char c = b->p[i++];

		if (c != '\\' || i >= b->n) {
			b->p[o++] = c;
		} else if (b->p[i] == 'c') {
			break;
		} else if (b->p[i] == '0') {
			for (c = 0, d = 1; d <= 3 && i + d < b->n &&
			    b->p[i + d] >= '0' && b->p[i + d] <= '7'; d++)
				c = (char)(c * 8 + b->p[i + d] - '0');
			b->p[o++] = c;
			i += d;
		} else if ((k = memchr(from, b->p[i], 8)) != NULL) {
			b->p[o++] = to[k - from];
			i++;
		} else {
			b->p[o++] = c;
		}
	}
	if (o < b->n)
		b->p[o] = '\0';	/* it shrank: still a string */
	b->n = o;
}

/* The words of s..e when they are one plain command; false otherwise. */
static bool
plain_words(struct sh *sh, size_t s, size_t e, struct span *w, size_t *n,
    size_t max)
{
	bool line2 = false;
	size_t j;

	for (*n = 0; s < e; s = j) {
		j = s + 1;
		if (sh->b[s] == '#')
			while (j < e && sh->b[j] != '\n')
				j++;
		line2 = line2 || (sh->b[s] == '\n' && *n > 0);
		if (sh_is_blank(sh->b[s]) || sh->b[s] == '\n' ||
		    sh->b[s] == '#')
			continue;
		if (line2 || *n == max || strchr(";&|()<>", sh->b[s]) != NULL)
			return false;
		for (j = s; j < e && !sh_is_blank(sh->b[j]) &&
		    sh->b[j] != '\n' && strchr(";&|()<>", sh->b[j]) == NULL;)
			if ((j = sh_scan_construct(sh, j, false)) == NONE)
				return false;
		w[(*n)++] = (struct span){ s, j, 0 };
	}
	return true;
}

/* echo's output for the words w[1..n), trailing newlines dropped. */
static bool
run_echo(struct sh *sh, const struct span *w, size_t n, unsigned fl,
    struct xbuf *xb)
{
	struct xbuf out = { 0 };
	struct fields f = { 0 };
	bool ok = true;

	for (size_t k = 1; ok && k < n; k++) {
		ok = sh_xb_add(sh, &out, "", 0, 0, false, false) &&
		    sh_expand(sh, w[k].s, w[k].e, X_SPLIT, &out);
		if (ok)
			sh_split_fields(&out, w[k].s, &f);
		sh_xb_free(&out);
	}
	for (size_t k = 0; ok && k < f.n; k++)
		if (!(k == 0 && f.v[k].n == 2 && memcmp(f.v[k].p, "-n", 2) ==
		    0))
			ok = sh_xb_add(sh, &out, f.v[k].p, f.v[k].n, 0, false,
			    false) && sh_xb_add(sh, &out, " ", k + 1 < f.n, 0,
			    false, false);
	echo_escapes(&out.b);
	/* The substitution drops the trailing newlines. */
	while (out.b.n > 0 && out.b.p[out.b.n - 1] == '\n')
		out.b.p[--out.b.n] = '\0';
	ok = ok && sh_xb_add(sh, xb, out.b.p != NULL ? out.b.p : "", out.b.n,
	    fl, (fl & X_DQ) != 0, true);
	sh_xb_free(&out);
	sh_fields_free(&f);
	return ok;
}

/* $(...) and `...`: PATH is empty, so a command is not found and gives
 * no output.  Only builtins run; echo is emulated, as it is how a key
 * gets printed into a .env (`echo sk-...`). */
bool
sh_command_subst(struct sh *sh, size_t s, size_t e, bool bq, unsigned fl,
    struct xbuf *xb)
{
	struct span w[64];
	size_t n = 0;

	sh->subst_status = 0;
	if (!plain_words(sh, s, e, w, &n, 64) || (bq && memchr(sh->b + s,
	    '\\', e - s) != NULL)) {
		sh->subst_status = 127;
		return true;
	}
	if (n == 0 || w[0].e - w[0].s != 4 || memcmp(sh->b + w[0].s, "echo",
	    4) != 0) {
		sh->subst_status = n > 0 ? 127 : 0;
		return true;
	}
	return run_echo(sh, w, n, fl, xb);
}
