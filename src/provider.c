/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The providers table: loads data/providers.json into owned structs (the
 * cJSON tree is freed at once), then tells which provider and key kind a
 * value is, or what else it is, and which provider a base URL names. */
#include <config.h>

#include "provider.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "i18n.h"
#include "key.h"
#include "safefile.h"
#include "xalloc.h"

/* One key kind of a provider; owns its strings. */
struct kind {
	char	*id;		/* "openai-project" */
	char	*prefix;	/* "" for none */
	size_t	 prefix_len;
	char	*contains;	/* a literal after the prefix, or NULL */
	char	*suffix;	/* a literal the key ends with, or NULL */
	bool	 any_char;	/* no charset: printable ASCII but space */
	bool	 allowed[128];	/* the charset after the prefix */
	size_t	*lengths;	/* known total lengths in characters */
	size_t	 nlengths;
	bool	 api_key;	/* false for look-alikes (sess-) */
	bool	 fallback;	/* only when no sibling with the prefix fits */
};

/* One provider; owns everything it points at. */
struct provider {
	char	*id;
	char	*name;
	char	*base_url;	/* NULL when there is no default */
	char	*model;		/* NULL when not known */
	enum provider_auth auth;
	char	**hosts;	/* NULL-terminated host patterns */
	char	**env;		/* NULL-terminated variable names */
	struct kind *kinds;
	size_t	 nkinds;
};

struct providers {
	struct provider *v;	/* owned, n of them */
	size_t	 n;
};

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
parse_lengths(const cJSON *o, struct kind *k)
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
parse_kind(const cJSON *o, struct kind *k)
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
		struct kind *k = &p->kinds[i];

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

/* ---- keys ---- */

/* Fills the shape members of out for v measured against kind k. */
static void
measure(const struct kind *k, const char *v, size_t len, struct key_id *out)
{
	size_t hi = 0, n = out->length;
	const char *body = v + k->prefix_len;
	size_t blen = len - k->prefix_len, slen;

	out->length_fit = KEY_LEN_UNKNOWN;
	for (size_t i = 0; i < k->nlengths; i++) {
		if (k->lengths[i] == n)
			out->length_fit = KEY_LEN_OK;
		hi = k->lengths[i] > hi ? k->lengths[i] : hi;
	}
	/* Between two lengths counts as cut off: a 150-character sk-proj-
	   key is a 164 one that lost its end, not a long 132 one. */
	if (k->nlengths > 0 && out->length_fit != KEY_LEN_OK)
		out->length_fit = n > hi ? KEY_LEN_LONG : KEY_LEN_SHORT;
	out->charset_ok = true;
	for (size_t i = 0; i < blen; i++) {
		unsigned char c = (unsigned char)body[i];

		if (c >= 128 || (k->any_char ? c <= ' ' || c == 0x7f :
		    !k->allowed[c]))
			out->charset_ok = false;
	}
	slen = k->suffix != NULL ? strlen(k->suffix) : 0;
	out->marker_ok = (k->contains == NULL || memmem(body, blen,
	    k->contains, strlen(k->contains)) != NULL) &&
	    (slen == 0 || (blen >= slen &&
	    memcmp(v + len - slen, k->suffix, slen) == 0));
}

/* True when v has every trait kind k lists. */
static bool
fits(const struct kind *k, const char *v, size_t len)
{
	struct key_id m = { .length = key_length(v, len) };

	measure(k, v, len, &m);
	return (m.length_fit == KEY_LEN_OK ||
	    m.length_fit == KEY_LEN_UNKNOWN) && m.charset_ok && m.marker_ok;
}

/* How well kind k explains v, among kinds sharing its prefix: 3 fits, 2
 * holds its marker, 1 is the fallback, 0 merely shares the prefix. */
static int
score(const struct kind *k, const char *v, size_t len)
{
	if (k->fallback)
		return 1;
	if (fits(k, v, len))
		return 3;
	if (k->contains != NULL && memmem(v + k->prefix_len,
	    len - k->prefix_len, k->contains, strlen(k->contains)) != NULL)
		return 2;
	return 0;
}

/* The best kind whose prefix starts v (the longest prefix wins, then
 * score()), or with bare set the first prefix-less kind v fits.  *pp
 * gets its provider.  NULL when none. */
