/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401-mock's answers as the OpenAI API, byte for byte: no key, a wrong
 * key and the server's mask, account and binding refusals, scopes, quota
 * and rate limits, model access, bad requests and the success shapes. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "mock-fixture.h"
#include "unit.h"

static void
test_no_key(void)
{
	static const char missing[] = "{\n  \"error\": {\n    \"message\": "
	    "\"Missing bearer authentication in header\",\n    \"type\": "
	    "\"invalid_request_error\",\n    \"param\": null,\n    \"code\": "
	    "null\n  }\n}";

	GET("/v1/models", NULL);
	EXPECT(401, missing);
	CHECK_INT(151, rp.len);		/* content-length api.openai.com sent */
	OPENAI_HEADERS();
	CHECK_STR("none", mock_auth_name(seen.auth));
	GET("/v1/models/gpt-4o-mini", NULL);
	EXPECT(401, missing);
	GET("/v1/me", NULL);
	EXPECT(401, missing);
	/* Another scheme, and an empty bearer, send no key either. */
	GET("/v1/models", "Basic OnNrLXRlc3Q=");
	EXPECT(401, missing);
	CHECK_STR("other", mock_auth_name(seen.auth));
	GET("/v1/models", "Bearer");
	EXPECT(401, missing);
	CHECK_STR("bearer", mock_auth_name(seen.auth));
	/* Chat: the legacy text, 4-space indent, 495 bytes. */
	CHAT(NULL, BODY("gpt-4o-mini"));
	CHECK_INT(401, rp.status);
	CHECK_INT(495, rp.len);
	CHECK(strncmp(rp.body, "{\n    \"error\": {\n        \"message\": "
	    "\"You didn't provide an API key. You need", 76) == 0);
	CHECK(strstr(rp.body, "\n        \"code\": null\n    }\n}") != NULL);
	OPENAI_HEADERS();
}

static void
test_bad_key(void)
{
	GET("/v1/models", "Bearer fk-fakekey123");
	EXPECT(401, api_error("Incorrect API key provided: fk-fakek*y123. "
	    "You can find your API key at " URL_KEYS, "invalid_request_error",
	    NULL, "invalid_api_key"));
	CHECK_INT(242, rp.len);		/* as api.openai.com sent it */
	OPENAI_HEADERS();
	/* 12 characters or fewer: echoed whole. */
	GET("/v1/models", "Bearer api-key-here");
	EXPECT(401, api_error("Incorrect API key provided: api-key-here. "
	    "You can find your API key at " URL_KEYS, "invalid_request_error",
	    NULL, "invalid_api_key"));
	/* Quotes sent with the key are part of it. */
	GET("/v1/models", "Bearer \"" KEY("valid") "\"");
	EXPECT(401, api_error("Incorrect API key provided: \\\"sk-test"
	    "**************789\\\". You can find your API key at " URL_KEYS,
	    "invalid_request_error", NULL, "invalid_api_key"));
	/* Revoked reads the same as unknown; api-key works as Bearer. */
	req.api_key = KEY("revoked");
	GET("/v1/models", NULL);
	EXPECT(401, api_error("Incorrect API key provided: sk-test-"
	    "**************6789. You can find your API key at " URL_KEYS,
	    "invalid_request_error", NULL, "invalid_api_key"));
	CHECK_STR("api-key", mock_auth_name(seen.auth));
	CHECK_STR("revoked", seen.entry->name);
	req.api_key = NULL;
}

static void
test_mask(void)
{
	char *m;

	m = mock_mask("abc", 3);
	CHECK_STR("abc", m);
	free(m);
	m = mock_mask("123456789012", 12);
	CHECK_STR("123456789012", m);
	free(m);
	m = mock_mask("1234567890123", 13);
	CHECK_STR("12345678*0123", m);
	free(m);
	/* Characters, not bytes: 14 code points, the accents kept. */
	m = mock_mask("\xc3\xa9" "bcdefghijklm\xc3\xa9", 16);
	CHECK_STR("\xc3\xa9" "bcdefgh**klm\xc3\xa9", m);
	free(m);
}

