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

#include "loader.h"
#include "unit.h"

/* One file and everything the loader must make of it. */
struct want {
	const char	*name;		/* NULL ends the list */
	const char	*value;		/* NULL: name-only */
	size_t		 len;
	size_t		 offset;
};

struct tcase {
	const char	*id;
	const char	*in;
	size_t		 len;
	struct want	 b[8];		/* every binding, in file order */
	size_t		 drop[4];	/* dropped statement offsets */
	size_t		 ndrop;
	const char	*error;		/* refused with these words */
	size_t		 erroff;
};

#define IN(s)		.in = s, .len = sizeof(s) - 1
#define B(n, v, o)	{ n, v, sizeof(v) - 1, o }
#define NONE(n, o)	{ n, NULL, 0, o }

/* The environment the expected values were generated in. */
static const char *
env(const char *name, void *arg)
{
	static const char *const vars[][2] = {
		{ "PATH", "/usr/bin:/bin" },
		{ "HOME", "/tmp" },
		{ "LANG", "C.UTF-8" },
		{ "FROM_ENV", "value-from-process-env" },
	};

	(void)arg;
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if (strcmp(name, vars[i][0]) == 0)
			return vars[i][1];
	return NULL;
}

/* Parses len bytes from a buffer of exactly that size, so ASan sees any
 * read past the end.  The caller clears l. */
static void
parse_exact(const struct loader *ld, const char *in, size_t len,
    loader_env_fn fn, struct loaded *l)
{
	char *buf = malloc(len);

	if (len > 0)
		memcpy(buf, in, len);
	loaded_init(l);
	ld->parse(buf, len, fn, NULL, l);
	free(buf);
}

static void
check_case(const struct loader *ld, const struct tcase *c)
{
	struct loaded l;
	int before = unit_failures;
	size_t n = 0;

	parse_exact(ld, c->in, c->len, env, &l);
	while (n < 8 && c->b[n].name != NULL)
		n++;
	CHECK_INT(n, l.n);
	for (size_t i = 0; i < n && i < l.n; i++) {
		CHECK_STR(c->b[i].name, l.v[i].name);
		CHECK_MEM(c->b[i].value, c->b[i].len, l.v[i].value,
		    l.v[i].value_len);
		CHECK_INT(c->b[i].offset, l.v[i].offset);
	}
	CHECK_INT(c->ndrop, l.ndropped);
	for (size_t i = 0; i < c->ndrop && i < l.ndropped; i++)
		CHECK_INT(c->drop[i], l.dropped[i]);
	CHECK_INT(c->error != NULL, l.refused);
	CHECK_STR(c->error, l.error);
	if (c->error != NULL)
		CHECK_INT(c->erroff, l.error_offset);
	if (unit_failures != before)
		fprintf(stderr, "  in case \"%s\"\n", c->id);
	loaded_clear(&l);
}

