/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* docker compose env_file: the expectations of compose-go's own tests
 * (dotenv/godotenv_test.go, godotenv_var_expansion_test.go), then the
 * cases that matter for an API key. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "loader-test.h"

static const char *const env[] = {
	"FROM_ENV=value-from-process-env",
	"OPTION_A=5",
	"EMPTY_ENV=",
	NULL
};

/* compose-go's parseAndCompare: Parse with no lookup function. */
#define PARSES(input, name, exp) do { \
	RUN_NOENV(input); \
	CHECK(!L.refused); \
	VAL((name), exp); \
} while (0)

/* godotenv_test.go TestParsing, in its order. */
static void
test_go_parsing(void)
{
	PARSES("FOO=bar", "FOO", "bar");
	PARSES("FOO =bar", "FOO", "bar");
	PARSES("FOO= bar", "FOO", "bar");
	PARSES("FOO=\"bar\"", "FOO", "bar");
	PARSES("FOO='bar'", "FOO", "bar");
	PARSES("FOO=\"escaped\\\"bar\"", "FOO", "escaped\"bar");
	PARSES("FOO=\"\\\"quoted\\\"\"", "FOO", "\"quoted\"");
	PARSES("FOO=\"'d'\"", "FOO", "'d'");
	PARSES("OPTION_A: 1", "OPTION_A", "1");
	PARSES("OPTION_A: Foo=bar", "OPTION_A", "Foo=bar");
	PARSES("OPTION_A=1:B", "OPTION_A", "1:B");
	PARSES("export OPTION_A=2", "OPTION_A", "2");
	PARSES("export OPTION_B='\\n'", "OPTION_B", "\\n");
	PARSES("export exportFoo=2", "exportFoo", "2");
	PARSES("exportFOO=2", "exportFOO", "2");
	PARSES("export_FOO =2", "export_FOO", "2");
	PARSES("export.FOO= 2", "export.FOO", "2");
	PARSES("export\tOPTION_A=2", "OPTION_A", "2");
	PARSES("  export OPTION_A=2", "OPTION_A", "2");
	PARSES("\texport OPTION_A=2", "OPTION_A", "2");
	PARSES("export OPTION_A=\"export A\"", "OPTION_A", "export A");
	PARSES("FOO=\"bar\\nbaz\"", "FOO", "bar\nbaz");
	PARSES("FOO=a\\tb", "FOO", "a\\tb");
	PARSES("FOO=\"a\\tb\"", "FOO", "a\tb");
	PARSES("KEY=\"Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\0123Z\"", "KEY",
	    "Z\aZ\bZ\fZ\nZ\rZ\tZ\vZ\\ZSZ");
	PARSES("FOO.BAR=foobar", "FOO.BAR", "foobar");
	PARSES("FOO=foobar=", "FOO", "foobar=");
	PARSES("FOO=bar ", "FOO", "bar");
	PARSES("FOO=bar # this is foo", "FOO", "bar");
	PARSES("FOO=bar #this is foo", "FOO", "bar");
	PARSES("FOO=bar #", "FOO", "bar");
	PARSES("FOO=123#not-an-inline-comment", "FOO",
	    "123#not-an-inline-comment");
	PARSES("FOO=\"bar#baz\"", "FOO", "bar#baz");
	PARSES("FOO=\"bar#baz\"#", "FOO", "bar#baz");
	PARSES("FOO=\"bar#baz\" # comment", "FOO", "bar#baz");
	PARSES("FOO='bar#baz' # comment", "FOO", "bar#baz");
	PARSES("FOO=\"bar#baz#bang\" # comment", "FOO", "bar#baz#bang");
	PARSES("FOO=\"ba#r\"", "FOO", "ba#r");
	PARSES("FOO='ba#r'", "FOO", "ba#r");
	PARSES("FOO=\"bar\\n\\ b\\az\"", "FOO", "bar\n\\ b\az");
	PARSES("FOO=\"bar\\\\\\n\\ b\\az\"", "FOO", "bar\\\n\\ b\az");
	PARSES("FOO=\"bar\\\\r\\ b\\az\"", "FOO", "bar\\r\\ b\az");
	PARSES("FOO=\"bar\\nbaz\\\\\"", "FOO", "bar\nbaz\\");
	PARSES("=\"value\"", "", "value");
	PARSES(" KEY =value", "KEY", "value");
	PARSES("   KEY=value", "KEY", "value");
	PARSES("\tKEY=value", "KEY", "value");
	PARSES("KEY=\"\\0123\"", "KEY", "S");
	PARSES("KEY=\"\\x07\"", "KEY", "\\x07");
	PARSES("KEY=\"\\u12e4\"", "KEY", "\\u12e4");
	PARSES("KEY=\"\\U00101234\"", "KEY", "\\U00101234");
	RUN_NOENV("lol$wut");
	REFUSED("line 1: unexpected character \"$\" in variable name");
	CHECK_INT(3, L.error_offset);
}

