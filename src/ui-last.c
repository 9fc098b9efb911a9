/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The wizard's last two steps: the error decoder (paste the error your
 * program printed, read against the keys found here) and the summary
 * (every check, and the support report). */
#include <config.h>

#include "ui-impl.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

#define FIELD_COLS	60	/* the decoder's field */

/* ---- the error decoder ---- */
/* s's lines, NULL-ended (caller frees with xfree_strv). */
static char **
split_lines(const char *s)
{
	char **v = NULL;
	size_t n = 0;

	for (;;) {
		const char *e = strchr(s, '\n');
		size_t len = e != NULL ? (size_t)(e - s) : strlen(s);

		v = xrealloc(v, (n + 2) * sizeof *v);
		v[n++] = xmemdup(s, len);
		if (e == NULL)
			break;
		s = e + 1;
	}
	v[n] = NULL;
	return v;
}

/* The hidden field for the error, its length, then the answer. */
static void
decoder_draw(struct ui *u)
{
	WINDOW *b = u->base;
	int y, end = ui_messages(u) - 1, w = COLS - 4, lw;
	char *s;
	wchar_t *l = ui_wide(u, _("Error:"));
	struct ui_action a[] = {
		{ _("Enter"), _("read it") }, { _("Tab"), _("next") },
		{ _("S-Tab"), _("back") }, { "^U", _("clear") },
		{ "F1", _("help") }, { _("Esc"), _("quit") },
	};

	if (wizard_busy(u->w))
		a[5].what = _("cancel");
	ui_title_bar(u, _("Decode an error message"));
	y = ui_banner(u, 1) + 1;
	y += ui_para(u, b, y, 2, w, 0, end - y, _("Paste the error message "
	    "your program printed (for example \"Error code: 401 - Incorrect "
	    "API key provided: ...\") and press Enter: fix401 says what it "
	    "means for the keys found here. The text is not shown; only its "
	    "length is."), A_NORMAL) + 1;
	lw = ui_width(l, wcslen(l));
	free(l);
	ui_text(u, b, y, 2, lw, _("Error:"), ui_attr(u, ROLE_LABEL));
	if (u->decoder.form == NULL)
		ui_field_init(&u->decoder, FIELD_COLS, true, UI_ERROR_MAX);
	ui_field_place(&u->decoder, b, y, 3 + lw);
	ui_field_cursor(u, &u->decoder);
	y += 2;
	if (u->decoder.len == 0)
		s = xstrdup(_("Nothing pasted yet. Enter with nothing pasted "
		    "goes on to the summary."));
	else
		s = xasprintf(ngettext("%zu character pasted; Enter reads it.",
		    "%zu characters pasted; Enter reads them.",
		    u->decoder.len), u->decoder.len);
	y += ui_para(u, b, y, 2, w, 0, end - y, s, A_NORMAL) + 1;
	free(s);
	if (u->w->decoded != NULL &&
	    ui_para(u, NULL, y, 2, w, 2, INT_MAX, u->w->decoded, 0) > end - y) {
		/* too long for the screen: the rest in the pager */
		ui_para(u, b, y, 2, w, 2, end - y - 1, u->w->decoded,
		    A_NORMAL);
		ui_text(u, b, end - 1, 2, w, _("PgDn: read all of it"),
		    ui_attr(u, ROLE_KEY));
	} else if (u->w->decoded != NULL)
		ui_para(u, b, y, 2, w, 2, end - y, u->w->decoded, A_NORMAL);
	ui_action_bar(u, a, sizeof a / sizeof a[0]);
}

/* Typed and pasted text go into the field (so no hotkeys here but F1
 * and Esc); Enter reads it, or goes on when empty; Tab, Shift-Tab,
 * Left and Right move; PgDn shows a long answer in the pager. */
