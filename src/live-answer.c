/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* What happens when a probe's answer arrives: classify it, match the
 * server's mask against the candidates, and decide on the one follow-up it
 * may earn (a bounded retry, a parameter or model fallback, the
 * differential retry without the organization or project header). */
#include <config.h>

#include "live.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "check.h"
#include "i18n.h"
#include "sanitize.h"
#include "xalloc.h"

/* Retries per probe (429 rate limit, 5xx, a broken connection). */
#define MAX_RETRIES	2
/* A retry-after longer than this is reported, not waited for. */
#define WAIT_MAX_MS	5000
/* The most characters kept of the model's reply. */
#define REPLY_MAX	160
/* The most model ids kept from /models. */
#define MODELS_MAX	400

static bool
is(const char *s, const char *w)
{
	return s != NULL && strcmp(s, w) == 0;
}

/* A little jitter so retries from many clients spread out. */
static long
jitter_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_nsec / 1000 % 200;
}

/* ms to wait before sending p again, or -1: this answer is final. */
static long
retry_delay(const struct probe *p, const struct http_response *r,
    const struct explained *e)
{
	bool busy = r->status == 500 || r->status == 502 || r->status == 503 ||
	    r->status == 504;
	bool again = r->error == HTTP_ERR_RESET || (r->error == HTTP_OK &&
	    (busy || (r->status == 429 && e->cause == EXPLAIN_RATE_LIMIT)));

	if (!again || p->attempts > MAX_RETRIES || p->owner->cancelled)
		return -1;
	if (r->retry_after_ms >= 0)
		return r->retry_after_ms <= WAIT_MAX_MS ? r->retry_after_ms : -1;
	return (250L << (p->attempts - 1)) + jitter_ms();
}

/* Sends p again; on a refusal the answer in hand stays final. */
static bool
resend(struct probe *p, long delay_ms)
{
	char *cause = NULL;

	if (live_send(p->owner, p, delay_ms, &cause) == 0)
		return true;
	free(cause);
	return false;
}

/* Which candidate the server's mask shows, the sent one first.  Each is
 * matched as the user meant it, so quotes a loader kept show as
 * "quoted". */
static void
match_mask(struct probe *p)
{
	const struct live *l = p->owner;
	const struct sources *s = l->ctx->src;
	struct explain_candidate *c = xcalloc(s->n + 1, sizeof *c);
	size_t *idx = xcalloc(s->n + 1, sizeof *idx), n = 0;
	int k;

	if (p->candidate != NO_WINNER) {
		c[n].value = s->c[p->candidate].value;
		c[n].len = s->c[p->candidate].value_len;
		idx[n++] = p->candidate;
	}
	for (size_t i = 0; i < s->n; i++)
		if (i != p->candidate && !s->c[i].dynamic) {
			c[n].value = s->c[i].value;
			c[n].len = s->c[i].value_len;
			idx[n++] = i;
		}
	k = explain_match(&p->ex, c, n);
	p->matched = k >= 0 ? (int)idx[k] : -1;
	p->match = k >= 0 ? explain_match_kind(&p->ex, &c[k]) :
	    EXPLAIN_MATCH_NONE;
	free(c);
	free(idx);
}

/* The ids /models listed, into l->models. */
static void
read_models(struct live *l, const struct http_response *r)
{
	cJSON *root = cJSON_ParseWithLength(r->body, r->len), *m;
	const cJSON *data = cJSON_GetObjectItemCaseSensitive(root, "data");
	size_t n = 0;

	xfree_strv(l->models);
	l->models = xcalloc(MODELS_MAX + 1, sizeof *l->models);
	cJSON_ArrayForEach(m, data) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(m, "id");

		if (n < MODELS_MAX && cJSON_IsString(id))
			l->models[n++] = sanitize_text_max(id->valuestring,
			    strlen(id->valuestring), 80, NULL);
	}
	cJSON_Delete(root);
}

/* The model's words from a chat answer, cleaned, or NULL. */
static char *
read_reply(const struct http_response *r)
{
	cJSON *root = cJSON_ParseWithLength(r->body, r->len);
	const cJSON *ch = cJSON_GetArrayItem(
	    cJSON_GetObjectItemCaseSensitive(root, "choices"), 0);
	const cJSON *msg = cJSON_GetObjectItemCaseSensitive(ch, "message");
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(msg, "content");
	char *s = NULL;

	if (cJSON_IsString(t)) {
		s = sanitize_server(t->valuestring, strlen(t->valuestring),
		    REPLY_MAX);
	} else if (msg != NULL)
		s = xstrdup("");
	cJSON_Delete(root);
	return s;
}

/* On 400 unsupported_parameter for the token limit, the other one. */
static bool
switch_param(struct probe *p, const struct explained *e)
{
	const char *old = p->limit_param;

	if (p->param_switched || e->status != 400 ||
	    !is(e->code, "unsupported_parameter") ||
	    (e->param != NULL && !is(e->param, old)))
		return false;
	p->param_switched = true;
	p->limit_param = is(old, "max_tokens") ? "max_completion_tokens" :
	    "max_tokens";
	free(p->fallback);
	/* TRANSLATORS: two request parameter names. */
	p->fallback = xasprintf(_("the server does not take %s; asked again "
	    "with %s"), old, p->limit_param);
	return resend(p, 0);
}

/* On a model the key may not use, once: a cheap model /models listed,
 * other than the one refused. */
