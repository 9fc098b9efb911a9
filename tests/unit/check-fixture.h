/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The check unit tests' fake context: a .env text (or none) for the
 * project /p, plus the candidates a test adds, and the winners. */
#ifndef FIX401_TEST_CHECK_FIXTURE_H
#define FIX401_TEST_CHECK_FIXTURE_H

#include <stdbool.h>
#include <string.h>

#include "check.h"

/* Owns the analysis and the sources; ctx borrows them. */
struct fixture {
	struct analysis	 an;
	struct sources	 src;
	struct check_ctx ctx;
	bool		 has_file;
};

/* Sets fx up over file[0..len), /p/.env (NULL: no .env). */
static inline void
fx_init(struct fixture *fx, const char *file, size_t len)
{
	memset(fx, 0, sizeof *fx);
	sources_init(&fx->src);
	fx->has_file = file != NULL;
	if (fx->has_file) {
		analysis_run(&fx->an, file, len, NULL, NULL);
		sources_add_file(&fx->src, SOURCE_DOTENV, "/p/.env", &fx->an);
	}
	fx->ctx.dir = "/p";
	fx->ctx.dotenv_path = fx->has_file ? "/p/.env" : NULL;
	fx->ctx.dotenv = fx->has_file ? &fx->an : NULL;
	fx->ctx.src = &fx->src;
	fx->ctx.consumer = CONSUMER_PYTHON;
	fx->ctx.dotenv_in_dir = true;
}

/* Decides the winners from the candidates added so far. */
static inline void
fx_decide(struct fixture *fx)
{
	sources_decide(&fx->src, fx->has_file ? &fx->an : NULL, true, false);
}

static inline void
fx_free(struct fixture *fx)
{
	sources_free(&fx->src);
	if (fx->has_file)
		analysis_clear(&fx->an);
}

#endif
