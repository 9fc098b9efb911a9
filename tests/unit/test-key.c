/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Masks, fingerprints and placeholders (SPEC 4). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "key.h"
#include "unit.h"

/* A fake 164-character project key: sk-proj- + 74 + T3BlbkFJ + 74. */
static char *
fake_project_key(void)
{
	char *k = malloc(165);

	strcpy(k, "sk-proj-");
	for (int i = 0; i < 74; i++)
		k[8 + i] = "FAKEfake0123456789"[i % 18];
	memcpy(k + 82, "T3BlbkFJ", 8);
	for (int i = 0; i < 74; i++)
		k[90 + i] = "fakeFAKE9876543210"[i % 18];
	memcpy(k + 160, "21sA", 4);
	k[164] = '\0';
	return k;
}

static void
test_mask(void)
{
	char *k = fake_project_key(), *m;

	CHECK_INT(164, key_length(k, strlen(k)));
	m = key_mask(k, strlen(k), false);
	CHECK_STR("sk-proj-\xe2\x80\xa6" "21sA", m);
	free(m);
	m = key_mask(k, strlen(k), true);
	CHECK_STR("sk-proj-...21sA", m);
	free(m);
	/* The OpenAI mask keeps the length: 8 + 152 stars + 4. */
	m = key_openai_mask(k, strlen(k));
	CHECK_INT(164, strlen(m));
	CHECK(strncmp(m, "sk-proj-****", 12) == 0);
	CHECK_STR("21sA", m + 160);
	CHECK(strspn(m + 8, "*") == 152);
	free(m);
	free(k);

	/* Long prefixes are cut so that at most 12 characters show. */
	m = key_mask("sk-svcacct-AAAAAAAAAAAAAAAAAAAAAAAAAAwxyz", 41, true);
	CHECK_STR("sk-svcac...wxyz", m);
	free(m);
	/* Unknown shapes show no prefix. */
	m = key_mask("https://api.example.com/v1/xyzw", 31, true);
	CHECK_STR("...xyzw", m);
	free(m);
	/* Quotes and control characters stay visible but harmless. */
	m = key_mask("\"sk-proj-abcdefghijkl1sA\"", 25, true);
	CHECK_STR("...1sA\"", m);
	free(m);
	m = key_mask("sk-abcdefghijklmn\r\x1b", 19, true);
	CHECK_STR("sk-...mn??", m);
	free(m);
}

static void
test_short(void)
{
	/* 12 characters or fewer: never shown, by either mask. */
	CHECK(key_mask("api-key-here", 12, false) == NULL);
	CHECK(key_openai_mask("api-key-here", 12) == NULL);
	CHECK(key_mask("", 0, false) == NULL);
	char *m = key_openai_mask("fk-fakekey123", 13);
	CHECK_STR("fk-fakek*y123", m);	/* the mask the real API sends */
	free(m);
	/* Lengths count characters, not bytes. */
	CHECK_INT(13, key_length("sk-\xe2\x80\x8b" "abcdefghi", 15));
	m = key_mask("sk-\xe2\x80\x8b" "abcdefghij", 16, true);
	CHECK_STR("sk-...ghij", m);
	free(m);
}

static void
test_fingerprint(void)
{
	char fp[9];

	/* sha256("") = e3b0c442... ; sha256("abc") = ba7816bf... */
	key_fingerprint("", 0, fp);
	CHECK_STR("e3b0c442", fp);
	key_fingerprint("abc", 3, fp);
	CHECK_STR("ba7816bf", fp);
}

static void
test_placeholder(void)
{
	static const char *const yes[] = {
		"sk-your-key-here", "YOUR_API_KEY", "<your key>", "xxxxxxxx",
		"None", "undefined", "null", "true", "OPENAI_API_KEY",
		"${OPENAI_API_KEY}", "", "sk-...", "changeme",
	};
	static const char *const no[] = {
		"sk-proj-AbCdEf0123456789", "gsk_abcdefABCDEF0123",
		"sk-or-v1-0123456789abcdef",
	};

	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		CHECK(key_is_placeholder(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		CHECK(!key_is_placeholder(no[i], strlen(no[i])));
}

int
main(void)
{
	test_mask();
	test_short();
	test_fingerprint();
	test_placeholder();
	return unit_done();
}
