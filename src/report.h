/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Results as text: what each loader reads from each OPENAI_* line of a
 * .env file, the defects, and what to do.  Never prints a key: values go
 * through key_mask() and fingerprints only. */
#ifndef FIX401_REPORT_H
#define FIX401_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "analysis.h"

/* How to print. */
struct report_style {
	bool	ascii;		/* "..." instead of an ellipsis */
};

/* Prints the findings for the file at path (borrowed) to out.  Returns the
 * exit status the findings call for: 0 when the key reads as written in
 * every loader, 1 when it is missing or broken in any. */
int	report_dotenv(FILE *out, const struct analysis *an, const char *path,
	    const struct report_style *st);
/* Prints value v[0..len) shown safely: the mask, or its length only when
 * short, then "(N characters, fingerprint F)". */
void	report_value(FILE *out, const char *v, size_t len,
	    const struct report_style *st);
/* Prints the forgiving reading of line a, its value masked, in one line:
 * what a diff shows of the old line. */
void	report_line(FILE *out, const struct dotenv_assign *a, bool crlf,
	    const struct report_style *st);
/* The status the analysis calls for, as report_dotenv() returns it. */
int	report_status(const struct analysis *an);

#endif
