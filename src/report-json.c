/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The --json document (schema in fix401(1)): the verdict, every candidate
 * shown safely, each consumer's winner, the check results, the hints and
 * the notes.  A value appears only as its masks, length and fingerprint.
 * Printed by cJSON_Print: one member a line, indented with tabs. */
#include <config.h>

#include "report.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "defect.h"
#include "i18n.h"
#include "key.h"
#include "sanitize.h"
#include "xalloc.h"

/* Stable ids for --json; never translated. */
static const char *const source_names[] = {
	[SOURCE_ENV] = "env", [SOURCE_DOTENV] = "dotenv",
	[SOURCE_RCFILE] = "rcfile", [SOURCE_PID] = "pid",
	[SOURCE_ENVFILE] = "envfile",
};

static const char *const class_names[] = {
	[KEY_ID_KEY] = "key", [KEY_ID_EMPTY] = "empty",
	[KEY_ID_PLACEHOLDER] = "placeholder", [KEY_ID_URL] = "url",
	[KEY_ID_PROSE] = "prose", [KEY_ID_ORG_ID] = "org-id",
	[KEY_ID_PROJECT_ID] = "project-id", [KEY_ID_SESSION] = "session",
	[KEY_ID_UNKNOWN] = "unknown",
};

/* cJSON returns NULL only when out of memory. */
static cJSON *
must(cJSON *j)
{
	if (j == NULL)
		die("%s", _("out of memory"));
	return j;
}

/* Adds item under key (obj takes ownership). */
static void
add(cJSON *obj, const char *key, cJSON *item)
{
	if (!cJSON_AddItemToObject(obj, key, must(item)))
		die("%s", _("out of memory"));
}

/* Appends item (arr takes ownership). */
static void
push(cJSON *arr, cJSON *item)
{
	if (!cJSON_AddItemToArray(arr, must(item)))
		die("%s", _("out of memory"));
}

/* A string, or null for NULL (s borrowed: cJSON copies it). */
static cJSON *
str(const char *s)
{
	return s != NULL ? cJSON_CreateString(s) : cJSON_CreateNull();
}

/* A candidate index, or null for NO_WINNER. */
static cJSON *
index_of(size_t i)
{
	return i != NO_WINNER ? cJSON_CreateNumber((double)i) :
	    cJSON_CreateNull();
}

/* The defect ids set in mask, in enum order. */
static cJSON *
defects_json(unsigned long mask)
{
	cJSON *a = must(cJSON_CreateArray());

	for (int i = 0; i < DEFECT_COUNT; i++)
		if ((mask & (1UL << i)) != 0)
			push(a, cJSON_CreateString(defect_info(i)->id));
	return a;
}

/* What each loader reads from a file candidate's line; null otherwise. */
static cJSON *
loaders_json(const struct candidate *c)
{
	cJSON *o;

	if (!c->has_loaders)
		return cJSON_CreateNull();
	o = must(cJSON_CreateObject());
	for (int i = 0; i < LOADER_COUNT; i++) {
		const struct loader_reading *r = &c->loaders[i];
		cJSON *v;

		if (!r->set) {
			add(o, loader_get(i)->name, cJSON_CreateNull());
			continue;
		}
		v = must(cJSON_CreateObject());
		add(v, "fingerprint", cJSON_CreateString(r->fp));
		add(v, "length", cJSON_CreateNumber((double)r->length));
		add(o, loader_get(i)->name, v);
	}
	return o;
}

/* "class", "provider" and "kind" of c's value; all null without the
 * providers table, provider and kind null unless it is a key. */
static void
add_identity(cJSON *o, const struct providers *ps, const struct candidate *c)
{
	struct key_id id;
	bool key;

	if (ps == NULL) {
		add(o, "class", cJSON_CreateNull());
		add(o, "provider", cJSON_CreateNull());
		add(o, "kind", cJSON_CreateNull());
		return;
	}
	provider_identify_key(ps, c->value, c->value_len, &id);
	key = id.cls == KEY_ID_KEY;
	add(o, "class", str(class_names[id.cls]));
	add(o, "provider", str(key && id.provider != NULL ?
	    provider_id(id.provider) : NULL));
	add(o, "kind", str(key ? id.kind : NULL));
}

