/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401-mock: the practice server.  Phases: locale, options, config,
 * log, TLS files, the libmicrohttpd daemon (a thread per connection, so
 * a hanging or slow answer holds up no one else), the URL on stdout, then
 * wait for SIGINT or SIGTERM and tear down in reverse.  The answers
 * themselves come from mock-reply.c. */
#include <config.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "buf.h"
#include "i18n.h"
#include "mock-config.h"
#include "mock-log.h"
#include "mock-options.h"
#include "mock-reply.h"
#include "xalloc.h"

#define BODY_MAX	(4L * 1024 * 1024)	/* request bytes kept */
#define PEM_MAX		(1L * 1024 * 1024)	/* bytes of a PEM file */

/* What every connection thread shares.  Owns cfg, log and the pipe. */
struct server {
	struct mock_config *cfg;	/* keys; counters change */
	pthread_mutex_t	 lock;		/* guards cfg's counters and log */
	FILE		*log;		/* --log, or NULL */
	bool		 log_failed;	/* said so once already */
	long		 latency_ms;	/* --latency */
	int		 stop[2];	/* pipe: write end closed = stopping */
	atomic_bool	 starting;	/* MHD messages are shown only now */
};

/* One request being received.  Owns body (wiped when freed). */
struct upload {
	struct buf	 body;
};

/* ---- answering a request ---- */

/* "req_" and 32 hex digits into out (37 bytes). */
static void
make_request_id(char out[37])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char r[16];

	if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
		/* No entropy: the id only has to look right. */
		unsigned long x = (unsigned long)time(NULL) ^
		    (unsigned long)pthread_self();

		for (size_t i = 0; i < sizeof r; i++)
			r[i] = (unsigned char)((x >> (i % 8 * 8)) ^ i);
	}
	memcpy(out, "req_", 4);
	for (size_t i = 0; i < sizeof r; i++) {
		out[4 + 2 * i] = hex[r[i] >> 4];
		out[5 + 2 * i] = hex[r[i] & 0xf];
	}
	out[36] = '\0';
}

static const char *
header(struct MHD_Connection *c, const char *name)
{
	return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
}

/* Appends the log line; a failed write is reported once. */
static void
log_request(struct server *s, const struct mock_request *r,
    const struct mock_seen *seen, const struct mock_reply *rp)
{
	size_t len;
	char *line;

	if (s->log == NULL)
		return;
	line = mock_log_line(r, seen, rp, &len);
	if ((fwrite(line, 1, len, s->log) != len || fflush(s->log) != 0) &&
	    !s->log_failed) {
		fprintf(stderr, _("%s: cannot write the log: %s\n"),
		    MOCK_PROGRAM, strerror(errno));
		s->log_failed = true;
	}
	free(line);
}

/* Waits ms milliseconds (-1: for ever).  False as soon as the client
 * hangs up or the server stops: then nobody wants the answer.  (A client
 * that only shuts down its sending side looks gone too; HTTP clients
 * that wait for an answer do not do that.) */
static bool
wait_for(struct server *s, struct MHD_Connection *c, long ms)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_CONNECTION_FD);
	struct pollfd p[2] = {
		{ s->stop[0], POLLIN, 0 },
		{ ci != NULL ? ci->connect_fd : -1, POLLRDHUP, 0 },
	};
	struct timespec now, end;
	long left = ms;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += ms / 1000;
	end.tv_nsec += ms % 1000 * 1000000L;
	while (ms < 0 || left > 0) {
		int n = poll(p, 2, ms < 0 ? -1 : (int)left);

		if (n < 0 && errno != EINTR)
			return false;
		if (n > 0)
			return false;	/* stopping, or the client is gone */
		clock_gettime(CLOCK_MONOTONIC, &now);
		left = (end.tv_sec - now.tv_sec) * 1000L +
		    (end.tv_nsec - now.tv_nsec) / 1000000L;
	}
	return true;
}

