/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The analysis: what each loader reads for a line, the defects named, and
 * the repair planned.  Expectations come from the reference's loader
 * tables (dotenv-semantics.md sections 1 and 9). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "fix.h"
#include "unit.h"

#define S(lit)	lit, sizeof(lit) - 1
#define BIT(d)	(1UL << (d))
#define KEYV	"sk-proj-FAKEfake0123456789abcdef21sA"

enum { OK = READ_OK, WRONG = READ_WRONG, MISS = READ_MISSING,
    REF = READ_REFUSED };

/* Analyses buf and checks the readings (python, node, docker, compose,
 * sh) and the defects of the OPENAI_API_KEY winner. */
static void
expect(const char *buf, size_t len, const int r[LOADER_COUNT],
    unsigned long defects, int line)
{
	struct analysis an;
	const struct finding *w;

	analysis_run(&an, buf, len, NULL, NULL);
	w = analysis_winner(&an, "OPENAI_API_KEY");
	unit_true(w != NULL, "a winner", __FILE__, line);
	if (w != NULL) {
		for (int i = 0; i < LOADER_COUNT; i++)
			unit_long(r[i], w->view[i].r, loader_get(i)->name,
			    __FILE__, line);
		unit_long((long)defects, (long)w->defects, "defects",
		    __FILE__, line);
	}
	analysis_clear(&an);
}

#define EXPECT(lit, p, n, d, c, s, defects) do { \
	const int r_[LOADER_COUNT] = { p, n, d, c, s }; \
	expect(S(lit), r_, defects, __LINE__); \
} while (0)

static void
test_readings(void)
{
	EXPECT("OPENAI_API_KEY=" KEYV "\n", OK, OK, OK, OK, OK, 0);
	EXPECT("OPENAI_API_KEY=\"" KEYV "\"\n", OK, OK, WRONG, OK, OK,
	    BIT(DEFECT_QUOTED));
	EXPECT("OPENAI_API_KEY='" KEYV "'\n", OK, OK, WRONG, OK, OK,
	    BIT(DEFECT_QUOTED));
	EXPECT("export OPENAI_API_KEY=" KEYV "\n", OK, OK, REF, OK, OK,
	    BIT(DEFECT_EXPORT));
	EXPECT("OPENAI_API_KEY=" KEYV "\r\n", OK, OK, OK, OK, WRONG,
	    BIT(DEFECT_CRLF));
	EXPECT("\xef\xbb\xbfOPENAI_API_KEY=" KEYV "\n", MISS, OK, OK, OK,
	    MISS, BIT(DEFECT_BOM));
	EXPECT("OPENAI_API_KEY=" KEYV "  \n", OK, OK, WRONG, OK, OK,
	    BIT(DEFECT_WHITESPACE));
	EXPECT("OPENAI_API_KEY=" KEYV " # prod\n", OK, OK, WRONG, OK, OK,
	    BIT(DEFECT_INLINE_COMMENT));
	EXPECT("OPENAI_API_KEY=" KEYV "#prod\n", WRONG, OK, WRONG, WRONG,
	    WRONG, BIT(DEFECT_GLUED_COMMENT));
	EXPECT("OPENAI_API_KEY= # fill me\n", WRONG, OK, WRONG, WRONG, OK,
	    BIT(DEFECT_EMPTY_COMMENT) | BIT(DEFECT_EMPTY));
	EXPECT("OPENAI_API_KEY=\xe2\x80\x9c" KEYV "\xe2\x80\x9d\n", WRONG,
	    WRONG, WRONG, WRONG, WRONG, BIT(DEFECT_SMART_QUOTES));
	EXPECT("OPENAI_API_KEY = " KEYV "\n", OK, OK, REF, OK, MISS,
	    BIT(DEFECT_SPACES_AROUND_EQUALS));
	EXPECT("OPENAI_API_KEY: " KEYV "\n", MISS, OK, REF, OK, MISS,
	    BIT(DEFECT_YAML));
	EXPECT("OPENAI_API_KEY=sk-\xe2\x80\x8b" "abc0123456789\n", WRONG,
	    WRONG, WRONG, WRONG, WRONG, BIT(DEFECT_INVISIBLE));
}

static void
test_cross_line(void)
{
	struct analysis an;

	/* An open quote runs on to the next quote and takes the key with it
	 * in every multi-line loader; docker reads line by line. */
	EXPECT("A=\"open\nOPENAI_API_KEY=" KEYV "\nB=\"\n", MISS, MISS, OK,
	    MISS, MISS, BIT(DEFECT_SWALLOWED));
	/* Duplicates: both flagged, the last wins. */
	analysis_run(&an, S("OPENAI_API_KEY=sk-old0000000000\nA=1\n"
	    "OPENAI_API_KEY=" KEYV "\n"), NULL, NULL);
	CHECK_INT(3, an.n);
	CHECK(!an.f[0].winner && an.f[2].winner);
	CHECK(an.f[0].defects & BIT(DEFECT_DUPLICATE));
	CHECK(an.f[2].defects & BIT(DEFECT_DUPLICATE));
	CHECK(analysis_winner(&an, "OPENAI_API_KEY") == &an.f[2]);
	analysis_clear(&an);
	/* A near miss is named, and is no OPENAI_API_KEY. */
	analysis_run(&an, S("OPENAI_KEY=" KEYV "\n"), NULL, NULL);
	CHECK(analysis_winner(&an, "OPENAI_API_KEY") == NULL);
	CHECK_INT(1, an.n);
	if (an.n == 1)
		CHECK(an.f[0].defects & BIT(DEFECT_NEAR_MISS_NAME));
	analysis_clear(&an);
}

