/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* --explain: every paste format, every provider's body shape, every
 * cause, and matching the server's mask against candidate values.  Bodies
 * are the reference's (doc: openai-api-facts.md 1). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "key.h"
#include "unit.h"
#include "xalloc.h"

#define KEYS_URL "You can find your API key at " \
	"https://platform.openai.com/account/api-keys."

/* A fake key of len characters: prefix, filler, then the 4-character
 * tail. */
static char *
fake_key(const char *prefix, size_t len, const char *tail)
{
	char *k = xmalloc(len + 1);
	size_t p = strlen(prefix);

	memcpy(k, prefix, p);
	for (size_t i = p; i < len - 4; i++)
		k[i] = "FAKEfake0123456789xyzXYZ"[(i * 7) % 24];
	memcpy(k + len - 4, tail, 4);
	k[len] = '\0';
	return k;
}

/* The 2-space body api.openai.com sends for a wrong key. */
static char *
openai_body(const char *mask)
{
	char esc[400], *o = esc;

	for (const char *p = mask; *p != '\0' && o < esc + 396; p++) {
		if (*p == '"' || *p == '\\')
			*o++ = '\\';
		*o++ = *p;
	}
	*o = '\0';
	return xasprintf("{\n  \"error\": {\n    \"message\": \"Incorrect API "
	    "key provided: %s. " KEYS_URL "\",\n    \"type\": "
	    "\"invalid_request_error\",\n    \"param\": null,\n    \"code\": "
	    "\"invalid_api_key\"\n  }\n}", esc);
}

/* The server's mask of v with c added on both sides (0: none). */
static char *
mask_of(const char *v, char c)
{
	char *q = c ? xasprintf("%c%s%c", c, v, c) : xstrdup(v);
	char *m = key_openai_mask(q, strlen(q));

	free(q);
	return m;
}

static enum explain_cause
parse(const char *text, struct explained *e)
{
	CHECK_INT(0, explain_parse(text, strlen(text), e));
	return e->cause;
}

/* No field may hold 12 characters of the key's middle (masks show only
 * the first 8 and last 4). */
static void
no_leak(const struct explained *e, const char *key, int line)
{
	const char *f[] = { e->code, e->type, e->param, e->message,
	    e->request_id, e->mask };
	char win[13];

	memcpy(win, key + 10, 12);
	win[12] = '\0';
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		unit_true(f[i] == NULL || strstr(f[i], win) == NULL,
		    "key middle absent", __FILE__, line);
}

static void
test_openai_json(void)
{
	char *k = fake_key("sk-proj-", 164, "21sA"), *m = mask_of(k, 0);
	char *body = openai_body(m);
	struct explained e;

	CHECK_INT(EXPLAIN_WRONG_KEY, parse(body, &e));
	CHECK_INT(EXPLAIN_FMT_JSON, e.format);
	CHECK_INT(EXPLAIN_SHAPE_OPENAI, e.shape);
	CHECK_INT(0, e.status);
	CHECK_STR("invalid_api_key", e.code);
	CHECK_STR("invalid_request_error", e.type);
	CHECK(e.param == NULL);
	CHECK_STR(m, e.mask);
	CHECK_INT(EXPLAIN_MASK_OPENAI, e.mask_kind);
	CHECK_INT(164, e.mask_key_len);
	CHECK(!e.placeholder_echo);
	CHECK(strncmp(e.message, "Incorrect API key provided: sk-proj-****",
	    40) == 0);
	explain_clear(&e);
	explain_clear(&e);	/* a cleared struct clears again */
	free(body);

	/* The 2026 x-error-json form carries the status in the body. */
	CHECK_INT(EXPLAIN_PLACEHOLDER, parse("{\"error\":{\"message\":"
	    "\"Incorrect API key provided: sk-abc.\",\"type\":"
	    "\"invalid_request_error\",\"code\":\"invalid_api_key\","
	    "\"param\":null},\"status\":401}", &e));
	CHECK_INT(401, e.status);
	explain_clear(&e);
	free(m);
	free(k);
}

