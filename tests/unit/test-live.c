/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Stub. */
#include <config.h>

#include "unit.h"

int
main(void)
{
	return 77;
}
