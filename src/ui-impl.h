/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* What the curses front end's files share: the state of one session
 * (struct ui), colour roles, screens and modal dialogs as tables of
 * functions, and the drawing helpers.  Private to ui*.c. */
#ifndef FIX401_UI_IMPL_H
#define FIX401_UI_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>
#include <form.h>
#include <panel.h>

#include "wizard.h"

#define UI_MIN_COLS	80	/* the smallest screen the wizard draws on */
#define UI_MIN_ROWS	24
#define UI_SPIN_MS	100	/* the spinner's period */
#define UI_PASTE_MAX	4096	/* characters a key field takes */
#define UI_ERROR_MAX	16384	/* characters the decoder's field takes */

/* Bracketed paste: the terminal's "\033[200~" and "\033[201~". */
#define UI_KEY_PASTE_BEGIN	(KEY_MAX + 1)
#define UI_KEY_PASTE_END	(KEY_MAX + 2)

/* Colour roles: what a piece of text means, mapped to attributes by
 * ui.c (colour, or a monochrome mapping). */
enum ui_role {
	ROLE_NORMAL,
	ROLE_TITLE,		/* the title bar (reverse video) */
	ROLE_BANNER,		/* the --demo banner */
	ROLE_LABEL,		/* "Checked:", "Found:" ... */
	ROLE_PASS,
	ROLE_WARN,
	ROLE_FAIL,
	ROLE_SKIP,
	ROLE_WAIT,		/* a check waiting for the server */
	ROLE_KEY,		/* a key's name in the action bar */
	ROLE_FOCUS,		/* the focused button */
	ROLE_MESSAGE,		/* the last action's outcome */
	ROLE_DEL,		/* "- " line of a diff */
	ROLE_ADD,		/* "+ " line of a diff */
	ROLE_FIELD,		/* an input field */
	ROLE_COUNT
};

/* What a screen's or a dialog's key handler asks for. */
enum ui_ret {
	UI_STAY,		/* handled (or ignored); stay here */
	UI_NEXT,		/* the next step */
	UI_BACK,		/* the previous step */
	UI_QUIT,		/* leave the wizard */
	UI_CLOSE,		/* a dialog is done */
	UI_PASS,		/* not handled here: try the common keys */
};

/* One key as wget_wch read it. */
struct ui_key {
	int	 type;		/* OK: ch is a character; KEY_CODE_YES: a
				   KEY_* code */
	wint_t	 ch;
};

/* True when k is Enter. */
static inline bool
ui_is_enter(const struct ui_key *k)
{
	return (k->type == OK && (k->ch == '\r' || k->ch == '\n')) ||
	    (k->type == KEY_CODE_YES && k->ch == KEY_ENTER);
}

/* True when k is the character c. */
static inline bool
ui_is_char(const struct ui_key *k, wint_t c)
{
	return k->type == OK && k->ch == c;
}

struct ui;

/* A step's screen (STYLE 4): draws into u->base, answers keys. */
struct ui_screen {
	void		(*draw)(struct ui *u);
	enum ui_ret	(*key)(struct ui *u, const struct ui_key *k);
};

/* A dialog over the screen (in a panel).  Keys go to it first. */
struct ui_modal {
	void		(*draw)(struct ui *u);
	enum ui_ret	(*key)(struct ui *u, const struct ui_key *k);
	void		(*done)(struct ui *u);	/* frees, wipes */
};

/* A one-line input field of the form library, growing up to max
 * characters; hidden ones never draw what is typed. */
struct ui_field {
	FORM		*form;
	FIELD		*fields[2];	/* the field, NULL */
	WINDOW		*sub;		/* the form's subwindow, or NULL:
					   not placed */
	WINDOW		*parent;	/* where it sits */
	int		 y, x;
	int		 width;		/* columns shown */
	size_t		 len;		/* characters typed */
	bool		 hidden;
};

/* A confirm dialog: a change to write, its diff. */
struct ui_confirm {
	struct change	 c;
	char		*title;		/* translated, owned */
	char		*intro;		/* a line above the diff, or NULL */
	bool		 yes;		/* the focus is on Yes */
	bool		 gitignore;	/* the .gitignore offer */
};

/* The paste dialog. */
struct ui_paste {
	struct ui_field	 field;
	struct pasted	 p;
	char		*why;		/* the plan failed: why, or NULL */
	bool		 ok;		/* p describes the text */
	bool		 stale;		/* the text changed since the plan */
};

