/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The offline checks over fake contexts: statuses, summaries and fixes
 * for each root cause, and never a key in any text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check-fixture.h"
#include "unit.h"

#define S(lit)	lit, sizeof(lit) - 1
#define FILEKEY	"sk-proj-FILEfile0123456789abcdFILE"
#define OLDKEY	"sk-proj-OLDold0123456789abcdefOLD"

/* Runs check id; checks status and that summary holds want (if any) and
 * no text holds a key. */
static void
expect(struct fixture *fx, const char *id, enum check_status st,
    const char *want, int line)
{
	struct check_result r = { 0 };
	const char *texts[3];

	check_find(id)->run(&fx->ctx, &r);
	unit_long(st, r.status, id, __FILE__, line);
	unit_true(r.summary != NULL && (want == NULL ||
	    strstr(r.summary, want) != NULL), want ? want : "a summary",
	    __FILE__, line);
	if (r.summary != NULL && want != NULL && !strstr(r.summary, want))
		fprintf(stderr, "    summary: %s\n", r.summary);
	texts[0] = r.summary;
	texts[1] = r.detail;
	texts[2] = r.fix;
	for (int i = 0; i < 3; i++)
		unit_true(texts[i] == NULL || (strstr(texts[i], "FILEfile") ==
		    NULL && strstr(texts[i], "OLDold") == NULL), "no key",
		    __FILE__, line);
	check_result_clear(&r);
}

#define EXPECT(fx, id, st, want)	expect(fx, id, st, want, __LINE__)

static void
test_clean_file(void)
{
	struct fixture fx;

	fx_init(&fx, S("OPENAI_API_KEY=" FILEKEY "\n"));
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_PASS, "/p/.env:1");
	EXPECT(&fx, "dotenv-clean", CHECK_PASS, "every loader");
	EXPECT(&fx, "key-shadowed", CHECK_PASS, "1 place");
	fx_free(&fx);
}

static void
test_quoted_file(void)
{
	struct fixture fx;

	fx_init(&fx, S("OPENAI_API_KEY=\"" FILEKEY "\"\r\n"));
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_PASS, NULL);
	EXPECT(&fx, "dotenv-clean", CHECK_FAIL, "docker-env-file, sh-source");
	fx_free(&fx);
}

static void
test_stale_export(void)
{
	struct fixture fx;

	fx_init(&fx, S("OPENAI_API_KEY=" FILEKEY "\n"));
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_ENV, NULL, 0, S(OLDKEY));
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.zshrc", 42,
	    S(OLDKEY));
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_PASS, "the environment");
	EXPECT(&fx, "key-shadowed", CHECK_FAIL, "hides /p/.env:1");
	{
		struct check_result r = { 0 };

		check_key_shadowed.run(&fx.ctx, &r);
		CHECK(r.fix != NULL && strstr(r.fix, "/h/.zshrc:42") != NULL);
		check_result_clear(&r);
	}
	/* With override=True the file wins: the old copy only warns. */
	fx.ctx.consumer = CONSUMER_PYTHON_OVERRIDE;
	EXPECT(&fx, "key-shadowed", CHECK_WARN, "2 other copies");
	fx_free(&fx);
}

static void
test_missing(void)
{
	struct fixture fx;

	fx_init(&fx, NULL, 0);
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_FAIL, "no OPENAI_API_KEY");
	EXPECT(&fx, "dotenv-clean", CHECK_SKIP, "no .env");
	EXPECT(&fx, "key-shadowed", CHECK_SKIP, NULL);
	fx_free(&fx);
	/* Only a near miss. */
	fx_init(&fx, S("OPENAI_KEY=" FILEKEY "\n"));
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_FAIL, "OPENAI_KEY");
	fx_free(&fx);
	/* Only in a startup file, not in this environment. */
	fx_init(&fx, NULL, 0);
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.bashrc", 7,
	    S(OLDKEY));
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_FAIL, "/h/.bashrc:7");
	fx_free(&fx);
	/* Exported empty: wins, and is empty. */
	fx_init(&fx, S("OPENAI_API_KEY=" FILEKEY "\n"));
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_ENV, NULL, 0, "", 0);
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_FAIL, "empty");
	fx_free(&fx);
}

