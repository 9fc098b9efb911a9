/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Live planning over fake contexts: which values an SDK can send, the
 * cheap model, why no key goes out (offline, bad URL, http://, another
 * provider's key), the base URL, the candidates sent, the proxy and the
 * bytes each consumer sends. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "live-fixture.h"
#include "live.h"
#include "provider.h"
#include "unit.h"
#include "xalloc.h"

#define ORG2	"org-ZyXwVu9876543210zyxwVUTS"

static void
test_sendable(void)
{
	CHECK(!live_sendable("", 0));
	CHECK(!live_sendable(S(" sk-proj-abc")));
	CHECK(!live_sendable(S("sk-proj-abc ")));
	CHECK(!live_sendable(S("sk-proj-abc\n")));
	CHECK(!live_sendable(S("sk-proj-abc\r")));
	CHECK(!live_sendable(S("sk-proj-\tabc")));
	CHECK(!live_sendable(S("\tsk-proj-abc")));
	CHECK(!live_sendable(S("sk-proj-abc\x7f")));
	CHECK(!live_sendable(S("sk-proj-abc\0def")));
	CHECK(!live_sendable(S("sk-proj-\xc2\xa0" "abc")));	/* NBSP */
	CHECK(!live_sendable(S("\xe2\x80\x8bsk-proj-abc")));	/* U+200B */
	CHECK(!live_sendable(S("sk-proj-abc\xe2\x80\x8b")));
	CHECK(live_sendable(KA, strlen(KA)));
	CHECK(live_sendable(KOR, strlen(KOR)));
	CHECK(live_sendable(S("lm-studio")));
	/* Only len bytes count. */
	CHECK(live_sendable("sk-proj-abc\n", 11));
}

#define N(a)	(sizeof(a) / sizeof *(a))

static void
test_cheap_model(void)
{
	const char *const all[] = { "gpt-4o", "gpt-4o-mini", "gpt-4.1-nano",
	    "text-embedding-3-small" };
	const char *const order[] = { "gpt-4.1-mini", "gpt-3.5-turbo",
	    "gpt-4o-mini" };
	const char *const five[] = { "gpt-5-mini", "gpt-3.5-turbo",
	    "gpt-5-nano" };
	const char *const pref[] = { "acme-nano", "gpt-3.5-turbo" };
	const char *const words[] = { "text-embedding-3-small", "tts-1",
	    "whisper-1", "dall-e-3", "gpt-4o-realtime-preview",
	    "gpt-4o-mini-tts", "llama-3.3-70b-versatile",
	    "llama-3.1-8b-instant" };
	const char *const nano[] = { "mistral-large-latest",
	    "mistral-small-latest", "acme-nano-2" };
	const char *const small[] = { "mistral-large-latest",
	    "mistral-small-latest" };
	const char *const first[] = { "gpt-4o-mini-realtime-preview",
	    "gpt-4o-mini-transcribe", "omni-moderation-latest",
	    "gpt-image-1", "o1-pro", "gpt-4o" };
	const char *const none[] = { "text-embedding-3-small", "whisper-1",
	    "dall-e-3", "tts-1-hd", "gpt-4o-mini-tts",
	    "gpt-4o-search-preview", "babbage-002" };

	CHECK(live_cheap_model(all, N(all)) == all[2]);
	CHECK_STR("gpt-4o-mini", live_cheap_model(order, N(order)));
	CHECK_STR("gpt-5-nano", live_cheap_model(five, N(five)));
	/* A preferred id before any id that only sounds cheap. */
	CHECK_STR("gpt-3.5-turbo", live_cheap_model(pref, N(pref)));
	/* Then a cheap-sounding chat id (not tts, not embeddings). */
	CHECK_STR("llama-3.1-8b-instant", live_cheap_model(words, N(words)));
	CHECK_STR("acme-nano-2", live_cheap_model(nano, N(nano)));
	CHECK_STR("mistral-small-latest", live_cheap_model(small, N(small)));
	/* Then the first chat id. */
	CHECK_STR("o1-pro", live_cheap_model(first, N(first)));
	CHECK(live_cheap_model(none, N(none)) == NULL);
	CHECK(live_cheap_model(none, 0) == NULL);
	CHECK(live_cheap_model(all, 1) == all[0]);
}

static void
plan(struct live *l, struct fixture *fx, const char *base, bool insecure)
{
	struct live_opts o = { .timeout_s = 10, .allow_insecure = insecure };

	fx->ctx.base_url = base;
	live_plan(l, &fx->ctx, &o);
}

static const char *
pid(const struct provider *p)
{
	return p != NULL ? provider_id(p) : NULL;
}

/* Plans with base; checks the block and the providers of both sides. */
static void
expect_block(struct fixture *fx, const char *base, bool insecure,
    enum live_block want, const char *prov, const char *kprov, int line)
{
	struct live l;

	plan(&l, fx, base, insecure);
	unit_long(want, l.block, base ? base : "(default)", __FILE__, line);
	unit_mem(prov, prov ? strlen(prov) : 0, pid(l.provider),
	    l.provider ? strlen(pid(l.provider)) : 0, "provider", __FILE__,
	    line);
	unit_mem(kprov, kprov ? strlen(kprov) : 0, pid(l.key_provider),
	    l.key_provider ? strlen(pid(l.key_provider)) : 0, "key provider",
	    __FILE__, line);
	if (want != LIVE_BAD_URL && want != LIVE_OFFLINE)
		unit_true(l.base != NULL, "a base", __FILE__, line);
	unit_true(l.shown_base != NULL, "a shown base", __FILE__, line);
	live_clear(&l);
	fx->ctx.offline = false;
}

#define BLOCK(fx, base, ins, want, p, k) \
	expect_block(fx, base, ins, want, p, k, __LINE__)

static void
test_plan_block(void)
{
	struct fixture fx;
	char *file = xasprintf("OPENAI_API_KEY=%s\n", KA);

	lf_fx(&fx, file);
	fx_decide(&fx);
	BLOCK(&fx, NULL, false, LIVE_GO, "openai", "openai");
	fx.ctx.offline = true;
	BLOCK(&fx, NULL, false, LIVE_OFFLINE, "openai", "openai");
	fx.ctx.offline = true;
	BLOCK(&fx, "ftp://x", false, LIVE_OFFLINE, NULL, "openai");
	BLOCK(&fx, "http://api.example.com/v1", false, LIVE_INSECURE, NULL,
	    "openai");
	BLOCK(&fx, "http://api.example.com/v1", true, LIVE_GO, NULL, "openai");
	BLOCK(&fx, "HTTP://api.example.com/v1", false, LIVE_INSECURE, NULL,
	    "openai");
	BLOCK(&fx, "http://127.0.0.1:9999/v1", false, LIVE_GO, NULL, "openai");
	BLOCK(&fx, "http://localhost:5000/v1", false, LIVE_GO, NULL, "openai");
	/* A server on this machine decides which keys it takes (the
	 * key-provider check says so too): nothing leaks over loopback. */
	BLOCK(&fx, "http://127.0.0.1:8000/v1", false, LIVE_GO, "vllm",
	    "openai");
	BLOCK(&fx, "https://llm.example.net/v1", false, LIVE_GO, NULL,
	    "openai");
	BLOCK(&fx, "https://openrouter.ai/api/v1", false, LIVE_FOREIGN_KEY,
	    "openrouter", "openai");
	BLOCK(&fx, "https://res.openai.azure.com/openai/v1", false,
	    LIVE_FOREIGN_KEY, "azure", "openai");
	BLOCK(&fx, "ftp://x", false, LIVE_BAD_URL, NULL, "openai");
	BLOCK(&fx, "", false, LIVE_BAD_URL, NULL, "openai");
	BLOCK(&fx, "https://", false, LIVE_BAD_URL, NULL, "openai");
	BLOCK(&fx, "api.openai.com/v1", false, LIVE_BAD_URL, NULL, "openai");
	fx_free(&fx);
	free(file);

	/* An OpenRouter key is never sent to OpenAI, and goes home. */
	file = xasprintf("OPENAI_API_KEY=%s\n", KOR);
	lf_fx(&fx, file);
	fx_decide(&fx);
	BLOCK(&fx, NULL, false, LIVE_FOREIGN_KEY, "openai", "openrouter");
	BLOCK(&fx, "https://openrouter.ai/api/v1/", false, LIVE_GO,
	    "openrouter", "openrouter");
	BLOCK(&fx, "https://llm.example.net/v1", false, LIVE_GO, NULL,
	    "openrouter");
	fx_free(&fx);
	free(file);

	/* No key: nothing to block but the URL. */
	lf_fx(&fx, "OPENAI_ORG_ID=" ORG "\n");
	fx_decide(&fx);
	BLOCK(&fx, NULL, false, LIVE_GO, "openai", NULL);
	BLOCK(&fx, "http://api.example.com/v1", false, LIVE_INSECURE, NULL,
	    NULL);
	fx_free(&fx);
}

static void
test_plan_base(void)
{
	struct fixture fx;
	struct live l;
	char *file = xasprintf("OPENAI_API_KEY=%s\n"
	    "OPENAI_BASE_URL=http://api.example.com/v1/\n", KA);

	lf_fx(&fx, file);
	fx_decide(&fx);
	plan(&l, &fx, NULL, false);
	CHECK_INT(LIVE_INSECURE, l.block);
	CHECK_STR("http://api.example.com/v1", l.base);
	live_clear(&l);
	/* --base-url beats OPENAI_BASE_URL. */
	plan(&l, &fx, "https://api.openai.com/v1///", false);
	CHECK_INT(LIVE_GO, l.block);
	CHECK_STR("https://api.openai.com/v1", l.base);
	CHECK_STR("https://api.openai.com/v1", l.shown_base);
	live_clear(&l);
	/* The base keeps its password for the request; the shown one
	 * does not. */
	plan(&l, &fx, "https://me:hunter2secret@api.example.com/v1/", false);
	CHECK_STR("https://me:hunter2secret@api.example.com/v1", l.base);
	CHECK(l.shown_base != NULL && !strstr(l.shown_base, "hunter2"));
	HAS(l.shown_base, "api.example.com/v1");
	live_clear(&l);
	plan(&l, &fx, "ftp://x", false);
	CHECK(l.base == NULL);
	CHECK_STR("ftp://x", l.shown_base);
	/* live_clear zeroes. */
	live_clear(&l);
	CHECK(l.shown_base == NULL && l.n == 0 && l.ctx == NULL);
	fx_free(&fx);
	free(file);
}

/* Which candidates go out: the key, the organization and the project as
 * the consumer resolves them. */
static void
test_plan_indices(void)
{
	struct fixture fx;
	struct live l;
	char *file = xasprintf("OPENAI_PROJECT_ID=" PROJ "\n"
	    "OPENAI_API_KEY=%s\nOPENAI_ORG_ID=" ORG "\n", KA);

	lf_fx(&fx, file);
	sources_add(&fx.src, "OPENAI_ORG_ID", SOURCE_ENV, NULL, 0, S(ORG2));
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_ENV, NULL, 0, KB,
	    strlen(KB));
	fx_decide(&fx);
	CHECK_INT(5, fx.src.n);
	CHECK_STR("OPENAI_PROJECT_ID", fx.src.c[0].name);
	CHECK_STR("OPENAI_ORG_ID", fx.src.c[2].name);
	/* load_dotenv(): the environment wins. */
	plan(&l, &fx, NULL, false);
	CHECK_INT(4, l.key);
	CHECK_INT(0, l.project);
	CHECK_INT(3, l.org);
	CHECK_INT(LIVE_GO, l.block);
	live_clear(&l);
	/* override=True: the file wins. */
	fx.ctx.consumer = CONSUMER_PYTHON_OVERRIDE;
	plan(&l, &fx, NULL, false);
	CHECK_INT(1, l.key);
	CHECK_INT(0, l.project);
	CHECK_INT(2, l.org);
	live_clear(&l);
	fx_free(&fx);
	free(file);
	/* None of them set. */
	lf_fx(&fx, NULL);
	fx_decide(&fx);
	plan(&l, &fx, NULL, false);
	CHECK(l.key == NO_WINNER && l.org == NO_WINNER &&
	    l.project == NO_WINNER);
	CHECK(l.key_provider == NULL);
	live_clear(&l);
	fx_free(&fx);
}

