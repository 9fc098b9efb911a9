/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* --check, --fix and --undo: diagnose and print, or for --fix find the
 * .env, ask, write safely, read back and prove the result. */
#include <config.h>

#include "run.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "diagnose.h"
#include "envfile.h"
#include "explain.h"
#include "fix.h"
#include "i18n.h"
#include "report.h"
#include "xalloc.h"

/* Loaders see the environment fix401 was started in. */
static const char *
process_env(const char *name, void *arg)
{
	(void)arg;
	return getenv(name);
}

/* The .env to work on: -e FILE, else the one find_dotenv would load, else
 * (when must_exist is false) DIR/.env.  Caller frees; NULL if none. */
static char *
locate(const struct options *o, bool must_exist)
{
	char *p;

	if (o->env_file != NULL)
		return xstrdup(o->env_file);
	p = envfile_find(o->dir);
	if (p == NULL && !must_exist)
		p = xasprintf("%s/.env", o->dir);
	return p;
}

/* The .env being worked on.  Owns everything. */
struct target {
	char		*path;		/* as located */
	struct envfile	 f;
	struct analysis	 an;
};

/* Locates, reads and analyses the .env for o.  Returns 0, or the exit
 * status after saying why there is nothing to work on (1: no file, 2: it
 * cannot be read).  target_close() is safe either way. */
static int
target_open(const struct options *o, struct target *t)
{
	char *cause = NULL;

	memset(t, 0, sizeof *t);
	envfile_init(&t->f);
	t->path = locate(o, true);
	if (t->path == NULL) {
		/* TRANSLATORS: %s is the project folder. */
		printf(_("No .env file in %s or any folder above it.\n"), o->dir);
		return 1;
	}
	if (envfile_read(&t->f, t->path, &cause) < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		return 2;
	}
	if (!t->f.exists) {
		/* TRANSLATORS: %s is the file given with -e. */
		fprintf(stderr, _("%s: %s does not exist\n"), PACKAGE, t->path);
		return 2;
	}
	analysis_run(&t->an, t->f.buf, t->f.len, process_env, NULL);
	return 0;
}

static void
target_close(struct target *t)
{
	analysis_clear(&t->an);
	envfile_clear(&t->f);
	free(t->path);
}

/* How to print on stdout: UTF-8 marks and colour only on a terminal. */
static struct report_style
style_for(const struct options *o)
{
	struct report_style st = { .ascii = o->ascii };
	const char *term = getenv("TERM");
	bool tty = isatty(STDOUT_FILENO);

	st.marks = tty && !o->ascii &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	st.color = tty && o->color && term != NULL && *term != '\0' &&
	    strcmp(term, "dumb") != 0;
	return st;
}

/* The engine's view of the options. */
static struct diagnose_opts
engine_opts(const struct options *o)
{
	struct diagnose_opts d = {
		.dir = o->dir, .env_file = o->env_file,
		.base_url = o->base_url, .pid = o->pid,
		.offline = o->offline, .consumer = o->consumer,
		.model = o->model, .timeout_s = o->timeout,
		.allow_insecure = o->allow_insecure,
	};

	return d;
}

/* Prints what a failed diagnosis says; returns 2. */
static int
engine_error(const struct options *o, const char *cause)
{
	if (o->json) {
		char *j = report_json_error(cause);

		puts(j);
		free(j);
	}
	fprintf(stderr, "%s: %s\n", PACKAGE, cause);
	return 2;
}

int
run_check(const struct options *o)
{
	struct diagnose_opts dopt = engine_opts(o);
	struct report_style st = style_for(o);
	struct diagnosis d;
	char *cause = NULL, *json;
	int status;

	if (diagnose_run(&dopt, &d, &cause) < 0) {
		status = engine_error(o, cause);
		free(cause);
	} else if (o->json) {
		json = report_json(&d);
		puts(json);
		free(json);
		status = diagnosis_status(&d);
	} else {
		report_checklist(stdout, &d, &st);
		status = diagnosis_status(&d);
	}
	if (status != 2 && o->report != NULL &&
	    report_support(o->report, &d, &cause) < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		status = 2;
	}
	diagnosis_clear(&d);
	return status;
}

int
run_explain(const struct options *o)
{
	struct diagnose_opts dopt = engine_opts(o);
	struct report_style st = style_for(o);
	struct diagnosis d;
	struct explained e;

	dopt.offline = true;	/* only the keys on this machine are needed */
	char *cause = NULL;
	int status = 0;

	if (explain_parse(o->explain, strlen(o->explain), &e) < 0) {
		/* TRANSLATORS: keep the example command as it is. */
		cause = xstrdup(_("--explain needs the error text, for example: "
		    "fix401 --explain \"$(cat error.txt)\""));
		status = engine_error(o, cause);
		free(cause);
		return status;
	}
	/* The keys on this machine, to find the one the server saw. */
	if (diagnose_run(&dopt, &d, &cause) < 0) {
		status = engine_error(o, cause);
		free(cause);
	} else {
		report_explain(stdout, &e, &d, &st, o->json);
	}
	diagnosis_clear(&d);
	explain_clear(&e);
	return status;
}

