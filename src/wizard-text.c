/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The words on a check's page: what it checks and why that matters (one
 * table, by check id), and the "found" lines, one per copy of the
 * variables the check reads or per request it made, every value masked. */
#include <config.h>

#include "wizard-text.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "defect.h"
#include "i18n.h"
#include "key.h"
#include "live.h"
#include "report.h"
#include "sanitize.h"
#include "utf8.h"
#include "xalloc.h"

#define KEY_NAME	"OPENAI_API_KEY"

static const struct wizard_text texts[] = {
	{ "key-found",
	  N_("Whether OPENAI_API_KEY is set where your program looks for it: "
	     "the environment, the project's .env file and your shell's "
	     "startup files."),
	  N_("Without a key your program stops before it sends anything, or "
	     "sends an empty key and gets a 401. The SDKs read exactly "
	     "OPENAI_API_KEY: a key under another name (OPENAI_KEY, "
	     "VITE_OPENAI_API_KEY) is never used.") },
	{ "dotenv-clean",
	  N_("Whether the key's line in .env reads the same in python-dotenv, "
	     "Node's dotenv, docker and the shell."),
	  N_("Quotes, spaces, a Windows line end or an invisible character "
	     "become part of the key in some loaders, so the server gets a "
	     "different key from the one you pasted.") },
	{ "key-shadowed",
	  N_("Whether every copy of the key (environment, .env, shell startup "
	     "files) is the same, or the one that wins is the one in .env."),
	  N_("Python's load_dotenv() and Node's dotenv never replace a "
	     "variable that is already set, so an old key exported in your "
	     "shell wins over the new one in .env.") },
	{ "key-format",
	  N_("Whether the key looks like a real key: its prefix, its length "
	     "and its characters."),
	  N_("A placeholder such as sk-your-key-here, a key cut short while "
	     "copying it, or a hidden character is refused by the API with a "
	     "401.") },
	{ "key-provider",
	  N_("Whether the key belongs to the provider your requests go to."),
	  N_("Each provider (OpenAI, OpenRouter, Groq, Azure ...) accepts only "
	     "its own keys: an OpenRouter key sent to api.openai.com gets a "
	     "401, and so does the reverse.") },
	{ "base-url",
	  N_("Where your program sends its requests: OPENAI_BASE_URL, or "
	     "https://api.openai.com/v1 when it is not set."),
	  N_("A typo, a missing /v1 or an extra /chat/completions sends the "
	     "key to the wrong place, whose errors look like a bad key.") },
	{ "org-project",
	  N_("Whether OPENAI_ORG_ID and OPENAI_PROJECT_ID are unset, or ids "
	     "(org-..., proj_...) that the API accepts with this key."),
	  N_("The SDKs send them as headers with every request: an "
	     "organization or project the key does not belong to makes the "
	     "API refuse even a good key.") },
	{ "network",
	  N_("Whether the API's address answers: the name resolves, the "
	     "connection opens and the secure (TLS) connection works."),
	  N_("A firewall, proxy or VPN can stop requests before they reach "
	     "the API. Then the key is not the problem, and a new key will "
	     "not help.") },
	{ "key-accepted",
	  N_("Whether the API accepts the key: fix401 asks for the list of "
	     "models (GET /models), which costs nothing."),
	  N_("This is the API's own answer about the key. When it refuses "
	     "the key, its reason (wrong, revoked, another provider's) says "
	     "what to fix.") },
	{ "completion",
	  N_("Whether a real request works: one tiny chat completion of a few "
	     "tokens."),
	  N_("A valid key can still fail for billing, model access or "
	     "settings. A reply from the model proves that your setup works "
	     "from end to end.") },
	{ "dotenv-safety",
	  N_("Whether .env is kept out of git and only you can read it."),
	  N_("A .env committed to git and pushed leaks the key; leaked keys "
	     "are revoked (another 401) or run up bills.") },
};

const struct wizard_text *
wizard_text(const char *id)
{
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		if (strcmp(texts[i].id, id) == 0)
			return &texts[i];
	return NULL;
}