static void
test_python(void)
{
	char *k = fake_key("sk-proj-", 164, "21sA"), *m = mask_of(k, 0), *t;
	struct explained e;

	t = xasprintf("Traceback (most recent call last):\n  File \"app.py\", "
	    "line 3\nopenai.AuthenticationError: Error code: 401 - {'error': "
	    "{'message': 'Incorrect API key provided: %s. " KEYS_URL "', "
	    "'type': 'invalid_request_error', 'param': None, 'code': "
	    "'invalid_api_key'}}\n", m);
	CHECK_INT(EXPLAIN_WRONG_KEY, parse(t, &e));
	CHECK_INT(EXPLAIN_FMT_PYTHON, e.format);
	CHECK_INT(401, e.status);
	CHECK_STR("invalid_api_key", e.code);
	CHECK(e.param == NULL);
	CHECK_STR(m, e.mask);
	explain_clear(&e);
	free(t);

	/* repr switches to double quotes around a "'"; None, True, \xNN. */
	CHECK_INT(EXPLAIN_NO_KEY, parse("Error code: 401 - {'error': "
	    "{'message': \"You didn't provide an API key. You need to provide "
	    "your API key in an Authorization header using Bearer auth "
	    "(i.e. Authorization: Bearer YOUR_KEY).\", 'type': "
	    "'invalid_request_error', 'param': None, 'code': None, 'x': True, "
	    "'y': 'caf\\xe9 \\'q\\''}}", &e));
	CHECK(strncmp(e.message, "You didn't provide", 18) == 0);
	CHECK(e.code == NULL);
	explain_clear(&e);
	free(m);
	free(k);
}

/* Python reprs: escapes, other nestings, a plain message, a cut paste. */
static void
test_python_more(void)
{
	char *k = fake_key("sk-proj-", 164, "21sA"), *t;
	char *qm = mask_of(k, '"');
	struct explained e;

	/* Only a real parse of the repr finds Anthropic's nesting. */
	CHECK_INT(EXPLAIN_WRONG_KEY, parse("Error code: 401 - {'type': 'error',"
	    " 'error': {'type': 'authentication_error', 'message': 'invalid "
	    "x-api-key \\'k\\' caf\\xe9 \\U0001f511 \\\\'}, 'ok': True, "
	    "'no': False, 'n': None}", &e));
	CHECK_INT(EXPLAIN_SHAPE_ANTHROPIC, e.shape);
	CHECK_STR("authentication_error", e.type);
	CHECK_STR("invalid x-api-key 'k' caf\xc3\xa9 \xf0\x9f\x94\x91 \\",
	    e.message);
	explain_clear(&e);

	/* Quotes inside a single-quoted repr string. */

	t = xasprintf("Error code: 401 - {'error': {'message': 'Incorrect API "
	    "key provided: %s. " KEYS_URL "', 'type': 'invalid_request_error',"
	    " 'param': None, 'code': 'invalid_api_key'}}", qm);
	CHECK_INT(EXPLAIN_QUOTES_SENT, parse(t, &e));
	CHECK_STR(qm, e.mask);
	explain_clear(&e);
	free(t);
	free(qm);

	/* A plain message after the status, not a dict. */
	CHECK_INT(EXPLAIN_MISMATCHED_PROJECT, parse("Error code: 401 - "
	    "OpenAI-Project header should match project for API key", &e));
	CHECK_INT(401, e.status);
	CHECK_STR("OpenAI-Project header should match project for API key",
	    e.message);
	explain_clear(&e);

	/* A repr cut short in the paste, with the mask shortened by hand:
	 * the fields are still found; the key length is unknown. */
	CHECK_INT(EXPLAIN_WRONG_KEY, parse("Error code: 401 - {'error': "
	    "{'message': 'Incorrect API key provided: sk-proj-****\xe2\x80\xa6"
	    "21sA. You can find \xe2\x80\xa6', 'type': 'invalid_request_error',"
	    " 'param': None, 'code': 'invalid_api_k", &e));
	CHECK_INT(EXPLAIN_SHAPE_OPENAI, e.shape);
	CHECK_STR("invalid_request_error", e.type);
	CHECK_STR("sk-proj-****\xe2\x80\xa6" "21sA", e.mask);
	CHECK_INT(0, e.mask_key_len);
	struct explain_candidate c = { k, strlen(k) };

	CHECK_INT(EXPLAIN_MATCH_EXACT, explain_match_kind(&e, &c));
	explain_clear(&e);
	free(k);
}

