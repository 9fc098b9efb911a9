/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* --explain, first half: finds the status, headers and error body in a
 * pasted SDK message, curl transcript or JSON body (Python reprs are
 * turned into JSON first); explain-cause.c reads the key mask and names
 * the cause. */
#include <config.h>

#include "explain.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "sanitize.h"
#include "xalloc.h"

#define FIELD_MAX	2000	/* characters kept of a message */
#define ID_MAX		100	/* characters kept of a code, id ... */
#define JSON_TRIES	32	/* '{' or '[' tried as a body start */

/* Where the error body may start, and what came before it. */
struct region {
	const char	*p;
	size_t		 n;
	bool		 html;	/* content-type: text/html was seen */
};

/* ---- text helpers ---- */

/* Letters, digits, '-' and '_' (ASCII only, whatever the locale). */
static bool
is_tok(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static bool
starts_ci(const char *s, size_t n, const char *w)
{
	size_t wn = strlen(w);

	return n >= wn && strncasecmp(s, w, wn) == 0;
}

static const char *
find_ci(const char *s, size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
		if (starts_ci(s + i, n - i, w))
			return s + i;
	return NULL;
}

/* A new sanitized, redacted copy of s[0..n), at most max characters. */
static char *
clean(const char *s, size_t n, size_t max)
{
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return sanitize_server(s, n, max);
}

static void
set_field(char **f, const char *s, size_t n, size_t max)
{
	free(*f);
	*f = clean(s, n, max);
}

/* The status in "NNN" at s when it is 100-599 and ends there; else 0. */
static int
read_status(const char *s, size_t n)
{
	if (n < 3 || s[0] < '1' || s[0] > '5' || s[1] < '0' || s[1] > '9' ||
	    s[2] < '0' || s[2] > '9' || (n > 3 && is_tok((unsigned char)s[3])))
		return 0;
	return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
}

/* ---- Python repr to JSON ---- */

/* Appends the Python string literal at s[i] as a JSON string; returns the
 * index after it (an unterminated literal runs to the end). */
static size_t
py_string(const char *s, size_t len, size_t i, struct buf *b)
{
	char q = s[i++], hex[12];

	buf_addc(b, '"');
	for (; i < len && s[i] != q; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\' && i + 1 < len) {
			c = (unsigned char)s[++i];
			if (c == 'x' && i + 2 < len) {
				snprintf(hex, sizeof hex, "\\u00%.2s",
				    s + i + 1);
				buf_add(b, hex, 6);
				i += 2;
			} else if (c == 'U' && i + 8 < len) {
				memcpy(hex, s + i + 1, 8);
				hex[8] = '\0';
				i += 8;
				long cp = strtol(hex, NULL, 16);

				buf_addcp(b, cp >= 0 && cp < 0x110000 &&
				    (cp < 0xd800 || cp > 0xdfff) ?
				    (int32_t)cp : 0xfffd);
			} else if (c == '\'') {
				buf_addc(b, '\'');
			} else {
				buf_addc(b, '\\');
				buf_addc(b, (char)c);
			}
		} else if (c == '"' || c < 0x20) {
			snprintf(hex, sizeof hex, c == '"' ? "\\\"" :
			    "\\u%04x", c);
			buf_add(b, hex, strlen(hex));
		} else {
			buf_addc(b, (char)c);
		}
	}
	buf_addc(b, '"');
	return i < len ? i + 1 : len;
}

/* Converts the Python dict or list repr at s into JSON in b: strings,
 * None, True and False change; the rest is copied up to the bracket that
 * closes the first one. */
static void
py_to_json(const char *s, size_t len, struct buf *b)
{
	int depth = 0;
	size_t i = 0, n;

	while (i < len) {
		if (s[i] == '\'' || s[i] == '"') {
			i = py_string(s, len, i, b);
			continue;
		}
		for (n = 0; i + n < len && is_tok((unsigned char)s[i + n]); n++)
			;
		if (n > 0) {
			const char *w = n == 4 && !strncmp(s + i, "None", 4) ?
			    "null" : n == 4 && !strncmp(s + i, "True", 4) ?
			    "true" : n == 5 && !strncmp(s + i, "False", 5) ?
			    "false" : NULL;

			buf_add(b, w ? w : s + i, w ? strlen(w) : n);
			i += n;
			continue;
		}
		if (s[i] == '{' || s[i] == '[')
			depth++;
		else if ((s[i] == '}' || s[i] == ']') && --depth <= 0) {
			buf_addc(b, s[i]);
			return;
		}
		buf_addc(b, s[i++]);
	}
}

