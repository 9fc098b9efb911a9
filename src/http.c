/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* libcurl multi interface: one multi handle, its easy handles found again
 * through CURLOPT_PRIVATE, an extra fd for the caller's event loop, and
 * delayed starts for retries with backoff. */
#include <config.h>

#include "http.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "i18n.h"
#include "provider.h"
#include "sanitize.h"
#include "xalloc.h"

/* The most characters kept of one header or error text. */
#define TEXT_MAX	200

/* One transfer.  Owns its easy handle, headers and body. */
struct http_xfer {
	struct http	*h;
	CURL		*easy;
	struct curl_slist *hdrs;	/* the secret one is wiped on free */
	char		*post;		/* the request body */
	struct buf	 body;		/* the answer, up to HTTP_BODY_MAX */
	long		 start_at;	/* monotonic ms; 0: started */
	http_done_fn	*done;
	void		*arg;
	char		 err[CURL_ERROR_SIZE];
	struct http_response resp;
	struct http_xfer *next;
};

struct http {
	CURLM		*multi;
	struct http_opts o;
	char		*ua;
	struct http_xfer *list;		/* pending transfers */
	int		 npending;
};

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Server text made safe to keep: one line, no controls, no key. */
static char *
clean(const char *s, size_t n)
{
	return sanitize_server(s, n, TEXT_MAX);
}

struct http *
http_new(const struct http_opts *o, char **cause)
{
	struct http *h = xcalloc(1, sizeof *h);

	h->o = *o;
	h->ua = xstrdup(o->user_agent != NULL ? o->user_agent : PACKAGE);
	if ((h->multi = curl_multi_init()) == NULL) {
		*cause = xstrdup(_("libcurl cannot start (out of memory?)"));
		free(h->ua);
		free(h);
		return NULL;
	}
	/* HTTP/2 streams share one connection where the server offers it. */
	curl_multi_setopt(h->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
	return h;
}

/* Wipes a header list: the Authorization header holds the key. */
static void
wipe_headers(struct curl_slist *l)
{
	for (struct curl_slist *p = l; p != NULL; p = p->next)
		xwipe(p->data, strlen(p->data));
	curl_slist_free_all(l);
}

static void
xfer_free(struct http_xfer *x)
{
	if (x->easy != NULL) {
		if (x->start_at == 0)
			curl_multi_remove_handle(x->h->multi, x->easy);
		curl_easy_cleanup(x->easy);
	}
	wipe_headers(x->hdrs);
	free(x->post);
	buf_free(&x->body);
	http_response_clear(&x->resp);
	free(x);
}

void
http_free(struct http *h)
{
	struct http_xfer *x, *next;

	if (h == NULL)
		return;
	for (x = h->list; x != NULL; x = next) {
		next = x->next;
		xfer_free(x);
	}
	curl_multi_cleanup(h->multi);
	free(h->ua);
	free(h);
}

/* Keeps the body up to the cap; past it, stops the transfer (the answer
 * is still used, marked truncated). */
static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct http_xfer *x = arg;
	size_t len = size * n;

	if (x->body.n + len > HTTP_BODY_MAX) {
		buf_add(&x->body, p, HTTP_BODY_MAX - x->body.n);
		x->resp.truncated = true;
		return 0;
	}
	buf_add(&x->body, p, len);
	return len;
}

/* Header name test: line starts with name and a colon (any case). */
static const char *
header_value(const char *line, size_t n, const char *name, size_t *vlen)
{
	size_t k = strlen(name);

	if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
		return NULL;
	line += k + 1;
	n -= k + 1;
	while (n > 0 && (*line == ' ' || *line == '\t'))
		line++, n--;
	while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == '\n' ||
	    line[n - 1] == ' '))
		n--;
	*vlen = n;
	return line;
}

/* retry-after is seconds (or a date, ignored); retry-after-ms is ms. */
static void
read_retry_after(struct http_response *r, const char *v, size_t n, long unit)
{
	char tmp[32];
	char *end;
	double d;

	if (n == 0 || n >= sizeof tmp)
		return;
	memcpy(tmp, v, n);
	tmp[n] = '\0';
	d = strtod(tmp, &end);
	if (end != tmp && *end == '\0' && d >= 0 && d < 86400.0 * 1000)
		if (unit == 1 || r->retry_after_ms < 0)
			r->retry_after_ms = (long)(d * (double)unit);
}

