/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* key-found: a key is present where the user's program will look; when
 * it is not, the nearest copy that exists and why it does not count. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "defect.h"
#include "i18n.h"
#include "xalloc.h"

#define KEY_NAME	"OPENAI_API_KEY"

/* The last candidate matching pred, or NULL. */
static const struct candidate *
find_last(const struct sources *s, bool (*pred)(const struct candidate *))
{
	for (size_t i = s->n; i-- > 0;)
		if (pred(&s->c[i]))
			return &s->c[i];
	return NULL;
}

static bool
is_near_miss(const struct candidate *c)
{
	return defect_near_miss(c->name);
}

static bool
is_file(const struct candidate *c)
{
	return (c->source == SOURCE_DOTENV || c->source == SOURCE_ENVFILE) &&
	    strcmp(c->name, KEY_NAME) == 0 && c->value_len > 0;
}

static bool
is_file_key(const struct candidate *c)
{
	return is_file(c) && !c->unloaded;
}

static bool
is_unloaded_file_key(const struct candidate *c)
{
	return is_file(c) && c->unloaded;
}

static bool
is_rc(const struct candidate *c)
{
	return c->source == SOURCE_RCFILE && strcmp(c->name, KEY_NAME) == 0 &&
	    c->value_len > 0;
}

/* In a file the login shell reads, exported and never unset. */
static bool
is_rc_key(const struct candidate *c)
{
	return is_rc(c) && !c->unloaded && !c->unexported && !c->cleared;
}

static bool
is_rc_unexported(const struct candidate *c)
{
	return is_rc(c) && !c->unloaded && c->unexported && !c->cleared;
}

static bool
is_rc_cleared(const struct candidate *c)
{
	return is_rc(c) && !c->unloaded && c->cleared;
}

static bool
is_rc_other_shell(const struct candidate *c)
{
	return is_rc(c) && c->unloaded;
}

/* The .env a new key line belongs in, quoted as a shell word (caller
 * frees). */
static char *
dotenv_target(const struct check_ctx *ctx)
{
	char *p = ctx->dotenv_path != NULL ? xstrdup(ctx->dotenv_path) :
	    xasprintf("%s/.env", ctx->dir), *q = check_quote(p);

	free(p);
	return q;
}

/* --pid: the process has no key.  Its environment was fixed when it
 * started: files matter only if it loads them itself. */
static void
pid_missing(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *f = find_last(ctx->src, is_file_key);

	check_set(r, CHECK_FAIL, _("the process's environment has no "
	    "OPENAI_API_KEY"));
	check_detail(r, _("A running program keeps the environment it was "
	    "started with. A service gets it from its unit (Environment=, "
	    "EnvironmentFile=), a container from -e or --env-file; shell "
	    "startup files never reach it."));
	if (f != NULL) {
		char *q = check_quote(f->path);

		/* TRANSLATORS: EnvironmentFile= and systemctl are literal. */
		check_fix(r, _("add EnvironmentFile=%s to the unit (systemctl "
		    "edit UNIT), or have the program load that .env, then "
		    "restart it"), q);
		free(q);
	} else {
		/* TRANSLATORS: Environment= and systemctl are literal. */
		check_fix(r, _("add Environment=OPENAI_API_KEY=<your key> to "
		    "the unit (systemctl edit UNIT), then restart it"));
	}
}

/* A loaded .env sets the key, but the consumer reads something else. */
static bool
damaged(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *c = find_last(ctx->src, is_file_key);
	char *where, *cmd;

	if (c == NULL)
		return false;
	where = check_where(c);
	cmd = check_command(ctx, "--fix");
	/* TRANSLATORS: a line of .env, then a program ("node-dotenv"). */
	check_set(r, CHECK_FAIL, _("%s sets OPENAI_API_KEY, but %s does not "
	    "read it there"), where, consumer_name(ctx->consumer));
	check_detail(r, _("The line is damaged for that loader: see the "
	    "dotenv-clean check for what it reads instead."));
	check_fix(r, "%s", cmd);
	free(cmd);
	free(where);
	return true;
}

/* A startup file the login shell reads exports the key. */
static bool
rc_exported(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *c = find_last(ctx->src, is_rc_key);
	char *where, *q;

	if (c == NULL)
		return false;
	where = check_where(c);
	q = check_quote(c->path);
	check_set(r, CHECK_FAIL, _("OPENAI_API_KEY is set in %s, but not in "
	    "this environment"), where);
	check_detail(r, _("Startup files only apply to shells started after "
	    "the change; services, cron and sudo never read them."));
	check_fix(r, _("open a new terminal, or run: . %s"), q);
	free(q);
	free(where);
	return true;
}

/* The login shell sets the key but never exports it. */
static bool
rc_unexported(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *c = find_last(ctx->src, is_rc_unexported);
	char *where;

	if (c == NULL)
		return false;
	where = check_where(c);
	/* TRANSLATORS: export is the shell command. */
	check_set(r, CHECK_FAIL, _("%s sets OPENAI_API_KEY without export"),
	    where);
	check_detail(r, _("The shell keeps a variable that is not exported "
	    "to itself: programs it starts never see it."));
	check_fix(r, _("write the line at %s as: export OPENAI_API_KEY=..., "
	    "then open a new terminal"), where);
	free(where);
	return true;
}

/* The login shell sets the key, then unsets it. */
static bool
rc_cleared(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *c = find_last(ctx->src, is_rc_cleared);
	char *where;

	if (c == NULL)
		return false;
	where = check_where(c);
	/* TRANSLATORS: where the key is set, then the file and line of the
	 * unset that removes it. */
	check_set(r, CHECK_FAIL, _("%s sets OPENAI_API_KEY, but %s:%zu unsets "
	    "it later"), where, c->unset_path, c->unset_line);
	check_fix(r, _("delete the unset at %s:%zu, then open a new "
	    "terminal"), c->unset_path, c->unset_line);
	free(where);
	return true;
}

