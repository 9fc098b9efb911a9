/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The --json document and the --check checklist over a diagnosis built by
 * hand: fields, order, styles, line widths, and never 13 characters of a
 * key, even glued to a name, in a base URL or in pasted text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "key.h"
#include "report.h"
#include "utf8.h"
#include "xalloc.h"
#include "unit.h"

#define BASE_URL	"https://api.openai.com/v1/chat/completions"
#define ELL		"\xe2\x80\xa6"

static char fake[165];		/* "sk-proj-" + 156: the .env key */
static char old[52];		/* "sk-" + 48: the exported key */
static char other[165];		/* a .env.local key nobody loads */

/* Fills buf with prefix and pseudo-random key characters up to len. */
static void
make_key(char *buf, const char *prefix, size_t len, unsigned seed)
{
	static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq"
	    "rstuvwxyz0123456789_-";
	size_t p = strlen(prefix);

	memcpy(buf, prefix, p);
	for (size_t i = p; i < len; i++) {
		seed = seed * 1103515245u + 12345u;
		buf[i] = set[(seed >> 16) % (sizeof set - 1)];
	}
	buf[len] = '\0';
}

/* True when text holds 13 characters in a row of key k. */
static int
leaks(const char *text, const char *k)
{
	char win[14];

	for (size_t i = 0; i + 13 <= strlen(k); i++) {
		memcpy(win, k + i, 13);
		win[13] = '\0';
		if (strstr(text, win) != NULL)
			return 1;
	}
	return 0;
}

static void
no_leak(const char *text, int line)
{
	const char *keys[] = { fake, old, other };

	for (int i = 0; i < 3; i++)
		unit_true(!leaks(text, keys[i]), "no 13 characters of a key",
		    __FILE__, line);
	/* the middle 20 bytes, as the other leak tests look for them */
	unit_true(memmem(text, strlen(text),
	    fake + 72, 20) == NULL, "no middle bytes", __FILE__, line);
}

/* The .env candidate: each loader reads the key, but docker refuses. */
static void
add_dotenv(struct diagnosis *d)
{
	struct candidate *c = sources_add(&d->src, "OPENAI_API_KEY",
	    SOURCE_DOTENV, "/home/u/proj/.env", 3, fake, strlen(fake));

	c->defects = 1UL << DEFECT_QUOTED;
	c->has_loaders = true;
	for (int i = 0; i < LOADER_COUNT; i++) {
		if (i == LOADER_DOCKER)
			continue;
		c->loaders[i].set = true;
		c->loaders[i].length = 164;
		key_fingerprint(fake, strlen(fake), c->loaders[i].fp);
	}
}

/* Checks in table order: pass, fail, warn, then skips; one pass later. */
static void
fill_results(struct diagnosis *d)
{
	size_t n;

	check_table(&n);
	for (size_t i = 0; i < n; i++)
		check_set(&d->results[i], CHECK_SKIP, "offline: no request was "
		    "made");
	check_set(&d->results[0], CHECK_PASS, "OPENAI_API_KEY is set in "
	    "/home/u/proj/.env:3");
	check_set(&d->results[1], CHECK_FAIL, "/home/u/proj/.env:3 reads "
	    "differently in docker-env-file: quoted");
	check_detail(&d->results[1], "docker run --env-file keeps the quotes "
	    "as part of the value, so the key it sends is two characters "
	    "longer than the one you pasted and the API answers 401.");
	check_fix(&d->results[1], "fix401 --fix /home/u/proj");
	check_set(&d->results[2], CHECK_WARN, "the environment's "
	    "OPENAI_API_KEY wins over /home/u/proj/.env:3 for python-dotenv "
	    "and node-dotenv, and the two values differ");
	check_set(&d->results[3], CHECK_PASS, "prefix, length and characters "
	    "look right");
	d->nresults = n;
}