/* Keeps the headers diagnosis needs; a new status line (a proxy's CONNECT
 * answer, a 100 Continue) starts over. */
static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
	struct http_xfer *x = arg;
	struct http_response *r = &x->resp;
	size_t len = size * n, vl;
	const char *v;

	if (len >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		http_response_clear(r);
		r->retry_after_ms = -1;
		return len;
	}
	if ((v = header_value(p, len, "x-request-id", &vl)) != NULL ||
	    (v = header_value(p, len, "apim-request-id", &vl)) != NULL ||
	    (v = header_value(p, len, "request-id", &vl)) != NULL) {
		if (r->request_id == NULL)
			r->request_id = clean(v, vl);
	} else if ((v = header_value(p, len, "www-authenticate", &vl))) {
		r->www_authenticate = true;
		free(r->www_auth_value);
		r->www_auth_value = clean(v, vl);
	} else if ((v = header_value(p, len, "retry-after-ms", &vl)))
		read_retry_after(r, v, vl, 1);
	else if ((v = header_value(p, len, "retry-after", &vl)))
		read_retry_after(r, v, vl, 1000);
	return len;
}

/* A new easy handle for r, set up the way every probe needs. */
static int
setup(struct http_xfer *x, const struct http_request *r)
{
	CURL *e = x->easy;
	int rc = 0;

	rc |= curl_easy_setopt(e, CURLOPT_URL, r->url);
	rc |= curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	rc |= curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	rc |= curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->err);
	rc |= curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	rc |= curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	rc |= curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	rc |= curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	rc |= curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, x->h->o.connect_ms);
	rc |= curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, x->h->o.total_ms);
	rc |= curl_easy_setopt(e, CURLOPT_USERAGENT, x->h->ua);
	rc |= curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->hdrs);
	rc |= curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	rc |= curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	rc |= curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	rc |= curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	rc |= curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	/* Over TLS, wait for the first request's connection to learn whether
	 * it multiplexes (HTTP/2): then every probe shares it.  Plain http is
	 * HTTP/1.1, where waiting would run the probes one after another. */
	if (strncasecmp(r->url, "https://", 8) == 0)
		rc |= curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
	/* A server on this machine is reached directly: a proxy would carry
	 * the key over the network in clear text (libcurl 7.88 proxies
	 * localhost too). */
	if (provider_url_loopback(r->url))
		rc |= curl_easy_setopt(e, CURLOPT_NOPROXY, "*");
	if (strcmp(r->method, "POST") == 0) {
		rc |= curl_easy_setopt(e, CURLOPT_POSTFIELDS, x->post);
		rc |= curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)r->body_len);
	}
	return rc;
}

/* The CA bundle: the curl tool's variables, which libcurl ignores. */
static void
setup_ca(CURL *e)
{
	const char *ca = getenv("CURL_CA_BUNDLE"), *dir;

	if (ca == NULL || *ca == '\0')
		ca = getenv("SSL_CERT_FILE");
	if (ca != NULL && *ca != '\0')
		curl_easy_setopt(e, CURLOPT_CAINFO, ca);
	if ((dir = getenv("SSL_CERT_DIR")) != NULL && *dir != '\0')
		curl_easy_setopt(e, CURLOPT_CAPATH, dir);
}

static struct curl_slist *
build_headers(const struct http_request *r)
{
	struct curl_slist *l = NULL, *n;

	for (size_t i = 0; r->headers != NULL && r->headers[i] != NULL; i++)
		if ((n = curl_slist_append(l, r->headers[i])) != NULL)
			l = n;
	if (r->secret_header != NULL &&
	    (n = curl_slist_append(l, r->secret_header)) != NULL)
		l = n;
	/* No "Expect: 100-continue" round trip on a POST. */
	if ((n = curl_slist_append(l, "Expect:")) != NULL)
		l = n;
	return l;
}