/* Queues the reply; MHD takes the body. */
static enum MHD_Result
send_reply(struct MHD_Connection *c, struct mock_reply *rp)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;

	resp = MHD_create_response_from_buffer(rp->len, rp->body,
	    MHD_RESPMEM_MUST_FREE);
	if (resp == NULL)
		return MHD_NO;
	rp->body = NULL;
	for (size_t i = 0; i < rp->nheaders; i++)
		if (MHD_add_response_header(resp, rp->headers[i].name,
		    rp->headers[i].value) != MHD_YES) {
			MHD_destroy_response(resp);
			return MHD_NO;
		}
	ret = MHD_queue_response(c, rp->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* The path of a request target: a client talking to the mock as its
 * HTTP proxy sends the absolute form "http://host/v1/models". */
static const char *
origin_form(const char *url)
{
	const char *p = strstr(url, "://");

	if (url[0] == '/' || p == NULL)
		return url;
	p = strchr(p + 3, '/');
	return p != NULL ? p : "/";
}

static enum MHD_Result
answer(struct server *s, struct MHD_Connection *c, const char *url,
    const char *method, struct upload *u)
{
	struct mock_request r = { 0 };
	struct mock_seen seen;
	struct mock_reply rp;
	enum MHD_Result ret = MHD_NO;
	char rid[37];

	make_request_id(rid);
	r.method = method;
	r.path = origin_form(url);
	r.authorization = header(c, MHD_HTTP_HEADER_AUTHORIZATION);
	r.api_key = header(c, "api-key");
	r.organization = header(c, "OpenAI-Organization");
	r.project = header(c, "OpenAI-Project");
	r.user_agent = header(c, MHD_HTTP_HEADER_USER_AGENT);
	r.body = u->body.p;
	r.body_len = u->body.n;
	r.request_id = rid;
	r.now = (long long)time(NULL);
	r.latency_ms = s->latency_ms;
	pthread_mutex_lock(&s->lock);
	mock_reply_make(s->cfg, &r, &seen, &rp);
	log_request(s, &r, &seen, &rp);
	pthread_mutex_unlock(&s->lock);
	mock_seen_clear(&seen);
	if (wait_for(s, c, rp.hang ? -1 : rp.delay_ms))
		ret = send_reply(c, &rp);
	mock_reply_clear(&rp);
	return ret;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *data,
    size_t *size, void **ctx)
{
	struct upload *u = *ctx;

	(void)version;
	if (u == NULL) {
		*ctx = xcalloc(1, sizeof *u);
		return MHD_YES;
	}
	if (*size > 0) {
		/* More than BODY_MAX is cut: the JSON then fails to parse. */
		if (u->body.n + *size <= (size_t)BODY_MAX)
			buf_add(&u->body, data, *size);
		*size = 0;
		return MHD_YES;
	}
	return answer(cls, c, url, method, u);
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **ctx,
    enum MHD_RequestTerminationCode toe)
{
	struct upload *u = *ctx;

	(void)cls;
	(void)c;
	(void)toe;
	if (u != NULL) {
		buf_free(&u->body);
		free(u);
		*ctx = NULL;
	}
}

static void on_mhd_error(void *cls, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));

static void
on_mhd_error(void *cls, const char *fmt, va_list ap)
{
	const struct server *s = cls;

	if (!s->starting)
		return;	/* a client's failed TLS handshake is not news */
	fprintf(stderr, "%s: libmicrohttpd: ", MOCK_PROGRAM);
	vfprintf(stderr, fmt, ap);
}

/* ---- starting ---- */

/* The whole PEM file, NUL-terminated (caller frees); NULL after saying
 * why. */
static char *
read_pem(const char *path)
{
	FILE *f = fopen(path, "re");
	struct buf b = { 0 };
	char chunk[4096];
	size_t n, len;

	if (f == NULL) {
		fprintf(stderr, "%s: %s: %s\n", MOCK_PROGRAM, path,
		    strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 &&
	    b.n <= (size_t)PEM_MAX)
		buf_add(&b, chunk, n);
	fclose(f);
	xwipe(chunk, sizeof chunk);
	return buf_take(&b, &len);
}

/* Both PEM files for --cert and --key; -1 after saying why. */
static int
load_tls(const struct mock_options *o, char **cert, char **key)
{
	if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
		fprintf(stderr, _("%s: this libmicrohttpd was built without "
		    "TLS: --cert and --key cannot work\n"), MOCK_PROGRAM);
		return -1;
	}
	*cert = read_pem(o->cert);
	*key = *cert != NULL ? read_pem(o->key) : NULL;
	return *key != NULL ? 0 : -1;
}