static void
test_node(void)
{
	char *k = fake_key("sk-or-v1-", 73, "94f6"), *m = mask_of(k, 0), *t;
	struct explained e;

	t = xasprintf("AuthenticationError: 401 Incorrect API key provided: "
	    "%s. " KEYS_URL "\n    at APIError.generate (error.mjs:44:20)", m);
	CHECK_INT(EXPLAIN_OTHER_PROVIDER, parse(t, &e));
	CHECK_INT(EXPLAIN_FMT_NODE, e.format);
	CHECK_INT(401, e.status);
	CHECK_INT(73, e.mask_key_len);
	explain_clear(&e);
	free(t);

	CHECK_INT(EXPLAIN_PLACEHOLDER, parse("401 Incorrect API key provided: "
	    "undefined. " KEYS_URL, &e));
	CHECK_STR("undefined", e.mask);
	CHECK_INT(EXPLAIN_MASK_WHOLE, e.mask_kind);
	CHECK_INT(9, e.mask_key_len);
	CHECK(e.placeholder_echo);
	explain_clear(&e);

	/* OpenAI always sends a body: none means something else answered. */
	CHECK_INT(EXPLAIN_PROXY, parse("Error: 401 status code (no body)", &e));
	CHECK_INT(401, e.status);
	CHECK(e.message == NULL);
	explain_clear(&e);
	free(m);
	free(k);
}

static void
test_curl(void)
{
	char *k = fake_key("sk-proj-", 164, "21sA"), *m = mask_of(k, 0);
	char *body = openai_body(m), *t;
	struct explained e;

	t = xasprintf("*   Trying 162.159.140.245:443...\n> GET /v1/models "
	    "HTTP/2\n> Host: api.openai.com\n> Authorization: Bearer %s\n>"
	    " \n< HTTP/2 401 \n< date: Mon, 02 Mar 2026 10:00:00 GMT\n"
	    "< content-type: application/json; charset=utf-8\n"
	    "< content-length: 242\n< www-authenticate: Bearer realm=\"OpenAI"
	    " API\"\n< x-request-id: req_5a0f57ef8f4b4d9aa9c14502d0624925\n"
	    "< \n{ [242 bytes data]\n%s\n* Connection #0 to host "
	    "api.openai.com left intact\n", k, body);
	CHECK_INT(EXPLAIN_WRONG_KEY, parse(t, &e));
	CHECK_INT(EXPLAIN_FMT_CURL, e.format);
	CHECK_INT(401, e.status);
	CHECK(e.headers_seen);
	CHECK(e.www_authenticate);
	CHECK_STR("req_5a0f57ef8f4b4d9aa9c14502d0624925", e.request_id);
	CHECK_STR(m, e.mask);
	no_leak(&e, k, __LINE__);
	explain_clear(&e);
	free(t);

	/* curl -i through a gateway: no www-authenticate. */
	t = xasprintf("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 401 "
	    "Unauthorized\r\nContent-Type: application/json\r\n"
	    "X-Request-Id: 6f1101a3-ebe9-4c31-a29c-a16593d85274\r\n\r\n%s",
	    body);
	CHECK_INT(EXPLAIN_PROXY, parse(t, &e));
	CHECK_INT(401, e.status);
	CHECK(!e.www_authenticate);
	CHECK_STR("6f1101a3-ebe9-4c31-a29c-a16593d85274", e.request_id);
	explain_clear(&e);
	free(t);

	CHECK_INT(EXPLAIN_NOT_OPENAI, parse("HTTP/1.1 404 Not Found\r\n"
	    "Content-Type: text/html\r\n\r\n<!DOCTYPE html><html><body>Not "
	    "Found</body></html>", &e));
	CHECK_INT(EXPLAIN_SHAPE_HTML, e.shape);
	explain_clear(&e);
	CHECK_INT(EXPLAIN_NOT_OPENAI, parse("< HTTP/1.1 301 Moved Permanently\n"
	    "< Location: https://example.com/v1/\n< \n", &e));
	CHECK_INT(301, e.status);
	explain_clear(&e);
	CHECK_INT(EXPLAIN_NOT_OPENAI, parse("HTTP/1.1 401 Unauthorized\r\n"
	    "content-type: text/plain\r\n\r\nUnauthorized\r\n", &e));
	CHECK_INT(EXPLAIN_SHAPE_TEXT, e.shape);
	CHECK_STR("Unauthorized", e.message);
	explain_clear(&e);
	free(body);
	free(m);
	free(k);
}

/* Parses text and checks its shape, status and cause. */
static void
shape(const char *text, enum explain_shape s, int status,
    enum explain_cause c, int line)
{
	struct explained e;

