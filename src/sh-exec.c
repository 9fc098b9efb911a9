/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The sh loader's executor: lists, and-or lists, pipelines, subshells and
 * simple commands, run as far as a .env can affect the environment.
 * What runs apart (a subshell, a pipeline, &) or not at all drops what
 * its commands would have assigned. */
#include <config.h>

#include "sh.h"

#include <string.h>

#include "buf.h"
#include "loader.h"

/* Whether a redirection fails, guessed from its target: no file named
 * like a .env placeholder exists to be read, no folder to write in
 * (bar /dev), and fds from 3 up are not open. */
static bool
redir_fails(const char *w, size_t n, char op)
{
	if (n > 5 && memcmp(w, "/dev/", 5) == 0)
		return false;
	if (op == '<')
		return true;
	if (op == '&')
		return !(n == 1 && (w[0] == '-' || (w[0] >= '0' &&
		    w[0] <= '2')));
	return memchr(w, '/', n) != NULL;
}

/* Where the value of an assignment word starts (after its '='). */
static size_t
value_start(const struct sh *sh, const struct span *w)
{
	const char *eq = memchr(sh->b + w->s, '=', w->e - w->s);

	return (size_t)(eq - sh->b) + 1;
}

/* NAME= at the start of the raw word: an assignment. */
static bool
is_assignment(const struct sh *sh, const struct span *w)
{
	size_t n = w->e - w->s, i = shname_len(sh->b + w->s, n);

	return i > 0 && i < n && sh->b[w->s + i] == '=';
}

/* The command's words after the assignments.  export and readonly take
 * NAME=value arguments the way assignments are (dash 0.5.11+). */
static bool
expand_args(struct sh *sh, const struct span *w, size_t n,
    struct fields *f)
{
	bool decl = n > 0 && ((w[0].e - w[0].s == 6 &&
	    memcmp(sh->b + w[0].s, "export", 6) == 0) ||
	    (w[0].e - w[0].s == 8 && memcmp(sh->b + w[0].s, "readonly",
	    8) == 0));
	struct xbuf xb = { 0 };
	bool ok = true;

	for (size_t k = 0; ok && k < n; k++) {
		if (decl && k > 0 && is_assignment(sh, &w[k])) {
			size_t v = value_start(sh, &w[k]);

			ok = sh_xb_add(sh, &xb, sh->b + w[k].s, v - w[k].s, 0,
			    true, false) &&
			    sh_expand(sh, v, w[k].e, X_ASSIGN, &xb);
			if (ok)
				sh_fields_add(f, xb.b.p, xb.b.n, w[k].s);
		} else {
			ok = sh_xb_add(sh, &xb, "", 0, 0, false, false) &&
			    sh_expand(sh, w[k].s, w[k].e, X_SPLIT, &xb);
			if (ok)
				sh_split_fields(&xb, w[k].s, f);
		}
		sh_xb_free(&xb);
	}
	return ok;
}

/* Redirection targets are expanded (a bad ${} in one is fatal, as is
 * a >&x that is not one digit or '-'); *fails: one would fail. */
static bool
expand_targets(struct sh *sh, const struct node *nd, bool *fails)
{
	struct xbuf xb = { 0 };
	const struct buf *t = &xb.b;	/* the target, expanded */
	bool ok = true;

	*fails = false;
	for (size_t k = nd->r0; ok && k < nd->r0 + nd->nr; k++) {
		const struct span *r = &sh->rword[k];

		ok = sh_xb_add(sh, &xb, "", 0, 0, false, false) &&
		    sh_expand(sh, r->s, r->e, 0, &xb);
		if (ok && r->op == '&' && !(t->n == 1 && (t->p[0] == '-' ||
		    (t->p[0] >= '0' && t->p[0] <= '9')))) {
			sh_stop(sh, r->s);		/* "Bad fd number" */
			ok = false;
		}
		*fails = *fails || (ok && redir_fails(t->p, t->n, r->op));
		sh_xb_free(&xb);
	}
	return ok;
}

/* The assignments in front of a command; apply is false when they only
 * last for that command, but their expansions still run. */
static bool
assign_all(struct sh *sh, const struct span *w, size_t n, bool apply)
{
	struct xbuf xb = { 0 };
	bool ok = true;

	for (size_t k = 0; ok && k < n; k++) {
		size_t v = value_start(sh, &w[k]);

		ok = sh_xb_add(sh, &xb, "", 0, 0, false, false) &&
		    sh_expand(sh, v, w[k].e, X_ASSIGN, &xb) && (!apply ||
		    sh_var_set(sh, sh->b + w[k].s, v - 1 - w[k].s, xb.b.p,
		    xb.b.n, w[k].s, false));
		sh_xb_free(&xb);
	}
	return ok;
}

static void	drop_list(struct sh *, size_t);

/* The commands of a list that run apart (a subshell, a pipeline, in
 * the background) or not at all: nothing they assign stays. */
