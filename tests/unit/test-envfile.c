/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* envfile: finding, reading through links, atomic writes that keep the
 * mode, backups, refusing stale writes, undo and restore.  Works in a
 * private mkdtemp folder with HOME and XDG_STATE_HOME pointed into it. */
#include <config.h>

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "backup.h"
#include "envfile.h"
#include "unit.h"

static char root[PATH_MAX];	/* the real path of the scratch folder */

static char *
at(const char *name)
{
	static char buf[4][2 * PATH_MAX];	/* a test helper: a few at a time */
	static int next;
	char *p = buf[next++ % 4];

	snprintf(p, 2 * PATH_MAX, "%s/%s", root, name);
	return p;
}

static void
put(const char *path, const char *s, size_t n, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd == -1 || write(fd, s, n) != (ssize_t)n || fchmod(fd, mode)) {
		perror(path);
		exit(99);
	}
	close(fd);
}

/* The file's bytes (caller frees) or NULL; *n gets the length. */
static char *
get(const char *path, size_t *n)
{
	struct envfile f;
	char *buf;

	envfile_init(&f);
	if (envfile_read(&f, path, NULL) == -1 || !f.exists) {
		envfile_clear(&f);
		return NULL;
	}
	buf = malloc(f.len + 1);
	memcpy(buf, f.buf, f.len + 1);
	*n = f.len;
	envfile_clear(&f);
	return buf;
}

#define CHECK_FILE(exp, path) do { \
	size_t n_ = 0; \
	char *b_ = get(path, &n_); \
	CHECK_MEM(exp, sizeof exp - 1, b_, n_); \
	free(b_); \
} while (0)

static mode_t
mode_of(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 ? st.st_mode : 0;
}

/* How many backups (*.env) are in the folder of backup. */
static int
count_backups(const char *folder)
{
	DIR *d = opendir(folder);
	struct dirent *e;
	int n = 0;

	while (d != NULL && (e = readdir(d)) != NULL)
		n += e->d_name[0] != '.' && strstr(e->d_name, ".env") != NULL;
	if (d != NULL)
		closedir(d);
	return n;
}

static void
test_find(void)
{
	char *p;

	mkdir(at("proj"), 0700);
	mkdir(at("proj/a"), 0700);
	mkdir(at("proj/a/b"), 0700);
	put(at("proj/.env"), "A=1\n", 4, 0600);
	p = envfile_find(at("proj"));
	CHECK_STR(at("proj/.env"), p);
	free(p);
	p = envfile_find(at("proj/a/b"));
	CHECK_STR(at("proj/.env"), p);
	free(p);
	p = envfile_find(at("proj/a/b/../.."));
	CHECK_STR(at("proj/.env"), p);
	free(p);
	put(at("proj/a/.env"), "A=2\n", 4, 0600);
	p = envfile_find(at("proj/a/b"));
	CHECK_STR(at("proj/a/.env"), p);
	free(p);
	/* A folder named .env is not a .env file. */
	mkdir(at("proj/a/b/.env"), 0700);
	p = envfile_find(at("proj/a/b"));
	CHECK_STR(at("proj/a/.env"), p);
	free(p);
	if (chdir(at("proj/a/b")) == 0) {
		p = envfile_find(".");
		CHECK_STR(at("proj/a/.env"), p);
		free(p);
		p = envfile_find("..");
		CHECK_STR(at("proj/a/.env"), p);
		free(p);
		CHECK(chdir("/") == 0);
	}
	if (access("/.env", F_OK) != 0 && access("/tmp/.env", F_OK) != 0) {
		mkdir(at("none"), 0700);
		p = envfile_find(at("none"));
		CHECK(p == NULL);
		free(p);
	}
}

