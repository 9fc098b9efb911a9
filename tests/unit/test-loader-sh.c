/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* sh (dash 0.5.12) running "set -a; . ./.env" with an empty PATH.  Every
 * expectation in the table was checked against the real dash with
 *   env -i PATH=/empty HOME=/tmp FROM_ENV=value-from-process-env \
 *       /bin/dash -c 'set -a; . ./f; /usr/bin/env -0'
 * including whether dash read the file to its end. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "loader-test.h"

/* The environment the expectations were taken in. */
static const char *const env[] = {
	"FROM_ENV=value-from-process-env",
	"HOME=/tmp",
	NULL
};

static const struct lt_case cases[] = {
	{ CASE("plain assignments"),
	    IN("A=1\nB=sk-abc\n"), .b = {
		WANT("A", "1"),
		WANT("B", "sk-abc"),
	} },
	{ CASE("no final newline"),
	    IN("A=1\nB=2"), .b = {
		WANT("A", "1"),
		WANT("B", "2"),
	} },
	{ CASE("empty value"),
	    IN("A=\nB=''\nC=\"\"\n"), .b = {
		WANT("A", ""),
		WANT("B", ""),
		WANT("C", ""),
	} },
	{ CASE("single quotes are literal"),
	    IN("A='sk $B \\n \"x\"'\n"), .b = {
		WANT("A", "sk $B \\n \"x\""),
	} },
	{ CASE("double quotes: only $ ` \" \\ escape"),
	    IN("A=\"a\\$b\\\\c\\\"d\\ne\\x\"\n"), .b = {
		WANT("A", "a$b\\c\"d\\ne\\x"),
	} },
	{ CASE("quoted parts join"),
	    IN("A=a'b c'\"d e\"f\n"), .b = {
		WANT("A", "ab cd ef"),
	} },
	{ CASE("unquoted value ends at a blank: the rest is a command"),
	    IN("KEY=Bearer sk-x\nB=2\n"), .b = {
		GONE("KEY"),
		WANT("B", "2"),
	} },
	{ CASE("spaces around = run a command"),
	    IN("KEY = v\nKEY2 =v\nKEY3= v\n"), .b = {
		GONE("KEY"),
		GONE("KEY2"),
		GONE("KEY3"),
	} },
	{ CASE("YAML style runs a command"),
	    IN("KEY: v\nK2:v\n"), .b = {
		GONE("KEY"),
		GONE("K2"),
	} },
	{ CASE("export"),
	    IN("export A=1\nexport  B=\"2 3\"\nexport C D=4\n"), .b = {
		WANT("A", "1"),
		WANT("B", "2 3"),
		GONE("C"),
		WANT("D", "4"),
	} },
	{ CASE("export takes NAME=$X unsplit"),
	    IN("X='a b'\nexport A=$X\n"), .b = {
		WANT("A", "a b"),
	} },
	{ CASE("export with a bad name ends the script"),
	    IN("A=1\nexport KEY = v\nB=2\n"), .b = {
		WANT("A", "1"),
		GONE("KEY"),
		GONE("B"),
	}, .truncated = true },
	{ CASE("comments"),
	    IN("# c\n"
	    "A=1 # c\n"
	    "B=2#x\n"
	    "C= # c\n"
	    "  # indented\n"
	    "D=x\t# tab\n"), .b = {
		WANT("A", "1"),
		WANT("B", "2#x"),
		WANT("C", ""),
		WANT("D", "x"),
	} },
	{ CASE("CRLF puts CR in values"),
	    IN("A=1\r\nB=\"q\"\r\n"), .b = {
		WANT("A", "1\r"),
		WANT("B", "q\r"),
	} },
	{ CASE("a CR-only line is a command"),
	    IN("A=1\n\r\nB=2\n"), .b = {
		WANT("A", "1"),
		WANT("B", "2"),
	} },
	{ CASE("bare CR: one long value"),
	    IN("A=1\rB=2\rC=3\r"), .b = {
		WANT("A", "1\rB=2\rC=3\r"),
		GONE("B"),
		GONE("C"),
	} },
	{ CASE("BOM before a name makes it a command"),
	    IN("\xef\xbb\xbf" "A=1\nB=2\n"), .b = {
		GONE("A"),
		WANT("B", "2"),
	} },
	{ CASE("NBSP is not a blank"),
	    IN("\xc2\xa0" "A=1\nB\xc2\xa0=2\nC=3\xc2\xa0\n"), .b = {
		GONE("A"),
		GONE("B"),
		WANT("C", "3\xc2\xa0"),
	} },
	{ CASE("tab is a blank"),
	    IN("\tA=1\nB=2\t\n"), .b = {
		WANT("A", "1"),
		WANT("B", "2"),
	} },
	{ CASE("invalid UTF-8 bytes are kept"),
	    IN("A=\xff\xfe\nB=\xc3x\n"), .b = {
		WANT("A", "\xff\xfe"),
		WANT("B", "\xc3x"),
	} },
	{ CASE("NUL bytes are dropped"),
	    IN("A=a\x00" "b\nB\x00" "C=1\n"), .b = {
		WANT("A", "ab"),
		WANT("BC", "1"),
	} },
	{ CASE("unterminated double quote: syntax error, earlier stays"),
	    IN("A=1\nB=\"open\nC=3\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
		GONE("C"),
	}, .truncated = true },
	{ CASE("unterminated single quote"),
	    IN("A=1\nB='open\nC=3\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
		GONE("C"),
	}, .truncated = true },
	{ CASE("a syntax error drops its whole line"),
	    IN("A=1; B=\"x\n"), .b = {
		GONE("A"),
		GONE("B"),
	}, .truncated = true },
	{ CASE("multi-line quoted values"),
	    IN("A=\"line1\nline2\"\nB='x\ny'\nC=3\n"), .b = {
		WANT("A", "line1\nline2"),
		WANT("B", "x\ny"),
		WANT("C", "3"),
	} },
	{ CASE("line continuation"),
	    IN("A=a\\\nb\nB=1 \\\n C=2\n"), .b = {
		WANT("A", "ab"),
		WANT("B", "1"),
		WANT("C", "2"),
	} },
	{ CASE("backslash at EOF is kept"),
	    IN("A=x\\"), .b = {
		WANT("A", "x\\"),
	} },
	{ CASE("duplicates: last wins"),
	    IN("A=1\nA=2\nB=$A\nA=3\n"), .b = {
		WANT("A", "3"),
		WANT("B", "2"),
	} },
	{ CASE("expansion"),
	    IN("A=${FROM_ENV}\n"
	    "B=${NOPE:-def}\n"
	    "C=${NOPE-d}\n"
	    "D=${A:+alt}\n"
	    "E=${NOPE:=set}\n"
	    "F=$NOPE\n"), .b = {
		WANT("A", "value-from-process-env"),
		WANT("B", "def"),
		WANT("C", "d"),
		WANT("D", "alt"),
		WANT("E", "set"),
		WANT("NOPE", "set"),
		WANT("F", "set"),
	} },
	{ CASE("pattern removal and length"),
	    IN("A=abc.tar.gz\n"
	    "B=${A%.*}\n"
	    "C=${A%%.*}\n"
	    "D=${A#*.}\n"
	    "E=${A##*.}\n"
	    "F=${#A}\n"), .b = {
		WANT("B", "abc.tar"),
		WANT("C", "abc"),
		WANT("D", "tar.gz"),
		WANT("E", "gz"),
		WANT("F", "10"),
	} },
	{ CASE("unset variables expand to nothing"),
	    IN("A=x${NOPE}y$NOPE\n"), .b = {
		WANT("A", "xy"),
	} },
	{ CASE("$ before nothing stays"),
	    IN("A=$\nB=a$\nC=cost$%\n"), .b = {
		WANT("A", "$"),
		WANT("B", "a$"),
		WANT("C", "cost$%"),
	} },
	{ CASE("${X:?} ends the script"),
	    IN("A=1\nB=${NOPE:?msg}\nC=3\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
		GONE("C"),
	}, .truncated = true },
	{ CASE("bad substitution ends the script"),
	    IN("A=1\nB=${X Y}\nC=3\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
		GONE("C"),
	}, .truncated = true },
	{ CASE("command substitution: not found, empty"),
	    IN("A=$(cat key.txt)\nB=`op read x`y\nC=\"a$(x)b\"\n"), .b = {
		WANT("A", ""),
		WANT("B", "y"),
		WANT("C", "ab"),
	} },
	{ CASE("echo is a builtin and runs"),
	    IN("A=`echo sk-abc`\nB=$(echo \"a  b\" c)\n"), .b = {
		WANT("A", "sk-abc"),
		WANT("B", "a  b c"),
	} },
	{ CASE("a syntax error inside $() is one outside"),
	    IN("A=1\nB=$(;)\nC=3\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
		GONE("C"),
	}, .truncated = true },
	{ CASE("assignments before a builtin or command are temporary"),
	    IN("A=1 true\nB=2 echo x\nC=3 :\nD=4 export E=5\n"), .b = {
		GONE("A"),
		GONE("B"),
		WANT("C", "3"),
		WANT("D", "4"),
		WANT("E", "5"),
	} },
	{ CASE("a command word that expands to nothing"),
	    IN("A=1 $NOPE\nB=2 \"\"\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
	} },
	{ CASE("lists"),
	    IN("A=1; B=2\nC=3 && D=4\nfalse || E=5\ntrue || F=6\n"), .b = {
		WANT("A", "1"),
		WANT("B", "2"),
		WANT("C", "3"),
		WANT("D", "4"),
		WANT("E", "5"),
		GONE("F"),
	} },
	{ CASE("pipelines, background and subshells run apart"),
	    IN("A=1 | B=2\nC=3 &\n( D=4 )\n{ E=5; }\n"), .b = {
		GONE("A"),
		GONE("B"),
		GONE("C"),
		GONE("D"),
		WANT("E", "5"),
	} },
	{ CASE("unset"),
	    IN("A=1\n"
	    "unset A\n"
	    "unset FROM_ENV\n"
	    "B=${A-gone}${FROM_ENV-gone}\n"), .b = {
		GONE("A"),
		GONE("FROM_ENV"),
		WANT("B", "gonegone"),
	} },
	{ CASE("set +a stops exporting"),
	    IN("set +a\nA=1\nB=$A\nexport C=3\n"), .b = {
		GONE("A"),
		GONE("B"),
		WANT("C", "3"),
	} },
	{ CASE("set -e ends at a failure"),
	    IN("set -e\nA=1\nnope\nB=2\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
	}, .truncated = true },
	{ CASE("set -u ends at an unset variable"),
	    IN("set -u\nA=${NOPE-x}\nB=$NOPE\nC=3\n"), .b = {
		WANT("A", "x"),
		GONE("B"),
		GONE("C"),
	}, .truncated = true },
	{ CASE("fish and PowerShell lines"),
	    IN("set -gx KEY v\nB=2\n"), .b = {
		GONE("KEY"),
		GONE("B"),
	}, .truncated = true },
	{ CASE("PowerShell syntax is a command"),
	    IN("$env:OPENAI_API_KEY=\"sk-x\"\nB=2\n"), .b = {
		GONE("OPENAI_API_KEY"),
		WANT("B", "2"),
	} },
	{ CASE("declare is not a dash builtin"),
	    IN("declare -x KEY=v\nB=2\n"), .b = {
		GONE("KEY"),
		WANT("B", "2"),
	} },
	{ CASE("readonly"),
	    IN("readonly A=1\nA=2\nB=3\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
	}, .truncated = true },
	{ CASE("tilde"),
	    IN("A=~\nB=~/x:~/y\nC=\"~\"\nD=x~\n"), .b = {
		WANT("A", "/tmp"),
		WANT("B", "/tmp/x:/tmp/y"),
		WANT("C", "~"),
		WANT("D", "x~"),
	} },
	{ CASE("redirections"),
	    IN("A=1 >/dev/null\nB=2 <missing\nC=3 2>&1\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
		WANT("C", "3"),
	} },
	{ CASE("<placeholder> is a syntax error"),
	    IN("A=1\nKEY=<your-key>\nB=2\n"), .b = {
		WANT("A", "1"),
		GONE("KEY"),
		GONE("B"),
	}, .truncated = true },
	{ CASE("quoted name is a command"),
	    IN("\"A\"=1\n'B'=2\nC=3\n"), .b = {
		GONE("A"),
		GONE("B"),
		WANT("C", "3"),
	} },
	{ CASE("names"),
	    IN("lower=1\n_x=2\nA1=3\n1A=4\nA-B=5\nA.B=6\n"), .b = {
		WANT("lower", "1"),
		WANT("_x", "2"),
		WANT("A1", "3"),
	} },
	{ CASE("exit ends the file"),
	    IN("A=1\nexit\nB=2\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
	}, .truncated = true },
	{ CASE("a brace alone is a syntax error"),
	    IN("A=1\n}\nB=2\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
	}, .truncated = true },
	{ CASE("A=(...) is a syntax error"),
	    IN("A=1\nB=(1 2)\nC=3\n"), .b = {
		WANT("A", "1"),
		GONE("B"),
		GONE("C"),
	}, .truncated = true },
	{ CASE("special parameters"),
	    IN("A=$#\nnope\nB=$?\nC=$1\n"), .b = {
		WANT("A", "0"),
		WANT("B", "127"),
		WANT("C", ""),
	} },
};

