/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* base-url: requests go to https://api.openai.com/v1 or another known
 * OpenAI-compatible endpoint, written so the SDKs can use it: no endpoint
 * path, no missing /v1, no plain http to another machine, not empty, and
 * not left under the pre-1.0 name OPENAI_API_BASE. */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "defect.h"
#include "i18n.h"
#include "key.h"
#include "sanitize.h"
#include "xalloc.h"

/* The base URL under judgement.  Borrows url and from from the context;
 * owns where and shown. */
struct target {
	const char		*url;
	const struct candidate	*from;		/* where it is set, or NULL */
	char			*where;		/* that place, as shown */
	char			*shown;		/* url_shown() of url */
	size_t			 prefix;	/* bytes of scheme://host */
	const char		*path;		/* after the host */
	size_t			 plen;		/* to ? or #, no trailing / */
	const struct provider	*p;		/* whose host it is, or NULL */
};

/* Endpoints the SDK appends itself, longest first. */
static const char *const endpoints[] = {
	"/chat/completions", "/completions", "/responses", "/embeddings",
	"/models",
};

/* True when v, which is no URL, may be a key: it has none of the
 * characters of a host or path, or ps knows it as one. */
static bool
maybe_key(const struct providers *ps, const char *v)
{
	struct key_id id;

	if (strpbrk(v, ".:/") == NULL || ps == NULL)
		return true;
	provider_identify_key(ps, v, strlen(v), &id);
	return id.cls == KEY_ID_KEY || id.cls == KEY_ID_SESSION;
}

/* The URL as it may be shown (caller frees): sanitize_url(), which drops
 * a user:password@ part, a query and a fragment and masks what may be a
 * secret in the host or path.  A value that is no URL and may be a key is
 * shown masked, or by its length. */
static char *
url_shown(const struct providers *ps, const char *v)
{
	size_t n = strlen(v);
	char *out;

	if (strstr(v, "://") == NULL && maybe_key(ps, v)) {
		out = key_mask(v, n, false);
		return out != NULL ? out : xasprintf(ngettext("%zu character",
		    "%zu characters", key_length(v, n)), key_length(v, n));
	}
	return sanitize_url(v);
}

/* Splits t->url into prefix and path; false when it has no "://". */
static bool
url_parts(struct target *t)
{
	const char *s = strstr(t->url, "://"), *aend;

	if (s == NULL)
		return false;
	aend = s + 3 + strcspn(s + 3, "/?#");
	t->prefix = (size_t)(aend - t->url);
	t->path = aend;
	t->plen = strcspn(aend, "?#");
	while (t->plen > 0 && aend[t->plen - 1] == '/')
		t->plen--;
	return true;
}

/* True when a and b differ at most in trailing slashes. */
static bool
same_url(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	while (na > 0 && a[na - 1] == '/')
		na--;
	while (nb > 0 && b[nb - 1] == '/')
		nb--;
	return na == nb && strncasecmp(a, b, na) == 0;
}

/* Fills r's fix: make the base URL read url (raw; shown safely). */
static void
fix_url(const struct check_ctx *ctx, const struct target *t,
    const char *url, struct check_result *r)
{
	char *s = url_shown(ctx->providers, url);

	if (t->from != NULL && t->from->path != NULL)
		check_fix(r, _("change the line at %s to OPENAI_BASE_URL=%s"),
		    t->where, s);
	else if (t->from != NULL)
		check_fix(r, "export OPENAI_BASE_URL=%s", s);
	else if (ctx->base_url != NULL)
		check_fix(r, "fix401 --base-url %s", s);
	free(s);
}

/* The URL is empty: the Python SDK uses "" as it is. */
static void
judge_empty(const struct check_ctx *ctx, const struct target *t,
    struct check_result *r)
{
	check_set(r, CHECK_FAIL, _("the base URL (%s) is an empty string"),
	    t->where);
	check_detail(r, _("The Python SDK uses an empty base URL as it is, so "
	    "every request fails before it is sent; Node uses the default."));
	if (t->from != NULL && t->from->path != NULL)
		check_fix(r, _("delete the line at %s"), t->where);
	else if (t->from != NULL)
		check_fix(r, "unset OPENAI_BASE_URL");
	else if (ctx->base_url != NULL)
		check_fix(r, _("leave out --base-url, or give it a URL"));
}

/* True for bytes no base URL holds: spaces, controls, quotes and
 * anything not ASCII (hidden characters are). */