/* A startup-file value's fate: computed, never exported, unset later. */
static void
add_fate(cJSON *o, const struct candidate *c)
{
	char *at = c->unset_path != NULL ? xasprintf("%s:%zu", c->unset_path,
	    c->unset_line) : NULL;

	add(o, "dynamic", cJSON_CreateBool(c->dynamic));
	add(o, "unexported", cJSON_CreateBool(c->unexported));
	add(o, "cleared", cJSON_CreateBool(c->cleared));
	add(o, "unset_at", str(at));
	free(at);
}

static cJSON *
candidate_json(const struct diagnosis *d, const struct candidate *c)
{
	cJSON *o = must(cJSON_CreateObject());
	char fp[9], *name = report_name(c->name);
	char *m = key_mask(c->value, c->value_len, false);
	char *om = key_openai_mask(c->value, c->value_len);

	key_fingerprint(c->value, c->value_len, fp);
	add(o, "name", cJSON_CreateString(name));
	add(o, "source", cJSON_CreateString(source_names[c->source]));
	add(o, "path", str(c->path));
	add(o, "line", c->line > 0 ? cJSON_CreateNumber((double)c->line) :
	    cJSON_CreateNull());
	add(o, "masked", str(m));
	add(o, "openai_mask", str(om));
	add(o, "length", cJSON_CreateNumber((double)key_length(c->value,
	    c->value_len)));
	add(o, "fingerprint", cJSON_CreateString(fp));
	add_identity(o, d->providers, c);
	add(o, "defects", defects_json(c->defects));
	add(o, "loaders", loaders_json(c));
	add(o, "loaded", cJSON_CreateBool(!c->unloaded));
	add(o, "conditional", cJSON_CreateBool(c->conditional));
	add_fate(o, c);
	free(name);
	free(m);
	free(om);
	return o;
}

/* "candidates", "winners" and "refused". */
static void
add_sources(cJSON *root, const struct diagnosis *d)
{
	const struct sources *s = &d->src;
	cJSON *a = must(cJSON_CreateArray());
	cJSON *w = must(cJSON_CreateObject());
	cJSON *r = must(cJSON_CreateArray());

	for (size_t i = 0; i < s->n; i++)
		push(a, candidate_json(d, &s->c[i]));
	add(root, "candidates", a);
	for (int k = 0; k < CONSUMER_COUNT; k++) {
		add(w, consumer_name(k), index_of(s->winner[k]));
		if (s->refused[k])
			push(r, cJSON_CreateString(consumer_name(k)));
	}
	add(root, "winners", w);
	add(root, "refused", r);
}

/* "checks", in check_table() order. */
static cJSON *
checks_json(const struct diagnosis *d)
{
	size_t n;
	const struct check *const *t = check_table(&n);
	cJSON *a = must(cJSON_CreateArray());

	for (size_t i = 0; i < d->nresults && i < n; i++) {
		const struct check_result *r = &d->results[i];
		cJSON *o = must(cJSON_CreateObject());

		add(o, "id", cJSON_CreateString(t[i]->id));
		add(o, "status", cJSON_CreateString(check_status_name(
		    r->status)));
		add(o, "summary", str(r->summary));
		add(o, "detail", str(r->detail));
		add(o, "fix", str(r->fix));
		push(a, o);
	}
	return a;
}

/* "hints" and "notes". */
static void
add_hints(cJSON *root, const struct diagnosis *d)
{
	cJSON *h = must(cJSON_CreateArray());
	cJSON *n = must(cJSON_CreateArray());

	for (size_t i = 0; i < d->hints.n; i++) {
		cJSON *o = must(cJSON_CreateObject());

		add(o, "id", cJSON_CreateString(hint_id_name(
		    d->hints.v[i].id)));
		add(o, "text", str(d->hints.v[i].text));
		push(h, o);
	}
	for (char **p = d->notes; p != NULL && *p != NULL; p++)
		push(n, cJSON_CreateString(*p));
	add(root, "hints", h);
	add(root, "notes", n);
}