/* A diagnosis with four keys, a base URL, results, a hint and a note. */
static void
build(struct diagnosis *d, bool providers)
{
	struct hint_facts hf = { .sudo = true };
	struct candidate *c;
	char *cause = NULL;

	memset(d, 0, sizeof *d);
	d->dir = xstrdup("/home/u/proj");
	d->dotenv_path = xstrdup("/home/u/proj/.env");
	d->dotenv_in_dir = true;
	envfile_init(&d->file);
	hint_list_init(&d->hints);
	sources_init(&d->src);
	add_dotenv(d);
	sources_add(&d->src, "OPENAI_API_KEY", SOURCE_ENV, NULL, 0, old,
	    strlen(old));
	c = sources_add(&d->src, "OPENAI_API_KEY", SOURCE_RCFILE,
	    "/home/u/.bashrc", 42, "sk-your-key", 11);
	c->conditional = true;
	c = sources_add(&d->src, "OPENAI_API_KEY", SOURCE_DOTENV,
	    "/home/u/proj/.env.local", 1, other, strlen(other));
	c->unloaded = true;
	sources_add(&d->src, "OPENAI_BASE_URL", SOURCE_ENV, NULL, 0, BASE_URL,
	    strlen(BASE_URL));
	d->src.winner[CONSUMER_LOGIN_SHELL] = 2;
	d->src.winner[CONSUMER_PYTHON] = 1;
	d->src.winner[CONSUMER_PYTHON_OVERRIDE] = 0;
	d->src.winner[CONSUMER_NODE] = 1;
	d->src.winner[CONSUMER_COMPOSE] = 0;
	d->src.refused[CONSUMER_DOCKER] = true;
	if (providers) {
		d->providers = providers_load(NULL, &cause);
		if (d->providers == NULL) {
			fprintf(stderr, "providers.json: %s\n", cause);
			exit(99);
		}
	}
	d->ctx.dir = d->dir;
	d->ctx.dotenv_path = d->dotenv_path;
	d->ctx.src = &d->src;
	d->ctx.consumer = CONSUMER_PYTHON;
	d->ctx.dotenv_in_dir = true;
	d->ctx.providers = d->providers;
	fill_results(d);
	hints_build(&hf, &d->src, &d->hints);
	d->notes = xcalloc(2, sizeof *d->notes);
	d->notes[0] = xstrdup("Could not read /home/u/.zshrc: Permission "
	    "denied.");
}

/* ---- --json ---- */

static const cJSON *
get(const cJSON *o, const char *k)
{
	return cJSON_GetObjectItemCaseSensitive(o, k);
}

/* A member's string, or NULL when absent or not a string. */
static const char *
get_str(const cJSON *o, const char *k)
{
	const cJSON *j = get(o, k);

	return cJSON_IsString(j) ? j->valuestring : NULL;
}

/* A member's number, or -1 when absent or not a number. */
static long
get_num(const cJSON *o, const char *k)
{
	const cJSON *j = get(o, k);

	return cJSON_IsNumber(j) ? (long)j->valuedouble : -1;
}

static void
check_key_candidate(const cJSON *c)
{
	char fp[9], *m = key_mask(fake, strlen(fake), false);
	char *om = key_openai_mask(fake, strlen(fake));
	const cJSON *l = get(c, "loaders");

	key_fingerprint(fake, strlen(fake), fp);
	CHECK_STR("OPENAI_API_KEY", get_str(c, "name"));
	CHECK_STR("dotenv", get_str(c, "source"));
	CHECK_STR("/home/u/proj/.env", get_str(c, "path"));
	CHECK_INT(3, get_num(c, "line"));
	CHECK_STR(m, get_str(c, "masked"));
	CHECK_STR(om, get_str(c, "openai_mask"));
	CHECK_INT(164, get_num(c, "length"));
	CHECK_STR(fp, get_str(c, "fingerprint"));
	CHECK(cJSON_GetArraySize(get(c, "defects")) == 1);
	CHECK_STR("quoted", cJSON_GetArrayItem(get(c, "defects"),
	    0)->valuestring);
	CHECK(cJSON_IsObject(l));
	CHECK_STR(fp, get_str(get(l, "python-dotenv"), "fingerprint"));
	CHECK_INT(164, get_num(get(l, "sh-source"), "length"));
	CHECK(cJSON_IsNull(get(l, "docker-env-file")));
	CHECK(cJSON_IsTrue(get(c, "loaded")));
	CHECK(cJSON_IsFalse(get(c, "conditional")));
	free(m);
	free(om);
}

