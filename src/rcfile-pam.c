/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* /etc/environment as pam_env reads it: NAME=value lines with no shell
 * quoting, the other dialect an rcfile scan knows. */
#include <config.h>

#include "rcfile-scan.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "shname.h"
#include "xalloc.h"

/* pam_env: NAME=value, export NAME=value, NAME (unsets); the value ends
 * at a #, and loses a leading quote and a quote as its last byte. */
static void
pam_line(struct scan *s, const char *p, const char *e, unsigned line,
    bool cr)
{
	const char *h, *v;
	struct rcfile_entry *x;
	char *name;
	size_t k = 0;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p < e && *p == '#') {
		if (!s->commented)
			rcfile_scan_comment(s, p, (size_t)(e - p), line);
		return;
	}
	if (e - p >= 7 && memcmp(p, "export ", 7) == 0)
		p += 7;
	h = memchr(p, '#', (size_t)(e - p));
	cr = cr && h == NULL;
	e = h != NULL ? h : e;
	while (p + k < e && shname_char(p[k]))
		k++;
	if (k == 0 || (p + k < e && p[k] != '='))
		return;
	name = xmemdup(p, k);
	x = rcfile_entry_add(s, p + k == e ? RCFILE_UNSET : RCFILE_SET,
	    RCFILE_FORM_ENVIRONMENT, name, line);
	free(name);
	if (x == NULL || x->kind == RCFILE_UNSET)
		return;
	v = p + k + 1;
	if (v < e && (*v == '"' || *v == '\'')) {
		v++;
		e -= e > v && (e[-1] == '"' || e[-1] == '\'');
	}
	x->value = xmemdup(v, (size_t)(e - v));
	x->exported = true;
	x->cr = cr;
}

/* /etc/environment, line by line, joining lines that end in \. */
void
rcfile_scan_pam(struct scan *s, const char *p, const char *end, unsigned line)
{
	struct buf l = { 0 };

	while (p < end) {
		unsigned start = line;
		bool more = true, cr = false;

		buf_reset(&l);
		while (more && p < end) {
			const char *e = memchr(p, '\n', (size_t)(end - p));
			const char *next = e != NULL ? e + 1 : end;

			e = e != NULL ? e : end;
			cr = e > p && e[-1] == '\r';
			e -= cr;
			more = e > p && e[-1] == '\\';
			buf_add(&l, p, (size_t)(e - p) - more);
			p = next;
			line++;
		}
		pam_line(s, l.p, l.p + l.n, start, cr);
	}
	buf_free(&l);
}
