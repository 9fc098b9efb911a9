/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The wizard's changes: pasted keys cleaned (SPEC 7), the key's line
 * repaired, a key written into a new or existing .env, a stale export in
 * ~/.bashrc commented out, .gitignore and chmod, stale plans refused.
 * Real files in a private mkdtemp folder with HOME and the XDG folders
 * pointed into it; offline, so nothing waits on the network.  No text
 * handed out ever holds the fake key. */
#include <config.h>

#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fix.h"
#include "options.h"
#include "wizard.h"
#include "xalloc.h"
#include "unit.h"

#define P18	"FAKEfake0123456789"
#define O18	"OTHRothr9876543210"
#define HEAD	P18 P18 P18 P18 "ab"
#define TAIL	P18 P18 P18 "FAKEfake01234567" "21sA"
#define HEAD2	O18 O18 O18 O18 "cd"
/* Fake project keys of the real shape (164 characters). */
#define KEY	"sk-proj-" HEAD "T3BlbkFJ" TAIL
#define KEY2	"sk-proj-" HEAD2 "T3BlbkFJ" HEAD2
#define MASK	"sk-proj-\xe2\x80\xa6" "21sA"
#define MASK2	"sk-proj-\xe2\x80\xa6" "10cd"

static char root[PATH_MAX];

/* root/name in one of a few rotating buffers. */
static char *
at(const char *name)
{
	static char buf[6][2 * PATH_MAX];
	static int next;
	char *p = buf[next++ % 6];

	snprintf(p, 2 * PATH_MAX, "%s/%s", root, name);
	return p;
}

static void
put(const char *path, const char *s, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	size_t n = strlen(s);

	if (fd == -1 || write(fd, s, n) != (ssize_t)n || fchmod(fd, mode)) {
		perror(path);
		exit(99);
	}
	close(fd);
}

/* The file's bytes as a string (caller frees), or NULL. */
static char *
get(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = xcalloc(1, 65536);

	if (f == NULL) {
		free(s);
		return NULL;
	}
	if (fread(s, 1, 65535, f) == 0 && ferror(f))
		exit(99);
	fclose(f);
	return s;
}

static bool
starts(const char *s, const char *prefix)
{
	return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

static unsigned
mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_mode & 07777 : 0;
}

/* No text handed out may hold a key: not even 13 characters of one. */
static void
no_key(const char *s, const char *what)
{
	static const char *const keys[] = { KEY, KEY2 };

	if (s == NULL)
		return;
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i + 13 <= strlen(keys[k]); i += 6) {
			char win[14];

			memcpy(win, keys[k] + i, 13);
			win[13] = '\0';
			if (strstr(s, win) != NULL) {
				unit_true(0, what, __FILE__, __LINE__);
				fprintf(stderr, "  leaks key text: %s\n", s);
				return;
			}
		}
}

static void
no_key_change(const struct change *c, const char *why)
{
	no_key(c->path, "path");
	no_key(c->before, "before");
	no_key(c->after, "after");
	no_key(c->more, "more");
	no_key(why, "why");
}

/* A project folder: root/name, made empty. */
static char *
project(const char *name)
{
	char *dir = at(name);

	if (mkdir(dir, 0755) != 0) {
		perror(dir);
		exit(99);
	}
	return dir;
}

static void
open_wizard(struct wizard *w, struct options *o, const char *dir)
{
	char *cause = NULL;

	memset(o, 0, sizeof *o);
	o->mode = MODE_WIZARD;
	o->dir = dir;
	o->offline = true;
	o->consumer = CONSUMER_PYTHON;
	o->timeout = 20;
	if (wizard_open(w, o, &cause) != 0) {
		fprintf(stderr, "wizard_open: %s\n", cause);
		exit(99);
	}
}

/* The step of check id. */
static size_t
step(const struct wizard *w, const char *id)
{
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct check *c = wizard_check(w, i);

		if (c != NULL && strcmp(c->id, id) == 0)
			return i;
	}
	exit(99);
}

static enum check_status
status(const struct wizard *w, const char *id)
{
	return wizard_result(w, step(w, id), NULL)->status;
}

