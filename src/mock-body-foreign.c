/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Answers fix401-mock gives as something other than the OpenAI API: a
 * captive portal, a redirect, plain text, a proxy's 401, and the 401/400
 * bodies of Azure, OpenRouter, Gemini, Mistral, xAI and vLLM, verbatim
 * from the reference (openai-api-facts.md section 1b). */
#include <config.h>

#include "mock-body.h"

#include <stdlib.h>
#include <string.h>

#include "mock-json.h"
#include "utf8.h"
#include "xalloc.h"

#define PORTAL_URL	"http://portal.example/login"

static const char portal_html[] =
    "<!DOCTYPE html>\n"
    "<html>\n"
    "<head><title>Guest Wi-Fi - Sign in</title></head>\n"
    "<body>\n"
    "<h1>Welcome to Guest Wi-Fi</h1>\n"
    "<p>Please accept the terms of use to connect to the Internet.</p>\n"
    "<form method=\"post\" action=\"/login\">"
    "<button type=\"submit\">Accept and connect</button></form>\n"
    "</body>\n"
    "</html>\n";

static const char moved_html[] =
    "<html>\n"
    "<head><title>302 Found</title></head>\n"
    "<body>\n"
    "<h1>Found</h1>\n"
    "<p>The document has moved <a href=\"" PORTAL_URL "\">here</a>.</p>\n"
    "</body>\n"
    "</html>\n";

static const char azure_json[] = "{\"error\":{\"code\":\"401\",\"message\":"
    "\"Access denied due to invalid subscription key or wrong API "
    "endpoint. Make sure to provide a valid key for an active subscription "
    "and use a correct regional API endpoint for your resource.\"}}";

static const char gemini_message[] =
    "API key not valid. Please pass a valid API key.";

static void
set_text(struct mock_reply *r, unsigned int status, const char *type,
    const char *text)
{
	r->status = status;
	r->len = strlen(text);
	r->body = xmemdup(text, r->len);
	mock_reply_add(r, "content-type", "%s", type);
}

/* Google prints the object with 2 spaces inside "[" and "\n]". */
static void
gemini(struct mock_reply *r)
{
	cJSON *root = mock_json_object(), *e, *details, *d;
	struct buf b = { 0 };

	e = mock_json_add(root, "error", mock_json_object());
	mock_json_add(e, "code", mock_json_num(400));
	mock_json_add(e, "message", mock_json_str(gemini_message));
	mock_json_add(e, "status", mock_json_str("INVALID_ARGUMENT"));
	details = mock_json_add(e, "details", mock_json_array());
	d = mock_json_push(details, mock_json_object());
	mock_json_add(d, "@type",
	    mock_json_str("type.googleapis.com/google.rpc.ErrorInfo"));
	mock_json_add(d, "reason", mock_json_str("API_KEY_INVALID"));
	mock_json_add(d, "domain", mock_json_str("googleapis.com"));
	mock_json_add(mock_json_add(d, "metadata", mock_json_object()),
	    "service", mock_json_str("generativelanguage.googleapis.com"));
	d = mock_json_push(details, mock_json_object());
	mock_json_add(d, "@type",
	    mock_json_str("type.googleapis.com/google.rpc.LocalizedMessage"));
	mock_json_add(d, "locale", mock_json_str("en-US"));
	mock_json_add(d, "message", mock_json_str(gemini_message));
	buf_addc(&b, '[');
	mock_json_print(&b, root, 2);
	buf_add(&b, "\n]", 2);
	cJSON_Delete(root);
	r->status = 400;
	r->body = buf_take(&b, &r->len);
	mock_reply_add(r, "content-type", "application/json; charset=UTF-8");
}

/* xAI echoes the first 2 and the last 2 characters: "sk***gA". */
static void
xai(struct mock_reply *r, const char *k, size_t len)
{
	cJSON *root = mock_json_object();
	size_t n = utf8_length(k, len);
	size_t head = n >= 4 ? utf8_offset(k, len, 2) : 0;
	size_t tail = n >= 4 ? utf8_offset(k, len, n - 2) : len;
	char *msg;

	msg = xasprintf("Incorrect API key provided: %.*s***%.*s. You can "
	    "obtain an API key from https://console.x.ai.", (int)head, k,
	    (int)(len - tail), k + tail);
	mock_json_add(root, "code",
	    mock_json_str("Client specified an invalid argument"));
	mock_json_add(root, "error", mock_json_str(msg));
	free(msg);
	r->status = 400;
	r->body = mock_json_text(root, 0, &r->len);
	cJSON_Delete(root);
	mock_reply_add(r, "content-type", "application/json");
}

/* A proxy's 401: the API's body for a wrong key, but none of its
 * headers (no www-authenticate: that is how a client can tell). */
static void
proxy_401(struct mock_reply *r, const char *k, size_t len)
{
	char *msg = mock_body_incorrect(k, len);

	mock_body_error(r, 401, 2, msg, "invalid_request_error", NULL,
	    "invalid_api_key");
	free(msg);
}

/* "8-4-4-4-12" from the request id's 32 hex digits. */
static void
azure_request_id(struct mock_reply *r, const char *rid)
{
	const char *h = strlen(rid) == 36 ? rid + 4 :
	    "00000000000000000000000000000000";

	mock_reply_add(r, "apim-request-id", "%.8s-%.4s-%.4s-%.4s-%.12s", h,
	    h + 8, h + 12, h + 16, h + 20);
}

bool
mock_body_is_foreign(enum mock_behaviour b)
{
	switch (b) {
	case MOCK_HTML: case MOCK_NOT_JSON: case MOCK_REDIRECT:
	case MOCK_PROXY_401: case MOCK_AZURE: case MOCK_OPENROUTER:
	case MOCK_GEMINI: case MOCK_MISTRAL: case MOCK_XAI: case MOCK_VLLM:
		return true;
	default:
		return false;
	}
}

void
mock_body_foreign(struct mock_reply *r, enum mock_behaviour b,
    const struct mock_request *rq, const char *k, size_t len)
{
	const char *json = "application/json";

	if (b == MOCK_HTML)
		set_text(r, 200, "text/html; charset=utf-8", portal_html);
	else if (b == MOCK_NOT_JSON)
		set_text(r, 200, "text/plain; charset=utf-8", "OK");
	else if (b == MOCK_REDIRECT) {
		set_text(r, 302, "text/html; charset=utf-8", moved_html);
		mock_reply_add(r, "location", PORTAL_URL);
	} else if (b == MOCK_PROXY_401)
		proxy_401(r, k, len);
	else if (b == MOCK_AZURE) {
		set_text(r, 401, json, azure_json);
		azure_request_id(r, rq->request_id);
	} else if (b == MOCK_OPENROUTER)
		set_text(r, 401, json, "{\"error\":{\"message\":"
		    "\"User not found.\",\"code\":401}}");
	else if (b == MOCK_GEMINI)
		gemini(r);
	else if (b == MOCK_MISTRAL)
		set_text(r, 401, json, "{\"detail\":\"Unauthorized\"}");
	else if (b == MOCK_XAI)
		xai(r, k, len);
	else if (b == MOCK_VLLM)
		set_text(r, 401, json, "{\"error\":\"Unauthorized\"}");
}
