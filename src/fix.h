/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
#ifndef FIX401_FIX_H
#define FIX401_FIX_H
#endif
