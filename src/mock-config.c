/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Reading fix401-mock's JSON configuration (data/mock.json) into a
 * struct mock_config, refusing anything unknown or ill-typed with a
 * message that names the file and the member. */
#include <config.h>

#include "mock-config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "i18n.h"
#include "xalloc.h"

#define CONFIG_MAX	(16L * 1024 * 1024)	/* bytes a config may have */
#define MS_MAX		600000L			/* ten minutes */

/* Config names, in enum mock_behaviour order. */
static const char *const behaviour_names[MOCK_BEHAVIOURS] = {
	"valid", "revoked", "deactivated", "no-organization", "restricted",
	"ip-not-authorized", "no-quota", "rate-limited", "region", "hang",
	"server-500", "server-503", "html", "not-json", "redirect", "huge",
	"ansi", "proxy-401", "text-401", "azure", "openrouter", "gemini",
	"mistral", "xai", "vllm",
};

/* Where a message about the file points: the file and, inside keys, the
 * entry's index (-1 at the top level). */
struct where {
	const char	*file;
	long		 entry;
	char		**cause;
};

static void
complain(const struct where *w, const char *member, const char *what)
{
	if (w->entry < 0)
		/* TRANSLATORS: "FILE: "models" must be an array of strings". */
		*w->cause = xasprintf(_("%s: \"%s\" %s"), w->file, member,
		    what);
	else
		/* TRANSLATORS: "FILE: keys[3]: "times" must be ...". */
		*w->cause = xasprintf(_("%s: keys[%ld]: \"%s\" %s"), w->file,
		    w->entry, member, what);
}

const char *
mock_behaviour_name(enum mock_behaviour b)
{
	return b < MOCK_BEHAVIOURS ? behaviour_names[b] : "?";
}

bool
mock_key_take(struct mock_key *k)
{
	if (k->times < 0)
		return true;
	if (k->used >= k->times)
		return false;
	k->used++;
	return true;
}

bool
mock_config_has(char *const *v, const char *id)
{
	for (; v != NULL && *v != NULL; v++)
		if (strcmp(*v, id) == 0)
			return true;
	return false;
}

/* A NULL-terminated copy of an array of strings into *out. */
static int
get_strv(const struct where *w, const cJSON *j, char ***out)
{
	const cJSON *it;
	size_t n = 0;

	if (*out != NULL)
		goto twice;
	if (!cJSON_IsArray(j))
		goto bad;
	cJSON_ArrayForEach(it, j)
		if (!cJSON_IsString(it) || *it->valuestring == '\0')
			goto bad;
	*out = xcalloc((size_t)cJSON_GetArraySize(j) + 1, sizeof **out);
	cJSON_ArrayForEach(it, j)
		(*out)[n++] = xstrdup(it->valuestring);
	return 0;
bad:
	complain(w, j->string, _("must be an array of strings"));
	return -1;
twice:
	complain(w, j->string, _("comes twice"));
	return -1;
}

static int
get_str(const struct where *w, const cJSON *j, char **out)
{
	if (*out != NULL) {
		complain(w, j->string, _("comes twice"));
		return -1;
	}
	if (!cJSON_IsString(j) || *j->valuestring == '\0') {
		complain(w, j->string, _("must be a string that is not empty"));
		return -1;
	}
	*out = xstrdup(j->valuestring);
	return 0;
}

static int
get_long(const struct where *w, const cJSON *j, long max, long *out)
{
	double d = cJSON_IsNumber(j) ? j->valuedouble : -1;

	if (d < 0 || d > (double)max || d != (double)(long)d) {
		/* TRANSLATORS: "must be a whole number from 0 to 600000". */
		char *what = xasprintf(_("must be a whole number from 0 to "
		    "%ld"), max);

		complain(w, j->string, what);
		free(what);
		return -1;
	}
	*out = (long)d;
	return 0;
}

static int
get_behaviour(const struct where *w, const cJSON *j, struct mock_key *k)
{
	for (int b = 0; cJSON_IsString(j) && b < MOCK_BEHAVIOURS; b++)
		if (strcmp(j->valuestring, behaviour_names[b]) == 0) {
			k->behaviour = (enum mock_behaviour)b;
			return 0;
		}
	complain(w, j->string, _("is not a behaviour fix401-mock knows (see "
	    "fix401-mock(1))"));
	return -1;
}

