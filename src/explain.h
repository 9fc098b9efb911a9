/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* --explain: decodes an error the user pasted (Python or Node SDK text, a
 * JSON body, a curl transcript or just the message), names its likely
 * cause and finds which known key value the server's mask came from.
 * Pure logic: no I/O, no output. */
#ifndef FIX401_EXPLAIN_H
#define FIX401_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

/* What the paste looked like. */
enum explain_format {
	EXPLAIN_FMT_TEXT,	/* just a message */
	EXPLAIN_FMT_JSON,	/* a raw response body */
	EXPLAIN_FMT_PYTHON,	/* "Error code: 401 - {'error': ...}" */
	EXPLAIN_FMT_NODE,	/* "401 Incorrect API key ..." */
	EXPLAIN_FMT_CURL,	/* "HTTP/2 401" status line, headers, body */
};

/* Whose error body it looked like. */
enum explain_shape {
	EXPLAIN_SHAPE_NONE,	/* no JSON body */
	EXPLAIN_SHAPE_OPENAI,	/* {"error":{message,type,param,code}} */
	EXPLAIN_SHAPE_AZURE,	/* {"error":{"code":"401","message"}} */
	EXPLAIN_SHAPE_OPENROUTER,	/* {"error":{"message","code":401}} */
	EXPLAIN_SHAPE_GEMINI,	/* [{"error":{code,message,status}}] */
	EXPLAIN_SHAPE_MISTRAL,	/* {"detail":...} or {"message":...} */
	EXPLAIN_SHAPE_XAI,	/* {"code":"...","error":"..."} */
	EXPLAIN_SHAPE_ANTHROPIC,	/* {"type":"error","error":{...}} */
	EXPLAIN_SHAPE_VLLM,	/* {"error":"Unauthorized"} */
	EXPLAIN_SHAPE_DEEPSEEK,	/* OpenAI's, "Authentication Fails" */
	EXPLAIN_SHAPE_HTML,	/* an HTML page: not an API at all */
	EXPLAIN_SHAPE_TEXT,	/* a response body that is not JSON */
	EXPLAIN_SHAPE_COUNT
};

/* How the server showed the key it got. */
enum explain_mask_kind {
	EXPLAIN_MASK_NONE,	/* no key in the message */
	EXPLAIN_MASK_OPENAI,	/* first 8, '*' per middle char, last 4 */
	EXPLAIN_MASK_WHOLE,	/* 12 characters or fewer, echoed whole */
	EXPLAIN_MASK_DEEPSEEK,	/* "****" and the last 4 */
	EXPLAIN_MASK_XAI,	/* first 2, "***", last 2 */
};

/* Likely causes (SPEC 6; reference 6).  Keep explain.c's table in step. */
enum explain_cause {
	EXPLAIN_UNKNOWN,
	EXPLAIN_WRONG_KEY,	/* wrong, revoked or deleted key */
	EXPLAIN_TRUNCATED_KEY,	/* the key sent was cut (or grown) */
	EXPLAIN_STALE_KEY,	/* none of the known values sent it */
	EXPLAIN_NO_KEY,	/* no Authorization header arrived */
	EXPLAIN_QUOTES_SENT,	/* quote characters were part of the key */
	EXPLAIN_OTHER_PROVIDER,	/* a key for another provider */
	EXPLAIN_PLACEHOLDER,	/* "undefined", "None", "lm-studio" ... */
	EXPLAIN_KEY_WHITESPACE,	/* a newline or space in the key */
	EXPLAIN_MISMATCHED_ORG,
	EXPLAIN_MISMATCHED_PROJECT,
	EXPLAIN_NO_ORG,
	EXPLAIN_DEACTIVATED,
	EXPLAIN_MISSING_SCOPES,	/* restricted key or OAuth token */
	EXPLAIN_IP_NOT_ALLOWED,
	EXPLAIN_REGION,
	EXPLAIN_MODEL_NOT_FOUND,
	EXPLAIN_UNSUPPORTED_PARAM,
	EXPLAIN_QUOTA,
	EXPLAIN_RATE_LIMIT,
	EXPLAIN_NOT_OPENAI,	/* HTML, non-JSON body or a redirect */
	EXPLAIN_PROXY,	/* 401 without www-authenticate */
	EXPLAIN_CAUSE_COUNT
};

