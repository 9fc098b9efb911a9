/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Lines up what every loader read with the forgiving reading of each
 * assignment, and names the defects that explain the differences. */
#include <config.h>

#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "shname.h"
#include "utf8.h"
#include "xalloc.h"

#define BIT(d)		(1UL << (d))
#define DOCKER_LINE_MAX	65536	/* bufio.Scanner's default token limit */
#define NONE		((size_t)-1)

/* Defects that belong to the whole file. */
static unsigned long
file_defects(const struct dotenv *d)
{
	const unsigned char *b = (const unsigned char *)d->buf;
	unsigned long out = 0;
	size_t run = 0;

	if (d->len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) ||
	    (b[0] == 0xfe && b[1] == 0xff) || (d->len >= 4 && b[1] == 0 &&
	    b[3] == 0 && b[0] != 0)))
		out |= BIT(DEFECT_UTF16);
	else if (!utf8_valid(d->buf, d->len))
		out |= BIT(DEFECT_INVALID_UTF8);
	/* docker splits at LF only, so measure LF-separated runs. */
	for (size_t i = 0; i < d->len; i++) {
		run = b[i] == '\n' ? 0 : run + 1;
		if (run >= DOCKER_LINE_MAX)
			out |= BIT(DEFECT_LONG_LINE);
	}
	for (size_t i = 0; i < d->nlines; i++) {
		const struct dotenv_line *l = &d->lines[i];

		if (l->eol == 1 && b[l->off + l->len] == '\r')
			out |= BIT(DEFECT_BARE_CR);
	}
	return out;
}

/* For each line, the index of the first binding of l that starts on it. */
static size_t *
index_lines(const struct dotenv *d, const struct loaded *l)
{
	size_t *first = xmalloc(d->nlines * sizeof *first);

	for (size_t i = 0; i < d->nlines; i++)
		first[i] = NONE;
	for (size_t k = 0; k < l->n; k++) {
		size_t line = dotenv_line_at(d, l->v[k].offset);

		if (first[line] == NONE)
			first[line] = k;
	}
	return first;
}

/* What loader l reads for assignment a. */
static struct loader_view
view_of(const struct loaded *l, const size_t *first,
    const struct dotenv_assign *a)
{
	struct loader_view v = { READ_MISSING, NULL };

	if (l->refused) {
		v.r = READ_REFUSED;
		return v;
	}
	if (first[a->line] == NONE)
		return v;
	v.b = &l->v[first[a->line]];
	if (strcmp(v.b->name, a->clean_name) != 0 || v.b->value == NULL)
		return v;	/* set under another name, or not at all */
	if (a->sep == 0 || (v.b->value_len == a->intended_len &&
	    memcmp(v.b->value, a->intended, a->intended_len) == 0))
		v.r = READ_OK;
	else
		v.r = READ_WRONG;
	return v;
}

static bool
has_non_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

/* True when the value would be expanded by a loader that interpolates. */
static bool
has_interpolation(const struct dotenv_assign *a)
{
	for (size_t i = 0; i + 1 < a->raw_len; i++) {
		char c = a->raw[i + 1];

		if (a->raw[i] == '$' && (c == '{' || shname_start(c)))
			return true;
	}
	return false;
}

/* Defects of how the value is written. */
static unsigned long
value_defects(const struct dotenv_assign *a)
{
	unsigned long d = 0;
	bool unquoted = a->quote == DOTENV_UNQUOTED;

	if (a->quote == DOTENV_SMART)
		d |= BIT(DEFECT_SMART_QUOTES);
	else if (!unquoted)
		d |= BIT(DEFECT_QUOTED);
	if (a->padded)
		d |= BIT(DEFECT_WHITESPACE);
	if (a->invisible)
		d |= BIT(DEFECT_INVISIBLE);
	if (a->glued_comment)
		d |= BIT(DEFECT_GLUED_COMMENT);
	else if (a->comment && unquoted)
		d |= BIT(a->intended_len > 0 ? DEFECT_INLINE_COMMENT :
		    DEFECT_EMPTY_COMMENT);
	if (a->unterminated)
		d |= BIT(DEFECT_UNTERMINATED_QUOTE);
	if (a->trailing_text)
		d |= BIT(DEFECT_TEXT_AFTER_QUOTE);
	if (has_interpolation(a))
		d |= BIT(DEFECT_INTERPOLATION);
	if (a->sep != 0 && a->intended_len == 0)
		d |= BIT(DEFECT_EMPTY);
	return d;
}

