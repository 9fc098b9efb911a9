/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The wizard's engine over real project folders in a temp dir (HOME and
 * XDG_* there too, so no real startup file is read): the steps, results
 * equal to diagnose_run's, the page texts, details, the decoder, the
 * report, a rerun, and the probes' event loop against a loopback server
 * in a thread (answered, or silent and cancelled).  No text ever holds
 * 13 characters of the fake key in a row. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "explain.h"
#include "key.h"
#include "unit.h"
#include "wizard.h"
#include "xalloc.h"

#define KEY_LEN		164

static char root[64], proj[128], home[128];
static char key[KEY_LEN + 1], old[KEY_LEN + 1];

/* A fake project key: "sk-proj-" and 156 characters from seed. */
static void
make_key(char *k, unsigned seed)
{
	static const char cs[] = "a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ";

	memcpy(k, "sk-proj-", 8);
	for (size_t i = 8; i < KEY_LEN; i++)
		k[i] = cs[(i * 7 + seed) % (sizeof cs - 1)];
	k[KEY_LEN] = '\0';
}

/* True when s holds 13 characters of either key in a row. */
static bool
leaks(const char *s)
{
	for (size_t i = 0; s != NULL && i + 13 <= KEY_LEN; i++)
		if (memmem(s, strlen(s), key + i, 13) != NULL ||
		    memmem(s, strlen(s), old + i, 13) != NULL)
			return true;
	return false;
}

/* True when no line of v leaks; the leaking ones are printed. */
static bool
clean(char **v)
{
	bool ok = true;

	for (size_t i = 0; v != NULL && v[i] != NULL; i++)
		if (leaks(v[i])) {
			fprintf(stderr, "    leaks: %s\n", v[i]);
			ok = false;
		}
	return ok;
}

/* True when a line of v holds s. */
static bool
has(char **v, const char *s)
{
	for (size_t i = 0; v != NULL && v[i] != NULL; i++)
		if (strstr(v[i], s) != NULL)
			return true;
	return false;
}

static void
put(const char *dir, const char *name, const char *text, mode_t mode)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");

	if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0) {
		perror(p);
		exit(99);
	}
	chmod(p, mode);
	free(p);
}

static void
rm(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);

	unlink(p);
	free(p);
}

/* The options of an offline wizard on the project folder. */
static struct options
opts(void)
{
	struct options o = {
		.mode = MODE_WIZARD, .dir = proj, .offline = true,
		.timeout = 5, .consumer = CONSUMER_PYTHON,
	};

	return o;
}

/* The step of check id, or 0. */
static size_t
step_of(const struct wizard *w, const char *id)
{
	for (size_t i = 0; i < w->nsteps; i++)
		if (wizard_check(w, i) != NULL &&
		    strcmp(wizard_check(w, i)->id, id) == 0)
			return i;
	return 0;
}

static const struct check_result *
result(const struct wizard *w, const char *id)
{
	return wizard_result(w, step_of(w, id), NULL);
}

/* ---- offline ---- */
static void
test_steps(void)
{
	struct options o = opts();
	struct wizard w;
	char *cause = NULL;
	size_t n;

	check_table(&n);
	put(proj, ".env", "", 0600);
	CHECK_INT(0, wizard_open(&w, &o, &cause));
	CHECK_INT(n + 3, w.nsteps);
	CHECK_INT(STEP_WELCOME, w.steps[0].kind);
	for (size_t i = 0; i < n; i++) {
		CHECK_INT(STEP_CHECK, w.steps[i + 1].kind);
		CHECK_INT(i, w.steps[i + 1].check);
		CHECK(wizard_check(&w, i + 1) == check_table(&n)[i]);
	}
	CHECK_INT(STEP_DECODER, w.steps[n + 1].kind);
	CHECK_INT(STEP_SUMMARY, w.steps[n + 2].kind);
	CHECK(wizard_check(&w, 0) == NULL);
	CHECK(wizard_result(&w, n + 1, NULL) == NULL);
	CHECK(wizard_result(&w, 99, NULL) == NULL);
	CHECK(!wizard_busy(&w));
	CHECK_INT(1, w.runs);
	wizard_close(&w);
}

