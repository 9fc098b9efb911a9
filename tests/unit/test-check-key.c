/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* key-format, key-provider and base-url over fake contexts: every pass,
 * warn, fail and skip branch, and never a fake key in any text. */
#include <config.h>

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "check-fixture.h"
#include "unit.h"

#define S(lit)	lit, sizeof(lit) - 1
#define ALNUM	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
#define WORD	ALNUM "_-"
#define HEX	"0123456789abcdef"
#define MARK	"T3BlbkFJ"

static const struct providers *ps;	/* data/providers.json */
static char keys[32][256];		/* every fake key made so far */
static size_t nkeys;

/* A new fake key: prefix, then characters cycled from set up to total
 * characters, marker in the middle and suffix at the end (either may be
 * NULL).  Each key's body differs, so its middle bytes are its own. */
static const char *
fake(const char *prefix, size_t total, const char *set, const char *marker,
    const char *suffix)
{
	size_t p = strlen(prefix), n = strlen(set), seed = nkeys * 5;
	size_t sl = suffix != NULL ? strlen(suffix) : 0;
	char *k;

	if (nkeys >= 32 || total >= sizeof keys[0] || total < p + sl)
		exit(99);
	k = keys[nkeys++];
	memcpy(k, prefix, p);
	for (size_t i = p; i < total; i++)
		k[i] = set[(i * 7 + 3 + seed) % n];
	k[total] = '\0';
	if (marker != NULL)
		memcpy(k + p + (total - p - strlen(marker)) / 2, marker,
		    strlen(marker));
	if (sl > 0)
		memcpy(k + total - sl, suffix, sl);
	return k;
}

/* True when text holds any fake key, whole or its middle 8 bytes. */
static bool
leaks(const char *text)
{
	for (size_t i = 0; text != NULL && i < nkeys; i++) {
		size_t n = strlen(keys[i]);
		char mid[9];

		memcpy(mid, keys[i] + n / 2 - 4, 8);
		mid[8] = '\0';
		if (strstr(text, keys[i]) != NULL || strstr(text, mid) != NULL)
			return true;
	}
	return false;
}

/* The fixture over file (NULL: no .env), with the providers table. */
static void
fx_open(struct fixture *fx, const char *file)
{
	fx_init(fx, file, file != NULL ? strlen(file) : 0);
	fx->ctx.providers = ps;
}

/* Adds name=value to the environment. */
static void
fx_env(struct fixture *fx, const char *name, const char *value)
{
	sources_add(&fx->src, name, SOURCE_ENV, NULL, 0, value, strlen(value));
}

/* Runs check id; checks the status, that the summary holds want and the
 * fix holds fix (each if not NULL), and that no text holds a key. */
static void
expect(struct fixture *fx, const char *id, enum check_status st,
    const char *want, const char *fix, int line)
{
	struct check_result r = { 0 };

	check_run(check_find(id), &fx->ctx, &r);
	unit_long(st, r.status, id, __FILE__, line);
	unit_true(r.summary != NULL && (want == NULL ||
	    strstr(r.summary, want) != NULL), want ? want : "a summary",
	    __FILE__, line);
	unit_true(fix == NULL || (r.fix != NULL && strstr(r.fix, fix) != NULL),
	    fix ? fix : "", __FILE__, line);
	unit_true(!leaks(r.summary) && !leaks(r.detail) && !leaks(r.fix),
	    "no key in any text", __FILE__, line);
	if (unit_failures > 0 && r.summary != NULL)
		fprintf(stderr, "    %d: %s | %s | %s\n", line, r.summary,
		    r.detail ? r.detail : "-", r.fix ? r.fix : "-");
	check_result_clear(&r);
}

#define EXPECT(fx, id, st, want, fix) \
	expect(fx, id, st, want, fix, __LINE__)

/* One check over a .env text and optional environment variables (name,
 * value pairs, NULL-terminated). */