/* TestUnterminatedQuotes, TestParse, TestExpanding, TestLinesToIgnore. */
static void
test_go_misc(void)
{
	static const char *const open[] = {
		"KEY=\"", "KEY=\"value", "KEY=\"value\\\"", "KEY=\"value'",
		"KEY='", "KEY='value", "KEY='value\\'", "KEY='value\"",
	};

	for (size_t i = 0; i < sizeof open / sizeof open[0]; i++) {
		lt_run(open[i], strlen(open[i]), false);
		REFUSED("line 1: unterminated quoted value");
		CHECK_INT(4, L.error_offset);
	}
	RUN_NOENV("ONE=1\nTWO='2'\nTHREE = \"3\"");
	VAL("ONE", "1");
	VAL("TWO", "2");
	VAL("THREE", "3");
	RUN_NOENV("FOO=test\nBAR=$FOO");
	VAL("BAR", "test");
	RUN_NOENV("FOO=test\nBAR=${FOO}bar");
	VAL("BAR", "testbar");
	RUN_NOENV("BAR=$FOO");
	VAL("BAR", "");
	RUN_NOENV("FOO=test\nBAR=\"quote $FOO\"");
	VAL("BAR", "quote test");
	RUN_NOENV("BAR='quote $FOO'");
	VAL("BAR", "quote $FOO");
	RUN_NOENV("FOO=\"foo\\$BAR\"");
	VAL("FOO", "foo$BAR");
	RUN_NOENV("FOO=\"foo\\${BAR}\"");
	VAL("FOO", "foo${BAR}");
	RUN_NOENV("FOO=test\nBAR=\"foo\\${FOO} ${FOO}\"");
	VAL("BAR", "foo${FOO} test");
	RUN_NOENV("TEST_URLS=\"stratum+tcp://a:3333\nstratum+tcp://b:443\"");
	VAL("TEST_URLS", "stratum+tcp://a:3333\nstratum+tcp://b:443");
	RUN_NOENV("\n\r\n\t\t \n# Comment\n\t # comment\n");
	CHECK_INT(0, L.n);
	CHECK(!L.refused);
}

/* godotenv_var_expansion_test.go, and the substitutions fixtures. */
static void
test_go_expansion(void)
{
	RUN_NOENV("EMPTY_VAR=\nTEST_VAR=Test Value\n"
	    "A=${UNSET_VAR:-Default Value}\nB=${EMPTY_VAR:-Default Value}\n"
	    "C=${TEST_VAR:-Default Value}\nD=${UNSET_VAR-Default Value}\n"
	    "E=${EMPTY_VAR-Default Value}\nF=${TEST_VAR-Default Value}\n"
	    "G=${TEST_VAR:?Default Value}\nH=${EMPTY_VAR?Test error}\n");
	VAL("A", "Default Value");
	VAL("B", "Default Value");
	VAL("C", "Test Value");
	VAL("D", "Default Value");
	VAL("E", "");
	VAL("F", "Test Value");
	VAL("G", "Test Value");
	VAL("H", "");
	RUN_NOENV("RESULT=${UNSET_VAR:?Test error}");
	REFUSED("required variable UNSET_VAR is missing a value: Test error");
	RUN_NOENV("EMPTY_VAR=\nRESULT=${EMPTY_VAR:?Test error}");
	REFUSED("required variable EMPTY_VAR is missing a value: Test error");
	RUN_NOENV("RESULT=${UNSET_VAR?}");
	REFUSED("required variable UNSET_VAR is missing a value");
	/* substitutions.env with OPTION_A=5 in the environment. */
	RUN("OPTION_A=1\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\n"
	    "OPTION_D=${OPTION_A}_${OPTION_B}\n"
	    "OPTION_E=${OPTION_NOT_DEFINED}\n");
	VAL("OPTION_A", "1");
	VAL("OPTION_B", "5");
	VAL("OPTION_C", "5");
	VAL("OPTION_D", "5_5");
	VAL("OPTION_E", "");
	RUN_NOENV("OPTION_A=1\nOPTION_B=${OPTION_A}\nOPTION_D=$OPTION_A"
	    "_${OPTION_B}\n");
	VAL("OPTION_D", "1");	/* $OPTION_A_ is one (unset) name */
	RUN_NOENV("OPTION_A=1\nOPTION_D=${OPTION_A}_${OPTION_A}\n");
	VAL("OPTION_D", "1_1");
}

