/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The bodies of fix401-mock's OpenAI answers: the error envelope, the
 * models list, a chat completion, /v1/me and the text/plain 401.  Texts
 * are the API's own, from the sources in
 * /work/shared/reference/openai-api-facts.md; the guesses are marked. */
#include <config.h>

#include "mock-body.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "mock-json.h"
#include "xalloc.h"

#define HUGE_MODELS	8000		/* fine-tunes: over 1 MiB in all */
#define HUGE_ANSWER	(1100L * 1024)	/* bytes of a huge answer */

const char mock_msg_no_key_chat[] = "You didn't provide an API key. You "
    "need to provide your API key in an Authorization header using Bearer "
    "auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field "
    "(with blank username) if you're accessing the API from your browser "
    "and are prompted for a username and password. You can obtain an API "
    "key from https://platform.openai.com/account/api-keys.";

/* Colours, a screen clear, a window title, a hyperlink, CR, backspaces,
 * DEL and a right-to-left override: what a terminal must never get. */
const char mock_msg_ansi[] = "\033[2J\033[H\033[1;31mYour API key was "
    "leaked!\033[0m\r\033]0;pwned\007Visit \033]8;;http://evil.example/"
    "\007this link\033]8;;\007 now.\b\b\177 \xe2\x80\xae"
    "yek ruoy\xe2\x80\xac\033[?25l";

static const char answer[] = "Hello! This is fix401-mock, the practice "
    "API: your key works.";
static const char huge_line[] = "fix401-mock sends this huge answer to "
    "test how a client copes with it. ";

/* Sets the body to root printed with indent (and frees root). */
static void
set_json(struct mock_reply *r, unsigned int status, cJSON *root, int indent)
{
	r->status = status;
	r->body = mock_json_text(root, indent, &r->len);
	cJSON_Delete(root);
	mock_reply_add(r, "content-type", "application/json");
}

