/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* rcfile: which startup files, and what sh, fish, csh and pam_env lines
 * set, export, unset or comment out, with lines, blocks and quoting. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "rcfile.h"
#include "unit.h"
#include "xalloc.h"

enum { X = 1, C = 2, D = 4, R = 8 };	/* exported, conditional, dynamic,
					   CR LF */

static struct rcfile_list L;

static void
scan(const char *path, const char *text)
{
	rcfile_list_clear(&L);
	rcfile_scan(path, text, strlen(text), &L);
}

/* Checks entry i of the last scan (value NULL: expects none). */
static void
expect(int line, size_t i, enum rcfile_kind kind, enum rcfile_form form,
    const char *name, const char *value, unsigned lno, unsigned flags)
{
	const struct rcfile_entry *e = &L.v[i];
	const char *f = __FILE__;

	unit_true(i < L.n, "entry exists", f, line);
	if (i >= L.n)
		return;
	unit_long(kind, e->kind, "kind", f, line);
	unit_long(form, e->form, "form", f, line);
	unit_mem(name, strlen(name), e->name, strlen(e->name), "name", f,
	    line);
	unit_mem(value, value ? strlen(value) : 0, e->value,
	    e->value ? strlen(e->value) : 0, "value", f, line);
	unit_long(lno, e->line, "line", f, line);
	unit_long(!!(flags & X), e->exported, "exported", f, line);
	unit_long(!!(flags & C), e->conditional, "conditional", f, line);
	unit_long(!!(flags & D), e->dynamic, "dynamic", f, line);
	unit_long(!!(flags & R), e->cr, "cr", f, line);
}

#define EXPECT(...)	expect(__LINE__, __VA_ARGS__)
#define SET		RCFILE_SET
#define ONLY		RCFILE_EXPORT_ONLY
#define UNSET		RCFILE_UNSET
#define COMM		RCFILE_COMMENTED
#define F_EXP		RCFILE_FORM_EXPORT
#define F_ASG		RCFILE_FORM_ASSIGN
#define F_DCL		RCFILE_FORM_DECLARE
#define F_FISH		RCFILE_FORM_FISH_SET
#define F_SETENV	RCFILE_FORM_SETENV
#define F_ENV		RCFILE_FORM_ENVIRONMENT
#define F_UNSET		RCFILE_FORM_UNSET

static void
test_forms(void)
{
	scan("/h/.bashrc",
	    "# my settings\n"
	    "export OPENAI_API_KEY=\"sk-proj-abc\"\n"
	    "OPENAI_BASE_URL='https://x/v1'\n"
	    "export OPENAI_BASE_URL\n"
	    "PATH=$PATH:/x\n"
	    "export A=1 OPENAI_ORG_ID=org-1 OPENAI_PROJECT=p\\ 1\n"
	    "declare -x OPENAI_X=1\n"
	    "typeset OPENAI_Y=2\n"
	    "export HOME_DIR=/x OPENAI_Z='a'\"b\"c\n"
	    "export OPENAI_T=$'sk\\tx'\n");
	CHECK_INT(9, L.n);
	EXPECT(0, SET, F_EXP, "OPENAI_API_KEY", "sk-proj-abc", 2, X);
	EXPECT(1, SET, F_ASG, "OPENAI_BASE_URL", "https://x/v1", 3, X);
	EXPECT(2, ONLY, F_EXP, "OPENAI_BASE_URL", NULL, 4, X);
	EXPECT(3, SET, F_EXP, "OPENAI_ORG_ID", "org-1", 6, X);
	EXPECT(4, SET, F_EXP, "OPENAI_PROJECT", "p 1", 6, X);
	EXPECT(5, SET, F_DCL, "OPENAI_X", "1", 7, X);
	EXPECT(6, SET, F_DCL, "OPENAI_Y", "2", 8, 0);
	EXPECT(7, SET, F_EXP, "OPENAI_Z", "abc", 9, X);
	EXPECT(8, SET, F_EXP, "OPENAI_T", "sk\tx", 10, X);
	CHECK_STR("/h/.bashrc", L.v[0].path);
}

