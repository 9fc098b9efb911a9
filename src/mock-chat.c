/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* POST /v1/chat/completions in fix401-mock: reading the body, then the
 * checks the API runs once the key passed, in its order: a usable body,
 * the model exists, the project may use it, the token-limit parameter
 * suits the model, quota, rate limit. */
#include <config.h>

#include "mock-chat.h"

#include <stdlib.h>
#include <string.h>

#include "mock-body.h"
#include "xalloc.h"

#define DEFAULT_ORG	"org-F1x401PracticeServer0"	/* unbound keys' */
#define DEFAULT_PROJECT	"proj_F1x401PracticeServer0"

/* Words in a message's content (a string or an array of text parts). */
static long
count_words(const cJSON *content)
{
	const cJSON *part;
	long n = 0;

	if (cJSON_IsString(content)) {
		for (const char *p = content->valuestring; *p != '\0'; p++)
			n += *p != ' ' && (p[1] == ' ' || p[1] == '\0');
		return n;
	}
	cJSON_ArrayForEach(part, content)
		n += count_words(cJSON_GetObjectItemCaseSensitive(part,
		    "text"));
	return n;
}

void
mock_chat_read(struct mock_chat *ch, const struct mock_request *r,
    struct mock_seen *s)
{
	const cJSON *m, *mt, *mct, *msgs;

	memset(ch, 0, sizeof *ch);
	ch->root = cJSON_ParseWithLength(r->body, r->body_len);
	if (!cJSON_IsObject(ch->root))
		return;
	m = cJSON_GetObjectItemCaseSensitive(ch->root, "model");
	if (cJSON_IsString(m)) {
		ch->model = m->valuestring;
		s->model = xstrdup(m->valuestring);
	}
	msgs = cJSON_GetObjectItemCaseSensitive(ch->root, "messages");
	ch->messages = msgs != NULL && !cJSON_IsNull(msgs);
	cJSON_ArrayForEach(m, msgs)
		ch->prompt_tokens += 4 + count_words(
		    cJSON_GetObjectItemCaseSensitive(m, "content"));
	mt = cJSON_GetObjectItemCaseSensitive(ch->root, "max_tokens");
	mct = cJSON_GetObjectItemCaseSensitive(ch->root,
	    "max_completion_tokens");
	ch->max_tokens = mt != NULL && !cJSON_IsNull(mt);
	ch->max_completion_tokens = mct != NULL && !cJSON_IsNull(mct);
	if (ch->max_tokens)
		s->token_param = ch->max_completion_tokens ? "both" :
		    "max_tokens";
	else if (ch->max_completion_tokens)
		s->token_param = "max_completion_tokens";
	m = ch->max_completion_tokens ? mct : mt;
	if (cJSON_IsNumber(m) && m->valuedouble >= 1 && m->valuedouble < 1e9)
		ch->limit = (long)m->valuedouble;
}

/* "YYYY-MM-DD"? */
static bool
is_date(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return false;
	return s[10] == '\0';
}

/* The dated snapshot the API answers with for an alias: the id in models
 * that is model and "-YYYY-MM-DD", else model itself. */
static const char *
snapshot(char *const *models, const char *model)
{
	size_t n = strlen(model);

	for (; *models != NULL; models++)
		if (strncmp(*models, model, n) == 0 && (*models)[n] == '-' &&
		    is_date(*models + n + 1))
			return *models;
	return model;
}

/* A body the API cannot use; false when it can. */
static bool
chat_invalid(struct mock_reply *rp, const struct mock_chat *ch)
{
	if (!cJSON_IsObject(ch->root))
		mock_body_error(rp, 400, 2, "We could not parse the JSON "
		    "body of your request. (HINT: This likely means you aren't "
		    "using your HTTP library correctly. The OpenAI API expects "
		    "a JSON payload, but what was sent was not valid JSON. If "
		    "you have trouble figuring out how to fix this, please "
		    "contact us through our help center at help.openai.com.)",
		    "invalid_request_error", NULL, NULL);
	else if (ch->model == NULL)
		mock_body_error(rp, 400, 2, "you must provide a model "
		    "parameter", "invalid_request_error", NULL, NULL);
	else if (!ch->messages)
		mock_body_error(rp, 400, 2, "Missing required parameter: "
		    "'messages'.", "invalid_request_error", "messages",
		    "missing_required_parameter");
	else
		return false;
	return true;
}

