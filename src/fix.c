/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Plans the .env repair, a new key, a commented-out export and a
 * .gitignore line, and proves a repaired file reads right. */
#include <config.h>

#include "fix.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dotenv.h"
#include "i18n.h"
#include "rcfile.h"
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

/* Drops a plan that failed its proof, keeping the blocking line. */
static enum fix_result
blocked(struct fix_plan *p)
{
	size_t blocker = p->blocker;

	fix_plan_clear(p);
	p->blocker = blocker;
	return FIX_BLOCKED;
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
	p->line = a->line;
	for (size_t k = 0; k < ndrop; k++)
		p->line -= drop[k] < a->line;
	free(drop);
	return verified ? FIX_PLANNED : blocked(p);
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

char *
fix_no_plan_text(enum fix_result r, const struct fix_plan *p,
    const struct analysis *an, const char *path)
{
	const struct finding *w = analysis_winner(an, KEY_NAME);

	if (w == NULL || r == FIX_NO_KEY)
		return xasprintf(_("%s has no OPENAI_API_KEY line to repair."),
		    path);
	switch (r) {
	case FIX_NOTHING:
		return xasprintf(_("Nothing to repair: line %zu of %s already "
		    "reads the same in every loader."), w->a->line + 1, path);
	case FIX_BLOCKED:
		if (p->blocker == FIX_NO_LINE)
			return xasprintf(_("Even repaired, line %zu of %s "
			    "would not read the same in every loader because "
			    "of other lines (see fix401 --check); fix401 "
			    "writes only what it can prove. Edit the file by "
			    "hand."), w->a->line + 1, path);
		/* TRANSLATORS: two line numbers, then the file. */
		return xasprintf(_("Line %zu of %s opens a quote that never "
		    "closes, so some loaders read line %zu as part of that "
		    "value; fix401 cannot rewrite line %zu safely. Close or "
		    "remove that quote by hand."), p->blocker + 1, path,
		    w->a->line + 1, p->blocker + 1);
	default:
		return xasprintf(_("Line %zu of %s holds no usable key (empty, "
		    "or spaces, $ or quotes inside it); fix401 will not guess. "
		    "Paste the key again."), w->a->line + 1, path);
	}
}

char **
fix_plan_notes(const struct fix_plan *p)
{
	char **v = xcalloc(4, sizeof *v);
	size_t n = 0;

	if (p->removed > 0)
		v[n++] = xasprintf(ngettext("and delete %zu older definition "
		    "of OPENAI_API_KEY", "and delete %zu older definitions of "
		    "OPENAI_API_KEY", p->removed), p->removed);
	if (p->closed > 0)
		v[n++] = xasprintf(ngettext("and rewrite %zu line above it "
		    "whose quote never closes as NAME=value", "and rewrite %zu "
		    "lines above it whose quotes never close as NAME=value",
		    p->closed), p->closed);
	if (p->dropped_bom)
		v[n++] = xstrdup(_("and remove the byte order mark at the "
		    "start of the file"));
	return v;
}

/* ---- a new key ---- */

enum fix_result
fix_plan_value(const struct analysis *an, const char *value, size_t vlen,
    struct fix_plan *p)
{
	const struct finding *w = analysis_winner(an, KEY_NAME);
	const struct dotenv_line *last = &an->doc.lines[an->doc.nlines - 1];

	memset(p, 0, sizeof *p);
	p->blocker = FIX_NO_LINE;
	if (!dotenv_value_is_plain(value, vlen))
		return FIX_UNSAFE;
	if (w != NULL && already_clean(an, w) && w->a->intended_len == vlen &&
	    memcmp(w->a->intended, value, vlen) == 0)
		return FIX_NOTHING;
	p->f = w;
	if (w != NULL) {
		p->line = w->a->line;
		p->buf = dotenv_set_line(&an->doc, w->a->line, KEY_NAME, value,
		    vlen, &p->len);
	} else {
		/* the empty last "line" after a final newline is where the
		 * new one goes */
		p->line = an->doc.nlines - (last->len == 0 ? 1 : 0);
		p->appended = true;
		p->buf = dotenv_append(&an->doc, KEY_NAME, value, vlen,
		    &p->len);
	}
	if (fix_verify(p->buf, p->len, value, vlen) ||
	    (close_quotes_above(an, w, p) &&
	    fix_verify(p->buf, p->len, value, vlen)))
		return FIX_PLANNED;
	return blocked(p);
}

/* ---- a startup file's export commented out ---- */

/* The entry of l that sets OPENAI_API_KEY to value on line, or NULL. */
static const struct rcfile_entry *
rc_entry(const struct rcfile_list *l, size_t line, const char *value,
    size_t vlen)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct rcfile_entry *e = &l->v[i];
		size_t n = e->value != NULL ? strlen(e->value) : 0;

		if (e->kind != RCFILE_SET || e->line != line ||
		    strcmp(e->name, KEY_NAME) != 0 || e->value == NULL)
			continue;
		/* the shell keeps the CR of a CR LF line in the value */
		if (n + e->cr == vlen && memcmp(e->value, value, n) == 0 &&
		    (!e->cr || value[n] == '\r'))
			return e;
	}
	return NULL;
}

