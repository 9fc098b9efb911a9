/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* What the fix401-mock unit tests share: a config with one key per
 * behaviour, a request to fill, the API's error body as text (written
 * out here, not by the printer under test), and checks every reply must
 * pass (content-length consistency, JSON bodies that parse). */
#ifndef FIX401_MOCK_FIXTURE_H
#define FIX401_MOCK_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "mock-config.h"
#include "mock-reply.h"
#include "unit.h"

#define RID	"req_0123456789abcdef0123456789abcdef"
#define KEY(n)	"sk-test-" n "-0123456789"
#define URL_KEYS "https://platform.openai.com/account/api-keys."

static const char config_text[] =
    "{\"models\": [\"gpt-4o-mini\", \"gpt-4o-mini-2024-07-18\","
    " \"gpt-4.1-nano\", \"o3-mini\"],"
    " \"reasoning_models\": [\"o3-mini\"], \"$comment\": \"test\","
    " \"keys\": ["
    "{\"name\": \"valid\", \"key\": \"" KEY("valid") "\", \"behaviour\":"
    " \"valid\"},"
    "{\"name\": \"bound\", \"key\": \"" KEY("bound") "\", \"behaviour\":"
    " \"valid\", \"organization\": \"org-AAAA\", \"project\": \"proj_BBBB\","
    " \"owner\": \"acme\"},"
    "{\"name\": \"allow\", \"key\": \"" KEY("allow") "\", \"behaviour\":"
    " \"valid\", \"project\": \"proj_CCCC\", \"models\": [\"gpt-4o-mini\"]},"
    "{\"name\": \"legacy\", \"key\": \"" KEY("legacy") "\", \"behaviour\":"
    " \"valid\", \"legacy_params\": true},"
    "{\"name\": \"slow\", \"key\": \"" KEY("slow") "\", \"behaviour\":"
    " \"valid\", \"latency_ms\": 250},"
    "{\"name\": \"rate\", \"key\": \"" KEY("rate") "\", \"behaviour\":"
    " \"rate-limited\", \"times\": 1, \"retry_after\": 7},"
    "{\"name\": \"restricted\", \"key\": \"" KEY("restricted") "\","
    " \"behaviour\": \"restricted\"},"
    "{\"name\": \"chat-only\", \"key\": \"" KEY("chat-only") "\","
    " \"behaviour\": \"restricted\", \"scopes\": [\"model.request\"]},"
#define SIMPLE(n) "{\"name\": \"" n "\", \"key\": \"" KEY(n) "\"," \
    " \"behaviour\": \"" n "\"},"
    SIMPLE("revoked") SIMPLE("deactivated") SIMPLE("no-organization")
    SIMPLE("ip-not-authorized") SIMPLE("no-quota") SIMPLE("region")
    SIMPLE("hang") SIMPLE("server-500") SIMPLE("server-503") SIMPLE("html")
    SIMPLE("not-json") SIMPLE("redirect") SIMPLE("huge") SIMPLE("ansi")
    SIMPLE("proxy-401") SIMPLE("text-401") SIMPLE("azure")
    SIMPLE("openrouter") SIMPLE("gemini") SIMPLE("mistral") SIMPLE("xai")
    "{\"name\": \"vllm\", \"key\": \"" KEY("vllm") "\", \"behaviour\":"
    " \"vllm\"}]}";

static struct mock_config *cfg;
static struct mock_request req;
static struct mock_seen seen;
static struct mock_reply rp;

/* The API's 2-space error body; msg is already JSON-escaped, NULL param
 * or code is null. */
static inline const char *
api_error(const char *msg, const char *type, const char *param,
    const char *code)
{
	static char out[8192];
	char p[128] = "null", c[128] = "null";

	if (param != NULL)
		snprintf(p, sizeof p, "\"%s\"", param);
	if (code != NULL)
		snprintf(c, sizeof c, "\"%s\"", code);
	snprintf(out, sizeof out, "{\n  \"error\": {\n    \"message\": "
	    "\"%s\",\n    \"type\": \"%s\",\n    \"param\": %s,\n"
	    "    \"code\": %s\n  }\n}", msg, type, p, c);
	return out;
}