static void
test_read(void)
{
	struct envfile f;
	char *cause = NULL;

	envfile_init(&f);
	CHECK_INT(0, envfile_read(&f, at("missing.env"), &cause));
	CHECK(!f.exists);
	CHECK_INT(0, f.len);
	CHECK_STR(at("missing.env"), f.target);

	put(at("plain.env"), "K=v\n", 4, 0640);
	CHECK_INT(0, envfile_read(&f, at("plain.env"), &cause));
	CHECK(f.exists);
	CHECK_MEM("K=v\n", 4, f.buf, f.len);
	CHECK_INT(0640, f.st.st_mode & 07777);
	CHECK_INT(4, f.st.st_size);

	CHECK(symlink("plain.env", at("link.env")) == 0);
	CHECK_INT(0, envfile_read(&f, at("link.env"), &cause));
	CHECK(f.exists);
	CHECK_STR(at("link.env"), f.path);
	CHECK_STR(at("plain.env"), f.target);
	CHECK_MEM("K=v\n", 4, f.buf, f.len);

	mkdir(at("sub"), 0700);
	CHECK(symlink("sub/new.env", at("dangling.env")) == 0);
	CHECK_INT(0, envfile_read(&f, at("dangling.env"), &cause));
	CHECK(!f.exists);
	CHECK_STR(at("sub/new.env"), f.target);

	CHECK(symlink("nowhere/x.env", at("broken.env")) == 0);
	CHECK_INT(-1, envfile_read(&f, at("broken.env"), &cause));
	CHECK(cause != NULL && strstr(cause, at("broken.env")) != NULL);
	free(cause);
	cause = NULL;

	CHECK_INT(-1, envfile_read(&f, at("sub"), &cause));
	CHECK(cause != NULL && strstr(cause, at("sub")) != NULL);
	CHECK(cause != NULL && strstr(cause, "folder") != NULL);
	free(cause);
	cause = NULL;
	CHECK(f.path == NULL && f.buf == NULL);

	if (geteuid() != 0) {	/* root reads anything */
		put(at("secret.env"), "K=sk-hidden\n", 12, 0000);
		CHECK_INT(-1, envfile_read(&f, at("secret.env"), &cause));
		CHECK(cause != NULL && strstr(cause, "sk-hidden") == NULL);
		free(cause);
		cause = NULL;
	}
	envfile_clear(&f);
}

/* Writes old, then new over it through envfile; checks mode and backup. */
static void
test_write_mode(void)
{
	struct envfile f;
	char *cause = NULL, *backup = NULL, want[PATH_MAX + 1];
	size_t n;
	struct stat st;

	put(at("mode.env"), "OLD=1\n", 6, 0640);
	envfile_init(&f);
	CHECK_INT(0, envfile_read(&f, at("mode.env"), &cause));
	CHECK_INT(0, envfile_write(&f, "NEW=2\n", 6, &backup, &cause));
	CHECK_FILE("NEW=2\n", at("mode.env"));
	CHECK_INT(S_IFREG | 0640, mode_of(at("mode.env")));
	CHECK_MEM("NEW=2\n", 6, f.buf, f.len);
	CHECK(stat(at("mode.env"), &st) == 0 && st.st_ino == f.st.st_ino &&
	    st.st_mtim.tv_nsec == f.st.st_mtim.tv_nsec);

	CHECK(backup != NULL && strncmp(backup, at("state/fix401/backups/"),
	    strlen(at("state/fix401/backups/"))) == 0);
	CHECK_FILE("OLD=1\n", backup);
	CHECK_INT(S_IFREG | 0600, mode_of(backup));
	CHECK_INT(S_IFDIR | 0700, mode_of(at("state/fix401/backups")));
	if (backup != NULL) {
		/* backups/<16 hex>/<stamp>.env, plus origin = the target */
		char *slash = strrchr(backup, '/');

		*slash = '\0';
		CHECK_INT(16, strlen(strrchr(backup, '/') + 1));
		CHECK_INT(S_IFDIR | 0700, mode_of(backup));
		strcat(backup, "/origin");
		snprintf(want, sizeof want, "%s\n", at("mode.env"));
		char *o = get(backup, &n);

		CHECK_MEM(want, strlen(want), o, n);
		free(o);
	}
	free(backup);
	envfile_clear(&f);

	/* A new file gets 0600 and no backup. */
	envfile_init(&f);
	CHECK_INT(0, envfile_read(&f, at("fresh.env"), &cause));
	backup = (char *)"unset";
	CHECK_INT(0, envfile_write(&f, "A=1\n", 4, &backup, &cause));
	CHECK(backup == NULL);
	CHECK(f.exists);
	CHECK_INT(S_IFREG | 0600, mode_of(at("fresh.env")));
	CHECK_FILE("A=1\n", at("fresh.env"));
	envfile_clear(&f);
	CHECK(cause == NULL);
}