static void
one(const char *file, const char *base, const char *id, enum check_status st,
    const char *want, const char *fix, int line, ...)
{
	struct fixture fx;
	va_list ap;
	const char *n, *v;

	fx_open(&fx, file);
	fx.ctx.base_url = base;
	va_start(ap, line);
	while ((n = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		fx_env(&fx, n, v);
	}
	va_end(ap);
	fx_decide(&fx);
	expect(&fx, id, st, want, fix, line);
	fx_free(&fx);
}

#define ONE(file, base, id, st, want, fix, ...) \
	one(file, base, id, st, want, fix, __LINE__, __VA_ARGS__, NULL)

/* A .env holding OPENAI_API_KEY=k, then more (a static buffer). */
static const char *
env_file(const char *k, const char *more)
{
	static char buf[2][1024];
	static int next;
	char *b = buf[next++ % 2];

	snprintf(b, sizeof buf[0], "OPENAI_API_KEY=%s\n%s", k, more);
	return b;
}

static void
test_format_skip(void)
{
	struct fixture fx;
	const char *k = fake("sk-proj-", 164, WORD, MARK, NULL);

	CHECK(leaks(k) && leaks(k + 60) && !leaks("sk-proj-"));
	ONE(NULL, NULL, "key-format", CHECK_SKIP, "no key wins", NULL,
	    "OPENAI_ORG_ID", "org-abc");
	ONE(NULL, NULL, "key-format", CHECK_SKIP, "empty", NULL,
	    "OPENAI_API_KEY", "");
	fx_open(&fx, env_file(k, ""));
	fx.ctx.providers = NULL;
	fx_decide(&fx);
	EXPECT(&fx, "key-format", CHECK_SKIP, "provider data not found", NULL);
	EXPECT(&fx, "key-provider", CHECK_SKIP, "provider data not found",
	    NULL);
	fx_free(&fx);
}

static void
test_format_keys(void)
{
	const char *k = fake("sk-proj-", 164, WORD, MARK, NULL);

	ONE(env_file(k, ""), NULL, "key-format", CHECK_PASS,
	    "in /p/.env:1 looks like a key from OpenAI: sk-proj-\xe2\x80\xa6",
	    NULL, NULL);
	ONE(NULL, NULL, "key-format", CHECK_PASS, "(164 chars)", NULL,
	    "OPENAI_API_KEY", k);
	ONE(env_file(fake("gsk_", 56, ALNUM, NULL, NULL), ""), NULL,
	    "key-format", CHECK_PASS, "from Groq", NULL, NULL);
	ONE(env_file(fake("", 32, HEX, NULL, NULL), ""), NULL, "key-format",
	    CHECK_PASS, "from Azure OpenAI", NULL, NULL);
	/* Cut off: 150 of 164, and 100 of 132. */
	ONE(env_file(fake("sk-proj-", 150, WORD, MARK, NULL), ""), NULL,
	    "key-format", CHECK_FAIL, "cut off: a whole key of its kind from "
	    "OpenAI has 164 characters, not 150", "put your real key at "
	    "/p/.env:1", NULL);
	ONE(NULL, NULL, "key-format", CHECK_FAIL, "has 132 characters, not 100",
	    "export OPENAI_API_KEY", "OPENAI_API_KEY",
	    fake("sk-proj-", 100, WORD, MARK, NULL));
	ONE(env_file(fake("sk-proj-", 170, WORD, MARK, NULL), ""), NULL,
	    "key-format", CHECK_WARN, "longer than any key from OpenAI", NULL,
	    NULL);
	ONE(env_file(fake("sk-proj-", 164, WORD, NULL, NULL), ""), NULL,
	    "key-format", CHECK_WARN, "starts like a key from OpenAI", NULL,
	    NULL);
	ONE(env_file(fake("sk-", 30, ALNUM, NULL, NULL), ""), NULL,
	    "key-format", CHECK_WARN, "no known shape", NULL, NULL);
	ONE(env_file(fake("sk-", 30, ALNUM, NULL, NULL), ""),
	    "http://localhost:4000/v1", "key-format", CHECK_PASS,
	    "custom server", NULL, NULL);
	ONE(env_file(fake("sk-or-v1-", 73, "0123456789ABCDEF", NULL, NULL),
	    ""), NULL, "key-format", CHECK_WARN, "characters that keys from "
	    "OpenRouter never have", NULL, NULL);
	ONE(env_file(fake("", 40, ALNUM, NULL, NULL), ""), NULL, "key-format",
	    CHECK_WARN, "no prefix or shape", NULL, NULL);
	ONE(env_file(fake("", 40, ALNUM, NULL, NULL), ""),
	    "https://llm.example.com/v1", "key-format", CHECK_PASS,
	    "custom server", NULL, NULL);
}

static void
test_format_not_keys(void)
{
	static const struct {
		const char	*v, *want;
	} cases[] = {
		{ "sk-your-key-here",
		    "placeholder, not a key: sk-\xe2\x80\xa6here (16 chars)" },
		{ "YOUR_API_KEY", "placeholder, not a key: 12 characters" },
		{ "None", "placeholder, not a key: 4 characters" },
		{ "undefined", "placeholder" },
		{ "<your-openai-key>", "placeholder" },
		{ "OPENAI_API_KEY", "placeholder" },
		{ "$OPENAI_API_KEY", "placeholder" },
		{ "%OPENAI_API_KEY%", "placeholder" },
		{ "https://api.openai.com/v1", "web address, not a key" },
		{ "You are a helpful assistant", "holds words" },
		{ "org-AbCdEf0123456789abcdEFGH", "organization id" },
		{ "proj_AbCdEf0123456789abcd", "project id" },
		{ "sess-AbCdEf0123456789abcdEFGHijkl0123456789",
		    "session token" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ONE(NULL, NULL, "key-format", CHECK_FAIL, cases[i].want, NULL,
		    "OPENAI_API_KEY", cases[i].v);
		ONE(env_file(cases[i].v, ""), NULL, "key-format", CHECK_FAIL,
		    "in /p/.env:1", "/p/.env:1", NULL);
	}
}

static void
test_format_hidden(void)
{
	const char *k = fake("sk-proj-", 164, WORD, MARK, NULL);
	char v[300];

	snprintf(v, sizeof v, "%s\n", k);
	ONE(NULL, NULL, "key-format", CHECK_FAIL, "a line break at character "
	    "165 of 165", "copy the key again", "OPENAI_API_KEY", v);
	snprintf(v, sizeof v, "%.20s\xe2\x80\x8b%s", k, k + 20);
	ONE(NULL, NULL, "key-format", CHECK_FAIL, "zero-width space (U+200B) "
	    "at character 21", NULL, "OPENAI_API_KEY", v);
	snprintf(v, sizeof v, "%s\xc2\xa0", k);
	ONE(NULL, NULL, "key-format", CHECK_FAIL, "no-break space", NULL,
	    "OPENAI_API_KEY", v);
	snprintf(v, sizeof v, "\"%s\"", k);
	ONE(NULL, NULL, "key-format", CHECK_FAIL, "a quote mark at character 1",
	    NULL, "OPENAI_API_KEY", v);
	snprintf(v, sizeof v, "%s\xe2\x80\x9d", k);
	ONE(NULL, NULL, "key-format", CHECK_FAIL, "a curly quote mark", NULL,
	    "OPENAI_API_KEY", v);
	snprintf(v, sizeof v, "%s\xff", k);
	ONE(NULL, NULL, "key-format", CHECK_FAIL, "not UTF-8", NULL,
	    "OPENAI_API_KEY", v);
	snprintf(v, sizeof v, "%.30s\xe2\x80\x8c%s", k, k + 30);
	ONE(NULL, NULL, "key-format", CHECK_FAIL, "U+200C", NULL,
	    "OPENAI_API_KEY", v);
	/* In .env the value is cleaned, but the line keeps the character. */
	snprintf(v, sizeof v, "OPENAI_API_KEY=%.20s\xe2\x80\x8b%s\n", k,
	    k + 20);
	ONE(v, NULL, "key-format", CHECK_FAIL, "line at /p/.env:1 holds a "
	    "character you cannot see", "fix401 --fix /p", NULL);
}

static void
test_provider(void)
{
	const char *oa = fake("sk-proj-", 164, WORD, MARK, NULL);
	const char *or = fake("sk-or-v1-", 73, HEX, NULL, NULL);
	const char *gq = fake("gsk_", 56, ALNUM, NULL, NULL);
	const char *an = fake("sk-ant-api03-", 108, WORD, NULL, "AA");
	const char *gg = fake("AIza", 39, WORD, NULL, NULL);

	ONE(env_file(oa, ""), NULL, "key-provider", CHECK_PASS, "the key in "
	    "/p/.env:1 is for OpenAI, and so is the base URL (the default)",
	    NULL, NULL);
	ONE(env_file(gq, ""), "https://api.groq.com/openai/v1", "key-provider",
	    CHECK_PASS, "(--base-url)", NULL, NULL);
	ONE(env_file(or, ""), NULL, "key-provider", CHECK_FAIL, "is for "
	    "OpenRouter, but the base URL (the default) points to OpenAI",
	    "add OPENAI_BASE_URL=https://openrouter.ai/api/v1 to /p/.env",
	    NULL);
	ONE(env_file(oa, "OPENAI_BASE_URL=https://openrouter.ai/api/v1\n"),
	    NULL, "key-provider", CHECK_FAIL, "(/p/.env:2) points to "
	    "OpenRouter", "change the line at /p/.env:2 to "
	    "OPENAI_BASE_URL=https://api.openai.com/v1", NULL);
	ONE(env_file(gq, ""), NULL, "key-provider", CHECK_FAIL, "for Groq",
	    "export OPENAI_BASE_URL=https://api.groq.com/openai/v1",
	    "OPENAI_BASE_URL", "https://api.openai.com/v1");
	ONE(env_file(an, ""), "https://api.openai.com/v1", "key-provider",
	    CHECK_FAIL, "for Anthropic", "fix401 --base-url "
	    "https://api.anthropic.com/v1/", NULL);
	ONE(env_file(gg, ""), NULL, "key-provider", CHECK_FAIL,
	    "for Google Gemini", NULL, NULL);
}

/* Azure's api-key auth, an uncertain key kind, and the skips. */
static void
test_provider_other(void)
{
	const char *oa = fake("sk-proj-", 164, WORD, MARK, NULL);
	const char *az = fake("", 32, HEX, NULL, NULL);
	const char *fb = fake("sk-", 30, ALNUM, NULL, NULL);

	ONE(env_file(oa, ""), "https://myres.openai.azure.com", "key-provider",
	    CHECK_FAIL, "points to Azure OpenAI", "put a key from Azure "
	    "OpenAI at /p/.env:1", NULL);
	ONE(env_file(az, ""), "https://myres.openai.azure.com/openai/v1/",
	    "key-provider", CHECK_PASS, "for Azure OpenAI", NULL, NULL);
	ONE(env_file(az, ""), NULL, "key-provider", CHECK_FAIL,
	    "for Azure OpenAI, but", "put a key from OpenAI", NULL);
	ONE(env_file(fb, ""), "https://openrouter.ai/api/v1", "key-provider",
	    CHECK_WARN, "points to OpenRouter", NULL, NULL);
	ONE(env_file(oa, ""), "https://llm.example.com/v1", "key-provider",
	    CHECK_SKIP, "not a known provider's", NULL, NULL);
	ONE(env_file(oa, ""), "http://127.0.0.1:11434/v1", "key-provider",
	    CHECK_SKIP, "this computer", NULL, NULL);
	ONE(env_file("sk-your-key-here", ""), NULL, "key-provider",
	    CHECK_SKIP, "not known", NULL, NULL);
	ONE(env_file(oa, ""), NULL, "key-provider", CHECK_SKIP, "empty", NULL,
	    "OPENAI_BASE_URL", "");
	ONE(NULL, NULL, "key-provider", CHECK_SKIP, "no key wins", NULL,
	    NULL);
}

/* base-url with OPENAI_BASE_URL=url in the environment. */
#define URL_ENV(url, st, want, fix) \
	ONE(NULL, NULL, "base-url", st, want, fix, "OPENAI_BASE_URL", url)

static void
test_base_url_pass(void)
{
	struct fixture fx;

	ONE(NULL, NULL, "base-url", CHECK_PASS, "requests go to OpenAI at "
	    "https://api.openai.com/v1 (the default)", NULL, NULL);
	ONE("OPENAI_BASE_URL=https://openrouter.ai/api/v1\n", NULL,
	    "base-url", CHECK_PASS, "OpenRouter at "
	    "https://openrouter.ai/api/v1 (/p/.env:1)", NULL, NULL);
	ONE(NULL, "https://api.openai.com/v1/", "base-url", CHECK_PASS,
	    "(--base-url)", NULL, NULL);
	URL_ENV("https://api.deepseek.com/v1", CHECK_PASS, "DeepSeek", NULL);
	URL_ENV("http://localhost:8000/v1", CHECK_PASS, "vLLM", NULL);
	URL_ENV("https://myres.openai.azure.com", CHECK_PASS, "Azure", NULL);
	URL_ENV("https://llm.example.com/v1", CHECK_WARN, "not an endpoint "
	    "fix401 knows: https://llm.example.com/v1", NULL);
	URL_ENV("http://127.0.0.1:5000/v1", CHECK_PASS, "a server on this "
	    "computer at http://127.0.0.1:5000/v1", NULL);
	/* A password in the URL and a query are never shown. */
	ONE(NULL, "https://bob:hunter2@proxy.example.com/v1?key=abc",
	    "base-url", CHECK_WARN, "https://***@proxy.example.com/v1?",
	    NULL, NULL);
	fx_open(&fx, NULL);
	fx.ctx.providers = NULL;
	fx_decide(&fx);
	EXPECT(&fx, "base-url", CHECK_PASS, "https://api.openai.com/v1", NULL);
	fx.ctx.base_url = "https://llm.example.com/v1";
	EXPECT(&fx, "base-url", CHECK_SKIP, "provider data not found", NULL);
	fx_free(&fx);
}

static void
test_base_url_form(void)
{
	const char *k = fake("sk-proj-", 164, WORD, MARK, NULL);

	URL_ENV("", CHECK_FAIL, "(the environment) is an empty string",
	    "unset OPENAI_BASE_URL");
	ONE("OPENAI_BASE_URL=\n", NULL, "base-url", CHECK_FAIL, "empty",
	    "delete the line at /p/.env:1", NULL);
	ONE(NULL, "", "base-url", CHECK_FAIL, "empty", "leave out --base-url",
	    NULL);
	URL_ENV("\"https://api.openai.com/v1\"", CHECK_FAIL, "quotes",
	    "export OPENAI_BASE_URL=https://api.openai.com/v1");
	URL_ENV("https://api.openai.com/v1 ", CHECK_FAIL, "spaces", NULL);
	URL_ENV("https://api.openai.com/v1\xe2\x80\x8b", CHECK_FAIL, "hidden",
	    NULL);
	URL_ENV("api.openai.com/v1", CHECK_FAIL, "(api.openai.com/v1)",
	    "export OPENAI_BASE_URL=https://api.openai.com/v1");
	URL_ENV(k, CHECK_FAIL, "not a web address starting with https:// "
	    "(sk-proj-\xe2\x80\xa6", NULL);
	URL_ENV("ftp://api.openai.com/v1", CHECK_FAIL, "not a web address",
	    NULL);
	URL_ENV("http://api.openai.com/v1", CHECK_FAIL, "unencrypted",
	    "export OPENAI_BASE_URL=https://api.openai.com/v1");
	URL_ENV("http://192.168.1.5:8000/v1", CHECK_WARN, "unencrypted", NULL);
	ONE("OPENAI_BASE_URL=https://api.openai.com/v1\xe2\x80\x8b\n", NULL,
	    "base-url", CHECK_WARN, "line at /p/.env:1", "retype", NULL);
}

static void
test_base_url_path(void)
{
	URL_ENV("https://api.openai.com/v1/chat/completions", CHECK_FAIL,
	    "ends in /chat/completions", "export "
	    "OPENAI_BASE_URL=https://api.openai.com/v1");
	ONE("OPENAI_BASE_URL=https://openrouter.ai/api/v1/models/\n", NULL,
	    "base-url", CHECK_FAIL, "ends in /models", "change the line at "
	    "/p/.env:1 to OPENAI_BASE_URL=https://openrouter.ai/api/v1", NULL);
	ONE(NULL, "https://api.openai.com/v1/responses", "base-url",
	    CHECK_FAIL, "/responses", "fix401 --base-url "
	    "https://api.openai.com/v1", NULL);
	URL_ENV("https://api.openai.com", CHECK_FAIL, "the endpoint of OpenAI "
	    "is https://api.openai.com/v1", "OPENAI_BASE_URL="
	    "https://api.openai.com/v1");
	URL_ENV("https://api.openai.com/v2", CHECK_FAIL, "endpoint of OpenAI",
	    NULL);
	URL_ENV("https://api.groq.com/v1", CHECK_WARN, "endpoint of Groq is "
	    "https://api.groq.com/openai/v1", "OPENAI_BASE_URL="
	    "https://api.groq.com/openai/v1");
}

static void
test_base_url_legacy(void)
{
	ONE("OPENAI_API_BASE=https://openrouter.ai/api/v1\n", NULL, "base-url",
	    CHECK_WARN, "OPENAI_API_BASE in /p/.env:1 is ignored: openai 1.x "
	    "and later send requests to https://api.openai.com/v1",
	    "rename OPENAI_API_BASE to OPENAI_BASE_URL at /p/.env:1", NULL);
	ONE(NULL, NULL, "base-url", CHECK_WARN, "OPENAI_API_BASE in the "
	    "environment", "$OPENAI_API_BASE", "OPENAI_API_BASE",
	    "https://api.groq.com/openai/v1");
	/* The same URL, or OPENAI_BASE_URL set as well: no harm. */
	ONE("OPENAI_API_BASE=https://api.openai.com/v1/\n", NULL, "base-url",
	    CHECK_PASS, NULL, NULL, NULL);
	ONE("OPENAI_API_BASE=https://openrouter.ai/api/v1\n"
	    "OPENAI_BASE_URL=https://api.groq.com/openai/v1\n", NULL,
	    "base-url", CHECK_PASS, "Groq", NULL, NULL);
}

int
main(void)
{
	char *cause = NULL;
	struct providers *table = providers_load(NULL, &cause);

	if (table == NULL) {
		fprintf(stderr, "providers: %s\n", cause ? cause : "?");
		free(cause);
		return 99;
	}
	ps = table;
	test_format_skip();
	test_format_keys();
	test_format_not_keys();
	test_format_hidden();
	test_provider();
	test_provider_other();
	test_base_url_pass();
	test_base_url_form();
	test_base_url_path();
	test_base_url_legacy();
	providers_free(table);
	return unit_done();
}