/* ---- building lines ---- */
void
wizard_add(struct wizard_lines *l, char *s)
{
	l->v = xrealloc(l->v, (l->n + 2) * sizeof *l->v);
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

void
wizard_put(struct wizard_lines *l, const char *s)
{
	wizard_add(l, xstrdup(s));
}

char **
wizard_take(struct wizard_lines *l)
{
	if (l->v == NULL)
		l->v = xcalloc(1, sizeof *l->v);
	return l->v;
}

void
wizard_field(struct buf *b, const char *s, size_t width)
{
	size_t n = utf8_length(s, strlen(s));

	buf_add(b, s, strlen(s));
	for (size_t pad = n + 2 > width ? 2 : width - n; pad > 0; pad--)
		buf_addc(b, ' ');
}

char *
wizard_line(struct buf *b)
{
	size_t len;
	char *s = buf_take(b, &len);

	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
	return s;
}

char *
wizard_short_path(const struct wizard *w, const char *path)
{
	char *s = sanitize_text(path, strlen(path), NULL), *r;
	const char *dir = w->d->dir, *home = getenv("HOME");
	size_t n;

	if (dir != NULL && (n = strlen(dir)) > 1 &&
	    strncmp(s, dir, n) == 0 && s[n] == '/')
		r = xstrdup(s + n + 1);
	else if (home != NULL && (n = strlen(home)) > 1 &&
	    strncmp(s, home, n) == 0 && s[n] == '/')
		r = xasprintf("~%s", s + n);
	else
		return s;
	free(s);
	return r;
}

char *
wizard_place(const struct wizard *w, const struct candidate *c)
{
	char *s = check_where(c), *r = wizard_short_path(w, s);

	free(s);
	return r;
}

/* v[0..len) as it may be shown: masked, or a word for a short value. */
static char *
masked(const struct wizard *w, const char *v, size_t len)
{
	char *m = key_mask(v, len, wizard_ascii(w));

	if (m != NULL)
		return m;
	if (len == 0)
		return xstrdup(_("(empty)"));
	return xstrdup(key_is_placeholder(v, len) ? _("(placeholder)") :
	    _("(short)"));
}

/* What becomes of candidate i for the context's consumer, in a word. */
static const char *
fate(const struct wizard *w, size_t i)
{
	const struct sources *s = &w->d->src;
	const struct candidate *c = &s->c[i];

	if (s->winner[w->d->ctx.consumer] == i)
		return _("<- used");
	if (strcmp(c->name, KEY_NAME) != 0)
		return _("(name not read)");
	if (c->unloaded)
		return _("(not loaded)");
	if (c->unexported)
		return _("(not exported)");
	if (c->cleared)
		return _("(unset later)");
	return _("(hidden)");
}

/* One copy of a key: [name,] place, masked value, length, fingerprint,
 * and whether it is the one used. */
static char *
key_line(const struct wizard *w, size_t i, bool named)
{
	const struct candidate *c = &w->d->src.c[i];
	struct buf b = { 0 };
	char *where = wizard_place(w, c), *m, *n, fp[9];
	size_t len = key_length(c->value, c->value_len);

	if (named) {
		n = report_name(c->name);
		m = xasprintf("%s %s", n, where);
		free(where);
		free(n);
		where = m;
	}
	wizard_field(&b, where, 20);
	if (c->dynamic) {
		wizard_field(&b, _("(computed by a command)"), 36);
	} else {
		m = masked(w, c->value, c->value_len);
		wizard_field(&b, m, 16);
		free(m);
		n = xasprintf(ngettext("%zu char", "%zu chars", len), len);
		wizard_field(&b, n, 11);
		free(n);
		key_fingerprint(c->value, c->value_len, fp);
		wizard_field(&b, fp, 10);
	}
	wizard_field(&b, fate(w, i), 0);
	free(where);
	return wizard_line(&b);
}

/* Every copy of OPENAI_API_KEY; with near, the near-miss names too. */
static void
key_lines(const struct wizard *w, struct wizard_lines *l, bool near)
{
	const struct sources *s = &w->d->src;
	size_t before = l->n;

	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->c[i].name, KEY_NAME) == 0)
			wizard_add(l, key_line(w, i, false));
	if (l->n == before)
		wizard_put(l, _("OPENAI_API_KEY is set nowhere fix401 "
		    "looked"));
	for (size_t i = 0; near && i < s->n; i++)
		if (defect_near_miss(s->c[i].name))
			wizard_add(l, key_line(w, i, true));
}

