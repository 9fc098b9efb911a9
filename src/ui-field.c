/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* One-line input fields of the form library (ncurses test/demo_forms.c):
 * growing as text comes in, optionally hidden (O_PUBLIC off: what is
 * typed is kept in an off-screen pad and never drawn), wiped when done.
 * A field is posted into a subwindow of the screen or a dialog and
 * posted again after each redraw. */
#include <config.h>

#include "ui-impl.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

#define CTRL_U	0x15

void
ui_field_init(struct ui_field *f, int width, bool hidden, size_t max)
{
	FIELD *fl;

	memset(f, 0, sizeof *f);
	f->width = width;
	f->hidden = hidden;
	fl = new_field(1, width, 0, 0, 0, 0);
	if (fl == NULL)
		die("%s", _("out of memory"));
	/* grows sideways up to max; typing at the start never blanks it;
	 * a full field does not jump anywhere */
	field_opts_off(fl, O_STATIC | O_AUTOSKIP | O_BLANK);
	if (hidden)
		field_opts_off(fl, O_PUBLIC);
	set_max_field(fl, (int)max);
	set_field_back(fl, A_UNDERLINE);
	f->fields[0] = fl;
	f->fields[1] = NULL;
	f->form = new_form(f->fields);
	if (f->form == NULL)
		die("%s", _("out of memory"));
}

void
ui_field_unplace(struct ui_field *f)
{
	if (f->sub == NULL)
		return;
	/* what was typed goes from the field's pad into its buffer */
	form_driver(f->form, REQ_VALIDATION);
	unpost_form(f->form);
	delwin(f->sub);
	f->sub = NULL;
}

void
ui_field_place(struct ui_field *f, WINDOW *parent, int y, int x)
{
	if (f->form == NULL)
		return;
	ui_field_unplace(f);
	f->sub = derwin(parent, 1, f->width, y, x);
	if (f->sub == NULL)
		return;
	f->parent = parent;
	f->y = y;
	f->x = x;
	set_form_win(f->form, parent);
	set_form_sub(f->form, f->sub);
	if (post_form(f->form) != E_OK) {
		delwin(f->sub);
		f->sub = NULL;
		return;
	}
	/* posting puts the cursor at the start: typing goes on at the end */
	if (f->len > 0)
		form_driver(f->form, REQ_END_FIELD);
}

/* The form request key k stands for, or 0. */
static int
request(const struct ui_key *k)
{
	if (k->type == OK) {
		switch (k->ch) {
		case 010: case 0177:
			return REQ_DEL_PREV;
		case CTRL_U:
			return REQ_CLR_FIELD;
		default:
			return 0;
		}
	}
	switch (k->ch) {
	case KEY_BACKSPACE:
		return REQ_DEL_PREV;
	case KEY_DC:
		return REQ_DEL_CHAR;
	default:
		return 0;
	}
}

bool
ui_field_key(struct ui_field *f, const struct ui_key *k)
{
	int req = request(k);

	if (f->sub == NULL)
		return false;
	if (req == REQ_CLR_FIELD) {
		ui_field_clear(f);
		return true;
	}
	if (req != 0) {
		if (form_driver(f->form, req) != E_OK)
			return false;
		if (req == REQ_DEL_PREV && f->len > 0)
			f->len--;
		else if (req == REQ_DEL_CHAR && f->len > 0)
			f->len--;
	} else if (k->type == OK && k->ch >= 0x20 && k->ch != 0x7f) {
		if (form_driver_w(f->form, OK, (wchar_t)k->ch) != E_OK)
			return false;
		f->len++;
	} else
		return false;
	return true;
}

char *
ui_field_text(struct ui_field *f, size_t *len)
{
	char *b, *s;
	size_t n;

	*len = 0;
	if (f->form == NULL || f->len == 0)
		return xstrdup("");
	if (f->sub != NULL)
		form_driver(f->form, REQ_VALIDATION);
	b = field_buffer(f->fields[0], 0);
	if (b == NULL)
		return xstrdup("");
	n = strlen(b);
	/* field_buffer hands out a fresh copy each call and frees the last
	 * one as it is: wipe it now it is copied */
	s = xmemdup(b, n);
	xwipe(b, n);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	*len = n;
	return s;
}

void
ui_field_clear(struct ui_field *f)
{
	size_t n;
	char *s;

	if (f->form == NULL)
		return;
	s = ui_field_text(f, &n);
	xwipe(s, n);
	free(s);
	/* blanks every cell of the buffer, then the pad behind it */
	if (f->sub != NULL)
		form_driver(f->form, REQ_CLR_FIELD);
	set_field_buffer(f->fields[0], 0, "");
	f->len = 0;
}

void
ui_field_free(struct ui_field *f)
{
	if (f->form == NULL)
		return;
	ui_field_clear(f);
	ui_field_unplace(f);
	free_form(f->form);
	free_field(f->fields[0]);
	memset(f, 0, sizeof *f);
}

void
ui_field_cursor(struct ui *u, struct ui_field *f)
{
	if (f->sub == NULL)
		return;
	u->fwin = f->parent;
	u->fy = f->y;
	u->fx = f->x + ((int)f->len < f->width ? (int)f->len : f->width - 1);
}
