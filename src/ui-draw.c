/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Drawing helpers of the curses front end: text as wide characters
 * (measured with wcwidth, wrapped at spaces, never cut inside a
 * character), the title bar, the action bar, status tags, the spinner
 * and dialog windows. */
#include <config.h>

#include "ui-impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

/* How each status shows: the tag always (colour is never the only
 * cue), the mark too in a UTF-8 locale.  Same tags as --check. */
static const struct {
	const char	*tag;
	const wchar_t	*mark;
	enum ui_role	 role;
} looks[] = {
	/* TRANSLATORS: the four status tags of the checklist; keep each
	   exactly 6 columns wide, brackets included. */
	[CHECK_PASS] = { N_("[ OK ]"), L"\u2713", ROLE_PASS },
	[CHECK_WARN] = { N_("[WARN]"), L"!", ROLE_WARN },
	[CHECK_FAIL] = { N_("[FAIL]"), L"\u2717", ROLE_FAIL },
	[CHECK_SKIP] = { N_("[SKIP]"), L"-", ROLE_SKIP },
};

static const wchar_t spin_ascii[] = L"|/-\\";
static const wchar_t spin_braille[] =
    L"\u280b\u2819\u2839\u2838\u283c\u2834\u2826\u2827\u2807\u280f";

const char *
ui_ellipsis(const struct ui *u)
{
	return u->ascii ? "..." : "\xe2\x80\xa6";
}

const char *
ui_left(const struct ui *u)
{
	return u->ascii ? "<-" : "\xe2\x86\x90";
}

/* What a character the locale cannot show becomes: an ASCII look-alike
 * or '?'.  Writes at most 3 characters (never more than the 3 bytes the
 * ones replaced by several take). */
static size_t
fallback(int32_t cp, wchar_t *out)
{
	switch (cp) {
	case 0x2026:
		wmemcpy(out, L"...", 3);
		return 3;
	case 0x2190:
		wmemcpy(out, L"<-", 2);
		return 2;
	case 0x2192:
		wmemcpy(out, L"->", 2);
		return 2;
	case 0x2018: case 0x2019:
		*out = L'\'';
		return 1;
	case 0x201c: case 0x201d:
		*out = L'"';
		return 1;
	case 0x2013: case 0x2014:
		*out = L'-';
		return 1;
	case 0x00a0:
		*out = L' ';
		return 1;
	default:
		*out = L'?';
		return 1;
	}
}

wchar_t *
ui_wide(const struct ui *u, const char *s)
{
	size_t n = strlen(s), i = 0, o = 0;
	wchar_t *ws = xmalloc((n + 1) * sizeof *ws);
	mbstate_t st;

	memset(&st, 0, sizeof st);
	while (i < n) {
		wchar_t wc;
		size_t r = mbrtowc(&wc, s + i, n - i, &st);

		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			/* not a character here: UTF-8 in an ASCII locale
			 * (an ellipsis), or a bad byte */
			int32_t cp;

			memset(&st, 0, sizeof st);
			i += utf8_decode(s + i, n - i, &cp);
			o += fallback(cp, ws + o);
			continue;
		}
		i += r;
		if (wc == L'\t')
			wc = L' ';
		else if (wc != L'\n' && wcwidth(wc) < 0)
			wc = L'?';
		if (wc > 0x7f && u->w->o->ascii)
			o += fallback((int32_t)wc, ws + o);
		else
			ws[o++] = wc;
	}
	ws[o] = L'\0';
	return ws;
}

