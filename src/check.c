/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The ordered check table and the result helpers every check shares. */
#include <config.h>

#include "check.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "sanitize.h"
#include "xalloc.h"

/* SPEC 5 order: the wizard's steps and --json's checks[]. */
static const struct check *const table[] = {
	&check_key_found,
	&check_dotenv_clean,
	&check_key_shadowed,
	&check_key_format,
	&check_key_provider,
	&check_base_url,
	&check_org_project,
	&check_network,
	&check_key_accepted,
	&check_completion,
	&check_dotenv_safety,
};


const struct check *const *
check_table(size_t *n)
{
	*n = sizeof table / sizeof *table;
	return table;
}

const struct check *
check_find(const char *id)
{
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (strcmp(table[i]->id, id) == 0)
			return table[i];
	return NULL;
}

void
check_run(const struct check *c, const struct check_ctx *ctx,
    struct check_result *r)
{
	memset(r, 0, sizeof *r);
	if (c->network && ctx->offline) {
		check_set(r, CHECK_SKIP, _("offline: no request was made"));
		return;
	}
	c->run(ctx, r);
	assert(r->summary != NULL);
}

const char *
check_status_name(enum check_status s)
{
	static const char *const names[] = {
		[CHECK_PASS] = "pass", [CHECK_WARN] = "warn",
		[CHECK_FAIL] = "fail", [CHECK_SKIP] = "skip",
	};

	return names[s];
}

/* Replaces *dst with the formatted text. */
static void set_text(char **dst, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void
set_text(char **dst, const char *fmt, va_list ap)
{
	free(*dst);
	*dst = xvasprintf(fmt, ap);
}

void
check_set(struct check_result *r, enum check_status s, const char *fmt, ...)
{
	va_list ap;

	r->status = s;
	va_start(ap, fmt);
	set_text(&r->summary, fmt, ap);
	va_end(ap);
}

void
check_detail(struct check_result *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_text(&r->detail, fmt, ap);
	va_end(ap);
}

void
check_fix(struct check_result *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_text(&r->fix, fmt, ap);
	va_end(ap);
}

void
check_result_clear(struct check_result *r)
{
	free(r->summary);
	free(r->detail);
	free(r->fix);
	memset(r, 0, sizeof *r);
}

const struct candidate *
check_winner(const struct check_ctx *ctx)
{
	size_t w = ctx->src->winner[ctx->consumer];

	return w == NO_WINNER ? NULL : &ctx->src->c[w];
}

const struct candidate *
check_lookup(const struct check_ctx *ctx, const char *name)
{
	size_t i = sources_lookup(ctx->src, ctx->dotenv, name, ctx->consumer,
	    ctx->dotenv_in_dir, ctx->pid, NULL);

	return i == NO_WINNER ? NULL : &ctx->src->c[i];
}

const char *
check_url(const struct check_ctx *ctx, const struct candidate **from)
{
	const struct candidate *c = NULL;
	const char *url = CHECK_DEFAULT_URL;

	if (ctx->base_url != NULL)
		url = ctx->base_url;
	else if ((c = check_lookup(ctx, "OPENAI_BASE_URL")) != NULL)
		url = c->value;	/* even "": the SDKs take it as given */
	if (from != NULL)
		*from = c;
	return url;
}

char *
check_quote(const char *s)
{
	struct buf b = { 0 };
	size_t len;

	if (*s != '\0' && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./+-@%:,=") == strlen(s))
		return xstrdup(s);
	buf_addc(&b, '\'');
	for (; *s != '\0'; s++)
		if (*s == '\'')
			buf_add(&b, "'\\''", 4);
		else
			buf_addc(&b, *s);
	buf_addc(&b, '\'');
	return buf_take(&b, &len);
}

char *
check_command(const struct check_ctx *ctx, const char *args)
{
	bool e = ctx->env_file && ctx->dotenv_path != NULL;
	char *w = check_quote(e ? ctx->dotenv_path : ctx->dir), *r;

	r = xasprintf("fix401 %s %s%s", args, e ? "-e " : "", w);
	free(w);
	return r;
}

char *
check_url_where(const struct check_ctx *ctx, const struct candidate *from)
{
	if (from != NULL)
		return check_where(from);
	if (ctx->base_url != NULL)
		return xstrdup("--base-url");
	return xstrdup(_("the default"));
}

char *
check_where(const struct candidate *c)
{
	switch (c->source) {
	case SOURCE_ENV:
		return xstrdup(_("the environment"));
	case SOURCE_PID:
		return xstrdup(_("the process's environment"));
	default:
		break;
	}
	/* a path is untrusted: a cloned repo may name a file .env<ESC>[31m */
	return sanitize_take(c->line > 0 ? xasprintf("%s:%zu", c->path,
	    c->line) : xstrdup(c->path));
}
