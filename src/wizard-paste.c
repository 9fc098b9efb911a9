/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* e: a pasted key, cleaned as SPEC 7 says (quotes, whitespace, line
 * breaks, zero-width characters, NBSP, a BOM, a whole OPENAI_API_KEY=...
 * line), described masked (length, provider, kind, doubts), and planned
 * into the project's .env. */
#include <config.h>

#include "wizard.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dotenv.h"
#include "fix.h"
#include "i18n.h"
#include "key.h"
#include "sanitize.h"
#include "utf8.h"
#include "wizard-change.h"
#include "xalloc.h"

#define KEY_NAME	"OPENAI_API_KEY"

/* What cleaning removed, in the order the words are listed. */
enum {
	CLEAN_QUOTES, CLEAN_SMART, CLEAN_LEAD, CLEAN_TRAIL, CLEAN_BREAK,
	CLEAN_ZW, CLEAN_NBSP, CLEAN_BOM, CLEAN_EXPORT, CLEAN_NAME, CLEAN_COUNT
};

static const char *const clean_words[CLEAN_COUNT] = {
	N_("quotes"), N_("curly quotes"), N_("spaces before it"),
	N_("spaces after it"), N_("a line break"),
	N_("zero-width characters"), N_("no-break spaces"),
	N_("a byte order mark"), N_("the word export"),
	N_("the name OPENAI_API_KEY"),
};

/* Words for the key kinds of data/providers.json people know by name;
 * the others are just "API key". */
static const struct {
	const char	*kind, *words;
} kind_words[] = {
	{ "openai-project",	N_("project key") },
	{ "openai-svcacct",	N_("service account key") },
	{ "openai-admin",	N_("admin key") },
	{ "openai-none",	N_("user key") },
	{ "openai-legacy",	N_("user key (older style)") },
	{ "anthropic-admin",	N_("admin key") },
	{ "huggingface-org",	N_("organization token") },
};

/* The text being cleaned: s[b..e), and what was removed so far. */
struct cleaning {
	const char	*s;
	size_t		 b, e;
	unsigned	 what;		/* 1U << CLEAN_* */
};

/* What cleaning removes from an edge, or -1: part of the key. */
static int
edge_junk(int32_t cp, bool lead)
{
	if (cp == 0xfeff)
		return CLEAN_BOM;
	if (cp == '\r' || cp == '\n')
		return CLEAN_BREAK;
	if (cp == 0xa0)
		return CLEAN_NBSP;
	if (uc_invisible(cp))
		return CLEAN_ZW;
	if (uc_py_space(cp) || uc_js_space(cp))
		return lead ? CLEAN_LEAD : CLEAN_TRAIL;
	if (cp == '"' || cp == '\'' || cp == '`')
		return CLEAN_QUOTES;
	return uc_smart_quote(cp) ? CLEAN_SMART : -1;
}

/* The start of the last character of s[b..e). */
static size_t
last_char(const char *s, size_t b, size_t e)
{
	size_t k = e - 1;

	while (k > b && e - k < 4 && ((unsigned char)s[k] & 0xc0) == 0x80)
		k--;
	return k;
}

/* Removes junk from both ends of cl. */
static void
trim(struct cleaning *cl)
{
	int32_t cp;
	size_t n, k;
	int j;

	while (cl->b < cl->e) {
		n = utf8_decode(cl->s + cl->b, cl->e - cl->b, &cp);
		if ((j = edge_junk(cp, true)) < 0)
			break;
		cl->what |= 1U << j;
		cl->b += n;
	}
	while (cl->e > cl->b) {
		k = last_char(cl->s, cl->b, cl->e);
		if (utf8_decode(cl->s + k, cl->e - k, &cp) != cl->e - k ||
		    (j = edge_junk(cp, false)) < 0)
			break;
		cl->what |= 1U << j;
		cl->e = k;
	}
}

/* True when cl starts with word w followed by a blank (or, when sep is
 * not 0, optional blanks and sep); moves past them. */
