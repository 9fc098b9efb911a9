/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401: phases only: locale, options, run mode, exit status. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "options.h"

int
main(int argc, char **argv)
{
	struct options o;
	int status;

	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
#endif
	status = options_parse(&o, argc, argv);
	if (status != 0)
		return status;
	switch (o.mode) {
	case MODE_HELP:
		options_help(stdout);
		return 0;
	case MODE_VERSION:
		options_version(stdout);
		return 0;
	default:
		return 0;
	}
}