/* Columns c takes: 1 for what wcwidth cannot say. */
static int
cwidth(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

int
ui_width(const wchar_t *ws, size_t n)
{
	int w = 0;

	for (size_t i = 0; i < n && ws[i] != L'\0'; i++)
		w += cwidth(ws[i]);
	return w;
}

/* The row starting at s, at most width columns: returns how many
 * characters to draw; *next gets where the next row starts (after the
 * spaces or the newline it broke at). */
static size_t
row_end(const wchar_t *s, int width, size_t *next)
{
	size_t i, brk = 0;	/* brk: 1 + the last space seen */
	int col = 0;

	for (i = 0; s[i] != L'\0' && s[i] != L'\n'; i++) {
		int cw = cwidth(s[i]);

		if (col + cw > width && s[i] != L' ') {
			size_t end = brk > 0 ? brk - 1 : (i > 0 ? i : 1);

			*next = end;
			while (s[*next] == L' ')
				(*next)++;
			while (end > 0 && s[end - 1] == L' ')
				end--;
			return end;
		}
		if (s[i] == L' ')
			brk = i + 1;
		col += cw;
	}
	*next = s[i] == L'\n' ? i + 1 : i;
	/* trailing spaces past the width are dropped, not drawn */
	while (i > 0 && s[i - 1] == L' ' && ui_width(s, i) > width)
		i--;
	return i;
}

int
ui_para(const struct ui *u, WINDOW *win, int y, int x, int width,
    int hang, int maxl, const char *s, attr_t a)
{
	wchar_t *ws = ui_wide(u, s);
	const wchar_t *p = ws;
	int n = 0;

	if (win != NULL)
		wattrset(win, (int)a);
	while (*p != L'\0' && n < maxl) {
		int cx = n == 0 ? x : x + hang;
		int cw = n == 0 ? width : width - hang;
		size_t next, len;

		if (cw < 1)
			break;
		len = row_end(p, cw, &next);
		if (win != NULL && len > 0)
			mvwaddnwstr(win, y + n, cx, p, (int)len);
		n++;
		p += next;
	}
	if (win != NULL)
		wattrset(win, A_NORMAL);
	free(ws);
	return n;
}

int
ui_text(const struct ui *u, WINDOW *win, int y, int x, int width,
    const char *s, attr_t a)
{
	wchar_t *ws = ui_wide(u, s);
	size_t n = wcslen(ws), i;
	int col = 0;

	for (i = 0; i < n; i++)
		if (ws[i] == L'\n')
			ws[i] = L' ';
	if (ui_width(ws, n) > width) {
		wchar_t *ell = ui_wide(u, ui_ellipsis(u));
		int ew = ui_width(ell, wcslen(ell));

		for (i = 0; i < n && col + cwidth(ws[i]) <= width - ew; i++)
			col += cwidth(ws[i]);
		wattrset(win, (int)a);
		mvwaddnwstr(win, y, x, ws, (int)i);
		if (ew <= width) {
			waddwstr(win, ell);
			col += ew;
		}
		free(ell);
	} else {
		col = ui_width(ws, n);
		wattrset(win, (int)a);
		mvwaddwstr(win, y, x, ws);
	}
	wattrset(win, A_NORMAL);
	free(ws);
	return col;
}

size_t
ui_wrap_rows(const struct ui *u, const char *s, int width, wchar_t ***rows,
    size_t nrows)
{
	wchar_t *ws = ui_wide(u, s);
	const wchar_t *p = ws;
	int hang = 0, cw = width;

	/* rows after the first line up under the line's text, indented */
	while (ws[hang] == L' ')
		hang++;
	hang = hang + 2 > width / 2 ? 0 : hang + 2;
	do {
		size_t next, len = row_end(p, cw, &next);
		int pad = p == ws ? 0 : hang;
		wchar_t *r = xmalloc((pad + len + 1) * sizeof *r);

		wmemset(r, L' ', (size_t)pad);
		wmemcpy(r + pad, p, len);
		r[pad + len] = L'\0';
		*rows = xrealloc(*rows, (nrows + 1) * sizeof **rows);
		(*rows)[nrows++] = r;
		p += next;
		cw = width - hang;
	} while (*p != L'\0');
	free(ws);
	return nrows;
}

void
ui_free_rows(wchar_t **rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i]);
	free(rows);
}

void
ui_title_bar(struct ui *u, const char *title)
{
	attr_t a = ui_attr(u, ROLE_TITLE);
	char *s = xasprintf("%s  %s", PACKAGE, title);
	int right = 0;

	wattrset(u->base, (int)a);
	mvwhline(u->base, 0, 0, ' ', COLS);
	if (wizard_busy(u->w)) {
		/* TRANSLATORS: at the right of the title bar while requests
		   are in flight, before a spinner. */
		const char *busy = _("checking");
		wchar_t *wb = ui_wide(u, busy);

		right = ui_width(wb, wcslen(wb)) + 3;
		free(wb);
		ui_text(u, u->base, 0, COLS - right, right, busy, a);
		ui_spinner_at(u, u->base, 0, COLS - 2);
	}
	ui_text(u, u->base, 0, 1, COLS - 2 - right, s, a);
	free(s);
}

int
ui_banner(struct ui *u, int y)
{
	attr_t a = ui_attr(u, ROLE_BANNER);

	int n;

	if (u->w->banner == NULL)
		return y;
	n = ui_para(u, NULL, y, 1, COLS - 2, 0, 2, u->w->banner, a);
	wattrset(u->base, (int)a);
	for (int i = 0; i < n; i++)
		mvwhline(u->base, y + i, 0, ' ', COLS);
	ui_para(u, u->base, y, 1, COLS - 2, 0, 2, u->w->banner, a);
	return y + n;
}

void
ui_action_bar(struct ui *u, const struct ui_action *a, size_t n)
{
	int y = LINES - 1, x = 0;

	for (size_t i = 0; i < n; i++) {
		wchar_t *k = ui_wide(u, a[i].key), *t = ui_wide(u, a[i].what);
		int kw = ui_width(k, wcslen(k)), tw = ui_width(t, wcslen(t));

		free(k);
		free(t);
		if (x + kw + 1 + tw > COLS - 1)
			break;
		ui_text(u, u->base, y, x, kw, a[i].key, ui_attr(u, ROLE_KEY));
		ui_text(u, u->base, y, x + kw + 1, tw, a[i].what, A_NORMAL);
		x += kw + 1 + tw + 2;
	}
}

/* The message to show: the front end's own, else the engine's last
 * outcome unless the user moved past it. */
static const char *
message(const struct ui *u)
{
	const char *m = u->w->message;

	if (u->note != NULL)
		return u->note;
	if (m == NULL || (u->dismissed != NULL &&
	    strcmp(u->dismissed, m) == 0))
		return NULL;
	return m;
}