/* The model or a parameter this key may not use; false when allowed. */
static bool
chat_refused(struct mock_reply *rp, const struct mock_config *c,
    const struct mock_key *k, const struct mock_chat *ch)
{
	char *msg;

	if (!mock_config_has(c->models, ch->model))
		mock_body_no_model(rp, ch->model);
	else if (k->models != NULL && !mock_config_has(k->models, ch->model)) {
		msg = xasprintf("Project `%s` does not have access to model "
		    "`%s`", k->project != NULL ? k->project : DEFAULT_PROJECT,
		    ch->model);
		mock_body_error(rp, 403, 2, msg, "invalid_request_error", NULL,
		    "model_not_found");
		free(msg);
	} else if (ch->max_tokens && mock_config_has(c->reasoning, ch->model))
		mock_body_error(rp, 400, 2, "Unsupported parameter: "
		    "'max_tokens' is not supported with this model. Use "
		    "'max_completion_tokens' instead.", "invalid_request_error",
		    "max_tokens", "unsupported_parameter");
	else if (ch->max_completion_tokens && k->legacy_params)
		mock_body_error(rp, 400, 2, "Unsupported parameter: "
		    "'max_completion_tokens' is not supported with this model. "
		    "Use 'max_tokens' instead.", "invalid_request_error",
		    "max_completion_tokens", "unsupported_parameter");
	else
		return false;
	return true;
}

/* 429s: billing, or pacing with retry-after; false when neither. */
static bool
chat_limited(struct mock_reply *rp, struct mock_key *k, const char *model)
{
	char *msg;

	if (k->behaviour == MOCK_NO_QUOTA && mock_key_take(k)) {
		mock_body_error(rp, 429, 2, "You exceeded your current quota, "
		    "please check your plan and billing details. For more "
		    "information on this error, read the docs: "
		    "https://platform.openai.com/docs/guides/error-codes/"
		    "api-errors.", "insufficient_quota", NULL,
		    "insufficient_quota");
		return true;
	}
	if (k->behaviour != MOCK_RATE_LIMITED || !mock_key_take(k))
		return false;
	msg = xasprintf("Rate limit reached for %s in organization %s on "
	    "requests per min (RPM): Limit 3, Used 3, Requested 1. Please try "
	    "again in %lds. Visit https://platform.openai.com/account/"
	    "rate-limits to learn more. You can increase your rate limit by "
	    "adding a payment method to your account at "
	    "https://platform.openai.com/account/billing.", model,
	    k->organization != NULL ? k->organization : DEFAULT_ORG,
	    k->retry_after);
	mock_body_error(rp, 429, 2, msg, "requests", NULL,
	    "rate_limit_exceeded");
	free(msg);
	mock_reply_add(rp, "retry-after", "%ld", k->retry_after);
	mock_reply_add(rp, "x-ratelimit-limit-requests", "3");
	mock_reply_add(rp, "x-ratelimit-remaining-requests", "0");
	mock_reply_add(rp, "x-ratelimit-reset-requests", "%lds",
	    k->retry_after);
	return true;
}

void
mock_chat_answer(struct mock_reply *rp, const struct mock_config *c,
    struct mock_key *k, const struct mock_chat *ch,
    const struct mock_request *r)
{
	struct mock_completion mc = { 0 };

	if (chat_invalid(rp, ch) || chat_refused(rp, c, k, ch) ||
	    chat_limited(rp, k, ch->model))
		return;
	mc.model = snapshot(c->models, ch->model);
	mc.limit = ch->limit;
	mc.prompt_tokens = ch->prompt_tokens;
	mc.huge = k->behaviour == MOCK_HUGE && mock_key_take(k);
	mc.request_id = r->request_id;
	mc.created = r->now;
	mock_body_completion(rp, &mc);
	mock_reply_add_bound(rp, k);
	mock_reply_add(rp, "x-ratelimit-limit-requests", "500");
	mock_reply_add(rp, "x-ratelimit-limit-tokens", "200000");
	mock_reply_add(rp, "x-ratelimit-remaining-requests", "499");
	mock_reply_add(rp, "x-ratelimit-remaining-tokens", "199990");
	mock_reply_add(rp, "x-ratelimit-reset-requests", "120ms");
	mock_reply_add(rp, "x-ratelimit-reset-tokens", "3ms");
}

void
mock_chat_clear(struct mock_chat *ch)
{
	cJSON_Delete(ch->root);
	memset(ch, 0, sizeof *ch);
}