/* Opens a wizard and runs diagnose_run on the same options: every
 * result the same; counts and next_problem as the results say. */
static void
same_as_check(const char *what)
{
	struct options o = opts();
	struct wizard w;
	struct diagnosis d;
	char *cause = NULL;
	size_t fail = 0, warn = 0, f, wn, wt, first = 0;

	CHECK_INT(0, wizard_open(&w, &o, &cause));
	CHECK_INT(0, diagnose_run(&w.dopt, &d, &cause));
	for (size_t i = 1; i + 2 < w.nsteps; i++) {
		bool waiting;
		const struct check_result *r = wizard_result(&w, i, &waiting);
		const struct check_result *e = &d.results[i - 1];

		CHECK(!waiting);
		CHECK_INT(e->status, r->status);
		CHECK_STR(e->summary, r->summary);
		CHECK_STR(e->detail, r->detail);
		CHECK_STR(e->fix, r->fix);
		fail += e->status == CHECK_FAIL;
		warn += e->status == CHECK_WARN;
		if (first == 0 && (e->status == CHECK_FAIL ||
		    e->status == CHECK_WARN))
			first = i;
	}
	wizard_counts(&w, &f, &wn, &wt);
	CHECK_INT(fail, f);
	CHECK_INT(warn, wn);
	CHECK_INT(0, wt);
	CHECK_INT(first != 0 ? first : w.nsteps - 1,
	    wizard_next_problem(&w, 0));
	if (first != 0)
		CHECK_INT(first, wizard_next_problem(&w, first));
	CHECK_INT(diagnosis_status(&d), wizard_status(&w));
	if (fail + warn == 0)
		fprintf(stderr, "note: %s: no problem found\n", what);
	diagnosis_clear(&d);
	wizard_close(&w);
}

static void
test_same(void)
{
	char *text = xasprintf("OPENAI_API_KEY=\"%s\" \n", key);

	put(proj, ".env", text, 0600);
	same_as_check("quoted");
	free(text);
	text = xasprintf("export OPENAI_API_KEY=%s\n", old);
	put(home, ".bashrc", text, 0600);
	free(text);
	text = xasprintf("OPENAI_API_KEY=%s\nOPENAI_ORG_ID=bogus\n"
	    "OPENAI_BASE_URL=https://api.openai.com/v1/chat/completions\n",
	    key);
	put(proj, ".env", text, 0644);
	same_as_check("shadowed");
	free(text);
	rm(home, ".bashrc");
	rm(proj, ".env");
	same_as_check("no key");
}

/* Every check's page: texts, found lines without the key; fixable and
 * pasteable where expected. */