/* The number of backups under XDG_STATE_HOME, all of mode 0600. */
static int
backups(void)
{
	char cmd[3 * PATH_MAX];
	FILE *p;
	int n = -1, bad = -1;

	snprintf(cmd, sizeof cmd, "find '%s' -type f -name '*.env' "
	    "2>/dev/null | wc -l",
	    at("state/fix401/backups"));
	if ((p = popen(cmd, "r")) == NULL || fscanf(p, "%d", &n) != 1)
		exit(99);
	pclose(p);
	snprintf(cmd, sizeof cmd, "find '%s' -type f -name '*.env' ! -perm "
	    "600 2>/dev/null | wc -l", at("state/fix401/backups"));
	if ((p = popen(cmd, "r")) == NULL || fscanf(p, "%d", &bad) != 1)
		exit(99);
	pclose(p);
	CHECK_INT(0, bad);
	return n;
}

/* ---- cleaning ---- */

struct paste_case {
	const char	*text;
	const char	*value;		/* NULL: refused */
	const char	*cleaned;	/* expected p.cleaned */
};

static void
test_cleaning(void)
{
	static const struct paste_case cases[] = {
		{ KEY, KEY, NULL },
		{ "\"" KEY "\"", KEY, "quotes" },
		{ "'" KEY "'\n", KEY, "quotes, a line break" },
		{ "\xe2\x80\x9c" KEY "\xe2\x80\x9d", KEY, "curly quotes" },
		{ "\xc2\xa0" KEY "\xc2\xa0", KEY, "no-break spaces" },
		{ KEY "\xe2\x80\x8b", KEY, "zero-width characters" },
		{ "sk-proj-" HEAD "\xe2\x80\x8b" "T3BlbkFJ" TAIL, KEY,
		    "zero-width characters" },
		{ "\xef\xbb\xbf" KEY, KEY, "a byte order mark" },
		{ KEY "\r\n", KEY, "a line break" },
		{ "  " KEY " \t", KEY, "spaces before it, spaces after it" },
		{ "OPENAI_API_KEY=" KEY, KEY, "the name OPENAI_API_KEY" },
		{ "export OPENAI_API_KEY=\"" KEY "\"\n", KEY, "quotes, a line "
		    "break, the word export, the name OPENAI_API_KEY" },
		{ "OPENAI_API_KEY: " KEY, KEY, "spaces before it, the name "
		    "OPENAI_API_KEY" },
		{ "sk-proj-abc def", NULL, NULL },
		{ "sk-proj-abc\ndef", NULL, NULL },
		{ "", NULL, NULL },
		{ " \"\" \n", NULL, NULL },
		{ "OPENAI_KEY=" KEY, NULL, NULL },
		{ "sk-proj-$abc#def", NULL, NULL },
	};
	struct wizard w;
	struct options o;
	struct pasted p;
	struct change c;
	char *why;

	open_wizard(&w, &o, project("clean"));
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct paste_case *k = &cases[i];
		int rc = wizard_plan_paste(&w, k->text, strlen(k->text), &p,
		    &c, &why);

		CHECK_INT(k->value != NULL ? 0 : -1, rc);
		no_key_change(&c, why);
		if (rc != 0) {
			CHECK(why != NULL && *why != '\0');
			free(why);
			continue;
		}
		CHECK(why == NULL);
		CHECK_MEM(k->value, strlen(k->value), c.value, c.vlen);
		CHECK_STR(k->cleaned, p.cleaned);
		CHECK_STR(MASK, p.masked);
		CHECK_INT(164, p.length);
		CHECK_STR("OpenAI", p.provider);
		CHECK_STR("project key", p.kind);
		CHECK_STR(NULL, p.warning);
		CHECK_INT(CHANGE_NEW_KEY, c.kind);
		CHECK(c.creates);
		CHECK_INT(1, c.line);
		CHECK(c.before == NULL);
		CHECK(starts(c.after, "OPENAI_API_KEY=" MASK " (164 "
		    "characters"));
		CHECK_STR(at("clean/.env"), c.path);
		pasted_clear(&p);
		change_clear(&c);
	}
	/* doubts: a placeholder, a cut-off key */
	CHECK_INT(0, wizard_plan_paste(&w, "sk-your-key-here", 16, &p, &c,
	    &why));
	CHECK(p.warning != NULL && strstr(p.warning, "placeholder") != NULL);
	CHECK_STR("sk-\xe2\x80\xa6" "here", p.masked);
	pasted_clear(&p);
	change_clear(&c);
	CHECK_INT(0, wizard_plan_paste(&w, KEY, 150, &p, &c, &why));
	CHECK(p.warning != NULL && strstr(p.warning, "cut off") != NULL &&
	    strstr(p.warning, "164") != NULL);
	pasted_clear(&p);
	change_clear(&c);
	wizard_close(&w);
}

