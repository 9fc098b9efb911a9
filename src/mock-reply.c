/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401-mock's decisions: which route, which key, and which of the
 * API's checks fails first, in the order the real API seems to run them:
 * route, key present, key known, account, organization and project
 * binding, scopes, then the route's own checks. */
#include <config.h>

#include "mock-reply.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "mock-body.h"
#include "mock-chat.h"
#include "utf8.h"
#include "xalloc.h"

enum route { ROUTE_NONE, ROUTE_MODELS, ROUTE_MODEL, ROUTE_CHAT, ROUTE_ME };

#define MODELS_PATH	"/v1/models"
#define MODEL_PREFIX	"/v1/models/"
#define CHAT_PATH	"/v1/chat/completions"


static const char *const auth_names[] = {
	[MOCK_AUTH_NONE] = "none", [MOCK_AUTH_BEARER] = "bearer",
	[MOCK_AUTH_API_KEY] = "api-key", [MOCK_AUTH_OTHER] = "other",
};

const char *
mock_auth_name(enum mock_auth a)
{
	return auth_names[a];
}

void
mock_reply_add(struct mock_reply *r, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (r->nheaders == MOCK_HEADERS_MAX)
		die("fix401-mock: more than %d headers", MOCK_HEADERS_MAX);
	va_start(ap, fmt);
	r->headers[r->nheaders].name = name;
	r->headers[r->nheaders++].value = xvasprintf(fmt, ap);
	va_end(ap);
}