/* Where bindings, dropped commands and the stop point are. */
static void
test_offsets(void)
{
	RUN("A=1\n  export B=2\nKEY = v\nC=\"x\n");
	CHECK_INT(0, L.v[0].offset);
	CHECK_INT(13, L.v[1].offset);
	CHECK_INT(1, L.ndropped);
	CHECK_INT(17, L.dropped[0]);	/* "KEY = v" */
	CHECK(L.truncated);
	CHECK_INT(27, L.truncated_offset);	/* the open quote */
	RUN("A=\0" "1\nB=\"x\0\n");		/* offsets count NULs */
	VAL("A", "1");
	CHECK_INT(1, L.n);
	CHECK_INT(7, L.truncated_offset);
	RUN("KEY=Bearer sk-x\n");
	CHECK_INT(0, L.n);
	CHECK_INT(1, L.ndropped);
	CHECK_INT(0, L.dropped[0]);
}

static void
test_environment(void)
{
	RUN("FROM_ENV\n");			/* a command, not a lookup */
	CHECK_INT(0, L.n);
	CHECK_INT(1, L.ndropped);
	RUN("export FROM_ENV\nA=$FROM_ENV\n");
	VAL("A", "value-from-process-env");
	CHECK_INT(1, L.n);			/* no change, no binding */
	lt_run("A=$FROM_ENV${HOME:-nohome}~\n", 28, false);
	VAL("A", "nohome~");
	RUN("FROM_ENV=new\nA=$FROM_ENV\n");
	VAL("A", "new");
	RUN("unset FROM_ENV\n");
	CHECK_INT(1, L.n);			/* a name-only binding */
	CHECK(L.v[0].value == NULL);
	/* $$ is a PID nobody can predict: it stays visible as "$$". */
	RUN("A=sk-$$x\n");
	VAL("A", "sk-$$x");
}