/* The details pager. */
struct ui_pager {
	char		**lines;	/* wizard_details */
	char		*title;
	wchar_t		**rows;		/* lines wrapped to the width */
	size_t		 nrows;
	int		 width;		/* rows was wrapped to */
	size_t		 top;
};

struct ui {
	struct wizard	*w;
	WINDOW		*base;		/* the screen of the step */
	PANEL		*base_panel;
	WINDOW		*in;		/* reads keys; never drawn */
	attr_t		 role[ROLE_COUNT];
	bool		 utf8;		/* UTF-8 locale, marks allowed */
	bool		 ascii;		/* ASCII only: no UTF-8 locale, or
					   --ascii */
	bool		 dirty;		/* redraw before waiting */
	bool		 quit;
	bool		 pasting;	/* inside a bracketed paste */
	bool		 small;		/* below 80x24 */
	/* the hardware cursor: where the focus is */
	WINDOW		*fwin;
	int		 fy, fx;
	/* the spinner's cells, found while drawing */
	unsigned	 spin;
	WINDOW		*spin_win[2];
	int		 spin_y[2], spin_x[2];
	attr_t		 spin_attr[2];
	int		 nspin;
	long long	 spin_last;	/* ms, monotonic */
	bool		 was_busy;
	/* messages */
	char		*note;		/* the front end's own message, or
					   NULL */
	char		*dismissed;	/* w->message the user moved past */
	/* after a change or a rerun, when the answers are in */
	bool		 after_change;
	bool		 offer_gitignore;
	/* the dialog on top, or NULL */
	const struct ui_modal *modal;
	WINDOW		*mwin;
	PANEL		*mpanel;
	struct ui_confirm confirm;
	struct ui_paste	 paste;
	struct ui_pager	 pager;
	/* the decoder's field */
	struct ui_field	 decoder;
};

/* ---- ui.c ---- */
/* The attributes of role r. */
attr_t	 ui_attr(const struct ui *u, enum ui_role r);
/* True once a signal asked the wizard to stop: write nothing more. */
bool	 ui_stopping(void);

/* ---- ui-draw.c ---- */
/* s (the locale's multibyte text, or UTF-8 in an ASCII locale) as a
 * wide string (caller frees): every unprintable character as '?', and
 * with --ascii every other one as an ASCII look-alike or '?'. */
wchar_t	*ui_wide(const struct ui *u, const char *s);
/* Columns ws[0..n) takes. */
int	 ui_width(const wchar_t *ws, size_t n);
/* Draws s at (y, x) of win wrapped to width columns, lines after the
 * first at x + hang, at most maxl lines; win NULL only counts.  Returns
 * the lines used. */
int	 ui_para(const struct ui *u, WINDOW *win, int y, int x, int width,
	    int hang, int maxl, const char *s, attr_t a);
/* Draws s on one line at (y, x), cut to width (with an ellipsis);
 * returns the columns used. */
int	 ui_text(const struct ui *u, WINDOW *win, int y, int x, int width,
	    const char *s, attr_t a);
/* Appends s wrapped to width columns to the nrows of *rows (grown;
 * free with ui_free_rows); returns the new count. */
size_t	 ui_wrap_rows(const struct ui *u, const char *s, int width,
	    wchar_t ***rows, size_t nrows);
/* Frees the n rows of ui_wrap_rows and the array. */
void	 ui_free_rows(wchar_t **rows, size_t n);
/* Draws the title bar: "fix401  TITLE", the spinner at its right while
 * the wizard is busy. */
void	 ui_title_bar(struct ui *u, const char *title);
/* Draws the banner line (--demo) when there is one; returns the next
 * free line. */
int	 ui_banner(struct ui *u, int y);
/* One action of the bar: the key as shown, what it does. */
struct ui_action {
	const char	*key;
	const char	*what;
};
/* Draws the action bar on the last line. */
void	 ui_action_bar(struct ui *u, const struct ui_action *a, size_t n);
/* Draws the message lines just above the action bar; returns the first
 * line they use (the body ends before it). */
int	 ui_messages(struct ui *u);
/* Draws status s (its tag, and its mark unless ASCII) at (y, x);
 * waiting draws the waiting tag.  Returns the columns used. */
int	 ui_status(struct ui *u, WINDOW *win, int y, int x,
	    enum check_status s, bool waiting);
/* Records a spinner cell at (y, x) of win and draws it. */
void	 ui_spinner_at(struct ui *u, WINDOW *win, int y, int x);
/* Draws the spinner's cells with its current frame. */
void	 ui_spinner_draw(struct ui *u);
/* (Re)makes the dialog window, h x w centred (cut to the screen), boxed
 * with title; returns it. */
