/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* dotenv-safety over hand-filled facts: every skip, pass, warn and fail,
 * and the one-line fix each calls for. */
#include <config.h>

#include <string.h>

#include "check.h"
#include "unit.h"

/* Facts of a .env in a repository that ignores it, mode 0600, alone. */
static struct dotenv_facts
safe(void)
{
	struct dotenv_facts f = {
		.exists = true, .mode = 0600, .git = true, .in_repo = true,
		.ignored = true,
	};

	return f;
}

/* Runs dotenv-safety over f for path; checks the status, that the
 * summary holds want, and that fix is exactly fix (NULL: none) and the
 * detail holds detail (NULL: none at all). */
static void
expect(const char *path, const struct dotenv_facts *f, enum check_status st,
    const char *want, const char *fix, const char *detail, int line)
{
	struct check_ctx ctx = { .dir = "/p", .dotenv_path = path, .facts = f };
	struct check_result r = { 0 };

	check_find("dotenv-safety")->run(&ctx, &r);
	unit_long(st, r.status, "status", __FILE__, line);
	unit_true(r.summary != NULL && strstr(r.summary, want) != NULL, want,
	    __FILE__, line);
	unit_mem(fix, fix ? strlen(fix) : 0, r.fix, r.fix ? strlen(r.fix) : 0,
	    "fix", __FILE__, line);
	if (detail == NULL)
		unit_true(r.detail == NULL, "no detail", __FILE__, line);
	else
		unit_true(r.detail != NULL && strstr(r.detail, detail) != NULL,
		    detail, __FILE__, line);
	if (r.summary != NULL && strstr(r.summary, want) == NULL)
		fprintf(stderr, "    summary: %s\n", r.summary);
	check_result_clear(&r);
}

#define EXPECT(path, f, st, want, fix, detail) \
	expect(path, f, st, want, fix, detail, __LINE__)

static void
test_skips(void)
{
	struct dotenv_facts f = safe();

	EXPECT(NULL, &f, CHECK_SKIP, "no .env file", NULL, NULL);
	EXPECT("/p/.env", NULL, CHECK_SKIP, "not examined", NULL, NULL);
	f.exists = false;
	EXPECT("/p/.env", &f, CHECK_SKIP, "could not be found", NULL, NULL);
}

static void
test_git(void)
{
	struct dotenv_facts f = safe();

	EXPECT("/p/.env", &f, CHECK_PASS, "git-ignored and not tracked", NULL,
	    NULL);
	f.tracked = true;
	EXPECT("/p/.env", &f, CHECK_FAIL, "tracked by git",
	    "cd /p && git rm --cached -- .env", "already lists it");
	f.ignored = false;
	EXPECT("/p/.env", &f, CHECK_FAIL, "tracked by git",
	    "cd /p && git rm --cached -- .env && echo .env >> .gitignore",
	    "treat the key as leaked");
	f.tracked = false;
	EXPECT("/p/.env", &f, CHECK_WARN, "not in .gitignore",
	    "cd /p && echo .env >> .gitignore", "git add .");
	f.in_repo = false;
	EXPECT("/p/.env", &f, CHECK_PASS, "not in a git repository", NULL,
	    NULL);
	f.git = false;
	EXPECT("/p/.env", &f, CHECK_PASS, "git did not answer", NULL,
	    "git is not installed");
}

static void
test_mode(void)
{
	struct dotenv_facts f = safe();

	f.mode = 0644;
	EXPECT("/p/.env", &f, CHECK_PASS, "git-ignored", NULL, "chmod 600 "
	    "/p/.env");
	f.mode = 0640;
	EXPECT("/p/.env", &f, CHECK_PASS, "git-ignored", NULL, NULL);
	f.shared = true;
	EXPECT("/p/.env", &f, CHECK_WARN, "can read /p/.env (mode 0640)",
	    "chmod 600 /p/.env", "Other people log in");
	f.mode = 0604;
	EXPECT("/p/.env", &f, CHECK_WARN, "mode 0604", "chmod 600 /p/.env",
	    "0604");
	f.mode = 0620;
	EXPECT("/p/.env", &f, CHECK_WARN, "mode 0620", "chmod 600 /p/.env",
	    "read or change");
	f.mode = 0600;
	EXPECT("/p/.env", &f, CHECK_PASS, "git-ignored", NULL, NULL);
	f.mode = 0400;
	EXPECT("/p/.env", &f, CHECK_PASS, "git-ignored", NULL, NULL);
}

static void
test_both(void)
{
	struct dotenv_facts f = safe();

	/* The git problem names the summary; the fix does both. */
	f.ignored = false;
	f.shared = true;
	f.mode = 0644;
	EXPECT("/p/.env", &f, CHECK_WARN, "not in .gitignore",
	    "cd /p && echo .env >> .gitignore && chmod 600 .env",
	    "Other people log in");
	f.tracked = true;
	EXPECT("/p/.env", &f, CHECK_FAIL, "tracked by git",
	    "cd /p && git rm --cached -- .env && echo .env >> .gitignore "
	    "&& chmod 600 .env", "lets other accounts read");
}

static void
test_quoting(void)
{
	struct dotenv_facts f = safe();

	f.ignored = false;
	EXPECT("/my p/it's/.env", &f, CHECK_WARN, "not in .gitignore",
	    "cd '/my p/it'\\''s' && echo .env >> .gitignore",
	    ".gitignore");
	EXPECT("/p/#a*b", &f, CHECK_WARN, "not in .gitignore",
	    "cd /p && printf '%s\\n' '\\#a\\*b' >> .gitignore", ".gitignore");
	EXPECT(".env", &f, CHECK_WARN, "not in .gitignore",
	    "echo .env >> .gitignore", ".gitignore");
	f.ignored = true;
	f.shared = true;
	f.mode = 0666;
	EXPECT("my .env", &f, CHECK_WARN, "mode 0666", "chmod 600 'my .env'",
	    "read or change");
}

int
main(void)
{
	test_skips();
	test_git();
	test_mode();
	test_both();
	test_quoting();
	return unit_done();
}