static bool
skip_word(struct cleaning *cl, const char *w, char sep)
{
	size_t n = strlen(w), i = cl->b + n;

	if (cl->e - cl->b <= n || memcmp(cl->s + cl->b, w, n) != 0)
		return false;
	while (i < cl->e && (cl->s[i] == ' ' || cl->s[i] == '\t'))
		i++;
	if (sep != 0) {
		if (i == cl->e || (cl->s[i] != sep && cl->s[i] != ':'))
			return false;
		i++;
	} else if (i == cl->b + n) {
		return false;
	}
	cl->b = i;
	return true;
}

/* True when cl starts like NAME= for another variable (upper case,
 * digits and '_', with at least one '_'): a line for another name. */
static bool
other_name(const struct cleaning *cl)
{
	size_t i = cl->b;
	bool under = false;

	for (; i < cl->e; i++) {
		char c = cl->s[i];

		if (c == '_')
			under = true;
		else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			break;
	}
	while (i < cl->e && (cl->s[i] == ' ' || cl->s[i] == '\t'))
		i++;
	return under && i > cl->b && i < cl->e && cl->s[i] == '=';
}

/* Takes the value out of a pasted line: export OPENAI_API_KEY=...,
 * OPENAI_API_KEY: ..., $env:OPENAI_API_KEY="...".  -1 (with *why) for a
 * line setting another variable. */
static int
take_value(struct cleaning *cl, char **why)
{
	if (skip_word(cl, "export", 0))
		cl->what |= 1U << CLEAN_EXPORT;
	if (skip_word(cl, "$env:" KEY_NAME, '=') ||
	    skip_word(cl, KEY_NAME, '=')) {
		cl->what |= 1U << CLEAN_NAME;
		trim(cl);
		return 0;
	}
	if (other_name(cl)) {
		*why = xstrdup(_("That is a line that sets another variable. "
		    "Paste only the key, or a whole OPENAI_API_KEY=... line."));
		return -1;
	}
	return 0;
}

/* The cleaned key into *out (caller wipes and frees), or -1 with *why. */
static int
clean(const char *text, size_t len, char **out, size_t *olen,
    unsigned *what, char **why)
{
	struct cleaning cl = { .s = text, .b = 0, .e = len };
	struct buf b = { 0 };
	int32_t cp;
	int rc = 0;

	trim(&cl);
	if (take_value(&cl, why) < 0)
		return -1;
	/* sized once: a key must not be left behind by a realloc */
	b.p = xgrow(NULL, &b.cap, len + 1, 1);
	for (size_t i = cl.b, n; i < cl.e && rc == 0; i += n) {
		n = utf8_decode(text + i, cl.e - i, &cp);
		if (cp == 0xfeff || cp == 0xa0 || uc_invisible(cp))
			cl.what |= 1U << (cp == 0xa0 ? CLEAN_NBSP :
			    cp == 0xfeff ? CLEAN_BOM : CLEAN_ZW);
		else if (uc_py_space(cp) || uc_js_space(cp))
			rc = -1;
		else
			buf_add(&b, text + i, n);
	}
	if (rc < 0 || b.n == 0) {
		*why = xstrdup(rc < 0 ? _("The pasted text has spaces or line "
		    "breaks inside it, so it is not one key. Paste only the "
		    "key.") : _("Nothing is left of the pasted text once "
		    "spaces and quotes are removed. Paste the key."));
	} else if (!dotenv_value_is_plain(b.p, b.n)) {
		*why = xstrdup(_("The pasted text holds characters no API key "
		    "has (such as quotes, $, # or letters outside A-Z). Paste "
		    "only the key."));
		rc = -1;
	}
	if (rc < 0 || b.n == 0) {
		xwipe(b.p, b.n);
		buf_free(&b);
		return -1;
	}
	*what = cl.what;
	*out = buf_take(&b, olen);
	return 0;
}

/* ---- describing ---- */

