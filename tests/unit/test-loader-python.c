/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* python-dotenv loader cases.  Every expected name, value, refusal and
 * warning count was produced by Debian's python3-dotenv 0.21.0 running
 * dotenv_values(path) on the same bytes, in the environment
 * PATH=/usr/bin:/bin HOME=/tmp LANG=C.UTF-8 FROM_ENV=value-from-process-env.
 * The offsets are where each name starts in the file. */
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
	{ CASE("export with NBSP"), IN("export\302\240C=3\n"),
	  .b = { B("C", "3", 8) } },
	{ CASE("EXPORT is unparsable"), IN("EXPORT D=4\nE=5\n"),
	  .b = { B("E", "5", 11) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("export as a key"), IN("export=5\nexport\n"),
	  .b = { B("export", "5", 0),
		NONE("export", 9) } },
	{ CASE("export then ="), IN("export  =6\nX=7\n"),
	  .b = { B("X", "7", 11) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("export alone then newline"), IN("export \nX=1\n"),
	  .b = { B("X", "1", 8) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("double-quote escapes"), IN("G=\"\\n\\t\\r\\a\\b\\f\\v\\x"
	    "\\u0041\\\\\\\"\\'\"\n"),
	  .b = { B("G", "\n\t\r\007\010\014\013\\x\\u0041\\\"'", 0) } },
	{ CASE("single-quote escapes"), IN("H='\\n\\\\\\''\n"),
	  .b = { B("H", "\\n\\'", 0) } },
	{ CASE("single quotes literal"), IN("A='x y  '\nB='${Q}'\n"),
	  .b = { B("A", "x y  ", 0),
		B("B", "", 10) } },
	{ CASE("backticks are not quotes"), IN("C=`x`\n"),
	  .b = { B("C", "`x`", 0) } },
	{ CASE("escaped quote inside"), IN("D=\"a\\\"b\"\n"),
	  .b = { B("D", "a\"b", 0) } },
	{ CASE("comment lines"), IN("# c\n  # c2\nA=1\n#B=2\n"),
	  .b = { B("A", "1", 11) } },
	{ CASE("inline comment after space"), IN("A=v # c\n"
	    "B=v\t# c\n"
	    "C=v  #c # d\n"),
	  .b = { B("A", "v", 0),
		B("B", "v", 8),
		B("C", "v", 16) } },
	{ CASE("glued hash is kept"), IN("B=sk-abc#prod\n"),
	  .b = { B("B", "sk-abc#prod", 0) } },
	{ CASE("KEY= # c gives \"# c\""), IN("D= # c\nE=\t#x\n"),
	  .b = { B("D", "# c", 0),
		B("E", "#x", 7) } },
	{ CASE("comment after quotes"), IN("E=\"q\" # c\n"
	    "F=\"q\"#c\n"
	    "G='q'  \n"),
	  .b = { B("E", "q", 0),
		B("F", "q", 10),
		B("G", "q", 18) } },
	{ CASE("garbage after closing quote"), IN("A=\"q\"x\nB=1\n"),
	  .b = { B("B", "1", 7) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("unicode whitespace stripped"), IN("H=v\302\240#c\n"
	    "I=v \343\200\200 \n"),
	  .b = { B("H", "v", 0),
		B("I", "v", 8) } },
	{ CASE("unterminated double swallows"), IN("A=\"abc\n"
	    "B=1\n"
	    "C=\"x\n"
	    "D=2\n"),
	  .b = { B("D", "2", 16) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("unterminated without partner"), IN("A=\"abc\nB=1\n"),
	  .b = { B("B", "1", 7) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("unterminated single swallows"), IN("A='abc\n"
	    "B=1\n"
	    "C='x\n"
	    "D=2\n"),
	  .b = { B("D", "2", 16) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("swallowed key"), IN("A=\"sk-abc\n"
	    "OPENAI_API_KEY=sk-real\n"
	    "B=\"x\"\n"
	    "C=1\n"),
	  .b = { B("C", "1", 39) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("multi-line values"), IN("A=\"line1\n"
	    "line2\"\n"
	    "B='l1\n"
	    "l2'\n"
	    "C=3\n"),
	  .b = { B("A", "line1\nline2", 0),
		B("B", "l1\nl2", 16),
		B("C", "3", 26) } },
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
	{ CASE("BOM joins the first key"), IN("\357\273\277A=1\nB=2\n"),
	  .b = { B("\357\273\277A", "1", 0),
		B("B", "2", 7) } },
	{ CASE("BOM then comment"), IN("\357\273\277# c\nA=1\n"),
	  .b = { NONE("\357\273\277", 0),
		B("A", "1", 7) } },
	{ CASE("name-only"), IN("A\nB # c\n"),
	  .b = { NONE("A", 0),
		NONE("B", 2) } },
	{ CASE("name then junk"), IN("C d\nE=1\n"),
	  .b = { B("E", "1", 4) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("YAML"), IN("A: v\nB:v\nC=1\n"),
	  .b = { NONE("B:v", 5),
		B("C", "1", 9) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("spaces around ="), IN("  A = 1  \n\tB\t=\t2\t\nC =\n"),
	  .b = { B("A", "1", 2),
		B("B", "2", 11),
		B("C", "", 18) } },
	{ CASE("zero-width space in name"), IN("A\342\200\213B=1\n"
	    "C=x\342\200\213\n"),
	  .b = { B("A\342\200\213B", "1", 0),
		B("C", "x\342\200\213", 8) } },
	{ CASE("NUL in value"), IN("A=x\000y\n"),
	  .b = { B("A", "x\000y", 0) } },
	{ CASE("interpolation from the file"), IN("A=1\n"
	    "B=${A}\n"
	    "C=${A:-d}\n"
	    "D=${Z:-d}\n"),
	  .b = { B("A", "1", 0),
		B("B", "1", 4),
		B("C", "1", 11),
		B("D", "d", 21) } },
	{ CASE("interpolation from env"), IN("E=${FROM_ENV}\n"
	    "F='${FROM_ENV}'\n"
	    "G=${HOME}\n"),
	  .b = { B("E", "value-from-process-env", 0),
		B("F", "value-from-process-env", 14),
		B("G", "/tmp", 30) } },
	{ CASE("not interpolated"), IN("A=1\n"
	    "H=$A\n"
	    "I=${A:x}\n"
	    "K=${\n"
	    "L=${:-x}\n"
	    "M=${}\n"),
	  .b = { B("A", "1", 0),
		B("H", "$A", 4),
		B("I", "${A:x}", 9),
		B("K", "${", 18),
		B("L", "x", 23),
		B("M", "", 32) } },
	{ CASE("interpolation of name-only"), IN("N\nO=${N:-def}\n"),
	  .b = { NONE("N", 0),
		B("O", "", 2) } },
	{ CASE("interpolation of a later key"), IN("A=${B}\nB=1\n"),
	  .b = { B("A", "", 0),
		B("B", "1", 7) } },
	{ CASE("interpolation after redefinition"), IN("A=1\nA=${A}2\n"),
	  .b = { B("A", "1", 0),
		B("A", "12", 4) } },
	{ CASE("interpolation default with ${"), IN("A=1\n"
	    "R=${Z:-${A}}\n"
	    "S=${A}${A}x${Z}\n"),
	  .b = { B("A", "1", 0),
		B("R", "${A}", 4),
		B("S", "11x", 17) } },
	{ CASE("interpolation of an unfinished name"), IN("A=1\nJ=${A${B}\n"),
	  .b = { B("A", "1", 0),
		B("J", "", 4) } },
	{ CASE("duplicates kept in order"), IN("A=1\nA=2\nB=1\nB\n"),
	  .b = { B("A", "1", 0),
		B("A", "2", 4),
		B("B", "1", 8),
		NONE("B", 12) } },
	{ CASE("single-quoted key"), IN("'A B'=1\n'C\nD'=2\n"),
	  .b = { B("A B", "1", 1),
		B("C\nD", "2", 9) } },
	{ CASE("empty quoted key"), IN("''=3\nX=1\n"),
	  .b = { B("X", "1", 5) },
	  .drop = { 0 }, .ndrop = 1 },
	{ CASE("double-quoted key keeps quotes"), IN("\"F\"=5\n"),
	  .b = { B("\"F\"", "5", 0) } },
	{ CASE("hash in key"), IN("A#B=1\n#A=1\nA=#x\n"),
	  .b = { NONE("A", 0),
		B("A", "#x", 11) } },
	{ CASE("equals signs"), IN("A==1\nB=1=2\n=3\n"),
	  .b = { B("A", "=1", 0),
		B("B", "1=2", 5) },
	  .drop = { 11 }, .ndrop = 1 },
	{ CASE("unicode whitespace around key"), IN("\302\240B=2\n"
	    "C\302\240=3\n"
	    "D=\343\200\200v\n"),
	  .b = { B("B", "2", 2),
		B("C", "3", 6),
		B("D", "v", 12) } },
	{ CASE("U+2028 is not a line break"), IN("A=x\342\200\250y\n"
	    "B=\"p\342\200\251q\"\n"),
	  .b = { B("A", "x\342\200\250y", 0),
		B("B", "p\342\200\251q", 8) } },
	{ CASE("python-only whitespace"), IN("\034E=1\n"
	    "F=v\034\n"
	    "G=v\302\205\n"),
	  .b = { B("E", "1", 1),
		B("F", "v", 5),
		B("G", "v", 10) } },
	{ CASE("VT and FF"), IN("A=\013v\014\n\014B=1\n"),
	  .b = { B("A", "v", 0),
		B("B", "1", 7) } },
	{ CASE("escaped quote fallback"), IN("A=\"x\\\"\nB=1\n"),
	  .b = { B("A", "x\\", 0),
		B("B", "1", 7) } },
	{ CASE("escaped single fallback"), IN("A='x\\'\nB=1\n"),
	  .b = { B("A", "x\\", 0),
		B("B", "1", 7) } },
	{ CASE("invalid start byte"), IN("A=1\nB=\377\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xff in position 6: invalid start byte", .erroff = 6 },
	{ CASE("invalid continuation"), IN("A=\342(\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xe2 in position 2: invalid continuation byte", .erroff = 2 },
	{ CASE("invalid continuation, 2 bytes"), IN("A=\342\202(\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode bytes "
	      "in position 2-3: invalid continuation byte", .erroff = 2 },
	{ CASE("truncated at end"), IN("A=1\342\202"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode bytes "
	      "in position 3-4: unexpected end of data", .erroff = 3 },
	{ CASE("truncated lead at end"), IN("A=1\360"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xf0 in position 3: unexpected end of data", .erroff = 3 },
	{ CASE("surrogate"), IN("A=\355\240\200\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xed in position 2: invalid continuation byte", .erroff = 2 },
	{ CASE("overlong"), IN("A=\300\257\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xc0 in position 2: invalid start byte", .erroff = 2 },
	{ CASE("UTF-16LE with BOM"), IN("\377\376A\000=\0001\000\n\000"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xff in position 0: invalid start byte", .erroff = 0 },
	{ CASE("latin-1"), IN("A=caf\351\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xe9 in position 5: invalid continuation byte", .erroff = 5 },
	{ CASE("emoji"), IN("A=\360\237\230\200\n\360\237\230\200=2\n"),
	  .b = { B("A", "\360\237\230\200", 0),
		B("\360\237\230\200", "2", 7) } },
	{ CASE("export before quoted key"), IN("export 'A'=1\n"
	    "export \"B\"=2\n"),
	  .b = { B("A", "1", 8),
		B("\"B\"", "2", 20) } },
	{ CASE("export before comment"), IN("export #c\nexport A # c\n"),
	  .b = { NONE("A", 17) } },
	{ CASE("quoted value then tab"), IN("A=\"x\"\t\nB=\"y\"   # \n"),
	  .b = { B("A", "x", 0),
		B("B", "y", 7) } },
};

/* Without an environment ${NAME} still finds the file's own names. */
static void
test_no_env(void)
{
	RUN_NOENV("A=1\nB=${A}${FROM_ENV}x\n");
	CHECK_INT(2, L.n);
	if (L.n == 2)
		CHECK_MEM("1x", 2, L.v[1].value, L.v[1].value_len);
}

/* 1 MiB of swallowing quotes, unfinished ${ and comment runs: must stay
 * linear.  The bindings match python-dotenv on the same file. */
static void
test_stress(void)
{
	static const char chunk[] =
	    "A=\"x\\\"y\nB='a\nC=${${X:-${\nD=v \t #c\n\"\nE\n";
	size_t k = sizeof chunk - 1, reps = (1u << 20) / k, n = k * reps;
	char *in = lt_repeat(chunk, k, reps);

	lt_run(in, n, true);
	free(in);
	CHECK_INT(2 * reps, L.n);
	CHECK_INT(0, L.ndropped);
	if (L.n == 2 * reps) {
		CHECK_STR("A", L.v[L.n - 2].name);
		CHECK_STR("x\"y\nB='a\nC=${${X:-${\nD=v \t #c\n",
		    L.v[L.n - 2].value);
		CHECK(L.v[L.n - 1].value == NULL);
		CHECK_INT(n - 2, L.v[L.n - 1].offset);
	}
}

int
main(void)
{
	lt_setup(&loader_python, env);
	CHECK(loader_find("python-dotenv") == &loader_python);
	CHECK_CASES(cases, LT_EXACT);
	test_no_env();
	CHECK_LONG_LINE();		/* a 70,000-byte line is read whole */
	test_stress();
	return lt_done();
}
