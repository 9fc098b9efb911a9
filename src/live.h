/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Live diagnosis: what to send where (live_plan, pure), the concurrent
 * probes over one struct http (live_start), their follow-ups (a model or
 * parameter fallback, the differential retry without organization or
 * project, bounded retries) and what each answer means.  The network
 * checks read the finished struct live.  Never prints; never keeps a key:
 * values are borrowed from the candidates for the moment of sending. */
#ifndef FIX401_LIVE_H
#define FIX401_LIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "explain.h"
#include "http.h"
#include "provider.h"
#include "source.h"

struct check_ctx;

/* What a probe asks. */
enum probe_kind {
	PROBE_MODELS,		/* GET /models with the effective key */
	PROBE_CHAT,		/* POST /chat/completions, the same key */
	PROBE_OTHER_KEY,	/* GET /models with another candidate */
	PROBE_NO_ORG,		/* GET /models without OpenAI-Organization */
	PROBE_NO_PROJECT,	/* GET /models without OpenAI-Project */
};

/* One request and its answer.  Owns its strings. */
struct probe {
	enum probe_kind	 kind;
	size_t		 candidate;	/* index of the key sent in the
					   sources, or NO_WINNER: no key */
	bool		 sent_org;	/* OpenAI-Organization was sent */
	bool		 sent_project;	/* OpenAI-Project was sent */
	char		*model;		/* chat: the model asked for */
	const char	*limit_param;	/* chat: "max_completion_tokens" or
					   "max_tokens" (static) */
	int		 attempts;	/* requests made (retries and
					   fallbacks count) */
	bool		 done;		/* the final answer is in */
	bool		 model_retry;	/* chat: resend with a listed model
					   once /models answers */
	bool		 param_switched; /* chat: the token-limit parameter
					   was changed once */
	bool		 model_switched; /* chat: the model was changed once */
	struct http_response resp;	/* the final answer */
	struct explained ex;		/* what it says (cause, code, mask) */
	int		 matched;	/* candidate the echoed mask came
					   from, or -1 */
	enum explain_match_kind match;	/* how it matched */
	char		*reply;		/* chat: the model's words, cleaned
					   and capped, or NULL */
	char		*fallback;	/* chat: why the request was changed
					   and sent again, or NULL */
	struct live	*owner;
};

/* Two for the effective key, eight other keys, two differential. */
#define LIVE_MAX_PROBES		12
/* Other candidates checked at most. */
#define LIVE_MAX_OTHERS		8

/* Why no request with a key goes out. */
enum live_block {
	LIVE_GO,		/* the probes run */
	LIVE_OFFLINE,		/* --offline */
	LIVE_BAD_URL,		/* the base URL cannot be used */
	LIVE_INSECURE,		/* http:// to a host that is not this
				   machine, without --allow-insecure */
	LIVE_FOREIGN_KEY,	/* the key is another provider's than the
				   host's: sending it would leak it */
};

/* What the caller wants beyond the check context.  Borrowed. */
struct live_opts {
	const char	*model;		/* --model, or NULL */
	long		 timeout_s;	/* --timeout: per request */
	bool		 allow_insecure; /* --allow-insecure */
};

/* The live half of a diagnosis.  Owns the probes; borrows the context's
 * sources and providers, which must outlive it. */
struct live {
	enum live_block	 block;
	char		*base;		/* the base URL, no trailing '/' */
	char		*shown_base;	/* base as it may be shown */
	const struct provider *provider; /* the base URL's, or NULL */
	const struct provider *key_provider; /* the key's, or NULL */
	char		*proxy;		/* proxy in use, masked, or NULL */
	size_t		 key;		/* candidate sent, or NO_WINNER */
	size_t		 org, project;	/* candidates of OPENAI_ORG_ID and
					   OPENAI_PROJECT_ID sent, or
					   NO_WINNER */
	bool		 unsendable;	/* the key holds what no SDK puts in a
					   header (a newline, an end space):
					   it is not sent */
	struct probe	 p[LIVE_MAX_PROBES];
	size_t		 n;
	char		**models;	/* ids /models listed (NULL-ended), or
					   NULL */
	const struct check_ctx *ctx;
	struct live_opts opts;
	struct http	*http;		/* borrowed while running */
	bool		 cancelled;
};

/* ---- planning (pure) ---- */
/* Fills l's block, base, provider, key, org and project from ctx and o;
 * no request is made.  Free with live_clear. */
void	 live_plan(struct live *l, const struct check_ctx *ctx,
	    const struct live_opts *o);
/* The bytes of candidate i that consumer c's program sends: for the
 * project .env, what that consumer's loader reads from the file; else the
 * value as set.  Borrowed from ctx; *len gets the length. */
const char *live_value(const struct check_ctx *ctx, size_t i, size_t *len);

/* True when an SDK would put v[0..len) in a header as it is. */
bool	 live_sendable(const char *v, size_t len);
/* True unless candidate i's key belongs to a provider other than l's
 * host's (sending it there would leak it). */
bool	 live_may_send(const struct live *l, size_t i);
/* The cheapest chat model among ids[0..n) (borrowed), or NULL. */
const char *live_cheap_model(const char *const *ids, size_t n);

/* ---- running ---- */
/* Submits the probes of a planned l (nothing when l is blocked).  Returns
 * 0, or -1 with *cause (caller frees). */
int	 live_start(struct live *l, struct http *h, char **cause);
/* True when every probe has its final answer. */
bool	 live_done(const struct live *l);
/* Frees what l owns and zeroes it. */
void	 live_clear(struct live *l);

/* For live-answer.c: (re)sends p after delay_ms; 0, or -1 with *cause. */
int	 live_send(struct live *l, struct probe *p, long delay_ms,
	    char **cause);
/* For live.c: the http callback of every probe (arg is the probe). */
void	 live_on_done(struct http_response *resp, void *arg);
/* For live-answer.c: a new probe of kind k with candidate i's key, or
 * NULL when the table is full. */
struct probe *live_add(struct live *l, enum probe_kind k, size_t i);

/* ---- reading ---- */
/* The first probe of kind k (for k other than PROBE_OTHER_KEY), or NULL. */
const struct probe *live_probe(const struct live *l, enum probe_kind k);
/* True when p (may be NULL) got an HTTP 200. */
bool		 probe_ok(const struct probe *p);
/* "GET /models", "POST /chat/completions" (static). */
const char	*probe_endpoint(const struct probe *p);

#endif
