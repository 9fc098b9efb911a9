/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Live answers as explain_response reads them, byte for byte the bodies
 * of the reference (openai-api-facts.md 1a, 1b), and the server's key mask
 * matched against the candidates the way live-answer.c does it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "key.h"
#include "live-fixture.h"
#include "unit.h"
#include "xalloc.h"

/* The bodies (OAI, WRONG_FMT: live-fixture.h). */
#define NO_KEY_MODELS	OAI("Missing bearer authentication in header", IRE, \
	"null", "null")
#define LEGACY	"You didn't provide an API key. You need to provide your " \
	"API key in an Authorization header using Bearer auth (i.e. " \
	"Authorization: Bearer YOUR_KEY), or as the password field (with " \
	"blank username) if you're accessing the API from your browser and " \
	"are prompted for a username and password. You can obtain an API " \
	"key from https://platform.openai.com/account/api-keys."
/* The chat route still answers the legacy text, 4-space indented. */
#define NO_KEY_CHAT	"{\n    \"error\": {\n        \"message\": \"" LEGACY \
	"\",\n        \"type\": \"invalid_request_error\",\n        " \
	"\"param\": null,\n        \"code\": null\n    }\n}\n"
#define REGION	"{\n  \"error\": {\n    \"code\": " \
	"\"unsupported_country_region_territory\",\n    \"message\": " \
	"\"Country, region, or territory not supported\",\n    \"param\": " \
	"null,\n    \"type\": \"request_forbidden\"\n  }\n}"
#define AZURE	"{\"error\":{\"code\":\"401\",\"message\":\"Access denied " \
	"due to invalid subscription key or wrong API endpoint. Make sure to " \
	"provide a valid key for an active subscription and use a correct " \
	"regional API endpoint for your resource.\"}}"
#define GEMINI	"[{\n  \"error\": {\n    \"code\": 400,\n    \"message\": " \
	"\"API key not valid. Please pass a valid API key.\",\n    " \
	"\"status\": \"INVALID_ARGUMENT\",\n    \"details\": [\n      {\n" \
	"        \"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\",\n" \
	"        \"reason\": \"API_KEY_INVALID\",\n        \"domain\": " \
	"\"googleapis.com\",\n        \"metadata\": {\n          " \
	"\"service\": \"generativelanguage.googleapis.com\"\n        }\n" \
	"      },\n      {\n        \"@type\": " \
	"\"type.googleapis.com/google.rpc.LocalizedMessage\",\n        " \
	"\"locale\": \"en-US\",\n        \"message\": \"API key not valid. " \
	"Please pass a valid API key.\"\n      }\n    ]\n  }\n}\n]"
#define GEMINI_EMPTY	"[{\n  \"error\": {\n    \"code\": 400,\n    " \
	"\"message\": \"Invalid Authorization header.\",\n    \"status\": " \
	"\"INVALID_ARGUMENT\"\n  }\n}\n]"
#define XAI \
	"{\"code\":\"Client specified an invalid argument\",\"error\":" \
	"\"Incorrect API key provided: sk***gA. You can obtain an API key " \
	"from https://console.x.ai.\"}"

/* explain_response over body as a probe got it (JSON, not HTML). */
static void
classify(struct explained *e, int status, const char *body, bool www)
{
	explain_response(status, body, body != NULL ? strlen(body) : 0, false,
	    www, "req_5a0f57ef8f4b4d9aa9c14502d0624925", e);
}

/* Classifies body; checks cause, code (NULL: none) and that nothing holds
 * a key; clears e. */
static void
expect(int status, const char *body, bool www, enum explain_cause cause,
    const char *code, int line)
{
	struct explained e;

	classify(&e, status, body, www);
	unit_long(cause, e.cause, explain_cause_info(cause)->id, __FILE__,
	    line);
	unit_mem(code, code ? strlen(code) : 0, e.code, e.code ?
	    strlen(e.code) : 0, "code", __FILE__, line);
	unit_long(status, e.status, "status", __FILE__, line);
	unit_true(!lf_leaks(e.message) && !lf_leaks(e.mask), "no key",
	    __FILE__, line);
	explain_clear(&e);
}

