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

/* ---- building trees (each dies when out of memory) ---- */
/* Adds item under key to obj, which takes it; returns item. */
cJSON	*mock_json_add(cJSON *obj, const char *key, cJSON *item);
/* Appends item to arr, which takes it; returns item. */
cJSON	*mock_json_push(cJSON *arr, cJSON *item);
/* A new, empty object or array (the caller or a parent owns it). */
cJSON	*mock_json_object(void);
cJSON	*mock_json_array(void);
/* A string item holding a copy of s, or null for NULL. */
cJSON	*mock_json_str(const char *s);
/* A number item. */
cJSON	*mock_json_num(double d);

#endif