static void
test_write_symlink(void)
{
	struct envfile f;
	char *cause = NULL, *backup = NULL;

	mkdir(at("shared"), 0700);
	mkdir(at("app"), 0700);
	put(at("shared/real.env"), "OLD=1\n", 6, 0604);
	CHECK(symlink("../shared/real.env", at("app/.env")) == 0);
	envfile_init(&f);
	CHECK_INT(0, envfile_read(&f, at("app/.env"), &cause));
	CHECK_INT(0, envfile_write(&f, "NEW=1\n", 6, &backup, &cause));
	CHECK(S_ISLNK(mode_of(at("app/.env"))));
	CHECK_FILE("NEW=1\n", at("shared/real.env"));
	CHECK_INT(S_IFREG | 0604, mode_of(at("shared/real.env")));
	CHECK_FILE("OLD=1\n", backup);
	free(backup);
	envfile_clear(&f);

	/* Dangling: the file is created where the link points. */
	CHECK(symlink("../shared/later.env", at("app/later.env")) == 0);
	envfile_init(&f);
	CHECK_INT(0, envfile_read(&f, at("app/later.env"), &cause));
	CHECK_INT(0, envfile_write(&f, "L=1\n", 4, NULL, &cause));
	CHECK(S_ISLNK(mode_of(at("app/later.env"))));
	CHECK_FILE("L=1\n", at("shared/later.env"));
	envfile_clear(&f);
	CHECK(cause == NULL);
}

/* Another program changes the file between read and write. */
static void
test_refuse(void)
{
	struct envfile f;
	char *cause = NULL, *backup = NULL, folder[PATH_MAX];
	struct timespec ts[2] = { { 0, UTIME_OMIT }, { 12345, 678 } };
	int before;

	put(at("race.env"), "K=old\n", 6, 0600);
	envfile_init(&f);
	CHECK_INT(0, envfile_read(&f, at("race.env"), &cause));
	CHECK_INT(0, envfile_write(&f, "K=mid\n", 6, &backup, &cause));
	snprintf(folder, sizeof folder, "%s", backup);
	*strrchr(folder, '/') = '\0';
	free(backup);
	before = count_backups(folder);

	put(at("race.env"), "K=oth\n", 6, 0600);	/* same size */
	CHECK_INT(-1, envfile_write(&f, "K=new\n", 6, &backup, &cause));
	CHECK(cause != NULL && strstr(cause, "changed since") != NULL);
	CHECK(cause != NULL && strstr(cause, "K=") == NULL);
	free(cause);
	cause = NULL;
	CHECK_FILE("K=oth\n", at("race.env"));
	CHECK_INT(before, count_backups(folder));

	/* Same bytes, same size, only the mtime moved. */
	CHECK_INT(0, envfile_read(&f, at("race.env"), &cause));
	CHECK(utimensat(AT_FDCWD, at("race.env"), ts, 0) == 0);
	CHECK_INT(-1, envfile_write(&f, "K=new\n", 6, NULL, &cause));
	CHECK(cause != NULL && strstr(cause, "changed since") != NULL);
	free(cause);
	cause = NULL;

	/* Other bytes, same size, mtime put back: only the bytes tell. */
	CHECK_INT(0, envfile_read(&f, at("race.env"), &cause));
	int fd = open(at("race.env"), O_WRONLY);

	CHECK(fd != -1 && write(fd, "K=zzz\n", 6) == 6);
	ts[1] = f.st.st_mtim;
	CHECK(futimens(fd, ts) == 0);
	close(fd);
	CHECK_INT(-1, envfile_write(&f, "K=new\n", 6, NULL, &cause));
	CHECK(cause != NULL && strstr(cause, "changed since") != NULL);
	CHECK_FILE("K=zzz\n", at("race.env"));
	free(cause);
	cause = NULL;

	/* Replaced by another file with the same bytes (new inode). */
	CHECK_INT(0, envfile_read(&f, at("race.env"), &cause));
	put(at("race2.env"), "K=oth\n", 6, 0600);
	CHECK(rename(at("race2.env"), at("race.env")) == 0);
	CHECK_INT(-1, envfile_write(&f, "K=new\n", 6, NULL, &cause));
	free(cause);
	cause = NULL;

	/* Deleted, and created where there was none. */
	CHECK_INT(0, envfile_read(&f, at("race.env"), &cause));
	CHECK(unlink(at("race.env")) == 0);
	CHECK_INT(-1, envfile_write(&f, "K=new\n", 6, NULL, &cause));
	CHECK(access(at("race.env"), F_OK) != 0);
	free(cause);
	cause = NULL;
	CHECK_INT(0, envfile_read(&f, at("race.env"), &cause));
	put(at("race.env"), "K=x\n", 4, 0600);
	CHECK_INT(-1, envfile_write(&f, "K=new\n", 6, NULL, &cause));
	CHECK_FILE("K=x\n", at("race.env"));
	free(cause);
	envfile_clear(&f);
	CHECK_INT(before, count_backups(folder));
}