/* ---- writing a pasted key ---- */

static void
test_paste_new_file(void)
{
	struct wizard w;
	struct options o;
	struct pasted p;
	struct change c;
	char *why, *s;

	open_wizard(&w, &o, project("new"));
	CHECK_INT(CHECK_FAIL, status(&w, "key-found"));
	CHECK_INT(0, wizard_plan_paste(&w, "\"" KEY "\"\n", 167, &p, &c,
	    &why));
	CHECK_INT(0, wizard_apply(&w, &c));
	s = get(at("new/.env"));
	CHECK_STR("OPENAI_API_KEY=" KEY "\n", s);
	free(s);
	CHECK_INT(0600, mode_of(at("new/.env")));
	CHECK(w.message != NULL && strstr(w.message, "Created") != NULL);
	no_key(w.message, "message");
	CHECK_INT(CHECK_PASS, status(&w, "key-found"));
	CHECK_INT(CHECK_PASS, status(&w, "dotenv-clean"));
	CHECK_INT(2, w.runs);
	change_clear(&c);
	pasted_clear(&p);
	/* the same key again: nothing to write */
	CHECK_INT(-1, wizard_plan_paste(&w, KEY, strlen(KEY), &p, &c, &why));
	CHECK(why != NULL && strstr(why, "already holds this key") != NULL);
	free(why);
	change_clear(&c);
	wizard_close(&w);
}

static void
test_paste_replace(void)
{
	struct wizard w;
	struct options o;
	struct pasted p;
	struct change c;
	char *why, *s;
	int before = backups();

	project("replace");
	put(at("replace/.env"), "A=1\nOPENAI_API_KEY='" KEY2 "'\r\nB=2",
	    0640);
	open_wizard(&w, &o, at("replace"));
	CHECK_INT(0, wizard_plan_paste(&w, KEY, strlen(KEY), &p, &c, &why));
	CHECK_INT(2, c.line);
	CHECK(!c.creates);
	CHECK_STR("OPENAI_API_KEY='" MASK2 "'<CR>", c.before);
	no_key_change(&c, why);
	CHECK_INT(0, wizard_apply(&w, &c));
	s = get(at("replace/.env"));
	CHECK_STR("A=1\nOPENAI_API_KEY=" KEY "\nB=2", s);
	free(s);
	CHECK_INT(0640, mode_of(at("replace/.env")));
	CHECK_INT(before + 1, backups());
	CHECK(strstr(w.message, "Wrote") != NULL &&
	    strstr(w.message, at("state/fix401/backups")) != NULL &&
	    strstr(w.message, "--undo") != NULL);
	no_key(w.message, "message");
	change_clear(&c);
	pasted_clear(&p);
	wizard_close(&w);
}

/* ---- dotenv-clean ---- */

