/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Context hints: facts read from a fake environment (and from our own
 * /proc entry), and the hints built from hand-filled facts. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "hint.h"
#include "unit.h"

#define S(lit)	lit, sizeof(lit) - 1
#define RCKEY	"sk-proj-RCrc0123456789abcdefghRC"

/* Gathers facts from the NUL-separated entries buf[0..len) and pid. */
static struct hint_facts
gather(const char *buf, size_t len, long pid)
{
	struct procenv env;
	struct hint_facts f;

	procenv_init(&env);
	procenv_from_buffer(buf, len, &env);
	hint_facts_gather(&f, &env, pid);
	procenv_clear(&env);
	return f;
}

/* Whether this host itself looks like a container (the test may run in
 * one), as hint_facts_gather decides for pid 0. */
static bool
host_container(void)
{
	return access("/.dockerenv", F_OK) == 0 ||
	    access("/run/.containerenv", F_OK) == 0;
}

static void
test_gather_env(void)
{
	struct hint_facts f;

	f = gather(S("HOME=/h\0PATH=/bin\0"), 0);
	CHECK(!f.sudo && !f.ci && !f.jupyter && !f.service);
	CHECK_INT(host_container(), f.container);
	f = gather(S("SUDO_USER=me\0"), 0);
	CHECK(f.sudo);
	f = gather(S("SUDO_COMMAND=/usr/bin/python3 app.py\0"), 0);
	CHECK(f.sudo);
	f = gather(S("SUDO_USER=\0"), 0);
	CHECK(!f.sudo);
	f = gather(S("container=podman\0"), 0);
	CHECK(f.container);
	f = gather(S("CI=true\0"), 0);
	CHECK(f.ci);
	f = gather(S("CI=TRUE\0"), 0);
	CHECK(f.ci);
	f = gather(S("CI=1\0"), 0);
	CHECK(f.ci);
	f = gather(S("CI=Yes\0"), 0);
	CHECK(f.ci);
	f = gather(S("CI=false\0"), 0);
	CHECK(!f.ci);
	f = gather(S("CI=\0"), 0);
	CHECK(!f.ci);
	f = gather(S("JPY_PARENT_PID=42\0"), 0);
	CHECK(f.jupyter);
	f = gather(S("JPY_SESSION_NAME=/n/a.ipynb\0"), 0);
	CHECK(f.jupyter);
	/* Without a process, INVOCATION_ID alone says nothing. */
	f = gather(S("INVOCATION_ID=abc\0"), 0);
	CHECK(!f.service);
}

static void
test_gather_pid(void)
{
	long self = (long)getpid();
	struct hint_facts f;
	int fd;
	bool tty, known;

	f = gather(S("INVOCATION_ID=abc\0"), self);
	CHECK(f.service);
	/* We are not ipykernel; our terminal decides "service".  Opening
	 * /dev/tty fails with ENXIO exactly when there is none. */
	fd = open("/dev/tty", O_RDONLY | O_CLOEXEC);
	known = fd != -1 || errno == ENXIO;
	tty = fd != -1;
	if (fd != -1)
		close(fd);
	f = gather(S("HOME=/h\0"), self);
	CHECK(!f.jupyter);
	if (known && access("/proc/self/stat", R_OK) == 0)
		CHECK_INT(!tty, f.service);
	/* A process that cannot exist: nothing read, nothing claimed. */
	f = gather(S("HOME=/h\0"), 999999999L);
	CHECK(!f.jupyter && !f.service && !f.sudo && !f.ci);
}

/* Sources with an OPENAI_API_KEY from the environment and, if rc, from
 * a startup file; name is the startup file's variable. */
static void
build(struct sources *s, bool rc, const char *name)
{
	sources_init(s);
	sources_add(s, "OPENAI_API_KEY", SOURCE_ENV, NULL, 0, S(RCKEY));
	if (rc)
		sources_add(s, name, SOURCE_RCFILE, "/h/.bashrc", 42,
		    S(RCKEY));
	sources_decide(s, NULL, true, false);
}

