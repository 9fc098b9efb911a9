/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401-mock's getopt_long table and its --help and --version texts. */
#include <config.h>

#include "mock-options.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

#define LATENCY_MAX	600000L		/* ten minutes */

enum {
	OPT_PORT = 256, OPT_BIND, OPT_CONFIG, OPT_LATENCY, OPT_LOG, OPT_CERT,
	OPT_KEY,
};

static const struct option longopts[] = {
	{ "port",	required_argument,	NULL, OPT_PORT },
	{ "bind",	required_argument,	NULL, OPT_BIND },
	{ "config",	required_argument,	NULL, OPT_CONFIG },
	{ "latency",	required_argument,	NULL, OPT_LATENCY },
	{ "log",	required_argument,	NULL, OPT_LOG },
	{ "cert",	required_argument,	NULL, OPT_CERT },
	{ "key",	required_argument,	NULL, OPT_KEY },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static int
usage_error(void)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"),
	    MOCK_PROGRAM);
	return 2;
}

/* A whole number from 0 to max in arg, into *out; -1 after saying so. */
static int
parse_number(const char *opt, const char *arg, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < 0 || v > max) {
		/* TRANSLATORS: "fix401-mock: --port needs a number from 0 to
		   65535, not 'x'". */
		fprintf(stderr, _("%s: %s needs a number from 0 to %ld, not "
		    "'%s'\n"), MOCK_PROGRAM, opt, max, arg);
		return -1;
	}
	*out = v;
	return 0;
}

static int
parse_bind(struct mock_options *o, const char *arg)
{
	unsigned char a[sizeof(struct in6_addr)];

	if (inet_pton(AF_INET, arg, a) != 1 &&
	    inet_pton(AF_INET6, arg, a) != 1) {
		/* TRANSLATORS: %s is what the user gave to --bind. */
		fprintf(stderr, _("%s: --bind needs a numeric IPv4 or IPv6 "
		    "address, not '%s'\n"), MOCK_PROGRAM, arg);
		return -1;
	}
	o->bind = arg;
	return 0;
}

/* Applies one option; -1 on a bad value. */
static int
apply(struct mock_options *o, int c)
{
	long v;

	switch (c) {
	case OPT_PORT:
		if (parse_number("--port", optarg, 65535, &v) < 0)
			return -1;
		o->port = (unsigned int)v;
		return 0;
	case OPT_LATENCY:
		return parse_number("--latency", optarg, LATENCY_MAX,
		    &o->latency_ms);
	case OPT_BIND:		return parse_bind(o, optarg);
	case OPT_CONFIG:	o->config = optarg; return 0;
	case OPT_LOG:		o->log = optarg; return 0;
	case OPT_CERT:		o->cert = optarg; return 0;
	case OPT_KEY:		o->key = optarg; return 0;
	case 'h':		o->mode = MOCK_MODE_HELP; return 0;
	case 'V':		o->mode = MOCK_MODE_VERSION; return 0;
	default:		return -1;
	}
}

int
mock_options_parse(struct mock_options *o, int argc, char **argv)
{
	int c;

	memset(o, 0, sizeof *o);
	o->bind = "127.0.0.1";
	o->port = 8080;
	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1)
		if (apply(o, c) < 0)
			return usage_error();
	if (o->mode != MOCK_MODE_SERVE)
		return 0;
	if (optind < argc) {
		fprintf(stderr, _("%s: extra operand '%s'\n"), MOCK_PROGRAM,
		    argv[optind]);
		return usage_error();
	}
	if ((o->cert == NULL) != (o->key == NULL)) {
		fprintf(stderr, _("%s: --cert and --key go together\n"),
		    MOCK_PROGRAM);
		return usage_error();
	}
	return 0;
}

char *
mock_options_config(const struct mock_options *o)
{
	const char *dir = getenv("FIX401_DATADIR");

	if (o->config != NULL)
		return xstrdup(o->config);
	if (dir != NULL && *dir != '\0')
		return xasprintf("%s/mock.json", dir);
	return xstrdup(PKGDATADIR "/mock.json");
}

bool
mock_options_loopback(const char *addr)
{
	struct in_addr a4;
	struct in6_addr a6;

	if (inet_pton(AF_INET, addr, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	return inet_pton(AF_INET6, addr, &a6) == 1 &&
	    IN6_IS_ADDR_LOOPBACK(&a6);
}

void
mock_options_help(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]...\n"), MOCK_PROGRAM);
	fputs(_("An OpenAI-compatible practice server.  It answers like the "
	    "OpenAI API\n"
	    "for the fake keys in its configuration, each with a behaviour "
	    "(valid,\n"
	    "revoked, no quota, rate-limited, ...), so tests, demos and "
	    "workshops\n"
	    "need no real key and spend no money.\n"), out);
	fputs("\n", out);
	fputs(_("Options:\n"), out);
	fputs(_("      --port=N            listen on port N (default 8080; 0: "
	    "any free port)\n"), out);
	fputs(_("      --bind=ADDR         listen on address ADDR (default "
	    "127.0.0.1)\n"), out);
	fputs(_("      --config=FILE       read the keys and behaviours from "
	    "FILE\n"), out);
	fputs(_("      --latency=MS        wait MS milliseconds before every "
	    "answer\n"), out);
	fputs(_("      --log=FILE          append one JSON line per request to "
	    "FILE\n"), out);
	fputs(_("      --cert=FILE         serve HTTPS with this PEM "
	    "certificate...\n"), out);
	fputs(_("      --key=FILE          ...and this PEM private key\n"),
	    out);
	fputs(_("  -h, --help              display this help and exit\n"), out);
	fputs(_("  -V, --version           output version information and "
	    "exit\n"), out);
	fputs("\n", out);
	/* TRANSLATORS: %s is the default config file. */
	fprintf(out, _("The default FILE is mock.json in $FIX401_DATADIR if "
	    "set, else %s.\n"), PKGDATADIR "/mock.json");
	fputs(_("The first line on standard output is the base URL, such as\n"
	    "http://127.0.0.1:8080/v1.  SIGINT or SIGTERM stops the "
	    "server.\n"), out);
	fputs("\n", out);
	fputs(_("Exit status: 0 when stopped by a signal, 1 if the server "
	    "cannot start,\n"
	    "2 on a usage error.\n"), out);
	fputs("\n", out);
	/* TRANSLATORS: %s is the address for bug reports. */
	fprintf(out, _("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

void
mock_options_version(FILE *out)
{
	fprintf(out, "%s (%s) %s\n", MOCK_PROGRAM, PACKAGE, VERSION);
	fputs("Copyright (C) 2026 The fix401 authors.\n", out);
	fputs(_("License GPLv3+: GNU GPL version 3 or later "
	    "<https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and redistribute "
	    "it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n"), out);
}