static void
test_interpolation(void)
{
	RUN("A=${X:+alt}|${FROM_ENV:+alt}|${EMPTY_ENV:+alt}|${EMPTY_ENV+alt}");
	VAL("A", "|alt||alt");
	RUN("A=${X:-${FROM_ENV}}!\nB=${X:-a}${X:-b}\n");
	VAL("A", "value-from-process-env!");
	VAL("B", "ab");
	RUN("A=$$x\nB=cost$5\nC=a$\nD=$-x\n");
	VAL("A", "$x");
	VAL("B", "cost$5");
	VAL("C", "a$");
	VAL("D", "$-x");
	RUN("A=\"${FROM_ENV}\"\nB='${FROM_ENV}'\n");
	VAL("A", "value-from-process-env");
	VAL("B", "${FROM_ENV}");
	RUN("A=sk-${X\nB=1\n");			/* malformed ${ */
	REFUSED("Invalid template");
	RUN("A=${X:x}\n");
	REFUSED("Invalid template");
	RUN("A=${}\n");
	REFUSED("Invalid template");
	RUN("FROM_ENV=file\nB=$FROM_ENV\n");	/* environment first */
	VAL("B", "value-from-process-env");
	VAL("FROM_ENV", "file");
	RUN("B=$LATER\nLATER=x\n");		/* only earlier lines */
	VAL("B", "");
	RUN("A=$FROM_ENV$NOPE|${NOPE}|$NOPE\n");	/* unset after set */
	VAL("A", "value-from-process-env||");
}

static void
test_statements(void)
{
	RUN("A=\"v\"xyz\nFROM_ENV2=1\n");	/* xyz: next statement */
	VAL("A", "v");
	UNSET("xyz");
	CHECK_INT(1, L.ndropped);
	RUN("A=\"v\"FROM_ENV\n");
	VAL("FROM_ENV", "value-from-process-env");
	CHECK_INT(5, L.v[1].offset);
	RUN("A=\"v\";\n");
	REFUSED("line 1: unexpected character \";\" in variable name");
	RUN("A=sk-abc \t# c\nB=x\t# c\nC= # c\nD=#c\nE=x  # c\n");
	VAL("A", "sk-abc \t# c");		/* only " #" cuts */
	VAL("B", "x\t# c");
	VAL("C", "# c");
	VAL("D", "#c");
	VAL("E", "x");
	RUN("A='line1\nline2'\nB=\"x\ny\"\n");
	VAL("A", "line1\nline2");
	VAL("B", "x\ny");
	RUN("KEY: sk-abc\nK2:sk-def\n");
	VAL("KEY", "sk-abc");
	VAL("K2", "sk-def");
	RUN("A=1\nA=2\n");
	VAL("A", "2");
	CHECK_INT(2, L.n);
}

