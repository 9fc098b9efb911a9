/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* A small JSON printer for cJSON trees, byte-compatible with the API's
 * pretty-printed bodies (see mock-json.h). */
#include <config.h>

#include "mock-json.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

static void
put_newline(struct buf *b, int indent, int level)
{
	if (indent <= 0)
		return;
	buf_addc(b, '\n');
	for (int i = 0; i < indent * level; i++)
		buf_addc(b, ' ');
}

static void
put_escaped(struct buf *b, int32_t cp)
{
	static const char shorts[] = "b\bf\fn\nr\rt\t";
	char u[16];

	for (const char *s = shorts; *s != '\0'; s += 2)
		if (s[1] == cp) {
			buf_addc(b, '\\');
			buf_addc(b, s[0]);
			return;
		}
	snprintf(u, sizeof u, "\\u%04x", (unsigned int)cp & 0x1f);
	buf_add(b, u, 6);
}

static void
put_string(struct buf *b, const char *s)
{
	size_t len = strlen(s), n;
	int32_t cp;

	buf_addc(b, '"');
	for (size_t i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			buf_addcp(b, 0xfffd);
		else if (cp == '"' || cp == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)cp);
		} else if (cp < 0x20)
			put_escaped(b, cp);
		else
			buf_add(b, s + i, n);
	}
	buf_addc(b, '"');
}

static void
put_number(struct buf *b, double d)
{
	char t[32];
	int n;

	/* Within 2^53 every whole number is exact: print it as one. */
	if (d > -9007199254740992.0 && d < 9007199254740992.0 &&
	    d == (double)(long long)d)
		n = snprintf(t, sizeof t, "%lld", (long long)d);
	else if (d == d && d - d == 0)	/* finite */
		n = snprintf(t, sizeof t, "%.17g", d);
	else
		n = snprintf(t, sizeof t, "null");
	buf_add(b, t, (size_t)n);
}

static void put_value(struct buf *b, const cJSON *j, int indent, int level);

/* An object or an array: open, members one per line, close. */
static void
put_container(struct buf *b, const cJSON *j, int indent, int level)
{
	bool obj = cJSON_IsObject(j);
	const cJSON *it;

	buf_addc(b, obj ? '{' : '[');
	if (j->child == NULL) {
		buf_addc(b, obj ? '}' : ']');
		return;
	}
	for (it = j->child; it != NULL; it = it->next) {
		put_newline(b, indent, level + 1);
		if (obj) {
			put_string(b, it->string != NULL ? it->string : "");
			buf_add(b, indent > 0 ? ": " : ":", indent > 0 ? 2 : 1);
		}
		put_value(b, it, indent, level + 1);
		if (it->next != NULL)
			buf_addc(b, ',');
	}
	put_newline(b, indent, level);
	buf_addc(b, obj ? '}' : ']');
}

static void
put_value(struct buf *b, const cJSON *j, int indent, int level)
{
	if (cJSON_IsObject(j) || cJSON_IsArray(j))
		put_container(b, j, indent, level);
	else if (cJSON_IsString(j))
		put_string(b, j->valuestring);
	else if (cJSON_IsNumber(j))
		put_number(b, j->valuedouble);
	else if (cJSON_IsTrue(j))
		buf_add(b, "true", 4);
	else if (cJSON_IsFalse(j))
		buf_add(b, "false", 5);
	else if (cJSON_IsRaw(j))
		buf_add(b, j->valuestring, strlen(j->valuestring));
	else
		buf_add(b, "null", 4);
}

void
mock_json_print(struct buf *b, const cJSON *j, int indent)
{
	put_value(b, j, indent, 0);
}

char *
mock_json_text(const cJSON *j, int indent, size_t *len)
{
	struct buf b = { 0 };

	put_value(&b, j, indent, 0);
	return buf_take(&b, len);
}

/* cJSON returns NULL only when out of memory. */
static cJSON *
must(cJSON *j)
{
	if (j == NULL)
		die("%s", _("out of memory"));
	return j;
}

cJSON *
mock_json_add(cJSON *obj, const char *key, cJSON *item)
{
	if (!cJSON_AddItemToObject(obj, key, must(item)))
		die("%s", _("out of memory"));
	return item;
}

cJSON *
mock_json_push(cJSON *arr, cJSON *item)
{
	if (!cJSON_AddItemToArray(arr, must(item)))
		die("%s", _("out of memory"));
	return item;
}

cJSON *
mock_json_object(void)
{
	return must(cJSON_CreateObject());
}

cJSON *
mock_json_array(void)
{
	return must(cJSON_CreateArray());
}

cJSON *
mock_json_str(const char *s)
{
	return must(s != NULL ? cJSON_CreateString(s) : cJSON_CreateNull());
}

cJSON *
mock_json_num(double d)
{
	return must(cJSON_CreateNumber(d));
}