static void
test_pages(void)
{
	struct options o = opts();
	struct wizard w;
	struct wizard_page p;
	char *cause = NULL, *text, **v;

	text = xasprintf("# the project\nOPENAI_API_KEY='%s'\n"
	    "OPENAI_PROJECT_ID=proj_abc\nOPENAI_KEY=%s\n", key, old);
	put(proj, ".env", text, 0600);
	free(text);
	CHECK_INT(0, wizard_open(&w, &o, &cause));
	for (size_t i = 0; i < w.nsteps; i++) {
		if (wizard_check(&w, i) == NULL) {
			CHECK_INT(-1, wizard_page(&w, i, &p));
			CHECK(p.found == NULL);
			continue;
		}
		CHECK_INT(0, wizard_page(&w, i, &p));
		CHECK(p.title != NULL && *p.title != '\0');
		CHECK(p.checked != NULL && strlen(p.checked) > 20);
		CHECK(p.why != NULL && strlen(p.why) > 20);
		CHECK(p.found != NULL && p.found[0] != NULL);
		CHECK(clean(p.found));
		v = wizard_details(&w, i);
		CHECK(v != NULL && v[0] != NULL);
		CHECK(clean(v));
		xfree_strv(v);
		xfree_strv(p.found);
	}
	/* The quoted key: every copy, masked, the one used marked. */
	wizard_page(&w, step_of(&w, "key-found"), &p);
	CHECK(has(p.found, ".env:2"));
	CHECK(has(p.found, "sk-proj-\xe2\x80\xa6"));
	CHECK(has(p.found, "<- used"));
	CHECK(has(p.found, "OPENAI_KEY"));	/* the near miss */
	CHECK(!p.fixable && !p.pasteable);
	xfree_strv(p.found);
	wizard_page(&w, step_of(&w, "dotenv-clean"), &p);
	CHECK(has(p.found, "python-dotenv"));
	CHECK(has(p.found, "docker"));
	CHECK(p.fixable);
	xfree_strv(p.found);
	wizard_page(&w, step_of(&w, "org-project"), &p);
	CHECK(has(p.found, "OPENAI_PROJECT_ID"));
	CHECK(has(p.found, "proj_abc"));
	xfree_strv(p.found);
	wizard_page(&w, step_of(&w, "network"), &p);
	CHECK(has(p.found, "offline"));
	xfree_strv(p.found);
	wizard_page(&w, step_of(&w, "dotenv-safety"), &p);
	CHECK(has(p.found, ".env"));
	CHECK(has(p.found, "0600"));
	CHECK(!p.fixable);
	xfree_strv(p.found);
	/* Details: no request offline; the fix of the .env line. */
	v = wizard_details(&w, step_of(&w, "network"));
	CHECK(has(v, "No request was sent"));
	xfree_strv(v);
	v = wizard_details(&w, step_of(&w, "dotenv-clean"));
	CHECK(has(v, "Fix: fix401 --fix"));
	xfree_strv(v);
	v = wizard_details(&w, 0);
	CHECK(v != NULL && v[0] != NULL && v[1] == NULL);
	xfree_strv(v);
	wizard_close(&w);

	/* No key at all: e is offered where the key is missing. */
	rm(proj, ".env");
	CHECK_INT(0, wizard_open(&w, &o, &cause));
	wizard_page(&w, step_of(&w, "key-found"), &p);
	CHECK(p.pasteable && !p.fixable);
	CHECK(has(p.found, "set nowhere"));
	xfree_strv(p.found);
	wizard_close(&w);
}

/* A stale export that wins: key-shadowed offers f. */
static void
test_shadowed(void)
{
	struct options o = opts();
	struct wizard w;
	struct wizard_page p;
	char *cause = NULL, *text;

	text = xasprintf("export OPENAI_API_KEY=%s\n", old);
	put(home, ".bashrc", text, 0600);
	free(text);
	text = xasprintf("OPENAI_API_KEY=%s\n", key);
	put(proj, ".env", text, 0600);
	free(text);
	setenv("OPENAI_API_KEY", old, 1);
	CHECK_INT(0, wizard_open(&w, &o, &cause));
	unsetenv("OPENAI_API_KEY");
	CHECK_INT(CHECK_FAIL, result(&w, "key-shadowed")->status);
	wizard_page(&w, step_of(&w, "key-shadowed"), &p);
	CHECK(p.fixable);
	CHECK(has(p.found, "~/.bashrc:1"));
	CHECK(has(p.found, "the environment"));
	CHECK(has(p.found, "(hidden)"));
	CHECK(clean(p.found));
	xfree_strv(p.found);
	wizard_close(&w);
	rm(home, ".bashrc");
}

