/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The curses front end of the wizard.  ui.c is the only file that sets up
 * and restores the terminal; the screens are ui-*.c. */
#ifndef FIX401_UI_H
#define FIX401_UI_H

#include <stdbool.h>

#include "wizard.h"

/* True when the wizard can draw here: stdin and stdout are terminals and
 * TERM names a usable terminal.  Otherwise *why (may be NULL) gets the
 * reason plain mode is used, a translated constant. */
bool	ui_usable(const char **why);
/* Runs the wizard on the terminal until the user quits.  Returns the exit
 * status (wizard_status, or 2 on an internal error); the terminal is
 * restored on every path, signals included. */
int	ui_run(struct wizard *w);

#endif