static int
get_scopes(const struct where *w, const cJSON *j, struct mock_key *k)
{
	char **v = NULL;

	if (get_strv(w, j, &v) < 0)
		return -1;
	for (size_t i = 0; v[i] != NULL; i++) {
		if (strcmp(v[i], "api.model.read") == 0)
			k->scopes |= MOCK_SCOPE_MODEL_READ;
		else if (strcmp(v[i], "model.request") == 0)
			k->scopes |= MOCK_SCOPE_MODEL_REQUEST;
		else {
			complain(w, j->string, _("may hold only "
			    "\"api.model.read\" and \"model.request\""));
			xfree_strv(v);
			return -1;
		}
	}
	xfree_strv(v);
	return 0;
}

/* The fake key itself: something a client can send in a header. */
static int
get_key(const struct where *w, const cJSON *j, struct mock_key *k)
{
	if (get_str(w, j, &k->key) < 0)
		return -1;
	k->key_len = strlen(k->key);
	for (size_t i = 0; i < k->key_len; i++) {
		unsigned char c = (unsigned char)k->key[i];

		if (c <= ' ' || c == 0x7f) {
			complain(w, j->string, _("holds a blank or a control "
			    "character, which no client can send"));
			return -1;
		}
	}
	return 0;
}

/* A member of a key entry that is not a string. */
static int
key_option(const struct where *w, const cJSON *m, struct mock_key *k)
{
	const char *s = m->string;

	if (strcmp(s, "models") == 0)
		return get_strv(w, m, &k->models);
	if (strcmp(s, "scopes") == 0)
		return get_scopes(w, m, k);
	if (strcmp(s, "times") == 0)
		return get_long(w, m, 1000000000L, &k->times);
	if (strcmp(s, "retry_after") == 0)
		return get_long(w, m, 3600, &k->retry_after);
	if (strcmp(s, "latency_ms") == 0)
		return get_long(w, m, MS_MAX, &k->latency_ms);
	if (strcmp(s, "legacy_params") != 0) {
		complain(w, s, _("is not a member a key may have"));
		return -1;
	}
	if (!cJSON_IsBool(m)) {
		complain(w, s, _("must be true or false"));
		return -1;
	}
	k->legacy_params = cJSON_IsTrue(m);
	return 0;
}

/* One member of a key entry. */
static int
key_member(const struct where *w, const cJSON *m, struct mock_key *k)
{
	const char *s = m->string;

	if (strcmp(s, "$comment") == 0)
		return 0;
	if (strcmp(s, "name") == 0)
		return get_str(w, m, &k->name);
	if (strcmp(s, "key") == 0)
		return get_key(w, m, k);
	if (strcmp(s, "behaviour") == 0)
		return get_behaviour(w, m, k);
	if (strcmp(s, "organization") == 0)
		return get_str(w, m, &k->organization);
	if (strcmp(s, "project") == 0)
		return get_str(w, m, &k->project);
	if (strcmp(s, "owner") == 0)
		return get_str(w, m, &k->owner);
	return key_option(w, m, k);
}

static int
parse_key(struct where *w, const cJSON *j, struct mock_key *k)
{
	const cJSON *m;

	k->times = -1;
	k->retry_after = 1;
	if (!cJSON_IsObject(j)) {
		*w->cause = xasprintf(_("%s: keys[%ld] must be an object"),
		    w->file, w->entry);
		return -1;
	}
	cJSON_ArrayForEach(m, j)
		if (key_member(w, m, k) < 0)
			return -1;
	if (k->name == NULL || k->key == NULL ||
	    cJSON_GetObjectItemCaseSensitive(j, "behaviour") == NULL) {
		*w->cause = xasprintf(_("%s: keys[%ld] needs \"name\", \"key\" "
		    "and \"behaviour\""), w->file, w->entry);
		return -1;
	}
	return 0;
}

/* Two entries with one name, or one key, would make tests ambiguous. */
static int
check_unique(const struct mock_config *c, const char *file, char **cause)
{
	for (size_t i = 0; i < c->nkeys; i++)
		for (size_t j = 0; j < i; j++) {
			const struct mock_key *a = &c->keys[j];
			const struct mock_key *b = &c->keys[i];

			if (strcmp(a->name, b->name) == 0) {
				*cause = xasprintf(_("%s: two keys are named "
				    "\"%s\""), file, a->name);
				return -1;
			}
			if (strcmp(a->key, b->key) == 0) {
				*cause = xasprintf(_("%s: \"%s\" and \"%s\" "
				    "have the same key"), file, a->name,
				    b->name);
				return -1;
			}
		}
	return 0;
}