/* A real 401 body, pasted: the cause and the .env line, never the key. */
static void
test_decode(void)
{
	struct options o = opts();
	struct wizard w;
	char *cause = NULL, *mask = key_openai_mask(key, KEY_LEN), *text;

	text = xasprintf("OPENAI_API_KEY=%s\n", key);
	put(proj, ".env", text, 0600);
	free(text);
	CHECK_INT(0, wizard_open(&w, &o, &cause));
	text = xasprintf("{\n  \"error\": {\n    \"message\": \"Incorrect API "
	    "key provided: %s. You can find your API key at "
	    "https://platform.openai.com/account/api-keys.\",\n"
	    "    \"type\": \"invalid_request_error\",\n    \"param\": null,\n"
	    "    \"code\": \"invalid_api_key\"\n  }\n}\n", mask);
	CHECK_INT(0, wizard_decode(&w, text, strlen(text)));
	CHECK(w.decoded != NULL && strstr(w.decoded,
	    explain_cause_info(EXPLAIN_WRONG_KEY)->title) != NULL);
	CHECK(w.decoded != NULL && strstr(w.decoded, ".env:1") != NULL);
	CHECK(w.decoded != NULL && strstr(w.decoded, "invalid_api_key"));
	CHECK(!leaks(w.decoded));
	free(text);
	/* A transcript with the whole key in it shows none of it. */
	text = xasprintf("curl -H 'Authorization: Bearer %s'\nHTTP/2 401\n"
	    "{\"error\": {\"message\": \"Incorrect API key provided: %s.\", "
	    "\"code\": \"invalid_api_key\"}}", key, key);
	wizard_decode(&w, text, strlen(text));
	CHECK(w.decoded != NULL && !leaks(w.decoded));
	free(text);
	CHECK_INT(-1, wizard_decode(&w, "  \n", 3));
	CHECK(w.decoded != NULL && strstr(w.decoded, "Paste") != NULL);
	CHECK_INT(-1, wizard_decode(&w, "hello there", 11));
	CHECK(w.decoded != NULL);
	free(mask);
	wizard_close(&w);
}

/* The report: 0600, no key; the default name in the working folder. */
static void
test_report(void)
{
	struct options o = opts();
	struct wizard w;
	struct stat st;
	char *cause = NULL, *written = NULL, *path, *buf = NULL, *cwd;
	size_t n = 0;
	FILE *f;

	CHECK_INT(0, wizard_open(&w, &o, &cause));
	path = xasprintf("%s/r.txt", root);
	CHECK_INT(0, wizard_report(&w, path, &written, &cause));
	CHECK_STR(path, written);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	if ((f = fopen(path, "r")) != NULL) {
		CHECK(getdelim(&buf, &n, '\0', f) > 0);
		CHECK(!leaks(buf));
		CHECK(buf != NULL && strstr(buf, "support report") != NULL);
		fclose(f);
	}
	free(buf);
	free(written);
	free(path);
	cwd = getcwd(NULL, 0);
	CHECK(chdir(root) == 0);
	CHECK_INT(0, wizard_report(&w, NULL, &written, &cause));
	path = xasprintf("%s/fix401-report.txt", root);
	CHECK_STR(path, written);
	CHECK(access(path, F_OK) == 0);
	CHECK(chdir(cwd) == 0);
	free(cwd);
	free(written);
	free(path);
	CHECK_INT(-1, wizard_report(&w, "/nonexistent/dir/r.txt", &written,
	    &cause));
	CHECK(written == NULL && cause != NULL);
	free(cause);
	wizard_close(&w);
}