	explain_parse(text, strlen(text), &e);
	unit_long(s, e.shape, "shape", __FILE__, line);
	unit_long(status, e.status, "status", __FILE__, line);
	unit_long(c, e.cause, "cause", __FILE__, line);
	explain_clear(&e);
}

#define SHAPE(t, s, st, c)	shape((t), (s), (st), (c), __LINE__)

static void
test_providers(void)
{
	struct explained e;

	SHAPE("{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to "
	    "invalid subscription key or wrong API endpoint. Make sure to "
	    "provide a valid key for an active subscription and use a correct "
	    "regional API endpoint for your resource.\"}}",
	    EXPLAIN_SHAPE_AZURE, 401, EXPLAIN_WRONG_KEY);
	SHAPE("{\"error\":{\"message\":\"User not found.\",\"code\":401}}",
	    EXPLAIN_SHAPE_OPENROUTER, 401, EXPLAIN_WRONG_KEY);
	SHAPE("{\"error\":{\"message\":\"No auth credentials found\","
	    "\"code\":401}}", EXPLAIN_SHAPE_OPENROUTER, 401, EXPLAIN_NO_KEY);
	SHAPE("{\"error\":{\"message\":\"Invalid API Key\",\"type\":"
	    "\"invalid_request_error\",\"code\":\"invalid_api_key\"}}\n",
	    EXPLAIN_SHAPE_OPENAI, 0, EXPLAIN_WRONG_KEY);	/* Groq */
	SHAPE("[{\n  \"error\": {\n    \"code\": 400,\n    \"message\": \"API "
	    "key not valid. Please pass a valid API key.\",\n    \"status\": "
	    "\"INVALID_ARGUMENT\",\n    \"details\": [\n      {\n        "
	    "\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\",\n"
	    "        \"reason\": \"API_KEY_INVALID\"\n      }\n    ]\n  }\n}]",
	    EXPLAIN_SHAPE_GEMINI, 400, EXPLAIN_WRONG_KEY);
	SHAPE("[{\n  \"error\": {\n    \"code\": 400,\n    \"message\": "
	    "\"Invalid Authorization header.\",\n    \"status\": "
	    "\"INVALID_ARGUMENT\"\n  }\n}\n]", EXPLAIN_SHAPE_GEMINI, 400,
	    EXPLAIN_NO_KEY);
	SHAPE("{\"detail\":\"Unauthorized\"}", EXPLAIN_SHAPE_MISTRAL, 0,
	    EXPLAIN_WRONG_KEY);
	SHAPE("{\"error\":\"Unauthorized\"}", EXPLAIN_SHAPE_VLLM, 0,
	    EXPLAIN_WRONG_KEY);
	SHAPE("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error"
	    "\",\"message\":\"invalid x-api-key\"},\"request_id\":"
	    "\"req_011CXw8h\"}", EXPLAIN_SHAPE_ANTHROPIC, 0, EXPLAIN_WRONG_KEY);

	CHECK_INT(EXPLAIN_WRONG_KEY, parse("{\"message\":\"Unauthorized\","
	    "\"request_id\":\"c61f2f15\"}", &e));
	CHECK_INT(EXPLAIN_SHAPE_MISTRAL, e.shape);
	CHECK_STR("c61f2f15", e.request_id);
	explain_clear(&e);

	/* xAI: string error, its own mask, an OpenAI key sent there. */
	CHECK_INT(EXPLAIN_OTHER_PROVIDER, parse("{\"code\":\"Client "
	    "specified an invalid argument\",\"error\":\"Incorrect API "
	    "key provided: sk***gA. You can obtain an API key from "
	    "https://console.x.ai.\"}", &e));
	CHECK_INT(EXPLAIN_SHAPE_XAI, e.shape);
	CHECK_INT(EXPLAIN_MASK_XAI, e.mask_kind);
	CHECK_STR("sk***gA", e.mask);
	explain_clear(&e);

	/* DeepSeek: "****" and the last 4, here with a quote sent. */
	CHECK_INT(EXPLAIN_QUOTES_SENT, parse("{\"error\":{\"message\":"
	    "\"Authentication Fails, Your api key: ****18b\\\" is invalid\","
	    "\"type\":\"authentication_error\",\"param\":null,\"code\":"
	    "\"invalid_request_error\"}}", &e));
	CHECK_INT(EXPLAIN_SHAPE_DEEPSEEK, e.shape);
	CHECK_INT(EXPLAIN_MASK_DEEPSEEK, e.mask_kind);
	CHECK_STR("****18b\"", e.mask);
	explain_clear(&e);
}