/* ---- reading a JSON body ---- */

static const char *
str_of(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Stores member name of o (a string, or a number as text) in *f. */
static void
take(char **f, const cJSON *o, const char *name, size_t max)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
	char num[32];

	if (cJSON_IsString(v))
		set_field(f, v->valuestring, strlen(v->valuestring), max);
	else if (cJSON_IsNumber(v)) {
		snprintf(num, sizeof num, "%d", v->valueint);
		set_field(f, num, strlen(num), max);
	}
}

/* Reads {"error":{...}} (err) and names whose shape it is. */
static void
read_error_object(const cJSON *top, const cJSON *err, struct explained *e)
{
	const cJSON *code = cJSON_GetObjectItemCaseSensitive(err, "code");
	const char *type = str_of(top, "type");

	take(&e->message, err, "message", FIELD_MAX);
	take(&e->type, err, "type", ID_MAX);
	take(&e->param, err, "param", ID_MAX);
	take(&e->code, err, "code", ID_MAX);
	if (e->type == NULL)
		take(&e->type, err, "status", ID_MAX);	/* Gemini */
	if (e->status == 0 && e->code != NULL)
		e->status = read_status(e->code, strlen(e->code));
	if (type != NULL && strcmp(type, "error") == 0)
		e->shape = EXPLAIN_SHAPE_ANTHROPIC;
	else if (e->shape == EXPLAIN_SHAPE_GEMINI || str_of(err, "status"))
		e->shape = EXPLAIN_SHAPE_GEMINI;
	else if (cJSON_IsNumber(code))
		e->shape = EXPLAIN_SHAPE_OPENROUTER;
	else if (e->code != NULL && read_status(e->code, strlen(e->code)) &&
	    e->type == NULL)
		e->shape = EXPLAIN_SHAPE_AZURE;
	else if (e->message != NULL &&
	    strncmp(e->message, "Authentication Fails", 20) == 0)
		e->shape = EXPLAIN_SHAPE_DEEPSEEK;
	else
		e->shape = EXPLAIN_SHAPE_OPENAI;
}

/* Reads any known error body shape from a parsed root. */
static bool
read_body(const cJSON *root, struct explained *e)
{
	const cJSON *o = root, *err, *st;

	if (cJSON_IsArray(root)) {
		o = cJSON_GetArrayItem(root, 0);
		e->shape = EXPLAIN_SHAPE_GEMINI;
	}
	if (!cJSON_IsObject(o))
		return false;
	err = cJSON_GetObjectItemCaseSensitive(o, "error");
	st = cJSON_GetObjectItemCaseSensitive(o, "status");
	if (e->status == 0 && cJSON_IsNumber(st) && st->valueint >= 100 &&
	    st->valueint < 600)
		e->status = st->valueint;
	take(&e->request_id, o, "request_id", ID_MAX);
	if (cJSON_IsObject(err)) {
		read_error_object(o, err, e);
	} else if (cJSON_IsString(err)) {
		take(&e->message, o, "error", FIELD_MAX);
		take(&e->code, o, "code", ID_MAX);
		e->shape = e->code ? EXPLAIN_SHAPE_XAI : EXPLAIN_SHAPE_VLLM;
	} else if (str_of(o, "detail") || str_of(o, "message")) {
		take(&e->message, o, str_of(o, "detail") ? "detail" :
		    "message", FIELD_MAX);
		e->shape = EXPLAIN_SHAPE_MISTRAL;
	} else
		return false;
	return true;
}

/* Tries each '{' or '[' in s[0..n) as the start of a body, JSON or a
 * Python repr (py_to_json passes JSON through). */
static bool
parse_body(const char *s, size_t n, struct explained *e)
{
	int tries = 0;

	for (size_t i = 0; i < n && tries < JSON_TRIES; i++) {
		if (s[i] != '{' && s[i] != '[')
			continue;
		tries++;

		struct buf b = { 0 };
		cJSON *root;
		bool ok;

		py_to_json(s + i, n - i, &b);
		root = cJSON_ParseWithLength(b.p, b.n);
		ok = root != NULL && read_body(root, e);
		cJSON_Delete(root);
		buf_free(&b);
		if (ok)
			return true;
	}
	return false;
}