/* r reads the edited .env again; a failed rerun keeps what was there. */
static void
test_rerun(void)
{
	struct options o = opts();
	struct wizard w;
	struct diagnosis *before;
	char *cause = NULL, *text;

	text = xasprintf("OPENAI_API_KEY=%s\n", key);
	put(proj, ".env", text, 0600);
	free(text);
	CHECK_INT(0, wizard_open(&w, &o, &cause));
	CHECK_INT(CHECK_PASS, result(&w, "dotenv-clean")->status);
	text = xasprintf("OPENAI_API_KEY=\"%s\" # new\r\n", key);
	put(proj, ".env", text, 0600);
	free(text);
	CHECK_INT(0, wizard_rerun(&w, &cause));
	CHECK_INT(2, w.runs);
	CHECK(result(&w, "dotenv-clean")->status != CHECK_PASS);
	before = w.d;
	w.dopt.env_file = "/nonexistent/.env";
	CHECK_INT(-1, wizard_rerun(&w, &cause));
	CHECK(cause != NULL);
	free(cause);
	CHECK(w.d == before);
	CHECK_INT(2, w.runs);
	CHECK(result(&w, "dotenv-clean")->status != CHECK_PASS);
	wizard_close(&w);
}

/* Nothing pending: wizard_wait still waits for fd. */
static void
test_wait_fd(void)
{
	struct options o = opts();
	struct wizard w;
	char *cause = NULL;
	int fds[2];
	bool ready = true;

	CHECK_INT(0, wizard_open(&w, &o, &cause));
	CHECK(pipe(fds) == 0);
	CHECK(!wizard_wait(&w, fds[0], 0, &ready));
	CHECK(!ready);
	CHECK(write(fds[1], "x", 1) == 1);
	CHECK(!wizard_wait(&w, fds[0], 10000, &ready));
	CHECK(ready);
	close(fds[0]);
	close(fds[1]);
	wizard_close(&w);
}

/* ---- the probes, against a loopback server ---- */
/* A listening socket on 127.0.0.1; *port gets its port.  -1 on error. */
static int
listener(int *port)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) < 0 ||
	    listen(fd, 16) < 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &len) < 0) {
		perror("listener");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	*port = ntohs(a.sin_port);
	return fd;
}

/* The server thread's state. */
struct server {
	int		 fd;
	pthread_t	 t;
	int		 served;
	char		*reply;		/* the whole HTTP answer */
};

/* Reads one request (headers and Content-Length bytes) from c. */
static void
read_request(int c)
{
	char buf[65536];
	size_t n = 0;
	char *end = NULL, *cl;
	ssize_t r;

	while (n < sizeof buf - 1) {
		if ((r = read(c, buf + n, sizeof buf - 1 - n)) <= 0)
			return;
		n += (size_t)r;
		buf[n] = '\0';
		if (end == NULL && (end = strstr(buf, "\r\n\r\n")) != NULL) {
			cl = strcasestr(buf, "content-length:");
			if (cl == NULL || cl > end)
				return;
			end += 4 + strtol(cl + 15, NULL, 10);
		}
		if (end != NULL && buf + n >= end)
			return;
	}
}

static void *
serve(void *arg)
{
	struct server *s = arg;
	int c;

	while ((c = accept(s->fd, NULL, NULL)) >= 0) {
		read_request(c);
		if (write(c, s->reply, strlen(s->reply)) < 0)
			perror("serve");
		close(c);
		s->served++;
	}
	return NULL;
}

/* The API's 401, its message echoing the whole key (a hostile server):
 * no text may show it. */
static char *
reply_401(void)
{
	char *mask = key_openai_mask(key, KEY_LEN);
	char *body = xasprintf("{\n  \"error\": {\n    \"message\": "
	    "\"Incorrect API key provided: %s.\",\n"
	    "    \"type\": \"invalid_request_error\",\n"
	    "    \"param\": null,\n    \"code\": \"invalid_api_key\",\n"
	    "    \"echo\": \"%s\"\n  }\n}\n", mask, key);
	char *r = xasprintf("HTTP/1.1 401 Unauthorized\r\n"
	    "Content-Type: application/json\r\n"
	    "www-authenticate: Bearer realm=\"OpenAI API\"\r\n"
	    "x-request-id: req_wizard_1\r\nConnection: close\r\n"
	    "Content-Length: %zu\r\n\r\n%s", strlen(body), body);

	free(mask);
	free(body);
	return r;
}

static long long
ms_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The answers arrive while wizard_wait runs; then the same as
 * diagnose_run, and the answer's details are masked. */