static void
test_plan_proxy(void)
{
	struct fixture fx;
	struct live l;
	char *file = xasprintf("OPENAI_API_KEY=%s\n", KA);

	lf_fx(&fx, file);
	fx_decide(&fx);
	plan(&l, &fx, NULL, false);
	CHECK(l.proxy == NULL);
	live_clear(&l);
	setenv("https_proxy", "http://user:secretpass@proxy.example:3128", 1);
	plan(&l, &fx, NULL, false);
	CHECK(l.proxy != NULL);
	HAS(l.proxy, "proxy.example:3128");
	HASNT(l.proxy, "secretpass");
	live_clear(&l);
	/* An http:// base takes http_proxy only. */
	plan(&l, &fx, "http://127.0.0.1:9999/v1", false);
	CHECK(l.proxy == NULL);
	live_clear(&l);
	setenv("NO_PROXY", "localhost,.openai.com", 1);
	plan(&l, &fx, NULL, false);
	CHECK(l.proxy == NULL);
	live_clear(&l);
	plan(&l, &fx, "https://llm.example.net/v1", false);
	HAS(l.proxy, "proxy.example:3128");
	live_clear(&l);
	setenv("NO_PROXY", "api.openai.com", 1);
	plan(&l, &fx, NULL, false);
	CHECK(l.proxy == NULL);
	live_clear(&l);
	unsetenv("NO_PROXY");
	unsetenv("https_proxy");
	fx_free(&fx);
	free(file);
}

