/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Plain mode: the wizard's steps as numbered text, for a screen reader, a
 * dumb terminal or a script.  Everything, questions included, goes to
 * standard output as one ordered stream (errors to standard error);
 * answers are read from standard input a byte at a time, so no copy of a
 * pasted key is left in a stdio buffer.  ASCII only: the status tags,
 * never colour or box drawing. */
#include <config.h>

#include "plain.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "i18n.h"
#include "buf.h"
#include "report.h"
#include "sanitize.h"
#include "utf8.h"
#include "xalloc.h"

#define ANSWER_MAX	64		/* bytes kept of a y/N answer */
#define PASTE_MAX	4096		/* of a pasted key */
#define ERROR_MAX	(64 * 1024)	/* of a pasted error message */

/* A signal ends the run cleanly: the handler puts the terminal's echo
 * back, notes the signal and wakes wizard_wait through a pipe.  A second
 * one kills as usual (SA_RESETHAND). */
static volatile sig_atomic_t caught;
static volatile sig_atomic_t echo_off;
static struct termios saved_tty;
static int wake[2] = { -1, -1 };
static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction old_actions[3];

/* The run's state.  Borrows w. */
struct plain {
	struct wizard	*w;
	bool		 tty;		/* stdin is a terminal */
	bool		 eof;		/* stdin ended: every question is no */
	size_t		 total;		/* numbered steps */
	bool		 fixed[WIZARD_MAX_STEPS];	/* a fix was offered */
	bool		 pasted[WIZARD_MAX_STEPS];	/* a paste was */
};

/* The status tags of the checklist (same texts, same translations). */
static const char *const tags[] = {
	[CHECK_PASS] = N_("[ OK ]"), [CHECK_WARN] = N_("[WARN]"),
	[CHECK_FAIL] = N_("[FAIL]"), [CHECK_SKIP] = N_("[SKIP]"),
};

static void
on_signal(int sig)
{
	int e = errno;

	if (echo_off)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
	caught = sig;
	if (wake[1] >= 0 && write(wake[1], "", 1) < 0) {
		/* full or closed: the flag is enough */
	}
	errno = e;
}

static void
signals_on(void)
{
	struct sigaction sa = { .sa_handler = on_signal,
	    .sa_flags = SA_RESETHAND };	/* no SA_RESTART: reads stop */

	caught = 0;
	if (pipe2(wake, O_CLOEXEC | O_NONBLOCK) < 0)
		wake[0] = wake[1] = -1;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < 3; i++) {
		sigaction(signals[i], NULL, &old_actions[i]);
		if (old_actions[i].sa_handler != SIG_IGN)	/* nohup */
			sigaction(signals[i], &sa, NULL);
	}
}

static void
signals_off(void)
{
	for (size_t i = 0; i < 3; i++)
		sigaction(signals[i], &old_actions[i], NULL);
	for (size_t i = 0; i < 2; i++)
		if (wake[i] >= 0)
			close(wake[i]);
	wake[0] = wake[1] = -1;
}

/* Prints text after col columns already used, wrapped (the later lines
 * indented by indent); nothing for NULL or "". */
static void
wrap(size_t col, size_t indent, const char *text)
{
	if (text != NULL && *text != '\0')
		report_wrap(stdout, col, indent, text);
}

/* "  Label: text", wrapped. */
static void
labelled(const char *label, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	printf("  %s ", label);
	wrap(3 + utf8_length(label, strlen(label)), 4, text);
}

/* The number of step i and the heading "Step N of M: title". */
static void
heading(const struct plain *pl, size_t i, const char *title,
    const char *tag)
{
	size_t n = 0;

	for (size_t j = 0; j <= i; j++)
		n += pl->w->steps[j].kind != STEP_WELCOME;
	/* TRANSLATORS: step number, number of steps, the step's title. */
	printf(_("Step %zu of %zu: %s"), n, pl->total, title);
	if (tag != NULL)
		printf("  %s", tag);
	putchar('\n');
}

/* ---- reading answers ---- */
/* Reads one line of stdin into b (no newline; bytes past max dropped).
 * 0, or -1 at the end of input or on a signal (pl->eof set). */
static int
read_line(struct plain *pl, struct buf *b, size_t max)
{
	char c;
	ssize_t n;

	buf_reset(b);
	if (pl->eof)
		return -1;
	fflush(stdout);
	for (;;) {
		n = read(STDIN_FILENO, &c, 1);
		if (n < 0 && errno == EINTR && !caught)
			continue;
		if (n <= 0 || caught) {
			pl->eof = true;
			return b->n > 0 && !caught ? 0 : -1;
		}
		if (c == '\n')
			return 0;
		if (b->n < max)
			buf_addc(b, c);
	}
}

