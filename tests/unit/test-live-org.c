/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The live half of org-project over a finished struct live filled by
 * hand (the differential probes without the organization or project
 * header), and why the live checks sent nothing (blocked, no key, a key
 * no SDK can send).  No text may hold a key. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "live-fixture.h"
#include "unit.h"
#include "xalloc.h"

/* .env: 0 the key, 1 the project, 2 the organization; both sent. */
static void
fx_org(struct fixture *fx, struct live *l, char **file)
{
	*file = xasprintf("OPENAI_API_KEY=%s\nOPENAI_PROJECT_ID=" PROJ "\n"
	    "OPENAI_ORG_ID=" ORG "\n", KA);
	lf_fx(fx, *file);
	fx_decide(fx);
	lf_go(l, fx, 0);
	l->project = 1;
	l->org = 2;
}

static struct probe *
sent(struct probe *p, bool org, bool project)
{
	p->sent_org = org;
	p->sent_project = project;
	return p;
}

static void
test_org_project(void)
{
	struct fixture fx;
	struct live l;
	struct check_result r = { 0 };
	char *file, *b = lf_wrong(KA, strlen(KA));

	fx_org(&fx, &l, &file);
	sent(lf_answer(&l, PROBE_MODELS, 0, 401, MISPROJ, true), true, true);
	sent(lf_answer(&l, PROBE_NO_ORG, 0, 401, MISPROJ, true), false, true);
	sent(lf_answer(&l, PROBE_NO_PROJECT, 0, 200, MODELS, true), true,
	    false);
	RUN(check_org_project, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "OPENAI_PROJECT_ID in /p/.env:2 does not match the "
	    "key: the API refuses the OpenAI-Project header");
	HAS(r.detail, "Sent again without the OpenAI-Project header, the "
	    "same request succeeded.");
	HAS(r.fix, "delete OPENAI_PROJECT_ID at /p/.env:2");
	live_clear(&l);
	fx_free(&fx);
	free(file);

	/* The organization, named by the answer alone. */
	fx_org(&fx, &l, &file);
	sent(lf_answer(&l, PROBE_MODELS, 0, 401, MISORG, true), true, true);
	RUN(check_org_project, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "OPENAI_ORG_ID in /p/.env:3");
	HAS(r.summary, "OpenAI-Organization header");
	CHECK(r.detail == NULL);
	live_clear(&l);
	fx_free(&fx);
	free(file);

	/* Refused without them too: not the cause. */
	fx_org(&fx, &l, &file);
	sent(lf_answer(&l, PROBE_MODELS, 0, 401, b, true), true, true);
	sent(lf_answer(&l, PROBE_NO_ORG, 0, 401, b, true), false, true);
	sent(lf_answer(&l, PROBE_NO_PROJECT, 0, 401, b, true), true, false);
	RUN(check_org_project, &fx, &r, CHECK_PASS);
	HAS(r.summary, "neither header");
	live_clear(&l);
	fx_free(&fx);
	free(file);

	fx_org(&fx, &l, &file);
	sent(lf_answer(&l, PROBE_MODELS, 0, 200, MODELS, true), true, true);
	RUN(check_org_project, &fx, &r, CHECK_PASS);
	HAS(r.summary, "accepted by the API");
	live_clear(&l);
	/* No request: the offline verdict. */
	fx.ctx.live = NULL;
	RUN(check_org_project, &fx, &r, CHECK_PASS);
	HAS(r.summary, "needs the network");
	check_result_clear(&r);
	fx_free(&fx);
	free(file);
	free(b);
}

/* In a child (a crash must not end the test): a server naming the header
 * of a variable that is not set, so was never sent.  The check must not
 * read a candidate that does not exist (index NO_WINNER: the one before
 * the first, a sentinel here, so that the fault shows in every build),
 * nor blame that variable. */