static void
test_undo_restore(void)
{
	struct envfile f;
	char *cause = NULL, *backup = NULL, *from = NULL;

	CHECK_INT(-1, envfile_undo(at("never.env"), &from, &cause));
	CHECK(cause != NULL && strstr(cause, "no backup") != NULL);
	CHECK(from == NULL);
	free(cause);
	cause = NULL;

	put(at("u.env"), "V=A\n", 4, 0640);
	envfile_init(&f);
	CHECK_INT(0, envfile_read(&f, at("u.env"), &cause));
	CHECK_INT(0, envfile_write(&f, "V=B\n", 4, &backup, &cause));
	envfile_clear(&f);
	CHECK_INT(0, envfile_undo(at("u.env"), &from, &cause));
	CHECK_FILE("V=A\n", at("u.env"));
	CHECK_STR(backup, from);
	CHECK_INT(S_IFREG | 0640, mode_of(at("u.env")));
	free(from);
	from = NULL;
	CHECK_INT(0, envfile_undo(at("u.env"), &from, &cause));
	CHECK_FILE("V=B\n", at("u.env"));
	CHECK(from != NULL && strcmp(from, backup) != 0);
	free(from);
	CHECK_INT(0, envfile_undo(at("u.env"), NULL, &cause));
	CHECK_FILE("V=A\n", at("u.env"));

	/* restore: put the first backup ("V=A") back after writing C. */
	CHECK_INT(0, envfile_read(&f, at("u.env"), &cause));
	CHECK_INT(0, envfile_write(&f, "V=C\n", 4, NULL, &cause));
	put(at("u.bak"), "V=R\n", 4, 0600);
	CHECK_INT(0, envfile_restore(&f, at("u.bak"), &cause));
	CHECK_FILE("V=R\n", at("u.env"));
	CHECK_MEM("V=R\n", 4, f.buf, f.len);
	CHECK_INT(S_IFREG | 0640, mode_of(at("u.env")));
	CHECK_INT(-1, envfile_restore(&f, at("no.bak"), &cause));
	CHECK(cause != NULL && strstr(cause, at("no.bak")) != NULL);
	free(cause);
	envfile_clear(&f);
	free(backup);
}

static void
test_bytes(void)
{
	static const char bin[] = "A=1\r\n\0B=\xff\xfe\r\nC='x\0y'\r\n\r\n";
	struct envfile f;
	char *cause = NULL, *big, *backup = NULL;
	size_t bigsize = 3 * 1024 * 1024 + 7, n;

	envfile_init(&f);
	CHECK_INT(0, envfile_read(&f, at("bin.env"), &cause));
	CHECK_INT(0, envfile_write(&f, bin, sizeof bin - 1, NULL, &cause));
	CHECK_FILE(bin, at("bin.env"));
	CHECK_INT(0, envfile_read(&f, at("bin.env"), &cause));
	CHECK_MEM(bin, sizeof bin - 1, f.buf, f.len);
	CHECK(f.buf[f.len] == '\0');

	big = malloc(bigsize);
	for (size_t i = 0; i < bigsize; i++)
		big[i] = (char)(i * 7 + i / 4096);
	CHECK_INT(0, envfile_write(&f, big, bigsize, &backup, &cause));
	CHECK_FILE(bin, backup);
	char *back = get(at("bin.env"), &n);

	CHECK(back != NULL && n == bigsize && memcmp(back, big, n) == 0);
	free(back);
	free(backup);
	free(big);
	envfile_clear(&f);
	CHECK(cause == NULL);
}

static void
test_backup_dir(void)
{
	char *dir, *cause = NULL, *state = strdup(getenv("XDG_STATE_HOME"));

	dir = backup_dir(&cause);
	CHECK_STR(at("state/fix401/backups"), dir);
	free(dir);
	setenv("XDG_STATE_HOME", "relative/state", 1);
	dir = backup_dir(&cause);
	CHECK_STR(at("home/.local/state/fix401/backups"), dir);
	CHECK_INT(S_IFDIR | 0700, mode_of(at("home/.local/state/fix401")));
	free(dir);
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	dir = backup_dir(&cause);
	CHECK(dir == NULL && cause != NULL);
	free(cause);
	setenv("HOME", at("home"), 1);
	setenv("XDG_STATE_HOME", state, 1);
	free(state);
}

int
main(void)
{
	char tmpl[] = "/tmp/test-envfile-XXXXXX", cmd[PATH_MAX + 16];

	umask(022);
	if (mkdtemp(tmpl) == NULL || realpath(tmpl, root) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	setenv("HOME", at("home"), 1);
	setenv("XDG_STATE_HOME", at("state"), 1);
	test_find();
	test_read();
	test_write_mode();
	test_write_symlink();
	test_refuse();
	test_undo_restore();
	test_bytes();
	test_backup_dir();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (unit_failures == 0 && system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", root);
	return unit_done();
}
