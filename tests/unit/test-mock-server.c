/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401-mock's other answers: server failures, hang, huge and hostile
 * bodies, what stands in for the API (portal, redirect, proxy, other
 * providers), the text/plain 401, and the log line. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "mock-body.h"
#include "mock-fixture.h"
#include "mock-log.h"
#include "unit.h"

static void
test_server(void)
{
	cJSON *j;

	GET("/v1/models", BEARER("hang"));
	CHECK(rp.hang);
	GET("/v1/nowhere", BEARER("server-500"));
	EXPECT(500, api_error("The server had an error while processing your "
	    "request. Sorry about that!", "server_error", NULL, NULL));
	OPENAI_HEADERS();
	CHAT(BEARER("server-503"), BODY("gpt-4o-mini"));
	EXPECT(503, api_error("The server is overloaded or not ready yet.",
	    "server_error", NULL, NULL));
	GET("/v1/models", BEARER("ansi"));
	CHECK_INT(401, rp.status);
	OPENAI_HEADERS();
	CHECK(strstr(rp.body, "\"message\": \"\\u001b[2J\\u001b[H\\u001b[1;31m"
	    "Your API key was leaked!\\u001b[0m\\r\\u001b]0;pwned\\u0007") !=
	    NULL);
	j = cJSON_ParseWithLength(rp.body, rp.len);
	CHECK_STR(mock_msg_ansi, cJSON_GetObjectItem(cJSON_GetObjectItem(j,
	    "error"), "message")->valuestring);
	cJSON_Delete(j);
	GET("/v1/models", BEARER("huge"));
	CHECK(rp.status == 200 && rp.len > 1024 * 1024);
	CHAT(BEARER("huge"), BODY("gpt-4o-mini"));
	CHECK(rp.status == 200 && rp.len > 1024 * 1024);
}

static void
test_foreign(void)
{
	GET("/v1/models", BEARER("html"));
	CHECK_INT(200, rp.status);
	HEADER("content-type", "text/html; charset=utf-8");
	CHECK(strncmp(rp.body, "<!DOCTYPE html>\n<html>", 22) == 0);
	HEADER("x-request-id", NULL);
	GET("/v1/models", BEARER("not-json"));
	EXPECT(200, "OK");
	HEADER("content-type", "text/plain; charset=utf-8");
	GET("/v1/models", BEARER("redirect"));
	CHECK_INT(302, rp.status);
	HEADER("location", "http://portal.example/login");
	GET("/v1/models", BEARER("proxy-401"));
	EXPECT(401, api_error("Incorrect API key provided: sk-test-"
	    "****************6789. You can find your API key at " URL_KEYS,
	    "invalid_request_error", NULL, "invalid_api_key"));
	HEADER("www-authenticate", NULL);
	HEADER("x-request-id", NULL);
	HEADER("openai-version", NULL);
}

/* Other providers' answers to a wrong key, verbatim. */
static void
test_providers(void)
{
	GET("/v1/models", BEARER("azure"));
	EXPECT(401, "{\"error\":{\"code\":\"401\",\"message\":\"Access denied "
	    "due to invalid subscription key or wrong API endpoint. Make sure "
	    "to provide a valid key for an active subscription and use a "
	    "correct regional API endpoint for your resource.\"}}");
	CHECK_INT(224, rp.len);
	HEADER("apim-request-id", "01234567-89ab-cdef-0123-456789abcdef");
	GET("/v1/models", BEARER("openrouter"));
	EXPECT(401, "{\"error\":{\"message\":\"User not found.\","
	    "\"code\":401}}");
	CHAT(BEARER("mistral"), BODY("gpt-4o-mini"));
	EXPECT(401, "{\"detail\":\"Unauthorized\"}");
	GET("/v1/models", BEARER("vllm"));
	EXPECT(401, "{\"error\":\"Unauthorized\"}");
	GET("/v1/models", BEARER("xai"));
	EXPECT(400, "{\"code\":\"Client specified an invalid argument\","
	    "\"error\":\"Incorrect API key provided: sk***89. You can obtain "
	    "an API key from https://console.x.ai.\"}");
	GET("/v1/models", BEARER("gemini"));
	EXPECT(400, "[{\n  \"error\": {\n    \"code\": 400,\n    \"message\": "
	    "\"API key not valid. Please pass a valid API key.\",\n    "
	    "\"status\": \"INVALID_ARGUMENT\",\n    \"details\": [\n      {\n"
	    "        \"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\",\n"
	    "        \"reason\": \"API_KEY_INVALID\",\n        \"domain\": "
	    "\"googleapis.com\",\n        \"metadata\": {\n          "
	    "\"service\": \"generativelanguage.googleapis.com\"\n        }\n"
	    "      },\n      {\n        \"@type\": "
	    "\"type.googleapis.com/google.rpc.LocalizedMessage\",\n        "
	    "\"locale\": \"en-US\",\n        \"message\": \"API key not valid. "
	    "Please pass a valid API key.\"\n      }\n    ]\n  }\n}\n]");
	HEADER("content-type", "application/json; charset=UTF-8");
}