static void
test_file_defects(void)
{
	struct analysis an;
	char *big = malloc(70000);

	analysis_run(&an, S("\xff\xfeO\x00=\x00x\x00\r\x00\n\x00"), NULL,
	    NULL);
	CHECK(an.file_defects & BIT(DEFECT_UTF16));
	CHECK(an.loaded[LOADER_PYTHON].refused);
	analysis_clear(&an);
	analysis_run(&an, S("OPENAI_API_KEY=sk-\xff\n"), NULL, NULL);
	CHECK(an.file_defects & BIT(DEFECT_INVALID_UTF8));
	analysis_clear(&an);
	memcpy(big, "OPENAI_API_KEY=" KEYV "\n#", 53);
	memset(big + 53, 'x', 70000 - 53);
	analysis_run(&an, big, 70000, NULL, NULL);
	CHECK(an.file_defects & BIT(DEFECT_LONG_LINE));
	CHECK(an.loaded[LOADER_DOCKER].refused);
	analysis_clear(&an);
	free(big);
}

/* Plans the repair of buf and checks the result and the new bytes. */
static void
plan(const char *buf, size_t len, bool dedupe, enum fix_result exp,
    const char *out, size_t outlen, int line)
{
	struct analysis an;
	struct fix_plan p;
	enum fix_result r;

	analysis_run(&an, buf, len, NULL, NULL);
	r = fix_plan(&an, dedupe, &p);
	unit_long(exp, r, "fix_plan", __FILE__, line);
	if (r == FIX_PLANNED) {
		unit_mem(out, outlen, p.buf, p.len, "plan", __FILE__, line);
		unit_true(fix_verify(p.buf, p.len, p.f->a->intended,
		    p.f->a->intended_len), "fix_verify", __FILE__, line);
	}
	fix_plan_clear(&p);
	analysis_clear(&an);
}

#define PLAN(in, d, exp, out)	plan(S(in), d, exp, S(out), __LINE__)

static void
test_plans(void)
{
	PLAN("A=1\nexport OPENAI_API_KEY=\"" KEYV "\" # c\r\nB=2\r\n", false,
	    FIX_PLANNED, "A=1\nOPENAI_API_KEY=" KEYV "\nB=2\r\n");
	PLAN("OPENAI_API_KEY=" KEYV "\n", false, FIX_NOTHING, "");
	PLAN("OPENAI_API_KEY=" KEYV, false, FIX_NOTHING, "");
	PLAN("OPENAI_API_KEY=${OTHER}\n", false, FIX_UNSAFE, "");
	PLAN("OPENAI_API_KEY=\n", false, FIX_UNSAFE, "");
	PLAN("OPENAI_API_KEY\n", false, FIX_UNSAFE, "");
	PLAN("A=1\n", false, FIX_NO_KEY, "");
	PLAN("\xef\xbb\xbf" "A=1\nOPENAI_API_KEY=" KEYV "\n", false,
	    FIX_PLANNED, "A=1\nOPENAI_API_KEY=" KEYV "\n");
	PLAN("OPENAI_API_KEY=old\nA=1\nOPENAI_API_KEY=" KEYV "\n", false,
	    FIX_NOTHING, "");
	PLAN("OPENAI_API_KEY=old\nA=1\nOPENAI_API_KEY=" KEYV "\n", true,
	    FIX_PLANNED, "A=1\nOPENAI_API_KEY=" KEYV "\n");
	PLAN("OPENAI_\xe2\x80\x8b" "API_KEY=" KEYV "\n", false, FIX_PLANNED,
	    "OPENAI_API_KEY=" KEYV "\n");
	/* A clean key line swallowed by an open quote above it: the quote's
	 * line is rewritten too, or, when its value is not plain, blocked. */
	PLAN("OPENAI_ORG_ID=\"org-abc\nOPENAI_API_KEY=" KEYV "\nP=\"x\"\n",
	    false, FIX_PLANNED, "OPENAI_ORG_ID=org-abc\nOPENAI_API_KEY=" KEYV
	    "\nP=\"x\"\n");
	PLAN("NOTE=\"two words\nOPENAI_API_KEY=" KEYV "\nP=\"x\"\n", false,
	    FIX_BLOCKED, "");
}

int
main(void)
{
	test_readings();
	test_cross_line();
	test_file_defects();
	test_plans();
	return unit_done();
}