/* The exported key, the short placeholder and the unloaded variant. */
static void
check_other_candidates(const cJSON *a, bool providers)
{
	const cJSON *env = cJSON_GetArrayItem(a, 1);
	const cJSON *rc = cJSON_GetArrayItem(a, 2);
	const cJSON *un = cJSON_GetArrayItem(a, 3);

	CHECK_STR("env", get_str(env, "source"));
	CHECK(cJSON_IsNull(get(env, "path")));
	CHECK(cJSON_IsNull(get(env, "line")));
	CHECK(cJSON_IsNull(get(env, "loaders")));
	CHECK_INT(51, get_num(env, "length"));
	CHECK_STR("rcfile", get_str(rc, "source"));
	CHECK_INT(42, get_num(rc, "line"));
	CHECK(cJSON_IsNull(get(rc, "masked")));
	CHECK(cJSON_IsNull(get(rc, "openai_mask")));
	CHECK_INT(11, get_num(rc, "length"));
	CHECK(cJSON_IsTrue(get(rc, "conditional")));
	CHECK(cJSON_IsNull(get(rc, "provider")));
	CHECK(cJSON_IsNull(get(rc, "kind")));
	CHECK(cJSON_IsFalse(get(un, "loaded")));
	if (providers) {
		CHECK_STR("placeholder", get_str(rc, "class"));
		CHECK_STR("key", get_str(cJSON_GetArrayItem(a, 0), "class"));
		CHECK_STR("openai", get_str(cJSON_GetArrayItem(a, 0),
		    "provider"));
		CHECK_STR("openai-project", get_str(cJSON_GetArrayItem(a, 0),
		    "kind"));
		CHECK_STR("url", get_str(cJSON_GetArrayItem(a, 4), "class"));
	} else {
		CHECK(cJSON_IsNull(get(cJSON_GetArrayItem(a, 0), "class")));
		CHECK(cJSON_IsNull(get(cJSON_GetArrayItem(a, 0), "provider")));
	}
}

static void
check_winners(const cJSON *root)
{
	const cJSON *w = get(root, "winners"), *r = get(root, "refused");

	CHECK_INT(2, get_num(w, "login-shell"));
	CHECK_INT(1, get_num(w, "python-dotenv"));
	CHECK_INT(0, get_num(w, "python-dotenv-override"));
	CHECK_INT(1, get_num(w, "node-dotenv"));
	CHECK(cJSON_IsNull(get(w, "docker-env-file")));
	CHECK_INT(0, get_num(w, "compose-env-file"));
	CHECK_INT(1, cJSON_GetArraySize(r));
	CHECK_STR("docker-env-file", cJSON_GetArrayItem(r, 0)->valuestring);
}

static void
check_checks(const cJSON *a)
{
	size_t n;
	const struct check *const *t = check_table(&n);
	static const char *const want[] = { "pass", "fail", "warn", "pass" };

	CHECK_INT(n, cJSON_GetArraySize(a));
	for (size_t i = 0; i < n; i++) {
		const cJSON *c = cJSON_GetArrayItem(a, (int)i);

		CHECK_STR(t[i]->id, get_str(c, "id"));
		CHECK_STR(i < 4 ? want[i] : "skip", get_str(c, "status"));
		CHECK(get_str(c, "summary") != NULL);
		CHECK(i == 1 ? get_str(c, "detail") != NULL :
		    cJSON_IsNull(get(c, "detail")));
		CHECK(i == 1 ? get_str(c, "fix") != NULL :
		    cJSON_IsNull(get(c, "fix")));
	}
	CHECK_STR("fix401 --fix /home/u/proj",
	    get_str(cJSON_GetArrayItem(a, 1), "fix"));
}

