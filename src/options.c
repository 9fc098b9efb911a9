/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* getopt_long table and the GNU-style --help and --version texts. */
#include <config.h>

#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

enum {
	OPT_CHECK = 256, OPT_FIX, OPT_EXPLAIN, OPT_UNDO, OPT_JSON,
	OPT_OFFLINE, OPT_YES, OPT_DEDUPE, OPT_BASE_URL, OPT_MODEL, OPT_PID,
	OPT_TIMEOUT, OPT_REPORT, OPT_PLAIN, OPT_NO_COLOR, OPT_ASCII, OPT_DEMO,
};

static const struct option longopts[] = {
	{ "check",		no_argument,		NULL, OPT_CHECK },
	{ "fix",		no_argument,		NULL, OPT_FIX },
	{ "explain",		required_argument,	NULL, OPT_EXPLAIN },
	{ "undo",		no_argument,		NULL, OPT_UNDO },
	{ "json",		no_argument,		NULL, OPT_JSON },
	{ "offline",		no_argument,		NULL, OPT_OFFLINE },
	{ "yes",		no_argument,		NULL, OPT_YES },
	{ "remove-duplicates",	no_argument,		NULL, OPT_DEDUPE },
	{ "env-file",		required_argument,	NULL, 'e' },
	{ "base-url",		required_argument,	NULL, OPT_BASE_URL },
	{ "model",		required_argument,	NULL, OPT_MODEL },
	{ "pid",		required_argument,	NULL, OPT_PID },
	{ "timeout",		required_argument,	NULL, OPT_TIMEOUT },
	{ "report",		required_argument,	NULL, OPT_REPORT },
	{ "plain",		no_argument,		NULL, OPT_PLAIN },
	{ "no-color",		no_argument,		NULL, OPT_NO_COLOR },
	{ "ascii",		no_argument,		NULL, OPT_ASCII },
	{ "demo",		no_argument,		NULL, OPT_DEMO },
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Parses a positive decimal number for option name; -1 when invalid. */
static long
parse_positive(const char *name, const char *arg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v <= 0) {
		/* TRANSLATORS: %s are an option name and its bad value. */
		fprintf(stderr, _("%s: invalid value for %s: '%s'\n"),
		    PACKAGE, name, arg);
		return -1;
	}
	return v;
}

/* Sets the run mode once; a second, different one is a usage error. */
static int
set_mode(struct options *o, enum run_mode m)
{
	if (o->mode != MODE_WIZARD && o->mode != m) {
		fprintf(stderr,
		    _("%s: --check, --fix, --explain and --undo exclude each other\n"),
		    PACKAGE);
		return -1;
	}
	o->mode = m;
	return 0;
}

static int
usage_error(void)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
	return 2;
}

/* Applies one option; -1 on a bad value. */
static int
apply(struct options *o, int c)
{
	switch (c) {
	case OPT_CHECK:		return set_mode(o, MODE_CHECK);
	case OPT_FIX:		return set_mode(o, MODE_FIX);
	case OPT_UNDO:		return set_mode(o, MODE_UNDO);
	case OPT_EXPLAIN:
		o->explain = optarg;
		return set_mode(o, MODE_EXPLAIN);
	case OPT_JSON:		o->json = true; break;
	case OPT_OFFLINE:	o->offline = true; break;
	case OPT_YES:		o->yes = true; break;
	case OPT_DEDUPE:	o->dedupe = true; break;
	case 'e':		o->env_file = optarg; break;
	case OPT_BASE_URL:	o->base_url = optarg; break;
	case OPT_MODEL:		o->model = optarg; break;
	case OPT_REPORT:	o->report = optarg; break;
	case OPT_PLAIN:		o->plain = true; break;
	case OPT_NO_COLOR:	o->color = false; break;
	case OPT_ASCII:		o->ascii = true; break;
	case OPT_DEMO:		o->demo = true; break;
	case OPT_PID:
		return (o->pid = parse_positive("--pid", optarg)) < 0 ? -1 : 0;
	case OPT_TIMEOUT:
		return (o->timeout = parse_positive("--timeout", optarg)) < 0 ?
		    -1 : 0;
	case 'h':		o->mode = MODE_HELP; break;
	case 'V':		o->mode = MODE_VERSION; break;
	default:		return -1;
	}
	return 0;
}

