/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* key-found: a key is present where the user's program will look. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "defect.h"
#include "i18n.h"

/* The last candidate matching pred, or NULL. */
static const struct candidate *
find_last(const struct sources *s, bool (*pred)(const struct candidate *))
{
	for (size_t i = s->n; i-- > 0;)
		if (pred(&s->c[i]))
			return &s->c[i];
	return NULL;
}

static bool
is_near_miss(const struct candidate *c)
{
	return defect_near_miss(c->name);
}

static bool
is_file_key(const struct candidate *c)
{
	return (c->source == SOURCE_DOTENV || c->source == SOURCE_ENVFILE) &&
	    !c->unloaded && strcmp(c->name, "OPENAI_API_KEY") == 0;
}

static bool
is_rc_key(const struct candidate *c)
{
	return c->source == SOURCE_RCFILE &&
	    strcmp(c->name, "OPENAI_API_KEY") == 0 && c->value_len > 0;
}

/* No winner: say where a key does exist, if anywhere. */
static void
not_found(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *c;
	char *where;

	if (ctx->src->refused[ctx->consumer]) {
		check_set(r, CHECK_FAIL, _("%s cannot read the .env file at all"),
		    consumer_name(ctx->consumer));
		check_fix(r, "fix401 --check %s", ctx->dir);
	} else if ((c = find_last(ctx->src, is_file_key)) != NULL) {
		where = check_where(c);
		/* TRANSLATORS: a line of .env, then a program ("node-dotenv"). */
		check_set(r, CHECK_FAIL, _("%s sets OPENAI_API_KEY, but %s does "
		    "not read it there"), where, consumer_name(ctx->consumer));
		check_detail(r, _("The line is damaged for that loader: see the "
		    "dotenv-clean check for what it reads instead."));
		check_fix(r, "fix401 --fix %s", ctx->dir);
		free(where);
	} else if ((c = find_last(ctx->src, is_rc_key)) != NULL) {
		where = check_where(c);
		check_set(r, CHECK_FAIL, _("OPENAI_API_KEY is set in %s, but not "
		    "in this environment"), where);
		check_detail(r, _("Startup files only apply to shells started "
		    "after the change; services, cron and sudo never read "
		    "them."));
		check_fix(r, _("open a new terminal, or run: . %s"), c->path);
		free(where);
	} else if ((c = find_last(ctx->src, is_near_miss)) != NULL) {
		where = check_where(c);
		check_set(r, CHECK_FAIL, _("the key is only set as %s (%s)"),
		    c->name, where);
		check_detail(r, _("The OpenAI SDKs read only OPENAI_API_KEY."));
		check_fix(r, _("rename %s to OPENAI_API_KEY at %s"), c->name,
		    where);
		free(where);
	} else {
		check_set(r, CHECK_FAIL, _("no OPENAI_API_KEY anywhere your "
		    "program looks"));
		check_fix(r, _("add a line OPENAI_API_KEY=<your key> to %s/.env"),
		    ctx->dir);
	}
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *w = check_winner(ctx);
	char *where;

	if (w == NULL) {
		not_found(ctx, r);
		return;
	}
	where = check_where(w);
	if (w->value_len == 0) {
		check_set(r, CHECK_FAIL, _("OPENAI_API_KEY is empty in %s"),
		    where);
		check_detail(r, _("An empty variable still wins over .env for "
		    "load_dotenv() and dotenv.config()."));
		if (w->source == SOURCE_ENV)
			check_fix(r, "unset OPENAI_API_KEY");
		else
			check_fix(r, _("put the key at %s"), where);
	} else {
		check_set(r, CHECK_PASS, _("OPENAI_API_KEY is set in %s"), where);
	}
	free(where);
}

const struct check check_key_found = {
	.id = "key-found",
	.title = N_("A key is present"),
	.network = false,
	.run = run,
};