/* Ends a question that got no answer: what is done instead, or, after a
 * signal, just the line. */
static void
unanswered(const char *what)
{
	puts(caught ? "" : what);
}

/* Asks prompt; true for a yes (rpmatch).  --yes answers for the user.
 * Off a terminal the answer is echoed as "yes" or "no", never as typed
 * (a mistaken paste must not reach the output). */
static bool
ask_yes(struct plain *pl, const char *prompt)
{
	struct buf b = { 0 };
	bool yes;

	fputs(prompt, stdout);
	if (pl->w->o->yes) {
		puts(_("yes (--yes)"));
		return true;
	}
	if (read_line(pl, &b, ANSWER_MAX) < 0) {
		unanswered(_("no (end of input)"));
		buf_free(&b);
		return false;
	}
	yes = b.p != NULL && rpmatch(b.p) == 1;
	buf_free(&b);
	if (!pl->tty)
		puts(yes ? _("yes") : _("no"));
	return yes;
}

/* Reads a line with the terminal's echo off (when stdin is one), for a
 * key.  0, or -1 at the end of input. */
static int
read_hidden(struct plain *pl, struct buf *b)
{
	struct termios t;
	int rc;

	if (!pl->tty || pl->eof || tcgetattr(STDIN_FILENO, &saved_tty) < 0) {
		rc = read_line(pl, b, PASTE_MAX);
		if (rc == 0 && !pl->tty)
			putchar('\n');
		return rc;
	}
	t = saved_tty;
	t.c_lflag &= ~(tcflag_t)ECHO;
	t.c_lflag |= ECHONL;		/* the Enter still shows */
	echo_off = 1;
	tcsetattr(STDIN_FILENO, TCSANOW, &t);
	rc = read_line(pl, b, PASTE_MAX);
	tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
	echo_off = 0;
	return rc;
}

/* ---- waiting and changing ---- */
/* While probes are in flight: one line, then wait (a signal cancels). */
static void
wait_probes(struct plain *pl)
{
	char *url;

	if (!wizard_busy(pl->w))
		return;
	url = sanitize_url(check_url(&pl->w->d->ctx, NULL));
	/* TRANSLATORS: %s is the API's base URL. */
	printf(_("Asking the server at %s ...\n"), url);
	free(url);
	fflush(stdout);
	while (wizard_busy(pl->w) && !caught)
		wizard_wait(pl->w, wake[0], -1, NULL);
	if (caught)
		wizard_cancel(pl->w);
}

/* The masked one-line diff of c. */
static void
show_change(const struct change *c)
{
	char *path = sanitize_text(c->path, strlen(c->path), NULL);

	if (c->creates)
		/* TRANSLATORS: %s is the file fix401 would create. */
		printf(_("Create %s (mode 0600):\n"), path);
	else
		/* TRANSLATORS: %s is the file fix401 would change. */
		printf(_("Change %s:\n"), path);
	free(path);
	if (c->line == 0)
		printf("    %s\n", c->after != NULL ? c->after : "");
	else {
		if (c->before != NULL)
			printf("  - %zu: %s\n", c->line, c->before);
		if (c->after != NULL)
			printf("  + %zu: %s\n", c->line, c->after);
	}
	if (c->more != NULL) {
		fputs("  ", stdout);
		wrap(2, 4, c->more);
	}
}

/* Writes c (the user said yes), says how it went and waits for the
 * checks to run again.  True when something was written. */
static bool
apply(struct plain *pl, struct change *c)
{
	struct wizard *w = pl->w;
	size_t fail, warn, waiting;
	int rc = wizard_apply(w, c);

	wrap(0, 2, w->message);
	if (rc < 0)
		return false;
	wrap(0, 2, w->shell_note);
	wait_probes(pl);
	wizard_counts(w, &fail, &warn, &waiting);
	/* TRANSLATORS: the counts of failed and warned checks. */
	printf(_("The checks ran again: %zu failed, %zu warned.\n"), fail,
	    warn);
	return true;
}

