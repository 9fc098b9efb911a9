/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* dotenv-safety: the .env is git-ignored, untracked and private.  Fails
 * when git tracks it (the key may be pushed already); warns when no
 * .gitignore rule covers it, or when other people who log in here may
 * read it.  A world-readable .env on a computer where no other person
 * logs in passes with a note: only system accounts could read it, and a
 * warning there would mostly teach people to ignore warnings. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "i18n.h"
#include "safefile.h"
#include "xalloc.h"

/* What is wrong with the file, from its facts. */
struct verdict {
	bool	tracked;	/* git tracks it */
	bool	unlisted;	/* in a repository, no .gitignore rule */
	bool	open;		/* others log in here and may read it */
	bool	loose;		/* world-readable, but no one else logs in */
};

/* Appends sentence s (translated) to b, after a space when needed. */
static void
add_text(struct buf *b, const char *s)
{
	if (b->n > 0)
		buf_addc(b, ' ');
	buf_add(b, s, strlen(s));
}

/* Appends s to b as one shell word. */
static void
add_word(struct buf *b, const char *s)
{
	char *w = check_quote(s);

	buf_add(b, w, strlen(w));
	free(w);
}

/* Appends a command that adds name to .gitignore in the current folder.
 * Names with pattern characters are escaped, and printf then stands in
 * for echo, which may eat the backslashes. */
static void
add_ignore(struct buf *b, const char *name)
{
	struct buf pat = { 0 };

	for (const char *p = name; *p != '\0'; p++) {
		if (strchr("*?[\\", *p) != NULL ||
		    (p == name && strchr("#!", *p) != NULL))
			buf_addc(&pat, '\\');
		buf_addc(&pat, *p);
	}
	if (pat.n == strlen(name))
		buf_add(b, "echo ", 5);
	else
		buf_add(b, "printf '%s\\n' ", 14);
	add_word(b, pat.p);
	buf_add(b, " >> .gitignore", 14);
	buf_free(&pat);
}

/* Starts a new step of a command line in b. */
static void
add_step(struct buf *b, const char *s)
{
	if (b->n > 0)
		buf_add(b, " && ", 4);
	buf_add(b, s, strlen(s));
}

/* The command that repairs v for the file at path (caller frees): one
 * line, run from anywhere.  Git steps run in the file's folder, where a
 * .gitignore line with just the name covers it. */
static char *
fix_command(const struct verdict *v, const char *path)
{
	struct buf b = { 0 };
	const char *name = safefile_basename(path);
	char *dir = safefile_dirname(path);
	size_t len;

	if ((v->tracked || v->unlisted) && strcmp(dir, ".") != 0) {
		add_step(&b, "cd ");
		add_word(&b, dir);
	}
	if (v->tracked) {
		add_step(&b, "git rm --cached -- ");
		add_word(&b, name);
	}
	if (v->unlisted) {
		add_step(&b, "");
		add_ignore(&b, name);
	}
	if (v->open) {
		add_step(&b, "chmod 600 ");
		add_word(&b, v->tracked || v->unlisted ? name : path);
	}
	free(dir);
	return buf_take(&b, &len);
}

/* Appends what the git facts mean to b. */
static void
explain_git(const struct dotenv_facts *f, const struct verdict *v,
    struct buf *b)
{
	if (!f->git)
		add_text(b, _("git is not installed or did not answer, so "
		    "fix401 could not ask whether git would publish the "
		    "file."));
	if (v->tracked)
		add_text(b, _("Git tracks this file, so the key is in the "
		    "repository's history and goes wherever the repository "
		    "is pushed. If it was ever pushed, treat the key as "
		    "leaked: create a new key on the OpenAI dashboard and "
		    "delete the old one."));
	if (v->tracked && f->ignored)
		add_text(b, _("Then stop tracking the file; .gitignore "
		    "already lists it."));
	else if (v->tracked)
		add_text(b, _("Then stop tracking the file and list it in "
		    ".gitignore so it is never added again."));
	else if (v->unlisted)
		add_text(b, _("No .gitignore rule covers it, so a simple "
		    "\"git add .\" would put the key into the repository. "
		    "List it in .gitignore."));
}

