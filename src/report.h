/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
#ifndef FIX401_REPORT_H
#define FIX401_REPORT_H
#endif