static void
test_clean_line(void)
{
	struct wizard w;
	struct options o;
	struct change c;
	char *why, *s;
	int before = backups();

	project("quoted");
	put(at("quoted/.env"), "# settings\r\nA=1\r\nexport OPENAI_API_KEY=\""
	    KEY "\" # prod\r\nB=2\r\n", 0640);
	open_wizard(&w, &o, at("quoted"));
	CHECK_INT(CHECK_FAIL, status(&w, "dotenv-clean"));
	CHECK_INT(0, wizard_plan_fix(&w, step(&w, "dotenv-clean"), &c, &why));
	CHECK_INT(CHANGE_DOTENV_LINE, c.kind);
	CHECK_INT(3, c.line);
	CHECK_STR("export OPENAI_API_KEY=\"" MASK "\" #...<CR>", c.before);
	CHECK(starts(c.after, "OPENAI_API_KEY=" MASK " (164 characters, "
	    "fingerprint "));
	CHECK_STR(NULL, c.more);
	no_key_change(&c, why);
	CHECK_INT(0, wizard_apply(&w, &c));
	s = get(at("quoted/.env"));
	CHECK_STR("# settings\r\nA=1\r\nOPENAI_API_KEY=" KEY "\nB=2\r\n", s);
	free(s);
	CHECK_INT(0640, mode_of(at("quoted/.env")));
	CHECK_INT(before + 1, backups());
	no_key(w.message, "message");
	CHECK_INT(CHECK_PASS, status(&w, "dotenv-clean"));
	change_clear(&c);
	/* clean now: nothing to do, and why says so */
	CHECK_INT(-1, wizard_plan_fix(&w, step(&w, "dotenv-clean"), &c, &why));
	CHECK_STR("Nothing to fix here.", why);
	free(why);
	wizard_close(&w);
}

/* An older definition with another key: key-shadowed and dotenv-clean
 * both offer to delete it. */
static void
test_duplicate(void)
{
	struct wizard w;
	struct options o;
	struct change c;
	char *why, *s;

	project("dup");
	put(at("dup/.env"), "OPENAI_API_KEY=" KEY2 "\nX=1\nOPENAI_API_KEY="
	    KEY "\n", 0600);
	open_wizard(&w, &o, at("dup"));
	CHECK_INT(CHECK_WARN, status(&w, "key-shadowed"));
	CHECK_INT(0, wizard_plan_fix(&w, step(&w, "key-shadowed"), &c, &why));
	CHECK_INT(CHANGE_DOTENV_LINE, c.kind);
	CHECK_STR("and delete 1 older definition of OPENAI_API_KEY", c.more);
	change_clear(&c);
	CHECK_INT(0, wizard_plan_fix(&w, step(&w, "dotenv-clean"), &c, &why));
	CHECK_INT(0, wizard_apply(&w, &c));
	s = get(at("dup/.env"));
	CHECK_STR("X=1\nOPENAI_API_KEY=" KEY "\n", s);
	free(s);
	CHECK_INT(CHECK_PASS, status(&w, "key-shadowed"));
	change_clear(&c);
	wizard_close(&w);
}

/* A file changed between the plan and the write is left alone. */
static void
test_changed(void)
{
	struct wizard w;
	struct options o;
	struct change c;
	char *why, *s;
	int before = backups();

	project("changed");
	put(at("changed/.env"), "OPENAI_API_KEY=\"" KEY "\"\n", 0600);
	open_wizard(&w, &o, at("changed"));
	CHECK_INT(0, wizard_plan_fix(&w, step(&w, "dotenv-clean"), &c, &why));
	put(at("changed/.env"), "OPENAI_API_KEY=\"" KEY "\"\nB=2\n", 0600);
	CHECK_INT(-1, wizard_apply(&w, &c));
	s = get(at("changed/.env"));
	CHECK_STR("OPENAI_API_KEY=\"" KEY "\"\nB=2\n", s);
	free(s);
	CHECK(w.message != NULL && strstr(w.message, "changed since") != NULL);
	no_key(w.message, "message");
	CHECK_INT(before, backups());
	change_clear(&c);
	/* a plan made from a diagnosis older than the file is refused */
	put(at("changed/.env"), "OPENAI_API_KEY=\"" KEY "\"\nC=3\n", 0600);
	CHECK_INT(-1, wizard_plan_fix(&w, step(&w, "dotenv-clean"), &c, &why));
	CHECK(why != NULL && strstr(why, "Press r") != NULL);
	free(why);
	wizard_close(&w);
}

/* ---- key-shadowed: a stale export in ~/.bashrc ---- */