static void
test_export_order(void)
{
	scan("/h/.profile",
	    "export OPENAI_API_KEY\n"
	    "OPENAI_API_KEY=sk-1\n"
	    "unset OPENAI_API_KEY OTHER\n"
	    "OPENAI_API_KEY=sk-2\n"
	    "OPENAI_A=1 OPENAI_B=2\n"
	    "OPENAI_API_KEY=sk-3 python app.py\n"
	    "export -n OPENAI_A\n"
	    "unset -f OPENAI_B\n"
	    "export -f OPENAI_C\n"
	    "OPENAI_C=3\n"
	    "typeset -x OPENAI_C\n"
	    "declare OPENAI_C\n");
	CHECK_INT(8, L.n);
	EXPECT(0, ONLY, F_EXP, "OPENAI_API_KEY", NULL, 1, X);
	EXPECT(1, SET, F_ASG, "OPENAI_API_KEY", "sk-1", 2, X);
	EXPECT(2, UNSET, F_UNSET, "OPENAI_API_KEY", NULL, 3, 0);
	EXPECT(3, SET, F_ASG, "OPENAI_API_KEY", "sk-2", 4, 0);
	EXPECT(4, SET, F_ASG, "OPENAI_A", "1", 5, 0);
	EXPECT(5, SET, F_ASG, "OPENAI_B", "2", 5, 0);
	EXPECT(6, SET, F_ASG, "OPENAI_C", "3", 10, X);
	EXPECT(7, ONLY, F_DCL, "OPENAI_C", NULL, 11, X);
}

static void
test_conditional(void)
{
	scan("/h/.zshrc",
	    "if [ -f ~/.key ]; then\n"			/* 1 */
	    "  export OPENAI_API_KEY=a\n"
	    "fi\n"
	    "export OPENAI_API_KEY=b\n"
	    "case \"$HOST\" in\n"			/* 5 */
	    "  work) export OPENAI_API_KEY=c ;;\n"
	    "  home|lab)\n"
	    "    export OPENAI_API_KEY=d\n"
	    "    ;;\n"
	    "esac\n"					/* 10 */
	    "load_key() {\n"
	    "  export OPENAI_API_KEY=e\n"
	    "}\n"
	    "function other {\n"
	    "  if true; then\n"			/* 15 */
	    "    for x in 1 2; do\n"
	    "      export OPENAI_API_KEY=f\n"
	    "    done\n"
	    "  fi\n"
	    "  local OPENAI_API_KEY=g\n"		/* 20 */
	    "}\n"
	    "{ export OPENAI_API_KEY=h; }\n"
	    "[ -n \"$x\" ] && export OPENAI_API_KEY=i\n"
	    "( export OPENAI_API_KEY=j )\n"
	    "while false; do export OPENAI_API_KEY=k; done\n"	/* 25 */
	    "export OPENAI_API_KEY=l\n"
	    "if true; then export OPENAI_API_KEY=m; fi\n"
	    "true ||\n"
	    "  export OPENAI_API_KEY=n\n"
	    "f()\n"					/* 30 */
	    "{\n"
	    "  (cd /tmp; OPENAI_API_KEY=o)\n"
	    "}\n"
	    "export OPENAI_API_KEY=p\n");
	CHECK_INT(16, L.n);
	EXPECT(0, SET, F_EXP, "OPENAI_API_KEY", "a", 2, X | C);
	EXPECT(1, SET, F_EXP, "OPENAI_API_KEY", "b", 4, X);
	EXPECT(2, SET, F_EXP, "OPENAI_API_KEY", "c", 6, X | C);
	EXPECT(3, SET, F_EXP, "OPENAI_API_KEY", "d", 8, X | C);
	EXPECT(4, SET, F_EXP, "OPENAI_API_KEY", "e", 12, X | C);
	EXPECT(5, SET, F_EXP, "OPENAI_API_KEY", "f", 17, X | C);
	EXPECT(6, SET, F_DCL, "OPENAI_API_KEY", "g", 20, X | C);
	EXPECT(7, SET, F_EXP, "OPENAI_API_KEY", "h", 22, X);
	EXPECT(8, SET, F_EXP, "OPENAI_API_KEY", "i", 23, X | C);
	EXPECT(9, SET, F_EXP, "OPENAI_API_KEY", "j", 24, X | C);
	EXPECT(10, SET, F_EXP, "OPENAI_API_KEY", "k", 25, X | C);
	EXPECT(11, SET, F_EXP, "OPENAI_API_KEY", "l", 26, X);
	EXPECT(12, SET, F_EXP, "OPENAI_API_KEY", "m", 27, X | C);
	EXPECT(13, SET, F_EXP, "OPENAI_API_KEY", "n", 29, X | C);
	EXPECT(14, SET, F_ASG, "OPENAI_API_KEY", "o", 32, X | C);
	EXPECT(15, SET, F_EXP, "OPENAI_API_KEY", "p", 34, X);

	/* a stray closer does not make the rest conditional, nor fail */
	scan("/h/.bashrc", "fi\ndone\n}\n)\nexport OPENAI_API_KEY=z\n");
	CHECK_INT(1, L.n);
	EXPECT(0, SET, F_EXP, "OPENAI_API_KEY", "z", 5, X);
}

