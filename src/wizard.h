/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The wizard's model, shared by the curses front end (ui*.c) and plain
 * mode (plain.c): the steps (welcome, one per check, the error decoder,
 * the summary), the diagnosis behind them with its probes running in the
 * background, and the changes a step can make (repair the key's line,
 * write a pasted key, comment out a stale export, .gitignore, chmod).
 * Never draws or prints; every text it hands out is translated and
 * masked (no key, no server text unsanitized). */
#ifndef FIX401_WIZARD_H
#define FIX401_WIZARD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "check.h"
#include "diagnose.h"
#include "options.h"

/* ---- steps ---- */
enum step_kind {
	STEP_WELCOME,
	STEP_CHECK,		/* one per check_table() entry, in order */
	STEP_DECODER,		/* paste the error you got (--explain) */
	STEP_SUMMARY,		/* every check, and the support report */
};

struct wizard_step {
	enum step_kind	 kind;
	size_t		 check;		/* STEP_CHECK: index in check_table() */
};

#define WIZARD_MAX_STEPS	16

/* ---- changes ---- */
enum change_kind {
	CHANGE_NONE,
	CHANGE_DOTENV_LINE,	/* the key's line becomes OPENAI_API_KEY=value
				   (dotenv-clean; key-shadowed when the
				   winning copy is a line of a project file) */
	CHANGE_NEW_KEY,		/* a pasted key written into .env (the key
				   line replaced, or added; a new file is
				   created 0600) */
	CHANGE_RC_COMMENT,	/* a stale export in a startup file commented
				   out ("# " put before it) */
	CHANGE_GITIGNORE,	/* a "/.env" line added to the project's
				   .gitignore (created if missing) */
	CHANGE_CHMOD,		/* the .env made mode 0600 */
};

/* One write the user is asked to confirm.  The public part is what to
 * show: a one-line diff, every text masked.  Owns everything; free with
 * change_clear (which wipes the new contents). */
struct change {
	enum change_kind kind;
	char		*path;		/* the file, as the user reads it */
	size_t		 line;		/* 1-based line changed or added; 0:
					   none (a mode change) */
	char		*before;	/* the line now, masked; NULL when a
					   line is added or only the mode
					   changes */
	char		*after;		/* the line then, masked; for
					   CHANGE_CHMOD "mode 0644 -> 0600" */
	char		*more;		/* one more sentence ("and delete 1
					   older definition"), or NULL */
	bool		 creates;	/* the file does not exist yet */
	/* private to wizard*.c */
	char		*buf;		/* the new contents (NULL for chmod) */
	size_t		 len;
	char		*value;		/* the key the file must read back
					   as (DOTENV_LINE, NEW_KEY), or
					   the value commented out
					   (RC_COMMENT); wiped */
	size_t		 vlen;
	char		*target;	/* the file really written */
	mode_t		 mode;		/* CHANGE_CHMOD: the new mode */
	struct envfile	*from;		/* the file as read when planned
					   (bytes and identity: a write
					   refuses if it changed since) */
};

void	change_clear(struct change *c);

/* What a pasted key looks like once cleaned (SPEC 7), for the user to
 * check before it is written.  Owns its strings. */
struct pasted {
	char		*masked;	/* key_mask(): "sk-proj-…21sA" or the
					   length only for short values */
	size_t		 length;	/* characters */
	char		*provider;	/* "OpenAI", "OpenRouter" ... or NULL:
					   not recognised */
	char		*kind;		/* "project key", "service account
					   key" ... or NULL */
	char		*cleaned;	/* what cleaning removed, in words
					   ("quotes, a trailing newline"), or
					   NULL: nothing */
	char		*warning;	/* a reason to doubt it (placeholder,
					   truncated, another provider's key
					   for this base URL), or NULL */
};

void	pasted_clear(struct pasted *p);

/* ---- the wizard ---- */
/* Everything the screens read.  Fill nothing by hand: wizard_open does. */
struct wizard {
	const struct options *o;	/* borrowed */
	struct diagnose_opts dopt;
	struct diagnosis *d;		/* the current diagnosis (on the
					   heap: a rerun replaces it), or
					   NULL before wizard_open */
	bool		 pending;	/* probes in flight: the checks that
					   read them show "waiting" */
	struct wizard_step steps[WIZARD_MAX_STEPS];
	size_t		 nsteps;
	size_t		 cur;		/* the step on screen */
	const char	*banner;	/* shown on every screen ("Practice
					   run ..." in --demo), or NULL */
	char		*message;	/* the last action's outcome, one
					   line, or NULL */
	char		*shell_note;	/* after a stale export was commented
					   out: what the user's open shells
					   still need, or NULL */
	char		*decoded;	/* the decoder's answer (text lines,
					   masked), or NULL */
	unsigned	 runs;		/* diagnoses made (1 after open) */
	unsigned char	 offers[WIZARD_MAX_STEPS]; /* private: what f and e
					   can do on each step, decided once
					   per set of results */
};

/* Starts the diagnosis of o's project: gathers everything, starts the
 * probes, runs the checks that do not wait for them.  Returns 0 (the
 * probes may still be running: wizard_wait), or -1 with *cause (caller
 * frees) when there is nothing to diagnose.  wizard_close is safe
 * either way. */
