/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* f on a check step: the one change that fixes it (the key's .env line
 * repaired, a stale startup-file export commented out, the .env listed in
 * .gitignore or made private), or, when fix401 cannot make it, what to do
 * instead.  Plans only: wizard-apply.c writes. */
#include <config.h>

#include "wizard.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fix.h"
#include "i18n.h"
#include "key.h"
#include "safefile.h"
#include "sanitize.h"
#include "wizard-change.h"
#include "xalloc.h"

#define KEY_NAME	"OPENAI_API_KEY"

static char *
changed_text(const char *shown)
{
	return xasprintf(_("%s changed since fix401 read it. Press r to read "
	    "it again."), shown);
}

/* ---- dotenv-clean: the key's line ---- */

/* True when c's file still holds the bytes the diagnosis read. */
static bool
unchanged(const struct change *c, const struct diagnosis *d)
{
	return c->from->exists && c->from->len == d->file.len &&
	    memcmp(c->from->buf, d->file.buf, d->file.len) == 0;
}

/* Plans the repair of the key's line in the .env in use, as --fix does;
 * dedupe (or a line that is clean but has duplicates) also deletes the
 * older definitions. */
static int
plan_line(const struct wizard *w, bool dedupe, struct change *c, char **why)
{
	const struct diagnosis *d = w->d;
	const struct finding *f = NULL;
	struct fix_plan p;
	enum fix_result r;

	if (!d->have_an) {
		*why = xstrdup(_("There is no .env file to repair. Press e to "
		    "paste your key, and fix401 creates one."));
		return -1;
	}
	if (change_read(c, d->dotenv_path, why) < 0)
		return -1;
	if (!unchanged(c, d)) {
		*why = changed_text(c->path);
		return -1;
	}
	f = analysis_winner(&d->an, KEY_NAME);
	r = fix_plan(&d->an, dedupe, &p);
	if (r == FIX_NOTHING && f != NULL &&
	    (f->defects & (1UL << DEFECT_DUPLICATE)) != 0)
		r = fix_plan(&d->an, true, &p);
	if (r != FIX_PLANNED) {
		*why = fix_no_plan_text(r, &p, &d->an, c->path);
		fix_plan_clear(&p);
		return -1;
	}
	c->kind = CHANGE_DOTENV_LINE;
	c->line = f->a->line + 1;
	c->before = change_line_text(&d->an, f->a, w->o->ascii);
	c->after = change_key_text(f->a->intended, f->a->intended_len,
	    w->o->ascii);
	c->more = change_join(fix_plan_notes(&p));
	change_take_buf(c, p.buf, p.len);
	change_set_value(c, f->a->intended, f->a->intended_len);
	return 0;
}

/* ---- key-shadowed: the copy that wins, or differs ---- */

/* The copy behind key-shadowed's verdict, as the check finds it: when
 * the winner hides the project file's key, where the winner comes from
 * (its startup-file export, else the winner itself); else the first
 * counted copy that differs from the winner.  NULL when none. */
static const struct candidate *
shadow_copy(const struct diagnosis *d)
{
	const struct sources *s = &d->src;
	const struct candidate *w = check_winner(&d->ctx), *f, *o;

	if (w == NULL || w->dynamic)
		return NULL;
	f = check_file_key(s);
	if (f != NULL && !check_from_file(w) && !check_same_value(w, f)) {
		o = w->source == SOURCE_ENV ? check_key_origin(s, w) : NULL;
		return o != NULL ? o : w;
	}
	for (size_t i = 0; i < s->n; i++)
		if (check_key_counts(&s->c[i]) &&
		    !check_same_value(&s->c[i], w))
			return &s->c[i];
	return NULL;
}

/* The 1-based line of buf[0..len): its start and length (no LF). */
static bool
line_at(const char *buf, size_t len, size_t line, size_t *off, size_t *n)
{
	const char *nl;
	size_t at = 0;

	for (size_t k = 1; k < line; k++) {
		if ((nl = memchr(buf + at, '\n', len - at)) == NULL)
			return false;
		at = (size_t)(nl - buf) + 1;
	}
	nl = memchr(buf + at, '\n', len - at);
	*off = at;
	*n = nl != NULL ? (size_t)(nl - buf) - at : len - at;
	return true;
}

