/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The live unit tests' shared parts: fake keys made at start (never real),
 * the check that no text holds 13 characters in a row of any of them,
 * the providers table, and a check fixture that uses it. */
#ifndef FIX401_TEST_LIVE_FIXTURE_H
#define FIX401_TEST_LIVE_FIXTURE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "explain.h"

#include "check-fixture.h"
#include "key.h"
#include "live.h"
#include "unit.h"
#include "xalloc.h"

#define S(lit)	lit, sizeof(lit) - 1

/* An OpenAI error body, 2-space indent, no final newline; type, param and
 * code are JSON tokens. */
#define OAI(msg, type, param, code) \
	"{\n  \"error\": {\n    \"message\": \"" msg "\",\n    \"type\": " \
	type ",\n    \"param\": " param ",\n    \"code\": " code "\n  }\n}"
#define Q(s)	"\"" s "\""
#define IRE	Q("invalid_request_error")

#define WRONG_FMT	OAI("Incorrect API key provided: %s. You can find " \
	"your API key at https://platform.openai.com/account/api-keys.", \
	IRE, "null", Q("invalid_api_key"))

enum lf_key {
	LF_A,		/* OpenAI project key, 164 characters: the winner */
	LF_B,		/* another one: a second place */
	LF_C,		/* a third, found nowhere: the stale key */
	LF_OR,		/* OpenRouter: sk-or-v1- and 64 hex digits */
	LF_V,		/* a local server's token: 40 letters and digits */
	LF_NKEYS
};

static char lf_keys[LF_NKEYS][168];
static struct providers *lf_ps;

#define KA	lf_keys[LF_A]
#define KB	lf_keys[LF_B]
#define KC	lf_keys[LF_C]
#define KOR	lf_keys[LF_OR]
#define KV	lf_keys[LF_V]

/* prefix, then len in all of characters from set, with marker in the
 * middle of what follows the prefix. */
static inline void
lf_make(char *out, const char *prefix, const char *marker, size_t len,
    const char *set, unsigned long long seed)
{
	size_t np = strlen(prefix), nm = strlen(marker), ns = strlen(set);

	memcpy(out, prefix, np);
	for (size_t i = np; i < len; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		out[i] = set[(seed >> 33) % ns];
	}
	memcpy(out + np + (len - np - nm) / 2, marker, nm);
	out[len] = '\0';
}

#define LF_ALNUM \
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

/* Makes the keys, clears the proxy variables and loads the providers.
 * Returns 0, or 99 when the table cannot be read. */
static inline int
lf_setup(void)
{
	static const char *const proxies[] = {
		"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy",
		"ALL_PROXY", "no_proxy", "NO_PROXY",
	};
	char *cause = NULL;

	lf_make(KA, "sk-proj-", "T3BlbkFJ", 164, LF_ALNUM, 1);
	lf_make(KB, "sk-proj-", "T3BlbkFJ", 164, LF_ALNUM, 2);
	lf_make(KC, "sk-proj-", "T3BlbkFJ", 164, LF_ALNUM, 3);
	lf_make(KOR, "sk-or-v1-", "", 73, "0123456789abcdef", 4);
	lf_make(KV, "", "", 40, LF_ALNUM, 5);
	for (size_t i = 0; i < sizeof proxies / sizeof *proxies; i++)
		unsetenv(proxies[i]);
	lf_ps = providers_load(NULL, &cause);
	if (lf_ps == NULL) {
		fprintf(stderr, "providers: %s\n", cause ? cause : "?");
		free(cause);
		return 99;
	}
	return 0;
}

/* True when text holds 13 bytes in a row of one of the keys. */
static inline bool
lf_leaks(const char *text)
{
	if (text == NULL)
		return false;
	for (int k = 0; k < LF_NKEYS; k++) {
		size_t n = strlen(lf_keys[k]);

		for (size_t i = 0; i + 13 <= n; i++)
			if (memmem(text, strlen(text), lf_keys[k] + i, 13)) {
				fprintf(stderr, "    key %d leaks in: %s\n", k,
				    text);
				return true;
			}
	}
	return false;
}

#define NO_LEAK(t)	unit_true(!lf_leaks(t), "no key in " #t, __FILE__, \
	__LINE__)

/* text holds want (printed when it does not). */
static inline void
lf_has(const char *text, const char *want, const char *what,
    const char *file, int line)
{
	bool ok = text != NULL && strstr(text, want) != NULL;

	unit_true(ok, what, file, line);
	if (!ok)
		fprintf(stderr, "    wanted \"%s\" in: %s\n", want,
		    text ? text : "(null)");
}

#define HAS(text, want)	lf_has((text), (want), #text " has " #want, \
	__FILE__, __LINE__)
#define HASNT(text, want) \
	unit_true((text) == NULL || strstr((text), (want)) == NULL, \
	    #text " lacks " #want, __FILE__, __LINE__)

/* OpenAI's 401 body for the key v[0..n): its mask, quotes escaped as the
 * JSON has them (caller frees). */
static inline char *
lf_wrong(const char *v, size_t n)
{
	char *mask = key_openai_mask(v, n), *b;
	char *esc = xmalloc(2 * strlen(mask) + 1);
	size_t o = 0;

	for (const char *p = mask; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			esc[o++] = '\\';
		esc[o++] = *p;
	}
	esc[o] = '\0';
	b = xasprintf(WRONG_FMT, esc);
	free(esc);
	free(mask);
	return b;
}

/* fx over the .env text (NULL: none), with the providers. */
static inline void
lf_fx(struct fixture *fx, const char *file)
{
	fx_init(fx, file, file != NULL ? strlen(file) : 0);
	fx->ctx.providers = lf_ps;
}

/* ---- the live checks over a struct live filled by hand ---- */

#define ORG	"org-AbCdEf0123456789abcdEFGH"
#define PROJ	"proj_AbCdEf0123456789abcdEF"
#define RC	"/home/u/.bashrc"
#define MODELS	"{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4.1-nano\"," \
	"\"object\":\"model\",\"created\":1,\"owned_by\":\"system\"}]}"
#define CHAT	"{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\"," \
	"\"model\":\"gpt-4.1-nano\",\"choices\":[{\"index\":0,\"message\":" \
	"{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":" \
	"\"stop\"}]}"
#define SCOPES	OAI("You have insufficient permissions for this operation. " \
	"Missing scopes: %s. Check that you have the correct role in your " \
	"organization (Reader, Writer, Owner) and project (Member, Owner), " \
	"and if you're using a restricted API key, that it has the " \
	"necessary scopes.", IRE, "null", "null")
