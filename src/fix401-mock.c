/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401-mock stub. */
#include <config.h>

int
main(void)
{
	return 2;
}