static void
test_dynamic(void)
{
	scan("/p/.envrc",
	    "export OPENAI_API_KEY=$(cat ~/.openai)\n"
	    "export OPENAI_API_KEY=\"`pass show openai`\"\n"
	    "export OPENAI_API_KEY=\"$OPENAI_KEY_WORK\"\n"
	    "export OPENAI_API_KEY=${OPENAI_API_KEY:-sk-default}\n"
	    "export OPENAI_API_KEY='$(not run)'\n"
	    "OPENAI_API_KEY+=x\n"
	    "OPENAI_KEYS=(a b)\n"
	    "export OPENAI_API_KEY=\"sk-$1\"\n"
	    "export OPENAI_API_KEY=\"cost \\$5\"\n");
	CHECK_INT(9, L.n);
	EXPECT(0, SET, F_EXP, "OPENAI_API_KEY", "$(cat ~/.openai)", 1, X | D);
	EXPECT(1, SET, F_EXP, "OPENAI_API_KEY", "\"`pass show openai`\"", 2,
	    X | D);
	EXPECT(2, SET, F_EXP, "OPENAI_API_KEY", "\"$OPENAI_KEY_WORK\"", 3,
	    X | D);
	EXPECT(3, SET, F_EXP, "OPENAI_API_KEY", "${OPENAI_API_KEY:-sk-default}",
	    4, X);
	EXPECT(4, SET, F_EXP, "OPENAI_API_KEY", "$(not run)", 5, X);
	EXPECT(5, SET, F_ASG, "OPENAI_API_KEY", "x", 6, X | D);
	EXPECT(6, SET, F_ASG, "OPENAI_KEYS", "(a b)", 7, D);
	EXPECT(7, SET, F_EXP, "OPENAI_API_KEY", "\"sk-$1\"", 8, X | D);
	EXPECT(8, SET, F_EXP, "OPENAI_API_KEY", "cost $5", 9, X);
}

static void
test_commented(void)
{
	scan("/h/.bash_profile",
	    "# export OPENAI_API_KEY=sk-old\n"
	    "#OPENAI_API_KEY=\"sk-older\"\n"
	    "export OPENAI_API_KEY=sk-new # export OPENAI_API_KEY=sk-x\n"
	    "echo hi # was: export OPENAI_API_KEY=sk-prose\n"
	    "# just a comment about OPENAI_API_KEY\n"
	    "# unset OPENAI_API_KEY\n"
	    "## export OPENAI_ORG_ID='org-1' # twice\n"
	    "if true; then\n"
	    "  # export OPENAI_API_KEY=sk-in-if\n"
	    "fi\n");
	CHECK_INT(6, L.n);
	EXPECT(0, COMM, F_EXP, "OPENAI_API_KEY", "sk-old", 1, X);
	EXPECT(1, COMM, F_ASG, "OPENAI_API_KEY", "sk-older", 2, 0);
	EXPECT(2, SET, F_EXP, "OPENAI_API_KEY", "sk-new", 3, X);
	EXPECT(3, COMM, F_EXP, "OPENAI_API_KEY", "sk-x", 3, X);
	EXPECT(4, COMM, F_EXP, "OPENAI_ORG_ID", "org-1", 7, X);
	EXPECT(5, COMM, F_EXP, "OPENAI_API_KEY", "sk-in-if", 9, X | C);
}

