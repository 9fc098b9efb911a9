/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* What the live checks (network, key-accepted, completion and the live
 * half of org-project) share: why no key was sent, how a key and an
 * answer are named. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "i18n.h"
#include "key.h"
#include "live.h"
#include "xalloc.h"

bool
check_live_blocked(const struct check_ctx *ctx, struct check_result *r)
{
	const struct live *l = ctx->live;
	char *cause;

	if (l == NULL || l->block == LIVE_OFFLINE) {
		check_set(r, CHECK_SKIP, _("offline: no request was made"));
		return true;
	}
	switch (l->block) {
	case LIVE_BAD_URL:
		check_set(r, CHECK_SKIP, _("not sent: the base URL cannot be "
		    "used (see base-url)"));
		return true;
	case LIVE_INSECURE:
		check_set(r, CHECK_SKIP, _("not sent: over http:// the key "
		    "would cross the network unencrypted (see base-url; "
		    "--allow-insecure sends it anyway)"));
		return true;
	case LIVE_FOREIGN_KEY:
		/* TRANSLATORS: two provider names. */
		check_set(r, CHECK_SKIP, _("not sent: the key belongs to %s, "
		    "the base URL to %s; sending it there would leak it (see "
		    "key-provider)"), provider_name(l->key_provider),
		    provider_name(l->provider));
		return true;
	default:
		break;
	}
	if (l->key == NO_WINNER) {
		check_set(r, CHECK_SKIP, _("no key to send (see key-found)"));
		return true;
	}
	if (l->unsendable) {
		cause = check_key_phrase(ctx, l->key);
		check_set(r, CHECK_FAIL, _("no SDK can send %s: it holds a "
		    "space, line break or other character a header cannot "
		    "carry"), cause);
		check_fix(r, "%s", _("repair the value (fix401 --fix), or paste "
		    "the key again"));
		free(cause);
		return true;
	}
	return false;
}

char *
check_key_phrase(const struct check_ctx *ctx, size_t i)
{
	const struct candidate *c = &ctx->src->c[i];
	size_t len;
	const char *v = live_value(ctx, i, &len);
	char *where = check_where(c), *mask = key_mask(v, len, true), *s;
	size_t n = key_length(v, len);

	if (mask != NULL)
		/* TRANSLATORS: a place, a masked key and its length. */
		s = xasprintf(_("the key in %s (%s, %zu characters)"), where,
		    mask, n);
	else
		s = xasprintf(_("the key in %s (%zu characters)"), where, n);
	free(mask);
	free(where);
	return s;
}

int
check_probe_cause(const struct probe *p)
{
	return explain_refine(&p->ex, p->match);
}

char *
check_answer(const struct probe *p)
{
	const struct explain_cause_info *info =
	    explain_cause_info(check_probe_cause(p));
	const char *code = p->ex.code != NULL ? p->ex.code : "";
	const char *what = _(info->title);

	if (check_probe_cause(p) == EXPLAIN_UNKNOWN && p->resp.status >= 500)
		what = _("the server failed (try again later)");
	return xasprintf("%ld%s%s: %s", p->resp.status, *code ? " " : "",
	    code, what);
}

char *
check_squeeze(const char *s)
{
	struct buf b = { 0 };
	size_t len;

	while (*s != '\0') {
		size_t run = strspn(s, "*");

		if (run > 8) {
			buf_add(&b, "****...****", 11);
			s += run;
		} else if (run > 0) {
			buf_add(&b, s, run);
			s += run;
		} else
			buf_addc(&b, *s++);
	}
	return buf_take(&b, &len);
}
