/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401: phases only: locale, a process fit to hold a key, options, the
 * run mode, and the exit status. */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <curl/curl.h>

#include "front.h"
#include "i18n.h"
#include "options.h"
#include "run.h"

/* No core dump may carry the key: none is written, and the process is not
 * dumpable (ptrace by other users, /proc/PID/mem). */
static void
protect_process(void)
{
	struct rlimit none = { 0, 0 };

	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

/* A failed write to stdout (a full disk, a closed pipe) must change the
 * exit status, as GNU hello's close_stdout does. */
static int
close_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr, _("%s: write error: %s\n"), PACKAGE,
		    strerror(errno));
		return 2;
	}
	return status;
}

static int
dispatch(const struct options *o)
{
	switch (o->mode) {
	case MODE_HELP:
		options_help(stdout);
		return 0;
	case MODE_VERSION:
		options_version(stdout);
		return 0;
	case MODE_FIX:
		return run_fix(o);
	case MODE_UNDO:
		return run_undo(o);
	case MODE_EXPLAIN:
		return run_explain(o);
	case MODE_WIZARD:
		return o->demo ? run_demo(o) : run_wizard(o, NULL);
	default:
		return run_check(o);
	}
}

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
	protect_process();
	status = options_parse(&o, argc, argv);
	if (status == 0 && curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, _("%s: libcurl cannot start\n"), PACKAGE);
		status = 2;
	} else if (status == 0) {
		status = dispatch(&o);
		curl_global_cleanup();
	}
	return close_stdout(status);
}
