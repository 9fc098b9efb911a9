/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* docker run --env-file: values verbatim, whole-file refusals, and the
 * 64 KiB line limit of bufio.Scanner. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "loader-test.h"

static const char *const env[] = {
	"FROM_ENV=value-from-process-env",
	"EMPTY_ENV=",
	NULL
};

static void
test_basic(void)
{
	RUN("OPENAI_API_KEY=sk-abc\n");
	VAL("OPENAI_API_KEY", "sk-abc");
	CHECK(!L.refused);
	CHECK_INT(0, L.v[0].offset);

	RUN("A=1\nB=2");			/* no final newline */
	VAL("A", "1");
	VAL("B", "2");
	CHECK_INT(4, L.v[1].offset);

	RUN("A=\n");
	VAL("A", "");

	RUN("A=b=c\n");				/* Cut at the first '=' */
	VAL("A", "b=c");

	RUN("");
	CHECK_INT(0, L.n);
	CHECK(!L.refused);
}

static void
test_verbatim(void)
{
	RUN("A=\"sk-abc\"\nB='sk-abc'\nC=`x`\n");	/* quotes kept */
	VAL("A", "\"sk-abc\"");
	VAL("B", "'sk-abc'");
	VAL("C", "`x`");

	RUN("A=sk-abc # comment\n");		/* no inline comments */
	VAL("A", "sk-abc # comment");

	RUN("A=sk-abc  \t\n");			/* trailing blanks kept */
	VAL("A", "sk-abc  \t");

	RUN("A=  sk-abc\n");			/* leading value blanks kept */
	VAL("A", "  sk-abc");

	RUN("A= # c\n");
	VAL("A", " # c");

	RUN("A=${B}\nB=x\n");			/* no interpolation */
	VAL("A", "${B}");

	RUN("A=\"unterminated\nB=2\n");		/* each line stands alone */
	VAL("A", "\"unterminated");
	VAL("B", "2");

	RUN("A=sk\xc2\xa0\n");			/* trailing NBSP kept */
	VAL("A", "sk\xc2\xa0");
}

static void
test_comments_space(void)
{
	RUN("# A=1\n  # B=2\n\n   \nC=3\n");
	UNSET("A");
	UNSET("B");
	VAL("C", "3");
	CHECK_INT(1, L.n);

	RUN("  A=1\n\tB=2\n");			/* leading blanks trimmed */
	VAL("A", "1");
	VAL("B", "2");
	CHECK_INT(2, L.v[0].offset);

	RUN("\xc2\xa0" "A=1\n\xe3\x80\x80" "B=2\n");	/* NBSP, U+3000 */
	VAL("A", "1");
	VAL("B", "2");
	CHECK_INT(2, L.v[0].offset);

	/* U+200B is not a space: it becomes part of the name. */
	RUN("\xe2\x80\x8b" "A=1\n");
	VAL("\xe2\x80\x8b" "A", "1");
	UNSET("A");

	RUN("A\xc2\xa0=1\n");			/* NBSP is not ' ' or '\t' */
	VAL("A\xc2\xa0", "1");

	RUN("\"A\"=1\n$env:B=2\n");		/* names are not checked */
	VAL("\"A\"", "1");
	VAL("$env:B", "2");
}

static void
test_line_endings(void)
{
	RUN("A=1\r\nB=2\r\n");
	VAL("A", "1");
	VAL("B", "2");

	RUN("A=1\r");				/* CR dropped at EOF too */
	VAL("A", "1");

	RUN("A=1\r\r\n");			/* only one CR goes */
	VAL("A", "1\r");

	RUN("A=1\rB=2\r");			/* a lone CR is no break */
	VAL("A", "1\rB=2");
	UNSET("B");
}

static void
test_bom(void)
{
	RUN("\xef\xbb\xbf" "A=1\n");
	VAL("A", "1");
	CHECK_INT(3, L.v[0].offset);

	RUN("\xef\xbb\xbf" "\xef\xbb\xbf" "A=1\n");	/* only one BOM */
	VAL("\xef\xbb\xbf" "A", "1");

	RUN("A=1\n\xef\xbb\xbf" "B=2\n");	/* line 2 keeps it */
	VAL("\xef\xbb\xbf" "B", "2");
	UNSET("B");

	RUN("\xef\xbb\xbf" "  A=1\n");		/* BOM, then blanks */
	VAL("A", "1");
}

