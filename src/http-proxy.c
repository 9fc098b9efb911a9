/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Which proxy libcurl takes from the environment for a URL, by libcurl's
 * own rules (lib/url.c detect_proxy, lib/noproxy.c), so the report can
 * name the proxy (credentials masked) before anything is sent. */
#include <config.h>

#include "http.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sanitize.h"
#include "xalloc.h"

static const char *
get(const char *name, const char *(*env)(const char *, void *), void *arg)
{
	const char *v = env != NULL ? env(name, arg) : getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* The host of url (borrowed into buf), without port or brackets. */
static const char *
url_host(const char *url, char *buf, size_t size)
{
	const char *p = strstr(url, "://"), *end;
	size_t n;

	p = p != NULL ? p + 3 : url;
	end = p + strcspn(p, "/?#");
	for (const char *at = p; at < end; at++)
		if (*at == '@')
			p = at + 1;
	if (*p == '[') {
		p++;
		n = strcspn(p, "]");
	} else
		n = strcspn(p, ":/?#");
	if (n >= size)
		n = size - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return buf;
}

/* True when host is covered by the NO_PROXY list: "*", an exact name, or
 * a domain suffix ("example.com" and ".example.com" both cover
 * "api.example.com"). */
static bool
no_proxy(const char *list, const char *host)
{
	size_t hl = strlen(host);

	while (*list != '\0') {
		size_t n;

		list += strspn(list, ", ");
		n = strcspn(list, ", ");
		if (n == 1 && *list == '*')
			return true;
		if (n > 0 && *list == '.')
			list++, n--;
		if (n > 0 && n <= hl && strncasecmp(host + hl - n, list, n) == 0 &&
		    (n == hl || host[hl - n - 1] == '.'))
			return true;
		list += n;
	}
	return false;
}

char *
http_proxy_for(const char *url, const char *(*env)(const char *, void *),
    void *arg)
{
	const char *p = NULL, *np;
	char host[256];
	bool https = strncasecmp(url, "https://", 8) == 0;

	np = get("no_proxy", env, arg);
	if (np == NULL)
		np = get("NO_PROXY", env, arg);
	if (np != NULL && no_proxy(np, url_host(url, host, sizeof host)))
		return NULL;
	/* libcurl reads http_proxy in lower case only (CGI's HTTP_PROXY
	 * is request data, not configuration). */
	if (https && (p = get("https_proxy", env, arg)) == NULL)
		p = get("HTTPS_PROXY", env, arg);
	else if (!https)
		p = get("http_proxy", env, arg);
	if (p == NULL && (p = get("all_proxy", env, arg)) == NULL)
		p = get("ALL_PROXY", env, arg);
	return p != NULL ? sanitize_url(p) : NULL;
}