/* Finds 'name': or "name": in s[0..n) and stores the string literal after
 * it in *f: the fallback for a repr or body cut short in the paste. */
static bool
scan_field(char **f, const char *s, size_t n, const char *name)
{
	size_t nl = strlen(name), j;

	for (size_t i = 1; i + nl + 1 < n; i++) {
		if ((s[i - 1] != '\'' && s[i - 1] != '"') ||
		    strncmp(s + i, name, nl) != 0 || s[i + nl] != s[i - 1])
			continue;
		for (j = i + nl + 1; j < n && (s[j] == ' ' || s[j] == ':'); j++)
			;
		if (j >= n || (s[j] != '\'' && s[j] != '"'))
			return false;

		struct buf b = { 0 };
		cJSON *v;

		py_string(s, n, j, &b);
		v = cJSON_ParseWithLength(b.p, b.n);
		if (cJSON_IsString(v))
			set_field(f, v->valuestring, strlen(v->valuestring),
			    FIELD_MAX);
		cJSON_Delete(v);
		buf_free(&b);
		return *f != NULL;
	}
	return false;
}

/* ---- the paste's outer format ---- */

/* Reads a "Name: value" header line; false when l is not one. */
static bool
header_line(const char *l, size_t n, struct explained *e, struct region *r)
{
	static const char *const ids[] = {
		"x-request-id", "request-id", "apim-request-id",
	};
	size_t c;

	for (c = 0; c < n && is_tok((unsigned char)l[c]); c++)
		;
	if (c == 0 || c >= n || l[c] != ':')
		return false;
	e->headers_seen = true;
	if (c == 16 && starts_ci(l, n, "www-authenticate"))
		e->www_authenticate = true;
	if (c == 12 && starts_ci(l, n, "content-type") &&
	    find_ci(l + c, n - c, "html") != NULL)
		r->html = true;
	for (size_t k = 0; k < sizeof ids / sizeof *ids; k++)
		if (c == strlen(ids[k]) && starts_ci(l, n, ids[k]))
			set_field(&e->request_id, l + c + 1, n - c - 1, ID_MAX);
	return true;
}

/* The status of an "HTTP/1.1 401 Unauthorized" line, or 0. */
static int
status_line(const char *l, size_t n)
{
	size_t i = 5;

	if (!starts_ci(l, n, "HTTP/"))
		return 0;
	while (i < n && l[i] != ' ')
		i++;
	return i + 1 < n ? read_status(l + i + 1, n - i - 1) : 0;
}

/* Reads curl -v or -i output: the last status line, its headers, and the
 * body after them.  Request ("> ") and info ("* ") lines, which may hold
 * the key, are skipped.  False, leaving e and r alone, without a status
 * line. */
static bool
scan_curl(const char *t, size_t len, struct explained *e, struct region *r)
{
	size_t i = 0, n, next;
	const char *l, *body = NULL;
	bool in_hdr = false;
	int st;

	for (; i < len; i = next) {
		l = t + i;
		n = len - i;
		next = memchr(l, '\n', n) != NULL ?
		    (size_t)((const char *)memchr(l, '\n', n) - t) + 1 : len;
		n = next - i;
		while (n > 0 && (l[n - 1] == '\n' || l[n - 1] == '\r'))
			n--;
		if (n > 0 && l[0] == '<' && (n == 1 || l[1] == ' '))
			l += n > 1 ? 2 : 1, n -= n > 1 ? 2 : 1;
		else if (n > 0 && (l[0] == '>' || l[0] == '*'))
			continue;
		st = status_line(l, n);
		if (st != 0) {
			e->status = st;
			e->www_authenticate = false;
			in_hdr = true;
			body = NULL;
		} else if (in_hdr && (n == 0 || !header_line(l, n, e, r))) {
			in_hdr = false;
			body = n == 0 ? t + next : l;
		}
	}
	if (e->status == 0)
		return false;
	r->p = body != NULL ? body : t + len;
	r->n = t + len - r->p;
	return true;
}