/* Appends what the file's mode means to b. */
static void
explain_mode(const struct dotenv_facts *f, const struct verdict *v,
    const char *path, struct buf *b)
{
	char *s = NULL;

	if (v->open)
		/* TRANSLATORS: %04o is a file mode such as 0644. */
		s = xasprintf(_("Other people log in to this computer, and "
		    "the file's mode (%04o) lets other accounts read or "
		    "change it. Make it private to you."), f->mode);
	else if (v->loose)
		/* TRANSLATORS: %04o is a file mode such as 0644; the last
		   %s is the file. */
		s = xasprintf(_("Every account on this computer may read it "
		    "(mode %04o), but no other person logs in here. To be "
		    "safe anyway: chmod 600 %s"), f->mode, path);
	if (s != NULL)
		add_text(b, s);
	free(s);
}

/* Sets a skip result and returns true when there is nothing to look at. */
static bool
skipped(const struct check_ctx *ctx, struct check_result *r)
{
	if (ctx->dotenv_path == NULL)
		check_set(r, CHECK_SKIP, _("no .env file, so no key file to "
		    "protect"));
	else if (ctx->facts == NULL)
		check_set(r, CHECK_SKIP, _("%s was not examined (its mode and "
		    "git status were not gathered)"), ctx->dotenv_path);
	else if (!ctx->facts->exists)
		check_set(r, CHECK_SKIP, _("%s could not be found to examine "
		    "its mode and git status"), ctx->dotenv_path);
	else
		return false;
	return true;
}

static void
judge(const struct dotenv_facts *f, struct verdict *v)
{
	v->tracked = f->in_repo && f->tracked;
	v->unlisted = f->in_repo && !f->ignored;
	v->open = f->shared && (f->mode & 066) != 0;
	v->loose = !f->shared && (f->mode & 004) != 0;
}

/* Sets r's status and summary: the worst finding in v. */
static void
summarize(const struct verdict *v, const struct dotenv_facts *f,
    const char *path, struct check_result *r)
{
	if (v->tracked)
		check_set(r, CHECK_FAIL, _("%s is tracked by git: the key goes "
		    "wherever the repository goes"), path);
	else if (v->unlisted)
		check_set(r, CHECK_WARN, _("%s is not in .gitignore: git could "
		    "add the key to the repository"), path);
	else if (v->open)
		/* TRANSLATORS: %s is the file, %04o its mode (0644). */
		check_set(r, CHECK_WARN, _("other people who log in here can "
		    "read %s (mode %04o)"), path, f->mode);
	else if (f->in_repo)
		check_set(r, CHECK_PASS, _("%s is git-ignored and not "
		    "tracked"), path);
	else if (f->git)
		check_set(r, CHECK_PASS, _("%s is not in a git repository"),
		    path);
	else
		check_set(r, CHECK_PASS, _("%s is not open to other people "
		    "(git did not answer)"), path);
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	struct verdict v;
	struct buf why = { 0 };
	char *fix;

	if (skipped(ctx, r))
		return;
	judge(ctx->facts, &v);
	summarize(&v, ctx->facts, ctx->dotenv_path, r);
	explain_git(ctx->facts, &v, &why);
	explain_mode(ctx->facts, &v, ctx->dotenv_path, &why);
	if (why.n > 0)
		check_detail(r, "%s", why.p);
	buf_free(&why);
	if (v.tracked || v.unlisted || v.open) {
		fix = fix_command(&v, ctx->dotenv_path);
		check_fix(r, "%s", fix);
		free(fix);
	}
}

const struct check check_dotenv_safety = {
	.id = "dotenv-safety",
	.title = N_(".env is kept private"),
	.network = false,
	.run = run,
};
