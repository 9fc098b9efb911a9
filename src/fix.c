/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Plans the .env repair and proves a repaired file reads right. */
#include <config.h>

#include "fix.h"

#include <stdlib.h>
#include <string.h>

#include "dotenv.h"
#include "shname.h"
#include "xalloc.h"

#define KEY_NAME	"OPENAI_API_KEY"
#define BOM		"\xef\xbb\xbf"

/* True when line a is written exactly as NAME=value with a LF (or no) end
 * of line, so there is nothing to rewrite. */
static bool
already_clean(const struct analysis *an, const struct finding *f)
{
	const struct dotenv_assign *a = f->a;
	const struct dotenv_line *l = &an->doc.lines[a->line];
	size_t n = strlen(KEY_NAME);

	return f->broken == 0 && l->eol != 2 && l->len == n + 1 +
	    a->intended_len && memcmp(an->doc.buf + l->off, KEY_NAME, n) == 0 &&
	    an->doc.buf[l->off + n] == '=' &&
	    memcmp(an->doc.buf + l->off + n + 1, a->intended,
	    a->intended_len) == 0;
}

/* Collects the older definitions of the key, for --remove-duplicates. */
static size_t
older_lines(const struct analysis *an, const struct finding *w, size_t *out)
{
	size_t n = 0;

	for (size_t k = 0; k < an->n; k++)
		if (&an->f[k] != w &&
		    strcmp(an->f[k].a->clean_name, KEY_NAME) == 0)
			out[n++] = an->f[k].a->line;
	return n;
}

/* Replaces p->buf with the result of an edit (which owns the new bytes). */
static void
take(struct fix_plan *p, char *buf, size_t len)
{
	if (p->buf != NULL)
		xwipe(p->buf, p->len);
	free(p->buf);
	p->buf = buf;
	p->len = len;
}

/* Rewrites the lines above the key whose quote never closes (they make
 * python-dotenv, npm dotenv, compose and the shell read the key as part of
 * their value), each as NAME=value.  False, with p->blocker set, when one
 * of them cannot be written back safely. */
static bool
close_quotes_above(const struct analysis *an, const struct finding *w,
    struct fix_plan *p)
{
	struct dotenv d;
	size_t len;
	char *buf;
	bool ok = true;

	dotenv_init(&d);
	for (size_t k = 0; k < an->n && &an->f[k] != w && ok; k++) {
		const struct dotenv_assign *a = an->f[k].a;

		if (!a->unterminated)
			continue;
		p->blocker = a->line;
		ok = shname_valid(a->clean_name) &&
		    dotenv_value_is_plain(a->intended, a->intended_len);
		if (!ok)
			break;
		dotenv_load(&d, p->buf, p->len);
		buf = dotenv_set_line(&d, a->line, a->clean_name, a->intended,
		    a->intended_len, &len);
		take(p, buf, len);
		p->closed++;
	}
	dotenv_clear(&d);
	return ok;
}

/* Deletes the older definitions and a BOM in front of another name. */
static void
tidy(const size_t *drop, size_t ndrop, bool bom_elsewhere,
    struct fix_plan *p)
{
	struct dotenv d;
	size_t len;
	char *buf;

	/* Same line count after each edit, so line indexes still hold. */
	dotenv_init(&d);
	if (ndrop > 0) {
		dotenv_load(&d, p->buf, p->len);
		buf = dotenv_remove_lines(&d, drop, ndrop, &len);
		take(p, buf, len);
		p->removed = ndrop;
	}
	if (bom_elsewhere) {
		dotenv_load(&d, p->buf, p->len);
		buf = dotenv_drop_bom(&d, &len);
		take(p, buf, len);
		p->dropped_bom = true;
	}
	dotenv_clear(&d);
}

enum fix_result
fix_plan(const struct analysis *an, bool dedupe, struct fix_plan *p)
{
	const struct finding *w = analysis_winner(an, KEY_NAME);
	const struct dotenv_assign *a;
	size_t *drop, ndrop = 0;
	bool bom_elsewhere, verified;

	memset(p, 0, sizeof *p);
	if (w == NULL)
		return FIX_NO_KEY;
	a = w->a;
	if (a->sep == 0 || !dotenv_value_is_plain(a->intended, a->intended_len))
		return FIX_UNSAFE;
	bom_elsewhere = a->line != 0 && an->doc.len >= 3 &&
	    memcmp(an->doc.buf, BOM, 3) == 0;
	drop = xmalloc((an->n + 1) * sizeof *drop);
	if (dedupe)
		ndrop = older_lines(an, w, drop);
	if (already_clean(an, w) && ndrop == 0 && !bom_elsewhere) {
		free(drop);
		return FIX_NOTHING;
	}
	p->f = w;
	p->buf = dotenv_set_line(&an->doc, a->line, KEY_NAME, a->intended,
	    a->intended_len, &p->len);
	p->blocker = FIX_NO_LINE;
	verified = fix_verify(p->buf, p->len, a->intended, a->intended_len) ||
	    (close_quotes_above(an, w, p) &&
	    fix_verify(p->buf, p->len, a->intended, a->intended_len));
	/* Deleting lines can change how the remaining quotes pair up, so
	 * what is proven is the final file. */
	if (verified) {
		tidy(drop, ndrop, bom_elsewhere, p);
		verified = fix_verify(p->buf, p->len, a->intended,
		    a->intended_len);
	}
	free(drop);
	if (!verified) {
		size_t blocker = p->blocker;

		fix_plan_clear(p);
		p->blocker = blocker;
		return FIX_BLOCKED;
	}
	return FIX_PLANNED;
}

void
fix_plan_clear(struct fix_plan *p)
{
	take(p, NULL, 0);
	memset(p, 0, sizeof *p);
}

/* True when loader l cannot speak for the line at off: it refused the
 * file, or stopped reading before it, for reasons on other lines. */
static bool
silent_about(const struct loaded *l, size_t off)
{
	return l->refused || (l->truncated && l->truncated_offset < off);
}

bool
fix_verify(const char *buf, size_t len, const char *value, size_t vlen)
{
	struct analysis an;
	const struct finding *w;
	size_t off;
	bool ok = true;

	analysis_run(&an, buf, len, NULL, NULL);
	w = analysis_winner(&an, KEY_NAME);
	if (w == NULL || w->a->intended_len != vlen ||
	    memcmp(w->a->intended, value, vlen) != 0) {
		analysis_clear(&an);
		return false;
	}
	off = an.doc.lines[w->a->line].off;
	for (int i = 0; ok && i < LOADER_COUNT; i++) {
		const struct binding *b = loaded_lookup(&an.loaded[i], KEY_NAME);

		if (silent_about(&an.loaded[i], off))
			continue;
		ok = b != NULL && b->value != NULL && b->value_len == vlen &&
		    memcmp(b->value, value, vlen) == 0;
	}
	analysis_clear(&an);
	return ok;
}
