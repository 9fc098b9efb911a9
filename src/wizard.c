/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* STUB: the wizard's model; blocking diagnosis for now. */
#include <config.h>

#include "wizard.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "key.h"
#include "xalloc.h"

void
change_clear(struct change *c)
{
	free(c->path);
	free(c->before);
	free(c->after);
	free(c->more);
	if (c->buf != NULL)
		explicit_bzero(c->buf, c->len);
	free(c->buf);
	if (c->value != NULL)
		explicit_bzero(c->value, c->vlen);
	free(c->value);
	free(c->target);
	memset(c, 0, sizeof *c);
}

void
pasted_clear(struct pasted *p)
{
	free(p->masked);
	free(p->provider);
	free(p->kind);
	free(p->cleaned);
	free(p->warning);
	memset(p, 0, sizeof *p);
}

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
	if (diagnose_run(&w->dopt, &w->d, cause) < 0)
		return -1;
	w->have_d = true;
	w->runs = 1;
	return 0;
}

void
wizard_close(struct wizard *w)
{
	if (w->have_d)
		diagnosis_clear(&w->d);
	free(w->message);
	free(w->shell_note);
	free(w->decoded);
	memset(w, 0, sizeof *w);
}

bool
wizard_busy(const struct wizard *w)
{
	return w->pending;
}

bool
wizard_wait(struct wizard *w, int fd, int timeout_ms, bool *fd_ready)
{
	(void)w; (void)fd; (void)timeout_ms;
	if (fd_ready != NULL)
		*fd_ready = false;
	return false;
}

void
wizard_cancel(struct wizard *w)
{
	(void)w;
}

int
wizard_rerun(struct wizard *w, char **cause)
{
	struct diagnosis d;

	if (diagnose_run(&w->dopt, &d, cause) < 0) {
		diagnosis_clear(&d);
		return -1;
	}
	diagnosis_clear(&w->d);
	w->d = d;	/* FIXME: ctx points into d */
	w->runs++;
	return 0;
}

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
	if (waiting != NULL)
		*waiting = false;
	if (wizard_check(w, i) == NULL)
		return NULL;
	return &w->d.results[w->steps[i].check];
}

size_t
wizard_next_problem(const struct wizard *w, size_t i)
{
	for (; i < w->nsteps; i++) {
		const struct check_result *r = wizard_result(w, i, NULL);

		if (r != NULL && (r->status == CHECK_FAIL ||
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
		const struct check_result *r = wizard_result(w, i, NULL);

		if (r != NULL && r->status == CHECK_FAIL)
			(*fail)++;
		else if (r != NULL && r->status == CHECK_WARN)
			(*warn)++;
	}
}

int
wizard_page(const struct wizard *w, size_t i, struct wizard_page *p)
{
	const struct check *c = wizard_check(w, i);

	memset(p, 0, sizeof *p);
	if (c == NULL)
		return -1;
	p->title = _(c->title);
	p->checked = "";
	p->why = "";
	p->found = xcalloc(1, sizeof *p->found);
	return 0;
}

char **
wizard_details(const struct wizard *w, size_t i)
{
	char **v = xcalloc(2, sizeof *v);

	(void)w; (void)i;
	v[0] = xstrdup(_("No request was sent for this check."));
	return v;
}

int
wizard_plan_fix(struct wizard *w, size_t i, struct change *c, char **why)
{
	(void)w; (void)i;
	memset(c, 0, sizeof *c);
	*why = xstrdup(_("fix401 has no change to propose here."));
	return -1;
}

int
wizard_plan_paste(struct wizard *w, const char *text, size_t len,
    struct pasted *p, struct change *c, char **why)
{
	(void)w; (void)text; (void)len;
	memset(p, 0, sizeof *p);
	memset(c, 0, sizeof *c);
	*why = xstrdup(_("fix401 has no change to propose here."));
	return -1;
}

int
wizard_apply(struct wizard *w, struct change *c)
{
	(void)w; (void)c;
	return -1;
}

int
wizard_decode(struct wizard *w, const char *text, size_t len)
{
	(void)w; (void)text; (void)len;
	return -1;
}

int
wizard_report(struct wizard *w, const char *path, char **written,
    char **cause)
{
	(void)w; (void)path; (void)written;
	*cause = xstrdup("not yet");
	return -1;
}

int
wizard_status(const struct wizard *w)
{
	return diagnosis_status(&w->d);
}
