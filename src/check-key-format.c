/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* key-format: the key that wins is shaped like a real key: no hidden
 * characters, not a placeholder, URL, sentence, id or session token, not
 * cut off, and of a length and charset its provider issues. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "defect.h"
#include "i18n.h"
#include "key.h"
#include "utf8.h"
#include "xalloc.h"

/* The value as it may be shown: "sk-proj-…21sA (164 chars)", or only its
 * length when it is too short to show any of it (caller frees). */
static char *
shown(const char *v, size_t len)
{
	size_t n = key_length(v, len);
	char *mask = key_mask(v, len, false), *s;

	if (mask == NULL)
		return xasprintf(ngettext("%zu character", "%zu characters", n),
		    n);
	s = xasprintf(_("%s (%zu chars)"), mask, n);
	free(mask);
	return s;
}

/* Never part of a key, wherever it stands. */
static bool
is_hidden(int32_t cp)
{
	return cp == UTF8_INVALID || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
	    uc_invisible(cp) || (cp >= 0x80 && (uc_py_space(cp) ||
	    uc_js_space(cp)));
}

/* Never part of a key at its start or end: pasted with it. */
static bool
is_edge_junk(int32_t cp)
{
	return cp == ' ' || cp == '"' || cp == '\'' || cp == '`' ||
	    uc_smart_quote(cp);
}

/* The 1-based position of the first character of v that is not part of
 * the key, with the character in *cp; 0 when there is none. */
static size_t
find_stray(const char *v, size_t len, int32_t *cp)
{
	size_t n = key_length(v, len), pos = 0;

	for (size_t i = 0; i < len; i += utf8_decode(v + i, len - i, cp)) {
		utf8_decode(v + i, len - i, cp);
		pos++;
		if (is_hidden(*cp) || ((pos == 1 || pos == n) &&
		    is_edge_junk(*cp)))
			return pos;
	}
	return 0;
}

/* What cp is called, for "holds %s at character N". */
static const char *
char_name(int32_t cp, char buf[16])
{
	switch (cp) {
	case UTF8_INVALID:	return _("a byte that is not UTF-8");
	case ' ':		return _("a space");
	case '\t':		return _("a tab");
	case '\n':		return _("a line break");
	case '\r':		return _("a carriage return (CR)");
	case '"': case '\'':	return _("a quote mark");
	case 0xa0:		return _("a no-break space (U+00A0)");
	case 0x200b:		return _("a zero-width space (U+200B)");
	case 0xfeff:		return _("a byte order mark (U+FEFF)");
	case 0xad:		return _("a soft hyphen (U+00AD)");
	}
	if (uc_smart_quote(cp))
		return _("a curly quote mark");
	snprintf(buf, 16, "U+%04X", (unsigned)cp);
	return buf;
}

/* Fails r when the key holds a character that is not part of it; false
 * when it holds none. */
static bool
judge_stray(const struct check_ctx *ctx, const struct candidate *w,
    const char *where, struct check_result *r)
{
	int32_t cp = 0;
	size_t pos = find_stray(w->value, w->value_len, &cp);
	char buf[16];

	if (pos == 0 && (w->defects & (1UL << DEFECT_INVISIBLE)) == 0)
		return false;
	if (pos == 0) {
		check_set(r, CHECK_FAIL, _("the OPENAI_API_KEY line at %s "
		    "holds a character you cannot see"), where);
	} else {
		/* TRANSLATORS: where the key is, a character's name such as
		   "a zero-width space (U+200B)", its position, the length. */
		check_set(r, CHECK_FAIL, _("the key in %s holds %s at "
		    "character %zu of %zu"), where, char_name(cp, buf), pos,
		    key_length(w->value, w->value_len));
	}
	check_detail(r, _("Copying from a web page, a chat or a PDF can add "
	    "characters nobody sees; the server then gets a different key."));
	if (w->source == SOURCE_DOTENV || w->source == SOURCE_ENVFILE) {
		char *cmd = check_command(ctx, "--fix");

		check_fix(r, "%s", cmd);
		free(cmd);
	} else if (w->path != NULL) {
		check_fix(r, _("copy the key again and retype the line at %s"),
		    where);
	} else {
		check_fix(r, _("copy the key again and export OPENAI_API_KEY "
		    "anew where it is set"));
	}
	return true;
}