/* Shows the planned change as a masked one-line diff. */
static void
show_plan(const struct analysis *an, const struct fix_plan *p,
    const char *path, const struct report_style *st)
{
	const struct dotenv_assign *a = p->f->a;
	char **notes;

	printf(_("Repair %s:\n"), path);
	printf("  - %zu: ", a->line + 1);
	report_line(stdout, a, an->doc.lines[a->line].eol == 2, st);
	printf("\n  + %zu: OPENAI_API_KEY=", a->line + 1);
	report_value(stdout, a->intended, a->intended_len, st);
	putchar('\n');
	notes = fix_plan_notes(p);
	for (size_t i = 0; notes[i] != NULL; i++)
		printf("  %s\n", notes[i]);
	xfree_strv(notes);
}

/* Asks before a write; true to go ahead.  --yes answers for the user; with
 * no terminal to ask on, the answer is no. */
static bool
confirm(const struct options *o)
{
	char *line = NULL;
	size_t cap = 0;
	bool yes;

	if (o->yes)
		return true;
	if (!isatty(STDIN_FILENO)) {
		fprintf(stderr, _("%s: not writing: standard input is not a "
		    "terminal (use --yes to write without asking)\n"), PACKAGE);
		return false;
	}
	fputs(_("Write this change? [y/N] "), stderr);
	fflush(stdout);
	yes = getline(&line, &cap, stdin) > 0 && rpmatch(line) == 1;
	free(line);
	if (!yes)
		fputs(_("Nothing written.\n"), stderr);
	return yes;
}

/* Writes the plan, reads the file back and proves it; on a bad read-back
 * puts the backup back.  0, or 1 after printing why. */
static int
write_and_prove(struct envfile *f, const struct fix_plan *p)
{
	const struct dotenv_assign *a = p->f->a;
	struct envfile again;
	char *backup = NULL, *cause = NULL;
	bool ok;

	if (envfile_write(f, p->buf, p->len, &backup, &cause) < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		return 1;
	}
	envfile_init(&again);
	ok = envfile_read(&again, f->path, &cause) == 0 &&
	    fix_verify(again.buf, again.len, a->intended, a->intended_len);
	envfile_clear(&again);
	free(cause);
	cause = NULL;
	if (!ok) {
		if (backup == NULL || envfile_restore(f, backup, &cause) < 0)
			fprintf(stderr, _("%s: the written file does not read "
			    "back as intended, and restoring it failed: %s\n"),
			    PACKAGE, cause != NULL ? cause : "-");
		else
			fprintf(stderr, _("%s: the written file did not read "
			    "back as intended; the original is back in "
			    "place\n"), PACKAGE);
		free(cause);
		free(backup);
		return 1;
	}
	printf(_("Wrote %s.\n"), f->path);
	if (backup != NULL)
		printf(_("Backup: %s (fix401 --undo puts it back)\n"), backup);
	free(backup);
	return 0;
}

/* Explains why no plan was made; returns the exit status. */
static int
no_plan(enum fix_result r, const struct fix_plan *p,
    const struct analysis *an, const char *path)
{
	char *why = fix_no_plan_text(r, p, an, path);

	puts(why);
	free(why);
	if (r == FIX_NOTHING)
		return report_status(an);
	return 1;
}

int
run_fix(const struct options *o)
{
	struct report_style st = { .ascii = o->ascii };
	struct target t;
	struct fix_plan plan;
	enum fix_result r;
	int status = target_open(o, &t);

	if (status == 0) {
		r = fix_plan(&t.an, o->dedupe, &plan);
		if (r != FIX_PLANNED)
			status = no_plan(r, &plan, &t.an, t.path);
		else {
			show_plan(&t.an, &plan, t.path, &st);
			status = confirm(o) ? write_and_prove(&t.f, &plan) : 1;
		}
		fix_plan_clear(&plan);
	}
	target_close(&t);
	if (status == 0) {
		putchar('\n');
		status = run_check(o);	/* the proof, from the disk */
	}
	return status;
}

int
run_undo(const struct options *o)
{
	char *path = locate(o, false), *from = NULL, *cause = NULL;
	int status = 0;

	if (envfile_undo(path, &from, &cause) < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		status = 1;
	} else {
		/* TRANSLATORS: the .env path, then the backup's path. */
		printf(_("Restored %s from %s\n"), path, from);
	}
	free(from);
	free(cause);
	free(path);
	return status;
}