static void
test_json(bool providers)
{
	struct diagnosis d;
	char *text;
	cJSON *root;

	build(&d, providers);
	text = report_json(&d);
	no_leak(text, __LINE__);
	root = cJSON_Parse(text);
	CHECK(root != NULL);
	if (root == NULL)
		goto out;
	CHECK_STR("fix401", get_str(root, "tool"));
	CHECK_STR(PACKAGE_VERSION, get_str(root, "version"));
	CHECK_STR("problems", get_str(root, "verdict"));
	CHECK_STR("/home/u/proj", get_str(root, "dir"));
	CHECK_STR("/home/u/proj/.env", get_str(root, "dotenv"));
	CHECK_STR(BASE_URL, get_str(root, "base_url"));
	CHECK_INT(4, get_num(root, "base_url_candidate"));
	CHECK_INT(5, cJSON_GetArraySize(get(root, "candidates")));
	check_key_candidate(cJSON_GetArrayItem(get(root, "candidates"), 0));
	check_other_candidates(get(root, "candidates"), providers);
	check_winners(root);
	check_checks(get(root, "checks"));
	CHECK_STR("sudo", get_str(cJSON_GetArrayItem(get(root, "hints"), 0),
	    "id"));
	CHECK_INT(1, cJSON_GetArraySize(get(root, "notes")));
	CHECK(cJSON_IsArray(get(root, "requests")));
	CHECK_INT(0, cJSON_GetArraySize(get(root, "requests")));
	cJSON_Delete(root);
out:
	free(text);
	diagnosis_clear(&d);
}

/* --base-url wins over the environment and names no candidate; all
 * checks passing make the verdict "ok". */
static void
test_json_base_url(void)
{
	struct diagnosis d;
	char *text;
	cJSON *root;

	build(&d, false);
	d.ctx.base_url = "http://localhost:8080/v1";
	for (size_t i = 0; i < d.nresults; i++)
		d.results[i].status = CHECK_PASS;
	text = report_json(&d);
	root = cJSON_Parse(text);
	CHECK_STR("ok", get_str(root, "verdict"));
	CHECK_STR("http://localhost:8080/v1", get_str(root, "base_url"));
	CHECK(cJSON_IsNull(get(root, "base_url_candidate")));
	cJSON_Delete(root);
	free(text);
	diagnosis_clear(&d);
}

static void
test_json_error(void)
{
	char *text = report_json_error("Could not read nope.env: No such "
	    "file or directory.");
	cJSON *root = cJSON_Parse(text);

	CHECK_STR("error", get_str(root, "verdict"));
	CHECK_STR("fix401", get_str(root, "tool"));
	CHECK(strstr(get_str(root, "error"), "nope.env") != NULL);
	CHECK_INT(0, cJSON_GetArraySize(get(root, "checks")));
	cJSON_Delete(root);
	free(text);
}

/* ---- the checklist ---- */

/* The checklist for d in the given style (caller frees). */
static char *
render(const struct diagnosis *d, bool marks, bool color, bool ascii)
{
	struct report_style st = { .ascii = ascii, .color = color,
	    .marks = marks };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		exit(99);
	report_checklist(f, d, &st);
	fclose(f);
	return buf;
}

/* How many lines of text start with prefix. */
static int
count_lines(const char *text, const char *prefix)
{
	int n = 0;

	for (const char *p = text; *p != '\0'; p = strchr(p, '\n') + 1) {
		if (strncmp(p, prefix, strlen(prefix)) == 0)
			n++;
		if (strchr(p, '\n') == NULL)
			break;
	}
	return n;
}

/* The widest line, in characters, escape sequences left out. */
static size_t
widest(const char *text)
{
	size_t max = 0, w = 0;

	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '\033') {
			p += strcspn(p, "m");
			continue;
		}
		if (*p == '\n') {
			max = w > max ? w : max;
			w = 0;
		} else if (((unsigned char)*p & 0xc0) != 0x80) {
			w++;
		}
	}
	return w > max ? w : max;
}

/* The status tag as printed in this style. */
static char *
tag(const char *sgr, const char *mark, const char *t, bool marks,
    bool color)
{
	return xasprintf("%s%s%s%s%s", color ? "\033[" : "", color ? sgr : "",
	    color ? "m" : "", marks ? mark : "", t) ;
}