int
http_submit(struct http *h, const struct http_request *r, http_done_fn *done,
    void *arg, char **cause)
{
	struct http_xfer *x = xcalloc(1, sizeof *x);

	x->h = h;
	x->done = done;
	x->arg = arg;
	x->resp.retry_after_ms = -1;
	x->hdrs = build_headers(r);
	if (r->body != NULL)
		x->post = xmemdup(r->body, r->body_len);
	if ((x->easy = curl_easy_init()) == NULL || setup(x, r) != CURLE_OK) {
		*cause = xstrdup(_("libcurl refused the request settings"));
		x->start_at = 1;	/* not in the multi handle */
		xfer_free(x);
		return -1;
	}
	setup_ca(x->easy);
	x->start_at = now_ms() + (r->delay_ms > 0 ? r->delay_ms : 0);
	x->next = h->list;
	h->list = x;
	h->npending++;
	return 0;
}

/* Adds the transfers whose delay is over; returns ms until the next one
 * is due (-1: none waits). */
static long
start_due(struct http *h)
{
	long now = now_ms(), next = -1;

	for (struct http_xfer *x = h->list; x != NULL; x = x->next) {
		if (x->start_at == 0)
			continue;
		if (x->start_at <= now) {
			x->start_at = 0;
			curl_multi_add_handle(h->multi, x->easy);
		} else if (next < 0 || x->start_at - now < next)
			next = x->start_at - now;
	}
	return next;
}

/* What a libcurl result means for the user. */
static enum http_error
map_error(CURLcode rc, const char *text, long connect_code)
{
	if (connect_code >= 400)
		return HTTP_ERR_PROXY;
	switch (rc) {
	case CURLE_OK:
		return HTTP_OK;
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
		return HTTP_ERR_URL;
	case CURLE_COULDNT_RESOLVE_HOST:
		return HTTP_ERR_DNS;
	case CURLE_COULDNT_RESOLVE_PROXY:
		return HTTP_ERR_PROXY_DNS;
	case CURLE_COULDNT_CONNECT:
		return HTTP_ERR_REFUSED;
	case CURLE_OPERATION_TIMEDOUT:
		return HTTP_ERR_TIMEOUT;
	case CURLE_PEER_FAILED_VERIFICATION:
		/* A name mismatch is not a missing CA. */
		return strstr(text, "subject name") != NULL ||
		    strstr(text, "does not match") != NULL ? HTTP_ERR_TLS :
		    HTTP_ERR_TLS_CA;
	case CURLE_SSL_CACERT_BADFILE:
		return HTTP_ERR_TLS_CA;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_ENGINE_NOTFOUND:
		return HTTP_ERR_TLS;
	case CURLE_PROXY:
		return HTTP_ERR_PROXY;
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return HTTP_ERR_RESET;
	case CURLE_ABORTED_BY_CALLBACK:
		return HTTP_ERR_CANCELLED;
	default:
		return HTTP_ERR_OTHER;
	}
}

static const char *
version_name(long v)
{
	switch (v) {
	case CURL_HTTP_VERSION_1_0:
		return "1.0";
	case CURL_HTTP_VERSION_1_1:
		return "1.1";
	case CURL_HTTP_VERSION_2_0:
		return "2";
	case CURL_HTTP_VERSION_3:
		return "3";
	default:
		return NULL;
	}
}

/* Fills x->resp from the finished easy handle. */
static void
finish(struct http_xfer *x, CURLcode rc)
{
	struct http_response *r = &x->resp;
	curl_off_t us = 0;
	long connect_code = 0, ver = 0;
	char *s = NULL;

	/* Stopping at the body cap is not a failure. */
	if (rc == CURLE_WRITE_ERROR && r->truncated)
		rc = CURLE_OK;
	curl_easy_getinfo(x->easy, CURLINFO_HTTP_CONNECTCODE, &connect_code);
	r->error = map_error(rc, x->err, connect_code);
	if (r->error != HTTP_OK) {
		const char *t = x->err[0] != '\0' ? x->err :
		    curl_easy_strerror(rc);

		r->error_text = clean(t, strlen(t));
	} else
		curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &r->status);
	if (r->status == 407)
		r->error = HTTP_ERR_PROXY;
	if (curl_easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK &&
	    s != NULL)
		r->content_type = clean(s, strlen(s));
	s = NULL;
	if (curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &s) == CURLE_OK &&
	    s != NULL)
		r->location = sanitize_url(s);
	s = NULL;
	if (curl_easy_getinfo(x->easy, CURLINFO_PRIMARY_IP, &s) == CURLE_OK &&
	    s != NULL && *s != '\0')
		r->primary_ip = clean(s, strlen(s));
	curl_easy_getinfo(x->easy, CURLINFO_HTTP_VERSION, &ver);
	if (version_name(ver) != NULL)
		r->http_version = xstrdup(version_name(ver));
	curl_easy_getinfo(x->easy, CURLINFO_TOTAL_TIME_T, &us);
	r->ms = (long)(us / 1000);
	if (r->error == HTTP_OK)
		r->body = buf_take(&x->body, &r->len);
}

