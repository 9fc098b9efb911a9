/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The providers table: loads data/providers.json into owned structs (the
 * cJSON tree is freed at once), frees it and answers the accessors.  The
 * lookups live in provider-key.c and provider-url.c. */
#include <config.h>

#include "provider.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "i18n.h"
#include "provider-table.h"
#include "safefile.h"
#include "xalloc.h"

/* ---- loading ---- */

/* Copies the string member name of o to *out, NULL when absent or null.
 * -1 when it has another type, or is absent and required. */
static int
take_str(const cJSON *o, const char *name, bool required, char **out)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);

	*out = NULL;
	if (m == NULL || cJSON_IsNull(m))
		return required ? -1 : 0;
	if (!cJSON_IsString(m))
		return -1;
	*out = xstrdup(m->valuestring);
	return 0;
}

/* The boolean member name of o into *out (dflt when absent); -1 when it
 * has another type. */
static int
take_bool(const cJSON *o, const char *name, bool dflt, bool *out)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);

	*out = dflt;
	if (m == NULL)
		return 0;
	if (!cJSON_IsBool(m))
		return -1;
	*out = cJSON_IsTrue(m);
	return 0;
}

/* The string array member name of o as a new NULL-terminated vector in
 * *out (empty when absent); -1 when it is not an array of strings. */
static int
take_strv(const cJSON *o, const char *name, char ***out)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name), *e;
	size_t n = 0;

	*out = xcalloc((size_t)cJSON_GetArraySize(m) + 1, sizeof **out);
	if (m == NULL)
		return 0;
	if (!cJSON_IsArray(m))
		return -1;
	cJSON_ArrayForEach(e, m) {
		if (!cJSON_IsString(e))
			return -1;
		(*out)[n++] = xstrdup(e->valuestring);
	}
	return 0;
}

/* Fills allowed[] from a regex class body such as "A-Za-z0-9_-"; a '-'
 * first or last is literal.  -1 for non-ASCII or a reversed range. */
static int
parse_charset(const char *s, bool allowed[128])
{
	for (size_t i = 0; s[i] != '\0'; i++) {
		unsigned char lo = (unsigned char)s[i], hi = lo;

		if (s[i + 1] == '-' && s[i + 2] != '\0') {
			hi = (unsigned char)s[i + 2];
			i += 2;
		}
		if (lo > hi || hi >= 128)
			return -1;
		for (unsigned c = lo; c <= hi; c++)
			allowed[c] = true;
	}
	return 0;
}

/* The "lengths" member of o into k; -1 unless an array of positive
 * integers. */
static int
parse_lengths(const cJSON *o, struct provider_kind *k)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, "lengths"), *e;

	if (m == NULL)
		return 0;
	if (!cJSON_IsArray(m))
		return -1;
	k->lengths = xcalloc((size_t)cJSON_GetArraySize(m) + 1,
	    sizeof *k->lengths);
	cJSON_ArrayForEach(e, m) {
		if (!cJSON_IsNumber(e) || e->valuedouble < 1 ||
		    e->valuedouble > 100000 ||
		    e->valuedouble != (double)(size_t)e->valuedouble)
			return -1;
		k->lengths[k->nlengths++] = (size_t)e->valuedouble;
	}
	return 0;
}

/* One key kind from o into k (zeroed); -1 when malformed. */
static int
parse_kind(const cJSON *o, struct provider_kind *k)
{
	char *charset = NULL;
	int rc = 0;

	if (!cJSON_IsObject(o) || take_str(o, "kind", true, &k->id) ||
	    take_str(o, "prefix", true, &k->prefix) ||
	    take_str(o, "contains", false, &k->contains) ||
	    take_str(o, "suffix", false, &k->suffix) ||
	    take_bool(o, "api_key", true, &k->api_key) ||
	    take_bool(o, "fallback", false, &k->fallback) ||
	    take_str(o, "charset", false, &charset) || parse_lengths(o, k))
		rc = -1;
	else if (charset != NULL)
		rc = parse_charset(charset, k->allowed);
	k->any_char = charset == NULL;
	k->prefix_len = k->prefix != NULL ? strlen(k->prefix) : 0;
	free(charset);
	return rc;
}

/* One provider from o into p (zeroed); -1 when malformed. */
static int
parse_provider(const cJSON *o, struct provider *p)
{
	const cJSON *keys = cJSON_GetObjectItemCaseSensitive(o, "keys"), *e;
	char *auth = NULL;
	int rc = -1;

	if (!cJSON_IsObject(o) || take_str(o, "id", true, &p->id) ||
	    take_str(o, "name", true, &p->name) ||
	    take_str(o, "base_url", false, &p->base_url) ||
	    take_str(o, "model", false, &p->model) ||
	    take_strv(o, "hosts", &p->hosts) || take_strv(o, "env", &p->env) ||
	    take_str(o, "auth", true, &auth) || !cJSON_IsArray(keys))
		goto out;
	if (strcmp(auth, "bearer") == 0)
		p->auth = PROVIDER_AUTH_BEARER;
	else if (strcmp(auth, "api-key") == 0)
		p->auth = PROVIDER_AUTH_API_KEY;
	else
		goto out;
	p->kinds = xcalloc((size_t)cJSON_GetArraySize(keys) + 1,
	    sizeof *p->kinds);
	cJSON_ArrayForEach(e, keys) {
		if (parse_kind(e, &p->kinds[p->nkinds++]) == -1)
			goto out;
	}
	rc = 0;
out:
	free(auth);
	return rc;
}