int	 wizard_open(struct wizard *w, const struct options *o, char **cause);
void	 wizard_close(struct wizard *w);
/* True while probes are in flight. */
bool	 wizard_busy(const struct wizard *w);
/* Waits up to timeout_ms (-1: until something happens) for the probes
 * and for fd (-1: none) to become readable; *fd_ready (may be NULL) says
 * whether fd is.  When the last answer arrives the checks that read the
 * probes run again.  Returns true when any result changed (redraw).
 * With no probe in flight it only waits for fd (at once when fd is -1);
 * a signal (SIGWINCH) may then end the wait early. */
bool	 wizard_wait(struct wizard *w, int fd, int timeout_ms,
	    bool *fd_ready);
/* Esc: stops every request in flight; the checks waiting for them skip
 * with "cancelled". */
void	 wizard_cancel(struct wizard *w);
/* r: reads everything again and restarts the probes (after a change, or
 * when the user edited a file by hand).  0, or -1 with *cause; the old
 * diagnosis stays when it fails. */
int	 wizard_rerun(struct wizard *w, char **cause);

/* ---- reading the steps ---- */
/* The check behind step i, or NULL when it is not a check step. */
const struct check *wizard_check(const struct wizard *w, size_t i);
/* Check step i's result (NULL for other steps).  *waiting (may be NULL)
 * is true when the check reads the probes and they are still running:
 * the result is not final and should be shown as "waiting". */
const struct check_result *wizard_result(const struct wizard *w, size_t i,
	    bool *waiting);
/* The step of the first check that warns or fails (or is waiting), from
 * step i on; nsteps - 1 (the summary) when there is none. */
size_t	 wizard_next_problem(const struct wizard *w, size_t i);
/* Check step i is step *n of *m check steps ("step 2 of 11"); *n is 0
 * for the welcome, and counts the checks before i for the others. */
void	 wizard_step_number(const struct wizard *w, size_t i, size_t *n,
	    size_t *m);
/* True when the requests were cancelled (Esc): the checks that needed
 * them were not done, so "no problems" may not be said. */
bool	 wizard_cancelled(const struct wizard *w);
/* Counts over the checks: failed, warned (waiting ones not counted). */
void	 wizard_counts(const struct wizard *w, size_t *fail, size_t *warn,
	    size_t *waiting);

/* The texts of check step i's screen.  All borrowed (translated
 * constants, or owned by w) except found, which the caller frees with
 * xfree_strv. */
struct wizard_page {
	const char	*title;		/* the check's title */
	const char	*checked;	/* what was checked, one sentence */
	const char	*why;		/* why it matters, one or two
					   sentences a beginner reads */
	char		**found;	/* what was found: one masked line per
					   copy of the relevant variables,
					   with its place (file:line) and
					   whether it wins; for the network
					   checks one line per request (what,
					   status, ms).  NULL-ended */
	bool		 fixable;	/* f offers a change here */
	bool		 pasteable;	/* e makes sense here (the key is
					   missing, wrong or refused) */
};

int	 wizard_page(const struct wizard *w, size_t i, struct wizard_page *p);
/* d: the raw answers behind check step i (status line, headers worth
 * reading, the body), sanitized and masked, as text lines (caller frees
 * with xfree_strv); a line saying there are none when nothing was sent. */
char	**wizard_details(const struct wizard *w, size_t i);

/* ---- changes ---- */
/* f on check step i: the change that fixes it, or -1 with *why (a
 * translated sentence, caller frees) when none can be made here (and
 * what to do instead). */
int	 wizard_plan_fix(const struct wizard *w, size_t i, struct change *c,
	    char **why);
/* e: cleans text[0..len) (quotes, whitespace, CR, zero-width characters,
 * NBSP, a BOM, a leading "OPENAI_API_KEY=" or "export ") and plans
 * writing it into the project's .env.  p describes the cleaned key.  0,
 * or -1 with *why (nothing usable was pasted). */
int	 wizard_plan_paste(struct wizard *w, const char *text, size_t len,
	    struct pasted *p, struct change *c, char **why);
/* Writes c after the user confirmed: backup, atomic replace, read back
 * and prove (the file reads as c->value in every loader), then reruns
 * the diagnosis (probes included).  Sets w->message to the outcome
 * either way.  0, or -1 (nothing changed, or the original put back). */
int	 wizard_apply(struct wizard *w, struct change *c);

/* ---- the decoder and the summary ---- */
/* Decodes a pasted error (explain_parse) against the keys found here;
 * w->decoded gets the answer as text.  0, or -1 when the text holds no
 * error fix401 can read (w->decoded then says so). */
int	 wizard_decode(struct wizard *w, const char *text, size_t len);
/* Writes the support report (report_support) to path, or when path is
 * NULL to o->report or else "fix401-report.txt" in the working folder.
 * *written gets the path used, made safe to show (caller frees).  0, or
 * -1 with *cause. */
int	 wizard_report(struct wizard *w, const char *path, char **written,
	    char **cause);
/* The exit status the current results call for (diagnosis_status). */
int	 wizard_status(const struct wizard *w);

#endif