static int
parse_keys(struct mock_config *c, const cJSON *j, struct where *w)
{
	const cJSON *it;

	if (!cJSON_IsArray(j)) {
		complain(w, "keys", _("must be an array of objects"));
		return -1;
	}
	c->keys = xcalloc((size_t)cJSON_GetArraySize(j) + 1, sizeof *c->keys);
	cJSON_ArrayForEach(it, j) {
		w->entry = (long)c->nkeys;
		if (parse_key(w, it, &c->keys[c->nkeys++]) < 0)
			return -1;
	}
	w->entry = -1;
	return check_unique(c, w->file, w->cause);
}

static int
parse_top(struct mock_config *c, const cJSON *root, struct where *w)
{
	const cJSON *m;
	int rc = 0;

	if (!cJSON_IsObject(root)) {
		*w->cause = xasprintf(_("%s: the top level must be a JSON "
		    "object"), w->file);
		return -1;
	}
	cJSON_ArrayForEach(m, root) {
		if (strcmp(m->string, "$comment") == 0)
			continue;
		if (strcmp(m->string, "models") == 0)
			rc = get_strv(w, m, &c->models);
		else if (strcmp(m->string, "reasoning_models") == 0)
			rc = get_strv(w, m, &c->reasoning);
		else if (strcmp(m->string, "keys") == 0 && c->keys == NULL)
			rc = parse_keys(c, m, w);
		else {
			complain(w, m->string, _("is not a member the top "
			    "level may have (or comes twice)"));
			rc = -1;
		}
		if (rc < 0)
			return -1;
	}
	if (c->models == NULL)
		c->models = xcalloc(1, sizeof *c->models);
	return 0;
}

/* The line of text[0..at), 1-based, for a parse error. */
static long
line_of(const char *text, size_t at)
{
	long line = 1;

	for (size_t i = 0; i < at; i++)
		line += text[i] == '\n';
	return line;
}

struct mock_config *
mock_config_parse(const char *text, size_t len, const char *name,
    char **cause)
{
	struct where w = { name, -1, cause };
	struct mock_config *c;
	const char *end = NULL;
	cJSON *root;

	root = cJSON_ParseWithLengthOpts(text, len, &end, false);
	if (root == NULL) {
		size_t at = end != NULL && end >= text ? (size_t)(end - text) :
		    len;

		/* TRANSLATORS: "FILE: not valid JSON (line 12)". */
		*cause = xasprintf(_("%s: not valid JSON (line %ld)"), name,
		    line_of(text, at < len ? at : len));
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	if (parse_top(c, root, &w) < 0) {
		mock_config_free(c);
		c = NULL;
	}
	cJSON_Delete(root);
	return c;
}

/* The whole file into a new buffer (caller frees); NULL on error, with
 * errno set. */
static char *
read_all(FILE *f, size_t *len)
{
	char *p = NULL;
	size_t cap = 0, n = 0, got;

	do {
		p = xgrow(p, &cap, n + 65536, 1);
		got = fread(p + n, 1, cap - n, f);
		n += got;
		if (n > CONFIG_MAX) {
			free(p);
			errno = EFBIG;
			return NULL;
		}
	} while (got > 0);
	if (ferror(f)) {
		free(p);
		errno = EIO;
		return NULL;
	}
	*len = n;
	return p;
}

struct mock_config *
mock_config_load(const char *path, char **cause)
{
	struct mock_config *c;
	size_t len = 0;
	char *text = NULL;
	FILE *f = fopen(path, "re");

	if (f != NULL)
		text = read_all(f, &len);
	if (text == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		if (f != NULL)
			fclose(f);
		return NULL;
	}
	fclose(f);
	c = mock_config_parse(text, len, path, cause);
	xwipe(text, len);
	free(text);
	return c;
}

struct mock_key *
mock_config_find(struct mock_config *c, const char *k, size_t len)
{
	for (size_t i = 0; i < c->nkeys; i++)
		if (c->keys[i].key_len == len &&
		    memcmp(c->keys[i].key, k, len) == 0)
			return &c->keys[i];
	return NULL;
}

struct mock_key *
mock_config_named(struct mock_config *c, const char *name)
{
	for (size_t i = 0; i < c->nkeys; i++)
		if (strcmp(c->keys[i].name, name) == 0)
			return &c->keys[i];
	return NULL;
}

static void
key_clear(struct mock_key *k)
{
	free(k->name);
	if (k->key != NULL) {
		xwipe(k->key, k->key_len);
		free(k->key);
	}
	free(k->organization);
	free(k->project);
	free(k->owner);
	xfree_strv(k->models);
}

void
mock_config_free(struct mock_config *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->nkeys; i++)
		key_clear(&c->keys[i]);
	free(c->keys);
	xfree_strv(c->models);
	xfree_strv(c->reasoning);
	free(c);
}
