/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* completion: a minimal chat completion returns a reply.  Needs the
 * network; until the live probes exist it is always skipped. */
#include <config.h>

#include "check.h"
#include "i18n.h"

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	(void)ctx;
	check_set(r, CHECK_SKIP, _("offline: this version makes no network "
	    "request"));
}

const struct check check_completion = {
	.id = "completion",
	.title = N_("A real request works"),
	.network = true,
	.run = run,
};