static void
test_names(void)
{
	RUN("FROM_ENV\nNOPE\n");
	VAL("FROM_ENV", "value-from-process-env");
	UNSET("NOPE");
	RUN_NOENV("FROM_ENV\n");
	UNSET("FROM_ENV");
	RUN("LAST");				/* name-only at EOF */
	VAL("", "LAST");
	RUN("A B=1\n");
	REFUSED("line 1: key cannot contain a space");
	RUN("# x\n\nEXPORT A=1\n");
	REFUSED("line 3: key cannot contain a space");
	RUN("A=1\n\xe2\x80\x8b" "B=2\n");
	REFUSED("line 2: unexpected character \"\\u200b\" in variable name");
	CHECK_INT(4, L.error_offset);
	RUN("A=1\n\xef\xbb\xbf" "B=2\n");
	REFUSED("line 2: unexpected character \"\\ufeff\" in variable name");
	RUN("\"KEY\"=1\n");
	REFUSED("line 1: unexpected character \"\\\"\" in variable name");
	RUN("A\xff=1\n");
	REFUSED("line 1: unexpected character \"\xef\xbf\xbd\" in variable "
	    "name");
	RUN("\xe2\x80\x9cK\xe2\x80\x9d=1\n");
	REFUSED("line 1: unexpected character \"\xe2\x80\x9c\" in variable "
	    "name");
	RUN("A\xc2\xa0=1\nB\xc2\xa0" "C=2\nD[0].x-y=3\n\xd0\x90=4\nE\tF=5\n");
	VAL("A", "1");				/* NBSP let through, trimmed */
	VAL("B\xc2\xa0" "C", "2");
	VAL("D[0].x-y", "3");
	VAL("\xd0\x90", "4");			/* Cyrillic A */
	VAL("E\tF", "5");
	RUN("export\nexport");			/* "" inherits, "" = export */
	VAL("", "export");
	RUN("export ");
	REFUSED("zero length string");
}

static void
test_bytes(void)
{
	RUN("\xef\xbb\xbf" "A=1\n");
	VAL("A", "1");
	CHECK_INT(3, L.v[0].offset);
	RUN("A=1\r\nB=\"x\r\ny\"\r\n");
	VAL("A", "1");
	VAL("B", "x\r\ny");
	RUN("A=1\rB=2\r");			/* bare CR: one value */
	VAL("A", "1\rB=2");
	UNSET("B");
	RUN("\xc2\xa0 A=1\n\xe3\x80\x80" "B=2\n");
	VAL("A", "1");
	VAL("B", "2");
	RUN("A=sk\xc2\xa0\nB=sk\xe2\x80\x8b\n");	/* NBSP trimmed */
	VAL("A", "sk");
	VAL("B", "sk\xe2\x80\x8b");
	RUN("A=a\xff" "b\nB=\xe2\x82" "c\nC=\"\\0377\"\n");
	VAL("A", "a\xef\xbf\xbd" "b");
	VAL("B", "\xef\xbf\xbd\xef\xbf\xbd" "c");	/* per byte */
	VAL("C", "\xc3\xbf");
}

/* Linear time and bounded memory on hostile input. */
static void
test_large(void)
{
	size_t m = 150000, n = 2 + 7 * m;
	char *s = xmalloc(n);

	memcpy(s, "K=", 2);
	for (size_t i = 0; i < m; i++)
		memcpy(s + 2 + 7 * i, "${A:-x}", 7);
	lt_run(s, n, true);
	CHECK_INT(m, L.n == 1 ? L.v[0].value_len : 0);
	/* ${A:-${A:-${A:-...}}} nested past any sane depth. */
	for (size_t i = 0; i < m; i++)
		memcpy(s + 2 + 5 * i, "${A:-", 5);
	memset(s + 2 + 5 * m, '}', n - 2 - 5 * m);
	lt_run(s, n, true);
	CHECK(L.refused);
	for (size_t i = 0; i < n; i++)
		s[i] = i % 2 ? '=' : 'A';
	lt_run(s, n, true);
	CHECK_INT(n - 2, L.v[0].value_len);
	/* A=$A$A line after line doubles: compose would run out of memory,
	 * we refuse the file. */
	memcpy(s, "A=x\n", 4);
	for (m = 0; m < 40; m++)
		memcpy(s + 4 + 7 * m, "A=$A$A\n", 7);
	lt_run(s, 4 + 7 * m, true);
	CHECK(L.refused);
	CHECK_INT(0, L.n);
	free(s);
}

int
main(void)
{
	lt_setup(&loader_compose, env);
	test_go_parsing();
	test_go_misc();
	test_go_expansion();
	test_interpolation();
	test_statements();
	test_names();
	test_bytes();
	test_large();
	return lt_done();
}