#define EXPECT(st, body, www, cause, code) \
	expect(st, body, www, cause, code, __LINE__)

/* The reference's byte counts prove the bodies here are the real ones. */
static void
test_bodies(void)
{
	char *b = xasprintf(WRONG_FMT, "fk-fakek*y123");

	CHECK_INT(151, strlen(NO_KEY_MODELS));
	CHECK_INT(242, strlen(b));
	CHECK_INT(224, strlen(AZURE));
	CHECK_INT(121, strlen(GEMINI_EMPTY));
	free(b);
}

static void
test_openai(void)
{
	char *mask = key_openai_mask(KA, strlen(KA));
	char *b = xasprintf(WRONG_FMT, mask);
	struct explained e;

	classify(&e, 401, b, true);
	CHECK_INT(EXPLAIN_WRONG_KEY, e.cause);
	CHECK_INT(EXPLAIN_SHAPE_OPENAI, e.shape);
	CHECK_STR(mask, e.mask);
	CHECK_INT(EXPLAIN_MASK_OPENAI, e.mask_kind);
	CHECK_INT(164, e.mask_key_len);
	CHECK_STR("invalid_api_key", e.code);
	CHECK_STR("invalid_request_error", e.type);
	CHECK(e.param == NULL);
	CHECK(e.www_authenticate);
	CHECK_STR("req_5a0f57ef8f4b4d9aa9c14502d0624925", e.request_id);
	HAS(e.message, "Incorrect API key provided: sk-proj-****");
	NO_LEAK(e.message);
	explain_clear(&e);
	CHECK(e.message == NULL && e.mask == NULL && e.cause == 0);
	/* The same body without www-authenticate: a proxy answered. */
	EXPECT(401, b, false, EXPLAIN_PROXY, "invalid_api_key");
	free(b);
	free(mask);

	EXPECT(401, NO_KEY_MODELS, true, EXPLAIN_NO_KEY, NULL);
	EXPECT(401, NO_KEY_CHAT, true, EXPLAIN_NO_KEY, NULL);
	EXPECT(401, OAI("OpenAI-Organization header should match "
	    "organization for API key", IRE, "null",
	    Q("mismatched_organization")), true, EXPLAIN_MISMATCHED_ORG,
	    "mismatched_organization");
	EXPECT(401, OAI("OpenAI-Project header should match project for API "
	    "key", IRE, "null", Q("mismatched_project")), true,
	    EXPLAIN_MISMATCHED_PROJECT, "mismatched_project");
	EXPECT(401, OAI("The OpenAI account associated with this API key has "
	    "been deactivated. If you are the developer for this OpenAI app, "
	    "please check your email for more information. If you are seeing "
	    "this error while using another app or site, please reach out to "
	    "them for more help.", IRE, "null", Q("account_deactivated")),
	    true, EXPLAIN_DEACTIVATED, "account_deactivated");
	EXPECT(401, OAI("You must be a member of an organization to use the "
	    "API. Please contact us through our help center at "
	    "help.openai.com.", IRE, "null", Q("no_organization")), true,
	    EXPLAIN_NO_ORG, "no_organization");
	b = xasprintf(SCOPES, "model.request");
	EXPECT(401, b, true, EXPLAIN_MISSING_SCOPES, NULL);
	free(b);
	b = xasprintf(SCOPES, "api.model.read");
	EXPECT(403, b, false, EXPLAIN_MISSING_SCOPES, NULL);
	free(b);
	EXPECT(403, REGION, false, EXPLAIN_REGION,
	    "unsupported_country_region_territory");
	EXPECT(403, OAI("Project `proj_QRf115YMnQwMUdTI9cu2sWQ8` does not "
	    "have access to model `gpt-4o-mini`", IRE, "null",
	    Q("model_not_found")), false, EXPLAIN_MODEL_NOT_FOUND,
	    "model_not_found");
	EXPECT(404, OAI("The model `gpt-4o` does not exist or you do not "
	    "have access to it.", IRE, "null", Q("model_not_found")), false,
	    EXPLAIN_MODEL_NOT_FOUND, "model_not_found");
	EXPECT(429, OAI("You exceeded your current quota, please check your "
	    "plan and billing details. For more information on this error, "
	    "read the docs: https://platform.openai.com/docs/guides/"
	    "error-codes/api-errors.", Q("insufficient_quota"), "null",
	    Q("insufficient_quota")), false, EXPLAIN_QUOTA,
	    "insufficient_quota");
	EXPECT(429, OAI("Rate limit reached for gpt-4o-mini in organization "
	    "org-abc on requests per min (RPM): Limit 3, Used 3, Requested 1. "
	    "Please try again in 20s.", Q("requests"), "null",
	    Q("rate_limit_exceeded")), false, EXPLAIN_RATE_LIMIT,
	    "rate_limit_exceeded");
}