static void
test_answered(void)
{
	struct server s = { .reply = reply_401() };
	struct options o = opts();
	struct wizard w;
	struct diagnosis d;
	char *cause = NULL, *url, *text, **v;
	struct wizard_page p;
	int port;
	bool busy, changed = false;
	long long end;

	if ((s.fd = listener(&port)) < 0 ||
	    pthread_create(&s.t, NULL, serve, &s) != 0) {
		CHECK(!"server");
		return;
	}
	url = xasprintf("http://127.0.0.1:%d/v1", port);
	text = xasprintf("OPENAI_API_KEY=%s\n", key);
	put(proj, ".env", text, 0600);
	free(text);
	o.offline = false;
	o.base_url = url;
	CHECK_INT(0, wizard_open(&w, &o, &cause));
	busy = wizard_busy(&w);
	end = ms_now() + 20000;
	while (wizard_busy(&w) && ms_now() < end)
		changed = wizard_wait(&w, -1, 200, NULL) || changed;
	CHECK(!wizard_busy(&w) && !w.pending);
	CHECK(changed == busy);
	CHECK_INT(CHECK_PASS, result(&w, "network")->status);
	CHECK_INT(CHECK_FAIL, result(&w, "key-accepted")->status);
	CHECK(strstr(result(&w, "key-accepted")->summary, "401") != NULL);
	wizard_page(&w, step_of(&w, "key-accepted"), &p);
	CHECK(has(p.found, "GET /v1/models"));
	CHECK(has(p.found, "401 invalid_api_key"));
	CHECK(p.pasteable);
	CHECK(clean(p.found));
	xfree_strv(p.found);
	v = wizard_details(&w, step_of(&w, "key-accepted"));
	CHECK(has(v, "req_wizard_1"));
	CHECK(has(v, "\"code\": \"invalid_api_key\""));
	CHECK(has(v, "Bearer realm"));
	CHECK(has(v, "\"echo\": \"sk-proj-"));	/* shown, masked */
	CHECK(clean(v));
	xfree_strv(v);
	v = wizard_details(&w, step_of(&w, "completion"));
	CHECK(has(v, "POST"));
	CHECK(clean(v));
	xfree_strv(v);
	CHECK_INT(0, diagnose_run(&w.dopt, &d, &cause));
	for (size_t i = 1; i + 2 < w.nsteps; i++) {
		const struct check_result *r = wizard_result(&w, i, NULL);

		CHECK_INT(d.results[i - 1].status, r->status);
		if (strcmp(wizard_check(&w, i)->id, "network") != 0)
			CHECK_STR(d.results[i - 1].summary, r->summary);
	}
	diagnosis_clear(&d);
	wizard_close(&w);
	shutdown(s.fd, SHUT_RDWR);
	pthread_join(s.t, NULL);
	close(s.fd);
	CHECK(s.served >= 4);
	free(s.reply);
	free(url);
}

/* A server that never answers: the live checks wait, the keyboard is
 * still heard, and Esc ends it with "cancelled". */
