/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* --explain as text: what the pasted error says, its likely cause and
 * what to do, and which of the keys found on this machine sent it. */
#include <config.h>

#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "key.h"
#include "xalloc.h"

/* One "Label  value" line, when value is known; value is pasted text,
 * shown with every value of d in it masked (report_paste). */
static void
field(FILE *out, const char *label, const char *value,
    const struct diagnosis *d)
{
	char *v;

	if (value == NULL || *value == '\0')
		return;
	v = report_paste(value, d);
	fprintf(out, "  %-14s ", label);
	report_wrap(out, 17, 17, v);
	free(v);
}

/* What the paste says, field by field (all sanitized by explain_parse;
 * field() masks what sanitize_keys could not know was a key). */
static void
put_fields(FILE *out, const struct explained *e, const struct diagnosis *d)
{
	char status[16];

	fputs(_("The error says:\n"), out);
	snprintf(status, sizeof status, "%d", e->status);
	field(out, _("HTTP status"), e->status > 0 ? status : NULL, d);
	field(out, _("Error code"), e->code, d);
	field(out, _("Error type"), e->type, d);
	field(out, _("Parameter"), e->param, d);
	field(out, _("Message"), e->message, d);
	field(out, _("Request id"), e->request_id, d);
	if (e->headers_seen)
		field(out, "www-authenticate", e->www_authenticate ?
		    _("present (OpenAI answered)") : _("absent"), d);
}

/* The candidates an explanation may match: every value found. */
static struct explain_candidate *
candidates_of(const struct sources *s)
{
	struct explain_candidate *c = xcalloc(s->n + 1, sizeof *c);

	for (size_t i = 0; i < s->n; i++) {
		c[i].value = s->c[i].value;
		c[i].len = s->c[i].value_len;
	}
	return c;
}

/* One value that produced the mask: where it is, masked, and how. */
static void
put_source(FILE *out, const struct candidate *c, enum explain_match_kind kind,
    const struct report_style *st)
{
	static const char *const how[] = {
		[EXPLAIN_MATCH_NONE] = "",
		[EXPLAIN_MATCH_EXACT] = N_("this exact value"),
		[EXPLAIN_MATCH_QUOTED] = N_("this value with quotes around it"),
		[EXPLAIN_MATCH_TRUNCATED] = N_("a cut or lengthened copy of "
		    "this value"),
	};
	char *where = check_where(c), *name = report_name(c->name);
	char *mask = key_mask(c->value, c->value_len, st->ascii), *text;

	/* TRANSLATORS: the variable, where it is set, the key masked (or
	 * just "N characters" when short), then how it matched. */
	text = xasprintf(_("%s in %s (%s%s%zu characters): %s"), name, where,
	    mask != NULL ? mask : "", mask != NULL ? ", " : "",
	    key_length(c->value, c->value_len), _(how[kind]));
	fputs("  ", out);
	report_wrap(out, 2, 2, text);
	free(text);
	free(mask);
	free(name);
	free(where);
}

/* Which found values produced the server's mask: every one that matches
 * as well as the best (the same key is often in several places). */
static void
put_match(FILE *out, const struct explained *e, const struct diagnosis *d,
    const struct explain_candidate *c, enum explain_match_kind kind,
    const struct report_style *st)
{
	char *text;

	if (e->mask_kind == EXPLAIN_MASK_NONE)
		return;
	fputs(_("Which key sent it:\n"), out);
	if (kind == EXPLAIN_MATCH_NONE) {
		text = xasprintf(ngettext("None of the %zu value fix401 found "
		    "on this machine matches the key in the error: a key "
		    "fix401 cannot see was sent (a variable set in a shell "
		    "that is still open, or the program's own settings).",
		    "None of the %zu values fix401 found on this machine "
		    "matches the key in the error: a key fix401 cannot see was "
		    "sent (a variable set in a shell that is still open, or "
		    "the program's own settings).", d->src.n), d->src.n);
		fputs("  ", out);
		report_wrap(out, 2, 2, text);
		free(text);
		return;
	}
	for (size_t i = 0; i < d->src.n; i++)
		if (explain_match_kind(e, &c[i]) == kind)
			put_source(out, &d->src.c[i], kind, st);
}

void
report_explain(FILE *out, const struct explained *e,
    const struct diagnosis *d, const struct report_style *st, bool json)
{
	struct explain_candidate *c = candidates_of(&d->src);
	int i = explain_match(e, c, d->src.n);
	enum explain_match_kind kind = i < 0 ? EXPLAIN_MATCH_NONE :
	    explain_match_kind(e, &c[i]);
	enum explain_cause cause = explain_refine(e, kind);
	const struct explain_cause_info *info = explain_cause_info(cause);
	char *doc;

	if (json) {
		doc = report_json_explain(e, d, c, kind, cause);
		fprintf(out, "%s\n", doc);
		free(doc);
		free(c);
		return;
	}
	put_fields(out, e, d);
	fputc('\n', out);
	/* TRANSLATORS: %s is a cause's title, like "key cut short". */
	fprintf(out, _("Likely cause: %s\n"), _(info->title));
	fputs("  ", out);
	report_wrap(out, 2, 2, _(info->advice));
	fputc('\n', out);
	put_match(out, e, d, c, kind, st);
	free(c);
}