static void
test_param(void)
{
	struct explained e;

	classify(&e, 400, OAI("Unsupported parameter: 'max_tokens' is not "
	    "supported with this model. Use 'max_completion_tokens' instead.",
	    IRE, Q("max_tokens"), Q("unsupported_parameter")), false);
	CHECK_INT(EXPLAIN_UNSUPPORTED_PARAM, e.cause);
	CHECK_STR("max_tokens", e.param);
	CHECK_STR("unsupported_parameter", e.code);
	explain_clear(&e);
}

/* Not an OpenAI API: HTML, a redirect, plain text. */
static void
test_not_openai(void)
{
	static const char html[] = "<!DOCTYPE html>\n<html><head><title>"
	    "Welcome</title></head><body><h1>It works!</h1></body></html>\n";
	struct explained e;

	explain_response(200, S(html), true, false, NULL, &e);
	CHECK_INT(EXPLAIN_NOT_OPENAI, e.cause);
	CHECK_INT(EXPLAIN_SHAPE_HTML, e.shape);
	CHECK(e.message == NULL);
	explain_clear(&e);
	/* Sniffed from the body when the content type says nothing. */
	explain_response(404, S(html), false, false, NULL, &e);
	CHECK_INT(EXPLAIN_NOT_OPENAI, e.cause);
	CHECK_INT(EXPLAIN_SHAPE_HTML, e.shape);
	explain_clear(&e);
	EXPECT(302, NULL, false, EXPLAIN_NOT_OPENAI, NULL);
	EXPECT(301, "", false, EXPLAIN_NOT_OPENAI, NULL);
	EXPECT(200, "hello", false, EXPLAIN_NOT_OPENAI, NULL);
	/* No body and no www-authenticate: a gateway's bare 401. */
	EXPECT(401, NULL, false, EXPLAIN_PROXY, NULL);
}

/* What other providers answer (reference 1b).  live-answer.c counts
 * www-authenticate as seen on a known provider's host. */
static void
test_providers(void)
{
	struct explained e;

	classify(&e, 401, AZURE, true);
	CHECK_INT(EXPLAIN_SHAPE_AZURE, e.shape);
	CHECK_INT(EXPLAIN_WRONG_KEY, e.cause);
	CHECK_STR("401", e.code);
	explain_clear(&e);
	classify(&e, 401, "{\"error\":{\"message\":\"User not found.\","
	    "\"code\":401}}", true);
	CHECK_INT(EXPLAIN_SHAPE_OPENROUTER, e.shape);
	CHECK_INT(EXPLAIN_WRONG_KEY, e.cause);
	explain_clear(&e);
	EXPECT(401, "{\"error\":{\"message\":\"No auth credentials found\","
	    "\"code\":401}}", true, EXPLAIN_NO_KEY, "401");
	EXPECT(401, "{\"error\":{\"message\":\"Missing Authentication "
	    "header\",\"code\":401}}", true, EXPLAIN_NO_KEY, "401");
	classify(&e, 400, GEMINI, true);
	CHECK_INT(EXPLAIN_SHAPE_GEMINI, e.shape);
	CHECK_INT(EXPLAIN_WRONG_KEY, e.cause);
	CHECK_INT(400, e.status);
	HAS(e.message, "API key not valid");
	explain_clear(&e);
	EXPECT(400, GEMINI_EMPTY, true, EXPLAIN_NO_KEY, "400");
	classify(&e, 401, "{\"detail\":\"Unauthorized\"}", true);
	CHECK_INT(EXPLAIN_SHAPE_MISTRAL, e.shape);
	CHECK_INT(EXPLAIN_WRONG_KEY, e.cause);
	explain_clear(&e);
	classify(&e, 401, "{\"message\":\"Unauthorized\",\"request_id\":"
	    "\"c61f2f15d2a34f0e9b1a\"}", true);
	CHECK_INT(EXPLAIN_SHAPE_MISTRAL, e.shape);
	CHECK_INT(EXPLAIN_WRONG_KEY, e.cause);
	CHECK_STR("c61f2f15d2a34f0e9b1a", e.request_id);
	explain_clear(&e);
	/* xAI answers 400; "sk***gA": an OpenAI-style key went there. */
	classify(&e, 400, XAI, true);
	CHECK_INT(EXPLAIN_SHAPE_XAI, e.shape);
	CHECK_INT(EXPLAIN_OTHER_PROVIDER, e.cause);
	CHECK_STR("sk***gA", e.mask);
	CHECK_INT(EXPLAIN_MASK_XAI, e.mask_kind);
	explain_clear(&e);
	classify(&e, 401, "{\"error\":\"Unauthorized\"}", true);
	CHECK_INT(EXPLAIN_SHAPE_VLLM, e.shape);
	CHECK_INT(EXPLAIN_WRONG_KEY, e.cause);
	explain_clear(&e);
}

