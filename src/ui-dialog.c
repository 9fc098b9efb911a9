/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The dialogs over a step, each in a panel, and the message line: the
 * confirmation of a change (its file and one-line diff, masked, with
 * Yes and No buttons), the help listing every key, and the pager of a
 * check's raw answers or a decoded error. */
#include <config.h>

#include "ui-impl.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

#define DIALOG_COLS	76	/* the widest dialog */

void
ui_open(struct ui *u, const struct ui_modal *m)
{
	ui_close(u);
	u->modal = m;
	u->dirty = true;
}

void
ui_close(struct ui *u)
{
	const struct ui_modal *m = u->modal;

	if (m == NULL)
		return;
	u->modal = NULL;
	if (m->done != NULL)
		m->done(u);
	if (u->mpanel != NULL)
		del_panel(u->mpanel);
	if (u->mwin != NULL)
		delwin(u->mwin);
	u->mpanel = NULL;
	u->mwin = NULL;
	u->dirty = true;
}

void
ui_note(struct ui *u, const char *fmt, ...)
{
	va_list ap;

	free(u->note);
	u->note = NULL;
	if (fmt != NULL) {
		va_start(ap, fmt);
		u->note = xvasprintf(fmt, ap);
		va_end(ap);
	}
	u->dirty = true;
}

/* ---- confirm a change ---- */
/* The lines of the dialog's body, drawn (win NULL: counted) from y. */
static int
confirm_body(struct ui *u, WINDOW *win, int y, int w)
{
	const struct change *c = &u->confirm.c;
	int y0 = y, max = LINES;
	char *s;

	if (u->confirm.intro != NULL)
		y += ui_para(u, win, y, 2, w, 0, max, u->confirm.intro,
		    A_NORMAL) + 1;
	s = xasprintf(c->creates ? _("File: %s (a new file)") :
	    _("File: %s"), c->path != NULL ? c->path : "");
	y += ui_para(u, win, y, 2, w, 2, max, s, ui_attr(u, ROLE_LABEL));
	free(s);
	y++;
	if (c->before != NULL) {
		s = c->line > 0 ? xasprintf("- %zu: %s", c->line, c->before) :
		    xasprintf("- %s", c->before);
		if (win != NULL)
			ui_text(u, win, y, 2, w, s, ui_attr(u, ROLE_DEL));
		y++;
		free(s);
	}
	if (c->after != NULL) {
		s = c->line > 0 ? xasprintf("+ %zu: %s", c->line, c->after) :
		    xasprintf("%s %s", c->before != NULL ? "+" : " ",
		    c->after);
		if (win != NULL)
			ui_text(u, win, y, 2, w, s, ui_attr(u, ROLE_ADD));
		y++;
		free(s);
	}
	if (c->more != NULL)
		y += ui_para(u, win, y, 2, w, 0, max, c->more, A_NORMAL);
	y++;
	y += ui_para(u, win, y, 2, w, 0, max, c->creates ?
	    _("The file is new: nothing is overwritten.") :
	    c->kind == CHANGE_CHMOD ? _("Only the file's mode changes.") :
	    _("The old file is backed up first; fix401 --undo puts it "
	    "back."), A_NORMAL);
	return y - y0;
}

/* The box sized to the body, the buttons on its last line. */
static void
confirm_draw(struct ui *u)
{
	struct ui_confirm *cf = &u->confirm;
	int w = COLS - 4 < DIALOG_COLS ? COLS - 4 : DIALOG_COLS;
	int h = confirm_body(u, NULL, 0, w - 4) + 5;
	WINDOW *win = ui_dialog_win(u, h, w, cf->title);
	const char *yes = cf->gitignore ? _("[Yes, add it]") :
	    _("[Yes, write it]");
	int x;

	confirm_body(u, win, 2, w - 4);
	x = 3 + ui_button(u, win, h - 2, 2, yes, cf->yes);
	ui_button(u, win, h - 2, x, _("[No]"), !cf->yes);
}

/* The answer is yes: write it (never once a signal came). */
static void
confirm_yes(struct ui *u)
{
	struct ui_confirm *cf = &u->confirm;
	bool newfile = cf->c.kind == CHANGE_NEW_KEY && cf->c.creates;

	if (ui_stopping())
		return;
	free(u->dismissed);
	u->dismissed = NULL;
	ui_note(u, NULL);
	if (wizard_apply(u->w, &cf->c) == 0) {
		u->after_change = true;
		u->offer_gitignore = newfile;
	} else if (cf->gitignore)
		u->after_change = true;
}

/* y, n, Enter on the focused button; Tab and the arrows move the focus;
 * Esc and q say no.  Pasted text answers nothing. */