/* True when v is the variable's own name: OPENAI_API_KEY, $OPENAI_API_KEY,
 * ${OPENAI_API_KEY}, %OPENAI_API_KEY%. */
static bool
is_own_name(const struct candidate *w)
{
	const char *v = w->value;
	size_t len = w->value_len, n = strlen(w->name);

	while (len > 0 && (*v == '$' || *v == '{' || *v == '%')) {
		v++;
		len--;
	}
	while (len > 0 && (v[len - 1] == '}' || v[len - 1] == '%'))
		len--;
	return len == n && strncasecmp(v, w->name, n) == 0;
}

/* The summary for a value that is not a key at all. */
static void
not_key_summary(enum key_id_class cls, const char *where, const char *s,
    struct check_result *r)
{
	/* TRANSLATORS: in each, where the key is, then the masked value
	   or its length. */
	switch (cls) {
	case KEY_ID_URL:
		check_set(r, CHECK_FAIL, _("OPENAI_API_KEY in %s is a web "
		    "address, not a key: %s"), where, s);
		break;
	case KEY_ID_PROSE:
		check_set(r, CHECK_FAIL, _("OPENAI_API_KEY in %s holds words, "
		    "not a key: %s"), where, s);
		break;
	case KEY_ID_ORG_ID:
		check_set(r, CHECK_FAIL, _("OPENAI_API_KEY in %s is an "
		    "organization id, not a key: %s"), where, s);
		break;
	case KEY_ID_PROJECT_ID:
		check_set(r, CHECK_FAIL, _("OPENAI_API_KEY in %s is a project "
		    "id, not a key: %s"), where, s);
		break;
	case KEY_ID_SESSION:
		check_set(r, CHECK_FAIL, _("OPENAI_API_KEY in %s is a ChatGPT "
		    "session token, not an API key: %s"), where, s);
		break;
	default:
		check_set(r, CHECK_FAIL, _("OPENAI_API_KEY in %s is a "
		    "placeholder, not a key: %s"), where, s);
		break;
	}
}

/* The detail for a value that is not a key at all. */
static const char *
not_key_detail(enum key_id_class cls)
{
	switch (cls) {
	case KEY_ID_URL:
		return _("A web address belongs in OPENAI_BASE_URL; the key is "
		    "the secret your provider showed you once.");
	case KEY_ID_PROSE:
		return _("Text from a chat or a README was pasted where the "
		    "key goes.");
	case KEY_ID_ORG_ID:
		return _("Organization ids (org-...) go in OPENAI_ORG_ID; an "
		    "OpenAI key starts with sk-.");
	case KEY_ID_PROJECT_ID:
		return _("Project ids (proj_...) go in OPENAI_PROJECT_ID; an "
		    "OpenAI key starts with sk-.");
	case KEY_ID_SESSION:
		return _("The API accepts only keys made at "
		    "https://platform.openai.com/api-keys, never the ChatGPT "
		    "website's session.");
	default:
		return _("Example files, and programs printing an unset "
		    "variable (None, undefined), leave a stand-in where the "
		    "key should be.");
	}
}

/* Fills r's fix: put a real key where w is set. */
static void
fix_key(const struct candidate *w, const char *where,
    struct check_result *r)
{
	if (w->path != NULL)
		check_fix(r, _("put your real key at %s"), where);
	else
		check_fix(r, _("export OPENAI_API_KEY with your real key where "
		    "it is set, then open a new terminal"));
}

/* The smallest known length of kind above n, or 0. */
static size_t
next_length(const struct key_kind *k, size_t n)
{
	size_t best = 0;

	for (size_t i = 0; i < k->nlengths; i++)
		if (k->lengths[i] > n && (best == 0 || k->lengths[i] < best))
			best = k->lengths[i];
	return best;
}

/* A value of no known shape: fine for a custom server (one fix401 does
 * not know, or a local one), else a warning.  pn: the provider its prefix
 * belongs to, or NULL. */
