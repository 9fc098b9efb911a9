/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Drives src/envfile.c from the safety tests, without the CLI:
 *   envfile-tool write [--pause-after-read FIFO] PATH   (new bytes on stdin)
 *   envfile-tool undo PATH
 * Prints the cause on stderr and exits 1 on failure, 2 on misuse.  With
 * --pause-after-read it opens FIFO after reading PATH and waits for EOF on
 * it, so a test can change the file between read and write. */
#include <config.h>

#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "envfile.h"
#include "xalloc.h"

static int
usage(void)
{
	fputs("usage: envfile-tool write [--pause-after-read FIFO] PATH < NEW\n"
	    "       envfile-tool undo PATH\n", stderr);
	return 2;
}

/* All of stdin (caller frees); *len gets its length. */
static char *
read_stdin(size_t *len)
{
	size_t cap = 0, n = 0, r;
	char *buf = NULL;

	do {
		buf = xgrow(buf, &cap, n + 4096, 1);
		r = fread(buf + n, 1, cap - n, stdin);
		n += r;
	} while (r > 0);
	if (ferror(stdin)) {
		perror("envfile-tool: stdin");
		exit(2);
	}
	*len = n;
	return buf;
}

/* Blocks until a writer opens fifo and closes it again. */
static void
wait_fifo(const char *fifo)
{
	char c;
	int fd = open(fifo, O_RDONLY);

	if (fd == -1) {
		perror(fifo);
		exit(2);
	}
	while (read(fd, &c, 1) > 0)
		continue;
	close(fd);
}

static int
cmd_write(const char *path, const char *fifo)
{
	struct envfile f;
	char *cause = NULL, *backup = NULL, *buf;
	size_t len;
	int rc = 1;

	buf = read_stdin(&len);
	envfile_init(&f);
	if (envfile_read(&f, path, &cause) == -1)
		goto out;
	if (fifo != NULL)
		wait_fifo(fifo);
	if (envfile_write(&f, buf, len, &backup, &cause) == -1)
		goto out;
	printf("backup: %s\n", backup != NULL ? backup : "(none)");
	rc = 0;
out:
	if (cause != NULL)
		fprintf(stderr, "envfile-tool: %s\n", cause);
	free(cause);
	free(backup);
	xwipe(buf, len);
	free(buf);
	envfile_clear(&f);
	return rc;
}

static int
cmd_undo(const char *path)
{
	char *from = NULL, *cause = NULL;

	if (envfile_undo(path, &from, &cause) == -1) {
		fprintf(stderr, "envfile-tool: %s\n", cause);
		free(cause);
		return 1;
	}
	printf("restored from: %s\n", from);
	free(from);
	return 0;
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc == 3 && strcmp(argv[1], "write") == 0)
		return cmd_write(argv[2], NULL);
	if (argc == 5 && strcmp(argv[1], "write") == 0 &&
	    strcmp(argv[2], "--pause-after-read") == 0)
		return cmd_write(argv[4], argv[3]);
	if (argc == 3 && strcmp(argv[1], "undo") == 0)
		return cmd_undo(argv[2]);
	return usage();
}