/* A 2-space OpenAI error body. */
#define OA(msg, type, param, code) \
	"{\n  \"error\": {\n    \"message\": \"" msg "\",\n    \"type\": " \
	type ",\n    \"param\": " param ",\n    \"code\": " code "\n  }\n}"

/* Messages and bodies, each with its status (-1: not checked) and
 * cause. */
static const struct {
	int			 line;
	const char		*text;
	int			 status;
	enum explain_cause	 cause;
} causes[] = {
	{ __LINE__,
	    OA("OpenAI-Organization header should match organization for "
	    "API key", "\"invalid_request_error\"", "null",
	    "\"mismatched_organization\""), 0, EXPLAIN_MISMATCHED_ORG },
	{ __LINE__,
	    OA("OpenAI-Project header should match project for API key",
	    "\"invalid_request_error\"", "null", "\"mismatched_project\""), 0,
	    EXPLAIN_MISMATCHED_PROJECT },
	{ __LINE__,
	    "Error code: 401 - {'error': {'message': 'You must be a member "
	    "of an organization to use the API. Please contact us through our"
	    " help center at help.openai.com.', 'type': "
	    "'invalid_request_error', 'param': None, 'code': "
	    "'no_organization'}}", 401, EXPLAIN_NO_ORG },
	{ __LINE__,
	    OA("The OpenAI account associated with this API key has been "
	    "deactivated. If you are the developer for this OpenAI app, please"
	    " check your email for more information.",
	    "\"invalid_request_error\"", "null", "\"account_deactivated\""), 0,
	    EXPLAIN_DEACTIVATED },
	{ __LINE__,
	    "This key is associated with a deactivated account. If you feel"
	    " this is an error, contact us through our help center at "
	    "help.openai.com.", 0, EXPLAIN_DEACTIVATED },
	{ __LINE__,
	    "401 You have insufficient permissions for this operation. "
	    "Missing scopes: model.request. Check that you have the correct "
	    "role in your organization (Reader, Writer, Owner) and project "
	    "(Member, Owner), and if you're using a restricted API key, that "
	    "it has the necessary scopes.", 401, EXPLAIN_MISSING_SCOPES },
	{ __LINE__,
	    "401 - IP not authorized: Your request IP does not match the "
	    "configured IP allowlist for your project or organization", -1,
	    EXPLAIN_IP_NOT_ALLOWED },
	{ __LINE__,
	    "{\n  \"error\": {\n    \"code\": "
	    "\"unsupported_country_region_territory\",\n    \"message\": "
	    "\"Country, region, or territory not supported\",\n    \"param\": "
	    "null,\n    \"type\": \"request_forbidden\"\n  }\n}", 0,
	    EXPLAIN_REGION },
	{ __LINE__,
	    "PermissionDeniedError: Error code: 403 - {'error': {'message': "
	    "'Project `proj_QRf115YMnQwMUdTI9cu2sWQ8` does not have access to "
	    "model `gpt-4o-mini`', 'type': 'invalid_request_error', 'param': "
	    "None, 'code': 'model_not_found'}}", 403, EXPLAIN_MODEL_NOT_FOUND },
	{ __LINE__,
	    "404 The model `gpt-4o` does not exist or you do not have "
	    "access to it.", 404, EXPLAIN_MODEL_NOT_FOUND },
	{ __LINE__,
	    OA("Unsupported parameter: 'max_tokens' is not supported with "
	    "this model. Use 'max_completion_tokens' instead.",
	    "\"invalid_request_error\"", "\"max_tokens\"",
	    "\"unsupported_parameter\""), 0, EXPLAIN_UNSUPPORTED_PARAM },
	{ __LINE__,
	    OA("Unsupported value: 'temperature' does not support 0 with "
	    "this model. Only the default (1) value is supported.",
	    "\"invalid_request_error\"", "\"temperature\"",
	    "\"unsupported_value\""), 0, EXPLAIN_UNSUPPORTED_PARAM },
	{ __LINE__,
	    "RateLimitError: Error code: 429 - {'error': {'message': 'You "
	    "exceeded your current quota, please check your plan and billing "
	    "details.', 'type': 'insufficient_quota', 'param': None, 'code': "
	    "'insufficient_quota'}}", 429, EXPLAIN_QUOTA },
	{ __LINE__,
	    OA("You exceeded your current quota.", "\"insufficient_quota\"",
	    "null", "\"credit_balance_exhausted\""), 0, EXPLAIN_QUOTA },
	{ __LINE__,
	    OA("Rate limit reached for gpt-4 in organization org-abc on "
	    "tokens per min (TPM): Limit 10000, Used 9348, Requested 5086. "
	    "Please try again in 26.604s.", "\"tokens\"", "null",
	    "\"rate_limit_exceeded\""), 0, EXPLAIN_RATE_LIMIT },
	{ __LINE__,
	    OA("Missing bearer authentication in header",
	    "\"invalid_request_error\"", "null", "null"), 0, EXPLAIN_NO_KEY },
	{ __LINE__,
	    "401 Missing bearer or basic authentication in header", 401,
	    EXPLAIN_NO_KEY },
	{ __LINE__,
	    "TypeError [ERR_INVALID_CHAR]: Invalid character in header "
	    "content [\"Authorization\"]", 0, EXPLAIN_KEY_WHITESPACE },
	{ __LINE__,
	    "something odd happened", 0, EXPLAIN_UNKNOWN },
	{ __LINE__,
	    "500 The server had an error while processing your request.",
	    500, EXPLAIN_UNKNOWN },
	{ __LINE__,
	    "429 Too Many Requests", 429, EXPLAIN_RATE_LIMIT },
};