/* Unsupported constructs: the command is dropped, or reading stops. */
static void
test_unsupported(void)
{
	RUN("A=$((1+2))\nB=2\n");
	NOT_SET("A");
	VAL("B", "2");
	CHECK_INT(1, L.ndropped);
	RUN("if true; then A=1; fi\nB=2\n");
	CHECK(L.truncated);
	NOT_SET("B");
	RUN("cat <<EOF\nA=1\nEOF\n");
	CHECK(L.truncated);
}

/* Linear time and bounded memory on large or hostile input. */
static void
test_large(void)
{
	size_t n = 1 << 20, m = 0;
	char *s = xmalloc(n);

	while (m + 16 <= n) {
		memcpy(s + m, "K=${A:-x}$A\"q\"\n", 15);
		m += 15;
	}
	lt_run(s, m, true);
	CHECK_INT(m / 15, L.n);
	/* A=$A$A line after line doubles: the budget stops it. */
	memcpy(s, "A=x\n", 4);
	for (m = 4; m + 7 <= n; m += 7)
		memcpy(s + m, "A=$A$A\n", 7);
	lt_run(s, m, true);
	CHECK(L.truncated);
	memset(s, '(', n);			/* deep nesting */
	lt_run(s, n, true);
	CHECK(L.truncated);
	for (m = 0; m + 2 <= n; m += 2)
		memcpy(s + m, "$(", 2);
	lt_run(s, m, true);
	CHECK(L.truncated);
	free(s);
}

int
main(void)
{
	lt_setup(&loader_sh, env);
	CHECK_CASES(cases, LT_LAST);
	test_offsets();
	test_environment();
	test_unsupported();
	test_large();
	return lt_done();
}