static bool
stray_byte(unsigned char c)
{
	return c <= 0x20 || c >= 0x7f || c == '"' || c == '\'' || c == '`';
}

/* Fails r when the URL holds stray bytes; false when it holds none. */
static bool
judge_stray(const struct check_ctx *ctx, const struct target *t,
    struct check_result *r)
{
	size_t n = strlen(t->url), o = 0;
	char *clean;

	for (size_t i = 0; i < n; i++)
		o += stray_byte((unsigned char)t->url[i]);
	if (o == 0)
		return false;
	/* TRANSLATORS: where the URL is set, then the URL with each odd
	   character shown as '?'. */
	check_set(r, CHECK_FAIL, _("the base URL (%s) holds spaces, quotes or "
	    "hidden characters: %s"), t->where, t->shown);
	check_detail(r, _("Programs that do not strip them send requests to "
	    "a host or path that does not exist."));
	clean = xmalloc(n + 1);
	o = 0;
	for (size_t i = 0; i < n; i++)
		if (!stray_byte((unsigned char)t->url[i]))
			clean[o++] = t->url[i];
	clean[o] = '\0';
	fix_url(ctx, t, clean, r);
	free(clean);
	return true;
}

/* Fails r when the URL has no http:// or https:// scheme. */
static bool
judge_scheme(const struct check_ctx *ctx, struct target *t,
    struct check_result *r)
{
	if (url_parts(t) && (strncasecmp(t->url, "https://", 8) == 0 ||
	    strncasecmp(t->url, "http://", 7) == 0))
		return false;
	check_set(r, CHECK_FAIL, _("the base URL (%s) is not a web address "
	    "starting with https:// (%s)"), t->where, t->shown);
	check_detail(r, _("A base URL looks like https://api.openai.com/v1; "
	    "the key belongs in OPENAI_API_KEY."));
	fix_url(ctx, t, CHECK_DEFAULT_URL, r);
	return true;
}

/* Fails or warns when the key would cross the network unencrypted. */
static bool
judge_http(const struct check_ctx *ctx, const struct target *t,
    struct check_result *r)
{
	char *https;

	if (strncasecmp(t->url, "http://", 7) != 0 ||
	    provider_url_loopback(t->url))
		return false;
	check_set(r, t->p != NULL ? CHECK_FAIL : CHECK_WARN, _("the base URL "
	    "(%s) sends the key unencrypted: %s"), t->where, t->shown);
	check_detail(r, _("Anyone on the way can read the key; use https:// "
	    "unless the server runs on this computer."));
	/* A known service is always https; a LAN server may not be. */
	if (t->p == NULL)
		return true;
	https = xasprintf("https://%s", t->url + 7);
	fix_url(ctx, t, https, r);
	free(https);
	return true;
}

/* Fails r when the path ends in an endpoint the SDK appends itself. */
static bool
judge_endpoint(const struct check_ctx *ctx, const struct target *t,
    struct check_result *r)
{
	for (size_t i = 0; i < sizeof endpoints / sizeof *endpoints; i++) {
		size_t n = strlen(endpoints[i]);
		char *base;

		if (t->plen < n || memcmp(t->path + t->plen - n, endpoints[i],
		    n) != 0)
			continue;
		check_set(r, CHECK_FAIL, _("the base URL (%s) ends in %s, "
		    "which the SDK adds itself: %s"), t->where, endpoints[i],
		    t->shown);
		check_detail(r, _("The SDK appends the endpoint to the base "
		    "URL, so the request goes to a path that does not exist."));
		base = xmemdup(t->url, (size_t)(t->path - t->url) + t->plen -
		    n);
		fix_url(ctx, t, base, r);
		free(base);
		return true;
	}
	return false;
}

/* Fails (OpenAI) or warns (others) when the path is not the provider's:
 * https://api.openai.com without /v1. */
static bool
judge_path(const struct check_ctx *ctx, const struct target *t,
    struct check_result *r)
{
	const char *base = t->p != NULL ? provider_base_url(t->p) : NULL;
	struct target b = { .url = base };
	char *fixed;