int
ui_messages(struct ui *u)
{
	const char *m[2];
	int n = 0, lines = 0, y;

	if (message(u) != NULL)
		m[n++] = message(u);
	if (u->w->shell_note != NULL)
		m[n++] = u->w->shell_note;
	for (int i = 0; i < n; i++)
		lines += ui_para(u, NULL, 0, 1, COLS - 2, 2, 3, m[i], 0);
	y = LINES - 1 - lines;
	for (int i = 0, at = y; i < n; i++)
		at += ui_para(u, u->base, at, 1, COLS - 2, 2, 3, m[i],
		    ui_attr(u, ROLE_MESSAGE));
	return y;
}

int
ui_status(struct ui *u, WINDOW *win, int y, int x, enum check_status s,
    bool waiting)
{
	/* TRANSLATORS: shown instead of a status tag while the check waits
	   for the server; keep it 6 columns wide like the tags. */
	const char *tag = waiting ? _("[WAIT]") : _(looks[s].tag);
	attr_t a = ui_attr(u, waiting ? ROLE_WAIT : looks[s].role);
	int col = 0;

	if (!u->ascii) {
		wattrset(win, (int)a);
		mvwaddwstr(win, y, x, waiting ? L" " : looks[s].mark);
		col = 2;
	}
	col += ui_text(u, win, y, x + col, COLS, tag, a);
	return col;
}

/* The spinner's frames (*n of them): braille in UTF-8, else |/-\. */
static const wchar_t *
spin_frames(const struct ui *u, size_t *n)
{
	*n = u->ascii ? wcslen(spin_ascii) : wcslen(spin_braille);
	return u->ascii ? spin_ascii : spin_braille;
}

void
ui_spinner_at(struct ui *u, WINDOW *win, int y, int x)
{
	if (u->nspin >= (int)(sizeof u->spin_win / sizeof u->spin_win[0]))
		return;
	u->spin_win[u->nspin] = win;
	u->spin_y[u->nspin] = y;
	u->spin_x[u->nspin] = x;
	u->spin_attr[u->nspin] = (attr_t)getattrs(win);
	u->nspin++;
	ui_spinner_draw(u);
}

void
ui_spinner_draw(struct ui *u)
{
	size_t n;
	const wchar_t *f = spin_frames(u, &n);
	wchar_t c[2] = { f[u->spin % n], L'\0' };

	for (int i = 0; i < u->nspin; i++) {
		WINDOW *win = u->spin_win[i];

		wattrset(win, (int)u->spin_attr[i]);
		mvwaddwstr(win, u->spin_y[i], u->spin_x[i], c);
		wattrset(win, A_NORMAL);
	}
}

/* A border round win: Unicode's light box in a UTF-8 locale (drawn as
 * is, whatever the terminal's alternate character set does), else the
 * terminal's line drawing characters. */
static void
ui_box(const struct ui *u, WINDOW *win)
{
	static const wchar_t part[] = L"\u2502\u2500\u250c\u2510\u2514\u2518";
	cchar_t c[6];

	if (u->ascii) {
		box(win, 0, 0);
		return;
	}
	for (int i = 0; i < 6; i++) {
		wchar_t s[2] = { part[i], L'\0' };

		setcchar(&c[i], s, A_NORMAL, 0, NULL);
	}
	wborder_set(win, &c[0], &c[0], &c[1], &c[1], &c[2], &c[3], &c[4],
	    &c[5]);
}

WINDOW *
ui_dialog_win(struct ui *u, int h, int w, const char *title)
{
	int y, x;

	h = h > LINES ? LINES : h;
	w = w > COLS ? COLS : w;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	if (u->mwin == NULL || getmaxy(u->mwin) != h ||
	    getmaxx(u->mwin) != w) {
		WINDOW *nw = newwin(h, w, y, x);

		if (nw == NULL)
			die("%s", _("out of memory"));
		if (u->mpanel != NULL) {
			replace_panel(u->mpanel, nw);
			delwin(u->mwin);
		} else
			u->mpanel = new_panel(nw);
		u->mwin = nw;
	}
	move_panel(u->mpanel, y, x);
	werase(u->mwin);
	ui_box(u, u->mwin);
	if (title != NULL) {
		char *t = xasprintf(" %s ", title);

		ui_text(u, u->mwin, 0, 2, w - 4, t, ui_attr(u, ROLE_LABEL));
		free(t);
	}
	show_panel(u->mpanel);
	top_panel(u->mpanel);
	u->fwin = u->mwin;
	u->fy = 1;
	u->fx = 1;
	return u->mwin;
}

int
ui_button(struct ui *u, WINDOW *win, int y, int x, const char *label,
    bool focus)
{
	attr_t a = focus ? ui_attr(u, ROLE_FOCUS) : A_NORMAL;
	int col;

	wattrset(win, (int)a);
	mvwaddstr(win, y, x, focus ? ">" : " ");
	col = 1 + ui_text(u, win, y, x + 1, COLS, label, a);
	if (focus) {
		u->fwin = win;
		u->fy = y;
		u->fx = x;
	}
	return col;
}
