/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The checklist --check prints: one status line per check, every place the
 * key is set and which program reads which, then the details and fixes of
 * what did not pass, the hints and the notes.  Plain text that fits an
 * 80-column terminal; colour and marks only when the style asks. */
#include <config.h>

#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "defect.h"
#include "i18n.h"
#include "sanitize.h"
#include "utf8.h"
#include "xalloc.h"

#define KEY_NAME	"OPENAI_API_KEY"
#define INDENT		4	/* lines under a list item */

/* How each status shows.  The tag is always there and reads the same with
 * or without marks, so the status never rests on a glyph or a colour, and
 * grep '\[FAIL\]' works on any output.  The mark goes first, so the marks
 * form a column the eye scans, and the tags still line up. */
static const struct {
	const char	*tag;		/* N_(), 6 columns */
	const char	*mark;		/* UTF-8, one column */
	const char	*sgr;		/* ANSI colour */
} look[] = {
	/* TRANSLATORS: the four status tags of the checklist; keep each
	   exactly 6 columns wide, brackets included. */
	[CHECK_PASS] = { N_("[ OK ]"), "\xe2\x9c\x93", "32" },  /* ✓ green */
	[CHECK_WARN] = { N_("[WARN]"), "!", "33" },		/* yellow */
	[CHECK_FAIL] = { N_("[FAIL]"), "\xe2\x9c\x97", "31" },  /* ✗ red */
	[CHECK_SKIP] = { N_("[SKIP]"), "-", "2" },		/* dim */
};

/* s[0..] made safe for a terminal: a path or URL can hold escapes.
 * Caller frees. */
static char *
clean(const char *s)
{
	return sanitize_text(s, strlen(s), NULL);
}

/* Prints the status tag (and mark, and colour); returns its width. */
static size_t
put_status(FILE *out, enum check_status s, const struct report_style *st)
{
	bool marks = st->marks && !st->ascii;
	const char *tag = _(look[s].tag);

	if (st->color)
		fprintf(out, "\033[%sm", look[s].sgr);
	if (marks)
		fprintf(out, "%s ", look[s].mark);
	fputs(tag, out);
	if (st->color)
		fputs("\033[0m", out);
	return utf8_length(tag, strlen(tag)) + (marks ? 2 : 0);
}

/* Prints lead (plain ASCII blanks) and text wrapped under it at indent. */
static void
put_para(FILE *out, size_t lead, size_t indent, const char *text)
{
	fprintf(out, "%*s", (int)lead, "");
	report_wrap(out, lead, indent, text);
}

/* As put_para, for text that may quote a path or server text (the checks
 * keep them raw): cleaned first.  Nothing for NULL. */
static void
put_clean(FILE *out, size_t lead, size_t indent, const char *text)
{
	char *s;

	if (text == NULL)
		return;
	s = clean(text);
	put_para(out, lead, indent, s);
	free(s);
}

/* A "  * " item of text, cleaned. */
static void
put_item(FILE *out, const char *text)
{
	char *s = clean(text);

	fputs("  * ", out);
	report_wrap(out, INDENT, INDENT, s);
	free(s);
}

/* The folder, the .env in use and the base URL requests go to. */
static void
put_header(FILE *out, const struct diagnosis *d)
{
	const struct candidate *from;
	const char *url = check_url(&d->ctx, &from);
	char *s = clean(d->dir != NULL ? d->dir : ".");
	char *w;

	fprintf(out, _("Folder: %s\n"), s);
	free(s);
	s = d->dotenv_path != NULL ? clean(d->dotenv_path) : NULL;
	if (s != NULL)
		fprintf(out, _(".env file: %s\n"), s);
	else
		fputs(_(".env file: none found\n"), out);
	free(s);
	w = check_url_where(&d->ctx, from);
	s = sanitize_url(url);	/* a key or password pasted into it */
	/* TRANSLATORS: the base URL, then where it was set. */
	fprintf(out, _("Base URL: %s (%s)\n"), s, w);
	free(s);
	free(w);
}

