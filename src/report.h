/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Results as text and JSON: the checklist (report-check.c), the --json
 * document (report-json.c), and what each loader reads from each OPENAI_*
 * line of a .env file (report.c).  Never prints a key: values go through
 * key_mask() and fingerprints only. */
#ifndef FIX401_REPORT_H
#define FIX401_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "analysis.h"
#include "diagnose.h"
#include "explain.h"

/* How to print. */
struct report_style {
	bool	ascii;		/* "..." instead of an ellipsis; ASCII
				   status marks */
	bool	color;		/* colour escapes (a terminal, no NO_COLOR) */
	bool	marks;		/* UTF-8 marks: a terminal, UTF-8 locale */
};

/* ---- the checklist (--check) ---- */
/* Prints d as the human checklist: one line per check ("[ OK ] title:
 * summary"), then the candidates side by side with each consumer's
 * winner, the details and fixes of what did not pass, and the hints. */
void	report_checklist(FILE *out, const struct diagnosis *d,
	    const struct report_style *st);

/* ---- --json ---- */
/* The --json document for d (the schema in fix401(1)), as a new string
 * the caller frees with free(). */
char	*report_json(const struct diagnosis *d);
/* ---- --report ---- */
/* Writes the support report for d to path (created or emptied, mode 0600,
 * never through a symbolic link).  0, or -1 with *cause (caller frees). */
int	report_support(const char *path, const struct diagnosis *d,
	    char **cause);

/* ---- --explain ---- */
/* Prints what e says, its likely cause sharpened by matching the server's
 * mask against every value in d, and which value that was; with json, the
 * report_json_explain document instead. */
void	report_explain(FILE *out, const struct explained *e,
	    const struct diagnosis *d, const struct report_style *st,
	    bool json);

/* The --explain --json document: what e says, its cause, the match kind
 * and the indexes of the candidates of d that matched as kind (c: d's
 * values as explain_match saw them), and the candidates.  Caller frees. */
char	*report_json_explain(const struct explained *e,
	    const struct diagnosis *d, const struct explain_candidate *c,
	    enum explain_match_kind kind, enum explain_cause cause);
/* The --json document when there is nothing to diagnose: verdict "error"
 * and the message (borrowed).  Caller frees. */
char	*report_json_error(const char *message);

/* Prints the findings for the file at path (borrowed) to out.  Returns the
 * exit status the findings call for: 0 when the key reads as written in
 * every loader, 1 when it is missing or broken in any. */
int	report_dotenv(FILE *out, const struct analysis *an, const char *path,
	    const struct report_style *st);
/* Prints value v[0..len) shown safely: the mask, or its length only when
 * short, then "(N characters, fingerprint F)". */
void	report_value(FILE *out, const char *v, size_t len,
	    const struct report_style *st);
/* The same text as a new string (caller frees). */
char	*report_value_text(const char *v, size_t len,
	    const struct report_style *st);
/* Prints the forgiving reading of line a, its value masked, in one line:
 * what a diff shows of the old line. */
void	report_line(FILE *out, const struct dotenv_assign *a, bool crlf,
	    const struct report_style *st);
/* The status the analysis calls for, as report_dotenv() returns it. */
int	report_status(const struct analysis *an);

/* ---- shared by the text reports (report.c) ---- */
#define REPORT_WIDTH	79	/* columns: fits an 80-column terminal */
/* Prints text word-wrapped to REPORT_WIDTH columns (counted in
 * characters) and a newline.  The first line goes on from column col,
 * where the caller left off; the later ones, and those after a '\n' in
 * text, start with indent blanks.  A word wider than a line stays whole. */
void	report_wrap(FILE *out, size_t col, size_t indent, const char *text);
/* A variable name made safe to show (caller frees): anything but
 * printable ASCII as '?'.  A typo can glue a key to a name
 * (OPENAI_API_KEY-sk-proj-...), so the name is cut where a key may start:
 * at a key prefix (sk-, gsk_ ...; sanitize_key_prefix) that starts a run
 * of more than 12 letters, digits, '-' and '_', even inside a word; or at
 * the first word (letters and digits, parted by any other byte) longer
 * than 12 characters or mixing upper case, lower case and digits.  The
 * rest shows as "...(+N characters)": "OPENAI_API_KEY-...(+164
 * characters)".  Names of short words, such as NEXT_PUBLIC_OPENAI_API_KEY
 * or openai_api_key, show whole.  A key with a known prefix thus shows
 * none of its characters; one without a prefix shows at most what stands
 * before its first long or mixed word. */
char	*report_name(const char *name);
/* Pasted or server text s (borrowed; NULL gives NULL) as it may be shown:
 * a copy in which every stretch that repeats 13 or more characters of a
 * value found in d (URLs aside) is masked (sanitize_values), and so is
 * every key sanitize_keys finds.  Caller frees. */
char	*report_paste(const char *s, const struct diagnosis *d);

#endif