static const struct kind *
pick_kind(const struct providers *ps, const char *v, size_t len, bool bare,
    const struct provider **pp)
{
	const struct kind *best = NULL;
	int best_score = -1;

	for (size_t i = 0; i < ps->n; i++) {
		for (size_t j = 0; j < ps->v[i].nkinds; j++) {
			const struct kind *k = &ps->v[i].kinds[j];
			int s;

			if (bare ? k->prefix_len != 0 || !fits(k, v, len) :
			    k->prefix_len == 0 || len <= k->prefix_len ||
			    memcmp(v, k->prefix, k->prefix_len) != 0)
				continue;
			s = score(k, v, len);
			if (best != NULL && (k->prefix_len < best->prefix_len ||
			    (k->prefix_len == best->prefix_len &&
			    s <= best_score)))
				continue;
			best = k;
			best_score = s;
			*pp = &ps->v[i];
		}
	}
	return best;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* True when whitespace stands between two other characters. */
static bool
has_inner_space(const char *v, size_t len)
{
	size_t a = 0, b = len;

	while (a < b && is_space(v[a]))
		a++;
	while (b > a && is_space(v[b - 1]))
		b--;
	for (size_t i = a; i < b; i++)
		if (is_space(v[i]))
			return true;
	return false;
}

/* What v is when it is plainly not a key, else KEY_ID_UNKNOWN. */
static enum key_id_class
not_a_key(const char *v, size_t len)
{
	if (key_is_placeholder(v, len))
		return KEY_ID_PLACEHOLDER;
	if (memmem(v, len, "://", 3) != NULL)
		return KEY_ID_URL;
	if (len > 4 && memcmp(v, "org-", 4) == 0)
		return KEY_ID_ORG_ID;
	if (len > 5 && memcmp(v, "proj_", 5) == 0)
		return KEY_ID_PROJECT_ID;
	return KEY_ID_UNKNOWN;
}

/* Records kind k of provider p as the verdict. */
static void
settle(const struct provider *p, const struct kind *k, const char *v,
    size_t len, struct key_id *out)
{
	out->provider = p;
	out->kind = k->id;
	measure(k, v, len, out);
	out->cls = k->api_key ? KEY_ID_KEY : KEY_ID_SESSION;
}

void
provider_identify_key(const struct providers *ps, const char *v,
    size_t len, struct key_id *out)
{
	const struct provider *p = NULL;
	const struct kind *k;

	*out = (struct key_id){ .cls = KEY_ID_UNKNOWN,
	    .length = key_length(v, len), .length_fit = KEY_LEN_UNKNOWN,
	    .charset_ok = true, .marker_ok = true };
	if (len == 0) {
		out->cls = KEY_ID_EMPTY;
		return;
	}
	k = pick_kind(ps, v, len, false, &p);
	/* A key of a known shape is a key even if it happens to contain
	   a word such as "here" that marks placeholders. */
	if (k != NULL && !k->fallback && fits(k, v, len)) {
		settle(p, k, v, len, out);
		return;
	}
	out->cls = not_a_key(v, len);
	if (out->cls != KEY_ID_UNKNOWN)
		return;
	if (k == NULL && has_inner_space(v, len)) {
		out->cls = KEY_ID_PROSE;
		return;
	}
	if (k == NULL)
		k = pick_kind(ps, v, len, true, &p);
	if (k != NULL)
		settle(p, k, v, len, out);
}

/* ---- base URLs ---- */

/* The host and port of a URL; port is the scheme's default when absent,
 * -1 when not known. */
struct hostport {
	const char *host;
	size_t	 hlen;
	long	 port;
};

/* Splits url into hp; false when it has no scheme://host. */
static bool
url_split(const char *url, struct hostport *hp)
{
	const char *s = strstr(url, "://"), *a, *end, *h;

	if (s == NULL)
		return false;
	hp->port = (s - url == 5 && strncasecmp(url, "https", 5) == 0) ? 443 :
	    (s - url == 4 && strncasecmp(url, "http", 4) == 0) ? 80 : -1;
	a = s + 3;
	end = a + strcspn(a, "/?#");
	for (h = end; h > a; h--)	/* skip user:password@ */
		if (h[-1] == '@')
			break;
	a = h > a ? h : a;
	if (*a == '[') {		/* [::1]:8000 */
		h = memchr(a, ']', (size_t)(end - a));
		if (h == NULL)
			return false;
		hp->host = a + 1;
		hp->hlen = (size_t)(h - a - 1);
		h++;
	} else {
		h = memchr(a, ':', (size_t)(end - a));
		h = h != NULL ? h : end;
		hp->host = a;
		hp->hlen = (size_t)(h - a);
	}
	if (h < end && *h == ':' && h + 1 < end)
		hp->port = strtol(h + 1, NULL, 10);
	if (hp->hlen > 0 && hp->host[hp->hlen - 1] == '.')
		hp->hlen--;		/* api.openai.com. */
	return hp->hlen > 0;
}

static bool
is_loopback(const struct hostport *hp)
{
	return (hp->hlen == 9 && strncasecmp(hp->host, "localhost", 9) == 0) ||
	    (hp->hlen == 3 && memcmp(hp->host, "::1", 3) == 0) ||
	    (hp->hlen >= 4 && memcmp(hp->host, "127.", 4) == 0);
}

/* True when pattern ("host", "host:port", "*.domain") matches hp. */
static bool
host_match(const char *pat, const struct hostport *hp)
{
	const char *colon = strchr(pat, ':');
	size_t plen = colon != NULL ? (size_t)(colon - pat) : strlen(pat);

	if (colon != NULL && strtol(colon + 1, NULL, 10) != hp->port)
		return false;
	if (plen == 9 && strncmp(pat, "localhost", 9) == 0)
		return is_loopback(hp);
	if (plen > 2 && pat[0] == '*' && pat[1] == '.')
		return hp->hlen > plen - 1 && strncasecmp(hp->host + hp->hlen -
		    (plen - 1), pat + 1, plen - 1) == 0;
	return hp->hlen == plen && strncasecmp(hp->host, pat, plen) == 0;
}

const struct provider *
provider_for_url(const struct providers *ps, const char *url)
{
	struct hostport hp;

	if (url == NULL || !url_split(url, &hp))
		return NULL;
	for (size_t i = 0; i < ps->n; i++)
		for (char **h = ps->v[i].hosts; *h != NULL; h++)
			if (host_match(*h, &hp))
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

/* ---- added lookups ---- */

bool
provider_key_kind(const struct providers *ps, const char *kind,
    struct key_kind *out)
{
	for (size_t i = 0; i < ps->n; i++) {
		for (size_t j = 0; j < ps->v[i].nkinds; j++) {
			const struct kind *k = &ps->v[i].kinds[j];

			if (strcmp(k->id, kind) != 0)
				continue;
			out->lengths = k->lengths;
			out->nlengths = k->nlengths;
			out->fallback = k->fallback;
			return true;
		}
	}
	return false;
}

bool
provider_url_loopback(const char *url)
{
	struct hostport hp;

	return url != NULL && url_split(url, &hp) && is_loopback(&hp);
}