/* The one-line verdict of each check. */
static void
put_checks(FILE *out, const struct diagnosis *d,
    const struct report_style *st)
{
	size_t n;
	const struct check *const *t = check_table(&n);

	fputc('\n', out);
	for (size_t i = 0; i < d->nresults && i < n; i++) {
		const struct check_result *r = &d->results[i];
		size_t col = put_status(out, r->status, st) + 1;
		/* TRANSLATORS: a check's title, then what it found. */
		char *text = sanitize_take(xasprintf(_("%s: %s"),
		    _(t[i]->title), r->summary != NULL ? r->summary : ""));

		fputc(' ', out);
		report_wrap(out, col, col, text);
		free(text);
	}
}

/* Returns list with item appended (", " between); frees list. */
static char *
join(char *list, const char *item)
{
	char *r = list == NULL ? xstrdup(item) :
	    xasprintf("%s, %s", list, item);

	free(list);
	return r;
}

/* Which programs end up with candidate i. */
static void
put_users(FILE *out, const struct sources *s, size_t i)
{
	char *list = NULL, *text;

	if (s->c[i].unloaded) {
		put_para(out, INDENT, INDENT, _("not loaded: no program reads "
		    "it from there"));
		return;
	}
	for (int k = 0; k < CONSUMER_COUNT; k++)
		if (s->winner[k] == i)
			list = join(list, consumer_name(k));
	if (list != NULL)
		/* TRANSLATORS: a list of program ids, not translated. */
		text = xasprintf(_("used by: %s"), list);
	else
		text = xstrdup(_("used by: none, another place wins"));
	put_para(out, INDENT, INDENT + 2, text);
	free(text);
	free(list);
}

/* The titles of c's defects, if any, in one paragraph. */
static void
put_defects(FILE *out, const struct candidate *c)
{
	char *list = NULL, *text;

	for (int i = 0; i < DEFECT_COUNT; i++) {
		char *l;

		if ((c->defects & (1UL << i)) == 0)
			continue;
		l = list == NULL ? xstrdup(_(defect_info(i)->title)) :
		    xasprintf("%s; %s", list, _(defect_info(i)->title));
		free(list);
		list = l;
	}
	if (list == NULL)
		return;
	/* TRANSLATORS: defect titles, separated by semicolons. */
	text = xasprintf(_("problems: %s"), list);
	put_para(out, INDENT, INDENT + 2, text);
	free(text);
	free(list);
}

/* One place the key is set: where, the value shown safely, what is wrong
 * with its line, who uses it. */
/* What becomes of a startup-file value, when it does not simply reach
 * programs. */
static void
put_fate(FILE *out, const struct candidate *c)
{
	char *at, *text;

	if (c->dynamic)
		put_para(out, INDENT, INDENT, _("computed by a command when the "
		    "shell starts: shown as written"));
	if (c->unexported)
		put_para(out, INDENT, INDENT, _("not exported: programs "
		    "started from the shell never see it"));
	if (c->unset_path == NULL)
		return;
	at = sanitize_take(xasprintf("%s:%zu", c->unset_path,
	    c->unset_line));
	/* TRANSLATORS: %s is "path:line". */
	text = xasprintf(_("unset again at %s"), at);
	put_para(out, INDENT, INDENT, text);
	free(text);
	free(at);
}

static void
put_candidate(FILE *out, const struct sources *s, size_t i,
    const struct report_style *st)
{
	const struct candidate *c = &s->c[i];
	char *where = check_where(c);	/* cleaned */
	char *v = report_value_text(c->value, c->value_len, st);

	if (c->conditional)
		/* TRANSLATORS: a place, "path:line". */
		fprintf(out, _("  %s, inside a conditional block\n"), where);
	else
		fprintf(out, "  %s\n", where);
	put_para(out, INDENT, INDENT, v);
	put_fate(out, c);
	put_defects(out, c);
	put_users(out, s, i);
	free(where);
	free(v);
}

/* The programs that refuse the whole .env file, if any. */
static void
put_refused(FILE *out, const struct sources *s)
{
	char *list = NULL, *text;

	for (int k = 0; k < CONSUMER_COUNT; k++)
		if (s->refused[k])
			list = join(list, consumer_name(k));
	if (list == NULL)
		return;
	/* TRANSLATORS: a list of program ids, not translated. */
	text = xasprintf(_("Refuse the whole .env file: %s"), list);
	put_para(out, 2, INDENT, text);
	free(text);
	free(list);
}