/* Defects of the name, the separator and the line around the value. */
static unsigned long
line_defects(const struct dotenv *doc, const struct dotenv_assign *a)
{
	unsigned long d = 0;

	if (a->bom)
		d |= BIT(DEFECT_BOM);
	if (doc->lines[a->line].eol == 2)
		d |= BIT(DEFECT_CRLF);
	if (strcmp(a->name, a->clean_name) != 0 || has_non_ascii(a->clean_name))
		d |= BIT(DEFECT_NAME_STRAY);
	if (a->prefix != NULL)
		d |= BIT(strcmp(a->prefix, "export") == 0 ? DEFECT_EXPORT :
		    DEFECT_SHELL_SYNTAX);
	if (a->space_before_sep || (a->sep == '=' && a->space_after_sep &&
	    a->intended_len > 0))
		d |= BIT(DEFECT_SPACES_AROUND_EQUALS);
	if (a->sep == ':')
		d |= BIT(DEFECT_YAML);
	if (a->sep == 0)
		d |= BIT(DEFECT_NAME_ONLY);
	if (defect_near_miss(a->clean_name))
		d |= BIT(DEFECT_NEAR_MISS_NAME);
	return d;
}

/* Orders findings by clean name, then by position. */
static int
by_name(const void *x, const void *y)
{
	const struct finding *const *a = x, *const *b = y;
	int c = strcmp((*a)->a->clean_name, (*b)->a->clean_name);

	if (c != 0)
		return c;
	return (*a)->a->line < (*b)->a->line ? -1 : 1;
}

/* Marks duplicates and the winner (the last) of each name; sorting keeps
 * this O(n log n) for huge files. */
static void
mark_duplicates(struct analysis *an)
{
	struct finding **s = xmalloc(an->n * sizeof *s);

	for (size_t i = 0; i < an->n; i++)
		s[i] = &an->f[i];
	qsort(s, an->n, sizeof *s, by_name);
	for (size_t i = 0; i < an->n; i++) {
		bool same_prev = i > 0 &&
		    strcmp(s[i - 1]->a->clean_name, s[i]->a->clean_name) == 0;
		bool same_next = i + 1 < an->n &&
		    strcmp(s[i + 1]->a->clean_name, s[i]->a->clean_name) == 0;

		if (same_prev || same_next)
			s[i]->defects |= BIT(DEFECT_DUPLICATE);
		s[i]->winner = !same_next;
	}
	free(s);
}

/* Duplicates, winners and lines an earlier open quote swallowed. */
static void
cross_defects(struct analysis *an)
{
	bool open_quote = false;

	mark_duplicates(an);
	for (size_t i = 0; i < an->n; i++) {
		struct finding *f = &an->f[i];

		if (open_quote && f->view[LOADER_PYTHON].r == READ_MISSING &&
		    !an->loaded[LOADER_PYTHON].refused)
			f->defects |= BIT(DEFECT_SWALLOWED);
		open_quote = open_quote || f->a->unterminated;
	}
}

void
analysis_run(struct analysis *an, const char *buf, size_t len,
    loader_env_fn env, void *arg)
{
	size_t *first[LOADER_COUNT];

	memset(an, 0, sizeof *an);
	dotenv_load(&an->doc, buf, len);
	an->file_defects = file_defects(&an->doc);
	an->n = dotenv_assigns(&an->doc, &an->assigns);
	an->f = xcalloc(an->n, sizeof *an->f);
	for (int i = 0; i < LOADER_COUNT; i++) {
		loaded_init(&an->loaded[i]);
		loader_get(i)->parse(buf, len, env, arg, &an->loaded[i]);
		first[i] = index_lines(&an->doc, &an->loaded[i]);
	}
	for (size_t k = 0; k < an->n; k++) {
		struct finding *f = &an->f[k];

		f->a = &an->assigns[k];
		for (int i = 0; i < LOADER_COUNT; i++) {
			f->view[i] = view_of(&an->loaded[i], first[i], f->a);
			if (f->view[i].r != READ_OK)
				f->broken |= 1U << i;
		}
		f->defects = value_defects(f->a) |
		    line_defects(&an->doc, f->a);
	}
	for (int i = 0; i < LOADER_COUNT; i++)
		free(first[i]);
	cross_defects(an);
	for (size_t k = 0; k < an->n; k++)
		if (an->f[k].broken != 0 && an->file_defects == 0 &&
		    (an->f[k].defects & ~(BIT(DEFECT_DUPLICATE) |
		    BIT(DEFECT_NEAR_MISS_NAME) | BIT(DEFECT_EMPTY))) == 0)
			an->f[k].defects |= BIT(DEFECT_DIFFERS);
}

void
analysis_clear(struct analysis *an)
{
	for (int i = 0; i < LOADER_COUNT; i++)
		loaded_clear(&an->loaded[i]);
	dotenv_assigns_free(an->assigns, an->n);
	free(an->f);
	dotenv_clear(&an->doc);
	memset(an, 0, sizeof *an);
}

const struct finding *
analysis_winner(const struct analysis *an, const char *name)
{
	for (size_t k = an->n; k-- > 0;)
		if (strcmp(an->f[k].a->clean_name, name) == 0)
			return &an->f[k];
	return NULL;
}