static bool
switch_model(struct probe *p)
{
	struct live *l = p->owner;
	const char **ids;
	const char *pick;
	size_t n = 0;

	if (l->models == NULL || p->model_switched)
		return false;
	for (size_t i = 0; l->models[i] != NULL; i++)
		n++;
	ids = xcalloc(n + 1, sizeof *ids);
	n = 0;
	for (size_t i = 0; l->models[i] != NULL; i++)
		if (!is(l->models[i], p->model))
			ids[n++] = l->models[i];
	pick = live_cheap_model(ids, n);
	free(ids);
	if (pick == NULL)
		return false;
	p->model_switched = true;
	free(p->fallback);
	/* TRANSLATORS: two model names. */
	p->fallback = xasprintf(_("model %s is not available to this key; "
	    "asked %s instead"), p->model, pick);
	free(p->model);
	p->model = xstrdup(pick);
	return resend(p, 0);
}

/* A chat answer that a different request may turn around; true when the
 * probe was sent again or waits for /models. */
static bool
chat_fallback(struct probe *p, const struct explained *e)
{
	if (p->kind != PROBE_CHAT)
		return false;
	if (switch_param(p, e))
		return true;
	if (e->cause != EXPLAIN_MODEL_NOT_FOUND || p->owner->opts.model != NULL ||
	    p->model_switched)
		return false;
	if (p->owner->models == NULL && !p->owner->p[0].done) {
		p->model_retry = true;	/* decided when /models answers */
		return false;
	}
	return switch_model(p);
}

/* After a 401 with an organization or project header: the same request
 * without each, to tell which header the server refused. */
static void
differential(struct probe *m)
{
	struct live *l = m->owner;
	struct probe *d;

	if (m->ex.cause == EXPLAIN_NO_KEY || l->cancelled)
		return;
	if (m->sent_org && (d = live_add(l, PROBE_NO_ORG, m->candidate))) {
		d->sent_project = m->sent_project;
		if (!resend(d, 0))
			d->done = true;
	}
	if (m->sent_project &&
	    (d = live_add(l, PROBE_NO_PROJECT, m->candidate))) {
		d->sent_org = m->sent_org;
		if (!resend(d, 0))
			d->done = true;
	}
}

/* /models answered: the chat probe may have been waiting for its list. */
static void
models_known(struct live *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct probe *c = &l->p[i];

		if (c->kind != PROBE_CHAT || !c->model_retry)
			continue;
		c->model_retry = false;
		if (!switch_model(c))
			c->done = true;
	}
}

/* Classifies the answer in hand.  A host of a known provider other than
 * OpenAI sends no www-authenticate: its absence means nothing there. */
static void
classify(const struct live *l, const struct http_response *r,
    struct explained *e)
{
	const char *ct = r->content_type;
	bool html = ct != NULL && strncasecmp(ct, "text/html", 9) == 0;
	bool www = r->www_authenticate || (l->provider != NULL &&
	    strcmp(provider_id(l->provider), "openai") != 0);

	if (r->error != HTTP_OK) {
		memset(e, 0, sizeof *e);
		return;
	}
	/* A success in JSON is read by the probe, not as an error body (one
	 * cut at the cap could not be parsed anyway). */
	bool cut = r->status >= 200 && r->status < 300 && ct != NULL &&
	    strncasecmp(ct, "application/json", 16) == 0;

	explain_response((int)r->status, cut ? NULL : r->body, cut ? 0 : r->len,
	    html, www, r->request_id, e);
	/* OpenAI sends www-authenticate with every 401: without it, whatever
	 * the body says, something in between answered. */
	if (r->status == 401 && !r->www_authenticate && l->provider != NULL &&
	    strcmp(provider_id(l->provider), "openai") == 0)
		e->cause = EXPLAIN_PROXY;
}

/* Masks the values found on this machine in every string kept from p's
 * answer (a server may echo a key no pattern recognises). */
static void
mask_answer(const struct live *l, struct probe *p)
{
	char *const f[] = {
		p->resp.error_text, p->resp.content_type, p->resp.request_id,
		p->resp.www_auth_value, p->resp.location, p->ex.code,
		p->ex.type, p->ex.param, p->ex.message, p->ex.request_id,
		p->reply,
	};
	size_t n = 0;

	sources_mask(l->ctx->src, f, sizeof f / sizeof *f);
	if (p->kind != PROBE_MODELS || l->models == NULL)
		return;
	while (l->models[n] != NULL)
		n++;
	sources_mask(l->ctx->src, l->models, n);
}

/* Keeps resp as p's answer (its strings are taken) and reads it. */
static void
keep(struct probe *p, struct http_response *resp, struct explained *e)
{
	struct live *l = p->owner;

	http_response_clear(&p->resp);
	explain_clear(&p->ex);
	p->resp = *resp;
	memset(resp, 0, sizeof *resp);
	p->ex = *e;
	if (p->resp.error != HTTP_OK) {
		mask_answer(l, p);
		return;
	}
	match_mask(p);
	if (p->resp.status == 200 && p->kind == PROBE_MODELS) {
		read_models(l, &p->resp);
	} else if (p->resp.status == 200 && p->kind == PROBE_CHAT) {
		free(p->reply);
		p->reply = p->resp.truncated ? xstrdup(_("(a reply over 1 MiB "
		    "long)")) : read_reply(&p->resp);
	}
	mask_answer(l, p);
}

void
live_on_done(struct http_response *resp, void *arg)
{
	struct probe *p = arg;
	struct live *l = p->owner;
	struct explained e;
	long delay;

	classify(l, resp, &e);
	if ((delay = retry_delay(p, resp, &e)) >= 0 && resend(p, delay)) {
		explain_clear(&e);
		return;
	}
	keep(p, resp, &e);
	if (p->resp.error == HTTP_OK && chat_fallback(p, &p->ex))
		return;
	if (p->kind == PROBE_MODELS) {
		if (p->resp.status == 401)
			differential(p);
		p->done = true;
		models_known(l);
		return;
	}
	p->done = !p->model_retry;
}
