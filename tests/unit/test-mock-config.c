/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401-mock's JSON printer, the checks on its config file, and the
 * shipped data/mock.json (the names tests use, fake keys of real shapes). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "mock-config.h"
#include "mock-json.h"
#include "unit.h"

static void
test_json(void)
{
	cJSON *j = cJSON_Parse("{\"a\":[],\"b\":{},\"c\":[1,true,null],"
	    "\"d\":\"q\\\"\\\\\\n\\u0001\\u00e9/\",\"e\":-2.5}");
	size_t len;
	char *s;

	s = mock_json_text(j, 2, &len);
	CHECK_STR("{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    "
	    "true,\n    null\n  ],\n  \"d\": "
	    "\"q\\\"\\\\\\n\\u0001\xc3\xa9/\",\n  \"e\": -2.5\n}", s);
	free(s);
	s = mock_json_text(j, 0, &len);
	CHECK_STR("{\"a\":[],\"b\":{},\"c\":[1,true,null],\"d\":"
	    "\"q\\\"\\\\\\n\\u0001\xc3\xa9/\",\"e\":-2.5}", s);
	free(s);
	cJSON_Delete(j);
	/* Invalid UTF-8 becomes U+FFFD: the text stays valid JSON. */
	j = cJSON_CreateString("a\xff" "b");
	s = mock_json_text(j, 2, &len);
	CHECK_STR("\"a\xef\xbf\xbd" "b\"", s);
	free(s);
	cJSON_Delete(j);
}

/* mock_config_parse(text) fails with a message holding want. */
static void
bad_config(const char *text, const char *want, int line)
{
	char *cause = NULL;
	struct mock_config *c = mock_config_parse(text, strlen(text),
	    "test.json", &cause);

	unit_true(c == NULL && cause != NULL &&
	    strncmp(cause, "test.json: ", 11) == 0 &&
	    strstr(cause, want) != NULL, want, __FILE__, line);
	if (cause != NULL && strstr(cause, want) == NULL)
		fprintf(stderr, "  got: %s\n", cause);
	mock_config_free(c);
	free(cause);
}
#define BAD(text, want)	bad_config((text), (want), __LINE__)
#define ONE(members)	"{\"keys\": [{\"name\": \"a\", \"key\": \"k\", " \
	"\"behaviour\": \"valid\"" members "}]}"

static void
test_config(void)
{
	BAD("{\n\"keys\": [\n}\n", "not valid JSON (line 3)");
	BAD("[]", "the top level must be a JSON object");
	BAD("{\"key\": []}", "\"key\" is not a member the top level may have");
	BAD("{\"models\": [1]}", "\"models\" must be an array of strings");
	BAD(ONE(", \"colour\": 1"), "keys[0]: \"colour\" is not a member");
	BAD(ONE(", \"times\": -1"), "\"times\" must be a whole number");
	BAD(ONE(", \"latency_ms\": 1.5"), "\"latency_ms\" must be a whole");
	BAD(ONE(", \"legacy_params\": 1"), "must be true or false");
	BAD(ONE(", \"scopes\": [\"x\"]"), "may hold only");
	BAD(ONE(", \"name\": \"b\""), "\"name\" comes twice");
	BAD("{\"keys\": [{\"name\": \"a\", \"key\": \"k\", \"behaviour\": "
	    "\"sleepy\"}]}", "\"behaviour\" is not a behaviour");
	BAD("{\"keys\": [{\"name\": \"a\", \"key\": \"k k\", \"behaviour\": "
	    "\"valid\"}]}", "holds a blank");
	BAD("{\"keys\": [{\"name\": \"a\", \"behaviour\": \"valid\"}]}",
	    "keys[0] needs \"name\", \"key\" and \"behaviour\"");
	BAD("{\"keys\": [{\"name\": \"a\", \"key\": \"k\", \"behaviour\": "
	    "\"valid\"}, {\"name\": \"a\", \"key\": \"j\", \"behaviour\": "
	    "\"valid\"}]}", "two keys are named \"a\"");
	BAD("{\"keys\": [{\"name\": \"a\", \"key\": \"k\", \"behaviour\": "
	    "\"valid\"}, {\"name\": \"b\", \"key\": \"k\", \"behaviour\": "
	    "\"valid\"}]}", "\"a\" and \"b\" have the same key");
}

/* data/mock.json: the names tests use, fake keys of real shapes. */
static void
test_shipped(void)
{
	static const char *const names[] = { "valid", "valid-unbound",
	    "valid-legacy", "revoked", "deactivated", "no-organization",
	    "bound", "restricted", "ip-blocked", "no-quota", "rate-limited",
	    "rate-limited-always", "model-allowlist", "region",
	    "legacy-params", "slow", "hang", "server-500", "server-503", "html",
	    "not-json", "redirect", "huge", "ansi", "proxy-401", "azure",
	    "openrouter", "gemini", "mistral", "xai", "vllm", "demo" };
	const char *dir = getenv("FIX401_DATADIR");
	char path[4096], *cause = NULL;
	struct mock_config *c;
	struct mock_key *k;

	snprintf(path, sizeof path, "%s/mock.json", dir != NULL ? dir :
	    "data");
	c = mock_config_load(path, &cause);
	CHECK_STR(NULL, cause);
	for (size_t i = 0; c != NULL && i < sizeof names / sizeof *names; i++) {
		k = mock_config_named(c, names[i]);
		unit_true(k != NULL, names[i], __FILE__, __LINE__);
		if (k == NULL || strcmp(names[i], "valid-legacy") == 0)
			continue;
		unit_true(k->key_len == 164 && strncmp(k->key, "sk-proj-", 8) ==
		    0 && memcmp(k->key + 82, "T3BlbkFJ", 8) == 0, names[i],
		    __FILE__, __LINE__);
	}
	k = c != NULL ? mock_config_named(c, "valid-legacy") : NULL;
	CHECK(k != NULL && k->key_len == 51 && memcmp(k->key + 23,
	    "T3BlbkFJ", 8) == 0);
	k = c != NULL ? mock_config_named(c, "valid") : NULL;
	CHECK(k != NULL && k->organization != NULL && k->project != NULL &&
	    strncmp(k->organization, "org-", 4) == 0 &&
	    strncmp(k->project, "proj_", 5) == 0);
	mock_config_free(c);
	free(cause);
}

int
main(void)
{
	test_json();
	test_config();
	test_shipped();
	return unit_done();
}