/* The .env in use: its key lines, and what each loader reads from the
 * one that counts. */
static void
dotenv_lines(const struct wizard *w, struct wizard_lines *l)
{
	const struct diagnosis *d = w->d;
	const struct finding *f;
	const struct candidate *win = NULL;
	size_t before = l->n;
	char *path, fp[9];

	if (!d->have_an) {
		wizard_put(l, _("no .env file was found"));
		return;
	}
	f = analysis_winner(&d->an, KEY_NAME);
	for (size_t i = 0; i < d->src.n; i++) {
		const struct candidate *c = &d->src.c[i];

		if (strcmp(c->name, KEY_NAME) != 0 || c->path == NULL ||
		    strcmp(c->path, d->dotenv_path) != 0)
			continue;
		wizard_add(l, key_line(w, i, false));
		if (f != NULL && c->line == f->a->line + 1)
			win = c;
	}
	if (l->n == before) {
		path = wizard_short_path(w, d->dotenv_path);
		/* TRANSLATORS: %s is the .env file. */
		wizard_add(l, xasprintf(_("no OPENAI_API_KEY line in %s"),
		    path));
		free(path);
	}
	if (win == NULL || !win->has_loaders)
		return;
	for (int k = 0; k < LOADER_COUNT; k++) {
		const struct loader_reading *r = &win->loaders[k];
		struct buf b = { 0 };

		buf_add(&b, "  ", 2);
		wizard_field(&b, loader_get(k)->name, 18);
		if (r->set) {
			char *n = xasprintf(ngettext("reads %zu char",
			    "reads %zu chars", r->length), r->length);

			wizard_field(&b, n, 18);
			memcpy(fp, r->fp, sizeof fp);
			wizard_field(&b, fp, 0);
			free(n);
		} else
			wizard_field(&b, _("reads no key from this line"), 0);
		wizard_add(l, wizard_line(&b));
	}
}

/* Copies of the variables names[] (NULL-ended): name, place, value shown
 * by show(), and whether it is used; legacy names (the pre-1.0 SDKs')
 * are marked as not read. */
static void
var_lines(const struct wizard *w, struct wizard_lines *l,
    const char *const *names, const char *legacy,
    char *(*show)(const struct wizard *, const struct candidate *))
{
	const struct diagnosis *d = w->d;

	for (size_t i = 0; i < d->src.n; i++) {
		const struct candidate *c = &d->src.c[i];
		struct buf b = { 0 };
		char *where, *v;
		bool known = false;

		for (size_t k = 0; names[k] != NULL; k++)
			known = known || strcmp(c->name, names[k]) == 0;
		if (!known)
			continue;
		where = wizard_place(w, c);
		v = show(w, c);
		wizard_field(&b, c->name, 20);
		wizard_field(&b, where, 18);
		wizard_field(&b, v, 20);
		if (legacy != NULL && strcmp(c->name, legacy) == 0)
			wizard_field(&b, _("(old name: not read)"), 0);
		else if (check_lookup(&d->ctx, c->name) == c)
			wizard_field(&b, _("<- used"), 0);
		else
			wizard_field(&b, c->unloaded ? _("(not loaded)") :
			    _("(hidden)"), 0);
		wizard_add(l, wizard_line(&b));
		free(where);
		free(v);
	}
}

static char *
show_url(const struct wizard *w, const struct candidate *c)
{
	(void)w;
	return sanitize_url(c->value);
}

