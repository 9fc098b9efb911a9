/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Stub: filled by the mock work. */
#include <config.h>

#include "mock-reply.h"
