/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Planning file edits: the .env repair (the key's line becomes
 * OPENAI_API_KEY=<value>, the one form every loader reads the same), a new
 * key written in, a stale startup-file export commented out, a .gitignore
 * line added; everything else stays byte for byte.  Pure logic: the caller
 * asks, writes and verifies. */
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
	size_t			 line;		/* FIX_PLANNED: 0-based line of
						   the key in the new file */
	bool			 appended;	/* that line was added */
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
/* Why no plan was made (r is not FIX_PLANNED) for the file at path, as one
 * translated sentence (caller frees).  p and an as fix_plan had them. */
char		*fix_no_plan_text(enum fix_result r, const struct fix_plan *p,
		    const struct analysis *an, const char *path);
/* What a plan does besides the key's line ("and delete 1 older
 * definition of OPENAI_API_KEY" ...), translated, one per entry, without
 * a final newline; NULL-ended (caller frees with xfree_strv). */
char		**fix_plan_notes(const struct fix_plan *p);

/* ---- a new key ---- */
/* Plans writing value[0..vlen) as the key: the line that wins for
 * OPENAI_API_KEY becomes OPENAI_API_KEY=value, or that line is appended
 * (after a newline when the file does not end with one).  Lines above
 * whose open quote would swallow it are rewritten as for fix_plan.
 * FIX_PLANNED only when the result passes fix_verify(); FIX_NOTHING when
 * the file already holds exactly that line; FIX_UNSAFE when value is not
 * plain (dotenv_value_is_plain). */
enum fix_result	fix_plan_value(const struct analysis *an, const char *value,
		    size_t vlen, struct fix_plan *p);

/* ---- other files ---- */
/* Plans commenting out the 1-based line `line` of the shell startup file
 * path (its bytes buf[0..len)): "# " put before it, every other byte
 * kept.  The line must hold one unconditional OPENAI_API_KEY assignment
 * whose value (with the shell's trailing CR on a CR LF line) is
 * value[0..vlen), and nothing else; the rest of the file must read the
 * same afterwards.  FIX_PLANNED (p->buf, p->line), FIX_NO_KEY (no such
 * assignment there any more) or FIX_UNSAFE (not alone on its line, in a
 * block, or spread over lines). */
enum fix_result	fix_plan_comment(const char *path, const char *buf,
		    size_t len, size_t line, const char *value, size_t vlen,
		    struct fix_plan *p);
/* The .gitignore pattern that matches exactly the file rel (a path
 * relative to the .gitignore's folder): "/" + rel with the pattern
 * characters escaped.  NULL when rel holds a line break.  Caller frees. */
char		*fix_ignore_pattern(const char *rel);
/* Plans appending the line pattern to the .gitignore bytes buf[0..len)
 * (a newline first when they do not end with one): p->buf, p->line. */
void		fix_plan_append(const char *buf, size_t len,
		    const char *pattern, struct fix_plan *p);

#endif