static void
judge_unknown(const char *where, const char *s, const char *pn,
    bool custom, struct check_result *r)
{
	if (custom)
		check_set(r, CHECK_PASS, _("the key in %s has a shape fix401 "
		    "does not know, which is fine for a custom server: %s"),
		    where, s);
	else if (pn != NULL)
		check_set(r, CHECK_WARN, _("the key in %s starts like a key "
		    "from %s but has no known shape: %s"), where, pn, s);
	else
		check_set(r, CHECK_WARN, _("the key in %s has no prefix or "
		    "shape fix401 knows: %s"), where, s);
}

/* Judges a value that is some provider's key by its length, charset and
 * marker.  custom as for judge_unknown. */
static void
judge_key(const struct check_ctx *ctx, const struct candidate *w,
    const struct key_id *id, bool custom, const char *where,
    struct check_result *r)
{
	const char *pn = provider_name(id->provider);
	struct key_kind k = { 0 };
	char *s = shown(w->value, w->value_len);

	provider_key_kind(ctx->providers, id->kind, &k);
	if (id->length_fit == KEY_LEN_SHORT) {
		/* TRANSLATORS: where, a provider's name, two lengths. */
		check_set(r, CHECK_FAIL, _("the key in %s looks cut off: a "
		    "whole key of its kind from %s has %zu characters, not "
		    "%zu"),
		    where, pn, next_length(&k, id->length), id->length);
		check_detail(r, _("Part of the key was lost when it was "
		    "copied; copy it again from the start to the end."));
		fix_key(w, where, r);
	} else if (k.fallback || !id->marker_ok) {
		judge_unknown(where, s, pn, custom, r);
	} else if (id->length_fit == KEY_LEN_LONG) {
		check_set(r, CHECK_WARN, _("the key in %s is longer than any "
		    "key from %s: %s"), where, pn, s);
		check_detail(r, _("Extra text may have been pasted with it, or "
		    "two keys run together."));
	} else if (!id->charset_ok) {
		check_set(r, CHECK_WARN, _("the key in %s holds characters "
		    "that keys from %s never have: %s"), where, pn, s);
	} else {
		check_set(r, CHECK_PASS, _("the key in %s looks like a key "
		    "from %s: %s"), where, pn, s);
	}
	free(s);
}

/* True when the base URL is a server whose keys fix401 cannot know: not
 * in the providers table, or on this machine. */
static bool
custom_server(const struct check_ctx *ctx)
{
	const char *url = check_url(ctx, NULL);

	return provider_for_url(ctx->providers, url) == NULL ||
	    provider_url_loopback(url);
}

/* Judges what the value is, hidden characters aside. */
static void
judge_value(const struct check_ctx *ctx, const struct candidate *w,
    const char *where, struct check_result *r)
{
	struct key_id id;
	char *s;

	provider_identify_key(ctx->providers, w->value, w->value_len, &id);
	if (is_own_name(w))
		id.cls = KEY_ID_PLACEHOLDER;
	if (id.cls == KEY_ID_KEY) {
		judge_key(ctx, w, &id, custom_server(ctx), where, r);
		return;
	}
	s = shown(w->value, w->value_len);
	if (id.cls == KEY_ID_UNKNOWN) {
		judge_unknown(where, s, NULL, custom_server(ctx), r);
	} else {
		not_key_summary(id.cls, where, s, r);
		check_detail(r, "%s", not_key_detail(id.cls));
		fix_key(w, where, r);
	}
	free(s);
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *w = check_winner(ctx);
	char *where;

	if (w == NULL) {
		check_set(r, CHECK_SKIP, _("no key wins (see key-found)"));
		return;
	}
	if (w->value_len == 0) {
		check_set(r, CHECK_SKIP, _("the key is empty (see key-found)"));
		return;
	}
	if (w->dynamic) {
		check_set(r, CHECK_SKIP, _("the key is made by a command when the "
		    "shell starts: it cannot be judged offline"));
		return;
	}
	if (ctx->providers == NULL) {
		check_set(r, CHECK_SKIP, _("provider data not found"));
		return;
	}
	where = check_where(w);
	if (!judge_stray(ctx, w, where, r))
		judge_value(ctx, w, where, r);
	free(where);
}

const struct check check_key_format = {
	.id = "key-format",
	.title = N_("The key looks right"),
	.network = false,
	.run = run,
};
