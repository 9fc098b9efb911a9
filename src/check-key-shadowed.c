/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* key-shadowed: every copy of the key agrees, or the copy that wins is the
 * one in the project's .env file.  Copies nothing reads (a .env.example,
 * another shell's startup file, an unexported or unset value) and values
 * computed by a command are not compared. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "key.h"

static bool
is_key(const struct candidate *c)
{
	return strcmp(c->name, "OPENAI_API_KEY") == 0;
}

bool
check_key_counts(const struct candidate *c)
{
	return is_key(c) && !c->unloaded && !c->unexported && !c->cleared &&
	    !c->dynamic;
}

bool
check_same_value(const struct candidate *a, const struct candidate *b)
{
	return a->value_len == b->value_len &&
	    memcmp(a->value, b->value, a->value_len) == 0;
}

bool
check_from_file(const struct candidate *c)
{
	return c->source == SOURCE_DOTENV || c->source == SOURCE_ENVFILE;
}

const struct candidate *
check_file_key(const struct sources *s)
{
	for (size_t i = s->n; i-- > 0;)
		if (is_key(&s->c[i]) && check_from_file(&s->c[i]) &&
		    !s->c[i].unloaded)
			return &s->c[i];
	return NULL;
}

const struct candidate *
check_key_origin(const struct sources *s, const struct candidate *w)
{
	const struct candidate *any = NULL;

	for (size_t i = s->n; i-- > 0;) {
		const struct candidate *c = &s->c[i];

		if (!is_key(c) || c->source != SOURCE_RCFILE || c->dynamic ||
		    !check_same_value(c, w))
			continue;
		if (!c->unloaded && !c->cleared)
			return c;
		any = any != NULL ? any : c;
	}
	return any;
}

/* The winner shadows the project file's key: say who and how to stop it. */
static void
shadowed(const struct check_ctx *ctx, const struct candidate *w,
    const struct candidate *f, struct check_result *r)
{
	const struct candidate *o = check_key_origin(ctx->src, w);
	char *ww = check_where(w), *fw = check_where(f), fpw[9], fpf[9];

	key_fingerprint(w->value, w->value_len, fpw);
	key_fingerprint(f->value, f->value_len, fpf);
	/* TRANSLATORS: where the winning key is, its fingerprint, then the
	 * .env line it hides and that key's fingerprint. */
	check_set(r, CHECK_FAIL, _("the key in %s (%s) hides %s (%s)"), ww, fpw,
	    fw, fpf);
	check_detail(r, _("load_dotenv() and dotenv.config() never replace a "
	    "variable that is already set, even an empty one."));
	if (o != NULL) {
		char *ow = check_where(o);

		check_fix(r, _("delete or update the line at %s, then run: "
		    "unset OPENAI_API_KEY"), ow);
		free(ow);
	} else {
		check_fix(r, "unset OPENAI_API_KEY");
	}
	free(ww);
	free(fw);
}

/* Other copies that count differ from the winner w: name the first. */
static void
differs(const struct candidate *d, size_t n, struct check_result *r)
{
	char *dw = check_where(d);

	/* TRANSLATORS: a count, then where the first differing copy is. */
	check_set(r, CHECK_WARN, ngettext("%zu other copy of the key differs "
	    "from the one that wins: %s", "%zu other copies of the key differ "
	    "from the one that wins, first %s", n), n, dw);
	check_detail(r, _("Two different keys cause 401s that come and go "
	    "with how a program is started."));
	if (d->source == SOURCE_ENV)
		check_fix(r, _("unset OPENAI_API_KEY, or export the key that "
		    "wins"));
	else if (d->source == SOURCE_PID)
		check_fix(r, _("restart the process with the key that wins"));
	else
		check_fix(r, _("put the key that wins at %s, or delete that "
		    "line"), dw);
	free(dw);
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *w = check_winner(ctx), *f, *d = NULL;
	size_t copies = 0, differ = 0;

	if (w == NULL) {
		check_set(r, CHECK_SKIP, _("no key wins (see key-found)"));
		return;
	}
	if (w->dynamic) {
		check_set(r, CHECK_SKIP, _("the key that wins is set by a "
		    "command when the shell starts: it cannot be compared "
		    "offline"));
		return;
	}
	for (size_t i = 0; i < ctx->src->n; i++) {
		const struct candidate *c = &ctx->src->c[i];

		if (!check_key_counts(c) && c != w)
			continue;
		copies++;
		if (check_same_value(c, w))
			continue;
		differ++;
		d = d != NULL ? d : c;
	}
	f = check_file_key(ctx->src);
	if (f != NULL && !check_from_file(w) && !check_same_value(w, f))
		shadowed(ctx, w, f, r);
	else if (differ > 0)
		differs(d, differ, r);
	else
		check_set(r, CHECK_PASS, ngettext("the key is set in %zu place",
		    "all %zu copies of the key agree", copies), copies);
}

const struct check check_key_shadowed = {
	.id = "key-shadowed",
	.title = N_("The intended key wins"),
	.network = false,
	.run = run,
};
