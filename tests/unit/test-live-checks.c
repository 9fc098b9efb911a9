/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The live checks key-accepted, completion and network over a finished
 * struct live filled by hand: statuses, the places and causes named, the
 * fixes, and never a key in any text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "explain.h"
#include "live-fixture.h"
#include "unit.h"
#include "xalloc.h"

#define QUOTA	OAI("You exceeded your current quota, please check your " \
	"plan and billing details.", Q("insufficient_quota"), "null", \
	Q("insufficient_quota"))
#define RATE	OAI("Rate limit reached for gpt-4.1-nano in organization " \
	"org-abc on requests per min (RPM): Limit 3, Used 3, Requested 1.", \
	Q("requests"), "null", Q("rate_limit_exceeded"))

static void
test_words(void)
{
	struct fixture fx;
	struct live l;
	char *file, *s, *want, *b = lf_wrong(KA, strlen(KA));
	struct probe *p;

	lf_fx_two(&fx, &file);
	lf_go(&l, &fx, 1);
	s = check_key_phrase(&fx.ctx, 1);
	want = xasprintf("the key in " RC ":42 (sk-proj-...%s, 164 "
	    "characters)", KA + 160);
	CHECK_STR(want, s);
	free(want);
	free(s);
	p = lf_answer(&l, PROBE_MODELS, 1, 401, b, true);
	CHECK_INT(1, p->matched);
	CHECK_INT(EXPLAIN_MATCH_EXACT, p->match);
	s = check_answer(p);
	CHECK_STR("401 invalid_api_key: key rejected", s);
	free(s);
	p = lf_answer(&l, PROBE_OTHER_KEY, 0, 401, "", false);
	s = check_answer(p);
	CHECK_STR("401: a proxy answered", s);
	free(s);
	CHECK_INT(EXPLAIN_PROXY, check_probe_cause(p));
	live_clear(&l);
	fx_free(&fx);
	free(file);
	free(b);
}

