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
	if (worst == CHECK_PASS)
		check_set(r, CHECK_PASS, _("unset or well-formed (whether the "
		    "API accepts them needs the network)"));
}

const struct check check_org_project = {
	.id = "org-project",
	.title = N_("Organization and project"),
	.network = false,
	.run = run,
};
