/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* npm dotenv: STUB, to be written. */
#include <config.h>

#include "loader.h"

#include "i18n.h"

static void
parse(const char *buf, size_t len, loader_env_fn env, void *arg,
    struct loaded *out)
{
	(void)buf; (void)len; (void)env; (void)arg; (void)out;
}

const struct loader loader_node = {
	.id = LOADER_NODE,
	.name = "node-dotenv",
	.title = N_("npm dotenv"),
	.parse = parse,
};