static void
test_org_project(void)
{
	struct fixture fx;

	fx_init(&fx, S("OPENAI_API_KEY=" FILEKEY "\n"));
	fx_decide(&fx);
	EXPECT(&fx, "org-project", CHECK_PASS, "unset or well-formed");
	fx_free(&fx);
	fx_init(&fx, S("OPENAI_ORG_ID=org-AbCdEf0123456789abcdEFGH\n"
	    "OPENAI_PROJECT_ID=proj_AbCdEf0123456789abcd\n"));
	fx_decide(&fx);
	EXPECT(&fx, "org-project", CHECK_PASS, NULL);
	fx_free(&fx);
	/* A project id in the organization variable, and a key pasted
	 * where the project id goes: the first failure is reported. */
	fx_init(&fx, S("OPENAI_ORG_ID=proj_AbCdEf0123456789abcd\n"));
	fx_decide(&fx);
	EXPECT(&fx, "org-project", CHECK_FAIL, "OPENAI_ORG_ID in /p/.env:1");
	fx_free(&fx);
	fx_init(&fx, S("OPENAI_PROJECT_ID=" FILEKEY "\n"));
	fx_decide(&fx);
	EXPECT(&fx, "org-project", CHECK_FAIL, "starting with proj_");
	fx_free(&fx);
	/* The environment beats .env for load_dotenv(): a stale org. */
	fx_init(&fx, S("OPENAI_ORG_ID=org-AbCdEf0123456789abcdEFGH\n"));
	sources_add(&fx.src, "OPENAI_ORG_ID", SOURCE_ENV, NULL, 0,
	    S("Personal"));
	fx_decide(&fx);
	EXPECT(&fx, "org-project", CHECK_FAIL, "the environment");
	fx_free(&fx);
	fx_init(&fx, S("OPENAI_ORGANIZATION=org-AbCdEf0123456789abcdEFGH\n"));
	fx_decide(&fx);
	EXPECT(&fx, "org-project", CHECK_WARN, "pre-1.0");
	fx_free(&fx);
}

static void
test_table(void)
{
	size_t n;
	const struct check *const *t = check_table(&n);

	CHECK(n >= 3);
	CHECK_STR("key-found", t[0]->id);
	CHECK_STR("dotenv-clean", t[1]->id);
	CHECK_STR("key-shadowed", t[2]->id);
	CHECK(check_find("no-such-check") == NULL);
	CHECK_STR("warn", check_status_name(CHECK_WARN));
}

/* Copies nothing reads, or whose text is a command, are not compared;
 * a copy that does differ is named. */
static void
test_shadowed_copies(void)
{
	struct fixture fx;
	struct candidate *c;
	struct check_result r = { 0 };

	fx_init(&fx, S("OPENAI_API_KEY=" FILEKEY "\n"));
	c = sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_DOTENV,
	    "/p/.env.example", 1, S("sk-your-key-here"));
	c->unloaded = true;
	c = sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.bashrc",
	    3, S("$(cat ~/.key)"));
	c->dynamic = true;
	c = sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.bashrc",
	    5, S(OLDKEY));
	c->unexported = true;
	fx_decide(&fx);
	EXPECT(&fx, "key-shadowed", CHECK_PASS, "1 place");
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.profile", 7,
	    S(OLDKEY));
	fx_decide(&fx);
	EXPECT(&fx, "key-shadowed", CHECK_WARN, "/h/.profile:7");
	check_key_shadowed.run(&fx.ctx, &r);
	CHECK(r.fix != NULL && strstr(r.fix, "/h/.profile:7") != NULL);
	check_result_clear(&r);
	/* The login shell's key comes from a command: nothing to compare. */
	fx.ctx.consumer = CONSUMER_LOGIN_SHELL;
	fx.src.c[fx.src.n - 1].cleared = true;
	fx_decide(&fx);
	EXPECT(&fx, "key-shadowed", CHECK_SKIP, "command");
	EXPECT(&fx, "key-found", CHECK_PASS, "by a command");
	fx_free(&fx);
}