static void
unsent_header(const char *body, bool org_set, int line)
{
	pid_t pid;
	int st = 0;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		struct fixture fx;
		struct live l;
		struct check_result r = { 0 };
		char *file = xasprintf("OPENAI_API_KEY=%s\n%s\n", KA, org_set ?
		    "OPENAI_ORG_ID=" ORG : "OPENAI_PROJECT_ID=" PROJ);
		bool ok;

		static char name[] = "NOT_A_CANDIDATE", path[] = "/nowhere";
		struct candidate *c;

		lf_fx(&fx, file);
		fx_decide(&fx);
		c = xcalloc(fx.src.n + 1, sizeof *c);
		c[0].name = name;
		c[0].source = SOURCE_RCFILE;
		c[0].path = path;
		c[0].line = 1;
		memcpy(c + 1, fx.src.c, fx.src.n * sizeof *c);
		fx.src.c = c + 1;
		lf_go(&l, &fx, 0);
		if (org_set)
			l.org = 1;
		else
			l.project = 1;
		sent(lf_answer(&l, PROBE_MODELS, 0, 401, body, true),
		    org_set,
		    !org_set);
		check_org_project.run(&fx.ctx, &r);
		ok = r.summary != NULL && strstr(r.summary, org_set ?
		    "OPENAI_PROJECT_ID in" : "OPENAI_ORG_ID in") == NULL &&
		    strstr(r.summary, name) == NULL;
		if (!ok)
			fprintf(stderr, "    summary: %s\n", r.summary);
		_exit(ok ? 0 : 2);
	}
	unit_true(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0, "no crash, no unset variable blamed",
	    __FILE__, line);
	if (pid > 0 && !(WIFEXITED(st) && WEXITSTATUS(st) == 0))
		fprintf(stderr, "    child: %s %d\n", WIFSIGNALED(st) ?
		    "signal" : "exit", WIFSIGNALED(st) ? WTERMSIG(st) :
		    WEXITSTATUS(st));
}

static void
test_blocked(void)
{
	struct fixture fx;
	struct live l;
	struct check_result r = { 0 };
	char *file, *nl = xasprintf("%s\n", KA);

	lf_fx_two(&fx, &file);
	lf_go(&l, &fx, 1);
	CHECK(!check_live_blocked(&fx.ctx, &r));
	CHECK(r.summary == NULL);
	l.block = LIVE_INSECURE;
	lf_answer(&l, PROBE_MODELS, NO_WINNER, 401, NULL, true);
	RUN(check_key_accepted, &fx, &r, CHECK_SKIP);
	HAS(r.summary, "unencrypted");
	RUN(check_completion, &fx, &r, CHECK_SKIP);
	HAS(r.summary, "--allow-insecure");
	/* The network was still probed, without the key. */
	RUN(check_network, &fx, &r, CHECK_PASS);
	l.block = LIVE_FOREIGN_KEY;
	l.key_provider = provider_find(lf_ps, "openrouter");
	RUN(check_key_accepted, &fx, &r, CHECK_SKIP);
	HAS(r.summary, "belongs to OpenRouter, the base URL to OpenAI");
	l.block = LIVE_BAD_URL;
	RUN(check_completion, &fx, &r, CHECK_SKIP);
	HAS(r.summary, "base URL cannot be used");
	l.block = LIVE_OFFLINE;
	RUN(check_key_accepted, &fx, &r, CHECK_SKIP);
	HAS(r.summary, "offline");
	l.block = LIVE_GO;
	l.key = NO_WINNER;
	RUN(check_completion, &fx, &r, CHECK_SKIP);
	HAS(r.summary, "no key to send");
	live_clear(&l);
	fx_free(&fx);
	free(file);

	/* A key with a newline: no SDK sends it. */
	lf_fx_two(&fx, &file);
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_ENV, NULL, 0, nl,
	    strlen(nl));
	fx_decide(&fx);
	lf_go(&l, &fx, 2);
	l.unsendable = true;
	lf_answer(&l, PROBE_MODELS, NO_WINNER, 401, NULL, true);
	RUN(check_key_accepted, &fx, &r, CHECK_FAIL);
	HAS(r.summary, "no SDK can send the key in the environment (");
	HAS(r.fix, "fix401 --fix");
	RUN(check_completion, &fx, &r, CHECK_FAIL);
	live_clear(&l);
	check_result_clear(&r);
	fx_free(&fx);
	free(file);
	free(nl);

	unsent_header(MISORG, false, __LINE__);
	unsent_header(MISPROJ, true, __LINE__);
}

int
main(void)
{
	int rc = lf_setup();

	if (rc != 0)
		return rc;
	test_org_project();
	test_blocked();
	providers_free(lf_ps);
	return unit_done();
}
