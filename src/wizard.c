/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The wizard's engine: the steps, a diagnosis whose probes run while the
 * screens are read (the front end drives them with wizard_wait), what
 * each check step offers, the decoder and the support report.  A page's
 * words are in wizard-text.c, the requests behind it in
 * wizard-details.c.  Never draws or prints. */
#include <config.h>

#include "wizard.h"

#include <langinfo.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "defect.h"
#include "fix.h"
#include "i18n.h"
#include "report.h"
#include "safefile.h"
#include "sanitize.h"
#include "wizard-text.h"
#include "xalloc.h"

/* ---- the diagnosis ---- */
static void
make_steps(struct wizard *w)
{
	size_t n;

	check_table(&n);
	w->nsteps = 0;
	w->steps[w->nsteps++].kind = STEP_WELCOME;
	for (size_t i = 0; i < n; i++) {
		w->steps[w->nsteps].kind = STEP_CHECK;
		w->steps[w->nsteps++].check = i;
	}
	w->steps[w->nsteps++].kind = STEP_DECODER;
	w->steps[w->nsteps++].kind = STEP_SUMMARY;
}

bool
wizard_ascii(const struct wizard *w)
{
	return w->o->ascii || strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
}

static void decide_offers(struct wizard *w);

int
wizard_open(struct wizard *w, const struct options *o, char **cause)
{
	memset(w, 0, sizeof *w);
	w->o = o;
	w->dopt = (struct diagnose_opts){
		.dir = o->dir, .env_file = o->env_file,
		.base_url = o->base_url, .pid = o->pid,
		.offline = o->offline, .consumer = o->consumer,
		.model = o->model, .timeout_s = o->timeout,
		.allow_insecure = o->allow_insecure,
	};
	make_steps(w);
	/* On the heap: the probes point into it until they end. */
	w->d = xcalloc(1, sizeof *w->d);
	if (diagnose_start(&w->dopt, w->d, cause) < 0)
		return -1;
	w->pending = diagnose_pending(w->d);
	w->runs = 1;
	decide_offers(w);
	return 0;
}

void
wizard_close(struct wizard *w)
{
	if (w->d != NULL)
		diagnosis_clear(w->d);
	free(w->d);
	free(w->message);
	free(w->shell_note);
	free(w->decoded);
	memset(w, 0, sizeof *w);
}

bool
wizard_busy(const struct wizard *w)
{
	return w->d != NULL && diagnose_pending(w->d);
}

/* Milliseconds on a clock that never jumps. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Nothing in flight: only fd to wait for (a signal ends the wait). */
static void
wait_fd(int fd, int timeout_ms, bool *fd_ready)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	if (fd >= 0 && poll(&p, 1, timeout_ms) > 0 && fd_ready != NULL)
		*fd_ready = (p.revents & (POLLIN | POLLHUP | POLLERR)) != 0;
}

bool
wizard_wait(struct wizard *w, int fd, int timeout_ms, bool *fd_ready)
{
	long long end = timeout_ms >= 0 ? now_ms() + timeout_ms : -1;
	bool changed = false, ready = false;

	if (!wizard_busy(w)) {
		if (fd_ready != NULL)
			*fd_ready = false;
		wait_fd(fd, timeout_ms, fd_ready);
		return false;
	}
	/* A round ends early on any network activity: go on until an
	 * answer changes the results, fd is readable or time is up. */
	for (;;) {
		long long left = end >= 0 ? end - now_ms() : 1000;

		left = left < 0 ? 0 : left > 1000 ? 1000 : left;
		changed = diagnose_poll(w->d, fd, (int)left, &ready);
		if (changed || ready || (end >= 0 && now_ms() >= end))
			break;
	}
	w->pending = diagnose_pending(w->d);
	if (changed)
		decide_offers(w);
	if (fd_ready != NULL)
		*fd_ready = ready;
	return changed;
}

void
wizard_cancel(struct wizard *w)
{
	if (w->d != NULL)
		diagnose_cancel(w->d);
	w->pending = false;
	decide_offers(w);
}