/* Runs key-found on fx and checks its fix holds want. */
static void
expect_fix(struct fixture *fx, const char *want, int line)
{
	struct check_result r = { 0 };

	check_key_found.run(&fx->ctx, &r);
	unit_true(r.fix != NULL && strstr(r.fix, want) != NULL, want,
	    __FILE__, line);
	if (r.fix != NULL && strstr(r.fix, want) == NULL)
		fprintf(stderr, "    fix: %s\n", r.fix);
	check_result_clear(&r);
}

/* No winner: the nearest copy, and why it does not count. */
static void
test_found_why_not(void)
{
	struct fixture fx;
	struct candidate *c;

	/* Only in a template nothing loads. */
	fx_init(&fx, NULL, 0);
	c = sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_DOTENV,
	    "/p/.env.example", 2, S(FILEKEY));
	c->unloaded = true;
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_FAIL, "only in /p/.env.example:2");
	expect_fix(&fx, "copy the line to /p/.env", __LINE__);
	/* Only in another shell's file. */
	fx.src.shell = strdup("bash");
	c = sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.zshrc",
	    4, S(OLDKEY));
	c->unloaded = true;
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_FAIL, "your shell (bash) does not read");
	/* Set and unset by the login shell's files. */
	c = sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.bashrc",
	    1, S(OLDKEY));
	c->cleared = true;
	c->unset_path = strdup("/h/.bashrc");
	c->unset_line = 9;
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_FAIL, "/h/.bashrc:9 unsets it");
	/* Set without export. */
	c = sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.profile",
	    3, S(OLDKEY));
	c->unexported = true;
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_FAIL, "/h/.profile:3 sets "
	    "OPENAI_API_KEY without export");
	/* Exported by a loaded file: the path in the fix is quoted. */
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/my rc", 1,
	    S(OLDKEY));
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_FAIL, "not in this environment");
	expect_fix(&fx, ". '/h/my rc'", __LINE__);
	fx_free(&fx);
}

/* --pid: the process's environment is what is missing; fix commands
 * name the folder or -e FILE as a shell word. */
static void
test_found_pid_and_fixes(void)
{
	struct fixture fx;

	fx_init(&fx, S("OPENAI_API_KEY=" FILEKEY "\n"));
	fx.ctx.pid = true;
	sources_decide(&fx.src, &fx.an, true, true);
	EXPECT(&fx, "key-found", CHECK_FAIL, "process's environment has no");
	expect_fix(&fx, "EnvironmentFile=/p/.env", __LINE__);
	fx_free(&fx);
	/* A file python-dotenv refuses: fix401 --check on that folder. */
	fx_init(&fx, S("OPENAI_API_KEY=" FILEKEY "\xff\n"));
	fx.ctx.dir = "/p q";
	fx_decide(&fx);
	EXPECT(&fx, "key-found", CHECK_FAIL, "cannot read");
	expect_fix(&fx, "fix401 --check '/p q'", __LINE__);
	fx_free(&fx);
	fx_init(&fx, NULL, 0);
	fx.ctx.dir = "/p q";
	fx_decide(&fx);
	expect_fix(&fx, "to '/p q/.env'", __LINE__);
	fx_free(&fx);
}

int
main(void)
{
	test_clean_file();
	test_quoted_file();
	test_stale_export();
	test_missing();
	test_org_project();
	test_table();
	test_shadowed_copies();
	test_found_why_not();
	test_found_pid_and_fixes();
	return unit_done();
}