/* What cleaning removed, in words, or NULL (caller frees). */
static char *
cleaned_text(unsigned what)
{
	char **v = xcalloc(CLEAN_COUNT + 1, sizeof *v);
	size_t n = 0;

	for (int i = 0; i < CLEAN_COUNT; i++)
		if (what & (1U << i))
			v[n++] = xstrdup(_(clean_words[i]));
	return change_join(v);
}

/* The key's kind in words, or NULL: not a key, or of no known shape. */
static char *
kind_text(const struct providers *ps, const struct key_id *id)
{
	struct key_kind k = { 0 };

	if (id->cls != KEY_ID_KEY || id->kind == NULL ||
	    !provider_key_kind(ps, id->kind, &k) || k.fallback)
		return NULL;
	for (size_t i = 0; i < sizeof kind_words / sizeof *kind_words; i++)
		if (strcmp(kind_words[i].kind, id->kind) == 0)
			return xstrdup(_(kind_words[i].words));
	return xstrdup(_("API key"));
}

/* The smallest known length of id's kind above its length, or 0. */
static size_t
whole_length(const struct providers *ps, const struct key_id *id)
{
	struct key_kind k = { 0 };
	size_t best = 0;

	provider_key_kind(ps, id->kind, &k);
	for (size_t i = 0; i < k.nlengths; i++)
		if (k.lengths[i] > id->length &&
		    (best == 0 || k.lengths[i] < best))
			best = k.lengths[i];
	return best;
}

/* A reason to doubt the key (caller frees), or NULL. */
static char *
doubt(const struct diagnosis *d, const char *v, size_t n,
    const struct key_id *id)
{
	const char *url = check_url(&d->ctx, NULL);
	const struct provider *up = d->providers != NULL ?
	    provider_for_url(d->providers, url) : NULL;

	if (up != NULL && provider_url_loopback(url))
		up = NULL;	/* a server here takes whatever it likes */
	if (key_is_placeholder(v, n) || id->cls == KEY_ID_PLACEHOLDER)
		return xstrdup(_("This looks like a placeholder from an "
		    "example, not a real key."));
	if (id->cls == KEY_ID_URL)
		return xstrdup(_("This is a web address, not a key; it "
		    "belongs in OPENAI_BASE_URL."));
	if (id->cls == KEY_ID_ORG_ID || id->cls == KEY_ID_PROJECT_ID)
		return xstrdup(_("This is an organization or project id, not "
		    "a key; an OpenAI key starts with sk-."));
	if (id->cls == KEY_ID_SESSION)
		return xstrdup(_("This is a ChatGPT session token; the API "
		    "takes only API keys."));
	if (id->cls == KEY_ID_KEY && id->length_fit == KEY_LEN_SHORT)
		/* TRANSLATORS: two lengths in characters. */
		return xasprintf(_("It looks cut off: a whole key of this kind "
		    "has %zu characters, not %zu."), whole_length(d->providers,
		    id), id->length);
	if (id->cls == KEY_ID_KEY && id->length_fit == KEY_LEN_LONG)
		return xstrdup(_("It is longer than any key of its kind: "
		    "extra text may have been pasted with it."));
	if (up != NULL && id->provider != NULL && id->provider != up)
		/* TRANSLATORS: two providers' names, then the first again. */
		return xasprintf(_("This is a key from %s, but the base URL "
		    "points to %s, which answers 401 to a key from %s."),
		    provider_name(id->provider), provider_name(up),
		    provider_name(id->provider));
	if (up != NULL && id->provider == NULL)
		return xasprintf(_("This does not look like a key from %s."),
		    provider_name(up));
	return NULL;
}

/* Fills p for the cleaned key v[0..n). */
static void
describe(const struct wizard *w, const char *v, size_t n, unsigned what,
    struct pasted *p)
{
	struct key_id id = { .cls = KEY_ID_UNKNOWN };

