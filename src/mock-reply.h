/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401-mock's answers: from a request (method, path, headers, body) and
 * the config to a reply (status, headers, body bytes) the way the OpenAI
 * API or the thing in its place would answer.  Pure logic: no I/O, no
 * clock, no randomness (the caller passes the time and the request id). */
#ifndef FIX401_MOCK_REPLY_H
#define FIX401_MOCK_REPLY_H

#include <stdbool.h>
#include <stddef.h>

#include "mock-config.h"

#define MOCK_HEADERS_MAX	16	/* headers a reply may carry */

/* What arrived.  Everything is borrowed from the caller for the call; a
 * header that did not come is NULL. */
struct mock_request {
	const char	*method;	/* "GET", "POST", ... */
	const char	*path;		/* URL path without the query */
	const char	*authorization;	/* Authorization header */
	const char	*api_key;	/* api-key header (Azure style) */
	const char	*organization;	/* OpenAI-Organization header */
	const char	*project;	/* OpenAI-Project header */
	const char	*user_agent;	/* User-Agent header */
	const char	*body;		/* request body (may hold no NUL) */
	size_t		 body_len;
	const char	*request_id;	/* "req_" and 32 hex digits */
	long long	 now;		/* Unix time, for "created" */
	long		 latency_ms;	/* added to every answer's delay */
};

/* How a key arrived. */
enum mock_auth {
	MOCK_AUTH_NONE,		/* no Authorization, no api-key */
	MOCK_AUTH_BEARER,	/* Authorization: Bearer KEY */
	MOCK_AUTH_API_KEY,	/* api-key: KEY */
	MOCK_AUTH_OTHER		/* Authorization with another scheme */
};

/* What the server made of the request, for the log.  key points into the
 * request (borrowed); model is owned. */
struct mock_seen {
	enum mock_auth	 auth;
	const char	*key;		/* the key sent, or NULL */
	size_t		 key_len;	/* its length in bytes */
	const struct mock_key *entry;	/* the config entry of the key */
	char		*model;		/* chat body's or /models/{id}'s */
	const char	*token_param;	/* "max_tokens", ... or NULL */
};

struct mock_header {
	const char	*name;		/* static */
	char		*value;		/* owned */
};

/* The answer.  Owns the header values and the body. */
struct mock_reply {
	unsigned int	 status;	/* HTTP status; 0 when hang */
	bool		 hang;		/* never answer */
	long		 delay_ms;	/* wait this long first */
	struct mock_header headers[MOCK_HEADERS_MAX];
	size_t		 nheaders;
	char		*body;		/* malloc'd, never NULL once made */
	size_t		 len;
};

/* ---- answering ---- */
/* Fills *seen and *reply for request r (clear both with the functions
 * below).  Counts the request against its key's "times" in c, so callers
 * sharing c serialise. */
void	 mock_reply_make(struct mock_config *c, const struct mock_request *r,
	    struct mock_seen *seen, struct mock_reply *reply);
/* Frees what the reply owns and zeroes it. */
void	 mock_reply_clear(struct mock_reply *reply);
/* Frees what seen owns and zeroes it. */
void	 mock_seen_clear(struct mock_seen *seen);
/* Appends header name (a static string) with a value made by fmt. */
void	 mock_reply_add(struct mock_reply *reply, const char *name,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The headers of a success to key k: openai-organization (its owner,
 * else its organization id, else a personal organization's "user-..."
 * slug made from its name) and, for a key bound to a project,
 * openai-project. */
void	 mock_reply_add_bound(struct mock_reply *reply,
	    const struct mock_key *k);
/* The value of header name (case-insensitive) in reply, or NULL. */
const char *mock_reply_header(const struct mock_reply *reply,
	    const char *name);
/* The name the log uses for a: "none", "bearer", "api-key", "other". */
const char *mock_auth_name(enum mock_auth a);

/* ---- the server's own mask ---- */
/* The echo in "Incorrect API key provided: ...": the key whole when it
 * has 12 characters or fewer, else its first 8 characters, one '*' per
 * middle character and its last 4 (as long as the key; characters are
 * code points and are kept as they came).  Caller frees. */
char	*mock_mask(const char *k, size_t len);

#endif
