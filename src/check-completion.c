/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* completion: a minimal chat completion (one short message, a budget of
 * 16 tokens) returns a reply.  This is the proof: a real request with this
 * key works.  Billing, model access and parameter answers are named. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "live.h"

/* The fix for a failed completion. */
static const char *
fix_for(int cause)
{
	switch (cause) {
	case EXPLAIN_QUOTA:
		return _("add credit or raise the spend limit at "
		    "https://platform.openai.com/settings/organization/billing");
	case EXPLAIN_MODEL_NOT_FOUND:
		return _("choose a model the project may use (fix401 --model "
		    "NAME), or allow this one in the project's settings");
	case EXPLAIN_RATE_LIMIT:
		return _("wait a minute and run the check again");
	case EXPLAIN_UNKNOWN:
		return _("read the server's message above; fix401 --explain "
		    "decodes errors your program prints");
	default:
		return _(explain_cause_info(cause)->advice);
	}
}

/* The key was refused by GET /models with the same status: nothing new to
 * say here. */
static bool
same_refusal(const struct check_ctx *ctx, const struct probe *c)
{
	const struct probe *m = live_probe(ctx->live, PROBE_MODELS);

	return m != NULL && m->resp.error == HTTP_OK && c->resp.status == 401 &&
	    m->resp.status == 401;
}

static void
failed(const struct probe *c, struct check_result *r)
{
	int cause = check_probe_cause(c);
	char *ans = check_answer(c);

	/* TRANSLATORS: the answer, then the model. */
	check_set(r, cause == EXPLAIN_RATE_LIMIT || (cause == EXPLAIN_UNKNOWN &&
	    c->resp.status >= 500) ? CHECK_WARN : CHECK_FAIL,
	    _("%s (model %s)"), ans, c->model);
	if (c->ex.message != NULL)
		check_detail(r, "%s%s%s", c->ex.message, c->fallback ? " " : "",
		    c->fallback ? c->fallback : "");
	check_fix(r, "%s", fix_for(cause));
	free(ans);
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	const struct probe *c, *m;

	if (check_live_blocked(ctx, r))
		return;
	c = live_probe(ctx->live, PROBE_CHAT);
	if (c == NULL) {
		check_set(r, CHECK_SKIP, _("no request was made"));
	} else if (!c->done) {
		check_set(r, CHECK_SKIP, _("waiting for the answer"));
	} else if (c->resp.error == HTTP_ERR_CANCELLED) {
		check_set(r, CHECK_SKIP, _("cancelled (Esc); press r to try "
		    "again"));
	} else if (c->resp.error != HTTP_OK &&
	    (m = live_probe(ctx->live, PROBE_MODELS)) != NULL &&
	    m->resp.error != HTTP_OK) {
		check_set(r, CHECK_SKIP, _("no answer from the API (see "
		    "network)"));
	} else if (c->resp.error != HTTP_OK) {
		/* TRANSLATORS: libcurl's words. */
		check_set(r, CHECK_FAIL, _("no reply: %s"),
		    c->resp.error_text != NULL ? c->resp.error_text : "-");
	} else if (c->resp.status == 200 && c->reply != NULL) {
		/* TRANSLATORS: the model, then its reply. */
		check_set(r, CHECK_PASS, _("%s replied \"%s\": a real request "
		    "with this key works"), c->model, c->reply != NULL ?
		    c->reply : "");
		if (c->fallback != NULL)
			check_detail(r, "%s", c->fallback);
	} else if (same_refusal(ctx, c)) {
		check_set(r, CHECK_SKIP, _("blocked: the key is refused (see "
		    "key-accepted)"));
	} else
		failed(c, r);
}

const struct check check_completion = {
	.id = "completion",
	.title = N_("A real request works"),
	.network = true,
	.live = true,
	.run = run,
};