static void
test_name_only(void)
{
	RUN("FROM_ENV\n");
	VAL("FROM_ENV", "value-from-process-env");

	RUN("EMPTY_ENV\n");
	VAL("EMPTY_ENV", "");

	RUN("NOT_SET\n");
	UNSET("NOT_SET");
	CHECK_INT(0, L.n);
	CHECK_INT(1, L.ndropped);

	RUN_NOENV("FROM_ENV\n");
	UNSET("FROM_ENV");

	RUN("FROM_ENV\r\n");			/* the CR goes first */
	VAL("FROM_ENV", "value-from-process-env");

	RUN("FROM_ENV=file\nFROM_ENV\n");	/* last wins */
	VAL("FROM_ENV", "value-from-process-env");
}

static void
test_duplicates(void)
{
	RUN("A=old\nA=new\n");
	VAL("A", "new");
	CHECK_INT(2, L.n);			/* both are sent */

	RUN("A=new\nA=old\n");
	VAL("A", "old");
}

static void
test_refusals(void)
{
	RUN("A=1\nexport B=2\n");
	REFUSED("variable 'export B' contains whitespaces");
	CHECK_INT(4, L.error_offset);

	RUN("A = v\n");
	REFUSED("variable 'A ' contains whitespaces");

	RUN("A\t=v\n");
	REFUSED("variable 'A\t' contains whitespaces");

	/* No '=': the "key" is the whole line, cut before it can leak. */
	RUN("OPENAI_API_KEY: sk-abc\n");
	REFUSED("variable 'OPENAI_API_KEY:...' contains whitespaces");

	RUN("; comment\n");
	REFUSED("variable ';...' contains whitespaces");

	RUN("=sk-abc\n");
	REFUSED("no variable name on line '=...'");

	RUN("  =\n");
	REFUSED("no variable name on line '='");
	CHECK_INT(2, L.error_offset);

	RUN("A=1\nB=\xff\n");
	REFUSED("invalid utf8 bytes at line 2");
	CHECK_INT(6, L.error_offset);

	RUN("# \xe9t\xe9\nA=1\n");		/* even in a comment */
	REFUSED("invalid utf8 bytes at line 1");

	RUN("A=\xed\xa0\x80\n");		/* a surrogate */
	REFUSED("invalid utf8 bytes at line 1");

	RUN("\xff\xfe" "A\0=\0" "1\0");		/* UTF-16 */
	REFUSED("invalid utf8 bytes at line 1");
}

/* bufio.Scanner: 65,535 bytes pass, 65,536 refuse the file, CR included. */
static void
test_long_lines(void)
{
	size_t n = 65536 + 16;
	char *s = xmalloc(n);

	for (size_t len = 65534; len <= 65537; len++) {
		memset(s, 'x', len);
		memcpy(s, "# ", 2);
		s[len] = '\n';
		memcpy(s + len + 1, "A=1\n", 4);
		lt_run(s, len + 5, true);
		CHECK_INT(len >= 65536, L.refused);
		if (len >= 65536)
			CHECK_STR("bufio.Scanner: token too long", L.error);
		else
			VAL("A", "1");
	}
	memset(s, 'x', 65535);
	memcpy(s, "A=", 2);
	s[65535] = '\r';			/* the CR counts */
	s[65536] = '\n';
	lt_run(s, 65537, true);
	CHECK(L.refused);
	lt_run(s, 65535, true);			/* last line, no LF */
	CHECK(!L.refused);
	CHECK_INT(65533, L.v[0].value_len);
	memset(s, 'x', 65536);
	lt_run(s, 65536, true);
	CHECK(L.refused);
	free(s);
}

int
main(void)
{
	lt_setup(&loader_docker, env);
	test_basic();
	test_verbatim();
	test_comments_space();
	test_line_endings();
	test_bom();
	test_name_only();
	test_duplicates();
	test_refusals();
	test_long_lines();
	return lt_done();
}
