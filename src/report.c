/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The text report of a .env analysis: per OPENAI_* line, the value masked,
 * what each loader makes of it, the defects and the fix; and the wrapping
 * and name helpers the checklist shares. */
#include <config.h>

#include "report.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "key.h"
#include "sanitize.h"
#include "utf8.h"
#include "xalloc.h"

#define LOADER_COL	24	/* width of the loader column */
/* The characters of a word of a name; the others part words. */
#define NAME_WORD	"ABCDEFGHIJKLMNOPQRSTUVWXYZ" \
	"abcdefghijklmnopqrstuvwxyz0123456789"
#define WRAP_INDENT	6	/* continuation lines of a paragraph */

/* v masked, or its length only when short; long adds the word
 * "fingerprint", which the shorter form for loader lines leaves out.
 * Caller frees. */
static char *
value_text(const char *v, size_t len, bool long_form,
    const struct report_style *st)
{
	char fp[9], *m = key_mask(v, len, st->ascii), *r;
	size_t n = key_length(v, len);

	key_fingerprint(v, len, fp);
	if (m == NULL)
		/* TRANSLATORS: a short value, shown by its length only. */
		m = xasprintf(_("hidden, %zu characters%s"), n,
		    key_is_placeholder(v, len) ?
		    _(", looks like a placeholder") : "");
	if (long_form)
		/* TRANSLATORS: a value's length and fingerprint. */
		r = xasprintf(_("%s (%zu characters, fingerprint %s)"), m, n,
		    fp);
	else
		r = xasprintf(_("%s (%zu characters, %s)"), m, n, fp);
	free(m);
	return r;
}

static void
put_value(FILE *out, const char *v, size_t len, bool long_form,
    const struct report_style *st)
{
	char *t = value_text(v, len, long_form, st);

	fputs(t, out);
	free(t);
}

char *
report_value_text(const char *v, size_t len, const struct report_style *st)
{
	return value_text(v, len, true, st);
}

void
report_value(FILE *out, const char *v, size_t len,
    const struct report_style *st)
{
	put_value(out, v, len, true, st);
}

/* True when the word p[0..n) of a name (letters and digits) may be part
 * of a key: longer than KEY_SHORT, or a mix of upper case, lower case
 * and digits. */
static bool
key_word(const char *p, size_t n)
{
	bool up = false, low = false, dig = false;

	for (size_t i = 0; i < n; i++) {
		up = up || (p[i] >= 'A' && p[i] <= 'Z');
		low = low || (p[i] >= 'a' && p[i] <= 'z');
		dig = dig || (p[i] >= '0' && p[i] <= '9');
	}
	return n > KEY_SHORT || (up && low && dig);
}

/* Where the key glued to name s may start, or the length of s: at a key
 * prefix that starts a run of more than KEY_SHORT letters, digits, '-'
 * and '_' (even inside a word: OPENAI_API_KEYsk-proj-...), or at the
 * first word that may be part of a key. */
static size_t
name_cut(const char *s)
{
	size_t i = 0, n;

	while (s[i] != '\0') {
		n = strspn(s + i, NAME_WORD);
		for (size_t k = 0; k < n; k++)
			if (sanitize_key_prefix(s + i + k) &&
			    strspn(s + i + k, NAME_WORD "-_") > KEY_SHORT)
				return i + k;
		if (n > 0 && key_word(s + i, n))
			return i;
		i += n > 0 ? n : 1;
	}
	return i;
}

char *
report_name(const char *s)
{
	size_t n = strlen(s), cut = name_cut(s);
	char *head = xmalloc(cut + 1), *r;

	for (size_t i = 0; i < cut; i++)
		head[i] = (unsigned char)s[i] >= 0x21 &&
		    (unsigned char)s[i] < 0x7f ? s[i] : '?';
	head[cut] = '\0';
	if (cut == n)
		return head;
	/* TRANSLATORS: the start of a name with a key glued to it, then how
	   many characters are hidden. */
	r = xasprintf(ngettext("%s...(+%zu character)",
	    "%s...(+%zu characters)", n - cut), head, n - cut);
	free(head);
	return r;
}

char *
report_paste(const char *s, const struct diagnosis *d)
{
	char *r;

	if (s == NULL)
		return NULL;
	r = xstrdup(s);
	sources_mask(&d->src, &r, 1);
	sanitize_keys(r);
	return r;
}

static void
put_name(FILE *out, const char *s)
{
	char *r = report_name(s);

	fputs(r, out);
	free(r);
}

void
report_line(FILE *out, const struct dotenv_assign *a, bool crlf,
    const struct report_style *st)
{
	static const char *const quote[] = {
		[DOTENV_UNQUOTED] = "", [DOTENV_SINGLE] = "'",
		[DOTENV_DOUBLE] = "\"", [DOTENV_BACKTICK] = "`",
		[DOTENV_SMART] = "\xe2\x80\x9c",
	};
	const char *q = a->quote == DOTENV_SMART && st->ascii ? "\"" :
	    quote[a->quote];
	char *m = key_mask(a->intended, a->intended_len, st->ascii);

	fputs(a->bom ? "<BOM>" : "", out);
	fputs(a->indented ? " " : "", out);
	if (a->prefix != NULL)
		fprintf(out, "%s ", a->prefix);
	put_name(out, a->name);
	if (a->sep != 0)
		fprintf(out, "%s%c%s%s%s%s%s", a->space_before_sep ? " " : "",
		    a->sep, a->space_after_sep ? " " : "", q,
		    m != NULL ? m : "***", a->unterminated ? "" : q,
		    a->padded ? " " : "");
	fputs(a->trailing_text ? "..." : "", out);
	fputs(a->comment ? (a->glued_comment ? "#..." : " #...") : "", out);
	fputs(crlf ? "<CR>" : "", out);
	free(m);
}

