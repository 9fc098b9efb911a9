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

/* A copy some program reads as it is: loaded, exported, not unset
 * later, and not computed by a command (its text is not the key). */
static bool
counts(const struct candidate *c)
{
	return is_key(c) && !c->unloaded && !c->unexported && !c->cleared &&
	    !c->dynamic;
}

static bool
same_value(const struct candidate *a, const struct candidate *b)
{
	return a->value_len == b->value_len &&
	    memcmp(a->value, b->value, a->value_len) == 0;
}

static bool
from_file(const struct candidate *c)
{
	return c->source == SOURCE_DOTENV || c->source == SOURCE_ENVFILE;
}

/* The last OPENAI_API_KEY set in a project file, or NULL. */
static const struct candidate *
file_key(const struct sources *s)
{
	for (size_t i = s->n; i-- > 0;)
		if (is_key(&s->c[i]) && from_file(&s->c[i]) &&
		    !s->c[i].unloaded)
			return &s->c[i];
	return NULL;
}

/* A startup-file export with w's value: where a stale variable came from. */
static const struct candidate *
origin_of(const struct sources *s, const struct candidate *w)
{
	for (size_t i = s->n; i-- > 0;)
		if (is_key(&s->c[i]) && s->c[i].source == SOURCE_RCFILE &&
		    !s->c[i].dynamic && same_value(&s->c[i], w))
			return &s->c[i];
	return NULL;
}

/* The winner shadows the project file's key: say who and how to stop it. */
static void
shadowed(const struct check_ctx *ctx, const struct candidate *w,
    const struct candidate *f, struct check_result *r)
{
	const struct candidate *o = origin_of(ctx->src, w);
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

		if (!counts(c) && c != w)
			continue;
		copies++;
		if (same_value(c, w))
			continue;
		differ++;
		d = d != NULL ? d : c;
	}
	f = file_key(ctx->src);
	if (f != NULL && !from_file(w) && !same_value(w, f))
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
