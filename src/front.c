/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Picks the wizard's front end: curses when the terminal can host it,
 * else plain mode with one line saying why; --demo wraps either in a
 * practice run. */
#include <config.h>

#include "front.h"

#include <stdio.h>
#include <stdlib.h>

#include "demo.h"
#include "i18n.h"
#include "plain.h"
#include "ui.h"
#include "wizard.h"

int
run_wizard(const struct options *o, const char *banner)
{
	struct wizard w;
	const char *why = NULL;
	char *cause = NULL;
	int status;

	if (o->plain)
		why = _("plain mode: --plain was given");
	else
		(void)ui_usable(&why);
	if (wizard_open(&w, o, &cause) < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		wizard_close(&w);
		return 2;
	}
	w.banner = banner;
	status = why != NULL ? plain_run(&w, why) : ui_run(&w);
	wizard_close(&w);
	return status;
}

int
run_demo(const struct options *o)
{
	struct demo dm;
	char *cause = NULL;
	int status;

	if (demo_setup(&dm, o, &cause) < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		return 2;
	}
	status = run_wizard(&dm.o, _("Practice run (fix401 --demo): a scratch "
	    "project and a practice server; nothing real is changed"));
	demo_teardown(&dm);
	return status;
}
