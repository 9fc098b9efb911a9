/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The non-interactive front ends: --check, --explain, --fix and --undo.
 * Each returns the exit status (0 ok, 1 a problem remains, 2 error). */
#ifndef FIX401_RUN_H
#define FIX401_RUN_H

#include "options.h"

int	run_check(const struct options *o);
int	run_explain(const struct options *o);
int	run_fix(const struct options *o);
int	run_undo(const struct options *o);

#endif