static enum ui_ret
confirm_key(struct ui *u, const struct ui_key *k)
{
	struct ui_confirm *cf = &u->confirm;

	if (u->pasting)
		return UI_STAY;
	if (ui_is_char(k, 'y') || ui_is_char(k, 'Y') ||
	    (ui_is_enter(k) && cf->yes)) {
		confirm_yes(u);
		return UI_CLOSE;
	}
	if (ui_is_char(k, 'n') || ui_is_char(k, 'N') || ui_is_char(k, 'q') ||
	    ui_is_char(k, 033) || ui_is_enter(k)) {
		ui_note(u, "%s", _("Nothing was written."));
		/* the question after a new .env: go on as if it was not
		 * asked */
		if (cf->gitignore)
			u->after_change = true;
		return UI_CLOSE;
	}
	if (ui_is_char(k, '\t') || (k->type == KEY_CODE_YES &&
	    (k->ch == KEY_BTAB || k->ch == KEY_LEFT || k->ch == KEY_RIGHT)))
		cf->yes = !cf->yes;
	return UI_STAY;
}

/* Wipes the change (it may hold a key). */
static void
confirm_done(struct ui *u)
{
	struct ui_confirm *cf = &u->confirm;

	change_clear(&cf->c);
	free(cf->title);
	free(cf->intro);
	memset(cf, 0, sizeof *cf);
}

static const struct ui_modal confirm_modal = {
	confirm_draw, confirm_key, confirm_done,
};

void
ui_confirm(struct ui *u, struct change *c, const char *title,
    const char *intro, bool gitignore)
{
	struct ui_confirm *cf = &u->confirm;

	ui_open(u, &confirm_modal);
	cf->c = *c;
	memset(c, 0, sizeof *c);
	cf->title = xstrdup(title);
	cf->intro = intro != NULL ? xstrdup(intro) : NULL;
	/* a paste without bracketed paste mode may bring its own Enters:
	 * a new key is written only after a deliberate y */
	cf->yes = cf->c.kind != CHANGE_NEW_KEY;
	cf->gitignore = gitignore;
}

void
ui_fix(struct ui *u, size_t i)
{
	struct change c;
	char *why = NULL;

	memset(&c, 0, sizeof c);
	if (wizard_plan_fix(u->w, i, &c, &why) < 0) {
		change_clear(&c);
		ui_note(u, "%s", why != NULL ? why :
		    _("fix401 has no change to propose here."));
		free(why);
		return;
	}
	ui_confirm(u, &c, _("Write this change?"), NULL, false);
}

/* ---- help ---- */
static const struct {
	const char	*keys;
	const char	*what;
} help_rows[] = {
	{ N_("Enter Right j Tab"),
	  N_("next step (on the welcome: the first problem)") },
	{ N_("Left Bksp k S-Tab"), N_("previous step") },
	{ "f", N_("fix: shows the change, writes it only after your yes") },
	{ "e", N_("paste a new key: never shown, written into .env") },
	{ "r", N_("run every check again") },
	{ "d", N_("details: what the server answered (keys masked)") },
	{ "w", N_("on the summary: write a support report") },
	{ N_("? F1"), N_("this help") },
	{ N_("Esc"), N_("cancel the requests in flight; else quit") },
	{ "q", N_("quit (Ctrl-C too); nothing is left half written") },
};
#define NHELP	(sizeof help_rows / sizeof help_rows[0])

/* Two columns: the keys (as wide as the widest), what they do. */
static void
help_draw(struct ui *u)
{
	int w = COLS - 4 < DIALOG_COLS ? COLS - 4 : DIALOG_COLS;
	int kw = 0, y = 2;
	WINDOW *win;

	for (size_t i = 0; i < NHELP; i++) {
		wchar_t *k = ui_wide(u, _(help_rows[i].keys));
		int n = ui_width(k, wcslen(k));

		free(k);
		kw = n > kw ? n : kw;
	}
	win = ui_dialog_win(u, (int)NHELP + 6, w, _("Help: the keys"));
	for (size_t i = 0; i < NHELP; i++, y++) {
		ui_text(u, win, y, 2, kw, _(help_rows[i].keys),
		    ui_attr(u, ROLE_KEY));
		ui_text(u, win, y, 4 + kw, w - kw - 6, _(help_rows[i].what),
		    A_NORMAL);
	}
	ui_text(u, win, y + 1, 2, w - 4, _("Press any key to close the "
	    "help."), A_NORMAL);
	u->fy = y + 1;
	u->fx = 2;
}

/* Any key closes the help; a paste never does. */
static enum ui_ret
help_key(struct ui *u, const struct ui_key *k)
{
	(void)k;
	return u->pasting ? UI_STAY : UI_CLOSE;
}