	if (base == NULL || !url_parts(&b) || (t->plen == b.plen &&
	    memcmp(t->path, b.path, b.plen) == 0) || (b.plen == 0 &&
	    t->plen == 3 && memcmp(t->path, "/v1", 3) == 0))
		return false;
	fixed = xasprintf("%.*s%.*s", (int)t->prefix, t->url, (int)b.plen,
	    b.path);
	check_set(r, strcmp(provider_id(t->p), "openai") == 0 ? CHECK_FAIL :
	    CHECK_WARN, _("the base URL (%s) is %s, but the endpoint of %s "
	    "is %s"), t->where, t->shown, provider_name(t->p), base);
	check_detail(r, _("With another path the API answers 404, or the "
	    "request reaches a web page instead of the API."));
	fix_url(ctx, t, fixed, r);
	free(fixed);
	return true;
}

/* Warns when the OPENAI_BASE_URL line reads differently in some
 * programs (hidden characters, curly quotes, padding). */
static bool
judge_line(const struct target *t, struct check_result *r)
{
	unsigned long bad = 1UL << DEFECT_INVISIBLE |
	    1UL << DEFECT_SMART_QUOTES | 1UL << DEFECT_WHITESPACE;

	if (t->from == NULL || (t->from->defects & bad) == 0)
		return false;
	check_set(r, CHECK_WARN, _("the OPENAI_BASE_URL line at %s has "
	    "characters some programs keep: spaces, curly quotes or hidden "
	    "ones"), t->where);
	check_fix(r, _("retype the line at %s"), t->where);
	return true;
}

/* Warns when OPENAI_API_BASE is set for a URL the SDKs do not use. */
static bool
judge_legacy(const struct check_ctx *ctx, const struct target *t,
    struct check_result *r)
{
	const struct candidate *old = check_lookup(ctx, "OPENAI_API_BASE");
	char *ow;

	if (old == NULL || check_lookup(ctx, "OPENAI_BASE_URL") != NULL ||
	    same_url(old->value, t->url))
		return false;
	ow = check_where(old);
	/* TRANSLATORS: where OPENAI_API_BASE is set, the URL used instead. */
	check_set(r, CHECK_WARN, _("OPENAI_API_BASE in %s is ignored: openai "
	    "1.x and later send requests to %s"), ow, t->shown);
	check_detail(r, _("OPENAI_API_BASE is the pre-1.0 name; current SDKs "
	    "read only OPENAI_BASE_URL."));
	if (old->path != NULL)
		check_fix(r, _("rename OPENAI_API_BASE to OPENAI_BASE_URL at "
		    "%s"), ow);
	else
		check_fix(r, "export OPENAI_BASE_URL=\"$OPENAI_API_BASE\"");
	free(ow);
	return true;
}

/* Passes a known endpoint or a server on this computer; warns for one
 * elsewhere that fix401 does not know. */
static void
judge_host(const struct check_ctx *ctx, const struct target *t,
    struct check_result *r)
{
	if (t->p != NULL)
		check_set(r, CHECK_PASS, _("requests go to %s at %s (%s)"),
		    provider_name(t->p), t->shown, t->where);
	else if (provider_url_loopback(t->url))
		check_set(r, CHECK_PASS, _("requests go to a server on this "
		    "computer at %s (%s)"), t->shown, t->where);
	else if (ctx->providers == NULL && same_url(t->url, CHECK_DEFAULT_URL))
		check_set(r, CHECK_PASS, _("requests go to %s (%s)"), t->shown,
		    t->where);
	else if (ctx->providers == NULL)
		check_set(r, CHECK_SKIP, _("provider data not found"));
	else {
		check_set(r, CHECK_WARN, _("the base URL (%s) is not an "
		    "endpoint fix401 knows: %s"), t->where, t->shown);
		check_detail(r, _("That is fine for a proxy or a server you "
		    "run; it then takes the key it gave you, not an OpenAI "
		    "key."));
	}
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	struct target t = { 0 };

	t.url = check_url(ctx, &t.from);
	t.where = check_url_where(ctx, t.from);
	t.shown = url_shown(ctx->providers, t.url);
	if (ctx->providers != NULL)
		t.p = provider_for_url(ctx->providers, t.url);
	if (*t.url == '\0')
		judge_empty(ctx, &t, r);
	else if (!judge_stray(ctx, &t, r) && !judge_scheme(ctx, &t, r) &&
	    !judge_http(ctx, &t, r) && !judge_endpoint(ctx, &t, r) &&
	    !judge_path(ctx, &t, r) && !judge_line(&t, r) &&
	    !judge_legacy(ctx, &t, r))
		judge_host(ctx, &t, r);
	free(t.where);
	free(t.shown);
}

const struct check check_base_url = {
	.id = "base-url",
	.title = N_("The base URL is right"),
	.network = false,
	.run = run,
};