/* Decodes base64 s into a new string (caller frees). */
static char *
unbase64(const char *s)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
	    "opqrstuvwxyz0123456789+/";
	size_t n = strlen(s), o = 0;
	char *out = calloc(1, n + 1);
	unsigned long acc = 0;
	int bits = 0;

	for (size_t i = 0; out != NULL && i < n && s[i] != '='; i++) {
		acc = acc << 6 | (unsigned long)(strchr(a, s[i]) - a);
		if ((bits += 6) >= 8)
			out[o++] = (char)(acc >> (bits -= 8) & 0xff);
	}
	return out;
}

static void
test_text401(void)
{
	char *json;

	GET("/v1/models", BEARER("text-401"));
	CHECK_INT(401, rp.status);
	HEADER("content-type", "application/json");
	CHAT(BEARER("text-401"), BODY("gpt-4o-mini"));
	CHECK_INT(401, rp.status);
	HEADER("content-type", "text/plain; charset=utf-8");
	HEADER("x-openai-ide-error-code", "invalid_api_key");
	json = unbase64(mock_reply_header(&rp, "x-error-json"));
	CHECK_STR("{\n  \"error\": {\n    \"message\": \"Incorrect API key "
	    "provided: sk-test-***************6789. You can find your API "
	    "key at " URL_KEYS "\",\n    \"type\": \"invalid_request_error\",\n"
	    "    \"code\": \"invalid_api_key\",\n    \"param\": null\n  },\n"
	    "  \"status\": 401\n}", json);
	free(json);
}

static void
test_log(void)
{
	size_t len;
	char *line;

	req.user_agent = "curl/8 " KEY("valid");
	CHAT(BEARER("valid"), "{\"model\": \"gpt-4o-mini\", " MSGS
	    ", \"max_completion_tokens\": 5}");
	line = mock_log_line(&req, &seen, &rp, &len);
	CHECK_INT(strlen(line), len);
	CHECK_STR("{\"time\":\"2023-11-14T22:13:20Z\",\"request_id\":\"" RID
	    "\",\"method\":\"POST\",\"path\":\"/v1/chat/completions\","
	    "\"auth\":\"bearer\",\"key\":\"sk-test-************6789\","
	    "\"key_length\":24,\"key_name\":\"valid\",\"organization\":null,"
	    "\"project\":null,\"model\":\"gpt-4o-mini\",\"token_param\":"
	    "\"max_completion_tokens\",\"user_agent\":\"curl/8 "
	    "sk-test-************6789\",\"status\":200,\"delay_ms\":0}\n",
	    line);
	free(line);
	req.user_agent = NULL;
	GET("/v1/models", "Bearer short-key");
	line = mock_log_line(&req, &seen, &rp, &len);
	CHECK(strstr(line, "\"key\":\"*********\",\"key_length\":9,"
	    "\"key_name\":null") != NULL);
	free(line);
	GET("/v1/models", BEARER("hang"));
	line = mock_log_line(&req, &seen, &rp, &len);
	CHECK(strstr(line, "\"status\":null") != NULL);
	free(line);
}

int
main(void)
{
	if (!fixture_open())
		return 99;
	test_server();
	test_foreign();
	test_providers();
	test_text401();
	test_log();
	fixture_close();
	return unit_done();
}
