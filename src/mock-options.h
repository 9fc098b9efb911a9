/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401-mock's command line: the getopt_long table, --help, --version
 * and the addresses and paths the options name. */
#ifndef FIX401_MOCK_OPTIONS_H
#define FIX401_MOCK_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#define MOCK_PROGRAM	"fix401-mock"

enum mock_mode { MOCK_MODE_SERVE, MOCK_MODE_HELP, MOCK_MODE_VERSION };

/* The parsed options.  The strings are borrowed from argv. */
struct mock_options {
	enum mock_mode	 mode;
	const char	*bind;		/* numeric IPv4 or IPv6 address */
	unsigned int	 port;		/* 0: any free port */
	const char	*config;	/* --config, or NULL for the default */
	long		 latency_ms;	/* --latency */
	const char	*log;		/* --log FILE, or NULL */
	const char	*cert;		/* --cert FILE, or NULL */
	const char	*key;		/* --key FILE, or NULL */
};

/* Fills o from argv.  Returns 0, or 2 after printing a usage error on
 * stderr. */
int	 mock_options_parse(struct mock_options *o, int argc, char **argv);
/* The config file to read: --config, else $FIX401_DATADIR/mock.json when
 * that is set, else PKGDATADIR/mock.json (caller frees). */
char	*mock_options_config(const struct mock_options *o);
/* True for a loopback address (127.0.0.0/8, ::1): only this machine can
 * reach the server. */
bool	 mock_options_loopback(const char *addr);
void	 mock_options_help(FILE *out);
void	 mock_options_version(FILE *out);

#endif
