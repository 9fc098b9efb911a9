/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* JSON text the way api.openai.com writes it: cJSON prints with tabs, the
 * API with N spaces per level, "key": value, and no trailing newline (as
 * Python's json.dumps(v, indent=N, ensure_ascii=False) does). */
#ifndef FIX401_MOCK_JSON_H
#define FIX401_MOCK_JSON_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "buf.h"

/* Appends j to b.  indent > 0: that many spaces per level, one member per
 * line, empty objects and arrays as {} and [].  indent 0: one line with
 * no blanks, as json.dumps(v, separators=(",", ":")).  Strings keep their
 * UTF-8; '"', '\\' and controls are escaped (\b \f \n \r \t, else \u00XX)
 * and invalid UTF-8 becomes U+FFFD, so the text is always valid JSON.
 * Integral numbers print without a fraction.  Borrows j. */
void	 mock_json_print(struct buf *b, const cJSON *j, int indent);
/* The same into a new string (caller frees); its length to *len. */
char	*mock_json_text(const cJSON *j, int indent, size_t *len);

#endif