static enum ui_ret
decoder_key(struct ui *u, const struct ui_key *k)
{
	struct ui_field *f = &u->decoder;
	struct ui_key sp = { OK, L' ' };
	char *text;
	size_t len;

	if (u->pasting) {
		/* a pasted traceback is one text: its lines join */
		ui_field_key(f, ui_is_enter(k) || ui_is_char(k, '\t') ? &sp :
		    k);
		return UI_STAY;
	}
	if (ui_is_enter(k)) {
		text = ui_field_text(f, &len);
		if (len > 0) {
			wizard_decode(u->w, text, len);
			ui_field_clear(f);
		}
		xwipe(text, len);
		free(text);
		return len > 0 ? UI_STAY : UI_NEXT;
	}
	if (ui_is_char(k, '\t') || (k->type == KEY_CODE_YES &&
	    k->ch == KEY_RIGHT))
		return UI_NEXT;
	if (k->type == KEY_CODE_YES && (k->ch == KEY_BTAB ||
	    k->ch == KEY_LEFT))
		return UI_BACK;
	/* Backspace in an empty field goes back, as elsewhere */
	if (f->len == 0 && (ui_is_char(k, 010) || ui_is_char(k, 0177) ||
	    (k->type == KEY_CODE_YES && k->ch == KEY_BACKSPACE)))
		return UI_BACK;
	if (k->type == KEY_CODE_YES && k->ch == KEY_NPAGE &&
	    u->w->decoded != NULL) {
		ui_pager(u, xstrdup(_("What the error says")),
		    split_lines(u->w->decoded));
		return UI_STAY;
	}
	if (ui_is_char(k, 033) || (k->type == KEY_CODE_YES &&
	    k->ch == KEY_F(1)))
		return UI_PASS;
	ui_field_key(f, k);
	return UI_STAY;
}

const struct ui_screen ui_decoder_screen = { decoder_draw, decoder_key };

/* ---- the summary ---- */
/* The counts, one line per check, and the support report's offer. */
static void
summary_draw(struct ui *u)
{
	struct wizard *w = u->w;
	WINDOW *b = u->base;
	int y, end = ui_messages(u) - 1;
	char *s = ui_counts_text(u);
	struct ui_action a[] = {
		{ "w", _("write a support report") },
		{ ui_left(u), _("back") }, { "r", _("re-run") },
		{ "?", _("help") }, { "q", _("quit") },
	};

	ui_title_bar(u, _("Summary"));
	y = ui_banner(u, 1) + 1;
	y += ui_para(u, b, y, 1, COLS - 2, 0, end - y, s,
	    ui_attr(u, ROLE_LABEL)) + 1;
	free(s);
	u->fy = y;
	u->fx = 1;
	for (size_t i = 0; i < w->nsteps && y < end; i++) {
		const struct check *c = wizard_check(w, i);
		bool waiting = false;
		const struct check_result *r = wizard_result(w, i, &waiting);
		int x;

		if (c == NULL || r == NULL)
			continue;
		x = 1 + ui_status(u, b, y, 1, r->status, waiting) + 1;
		s = xasprintf("%s: %s", _(c->title),
		    r->summary != NULL ? r->summary : "");
		ui_text(u, b, y++, x, COLS - x - 1, s, A_NORMAL);
		free(s);
	}
	y++;
	ui_para(u, b, y, 1, COLS - 2, 0, end - y, _("Press w to write a "
	    "support report: a text file with every check's result, keys "
	    "masked, to attach when you ask for help."), A_NORMAL);
	ui_bar(u, a, sizeof a / sizeof a[0]);
}

/* w writes the support report; Enter stays (this is the last step). */
static enum ui_ret
summary_key(struct ui *u, const struct ui_key *k)
{
	char *path = NULL, *cause = NULL;

	if (ui_is_enter(k))
		return UI_STAY;
	if (!ui_is_char(k, 'w'))
		return UI_PASS;
	if (wizard_report(u->w, NULL, &path, &cause) == 0)
		ui_note(u, _("Support report written to %s"), path);
	else
		ui_note(u, _("The support report was not written: %s"),
		    cause != NULL ? cause : "");
	free(path);
	free(cause);
	return UI_STAY;
}

const struct ui_screen ui_summary_screen = { summary_draw, summary_key };
