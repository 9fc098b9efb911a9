/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Writing a change the user confirmed: backup, atomic replace, read back
 * and prove, put the original back when the proof fails, then diagnose
 * again.  Also the helpers every change planner shares. */
#include <config.h>

#include "wizard-change.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fix.h"
#include "i18n.h"
#include "key.h"
#include "report.h"
#include "safefile.h"
#include "sanitize.h"
#include "wizard-text.h"
#include "xalloc.h"

#define KEY_NAME	"OPENAI_API_KEY"

/* ---- shared by the planners ---- */

void
change_clear(struct change *c)
{
	free(c->path);
	free(c->before);
	free(c->after);
	free(c->more);
	safefile_discard(c->buf, c->len);
	safefile_discard(c->value, c->vlen);
	free(c->target);
	if (c->from != NULL)
		envfile_clear(c->from);
	free(c->from);
	memset(c, 0, sizeof *c);
}

char *
change_shown(const char *path)
{
	return sanitize_text(path, strlen(path), NULL);
}

int
change_read(struct change *c, const char *path, char **why)
{
	c->from = xmalloc(sizeof *c->from);
	envfile_init(c->from);
	if (envfile_read(c->from, path, why) < 0)
		return -1;
	c->path = change_shown(path);
	c->target = xstrdup(c->from->target);
	return 0;
}

void
change_set_value(struct change *c, const char *v, size_t vlen)
{
	c->value = xmemdup(v, vlen);
	c->vlen = vlen;
}

void
change_take_buf(struct change *c, char *buf, size_t len)
{
	c->buf = buf;
	c->len = len;
}

char *
change_line_text(const struct analysis *an, const struct dotenv_assign *a,
    bool ascii)
{
	struct report_style st = { .ascii = ascii };
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	if (f == NULL)
		die("%s", _("out of memory"));
	/* only masked text goes in: report_line never prints a key */
	report_line(f, a, an->doc.lines[a->line].eol == 2, &st);
	if (fclose(f) != 0)
		die("%s", _("out of memory"));
	return s;
}

char *
change_key_text(const char *v, size_t vlen, bool ascii)
{
	struct report_style st = { .ascii = ascii };
	char *m = report_value_text(v, vlen, &st), *s;

	s = xasprintf(KEY_NAME "=%s", m);
	free(m);
	return s;
}

char *
change_join(char **v)
{
	size_t n = 0, len = 0;
	char *s;

	for (; v[n] != NULL; n++)
		len += strlen(v[n]) + 2;
	if (n == 0) {
		free(v);
		return NULL;
	}
	s = xmalloc(len + 1);
	s[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			strcat(s, ", ");
		strcat(s, v[i]);
	}
	xfree_strv(v);
	return s;
}

char *
change_key_path(const struct wizard *w)
{
	const struct diagnosis *d = w->d;

	if (d->dotenv_path != NULL && (d->ctx.env_file || d->dotenv_in_dir))
		return xstrdup(d->dotenv_path);
	return safefile_join(d->dir, ".env");
}

/* ---- writing ---- */

/* The command that puts c's file back (caller frees): the --undo of the
 * project's .env, else --undo -e FILE. */
static char *
undo_command(const struct wizard *w, const struct change *c)
{
	char *q, *s;

	if (c->kind == CHANGE_DOTENV_LINE || c->kind == CHANGE_NEW_KEY) {
		if (w->d->dotenv_path != NULL &&
		    strcmp(w->d->dotenv_path, c->from->path) == 0)
			return check_command(&w->d->ctx, "--undo");
	}
	q = check_quote(c->from->path);
	s = sanitize_take(xasprintf("fix401 --undo -e %s", q));
	free(q);
	return s;
}

/* True when the file c was written to reads back as planned: the same
 * bytes and, for a key, the key in every loader. */
static bool
reads_back(const struct change *c)
{
	struct envfile again;
	char *cause = NULL;
	bool ok;

	envfile_init(&again);
	ok = envfile_read(&again, c->from->path, &cause) == 0 &&
	    again.len == c->len && memcmp(again.buf, c->buf, c->len) == 0;
	if (ok && (c->kind == CHANGE_DOTENV_LINE || c->kind == CHANGE_NEW_KEY))
		ok = fix_verify(again.buf, again.len, c->value, c->vlen);
	envfile_clear(&again);
	free(cause);
	return ok;
}

/* After a bad read-back: puts the backup back (or removes the file that
 * was created).  Returns the message (caller frees). */