/* The config, the log and the stop pipe; -1 after saying why. */
static int
setup(struct server *s, const struct mock_options *o)
{
	char *path = mock_options_config(o), *cause = NULL;
	int fd;

	s->cfg = mock_config_load(path, &cause);
	free(path);
	if (s->cfg == NULL) {
		fprintf(stderr, "%s: %s\n", MOCK_PROGRAM, cause);
		free(cause);
		return -1;
	}
	if (o->log != NULL) {
		fd = open(o->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
		    0600);
		s->log = fd >= 0 ? fdopen(fd, "a") : NULL;
		if (s->log == NULL) {
			fprintf(stderr, "%s: %s: %s\n", MOCK_PROGRAM, o->log,
			    strerror(errno));
			if (fd >= 0)
				close(fd);
			return -1;
		}
	}
	if (pipe2(s->stop, O_CLOEXEC) < 0) {
		fprintf(stderr, "%s: pipe: %s\n", MOCK_PROGRAM,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* The listening address; true for IPv6.  The address was checked by
 * mock_options_parse. */
static bool
make_addr(struct sockaddr_storage *ss, const struct mock_options *o)
{
	struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof *ss);
	if (inet_pton(AF_INET, o->bind, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)o->port);
		return false;
	}
	inet_pton(AF_INET6, o->bind, &in6->sin6_addr);
	in6->sin6_family = AF_INET6;
	in6->sin6_port = htons((uint16_t)o->port);
	return true;
}

static struct MHD_Daemon *
start_daemon(struct server *s, const struct mock_options *o,
    const char *cert, const char *key)
{
	struct sockaddr_storage ss;
	unsigned int flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG;
	struct MHD_Daemon *d;

	if (make_addr(&ss, o))
		flags |= MHD_USE_IPv6;
	if (cert != NULL)
		flags |= MHD_USE_TLS;
	s->starting = true;
	/* Without TLS the list ends before the certificate options. */
	d = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, on_request,
	    s, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_error, s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
	    MHD_OPTION_CONNECTION_TIMEOUT, 120U,
	    cert != NULL ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, cert,
	    MHD_OPTION_HTTPS_MEM_KEY, key, MHD_OPTION_END);
	s->starting = false;
	if (d == NULL)
		/* TRANSLATORS: "cannot listen on 127.0.0.1 port 8080". */
		fprintf(stderr, _("%s: cannot listen on %s port %u\n"),
		    MOCK_PROGRAM, o->bind, o->port);
	return d;
}

/* The base URL as the first line on stdout, and the warning for an
 * address others can reach. */
static void
announce(struct MHD_Daemon *d, const struct mock_options *o)
{
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(d,
	    MHD_DAEMON_INFO_BIND_PORT);
	bool v6 = strchr(o->bind, ':') != NULL;

	printf("%s://%s%s%s:%u/v1\n", o->cert != NULL ? "https" : "http",
	    v6 ? "[" : "", o->bind, v6 ? "]" : "",
	    di != NULL ? (unsigned int)di->port : o->port);
	fflush(stdout);
	if (!mock_options_loopback(o->bind))
		/* TRANSLATORS: %s is the address given to --bind. */
		fprintf(stderr, _("%s: warning: listening on %s: anyone who "
		    "can reach this address can use the practice keys\n"),
		    MOCK_PROGRAM, o->bind);
}

static void
teardown(struct server *s, char *cert, char *key)
{
	if (key != NULL) {
		xwipe(key, strlen(key));
		free(key);
	}
	free(cert);
	if (s->stop[0] >= 0)
		close(s->stop[0]);
	if (s->log != NULL)
		fclose(s->log);
	mock_config_free(s->cfg);
	pthread_mutex_destroy(&s->lock);
}

/* Serves until SIGINT, SIGTERM or SIGHUP: 0 then, 1 if it cannot
 * start. */
static int
serve(const struct mock_options *o)
{
	struct server s = { .latency_ms = o->latency_ms, .stop = { -1, -1 } };
	struct MHD_Daemon *d = NULL;
	char *cert = NULL, *key = NULL;
	int status = 1, sig;
	sigset_t set;

	pthread_mutex_init(&s.lock, NULL);
	/* Blocked here, so every server thread inherits the mask and only
	   sigwait() below sees them. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (setup(&s, o) < 0 ||
	    (o->cert != NULL && load_tls(o, &cert, &key) < 0))
		goto done;
	d = start_daemon(&s, o, cert, key);
	if (d == NULL)
		goto done;
	announce(d, o);
	while (sigwait(&set, &sig) != 0)
		continue;
	status = 0;
done:
	if (s.stop[1] >= 0)
		close(s.stop[1]);	/* wakes slow and hanging answers */
	if (d != NULL)
		MHD_stop_daemon(d);
	teardown(&s, cert, key);
	return status;
}

/* No core dump may hold a key a client sent. */
static void
no_core(void)
{
	struct rlimit none = { 0, 0 };

	setrlimit(RLIMIT_CORE, &none);
}

/* A failed write to stdout (the URL line) must change the exit status. */
static int
close_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr, _("%s: write error: %s\n"), MOCK_PROGRAM,
		    strerror(errno));
		return status == 0 ? 2 : status;
	}
	return status;
}

int
main(int argc, char **argv)
{
	struct mock_options o;
	int status;

	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
#endif
	no_core();
	status = mock_options_parse(&o, argc, argv);
	if (status == 0 && o.mode == MOCK_MODE_HELP)
		mock_options_help(stdout);
	else if (status == 0 && o.mode == MOCK_MODE_VERSION)
		mock_options_version(stdout);
	else if (status == 0)
		status = serve(&o);
	return close_stdout(status);
}
