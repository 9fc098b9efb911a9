/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* key-provider: the service the key belongs to is the one the base URL
 * sends it to.  A key only works with its own provider: an OpenRouter key
 * sent to OpenAI, or an OpenAI key sent to Azure, is answered with 401. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "sanitize.h"
#include "xalloc.h"

/* The key's side and the base URL's side, as the user reads them. */
struct sides {
	struct key_id		 id;		/* the key's verdict */
	const struct provider	*kp;		/* the key's provider */
	const struct provider	*up;		/* the base URL's provider */
	const struct candidate	*from;		/* where the URL is set, or
						   NULL */
	char			*kwhere;	/* where the key is set */
	char			*uwhere;	/* where the URL is set */
};

/* Fills r's fix for a mismatch: point the base URL at the key's provider
 * when it has a known one, else use a key of the URL's provider. */
static void
fix_mismatch(const struct check_ctx *ctx, const struct sides *s,
    struct check_result *r)
{
	const char *base = provider_base_url(s->kp);
	char *dir;

	/* api-key auth (Azure) means a resource of the user's own: the key
	   is what is wrong there, not the URL. */
	if (base == NULL || provider_auth(s->up) == PROVIDER_AUTH_API_KEY)
		check_fix(r, _("put a key from %s at %s"),
		    provider_name(s->up), s->kwhere);
	else if (s->from != NULL && s->from->path != NULL)
		check_fix(r, _("change the line at %s to OPENAI_BASE_URL=%s"),
		    s->uwhere, base);
	else if (s->from != NULL)
		check_fix(r, "export OPENAI_BASE_URL=%s", base);
	else if (ctx->base_url != NULL)
		check_fix(r, "fix401 --base-url %s", base);
	else {
		/* the folder's name is untrusted: a clone may hold escapes */
		dir = sanitize_text(ctx->dir, strlen(ctx->dir), NULL);
		check_fix(r, _("add OPENAI_BASE_URL=%s to %s/.env"), base, dir);
		free(dir);
	}
}

/* The key and the base URL belong to different services. */
static void
mismatch(const struct check_ctx *ctx, const struct sides *s,
    struct check_result *r)
{
	struct key_kind k = { 0 };

	provider_key_kind(ctx->providers, s->id.kind, &k);
	/* TRANSLATORS: where the key is, its provider, where the base URL
	   is set (or "the default"), the URL's provider. */
	check_set(r, k.fallback ? CHECK_WARN : CHECK_FAIL, _("the key in %s "
	    "is for %s, but the base URL (%s) points to %s"), s->kwhere,
	    provider_name(s->kp), s->uwhere, provider_name(s->up));
	if (provider_auth(s->up) == PROVIDER_AUTH_API_KEY)
		check_detail(r, _("%s wants the key of your own resource "
		    "there, and answers 401 \"Access denied due to invalid "
		    "subscription key or wrong API endpoint\" to any other."),
		    provider_name(s->up));
	else
		check_detail(r, _("Each service accepts only its own keys, so "
		    "%s answers 401 to a key from %s."), provider_name(s->up),
		    provider_name(s->kp));
	fix_mismatch(ctx, s, r);
}

/* Judges the two sides once both are known. */
static void
judge(const struct check_ctx *ctx, const struct sides *s,
    struct check_result *r)
{
	if (s->up == NULL) {
		check_set(r, CHECK_SKIP, _("the base URL (%s) is not a known "
		    "provider's: that server decides which keys it takes"),
		    s->uwhere);
	} else if (s->up != s->kp && provider_url_loopback(check_url(ctx,
	    NULL))) {
		check_set(r, CHECK_SKIP, _("the base URL (%s) is a server on "
		    "this computer: it decides which keys it takes"),
		    s->uwhere);
	} else if (s->up != s->kp) {
		mismatch(ctx, s, r);
	} else {
		check_set(r, CHECK_PASS, _("the key in %s is for %s, and so is "
		    "the base URL (%s)"), s->kwhere, provider_name(s->kp),
		    s->uwhere);
		if (provider_auth(s->kp) == PROVIDER_AUTH_API_KEY)
			check_detail(r, _("%s takes the key in an api-key "
			    "header: use the AzureOpenAI client, or a base URL "
			    "ending in /openai/v1/."), provider_name(s->kp));
	}
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *w = check_winner(ctx);
	struct sides s = { 0 };
	const char *url;

	if (w == NULL || w->value_len == 0) {
		check_set(r, CHECK_SKIP, _("no key wins (see key-found)"));
		return;
	}
	if (ctx->providers == NULL) {
		check_set(r, CHECK_SKIP, _("provider data not found"));
		return;
	}
	provider_identify_key(ctx->providers, w->value, w->value_len, &s.id);
	s.kp = s.id.provider;
	if (s.id.cls != KEY_ID_KEY || s.kp == NULL) {
		check_set(r, CHECK_SKIP, _("the key's provider is not known "
		    "(see key-format)"));
		return;
	}
	url = check_url(ctx, &s.from);
	if (*url == '\0') {
		check_set(r, CHECK_SKIP, _("the base URL is empty (see "
		    "base-url)"));
		return;
	}
	s.up = provider_for_url(ctx->providers, url);
	s.kwhere = check_where(w);
	s.uwhere = check_url_where(ctx, s.from);
	judge(ctx, &s, r);
	free(s.kwhere);
	free(s.uwhere);
}

const struct check check_key_provider = {
	.id = "key-provider",
	.title = N_("The key fits the endpoint"),
	.network = false,
	.run = run,
};
