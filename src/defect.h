/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Defects: the named reasons a .env line reads wrong in some loader, and
 * the names fix401 cares about.  Pure logic: no I/O, no output. */
#ifndef FIX401_DEFECT_H
#define FIX401_DEFECT_H

#include <stdbool.h>
#include <stddef.h>


enum defect_id {
	/* file-wide */
	DEFECT_UTF16, DEFECT_INVALID_UTF8, DEFECT_LONG_LINE, DEFECT_BARE_CR,
	/* one assignment */
	DEFECT_BOM, DEFECT_QUOTED, DEFECT_SMART_QUOTES, DEFECT_WHITESPACE,
	DEFECT_CRLF, DEFECT_INVISIBLE, DEFECT_NAME_STRAY, DEFECT_EXPORT,
	DEFECT_SHELL_SYNTAX, DEFECT_SPACES_AROUND_EQUALS, DEFECT_YAML,
	DEFECT_INLINE_COMMENT, DEFECT_GLUED_COMMENT, DEFECT_EMPTY_COMMENT,
	DEFECT_UNTERMINATED_QUOTE, DEFECT_TEXT_AFTER_QUOTE, DEFECT_DUPLICATE,
	DEFECT_INTERPOLATION, DEFECT_NAME_ONLY, DEFECT_NEAR_MISS_NAME,
	DEFECT_SWALLOWED, DEFECT_EMPTY, DEFECT_DIFFERS,
	DEFECT_COUNT
};

/* Static facts about a defect.  Strings are N_(): translate where used. */
struct defect_info {
	const char	*id;	/* stable, for --json: "quoted" ... */
	const char	*title;	/* a few words */
	const char	*why;	/* one sentence: which programs it fools */
};

/* ---- defects ---- */
const struct defect_info	*defect_info(enum defect_id id);

/* True when name is a near miss of OPENAI_API_KEY (OPENAI_KEY, a lowercase
 * or VITE_-prefixed spelling ...). */
bool	defect_near_miss(const char *name);
/* True for the names fix401 reports: OPENAI_*, AZURE_OPENAI_* and near
 * misses of the key, in any case. */
bool	defect_relevant_name(const char *name);

#endif
