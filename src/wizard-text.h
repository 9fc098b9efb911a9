/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Private to wizard*.c: the words of a check's page (wizard-text.c), the
 * lines about its requests (wizard-details.c), and the small helpers
 * both use to build masked text lines. */
#ifndef FIX401_WIZARD_TEXT_H
#define FIX401_WIZARD_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "live.h"
#include "wizard.h"

/* What a check's page says it checks and why that matters: N_()
 * constants, translated where shown. */
struct wizard_text {
	const char	*id;		/* the check's id */
	const char	*checked;	/* one sentence */
	const char	*why;		/* one or two beginner sentences */
};

/* ---- wizard-text.c ---- */
/* The texts of check id, or NULL for an unknown id. */
const struct wizard_text *wizard_text(const char *id);
/* The "found" lines of check c's page over w's diagnosis, masked
 * (caller frees with xfree_strv). */
char	**wizard_found(const struct wizard *w, const struct check *c);

/* Text lines being collected.  Zero it to start. */
struct wizard_lines {
	char		**v;		/* NULL-ended, or NULL while empty */
	size_t		 n;
};

/* Adds s to l (takes ownership of s). */
void	 wizard_add(struct wizard_lines *l, char *s);
/* Adds a copy of s to l. */
void	 wizard_put(struct wizard_lines *l, const char *s);
/* l's NULL-ended vector, never NULL (the caller owns it now). */
char	**wizard_take(struct wizard_lines *l);
/* Appends s to b and blanks up to width columns, two at least. */
void	 wizard_field(struct buf *b, const char *s, size_t width);
/* The text of b without its trailing blanks (b is emptied). */
char	*wizard_line(struct buf *b);
/* path (or "path:line") made safe to show, and shorter: relative to the
 * project folder when inside it, from "~" when in the home folder.
 * Caller frees. */
char	*wizard_short_path(const struct wizard *w, const char *path);
/* Where c is set (check_where), shortened the same way.  Caller frees. */
char	*wizard_place(const struct wizard *w, const struct candidate *c);

/* ---- wizard-details.c ---- */
/* The kinds of probe (1U << enum probe_kind) whose answers check id
 * reads and shows; 0 for none. */
unsigned wizard_probes(const char *id);
/* "GET /v1/models": probe p's request line, the path of l's base URL
 * included (caller frees). */
char	*wizard_request(const struct live *l, const struct probe *p);
/* Adds one line per request check id read (what, the answer, how long),
 * or one saying none was sent. */
void	 wizard_probe_lines(const struct wizard *w, struct wizard_lines *l,
	    const char *id);

/* ---- wizard.c ---- */
/* True when texts for w's terminal use "..." for an ellipsis (--ascii,
 * or a locale that is not UTF-8). */
bool	 wizard_ascii(const struct wizard *w);

#endif