const char *
mock_reply_header(const struct mock_reply *r, const char *name)
{
	for (size_t i = 0; i < r->nheaders; i++)
		if (strcasecmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}

/* "user-" and 24 letters and digits that follow from the key's name: the
 * slug of a personal organization, as the API names one. */
static void
personal_org(char out[30], const char *name)
{
	static const char a36[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	unsigned long h = 2166136261UL;

	for (const char *p = name; *p != '\0'; p++)
		h = ((h ^ (unsigned char)*p) * 16777619UL) & 0xffffffffUL;
	memcpy(out, "user-", 5);
	for (int i = 0; i < 24; i++) {
		h = (h * 1103515245UL + 12345UL) & 0xffffffffUL;
		out[5 + i] = a36[(h >> 8) % 36];
	}
	out[29] = '\0';
}

void
mock_reply_add_bound(struct mock_reply *r, const struct mock_key *k)
{
	char slug[30];

	personal_org(slug, k->name);
	mock_reply_add(r, "openai-organization", "%s", k->owner != NULL ?
	    k->owner : k->organization != NULL ? k->organization : slug);
	if (k->project != NULL)
		mock_reply_add(r, "openai-project", "%s", k->project);
}

char *
mock_mask(const char *k, size_t len)
{
	size_t n = utf8_length(k, len), head, tail;
	char *out;

	if (n <= 12)
		return xmemdup(k, len);
	head = utf8_offset(k, len, 8);
	tail = utf8_offset(k, len, n - 4);
	out = xmalloc(head + (n - 12) + (len - tail) + 1);
	memcpy(out, k, head);
	memset(out + head, '*', n - 12);
	memcpy(out + head + (n - 12), k + tail, len - tail);
	out[head + (n - 12) + (len - tail)] = '\0';
	return out;
}

/* ---- reading the request ---- */

static enum route
route_of(const char *method, const char *path)
{
	bool get = strcmp(method, "GET") == 0;

	if (get && strcmp(path, MODELS_PATH) == 0)
		return ROUTE_MODELS;
	if (get && strncmp(path, MODEL_PREFIX, strlen(MODEL_PREFIX)) == 0 &&
	    path[strlen(MODEL_PREFIX)] != '\0')
		return ROUTE_MODEL;
	if (strcmp(method, "POST") == 0 && strcmp(path, CHAT_PATH) == 0)
		return ROUTE_CHAT;
	if (get && strcmp(path, "/v1/me") == 0)
		return ROUTE_ME;
	return ROUTE_NONE;
}

/* Bearer beats api-key, which beats another Authorization scheme. */
static void
read_auth(const struct mock_request *r, struct mock_seen *s)
{
	const char *a = r->authorization;

	if (a != NULL && strncasecmp(a, "Bearer", 6) == 0 &&
	    (a[6] == ' ' || a[6] == '\0')) {
		for (a += 6; *a == ' '; a++)
			continue;
		s->auth = MOCK_AUTH_BEARER;
		s->key = a;
	} else if (r->api_key != NULL) {
		s->auth = MOCK_AUTH_API_KEY;
		s->key = r->api_key;
	} else if (a != NULL)
		s->auth = MOCK_AUTH_OTHER;
	if (s->key != NULL)
		s->key_len = strlen(s->key);
}

/* ---- the answers ---- */

static void
openai_headers(struct mock_reply *rp, const struct mock_request *r)
{
	if (mock_reply_header(rp, "content-type") == NULL)
		mock_reply_add(rp, "content-type", "application/json");
	if (rp->status == 401)
		mock_reply_add(rp, "www-authenticate",
		    "Bearer realm=\"OpenAI API\"");
	mock_reply_add(rp, "openai-version", "2020-10-01");
	mock_reply_add(rp, "x-request-id", "%s", r->request_id);
	mock_reply_add(rp, "openai-processing-ms", "%ld", rp->delay_ms + 1);
}

/* 401 invalid_api_key; text: the text/plain variant. */
static void
bad_key(struct mock_reply *rp, const struct mock_seen *s, bool text)
{
	char *msg = mock_body_incorrect(s->key, s->key_len);

	if (text)
		mock_body_text401(rp, msg);
	else
		mock_body_error(rp, 401, 2, msg, "invalid_request_error", NULL,
		    "invalid_api_key");
	free(msg);
}

/* Behaviours that answer the same on every route; false for others. */
static bool
answer_server(struct mock_reply *rp, struct mock_key *k,
    const struct mock_request *r, const struct mock_seen *s)
{
	bool foreign = mock_body_is_foreign(k->behaviour);

	if ((!foreign && k->behaviour != MOCK_HANG &&
	    k->behaviour != MOCK_SERVER_500 &&
	    k->behaviour != MOCK_SERVER_503 && k->behaviour != MOCK_ANSI) ||
	    !mock_key_take(k))
		return false;
	if (foreign)
		mock_body_foreign(rp, k->behaviour, r, s->key, s->key_len);
	else if (k->behaviour == MOCK_HANG)
		rp->hang = true;
	else if (k->behaviour == MOCK_SERVER_500)
		mock_body_error(rp, 500, 2, "The server had an error while "
		    "processing your request. Sorry about that!",
		    "server_error", NULL, NULL);
	else if (k->behaviour == MOCK_SERVER_503)
		mock_body_error(rp, 503, 2, "The server is overloaded or not "
		    "ready yet.", "server_error", NULL, NULL);
	else
		mock_body_error(rp, 401, 2, mock_msg_ansi,
		    "invalid_request_error", NULL, "invalid_api_key");
	if (!rp->hang && !foreign)
		openai_headers(rp, r);
	return true;
}

static void
answer_no_route(struct mock_reply *rp, const struct mock_request *r,
    const struct mock_seen *s)
{
	char *msg;

	/* Without a key, the API's routes that exist under another method
	 * ask for one first. */
	if (s->key_len == 0 && (strcmp(r->path, CHAT_PATH) == 0 ||
	    strncmp(r->path, "/v1/responses", 13) == 0)) {
		mock_body_error(rp, 401, 2, "Missing bearer or basic "
		    "authentication in header", "invalid_request_error", NULL,
		    NULL);
		return;
	}
	msg = xasprintf("Invalid URL (%s %s)", r->method, r->path);
	mock_body_error(rp, 404, 2, msg, "invalid_request_error", NULL, NULL);
	free(msg);
}

static void
answer_no_key(struct mock_reply *rp, enum route route)
{
	if (route == ROUTE_CHAT)
		mock_body_error(rp, 401, 4, mock_msg_no_key_chat,
		    "invalid_request_error", NULL, NULL);
	else
		mock_body_error(rp, 401, 2, "Missing bearer authentication "
		    "in header", "invalid_request_error", NULL, NULL);
}

/* Account-wide refusals, on every route; false when none applies. */
static bool
answer_account(struct mock_reply *rp, struct mock_key *k)
{
	enum mock_behaviour b = k->behaviour;

	if ((b != MOCK_DEACTIVATED && b != MOCK_NO_ORGANIZATION &&
	    b != MOCK_IP_BLOCKED && b != MOCK_REGION) || !mock_key_take(k))
		return false;
	if (b == MOCK_DEACTIVATED)
		mock_body_error(rp, 401, 2, "The OpenAI account associated "
		    "with this API key has been deactivated. If you are the "
		    "developer for this OpenAI app, please check your email "
		    "for more information. If you are seeing this error while "
		    "using another app or site, please reach out to them for "
		    "more help.", "invalid_request_error", NULL,
		    "account_deactivated");
	else if (b == MOCK_NO_ORGANIZATION)
		mock_body_error(rp, 401, 2, "You must be a member of an "
		    "organization to use the API. Please contact us through "
		    "our help center at help.openai.com.",
		    "invalid_request_error", NULL, "no_organization");
	else if (b == MOCK_IP_BLOCKED)	/* a guess: see fix401-mock(1) */
		mock_body_error(rp, 401, 2, "IP not authorized: your request "
		    "IP does not match the configured IP allowlist for your "
		    "project or organization.", "invalid_request_error", NULL,
		    "ip_not_authorized");
	else
		mock_body_region(rp);
	return true;
}

/* A bound key with another organization or project header. */
static bool
answer_binding(struct mock_reply *rp, const struct mock_key *k,
    const struct mock_request *r)
{
	if (k->organization != NULL && r->organization != NULL &&
	    strcmp(k->organization, r->organization) != 0)
		mock_body_error(rp, 401, 2, "OpenAI-Organization header should "
		    "match organization for API key", "invalid_request_error",
		    NULL, "mismatched_organization");
	else if (k->project != NULL && r->project != NULL &&
	    strcmp(k->project, r->project) != 0)
		mock_body_error(rp, 401, 2, "OpenAI-Project header should "
		    "match project for API key", "invalid_request_error", NULL,
		    "mismatched_project");
	else
		return false;
	return true;
}

static bool
answer_scopes(struct mock_reply *rp, struct mock_key *k, enum route route)
{
	bool read = route == ROUTE_MODELS || route == ROUTE_MODEL;
	unsigned int need = read ? MOCK_SCOPE_MODEL_READ :
	    route == ROUTE_CHAT ? MOCK_SCOPE_MODEL_REQUEST : 0;
	char *msg;

	if (k->behaviour != MOCK_RESTRICTED || need == 0 ||
	    (k->scopes & need) != 0 || !mock_key_take(k))
		return false;
	msg = xasprintf("You have insufficient permissions for this "
	    "operation. Missing scopes: %s. Check that you have the correct "
	    "role in your organization (Reader, Writer, Owner) and project "
	    "(Member, Owner), and if you're using a restricted API key, that "
	    "it has the necessary scopes.",
	    read ? "api.model.read" : "model.request");
	mock_body_error(rp, read ? 403 : 401, 2, msg,
	    "invalid_request_error", NULL, NULL);
	free(msg);
	return true;
}

static void
answer_route(struct mock_reply *rp, const struct mock_config *c,
    struct mock_key *k, enum route route, const struct mock_chat *ch,
    const struct mock_request *r)
{
	const char *id = r->path + strlen(MODEL_PREFIX);

	if (route == ROUTE_CHAT) {
		mock_chat_answer(rp, c, k, ch, r);
		return;
	}
	if (route == ROUTE_MODELS)
		mock_body_models(rp, c->models,
		    k->behaviour == MOCK_HUGE && mock_key_take(k));
	else if (route == ROUTE_ME)
		mock_body_me(rp, k);
	else if (mock_config_has(c->models, id))
		mock_body_model(rp, id);
	else {
		mock_body_no_model(rp, id);
		return;
	}
	mock_reply_add_bound(rp, k);
}

/* Everything after the server-wide behaviours, in the API's order. */
static void
decide(struct mock_reply *rp, const struct mock_config *c, struct mock_key *k,
    enum route route, const struct mock_chat *ch, const struct mock_request *r,
    const struct mock_seen *s)
{
	if (route == ROUTE_NONE)
		answer_no_route(rp, r, s);
	else if (s->key_len == 0)
		answer_no_key(rp, route);
	else if (k == NULL || ((k->behaviour == MOCK_REVOKED ||
	    k->behaviour == MOCK_TEXT_401) && mock_key_take(k))) {
		bad_key(rp, s, k != NULL && k->behaviour == MOCK_TEXT_401 &&
		    route == ROUTE_CHAT);
	} else if (!answer_account(rp, k) && !answer_binding(rp, k, r) &&
	    !answer_scopes(rp, k, route))
		answer_route(rp, c, k, route, ch, r);
	openai_headers(rp, r);
}

void
mock_reply_make(struct mock_config *c, const struct mock_request *r,
    struct mock_seen *s, struct mock_reply *rp)
{
	enum route route = route_of(r->method, r->path);
	struct mock_chat ch = { 0 };
	struct mock_key *k = NULL;

	memset(s, 0, sizeof *s);
	memset(rp, 0, sizeof *rp);
	read_auth(r, s);
	if (s->key_len > 0)
		k = mock_config_find(c, s->key, s->key_len);
	s->entry = k;
	if (route == ROUTE_CHAT)
		mock_chat_read(&ch, r, s);
	else if (route == ROUTE_MODEL)
		s->model = xstrdup(r->path + strlen(MODEL_PREFIX));
	rp->delay_ms = r->latency_ms + (k != NULL ? k->latency_ms : 0);
	if (k == NULL || !answer_server(rp, k, r, s))
		decide(rp, c, k, route, &ch, r, s);
	mock_chat_clear(&ch);
}

void
mock_reply_clear(struct mock_reply *rp)
{
	for (size_t i = 0; i < rp->nheaders; i++)
		free(rp->headers[i].value);
	free(rp->body);
	memset(rp, 0, sizeof *rp);
}

void
mock_seen_clear(struct mock_seen *s)
{
	free(s->model);
	memset(s, 0, sizeof *s);
}