/* Startup-file line `line` of buf as a diff shows it: up to the name and
 * its separator as written, then the value masked (caller frees). */
static char *
rc_line_text(const char *buf, size_t len, size_t line, const char *v,
    size_t vlen, bool ascii)
{
	size_t off = 0, n = 0, head, klen = strlen(KEY_NAME);
	bool cr = vlen > 0 && v[vlen - 1] == '\r';
	const char *t, *name;
	char *m = key_mask(v, vlen - cr, ascii), *h, *s, q;

	line_at(buf, len, line, &off, &n);
	t = buf + off;
	name = memmem(t, n, KEY_NAME, klen);
	head = name != NULL ? (size_t)(name - t) + klen : 0;
	while (head < n && strchr("= \t:\"'", t[head]) != NULL)
		head++;
	q = head > 0 && strchr("\"'", t[head - 1]) != NULL ? t[head - 1] : 0;
	h = sanitize_text(t, head, NULL);
	sanitize_keys(h);
	s = xasprintf("%s%s%s%.*s%s", h, name != NULL ? "" : KEY_NAME "=",
	    m != NULL ? m : "***", q != 0, &q,
	    n > 0 && t[n - 1] == '\r' ? "<CR>" : "");
	free(h);
	free(m);
	return s;
}

/* Plans commenting out the startup-file export s. */
static int
plan_comment(const struct wizard *w, const struct candidate *s, struct change *c,
    char **why)
{
	struct fix_plan p;
	enum fix_result r;
	char *dir;
	bool can;

	if (change_read(c, s->path, why) < 0)
		return -1;
	if (!c->from->exists) {
		*why = changed_text(c->path);
		return -1;
	}
	dir = safefile_dirname(c->target);
	can = access(c->target, W_OK) == 0 && access(dir, W_OK) == 0;
	free(dir);
	if (!can) {
		*why = xasprintf(_("fix401 cannot write %s (it belongs to "
		    "another user, or needs root). Delete or comment out line "
		    "%zu there yourself, then run unset OPENAI_API_KEY in your "
		    "open shells."), c->path, s->line);
		return -1;
	}
	r = fix_plan_comment(s->path, c->from->buf, c->from->len, s->line,
	    s->value, s->value_len, &p);
	if (r == FIX_NO_KEY) {
		*why = changed_text(c->path);
		return -1;
	}
	if (r != FIX_PLANNED) {
		*why = xasprintf(_("Line %zu of %s is not a lone export fix401 "
		    "can comment out safely (it shares its line with other "
		    "commands, sits inside a block, or spans lines). Delete or "
		    "update it yourself, then run unset OPENAI_API_KEY in your "
		    "open shells."), s->line, c->path);
		return -1;
	}
	c->kind = CHANGE_RC_COMMENT;
	c->line = s->line;
	c->before = rc_line_text(c->from->buf, c->from->len, s->line,
	    s->value, s->value_len, w->o->ascii);
	c->after = xasprintf("# %s", c->before);
	change_take_buf(c, p.buf, p.len);
	change_set_value(c, s->value, s->value_len);
	return 0;
}