static void
test_causes(void)
{
	struct explained e;

	for (size_t i = 0; i < sizeof causes / sizeof *causes; i++) {
		explain_parse(causes[i].text, strlen(causes[i].text), &e);
		if (causes[i].status >= 0)
			unit_long(causes[i].status, e.status, "status",
			    __FILE__, causes[i].line);
		unit_long(causes[i].cause, e.cause, "cause", __FILE__,
		    causes[i].line);
		explain_clear(&e);
	}
}

/* Causes read from the mask alone. */
static void
test_mask_causes(void)
{
	char *k = fake_key("sk-proj-", 164, "21sA"), *m, *b;
	struct explained e;

	m = mask_of(k, '"');	/* quotes kept by docker --env-file */
	b = openai_body(m);
	CHECK_INT(EXPLAIN_QUOTES_SENT, parse(b, &e));
	CHECK_INT(166, e.mask_key_len);
	explain_clear(&e);
	free(b);
	free(m);

	k[150] = '\0';	/* a copy cut at 150 characters */
	m = mask_of(k, 0);
	b = openai_body(m);
	CHECK_INT(EXPLAIN_TRUNCATED_KEY, parse(b, &e));
	CHECK_INT(150, e.mask_key_len);
	explain_clear(&e);
	free(b);
	free(m);
	free(k);
}

/* Stand-ins echoed whole, other providers' prefixes, plain wrong keys. */
static void
test_mask_kinds(void)
{
	char *k, *m, *b;
	struct explained e;
	static const char *const stand_ins[] = {
		"None", "true", "lm-studio", "api-key-here", "Toxic",
	};
	for (size_t i = 0; i < 5; i++) {
		b = openai_body(stand_ins[i]);
		CHECK_INT(EXPLAIN_PLACEHOLDER, parse(b, &e));
		CHECK_STR(stand_ins[i], e.mask);
		CHECK(e.placeholder_echo);
		explain_clear(&e);
		free(b);
	}
	static const char *const others[] = {
		"gsk_", "xai-", "sk-ant-api03-", "AIzaSy",
	};
	for (size_t i = 0; i < 4; i++) {
		k = fake_key(others[i], 56, "wxyz");
		m = mask_of(k, 0);
		b = openai_body(m);
		CHECK_INT(EXPLAIN_OTHER_PROVIDER, parse(b, &e));
		explain_clear(&e);
		free(b);
		free(m);
		free(k);
	}
	/* A legacy 51-character key and a 14-character value: plain wrong. */
	k = fake_key("sk-", 51, "wjh3");
	m = mask_of(k, 0);
	b = openai_body(m);
	CHECK_INT(EXPLAIN_WRONG_KEY, parse(b, &e));
	explain_clear(&e);
	free(b);
	free(m);
	free(k);
	b = openai_body("8kaL5ja$**oQnP");
	CHECK_INT(EXPLAIN_WRONG_KEY, parse(b, &e));
	CHECK_INT(14, e.mask_key_len);
	CHECK(!e.placeholder_echo);
	explain_clear(&e);
	free(b);
}

