/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* STUB: replaced by the curses front end. */
#include <config.h>

#include "ui.h"

#include <unistd.h>

#include "i18n.h"
#include "plain.h"

bool
ui_usable(const char **why)
{
	*why = _("plain mode: the full-screen wizard is not built yet");
	return false;
}

int
ui_run(struct wizard *w)
{
	return plain_run(w, NULL);
}