/* What to do about a copy fix401 cannot change (caller frees). */
static char *
shadow_advice(const struct wizard *w, const struct candidate *s,
    const struct check_result *r)
{
	for (size_t i = 0; s->source == SOURCE_ENV && i < w->d->hints.n; i++)
		if (w->d->hints.v[i].id == HINT_JUPYTER)
			return xstrdup(_("A Jupyter kernel keeps the "
			    "environment it was started with, and fix401 "
			    "cannot change it: restart the kernel once the old "
			    "key is gone from where it was set."));
	if (s->source == SOURCE_ENV)
		return xstrdup(_("The old key is set in the shell that "
		    "started fix401, and no startup file fix401 found sets "
		    "it. fix401 cannot change a running shell: run unset "
		    "OPENAI_API_KEY in the shell that starts your program, "
		    "then start the program again."));
	if (s->source == SOURCE_PID)
		/* TRANSLATORS: %ld is the process id given with --pid. */
		return xasprintf(_("Process %ld keeps the environment it was "
		    "started with, and fix401 cannot change it: restart the "
		    "service with the right key, set where the service is "
		    "configured (its unit file, compose file or start "
		    "script)."), w->o->pid);
	if (r->fix != NULL)
		return xasprintf(_("fix401 cannot make this change itself. To "
		    "fix it: %s"), r->fix);
	return xstrdup(_("Nothing to fix here."));
}

static int
plan_shadowed(const struct wizard *w, const struct check_result *r,
    struct change *c, char **why)
{
	const struct candidate *s = shadow_copy(w->d);
	const char *dp = w->d->dotenv_path;

	if (s == NULL) {
		*why = xstrdup(_("Nothing to fix here."));
		return -1;
	}
	if (s->source == SOURCE_RCFILE)
		return plan_comment(w, s, c, why);
	/* an older definition in the same .env */
	if (check_from_file(s) && s->path != NULL && dp != NULL &&
	    strcmp(s->path, dp) == 0)
		return plan_line(w, true, c, why);
	*why = shadow_advice(w, s, r);
	return -1;
}

/* ---- dotenv-safety: .gitignore, mode ---- */

static bool
exists(const char *dir, const char *name)
{
	char *p = safefile_join(dir, name);
	struct stat st;
	bool ok = lstat(p, &st) == 0;

	free(p);
	return ok;
}

/* The .gitignore to list env (an absolute path) in: the nearest one from
 * its folder up to the repository's top, else a new one at the top (or
 * beside env when no top is found).  *rel gets the offset in env of its
 * path relative to that .gitignore's folder.  Caller frees. */
static char *
ignore_file(const char *env, size_t *rel)
{
	char *dir = safefile_dirname(env), *up;
	bool top = false;

	while (!exists(dir, ".gitignore")) {
		top = exists(dir, ".git");
		if (top || strcmp(dir, "/") == 0)
			break;
		up = safefile_dirname(dir);
		free(dir);
		dir = up;
	}
	if (!exists(dir, ".gitignore") && !top) {
		free(dir);
		dir = safefile_dirname(env);
	}
	*rel = strcmp(dir, "/") == 0 ? 1 : strlen(dir) + 1;
	up = safefile_join(dir, ".gitignore");
	free(dir);
	return up;
}

static int
plan_ignore(const struct wizard *w, struct change *c, char **why)
{
	char *env = envfile_absolute(w->d->dotenv_path), *gi, *pat;
	struct fix_plan p;
	size_t rel;

	if (env == NULL) {
		*why = xstrdup(_("fix401 cannot tell the current folder."));
		return -1;
	}
	gi = ignore_file(env, &rel);
	pat = fix_ignore_pattern(env + rel);
	free(env);
	if (pat == NULL || change_read(c, gi, why) < 0) {
		if (pat == NULL)
			*why = xstrdup(_("The .env file's name holds a line "
			    "break, so no .gitignore line can name it."));
		free(gi);
		free(pat);
		return -1;
	}
	free(gi);
	fix_plan_append(c->from->buf, c->from->len, pat, &p);
	c->kind = CHANGE_GITIGNORE;
	c->line = p.line + 1;
	c->after = change_shown(pat);
	c->creates = !c->from->exists;
	c->mode = 0644;
	change_take_buf(c, p.buf, p.len);
	free(pat);
	return 0;
}

static int
plan_mode(const struct wizard *w, struct change *c, char **why)
{
	unsigned old;

	if (change_read(c, w->d->dotenv_path, why) < 0)
		return -1;
	if (!c->from->exists) {
		*why = changed_text(c->path);
		return -1;
	}
	old = c->from->st.st_mode & 07777;
	c->kind = CHANGE_CHMOD;
	c->mode = 0600;
	/* TRANSLATORS: the file's mode now and then, such as 0644. */
	c->after = xasprintf(_("mode %04o -> %04o"), old, 0600U);
	return 0;
}

