/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* POSIX sh (dash 0.5.12) running "set -a; . ./.env" with PATH set to an
 * empty folder: a small shell that parses each complete command the way
 * dash does and runs the part a .env can hold (assignments, export,
 * unset, set and word expansions).  Anything else is a command that is
 * not found, and assignments in front of a command do not stay set.
 * The shell itself is in the sh-*.c files. */
#include <config.h>

#include "loader.h"

#include <stdlib.h>

#include "buf.h"
#include "i18n.h"
#include "sh.h"

/* Reads and runs one complete command at a time, as dash does. */
static void
run(struct sh *sh)
{
	size_t head;

	while (!sh->stop) {
		sh->nnode = sh->nword = sh->nrword = 0;
		if (sh_peek(sh)->t == T_EOF)
			break;
		if (sh_peek(sh)->t == T_NL) {
			sh_advance(sh);
			continue;
		}
		head = sh_parse_list(sh, 0);
		if (sh->syntax) {
			sh_stop(sh, sh->err_off);
			break;
		}
		sh_advance(sh);
		/* The words parsed: expansion only needs their ends. */
		sh->nocheck = true;
		sh_exec_list(sh, head, false);
		sh->nocheck = false;
	}
}

static void
parse(const char *buf, size_t len, loader_env_fn env, void *arg,
    struct loaded *out)
{
	struct sh sh = {
		.env = env, .arg = arg, .out = out, .allexport = true,
		.budget = 16 * 1024 * 1024 + 16 * len,
	};

	sh_strip_nuls(&sh, buf, len);
	run(&sh);
	sh_var_clear(&sh);
	free(sh.node);
	free(sh.word);
	free(sh.rword);
	free(sh.nul);
	buf_free(&sh.copy);
}

const struct loader loader_sh = {
	.id = LOADER_SH,
	.name = "sh-source",
	.title = N_("sh: set -a; . ./.env"),
	.parse = parse,
};
