/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* What the live probes send, and where: the effective key as the user's
 * program would send it, the base URL, the organization and project, and
 * the reasons not to send a key at all (it would leak to another provider
 * or cross the network in clear text).  Pure: no request is made here. */
#include <config.h>

#include "live.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "sanitize.h"
#include "xalloc.h"

const char *
live_value(const struct check_ctx *ctx, size_t i, size_t *len)
{
	const struct candidate *c = &ctx->src->c[i];
	int loader = consumer_loader(ctx->consumer);
	const struct binding *b;

	/* The winner from the project .env is what its loader reads, quotes
	 * and all: that is what the server will see. */
	if (loader >= 0 && ctx->dotenv != NULL && c->path != NULL &&
	    ctx->dotenv_path != NULL && strcmp(c->path, ctx->dotenv_path) == 0 &&
	    i == ctx->src->winner[ctx->consumer] &&
	    (b = loaded_lookup(&ctx->dotenv->loaded[loader], c->name)) != NULL &&
	    b->value != NULL) {
		*len = b->value_len;
		return b->value;
	}
	*len = c->value_len;
	return c->value;
}

/* True when an SDK would put v[0..len) in a header as it is: printable
 * ASCII with no space at either end (Python's h11 and Node both refuse
 * the rest before anything is sent). */
bool
live_sendable(const char *v, size_t len)
{
	if (len == 0 || v[0] == ' ' || v[len - 1] == ' ')
		return false;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)v[i] < 0x20 || (unsigned char)v[i] >= 0x7f)
			return false;
	return true;
}

/* The base URL without its trailing slashes, or NULL when it cannot be
 * used (empty, not http or https). */
static char *
clean_base(const char *url)
{
	size_t n = strlen(url);

	if (strncasecmp(url, "https://", 8) != 0 &&
	    strncasecmp(url, "http://", 7) != 0)
		return NULL;
	while (n > 0 && url[n - 1] == '/')
		n--;
	if (strchr(url, ' ') != NULL || n <= 8)
		return NULL;
	return xmemdup(url, n);
}

/* The provider the candidate's value belongs to, or NULL. */
static const struct provider *
key_provider(const struct check_ctx *ctx, size_t i)
{
	struct key_id id;
	size_t len;
	const char *v = live_value(ctx, i, &len);

	if (ctx->providers == NULL)
		return NULL;
	provider_identify_key(ctx->providers, v, len, &id);
	return id.cls == KEY_ID_KEY ? id.provider : NULL;
}

bool
live_may_send(const struct live *l, size_t i)
{
	const struct provider *kp = key_provider(l->ctx, i);

	/* A key known to be another provider's never goes to another
	 * provider's host; a server on this machine takes what it wants. */
	return kp == NULL || l->provider == NULL || kp == l->provider ||
	    (l->base != NULL && provider_url_loopback(l->base));
}

static size_t
index_of(const struct check_ctx *ctx, const struct candidate *c)
{
	return c == NULL ? NO_WINNER : (size_t)(c - ctx->src->c);
}

/* Why the key may not go to the base URL, or LIVE_GO. */
static enum live_block
block_for(const struct live *l)
{
	if (l->base == NULL)
		return LIVE_BAD_URL;
	if (strncasecmp(l->base, "http://", 7) == 0 &&
	    !provider_url_loopback(l->base) && !l->opts.allow_insecure)
		return LIVE_INSECURE;
	if (l->key != NO_WINNER && !live_may_send(l, l->key))
		return LIVE_FOREIGN_KEY;
	return LIVE_GO;
}

void
live_plan(struct live *l, const struct check_ctx *ctx,
    const struct live_opts *o)
{
	const struct candidate *from;
	const char *url = check_url(ctx, &from);

	memset(l, 0, sizeof *l);
	l->ctx = ctx;
	l->opts = *o;
	l->key = index_of(ctx, check_winner(ctx));
	l->org = index_of(ctx, check_lookup(ctx, "OPENAI_ORG_ID"));
	l->project = index_of(ctx, check_lookup(ctx, "OPENAI_PROJECT_ID"));
	l->base = clean_base(url);
	l->shown_base = sanitize_url(l->base != NULL ? l->base : url);
	if (l->base != NULL && ctx->providers != NULL)
		l->provider = provider_for_url(ctx->providers, l->base);
	if (l->key != NO_WINNER)
		l->key_provider = key_provider(ctx, l->key);
	l->block = ctx->offline ? LIVE_OFFLINE : block_for(l);
	if (l->base != NULL && !provider_url_loopback(l->base))
		l->proxy = http_proxy_for(l->base, NULL, NULL);
}

/* Model ids no chat request can use. */
static bool
not_chat(const char *id)
{
	static const char *const words[] = {
		"embed", "tts", "whisper", "dall-e", "image", "audio",
		"moderation", "realtime", "transcribe", "search", "codex",
		"computer-use", "instruct", "babbage", "davinci",
	};

	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strstr(id, words[i]) != NULL)
			return true;
	return false;
}

const char *
live_cheap_model(const char *const *ids, size_t n)
{
	/* Cheapest first, non-reasoning before reasoning (a reasoning model
	 * may spend a tiny budget on hidden tokens and say nothing). */
	static const char *const pref[] = {
		"gpt-4.1-nano", "gpt-4o-mini", "gpt-4.1-mini", "gpt-5-nano",
		"gpt-5-mini", "gpt-3.5-turbo",
	};
	static const char *const cheap[] = { "nano", "mini", "small", "lite",
	    "flash", "8b", "haiku" };

	for (size_t p = 0; p < sizeof pref / sizeof *pref; p++)
		for (size_t i = 0; i < n; i++)
			if (strcmp(ids[i], pref[p]) == 0)
				return ids[i];
	for (size_t p = 0; p < sizeof cheap / sizeof *cheap; p++)
		for (size_t i = 0; i < n; i++)
			if (strstr(ids[i], cheap[p]) != NULL && !not_chat(ids[i]))
				return ids[i];
	for (size_t i = 0; i < n; i++)
		if (!not_chat(ids[i]))
			return ids[i];
	return NULL;
}
