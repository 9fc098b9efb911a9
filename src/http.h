/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The libcurl multi wrapper: requests run concurrently in one multi handle
 * (one connection cache, HTTP/2 where offered), driven to completion by
 * http_run() or step by step by an outside event loop with one extra fd
 * (the wizard's stdin).  TLS is always verified, redirects are never
 * followed, bodies are capped.  Never prints. */
#ifndef FIX401_HTTP_H
#define FIX401_HTTP_H

#include <stdbool.h>
#include <stddef.h>

/* The most bytes of a response body kept (the rest is counted, not
 * stored). */
#define HTTP_BODY_MAX	(1024 * 1024)

/* Why no HTTP answer came back. */
enum http_error {
	HTTP_OK,		/* an answer arrived (any status) */
	HTTP_ERR_URL,		/* the URL cannot be used */
	HTTP_ERR_DNS,		/* the host name does not resolve */
	HTTP_ERR_PROXY_DNS,	/* the proxy's name does not resolve */
	HTTP_ERR_REFUSED,	/* nothing listens there (or a firewall) */
	HTTP_ERR_TIMEOUT,	/* connect or total time ran out */
	HTTP_ERR_TLS_CA,	/* the certificate is not trusted */
	HTTP_ERR_TLS,		/* another TLS failure (handshake, name) */
	HTTP_ERR_PROXY,		/* the proxy refused or failed */
	HTTP_ERR_RESET,		/* the connection broke mid-way */
	HTTP_ERR_CANCELLED,	/* http_cancel() */
	HTTP_ERR_OTHER,		/* see error_text */
};

/* One answer.  Every string is sanitized (no controls, no key) or NULL;
 * body is the raw bytes for the caller to parse (never shown as is). */
struct http_response {
	enum http_error	 error;
	char		*error_text;	/* libcurl's words, or NULL */
	long		 status;	/* 0 when error != HTTP_OK */
	char		*body;		/* raw, NUL-terminated, or NULL */
	size_t		 len;		/* bytes kept in body */
	bool		 truncated;	/* more than HTTP_BODY_MAX came */
	char		*content_type;
	char		*request_id;	/* x-request-id, apim-request-id or
					   request-id */
	bool		 www_authenticate; /* the header came back */
	char		*www_auth_value;
	char		*location;	/* a redirect's target */
	long		 retry_after_ms; /* retry-after(-ms); -1: none */
	char		*http_version;	/* "1.1", "2" */
	long		 ms;		/* from start to the last byte */
	char		*primary_ip;	/* the address connected to */
};

/* One request to submit.  Borrowed for the call: http_submit copies it. */
struct http_request {
	const char	*method;	/* "GET" or "POST" */
	const char	*url;
	const char *const *headers;	/* "Name: value", NULL-terminated;
					   may be NULL */
	const char	*secret_header;	/* "Authorization: Bearer KEY" or
					   NULL: held in memory wiped after
					   use, never logged */
	const char	*body;		/* POST body, or NULL */
	size_t		 body_len;
	long		 delay_ms;	/* start no sooner than this */
};

struct http;		/* the multi handle and its transfers */
struct http_xfer;	/* one transfer; owned by its struct http */

/* Called once per finished transfer, from inside http_poll/http_run.
 * resp is the transfer's answer: the callee may steal its strings
 * (set the field to NULL) and may submit new requests. */
typedef void http_done_fn(struct http_response *resp, void *arg);

/* Options for every transfer of one struct http. */
struct http_opts {
	long		 connect_ms;	/* connect timeout (10000) */
	long		 total_ms;	/* whole-transfer timeout */
	const char	*user_agent;
};

/* A new multi handle, or NULL with *cause (caller frees).  curl_global_init
 * must have run. */
struct http	*http_new(const struct http_opts *o, char **cause);
/* Cancels what still runs (no callbacks) and frees everything; NULL is a
 * no-op. */
void		 http_free(struct http *h);
/* Queues r; done(resp, arg) runs when it finishes.  Returns 0, or -1 with
 * *cause (caller frees) when libcurl refuses the request. */
int		 http_submit(struct http *h, const struct http_request *r,
		    http_done_fn *done, void *arg, char **cause);
/* Waits at most timeout_ms for network activity or for extra_fd (-1: none)
 * to become readable, moves the transfers on and runs the callbacks of
 * those that finished.  *fd_ready (may be NULL) tells whether extra_fd is
 * readable.  Returns the number of transfers still pending. */
int		 http_poll(struct http *h, int extra_fd, int timeout_ms,
		    bool *fd_ready);
/* Runs every transfer (and the ones callbacks add) to the end. */
void		 http_run(struct http *h);
/* Finishes every pending transfer now with HTTP_ERR_CANCELLED (callbacks
 * run). */
void		 http_cancel(struct http *h);
/* Number of transfers pending (running or waiting for their delay). */
int		 http_pending(const struct http *h);

/* ---- answers ---- */
/* Frees r's strings and zeroes it. */
void		 http_response_clear(struct http_response *r);
/* The stable id of an error for --json: "dns", "refused" ... */
const char	*http_error_id(enum http_error e);

/* ---- proxies ---- */
/* The proxy libcurl will use for url under the environment env (getenv
 * style; NULL means this process's), shown with its credentials masked
 * (caller frees), or NULL for a direct connection. */
char		*http_proxy_for(const char *url,
		    const char *(*env)(const char *name, void *arg),
		    void *arg);

#endif
