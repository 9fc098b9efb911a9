/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Finds where shell startup files set the names fix401 cares about: the
 * public API, and the entries a scan appends.  The sh and fish text goes
 * through rcfile-lex.c, rcfile-cmd.c and rcfile-builtin.c; rcfile-pam.c
 * reads /etc/environment. */
#include <config.h>

#include "rcfile.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "defect.h"
#include "rcfile-scan.h"
#include "xalloc.h"

static const char *const form_names[RCFILE_FORM_COUNT] = {
	"export", "assign", "declare", "fish-set", "setenv", "environment",
	"unset"
};

/* ---- entries ---- */

/* True when refs names a variable other than name. */
static bool
refs_other(const struct buf *refs, const char *name)
{
	size_t nl = strlen(name);
	const char *p, *end;

	if (refs->n == 0)
		return false;
	for (p = refs->p, end = p + refs->n; p < end;) {
		const char *e = memchr(p, '\n', (size_t)(end - p));

		if ((size_t)(e - p) != nl || memcmp(p, name, nl) != 0)
			return true;
		p = e + 1;
	}
	return false;
}

/* Appends an entry for a relevant name (NULL otherwise).  In a comment
 * only assignments count, as RCFILE_COMMENTED. */
struct rcfile_entry *
rcfile_entry_add(struct scan *s, enum rcfile_kind kind, enum rcfile_form form,
    const char *name, unsigned line)
{
	struct rcfile_list *l = s->out;
	struct rcfile_entry *e;

	if (!defect_relevant_name(name))
		return NULL;
	if (s->commented && kind != RCFILE_SET)
		return NULL;
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	e = &l->v[l->n++];
	memset(e, 0, sizeof *e);
	e->kind = s->commented ? RCFILE_COMMENTED : kind;
	e->form = form;
	e->path = xstrdup(s->path);
	e->name = xstrdup(name);
	e->line = line;
	e->conditional = s->cond;
	return e;
}

/* Sets e's value from t[0..n) (a fish list is joined by spaces), leaving
 * out skip bytes of the first token's text, or rawskip of its source. */
void
rcfile_entry_value(struct rcfile_entry *e, const struct tok *t, size_t n,
    size_t skip, size_t rawskip, bool dyn)
{
	struct buf b = { 0 };
	size_t len;

	for (size_t i = 0; i < n; i++)
		dyn = dyn || t[i].subst || refs_other(&t[i].refs, e->name);
	if (dyn && n > 0)
		buf_add(&b, t[0].raw + rawskip, (size_t)(t[n - 1].raw +
		    t[n - 1].rawlen - t[0].raw) - rawskip);
	for (size_t i = 0; !dyn && i < n; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_add(&b, rcfile_tok_str(&t[i]) + (i == 0 ? skip : 0),
		    t[i].val.n - (i == 0 ? skip : 0));
	}
	e->dynamic = dyn;
	e->value = buf_take(&b, &len);
	/* Values are C strings from here on (a shell cannot hold a NUL):
	 * wipe what follows one now, as rcfile_list_clear will not see it. */
	xwipe(e->value + strlen(e->value), len - strlen(e->value));
	e->cr = n > 0 && t[n - 1].crlf;
}

/* ---- comments ---- */

/* Scans what follows the # of a comment, as if uncommented. */
void
rcfile_scan_comment(const struct scan *s, const char *p, size_t n,
    unsigned line)
{
	struct scan c = *s;
	const char *e = p + n;

	while (p < e && (*p == '#' || *p == ' ' || *p == '\t'))
		p++;
	if (p == e)
		return;
	c.commented = true;
	if (c.d == RCFILE_PAM)
		rcfile_scan_pam(&c, p, e, line);
	else
		rcfile_scan_text(&c, p, (size_t)(e - p), line);
}

/* ---- the API ---- */

void
rcfile_list_init(struct rcfile_list *l)
{
	memset(l, 0, sizeof *l);
}

void
rcfile_list_clear(struct rcfile_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct rcfile_entry *e = &l->v[i];

		if (e->value != NULL)
			xwipe(e->value, strlen(e->value));
		free(e->value);
		free(e->name);
		free(e->path);
	}
	free(l->v);
	rcfile_list_init(l);
}

char **
rcfile_paths(const char *home, const char *xdg_config_home,
    const char *project_dir)
{
	static const char *const dots[] = { ".bashrc", ".bash_profile",
	    ".bash_login", ".profile", ".zshenv", ".zprofile", ".zshrc",
	    ".zlogin", NULL };
	char **v = xcalloc(16, sizeof *v);
	size_t n = 0;

	for (size_t i = 0; dots[i] != NULL; i++)
		v[n++] = xasprintf("%s/%s", home, dots[i]);
	/* XDG: an empty or relative XDG_CONFIG_HOME is to be ignored */
	if (xdg_config_home != NULL && xdg_config_home[0] == '/')
		v[n++] = xasprintf("%s/fish/config.fish", xdg_config_home);
	else
		v[n++] = xasprintf("%s/.config/fish/config.fish", home);
	v[n++] = xstrdup("/etc/environment");
	v[n++] = xstrdup("/etc/profile");
	if (project_dir != NULL)
		v[n++] = xasprintf("%s/.envrc", project_dir);
	v[n] = NULL;
	return v;
}

enum rcfile_dialect
rcfile_dialect(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (n >= 5 && strcmp(base + n - 5, ".fish") == 0)
		return RCFILE_FISH;
	if (strcmp(base, "environment") == 0)
		return RCFILE_PAM;
	return RCFILE_SH;
}

void
rcfile_scan(const char *path, const char *buf, size_t len,
    struct rcfile_list *out)
{
	struct scan s;

	if (len == 0)
		return;
	memset(&s, 0, sizeof s);
	s.path = path;
	s.d = rcfile_dialect(path);
	s.out = out;
	s.first = out->n;
	if (s.d == RCFILE_PAM)
		rcfile_scan_pam(&s, buf, buf + len, 1);
	else
		rcfile_scan_text(&s, buf, len, 1);
}

const char *
rcfile_form_name(enum rcfile_form form)
{
	return form >= 0 && form < RCFILE_FORM_COUNT ? form_names[form] : "";
}
