/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* dotenv-clean: the key's .env line reads the same in every loader. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "i18n.h"

/* Appends the names of the loaders in mask to b, comma-separated. */
static void
add_loaders(struct buf *b, unsigned mask)
{
	for (int i = 0; i < LOADER_COUNT; i++) {
		const char *name = loader_get(i)->name;

		if ((mask & (1U << i)) == 0)
			continue;
		if (b->n > 0)
			buf_add(b, ", ", 2);
		buf_add(b, name, strlen(name));
	}
}

/* Appends the translated titles of the defects in mask to b. */
static void
add_defects(struct buf *b, unsigned long mask)
{
	for (int d = 0; d < DEFECT_COUNT; d++) {
		const char *t = _(defect_info(d)->title);

		if ((mask & (1UL << d)) == 0)
			continue;
		if (b->n > 0)
			buf_add(b, "; ", 2);
		buf_add(b, t, strlen(t));
	}
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	const struct finding *f;
	struct buf who = { 0 }, why = { 0 };
	char *fix = NULL;
	bool dup;

	if (ctx->dotenv == NULL) {
		check_set(r, CHECK_SKIP, _("no .env file"));
		return;
	}
	f = analysis_winner(ctx->dotenv, "OPENAI_API_KEY");
	if (f == NULL) {
		check_set(r, CHECK_SKIP, _("no OPENAI_API_KEY line in %s"),
		    ctx->dotenv_path);
		return;
	}
	add_defects(&why, f->defects | ctx->dotenv->file_defects);
	if (f->broken != 0) {
		add_loaders(&who, f->broken);
		check_set(r, CHECK_FAIL, _("%s:%zu reads wrong in %s"),
		    ctx->dotenv_path, f->a->line + 1, who.p);
		check_detail(r, "%s", why.p);
		fix = check_command(ctx, "--fix");
	} else if (why.n > 0) {
		check_set(r, CHECK_WARN, _("%s:%zu reads right, but: %s"),
		    ctx->dotenv_path, f->a->line + 1, why.p);
		dup = f->defects & (1UL << DEFECT_DUPLICATE);
		fix = check_command(ctx, dup ? "--fix --remove-duplicates" :
		    "--fix");
	} else {
		check_set(r, CHECK_PASS, _("%s:%zu reads the same in every "
		    "loader"), ctx->dotenv_path, f->a->line + 1);
	}
	if (fix != NULL)
		check_fix(r, "%s", fix);
	free(fix);
	buf_free(&who);
	buf_free(&why);
}

const struct check check_dotenv_clean = {
	.id = "dotenv-clean",
	.title = N_("The .env line is clean"),
	.network = false,
	.run = run,
};
