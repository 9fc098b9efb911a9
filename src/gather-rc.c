/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The shell startup files: which ones the user's login shell reads and in
 * what order, and which value of each variable they leave exported (a
 * later unset or export changes an earlier line's fate). */
#include <config.h>

#include "gather.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "rcfile.h"
#include "safefile.h"
#include "sanitize.h"
#include "xalloc.h"

/* The startup files each kind of login shell reads, in order (bash(1)
 * INVOCATION, zsh(1) STARTUP/SHUTDOWN FILES, fish(1), pam_env(8)).  Names
 * are matched against a path's last component, or the whole path when
 * they start with '/'.  "@bash-login" is the first of ~/.bash_profile,
 * ~/.bash_login and ~/.profile that exists; chain_loaded moves ~/.bashrc
 * to where that file sources it. */
static const char *const bash_order[] = { "/etc/environment",
	"/etc/profile", "@bash-login", ".bashrc", ".envrc", NULL };
static const char *const zsh_order[] = { "/etc/environment", "/etc/profile",
	".zshenv", ".zprofile", ".zshrc", ".zlogin", ".envrc", NULL };
static const char *const fish_order[] = { "/etc/environment", "config.fish",
	".envrc", NULL };
static const char *const posix_order[] = { "/etc/environment",
	"/etc/profile", ".profile", ".envrc", NULL };

static const char *const *
shell_order(const char *shell)
{
	const char *base = shell != NULL ? safefile_basename(shell) : "";

	if (strcmp(base, "bash") == 0)
		return bash_order;
	if (strcmp(base, "zsh") == 0)
		return zsh_order;
	if (strcmp(base, "fish") == 0)
		return fish_order;
	return posix_order;
}

/* The first of bash's login files that exists under home (caller frees),
 * or NULL. */
static char *
bash_login_file(const char *home)
{
	static const char *const names[] = { ".bash_profile", ".bash_login",
	    ".profile" };

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char *p = safefile_join(home, names[i]);

		if (gather_is_file(p))
			return p;
		free(p);
	}
	return NULL;
}

/* Where path comes in order, or -1 when that shell does not read it. */
static int
rank(const char *path, const char *const *order, const char *login)
{
	for (int i = 0; order[i] != NULL; i++) {
		const char *o = order[i];

		if (strcmp(o, "@bash-login") == 0 ?
		    login != NULL && strcmp(login, path) == 0 :
		    o[0] == '/' ? strcmp(o, path) == 0 :
		    strcmp(o, safefile_basename(path)) == 0)
			return i;
	}
	return -1;
}

/* ---- which value reaches programs ---- */

/* Startup-file entries in the order one shell runs them (borrowed). */
struct chain {
	const struct rcfile_entry **v;
	size_t	 n, cap;
};

/* Appends l's entries on lines [from, to) to ch. */
static void
chain_add(struct chain *ch, const struct rcfile_list *l, unsigned from,
    unsigned to)
{
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].line < from || l->v[i].line >= to ||
		    l->v[i].kind == RCFILE_COMMENTED)
			continue;
		ch->v = xgrow(ch->v, &ch->cap, ch->n + 1, sizeof *ch->v);
		ch->v[ch->n++] = &l->v[i];
	}
}

/* What becomes of the value ch->v[i] sets as the shell reads on: does it
 * carry the export attribute while it is the value (from an earlier
 * export that no unset undid, or a later `export NAME`), and which
 * unconditional unset (or NULL) removes it.  A later unconditional
 * assignment ends the story: the value is gone anyway.  Conditional
 * exports count, conditional unsets do not; `set -a` is not seen. */
static const struct rcfile_entry *
fate(const struct chain *ch, size_t i, bool *exported)
{
	const struct rcfile_entry *e = ch->v[i], *o;

	*exported = e->exported;
	for (size_t j = i; j-- > 0 && !*exported;) {
		o = ch->v[j];
		if (strcmp(o->name, e->name) != 0)
			continue;
		if (o->kind == RCFILE_UNSET && !o->conditional)
			break;
		*exported = o->exported;
	}
	for (size_t k = i + 1; k < ch->n; k++) {
		o = ch->v[k];
		if (strcmp(o->name, e->name) != 0)
			continue;
		if (o->kind == RCFILE_UNSET && !o->conditional)
			return o;
		if (o->kind == RCFILE_SET && !o->conditional)
			break;
		*exported = *exported || o->kind == RCFILE_EXPORT_ONLY;
	}
	return NULL;
}