static void
test_account(void)
{
	GET("/v1/models", BEARER("deactivated"));
	EXPECT(401, api_error("The OpenAI account associated with this API key "
	    "has been deactivated. If you are the developer for this OpenAI "
	    "app, please check your email for more information. If you are "
	    "seeing this error while using another app or site, please reach "
	    "out to them for more help.", "invalid_request_error", NULL,
	    "account_deactivated"));
	OPENAI_HEADERS();
	CHAT(BEARER("no-organization"), BODY("gpt-4o-mini"));
	EXPECT(401, api_error("You must be a member of an organization to use "
	    "the API. Please contact us through our help center at "
	    "help.openai.com.", "invalid_request_error", NULL,
	    "no_organization"));
	GET("/v1/me", BEARER("ip-not-authorized"));
	EXPECT(401, api_error("IP not authorized: your request IP does not "
	    "match the configured IP allowlist for your project or "
	    "organization.", "invalid_request_error", NULL,
	    "ip_not_authorized"));
	GET("/v1/models", BEARER("region"));
	EXPECT(403, "{\n  \"error\": {\n    \"code\": "
	    "\"unsupported_country_region_territory\",\n    \"message\": "
	    "\"Country, region, or territory not supported\",\n    \"param\": "
	    "null,\n    \"type\": \"request_forbidden\"\n  }\n}");
	OPENAI_HEADERS();
}

static void
test_binding(void)
{
	req.organization = "org-OTHER";
	GET("/v1/models", BEARER("bound"));
	EXPECT(401, api_error("OpenAI-Organization header should match "
	    "organization for API key", "invalid_request_error", NULL,
	    "mismatched_organization"));
	OPENAI_HEADERS();
	req.organization = "org-AAAA";
	req.project = "proj_OTHER";
	CHAT(BEARER("bound"), BODY("gpt-4o-mini"));
	EXPECT(401, api_error("OpenAI-Project header should match project "
	    "for API key", "invalid_request_error", NULL,
	    "mismatched_project"));
	req.project = "proj_BBBB";
	GET("/v1/models", BEARER("bound"));
	CHECK_INT(200, rp.status);
	HEADER("openai-organization", "acme");
	HEADER("openai-project", "proj_BBBB");
	/* Absent headers are fine; an unbound key takes any. */
	req.organization = req.project = NULL;
	GET("/v1/models", BEARER("bound"));
	CHECK_INT(200, rp.status);
	req.organization = "org-ANY";
	GET("/v1/models", BEARER("valid"));
	CHECK_INT(200, rp.status);
	CHECK(strncmp(mock_reply_header(&rp, "openai-organization"), "user-",
	    5) == 0 && strlen(mock_reply_header(&rp, "openai-organization")) ==
	    29);
	HEADER("openai-project", NULL);
	req.organization = NULL;
}

/* The API's text for a restricted key without scope. */
static const char *
missing_scope(const char *scope)
{
	static char msg[512];

	snprintf(msg, sizeof msg, "You have insufficient permissions for this "
	    "operation. Missing scopes: %s. Check that you have the correct "
	    "role in your organization (Reader, Writer, Owner) and project "
	    "(Member, Owner), and if you're using a restricted API key, that "
	    "it has the necessary scopes.", scope);
	return msg;
}

static void
test_scopes(void)
{
	const char *msg = missing_scope("api.model.read");

	GET("/v1/models", BEARER("restricted"));
	EXPECT(403, api_error(msg, "invalid_request_error", NULL, NULL));
	OPENAI_HEADERS();
	GET("/v1/models", BEARER("chat-only"));
	EXPECT(403, api_error(msg, "invalid_request_error", NULL, NULL));
	msg = missing_scope("model.request");
	CHAT(BEARER("restricted"), BODY("gpt-4o-mini"));
	EXPECT(401, api_error(msg, "invalid_request_error", NULL, NULL));
	OPENAI_HEADERS();
	CHAT(BEARER("chat-only"), BODY("gpt-4o-mini"));
	CHECK_INT(200, rp.status);
}