static void
test_rc_comment(void)
{
	struct wizard w;
	struct options o;
	struct change c;
	char *why, *s;

	project("stale");
	put(at("stale/.env"), "OPENAI_API_KEY=" KEY "\n", 0600);
	put(at("home/.bashrc"), "# mine\nexport OPENAI_API_KEY=" KEY2
	    "\nalias ll='ls -l'\n", 0644);
	setenv("OPENAI_API_KEY", KEY2, 1);
	open_wizard(&w, &o, at("stale"));
	CHECK_INT(CHECK_FAIL, status(&w, "key-shadowed"));
	CHECK_INT(0, wizard_plan_fix(&w, step(&w, "key-shadowed"), &c, &why));
	CHECK_INT(CHANGE_RC_COMMENT, c.kind);
	CHECK_INT(2, c.line);
	CHECK_STR(at("home/.bashrc"), c.path);
	CHECK_STR("export OPENAI_API_KEY=" MASK2, c.before);
	CHECK_STR("# export OPENAI_API_KEY=" MASK2, c.after);
	no_key_change(&c, why);
	CHECK_INT(0, wizard_apply(&w, &c));
	s = get(at("home/.bashrc"));
	CHECK_STR("# mine\n# export OPENAI_API_KEY=" KEY2 "\nalias ll='ls "
	    "-l'\n", s);
	free(s);
	CHECK(getenv("OPENAI_API_KEY") == NULL);
	CHECK(w.shell_note != NULL &&
	    strstr(w.shell_note, "unset OPENAI_API_KEY") != NULL);
	CHECK_INT(CHECK_PASS, status(&w, "key-shadowed"));
	no_key(w.message, "message");
	no_key(w.shell_note, "shell note");
	change_clear(&c);
	/* a stale key only in the environment: the command, no change */
	setenv("OPENAI_API_KEY", KEY2, 1);
	CHECK_INT(0, wizard_rerun(&w, &why));
	CHECK_INT(-1, wizard_plan_fix(&w, step(&w, "key-shadowed"), &c, &why));
	CHECK(why != NULL && strstr(why, "unset OPENAI_API_KEY") != NULL);
	no_key(why, "why");
	free(why);
	unsetenv("OPENAI_API_KEY");
	unlink(at("home/.bashrc"));
	wizard_close(&w);
}

/* The pure planner keeps CR LF and refuses lines it cannot prove. */
static void
test_comment_plan(void)
{
	static const char crlf[] = "a=1\r\nexport OPENAI_API_KEY=abc\r\n"
	    "b=2\r\n";
	static const char two[] = "export A=1; export OPENAI_API_KEY=abc\n";
	static const char block[] = "if true; then\n  export "
	    "OPENAI_API_KEY=abc\nfi\n";
	struct fix_plan p;

	CHECK_INT(FIX_PLANNED, fix_plan_comment("/h/.bashrc", crlf,
	    strlen(crlf), 2, "abc\r", 4, &p));
	CHECK_MEM("a=1\r\n# export OPENAI_API_KEY=abc\r\nb=2\r\n", 39, p.buf,
	    p.len);
	fix_plan_clear(&p);
	CHECK_INT(FIX_NO_KEY, fix_plan_comment("/h/.bashrc", crlf,
	    strlen(crlf), 2, "abd\r", 4, &p));
	CHECK_INT(FIX_UNSAFE, fix_plan_comment("/h/.bashrc", two,
	    strlen(two), 1, "abc", 3, &p));
	CHECK_INT(FIX_UNSAFE, fix_plan_comment("/h/.bashrc", block,
	    strlen(block), 2, "abc", 3, &p));
}

/* ---- dotenv-safety: .gitignore, chmod, tracked ---- */

static int
git(const char *dir, const char *args)
{
	char cmd[3 * PATH_MAX];

	snprintf(cmd, sizeof cmd, "git -C '%s' %s >/dev/null 2>&1", dir, args);
	return system(cmd);
}

