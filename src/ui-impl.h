/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* (being written) */
#ifndef FIX401_UI_IMPL_H
#define FIX401_UI_IMPL_H
#endif
