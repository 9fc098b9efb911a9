/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* STUB: replaced by the practice run. */
#include <config.h>

#include "demo.h"

#include <string.h>

#include "i18n.h"
#include "xalloc.h"

int
demo_setup(struct demo *dm, const struct options *o, char **cause)
{
	memset(dm, 0, sizeof *dm);
	dm->o = *o;
	*cause = xstrdup(_("--demo is not built yet"));
	return -1;
}

void
demo_teardown(struct demo *dm)
{
	(void)dm;
}
