/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The curses front end's core: whether the terminal can host it, curses
 * set up and torn down (on every exit path, signals and die() included),
 * colour roles, and the event loop that waits on the probes and the
 * keyboard together and redraws only what changed. */
#include <config.h>

#include "ui.h"
#include "ui-impl.h"

#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <term.h>

#include "i18n.h"
#include "plain.h"
#include "xalloc.h"

#define UI_ESCDELAY	100	/* ms to tell Esc from an escape sequence
				   (a slow link may split one) */

/* The signals that end the wizard cleanly: the handler only notes which
 * one came; the loop sees it within one wait and leaves through endwin.
 * No SA_RESTART, so a wait in poll() returns at once. */
static const int ui_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
#define UI_NSIGNALS	(sizeof ui_signals / sizeof ui_signals[0])
static struct sigaction ui_old[UI_NSIGNALS];
static volatile sig_atomic_t ui_caught;

/* Curses is on: the terminal must be put back before the process ends. */
static bool ui_active;
static SCREEN *ui_scr;

static const char paste_on[] = "\033[?2004h";
static const char paste_off[] = "\033[?2004l";

/* Notes the signal; the loop does the rest (async-signal-safe). */
static void
on_signal(int sig)
{
	if (ui_caught == 0)
		ui_caught = sig;	/* the first one says why */
}

bool
ui_stopping(void)
{
	return ui_caught != 0;
}

/* Puts the terminal back (endwin, bracketed paste off); for atexit and
 * die() too, so safe to call twice. */
static void
ui_restore(void)
{
	if (!ui_active)
		return;
	ui_active = false;
	endwin();
	if (write(STDOUT_FILENO, paste_off, sizeof paste_off - 1) < 0) {
		/* the terminal is gone (SIGHUP): nothing to restore */
	}
}

bool
ui_usable(const char **why)
{
	const char *term = getenv("TERM");
	const char *r = NULL;
	int err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		r = _("plain mode: standard input or output is not a terminal");
	else if (term == NULL || *term == '\0')
		r = _("plain mode: TERM is not set");
	else if (strcmp(term, "dumb") == 0 || strcmp(term, "unknown") == 0)
		r = _("plain mode: this terminal (TERM=dumb or unknown) cannot "
		    "show the full-screen wizard");
	else if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		r = _("plain mode: the terminal named in TERM is not known "
		    "here (no terminfo entry)");
	else {
		char *cup = tigetstr("cup");

		if (cup == NULL || cup == (char *)-1)
			r = _("plain mode: this terminal cannot move the "
			    "cursor");
		del_curterm(cur_term);
	}
	if (why != NULL)
		*why = r;
	return r == NULL;
}

attr_t
ui_attr(const struct ui *u, enum ui_role r)
{
	return u->role[r];
}

/* Maps the roles: colour when the terminal has it and the user did not
 * say NO_COLOR / --no-color, else bold, reverse and underline, which
 * every terminal (vt100 included) shows. */
static void
ui_colours(struct ui *u)
{
	static const struct {
		enum ui_role	 role;
		short		 fg, bg;
		attr_t		 extra;
	} pairs[] = {
		{ ROLE_BANNER,	COLOR_BLACK,	COLOR_YELLOW,	A_BOLD },
		{ ROLE_PASS,	COLOR_GREEN,	-1,		A_BOLD },
		{ ROLE_WARN,	COLOR_YELLOW,	-1,		A_BOLD },
		{ ROLE_FAIL,	COLOR_RED,	-1,		A_BOLD },
		{ ROLE_WAIT,	COLOR_CYAN,	-1,		0 },
		{ ROLE_KEY,	COLOR_CYAN,	-1,		A_BOLD },
		{ ROLE_DEL,	COLOR_RED,	-1,		0 },
		{ ROLE_ADD,	COLOR_GREEN,	-1,		A_BOLD },
	};
	short bg = COLOR_BLACK;

	u->role[ROLE_NORMAL] = A_NORMAL;
	u->role[ROLE_TITLE] = A_REVERSE;
	u->role[ROLE_BANNER] = A_BOLD | A_UNDERLINE;
	u->role[ROLE_LABEL] = A_BOLD;
	u->role[ROLE_PASS] = A_NORMAL;
	u->role[ROLE_WARN] = A_BOLD;
	u->role[ROLE_FAIL] = A_BOLD | A_UNDERLINE;
	u->role[ROLE_SKIP] = A_DIM;
	u->role[ROLE_WAIT] = A_DIM;
	u->role[ROLE_KEY] = A_BOLD;
	u->role[ROLE_FOCUS] = A_REVERSE;
	u->role[ROLE_MESSAGE] = A_BOLD;
	u->role[ROLE_DEL] = A_NORMAL;
	u->role[ROLE_ADD] = A_BOLD;
	u->role[ROLE_FIELD] = A_UNDERLINE;
	if (!u->w->o->color || !has_colors() || start_color() != OK)
		return;
	if (use_default_colors() == OK)
		bg = -1;
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		short b = pairs[i].bg < 0 ? bg : pairs[i].bg;

		if (init_pair((short)(i + 1), pairs[i].fg, b) == OK)
			u->role[pairs[i].role] = COLOR_PAIR((int)i + 1) |
			    pairs[i].extra;
	}
}

