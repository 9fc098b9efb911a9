/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The interactive front ends: the curses wizard, or plain mode when the
 * terminal cannot host it, and the --demo practice run around them. */
#ifndef FIX401_FRONT_H
#define FIX401_FRONT_H

#include "options.h"

/* The wizard (or plain mode) for o; banner (may be NULL) is shown on
 * every screen.  Returns the exit status. */
int	run_wizard(const struct options *o, const char *banner);
/* fix401 --demo.  Returns the exit status. */
int	run_demo(const struct options *o);

#endif