static void
test_limits(void)
{
	GET("/v1/models", BEARER("no-quota"));
	CHECK_INT(200, rp.status);
	CHAT(BEARER("no-quota"), BODY("gpt-4o-mini"));
	EXPECT(429, api_error("You exceeded your current quota, please check "
	    "your plan and billing details. For more information on this "
	    "error, read the docs: https://platform.openai.com/docs/guides/"
	    "error-codes/api-errors.", "insufficient_quota", NULL,
	    "insufficient_quota"));
	OPENAI_HEADERS();
	HEADER("retry-after", NULL);
	/* times 1: the first chat is limited, the next works. */
	GET("/v1/models", BEARER("rate"));
	CHECK_INT(200, rp.status);
	CHAT(BEARER("rate"), BODY("gpt-4o-mini"));
	EXPECT(429, api_error("Rate limit reached for gpt-4o-mini in "
	    "organization org-F1x401PracticeServer0 on requests per min (RPM): "
	    "Limit 3, Used 3, Requested 1. Please try again in 7s. Visit "
	    "https://platform.openai.com/account/rate-limits to learn more. "
	    "You can increase your rate limit by adding a payment method to "
	    "your account at https://platform.openai.com/account/billing.",
	    "requests", NULL, "rate_limit_exceeded"));
	HEADER("retry-after", "7");
	HEADER("x-ratelimit-remaining-requests", "0");
	CHAT(BEARER("rate"), BODY("gpt-4o-mini"));
	CHECK_INT(200, rp.status);
	HEADER("retry-after", NULL);
}

static void
test_models(void)
{
	CHAT(BEARER("allow"), BODY("gpt-4.1-nano"));
	EXPECT(403, api_error("Project `proj_CCCC` does not have access to "
	    "model `gpt-4.1-nano`", "invalid_request_error", NULL,
	    "model_not_found"));
	CHAT(BEARER("allow"), BODY("gpt-4o-mini"));
	CHECK_INT(200, rp.status);
	CHAT(BEARER("valid"), BODY("gpt-9"));
	EXPECT(404, api_error("The model `gpt-9` does not exist or you do not "
	    "have access to it.", "invalid_request_error", NULL,
	    "model_not_found"));
	CHECK_STR("gpt-9", seen.model);
	GET("/v1/models/gpt-9", BEARER("valid"));
	CHECK_INT(404, rp.status);
	GET("/v1/models/gpt-4o-mini", BEARER("valid"));
	EXPECT(200, "{\n  \"id\": \"gpt-4o-mini\",\n  \"object\": \"model\",\n"
	    "  \"created\": 1727810670,\n  \"owned_by\": \"system\"\n}");
	OPENAI_HEADERS();
	CHAT(BEARER("valid"), "{\"model\": \"o3-mini\", " MSGS
	    ", \"max_tokens\": 5}");
	EXPECT(400, api_error("Unsupported parameter: 'max_tokens' is not "
	    "supported with this model. Use 'max_completion_tokens' instead.",
	    "invalid_request_error", "max_tokens", "unsupported_parameter"));
	CHECK_STR("max_tokens", seen.token_param);
	CHAT(BEARER("valid"), "{\"model\": \"o3-mini\", " MSGS
	    ", \"max_completion_tokens\": 5}");
	CHECK_INT(200, rp.status);
	CHECK_STR("max_completion_tokens", seen.token_param);
	CHAT(BEARER("legacy"), "{\"model\": \"gpt-4o-mini\", " MSGS
	    ", \"max_completion_tokens\": 5}");
	EXPECT(400, api_error("Unsupported parameter: 'max_completion_tokens' "
	    "is not supported with this model. Use 'max_tokens' instead.",
	    "invalid_request_error", "max_completion_tokens",
	    "unsupported_parameter"));
	CHAT(BEARER("legacy"), "{\"model\": \"gpt-4o-mini\", " MSGS
	    ", \"max_tokens\": 5}");
	CHECK_INT(200, rp.status);
}