/* value[0..len) is what live_value gives for candidate i. */
static void
expect_value(const struct fixture *fx, size_t i, const char *v, size_t n,
    int line)
{
	size_t len = 0;
	const char *got = live_value(&fx->ctx, i, &len);

	unit_mem(v, n, got, len, "live_value", __FILE__, line);
}

#define VALUE(fx, i, v, n)	expect_value(fx, i, v, n, __LINE__)

static void
test_value(void)
{
	struct fixture fx;
	const struct binding *b;
	char *file = xasprintf("OPENAI_API_KEY=\"%s\"\n", KA), *q;

	lf_fx(&fx, file);
	fx_decide(&fx);
	VALUE(&fx, 0, KA, strlen(KA));
	/* docker --env-file keeps the quotes, and sends them. */
	fx.ctx.consumer = CONSUMER_DOCKER;
	q = xasprintf("\"%s\"", KA);
	VALUE(&fx, 0, q, strlen(q));
	free(q);
	fx_free(&fx);
	free(file);

	/* A comment glued to the value: python-dotenv keeps it. */
	file = xasprintf("OPENAI_API_KEY=%s#prod\n", KA);
	lf_fx(&fx, file);
	fx_decide(&fx);
	b = loaded_lookup(&fx.an.loaded[LOADER_PYTHON], "OPENAI_API_KEY");
	CHECK_INT(strlen(KA), fx.src.c[0].value_len);	/* what was meant */
	CHECK(b != NULL && b->value_len == strlen(KA) + 5);
	if (b != NULL)
		VALUE(&fx, 0, b->value, b->value_len);
	fx_free(&fx);
	free(file);

	/* Smart quotes: python-dotenv reads them as part of the value. */
	file = xasprintf("OPENAI_API_KEY=\xe2\x80\x9c%s\xe2\x80\x9d\n", KA);
	lf_fx(&fx, file);
	fx_decide(&fx);
	b = loaded_lookup(&fx.an.loaded[LOADER_PYTHON], "OPENAI_API_KEY");
	CHECK_INT(strlen(KA), fx.src.c[0].value_len);
	CHECK(b != NULL && b->value_len == strlen(KA) + 6);
	if (b != NULL)
		VALUE(&fx, 0, b->value, b->value_len);
	fx_free(&fx);
	free(file);

	/* Two lines: the loader's bytes are the last one's, never the
	 * first's. */
	file = xasprintf("OPENAI_API_KEY=\"%s\"\nOPENAI_API_KEY=\"%s\"\n", KB,
	    KA);
	lf_fx(&fx, file);
	fx_decide(&fx);
	fx.ctx.consumer = CONSUMER_DOCKER;
	CHECK_INT(1, fx.src.winner[CONSUMER_DOCKER]);
	VALUE(&fx, 0, KB, strlen(KB));
	q = xasprintf("\"%s\"", KA);
	VALUE(&fx, 1, q, strlen(q));
	free(q);
	fx_free(&fx);
	free(file);

	/* The environment's value is sent as it is, newline and all. */
	file = xasprintf("OPENAI_API_KEY=%s\n", KA);
	lf_fx(&fx, file);
	q = xasprintf("%s\n", KB);
	sources_add(&fx.src, "OPENAI_API_KEY", SOURCE_ENV, NULL, 0, q,
	    strlen(q));
	fx_decide(&fx);
	CHECK_INT(1, fx.src.winner[CONSUMER_PYTHON]);
	VALUE(&fx, 1, q, strlen(q));
	free(q);
	fx_free(&fx);
	free(file);
}

int
main(void)
{
	int rc = lf_setup();

	if (rc != 0)
		return rc;
	test_sendable();
	test_cheap_model();
	test_plan_block();
	test_plan_base();
	test_plan_indices();
	test_plan_proxy();
	test_value();
	providers_free(lf_ps);
	return unit_done();
}
