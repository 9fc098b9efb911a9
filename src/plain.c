/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* STUB: replaced by plain mode. */
#include <config.h>

#include "plain.h"

#include <stdio.h>

int
plain_run(struct wizard *w, const char *reason)
{
	if (reason != NULL)
		printf("%s\n", reason);
	while (wizard_busy(w))
		wizard_wait(w, -1, -1, NULL);
	return wizard_status(w);
}