int
options_parse(struct options *o, int argc, char **argv)
{
	const char *nc = getenv("NO_COLOR");
	int c;

	memset(o, 0, sizeof *o);
	o->mode = MODE_WIZARD;
	o->dir = ".";
	o->timeout = 20;
	o->color = nc == NULL || *nc == '\0';

	while ((c = getopt_long(argc, argv, "e:hV", longopts, NULL)) != -1)
		if (apply(o, c) < 0)
			return usage_error();
	if (o->mode == MODE_HELP || o->mode == MODE_VERSION)
		return 0;
	if (optind < argc)
		o->dir = argv[optind++];
	if (optind < argc) {
		fprintf(stderr, _("%s: extra operand '%s'\n"), PACKAGE,
		    argv[optind]);
		return usage_error();
	}
	if (o->json && o->mode != MODE_CHECK) {
		fprintf(stderr, _("%s: --json goes with --check\n"), PACKAGE);
		return usage_error();
	}
	return 0;
}

void
options_help(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]... [DIR]\n"), PACKAGE);
	fputs(_("Find out why OpenAI API calls fail with 401 Unauthorized, fix what can\n"
	    "be fixed in the project in DIR (default: the current folder), and prove\n"
	    "the fix with a real request.\n"), out);
	fputs("\n", out);
	fputs(_("Modes:\n"), out);
	fputs(_("      --check             run every check, print the checklist, exit\n"), out);
	fputs(_("      --json              with --check: print only JSON on stdout\n"), out);
	fputs(_("      --fix               repair the .env file without the wizard\n"), out);
	fputs(_("      --explain=TEXT      decode a pasted error message\n"), out);
	fputs(_("      --undo              restore the .env backup fix401 made last\n"), out);
	fputs("\n", out);
	fputs(_("Options:\n"), out);
	fputs(_("  -e, --env-file=FILE     read FILE instead of looking for .env\n"), out);
	fputs(_("      --offline           make no network request\n"), out);
	fputs(_("      --yes               with --fix: write without asking\n"), out);
	fputs(_("      --remove-duplicates with --fix: also delete the older\n"
	    "                          definitions of the key\n"), out);
	fputs(_("      --base-url=URL      the API to test against\n"), out);
	fputs(_("      --model=NAME        the model for the test completion\n"), out);
	fputs(_("      --pid=PID           inspect the environment of process PID\n"), out);
	fputs(_("      --timeout=SECONDS   per request (default 20)\n"), out);
	fputs(_("      --report=FILE       write a support report without secrets\n"), out);
	fputs(_("      --plain             numbered steps instead of full-screen\n"), out);
	fputs(_("      --no-color          no colour (also when NO_COLOR is set)\n"), out);
	fputs(_("      --ascii             ASCII marks only\n"), out);
	fputs(_("      --demo              a practice run against a local mock API\n"), out);
	fputs(_("  -h, --help              display this help and exit\n"), out);
	fputs(_("  -V, --version           output version information and exit\n"), out);
	fputs("\n", out);
	fputs(_("Exit status: 0 if every check passed or only warned, 1 if a check\n"
	    "failed, 2 on a usage or internal error.\n"), out);
	fputs("\n", out);
	/* TRANSLATORS: %s is the address for bug reports. */
	fprintf(out, _("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

void
options_version(FILE *out)
{
	fprintf(out, "%s %s\n", PACKAGE, VERSION);
	fputs("Copyright (C) 2026 The fix401 authors.\n", out);
	fputs(_("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n"), out);
}
