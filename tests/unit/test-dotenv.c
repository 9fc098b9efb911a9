/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The .env document model: byte-exact round trips, the forgiving reader,
 * cleaning and edits that keep every other byte. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "dotenv.h"
#include "unit.h"

#define S(lit)	lit, sizeof(lit) - 1

/* Loads buf and checks that serialising gives the same bytes back. */
static void
round_trip(const char *buf, size_t len, size_t nlines)
{
	struct dotenv d;
	size_t n;
	char *out;

	dotenv_init(&d);
	dotenv_load(&d, buf, len);
	out = dotenv_serialize(&d, &n);
	CHECK_MEM(buf, len, out, n);
	CHECK_INT(nlines, d.nlines);
	free(out);
	dotenv_clear(&d);
}

static void
test_round_trip(void)
{
	char big[70000];

	round_trip(S(""), 1);
	round_trip(S("A=1"), 1);
	round_trip(S("A=1\n"), 2);
	round_trip(S("A=1\r\nB=2\r\n"), 3);
	round_trip(S("A=1\rB=2\r"), 3);	/* bare CR ends lines */
	round_trip(S("\r\r\n\n"), 4);
	round_trip(S("\xef\xbb\xbf" "A=1\n"), 2);
	round_trip(S("A=\xff\xfe\x00\x01\n\x00"), 2);	/* junk and NULs */
	round_trip(S("\xff\xfeO\x00=\x00\r\x00\n\x00"), 3);	/* UTF-16 */
	memset(big, 'x', sizeof big);
	big[sizeof big - 1] = '\n';
	round_trip(big, sizeof big, 2);	/* a line over 64 KiB */
}

static void
test_line_at(void)
{
	struct dotenv d;

	dotenv_init(&d);
	dotenv_load(&d, S("A=1\r\nBB=2\nC"));
	CHECK_INT(0, dotenv_line_at(&d, 0));
	CHECK_INT(0, dotenv_line_at(&d, 4));	/* the LF of CRLF */
	CHECK_INT(1, dotenv_line_at(&d, 5));
	CHECK_INT(2, dotenv_line_at(&d, 10));
	dotenv_clear(&d);
}

/* Reads buf, expecting exactly one assignment; returns it in *a. */
static struct dotenv_assign *
one(const char *buf, size_t len)
{
	struct dotenv d;
	struct dotenv_assign *a;
	size_t n;

	dotenv_init(&d);
	dotenv_load(&d, buf, len);
	n = dotenv_assigns(&d, &a);
	dotenv_clear(&d);
	CHECK_INT(1, n);
	if (n != 1) {
		dotenv_assigns_free(a, n);
		return NULL;
	}
	return a;
}

#define ONE(lit)	one(S(lit))
#define CHECK_LIT(lit, act, alen) \
	CHECK_MEM(lit, sizeof(lit) - 1, act, alen)

static void
test_reader_basic(void)
{
	struct dotenv_assign *a;

	if ((a = ONE("OPENAI_API_KEY=sk-abc\n")) != NULL) {
		CHECK_STR("OPENAI_API_KEY", a->name);
		CHECK_INT('=', a->sep);
		CHECK_INT(DOTENV_UNQUOTED, a->quote);
		CHECK_STR("sk-abc", a->intended);
		CHECK(!a->padded && !a->comment && !a->bom);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("export OPENAI_API_KEY=\"sk-abc\" # prod\n")) != NULL) {
		CHECK_STR("export", a->prefix);
		CHECK_INT(DOTENV_DOUBLE, a->quote);
		CHECK(a->comment && !a->trailing_text);
		CHECK_STR("sk-abc", a->intended);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("OPENAI_API_KEY = 'sk-abc'")) != NULL) {
		CHECK(a->space_before_sep && a->space_after_sep);
		CHECK_INT(DOTENV_SINGLE, a->quote);
		CHECK_STR("sk-abc", a->intended);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("OPENAI_API_KEY: sk-abc\n")) != NULL) {
		CHECK_INT(':', a->sep);
		CHECK_STR("sk-abc", a->intended);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("OPENAI_API_KEY\n")) != NULL) {
		CHECK_INT(0, a->sep);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("set -gx OPENAI_API_KEY sk-abc\n")) != NULL) {
		CHECK_STR("set -gx", a->prefix);
		CHECK_INT(' ', a->sep);
		CHECK_STR("sk-abc", a->intended);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("$env:OPENAI_API_KEY = \"sk-abc\"\r\n")) != NULL) {
		CHECK_STR("$env:", a->prefix);
		CHECK_STR("OPENAI_API_KEY", a->name);
		CHECK_STR("sk-abc", a->intended);
		dotenv_assigns_free(a, 1);
	}
}

static void
test_reader_defects(void)
{
	struct dotenv_assign *a;

	/* Smart quotes, a BOM, NBSP and a zero-width space in the name. */
	if ((a = ONE("\xef\xbb\xbfOPENAI_\xe2\x80\x8b" "API_KEY="
	    "\xe2\x80\x9csk-abc\xc2\xa0\xe2\x80\x9d\n")) != NULL) {
		CHECK(a->bom);
		CHECK_STR("OPENAI_\xe2\x80\x8b" "API_KEY", a->name);
		CHECK_STR("OPENAI_API_KEY", a->clean_name);
		CHECK_INT(DOTENV_SMART, a->quote);
		CHECK(a->invisible && a->padded);
		CHECK_STR("sk-abc", a->intended);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("OPENAI_API_KEY=sk-abc#prod\n")) != NULL) {
		CHECK(a->comment && a->glued_comment);
		CHECK_STR("sk-abc", a->intended);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("OPENAI_API_KEY= # fill me\n")) != NULL) {
		CHECK(a->comment && !a->glued_comment);
		CHECK_INT(0, a->intended_len);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("OPENAI_API_KEY=\"sk-abc\n")) != NULL) {
		CHECK(a->unterminated);
		CHECK_STR("sk-abc", a->intended);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("OPENAI_API_KEY=\"sk-abc\"xyz\n")) != NULL) {
		CHECK(a->trailing_text);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("OPENAI_API_KEY=sk-abc  \t\n")) != NULL) {
		CHECK(a->padded);
		CHECK_STR("sk-abc", a->intended);
		dotenv_assigns_free(a, 1);
	}
	if ((a = ONE("OPENAI_API_KEY=\" sk-abc\"\n")) != NULL) {
		CHECK(a->padded);
		dotenv_assigns_free(a, 1);
	}
}