/* git rm --cached, which fix401 leaves to the user (caller frees). */
static char *
untrack_text(const char *path)
{
	char *dir = safefile_dirname(path), *qd = check_quote(dir),
	    *qn = check_quote(safefile_basename(path)), *s;

	s = xasprintf(_("Git tracks %s, so the key is in the repository's "
	    "history. fix401 runs no git command that changes your "
	    "repository; run this yourself: cd %s && git rm --cached -- %s. "
	    "If the repository was ever pushed, treat the key as leaked: make "
	    "a new key and delete the old one."), path, qd, qn);
	free(dir);
	free(qd);
	free(qn);
	return sanitize_take(s);
}

/* One change at a time, .gitignore first; the UI asks again after the
 * rerun. */
static int
plan_safety(const struct wizard *w, struct change *c, char **why)
{
	const struct dotenv_facts *f = &w->d->facts;

	if (w->d->dotenv_path == NULL || !f->exists)
		*why = xstrdup(_("There is no .env file to protect."));
	else if (f->in_repo && !f->ignored)
		return plan_ignore(w, c, why);
	else if ((f->mode & 077) != 0)
		return plan_mode(w, c, why);
	else if (f->in_repo && f->tracked)
		*why = untrack_text(w->d->dotenv_path);
	else
		*why = xstrdup(_("Nothing to fix here."));
	return -1;
}

/* ---- the others ---- */

/* The checks a pasted key fixes. */
static bool
wants_key(const char *id)
{
	return strcmp(id, "key-found") == 0 || strcmp(id, "key-format") == 0 ||
	    strcmp(id, "key-provider") == 0 ||
	    strcmp(id, "key-accepted") == 0;
}

static char *
paste_advice(const struct wizard *w, const struct check_result *r,
    const char *id)
{
	char *path = change_key_path(w), *shown = change_shown(path), *s;

	if (strcmp(id, "key-provider") == 0 && r->fix != NULL)
		/* TRANSLATORS: the check's fix, then the .env path. */
		s = xasprintf(_("To fix it: %s. Or press e to paste a key for "
		    "this endpoint; fix401 writes it into %s."), r->fix, shown);
	else
		s = xasprintf(_("fix401 cannot guess the right key. Press e to "
		    "paste it; fix401 writes it into %s."), shown);
	free(path);
	free(shown);
	return s;
}

int
wizard_plan_fix(const struct wizard *w, size_t i, struct change *c, char **why)
{
	const struct check *k = wizard_check(w, i);
	const struct check_result *r;
	bool waiting = false;
	int rc = -1;

	memset(c, 0, sizeof *c);
	*why = NULL;
	r = k != NULL && w->d != NULL ? wizard_result(w, i, &waiting) : NULL;
	if (r == NULL)
		*why = xstrdup(_("There is nothing to fix on this screen."));
	else if (waiting)
		*why = xstrdup(_("This check is still waiting for its "
		    "answer."));
	else if (strcmp(k->id, "dotenv-safety") == 0)
		rc = plan_safety(w, c, why);
	else if (r->status == CHECK_PASS)
		*why = xstrdup(_("Nothing to fix here."));
	else if (strcmp(k->id, "dotenv-clean") == 0)
		rc = plan_line(w, false, c, why);
	else if (strcmp(k->id, "key-shadowed") == 0)
		rc = plan_shadowed(w, r, c, why);
	else if (wants_key(k->id) && r->status != CHECK_SKIP)
		*why = paste_advice(w, r, k->id);
	else if (r->fix != NULL)
		*why = xasprintf(_("fix401 cannot make this change itself. To "
		    "fix it: %s"), r->fix);
	else
		*why = xstrdup(_("Nothing to fix here."));
	if (rc < 0)
		change_clear(c);
	return rc;
}