/* Adds entry e as a candidate. */
static struct candidate *
add_entry(struct sources *s, const struct rcfile_entry *e)
{
	struct candidate *c;
	size_t len = strlen(e->value);
	char *v = xmalloc(len + 2);

	/* A CR LF line leaves a CR at the end of the shell's value: that CR
	 * is sent with the key. */
	memcpy(v, e->value, len);
	if (e->cr)
		v[len++] = '\r';
	c = sources_add(s, e->name, SOURCE_RCFILE, e->path, e->line, v, len);
	xwipe(v, len);
	free(v);
	c->conditional = e->conditional;
	c->dynamic = e->dynamic;
	return c;
}

/* Adds the assignments of ch as candidates, in order. */
static void
add_chain(struct sources *s, const struct chain *ch, bool unloaded)
{
	for (size_t i = 0; i < ch->n; i++) {
		const struct rcfile_entry *e = ch->v[i], *u;
		struct candidate *c;
		bool x;

		if (e->kind != RCFILE_SET || e->value == NULL)
			continue;
		u = fate(ch, i, &x);
		c = add_entry(s, e);
		c->unloaded = unloaded;
		c->unexported = !x;
		if (u != NULL) {
			c->cleared = true;
			c->unset_path = xstrdup(u->path);
			c->unset_line = u->line;
		}
	}
}

/* ---- reading the files ---- */

/* True when word (quotes removed) names ~/.bashrc. */
static bool
is_bashrc(const char *w, size_t n, const char *home)
{
	static const char *const forms[] = { "~/.bashrc", "$HOME/.bashrc",
	    "${HOME}/.bashrc" };
	size_t hl = strlen(home);

	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
		if (n == strlen(forms[i]) && memcmp(w, forms[i], n) == 0)
			return true;
	return n == hl + 8 && memcmp(w, home, hl) == 0 &&
	    memcmp(w + hl, "/.bashrc", 8) == 0;
}

/* Copies the shell word at *p (up to an unquoted blank or ; & | ( ) { })
 * into w without its quotes; *p moves past it.  Returns its length. */
static size_t
next_word(const char **p, const char *end, char *w, size_t cap)
{
	size_t n = 0;
	char q = 0;

	for (; *p < end; (*p)++) {
		char c = **p;

		if (q == 0 && strchr(" \t;&|(){}", c) != NULL)
			break;
		if (q == 0 && (c == '"' || c == '\''))
			q = c;
		else if (c == q)
			q = 0;
		else if (n + 1 < cap)
			w[n++] = c;
	}
	w[n] = '\0';
	return n;
}

/* The line of a bash login file (buf[0..len)) that sources ~/.bashrc
 * (home is $HOME), or 0.  A textual scan, not a parse: a `.` or `source`
 * word followed by ~/.bashrc, $HOME/.bashrc, ${HOME}/.bashrc or the
 * home path spelt out, quoted or not, outside a comment.  That covers
 * Debian's ~/.profile and `[ -f ~/.bashrc ] && . ~/.bashrc`. */
static unsigned
bashrc_line(const char *buf, size_t len, const char *home)
{
	const char *p = buf, *end = buf + len, *eol;
	char w[512];
	unsigned line = 1;

	for (; p < end; p = eol + 1, line++) {
		bool dot = false;	/* the word before was . or source */

		eol = memchr(p, '\n', (size_t)(end - p));
		eol = eol != NULL ? eol : end;
		while (p < eol && *p != '#') {
			size_t n;

			if (strchr(" \t;&|(){}", *p) != NULL) {
				p++;
				continue;
			}
			n = next_word(&p, eol, w, sizeof w);
			if (dot && is_bashrc(w, n, home))
				return line;
			dot = strcmp(w, ".") == 0 || strcmp(w, "source") == 0;
		}
	}
	return 0;
}