static void
test_cancel(void)
{
	struct options o = opts();
	struct wizard w;
	struct wizard_page p;
	char *cause = NULL, *url, *text, **v;
	int port, fd = listener(&port), fds[2];
	size_t f, wn, wt;
	bool waiting, ready = false;
	const struct check_result *r;

	if (fd < 0 || pipe(fds) != 0) {
		CHECK(!"listener");
		return;
	}
	url = xasprintf("http://127.0.0.1:%d/v1", port);
	text = xasprintf("OPENAI_API_KEY=%s\n", key);
	put(proj, ".env", text, 0600);
	free(text);
	o.offline = false;
	o.base_url = url;
	CHECK_INT(0, wizard_open(&w, &o, &cause));
	CHECK(wizard_busy(&w) && w.pending);
	r = wizard_result(&w, step_of(&w, "network"), &waiting);
	CHECK(waiting && strstr(r->summary, "waiting") != NULL);
	wizard_result(&w, step_of(&w, "key-found"), &waiting);
	CHECK(!waiting);
	wizard_counts(&w, &f, &wn, &wt);
	CHECK_INT(4, wt);
	CHECK_INT(step_of(&w, "org-project"), wizard_next_problem(&w, 0));
	wizard_page(&w, step_of(&w, "network"), &p);
	CHECK(has(p.found, "waiting"));
	CHECK(!p.fixable && !p.pasteable);
	xfree_strv(p.found);
	CHECK(!wizard_wait(&w, fds[0], 50, &ready));
	CHECK(!ready && wizard_busy(&w));
	CHECK(write(fds[1], "q", 1) == 1);
	CHECK(!wizard_wait(&w, fds[0], 10000, &ready));
	CHECK(ready && wizard_busy(&w));
	wizard_cancel(&w);
	CHECK(!wizard_busy(&w) && !w.pending);
	for (size_t i = 0; i < w.nsteps; i++)
		if ((r = wizard_result(&w, i, &waiting)) != NULL)
			CHECK(!waiting);
	r = result(&w, "network");
	CHECK_INT(CHECK_SKIP, r->status);
	CHECK(strstr(r->summary, "cancelled (Esc); press r") != NULL);
	CHECK(strstr(result(&w, "key-accepted")->summary, "cancelled") !=
	    NULL);
	CHECK(strstr(result(&w, "completion")->summary, "cancelled") != NULL);
	wizard_counts(&w, &f, &wn, &wt);
	CHECK_INT(0, wt);
	v = wizard_details(&w, step_of(&w, "network"));
	CHECK(has(v, "cancelled"));
	CHECK(clean(v));
	xfree_strv(v);
	/* r sends them again. */
	CHECK_INT(0, wizard_rerun(&w, &cause));
	CHECK(wizard_busy(&w));
	wizard_close(&w);	/* frees the probes in flight */
	close(fds[0]);
	close(fds[1]);
	close(fd);
	free(url);
}

/* ---- setup ---- */
/* HOME, XDG_* and the project in a temp dir; no OPENAI_* variable. */
static void
sandbox(void)
{
	extern char **environ;
	char **names = NULL;
	size_t n = 0;
	char *s;

	snprintf(root, sizeof root, "%s/fix401-wizard-XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(root) == NULL) {
		perror(root);
		exit(99);
	}
	snprintf(proj, sizeof proj, "%s/p", root);
	snprintf(home, sizeof home, "%s/h", root);
	if (mkdir(proj, 0700) < 0 || mkdir(home, 0700) < 0)
		exit(99);
	setenv("HOME", home, 1);
	s = xasprintf("%s/.config", home);
	setenv("XDG_CONFIG_HOME", s, 1);
	free(s);
	s = xasprintf("%s/.state", home);
	setenv("XDG_STATE_HOME", s, 1);
	free(s);
	setenv("SHELL", "/bin/bash", 1);
	for (char **e = environ; *e != NULL; e++)
		if (strstr(*e, "OPENAI") != NULL || strstr(*e, "proxy") ||
		    strstr(*e, "PROXY")) {
			names = xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = xmemdup(*e, strcspn(*e, "="));
		}
	for (size_t i = 0; i < n; i++) {
		unsetenv(names[i]);
		free(names[i]);
	}
	free(names);
}

int
main(void)
{
	char *cmd;
	int rc;

	setlocale(LC_ALL, "");
	make_key(key, 3);
	make_key(old, 11);
	sandbox();
	test_steps();
	test_same();
	test_pages();
	test_shadowed();
	test_decode();
	test_report();
	test_rerun();
	test_wait_fd();
	test_answered();
	test_cancel();
	rc = unit_done();
	cmd = xasprintf("rm -rf '%s'", root);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", root);
	free(cmd);
	return rc;
}
