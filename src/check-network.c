/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* network: the endpoint answers over TLS.  Needs the network; until the
 * live probes exist it is always skipped. */
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

const struct check check_network = {
	.id = "network",
	.title = N_("The API answers"),
	.network = true,
	.run = run,
};