bool
wizard_cancelled(const struct wizard *w)
{
	return w->d != NULL && w->d->live.cancelled;
}

void
wizard_step_number(const struct wizard *w, size_t i, size_t *n, size_t *m)
{
	*n = *m = 0;
	for (size_t j = 0; j < w->nsteps; j++)
		if (w->steps[j].kind == STEP_CHECK) {
			(*m)++;
			if (j <= i)
				(*n)++;
		}
}

int
wizard_rerun(struct wizard *w, char **cause)
{
	struct diagnosis *d = xcalloc(1, sizeof *d);

	if (diagnose_start(&w->dopt, d, cause) < 0) {
		diagnosis_clear(d);
		free(d);
		return -1;
	}
	if (w->d != NULL)
		diagnosis_clear(w->d);	/* its probes stop */
	free(w->d);
	w->d = d;
	w->pending = diagnose_pending(d);
	w->runs++;
	decide_offers(w);
	return 0;
}

/* ---- reading the steps ---- */
const struct check *
wizard_check(const struct wizard *w, size_t i)
{
	size_t n;
	const struct check *const *t = check_table(&n);

	if (i >= w->nsteps || w->steps[i].kind != STEP_CHECK)
		return NULL;
	return t[w->steps[i].check];
}

const struct check_result *
wizard_result(const struct wizard *w, size_t i, bool *waiting)
{
	const struct check *c = wizard_check(w, i);

	if (waiting != NULL)
		*waiting = false;
	if (c == NULL || w->d == NULL || w->steps[i].check >= w->d->nresults)
		return NULL;
	if (waiting != NULL)
		*waiting = c->live && diagnose_pending(w->d);
	return &w->d->results[w->steps[i].check];
}

size_t
wizard_next_problem(const struct wizard *w, size_t i)
{
	for (; i < w->nsteps; i++) {
		bool waiting;
		const struct check_result *r = wizard_result(w, i, &waiting);

		if (r != NULL && (waiting || r->status == CHECK_FAIL ||
		    r->status == CHECK_WARN))
			return i;
	}
	return w->nsteps - 1;
}

void
wizard_counts(const struct wizard *w, size_t *fail, size_t *warn,
    size_t *waiting)
{
	*fail = *warn = *waiting = 0;
	for (size_t i = 0; i < w->nsteps; i++) {
		bool wait;
		const struct check_result *r = wizard_result(w, i, &wait);

		if (r == NULL)
			continue;
		if (wait)
			(*waiting)++;
		else if (r->status == CHECK_FAIL)
			(*fail)++;
		else if (r->status == CHECK_WARN)
			(*warn)++;
	}
}

/* ---- what a page offers ---- */
/* What fix_plan makes of the .env's key line (FIX_NO_KEY: no .env). */
static enum fix_result
dotenv_plan(const struct diagnosis *d)
{
	const struct finding *f;
	struct fix_plan p = { 0 };
	enum fix_result r;

	if (!d->have_an)
		return FIX_NO_KEY;
	f = analysis_winner(&d->an, "OPENAI_API_KEY");
	r = fix_plan(&d->an, f != NULL &&
	    (f->defects & (1UL << DEFECT_DUPLICATE)) != 0, &p);
	fix_plan_clear(&p);
	return r;
}

/* f has a change to offer on step i: exactly when wizard_plan_fix
 * plans one (one decision, made in one place). */
static bool
can_fix(const struct wizard *w, size_t i)
{
	struct change c;
	char *why = NULL;
	int rc = wizard_plan_fix(w, i, &c, &why);

	change_clear(&c);
	free(why);
	return rc == 0;
}

/* e makes sense for c's result r: the key is missing, wrong or refused. */
static bool
can_paste(const struct diagnosis *d, const struct check *c,
    const struct check_result *r)
{
	static const char *const ids[] = {
		"key-found", "key-format", "key-provider", "key-accepted",
	};

	if (strcmp(c->id, "dotenv-clean") == 0)
		return (r->status == CHECK_FAIL || r->status == CHECK_WARN) &&
		    dotenv_plan(d) == FIX_UNSAFE;
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
		if (strcmp(c->id, ids[i]) == 0)
			return r->status == CHECK_FAIL;
	return false;
}