/* One loader's reading of finding f, on one line. */
static void
report_view(FILE *out, const struct analysis *an, const struct finding *f,
    int i, const struct report_style *st)
{
	const struct loader_view *v = &f->view[i];

	fprintf(out, "    %-*s ", LOADER_COL, _(loader_get(i)->title));
	switch (v->r) {
	case READ_OK:
		fputs(_("reads it as written"), out);
		break;
	case READ_WRONG:
		fputs(_("WRONG: "), out);
		put_value(out, v->b->value, v->b->value_len, false, st);
		break;
	case READ_MISSING:
		fputs(v->b != NULL && v->b->value != NULL ?
		    _("MISSING: sets a variable with another name") :
		    _("MISSING: does not set it"), out);
		break;
	case READ_REFUSED:
		fprintf(out, _("REFUSED: rejects the whole file (line %zu)"),
		    dotenv_line_at(&an->doc,
		    an->loaded[i].error_offset) + 1);
		break;
	}
	fputc('\n', out);
}

void
report_wrap(FILE *out, size_t col, size_t indent, const char *text)
{
	bool fresh = true;	/* nothing on this line yet */
	bool brk = false;	/* a '\n' seen since the last word */
	const char *p = text;

	while (*p != '\0') {
		size_t w = strcspn(p, " \n"), chars = utf8_length(p, w);

		if (w == 0) {
			brk = brk || (*p == '\n' && !fresh);
			p++;
			continue;
		}
		if (brk || (!fresh && col + 1 + chars > REPORT_WIDTH)) {
			fprintf(out, "\n%*s", (int)indent, "");
			col = indent;
		} else if (!fresh) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, w, out);
		col += chars;
		fresh = brk = false;
		p += w;
	}
	fputc('\n', out);
}

/* Prints every defect in the mask, each as a wrapped paragraph. */
static void
report_defects(FILE *out, unsigned long defects)
{
	for (int d = 0; d < DEFECT_COUNT; d++) {
		const struct defect_info *di = defect_info(d);
		char *lead, *text;

		if ((defects & (1UL << d)) == 0)
			continue;
		/* TRANSLATORS: a defect's stable id (not translated). */
		lead = xasprintf(_("    defect %s: "), di->id);
		/* TRANSLATORS: a defect's title, then why it matters. */
		text = xasprintf(_("%s. %s"), _(di->title), _(di->why));
		fputs(lead, out);
		report_wrap(out, utf8_length(lead, strlen(lead)), WRAP_INDENT,
		    text);
		free(lead);
		free(text);
	}
}

/* The whole block for one finding. */
static void
report_finding(FILE *out, const struct analysis *an, const struct finding *f,
    const struct report_style *st)
{
	const struct dotenv_assign *a = f->a;

	put_name(out, a->clean_name);
	fprintf(out, _(" (line %zu): "), a->line + 1);
	if (a->sep == 0)
		fputs(_("no value"), out);
	else
		report_value(out, a->intended, a->intended_len, st);
	if (!f->winner)
		fputs(_(" [overridden by a later line]"), out);
	fputc('\n', out);
	fputs("    ", out);
	report_line(out, a, an->doc.lines[a->line].eol == 2, st);
	fputc('\n', out);
	for (int i = 0; i < LOADER_COUNT; i++)
		report_view(out, an, f, i, st);
	report_defects(out, f->defects);
}

int
report_status(const struct analysis *an)
{
	const struct finding *w = analysis_winner(an, "OPENAI_API_KEY");
	unsigned long empty = (1UL << DEFECT_EMPTY) | (1UL << DEFECT_NAME_ONLY);

	if (w == NULL || w->broken != 0 || (w->defects & empty) != 0)
		return 1;
	return 0;
}

int
report_dotenv(FILE *out, const struct analysis *an, const char *path,
    const struct report_style *st)
{
	size_t shown = 0;
	char *p = sanitize_text(path, strlen(path), NULL);

	fprintf(out, _("File: %s\n"), p);
	free(p);
	if (an->file_defects != 0) {
		fputs(_("  The whole file:\n"), out);
		report_defects(out, an->file_defects);
	}
	for (size_t k = 0; k < an->n; k++) {
		if (!defect_relevant_name(an->f[k].a->clean_name))
			continue;
		fputs("  ", out);
		report_finding(out, an, &an->f[k], st);
		shown++;
	}
	if (shown == 0)
		fputs(_("  No OPENAI_* variable is set in this file.\n"), out);
	else if (analysis_winner(an, "OPENAI_API_KEY") == NULL)
		fputs(_("  OPENAI_API_KEY itself is not set in this file: the "
		    "SDKs read only that name.\n"), out);
	return report_status(an);
}
