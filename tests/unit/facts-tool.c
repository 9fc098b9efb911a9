/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Prints what dotenv_facts_gather finds about a file, one field a line,
 * for tests/cli/facts.sh:  facts-tool PATH,  or  facts-tool --shared
 * PASSWD UID  for the shared-host rule over a fake passwd file. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"

static void
show(const char *name, bool v)
{
	printf("%s=%d\n", name, v ? 1 : 0);
}

int
main(int argc, char **argv)
{
	struct dotenv_facts f;

	if (argc == 4 && strcmp(argv[1], "--shared") == 0) {
		show("shared", dotenv_facts_shared(argv[2],
		    strtoul(argv[3], NULL, 10)));
		return 0;
	}
	if (argc != 2) {
		fputs("usage: facts-tool PATH | --shared PASSWD UID\n", stderr);
		return 2;
	}
	dotenv_facts_gather(argv[1], &f);
	show("exists", f.exists);
	printf("mode=%04o\n", f.mode);
	show("git", f.git);
	show("in_repo", f.in_repo);
	show("tracked", f.tracked);
	show("ignored", f.ignored);
	show("shared", f.shared);
	return ferror(stdout) != 0 || fclose(stdout) != 0;
}