enum { OFFER_FIX = 1, OFFER_PASTE = 2 };

/* What f and e can do on each step, decided once per set of results:
 * planning a fix reads files, too slow to repeat on every redraw. */
static void
decide_offers(struct wizard *w)
{
	for (size_t i = 0; i < w->nsteps && i < WIZARD_MAX_STEPS; i++) {
		const struct check *c = wizard_check(w, i);
		const struct check_result *r;
		bool waiting;

		w->offers[i] = 0;
		if (c == NULL || (r = wizard_result(w, i, &waiting)) == NULL ||
		    waiting)
			continue;
		if (can_fix(w, i))
			w->offers[i] |= OFFER_FIX;
		if (can_paste(w->d, c, r))
			w->offers[i] |= OFFER_PASTE;
	}
}

int
wizard_page(const struct wizard *w, size_t i, struct wizard_page *p)
{
	const struct check *c = wizard_check(w, i);
	const struct check_result *r;
	const struct wizard_text *t;
	bool waiting;

	memset(p, 0, sizeof *p);
	if (c == NULL || (r = wizard_result(w, i, &waiting)) == NULL)
		return -1;
	t = wizard_text(c->id);
	p->title = _(c->title);
	p->checked = t != NULL ? _(t->checked) : "";
	p->why = t != NULL ? _(t->why) : "";
	p->found = wizard_found(w, c);
	p->fixable = !waiting && (w->offers[i] & OFFER_FIX) != 0;
	p->pasteable = !waiting && (w->offers[i] & OFFER_PASTE) != 0;
	return 0;
}

/* ---- the decoder and the summary ---- */
/* e holds something fix401 can read: a status, a code, a key's mask or
 * a known cause. */
static bool
readable(const struct explained *e)
{
	return e->status > 0 || e->code != NULL ||
	    e->mask_kind != EXPLAIN_MASK_NONE || e->cause != EXPLAIN_UNKNOWN;
}

int
wizard_decode(struct wizard *w, const char *text, size_t len)
{
	struct report_style st = { .ascii = wizard_ascii(w) };
	struct explained e;
	char *buf = NULL;
	size_t n = 0;
	FILE *f;

	st.marks = !st.ascii;
	free(w->decoded);
	w->decoded = NULL;
	if (w->d == NULL || explain_parse(text, len, &e) < 0 ||
	    !readable(&e)) {
		if (w->d != NULL)
			explain_clear(&e);
		w->decoded = xstrdup(_("fix401 found no error it can read in "
		    "that text. Paste what your program printed: the SDK's "
		    "error (\"Error code: 401 - ...\"), the JSON body, or the "
		    "output of curl -i."));
		return -1;
	}
	if ((f = open_memstream(&buf, &n)) == NULL)
		die("%s", _("out of memory"));
	report_explain(f, &e, w->d, &st, false);
	if (fclose(f) != 0)
		die("%s", _("out of memory"));
	explain_clear(&e);
	w->decoded = buf;
	return 0;
}

int
wizard_report(struct wizard *w, const char *path, char **written,
    char **cause)
{
	char *p, *cwd;

	*written = NULL;
	if (path == NULL)
		path = w->o->report;
	if (path != NULL) {
		p = xstrdup(path);
	} else if ((cwd = getcwd(NULL, 0)) != NULL) {
		p = safefile_join(cwd, "fix401-report.txt");
		free(cwd);
	} else
		p = xstrdup("fix401-report.txt");
	if (w->d == NULL || report_support(p, w->d, cause) < 0) {
		if (w->d == NULL)
			*cause = xstrdup(_("nothing was diagnosed"));
		free(p);
		return -1;
	}
	*written = sanitize_take(p);
	return 0;
}

int
wizard_status(const struct wizard *w)
{
	return w->d != NULL ? diagnosis_status(w->d) : 2;
}
