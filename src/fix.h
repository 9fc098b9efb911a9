/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Planning the .env repair: the key's line becomes OPENAI_API_KEY=<value>,
 * the one form every loader reads the same; everything else stays byte for
 * byte.  Pure logic: the caller asks, writes and verifies. */
#ifndef FIX401_FIX_H
#define FIX401_FIX_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis.h"

/* What a repair would do.  Owns buf; borrows f from the analysis. */
struct fix_plan {
	char			*buf;		/* the repaired file */
	size_t			 len;
	const struct finding	*f;		/* the line repaired, or NULL */
	size_t			 removed;	/* older duplicates deleted */
	bool			 dropped_bom;	/* a BOM before another name */
	size_t			 closed;	/* lines above whose open quote
						   swallowed the key, rewritten */
	size_t			 blocker;	/* FIX_BLOCKED: 0-based line of
						   an open quote above that
						   cannot be rewritten, or
						   FIX_NO_LINE */
};

#define FIX_NO_LINE	((size_t)-1)

enum fix_result {
	FIX_NOTHING,		/* the key's line is already clean */
	FIX_PLANNED,		/* *p holds the new file */
	FIX_NO_KEY,		/* no OPENAI_API_KEY line to repair */
	FIX_UNSAFE,		/* the value itself is unusable (empty, ${...},
				   spaces inside): a person must decide */
	FIX_BLOCKED,		/* the repaired file would still not read
				   right (another line, such as an open quote
				   above, is in the way) */
};

/* Plans the repair of an's OPENAI_API_KEY line; dedupe also deletes the
 * older definitions.  A plan is made only when the result passes
 * fix_verify().  *p holds the new file for FIX_PLANNED (and the blocking
 * line for FIX_BLOCKED). */
enum fix_result	fix_plan(const struct analysis *an, bool dedupe,
		    struct fix_plan *p);
void		fix_plan_clear(struct fix_plan *p);	/* wipes the buffer */
/* True when the file in buf reads OPENAI_API_KEY as exactly value in every
 * loader that reads that line at all (one that refuses the file for another
 * line's sake is left out): the proof a write must pass. */
bool		fix_verify(const char *buf, size_t len, const char *value,
		    size_t vlen);

#endif