/* f: plans the fix of step i, shows it and asks.  True when written. */
static bool
offer_fix(struct plain *pl, size_t i)
{
	struct change c = { 0 };
	char *why = NULL;
	bool done = false;

	pl->fixed[i] = true;
	if (wizard_plan_fix(pl->w, i, &c, &why) < 0) {
		labelled(_("No fix here:"), why);
		free(why);
	} else {
		show_change(&c);
		done = ask_yes(pl, _("Fix this? [y/N] ")) && apply(pl, &c);
	}
	change_clear(&c);
	return done;
}

/* What a pasted key looks like, cleaned. */
static void
show_pasted(const struct pasted *p)
{
	/* TRANSLATORS: the masked key, then its length. */
	printf(_("  The pasted key: %s, %zu characters\n"),
	    p->masked != NULL ? p->masked : "-", p->length);
	if (p->provider != NULL)
		/* TRANSLATORS: a provider ("OpenAI"), then the kind of key
		   ("project key"). */
		printf(_("  Provider: %s (%s)\n"), p->provider,
		    p->kind != NULL ? p->kind : _("kind unknown"));
	labelled(_("Removed:"), p->cleaned);
	labelled(_("Warning:"), p->warning);
}

/* e: asks for a new key (echo off), shows it masked and the change, and
 * asks again.  True when written. */
static bool
offer_paste(struct plain *pl, size_t i)
{
	struct buf b = { 0 };
	struct pasted p = { 0 };
	struct change c = { 0 };
	char *why = NULL;
	bool done = false;

	pl->pasted[i] = true;
	fputs(_("Paste a new key (input hidden), or press Enter to skip: "),
	    stdout);
	if (read_hidden(pl, &b) < 0)
		unanswered(_("skipped (end of input)"));
	else if (b.n == 0)
		puts(_("Skipped."));
	else if (wizard_plan_paste(pl->w, b.p, b.n, &p, &c, &why) < 0) {
		labelled(_("Not used:"), why);
		free(why);
	} else {
		show_pasted(&p);
		show_change(&c);
		done = ask_yes(pl, _("Write it? [y/N] ")) && apply(pl, &c);
	}
	buf_free(&b);
	pasted_clear(&p);
	change_clear(&c);
	return done;
}

/* ---- the steps ---- */
/* Prints check step i: the heading and its summary when it passed or was
 * skipped, else everything the page holds; p gets the page (the caller
 * frees p->found). */
static void
show_check(struct plain *pl, size_t i, struct wizard_page *p)
{
	bool waiting;
	const struct check_result *r = wizard_result(pl->w, i, &waiting);
	const char *tag = waiting ? _("[WAIT]") : _(tags[r->status]);

	wizard_page(pl->w, i, p);
	heading(pl, i, p->title, tag);
	if (!waiting && (r->status == CHECK_PASS || r->status == CHECK_SKIP)) {
		fputs("  ", stdout);
		wrap(2, 4, r->summary);
		return;
	}
	labelled(_("Checked:"), p->checked);
	labelled(_("Found:"), r->summary);
	for (size_t k = 0; p->found != NULL && p->found[k] != NULL; k++) {
		fputs("    ", stdout);
		wrap(4, 6, p->found[k]);
	}
	labelled(_("Why it matters:"), p->why);
	labelled(_("Details:"), r->detail);
	labelled(_("Fix:"), r->fix);
}

/* Check step i, and what can be done about it.  Returns the step to show
 * next: i again when a change was written and i still does not pass. */
static size_t
do_check(struct plain *pl, size_t i)
{
	struct wizard_page p;
	const struct check_result *r;
	bool changed = false;

	show_check(pl, i, &p);
	if (p.fixable && !pl->fixed[i])
		changed = offer_fix(pl, i);
	if (!changed && p.pasteable && !pl->pasted[i])
		changed = offer_paste(pl, i);
	xfree_strv(p.found);
	putchar('\n');
	r = wizard_result(pl->w, i, NULL);
	return changed && r != NULL && r->status != CHECK_PASS ? i : i + 1;
}

/* The error decoder: reads lines up to an empty one. */
static void
do_decoder(struct plain *pl, size_t i)
{
	struct buf text = { 0 }, line = { 0 };

	heading(pl, i, _("Decode an error message"), NULL);
	puts(_("Paste the error you got, then an empty line (or press Enter "
	    "to skip):"));
	while (read_line(pl, &line, ERROR_MAX) == 0 && line.n > 0 &&
	    text.n < ERROR_MAX) {
		buf_add(&text, line.p, line.n);
		buf_addc(&text, '\n');
	}
	buf_free(&line);
	if (text.n == 0) {
		unanswered(pl->eof ? _("skipped (end of input)") :
		    _("Skipped."));
		putchar('\n');
		return;
	}
	wizard_decode(pl->w, text.p, text.n);
	buf_free(&text);
	if (pl->w->decoded != NULL) {	/* already in lines of 79 */
		fputs(pl->w->decoded, stdout);
		if (*pl->w->decoded != '\0' &&
		    pl->w->decoded[strlen(pl->w->decoded) - 1] != '\n')
			putchar('\n');
	}
	putchar('\n');
}