/* What a server says is never stored with controls or a key in it. */
static void
test_hostile(void)
{
	static const char ansi[] = "{\"error\":{\"message\":\"\\u001b[2J"
	    "\\u001b[31mbad\\u001b[0m key\\u0007\\r\\n\\u009b31mnow"
	    "\\u001b]0;owned\\u0007 \\u007f!\",\"type\":\"invalid_request_error"
	    "\",\"param\":null,\"code\":\"invalid_api_key\"}}";
	static const char raw[] = "Bad key \x1b[31mred\x1b[0m\r\n\x07 end";
	struct explained e;
	char *b;

	classify(&e, 401, ansi, true);
	CHECK(e.message != NULL);
	for (const char *p = e.message; p && *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c < 0x20 || c == 0x7f || (c == 0xc2 && (unsigned char)
		    p[1] >= 0x80 && (unsigned char)p[1] < 0xa0)) {
			unit_true(0, "no control byte in the message",
			    __FILE__, __LINE__);
			break;
		}
	}
	HAS(e.message, "bad");
	HAS(e.message, "now");
	HASNT(e.message, "[31m");
	HASNT(e.message, "owned");
	explain_clear(&e);
	explain_response(500, S(raw), false, true, NULL, &e);
	CHECK(e.message != NULL && strchr(e.message, '\x1b') == NULL &&
	    strchr(e.message, '\r') == NULL && strchr(e.message, '\x07') ==
	    NULL);
	HAS(e.message, "red");
	explain_clear(&e);

	/* A key echoed whole, in OpenAI's sentence and in a proxy's. */
	b = xasprintf(WRONG_FMT, KA);
	classify(&e, 401, b, true);
	NO_LEAK(e.message);
	NO_LEAK(e.mask);
	CHECK_INT(164, e.mask_key_len);
	{
		struct explain_candidate c = { KA, strlen(KA) };

		CHECK_INT(EXPLAIN_MATCH_EXACT, explain_match_kind(&e, &c));
	}
	explain_clear(&e);
	free(b);
	b = xasprintf("{\"error\":{\"message\":\"Invalid token %s for this "
	    "gateway\",\"type\":\"auth_error\",\"code\":\"bad_token\"}}", KA);
	classify(&e, 401, b, false);
	CHECK(e.message != NULL);
	NO_LEAK(e.message);
	explain_clear(&e);
	free(b);
	b = xasprintf("{\"error\":\"Unauthorized: got Bearer %s\"}", KV);
	classify(&e, 401, b, true);
	CHECK(e.message != NULL);
	NO_LEAK(e.message);
	explain_clear(&e);
	free(b);
	b = xasprintf("{\"detail\":\"key %s, token=%s\"}", KOR, KV);
	classify(&e, 401, b, true);
	NO_LEAK(e.message);
	explain_clear(&e);
	free(b);
}

