/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401-mock's request log: one JSON object per line that says what a
 * request carried and what it got, without the key.  Pure logic. */
#ifndef FIX401_MOCK_LOG_H
#define FIX401_MOCK_LOG_H

#include <stddef.h>

#include "mock-reply.h"

/* The log line for request r, which mock_reply_make read as s and
 * answered with rp, ending in a newline; its length to *len (caller
 * frees).  Members, in order: time, request_id, method, path, auth, key
 * (the OpenAI mask of a key over 12 characters, one '*' per character of
 * a shorter one, null without a key), key_length (characters), key_name
 * (the config entry's name, or null), organization, project, model,
 * token_param, user_agent (null when absent), status (null when the
 * reply hangs) and delay_ms.  Every text that came from the client has
 * any run of 13 of the key's characters, and anything else shaped like a
 * key, masked. */
char	*mock_log_line(const struct mock_request *r,
	    const struct mock_seen *s, const struct mock_reply *rp,
	    size_t *len);

#endif
