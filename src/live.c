/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The probes: GET /models and a minimal chat completion with the
 * effective key start together, every other distinct key gets its own
 * GET /models, and each answer may lead to one follow-up (a bounded retry,
 * a model or parameter fallback, the differential retry without the
 * organization or project header). */
#include <config.h>

#include "live.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "xalloc.h"

bool
probe_ok(const struct probe *p)
{
	return p != NULL && p->resp.error == HTTP_OK && p->resp.status == 200;
}

const char *
probe_endpoint(const struct probe *p)
{
	return p->kind == PROBE_CHAT ? "POST /chat/completions" :
	    "GET /models";
}

/* A header line from a candidate's value, or NULL when it cannot be sent
 * as it is (caller frees). */
static char *
value_header(const struct live *l, const char *name, size_t i)
{
	size_t len;
	const char *v;

	if (i == NO_WINNER)
		return NULL;
	v = live_value(l->ctx, i, &len);
	if (!live_sendable(v, len))
		return NULL;
	return xasprintf("%s: %.*s", name, (int)len, v);
}

/* The Authorization (or Azure api-key) header for the probe's key, or
 * NULL for none.  Wipe and free. */
static char *
auth_header(const struct live *l, const struct probe *p)
{
	bool azure = l->provider != NULL &&
	    provider_auth(l->provider) == PROVIDER_AUTH_API_KEY;
	size_t len;
	const char *v;

	if (p->candidate == NO_WINNER)
		return NULL;
	v = live_value(l->ctx, p->candidate, &len);
	return xasprintf(azure ? "api-key: %.*s" : "Authorization: Bearer %.*s",
	    (int)len, v);
}

/* The chat request body: one short message, a tiny token budget. */
static char *
chat_body(const struct probe *p)
{
	cJSON *root = cJSON_CreateObject(), *msgs, *m;
	char *s, *out;

	cJSON_AddStringToObject(root, "model", p->model);
	msgs = cJSON_AddArrayToObject(root, "messages");
	m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "role", "user");
	cJSON_AddStringToObject(m, "content", "Reply with the single word OK.");
	cJSON_AddItemToArray(msgs, m);
	cJSON_AddNumberToObject(root, p->limit_param, 16);
	if ((s = cJSON_PrintUnformatted(root)) == NULL)
		die(_("out of memory"));
	out = xstrdup(s);
	cJSON_free(s);
	cJSON_Delete(root);
	return out;
}

int
live_send(struct live *l, struct probe *p, long delay_ms, char **cause)
{
	bool chat = p->kind == PROBE_CHAT;
	char *url = xasprintf("%s%s", l->base, chat ? "/chat/completions" :
	    "/models");
	char *org = p->sent_org ? value_header(l, "OpenAI-Organization",
	    l->org) : NULL;
	char *proj = p->sent_project ? value_header(l, "OpenAI-Project",
	    l->project) : NULL;
	const char *hdrs[5] = { "Accept: application/json" };
	size_t nh = 1;
	char *auth = auth_header(l, p), *body = chat ? chat_body(p) : NULL;
	struct http_request r = {
		.method = chat ? "POST" : "GET", .url = url, .headers = hdrs,
		.secret_header = auth, .body = body,
		.body_len = body != NULL ? strlen(body) : 0,
		.delay_ms = delay_ms,
	};
	int rc;

	if (chat)
		hdrs[nh++] = "Content-Type: application/json";
	if (org != NULL)
		hdrs[nh++] = org;
	if (proj != NULL)
		hdrs[nh++] = proj;
	p->attempts++;
	rc = http_submit(l->http, &r, live_on_done, p, cause);
	if (auth != NULL)
		xwipe(auth, strlen(auth));
	free(auth);
	free(body);
	free(org);
	free(proj);
	free(url);
	return rc;
}

struct probe *
live_add(struct live *l, enum probe_kind k, size_t i)
{
	struct probe *p;

	if (l->n == LIVE_MAX_PROBES)
		return NULL;
	p = &l->p[l->n++];
	memset(p, 0, sizeof *p);
	p->kind = k;
	p->candidate = i;
	p->matched = -1;
	p->owner = l;
	return p;
}