static void
check_style(const struct diagnosis *d, bool marks, bool color)
{
	/* how many in the list, and in the details */
	static const struct {
		const char	*sgr, *mark, *t;
		int		 list, details;
	} want[] = {
		{ "32", "\xe2\x9c\x93 ", "[ OK ]", 2, 0 },
		{ "31", "\xe2\x9c\x97 ", "[FAIL]", 1, 1 },
		{ "33", "! ", "[WARN]", 1, 1 },
		{ "2", "- ", "[SKIP]", 7, 0 },
	};
	char *text = render(d, marks, color, false);

	for (int i = 0; i < 4; i++) {
		char *t = tag(want[i].sgr, want[i].mark, want[i].t, marks,
		    color);
		char *line = xasprintf("%s%s ", t, color ? "\033[0m" : "");
		char *detail = xasprintf("  %s", line);

		CHECK_INT(want[i].list, count_lines(text, line));
		CHECK_INT(want[i].details, count_lines(text, detail));
		free(t);
		free(line);
		free(detail);
	}
	CHECK(color == (strchr(text, '\033') != NULL));
	CHECK(widest(text) <= REPORT_WIDTH);
	if (widest(text) > REPORT_WIDTH)
		fprintf(stderr, "%s", text);
	no_leak(text, __LINE__);
	free(text);
}

static void
check_content(const char *text)
{
	static const char *const lines[] = {
		"Folder: /home/u/proj\n",
		".env file: /home/u/proj/.env\n",
		"Base URL: " BASE_URL " (the environment)\n",
		"Keys found (OPENAI_API_KEY):\n",
		"  /home/u/proj/.env:3\n",
		"    problems: value in quotes\n",
		"    used by: python-dotenv-override, compose-env-file\n",
		"    used by: python-dotenv, node-dotenv\n",
		"  /home/u/.bashrc:42, inside a conditional block\n",
		"    hidden, 11 characters, looks like a placeholder (11 ",
		"    used by: login-shell\n",
		"  /home/u/proj/.env.local:1\n",
		"    not loaded: no program reads it from there\n",
		"  Refuse the whole .env file: docker-env-file\n",
		"Other OPENAI variables:\n",
		"  OPENAI_BASE_URL at the environment: ",
		"Details:\n",
		"    Fix: fix401 --fix /home/u/proj\n",
		"Good to know:\n",
		"  * sudo resets the environment",
		"Notes:\n",
		"  * Could not read /home/u/.zshrc: Permission denied.\n",
	};
	char *m = key_mask(fake, strlen(fake), false), *want;
	size_t n;

	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		CHECK_INT(1, count_lines(text, lines[i]) > 0);
		if (count_lines(text, lines[i]) == 0)
			fprintf(stderr, "    missing: %s\n", lines[i]);
	}
	want = xasprintf("    %s (164 characters, fingerprint ", m);
	CHECK(count_lines(text, want) == 1);
	free(want);
	want = xasprintf("[ OK ] %s: OPENAI_API_KEY is set in "
	    "/home/u/proj/.env:3\n", check_table(&n)[0]->title);
	CHECK(count_lines(text, want) == 1);
	free(want);
	want = xasprintf("  [FAIL] %s\n", check_table(&n)[1]->title);
	CHECK(count_lines(text, want) == 1);
	free(want);
	free(m);
}

static void
test_checklist(void)
{
	struct diagnosis d;
	char *text;

	build(&d, true);
	for (int i = 0; i < 4; i++)
		check_style(&d, i & 1, i & 2);
	text = render(&d, false, false, false);
	check_content(text);
	if (getenv("SHOW") != NULL)
		fputs(text, stdout);
	free(text);
	/* ASCII wins over marks; the mask uses "..." */
	text = render(&d, true, false, true);
	CHECK(strstr(text, "\xe2") == NULL);
	CHECK(count_lines(text, "[FAIL] ") == 1);
	free(text);
	diagnosis_clear(&d);
}

/* No key, no .env: the sections say so. */
static void
test_checklist_empty(void)
{
	struct diagnosis d;
	char *text;

	memset(&d, 0, sizeof d);
	d.dir = xstrdup("/tmp/empty");
	sources_init(&d.src);
	d.ctx.dir = d.dir;
	d.ctx.src = &d.src;
	text = render(&d, false, false, false);
	CHECK(count_lines(text, ".env file: none found") == 1);
	CHECK(count_lines(text, "Base URL: https://api.openai.com/v1 (the "
	    "default)") == 1);
	CHECK(count_lines(text, "  none, in every place fix401 looked") == 1);
	CHECK(strstr(text, "Details") == NULL);
	free(text);
	diagnosis_clear(&d);
}