/* Our handlers in, the old ones kept for signals_off. */
static void
signals_on(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	ui_caught = 0;
	for (size_t i = 0; i < UI_NSIGNALS; i++)
		sigaction(ui_signals[i], &sa, &ui_old[i]);
}

/* The handlers from before ui_start back. */
static void
signals_off(void)
{
	for (size_t i = 0; i < UI_NSIGNALS; i++)
		sigaction(ui_signals[i], &ui_old[i], NULL);
}

/* Keys some terminfo entries (vt100's) lack but terminals send, and
 * the bracketed paste markers. */
static void
define_keys(void)
{
	static const struct {
		const char	*seq;
		int		 code;
	} keys[] = {
		{ "\033[Z", KEY_BTAB }, { "\033[H", KEY_HOME },
		{ "\033[F", KEY_END }, { "\033[1~", KEY_HOME },
		{ "\033[4~", KEY_END }, { "\033[3~", KEY_DC },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033OP", KEY_F(1) }, { "\033[11~", KEY_F(1) },
		{ "\033[200~", UI_KEY_PASTE_BEGIN },
		{ "\033[201~", UI_KEY_PASTE_END },
	};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (key_defined(keys[i].seq) == 0)
			define_key(keys[i].seq, keys[i].code);
}

/* Curses on: our signal handlers first, so ncurses leaves SIGINT and
 * SIGTERM to us (it only takes signals still at their default). */
static int
ui_start(struct ui *u)
{
	static bool registered;

	fflush(stdout);
	signals_on();
	ui_scr = newterm(NULL, stdout, stdin);
	if (ui_scr == NULL) {
		signals_off();
		return -1;
	}
	set_term(ui_scr);
	ui_active = true;
	if (!registered && atexit(ui_restore) == 0)
		registered = true;
	die_set_hook(ui_restore);
	cbreak();
	noecho();
	nonl();
	set_escdelay(UI_ESCDELAY);
	curs_set(1);
	u->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	u->ascii = !u->utf8 || u->w->o->ascii;
	ui_colours(u);
	/* Keys come from a window of its own that is never drawn, so
	 * reading one never refreshes over a dialog or moves the cursor. */
	u->in = newwin(1, 1, 0, 0);
	u->base = newwin(LINES, COLS, 0, 0);
	if (u->in == NULL || u->base == NULL)
		return -1;
	untouchwin(u->in);
	keypad(u->in, TRUE);
	nodelay(u->in, TRUE);
	u->base_panel = new_panel(u->base);
	define_keys();
	if (write(STDOUT_FILENO, paste_on, sizeof paste_on - 1) < 0)
		return -1;
	return 0;
}

/* Everything ui_start made goes, the terminal back as it was. */
static void
ui_stop(struct ui *u)
{
	/* a terminal without an alternate screen keeps the last screen:
	 * the shell's prompt comes on a blank last line */
	ui_close(u);
	if (u->base != NULL && ui_active) {
		wmove(u->base, LINES - 1, 0);
		wclrtoeol(u->base);
		update_panels();
		doupdate();
	}
	ui_field_free(&u->decoder);
	if (u->base_panel != NULL)
		del_panel(u->base_panel);
	if (u->base != NULL)
		delwin(u->base);
	if (u->in != NULL)
		delwin(u->in);
	ui_restore();
	die_set_hook(NULL);
	/* no delscreen: the panel library keeps a panel for stdscr that
	 * only a debug build of ncurses ever frees; the screen stays (and
	 * with it that panel) until the process ends */
	signals_off();
	free(u->note);
	free(u->dismissed);
}

/* A monotonic clock in milliseconds, for the spinner. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Below 80x24: say so; q still quits, a resize brings the wizard back
 * as it was. */
static void
draw_small(struct ui *u)
{
	char *s = xasprintf(_("terminal too small (%dx%d, needs %dx%d)"),
	    COLS, LINES, UI_MIN_COLS, UI_MIN_ROWS);
	int y = ui_para(u, u->base, 0, 0, COLS, 0, LINES, s,
	    ui_attr(u, ROLE_LABEL));

	free(s);
	ui_para(u, u->base, y, 0, COLS, 0, LINES - y,
	    _("Make the window larger, or press q to quit."), A_NORMAL);
}

/* Draws everything into the windows (not yet on the terminal). */
static void
ui_draw(struct ui *u)
{
	enum step_kind k = u->w->steps[u->w->cur].kind;

	u->nspin = 0;
	u->fwin = u->base;
	u->fy = u->fx = 0;
	werase(u->base);
	u->small = LINES < UI_MIN_ROWS || COLS < UI_MIN_COLS;
	if (k != STEP_DECODER || u->small)
		ui_field_unplace(&u->decoder);
	if (u->small) {
		if (u->mpanel != NULL)
			hide_panel(u->mpanel);
		draw_small(u);
		return;
	}
	ui_screen_for(k)->draw(u);
	if (u->modal != NULL)
		u->modal->draw(u);
}

/* Sends what changed to the terminal, the cursor on the focus. */
static void
ui_flush(struct ui *u)
{
	update_panels();
	if (u->fwin != NULL) {
		wmove(u->fwin, u->fy, u->fx);
		wnoutrefresh(u->fwin);
	}
	doupdate();
}

/* KEY_RESIZE: ncurses has resized stdscr; the base window follows and
 * the next draw lays everything out again, state untouched. */
static void
ui_resize(struct ui *u)
{
	/* the fields' subwindows go first: a window with subwindows
	 * cannot be resized or deleted */
	ui_field_unplace(&u->decoder);
	ui_field_unplace(&u->paste.field);
	wresize(u->base, LINES, COLS);
	replace_panel(u->base_panel, u->base);
	clearok(curscr, TRUE);
	u->dirty = true;
}

/* Where pasted text may go: the paste dialog or the decoder's field. */
static bool
paste_target(const struct ui *u)
{
	if (u->modal != NULL)
		return ui_pasting_key(u);
	return u->w->steps[u->w->cur].kind == STEP_DECODER;
}

/* One key: a resize, the paste markers, the too-small screen's q; then
 * the dialog on top, then the step's screen, then the common keys. */
static void
ui_key(struct ui *u, int type, wint_t ch)
{
	struct ui_key k = { .type = type, .ch = ch };
	const struct ui_modal *m = u->modal;
	enum step_kind kind = u->w->steps[u->w->cur].kind;
	enum ui_ret r;

	u->dirty = true;
	if (type == KEY_CODE_YES && ch == KEY_RESIZE) {
		ui_resize(u);
		return;
	}
	if (type == KEY_CODE_YES && ch == UI_KEY_PASTE_BEGIN) {
		u->pasting = true;
		/* a key pasted on a step opens the paste dialog for it */
		if (m == NULL && !u->small &&
		    (kind == STEP_CHECK || kind == STEP_WELCOME))
			ui_paste(u);
		return;
	}
	if (type == KEY_CODE_YES && ch == UI_KEY_PASTE_END) {
		u->pasting = false;
		return;
	}
	/* pasted text never reaches a hotkey */
	if (u->pasting && (u->small || !paste_target(u)))
		return;
	if (u->small) {
		if (type == OK && (ch == 'q' || ch == 'Q'))
			u->quit = true;
		else if (type == OK && ch == 033)
			ui_common_key(u, &k);
		return;
	}
	/* a dialog or a step just opened has not placed its field yet, and
	 * the form library takes keys only into a placed field */
	if ((m != NULL && ui_pasting_key(u) && u->paste.field.sub == NULL) ||
	    (m == NULL && kind == STEP_DECODER && u->decoder.sub == NULL))
		ui_draw(u);
	if (m != NULL) {
		r = m->key(u, &k);
		if (r == UI_CLOSE && u->modal == m)
			ui_close(u);
		else if (r == UI_QUIT)
			u->quit = true;
		if (r != UI_PASS)
			return;
	}
	r = ui_screen_for(kind)->key(u, &k);
	if (r == UI_PASS)
		r = ui_common_key(u, &k);
	if (r == UI_NEXT)
		ui_go(u, u->w->cur + 1);
	else if (r == UI_BACK && u->w->cur > 0)
		ui_go(u, u->w->cur - 1);
	else if (r == UI_QUIT)
		u->quit = true;
}

/* After an Esc: when "[" or "O" came with it at once, it was no Esc key
 * but an escape sequence curses does not know: the rest of it is read
 * and the whole ignored, so it never quits.  True then; false when the
 * Esc stands alone (another key that came with it is handled after). */
static bool
unknown_sequence(struct ui *u)
{
	wint_t ch;
	int t = wget_wch(u->in, &ch);
	bool csi;

	if (t == ERR)
		return false;
	if (t != OK || (ch != '[' && ch != 'O')) {
		ui_key(u, OK, 033);
		ui_key(u, t, ch);
		return true;
	}
	/* CSI: parameters up to a final byte; SS3: one more */
	csi = ch == '[';
	for (int i = 0; i < 16 && wget_wch(u->in, &ch) == OK; i++)
		if (!csi || (ch >= 0x40 && ch <= 0x7e))
			break;
	return true;
}

/* The terminal went away: stdin reports a hang-up or an error.  Only
 * the session leader gets the kernel's SIGHUP when an SSH connection
 * drops; fix401 started from a shell that survives it must see the
 * hang-up itself, or it would wait on a dead terminal for ever. */
static bool
terminal_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) > 0 &&
	    (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* The event loop (STYLE 4): answers in -> move on; draw when dirty (or
 * tick the spinner); wait for the probes and the keyboard together
 * (only the keyboard when nothing is in flight); read every key there
 * is without blocking.  Ends on q or a signal. */
static void
ui_loop(struct ui *u)
{
	struct wizard *w = u->w;

	u->dirty = true;
	u->was_busy = wizard_busy(w);
	while (!u->quit && !ui_stopping()) {
		bool busy = wizard_busy(w);
		long long now = now_ms();
		bool ready;
		size_t keys;
		wint_t ch;
		int t;

		if (u->was_busy && !busy)
			u->dirty = true;
		/* the answers after a change are in: move on, once no
		 * dialog is open */
		if (u->after_change && !busy && u->modal == NULL) {
			ui_answers_in(u);
			u->dirty = true;
		}
		u->was_busy = busy;
		if (u->dirty) {
			ui_draw(u);
			ui_flush(u);
			u->dirty = false;
		} else if (busy && now - u->spin_last >= UI_SPIN_MS) {
			u->spin++;
			u->spin_last = now;
			ui_spinner_draw(u);
			ui_flush(u);
		}
		ready = false;
		if (busy) {
			long long left = UI_SPIN_MS - (now_ms() - u->spin_last);

			if (left < 0 || left > UI_SPIN_MS)
				left = left < 0 ? 0 : UI_SPIN_MS;
			if (wizard_wait(w, STDIN_FILENO, (int)left, &ready))
				u->dirty = true;
		} else if (!u->dirty)
			/* only the keyboard; a signal or a resize ends it,
			 * and one that came just before the wait is seen
			 * within a second */
			wizard_wait(w, STDIN_FILENO, 1000, &ready);
		keys = 0;
		while (!u->quit && !ui_stopping() &&
		    (t = wget_wch(u->in, &ch)) != ERR) {
			keys++;
			if (t != OK || ch != 033 || !unknown_sequence(u))
				ui_key(u, t, ch);
		}
		if (ready && keys == 0 && terminal_gone())
			ui_caught = SIGHUP;	/* as if the kernel had said */
	}
}

int
ui_run(struct wizard *w)
{
	struct ui u;
	int sig;

	memset(&u, 0, sizeof u);
	u.w = w;
	if (ui_start(&u) < 0) {
		ui_stop(&u);
		return plain_run(w, _("plain mode: the terminal could not be "
		    "set up for the full-screen wizard"));
	}
	ui_loop(&u);
	ui_stop(&u);
	sig = ui_caught;
	if (sig != 0)
		return 128 + sig;
	return wizard_status(w);
}
