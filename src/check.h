/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The checklist: struct check, the ordered table (SPEC 5), and the result
 * model.  A check reads a context and fills a result; it never draws or
 * prints, so each one is unit-testable. */
#ifndef FIX401_CHECK_H
#define FIX401_CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "analysis.h"
#include "provider.h"
#include "source.h"

enum check_status {
	CHECK_PASS,
	CHECK_WARN,
	CHECK_FAIL,
	CHECK_SKIP,	/* not applicable, offline, or blocked by an earlier
			   failure; the summary says which */
};

/* What the file system and git say about the project's .env, gathered by
 * the caller (dotenv-safety reads it). */
struct live;

struct dotenv_facts {
	bool		 exists;	/* the .env is there */
	unsigned	 mode;		/* permission bits (st_mode & 07777) */
	bool		 git;		/* git answered (installed, not broken) */
	bool		 in_repo;	/* the file is inside a git work tree */
	bool		 tracked;	/* git tracks it (it will be pushed) */
	bool		 ignored;	/* a .gitignore rule covers it */
	bool		 shared;	/* other human users can log in here */
};

/* Everything a check may read.  All borrowed; gathered by the caller. */
struct check_ctx {
	const char		*dir;		/* the project folder */
	const char		*dotenv_path;	/* the .env in use, or NULL */
	const struct analysis	*dotenv;	/* its analysis, or NULL */
	const struct sources	*src;		/* candidates and winners */
	bool			 offline;	/* no network checks */
	enum consumer		 consumer;	/* whose key is "the" key */
	bool			 dotenv_in_dir;	/* the .env is DIR/.env */
	bool			 pid;		/* --pid: that process's env */
	const struct providers	*providers;	/* data/providers.json, or NULL
						   (the provider checks skip) */
	const char		*base_url;	/* --base-url, or NULL */
	const struct dotenv_facts *facts;	/* or NULL: not gathered */
	bool			 env_file;	/* dotenv_path came from -e */
	const struct live	*live;		/* the probes, or NULL: none
						   were made; a check with
						   .live may see some not done
						   yet (and runs again once
						   they are) */
};

/* What a check found.  Owns its strings (translated text, no key). */
struct check_result {
	enum check_status	 status;
	char			*summary;	/* one line */
	char			*detail;	/* a short paragraph, or NULL */
	char			*fix;		/* a command or file:line, or NULL */
};

/* One check.  Each check-<id>.c defines one. */
struct check {
	const char	*id;		/* stable, used in --json */
	const char	*title;		/* N_(): a few words */
	bool		 network;	/* needs the network: skipped offline */
	bool		 live;		/* reads the probes' answers: runs
					   again when they arrive */
	/* Fills r (zeroed by the caller) from ctx.  Never prints. */
	void		(*run)(const struct check_ctx *ctx,
			    struct check_result *r);
};

/* ---- the table ---- */
/* The checks in wizard order; *n gets the count. */
const struct check *const	*check_table(size_t *n);
const struct check		*check_find(const char *id);
/* Runs c over ctx into r (need not be initialised; clear it after): a
 * network check is skipped when ctx is offline. */
void		 check_run(const struct check *c, const struct check_ctx *ctx,
		    struct check_result *r);
/* "pass", "warn", "fail", "skip" (stable, for --json). */
const char	*check_status_name(enum check_status s);

/* ---- results ---- */
/* Sets r's status and summary (printf-style, translated by the caller). */
void	check_set(struct check_result *r, enum check_status s,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Sets r's detail or fix text the same way. */
void	check_detail(struct check_result *r, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	check_fix(struct check_result *r, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	check_result_clear(struct check_result *r);

/* ---- helpers checks share ---- */
/* The candidate the context's consumer ends up with, or NULL. */
const struct candidate	*check_winner(const struct check_ctx *ctx);
/* The candidate the context's consumer ends up with for variable name,
 * or NULL. */
const struct candidate	*check_lookup(const struct check_ctx *ctx,
			    const char *name);
/* Where the SDKs send requests when nothing says otherwise. */
#define CHECK_DEFAULT_URL	"https://api.openai.com/v1"

/* The base URL requests go to: --base-url, else OPENAI_BASE_URL as the
 * consumer sees it, else the OpenAI default.  *from (may be NULL) gets the
 * candidate that set it, or NULL.  Borrowed from ctx. */
const char	*check_url(const struct check_ctx *ctx,
		    const struct candidate **from);
/* Where the base URL from check_url() was set, as the user reads it:
 * check_where(from), "--base-url" or "the default" (caller frees). */
char	*check_url_where(const struct check_ctx *ctx,
	    const struct candidate *from);
/* s as one shell word: as it is when safe, else in single quotes (caller
 * frees). */
char	*check_quote(const char *s);
/* The fix401 command that works on the same file, as the user types it:
 * "fix401 ARGS -e FILE" or "fix401 ARGS DIR", quoted (caller frees). */
char	*check_command(const struct check_ctx *ctx, const char *args);
/* A place as the user reads it: "path:line", "the environment" ...
 * (caller frees). */
char	*check_where(const struct candidate *c);

/* ---- helpers the live checks share (check-live.c) ---- */
/* When ctx->live did not send the key (blocked, no key, offline), sets r
 * to the skip that says why and returns true. */
bool	 check_live_blocked(const struct check_ctx *ctx,
	    struct check_result *r);
/* The candidate i as the user reads it: "the key in .env:3
 * (sk-proj-…21sA, 164 chars)" (caller frees). */
char	*check_key_phrase(const struct check_ctx *ctx, size_t i);
/* A failed answer in words: "401 invalid_api_key: Wrong, revoked or
 * deleted key" (caller frees).  p is a struct probe. */
struct probe;
char	*check_answer(const struct probe *p);
/* s with every run of more than 8 '*' (a server's mask of a long key)
 * shortened to "****...****" (caller frees). */
char	*check_squeeze(const char *s);
/* The sharpened cause of p's answer (explain_refine over the mask). */
int	 check_probe_cause(const struct probe *p);

/* ---- helpers key-shadowed shares with the wizard's fix ---- */
/* c is an OPENAI_API_KEY some program reads as it is: loaded, exported,
 * not unset later, not computed by a command. */
bool	 check_key_counts(const struct candidate *c);
bool	 check_same_value(const struct candidate *a,
	    const struct candidate *b);
/* c was set in a project file (.env or -e FILE). */
bool	 check_from_file(const struct candidate *c);
/* The last OPENAI_API_KEY set in a project file that is loaded, or
 * NULL. */
const struct candidate *check_file_key(const struct sources *s);
/* A startup-file export of w's value, where a stale variable in the
 * environment came from: one a shell reads and keeps first, else any;
 * NULL if none. */
const struct candidate *check_key_origin(const struct sources *s,
	    const struct candidate *w);

/* ---- the checks (one per file) ---- */
extern const struct check check_key_found;
extern const struct check check_dotenv_clean;
extern const struct check check_key_shadowed;
extern const struct check check_key_format;
extern const struct check check_key_provider;
extern const struct check check_base_url;
extern const struct check check_org_project;
extern const struct check check_network;
extern const struct check check_key_accepted;
extern const struct check check_completion;
extern const struct check check_dotenv_safety;

#endif
