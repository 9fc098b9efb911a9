/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* --report FILE: the support report (SPEC 10) someone can attach to a
 * ticket: when, which versions on which system, where the requests went,
 * through which proxy, the request ids the provider's support can look
 * up, and the whole checklist.  Masks and fingerprints only, never a key;
 * the file is created mode 0600 and never through a symbolic link. */
#include <config.h>

#include "report.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "live.h"
#include "sanitize.h"
#include "xalloc.h"

/* PRETTY_NAME from os-release, cleaned, or NULL (caller frees). */
static char *
os_name(void)
{
	FILE *f = fopen("/etc/os-release", "r");
	char line[256], *s = NULL;

	if (f == NULL)
		return NULL;
	while (s == NULL && fgets(line, sizeof line, f) != NULL) {
		size_t n;

		if (strncmp(line, "PRETTY_NAME=", 12) != 0)
			continue;
		n = strcspn(line + 12, "\n");
		if (n >= 2 && line[12] == '"' && line[12 + n - 1] == '"')
			s = sanitize_text(line + 13, n - 2, NULL);
		else
			s = sanitize_text(line + 12, n, NULL);
	}
	fclose(f);
	return s;
}

static void
put_context(FILE *out)
{
	time_t now = time(NULL);
	struct tm tm;
	char when[64] = "?";
	struct utsname u;
	curl_version_info_data *cv = curl_version_info(CURLVERSION_NOW);
	char *os = os_name();

	if (localtime_r(&now, &tm) != NULL)
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S %z (%Z)", &tm);
	fprintf(out, _("fix401 support report\n"));
	fprintf(out, _("Made:    %s\n"), when);
	fprintf(out, _("Version: fix401 %s; libcurl %s (%s)\n"), PACKAGE_VERSION,
	    cv->version, cv->ssl_version != NULL ? cv->ssl_version : "-");
	if (uname(&u) == 0)
		fprintf(out, _("System:  %s %s %s%s%s\n"), u.sysname, u.release,
		    u.machine, os != NULL ? ", " : "", os != NULL ? os : "");
	free(os);
}

/* Where the requests went and what came back. */
static void
put_requests(FILE *out, const struct live *l)
{
	static const char *const why[] = {
		[LIVE_GO] = N_("sent"),
		[LIVE_OFFLINE] = N_("not sent (offline)"),
		[LIVE_BAD_URL] = N_("not sent (the base URL cannot be used)"),
		[LIVE_INSECURE] = N_("not sent (http:// to another host)"),
		[LIVE_FOREIGN_KEY] = N_("not sent (the key is another "
		    "provider's)"),
	};

	fprintf(out, _("Base URL: %s\n"), l->shown_base != NULL ?
	    l->shown_base : "-");
	fprintf(out, _("Proxy:    %s\n"), l->proxy != NULL ? l->proxy :
	    _("none"));
	fprintf(out, _("Requests: %s\n"), _(why[l->block]));
	for (size_t i = 0; i < l->n; i++) {
		const struct probe *p = &l->p[i];
		const struct http_response *r = &p->resp;

		if (r->error != HTTP_OK)
			fprintf(out, "  %-24s %s (%s)\n", probe_endpoint(p),
			    http_error_id(r->error), r->error_text != NULL ?
			    r->error_text : "-");
		else
			fprintf(out, "  %-24s %ld %s  %s  %ld ms\n",
			    probe_endpoint(p), r->status, p->ex.code != NULL ?
			    p->ex.code : "-", r->request_id != NULL ?
			    r->request_id : _("(no request id)"), r->ms);
	}
}

int
report_support(const char *path, const struct diagnosis *d, char **cause)
{
	struct report_style st = { .ascii = true };
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	FILE *out;
	int err;

	if (fd < 0 || fchmod(fd, 0600) < 0 || (out = fdopen(fd, "w")) == NULL) {
		err = errno;
		if (fd >= 0)
			close(fd);
		/* TRANSLATORS: a file name, then the system's reason. */
		*cause = sanitize_take(xasprintf(_("cannot write the report %s: "
		    "%s"), path, strerror(err)));
		return -1;
	}
	put_context(out);
	put_requests(out, &d->live);
	fputc('\n', out);
	report_checklist(out, d, &st);
	if (fflush(out) != 0 || ferror(out) || fsync(fd) < 0) {
		err = errno;
		fclose(out);
		*cause = sanitize_take(xasprintf(_("cannot write the report %s: "
		    "%s"), path, strerror(err)));
		return -1;
	}
	fclose(out);
	return 0;
}
