/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* docker compose env_file: STUB, to be written. */
#include <config.h>

#include "loader.h"

#include "i18n.h"

static void
parse(const char *buf, size_t len, loader_env_fn env, void *arg,
    struct loaded *out)
{
	(void)buf; (void)len; (void)env; (void)arg; (void)out;
}

const struct loader loader_compose = {
	.id = LOADER_COMPOSE,
	.name = "compose-env-file",
	.title = N_("docker compose env_file"),
	.parse = parse,
};