/* n characters of [A-Za-z0-9] that look random but follow from seed. */
static void
derive(char *out, size_t n, const char *seed)
{
	static const char a62[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
	    "opqrstuvwxyz0123456789";
	unsigned long h = 2166136261UL;

	for (const char *p = seed; *p != '\0'; p++)
		h = ((h ^ (unsigned char)*p) * 16777619UL) & 0xffffffffUL;
	for (size_t i = 0; i < n; i++) {
		h = (h * 1103515245UL + 12345UL) & 0xffffffffUL;
		out[i] = a62[(h >> 8) % 62];
	}
	out[n] = '\0';
}

void
mock_body_error(struct mock_reply *r, unsigned int status, int indent,
    const char *message, const char *type, const char *param,
    const char *code)
{
	cJSON *root = mock_json_object();
	cJSON *e = mock_json_add(root, "error", mock_json_object());

	mock_json_add(e, "message", mock_json_str(message));
	mock_json_add(e, "type", mock_json_str(type));
	mock_json_add(e, "param", mock_json_str(param));
	mock_json_add(e, "code", mock_json_str(code));
	set_json(r, status, root, indent);
}

void
mock_body_region(struct mock_reply *r)
{
	cJSON *root = mock_json_object();
	cJSON *e = mock_json_add(root, "error", mock_json_object());

	mock_json_add(e, "code",
	    mock_json_str("unsupported_country_region_territory"));
	mock_json_add(e, "message",
	    mock_json_str("Country, region, or territory not supported"));
	mock_json_add(e, "param", mock_json_str(NULL));
	mock_json_add(e, "type", mock_json_str("request_forbidden"));
	set_json(r, 403, root, 2);
}

char *
mock_body_incorrect(const char *k, size_t len)
{
	char *mask = mock_mask(k, len);
	char *msg = xasprintf("Incorrect API key provided: %s. You can find "
	    "your API key at https://platform.openai.com/account/api-keys.",
	    mask);

	free(mask);
	return msg;
}

void
mock_body_no_model(struct mock_reply *r, const char *model)
{
	char *msg = xasprintf("The model `%s` does not exist or you do not "
	    "have access to it.", model);

	mock_body_error(r, 404, 2, msg, "invalid_request_error", NULL,
	    "model_not_found");
	free(msg);
}

/* A plausible creation time for a model, the same for each id. */
static double
created_of(const char *id)
{
	unsigned long h = 2166136261UL;

	for (const char *p = id; *p != '\0'; p++)
		h = ((h ^ (unsigned char)*p) * 16777619UL) & 0xffffffffUL;
	return 1677610602.0 + (double)(h % 70000000UL);
}

static cJSON *
model_object(const char *id, const char *owner)
{
	cJSON *m = mock_json_object();

	mock_json_add(m, "id", mock_json_str(id));
	mock_json_add(m, "object", mock_json_str("model"));
	mock_json_add(m, "created", mock_json_num(created_of(id)));
	mock_json_add(m, "owned_by", mock_json_str(owner));
	return m;
}

void
mock_body_models(struct mock_reply *r, char *const *models, bool huge)
{
	cJSON *root = mock_json_object(), *data;
	char id[96];

	mock_json_add(root, "object", mock_json_str("list"));
	data = mock_json_add(root, "data", mock_json_array());
	for (; models != NULL && *models != NULL; models++)
		mock_json_push(data, model_object(*models, "system"));
	for (int i = 0; huge && i < HUGE_MODELS; i++) {
		snprintf(id, sizeof id, "ft:gpt-4o-mini-2024-07-18:"
		    "fix401-mock:huge-%05d:%08x", i,
		    (unsigned int)i * 2654435761U);
		mock_json_push(data, model_object(id, "user-fix401-mock"));
	}
	set_json(r, 200, root, 2);
}

void
mock_body_model(struct mock_reply *r, const char *id)
{
	set_json(r, 200, model_object(id, "system"), 2);
}

/* The answer's text, cut to limit words (0: no limit); *words gets how
 * many it has, *cut whether it was cut.  Caller frees. */
static char *
answer_text(long limit, bool huge, long *words, bool *cut)
{
	size_t n = strlen(answer), end = n;
	struct buf b = { 0 };

	*words = 0;
	*cut = false;
	if (huge) {
		while (b.n < HUGE_ANSWER)
			buf_add(&b, huge_line, strlen(huge_line));
		*words = (long)(b.n / 5);
		return buf_take(&b, &n);
	}
	for (size_t i = 0; i < n; i++)
		if (answer[i] != ' ' && (i + 1 == n || answer[i + 1] == ' ') &&
		    ++*words == limit && i + 1 < n) {
			end = i + 1;
			*cut = true;
			break;
		}
	return xmemdup(answer, end);
}

static cJSON *
usage_object(long prompt, long completion)
{
	cJSON *u = mock_json_object(), *d;

	mock_json_add(u, "prompt_tokens", mock_json_num((double)prompt));
	mock_json_add(u, "completion_tokens",
	    mock_json_num((double)completion));
	mock_json_add(u, "total_tokens",
	    mock_json_num((double)(prompt + completion)));
	d = mock_json_add(u, "prompt_tokens_details", mock_json_object());
	mock_json_add(d, "cached_tokens", mock_json_num(0));
	mock_json_add(d, "audio_tokens", mock_json_num(0));
	d = mock_json_add(u, "completion_tokens_details", mock_json_object());
	mock_json_add(d, "reasoning_tokens", mock_json_num(0));
	mock_json_add(d, "audio_tokens", mock_json_num(0));
	mock_json_add(d, "accepted_prediction_tokens", mock_json_num(0));
	mock_json_add(d, "rejected_prediction_tokens", mock_json_num(0));
	return u;
}

static cJSON *
choice_object(const char *text, bool cut)
{
	cJSON *c = mock_json_object(), *m;

	mock_json_add(c, "index", mock_json_num(0));
	m = mock_json_add(c, "message", mock_json_object());
	mock_json_add(m, "role", mock_json_str("assistant"));
	mock_json_add(m, "content", mock_json_str(text));
	mock_json_add(m, "refusal", mock_json_str(NULL));
	mock_json_add(m, "annotations", mock_json_array());
	mock_json_add(c, "logprobs", mock_json_str(NULL));
	mock_json_add(c, "finish_reason", mock_json_str(cut ? "length" :
	    "stop"));
	return c;
}

void
mock_body_completion(struct mock_reply *r, const struct mock_completion *c)
{
	cJSON *root = mock_json_object(), *choices;
	char id[9 + 29 + 1] = "chatcmpl-";
	long words;
	bool cut;
	char *text = answer_text(c->limit, c->huge, &words, &cut);

	derive(id + 9, 29, c->request_id);
	mock_json_add(root, "id", mock_json_str(id));
	mock_json_add(root, "object", mock_json_str("chat.completion"));
	mock_json_add(root, "created", mock_json_num((double)c->created));
	mock_json_add(root, "model", mock_json_str(c->model));
	choices = mock_json_add(root, "choices", mock_json_array());
	mock_json_push(choices, choice_object(text, cut));
	mock_json_add(root, "usage", usage_object(c->prompt_tokens, words));
	mock_json_add(root, "service_tier", mock_json_str("default"));
	mock_json_add(root, "system_fingerprint",
	    mock_json_str("fp_560af6e559"));
	free(text);
	set_json(r, 200, root, 2);
}

/* The shape of /v1/me is a guess from what trufflehog reads of it. */
void
mock_body_me(struct mock_reply *r, const struct mock_key *k)
{
	cJSON *root = mock_json_object(), *orgs, *org;
	char user[5 + 24 + 1] = "user-", *email;

	derive(user + 5, 24, k->name);
	email = xasprintf("%s@practice.fix401.invalid", k->name);
	mock_json_add(root, "object", mock_json_str("user"));
	mock_json_add(root, "id", mock_json_str(user));
	mock_json_add(root, "email", mock_json_str(email));
	mock_json_add(root, "name", mock_json_str("fix401 practice user"));
	orgs = mock_json_add(root, "orgs", mock_json_object());
	mock_json_add(orgs, "object", mock_json_str("list"));
	org = mock_json_push(mock_json_add(orgs, "data", mock_json_array()),
	    mock_json_object());
	mock_json_add(org, "object", mock_json_str("organization"));
	mock_json_add(org, "id", mock_json_str(k->organization != NULL ?
	    k->organization : "org-F1x401PracticeServer0"));
	mock_json_add(org, "name", mock_json_str(k->owner != NULL ? k->owner :
	    "fix401-practice"));
	mock_json_add(org, "personal", cJSON_CreateBool(k->organization ==
	    NULL));
	mock_json_add(org, "role", mock_json_str("owner"));
	free(email);
	set_json(r, 200, root, 2);
}

void
mock_body_text401(struct mock_reply *r, const char *message)
{
	cJSON *root = mock_json_object();
	cJSON *e = mock_json_add(root, "error", mock_json_object());
	size_t len;
	char *json, *b64;

	/* The order in x-error-json is message, type, code, param. */
	mock_json_add(e, "message", mock_json_str(message));
	mock_json_add(e, "type", mock_json_str("invalid_request_error"));
	mock_json_add(e, "code", mock_json_str("invalid_api_key"));
	mock_json_add(e, "param", mock_json_str(NULL));
	mock_json_add(root, "status", mock_json_num(401));
	json = mock_json_text(root, 2, &len);
	cJSON_Delete(root);
	b64 = xmalloc(4 * ((len + 2) / 3) + 1);
	EVP_EncodeBlock((unsigned char *)b64, (const unsigned char *)json,
	    (int)len);
	r->status = 401;
	r->body = xstrdup(message);
	r->len = strlen(message);
	mock_reply_add(r, "content-type", "text/plain; charset=utf-8");
	mock_reply_add(r, "x-error-json", "%s", b64);
	mock_reply_add(r, "x-openai-authorization-error", "401");
	mock_reply_add(r, "x-openai-ide-error-code", "invalid_api_key");
	free(b64);
	free(json);
}
