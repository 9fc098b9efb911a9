/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* network: the endpoint answers.  Any HTTP answer to GET /models counts
 * (even a 401: something answered); no answer is named by its cause, with
 * the proxy in use when there is one. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "live.h"

/* The fix for a transport error, or NULL. */
static const char *
fix_for(enum http_error e)
{
	switch (e) {
	case HTTP_ERR_DNS:
		return _("check the host name in the base URL, your DNS and "
		    "your VPN");
	case HTTP_ERR_PROXY_DNS:
		return _("check the host name in https_proxy / http_proxy");
	case HTTP_ERR_REFUSED:
		return _("check the base URL's host and port; a firewall may "
		    "block the connection");
	case HTTP_ERR_TIMEOUT:
		return _("a firewall or proxy may drop the traffic; or allow "
		    "more time with --timeout");
	case HTTP_ERR_TLS_CA:
		return _("behind a proxy that inspects HTTPS, export "
		    "SSL_CERT_FILE=/path/to/its-ca-bundle.pem");
	case HTTP_ERR_PROXY:
		return _("check the proxy's address, user and password in "
		    "https_proxy / http_proxy, or unset them");
	default:
		return NULL;
	}
}

/* The words for a transport error. */
static const char *
words_for(enum http_error e)
{
	switch (e) {
	case HTTP_ERR_URL:
		return _("the base URL cannot be used");
	case HTTP_ERR_DNS:
		return _("the host name does not resolve");
	case HTTP_ERR_PROXY_DNS:
		return _("the proxy's host name does not resolve");
	case HTTP_ERR_REFUSED:
		return _("the connection was refused");
	case HTTP_ERR_TIMEOUT:
		return _("no answer in time");
	case HTTP_ERR_TLS_CA:
		return _("the server's certificate is not trusted");
	case HTTP_ERR_TLS:
		return _("the secure (TLS) connection failed");
	case HTTP_ERR_PROXY:
		return _("the proxy refused the request");
	case HTTP_ERR_RESET:
		return _("the connection broke");
	default:
		return _("the request failed");
	}
}

static void
failed(const struct live *l, const struct probe *m, struct check_result *r)
{
	const char *fix = fix_for(m->resp.error);

	/* Through a proxy, a refused connection is the proxy's (a silence
	 * may be the API's: the detail names the proxy then). */
	if (l->proxy != NULL && m->resp.error == HTTP_ERR_REFUSED) {
		/* TRANSLATORS: %s is the proxy's address. */
		check_set(r, CHECK_FAIL, _("the proxy %s refuses the "
		    "connection"), l->proxy);
		check_detail(r, _("libcurl says: %s"), m->resp.error_text != NULL ?
		    m->resp.error_text : "-");
		check_fix(r, "%s", fix_for(HTTP_ERR_PROXY));
		return;
	}

	/* TRANSLATORS: what went wrong, then the base URL. */
	check_set(r, CHECK_FAIL, _("%s: %s"), words_for(m->resp.error),
	    l->shown_base);
	if (l->proxy != NULL)
		check_detail(r, _("Through the proxy %s. libcurl says: %s"),
		    l->proxy, m->resp.error_text != NULL ?
		    m->resp.error_text : "-");
	else if (m->resp.error_text != NULL)
		check_detail(r, _("libcurl says: %s"), m->resp.error_text);
	if (fix != NULL)
		check_fix(r, "%s", fix);
}

static void
run(const struct check_ctx *ctx, struct check_result *r)
{
	const struct live *l = ctx->live;
	const struct probe *m = l != NULL ? live_probe(l, PROBE_MODELS) : NULL;

	if (m == NULL) {	/* offline, or no usable base URL */
		if (!check_live_blocked(ctx, r))
			check_set(r, CHECK_SKIP, _("no request was made"));
		return;
	}
	if (!m->done) {		/* the wizard shows the rest meanwhile */
		check_set(r, CHECK_SKIP, _("waiting for the answer"));
		return;
	}
	if (m->resp.error == HTTP_ERR_CANCELLED) {
		check_set(r, CHECK_SKIP, _("cancelled (Esc); press r to try "
		    "again"));
		return;
	}
	if (m->resp.error != HTTP_OK) {
		failed(l, m, r);
		return;
	}
	/* TRANSLATORS: the base URL, milliseconds, the HTTP version. */
	check_set(r, CHECK_PASS, _("%s answered in %ld ms (HTTP/%s)"),
	    l->shown_base, m->resp.ms, m->resp.http_version != NULL ?
	    m->resp.http_version : "?");
	if (l->proxy != NULL)
		check_detail(r, _("Through the proxy %s (from the environment)."),
		    l->proxy);
}

const struct check check_network = {
	.id = "network",
	.title = N_("The API answers"),
	.network = true,
	.live = true,
	.run = run,
};