static void
test_accepted(void)
{
	struct fixture fx;
	struct live l;
	struct check_result r = { 0 };
	char *file, *b = lf_wrong(KA, strlen(KA)), *q;

	lf_fx_two(&fx, &file);
	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 200, MODELS, true);
	RUN(check_key_accepted, &fx, &r, CHECK_PASS);
	HAS(r.summary, "GET /models accepts the key in " RC ":42");
	live_clear(&l);

	/* Refused; the .env key works. */
	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 401, b, true);
	lf_answer(&l, PROBE_OTHER_KEY, 0, 200, MODELS, true);
	RUN(check_key_accepted, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "401 invalid_api_key: key rejected, for the key in "
	    RC ":42");
	HAS(r.detail, "Incorrect API key provided: sk-proj-**");
	HAS(r.detail, "The server saw sk-proj-**");
	HAS(r.detail, ": the key in " RC ":42 (");
	HAS(r.detail, "the key in /p/.env:1 (");
	HAS(r.detail, "characters) works.");
	HAS(r.fix, "the key in /p/.env:1 works");
	HAS(r.fix, "the one in " RC ":42, which wins");
	live_clear(&l);

	/* Refused, and the other key too. */
	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 401, b, true);
	free(b);
	b = lf_wrong(KB, strlen(KB));
	lf_answer(&l, PROBE_OTHER_KEY, 0, 401, b, true);
	RUN(check_key_accepted, &fx, &r, CHECK_FAIL);
	HAS(r.detail, "/p/.env:1 (sk-proj-...");
	HAS(r.detail, "is refused too (401 invalid_api_key: key rejected)");
	HAS(r.fix, "Create a new key");
	HASNT(r.fix, "works");
	live_clear(&l);
	free(b);

	/* The mask names a key found nowhere. */
	lf_go(&l, &fx, 1);
	b = lf_wrong(KC, strlen(KC));
	lf_answer(&l, PROBE_MODELS, 1, 401, b, true);
	RUN(check_key_accepted, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "another key was sent");
	HAS(r.detail, "matches none found on this machine");
	HAS(r.fix, "an old key set elsewhere");
	live_clear(&l);
	free(b);

	/* ... with quotes around the winner. */
	lf_go(&l, &fx, 1);
	q = xasprintf("\"%s\"", KA);
	b = lf_wrong(q, strlen(q));
	lf_answer(&l, PROBE_MODELS, 1, 401, b, true);
	RUN(check_key_accepted, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "quotes sent with the key");
	HAS(r.detail, ": the key in " RC ":42 (");
	HAS(r.detail, "with quote characters around it");
	live_clear(&l);
	free(b);
	free(q);

	/* ... cut short: 150 of the .env key's 164 characters. */
	lf_go(&l, &fx, 1);
	b = lf_wrong(KB, 150);
	lf_answer(&l, PROBE_MODELS, 1, 401, b, true);
	RUN(check_key_accepted, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "key cut short");
	HAS(r.detail, "a cut or lengthened copy of the key in /p/.env:1");
	live_clear(&l);
	free(b);

	/* A restricted key may not list models. */
	lf_go(&l, &fx, 1);
	b = xasprintf(SCOPES, "api.model.read");
	lf_answer(&l, PROBE_MODELS, 1, 403, b, false);
	RUN(check_key_accepted, &fx, &r, CHECK_WARN);
	HAS(r.summary, "restricted");
	HAS(r.detail, "Missing scopes: api.model.read");
	HAS(r.fix, "completion check");
	live_clear(&l);
	free(b);

	/* No www-authenticate: not OpenAI's answer. */
	lf_go(&l, &fx, 1);
	b = lf_wrong(KA, strlen(KA));
	lf_answer(&l, PROBE_MODELS, 1, 401, b, false);
	RUN(check_key_accepted, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "a proxy answered");
	live_clear(&l);
	free(b);

	/* No answer at all. */
	lf_go(&l, &fx, 1);
	lf_broken(&l, PROBE_MODELS, 1, HTTP_ERR_DNS, "Could not resolve host");
	RUN(check_key_accepted, &fx, &r, CHECK_SKIP);
	HAS(r.summary, "see network");
	live_clear(&l);
	check_result_clear(&r);
	fx_free(&fx);
	free(file);
}

static void
test_completion(void)
{
	struct fixture fx;
	struct live l;
	struct check_result r = { 0 };
	char *file, *b = lf_wrong(KA, strlen(KA));
	struct probe *c;

	lf_fx_two(&fx, &file);
	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 200, MODELS, true);
	c = lf_chat(&l, 200, CHAT);
	c->reply = xstrdup("OK");
	RUN(check_completion, &fx, &r, CHECK_PASS);
	HAS(r.summary, "gpt-4.1-nano replied \"OK\"");
	CHECK(r.detail == NULL);
	c->fallback = xstrdup("the server does not take "
	    "max_completion_tokens; asked again with max_tokens");
	RUN(check_completion, &fx, &r, CHECK_PASS);
	CHECK_STR(c->fallback, r.detail);
	live_clear(&l);

	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 200, MODELS, true);
	lf_chat(&l, 429, QUOTA);
	RUN(check_completion, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "429 insufficient_quota: no credit left (model "
	    "gpt-4.1-nano)");
	HAS(r.detail, "exceeded your current quota");
	HAS(r.fix, "/settings/organization/billing");
	live_clear(&l);

	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 200, MODELS, true);
	lf_chat(&l, 429, RATE);
	RUN(check_completion, &fx, &r, CHECK_WARN);
	HAS(r.summary, "rate limit");
	HAS(r.fix, "wait a minute");
	live_clear(&l);

	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 200, MODELS, true);
	lf_chat(&l, 404, OAI("The model `gpt-4.1-nano` does not exist or you "
	    "do not have access to it.", IRE, "null", Q("model_not_found")));
	RUN(check_completion, &fx, &r, CHECK_FAIL);
	HAS(r.fix, "fix401 --model");
	l.p[1].fallback = xstrdup("model gpt-4o is not available to this "
	    "key; asked gpt-4.1-nano instead");
	RUN(check_completion, &fx, &r, CHECK_FAIL);
	HAS(r.detail, "have access to it. model gpt-4o is not available");
	live_clear(&l);

	/* /models got the same 401: nothing new to say. */
	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 401, b, true);
	lf_chat(&l, 401, b);
	RUN(check_completion, &fx, &r, CHECK_SKIP);
	HAS(r.summary, "see key-accepted");
	live_clear(&l);

	/* /models took the key, chat did not: a restricted key. */
	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 200, MODELS, true);
	free(b);
	b = xasprintf(SCOPES, "model.request");
	lf_chat(&l, 401, b);
	RUN(check_completion, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "401: key lacks a scope (model gpt-4.1-nano)");
	live_clear(&l);

	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 200, MODELS, true);
	lf_broken(&l, PROBE_CHAT, 1, HTTP_ERR_TIMEOUT, "Operation timed out");
	RUN(check_completion, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "no reply: Operation timed out");
	live_clear(&l);

	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 200, MODELS, true);
	RUN(check_completion, &fx, &r, CHECK_SKIP);
	HAS(r.summary, "no request was made");
	lf_broken(&l, PROBE_CHAT, 1, HTTP_ERR_CANCELLED, NULL);
	RUN(check_completion, &fx, &r, CHECK_SKIP);
	live_clear(&l);
	check_result_clear(&r);
	fx_free(&fx);
	free(file);
	free(b);
}