static void
test_lines(void)
{
	scan("/h/.bashrc",
	    "export \\\n"
	    "  OPENAI_API_KEY=sk-cont \\\n"
	    "  OPENAI_ORG_ID=org\n"
	    "export OPENAI_BASE_URL=https://a\\\n"
	    "b\n"
	    "export OPENAI_PROJECT=\"multi\n"
	    "line\"\n"
	    "export OPENAI_X=after\n");
	CHECK_INT(5, L.n);
	EXPECT(0, SET, F_EXP, "OPENAI_API_KEY", "sk-cont", 2, X);
	EXPECT(1, SET, F_EXP, "OPENAI_ORG_ID", "org", 3, X);
	EXPECT(2, SET, F_EXP, "OPENAI_BASE_URL", "https://ab", 4, X);
	EXPECT(3, SET, F_EXP, "OPENAI_PROJECT", "multi\nline", 6, X);
	EXPECT(4, SET, F_EXP, "OPENAI_X", "after", 8, X);

	scan("/h/.bashrc",
	    "export OPENAI_API_KEY=sk-crlf\r\n"
	    "if true; then\r\n"
	    "  export OPENAI_ORG_ID=\"o\"\r\n"
	    "fi\r\n"
	    "export OPENAI_PROJECT=p \\\r\n"
	    "  OPENAI_X=x\r\n");
	CHECK_INT(4, L.n);
	EXPECT(0, SET, F_EXP, "OPENAI_API_KEY", "sk-crlf", 1, X | R);
	EXPECT(1, SET, F_EXP, "OPENAI_ORG_ID", "o", 3, X | C | R);
	EXPECT(2, SET, F_EXP, "OPENAI_PROJECT", "p", 5, X);
	EXPECT(3, SET, F_EXP, "OPENAI_X", "x", 6, X | R);

	scan("/h/.bashrc",
	    "cat > ~/.env <<EOF\n"
	    "OPENAI_API_KEY=sk-heredoc\n"
	    "EOF\n"
	    "cat <<-'END' >/dev/null\n"
	    "\texport OPENAI_API_KEY=sk-h2\n"
	    "\tEND\n"
	    "export OPENAI_API_KEY=sk-real 2>/dev/null\n"
	    "export OPENAI_API_KEY=\"sk-unterminated");
	CHECK_INT(2, L.n);
	EXPECT(0, SET, F_EXP, "OPENAI_API_KEY", "sk-real", 7, X);
	EXPECT(1, SET, F_EXP, "OPENAI_API_KEY", "sk-unterminated", 8, X);
}

static void
test_irrelevant(void)
{
	scan("/h/.bashrc",
	    "export FOO=1\nPATH=/x\nunset BAR\nexport HOME\n"
	    "# export ANTHROPIC_API_KEY=x\n"
	    "echo OPENAI_API_KEY=sk-echo\n"
	    "set OPENAI_API_KEY=sk-positional\n"
	    "\"OPENAI_API_KEY=sk-quoted-name\"\n");
	CHECK_INT(0, L.n);
	/* near misses and lowercase count */
	scan("/h/.bashrc", "export OPENAI_KEY=a\nexport openai_api_key=b\n"
	    "export VITE_OPENAI_API_KEY=c\n");
	CHECK_INT(3, L.n);
	scan("/h/.bashrc", "");
	CHECK_INT(0, L.n);
}

