/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The requests behind a check: one "found" line each on its page, and
 * with d their raw answers (status, headers worth reading, the body),
 * sanitized and masked; for the checks that send nothing, the result's
 * detail and fix. */
#include <config.h>

#include "wizard.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "live.h"
#include "sanitize.h"
#include "utf8.h"
#include "wizard-text.h"
#include "xalloc.h"

/* The most lines of a response body shown, and characters per line. */
#define BODY_LINES	40
#define BODY_WIDTH	240

/* ---- found lines ---- */
/* Why a request got no answer, in a word or two. */
static const char *
error_word(enum http_error e)
{
	static const char *const words[] = {
		[HTTP_OK] = "", [HTTP_ERR_URL] = N_("bad URL"),
		[HTTP_ERR_DNS] = N_("name not found"),
		[HTTP_ERR_PROXY_DNS] = N_("proxy name not found"),
		[HTTP_ERR_REFUSED] = N_("refused"),
		[HTTP_ERR_TIMEOUT] = N_("timed out"),
		[HTTP_ERR_TLS_CA] = N_("certificate not trusted"),
		[HTTP_ERR_TLS] = N_("TLS failed"),
		[HTTP_ERR_PROXY] = N_("proxy failed"),
		[HTTP_ERR_RESET] = N_("connection broke"),
		[HTTP_ERR_CANCELLED] = N_("cancelled"),
		[HTTP_ERR_OTHER] = N_("failed"),
	};

	return e == HTTP_OK ? "" : _(words[e]);	/* _("") is the
							   catalog's header */
}

char *
wizard_request(const struct live *l, const struct probe *p)
{
	const char *s = l->shown_base != NULL ? l->shown_base : "";
	const char *host = strstr(s, "://"), *path;

	path = host != NULL ? strchr(host + 3, '/') : NULL;
	return xasprintf("%s %s%s", p->kind == PROBE_CHAT ? "POST" : "GET",
	    path != NULL ? path : "", p->kind == PROBE_CHAT ?
	    "/chat/completions" : "/models");
}

/* One request: what, its answer, how long, and what set it apart. */
static char *
probe_line(const struct wizard *w, const struct probe *p)
{
	const struct live *lv = &w->d->live;
	const struct http_response *r = &p->resp;
	struct buf b = { 0 };
	char *s = wizard_request(lv, p), *where;

	wizard_field(&b, s, 28);
	free(s);
	if (!p->done) {
		wizard_field(&b, _("waiting"), 0);
		return wizard_line(&b);
	}
	if (r->error != HTTP_OK)
		s = xstrdup(error_word(r->error));
	else
		s = xasprintf("%ld%s%s", r->status, p->ex.code != NULL ?
		    " " : "", p->ex.code != NULL ? p->ex.code : "");
	wizard_field(&b, s, 22);
	free(s);
	s = xasprintf(_("%ld ms"), r->ms);
	wizard_field(&b, r->error == HTTP_ERR_CANCELLED ? "" : s, 9);
	free(s);
	switch (p->kind) {
	case PROBE_CHAT:
		wizard_field(&b, p->model != NULL ? p->model : "", 0);
		break;
	case PROBE_OTHER_KEY:
		where = wizard_place(w, &w->d->src.c[p->candidate]);
		/* TRANSLATORS: %s is where the key is set. */
		s = xasprintf(_("key in %s"), where);
		wizard_field(&b, s, 0);
		free(s);
		free(where);
		break;
	case PROBE_NO_ORG:
		wizard_field(&b, _("without OpenAI-Organization"), 0);
		break;
	case PROBE_NO_PROJECT:
		wizard_field(&b, _("without OpenAI-Project"), 0);
		break;
	default:
		break;
	}
	return wizard_line(&b);
}

