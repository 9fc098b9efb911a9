/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The probes live_start queues for a planned struct live: the effective
 * key's two, one per other distinct key that may go to the host, none or
 * one without a key when the key may not go.  Nothing runs: the handle
 * is freed unpolled, so no request leaves. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "http.h"
#include "live-fixture.h"
#include "live.h"
#include "unit.h"
#include "xalloc.h"

/* Starts l on a fresh handle (nothing is polled: no request runs). */
static void
start(struct live *l, struct fixture *fx, const char *base,
    const char *model)
{
	struct live_opts o = { .model = model, .timeout_s = 5 };
	struct http_opts ho = { .connect_ms = 1000, .total_ms = 1000 };
	char *cause = NULL;
	struct http *h = http_new(&ho, &cause);

	fx->ctx.base_url = base;
	live_plan(l, &fx->ctx, &o);
	CHECK(h != NULL);
	if (h != NULL)
		CHECK_INT(0, live_start(l, h, &cause));
	CHECK(cause == NULL);
	free(cause);
	http_free(h);
	l->http = NULL;
}

static void
test_start(void)
{
	struct fixture fx;
	struct live l;
	struct candidate *c;
	char *file = xasprintf("OPENAI_API_KEY=%s\nOPENAI_ORG_ID=" ORG "\n"
	    "OPENAI_PROJECT_ID=" PROJ "\n", KA), *sp = xasprintf("%s ", KC);

	lf_fx(&fx, file);
	/* 3: the same key again; 4: another; 5: that one again; 6: another
	 * provider's; 7: a space at the end; 8: computed. */
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_ENV, NULL, 0, KA,
	    strlen(KA));
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.bashrc", 4,
	    KB, strlen(KB));
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.zshrc", 9,
	    KB, strlen(KB));
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.profile",
	    2, KOR, strlen(KOR));
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.bashrc", 8,
	    sp, strlen(sp));
	c = sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.bashrc",
	    9, KC, strlen(KC));
	c->dynamic = true;
	fx_decide(&fx);
	start(&l, &fx, NULL, NULL);
	CHECK_INT(3, l.n);
	CHECK_INT(PROBE_MODELS, l.p[0].kind);
	CHECK_INT(3, l.p[0].candidate);
	CHECK(l.p[0].sent_org && l.p[0].sent_project);
	CHECK_INT(PROBE_CHAT, l.p[1].kind);
	CHECK_INT(3, l.p[1].candidate);
	CHECK(l.p[1].sent_org && l.p[1].sent_project);
	CHECK_STR("gpt-4.1-nano", l.p[1].model);
	CHECK_STR("max_completion_tokens", l.p[1].limit_param);
	CHECK_INT(PROBE_OTHER_KEY, l.p[2].kind);
	CHECK_INT(4, l.p[2].candidate);
	CHECK(!l.p[2].sent_org && !l.p[2].sent_project);
	for (size_t i = 0; i < l.n; i++) {
		CHECK(!l.p[i].done && l.p[i].matched == -1);
		CHECK_INT(1, l.p[i].attempts);
		CHECK(l.p[i].owner == &l);
	}
	CHECK(!l.unsendable && !live_done(&l));
	CHECK(live_probe(&l, PROBE_CHAT) == &l.p[1]);
	CHECK(live_probe(&l, PROBE_NO_ORG) == NULL);
	CHECK_STR("GET /models", probe_endpoint(&l.p[0]));
	CHECK_STR("POST /chat/completions", probe_endpoint(&l.p[1]));
	live_clear(&l);
	/* --model is asked for first. */
	start(&l, &fx, NULL, "gpt-4o");
	CHECK_STR("gpt-4o", l.n > 1 ? l.p[1].model : NULL);
	live_clear(&l);
	/* Another provider's host: the network is probed without a key. */
	start(&l, &fx, "https://openrouter.ai/api/v1", NULL);
	CHECK_INT(LIVE_FOREIGN_KEY, l.block);
	CHECK_INT(1, l.n);
	CHECK(l.p[0].candidate == NO_WINNER && !l.p[0].sent_org);
	live_clear(&l);
	start(&l, &fx, "http://api.example.com/v1", NULL);
	CHECK_INT(1, l.n);
	CHECK(l.p[0].candidate == NO_WINNER);
	live_clear(&l);
	fx.ctx.offline = true;
	start(&l, &fx, NULL, NULL);
	CHECK_INT(0, l.n);
	live_clear(&l);
	fx.ctx.offline = false;
	start(&l, &fx, "ftp://x", NULL);
	CHECK_INT(0, l.n);
	live_clear(&l);
	fx_free(&fx);
	free(file);
	free(sp);
}

/* A key no SDK can send goes nowhere (the others are still tried); other
 * keys stop at eight. */
static void
test_start_limits(void)
{
	struct fixture fx;
	struct live l;
	char *file = xasprintf("OPENAI_API_KEY=%s\n", KA);
	char keys[10][168];

	lf_fx(&fx, file);
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_ENV, NULL, 0,
	    S("sk-x\n"));
	fx_decide(&fx);
	start(&l, &fx, NULL, NULL);
	CHECK(l.unsendable);
	CHECK_INT(1, l.key);
	CHECK_INT(2, l.n);
	CHECK(l.p[0].candidate == NO_WINNER);
	/* The .env key is still tried on its own. */
	CHECK_INT(PROBE_OTHER_KEY, l.p[1].kind);
	CHECK_INT(0, l.p[1].candidate);
	live_clear(&l);
	fx_free(&fx);

	lf_fx(&fx, file);
	for (int i = 0; i < 10; i++) {
		lf_make(keys[i], "sk-proj-", "T3BlbkFJ", 164, LF_ALNUM,
		    100 + i);
		sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE,
		    "/h/.bashrc", i + 1, keys[i], 164);
	}
	fx_decide(&fx);
	fx.ctx.consumer = CONSUMER_PYTHON_OVERRIDE;
	start(&l, &fx, NULL, NULL);
	CHECK_INT(0, l.key);
	CHECK_INT(2 + LIVE_MAX_OTHERS, l.n);
	CHECK_INT(1, l.p[2].candidate);
	CHECK_INT(8, l.p[l.n - 1].candidate);
	live_clear(&l);
	fx_free(&fx);
	free(file);
}

int
main(void)
{
	int rc = lf_setup();

	if (rc != 0)
		return rc;
	test_start();
	test_start_limits();
	providers_free(lf_ps);
	return unit_done();
}
