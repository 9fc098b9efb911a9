/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* key-accepted: GET {base}/models with the effective key gives 200.  On a
 * refusal it names the cause, the source the server's mask points at, and
 * how every other key found on this machine fared. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "i18n.h"
#include "live.h"
#include "xalloc.h"

/* One line per other key: works, or the answer it got. */
static void
others(const struct check_ctx *ctx, struct buf *b, size_t *works)
{
	const struct live *l = ctx->live;

	*works = NO_WINNER;
	for (size_t i = 0; i < l->n; i++) {
		const struct probe *p = &l->p[i];
		char *who, *ans, *line;

		if (p->kind != PROBE_OTHER_KEY || !p->done ||
		    p->resp.error != HTTP_OK)
			continue;
		who = check_key_phrase(ctx, p->candidate);
		if (p->resp.status == 200) {
			if (*works == NO_WINNER)
				*works = p->candidate;
			/* TRANSLATORS: %s is "the key in FILE:LINE (...)". */
			line = xasprintf(_("Also tried: %s works. "), who);
		} else {
			ans = check_answer(p);
			/* TRANSLATORS: a key, then the server's answer. */
			line = xasprintf(_("Also tried: %s is refused too (%s). "),
			    who, ans);
			free(ans);
		}
		buf_add(b, line, strlen(line));
		free(line);
		free(who);
	}
}

/* Where the server's mask came from, in words, or NULL. */
static char *
mask_source(const struct check_ctx *ctx, const struct probe *m)
{
	char *who, *s, *mask;

	if (m->ex.mask == NULL)
		return NULL;
	mask = check_squeeze(m->ex.mask);
	if (m->matched < 0) {
		s = xasprintf(_("The key the server saw (%s) matches none "
		    "found on this machine: a stale or different key was "
		    "sent."), mask);
		free(mask);
		return s;
	}
	who = check_key_phrase(ctx, (size_t)m->matched);
	switch (m->match) {
	case EXPLAIN_MATCH_QUOTED:
		/* TRANSLATORS: the server's mask, then "the key in ...". */
		s = xasprintf(_("The server saw %s: %s with quote characters "
		    "around it."), mask, who);
		break;
	case EXPLAIN_MATCH_TRUNCATED:
		s = xasprintf(_("The server saw %s: a cut or lengthened copy "
		    "of %s."), mask, who);
		break;
	default:
		s = xasprintf(_("The server saw %s: %s."), mask, who);
	}
	free(mask);
	free(who);
	return s;
}

static void
refused(const struct check_ctx *ctx, const struct probe *m,
    struct check_result *r)
{
	const struct explain_cause_info *info =
	    explain_cause_info(check_probe_cause(m));
	char *sent = check_key_phrase(ctx, m->candidate), *ans = check_answer(m);
	char *src = mask_source(ctx, m), *other_text;
	char *msg = m->ex.message != NULL ? check_squeeze(m->ex.message) : NULL;
	struct buf b = { 0 };
	size_t works, len;

	/* TRANSLATORS: the answer, then "the key in FILE:LINE (...)". */
	check_set(r, CHECK_FAIL, _("%s, for %s"), ans, sent);
	others(ctx, &b, &works);
	other_text = buf_take(&b, &len);
	if (msg != NULL || src != NULL || *other_text != '\0')
		check_detail(r, "%s%s%s%s%s", msg != NULL ? msg : "",
		    msg != NULL ? " " : "", src != NULL ? src : "",
		    src != NULL ? " " : "", other_text);
	free(msg);
	if (m->resp.location != NULL) {
		char *d = r->detail;

		/* TRANSLATORS: %s is where the server redirects to. */
		r->detail = xasprintf(_("%s%sThe server redirects to %s; fix401 "
		    "never follows a redirect with a key."), d != NULL ? d : "",
		    d != NULL ? " " : "", m->resp.location);
		free(d);
	}
	if (works != NO_WINNER) {
		char *good = check_where(&ctx->src->c[works]);
		char *bad = check_where(&ctx->src->c[m->candidate]);

		/* TRANSLATORS: two places a key is set. */
		check_fix(r, _("the key in %s works: remove or replace the "
		    "one in %s, which wins"), good, bad);
		free(good);
		free(bad);
	} else
		check_fix(r, "%s", _(info->advice));
	free(other_text);
	free(src);
	free(ans);
	free(sent);
}

/* A differential probe that succeeded: the key is fine, a header is
 * not.  NULL if none did. */
static const char *
header_refused(const struct live *l)
{
	const struct probe *o = live_probe(l, PROBE_NO_ORG);
	const struct probe *p = live_probe(l, PROBE_NO_PROJECT);

	if (probe_ok(o))
		return "OpenAI-Organization";
	if (probe_ok(p))
		return "OpenAI-Project";
	return NULL;
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	const char *header;
	const struct probe *m;
	char *sent;

	if (check_live_blocked(ctx, r))
		return;
	m = live_probe(ctx->live, PROBE_MODELS);
	if (m != NULL && !m->done) {
		check_set(r, CHECK_SKIP, _("waiting for the answer"));
		return;
	}
	if (m != NULL && m->resp.error == HTTP_ERR_CANCELLED) {
		check_set(r, CHECK_SKIP, _("cancelled (Esc); press r to try "
		    "again"));
		return;
	}
	if (m == NULL || m->resp.error != HTTP_OK) {
		check_set(r, CHECK_SKIP, _("no answer from the API (see "
		    "network)"));
		return;
	}
	if (m->resp.status == 200 &&
	    check_probe_cause(m) != EXPLAIN_NOT_OPENAI) {
		sent = check_key_phrase(ctx, m->candidate);
		/* TRANSLATORS: %s is "the key in FILE:LINE (...)". */
		check_set(r, CHECK_PASS, _("GET /models accepts %s"), sent);
		free(sent);
	} else if (m->resp.status == 403 &&
	    check_probe_cause(m) == EXPLAIN_MISSING_SCOPES) {
		check_set(r, CHECK_WARN, _("the key is valid but restricted: "
		    "it may not list models"));
		check_detail(r, "%s", m->ex.message != NULL ? m->ex.message : "");
		check_fix(r, "%s", _("if your program only sends requests, "
		    "this is fine; see the completion check"));
	} else if ((header = header_refused(ctx->live)) != NULL) {
		/* TRANSLATORS: %s is an HTTP header name. */
		check_set(r, CHECK_FAIL, _("the key works, but not with the %s "
		    "header that is sent with it (see org-project)"), header);
	} else if (m->resp.status >= 500) {
		char *ans = check_answer(m);

		check_set(r, CHECK_WARN, "%s", ans);
		check_fix(r, "%s", _("the server had a problem, not the key: "
		    "run the check again later"));
		free(ans);
	} else
		refused(ctx, m, r);
}

const struct check check_key_accepted = {
	.id = "key-accepted",
	.title = N_("The API accepts the key"),
	.network = true,
	.live = true,
	.run = run,
};