unsigned
wizard_probes(const char *id)
{
	if (strcmp(id, "network") == 0)
		return 1U << PROBE_MODELS;
	if (strcmp(id, "key-accepted") == 0)
		return 1U << PROBE_MODELS | 1U << PROBE_OTHER_KEY |
		    1U << PROBE_NO_ORG | 1U << PROBE_NO_PROJECT;
	if (strcmp(id, "completion") == 0)
		return 1U << PROBE_CHAT;
	if (strcmp(id, "org-project") == 0)
		return 1U << PROBE_MODELS | 1U << PROBE_NO_ORG |
		    1U << PROBE_NO_PROJECT;
	return 0;
}

void
wizard_probe_lines(const struct wizard *w, struct wizard_lines *l,
    const char *id)
{
	const struct live *lv = &w->d->live;
	unsigned mask = wizard_probes(id);
	size_t before = l->n;

	for (size_t i = 0; i < lv->n; i++)
		if (mask & (1U << lv->p[i].kind))
			wizard_add(l, probe_line(w, &lv->p[i]));
	if (l->n > before)
		return;
	wizard_put(l, w->d->ctx.offline ? _("no request was sent "
	    "(offline)") : _("no request was sent"));
}

/* ---- details ---- */
/* "  label  value" when value is set (already sanitized and masked). */
static void
add_field(struct wizard_lines *l, const char *label, const char *value)
{
	if (value != NULL && *value != '\0')
		wizard_add(l, xasprintf("  %-18s %s", label, value));
}

/* Adds text as lines of at most BODY_WIDTH characters while fewer than
 * BODY_LINES are shown; *more counts those left out. */
static void
add_cut(struct wizard_lines *l, const char *text, size_t *shown,
    size_t *more)
{
	size_t len = strlen(text), off;

	do {
		off = utf8_offset(text, len, BODY_WIDTH);
		if (*shown < BODY_LINES) {
			wizard_add(l, xmemdup(text, off));
			(*shown)++;
		} else
			(*more)++;
		text += off;
		len -= off;
	} while (len > 0);
}

/* The body's lines, sanitized, a server's long mask of a key shortened,
 * at most BODY_LINES of them (a long line taking several). */
static void
add_body(struct wizard_lines *l, const struct http_response *r)
{
	const char *s = r->body, *end = r->body + r->len, *nl;
	size_t shown = 0, more = 0, len;

	for (; s < end; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(end - s));
		len = nl != NULL ? (size_t)(nl - s) : (size_t)(end - s);
		if (shown < BODY_LINES) {
			/* enough for the lines left, in 4-byte characters */
			size_t cap = (BODY_LINES - shown) * BODY_WIDTH * 4;
			char *t = sanitize_server(s, len < cap ? len : cap, 0);
			char *u = check_squeeze(t);

			add_cut(l, u, &shown, &more);
			free(u);
			free(t);
		} else
			more++;
		if (nl == NULL)
			break;
	}
	if (more > 0)
		/* TRANSLATORS: %zu counts lines of a response not shown. */
		wizard_add(l, xasprintf(ngettext("... and %zu more line",
		    "... and %zu more lines", more), more));
	if (r->truncated)
		wizard_put(l, _("... and more: fix401 keeps the first "
		    "MiB of an answer"));
}