static const struct ui_modal help_modal = { help_draw, help_key, NULL };

void
ui_help(struct ui *u)
{
	ui_open(u, &help_modal);
}

/* ---- details ---- */
/* Wraps the lines to width once per width (the window may change). */
static void
pager_wrap(struct ui *u, int width)
{
	struct ui_pager *pg = &u->pager;

	ui_free_rows(pg->rows, pg->nrows);
	pg->rows = NULL;
	pg->nrows = 0;
	for (size_t i = 0; pg->lines != NULL && pg->lines[i] != NULL; i++)
		pg->nrows = ui_wrap_rows(u, pg->lines[i], width, &pg->rows,
		    pg->nrows);
	pg->width = width;
}

/* Rows of text the pager shows at once. */
static size_t
pager_page(void)
{
	return LINES - 6 > 1 ? (size_t)(LINES - 6) : 1;
}

/* The rows from top, a footer saying where they are. */
static void
pager_draw(struct ui *u)
{
	struct ui_pager *pg = &u->pager;
	int w = COLS - 2, h = LINES - 2;
	size_t page = pager_page();
	WINDOW *win = ui_dialog_win(u, h, w, pg->title);
	char *s;

	if (pg->width != w - 4)
		pager_wrap(u, w - 4);
	if (pg->top + page > pg->nrows)
		pg->top = pg->nrows > page ? pg->nrows - page : 0;
	for (size_t i = 0; i < page && pg->top + i < pg->nrows; i++)
		mvwaddwstr(win, 2 + (int)i, 2, pg->rows[pg->top + i]);
	/* TRANSLATORS: the pager's footer: lines shown, of how many */
	s = xasprintf(_("lines %zu-%zu of %zu   Up/Down PgUp/PgDn scroll   "
	    "q close"), pg->nrows > 0 ? pg->top + 1 : 0,
	    pg->top + page < pg->nrows ? pg->top + page : pg->nrows,
	    pg->nrows);
	ui_text(u, win, h - 2, 2, w - 4, s, ui_attr(u, ROLE_KEY));
	free(s);
	u->fy = 2;
	u->fx = 2;
}

/* Up/Down (j/k), PgUp/PgDn (b/space), Home/End (g/G) scroll; q, d,
 * Esc and Enter close. */
static enum ui_ret
pager_key(struct ui *u, const struct ui_key *k)
{
	struct ui_pager *pg = &u->pager;
	size_t page = pager_page();

	if (u->pasting)
		return UI_STAY;
	if (ui_is_char(k, 'q') || ui_is_char(k, 'd') || ui_is_char(k, 033) ||
	    ui_is_enter(k))
		return UI_CLOSE;
	if (ui_is_char(k, 'j') || (k->type == KEY_CODE_YES &&
	    k->ch == KEY_DOWN))
		pg->top++;
	else if ((ui_is_char(k, 'k') || (k->type == KEY_CODE_YES &&
	    k->ch == KEY_UP)) && pg->top > 0)
		pg->top--;
	else if (ui_is_char(k, ' ') || (k->type == KEY_CODE_YES &&
	    k->ch == KEY_NPAGE))
		pg->top += page;
	else if (ui_is_char(k, 'b') || (k->type == KEY_CODE_YES &&
	    k->ch == KEY_PPAGE))
		pg->top = pg->top > page ? pg->top - page : 0;
	else if (ui_is_char(k, 'g') || (k->type == KEY_CODE_YES &&
	    k->ch == KEY_HOME))
		pg->top = 0;
	else if (ui_is_char(k, 'G') || (k->type == KEY_CODE_YES &&
	    k->ch == KEY_END))
		pg->top = pg->nrows;
	/* pager_draw keeps top in range */
	return UI_STAY;
}

/* Frees the lines, the title and the rows. */
static void
pager_done(struct ui *u)
{
	struct ui_pager *pg = &u->pager;

	xfree_strv(pg->lines);
	free(pg->title);
	ui_free_rows(pg->rows, pg->nrows);
	memset(pg, 0, sizeof *pg);
}

static const struct ui_modal pager_modal = {
	pager_draw, pager_key, pager_done,
};

void
ui_pager(struct ui *u, char *title, char **lines)
{
	ui_open(u, &pager_modal);
	u->pager.title = title;
	u->pager.lines = lines;
}

void
ui_details(struct ui *u, size_t i)
{
	struct wizard_page p;
	char *title;

	if (wizard_page(u->w, i, &p) == 0) {
		/* TRANSLATORS: the title of the raw answers of a check */
		title = xasprintf(_("Details: %s"), p.title);
		xfree_strv(p.found);
	} else
		title = xstrdup(_("Details"));
	ui_pager(u, title, wizard_details(u->w, i));
}
