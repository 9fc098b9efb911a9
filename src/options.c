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
	OPT_CHECK = 256, OPT_FIX, OPT_UNDO, OPT_OFFLINE, OPT_YES, OPT_DEDUPE,
	OPT_NO_COLOR, OPT_ASCII, OPT_JSON, OPT_EXPLAIN, OPT_PID, OPT_BASE_URL,
	OPT_MODEL, OPT_TIMEOUT, OPT_REPORT, OPT_CONSUMER, OPT_INSECURE,
	OPT_PLAIN, OPT_DEMO,
};

static const struct option longopts[] = {
	{ "check",		no_argument,		NULL, OPT_CHECK },
	{ "fix",		no_argument,		NULL, OPT_FIX },
	{ "undo",		no_argument,		NULL, OPT_UNDO },
	{ "offline",		no_argument,		NULL, OPT_OFFLINE },
	{ "yes",		no_argument,		NULL, OPT_YES },
	{ "remove-duplicates",	no_argument,		NULL, OPT_DEDUPE },
	{ "json",		no_argument,		NULL, OPT_JSON },
	{ "explain",		required_argument,	NULL, OPT_EXPLAIN },
	{ "env-file",		required_argument,	NULL, 'e' },
	{ "pid",		required_argument,	NULL, OPT_PID },
	{ "base-url",		required_argument,	NULL, OPT_BASE_URL },
	{ "model",		required_argument,	NULL, OPT_MODEL },
	{ "timeout",		required_argument,	NULL, OPT_TIMEOUT },
	{ "report",		required_argument,	NULL, OPT_REPORT },
	{ "consumer",		required_argument,	NULL, OPT_CONSUMER },
	{ "allow-insecure",	no_argument,		NULL, OPT_INSECURE },
	{ "no-color",		no_argument,		NULL, OPT_NO_COLOR },
	{ "ascii",		no_argument,		NULL, OPT_ASCII },
	{ "plain",		no_argument,		NULL, OPT_PLAIN },
	{ "demo",		no_argument,		NULL, OPT_DEMO },
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Sets the run mode once; a second, different one is a usage error. */
static int
set_mode(struct options *o, enum run_mode m)
{
	if (o->mode != MODE_WIZARD && o->mode != m) {
		fprintf(stderr, _("%s: --check, --fix, --explain and --undo "
		    "exclude each other\n"), PACKAGE);
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

/* --pid's value: a positive process id.  -1 after saying why not. */
static int
parse_pid(struct options *o, const char *arg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v <= 0 ||
	    v > 0x3fffffffL) {
		/* TRANSLATORS: %s is what the user gave to --pid. */
		fprintf(stderr, _("%s: --pid needs a process id, not '%s'\n"),
		    PACKAGE, arg);
		return -1;
	}
	o->pid = v;
	return 0;
}

/* --timeout's value: whole seconds, 1 to 600.  -1 after saying why not. */
static int
parse_timeout(struct options *o, const char *arg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < 1 || v > 600) {
		/* TRANSLATORS: %s is what the user gave to --timeout. */
		fprintf(stderr, _("%s: --timeout needs whole seconds from 1 to "
		    "600, not '%s'\n"), PACKAGE, arg);
		return -1;
	}
	o->timeout = v;
	return 0;
}

/* --consumer's value: one of the consumer names.  -1 after listing them. */
static int
parse_consumer(struct options *o, const char *arg)
{
	for (int c = 0; c < CONSUMER_COUNT; c++)
		if (strcmp(arg, consumer_name(c)) == 0) {
			o->consumer = c;
			return 0;
		}
	fprintf(stderr, _("%s: unknown consumer '%s'; one of:"), PACKAGE, arg);
	for (int c = 0; c < CONSUMER_COUNT; c++)
		fprintf(stderr, " %s", consumer_name(c));
	fputc('\n', stderr);
	return -1;
}

/* Applies one option; -1 on a bad value. */
static int
apply(struct options *o, int c)
{
	switch (c) {
	case OPT_CHECK:		return set_mode(o, MODE_CHECK);
	case OPT_FIX:		return set_mode(o, MODE_FIX);
	case OPT_UNDO:		return set_mode(o, MODE_UNDO);
	case OPT_OFFLINE:	o->offline = true; break;
	case OPT_YES:		o->yes = true; break;
	case OPT_DEDUPE:	o->dedupe = true; break;
	case OPT_JSON:		o->json = true; break;
	case OPT_EXPLAIN:	o->explain = optarg;
				return set_mode(o, MODE_EXPLAIN);
	case OPT_PID:		return parse_pid(o, optarg);
	case OPT_BASE_URL:	o->base_url = optarg; break;
	case OPT_MODEL:		o->model = optarg; break;
	case OPT_TIMEOUT:	return parse_timeout(o, optarg);
	case OPT_REPORT:	o->report = optarg; break;
	case OPT_CONSUMER:	return parse_consumer(o, optarg);
	case OPT_INSECURE:	o->allow_insecure = true; break;
	case 'e':		o->env_file = optarg; break;
	case OPT_NO_COLOR:	o->color = false; break;
	case OPT_ASCII:		o->ascii = true; break;
	case OPT_PLAIN:		o->plain = true; break;
	case OPT_DEMO:		o->demo = true; break;
	case 'h':		o->mode = MODE_HELP; break;
	case 'V':		o->mode = MODE_VERSION; break;
	default:		return -1;
	}
	return 0;
}

/* Options that do not go together; -1 after saying which. */
static int
combine(const struct options *o)
{
	if (o->json && o->mode != MODE_CHECK && o->mode != MODE_EXPLAIN) {
		fprintf(stderr, _("%s: --json goes with --check or --explain\n"),
		    PACKAGE);
		return -1;
	}
	if (o->pid > 0 && o->env_file != NULL) {
		fprintf(stderr, _("%s: --pid and --env-file exclude each other: "
		    "a process's environment is what it has\n"), PACKAGE);
		return -1;
	}
	if (o->report != NULL && o->mode != MODE_CHECK &&
	    o->mode != MODE_WIZARD) {
		fprintf(stderr, _("%s: --report goes with --check\n"), PACKAGE);
		return -1;
	}
	if (o->dedupe && o->mode != MODE_FIX) {
		fprintf(stderr, _("%s: --remove-duplicates goes with --fix\n"),
		    PACKAGE);
		return -1;
	}
	if (o->yes && o->mode != MODE_FIX && o->mode != MODE_WIZARD) {
		fprintf(stderr, _("%s: --yes goes with --fix or the wizard\n"),
		    PACKAGE);
		return -1;
	}
	if ((o->plain || o->demo) && o->mode != MODE_WIZARD) {
		fprintf(stderr, _("%s: --plain and --demo go with the wizard, "
		    "not with --check, --fix, --explain or --undo\n"), PACKAGE);
		return -1;
	}
	if (o->demo && (o->pid > 0 || o->env_file != NULL ||
	    o->base_url != NULL)) {
		fprintf(stderr, _("%s: --demo makes its own project and server: "
		    "it takes no --pid, --env-file or --base-url\n"), PACKAGE);
		return -1;
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
	o->consumer = CONSUMER_PYTHON;
	o->color = nc == NULL || *nc == '\0';

	while ((c = getopt_long(argc, argv, "e:hV", longopts, NULL)) != -1)
		if (apply(o, c) < 0)
			return usage_error();
	if (o->mode == MODE_HELP || o->mode == MODE_VERSION)
		return 0;
	if (optind < argc && o->demo) {
		fprintf(stderr, _("%s: --demo makes its own project: it takes "
		    "no folder\n"), PACKAGE);
		return usage_error();
	}
	if (optind < argc)
		o->dir = argv[optind++];
	if (optind < argc) {
		fprintf(stderr, _("%s: extra operand '%s'\n"), PACKAGE,
		    argv[optind]);
		return usage_error();
	}
	if (o->json && o->mode == MODE_WIZARD)
		o->mode = MODE_CHECK;	/* --json alone: the checklist */
	return combine(o) < 0 ? usage_error() : 0;
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
	fputs(_("      --fix               repair the .env file without the wizard\n"), out);
	fputs(_("      --explain=TEXT      decode a pasted error message and say which\n"
	    "                          key sent it\n"), out);
	fputs(_("      --undo              restore the .env backup fix401 made last\n"), out);
	fputs("\n", out);
	fputs(_("Options:\n"), out);
	fputs(_("      --json              with --check or --explain: write JSON\n"
	    "                          only (the schema is in fix401(1))\n"), out);
	fputs(_("  -e, --env-file=FILE     read FILE instead of looking for .env\n"), out);
	fputs(_("      --pid=PID           check the environment process PID has\n"), out);
	fputs(_("      --base-url=URL      the API address your program uses\n"), out);
	fputs(_("      --offline           make no network request\n"), out);
	fputs(_("      --model=NAME        the model for the test completion\n"), out);
	fputs(_("      --timeout=SECONDS   give up on a request after SECONDS\n"
	    "                          (default 20)\n"), out);
	fputs(_("      --consumer=NAME     whose view of the key to test: login-shell,\n"
	    "                          python-dotenv (default),\n"
	    "                          python-dotenv-override, node-dotenv,\n"
	    "                          docker-env-file, compose-env-file\n"), out);
	fputs(_("      --allow-insecure    send the key over http:// to a host that\n"
	    "                          is not this machine\n"), out);
	fputs(_("      --report=FILE       also write a support report (no secrets)\n"
	    "                          to FILE\n"), out);
	fputs(_("      --yes               with --fix or plain mode: write without\n"
	    "                          asking\n"), out);
	fputs(_("      --remove-duplicates with --fix: also delete the older\n"
	    "                          definitions of the key\n"), out);
	fputs(_("      --no-color          no colour (also when NO_COLOR is set)\n"), out);
	fputs(_("      --ascii             ASCII marks only\n"), out);
	fputs(_("      --plain             numbered steps and questions as plain\n"
	    "                          text, no full-screen wizard\n"), out);
	fputs(_("      --demo              a practice run: a broken project and a\n"
	    "                          practice server, removed afterwards\n"), out);
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