/* "base_url" requests go to, shown safely (sanitize_url), and
 * "base_url_candidate", the index of the candidate that set it (null: the
 * default or --base-url). */
static void
add_base_url(cJSON *root, const struct diagnosis *d)
{
	const struct candidate *from;
	char *url = sanitize_url(check_url(&d->ctx, &from));
	size_t i = 0;

	add(root, "base_url", cJSON_CreateString(url));
	free(url);
	while (from != NULL && i < d->src.n && &d->src.c[i] != from)
		i++;
	add(root, "base_url_candidate", index_of(from != NULL &&
	    i < d->src.n ? i : NO_WINNER));
}

static const char *const purposes[] = {
	[PROBE_MODELS] = "models", [PROBE_CHAT] = "chat",
	[PROBE_OTHER_KEY] = "other-key", [PROBE_NO_ORG] = "no-organization",
	[PROBE_NO_PROJECT] = "no-project",
};

static const char *const matches[] = {
	[EXPLAIN_MATCH_NONE] = "none", [EXPLAIN_MATCH_EXACT] = "exact",
	[EXPLAIN_MATCH_QUOTED] = "quoted",
	[EXPLAIN_MATCH_TRUNCATED] = "truncated",
};

static const char *const blocks[] = {
	[LIVE_GO] = "sent", [LIVE_OFFLINE] = "offline",
	[LIVE_BAD_URL] = "bad-url", [LIVE_INSECURE] = "insecure",
	[LIVE_FOREIGN_KEY] = "foreign-key",
};

/* One request (SPEC 10) plus what fix401 read from its answer. */
static cJSON *
request_json(const struct probe *p)
{
	const struct http_response *r = &p->resp;
	bool answered = r->error == HTTP_OK;
	cJSON *o = must(cJSON_CreateObject());

	add(o, "endpoint", cJSON_CreateString(probe_endpoint(p)));
	add(o, "purpose", cJSON_CreateString(purposes[p->kind]));
	add(o, "status", answered ? cJSON_CreateNumber(r->status) :
	    cJSON_CreateNull());
	add(o, "code", str(p->ex.code));
	add(o, "type", str(p->ex.type));
	add(o, "cause", answered ? cJSON_CreateString(explain_cause_info(
	    explain_refine(&p->ex, p->match))->id) : cJSON_CreateNull());
	add(o, "request_id", str(r->request_id));
	add(o, "ms", cJSON_CreateNumber(r->ms));
	add(o, "error", answered ? cJSON_CreateNull() :
	    cJSON_CreateString(http_error_id(r->error)));
	add(o, "attempts", cJSON_CreateNumber(p->attempts));
	add(o, "candidate", index_of(p->candidate));
	add(o, "organization_sent", cJSON_CreateBool(p->sent_org));
	add(o, "project_sent", cJSON_CreateBool(p->sent_project));
	add(o, "www_authenticate", cJSON_CreateBool(r->www_authenticate));
	add(o, "content_type", str(r->content_type));
	add(o, "http_version", str(r->http_version));
	add(o, "mask_candidate", index_of(p->matched >= 0 ?
	    (size_t)p->matched : NO_WINNER));
	add(o, "mask_match", p->ex.mask != NULL ?
	    cJSON_CreateString(matches[p->match]) : cJSON_CreateNull());
	if (p->kind == PROBE_CHAT) {
		add(o, "model", str(p->model));
		add(o, "reply", str(p->reply));
		add(o, "fallback", str(p->fallback));
	}
	return o;
}

/* "requests", "live" (sent, or why not) and "proxy". */
static void
add_requests(cJSON *root, const struct diagnosis *d)
{
	const struct live *l = &d->live;
	cJSON *a = must(cJSON_CreateArray());

	for (size_t i = 0; i < l->n; i++)
		push(a, request_json(&l->p[i]));
	add(root, "requests", a);
	add(root, "live", cJSON_CreateString(blocks[l->block]));
	add(root, "proxy", str(l->proxy));
}

/* The copy of cJSON's text the caller frees with free(). */
static char *
print(const cJSON *root)
{
	char *text = cJSON_Print(root), *r;

	if (text == NULL)
		die("%s", _("out of memory"));
	r = xstrdup(text);
	cJSON_free(text);
	return r;
}

