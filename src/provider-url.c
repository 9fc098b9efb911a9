/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Which provider a base URL names: splits scheme://user@host:port and
 * matches the host (and port) against each provider's host patterns. */
#include <config.h>

#include "provider.h"

#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <strings.h>

#include "provider-table.h"

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

/* True for localhost, ::1 and an IPv4 literal in 127.0.0.0/8 (not a
 * name such as 127.example.com). */
static bool
is_loopback(const struct hostport *hp)
{
	char v4[16];
	struct in_addr a;

	if ((hp->hlen == 9 && strncasecmp(hp->host, "localhost", 9) == 0) ||
	    (hp->hlen == 3 && memcmp(hp->host, "::1", 3) == 0))
		return true;
	if (hp->hlen < 7 || hp->hlen >= sizeof v4)
		return false;
	memcpy(v4, hp->host, hp->hlen);
	v4[hp->hlen] = '\0';
	return inet_pton(AF_INET, v4, &a) == 1 &&
	    (ntohl(a.s_addr) >> 24) == 127;
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

bool
provider_url_loopback(const char *url)
{
	struct hostport hp;

	return url != NULL && url_split(url, &hp) && is_loopback(&hp);
}