static void
test_fish(void)
{
	scan("/h/.config/fish/config.fish",
	    "set -gx OPENAI_API_KEY sk-fish\n"
	    "set -Ux OPENAI_ORG_ID org-u\n"
	    "set OPENAI_PROJECT proj\n"
	    "set -x OPENAI_BASE_URL \"https://a\" 'b c'\n"
	    "if status is-interactive\n"			/* 5 */
	    "    set -gx OPENAI_API_KEY sk-inner\n"
	    "    function f\n"
	    "        set -gx OPENAI_API_KEY sk-func\n"
	    "    end\n"
	    "    set -gx OPENAI_API_KEY sk-after-func\n"	/* 10 */
	    "end\n"
	    "set -gx OPENAI_API_KEY (cat ~/.key)\n"
	    "set -e OPENAI_ORG_ID\n"
	    "set --erase OPENAI_PROJECT\n"
	    "# set -gx OPENAI_API_KEY sk-commented\n"		/* 15 */
	    "test -f x; and set -gx OPENAI_API_KEY sk-and\n"
	    "set -q OPENAI_API_KEY\n"
	    "switch $x\n"
	    "    case a\n"
	    "        set -gx OPENAI_API_KEY sk-case\n"		/* 20 */
	    "end\n"
	    "set -gx OPENAI_API_KEY 'it\\'s' \"$HOME\"\n"
	    "set -gx OPENAI_API_KEY \"sk-$OPENAI_API_KEY\"\n"
	    "OPENAI_API_KEY=sk-bare\n"
	    "begin; set -gx OPENAI_X 1; end\n"		/* 25 */
	    "set -g OPENAI_API_KEY sk-still-exported\n");
	CHECK_INT(17, L.n);
	EXPECT(0, SET, F_FISH, "OPENAI_API_KEY", "sk-fish", 1, X);
	EXPECT(1, SET, F_FISH, "OPENAI_ORG_ID", "org-u", 2, X);
	EXPECT(2, SET, F_FISH, "OPENAI_PROJECT", "proj", 3, 0);
	EXPECT(3, SET, F_FISH, "OPENAI_BASE_URL", "https://a b c", 4, X);
	EXPECT(4, SET, F_FISH, "OPENAI_API_KEY", "sk-inner", 6, X | C);
	EXPECT(5, SET, F_FISH, "OPENAI_API_KEY", "sk-func", 8, X | C);
	EXPECT(6, SET, F_FISH, "OPENAI_API_KEY", "sk-after-func", 10, X | C);
	EXPECT(7, SET, F_FISH, "OPENAI_API_KEY", "(cat ~/.key)", 12, X | D);
	EXPECT(8, UNSET, F_FISH, "OPENAI_ORG_ID", NULL, 13, 0);
	EXPECT(9, UNSET, F_FISH, "OPENAI_PROJECT", NULL, 14, 0);
	EXPECT(10, COMM, F_FISH, "OPENAI_API_KEY", "sk-commented", 15, X);
	EXPECT(11, SET, F_FISH, "OPENAI_API_KEY", "sk-and", 16, X | C);
	EXPECT(12, SET, F_FISH, "OPENAI_API_KEY", "sk-case", 20, X | C);
	EXPECT(13, SET, F_FISH, "OPENAI_API_KEY", "'it\\'s' \"$HOME\"", 22,
	    X | D);
	EXPECT(14, SET, F_FISH, "OPENAI_API_KEY", "sk-$OPENAI_API_KEY", 23,
	    X);
	EXPECT(15, SET, F_FISH, "OPENAI_X", "1", 25, X);
	EXPECT(16, SET, F_FISH, "OPENAI_API_KEY", "sk-still-exported", 26, X);

	scan("/h/.config/fish/config.fish",
	    "if true\n"
	    "else if false\n"
	    "  set -gx OPENAI_API_KEY a\n"
	    "end\n"
	    "set -gx OPENAI_API_KEY 'it\\'s'\n");
	CHECK_INT(2, L.n);
	EXPECT(0, SET, F_FISH, "OPENAI_API_KEY", "a", 3, X | C);
	EXPECT(1, SET, F_FISH, "OPENAI_API_KEY", "it's", 5, X);
}

static void
test_setenv(void)
{
	scan("/h/.cshrc",
	    "setenv OPENAI_API_KEY \"sk-csh\"\n"
	    "unsetenv OPENAI_API_KEY\n"
	    "setenv OPENAI_ORG_ID\n"
	    "setenv PATH /bin\n");
	CHECK_INT(3, L.n);
	EXPECT(0, SET, F_SETENV, "OPENAI_API_KEY", "sk-csh", 1, X);
	EXPECT(1, UNSET, F_SETENV, "OPENAI_API_KEY", NULL, 2, 0);
	EXPECT(2, SET, F_SETENV, "OPENAI_ORG_ID", "", 3, X);
}

