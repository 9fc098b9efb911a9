/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* What the file system and git say about a .env file (dotenv-safety's
 * input): its mode, whether git tracks or ignores it, whether the host
 * is shared.  Runs git without a shell; no key ever reaches it. */
#ifndef FIX401_FACTS_H
#define FIX401_FACTS_H

#include <stdbool.h>

#include "check.h"

/* Fills *f for the file at path (borrowed).  Never fails: what cannot be
 * found out stays false (f->git false when git did not answer). */
void	dotenv_facts_gather(const char *path, struct dotenv_facts *f);
/* True when the passwd-format file at passwd (borrowed; /etc/passwd in
 * real use) lists a human account other than owner_uid: uid 1000 or more
 * (not 65534, nobody) with a login shell (not nologin or false).  Only
 * local accounts count; false when the file cannot be read. */
bool	dotenv_facts_shared(const char *passwd, unsigned long owner_uid);

#endif
