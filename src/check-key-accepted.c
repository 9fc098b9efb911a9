/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* key-accepted: GET /models with the key gives 200.  Needs the network;
 * until the live probes exist it is always skipped. */
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

const struct check check_key_accepted = {
	.id = "key-accepted",
	.title = N_("The API accepts the key"),
	.network = true,
	.run = run,
};
