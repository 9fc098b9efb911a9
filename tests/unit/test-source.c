/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Which OPENAI_API_KEY each program ends up with: the precedence traps of
 * dotenv-semantics.md section 8. */
#include <config.h>

#include <string.h>

#include "source.h"
#include "unit.h"

#define S(lit)	lit, sizeof(lit) - 1
#define FILEKEY	"sk-proj-FILEfile0123456789abcdFILE"
#define ENVKEY	"sk-proj-ENVenv0123456789abcdefENV"

/* Builds sources from a .env text and optional environment/rc values. */
static void
build(struct sources *s, struct analysis *an, const char *file, size_t len,
    const char *env, const char *rc, bool in_dir)
{
	sources_init(s);
	if (env != NULL)
		sources_add(s, "OPENAI_API_KEY", SOURCE_ENV, NULL, 0, env,
		    strlen(env));
	if (rc != NULL)
		sources_add(s, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.bashrc", 42,
		    rc, strlen(rc));
	memset(an, 0, sizeof *an);
	if (file != NULL) {
		analysis_run(an, file, len, NULL, NULL);
		sources_add_file(s, SOURCE_DOTENV, "/p/.env", an);
	}
	sources_decide(s, file != NULL ? an : NULL, in_dir, false);
}

/* The source kind of consumer c's winner, or -1. */
static int
kind(const struct sources *s, enum consumer c)
{
	return s->winner[c] == NO_WINNER ? -1 : (int)s->c[s->winner[c]].source;
}

static void
test_stale_export(void)
{
	struct sources s;
	struct analysis an;

	/* A stale key exported in the shell, a new one in .env. */
	build(&s, &an, S("OPENAI_API_KEY=" FILEKEY "\n"), ENVKEY, ENVKEY, true);
	CHECK_INT(SOURCE_ENV, kind(&s, CONSUMER_PYTHON));
	CHECK_INT(SOURCE_DOTENV, kind(&s, CONSUMER_PYTHON_OVERRIDE));
	CHECK_INT(SOURCE_ENV, kind(&s, CONSUMER_NODE));
	CHECK_INT(SOURCE_DOTENV, kind(&s, CONSUMER_DOCKER));
	CHECK_INT(SOURCE_DOTENV, kind(&s, CONSUMER_COMPOSE));
	CHECK_INT(SOURCE_RCFILE, kind(&s, CONSUMER_LOGIN_SHELL));
	CHECK_STR("/h/.bashrc", s.c[s.winner[CONSUMER_LOGIN_SHELL]].path);
	sources_free(&s);
	analysis_clear(&an);
}

static void
test_empty_export(void)
{
	struct sources s;
	struct analysis an;

	/* export OPENAI_API_KEY= (empty) still wins for load_dotenv(). */
	build(&s, &an, S("OPENAI_API_KEY=" FILEKEY "\n"), "", NULL, true);
	CHECK_INT(SOURCE_ENV, kind(&s, CONSUMER_PYTHON));
	CHECK_INT(0, s.c[s.winner[CONSUMER_PYTHON]].value_len);
	CHECK_INT(SOURCE_ENV, kind(&s, CONSUMER_NODE));
	CHECK_INT(SOURCE_DOTENV, kind(&s, CONSUMER_PYTHON_OVERRIDE));
	CHECK_INT(-1, kind(&s, CONSUMER_LOGIN_SHELL));
	sources_free(&s);
	analysis_clear(&an);
}

static void
test_parent_dotenv(void)
{
	struct sources s;
	struct analysis an;

	/* .env in a parent: python finds it, npm dotenv (cwd only) not. */
	build(&s, &an, S("OPENAI_API_KEY=" FILEKEY "\n"), NULL, NULL, false);
	CHECK_INT(SOURCE_DOTENV, kind(&s, CONSUMER_PYTHON));
	CHECK_INT(-1, kind(&s, CONSUMER_NODE));
	sources_free(&s);
	analysis_clear(&an);
}

static void
test_refusals_and_lines(void)
{
	struct sources s;
	struct analysis an;

	/* export: docker refuses; the last duplicate wins elsewhere. */
	build(&s, &an, S("OPENAI_API_KEY=old-key-0000000000\n"
	    "export OPENAI_API_KEY=" FILEKEY "\n"), NULL, NULL, true);
	CHECK(s.refused[CONSUMER_DOCKER]);
	CHECK_INT(-1, kind(&s, CONSUMER_DOCKER));
	CHECK_INT(2, s.c[s.winner[CONSUMER_PYTHON]].line);
	CHECK_INT(2, s.c[s.winner[CONSUMER_COMPOSE]].line);
	CHECK(s.c[1].has_loaders && !s.c[1].loaders[LOADER_DOCKER].set);
	CHECK_INT(34, s.c[1].loaders[LOADER_PYTHON].length);
	sources_free(&s);
	analysis_clear(&an);
	/* Invalid UTF-8: python-dotenv crashes, whatever the environment. */
	build(&s, &an, S("OPENAI_API_KEY=" FILEKEY "\xff\n"), ENVKEY, NULL,
	    true);
	CHECK(s.refused[CONSUMER_PYTHON] && s.refused[CONSUMER_PYTHON_OVERRIDE]);
	CHECK_INT(-1, kind(&s, CONSUMER_PYTHON));
	CHECK_INT(SOURCE_ENV, kind(&s, CONSUMER_NODE));
	sources_free(&s);
	analysis_clear(&an);
}

static void
test_pid(void)
{
	struct sources s;

	sources_init(&s);
	sources_add(&s, "OPENAI_API_KEY", SOURCE_ENV, NULL, 0, S(ENVKEY));
	sources_add(&s, "OPENAI_API_KEY", SOURCE_PID, NULL, 0, S(FILEKEY));
	sources_decide(&s, NULL, true, true);
	for (int c = 0; c < CONSUMER_COUNT; c++)
		CHECK_INT(SOURCE_PID, kind(&s, c));
	CHECK_STR("python-dotenv-override",
	    consumer_name(CONSUMER_PYTHON_OVERRIDE));
	sources_free(&s);
}

/* A login shell ends up with the last startup-file value that reaches
 * programs: not one a later unset clears, not one never exported. */
static void
test_login_shell_flags(void)
{
	struct sources s;
	struct candidate *c;

	sources_init(&s);
	sources_add(&s, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.profile", 1,
	    S(ENVKEY));
	c = sources_add(&s, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.bashrc", 2,
	    S(FILEKEY));
	c->cleared = true;
	sources_decide(&s, NULL, true, false);
	CHECK_INT(0, s.winner[CONSUMER_LOGIN_SHELL]);
	s.c[0].unexported = true;
	sources_decide(&s, NULL, true, false);
	CHECK_INT(-1, kind(&s, CONSUMER_LOGIN_SHELL));
	/* A conditional value that reaches programs beats none. */
	c = sources_add(&s, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.bashrc", 9,
	    S(FILEKEY));
	c->conditional = true;
	sources_decide(&s, NULL, true, false);
	CHECK_INT(2, s.winner[CONSUMER_LOGIN_SHELL]);
	sources_free(&s);
}

int
main(void)
{
	test_stale_export();
	test_empty_export();
	test_parent_dotenv();
	test_refusals_and_lines();
	test_pid();
	test_login_shell_flags();
	return unit_done();
}