#define MISPROJ	OAI("OpenAI-Project header should match project for API " \
	"key", IRE, "null", Q("mismatched_project"))
#define MISORG	OAI("OpenAI-Organization header should match organization " \
	"for API key", IRE, "null", Q("mismatched_organization"))

/* A finished plan that sent candidate key to OpenAI. */
static inline void
lf_go(struct live *l, struct fixture *fx, size_t key)
{
	memset(l, 0, sizeof *l);
	l->ctx = &fx->ctx;
	l->block = LIVE_GO;
	l->key = key;
	l->org = l->project = NO_WINNER;
	l->base = xstrdup(CHECK_DEFAULT_URL);
	l->shown_base = xstrdup(CHECK_DEFAULT_URL);
	l->provider = provider_find(lf_ps, "openai");
	l->key_provider = l->provider;
	fx->ctx.live = l;
}

/* Which candidate the server's mask came from, as live-answer.c finds it
 * (the key sent first). */
static inline void
lf_match(struct live *l, struct probe *p)
{
	const struct sources *s = l->ctx->src;
	struct explain_candidate c[32];
	size_t idx[32], n = 0;
	int k;

	if (p->candidate != NO_WINNER) {
		c[n].value = live_value(l->ctx, p->candidate, &c[n].len);
		idx[n++] = p->candidate;
	}
	for (size_t i = 0; i < s->n && n < 32; i++)
		if (i != p->candidate && !s->c[i].dynamic) {
			c[n].value = live_value(l->ctx, i, &c[n].len);
			idx[n++] = i;
		}
	k = explain_match(&p->ex, c, n);
	p->matched = k >= 0 ? (int)idx[k] : -1;
	p->match = k >= 0 ? explain_match_kind(&p->ex, &c[k]) :
	    EXPLAIN_MATCH_NONE;
}

/* A probe of kind k with candidate i's key that got status and body. */
static inline struct probe *
lf_answer(struct live *l, enum probe_kind k, size_t i, long status,
    const char *body, bool www)
{
	struct probe *p = live_add(l, k, i);
	size_t len = body != NULL ? strlen(body) : 0;

	p->done = true;
	p->attempts = 1;
	p->resp.error = HTTP_OK;
	p->resp.status = status;
	p->resp.www_authenticate = www;
	p->resp.ms = 187;
	p->resp.retry_after_ms = -1;
	p->resp.http_version = xstrdup("2");
	if (body != NULL) {
		p->resp.body = xstrdup(body);
		p->resp.len = len;
		p->resp.content_type = xstrdup("application/json");
	}
	explain_response((int)status, body, len, false, www, NULL, &p->ex);
	lf_match(l, p);
	return p;
}

/* A probe of kind k that got no answer. */
static inline struct probe *
lf_broken(struct live *l, enum probe_kind k, size_t i, enum http_error err,
    const char *text)
{
	struct probe *p = live_add(l, k, i);

	p->done = true;
	p->attempts = 3;
	p->resp.error = err;
	p->resp.error_text = text != NULL ? xstrdup(text) : NULL;
	return p;
}

/* The chat probe that asked model and got status and body. */
static inline struct probe *
lf_chat(struct live *l, long status, const char *body)
{
	struct probe *p = lf_answer(l, PROBE_CHAT, l->key, status, body, true);

	p->model = xstrdup("gpt-4.1-nano");
	p->limit_param = "max_completion_tokens";
	return p;
}

/* Runs c into r (cleared first) and checks its status and that no text
 * holds a key. */
static inline void
lf_run(const struct check *c, struct fixture *fx, struct check_result *r,
    enum check_status st, const char *file, int line)
{
	check_result_clear(r);
	c->run(&fx->ctx, r);
	unit_long(st, r->status, c->id, file, line);
	if (r->status != st)
		fprintf(stderr, "    summary: %s\n", r->summary);
	unit_true(r->summary != NULL, "a summary", file, line);
	unit_true(!lf_leaks(r->summary) && !lf_leaks(r->detail) &&
	    !lf_leaks(r->fix), "no key in the texts", file, line);
}

#define RUN(c, fx, r, st)	lf_run(&(c), fx, r, st, __FILE__, __LINE__)

/* .env:1 holds KB; ~/.bashrc:42 exports KA, which a login shell takes. */
static inline void
lf_fx_two(struct fixture *fx, char **file)
{
	*file = xasprintf("OPENAI_API_KEY=%s\n", KB);
	lf_fx(fx, *file);
	sources_add(&fx->src, "OPENAI_API_KEY", SOURCE_RCFILE, RC, 42, KA,
	    strlen(KA));
	fx_decide(fx);
	fx->ctx.consumer = CONSUMER_LOGIN_SHELL;
	CHECK_INT(1, fx->src.winner[CONSUMER_LOGIN_SHELL]);
}

#endif