/* Unlinks x from the pending list. */
static void
unlink_xfer(struct http *h, struct http_xfer *x)
{
	for (struct http_xfer **pp = &h->list; *pp != NULL; pp = &(*pp)->next)
		if (*pp == x) {
			*pp = x->next;
			h->npending--;
			return;
		}
}

/* Hands x's answer to its callback and frees it. */
static void
complete(struct http *h, struct http_xfer *x)
{
	unlink_xfer(h, x);
	if (x->start_at == 0)
		curl_multi_remove_handle(h->multi, x->easy);
	x->start_at = 1;	/* out of the multi handle */
	if (x->done != NULL)
		x->done(&x->resp, x->arg);
	xfer_free(x);
}

/* Runs the callbacks of every finished transfer. */
static void
collect(struct http *h)
{
	CURLMsg *m;
	int left;

	while ((m = curl_multi_info_read(h->multi, &left)) != NULL) {
		struct http_xfer *x = NULL;

		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&x);
		if (x == NULL)
			continue;
		finish(x, m->data.result);
		complete(h, x);
	}
}

int
http_poll(struct http *h, int extra_fd, int timeout_ms, bool *fd_ready)
{
	struct curl_waitfd w = { .fd = extra_fd, .events = CURL_WAIT_POLLIN };
	long next;
	int running = 0;

	if (fd_ready != NULL)
		*fd_ready = false;
	next = start_due(h);
	curl_multi_perform(h->multi, &running);
	collect(h);
	next = start_due(h);
	if (h->npending == 0 && extra_fd < 0)
		return 0;
	if (next >= 0 && next < timeout_ms)
		timeout_ms = (int)next;
	curl_multi_poll(h->multi, extra_fd >= 0 ? &w : NULL,
	    extra_fd >= 0 ? 1 : 0, timeout_ms, NULL);
	if (fd_ready != NULL && (w.revents & CURL_WAIT_POLLIN))
		*fd_ready = true;
	start_due(h);
	curl_multi_perform(h->multi, &running);
	collect(h);
	return h->npending;
}

void
http_run(struct http *h)
{
	while (http_poll(h, -1, 1000, NULL) > 0)
		continue;
}

void
http_cancel(struct http *h)
{
	while (h->list != NULL) {
		struct http_xfer *x = h->list;

		http_response_clear(&x->resp);
		x->resp.error = HTTP_ERR_CANCELLED;
		x->resp.retry_after_ms = -1;
		x->resp.error_text = xstrdup(_("cancelled"));
		complete(h, x);
	}
}

int
http_pending(const struct http *h)
{
	return h->npending;
}

void
http_response_clear(struct http_response *r)
{
	free(r->error_text);
	free(r->body);
	free(r->content_type);
	free(r->request_id);
	free(r->www_auth_value);
	free(r->location);
	free(r->http_version);
	free(r->primary_ip);
	memset(r, 0, sizeof *r);
}

const char *
http_error_id(enum http_error e)
{
	static const char *const ids[] = {
		[HTTP_OK] = "ok", [HTTP_ERR_URL] = "url",
		[HTTP_ERR_DNS] = "dns", [HTTP_ERR_PROXY_DNS] = "proxy-dns",
		[HTTP_ERR_REFUSED] = "refused",
		[HTTP_ERR_TIMEOUT] = "timeout", [HTTP_ERR_TLS_CA] = "tls-ca",
		[HTTP_ERR_TLS] = "tls", [HTTP_ERR_PROXY] = "proxy",
		[HTTP_ERR_RESET] = "reset",
		[HTTP_ERR_CANCELLED] = "cancelled", [HTTP_ERR_OTHER] = "other",
	};

	return ids[e];
}
