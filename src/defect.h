/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Defects: the named reasons a .env line reads wrong in some loader. */
#ifndef FIX401_DEFECT_H
#define FIX401_DEFECT_H
#endif