static const struct tcase cases[] = {
	{ .id = "empty", IN(""), },
	{ .id = "blank lines only", IN("  \n\t\n\n"), },
	{ .id = "simple", IN("A=1\nB=two\n"),
	  .b = { B("A", "1", 0),
		B("B", "two", 4) } },
	{ .id = "no final newline", IN("A=1\nB=two"),
	  .b = { B("A", "1", 0),
		B("B", "two", 4) } },
	{ .id = "export prefix", IN("export A=1\nexport\tB=2\n"),
	  .b = { B("A", "1", 7),
		B("B", "2", 18) } },
	{ .id = "export with NBSP", IN("export\302\240C=3\n"),
	  .b = { B("C", "3", 8) } },
	{ .id = "EXPORT is unparsable", IN("EXPORT D=4\nE=5\n"),
	  .b = { B("E", "5", 11) },
	  .drop = { 0 }, .ndrop = 1 },
	{ .id = "export as a key", IN("export=5\nexport\n"),
	  .b = { B("export", "5", 0),
		NONE("export", 9) } },
	{ .id = "export then =", IN("export  =6\nX=7\n"),
	  .b = { B("X", "7", 11) },
	  .drop = { 0 }, .ndrop = 1 },
	{ .id = "export alone then newline", IN("export \nX=1\n"),
	  .b = { B("X", "1", 8) },
	  .drop = { 0 }, .ndrop = 1 },
	{ .id = "double-quote escapes", IN("G=\"\\n\\t\\r\\a\\b\\f\\v\\x"
	    "\\u0041\\\\\\\"\\'\"\n"),
	  .b = { B("G", "\n\t\r\007\010\014\013\\x\\u0041\\\"'", 0) } },
	{ .id = "single-quote escapes", IN("H='\\n\\\\\\''\n"),
	  .b = { B("H", "\\n\\'", 0) } },
	{ .id = "single quotes literal", IN("A='x y  '\nB='${Q}'\n"),
	  .b = { B("A", "x y  ", 0),
		B("B", "", 10) } },
	{ .id = "backticks are not quotes", IN("C=`x`\n"),
	  .b = { B("C", "`x`", 0) } },
	{ .id = "escaped quote inside", IN("D=\"a\\\"b\"\n"),
	  .b = { B("D", "a\"b", 0) } },
	{ .id = "comment lines", IN("# c\n  # c2\nA=1\n#B=2\n"),
	  .b = { B("A", "1", 11) } },
	{ .id = "inline comment after space", IN("A=v # c\n"
	    "B=v\t# c\n"
	    "C=v  #c # d\n"),
	  .b = { B("A", "v", 0),
		B("B", "v", 8),
		B("C", "v", 16) } },
	{ .id = "glued hash is kept", IN("B=sk-abc#prod\n"),
	  .b = { B("B", "sk-abc#prod", 0) } },
	{ .id = "KEY= # c gives \"# c\"", IN("D= # c\nE=\t#x\n"),
	  .b = { B("D", "# c", 0),
		B("E", "#x", 7) } },
	{ .id = "comment after quotes", IN("E=\"q\" # c\n"
	    "F=\"q\"#c\n"
	    "G='q'  \n"),
	  .b = { B("E", "q", 0),
		B("F", "q", 10),
		B("G", "q", 18) } },
	{ .id = "garbage after closing quote", IN("A=\"q\"x\nB=1\n"),
	  .b = { B("B", "1", 7) },
	  .drop = { 0 }, .ndrop = 1 },
	{ .id = "unicode whitespace stripped", IN("H=v\302\240#c\n"
	    "I=v \343\200\200 \n"),
	  .b = { B("H", "v", 0),
		B("I", "v", 8) } },
	{ .id = "unterminated double swallows", IN("A=\"abc\n"
	    "B=1\n"
	    "C=\"x\n"
	    "D=2\n"),
	  .b = { B("D", "2", 16) },
	  .drop = { 0 }, .ndrop = 1 },
	{ .id = "unterminated without partner", IN("A=\"abc\nB=1\n"),
	  .b = { B("B", "1", 7) },
	  .drop = { 0 }, .ndrop = 1 },
	{ .id = "unterminated single swallows", IN("A='abc\n"
	    "B=1\n"
	    "C='x\n"
	    "D=2\n"),
	  .b = { B("D", "2", 16) },
	  .drop = { 0 }, .ndrop = 1 },
	{ .id = "swallowed key", IN("A=\"sk-abc\n"
	    "OPENAI_API_KEY=sk-real\n"
	    "B=\"x\"\n"
	    "C=1\n"),
	  .b = { B("C", "1", 39) },
	  .drop = { 0 }, .ndrop = 1 },
	{ .id = "multi-line values", IN("A=\"line1\n"
	    "line2\"\n"
	    "B='l1\n"
	    "l2'\n"
	    "C=3\n"),
	  .b = { B("A", "line1\nline2", 0),
		B("B", "l1\nl2", 16),
		B("C", "3", 26) } },
	{ .id = "CRLF", IN("A=1\r\nB=\"x\r\ny\"\r\nC=3\r\n"),
	  .b = { B("A", "1", 0),
		B("B", "x\ny", 5),
		B("C", "3", 15) } },
	{ .id = "bare CR", IN("A=1\rB=2\rC=\"x\ry\"\r"),
	  .b = { B("A", "1", 0),
		B("B", "2", 4),
		B("C", "x\ny", 8) } },
	{ .id = "CR CR LF", IN("A=1\r\r\nB=2\n"),
	  .b = { B("A", "1", 0),
		B("B", "2", 6) } },
	{ .id = "BOM joins the first key", IN("\357\273\277A=1\nB=2\n"),
	  .b = { B("\357\273\277A", "1", 0),
		B("B", "2", 7) } },
	{ .id = "BOM then comment", IN("\357\273\277# c\nA=1\n"),
	  .b = { NONE("\357\273\277", 0),
		B("A", "1", 7) } },
	{ .id = "name-only", IN("A\nB # c\n"),
	  .b = { NONE("A", 0),
		NONE("B", 2) } },
	{ .id = "name then junk", IN("C d\nE=1\n"),
	  .b = { B("E", "1", 4) },
	  .drop = { 0 }, .ndrop = 1 },
	{ .id = "YAML", IN("A: v\nB:v\nC=1\n"),
	  .b = { NONE("B:v", 5),
		B("C", "1", 9) },
	  .drop = { 0 }, .ndrop = 1 },
	{ .id = "spaces around =", IN("  A = 1  \n\tB\t=\t2\t\nC =\n"),
	  .b = { B("A", "1", 2),
		B("B", "2", 11),
		B("C", "", 18) } },
	{ .id = "zero-width space in name", IN("A\342\200\213B=1\n"
	    "C=x\342\200\213\n"),
	  .b = { B("A\342\200\213B", "1", 0),
		B("C", "x\342\200\213", 8) } },
	{ .id = "NUL in value", IN("A=x\000y\n"),
	  .b = { B("A", "x\000y", 0) } },
	{ .id = "interpolation from the file", IN("A=1\n"
	    "B=${A}\n"
	    "C=${A:-d}\n"
	    "D=${Z:-d}\n"),
	  .b = { B("A", "1", 0),
		B("B", "1", 4),
		B("C", "1", 11),
		B("D", "d", 21) } },
	{ .id = "interpolation from env", IN("E=${FROM_ENV}\n"
	    "F='${FROM_ENV}'\n"
	    "G=${HOME}\n"),
	  .b = { B("E", "value-from-process-env", 0),
		B("F", "value-from-process-env", 14),
		B("G", "/tmp", 30) } },
	{ .id = "not interpolated", IN("A=1\n"
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
	{ .id = "interpolation of name-only", IN("N\nO=${N:-def}\n"),
	  .b = { NONE("N", 0),
		B("O", "", 2) } },
	{ .id = "interpolation of a later key", IN("A=${B}\nB=1\n"),
	  .b = { B("A", "", 0),
		B("B", "1", 7) } },
	{ .id = "interpolation after redefinition", IN("A=1\nA=${A}2\n"),
	  .b = { B("A", "1", 0),
		B("A", "12", 4) } },
	{ .id = "interpolation default with ${", IN("A=1\n"
	    "R=${Z:-${A}}\n"
	    "S=${A}${A}x${Z}\n"),
	  .b = { B("A", "1", 0),
		B("R", "${A}", 4),
		B("S", "11x", 17) } },
	{ .id = "interpolation of an unfinished name", IN("A=1\nJ=${A${B}\n"),
	  .b = { B("A", "1", 0),
		B("J", "", 4) } },
	{ .id = "duplicates kept in order", IN("A=1\nA=2\nB=1\nB\n"),
	  .b = { B("A", "1", 0),
		B("A", "2", 4),
		B("B", "1", 8),
		NONE("B", 12) } },
	{ .id = "single-quoted key", IN("'A B'=1\n'C\nD'=2\n"),
	  .b = { B("A B", "1", 1),
		B("C\nD", "2", 9) } },
	{ .id = "empty quoted key", IN("''=3\nX=1\n"),
	  .b = { B("X", "1", 5) },
	  .drop = { 0 }, .ndrop = 1 },
	{ .id = "double-quoted key keeps quotes", IN("\"F\"=5\n"),
	  .b = { B("\"F\"", "5", 0) } },
	{ .id = "hash in key", IN("A#B=1\n#A=1\nA=#x\n"),
	  .b = { NONE("A", 0),
		B("A", "#x", 11) } },
	{ .id = "equals signs", IN("A==1\nB=1=2\n=3\n"),
	  .b = { B("A", "=1", 0),
		B("B", "1=2", 5) },
	  .drop = { 11 }, .ndrop = 1 },
	{ .id = "unicode whitespace around key", IN("\302\240B=2\n"
	    "C\302\240=3\n"
	    "D=\343\200\200v\n"),
	  .b = { B("B", "2", 2),
		B("C", "3", 6),
		B("D", "v", 12) } },
	{ .id = "U+2028 is not a line break", IN("A=x\342\200\250y\n"
	    "B=\"p\342\200\251q\"\n"),
	  .b = { B("A", "x\342\200\250y", 0),
		B("B", "p\342\200\251q", 8) } },
	{ .id = "python-only whitespace", IN("\034E=1\n"
	    "F=v\034\n"
	    "G=v\302\205\n"),
	  .b = { B("E", "1", 1),
		B("F", "v", 5),
		B("G", "v", 10) } },
	{ .id = "VT and FF", IN("A=\013v\014\n\014B=1\n"),
	  .b = { B("A", "v", 0),
		B("B", "1", 7) } },
	{ .id = "escaped quote fallback", IN("A=\"x\\\"\nB=1\n"),
	  .b = { B("A", "x\\", 0),
		B("B", "1", 7) } },
	{ .id = "escaped single fallback", IN("A='x\\'\nB=1\n"),
	  .b = { B("A", "x\\", 0),
		B("B", "1", 7) } },
	{ .id = "invalid start byte", IN("A=1\nB=\377\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xff in position 6: invalid start byte", .erroff = 6 },
	{ .id = "invalid continuation", IN("A=\342(\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xe2 in position 2: invalid continuation byte", .erroff = 2 },
	{ .id = "invalid continuation, 2 bytes", IN("A=\342\202(\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode bytes "
	      "in position 2-3: invalid continuation byte", .erroff = 2 },
	{ .id = "truncated at end", IN("A=1\342\202"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode bytes "
	      "in position 3-4: unexpected end of data", .erroff = 3 },
	{ .id = "truncated lead at end", IN("A=1\360"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xf0 in position 3: unexpected end of data", .erroff = 3 },
	{ .id = "surrogate", IN("A=\355\240\200\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xed in position 2: invalid continuation byte", .erroff = 2 },
	{ .id = "overlong", IN("A=\300\257\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xc0 in position 2: invalid start byte", .erroff = 2 },
	{ .id = "UTF-16LE with BOM", IN("\377\376A\000=\0001\000\n\000"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xff in position 0: invalid start byte", .erroff = 0 },
	{ .id = "latin-1", IN("A=caf\351\n"),
	  .error = "UnicodeDecodeError: 'utf-8' codec can't decode byte "
	      "0xe9 in position 5: invalid continuation byte", .erroff = 5 },
	{ .id = "emoji", IN("A=\360\237\230\200\n\360\237\230\200=2\n"),
	  .b = { B("A", "\360\237\230\200", 0),
		B("\360\237\230\200", "2", 7) } },
	{ .id = "export before quoted key", IN("export 'A'=1\n"
	    "export \"B\"=2\n"),
	  .b = { B("A", "1", 8),
		B("\"B\"", "2", 20) } },
	{ .id = "export before comment", IN("export #c\nexport A # c\n"),
	  .b = { NONE("A", 17) } },
	{ .id = "quoted value then tab", IN("A=\"x\"\t\nB=\"y\"   # \n"),
	  .b = { B("A", "x", 0),
		B("B", "y", 7) } },
};

/* Without an environment ${NAME} still finds the file's own names. */
static void
test_no_env(void)
{
	static const char in[] = "A=1\nB=${A}${FROM_ENV}x\n";
	struct loaded l;

	parse_exact(&loader_python, in, sizeof in - 1, NULL, &l);
	CHECK_INT(2, l.n);
	if (l.n == 2)
		CHECK_MEM("1x", 2, l.v[1].value, l.v[1].value_len);
	loaded_clear(&l);
}

/* A 70,000-byte line is read whole. */
static void
test_long_line(void)
{
	size_t n = 2 + 70000 + 5;
	char *in = malloc(n);
	struct loaded l;

	memcpy(in, "A=", 2);
	memset(in + 2, 'x', 70000);
	memcpy(in + 70002, "\nB=1\n", 5);
	parse_exact(&loader_python, in, n, env, &l);
	CHECK_INT(2, l.n);
	if (l.n == 2) {
		CHECK_INT(70000, l.v[0].value_len);
		CHECK_STR("1", l.v[1].value);
		CHECK_INT(70003, l.v[1].offset);
	}
	loaded_clear(&l);
	free(in);
}

/* 1 MiB of swallowing quotes, unfinished ${ and comment runs: must stay
 * linear.  The bindings match python-dotenv on the same file. */
static void
test_stress(void)
{
	static const char chunk[] =
	    "A=\"x\\\"y\nB='a\nC=${${X:-${\nD=v \t #c\n\"\nE\n";
	size_t k = sizeof chunk - 1, reps = (1u << 20) / k, n = k * reps;
	char *in = malloc(n);
	struct loaded l;

	for (size_t i = 0; i < reps; i++)
		memcpy(in + i * k, chunk, k);
	parse_exact(&loader_python, in, n, env, &l);
	CHECK_INT(2 * reps, l.n);
	CHECK_INT(0, l.ndropped);
	if (l.n == 2 * reps) {
		CHECK_STR("A", l.v[l.n - 2].name);
		CHECK_STR("x\"y\nB='a\nC=${${X:-${\nD=v \t #c\n",
		    l.v[l.n - 2].value);
		CHECK(l.v[l.n - 1].value == NULL);
		CHECK_INT(n - 2, l.v[l.n - 1].offset);
	}
	loaded_clear(&l);
	free(in);
}

int
main(void)
{
	CHECK(loader_find("python-dotenv") == &loader_python);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_case(&loader_python, &cases[i]);
	test_no_env();
	test_long_line();
	test_stress();
	return unit_done();
}
