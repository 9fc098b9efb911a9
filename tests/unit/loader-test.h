/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* What the loader unit tests (test-loader-*.c) share: running one loader
 * on exact bytes in a fake environment, checking single values of the
 * outcome, and comparing it with tables of expected bindings.  Builds on
 * unit.h: every failed check prints one line with the file:line of the
 * table case or of the check, the expected and the actual value.
 *
 *	static const char *const env[] = { "HOME=/tmp", NULL };
 *	static const struct lt_case cases[] = {
 *		{ CASE("simple"), IN("A=1\n"), .b = { B("A", "1", 0) } },
 *	};
 *	lt_setup(&loader_python, env);
 *	CHECK_CASES(cases, LT_EXACT);
 *	RUN("A=1\n");
 *	VAL("A", "1");
 *	return lt_done();
 */
#ifndef FIX401_LOADER_TEST_H
#define FIX401_LOADER_TEST_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "unit.h"
#include "xalloc.h"

/* ---- running the loader under test ---- */

/* What the last RUN made of its input; the checks below read it. */
static struct loaded L;
static const struct loader *lt_loader;
static const char *const *lt_environ;

/* The fake environment: arg is a NULL-terminated list of "NAME=VALUE"
 * strings; the first one for name wins. */
static inline const char *
lt_env(const char *name, void *arg)
{
	size_t n = strlen(name);

	for (const char *const *e = arg; *e != NULL; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

/* Sets the loader every run uses and the environment it runs in (see
 * lt_env), and empties L.  Called first in main. */
static inline void
lt_setup(const struct loader *ld, const char *const *env)
{
	lt_loader = ld;
	lt_environ = env;
	loaded_init(&L);
}

/* Parses a heap copy of exactly len bytes into L, so ASan sees any read
 * past the end.  Without with_env the loader gets no environment (NULL). */
static inline void
lt_run(const char *in, size_t len, bool with_env)
{
	char *buf = xmalloc(len);

	if (len > 0)
		memcpy(buf, in, len);
	loaded_clear(&L);
	lt_loader->parse(buf, len, with_env ? lt_env : NULL,
	    with_env ? (void *)lt_environ : NULL, &L);
	free(buf);
}

#define RUN(s)		lt_run((s), sizeof(s) - 1, true)
#define RUN_NOENV(s)	lt_run((s), sizeof(s) - 1, false)

/* A new buffer of reps copies of chunk[0..k), for large inputs. */
static inline char *
lt_repeat(const char *chunk, size_t k, size_t reps)
{
	char *s = xmalloc(k * reps);

	for (size_t i = 0; i < reps; i++)
		memcpy(s + i * k, chunk, k);
	return s;
}

/* The exit status for main: frees L, then unit_done(). */
static inline int
lt_done(void)
{
	loaded_clear(&L);
	return unit_done();
}

/* ---- failure messages ---- */

#define LT_WHAT		256	/* room for the name of one check */

/* Writes s[0..n) into buf escaped as unit_show() prints it, cut to fit
 * the size bytes of buf.  Returns buf. */
static inline const char *
lt_quote(char *buf, size_t size, const char *s, size_t n)
{
	size_t j = 0;

	for (size_t i = 0; i < n && j + 5 < size; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			buf[j++] = '\\';
			buf[j++] = (char)c;
		} else if (c >= 0x20 && c < 0x7f) {
			buf[j++] = (char)c;
		} else {
			snprintf(buf + j, size - j, "\\x%02x", c);
			j += 4;
		}
	}
	buf[j] = '\0';
	return buf;
}

/* Prints every binding of L on one line, after a failed count. */
static inline void
lt_show_bindings(void)
{
	fputs("  got:", stderr);
	for (size_t i = 0; i < L.n; i++) {
		fprintf(stderr, " [%zu] ", i);
		unit_show(L.v[i].name, strlen(L.v[i].name));
		fputc('=', stderr);
		unit_show(L.v[i].value, L.v[i].value_len);
		fprintf(stderr, " @%zu", L.v[i].offset);
	}
	fputc('\n', stderr);
}

/* Prints the dropped offsets of L on one line, after a failed count. */
static inline void
lt_show_dropped(void)
{
	fputs("  got dropped at:", stderr);
	for (size_t i = 0; i < L.ndropped; i++)
		fprintf(stderr, " %zu", L.dropped[i]);
	fputc('\n', stderr);
}

/* ---- single checks on L, reported at the caller's line ---- */

/* The value the program ends up with for name (its last binding): the
 * len bytes at exp, or NULL for "not set" (no binding, or name-only). */
static inline void
lt_value(const char *prefix, const char *name, const char *exp, size_t len,
    const char *file, int line)
{
	const struct binding *b = loaded_lookup(&L, name);
	const char *v = b != NULL ? b->value : NULL;
	char q[LT_WHAT / 2], what[LT_WHAT];

	snprintf(what, sizeof what, "%s\"%s\"", prefix,
	    lt_quote(q, sizeof q, name, strlen(name)));
	unit_mem(exp, len, v, v != NULL ? b->value_len : 0, what, file, line);
}

/* name has no binding at all or, with name_only_ok, a last binding that
 * sets nothing. */
static inline void
lt_unset(const char *name, bool name_only_ok, const char *file, int line)
{
	const struct binding *b = loaded_lookup(&L, name);
	char q[LT_WHAT];

	unit_cases++;
	if (b == NULL || (name_only_ok && b->value == NULL))
		return;
	unit_failures++;
	fprintf(stderr, "%s:%d: FAIL: \"%s\": expected %s, got ", file, line,
	    lt_quote(q, sizeof q, name, strlen(name)),
	    name_only_ok ? "not set" : "no binding");
	unit_show(b->value, b->value_len);
	fprintf(stderr, " at offset %zu\n", b->offset);
}

/* The file was refused with msg, and nothing is bound. */
static inline void
lt_refused(const char *msg, const char *file, int line)
{
	unit_long(1, L.refused, "refused", file, line);
	unit_long(0, L.n, "bindings of a refused file", file, line);
	unit_mem(msg, strlen(msg), L.error, L.error ? strlen(L.error) : 0,
	    "error", file, line);
}

/* A line of "A=" and 70,000 bytes, then "B=1", is read whole. */
static inline void
lt_long_line(const char *file, int line)
{
	size_t n = 2 + 70000 + 5;
	char *in = xmalloc(n);

	memcpy(in, "A=", 2);
	memset(in + 2, 'x', 70000);
	memcpy(in + 70002, "\nB=1\n", 5);
	lt_run(in, n, true);
	free(in);
	unit_long(2, L.n, "bindings", file, line);
	if (L.n == 2) {
		unit_long(70000, L.v[0].value_len, "length of A", file, line);
		unit_mem("1", 1, L.v[1].value, L.v[1].value_len, "B", file,
		    line);
		unit_long(70003, L.v[1].offset, "offset of B", file, line);
	}
}

/* The last binding of name has the value of the string literal exp. */
#define VAL(name, exp) \
	lt_value("", (name), (exp), sizeof(exp) - 1, __FILE__, __LINE__)
/* name has no binding. */
#define UNSET(name)	lt_unset((name), false, __FILE__, __LINE__)
/* name is not set afterwards: no binding, or a last one that unsets it. */
#define NOT_SET(name)	lt_unset((name), true, __FILE__, __LINE__)
#define REFUSED(msg)	lt_refused((msg), __FILE__, __LINE__)
#define CHECK_LONG_LINE()	lt_long_line(__FILE__, __LINE__)

/* ---- tables of cases ---- */

#define LT_MAXB		8	/* bindings one case can expect */
#define LT_MAXDROP	4	/* dropped offsets one case can expect */

/* One expected binding. */
struct lt_want {
	const char	*name;		/* NULL ends the list */
	const char	*value;		/* NULL: name-only (LT_EXACT), not
					   set (LT_LAST) */
	size_t		 len;		/* bytes in value */
	size_t		 offset;	/* of the name (LT_EXACT only) */
};

/* One file and everything the loader must make of it, run in the
 * environment of lt_setup(). */
struct lt_case {
	const char	*file;		/* where the case is written */
	int		 line;
	const char	*id;
	const char	*in;
	size_t		 len;
	struct lt_want	 b[LT_MAXB];
	size_t		 drop[LT_MAXDROP];	/* dropped statement offsets
						   (LT_EXACT only) */
	size_t		 ndrop;
	const char	*error;		/* refused with these words; NULL:
					   not refused */
	size_t		 erroff;
	bool		 truncated;	/* reading stopped early */
};

/* How a table's b lists are compared with L. */
enum lt_mode {
	LT_EXACT,	/* every binding in file order, with offsets, and
			   every dropped offset */
	LT_LAST		/* the value each listed name ends up with (see
			   lt_value); other bindings and drops unchecked */
};

/* Starts each case: its id, and file:line for the failure messages. */
#define CASE(id_)	.file = __FILE__, .line = __LINE__, .id = (id_)
#define IN(s)		.in = (s), .len = sizeof(s) - 1
/* LT_EXACT: a binding of v (a string literal) at offset o; name-only. */
#define B(n, v, o)	{ (n), (v), sizeof(v) - 1, (o) }
#define NONE(n, o)	{ (n), NULL, 0, (o) }
/* LT_LAST: n ends up as v; n ends up not set. */
#define WANT(n, v)	{ (n), (v), sizeof(v) - 1, 0 }
#define GONE(n)		{ (n), NULL, 0, 0 }

/* Runs one case and checks L against it; failures name the case. */
static inline void
lt_check_case(const struct lt_case *c, enum lt_mode mode)
{
	const char *f = c->file;
	int ln = c->line, before = unit_failures;
	char what[LT_WHAT], q[LT_WHAT / 2];
	size_t n = 0;

	lt_run(c->in, c->len, true);
	while (n < LT_MAXB && c->b[n].name != NULL)
		n++;
	if (mode == LT_LAST) {
		snprintf(what, sizeof what, "case \"%s\": ", c->id);
		for (size_t i = 0; i < n; i++)
			lt_value(what, c->b[i].name, c->b[i].value,
			    c->b[i].len, f, ln);
	} else {
		snprintf(what, sizeof what, "case \"%s\": bindings", c->id);
		unit_long(n, L.n, what, f, ln);
		if (unit_failures != before)
			lt_show_bindings();
		for (size_t i = 0; i < n && i < L.n; i++) {
			const struct lt_want *w = &c->b[i];

			lt_quote(q, sizeof q, w->name, strlen(w->name));
			snprintf(what, sizeof what, "case \"%s\": binding %zu "
			    "\"%s\"", c->id, i, q);
			unit_mem(w->name, strlen(w->name), L.v[i].name,
			    strlen(L.v[i].name), what, f, ln);
			snprintf(what, sizeof what, "case \"%s\": binding %zu "
			    "\"%s\" value", c->id, i, q);
			unit_mem(w->value, w->len, L.v[i].value,
			    L.v[i].value_len, what, f, ln);
			snprintf(what, sizeof what, "case \"%s\": binding %zu "
			    "\"%s\" offset", c->id, i, q);
			unit_long(w->offset, L.v[i].offset, what, f, ln);
		}
		before = unit_failures;
		snprintf(what, sizeof what, "case \"%s\": dropped", c->id);
		unit_long(c->ndrop, L.ndropped, what, f, ln);
		if (unit_failures != before)
			lt_show_dropped();
		for (size_t i = 0; i < c->ndrop && i < L.ndropped; i++) {
			snprintf(what, sizeof what, "case \"%s\": dropped %zu",
			    c->id, i);
			unit_long(c->drop[i], L.dropped[i], what, f, ln);
		}
	}
	snprintf(what, sizeof what, "case \"%s\": refused", c->id);
	unit_long(c->error != NULL, L.refused, what, f, ln);
	snprintf(what, sizeof what, "case \"%s\": error", c->id);
	unit_mem(c->error, c->error ? strlen(c->error) : 0, L.error,
	    L.error ? strlen(L.error) : 0, what, f, ln);
	if (c->error != NULL) {
		snprintf(what, sizeof what, "case \"%s\": error offset",
		    c->id);
		unit_long(c->erroff, L.error_offset, what, f, ln);
	}
	snprintf(what, sizeof what, "case \"%s\": truncated", c->id);
	unit_long(c->truncated, L.truncated, what, f, ln);
}

static inline void
lt_check_cases(const struct lt_case *c, size_t n, enum lt_mode mode)
{
	for (size_t i = 0; i < n; i++)
		lt_check_case(&c[i], mode);
}

/* Checks every case of the array cases. */
#define CHECK_CASES(cases, mode) \
	lt_check_cases((cases), sizeof(cases) / sizeof((cases)[0]), (mode))

#endif
