/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* POST /v1/chat/completions in fix401-mock: what of the request body
 * matters, and the route's own checks once the key has passed (model,
 * parameters, quota, rate limit).  Pure logic, used by mock-reply.c. */
#ifndef FIX401_MOCK_CHAT_H
#define FIX401_MOCK_CHAT_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "mock-config.h"
#include "mock-reply.h"

/* A chat request's body.  Owns root; the strings point into it. */
struct mock_chat {
	cJSON		*root;		/* the parsed body, or NULL */
	const char	*model;		/* "model", or NULL */
	bool		 messages;	/* "messages" is there */
	bool		 max_tokens;	/* the old token limit is there */
	bool		 max_completion_tokens;
	long		 limit;		/* the limit's value, 0 if none */
	long		 prompt_tokens;	/* about 4 + the words per message */
};

/* Parses r's body into ch (zeroed first) and notes the model and the
 * token-limit parameter in s (s->model is allocated). */
void	 mock_chat_read(struct mock_chat *ch, const struct mock_request *r,
	    struct mock_seen *s);
/* The answer to an accepted key k: an error, or the completion. */
void	 mock_chat_answer(struct mock_reply *rp, const struct mock_config *c,
	    struct mock_key *k, const struct mock_chat *ch,
	    const struct mock_request *r);
/* Frees what ch owns. */
void	 mock_chat_clear(struct mock_chat *ch);

#endif
