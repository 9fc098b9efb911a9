/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* npm dotenv loader cases.  Every expected name and value was produced by
 * dotenv 18.0.10 parse(Buffer) on Node 20 from the same bytes; the dropped
 * offsets are our own report of lines that look like assignments. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "loader-test.h"

/* The environment the expected values were generated in. */
static const char *const env[] = {
	"PATH=/usr/bin:/bin",
	"HOME=/tmp",
	"LANG=C.UTF-8",
	"FROM_ENV=value-from-process-env",
	NULL
};

static const struct lt_case cases[] = {
	{ CASE("empty"), IN(""), },
	{ CASE("blank lines only"), IN("  \n\t\n\n"), },
	{ CASE("simple"), IN("A=1\nB=two\n"),
	  .b = { B("A", "1", 0),
		B("B", "two", 4) } },
	{ CASE("no final newline"), IN("A=1\nB=two"),
	  .b = { B("A", "1", 0),
		B("B", "two", 4) } },
	{ CASE("export prefix"), IN("export A=1\nexport\tB=2\n"),
	  .b = { B("A", "1", 7),
		B("B", "2", 18) } },
	{ CASE("export on its own line"), IN("export\nFOO=bar\n"),
	  .b = { B("FOO", "bar", 7) } },
	{ CASE("EXPORT is ignored"), IN("EXPORT D=4\nE=5\n"),
	  .b = { B("E", "5", 11) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("export as a key"), IN("export=2\nexport  =3\n"),
	  .b = { B("export", "2", 0),
		B("export", "3", 9) } },
	{ CASE("quotes stripped"), IN("A=\"x y\"\nB='x y'\nC=`x y`\n"),
	  .b = { B("A", "x y", 0),
		B("B", "x y", 8),
		B("C", "x y", 16) } },
	{ CASE("one pair stripped"), IN("A=\"\"x\"\"\nB=''\nC=\"\"\n"),
	  .b = { B("A", "\"x\"", 0),
		B("B", "", 8),
		B("C", "", 13) } },
	{ CASE("double-quote escapes"), IN("A=\"\\n\\r\\t\\\\n\\\"x\"\n"),
	  .b = { B("A", "\n\r\\t\\\n\\\"x", 0) } },
	{ CASE("no escapes in single or backtick"), IN("A='\\n'\n"
	    "B=`\\n`\n"
	    "C=\\n\n"),
	  .b = { B("A", "\\n", 0),
		B("B", "\\n", 7),
		B("C", "\\n", 14) } },
	{ CASE("escaped quote inside"), IN("A=\"a\\\"b\"\n"),
	  .b = { B("A", "a\\\"b", 0) } },
	{ CASE("comment lines"), IN("# c\n  # c2\nA=1\n#B=2\n"),
	  .b = { B("A", "1", 11) } },
	{ CASE("glued hash cuts the value"), IN("A=sk-abc#prod\n"),
	  .b = { B("A", "sk-abc", 0) } },
	{ CASE("inline comment"), IN("A=v # c\nB=v\t# c\n"),
	  .b = { B("A", "v", 0),
		B("B", "v", 8) } },
	{ CASE("KEY= # c is empty"), IN("C= # c\nD=#x\n"),
	  .b = { B("C", "", 0),
		B("D", "", 7) } },
	{ CASE("hash inside quotes"), IN("A=\"x#y\"\n"
	    "B='#'\n"
	    "C=\"x\" #c\n"
	    "D=\"y\"#c\n"),
	  .b = { B("A", "x#y", 0),
		B("B", "#", 8),
		B("C", "x", 14),
		B("D", "y", 23) } },
	{ CASE("next-line quoted value"), IN("KEY=\n\"value\"\nB=\n'x'\n"),
	  .b = { B("KEY", "value", 0),
		B("B", "x", 13) } },
	{ CASE("next line unquoted is not read"), IN("A=\nB=2\n"),
	  .b = { B("A", "", 0),
		B("B", "2", 3) } },
	{ CASE("comment after empty value"), IN("A=\n# c\nB=2\n"),
	  .b = { B("A", "", 0),
		B("B", "2", 7) } },
	{ CASE("YAML"), IN("A: v\nB:v\nC : v\nD=1\n"),
	  .b = { B("A", "v", 0),
		B("D", "1", 15) },
	  .drop = { 5, 9 }, .ndrop = 2 },
	{ CASE("YAML colon swallows next line"), IN("KEY:\nFOO=bar\n"),
	  .b = { B("KEY", "FOO=bar", 0) } },
	{ CASE("garbage after closing quote"), IN("A=\"a\"b\"\nB=\"x\"y\n"),
	  .b = { B("A", "a\"b", 0),
		B("B", "\"x\"y", 8) } },
	{ CASE("unterminated quote kept"), IN("A=\"abc\nB=1\nC='x\nD=2\n"),
	  .b = { B("A", "\"abc", 0),
		B("B", "1", 7),
		B("C", "'x", 11),
		B("D", "2", 16) } },
	{ CASE("swallowed key"), IN("A=\"sk-abc\n"
	    "OPENAI_API_KEY=sk-real\n"
	    "B=\"x\"\n"
	    "C=1\n"),
	  .b = { B("A", "\"sk-abc", 0),
		B("OPENAI_API_KEY", "sk-real", 10),
		B("B", "x", 33),
		B("C", "1", 39) } },
	{ CASE("multi-line values"), IN("A=\"line1\n"
	    "line2\"\n"
	    "B='l1\n"
	    "l2'\n"
	    "C=`a\n"
	    "b`\n"),
	  .b = { B("A", "line1\nline2", 0),
		B("B", "l1\nl2", 16),
		B("C", "a\nb", 26) } },
	{ CASE("CRLF"), IN("A=1\r\nB=\"x\r\ny\"\r\nC=3\r\n"),
	  .b = { B("A", "1", 0),
		B("B", "x\ny", 5),
		B("C", "3", 15) } },
	{ CASE("bare CR"), IN("A=1\rB=2\rC=\"x\ry\"\r"),
	  .b = { B("A", "1", 0),
		B("B", "2", 4),
		B("C", "x\ny", 8) } },
	{ CASE("CR CR LF"), IN("A=1\r\r\nB=2\n"),
	  .b = { B("A", "1", 0),
		B("B", "2", 6) } },
	{ CASE("BOM ignored"), IN("\357\273\277A=1\n"
	    "\357\273\277\357\273\277B=2\n"
	    "C=\357\273\277x\357\273\277\n"),
	  .b = { B("A", "1", 3),
		B("B", "2", 13),
		B("C", "x", 17) } },
	{ CASE("unicode whitespace trimmed"), IN("\302\240A=1\n"
	    "B=\302\240x\302\240\n"
	    "C=\343\200\200y\343\200\200\n"
	    "D\302\240=z\n"),
	  .b = { B("A", "1", 2),
		B("B", "x", 6),
		B("C", "y", 14),
		B("D", "z", 24) } },
	{ CASE("zero-width space in name"), IN("A\342\200\213B=1\nC=2\n"),
	  .b = { B("C", "2", 8) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("non-ASCII name ignored"), IN("\320\220PI=1\n"
	    "caf\303\251=2\n"
	    "B=3\n"),
	  .b = { B("B", "3", 15) },
	  .drop = { 0, 7 }, .ndrop = 2 },
	{ CASE("name-only ignored"), IN("A\nB # c\nC=1\n"),
	  .b = { B("C", "1", 8) } },
	{ CASE("quoted name ignored"), IN("\"A\"=5\nA B=4\n"),
	  .drop = { 0, 6 }, .ndrop = 2 },
	{ CASE("invalid UTF-8 becomes U+FFFD"), IN("A=\342\202(\n"
	    "B=\360\237\n"
	    "C=\377\376\n"),
	  .b = { B("A", "\357\277\275(", 0),
		B("B", "\357\277\275", 6),
		B("C", "\357\277\275\357\277\275", 11) } },
	{ CASE("surrogate and overlong"), IN("D=\355\240\200\n"
	    "E=\300\257\n"
	    "F=\364\220\200\200\n"),
	  .b = { B("D", "\357\277\275\357\277\275\357\277\275", 0),
		B("E", "\357\277\275\357\277\275", 6),
		B("F", "\357\277\275\357\277\275\357\277\275"
		  "\357\277\275", 11) } },
	{ CASE("truncated at end"), IN("H=\360\237\230"),
	  .b = { B("H", "\357\277\275", 0) } },
	{ CASE("NUL in value"), IN("A=x\000y\n\000B=1\n"),
	  .b = { B("A", "x\000y", 0) },
	  .drop = { 6 }, .ndrop = 1 },
	{ CASE("duplicates"), IN("A=1\nA=2\n"),
	  .b = { B("A", "1", 0),
		B("A", "2", 4) } },
	{ CASE("__proto__ is dropped"), IN("__proto__=x\nconstructor=y\n"),
	  .b = { B("constructor", "y", 12) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("no interpolation"), IN("A=1\nB=${A}\nC=${FROM_ENV}\n"),
	  .b = { B("A", "1", 0),
		B("B", "${A}", 4),
		B("C", "${FROM_ENV}", 11) } },
	{ CASE("key across a line break"), IN("A\n=1\nB\n\n=2\n"),
	  .b = { B("A", "1", 0),
		B("B", "2", 5) } },
	{ CASE("escaped quote fallback"), IN("A=\"x\\\"\nB=1\n"),
	  .b = { B("A", "x\\", 0),
		B("B", "1", 7) } },
	{ CASE("escaped quote then comment"), IN("A=\"x\\\" # c\nB=1\n"),
	  .b = { B("A", "x\\", 0),
		B("B", "1", 11) } },
	{ CASE("escaped quote, later garbage"), IN("C=\"y\\\" z\nD=2\n"),
	  .b = { B("C", "\"y\\\" z", 0),
		B("D", "2", 9) } },
	{ CASE("dash and dot keys"), IN("-=1\n.=2\n_=3\na.b-c=4\n"),
	  .b = { B("-", "1", 0),
		B(".", "2", 4),
		B("_", "3", 8),
		B("a.b-c", "4", 12) } },
	{ CASE("colon in value"), IN("A=http://x:1\nB: http://y\n"),
	  .b = { B("A", "http://x:1", 0),
		B("B", "http://y", 13) } },
	{ CASE("export and YAML"), IN("export A: 1\n"),
	  .b = { B("A", "1", 7) } },
	{ CASE("U+2028 ends a line for ^ and $"), IN("A='x'\342\200\250'y"
	    "\n"
	    "B=x\342\200\250C=2\n"),
	  .b = { B("A", "x", 0),
		B("B", "x\342\200\250C=2", 11) } },
	{ CASE("U+2028 inside quotes"), IN("A='a'\342\200\250'b'\n"
	    "B=\"a\342\200\250b\"\n"),
	  .b = { B("A", "a", 0),
		B("B", "a\342\200\250b", 12) } },
	{ CASE("VT and FF"), IN("A=\013v\014\n\013B=1\n"),
	  .b = { B("A", "v", 0),
		B("B", "1", 7) } },
	{ CASE("tab separators"), IN("A\t=\tv\tx\t\n"),
	  .b = { B("A", "v\tx", 0) } },
	{ CASE("quote only"), IN("A=\"\nB='\n"),
	  .b = { B("A", "\"", 0),
		B("B", "'", 4) } },
	{ CASE("quoted value spaces kept"), IN("A=\" z \"\nB=  \"x\"  \n"),
	  .b = { B("A", " z ", 0),
		B("B", "x", 8) } },
	{ CASE("trailing backslash in quotes"), IN("A=\"x\\\\\"\nB=1\n"),
	  .b = { B("A", "x\\\\", 0),
		B("B", "1", 8) } },
};

/* npm dotenv never looks at the environment. */
static void
test_no_env(void)
{
	RUN_NOENV("A=${FROM_ENV}\n");
	CHECK_INT(1, L.n);
	if (L.n == 1)
		CHECK_STR("${FROM_ENV}", L.v[0].value);
}

/* 1 MiB of escaped quotes, open quotes, empty values and export lines:
 * must stay linear.  The bindings match npm dotenv on the same file. */
static void
test_stress(void)
{
	static const char chunk[] =
	    "A=\"x\\\"y\nB='a\nC=\nD=v \t #c\n`\nE: \nexport\n";
	size_t k = sizeof chunk - 1, reps = (1u << 20) / k, n = k * reps;
	char *in = lt_repeat(chunk, k, reps);

	lt_run(in, n, true);
	free(in);
	CHECK_INT(5 * reps, L.n);
	CHECK_INT(0, L.ndropped);
	if (L.n == 5 * reps) {
		CHECK_STR("\"x\\\"y", L.v[L.n - 5].value);
		CHECK_STR("'a", L.v[L.n - 4].value);
		CHECK_STR("", L.v[L.n - 3].value);
		CHECK_STR("v", L.v[L.n - 2].value);
		CHECK_STR("E", L.v[L.n - 1].name);
		CHECK_INT(n - 11, L.v[L.n - 1].offset);
	}
}

int
main(void)
{
	lt_setup(&loader_node, env);
	CHECK(loader_find("node-dotenv") == &loader_node);
	CHECK_CASES(cases, LT_EXACT);
	test_no_env();
	CHECK_LONG_LINE();		/* a 70,000-byte line is read whole */
	test_stress();
	return lt_done();
}