/* The providers of root into ps; -1 when malformed, with *bad the index
 * of the offending provider. */
static int
parse_table(const cJSON *root, struct providers *ps, size_t *bad)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(root,
	    "providers"), *e;

	*bad = 0;
	if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) == 0)
		return -1;
	ps->v = xcalloc((size_t)cJSON_GetArraySize(list), sizeof *ps->v);
	cJSON_ArrayForEach(e, list) {
		*bad = ps->n + 1;
		if (parse_provider(e, &ps->v[ps->n++]) == -1 ||
		    provider_find(ps, ps->v[ps->n - 1].id) != &ps->v[ps->n - 1])
			return -1;
	}
	return 0;
}

/* Reads the whole file at path into *buf and *len; -1 with *cause. */
static int
read_file(const char *path, char **buf, size_t *len, char **cause)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), err;

	if (fd != -1 && safefile_read_fd(fd, buf, len) == 0) {
		close(fd);
		return 0;
	}
	err = errno;
	if (fd != -1)
		close(fd);
	safefile_cause(cause, _("Could not read the providers file %s: %s "
	    "(%s)."), path, safefile_hint(err), strerror(err));
	return -1;
}

/* Parses buf[0..len) from path into a new table, or NULL with *cause. */
static struct providers *
providers_parse(const char *path, const char *buf, size_t len, char **cause)
{
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(buf, len, &end, false);
	struct providers *ps;
	size_t bad;

	if (root == NULL) {
		safefile_cause(cause, _("The providers file %s is not valid "
		    "JSON (near byte %zu)."), path,
		    end != NULL && end >= buf ? (size_t)(end - buf) : len);
		return NULL;
	}
	ps = xcalloc(1, sizeof *ps);
	if (parse_table(root, ps, &bad) == -1) {
		/* TRANSLATORS: %zu counts the providers from 1; 0 means the
		   top level itself. */
		safefile_cause(cause, _("The providers file %s is damaged: "
		    "provider %zu has a missing or wrong member."), path, bad);
		providers_free(ps);
		ps = NULL;
	}
	cJSON_Delete(root);
	return ps;
}

struct providers *
providers_load(const char *path, char **cause)
{
	const char *dir = getenv("FIX401_DATADIR");
	struct providers *ps;
	char *own = NULL, *buf;
	size_t len;

	if (cause != NULL)
		*cause = NULL;
	if (path == NULL && dir != NULL && *dir != '\0')
		path = own = safefile_join(dir, "providers.json");
	else if (path == NULL)
		path = PKGDATADIR "/providers.json";
	if (read_file(path, &buf, &len, cause) == -1) {
		free(own);
		return NULL;
	}
	ps = providers_parse(path, buf, len, cause);
	free(buf);
	free(own);
	return ps;
}

static void
strv_free(char **v)
{
	for (size_t i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

static void
provider_clear(struct provider *p)
{
	for (size_t i = 0; i < p->nkinds; i++) {
		struct provider_kind *k = &p->kinds[i];

		free(k->id);
		free(k->prefix);
		free(k->contains);
		free(k->suffix);
		free(k->lengths);
	}
	free(p->kinds);
	strv_free(p->hosts);
	strv_free(p->env);
	free(p->id);
	free(p->name);
	free(p->base_url);
	free(p->model);
}

void
providers_free(struct providers *ps)
{
	if (ps == NULL)
		return;
	for (size_t i = 0; i < ps->n; i++)
		provider_clear(&ps->v[i]);
	free(ps->v);
	free(ps);
}

size_t
providers_count(const struct providers *ps)
{
	return ps->n;
}

const struct provider *
providers_get(const struct providers *ps, size_t i)
{
	return i < ps->n ? &ps->v[i] : NULL;
}

const struct provider *
provider_find(const struct providers *ps, const char *id)
{
	for (size_t i = 0; i < ps->n; i++)
		if (ps->v[i].id != NULL && strcmp(ps->v[i].id, id) == 0)
			return &ps->v[i];
	return NULL;
}

/* ---- accessors ---- */

const char *
provider_id(const struct provider *p)
{
	return p->id;
}

const char *
provider_name(const struct provider *p)
{
	return p->name;
}

enum provider_auth
provider_auth(const struct provider *p)
{
	return p->auth;
}

const char *
provider_base_url(const struct provider *p)
{
	return p->base_url;
}

const char *
provider_model(const struct provider *p)
{
	return p->model;
}

const char *const *
provider_env(const struct provider *p)
{
	return (const char *const *)p->env;
}