/* Parses the wrong-key body for the mask of sent (quoted by q). */
static void
parse_sent(const char *sent, char q, struct explained *e)
{
	char *m = mask_of(sent, q), *b = openai_body(m);

	parse(b, e);
	free(b);
	free(m);
}

static void
test_match(void)
{
	char *k = fake_key("sk-proj-", 164, "21sA");
	char *old = fake_key("sk-proj-", 164, "Zq9x");
	char *cut = xstrdup(k), *tail = k + 14;
	struct explain_candidate c[] = {
		{ old, strlen(old) }, { k, strlen(k) },
	};
	struct explained e;

	for (size_t i = 8; i < 160; i++)	/* another middle */
		old[i] = "0123456789abcdefghijklmnopq"[(i * 5) % 27];
	parse_sent(k, 0, &e);
	CHECK_INT(1, explain_match(&e, c, 2));
	CHECK_INT(EXPLAIN_MATCH_EXACT, explain_match_kind(&e, &c[1]));
	CHECK_INT(EXPLAIN_MATCH_NONE, explain_match_kind(&e, &c[0]));
	CHECK_INT(EXPLAIN_WRONG_KEY, explain_refine(&e, EXPLAIN_MATCH_EXACT));
	explain_clear(&e);

	for (const char *q = "\"'"; *q != '\0'; q++) {
		parse_sent(k, *q, &e);
		CHECK_INT(1, explain_match(&e, c, 2));
		CHECK_INT(EXPLAIN_MATCH_QUOTED, explain_match_kind(&e, &c[1]));
		explain_clear(&e);
	}

	cut[150] = '\0';	/* the end cut off */
	parse_sent(cut, 0, &e);
	CHECK_INT(EXPLAIN_MATCH_TRUNCATED, explain_match_kind(&e, &c[1]));
	CHECK_INT(EXPLAIN_MATCH_NONE, explain_match_kind(&e, &c[0]));
	CHECK_INT(1, explain_match(&e, c, 2));
	CHECK_INT(EXPLAIN_TRUNCATED_KEY,
	    explain_refine(&e, EXPLAIN_MATCH_TRUNCATED));
	explain_clear(&e);
	parse_sent(tail, 0, &e);	/* the start cut off */
	CHECK_INT(EXPLAIN_MATCH_TRUNCATED, explain_match_kind(&e, &c[1]));
	explain_clear(&e);

	/* A stale key: none of the candidates sent it. */
	char *stale = fake_key("sk-proj-", 164, "QQQQ");

	parse_sent(stale, 0, &e);
	CHECK_INT(-1, explain_match(&e, c, 2));
	CHECK_INT(EXPLAIN_STALE_KEY, explain_refine(&e, EXPLAIN_MATCH_NONE));
	CHECK_INT(-1, explain_match(&e, c, 0));
	explain_clear(&e);

	/* Exact beats truncated whatever the order. */
	struct explain_candidate c2[] = { { k, strlen(k) }, { cut,
	    strlen(cut) } };

	parse_sent(cut, 0, &e);
	CHECK_INT(1, explain_match(&e, c2, 2));
	explain_clear(&e);
	free(stale);
	free(cut);
	free(old);
	free(k);
}

static void
test_match_short(void)
{
	struct explain_candidate lm = { "lm-studio", 9 };
	struct explain_candidate none = { "None", 4 };
	struct explain_candidate xk = { "sk-abcdefghijklmnopgA", 21 };
	struct explain_candidate ds = { "sk-0123456789abcdef18b", 22 };
	struct explained e;

	parse("401 Incorrect API key provided: lm-studio. " KEYS_URL, &e);
	CHECK_INT(EXPLAIN_MATCH_EXACT, explain_match_kind(&e, &lm));
	CHECK_INT(EXPLAIN_MATCH_NONE, explain_match_kind(&e, &none));
	CHECK_INT(EXPLAIN_PLACEHOLDER, explain_refine(&e, EXPLAIN_MATCH_NONE));
	explain_clear(&e);
	parse("401 Incorrect API key provided: 'None'. " KEYS_URL, &e);
	CHECK_INT(EXPLAIN_MATCH_QUOTED, explain_match_kind(&e, &none));
	explain_clear(&e);
	parse("{\"code\":\"x\",\"error\":\"Incorrect API key provided: sk***gA."
	    " You can obtain an API key from https://console.x.ai.\"}", &e);
	CHECK_INT(EXPLAIN_MATCH_EXACT, explain_match_kind(&e, &xk));
	explain_clear(&e);
	parse("{\"error\":{\"message\":\"Authentication Fails, Your api key: "
	    "****18b\\\" is invalid\"}}", &e);
	CHECK_INT(EXPLAIN_MATCH_QUOTED, explain_match_kind(&e, &ds));
	CHECK_INT(EXPLAIN_MATCH_NONE, explain_match_kind(&e, &xk));
	explain_clear(&e);
	/* No mask: nothing matches and the cause stays. */
	parse("{\"detail\":\"Unauthorized\"}", &e);
	CHECK_INT(-1, explain_match(&e, &lm, 1));
	CHECK_INT(EXPLAIN_WRONG_KEY, explain_refine(&e, EXPLAIN_MATCH_NONE));
	explain_clear(&e);
}