static void
test_network(void)
{
	struct fixture fx;
	struct live l;
	struct check_result r = { 0 };
	char *file;

	lf_fx_two(&fx, &file);
	lf_go(&l, &fx, 1);
	lf_broken(&l, PROBE_MODELS, 1, HTTP_ERR_TLS_CA, "SSL certificate "
	    "problem: unable to get local issuer certificate");
	RUN(check_network, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "the server's certificate is not trusted: "
	    CHECK_DEFAULT_URL);
	HAS(r.detail, "libcurl says: SSL certificate problem");
	HAS(r.fix, "SSL_CERT_FILE=");
	/* Through a proxy, it is named. */
	l.proxy = xstrdup("http://***@proxy.example:3128");
	RUN(check_network, &fx, &r, CHECK_FAIL);
	HAS(r.detail, "Through the proxy http://***@proxy.example:3128");
	live_clear(&l);

	lf_go(&l, &fx, 1);
	lf_broken(&l, PROBE_MODELS, 1, HTTP_ERR_DNS, "Could not resolve host");
	RUN(check_network, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "does not resolve");
	HAS(r.fix, "DNS");
	live_clear(&l);

	lf_go(&l, &fx, 1);
	lf_broken(&l, PROBE_MODELS, 1, HTTP_ERR_TIMEOUT, NULL);
	RUN(check_network, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "no answer in time");
	HAS(r.fix, "--timeout");
	CHECK(r.detail == NULL);
	live_clear(&l);

	/* Any HTTP answer counts, even a 401. */
	lf_go(&l, &fx, 1);
	lf_answer(&l, PROBE_MODELS, 1, 401, NULL, true);
	RUN(check_network, &fx, &r, CHECK_PASS);
	HAS(r.summary, CHECK_DEFAULT_URL " answered in 187 ms (HTTP/2)");
	live_clear(&l);

	lf_go(&l, &fx, 1);
	lf_broken(&l, PROBE_MODELS, 1, HTTP_ERR_CANCELLED, NULL);
	RUN(check_network, &fx, &r, CHECK_SKIP);
	HAS(r.summary, "cancelled");
	live_clear(&l);

	fx.ctx.live = NULL;
	RUN(check_network, &fx, &r, CHECK_SKIP);
	HAS(r.summary, "offline");
	check_result_clear(&r);
	fx_free(&fx);
	free(file);
}

int
main(void)
{
	int rc = lf_setup();

	if (rc != 0)
		return rc;
	test_words();
	test_accepted();
	test_completion();
	test_network();
	providers_free(lf_ps);
	return unit_done();
}