WINDOW	*ui_dialog_win(struct ui *u, int h, int w, const char *title);
/* Draws button label at (y, x) of win, focused or not (reverse and a
 * ">" marker; the cursor goes there).  Returns the columns used. */
int	 ui_button(struct ui *u, WINDOW *win, int y, int x, const char *label,
	    bool focus);
/* "…" in UTF-8, "..." otherwise. */
const char *ui_ellipsis(const struct ui *u);
/* The left arrow as shown in key names ("←" or "<-"). */
const char *ui_left(const struct ui *u);

/* ---- ui-field.c ---- */
/* Makes f an empty field width columns wide taking up to max
 * characters; a hidden one never shows what is typed. */
void	 ui_field_init(struct ui_field *f, int width, bool hidden,
	    size_t max);
/* Places (and draws) f at (y, x) of parent; again after the window was
 * erased or resized. */
void	 ui_field_place(struct ui_field *f, WINDOW *parent, int y, int x);
/* Takes f off its window (the text stays); before the window goes. */
void	 ui_field_unplace(struct ui_field *f);
/* Feeds key k to a placed f: characters, Backspace, Delete, ^U clears.
 * True when the text changed. */
bool	 ui_field_key(struct ui_field *f, const struct ui_key *k);
/* The text typed (trailing blanks cut), a new string the caller wipes
 * and frees; *len gets its bytes. */
char	*ui_field_text(struct ui_field *f, size_t *len);
/* Empties f, wiping what it held. */
void	 ui_field_clear(struct ui_field *f);
/* Wipes and frees f (a zeroed f is fine). */
void	 ui_field_free(struct ui_field *f);
/* Puts the hardware cursor at the end of f's text. */
void	 ui_field_cursor(struct ui *u, struct ui_field *f);

/* ---- ui-screens.c ---- */
/* The index of the first check step. */
size_t	 ui_first_check(const struct wizard *w);
/* "2 problems found, 1 warning; checking with the server…" (caller
 * frees). */
char	*ui_counts_text(const struct ui *u);
/* Draws the action bar; while the wizard is busy "r re-run" becomes
 * "Esc cancel". */
void	 ui_bar(struct ui *u, struct ui_action *a, size_t n);
/* The keys every step answers (moving, r, ?, q, Esc). */
enum ui_ret ui_common_key(struct ui *u, const struct ui_key *k);
/* The screen of step kind k. */
const struct ui_screen *ui_screen_for(enum step_kind k);
/* Moves to step i (keeps it in range), dismissing the messages seen. */
void	 ui_go(struct ui *u, size_t i);
/* The step of check id, or 0 when there is none. */
size_t	 ui_step_of(const struct wizard *w, const char *id);
/* Once the answers after a change or a rerun are in: offers the
 * .gitignore entry a new .env needs, or moves to where the user should
 * look next. */
void	 ui_answers_in(struct ui *u);
/* r: reads everything again. */
void	 ui_rerun(struct ui *u);

/* ---- ui-last.c ---- */
extern const struct ui_screen ui_decoder_screen;	/* the decoder's */
extern const struct ui_screen ui_summary_screen;	/* the summary's */

/* ---- ui-dialog.c ---- */
/* Opens modal m over the screen (closing any other first). */
void	 ui_open(struct ui *u, const struct ui_modal *m);
/* Closes the dialog on top, if any. */
void	 ui_close(struct ui *u);
/* Sets the front end's message line (printf-style, translated by the
 * caller); NULL fmt clears it. */
void	 ui_note(struct ui *u, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* f on check step i: plans the fix and asks. */
void	 ui_fix(struct ui *u, size_t i);
/* Asks to write c (taken over: cleared when the dialog ends). */
void	 ui_confirm(struct ui *u, struct change *c, const char *title,
	    const char *intro, bool gitignore);
/* ?/F1: the keys. */
void	 ui_help(struct ui *u);
/* A pager over lines (NULL-ended), titled title; takes both. */
void	 ui_pager(struct ui *u, char *title, char **lines);
/* d on check step i: the raw answers. */
void	 ui_details(struct ui *u, size_t i);

/* ---- ui-paste.c ---- */
/* e: the paste dialog. */
void	 ui_paste(struct ui *u);
/* True when the paste dialog is the one on top. */
bool	 ui_pasting_key(const struct ui *u);

#endif