/* Whole keys in the paste never reach a field. */
static void
test_no_leak(void)
{
	char *k = fake_key("sk-proj-", 164, "21sA"), *t;
	char *az = fake_key("", 84, "9f0e");	/* Azure's: no prefix */
	struct explained e;

	t = xasprintf("{\"error\":{\"message\":\"Incorrect API key provided: "
	    "%s\",\"type\":\"invalid_request_error\",\"code\":"
	    "\"invalid_api_key\"}}", k);	/* a proxy echoing it whole */
	parse(t, &e);
	no_leak(&e, k, __LINE__);
	CHECK_INT(164, e.mask_key_len);
	explain_clear(&e);
	free(t);
	t = xasprintf("httpcore.LocalProtocolError: Illegal header value "
	    "b'Bearer %s\\n'", k);
	CHECK_INT(EXPLAIN_KEY_WHITESPACE, parse(t, &e));
	no_leak(&e, k, __LINE__);
	explain_clear(&e);
	free(t);
	t = xasprintf("curl -H 'api-key: %s' says: Authorization: Bearer %s",
	    az, az);
	parse(t, &e);
	no_leak(&e, az, __LINE__);
	explain_clear(&e);
	free(t);
	/* Echoed whole with no known prefix: masked, and still matched. */
	t = xasprintf("401 Incorrect API key provided: %s. " KEYS_URL, az);
	CHECK_INT(EXPLAIN_WRONG_KEY, parse(t, &e));
	no_leak(&e, az, __LINE__);
	CHECK_INT(84, e.mask_key_len);
	CHECK_INT(84, strlen(e.mask));
	struct explain_candidate c = { az, strlen(az) };

	CHECK_INT(0, explain_match(&e, &c, 1));
	explain_clear(&e);
	free(t);
	free(az);
	free(k);
}

static void
test_misc(void)
{
	struct explained e;
	const char *seen[EXPLAIN_CAUSE_COUNT];

	CHECK_INT(-1, explain_parse(" \n\t", 3, &e));
	CHECK_INT(EXPLAIN_UNKNOWN, e.cause);
	explain_clear(&e);
	/* Escape sequences in a server message are stripped. */
	parse("{\"error\":\"\\u001b[2J\\u001b]0;x\\u0007Unauth\\u202eorized\"}",
	    &e);
	CHECK_STR("Unauthorized", e.message);
	explain_clear(&e);
	for (int c = 0; c < EXPLAIN_CAUSE_COUNT; c++) {
		const struct explain_cause_info *i = explain_cause_info(c);

		CHECK(i->id != NULL && i->title != NULL && i->advice != NULL);
		seen[c] = i->id;
		for (int d = 0; d < c; d++)
			CHECK(strcmp(seen[d], i->id) != 0);
	}
	CHECK_STR("unknown", explain_cause_info(EXPLAIN_CAUSE_COUNT)->id);
	CHECK_STR("openai", explain_shape_id(EXPLAIN_SHAPE_OPENAI));
	CHECK_STR("text", explain_shape_id(EXPLAIN_SHAPE_TEXT));
	CHECK_STR("none", explain_shape_id(EXPLAIN_SHAPE_COUNT));
}

int
main(void)
{
	test_openai_json();
	test_python();
	test_python_more();
	test_node();
	test_curl();
	test_providers();
	test_causes();
	test_mask_causes();
	test_mask_kinds();
	test_match();
	test_match_short();
	test_no_leak();
	test_misc();
	return unit_done();
}