/* A new document with "tool", "version" and "verdict". */
static cJSON *
new_root(const char *verdict)
{
	cJSON *root = must(cJSON_CreateObject());

	add(root, "tool", cJSON_CreateString("fix401"));
	add(root, "version", cJSON_CreateString(PACKAGE_VERSION));
	add(root, "verdict", cJSON_CreateString(verdict));
	return root;
}

char *
report_json(const struct diagnosis *d)
{
	cJSON *root = new_root(diagnosis_verdict(d));
	char *r;

	add(root, "dir", str(d->dir));
	add(root, "dotenv", str(d->dotenv_path));
	add_base_url(root, d);
	add_sources(root, d);
	add(root, "checks", checks_json(d));
	add_hints(root, d);
	add_requests(root, d);
	r = print(root);
	cJSON_Delete(root);
	return r;
}

char *
report_json_error(const char *message)
{
	cJSON *root = new_root("error");
	char *r;

	add(root, "error", str(message));
	/* the lists are there, empty, so readers need no special case */
	add(root, "candidates", cJSON_CreateArray());
	add(root, "checks", cJSON_CreateArray());
	add(root, "requests", cJSON_CreateArray());
	r = print(root);
	cJSON_Delete(root);
	return r;
}

/* ---- --explain --json ---- */

static const char *const format_names[] = {
	[EXPLAIN_FMT_TEXT] = "text", [EXPLAIN_FMT_JSON] = "json",
	[EXPLAIN_FMT_PYTHON] = "python", [EXPLAIN_FMT_NODE] = "node",
	[EXPLAIN_FMT_CURL] = "curl",
};

static const char *const match_names[] = {
	[EXPLAIN_MATCH_NONE] = NULL, [EXPLAIN_MATCH_EXACT] = "exact",
	[EXPLAIN_MATCH_QUOTED] = "quoted",
	[EXPLAIN_MATCH_TRUNCATED] = "truncated",
};

/* s as report_paste() shows it, or null. */
static cJSON *
pasted(const char *s, const struct diagnosis *d)
{
	char *t = report_paste(s, d);
	cJSON *j = str(t);

	free(t);
	return j;
}

/* What the paste says (every string sanitized by explain_parse, and the
 * values of d masked in it here). */
static cJSON *
explained_json(const struct explained *e, const struct diagnosis *d,
    enum explain_cause cause)
{
	const struct explain_cause_info *info = explain_cause_info(cause);
	cJSON *o = must(cJSON_CreateObject());

	add(o, "status", e->status > 0 ? cJSON_CreateNumber(e->status) :
	    cJSON_CreateNull());
	add(o, "code", pasted(e->code, d));
	add(o, "type", pasted(e->type, d));
	add(o, "param", pasted(e->param, d));
	add(o, "message", pasted(e->message, d));
	add(o, "request_id", pasted(e->request_id, d));
	add(o, "mask", pasted(e->mask, d));
	add(o, "key_length", e->mask_key_len > 0 ?
	    cJSON_CreateNumber((double)e->mask_key_len) : cJSON_CreateNull());
	add(o, "format", str(format_names[e->format]));
	add(o, "shape", str(explain_shape_id(e->shape)));
	add(o, "cause", str(info->id));
	add(o, "title", str(_(info->title)));
	add(o, "advice", str(_(info->advice)));
	return o;
}

char *
report_json_explain(const struct explained *e, const struct diagnosis *d,
    const struct explain_candidate *c, enum explain_match_kind kind,
    enum explain_cause cause)
{
	cJSON *root = new_root("ok"), *m = must(cJSON_CreateArray());
	char *r;

	add(root, "dir", str(d->dir));
	add(root, "explain", explained_json(e, d, cause));
	add(root, "match", str(match_names[kind]));
	for (size_t i = 0; kind != EXPLAIN_MATCH_NONE && i < d->src.n; i++)
		if (explain_match_kind(e, &c[i]) == kind)
			push(m, cJSON_CreateNumber((double)i));
	add(root, "matches", m);
	add_sources(root, d);
	r = print(root);
	cJSON_Delete(root);
	return r;
}