static void
test_reader_skips(void)
{
	struct dotenv d;
	struct dotenv_assign *a;
	size_t n;

	dotenv_init(&d);
	dotenv_load(&d, S("# OPENAI_API_KEY=old\n\nhello world\n  # c\n"
	    "---\nA=1\n"));
	n = dotenv_assigns(&d, &a);
	CHECK_INT(1, n);
	if (n == 1) {
		CHECK_STR("A", a[0].name);
		CHECK_INT(5, a[0].line);
	}
	dotenv_assigns_free(a, n);
	dotenv_clear(&d);
}

static void
test_clean(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "sk-abc", "sk-abc" },
		{ "\"sk-abc\"", "sk-abc" },
		{ "'sk-abc'", "sk-abc" },
		{ "  sk-abc \t\r\n", "sk-abc" },
		{ "\xe2\x80\x9csk-abc\xe2\x80\x9d", "sk-abc" },
		{ "\xef\xbb\xbfsk-abc", "sk-abc" },
		{ "sk-\xe2\x80\x8b" "abc", "sk-abc" },
		{ "sk-abc\xc2\xa0", "sk-abc" },
		{ "\"'sk-abc'\"", "sk-abc" },
		{ "sk-a\xc2\xa0" "bc", "sk-abc" },
		{ "", "" },
		{ "\"\"", "" },
		{ "sk-ab\xff", "sk-ab\xff" },	/* invalid bytes are kept */
	};
	size_t n;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *c = dotenv_clean(cases[i].in, strlen(cases[i].in), &n);

		CHECK_MEM(cases[i].out, strlen(cases[i].out), c, n);
		free(c);
	}
	CHECK(dotenv_value_is_plain(S("sk-proj-AbC_09")));
	CHECK(dotenv_value_is_plain(S("https://api.openai.com/v1")));
	CHECK(!dotenv_value_is_plain(S("")));
	CHECK(!dotenv_value_is_plain(S("sk abc")));
	CHECK(!dotenv_value_is_plain(S("sk-\"abc")));
	CHECK(!dotenv_value_is_plain(S("sk-$abc")));
}

/* Applies an edit to buf and compares with the expected bytes. */
static void
edit_case(const char *buf, size_t len, size_t line, const char *exp,
    size_t elen)
{
	struct dotenv d;
	size_t n;
	char *out;

	dotenv_init(&d);
	dotenv_load(&d, buf, len);
	out = dotenv_set_line(&d, line, "OPENAI_API_KEY", "sk-new", 6, &n);
	CHECK_MEM(exp, elen, out, n);
	free(out);
	dotenv_clear(&d);
}

static void
test_edits(void)
{
	struct dotenv d;
	size_t n, drop[] = { 0, 2 };
	char *out;

	edit_case(S("A=1\r\nOPENAI_API_KEY=\"x\"\r\nB=2\r\n"), 1,
	    S("A=1\r\nOPENAI_API_KEY=sk-new\nB=2\r\n"));
	edit_case(S("\xef\xbb\xbfOPENAI_API_KEY='x'\n# c\n"), 0,
	    S("OPENAI_API_KEY=sk-new\n# c\n"));
	edit_case(S("\xef\xbb\xbf" "A=1\nOPENAI_API_KEY=x"), 1,
	    S("\xef\xbb\xbf" "A=1\nOPENAI_API_KEY=sk-new"));
	edit_case(S("A=1\rOPENAI_API_KEY=x\rB=\xff\r"), 1,
	    S("A=1\rOPENAI_API_KEY=sk-new\nB=\xff\r"));

	dotenv_init(&d);
	dotenv_load(&d, S("A=1"));
	out = dotenv_append(&d, "OPENAI_API_KEY", "sk-new", 6, &n);
	CHECK_LIT("A=1\nOPENAI_API_KEY=sk-new\n", out, n);
	free(out);
	dotenv_load(&d, S(""));
	out = dotenv_append(&d, "OPENAI_API_KEY", "sk-new", 6, &n);
	CHECK_LIT("OPENAI_API_KEY=sk-new\n", out, n);
	free(out);
	dotenv_load(&d, S("K=old\nA=1\r\nK=new"));
	out = dotenv_remove_lines(&d, drop, 1, &n);
	CHECK_LIT("A=1\r\nK=new", out, n);
	free(out);
	out = dotenv_remove_lines(&d, drop, 2, &n);
	CHECK_LIT("A=1\r\n", out, n);
	free(out);
	dotenv_load(&d, S("\xef\xbb\xbf" "A=1\n"));
	out = dotenv_drop_bom(&d, &n);
	CHECK_LIT("A=1\n", out, n);
	free(out);
	dotenv_clear(&d);
}

int
main(void)
{
	test_round_trip();
	test_line_at();
	test_reader_basic();
	test_reader_defects();
	test_reader_skips();
	test_clean();
	test_edits();
	return unit_done();
}