static void
test_safety(void)
{
	struct wizard w;
	struct options o;
	struct change c;
	char *why, *s;

	project("repo");
	project("repo/app");
	put(at("repo/app/.env"), "OPENAI_API_KEY=" KEY "\n", 0644);
	if (git(at("repo"), "init -q") != 0 ||
	    git(at("repo"), "add app/.env") != 0) {
		puts("git is not usable here: .gitignore cases skipped");
		return;
	}
	put(at("repo/.gitignore"), "node_modules", 0644);
	open_wizard(&w, &o, at("repo/app"));
	CHECK_INT(CHECK_FAIL, status(&w, "dotenv-safety"));
	CHECK_INT(0, wizard_plan_fix(&w, step(&w, "dotenv-safety"), &c, &why));
	CHECK_INT(CHANGE_GITIGNORE, c.kind);
	CHECK_STR(at("repo/.gitignore"), c.path);
	CHECK_STR("/app/.env", c.after);
	CHECK_INT(2, c.line);
	CHECK(!c.creates && c.before == NULL);
	CHECK_INT(0, wizard_apply(&w, &c));
	s = get(at("repo/.gitignore"));
	CHECK_STR("node_modules\n/app/.env\n", s);
	free(s);
	change_clear(&c);
	/* then the mode */
	CHECK_INT(0, wizard_plan_fix(&w, step(&w, "dotenv-safety"), &c, &why));
	CHECK_INT(CHANGE_CHMOD, c.kind);
	CHECK_STR("mode 0644 -> 0600", c.after);
	CHECK_INT(0, c.line);
	CHECK_INT(0, wizard_apply(&w, &c));
	CHECK_INT(0600, mode_of(at("repo/app/.env")));
	CHECK(strstr(w.message, "0644 -> 0600") != NULL);
	change_clear(&c);
	/* then only the command fix401 leaves to the user */
	CHECK_INT(-1, wizard_plan_fix(&w, step(&w, "dotenv-safety"), &c, &why));
	CHECK(why != NULL && strstr(why, "git rm --cached -- .env") != NULL);
	no_key(why, "why");
	free(why);
	wizard_close(&w);

	/* no .gitignore at all: one is made at the top, mode 0644 */
	project("repo2");
	put(at("repo2/.env"), "OPENAI_API_KEY=" KEY "\n", 0600);
	git(at("repo2"), "init -q");
	open_wizard(&w, &o, at("repo2"));
	CHECK_INT(0, wizard_plan_fix(&w, step(&w, "dotenv-safety"), &c, &why));
	CHECK_INT(CHANGE_GITIGNORE, c.kind);
	CHECK(c.creates);
	CHECK_INT(1, c.line);
	CHECK_INT(0, wizard_apply(&w, &c));
	s = get(at("repo2/.gitignore"));
	CHECK_STR("/.env\n", s);
	free(s);
	CHECK_INT(0644, mode_of(at("repo2/.gitignore")));
	CHECK_INT(CHECK_PASS, status(&w, "dotenv-safety"));
	no_key(w.message, "message");
	change_clear(&c);
	wizard_close(&w);
}

/* Pure helpers of the .gitignore plan. */
static void
test_ignore_plan(void)
{
	struct fix_plan p;
	char *s = fix_ignore_pattern("a*b/.env ");

	CHECK_STR("/a\\*b/.env\\ ", s);
	free(s);
	CHECK(fix_ignore_pattern("a\nb") == NULL);
	fix_plan_append("", 0, "/.env", &p);
	CHECK_MEM("/.env\n", 6, p.buf, p.len);
	CHECK_INT(0, p.line);
	fix_plan_clear(&p);
	fix_plan_append("x\n", 2, "/.env", &p);
	CHECK_MEM("x\n/.env\n", 8, p.buf, p.len);
	CHECK_INT(1, p.line);
	fix_plan_clear(&p);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	char tmpl[PATH_MAX];

	snprintf(tmpl, sizeof tmpl, "%s/fix401-wizfix-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(tmpl) == NULL || realpath(tmpl, root) == NULL)
		return 99;
	mkdir(at("home"), 0700);
	setenv("HOME", at("home"), 1);
	setenv("XDG_STATE_HOME", at("state"), 1);
	setenv("XDG_CONFIG_HOME", at("config"), 1);
	setenv("SHELL", "/bin/bash", 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	unsetenv("OPENAI_API_KEY");
	unsetenv("OPENAI_BASE_URL");
	unsetenv("OPENAI_ORG_ID");
	unsetenv("OPENAI_PROJECT_ID");

	test_cleaning();
	test_paste_new_file();
	test_paste_replace();
	test_clean_line();
	test_duplicate();
	test_changed();
	test_rc_comment();
	test_comment_plan();
	test_ignore_plan();
	test_safety();
	{
		char cmd[PATH_MAX + 16];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
		if (system(cmd) != 0)
			return 99;
	}
	return unit_done();
}
