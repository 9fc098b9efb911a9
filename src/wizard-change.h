/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* What the wizard's change planners share (wizard-fix.c, wizard-paste.c,
 * wizard-apply.c): reading the file a change starts from, and the masked
 * texts of a key line.  Not for the front ends. */
#ifndef FIX401_WIZARD_CHANGE_H
#define FIX401_WIZARD_CHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis.h"
#include "wizard.h"

/* Reads path (borrowed) into a new c->from and sets c->path (as shown:
 * sanitized) and c->target (symlinks resolved).  A missing file is no
 * error (c->from->exists false).  0, or -1 with *why. */
int	 change_read(struct change *c, const char *path, char **why);
/* Copies v[0..vlen) into c->value (wiped by change_clear). */
void	 change_set_value(struct change *c, const char *v, size_t vlen);
/* Takes the new contents buf[0..len) into c (buf is owned by c now). */
void	 change_take_buf(struct change *c, char *buf, size_t len);
/* The old line a of an as a diff shows it, its value masked (caller
 * frees). */
char	*change_line_text(const struct analysis *an,
	    const struct dotenv_assign *a, bool ascii);
/* "OPENAI_API_KEY=" and v[0..vlen) masked with its length and
 * fingerprint: the new line as a diff shows it (caller frees). */
char	*change_key_text(const char *v, size_t vlen, bool ascii);
/* Joins the NULL-ended v with ", " and frees it; NULL when v is empty. */
char	*change_join(char **v);
/* The .env a pasted key goes into: -e FILE, or the .env in use when it is
 * DIR/.env, else DIR/.env (caller frees). */
char	*change_key_path(const struct wizard *w);
/* path as it may be shown (untrusted text sanitized; caller frees). */
char	*change_shown(const char *path);

#endif