/* The other relevant variables, one short paragraph each. */
static void
put_others(FILE *out, const struct sources *s,
    const struct report_style *st)
{
	bool head = false;

	for (size_t i = 0; i < s->n; i++) {
		const struct candidate *c = &s->c[i];
		char *name, *where, *v, *text;

		if (strcmp(c->name, KEY_NAME) == 0)
			continue;
		if (!head)
			fputs(_("\nOther OPENAI variables:\n"), out);
		head = true;
		name = report_name(c->name);
		where = check_where(c);	/* cleaned */
		v = report_value_text(c->value, c->value_len, st);
		/* TRANSLATORS: name, place, the value shown safely, and
		   " (not loaded)" or nothing. */
		text = xasprintf(_("%s at %s: %s%s"), name, where, v,
		    c->unloaded ? _(" (not loaded)") : "");
		put_para(out, 2, INDENT, text);
		free(name);
		free(where);
		free(v);
		free(text);
	}
}

/* Every place OPENAI_API_KEY is set, and who reads which. */
static void
put_keys(FILE *out, const struct diagnosis *d,
    const struct report_style *st)
{
	const struct sources *s = &d->src;
	size_t shown = 0;

	fprintf(out, _("\nKeys found (%s):\n"), KEY_NAME);
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->c[i].name, KEY_NAME) == 0) {
			put_candidate(out, s, i, st);
			shown++;
		}
	if (shown == 0)
		fputs(_("  none, in every place fix401 looked\n"), out);
	put_refused(out, s);
	put_others(out, s, st);
}

/* Summary, detail and fix of each check that warned or failed. */
static void
put_details(FILE *out, const struct diagnosis *d,
    const struct report_style *st)
{
	size_t n;
	const struct check *const *t = check_table(&n);
	bool head = false;

	for (size_t i = 0; i < d->nresults && i < n; i++) {
		const struct check_result *r = &d->results[i];
		size_t col;
		char *fix;

		if (r->status == CHECK_PASS || r->status == CHECK_SKIP)
			continue;
		fputs(head ? "\n" : _("\nDetails:\n"), out);
		head = true;
		fputs("  ", out);
		col = 2 + put_status(out, r->status, st) + 1;
		fputc(' ', out);
		report_wrap(out, col, INDENT, _(t[i]->title));
		put_clean(out, INDENT, INDENT, r->summary != NULL ?
		    r->summary : "");
		put_clean(out, INDENT, INDENT, r->detail);
		if (r->fix == NULL)
			continue;
		/* TRANSLATORS: what to do; a command or a sentence. */
		fix = xasprintf(_("Fix: %s"), r->fix);
		put_clean(out, INDENT, INDENT + 2, fix);
		free(fix);
	}
}

/* The hints, then the notes on what could not be read. */
static void
put_hints(FILE *out, const struct diagnosis *d)
{
	if (d->hints.n > 0)
		fputs(_("\nGood to know:\n"), out);
	for (size_t i = 0; i < d->hints.n; i++)
		put_item(out, d->hints.v[i].text);
	if (d->notes == NULL || d->notes[0] == NULL)
		return;
	fputs(_("\nNotes:\n"), out);
	for (char **p = d->notes; *p != NULL; p++)
		put_item(out, *p);
}

/* When the .env reads wrong anywhere: what each loader makes of each
 * OPENAI_* line, the evidence behind dotenv-clean. */
static void
put_loaders(FILE *out, const struct diagnosis *d,
    const struct report_style *st)
{
	size_t n;
	const struct check *const *t = check_table(&n);

	if (!d->have_an)
		return;
	for (size_t i = 0; i < d->nresults; i++)
		if (t[i] == &check_dotenv_clean &&
		    (d->results[i].status == CHECK_FAIL ||
		    d->results[i].status == CHECK_WARN)) {
			fputs(_("\nWhat each program reads from the .env file:\n"),
			    out);
			report_dotenv(out, &d->an, d->dotenv_path, st);
		}
}

void
report_checklist(FILE *out, const struct diagnosis *d,
    const struct report_style *st)
{
	put_header(out, d);
	put_checks(out, d, st);
	put_keys(out, d, st);
	put_details(out, d, st);
	put_loaders(out, d, st);
	put_hints(out, d);
}
