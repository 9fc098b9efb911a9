/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* org-project: OPENAI_ORG_ID and OPENAI_PROJECT_ID are unset, or shaped
 * like the ids the API expects.  Whether the API accepts them is the live
 * half, which needs the network. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "live.h"

/* One variable's id shape. */
struct id_rule {
	const char	*name;		/* the variable the SDKs read */
	const char	*prefix;	/* what its ids start with */
	const char	*legacy;	/* the pre-1.0 name, or NULL */
};

static const struct id_rule rules[] = {
	{ "OPENAI_ORG_ID", "org-", "OPENAI_ORGANIZATION" },
	{ "OPENAI_PROJECT_ID", "proj_", NULL },
};

/* True when v looks like prefix + letters and digits. */
static bool
well_formed(const struct candidate *c, const char *prefix)
{
	size_t n = strlen(prefix);

	if (c->value_len <= n || memcmp(c->value, prefix, n) != 0)
		return false;
	for (size_t i = n; i < c->value_len; i++) {
		char ch = c->value[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9')))
			return false;
	}
	return true;
}

/* Judges one rule; returns the status it calls for and fills r when worse
 * than a pass. */
static enum check_status
judge(const struct check_ctx *ctx, const struct id_rule *rule,
    struct check_result *r)
{
	const struct candidate *c = check_lookup(ctx, rule->name), *old;
	char *where;

	if (c == NULL) {
		old = rule->legacy ? check_lookup(ctx, rule->legacy) : NULL;
		if (old == NULL)
			return CHECK_PASS;
		where = check_where(old);
		check_set(r, CHECK_WARN, _("%s (%s) is the pre-1.0 name: "
		    "current SDKs read %s"), rule->legacy, where, rule->name);
		free(where);
		return CHECK_WARN;
	}
	if (well_formed(c, rule->prefix))
		return CHECK_PASS;
	where = check_where(c);
	/* TRANSLATORS: a variable, where it is set, and the id prefix. */
	check_set(r, CHECK_FAIL, _("%s in %s is not an id starting with %s"),
	    rule->name, where, rule->prefix);
	check_detail(r, _("A wrong organization or project header makes the "
	    "API answer 401 even for a good key; if you do not need it, "
	    "remove it."));
	check_fix(r, _("correct or delete %s at %s"), rule->name, where);
	free(where);
	return CHECK_FAIL;
}

/* One header the API refused: name the variable and where it is set. */
static void
refused(const struct check_ctx *ctx, size_t i, const char *header,
    bool proven, struct check_result *r)
{
	const struct candidate *c = &ctx->src->c[i];
	char *where = check_where(c);

	/* TRANSLATORS: a variable, where it is set, an HTTP header. */
	check_set(r, CHECK_FAIL, _("%s in %s does not match the key: the API "
	    "refuses the %s header"), c->name, where, header);
	if (proven)
		check_detail(r, _("Sent again without the %s header, the same "
		    "request succeeded."), header);
	check_fix(r, _("delete %s at %s, or set it to the id the key belongs "
	    "to"), c->name, where);
	free(where);
}

/* The live half: was the request with these headers accepted?  Fills r
 * and returns true when the answer says anything about them. */
static bool
live_half(const struct check_ctx *ctx, struct check_result *r)
{
	const struct live *l = ctx->live;
	const struct probe *m, *no_org, *no_proj;
	int cause;

	if (l == NULL || (l->org == NO_WINNER && l->project == NO_WINNER))
		return false;
	m = live_probe(l, PROBE_MODELS);
	if (m == NULL || !(m->sent_org || m->sent_project))
		return false;
	if (!m->done) {
		check_set(r, CHECK_PASS, _("well-formed; waiting for the API's "
		    "answer"));
		return true;
	}
	if (m->resp.error == HTTP_ERR_CANCELLED) {
		check_set(r, CHECK_PASS, _("well-formed; the request that "
		    "tests them was cancelled (Esc): press r to try again"));
		return true;
	}
	if (m->resp.error != HTTP_OK)
		return false;
	if (m->resp.status == 200) {
		check_set(r, CHECK_PASS, _("well-formed and accepted by the "
		    "API"));
		return true;
	}
	cause = check_probe_cause(m);
	no_org = live_probe(l, PROBE_NO_ORG);
	no_proj = live_probe(l, PROBE_NO_PROJECT);
	if (m->sent_org && l->org != NO_WINNER &&
	    (cause == EXPLAIN_MISMATCHED_ORG || probe_ok(no_org)))
		refused(ctx, l->org, "OpenAI-Organization", probe_ok(no_org), r);
	else if (m->sent_project && l->project != NO_WINNER &&
	    (cause == EXPLAIN_MISMATCHED_PROJECT || probe_ok(no_proj)))
		refused(ctx, l->project, "OpenAI-Project", probe_ok(no_proj),
		    r);
	else if (no_org != NULL || no_proj != NULL)
		check_set(r, CHECK_PASS, _("well-formed, and neither header "
		    "alone is the cause: without either the key is refused "
		    "too"));
	else
		return false;
	return true;
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	enum check_status worst = CHECK_PASS;

	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
		struct check_result one = { 0 };
		enum check_status st = judge(ctx, &rules[i], &one);

		if (st > worst) {
			check_result_clear(r);
			*r = one;
			worst = st;
		} else {
			check_result_clear(&one);
		}
	}
	if (worst == CHECK_PASS && !live_half(ctx, r))
		check_set(r, CHECK_PASS, _("unset or well-formed (whether the "
		    "API accepts them needs the network)"));
}

const struct check check_org_project = {
	.id = "org-project",
	.title = N_("Organization and project"),
	.network = false,
	.live = true,
	.run = run,
};