/* Every reply: the length is the body's, no NUL, no trailing newline in
 * JSON, and a JSON content type means the body parses. */
static inline void
consistent(int line)
{
	const char *ct = mock_reply_header(&rp, "content-type");
	cJSON *j;

	if (rp.hang)
		return;
	unit_true(rp.body != NULL && strlen(rp.body) == rp.len,
	    "len == strlen(body)", __FILE__, line);
	unit_true(ct != NULL, "content-type", __FILE__, line);
	if (ct == NULL || strncmp(ct, "application/json", 16) != 0)
		return;
	unit_true(rp.len > 0 && rp.body[rp.len - 1] != '\n',
	    "no trailing newline", __FILE__, line);
	j = cJSON_ParseWithLength(rp.body, rp.len);
	unit_true(j != NULL, "body is JSON", __FILE__, line);
	cJSON_Delete(j);
}

/* Asks method path with Authorization auth (NULL: none) and body. */
static inline void
ask_at(const char *method, const char *path, const char *auth,
    const char *body, int line)
{
	mock_reply_clear(&rp);
	mock_seen_clear(&seen);
	req.method = method;
	req.path = path;
	req.authorization = auth;
	req.body = body;
	req.body_len = body != NULL ? strlen(body) : 0;
	req.request_id = RID;
	req.now = 1700000000;
	mock_reply_make(cfg, &req, &seen, &rp);
	consistent(line);
}

#define BEARER(n)	"Bearer " KEY(n)
#define ASK(m, p, a, b)	ask_at((m), (p), (a), (b), __LINE__)
#define GET(p, a)	ASK("GET", (p), (a), NULL)
#define CHAT(a, b)	ASK("POST", "/v1/chat/completions", (a), (b))
#define MSGS		"\"messages\": [{\"role\": \"user\", " \
	"\"content\": \"ping\"}]"
#define BODY(model)	"{\"model\": \"" model "\", " MSGS "}"
#define EXPECT(st, text) do { \
	CHECK_INT((st), rp.status); \
	CHECK_STR((text), rp.body); \
} while (0)
#define HEADER(n, v)	CHECK_STR((v), mock_reply_header(&rp, (n)))

/* The headers every answer from "the API" has. */
static inline void
openai_headers_at(int line)
{
	unit_mem("application/json", 16, mock_reply_header(&rp,
	    "content-type"), strlen(mock_reply_header(&rp, "content-type") ?
	    mock_reply_header(&rp, "content-type") : ""), "content-type",
	    __FILE__, line);
	unit_true(mock_reply_header(&rp, "x-request-id") != NULL &&
	    strcmp(mock_reply_header(&rp, "x-request-id"), RID) == 0,
	    "x-request-id", __FILE__, line);
	unit_true(mock_reply_header(&rp, "openai-version") != NULL &&
	    strcmp(mock_reply_header(&rp, "openai-version"), "2020-10-01") == 0,
	    "openai-version", __FILE__, line);
	unit_true(mock_reply_header(&rp, "openai-processing-ms") != NULL,
	    "openai-processing-ms", __FILE__, line);
	unit_true((mock_reply_header(&rp, "www-authenticate") != NULL) ==
	    (rp.status == 401), "www-authenticate on 401 only", __FILE__, line);
	if (rp.status == 401)
		unit_true(strcmp(mock_reply_header(&rp, "www-authenticate"),
		    "Bearer realm=\"OpenAI API\"") == 0, "realm", __FILE__,
		    line);
}
#define OPENAI_HEADERS()	openai_headers_at(__LINE__)

/* Loads the config above; false after saying why. */
static inline int
fixture_open(void)
{
	char *cause = NULL;

	cfg = mock_config_parse(config_text, strlen(config_text), "test",
	    &cause);
	if (cfg == NULL)
		fprintf(stderr, "test config: %s\n", cause);
	free(cause);
	return cfg != NULL;
}

static inline void
fixture_close(void)
{
	mock_reply_clear(&rp);
	mock_seen_clear(&seen);
	mock_config_free(cfg);
}

#endif