/* The support report: --report FILE writes it there; on a terminal the
 * user is asked (not with --yes, which is about changes).  0, or 2 when
 * --report could not be written. */
static int
offer_report(struct plain *pl)
{
	const struct options *o = pl->w->o;
	char *written = NULL, *cause = NULL;

	if (o->report == NULL && (!pl->tty || o->yes || pl->eof)) {
		puts(_("For a support report (no secrets): fix401 --check "
		    "--report FILE"));
		return 0;
	}
	if (o->report == NULL && !ask_yes(pl, _("Write a support report (no "
	    "secrets) to fix401-report.txt? [y/N] ")))
		return 0;
	if (wizard_report(pl->w, NULL, &written, &cause) < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		return o->report != NULL ? 2 : 0;
	}
	/* TRANSLATORS: %s is the report's path. */
	printf(_("Wrote the support report to %s.\n"), written);
	free(written);
	return 0;
}

/* Every check in one line, the counts, the report. */
static int
do_summary(struct plain *pl, size_t i)
{
	struct wizard *w = pl->w;
	size_t fail, warn, waiting;

	heading(pl, i, _("Summary"), NULL);
	for (size_t j = 0; j < w->nsteps; j++) {
		const struct check *c = wizard_check(w, j);
		const struct check_result *r = wizard_result(w, j, NULL);

		if (c != NULL)
			printf("  %s %s\n", _(tags[r->status]), _(c->title));
	}
	wizard_counts(w, &fail, &warn, &waiting);
	/* TRANSLATORS: the counts of failed and warned checks. */
	printf(_("%zu failed, %zu warned.\n"), fail, warn);
	return offer_report(pl);
}

/* Where this runs: the banner, the folder, the .env, the base URL. */
static void
do_welcome(struct plain *pl)
{
	const struct diagnosis *d = pl->w->d;
	const struct candidate *from;
	char *url = sanitize_url(check_url(&d->ctx, &from));
	char *where = check_url_where(&d->ctx, from);
	char *dir = sanitize_text(d->dir, strlen(d->dir), NULL);
	char *env = d->dotenv_path == NULL ? NULL :
	    sanitize_text(d->dotenv_path, strlen(d->dotenv_path), NULL);

	wrap(0, 0, pl->w->banner);
	wrap(0, 0, _("fix401 checks why OpenAI API calls fail with 401 and "
	    "fixes what it can; it asks before every change."));
	printf(_("Folder: %s\n"), dir);
	if (env != NULL)
		printf(_(".env file: %s\n"), env);
	else
		fputs(_(".env file: none found\n"), stdout);
	/* TRANSLATORS: the base URL, then where it was set. */
	printf(_("Base URL: %s (%s)\n"), url, where);
	if (pl->w->o->offline)
		puts(_("Offline (--offline): no request is sent."));
	free(url);
	free(where);
	free(dir);
	free(env);
}

int
plain_run(struct wizard *w, const char *reason)
{
	struct plain pl = { .w = w, .tty = isatty(STDIN_FILENO) == 1 };
	size_t i = 0;
	int status = 0;

	signals_on();
	wrap(0, 0, reason);
	for (size_t j = 0; j < w->nsteps; j++)
		pl.total += w->steps[j].kind != STEP_WELCOME;
	do_welcome(&pl);
	wait_probes(&pl);
	putchar('\n');
	while (i < w->nsteps && !caught) {
		switch (w->steps[i].kind) {
		case STEP_CHECK:
			i = do_check(&pl, i);
			continue;
		case STEP_DECODER:
			do_decoder(&pl, i);
			break;
		case STEP_SUMMARY:
			status = do_summary(&pl, i);
			break;
		default:
			break;
		}
		i++;
	}
	fflush(stdout);
	signals_off();
	if (caught) {
		fprintf(stderr, _("%s: interrupted; nothing more was written\n"),
		    PACKAGE);
		return 128 + caught;
	}
	return status != 0 ? status : wizard_status(w);
}