static void
test_environment(void)
{
	scan("/etc/environment",
	    "PATH=\"/usr/bin\"\n"
	    "OPENAI_API_KEY=\"sk-env\"\n"
	    "export OPENAI_ORG_ID='org-e'\n"
	    "  OPENAI_PROJECT=p1 # note\n"
	    "#OPENAI_BASE_URL=https://old\n"		/* 5 */
	    "OPENAI_X\n"
	    "OPENAI_Y=\"ab\\\n"
	    "cd\"\n"
	    "OPENAI_Z=z\r\n"
	    "OPENAI_Q=\"half\n"				/* 10 */
	    "OPENAI_S=$HOME/x\n"
	    "OPENAI BAD=1\n");
	CHECK_INT(9, L.n);
	EXPECT(0, SET, F_ENV, "OPENAI_API_KEY", "sk-env", 2, X);
	EXPECT(1, SET, F_ENV, "OPENAI_ORG_ID", "org-e", 3, X);
	EXPECT(2, SET, F_ENV, "OPENAI_PROJECT", "p1 ", 4, X);
	EXPECT(3, COMM, F_ENV, "OPENAI_BASE_URL", "https://old", 5, X);
	EXPECT(4, UNSET, F_ENV, "OPENAI_X", NULL, 6, 0);
	EXPECT(5, SET, F_ENV, "OPENAI_Y", "abcd", 7, X);
	EXPECT(6, SET, F_ENV, "OPENAI_Z", "z", 9, X | R);
	EXPECT(7, SET, F_ENV, "OPENAI_Q", "half", 10, X);
	EXPECT(8, SET, F_ENV, "OPENAI_S", "$HOME/x", 11, X);
}

static void
test_paths(void)
{
	static const char *const want[] = { "/h/.bashrc", "/h/.bash_profile",
	    "/h/.bash_login", "/h/.profile", "/h/.zshenv", "/h/.zprofile",
	    "/h/.zshrc", "/h/.zlogin", "/h/.config/fish/config.fish",
	    "/etc/environment", "/etc/profile", "/p/.envrc", NULL };
	char **v = rcfile_paths("/h", NULL, "/p");
	size_t n = 0;

	for (; v[n] != NULL && want[n] != NULL; n++)
		CHECK_STR(want[n], v[n]);
	CHECK(v[n] == NULL && want[n] == NULL);
	xfree_strv(v);

	v = rcfile_paths("/h", "/x", NULL);
	CHECK_STR("/x/fish/config.fish", v[8]);
	CHECK_STR("/etc/profile", v[10]);
	CHECK(v[11] == NULL);
	xfree_strv(v);
	v = rcfile_paths("/h", "", NULL);
	CHECK_STR("/h/.config/fish/config.fish", v[8]);
	xfree_strv(v);
	v = rcfile_paths("/h", "relative", NULL);
	CHECK_STR("/h/.config/fish/config.fish", v[8]);
	xfree_strv(v);
	xfree_strv(NULL);

	CHECK_INT(RCFILE_FISH, rcfile_dialect("/h/.config/fish/config.fish"));
	CHECK_INT(RCFILE_PAM, rcfile_dialect("/etc/environment"));
	CHECK_INT(RCFILE_SH, rcfile_dialect("/h/.bashrc"));
	CHECK_INT(RCFILE_SH, rcfile_dialect(".envrc"));
	CHECK_INT(RCFILE_SH, rcfile_dialect("fish"));
	CHECK_STR("fish-set", rcfile_form_name(RCFILE_FORM_FISH_SET));
	CHECK_STR("environment", rcfile_form_name(RCFILE_FORM_ENVIRONMENT));
	CHECK_STR("", rcfile_form_name(RCFILE_FORM_COUNT));
}

/* Several files in one list: each keeps its own path and exports. */
static void
test_two_files(void)
{
	const char *a = "OPENAI_API_KEY=a\n", *b = "export OPENAI_API_KEY\n";

	rcfile_list_clear(&L);
	rcfile_scan("/h/.bashrc", a, strlen(a), &L);
	rcfile_scan("/h/.profile", b, strlen(b), &L);
	CHECK_INT(2, L.n);
	EXPECT(0, SET, F_ASG, "OPENAI_API_KEY", "a", 1, 0);
	EXPECT(1, ONLY, F_EXP, "OPENAI_API_KEY", NULL, 1, X);
	CHECK_STR("/h/.profile", L.v[1].path);
}

int
main(void)
{
	rcfile_list_init(&L);
	test_forms();
	test_export_order();
	test_conditional();
	test_dynamic();
	test_commented();
	test_lines();
	test_irrelevant();
	test_fish();
	test_setenv();
	test_environment();
	test_paths();
	test_two_files();
	rcfile_list_clear(&L);
	rcfile_list_clear(&L);
	return unit_done();
}
