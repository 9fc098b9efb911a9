/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Plain mode: the wizard's steps as numbered text on stdout, questions
 * answered on stdin (a screen reader, a dumb terminal, a pipe). */
#ifndef FIX401_PLAIN_H
#define FIX401_PLAIN_H

#include "wizard.h"

/* Runs the steps of w; reason (translated, may be NULL) is the one line
 * saying why plain mode was chosen.  Returns the exit status. */
int	plain_run(struct wizard *w, const char *reason);

#endif