/* Checks report_name(in) against exp. */
static void
expect_name(const char *in, const char *exp, int line)
{
	char *out = report_name(in);

	unit_mem(exp, strlen(exp), out, strlen(out), in, __FILE__, line);
	free(out);
}

/* A key glued to a name shows none of its characters past a prefix;
 * names of short words show whole. */
static void
test_name(void)
{
	char glued[200];

	expect_name("NEXT_PUBLIC_OPENAI_API_KEY", "NEXT_PUBLIC_OPENAI_API_KEY",
	    __LINE__);
	expect_name("openai_api_key", "openai_api_key", __LINE__);
	expect_name("OPENAI_API_KEY\x1b[31m", "OPENAI_API_KEY?[31m", __LINE__);
	expect_name("OPENAI_API_KEY-sk-x", "OPENAI_API_KEY-sk-x", __LINE__);
	expect_name("OPENAI_API_KEY-sk-abc_def_ghi",
	    "OPENAI_API_KEY-...(+14 characters)", __LINE__);
	expect_name("OPENAI_API_KEY0123456789abcdef0123456789abcdef",
	    "OPENAI_API_...(+35 characters)", __LINE__);
	expect_name("OPENAI_API_KEY_Ab1", "OPENAI_API_KEY_...(+3 characters)",
	    __LINE__);
	snprintf(glued, sizeof glued, "OPENAI_API_KEY%s", fake);
	expect_name(glued, "OPENAI_API_KEY...(+164 characters)",
	    __LINE__);
}

/* Secrets where a report shows text the user did not write: a glued
 * name, a base URL with a key, a password and a token, and a paste that
 * repeats a value with no key prefix. */
static void
test_leaks(void)
{
	struct diagnosis d;
	char name[200], url[600], paste[500], *text, *p;

	build(&d, true);
	snprintf(name, sizeof name, "OPENAI_API_KEY-%s", other);
	sources_add(&d.src, name, SOURCE_DOTENV, "/home/u/proj/.env", 9, "",
	    0);
	snprintf(url, sizeof url, "https://u:%s@proxy.example/%s/%s/v1?k=%s",
	    old, fake, other + 8, old);
	d.ctx.base_url = url;
	text = report_json(&d);
	no_leak(text, __LINE__);
	snprintf(paste, sizeof paste, "\"https://***@proxy.example/sk-p%s/"
	    "%.4s%s/v1?%s\"", ELL, other + 8, ELL, ELL);
	CHECK(strstr(text, paste) != NULL);
	CHECK(strstr(text, "\"OPENAI_API_KEY-...(+164 characters)\"") != NULL);
	free(text);
	text = render(&d, false, false, false);
	no_leak(text, __LINE__);
	CHECK(strstr(text, "Base URL: https://***@proxy.example/sk-p") != NULL);
	free(text);
	snprintf(paste, sizeof paste, "Bad key: api_key='%s' (%s)", other + 8,
	    fake + 20);
	p = report_paste(paste, &d);
	no_leak(p, __LINE__);
	CHECK(strncmp(p, "Bad key: api_key='", 18) == 0);
	free(p);
	CHECK(report_paste(NULL, &d) == NULL);
	diagnosis_clear(&d);
}

static void
test_wrap(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	char word[100];

	memset(word, 'x', 99);
	word[99] = '\0';
	report_wrap(f, 70, 4, "one two three\nfour");
	report_wrap(f, 0, 2, word);
	fclose(f);
	CHECK(strstr(buf, word) != NULL);
	CHECK_STR("one two\n    three\n    four\n", strtok(buf, "x"));
	free(buf);
}

int
main(void)
{
	make_key(fake, "sk-proj-", 164, 1);
	make_key(old, "sk-", 51, 2);
	make_key(other, "sk-proj-", 164, 3);
	CHECK(leaks(fake, fake));	/* the leak test can fail */
	test_wrap();
	test_json(true);
	test_json(false);
	test_json_base_url();
	test_json_error();
	test_checklist();
	test_checklist_empty();
	test_name();
	test_leaks();
	return unit_done();
}
