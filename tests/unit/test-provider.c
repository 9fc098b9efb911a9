/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* provider: loading data/providers.json (explicit path, $FIX401_DATADIR,
 * missing and damaged files), every key kind from fake keys built here,
 * values that are not keys, and base URL to provider. */
#include <config.h>

#include <limits.h>
#include <stdbool.h>
#include <unistd.h>

#include "provider.h"
#include "unit.h"

static char root[PATH_MAX];	/* a private scratch folder */
static char keybuf[512];	/* the fake key under test */

static const char *
at(const char *name)
{
	static char buf[2][PATH_MAX + 64];	/* two at a time */
	static int next;
	char *p = buf[next++ % 2];

	snprintf(p, sizeof buf[0], "%s/%s", root, name);
	return p;
}

static void
put(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	if (f == NULL || fputs(s, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
}

/* A fake key in keybuf: prefix, then characters cycled from set up to
 * total characters, with marker in the middle of the body and suffix at
 * the end (either may be NULL). */
static const char *
fake(const char *prefix, size_t total, const char *set, const char *marker,
    const char *suffix)
{
	size_t p = strlen(prefix), n = strlen(set);

	if (total >= sizeof keybuf || total < p)
		exit(99);
	memcpy(keybuf, prefix, p);
	for (size_t i = p; i < total; i++)
		keybuf[i] = set[(i * 7 + 3) % n];
	keybuf[total] = '\0';
	if (marker != NULL)
		memcpy(keybuf + p + (total - p - strlen(marker)) / 2, marker,
		    strlen(marker));
	if (suffix != NULL)
		memcpy(keybuf + total - strlen(suffix), suffix, strlen(suffix));
	return keybuf;
}

#define ALNUM	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
#define WORD	ALNUM "_-"
#define LOWER	"abcdefghijklmnopqrstuvwxyz0123456789"
#define HEX	"0123456789abcdef"
#define MARK	"T3BlbkFJ"

static struct key_id
identify(const struct providers *ps, const char *v)
{
	struct key_id id;

	provider_identify_key(ps, v, strlen(v), &id);
	return id;
}

/* v is a well-formed key of provider pid and kind kid. */
static void
check_key(const struct providers *ps, const char *v, const char *pid,
    const char *kid, enum key_id_length fit, int line)
{
	struct key_id id = identify(ps, v);
	bool ok = id.cls == KEY_ID_KEY && id.provider != NULL &&
	    strcmp(provider_id(id.provider), pid) == 0 && id.kind != NULL &&
	    strcmp(id.kind, kid) == 0 && id.length_fit == fit &&
	    id.charset_ok && id.marker_ok && id.length == strlen(v);

	unit_true(ok, kid, __FILE__, line);
	if (!ok)
		fprintf(stderr, "  got class %d provider %s kind %s fit %d "
		    "charset %d marker %d\n", (int)id.cls,
		    id.provider ? provider_id(id.provider) : "-",
		    id.kind ? id.kind : "-", (int)id.length_fit,
		    id.charset_ok, id.marker_ok);
}

#define KEY(ps, v, pid, kid)	check_key(ps, v, pid, kid, KEY_LEN_OK, __LINE__)
#define KEY_NOLEN(ps, v, pid, kid) \
	check_key(ps, v, pid, kid, KEY_LEN_UNKNOWN, __LINE__)

static void
test_kinds(const struct providers *ps)
{
	static const size_t proj[] = { 164, 132, 56 };

	for (size_t i = 0; i < 3; i++)
		KEY(ps, fake("sk-proj-", proj[i], WORD, MARK, NULL), "openai",
		    "openai-project");
	KEY(ps, fake("sk-svcacct-", 167, WORD, MARK, NULL), "openai",
	    "openai-svcacct");
	KEY(ps, fake("sk-svcacct-", 135, WORD, MARK, NULL), "openai",
	    "openai-svcacct");
	KEY(ps, fake("sk-admin-", 165, WORD, MARK, NULL), "openai",
	    "openai-admin");
	KEY(ps, fake("sk-admin-", 133, WORD, MARK, NULL), "openai",
	    "openai-admin");
	KEY_NOLEN(ps, fake("sk-None-", 60, WORD, MARK, NULL), "openai",
	    "openai-none");
	KEY(ps, fake("sk-", 51, ALNUM, MARK, NULL), "openai", "openai-legacy");
	KEY(ps, fake("", 32, HEX, NULL, NULL), "azure", "azure-legacy");
	KEY(ps, fake("", 84, ALNUM, NULL, NULL), "azure", "azure");
	KEY(ps, fake("sk-or-v1-", 73, HEX, NULL, NULL), "openrouter",
	    "openrouter");
	KEY(ps, fake("gsk_", 56, ALNUM, NULL, NULL), "groq", "groq");
	KEY(ps, fake("sk-ant-api03-", 108, WORD, NULL, "AA"), "anthropic",
	    "anthropic-api");
	KEY_NOLEN(ps, fake("sk-ant-admin01-", 100, WORD, NULL, NULL),
	    "anthropic", "anthropic-admin");
	KEY(ps, fake("AIza", 39, WORD, NULL, NULL), "google", "google-api");
	KEY(ps, fake("xai-", 84, ALNUM "_", NULL, NULL), "xai", "xai");
	KEY(ps, fake("sk-", 35, LOWER, NULL, NULL), "deepseek", "deepseek");
	KEY_NOLEN(ps, fake("tgp_", 60, ALNUM, NULL, NULL), "together",
	    "together");
	KEY(ps, fake("pplx-", 53, ALNUM, NULL, NULL), "perplexity",
	    "perplexity");
	KEY(ps, fake("hf_", 37, ALNUM, NULL, NULL), "huggingface",
	    "huggingface");
	KEY(ps, fake("api_org_", 42, ALNUM, NULL, NULL), "huggingface",
	    "huggingface-org");
	KEY(ps, fake("nvapi-", 70, WORD, NULL, NULL), "nvidia", "nvidia");
}

/* Lengths that are near a kind's: cut or too long. */
static void
test_bad_shapes(const struct providers *ps)
{
	struct key_id id;

	id = identify(ps, fake("sk-proj-", 150, WORD, MARK, NULL));
	CHECK_INT(KEY_ID_KEY, id.cls);
	CHECK_STR("openai-project", id.kind);
	CHECK_INT(KEY_LEN_SHORT, id.length_fit);
	CHECK_INT(150, id.length);
	CHECK(id.charset_ok && id.marker_ok);
	id = identify(ps, fake("sk-proj-", 170, WORD, MARK, NULL));
	CHECK_INT(KEY_LEN_LONG, id.length_fit);
	id = identify(ps, fake("sk-proj-", 100, WORD, MARK, NULL));
	CHECK_INT(KEY_LEN_SHORT, id.length_fit);
	id = identify(ps, fake("sk-proj-", 40, WORD, MARK, NULL));
	CHECK_INT(KEY_LEN_SHORT, id.length_fit);
	id = identify(ps, fake("AIza", 30, WORD, NULL, NULL));
	CHECK_STR("google-api", id.kind);
	CHECK_INT(KEY_LEN_SHORT, id.length_fit);
}

/* The right length but a character or marker wrong. */
static void
test_bad_chars(const struct providers *ps)
{
	struct key_id id;

	/* a stray '!' and a trailing space */
	fake("sk-proj-", 164, WORD, MARK, NULL);
	keybuf[40] = '!';
	id = identify(ps, keybuf);
	CHECK_STR("openai-project", id.kind);
	CHECK_INT(KEY_LEN_OK, id.length_fit);
	CHECK(!id.charset_ok);
	fake("sk-proj-", 164, WORD, MARK, NULL);
	keybuf[163] = ' ';
	id = identify(ps, keybuf);
	CHECK_INT(KEY_ID_KEY, id.cls);
	CHECK(!id.charset_ok);
	/* a zero-width space (3 bytes, 1 character) inside a 164 key */
	fake("sk-proj-", 164, WORD, MARK, NULL);
	memmove(keybuf + 23, keybuf + 20, 145);
	memcpy(keybuf + 20, "\xe2\x80\x8b", 3);
	id = identify(ps, keybuf);
	CHECK_STR("openai-project", id.kind);
	CHECK_INT(165, id.length);
	CHECK_INT(KEY_LEN_LONG, id.length_fit);
	CHECK(!id.charset_ok);
	/* the marker missing */
	id = identify(ps, fake("sk-proj-", 164, WORD, NULL, NULL));
	CHECK_STR("openai-project", id.kind);
	CHECK(!id.marker_ok);
	CHECK(id.charset_ok);
	/* upper-case hex for OpenRouter, '-' for Groq, no AA for Anthropic */
	id = identify(ps, fake("sk-or-v1-", 73, "0123456789ABCDEF", NULL,
	    NULL));
	CHECK_STR("openrouter", id.kind);
	CHECK(!id.charset_ok);
	fake("gsk_", 56, ALNUM, NULL, NULL);
	keybuf[30] = '-';
	id = identify(ps, keybuf);
	CHECK_STR("groq", id.kind);
	CHECK(!id.charset_ok);
	id = identify(ps, fake("sk-ant-api03-", 108, WORD, NULL, "AB"));
	CHECK_STR("anthropic-api", id.kind);
	CHECK(!id.marker_ok);
}

/* Plain sk- keys: DeepSeek, OpenAI legacy, or unknown OpenAI. */
static void
test_plain_sk(const struct providers *ps)
{
	struct key_id id;

	id = identify(ps, fake("sk-", 35, ALNUM, NULL, NULL));
	CHECK_STR("openai", provider_id(id.provider));
	CHECK_STR("openai-unknown", id.kind);
	CHECK_INT(KEY_ID_KEY, id.cls);
	id = identify(ps, fake("sk-", 51, ALNUM, NULL, NULL));
	CHECK_STR("openai-unknown", id.kind);
	id = identify(ps, fake("sk-", 48, WORD, NULL, NULL));
	CHECK_STR("openai-unknown", id.kind);
	CHECK_INT(KEY_LEN_UNKNOWN, id.length_fit);
	id = identify(ps, fake("sk-", 40, ALNUM, MARK, NULL));
	CHECK_STR("openai-legacy", id.kind);
	CHECK_INT(KEY_LEN_SHORT, id.length_fit);
	id = identify(ps, fake("sk-", 34, LOWER, NULL, NULL));
	CHECK_STR("openai-unknown", id.kind);
	id = identify(ps, fake("sk-", 35, LOWER, NULL, NULL));
	CHECK_STR("deepseek", provider_id(id.provider));
}

static void
check_class(const struct providers *ps, const char *v, enum key_id_class c,
    int line)
{
	struct key_id id = identify(ps, v);

	/* the value stays out of the message: some are fake keys */
	unit_long(c, id.cls, "class", __FILE__, line);
}

#define CLASS(ps, v, c)	check_class(ps, v, c, __LINE__)

static void
test_not_keys(const struct providers *ps)
{
	struct key_id id;

	CLASS(ps, "", KEY_ID_EMPTY);
	CLASS(ps, "sk-your-key-here", KEY_ID_PLACEHOLDER);
	CLASS(ps, "YOUR_API_KEY", KEY_ID_PLACEHOLDER);
	CLASS(ps, "None", KEY_ID_PLACEHOLDER);
	CLASS(ps, "<your-openai-key>", KEY_ID_PLACEHOLDER);
	CLASS(ps, "sk-...", KEY_ID_PLACEHOLDER);
	CLASS(ps, "sk-proj-xxxxxxxxxxxxxxxx", KEY_ID_PLACEHOLDER);
	CLASS(ps, "https://api.openai.com/v1", KEY_ID_URL);
	CLASS(ps, "http://localhost:11434", KEY_ID_URL);
	CLASS(ps, "Bearer abc123def456ghi789", KEY_ID_PROSE);
	CLASS(ps, "my openai key", KEY_ID_PROSE);
	CLASS(ps, "org-AbCdEfGh12345678IjKlMnOp", KEY_ID_ORG_ID);
	CLASS(ps, "proj_AbCdEfGh12345678IjKlMnOp", KEY_ID_PROJECT_ID);
	CLASS(ps, "qwerty123456", KEY_ID_UNKNOWN);
	CLASS(ps, fake("", 33, HEX, NULL, NULL), KEY_ID_UNKNOWN);
	id = identify(ps, fake("sess-", 45, ALNUM, NULL, NULL));
	CHECK_INT(KEY_ID_SESSION, id.cls);
	CHECK_STR("openai-session", id.kind);
	CHECK_STR("openai", provider_id(id.provider));
	id = identify(ps, "   ");
	CHECK_INT(KEY_ID_PLACEHOLDER, id.cls);
	CHECK(id.provider == NULL && id.kind == NULL);
}

static void
check_url(const struct providers *ps, const char *url, const char *pid,
    int line)
{
	const struct provider *p = provider_for_url(ps, url);
	const char *got = p != NULL ? provider_id(p) : NULL;

	unit_mem(pid, pid ? strlen(pid) : 0, got, got ? strlen(got) : 0, url,
	    __FILE__, line);
}

#define URL(ps, u, pid)	check_url(ps, u, pid, __LINE__)

static void
test_urls(const struct providers *ps)
{
	/* every default base URL names its own provider */
	for (size_t i = 0; i < providers_count(ps); i++) {
		const struct provider *p = providers_get(ps, i);

		if (provider_base_url(p) != NULL)
			URL(ps, provider_base_url(p), provider_id(p));
	}
	URL(ps, "https://my-res.openai.azure.com", "azure");
	URL(ps, "https://My-Res.OpenAI.Azure.com/openai/deployments/gpt/"
	    "chat/completions?api-version=2024-02-01", "azure");
	URL(ps, "https://openai.azure.com/", NULL);
	URL(ps, "https://a.b.openai.azure.com.evil.example/v1", NULL);
	URL(ps, "https://api.openai.com/v1/chat/completions", "openai");
	URL(ps, "https://API.OPENAI.COM./v1", "openai");
	URL(ps, "https://user:pw@api.openai.com:443/v1", "openai");
	URL(ps, "https://api.openai.com.evil.example/v1", NULL);
	URL(ps, "https://evil.example/api.openai.com", NULL);
	URL(ps, "https://ollama.com/v1", "ollama");
	URL(ps, "http://127.0.0.1:11434/v1", "ollama");
	URL(ps, "http://[::1]:11434", "ollama");
	URL(ps, "http://localhost:8000/v1", "vllm");
	URL(ps, "http://127.0.0.1:1234/v1", "lmstudio");
	URL(ps, "http://localhost/v1", NULL);
	URL(ps, "http://localhost:9999/v1", NULL);
	URL(ps, "http://192.168.1.5:11434/v1", NULL);
	URL(ps, "api.openai.com/v1", NULL);
	URL(ps, "", NULL);
	URL(ps, NULL, NULL);
}

static void
test_table(const struct providers *ps)
{
	static const char *const ids[] = { "openai", "azure", "openrouter",
	    "groq", "anthropic", "google", "xai", "mistral", "deepseek",
	    "together", "perplexity", "huggingface", "nvidia", "ollama",
	    "vllm", "lmstudio" };
	const struct provider *p;

	CHECK_INT(16, providers_count(ps));
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		p = provider_find(ps, ids[i]);
		CHECK(p != NULL && provider_name(p)[0] != '\0');
		CHECK(p != NULL && provider_env(p) != NULL);
	}
	CHECK(provider_find(ps, "nope") == NULL);
	CHECK(providers_get(ps, 16) == NULL);
	p = provider_find(ps, "openai");
	CHECK_STR("OpenAI", provider_name(p));
	CHECK_INT(PROVIDER_AUTH_BEARER, provider_auth(p));
	CHECK_STR("https://api.openai.com/v1", provider_base_url(p));
	CHECK_STR("gpt-4.1-nano", provider_model(p));
	CHECK_STR("OPENAI_API_KEY", provider_env(p)[0]);
	CHECK_STR("OPENAI_ADMIN_KEY", provider_env(p)[1]);
	CHECK(provider_env(p)[2] == NULL);
	p = provider_find(ps, "azure");
	CHECK_INT(PROVIDER_AUTH_API_KEY, provider_auth(p));
	CHECK(provider_base_url(p) == NULL);
	CHECK_STR("AZURE_OPENAI_API_KEY", provider_env(p)[0]);
	p = provider_find(ps, "google");
	CHECK_STR("GEMINI_API_KEY", provider_env(p)[0]);
	CHECK_STR("GOOGLE_API_KEY", provider_env(p)[1]);
	CHECK(provider_model(p) == NULL);
	CHECK(provider_env(provider_find(ps, "lmstudio"))[0] == NULL);
	CHECK_STR("http://localhost:11434/v1",
	    provider_base_url(provider_find(ps, "ollama")));
}

/* A load that must fail with a cause naming the file and saying want. */
static void
check_fails(const char *path, const char *want, int line)
{
	char *cause = NULL;
	struct providers *ps = providers_load(path, &cause);

	unit_true(ps == NULL && cause != NULL && strstr(cause, want) != NULL,
	    want, __FILE__, line);
	if (cause != NULL && strstr(cause, path ? path : root) == NULL)
		unit_true(0, "cause names the file", __FILE__, line);
	providers_free(ps);
	free(cause);
}

#define FAILS(path, want)	check_fails(path, want, __LINE__)

static void
test_damaged(void)
{
	put(at("bad.json"), "{ \"providers\": [ { \"id\": \"x\", ");
	FAILS(at("bad.json"), "not valid JSON");
	put(at("empty.json"), "");
	FAILS(at("empty.json"), "not valid JSON");
	put(at("top.json"), "[1, 2]");
	FAILS(at("top.json"), "provider 0");
	put(at("noid.json"), "{\"providers\": [{\"name\": \"X\", "
	    "\"auth\": \"bearer\", \"keys\": []}]}");
	FAILS(at("noid.json"), "provider 1");
	put(at("auth.json"), "{\"providers\": [{\"id\": \"x\", \"name\": "
	    "\"X\", \"auth\": \"bearer\", \"keys\": []}, {\"id\": \"y\", "
	    "\"name\": \"Y\", \"auth\": \"basic\", \"keys\": []}]}");
	FAILS(at("auth.json"), "provider 2");
	put(at("dup.json"), "{\"providers\": [{\"id\": \"x\", \"name\": "
	    "\"X\", \"auth\": \"bearer\", \"keys\": []}, {\"id\": \"x\", "
	    "\"name\": \"Y\", \"auth\": \"bearer\", \"keys\": []}]}");
	FAILS(at("dup.json"), "provider 2");
	put(at("len.json"), "{\"providers\": [{\"id\": \"x\", \"name\": "
	    "\"X\", \"auth\": \"bearer\", \"keys\": [{\"kind\": \"k\", "
	    "\"prefix\": \"k-\", \"lengths\": [\"40\"]}]}]}");
	FAILS(at("len.json"), "provider 1");
	put(at("set.json"), "{\"providers\": [{\"id\": \"x\", \"name\": "
	    "\"X\", \"auth\": \"bearer\", \"keys\": [{\"kind\": \"k\", "
	    "\"prefix\": \"k-\", \"charset\": \"z-a\"}]}]}");
	FAILS(at("set.json"), "provider 1");
	FAILS(at("missing.json"), "Could not read");
	FAILS(root, "Could not read");		/* a folder */
}

/* $FIX401_DATADIR names the folder when no path is given. */
static void
test_datadir(void)
{
	const char *old = getenv("FIX401_DATADIR");
	char *keep = old != NULL ? strdup(old) : NULL;
	char *cause = NULL;
	struct providers *ps;

	setenv("FIX401_DATADIR", root, 1);
	FAILS(NULL, "Could not read");
	put(at("providers.json"), "{\"providers\": [{\"id\": \"solo\", "
	    "\"name\": \"Solo\", \"auth\": \"api-key\", \"keys\": [{\"kind\": "
	    "\"solo\", \"prefix\": \"solo-\", \"lengths\": [9]}]}]}");
	ps = providers_load(NULL, &cause);
	CHECK(ps != NULL && cause == NULL);
	if (ps != NULL) {
		CHECK_INT(1, providers_count(ps));
		CHECK_STR("solo", identify(ps, "solo-abcd").kind);
		CHECK(provider_env(providers_get(ps, 0))[0] == NULL);
		CHECK(provider_base_url(providers_get(ps, 0)) == NULL);
	}
	providers_free(ps);
	free(cause);
	if (keep != NULL)
		setenv("FIX401_DATADIR", keep, 1);
	else
		unsetenv("FIX401_DATADIR");
	free(keep);
}

static void
cleanup(void)
{
	static const char *const names[] = { "bad.json", "empty.json",
	    "top.json", "noid.json", "auth.json", "dup.json", "len.json",
	    "set.json", "providers.json" };

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		unlink(at(names[i]));
	rmdir(root);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR"), *dir = getenv("FIX401_DATADIR");
	char *cause = NULL;
	struct providers *ps;

	if (dir == NULL) {
		puts("FIX401_DATADIR is not set; run through make check");
		return 77;
	}
	snprintf(root, sizeof root, "%s/fix401-provider-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(root) == NULL) {
		perror(root);
		return 99;
	}
	ps = providers_load(NULL, &cause);
	if (ps == NULL) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		cleanup();
		return 99;
	}
	test_table(ps);
	test_kinds(ps);
	test_bad_shapes(ps);
	test_bad_chars(ps);
	test_plain_sk(ps);
	test_not_keys(ps);
	test_urls(ps);
	providers_free(ps);
	providers_free(NULL);
	test_damaged();
	test_datadir();
	cleanup();
	return unit_done();
}
