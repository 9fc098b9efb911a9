/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* docker run --env-file (docker/cli pkg/kvfile/kvfile.go): one line, one
 * variable, values verbatim, and any bad line refuses the whole file. */
#include <config.h>

#include "loader.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

/* bufio.MaxScanTokenSize: a line this long, CR included, is an error. */
#define SCAN_MAX	65536

/* docker returns an empty list with its error: nothing is set. */
static void
refuse(struct loaded *out, size_t off, char *msg)
{
	loaded_clear(out);
	loaded_refuse(out, off, msg);
	free(msg);
}

/* Bytes of leading unicode.IsSpace in s[0..n) (strings.TrimLeftFunc). */
static size_t
go_space_prefix(const char *s, size_t n)
{
	size_t i = 0, w;
	int32_t cp;

	while (i < n) {
		w = utf8_decode(s + i, n - i, &cp);
		if (!uc_go_space(cp))
			break;
		i += w;
	}
	return i;
}

/* docker quotes the whole key in its message.  Without '=' the "key" is
 * the whole line, value included, so it is cut at the first blank: the
 * API key must never end up in an error text. */
static char *
whitespace_msg(const char *key, size_t n, bool has_eq)
{
	size_t cut = 0;

	if (has_eq)
		cut = n;
	while (cut < n && key[cut] != ' ' && key[cut] != '\t')
		cut++;
	return xasprintf("variable '%.*s%s' contains whitespaces", (int)cut,
	    key, cut < n ? "..." : "");
}

/* KEY alone: the docker CLI's own environment supplies the value, or
 * the line gives nothing. */
static void
name_only(const char *line, size_t n, size_t off, loader_env_fn env,
    void *arg, struct loaded *out)
{
	char *name = xmemdup(line, n);
	const char *v = env != NULL ? env(name, arg) : NULL;

	if (v != NULL)
		loaded_add(out, name, v, strlen(v), off);
	else
		loaded_drop(out, off);
	free(name);
}

/* One line: content without its LF (and without one CR before it). */
static bool
parse_line(const char *line, size_t n, size_t off, unsigned lineno,
    loader_env_fn env, void *arg, struct loaded *out)
{
	size_t bad = utf8_valid_prefix(line, n), skip = 0, keylen;
	const char *eq;

	if (bad < n) {
		refuse(out, off + bad, xasprintf(
		    "invalid utf8 bytes at line %u", lineno));
		return false;
	}
	if (lineno == 1 && n >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	skip += go_space_prefix(line + skip, n - skip);
	line += skip;
	n -= skip;
	off += skip;
	if (n == 0 || line[0] == '#')
		return true;
	eq = memchr(line, '=', n);
	keylen = eq != NULL ? (size_t)(eq - line) : n;
	if (keylen == 0) {
		/* The rest of the line is the value: never quote it. */
		refuse(out, off, xasprintf("no variable name on line '=%s'",
		    n > 1 ? "..." : ""));
		return false;
	}
	if (memchr(line, ' ', keylen) != NULL ||
	    memchr(line, '\t', keylen) != NULL) {
		refuse(out, off, whitespace_msg(line, keylen, eq != NULL));
		return false;
	}
	if (eq != NULL)
		loaded_addn(out, line, keylen, eq + 1, n - keylen - 1, off);
	else
		name_only(line, n, off, env, arg, out);
	return true;
}

static void
parse(const char *buf, size_t len, loader_env_fn env, void *arg,
    struct loaded *out)
{
	size_t pos = 0;
	unsigned lineno = 1;

	while (pos < len) {
		const char *lf = memchr(buf + pos, '\n', len - pos);
		size_t end = lf != NULL ? (size_t)(lf - buf) : len;
		size_t n = end - pos;

		if (n >= SCAN_MAX) {
			refuse(out, pos,
			    xstrdup("bufio.Scanner: token too long"));
			return;
		}
		/* ScanLines drops one CR before the LF, and at EOF too. */
		if (n > 0 && buf[end - 1] == '\r')
			n--;
		if (!parse_line(buf + pos, n, pos, lineno, env, arg, out))
			return;
		pos = lf != NULL ? end + 1 : len;
		lineno++;
	}
}

const struct loader loader_docker = {
	.id = LOADER_DOCKER,
	.name = "docker-env-file",
	.title = N_("docker run --env-file"),
	.parse = parse,
};