/* One request and its raw answer. */
static void
add_probe(const struct wizard *w, struct wizard_lines *l,
    const struct probe *p)
{
	const struct live *lv = &w->d->live;
	const struct http_response *r = &p->resp;
	char *s, *t;

	wizard_add(l, xasprintf("%s %s%s", p->kind == PROBE_CHAT ? "POST" :
	    "GET", lv->shown_base, p->kind == PROBE_CHAT ?
	    "/chat/completions" : "/models"));
	s = p->candidate != NO_WINNER ?
	    check_key_phrase(&w->d->ctx, p->candidate) : NULL;
	add_field(l, _("key"), s != NULL ? s : _("none sent"));
	free(s);
	if (p->sent_org || p->sent_project)
		add_field(l, _("headers"), p->sent_org && p->sent_project ?
		    "OpenAI-Organization, OpenAI-Project" : p->sent_org ?
		    "OpenAI-Organization" : "OpenAI-Project");
	add_field(l, _("model"), p->model);
	if (!p->done) {
		add_field(l, _("answer"), _("waiting"));
		return;
	}
	if (r->error == HTTP_ERR_CANCELLED || r->error_text == NULL)
		s = xstrdup(error_word(r->error));
	else if (r->error != HTTP_OK)
		/* TRANSLATORS: what failed, then libcurl's words. */
		s = xasprintf(_("%s: %s"), error_word(r->error), r->error_text);
	else
		s = xasprintf("%ld (HTTP/%s)", r->status,
		    r->http_version != NULL ? r->http_version : "?");
	add_field(l, _("answer"), s);
	free(s);
	s = xasprintf(_("%ld ms"), r->ms);
	t = p->attempts > 1 ? xasprintf(_("%s, %d attempts"), s,
	    p->attempts) : xstrdup(s);
	add_field(l, _("time"), t);
	free(t);
	free(s);
	add_field(l, _("request id"), r->request_id);
	add_field(l, "www-authenticate", r->www_auth_value != NULL ?
	    r->www_auth_value : r->www_authenticate ? "-" : NULL);
	add_field(l, "content-type", r->content_type);
	add_field(l, _("redirects to"), r->location);
	add_field(l, _("changed"), p->fallback);
	if (r->body != NULL && r->len > 0) {
		wizard_put(l, "");
		add_body(l, r);
	}
}

/* The requests check c read, each with its answer. */
static void
live_details(const struct wizard *w, const struct check *c,
    struct wizard_lines *l)
{
	const struct live *lv = &w->d->live;
	unsigned mask = wizard_probes(c->id);
	size_t from = l->n;

	for (size_t i = 0; i < lv->n; i++) {
		if ((mask & (1U << lv->p[i].kind)) == 0)
			continue;
		if (l->n > from)
			wizard_put(l, "");
		add_probe(w, l, &lv->p[i]);
	}
	if (l->n == from)
		wizard_put(l, _("No request was sent for this check."));
	/* A server may echo a value found here that no pattern knows. */
	sources_mask(&w->d->src, l->v + from, l->n - from);
}

/* Which copy of the key each program reads. */
static void
reader_details(const struct wizard *w, struct wizard_lines *l)
{
	const struct sources *s = &w->d->src;

	wizard_put(l, _("Which copy each program reads:"));
	for (int k = 0; k < CONSUMER_COUNT; k++) {
		char *where = s->winner[k] != NO_WINNER ?
		    check_where(&s->c[s->winner[k]]) : xstrdup(_("none"));

		wizard_add(l, xasprintf("  %-24s %s", consumer_name(k), where));
		free(where);
	}
}

char **
wizard_details(const struct wizard *w, size_t i)
{
	const struct check *c = wizard_check(w, i);
	const struct check_result *r = wizard_result(w, i, NULL);
	struct wizard_lines l = { 0 };

	if (r == NULL) {
		wizard_put(&l, _("No request was sent for this step."));
		return l.v;
	}
	if (c->live && strcmp(c->id, "org-project") != 0) {
		live_details(w, c, &l);
		return l.v;
	}
	/* The checks keep paths raw: a cloned repository names its files. */
	if (r->detail != NULL)
		wizard_add(&l, sanitize_text(r->detail, strlen(r->detail),
		    NULL));
	if (r->fix != NULL)
		/* TRANSLATORS: %s is a command or "file:line" to change. */
		wizard_add(&l, sanitize_take(xasprintf(_("Fix: %s"), r->fix)));
	if (strcmp(c->id, "key-found") == 0 ||
	    strcmp(c->id, "key-shadowed") == 0)
		reader_details(w, &l);
	if (c->live) {
		if (l.n > 0)
			wizard_put(&l, "");
		live_details(w, c, &l);
	}
	if (l.n == 0)
		wizard_put(&l, _("Nothing more to show: this check reads "
		    "files only, and no request was sent for it."));
	return l.v;
}