/* One startup file, scanned.  Owns l. */
struct rcscan {
	const char	*path;		/* borrowed from rcfile_paths */
	int		 rank;		/* place in the shell's order, or -1 */
	struct rcfile_list l;		/* what it sets, exports, unsets */
	unsigned	 bashrc;	/* bash's login file: the line that
					   sources ~/.bashrc, or 0 */
};

/* Scans f->path into f->l; a note in notes when it cannot be read.  When
 * home is not NULL the file is bash's login file: find bashrc too. */
static void
scan_one(struct rcscan *f, const char *home, struct gather_paths *notes)
{
	char *buf, *note;
	size_t len;

	rcfile_list_init(&f->l);
	/* Dotfile managers (stow, chezmoi, yadm) make these links. */
	if (safefile_read_follow(f->path, &buf, &len) < 0) {
		if (errno != ENOENT && errno != ENOTDIR) {
			/* TRANSLATORS: a file, then why it cannot be read. */
			note = sanitize_take(xasprintf(_("cannot read %s: %s"),
			    f->path, strerror(errno)));
			gather_paths_add(notes, note);
			free(note);
		}
		return;
	}
	rcfile_scan(f->path, buf, len, &f->l);
	if (home != NULL)
		f->bashrc = bashrc_line(buf, len, home);
	safefile_discard(buf, len);
}

/* The files the shell reads, in its order, into ch.  bash's ~/.bashrc
 * goes where its login file sources it; when that file does not, after
 * it: every interactive non-login bash (a desktop's terminals) reads it,
 * with the login shell's environment inherited. */
static void
chain_loaded(struct chain *ch, struct rcscan *f, size_t n,
    const char *const *order)
{
	struct rcscan *login = NULL, *rc = NULL;

	for (size_t i = 0; i < n; i++) {
		if (f[i].bashrc > 0)
			login = &f[i];
		if (order == bash_order && f[i].rank >= 0 &&
		    strcmp(safefile_basename(f[i].path), ".bashrc") == 0)
			rc = &f[i];
	}
	for (int r = 0; order[r] != NULL; r++)
		for (size_t i = 0; i < n; i++) {
			if (f[i].rank != r || (&f[i] == rc && login != NULL))
				continue;
			if (&f[i] != login || rc == NULL) {
				chain_add(ch, &f[i].l, 0, UINT_MAX);
				continue;
			}
			chain_add(ch, &login->l, 0, login->bashrc);
			chain_add(ch, &rc->l, 0, UINT_MAX);
			chain_add(ch, &login->l, login->bashrc, UINT_MAX);
		}
}

void
gather_rcfiles(struct sources *s, const char *home,
    const char *xdg_config_home, const char *shell, const char *dir,
    char ***notes)
{
	const char *const *order = shell_order(shell);
	char **all = rcfile_paths(home, xdg_config_home, dir);
	char *login = order == bash_order ? bash_login_file(home) : NULL;
	struct gather_paths out = { 0 };
	struct chain ch = { 0 };
	struct rcscan *f;
	size_t n = 0;

	while (all[n] != NULL)
		n++;
	f = xcalloc(n + 1, sizeof *f);
	for (size_t i = 0; i < n; i++) {
		f[i].path = all[i];
		f[i].rank = rank(all[i], order, login);
		scan_one(&f[i], login != NULL && strcmp(login, all[i]) == 0 ?
		    home : NULL, &out);
	}
	chain_loaded(&ch, f, n, order);
	add_chain(s, &ch, false);
	/* Another shell's files: each on its own, as that shell's. */
	for (size_t i = 0; i < n; i++) {
		ch.n = 0;
		if (f[i].rank < 0) {
			chain_add(&ch, &f[i].l, 0, UINT_MAX);
			add_chain(s, &ch, true);
		}
		rcfile_list_clear(&f[i].l);
	}
	free(ch.v);
	free(f);
	free(login);
	xfree_strv(all);
	free(s->shell);
	s->shell = shell != NULL ? xstrdup(safefile_basename(shell)) : NULL;
	*notes = gather_paths_take(&out);
}