/* Static facts about a cause.  Strings are N_(): translate where used. */
struct explain_cause_info {
	const char	*id;	/* stable, for --json: "wrong-key" ... */
	const char	*title;	/* a few words */
	const char	*advice;	/* one or two sentences: what to do */
};

/* What explain_parse found.  Owns every string; each is sanitized text or
 * NULL.  Holds at most the server's own mask of a key (12 visible
 * characters): key-shaped tokens longer than that are masked. */
struct explained {
	int	 status;	/* HTTP status; 0 if unknown */
	char	*code;	/* error code as text: "invalid_api_key" */
	char	*type;	/* error type ("invalid_request_error") */
	char	*param;	/* error param ("max_tokens") */
	char	*message;	/* the error message */
	char	*request_id;	/* x-request-id or request_id */
	char	*mask;	/* the key as the server showed it */
	size_t	 mask_key_len;	/* key length; 0: unknown */
	enum explain_mask_kind mask_kind;
	bool	 placeholder_echo;	/* a short stand-in echoed */
	bool	 headers_seen;	/* response headers were pasted */
	bool	 www_authenticate;	/* that header was seen */
	enum explain_format format;
	enum explain_shape shape;
	enum explain_cause cause;	/* the likely cause */
};

/* A key value the user's setup could have sent.  Borrowed: never copied,
 * printed or stored. */
struct explain_candidate {
	const char	*value;
	size_t		 len;	/* bytes */
};

enum explain_match_kind {
	EXPLAIN_MATCH_NONE,	/* this value did not produce the mask */
	EXPLAIN_MATCH_EXACT,	/* it did, as is */
	EXPLAIN_MATCH_QUOTED,	/* it did with '"' or '\'' around it */
	EXPLAIN_MATCH_TRUNCATED,	/* a cut or grown copy of it did */
};

/* ---- parsing ---- */
/* Fills *out from text[0..len) (borrowed for the call); out needs no
 * initialising.  Returns 0, or -1 when the text is blank (out is then
 * empty with cause EXPLAIN_UNKNOWN).  Free with explain_clear. */
int	 explain_parse(const char *text, size_t len, struct explained *out);
/* Fills *out from a live answer: status, body[0..len) (borrowed; NULL
 * with len 0 for none), whether the content type was HTML and whether
 * www-authenticate came back, and the request id (copied; may be NULL);
 * then classifies it.  Free with explain_clear. */
void	 explain_response(int status, const char *body, size_t len,
	    bool html, bool www_authenticate, const char *request_id,
	    struct explained *out);
/* Frees e's strings and zeroes it; a zeroed e is fine. */
void	 explain_clear(struct explained *e);
/* Reads the key mask out of e->message and sets e->cause from the status,
 * code, type, message, headers and shape (explain_parse calls it; here
 * for callers that fill a struct explained from a live response). */
void	 explain_classify(struct explained *e);

/* ---- matching the mask against known values ---- */
/* How candidate c relates to e's mask (NONE when e has no mask). */
enum explain_match_kind	explain_match_kind(const struct explained *e,
	    const struct explain_candidate *c);
/* Index of the candidate among c[0..n) that best explains e's mask (exact
 * before quoted before truncated; the first on ties), or -1 when none
 * does: an unknown, stale key was sent. */
int	 explain_match(const struct explained *e,
	    const struct explain_candidate *c, size_t n);
/* e's cause sharpened by the match kind of the chosen candidate: quoted
 * gives QUOTES_SENT, truncated TRUNCATED_KEY, none STALE_KEY.  Causes not
 * about the key itself are returned unchanged. */
enum explain_cause	explain_refine(const struct explained *e,
	    enum explain_match_kind k);

/* ---- tables ---- */
const struct explain_cause_info *explain_cause_info(enum explain_cause c);
/* Stable id of a shape for --json: "openai", "azure" ... */
const char	*explain_shape_id(enum explain_shape s);

#endif