/* An id is no secret, but a key pasted in its place is. */
static char *
show_id(const struct wizard *w, const struct candidate *c)
{
	if (sanitize_key_prefix(c->value) || c->value_len > 48)
		return masked(w, c->value, c->value_len);
	return sanitize_server(c->value, c->value_len, 48);
}

/* Where requests go, and who said so. */
static void
url_line(const struct wizard *w, struct wizard_lines *l)
{
	const struct candidate *from;
	const char *url = check_url(&w->d->ctx, &from);
	char *u = sanitize_url(url), *where = check_url_where(&w->d->ctx, from);
	char *at = wizard_short_path(w, where);

	/* TRANSLATORS: the base URL, then where it was set. */
	wizard_add(l, xasprintf(_("requests go to %s (%s)"), u, at));
	free(u);
	free(where);
	free(at);
}

/* The .env's mode and git status. */
static void
safety_lines(const struct wizard *w, struct wizard_lines *l)
{
	const struct dotenv_facts *f = &w->d->facts;
	char *path;

	if (w->d->dotenv_path == NULL) {
		wizard_put(l, _("no .env file was found"));
		return;
	}
	path = wizard_short_path(w, w->d->dotenv_path);
	/* TRANSLATORS: %s is the .env file. */
	wizard_add(l, xasprintf(_("file %s"), path));
	free(path);
	if (!f->exists)
		return;
	/* TRANSLATORS: %04o is a file mode such as 0600. */
	wizard_add(l, xasprintf((f->mode & 077) != 0 ? _("mode %04o: other "
	    "accounts may read it") : _("mode %04o: only you can read it"),
	    f->mode));
	if (!f->git)
		wizard_put(l, _("git: not installed, or not answering"));
	else if (!f->in_repo)
		wizard_put(l, _("git: not in a repository"));
	else if (f->tracked)
		wizard_put(l, _("git: tracked (it goes out with a push)"));
	else if (f->ignored)
		wizard_put(l, _("git: ignored (.gitignore covers it)"));
	else
		wizard_put(l, _("git: not ignored (git add . would take "
		    "it)"));
	wizard_put(l, f->shared ? _("other people can log in here") :
	    _("no other person logs in here"));
}

char **
wizard_found(const struct wizard *w, const struct check *c)
{
	static const char *const urls[] = {
		"OPENAI_BASE_URL", "OPENAI_API_BASE", NULL,
	};
	static const char *const ids[] = {
		"OPENAI_ORG_ID", "OPENAI_ORGANIZATION", "OPENAI_PROJECT_ID",
		NULL,
	};
	struct wizard_lines l = { 0 };
	const char *id = c->id;

	if (strcmp(id, "key-found") == 0)
		key_lines(w, &l, true);
	else if (strcmp(id, "dotenv-clean") == 0)
		dotenv_lines(w, &l);
	else if (strcmp(id, "key-shadowed") == 0 ||
	    strcmp(id, "key-format") == 0)
		key_lines(w, &l, false);
	else if (strcmp(id, "key-provider") == 0) {
		key_lines(w, &l, false);
		url_line(w, &l);
	} else if (strcmp(id, "base-url") == 0) {
		var_lines(w, &l, urls, "OPENAI_API_BASE", show_url);
		url_line(w, &l);
	} else if (strcmp(id, "org-project") == 0) {
		var_lines(w, &l, ids, "OPENAI_ORGANIZATION", show_id);
		if (l.n == 0)
			wizard_put(&l, _("neither is set: no organization or "
			    "project header is sent"));
		if (w->d->live.org != NO_WINNER ||
		    w->d->live.project != NO_WINNER)
			wizard_probe_lines(w, &l, id);
	} else if (c->live) {
		wizard_probe_lines(w, &l, id);
		if (strcmp(id, "network") == 0 && w->d->live.proxy != NULL)
			/* TRANSLATORS: %s is a proxy's address, masked. */
			wizard_add(&l, xasprintf(_("through the proxy %s"),
			    w->d->live.proxy));
	} else if (strcmp(id, "dotenv-safety") == 0)
		safety_lines(w, &l);
	return wizard_take(&l);
}
