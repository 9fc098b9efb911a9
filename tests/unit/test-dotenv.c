/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* STUB: cases to be written. */
#include <config.h>

#include "unit.h"

int
main(void)
{
	return unit_done();
}