static char *
undo_bad_write(const struct change *c, const char *backup)
{
	char *cause = NULL, *msg;

	if (backup == NULL) {
		if (unlink(c->from->target) == 0 || errno == ENOENT)
			return xasprintf(_("The new %s did not read back as "
			    "intended, so fix401 removed it again."), c->path);
		return xasprintf(_("The new %s did not read back as intended, "
		    "and removing it failed: %s."), c->path, strerror(errno));
	}
	if (envfile_restore(c->from, backup, &cause) < 0)
		msg = xasprintf(_("The written %s does not read back as "
		    "intended, and restoring it failed: %s"), c->path, cause);
	else
		msg = xasprintf(_("The written %s did not read back as "
		    "intended; the original is back in place."), c->path);
	free(cause);
	return msg;
}

/* Writes c's new contents, proves them, says what happened in *msg. */
static int
apply_write(const struct wizard *w, struct change *c, char **msg)
{
	char *backup = NULL, *cause = NULL, *undo;

	if (envfile_write(c->from, c->buf, c->len, &backup, &cause) < 0) {
		*msg = cause;
		return -1;
	}
	/* a new .gitignore is shared with everyone who clones the project */
	if (c->kind == CHANGE_GITIGNORE && backup == NULL)
		(void)chmod(c->from->target, c->mode);
	if (!reads_back(c)) {
		*msg = undo_bad_write(c, backup);
		free(backup);
		return -1;
	}
	if (backup == NULL && c->kind == CHANGE_GITIGNORE)
		*msg = xasprintf(_("Created %s."), c->path);
	else if (backup == NULL)
		*msg = xasprintf(_("Created %s, readable only by you (mode "
		    "0600)."), c->path);
	else {
		char *file = wizard_short_path(w, c->path),
		    *copy = wizard_short_path(w, backup);

		undo = undo_command(w, c);
		/* TRANSLATORS: the file, the backup's path, a command. */
		*msg = xasprintf(_("Wrote %s (backup: %s; %s puts it back)."),
		    file, copy, undo);
		free(undo);
		free(copy);
		free(file);
	}
	free(backup);
	return 0;
}

/* Changes the mode of c's file, if it is still the file planned from. */
static int
apply_mode(struct change *c, char **msg)
{
	const struct stat *was = &c->from->st;
	struct stat st;
	int fd, err;

	fd = open(c->from->target, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	if (fd == -1 || fstat(fd, &st) == -1) {
		err = errno;
		*msg = xasprintf(_("Could not change the mode of %s: %s (%s)."),
		    c->path, safefile_hint(err), strerror(err));
		if (fd != -1)
			close(fd);
		return -1;
	}
	if (st.st_dev != was->st_dev || st.st_ino != was->st_ino ||
	    st.st_mode != was->st_mode) {
		close(fd);
		*msg = xasprintf(_("%s changed since fix401 read it; its mode "
		    "was left alone. Press r to read it again."), c->path);
		return -1;
	}
	if (fchmod(fd, c->mode) == -1) {
		err = errno;
		close(fd);
		*msg = xasprintf(_("Could not change the mode of %s: %s (%s)."),
		    c->path, safefile_hint(err), strerror(err));
		return -1;
	}
	close(fd);
	/* TRANSLATORS: the file, its old mode and its new one (0644). */
	*msg = xasprintf(_("%s is now private to you (mode %04o -> %04o)."),
	    c->path, (unsigned)(was->st_mode & 07777), (unsigned)c->mode);
	return 0;
}

/* After a stale export was commented out: this process drops the old
 * key too, so the diagnosis sees what a new shell sees, and the user
 * learns what their open shells still hold. */
static void
forget_export(struct wizard *w, const struct change *c)
{
	const char *v = getenv(KEY_NAME);

	if (v != NULL && strlen(v) == c->vlen &&
	    memcmp(v, c->value, c->vlen) == 0)
		unsetenv(KEY_NAME);
	free(w->shell_note);
	w->shell_note = xstrdup(_("Shells that were already open still have "
	    "the old key: run unset OPENAI_API_KEY in each of them, or close "
	    "them and open a new terminal."));
}

int
wizard_apply(struct wizard *w, struct change *c)
{
	char *msg = NULL, *cause = NULL, *s;
	int rc;

	if (c->kind == CHANGE_NONE || c->from == NULL)
		msg = xstrdup(_("There is no change to write."));
	rc = msg != NULL ? -1 : c->kind == CHANGE_CHMOD ?
	    apply_mode(c, &msg) : apply_write(w, c, &msg);
	if (rc == 0 && c->kind == CHANGE_RC_COMMENT)
		forget_export(w, c);
	/* after a failure too: the file may have changed behind our back */
	if (wizard_rerun(w, &cause) < 0) {
		/* TRANSLATORS: what happened, then why checking failed. */
		s = xasprintf(_("%s Checking again failed: %s"), msg, cause);
		free(msg);
		msg = s;
		free(cause);
	}
	free(w->message);
	w->message = sanitize_take(msg);
	return rc;
}