static bool
same_entry(const struct rcfile_entry *a, const struct rcfile_entry *b)
{
	return a->kind == b->kind && a->form == b->form && a->line == b->line &&
	    strcmp(a->name, b->name) == 0 && (a->value == NULL ?
	    b->value == NULL : b->value != NULL &&
	    strcmp(a->value, b->value) == 0) && a->exported == b->exported &&
	    a->conditional == b->conditional && a->dynamic == b->dynamic &&
	    a->cr == b->cr;
}

/* True when after reads like before except on line, where only comments
 * are left. */
static bool
same_elsewhere(const struct rcfile_list *before,
    const struct rcfile_list *after, size_t line)
{
	size_t i = 0, k = 0;

	for (;;) {
		while (i < before->n && before->v[i].line == line)
			i++;
		while (k < after->n && after->v[k].line == line) {
			if (after->v[k].kind != RCFILE_COMMENTED)
				return false;
			k++;
		}
		if (i == before->n || k == after->n)
			return i == before->n && k == after->n;
		if (!same_entry(&before->v[i++], &after->v[k++]))
			return false;
	}
}

/* Finds the 1-based line in buf: its first byte and length (no LF). */
static bool
find_line(const char *buf, size_t len, size_t line, size_t *off,
    size_t *n)
{
	const char *nl;
	size_t at = 0;

	for (size_t k = 1; k < line; k++) {
		nl = memchr(buf + at, '\n', len - at);
		if (nl == NULL)
			return false;
		at = (size_t)(nl - buf) + 1;
	}
	nl = memchr(buf + at, '\n', len - at);
	*off = at;
	*n = nl != NULL ? (size_t)(nl - buf) - at : len - at;
	return true;
}

/* True when the line text t[0..n) is one command on one line: no ; & |
 * (another command with it) and no backslash continuing it. */
static bool
alone(const char *t, size_t n)
{
	if (n > 0 && t[n - 1] == '\r')
		n--;
	for (size_t i = 0; i < n; i++)
		if (strchr(";&|`", t[i]) != NULL)
			return false;
	return n == 0 || t[n - 1] != '\\';
}

enum fix_result
fix_plan_comment(const char *path, const char *buf, size_t len,
    size_t line, const char *value, size_t vlen, struct fix_plan *p)
{
	struct rcfile_list before, after;
	const struct rcfile_entry *e;
	enum fix_result r = FIX_UNSAFE;
	struct buf o = { 0 };
	size_t off, n, count = 0;

	memset(p, 0, sizeof *p);
	p->blocker = FIX_NO_LINE;
	rcfile_list_init(&before);
	rcfile_list_init(&after);
	rcfile_scan(path, buf, len, &before);
	e = rc_entry(&before, line, value, vlen);
	for (size_t i = 0; i < before.n; i++)
		count += before.v[i].line == line;
	if (e == NULL || !find_line(buf, len, line, &off, &n))
		r = FIX_NO_KEY;
	else if (count == 1 && !e->conditional && !e->dynamic &&
	    strchr(e->value, '\n') == NULL && alone(buf + off, n)) {
		/* sized once: no realloc leaves a copy of the key behind */
		o.p = xgrow(NULL, &o.cap, len + 3, 1);
		buf_add(&o, buf, off);
		buf_add(&o, "# ", 2);
		buf_add(&o, buf + off, len - off);
		p->buf = buf_take(&o, &p->len);
		p->line = line - 1;
		rcfile_scan(path, p->buf, p->len, &after);
		r = same_elsewhere(&before, &after, line) ? FIX_PLANNED :
		    FIX_UNSAFE;
	}
	rcfile_list_clear(&before);
	rcfile_list_clear(&after);
	if (r != FIX_PLANNED)
		fix_plan_clear(p);
	return r;
}

/* ---- a .gitignore line ---- */

char *
fix_ignore_pattern(const char *rel)
{
	struct buf b = { 0 };
	size_t len, n = strlen(rel);

	if (strpbrk(rel, "\r\n") != NULL)
		return NULL;
	buf_addc(&b, '/');
	for (size_t i = 0; i < n; i++) {
		/* a trailing blank is dropped by git unless escaped */
		if (strchr("*?[\\", rel[i]) != NULL ||
		    (i == n - 1 && (rel[i] == ' ' || rel[i] == '\t')))
			buf_addc(&b, '\\');
		buf_addc(&b, rel[i]);
	}
	return buf_take(&b, &len);
}

void
fix_plan_append(const char *buf, size_t len, const char *pattern,
    struct fix_plan *p)
{
	struct buf o = { 0 };
	size_t lines = 0;

	memset(p, 0, sizeof *p);
	p->blocker = FIX_NO_LINE;
	buf_add(&o, buf, len);
	for (size_t i = 0; i < len; i++)
		lines += buf[i] == '\n';
	if (len > 0 && buf[len - 1] != '\n') {
		buf_addc(&o, '\n');
		lines++;
	}
	buf_add(&o, pattern, strlen(pattern));
	buf_addc(&o, '\n');
	p->buf = buf_take(&o, &p->len);
	p->line = lines;
	p->appended = true;
}