static void
test_requests(void)
{
	GET("/v1/foo", BEARER("valid"));
	EXPECT(404, api_error("Invalid URL (GET /v1/foo)",
	    "invalid_request_error", NULL, NULL));
	OPENAI_HEADERS();
	ASK("DELETE", "/v1/models", BEARER("valid"), NULL);
	EXPECT(404, api_error("Invalid URL (DELETE /v1/models)",
	    "invalid_request_error", NULL, NULL));
	GET("/v1/chat/completions", NULL);
	EXPECT(401, api_error("Missing bearer or basic authentication in "
	    "header", "invalid_request_error", NULL, NULL));
	CHAT(BEARER("valid"), "{not json");
	CHECK_INT(400, rp.status);
	CHECK(strstr(rp.body, "We could not parse the JSON body") != NULL);
	CHAT(BEARER("valid"), "{" MSGS "}");
	EXPECT(400, api_error("you must provide a model parameter",
	    "invalid_request_error", NULL, NULL));
	CHAT(BEARER("valid"), "{\"model\": \"gpt-4o-mini\"}");
	EXPECT(400, api_error("Missing required parameter: 'messages'.",
	    "invalid_request_error", "messages",
	    "missing_required_parameter"));
}

/* The members of object j, in order, joined by ','. */
static const char *
members(const cJSON *j)
{
	static char out[512];
	const cJSON *it;

	out[0] = '\0';
	cJSON_ArrayForEach(it, j)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s",
		    out[0] != '\0' ? "," : "", it->string);
	return out;
}

static void
test_success(void)
{
	cJSON *j, *c;

	CHAT(BEARER("bound"), BODY("gpt-4o-mini"));
	CHECK_INT(200, rp.status);
	OPENAI_HEADERS();
	HEADER("openai-organization", "acme");
	HEADER("x-ratelimit-limit-requests", "500");
	j = cJSON_ParseWithLength(rp.body, rp.len);
	CHECK_STR("id,object,created,model,choices,usage,service_tier,"
	    "system_fingerprint", members(j));
	CHECK(strncmp(cJSON_GetObjectItem(j, "id")->valuestring, "chatcmpl-",
	    9) == 0);
	CHECK_STR("gpt-4o-mini-2024-07-18",
	    cJSON_GetObjectItem(j, "model")->valuestring);
	c = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "choices"), 0);
	CHECK_STR("index,message,logprobs,finish_reason", members(c));
	CHECK_STR("role,content,refusal,annotations",
	    members(cJSON_GetObjectItem(c, "message")));
	CHECK_STR("stop", cJSON_GetObjectItem(c, "finish_reason")->valuestring);
	CHECK(strstr(rp.body, "\"refusal\": null,\n        \"annotations\": "
	    "[]\n") != NULL);
	cJSON_Delete(j);
	CHAT(BEARER("valid"), "{\"model\": \"gpt-4.1-nano\", " MSGS
	    ", \"max_completion_tokens\": 2}");
	CHECK(strstr(rp.body, "\"content\": \"Hello! This\",") != NULL);
	CHECK(strstr(rp.body, "\"finish_reason\": \"length\"") != NULL);
	GET("/v1/me", BEARER("bound"));
	CHECK_INT(200, rp.status);
	CHECK(strstr(rp.body, "\"id\": \"org-AAAA\"") != NULL);
	GET("/v1/models", BEARER("slow"));
	CHECK_INT(250, rp.delay_ms);
	HEADER("openai-processing-ms", "251");
}

int
main(void)
{
	if (!fixture_open())
		return 99;
	test_no_key();
	test_bad_key();
	test_mask();
	test_account();
	test_binding();
	test_scopes();
	test_limits();
	test_models();
	test_requests();
	test_success();
	fixture_close();
	return unit_done();
}
