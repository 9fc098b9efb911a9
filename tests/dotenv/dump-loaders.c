/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* dump-loaders FILE: runs every loader over FILE's bytes and prints what each
 * one defines as one JSON object, for tests/dotenv/compare.py:
 *
 *   {"python-dotenv": {"refused": false, "truncated": false,
 *                      "vars": [["4b4559", "76616c7565"], ["4e", null]]},
 *    ...}
 *
 * Names and values are hex of their bytes (a value may be invalid UTF-8 or
 * hold a NUL); a null value is a name-only binding.  Bindings keep file
 * order and duplicates; the comparison reduces them.  The environment the
 * loaders see is the reference's generation environment, nothing else. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "loader.h"
#include "xalloc.h"

/* The generation environment of the dotenv-semantics reference, §0. */
static const char *const gen_env[][2] = {
	{ "PATH", "/nonexistent" },
	{ "HOME", "/tmp" },
	{ "LANG", "C.UTF-8" },
	{ "FROM_ENV", "value-from-process-env" },
};

static const char *
gen_lookup(const char *name, void *arg)
{
	(void)arg;
	for (size_t i = 0; i < sizeof gen_env / sizeof gen_env[0]; i++)
		if (strcmp(gen_env[i][0], name) == 0)
			return gen_env[i][1];
	return NULL;
}

/* Reads all of path into a malloc'd buffer; *len gets its size. */
static char *
read_all(const char *path, size_t *len)
{
	FILE *f;
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	f = fopen(path, "rb");
	if (f == NULL)
		die("%s: cannot open", path);
	do {
		buf = xgrow(buf, &cap, n + 4096, 1);
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f))
		die("%s: read error", path);
	fclose(f);
	*len = n;
	return buf;
}

/* A JSON string holding the hex of s[0..n). */
static cJSON *
hex_string(const char *s, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	char *hex = xmalloc(2 * n + 1);
	cJSON *item;

	for (size_t i = 0; i < n; i++) {
		hex[2 * i] = digits[(unsigned char)s[i] >> 4];
		hex[2 * i + 1] = digits[(unsigned char)s[i] & 0xf];
	}
	hex[2 * n] = '\0';
	item = cJSON_CreateString(hex);
	free(hex);
	if (item == NULL)
		die("out of memory");
	return item;
}

/* Attaches item to parent (an array, or an object when key != NULL). */
static void
attach(cJSON *parent, const char *key, cJSON *item)
{
	if (item == NULL)
		die("out of memory");
	if (key != NULL ? !cJSON_AddItemToObject(parent, key, item)
	    : !cJSON_AddItemToArray(parent, item))
		die("out of memory");
}

/* What one loader made of buf, as a JSON object. */
static cJSON *
dump_one(const struct loader *ld, const char *buf, size_t len)
{
	struct loaded out;
	cJSON *obj = cJSON_CreateObject(), *vars = cJSON_CreateArray(), *pair;

	if (obj == NULL || vars == NULL)
		die("out of memory");
	loaded_init(&out);
	ld->parse(buf, len, gen_lookup, NULL, &out);
	attach(obj, "refused", cJSON_CreateBool(out.refused));
	attach(obj, "truncated", cJSON_CreateBool(out.truncated));
	for (size_t i = 0; i < out.n; i++) {
		const struct binding *b = &out.v[i];

		pair = cJSON_CreateArray();
		attach(vars, NULL, pair);
		attach(pair, NULL, hex_string(b->name, strlen(b->name)));
		attach(pair, NULL, b->value != NULL
		    ? hex_string(b->value, b->value_len) : cJSON_CreateNull());
	}
	attach(obj, "vars", vars);
	loaded_clear(&out);
	return obj;
}

int
main(int argc, char **argv)
{
	cJSON *root;
	char *buf, *text;
	size_t len;

	if (argc != 2) {
		fputs("usage: dump-loaders FILE\n", stderr);
		return 2;
	}
	buf = read_all(argv[1], &len);
	root = cJSON_CreateObject();
	if (root == NULL)
		die("out of memory");
	for (int i = 0; i < LOADER_COUNT; i++) {
		const struct loader *ld = loader_get((enum loader_id)i);

		attach(root, ld->name, dump_one(ld, buf, len));
	}
	free(buf);
	text = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	if (text == NULL)
		die("out of memory");
	puts(text);
	cJSON_free(text);
	if (fflush(stdout) != 0 || ferror(stdout))
		die("write error");
	return 0;
}
