/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* e: the dialog to paste a new key.  The key goes into a hidden field
 * (never drawn); under it, what the engine makes of it once cleaned,
 * masked with its length, provider and kind; Enter shows the change to
 * .env and asks.  Every copy of the key is wiped. */
#include <config.h>

#include "ui-impl.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "key.h"
#include "xalloc.h"

#define PASTE_COLS	72	/* the dialog */
#define PASTE_ROWS	13

/* "sk-proj-…21sA (164 chars), OpenAI project key" (caller frees). */
static char *
describe(const struct pasted *p)
{
	char *len, *s;

	/* a short value's mask is its length already */
	if (p->masked != NULL && p->length <= KEY_SHORT)
		len = xstrdup(p->masked);
	else if (p->masked != NULL)
		len = xasprintf(ngettext("%s (%zu char)", "%s (%zu chars)",
		    p->length), p->masked, p->length);
	else
		len = xasprintf(ngettext("%zu char", "%zu chars", p->length),
		    p->length);
	if (p->provider != NULL && p->kind != NULL)
		/* TRANSLATORS: a pasted key: its mask and length, its
		   provider, its kind ("OpenAI", "project key") */
		s = xasprintf(_("%s, %s %s"), len, p->provider, p->kind);
	else if (p->provider != NULL)
		s = xasprintf("%s, %s", len, p->provider);
	else
		s = xasprintf(_("%s, not a kind of key fix401 knows"), len);
	free(len);
	return s;
}

/* Asks the engine what the field holds now, once per change. */
static void
plan(struct ui *u)
{
	struct ui_paste *ps = &u->paste;
	struct change c;
	size_t len;
	char *text;

	if (!ps->stale)
		return;
	ps->stale = false;
	pasted_clear(&ps->p);
	free(ps->why);
	ps->why = NULL;
	ps->ok = false;
	text = ui_field_text(&ps->field, &len);
	if (len > 0) {
		memset(&c, 0, sizeof c);
		ps->ok = wizard_plan_paste(u->w, text, len, &ps->p, &c,
		    &ps->why) == 0;
		change_clear(&c);
	}
	xwipe(text, len);
	free(text);
}

/* The hidden field, and under it what the engine makes of its text or
 * why it cannot be used. */
static void
paste_draw(struct ui *u)
{
	struct ui_paste *ps = &u->paste;
	int w = PASTE_COLS, y = 2, lw;
	wchar_t *l = ui_wide(u, _("Key:"));
	WINDOW *win;
	char *s;

	plan(u);
	/* the field's subwindow must go before its window may be remade */
	ui_field_unplace(&ps->field);
	win = ui_dialog_win(u, PASTE_ROWS, w, _("Paste a new key"));
	y += ui_para(u, win, y, 2, w - 4, 0, 2, _("Paste your new API key "
	    "and press Enter. It is never shown: only its start, its last 4 "
	    "characters and its length."), A_NORMAL) + 1;
	lw = ui_width(l, wcslen(l));
	free(l);
	ui_text(u, win, y, 2, lw, _("Key:"), ui_attr(u, ROLE_LABEL));
	ui_field_place(&ps->field, win, y, 3 + lw);
	ui_field_cursor(u, &ps->field);
	y += 2;
	if (ps->field.len == 0)
		ui_text(u, win, y, 2, w - 4, _("Nothing pasted yet."),
		    A_NORMAL);
	else if (ps->ok) {
		s = describe(&ps->p);
		ui_text(u, win, y, 2, w - 4, s, ui_attr(u, ROLE_LABEL));
		free(s);
		if (ps->p.cleaned != NULL) {
			/* TRANSLATORS: what cleaning the pasted key removed */
			s = xasprintf(_("Removed: %s"), ps->p.cleaned);
			ui_text(u, win, y + 1, 2, w - 4, s, A_NORMAL);
			free(s);
		}
		if (ps->p.warning != NULL)
			ui_para(u, win, y + 2, 2, w - 4, 2, 2, ps->p.warning,
			    ui_attr(u, ROLE_WARN));
	} else if (ps->why != NULL)
		ui_para(u, win, y, 2, w - 4, 2, 3, ps->why,
		    ui_attr(u, ROLE_WARN));
	ui_text(u, win, PASTE_ROWS - 2, 2, w - 4, _("Enter: check and write   "
	    "Esc: cancel   ^U: clear"), ui_attr(u, ROLE_KEY));
}

/* Enter: the change to .env, confirmed in a dialog of its own. */
static void
submit(struct ui *u)
{
	struct ui_paste *ps = &u->paste;
	struct pasted p;
	struct change c;
	char *text, *why = NULL, *intro = NULL, *d;
	size_t len;

	text = ui_field_text(&ps->field, &len);
	if (len == 0) {
		free(text);
		return;
	}
	memset(&p, 0, sizeof p);
	memset(&c, 0, sizeof c);
	if (wizard_plan_paste(u->w, text, len, &p, &c, &why) == 0) {
		d = describe(&p);
		intro = p.warning != NULL ? xasprintf("%s\n%s", d, p.warning) :
		    xstrdup(d);
		free(d);
	}
	xwipe(text, len);
	free(text);
	if (intro != NULL)
		ui_confirm(u, &c, _("Write the new key?"), intro, false);
	else {
		change_clear(&c);
		free(ps->why);
		ps->why = why;
		ps->ok = false;
		why = NULL;
	}
	pasted_clear(&p);
	free(intro);
	free(why);
}

/* Keys and pasted text go into the field; Enter (typed, not pasted)
 * submits; Esc cancels. */
static enum ui_ret
paste_key(struct ui *u, const struct ui_key *k)
{
	struct ui_paste *ps = &u->paste;

	if (u->pasting) {
		/* a newline pasted with the key is not Enter */
		if (!ui_is_enter(k) && !ui_is_char(k, '\t') &&
		    ui_field_key(&ps->field, k))
			ps->stale = true;
		return UI_STAY;
	}
	if (ui_is_enter(k)) {
		submit(u);
		return UI_STAY;
	}
	if (ui_is_char(k, 033)) {
		ui_note(u, "%s", _("Nothing was written."));
		return UI_CLOSE;
	}
	if (ui_field_key(&ps->field, k))
		ps->stale = true;
	return UI_STAY;
}

/* Wipes the field and frees what was planned. */
static void
paste_done(struct ui *u)
{
	struct ui_paste *ps = &u->paste;

	ui_field_free(&ps->field);
	pasted_clear(&ps->p);
	free(ps->why);
	memset(ps, 0, sizeof *ps);
}

static const struct ui_modal paste_modal = {
	paste_draw, paste_key, paste_done,
};

void
ui_paste(struct ui *u)
{
	ui_open(u, &paste_modal);
	ui_field_init(&u->paste.field, PASTE_COLS - 10, true, UI_PASTE_MAX);
}

bool
ui_pasting_key(const struct ui *u)
{
	return u->modal == &paste_modal;
}