/* Starts p now; a refusal from libcurl finishes it as an error. */
static void
start(struct live *l, struct probe *p)
{
	char *cause = NULL;

	if (live_send(l, p, 0, &cause) == 0)
		return;
	p->resp.error = HTTP_ERR_OTHER;
	p->resp.error_text = cause;
	p->done = true;
}

/* The model the chat probe asks for first: --model, the host's provider's
 * cheap model, else OpenAI's (an OpenAI-compatible server often serves
 * it; if not, a listed model is tried once). */
static const char *
first_model(const struct live *l)
{
	const struct provider *openai;

	if (l->opts.model != NULL)
		return l->opts.model;
	if (l->provider != NULL && provider_model(l->provider) != NULL)
		return provider_model(l->provider);
	openai = l->ctx->providers != NULL ?
	    provider_find(l->ctx->providers, "openai") : NULL;
	return openai != NULL && provider_model(openai) != NULL ?
	    provider_model(openai) : "gpt-4.1-nano";
}

/* True when candidate i is a distinct key worth its own GET /models. */
static bool
other_key(const struct live *l, size_t i)
{
	const struct candidate *c = &l->ctx->src->c[i];
	size_t len, klen;
	const char *v, *k;
	struct key_id id;

	if (i == l->key || c->dynamic || l->ctx->providers == NULL)
		return false;
	v = live_value(l->ctx, i, &len);
	provider_identify_key(l->ctx->providers, v, len, &id);
	if (id.cls != KEY_ID_KEY || !live_sendable(v, len) ||
	    !live_may_send(l, i))
		return false;
	if (l->key != NO_WINNER) {
		k = live_value(l->ctx, l->key, &klen);
		if (klen == len && memcmp(k, v, len) == 0)
			return false;
	}
	for (size_t j = 0; j < l->n; j++)
		if (l->p[j].kind == PROBE_OTHER_KEY) {
			k = live_value(l->ctx, l->p[j].candidate, &klen);
			if (klen == len && memcmp(k, v, len) == 0)
				return false;
		}
	return true;
}

int
live_start(struct live *l, struct http *h, char **cause)
{
	struct probe *m, *c;
	size_t len;
	const char *v;

	(void)cause;
	l->http = h;
	if (l->block == LIVE_OFFLINE || l->block == LIVE_BAD_URL)
		return 0;
	if (l->key != NO_WINNER) {
		v = live_value(l->ctx, l->key, &len);
		l->unsendable = !live_sendable(v, len);
	}
	/* The network is probed even when the key may not go: without it. */
	m = live_add(l, PROBE_MODELS, l->block == LIVE_GO && !l->unsendable ?
	    l->key : NO_WINNER);
	if (m->candidate != NO_WINNER) {
		m->sent_org = l->org != NO_WINNER;
		m->sent_project = l->project != NO_WINNER;
		c = live_add(l, PROBE_CHAT, l->key);
		c->sent_org = m->sent_org;
		c->sent_project = m->sent_project;
		c->model = xstrdup(first_model(l));
		c->limit_param = "max_completion_tokens";
	}
	for (size_t i = 0; l->block == LIVE_GO && i < l->ctx->src->n; i++)
		if (l->n < 2 + LIVE_MAX_OTHERS && other_key(l, i))
			live_add(l, PROBE_OTHER_KEY, i);
	for (size_t i = 0; i < l->n; i++)
		start(l, &l->p[i]);
	return 0;
}

bool
live_done(const struct live *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (!l->p[i].done)
			return false;
	return true;
}

const struct probe *
live_probe(const struct live *l, enum probe_kind k)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->p[i].kind == k)
			return &l->p[i];
	return NULL;
}

void
live_clear(struct live *l)
{
	for (size_t i = 0; i < l->n; i++) {
		http_response_clear(&l->p[i].resp);
		explain_clear(&l->p[i].ex);
		free(l->p[i].model);
		free(l->p[i].reply);
		free(l->p[i].fallback);
	}
	xfree_strv(l->models);
	free(l->base);
	free(l->shown_base);
	free(l->proxy);
	memset(l, 0, sizeof *l);
}