/* Only another shell's startup file sets the key. */
static bool
rc_other_shell(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *c = find_last(ctx->src, is_rc_other_shell);
	const char *sh = ctx->src->shell != NULL ? ctx->src->shell : "sh";
	char *where;

	if (c == NULL)
		return false;
	where = check_where(c);
	/* TRANSLATORS: a file and line, then a shell's name ("bash"). */
	check_set(r, CHECK_FAIL, _("OPENAI_API_KEY is only set in %s, which "
	    "your shell (%s) does not read"), where, sh);
	check_fix(r, _("move the line to a startup file %s reads, then open a "
	    "new terminal"), sh);
	free(where);
	return true;
}

/* Only a .env nothing loads (a variant, a template, a parent's) has it. */
static bool
unloaded_file(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *c = find_last(ctx->src, is_unloaded_file_key);
	char *where, *to;

	if (c == NULL)
		return false;
	where = check_where(c);
	to = dotenv_target(ctx);
	check_set(r, CHECK_FAIL, _("the key is only in %s, which nothing "
	    "loads"), where);
	check_detail(r, _("Loaders read one .env file: variants such as "
	    ".env.local and templates such as .env.example are left alone. "
	    "A template is usually committed: a real key in it is public."));
	check_fix(r, _("copy the line to %s"), to);
	free(to);
	free(where);
	return true;
}

/* Only a misspelt or prefixed name is set. */
static bool
near_miss(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *c = find_last(ctx->src, is_near_miss);
	char *where;

	if (c == NULL)
		return false;
	where = check_where(c);
	check_set(r, CHECK_FAIL, _("the key is only set as %s (%s)"), c->name,
	    where);
	check_detail(r, _("The OpenAI SDKs read only OPENAI_API_KEY."));
	check_fix(r, _("rename %s to OPENAI_API_KEY at %s"), c->name, where);
	free(where);
	return true;
}

/* No winner: say where a key does exist, if anywhere, nearest first. */
static void
not_found(const struct check_ctx *ctx, struct check_result *r)
{
	static bool (*const tries[])(const struct check_ctx *,
	    struct check_result *) = { damaged, rc_exported, rc_unexported,
	    rc_cleared, rc_other_shell, unloaded_file, near_miss };
	char *cmd, *to;

	if (ctx->pid) {
		pid_missing(ctx, r);
		return;
	}
	if (ctx->src->refused[ctx->consumer]) {
		cmd = check_command(ctx, "--check");
		check_set(r, CHECK_FAIL, _("%s cannot read the .env file at all"),
		    consumer_name(ctx->consumer));
		check_fix(r, "%s", cmd);
		free(cmd);
		return;
	}
	for (size_t i = 0; i < sizeof tries / sizeof *tries; i++)
		if (tries[i](ctx, r))
			return;
	to = dotenv_target(ctx);
	check_set(r, CHECK_FAIL, _("no OPENAI_API_KEY anywhere your program "
	    "looks"));
	check_fix(r, _("add a line OPENAI_API_KEY=<your key> to %s"), to);
	free(to);
}

/* The winner w is empty. */
static void
empty(const struct check_ctx *ctx, const struct candidate *w,
    const char *where, struct check_result *r)
{
	check_set(r, CHECK_FAIL, _("OPENAI_API_KEY is empty in %s"), where);
	check_detail(r, _("An empty variable still wins over .env for "
	    "load_dotenv() and dotenv.config()."));
	if (ctx->pid)
		check_fix(r, _("give the process the key where its environment "
		    "comes from (for a service: Environment= or "
		    "EnvironmentFile=), then restart it"));
	else if (w->source == SOURCE_ENV)
		check_fix(r, "unset OPENAI_API_KEY");
	else
		check_fix(r, _("put the key at %s"), where);
}

/* True when w is a parent folder's .env key that a Node program started
 * in the project folder would not get (npm dotenv reads ./.env only). */
static bool
node_misses(const struct check_ctx *ctx, const struct candidate *w)
{
	return !ctx->pid && w->source == SOURCE_DOTENV && !ctx->dotenv_in_dir &&
	    ctx->src->winner[CONSUMER_NODE] == NO_WINNER;
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	const struct candidate *w = check_winner(ctx);
	char *where;

	if (w == NULL) {
		not_found(ctx, r);
		return;
	}
	where = check_where(w);
	if (w->dynamic) {
		check_set(r, CHECK_PASS, _("OPENAI_API_KEY is set in %s by a "
		    "command when the shell starts"), where);
		check_detail(r, _("fix401 does not run that command, so the key "
		    "it gives cannot be judged offline."));
	} else if (w->value_len == 0) {
		empty(ctx, w, where, r);
	} else if (node_misses(ctx, w)) {
		/* TRANSLATORS: %s is the .env line, in a parent folder. */
		check_set(r, CHECK_WARN, _("OPENAI_API_KEY is set in %s, a "
		    "parent folder's .env: python-dotenv finds it there, npm "
		    "dotenv does not"), where);
		check_detail(r, _("dotenv.config() in Node reads only the .env "
		    "of the folder the program starts in."));
		check_fix(r, _("copy the line to %s/.env, or start the program "
		    "in the .env's folder"), ctx->dir);
	} else {
		check_set(r, CHECK_PASS, _("OPENAI_API_KEY is set in %s"), where);
	}
	free(where);
}

const struct check check_key_found = {
	.id = "key-found",
	.title = N_("A key is present"),
	.network = false,
	.run = run,
};