/* Finds "Error code: 401 - " (openai-python); the region is what follows. */
static bool
scan_python(const char *t, size_t len, struct explained *e, struct region *r)
{
	const char *p = memmem(t, len, "Error code: ", 12);
	size_t n;

	if (p == NULL)
		return false;
	p += 12;
	n = t + len - p;
	e->status = read_status(p, n);
	if (e->status == 0)
		return false;
	p += 3, n -= 3;
	if (n >= 3 && memcmp(p, " - ", 3) == 0)
		p += 3, n -= 3;
	r->p = p;
	r->n = n;
	return true;
}

/* Finds a line "401 message" or "AuthenticationError: 401 message"
 * (openai-node); the region is the rest of that line. */
static bool
scan_node(const char *t, size_t len, struct explained *e, struct region *r)
{
	const char *l = t, *end = t + len, *eol, *p;

	for (; l < end; l = eol + 1) {
		eol = memchr(l, '\n', end - l);
		if (eol == NULL)
			eol = end;
		for (p = l; p < eol && (*p == ' ' || *p == '\t'); p++)
			;
		const char *w = p;

		while (w < eol && (is_tok((unsigned char)*w) || *w == '.'))
			w++;
		if (w - p >= 5 && !strncmp(w - 5, "Error", 5) &&
		    eol - w >= 2 && w[0] == ':' && w[1] == ' ')
			p = w + 2;
		e->status = read_status(p, eol - p);
		if (e->status != 0 && (eol - p == 3 || p[3] == ' ')) {
			r->p = p + 3;
			r->n = eol - r->p;
			return true;
		}
		e->status = 0;
		if (eol == end)
			break;
	}
	return false;
}

/* Reads the body (or message) in r. */
static void
read_region(struct explained *e, const struct region *r)
{
	const char *p = r->p;
	size_t n = r->n;

	while (n > 0 && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++, n--;
	if (r->html || find_ci(p, n, "<html") || find_ci(p, n, "<!doctype"))
		e->shape = EXPLAIN_SHAPE_HTML;
	else if (parse_body(p, n, e)) {
		if (e->format == EXPLAIN_FMT_TEXT)
			e->format = EXPLAIN_FMT_JSON;
	} else if (scan_field(&e->message, p, n, "message")) {
		scan_field(&e->type, p, n, "type");
		scan_field(&e->code, p, n, "code");
		scan_field(&e->param, p, n, "param");
		e->shape = EXPLAIN_SHAPE_OPENAI;
	} else if (n > 0 && !starts_ci(p, n, "status code (no body)")) {
		if (e->format == EXPLAIN_FMT_CURL)
			e->shape = EXPLAIN_SHAPE_TEXT;
		set_field(&e->message, p, n, FIELD_MAX);
	}
}

/* ---- the API ---- */

static bool
blank(const char *t, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r' && t[i] != '\n')
			return false;
	return true;
}

int
explain_parse(const char *text, size_t len, struct explained *out)
{
	struct region r = { text, len, false };

	memset(out, 0, sizeof *out);
	if (blank(text, len))
		return -1;
	if (scan_curl(text, len, out, &r))
		out->format = EXPLAIN_FMT_CURL;
	else if (scan_python(text, len, out, &r))
		out->format = EXPLAIN_FMT_PYTHON;
	else if (scan_node(text, len, out, &r))
		out->format = EXPLAIN_FMT_NODE;
	read_region(out, &r);
	explain_classify(out);
	return 0;
}

void
explain_response(int status, const char *body, size_t len, bool html,
    bool www_authenticate, const char *request_id, struct explained *out)
{
	struct region r = { body != NULL ? body : "", len, html };

	memset(out, 0, sizeof *out);
	out->status = status;
	out->headers_seen = true;
	out->www_authenticate = www_authenticate;
	/* A body that is not JSON is the server's text, as in a curl paste. */
	out->format = EXPLAIN_FMT_CURL;
	read_region(out, &r);
	if (out->request_id == NULL && request_id != NULL)
		out->request_id = xstrdup(request_id);
	explain_classify(out);
}

void
explain_clear(struct explained *e)
{
	free(e->code);
	free(e->type);
	free(e->param);
	free(e->message);
	free(e->request_id);
	free(e->mask);
	memset(e, 0, sizeof *e);
}
