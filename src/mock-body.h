/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The bodies of fix401-mock's replies, each byte-exact to what the real
 * service sends (see doc/fix401-mock.1 for the sources and the guesses).
 * Each function sets the reply's status and body and the headers that
 * belong to that body; mock-reply.c adds the OpenAI headers.  Pure. */
#ifndef FIX401_MOCK_BODY_H
#define FIX401_MOCK_BODY_H

#include <stdbool.h>
#include <stddef.h>

#include "mock-config.h"
#include "mock-reply.h"

/* A chat completion to answer.  Borrows the strings. */
struct mock_completion {
	const char	*model;		/* the model id answered with */
	long		 limit;		/* max tokens asked for; 0 none */
	long		 prompt_tokens;	/* tokens the messages count */
	bool		 huge;		/* content over 1 MiB */
	const char	*request_id;	/* the id is made from it */
	long long	 created;	/* Unix time */
};

/* ---- OpenAI's answers ---- */
/* status and {"error": {message, type, param, code}} printed with indent
 * spaces; a NULL type, param or code is null. */
void	 mock_body_error(struct mock_reply *r, unsigned int status,
	    int indent, const char *message, const char *type,
	    const char *param, const char *code);
/* 403 for a country, region or territory (member order code, message,
 * param, type, as the API has it). */
void	 mock_body_region(struct mock_reply *r);
/* 200: the models list; huge adds fine-tuned models past 1 MiB. */
void	 mock_body_models(struct mock_reply *r, char *const *models,
	    bool huge);
/* 200: one model object. */
void	 mock_body_model(struct mock_reply *r, const char *id);
/* 200: a chat completion. */
void	 mock_body_completion(struct mock_reply *r,
	    const struct mock_completion *c);
/* 404 model_not_found for model. */
void	 mock_body_no_model(struct mock_reply *r, const char *model);
/* 200: GET /v1/me for key k (a guess at the shape). */
void	 mock_body_me(struct mock_reply *r, const struct mock_key *k);
/* 401 text/plain with the error JSON only in x-error-json, as seen on
 * chat once in 2026. */
void	 mock_body_text401(struct mock_reply *r, const char *message);

/* ---- answers from something else ---- */
/* True for the behaviours where something else stands in for the API:
 * html, not-json, redirect, proxy-401, azure, openrouter, gemini, mistral,
 * xai, vllm. */
bool	 mock_body_is_foreign(enum mock_behaviour b);
/* The answer, with all its headers, of what stands in for the API with
 * such a behaviour b, to key k[0..len). */
void	 mock_body_foreign(struct mock_reply *r, enum mock_behaviour b,
	    const struct mock_request *rq, const char *k, size_t len);

/* ---- texts ---- */
/* "Incorrect API key provided: MASK. You can find ..." for the key
 * k[0..len), masked by mock_mask (caller frees). */
char	*mock_body_incorrect(const char *k, size_t len);
extern const char mock_msg_no_key_chat[];	/* the legacy long text */
extern const char mock_msg_ansi[];		/* controls and escapes */

#endif