/* Checks l holds exactly ids[0..n) in order, each with a text. */
static void
expect_ids(const struct hint_list *l, const enum hint_id *ids, size_t n,
    int line)
{
	unit_long((long)n, (long)l->n, "hint count", __FILE__, line);
	for (size_t i = 0; i < n && i < l->n; i++) {
		unit_long(ids[i], l->v[i].id, "hint id", __FILE__, line);
		unit_true(l->v[i].text != NULL && *l->v[i].text != '\0',
		    "hint text", __FILE__, line);
		unit_true(l->v[i].text == NULL ||
		    strstr(l->v[i].text, "RCrc01") == NULL, "no key",
		    __FILE__, line);
	}
}

static void
test_build(void)
{
	struct hint_facts none = { 0 };
	struct hint_facts all = { true, true, true, true, true };
	static const enum hint_id every[] = { HINT_SUDO, HINT_CONTAINER,
	    HINT_CI, HINT_JUPYTER, HINT_SERVICE };
	struct sources s;
	struct hint_list l;

	hint_list_init(&l);
	build(&s, true, "OPENAI_API_KEY");
	hints_build(&none, &s, &l);
	expect_ids(&l, NULL, 0, __LINE__);
	hints_build(&all, &s, &l);
	expect_ids(&l, every, 5, __LINE__);
	if (l.n == 5) {
		CHECK(strstr(l.v[0].text, "sudo -E") != NULL);
		CHECK(strstr(l.v[1].text, "--env-file") != NULL);
		CHECK(strstr(l.v[2].text, "secret") != NULL);
		CHECK(strstr(l.v[3].text, "restart the kernel") != NULL);
		CHECK(strstr(l.v[4].text, "/h/.bashrc") != NULL);
		CHECK(strstr(l.v[4].text, "EnvironmentFile=") != NULL);
	}
	hint_list_clear(&l);
	CHECK(l.n == 0 && l.v == NULL);
	sources_free(&s);
}

/* "service" needs the key in a startup file. */
static void
test_build_service(void)
{
	struct hint_facts svc = { .service = true, .ci = true };
	static const enum hint_id ci[] = { HINT_CI };
	struct sources s;
	struct hint_list l;

	hint_list_init(&l);
	build(&s, false, NULL);
	hints_build(&svc, &s, &l);
	expect_ids(&l, ci, 1, __LINE__);
	hint_list_clear(&l);
	sources_free(&s);
	build(&s, true, "OPENAI_BASE_URL");
	hints_build(&svc, &s, &l);
	expect_ids(&l, ci, 1, __LINE__);
	hint_list_clear(&l);
	sources_free(&s);
	hints_build(&svc, NULL, &l);
	expect_ids(&l, ci, 1, __LINE__);
	hint_list_clear(&l);
}

/* The service hint names the startup file the shell reads, not another
 * shell's (listed first). */
static void
test_build_service_file(void)
{
	struct hint_facts svc = { .service = true };
	struct sources s;
	struct hint_list l;
	struct candidate *c;

	hint_list_init(&l);
	sources_init(&s);
	c = sources_add(&s, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.zshrc", 1,
	    S(RCKEY));
	c->unloaded = true;
	sources_add(&s, "OPENAI_API_KEY", SOURCE_RCFILE, "/h/.profile", 2,
	    S(RCKEY));
	hints_build(&svc, &s, &l);
	CHECK(l.n == 1 && strstr(l.v[0].text, "/h/.profile") != NULL);
	hint_list_clear(&l);
	sources_free(&s);
}

static void
test_names(void)
{
	CHECK_STR("sudo", hint_id_name(HINT_SUDO));
	CHECK_STR("container", hint_id_name(HINT_CONTAINER));
	CHECK_STR("ci", hint_id_name(HINT_CI));
	CHECK_STR("jupyter", hint_id_name(HINT_JUPYTER));
	CHECK_STR("service", hint_id_name(HINT_SERVICE));
}

int
main(void)
{
	test_gather_env();
	test_gather_pid();
	test_build();
	test_build_service();
	test_build_service_file();
	test_names();
	return unit_done();
}