	p->length = key_length(v, n);
	p->masked = key_mask(v, n, w->o->ascii);
	if (p->masked == NULL)
		/* TRANSLATORS: a short key, shown by its length only. */
		p->masked = xasprintf(ngettext("hidden, %zu character",
		    "hidden, %zu characters", p->length), p->length);
	p->cleaned = cleaned_text(what);
	if (w->d->providers != NULL) {
		provider_identify_key(w->d->providers, v, n, &id);
		p->kind = kind_text(w->d->providers, &id);
	}
	if (id.cls == KEY_ID_KEY && id.provider != NULL)
		p->provider = xstrdup(provider_name(id.provider));
	p->warning = doubt(w->d, v, n, &id);
}

/* ---- planning ---- */

/* Why a key cannot be written into an (at shown): r is not planned. */
static char *
no_key_plan(enum fix_result r, const struct fix_plan *p,
    const struct analysis *an, const char *shown)
{
	const struct finding *f = analysis_winner(an, KEY_NAME);

	if (r == FIX_NOTHING)
		return xasprintf(_("Line %zu of %s already holds this key, "
		    "written the way every loader reads it."),
		    f->a->line + 1, shown);
	if (r == FIX_BLOCKED && p->blocker != FIX_NO_LINE)
		/* TRANSLATORS: a line number, then the file. */
		return xasprintf(_("Line %zu of %s opens a quote that never "
		    "closes, so some loaders would read the key as part of "
		    "that value. Close or remove that quote by hand first."),
		    p->blocker + 1, shown);
	return xasprintf(_("Even with the new key, %s would not read the "
	    "same in every loader because of other lines (see fix401 "
	    "--check). Edit the file by hand."), shown);
}

/* Plans writing the key v[0..n) into the project's .env. */
static int
plan_key(struct wizard *w, const char *v, size_t n, struct change *c,
    char **why)
{
	const struct diagnosis *d = w->d;
	char *path = change_key_path(w);
	struct analysis an;
	struct fix_plan p;
	enum fix_result r;

	if (change_read(c, path, why) < 0) {
		free(path);
		return -1;
	}
	analysis_run(&an, c->from->buf, c->from->len, NULL, NULL);
	r = fix_plan_value(&an, v, n, &p);
	if (r != FIX_PLANNED) {
		*why = no_key_plan(r, &p, &an, c->path);
	} else {
		c->kind = CHANGE_NEW_KEY;
		c->line = p.line + 1;
		c->creates = !c->from->exists;
		c->before = p.appended ? NULL :
		    change_line_text(&an, p.f->a, w->o->ascii);
		c->after = change_key_text(v, n, w->o->ascii);
		if (d->dotenv_path != NULL && strcmp(d->dotenv_path, path) != 0)
			c->more = sanitize_take(xasprintf(_("python-dotenv "
			    "then reads this file instead of %s"),
			    d->dotenv_path));
		else
			c->more = change_join(fix_plan_notes(&p));
		change_take_buf(c, p.buf, p.len);
		change_set_value(c, v, n);
	}
	analysis_clear(&an);
	free(path);
	return r == FIX_PLANNED ? 0 : -1;
}

int
wizard_plan_paste(struct wizard *w, const char *text, size_t len,
    struct pasted *p, struct change *c, char **why)
{
	char *v = NULL;
	size_t n = 0;
	unsigned what = 0;
	int rc = -1;

	memset(p, 0, sizeof *p);
	memset(c, 0, sizeof *c);
	*why = NULL;
	if (w->d == NULL)
		*why = xstrdup(_("There is no project to write the key into."));
	else if (clean(text, len, &v, &n, &what, why) == 0) {
		describe(w, v, n, what, p);
		rc = plan_key(w, v, n, c, why);
	}
	if (v != NULL)
		xwipe(v, n);
	free(v);
	if (rc < 0) {
		change_clear(c);
		pasted_clear(p);
	}
	return rc;
}

void
pasted_clear(struct pasted *p)
{
	free(p->masked);
	free(p->provider);
	free(p->kind);
	free(p->cleaned);
	free(p->warning);
	memset(p, 0, sizeof *p);
}