/* The mask of value v[0..n) in OpenAI's 401 body, classified. */
static void
masked(struct explained *e, const char *v, size_t n)
{
	char *b = lf_wrong(v, n);

	classify(e, 401, b, true);
	free(b);
}

/* Candidates as live-answer.c lists them (the key sent first); checks
 * which one explain_match names, how, and the refined cause. */
static void
expect_match(const struct explained *e, const struct explain_candidate *c,
    size_t n, int want, enum explain_match_kind kind,
    enum explain_cause cause, int line)
{
	int k = explain_match(e, c, n);
	enum explain_match_kind got = k >= 0 ? explain_match_kind(e, &c[k]) :
	    EXPLAIN_MATCH_NONE;

	unit_long(want, k, "explain_match", __FILE__, line);
	unit_long(kind, got, "explain_match_kind", __FILE__, line);
	unit_long(cause, explain_refine(e, got), explain_cause_info(cause)->id,
	    __FILE__, line);
}

#define MATCH(e, c, n, want, kind, cause) \
	expect_match(e, c, n, want, kind, cause, __LINE__)

static void
test_match(void)
{
	struct explain_candidate c[3] = {
		{ KB, strlen(KB) }, { KA, strlen(KA) }, { KOR, strlen(KOR) },
	};
	struct explain_candidate cut[2] = {
		{ KA, strlen(KA) }, { KA, 150 },
	};
	struct explained e;
	char *q = xasprintf("\"%s\"", KA);

	masked(&e, KA, strlen(KA));
	MATCH(&e, c, 3, 1, EXPLAIN_MATCH_EXACT, EXPLAIN_WRONG_KEY);
	/* On a tie the first, the key that was sent. */
	c[0] = c[1];
	MATCH(&e, c, 3, 0, EXPLAIN_MATCH_EXACT, EXPLAIN_WRONG_KEY);
	c[0] = (struct explain_candidate){ KB, strlen(KB) };
	CHECK_INT(EXPLAIN_MATCH_NONE, explain_match_kind(&e, &c[0]));
	explain_clear(&e);

	/* Quotes sent: the mask starts with '"'. */
	masked(&e, q, strlen(q));
	CHECK(e.mask != NULL && e.mask[0] == '"');
	CHECK_INT(166, e.mask_key_len);
	CHECK_INT(EXPLAIN_QUOTES_SENT, e.cause);
	MATCH(&e, c, 3, 1, EXPLAIN_MATCH_QUOTED, EXPLAIN_QUOTES_SENT);
	explain_clear(&e);

	/* 150 of 164 characters arrived. */
	masked(&e, KA, 150);
	CHECK_INT(150, e.mask_key_len);
	CHECK_INT(EXPLAIN_TRUNCATED_KEY, e.cause);
	MATCH(&e, c, 3, 1, EXPLAIN_MATCH_TRUNCATED, EXPLAIN_TRUNCATED_KEY);
	/* A whole copy of the cut value beats the key it was cut from. */
	MATCH(&e, cut, 2, 1, EXPLAIN_MATCH_EXACT, EXPLAIN_TRUNCATED_KEY);
	explain_clear(&e);

	/* A key found nowhere: stale. */
	masked(&e, KC, strlen(KC));
	CHECK_INT(EXPLAIN_WRONG_KEY, e.cause);
	MATCH(&e, c, 3, -1, EXPLAIN_MATCH_NONE, EXPLAIN_STALE_KEY);
	MATCH(&e, c, 0, -1, EXPLAIN_MATCH_NONE, EXPLAIN_STALE_KEY);
	explain_clear(&e);

	/* No mask: nothing to sharpen. */
	classify(&e, 401, NO_KEY_MODELS, true);
	MATCH(&e, c, 3, -1, EXPLAIN_MATCH_NONE, EXPLAIN_NO_KEY);
	explain_clear(&e);
	free(q);
}

int
main(void)
{
	int rc = lf_setup();

	if (rc != 0)
		return rc;
	test_bodies();
	test_openai();
	test_param();
	test_not_openai();
	test_providers();
	test_hostile();
	test_match();
	providers_free(lf_ps);
	return unit_done();
}