static void
drop_node(struct sh *sh, size_t n)
{
	if (sh->node[n].kind == N_SIMPLE)
		loaded_drop(sh->out, sh_orig(sh, sh->node[n].start));
	else
		drop_list(sh, sh->node[n].body);
}

static void
drop_list(struct sh *sh, size_t n)
{
	for (; n != NONE; n = sh->node[n].next)
		drop_node(sh, n);
}

static void
drop_range(struct sh *sh, size_t from, size_t to)
{
	for (;; from = sh->node[from].next) {
		drop_node(sh, from);
		if (from == to)
			break;
	}
}

/* One simple command: assignments stay only when no command follows
 * or it is a special builtin; every other command is not found. */
static void
exec_simple(struct sh *sh, size_t idx)
{
	const struct node *nd = &sh->node[idx];
	const struct span *w = sh->word + nd->w0;
	struct fields f = { 0 };
	size_t na = 0;
	enum builtin kind = B_NONE;
	bool redir_fails, applied = false;

	sh->cur = nd->start;
	sh->subst_status = 0;
	while (na < nd->nw && is_assignment(sh, &w[na]))
		na++;
	if (!expand_args(sh, w + na, nd->nw - na, &f) ||
	    !expand_targets(sh, nd, &redir_fails)) {
		/* fatal (stopped), or a word we do not emulate */
	} else if (f.n > 0 &&
	    (kind = sh_builtin_kind(f.v[0].p, f.v[0].n)) == B_SPECIAL &&
	    redir_fails) {
		sh_stop(sh, nd->start);	/* a special builtin's error */
	} else if (redir_fails) {
		sh->status = 2;
	} else if (f.n == 0 || kind == B_SPECIAL) {
		applied = assign_all(sh, w, na, true);
		if (applied)
			sh->status = sh->subst_status;
		if (applied && kind == B_SPECIAL)
			sh_run_special(sh, &f, nd->start);
	} else {
		assign_all(sh, w, na, false);
		sh->status = kind == B_NONE ? 127 : kind == B_FALSE;
	}
	if (!applied && !sh->stop)
		loaded_drop(sh->out, sh_orig(sh, nd->start));
	sh_fields_free(&f);
	sh->unsupported = false;
}

/* The status a command would end with, without running it (pipelines
 * and subshells run apart; this is a guess: a failed expansion in
 * there is not seen). */
static int
dry_status(struct sh *sh, size_t n)
{
	const struct node *nd = &sh->node[n];
	const struct span *w = sh->word + nd->w0;
	size_t k = 0;

	if (nd->kind != N_SIMPLE)
		return 0;
	while (k < nd->nw && is_assignment(sh, &w[k]))
		k++;
	if (k == nd->nw)
		return 0;
	switch (sh_builtin_kind(sh->b + w[k].s, w[k].e - w[k].s)) {
	case B_NONE:
		return 127;
	case B_FALSE:
		return 1;
	default:
		return 0;
	}
}

static void
exec_command(struct sh *sh, size_t n, bool cond)
{
	if (sh->node[n].kind == N_SIMPLE) {
		exec_simple(sh, n);
	} else if (sh->node[n].kind == N_GROUP) {
		sh_exec_list(sh, sh->node[n].body, cond);
	} else {
		size_t last = sh->node[n].body;

		while (sh->node[last].next != NONE)
			last = sh->node[last].next;
		drop_list(sh, sh->node[n].body);
		sh->status = dry_status(sh, last);
	}
}

/* Pipelines joined by && and ||, from p to last. */
static void
exec_andor(struct sh *sh, size_t p, size_t last, bool cond)
{
	bool run = true;

	for (;;) {
		size_t pe = p;

		while (sh->node[pe].conn == C_PIPE)
			pe = sh->node[pe].next;
		enum conn cn = pe == last ? C_END : sh->node[pe].conn;
		bool bang = sh->node[p].bang;

		if (!run || p != pe)	/* each side of | is a subshell */
			drop_range(sh, p, pe);
		if (run && p != pe)
			sh->status = dry_status(sh, pe);
		else if (run)
			exec_command(sh, p, cond || bang || cn != C_END);
		if (run && bang)
			sh->status = !sh->status;
		/* set -e: a failure whose status nothing tests ends it. */
		if (run && sh->errexit && sh->status != 0 && !cond && !bang &&
		    cn == C_END)
			sh_stop(sh, sh->node[p].start);
		if (pe == last || sh->stop)
			break;
		run = cn == C_AND ? sh->status == 0 : sh->status != 0;
		p = sh->node[pe].next;
	}
}

void
sh_exec_list(struct sh *sh, size_t n, bool cond)
{
	while (n != NONE && !sh->stop && !sh->noexec) {
		size_t last = n;

		while (sh->node[last].conn >= C_AND)
			last = sh->node[last].next;
		if (sh->node[last].conn == C_AMP) {
			drop_range(sh, n, last);	/* runs in background */
			sh->status = 0;
		} else {
			exec_andor(sh, n, last, cond);
		}
		n = sh->node[last].next;
	}
}
