/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The wizard's screens, one per kind of step (welcome, check, decoder,
 * summary), each a table of draw and key; the keys every step shares;
 * and where to go when new answers come in after a change. */
#include <config.h>

#include "ui-impl.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

/* The labels of a check screen, in the order drawn. */
static const char *const labels[] = {
	N_("Checked:"), N_("Found:"), N_("Why it matters:"), N_("Fix:"),
};
enum { L_CHECKED, L_FOUND, L_WHY, L_FIX, L_COUNT };

size_t
ui_first_check(const struct wizard *w)
{
	for (size_t i = 0; i < w->nsteps; i++)
		if (w->steps[i].kind == STEP_CHECK)
			return i;
	return 0;
}

size_t
ui_step_of(const struct wizard *w, const char *id)
{
	for (size_t i = 0; i < w->nsteps; i++) {
		const struct check *c = wizard_check(w, i);

		if (c != NULL && strcmp(c->id, id) == 0)
			return i;
	}
	return 0;
}

void
ui_go(struct ui *u, size_t i)
{
	struct wizard *w = u->w;

	if (i >= w->nsteps)
		i = w->nsteps - 1;
	if (i == w->cur)
		return;
	/* the outcome shown here was seen: it does not follow the user */
	if (w->message != NULL) {
		free(u->dismissed);
		u->dismissed = xstrdup(w->message);
	}
	ui_note(u, NULL);
	u->after_change = false;
	w->cur = i;
}

/* Where to look once the answers after a change are in: the first
 * failing check; when nothing fails, the completion that proves the key
 * works, when it did; else the first warning, or the summary. */
static void
jump(struct ui *u)
{
	struct wizard *w = u->w;
	size_t done = ui_step_of(w, "completion");
	const struct check_result *r;

	for (size_t i = ui_first_check(w); i < w->nsteps; i++) {
		bool waiting = false;

		r = wizard_result(w, i, &waiting);
		if (r != NULL && !waiting && r->status == CHECK_FAIL) {
			w->cur = i;
			return;
		}
	}
	r = done > 0 ? wizard_result(w, done, NULL) : NULL;
	if (r != NULL && r->status == CHECK_PASS)
		w->cur = done;
	else
		w->cur = wizard_next_problem(w, ui_first_check(w));
}

/* After a new .env was made: the .gitignore entry dotenv-safety then
 * asks for.  True when the question is on screen. */
static bool
offer_gitignore(struct ui *u)
{
	size_t i = ui_step_of(u->w, "dotenv-safety");
	struct change c;
	char *why = NULL;

	if (i == 0)
		return false;
	memset(&c, 0, sizeof c);
	if (wizard_plan_fix(u->w, i, &c, &why) < 0 ||
	    c.kind != CHANGE_GITIGNORE) {
		change_clear(&c);
		free(why);
		return false;
	}
	ui_confirm(u, &c, _("Add .env to .gitignore?"),
	    _("The new .env holds your key. A .gitignore entry keeps git "
	    "from committing and publishing it."), true);
	return true;
}

void
ui_answers_in(struct ui *u)
{
	if (!u->after_change)
		return;
	u->after_change = false;
	ui_note(u, NULL);
	if (u->offer_gitignore) {
		u->offer_gitignore = false;
		if (offer_gitignore(u))
			return;
	}
	jump(u);
}

void
ui_rerun(struct ui *u)
{
	char *cause = NULL;

	if (wizard_rerun(u->w, &cause) < 0) {
		ui_note(u, "%s", cause != NULL ? cause : "");
		free(cause);
		return;
	}
	ui_note(u, "%s", _("Checking everything again."));
	/* on a check's screen, follow the answers; elsewhere stay */
	u->after_change = u->w->steps[u->w->cur].kind == STEP_CHECK;
}

/* Appends t (taken) to *s after sep. */
static void
join(char **s, char *t, const char *sep)
{
	char *j;

	if (*s == NULL) {
		*s = t;
		return;
	}
	j = xasprintf("%s%s%s", *s, sep, t);
	free(*s);
	free(t);
	*s = j;
}

char *
ui_counts_text(const struct ui *u)
{
	size_t fail, warn, waiting;
	char *s = NULL;

	wizard_counts(u->w, &fail, &warn, &waiting);
	if (fail > 0)
		s = xasprintf(ngettext("%zu problem found",
		    "%zu problems found", fail), fail);
	if (warn > 0)
		join(&s, xasprintf(ngettext("%zu warning", "%zu warnings",
		    warn), warn), ", ");
	if (waiting > 0 || wizard_busy(u->w))
		/* TRANSLATORS: %s is an ellipsis ("…" or "...") */
		join(&s, xasprintf(_("checking with the server%s"),
		    ui_ellipsis(u)), "; ");
	else if (wizard_cancelled(u->w))
		/* never "no problems" when checks were not done */
		join(&s, xstrdup(_("the checks with the server were "
		    "cancelled: press r to run them")), "; ");
	return s != NULL ? s : xstrdup(_("No problems found."));
}

void
ui_bar(struct ui *u, struct ui_action *a, size_t n)
{
	if (wizard_busy(u->w))
		for (size_t i = 0; i < n; i++)
			if (strcmp(a[i].key, "r") == 0) {
				a[i].key = _("Esc");
				a[i].what = _("cancel");
			}
	ui_action_bar(u, a, n);
}

/* ---- welcome ---- */
/* The folder, what will happen, online or not, the counts so far. */
static void
welcome_draw(struct ui *u)
{
	const struct options *o = u->w->o;
	WINDOW *b = u->base;
	int y, end = ui_messages(u) - 1, w = COLS - 4;
	char *dir = realpath(o->dir != NULL ? o->dir : ".", NULL), *s;
	bool none = wizard_next_problem(u->w, ui_first_check(u->w)) ==
	    u->w->nsteps - 1;
	struct ui_action a[] = {
		{ _("Enter"), none ? _("see the summary") :
		    _("go to the first problem") },
		{ "e", _("paste a new key") }, { "r", _("re-run") },
		{ "?", _("help") }, { "q", _("quit") },
	};

	ui_title_bar(u, _("Welcome"));
	y = ui_banner(u, 1) + 1;
	y += ui_para(u, b, y, 2, w, 0, end - y, _("fix401 finds out why "
	    "your OpenAI API key is refused (401) and fixes it, one step at "
	    "a time."), ui_attr(u, ROLE_LABEL)) + 1;
	s = xasprintf(o->env_file != NULL ? _("File:   %s") :
	    _("Folder: %s"), o->env_file != NULL ? o->env_file :
	    dir != NULL ? dir : o->dir);
	y += ui_para(u, b, y, 2, w, 8, end - y, s, A_NORMAL) + 1;
	free(s);
	free(dir);
	y += ui_para(u, b, y, 2, w, 0, end - y, _("It looks for the key "
	    "everywhere your program may read it (.env files, shell startup "
	    "files, the environment), checks each step from the file to a "
	    "real request, and offers a fix for what is wrong. Nothing is "
	    "written without your yes, and a backup is kept."), A_NORMAL) + 1;
	y += ui_para(u, b, y, 2, w, 0, end - y, o->offline ?
	    _("Offline (--offline): no request is sent; the checks that need "
	    "the server are skipped.") :
	    _("Two small requests go to the API with the key: the model list "
	    "and a one-word chat completion."), A_NORMAL) + 1;
	s = ui_counts_text(u);
	y += ui_para(u, b, y, 2, w, 0, end - y, s,
	    ui_attr(u, ROLE_MESSAGE)) + 1;
	free(s);
	u->fy = y;
	u->fx = 2;
	ui_para(u, b, y, 2, w, 0, end - y, none ?
	    _("Press Enter to see the summary.") :
	    _("Press Enter to go to the first problem."), A_NORMAL);
	ui_bar(u, a, sizeof a / sizeof a[0]);
}

/* Enter goes straight to the first problem (one key to the quoted key's
 * line); e pastes a key. */
static enum ui_ret
welcome_key(struct ui *u, const struct ui_key *k)
{
	if (ui_is_enter(k)) {
		ui_go(u, wizard_next_problem(u->w, ui_first_check(u->w)));
		return UI_STAY;
	}
	if (ui_is_char(k, 'e')) {
		ui_paste(u);
		return UI_STAY;
	}
	return UI_PASS;
}

/* ---- a check ---- */
/* Draws (win NULL: measures) the sections of a check's screen from y:
 * each label, its text after it and under it from column 3 (the found
 * lines each on a line of their own under "Found:"), then the detail;
 * a blank line after each of the first spare sections; nothing past
 * end.  *fix_y gets the line of the fix.  Returns the line after the
 * last. */
static int
sections(struct ui *u, WINDOW *win, int y, int end, int spare,
    const char *const text[L_COUNT], char **found, const char *detail,
    int *fix_y)
{
	*fix_y = -1;
	for (int s = 0; s < L_COUNT && y < end; s++) {
		wchar_t *l = ui_wide(u, _(labels[s]));
		int top = y, x = 2 + ui_width(l, wcslen(l));

		free(l);
		if (s == L_FOUND) {
			if (found == NULL || found[0] == NULL)
				continue;
			y++;
			for (size_t i = 0; found[i] != NULL && y < end; i++)
				y += ui_para(u, win, y, 3, COLS - 4, 2, end - y,
				    found[i], A_NORMAL);
		} else if (text[s] != NULL && *text[s] != '\0')
			y += ui_para(u, win, y, x, COLS - x - 1, 3 - x,
			    end - y, text[s], A_NORMAL);
		if (y == top)
			continue;
		if (s == L_FIX)
			*fix_y = top;
		if (win != NULL)
			ui_text(u, win, top, 1, COLS - 2, _(labels[s]),
			    ui_attr(u, ROLE_LABEL));
		if (spare > 0) {
			y++;
			spare--;
		}
	}
	if (detail != NULL && *detail != '\0' && y < end)
		y += ui_para(u, win, y, 3, COLS - 4, 0, end - y, detail,
		    A_NORMAL);
	return y;
}

/* The status and summary, then checked, found, why and fix, the detail
 * when it fits, blank lines where they fit. */
static void
check_draw(struct ui *u)
{
	struct wizard *w = u->w;
	struct wizard_page p;
	bool waiting = false;
	const struct check_result *r = wizard_result(w, w->cur, &waiting);
	const char *text[L_COUNT];
	char *title, *wait = NULL;
	size_t n, m, na = 0;
	int y, end, sw, fix_y, spare;
	const char *detail;
	struct ui_action a[8];

	if (wizard_page(w, w->cur, &p) < 0)
		return;
	if (r == NULL) {
		xfree_strv(p.found);
		return;
	}
	detail = r->detail;
	wizard_step_number(w, w->cur, &n, &m);
	/* TRANSLATORS: the title bar of a check: "step 3 of 11: Key line
	   in .env" */
	title = xasprintf(_("step %zu of %zu: %s"), n, m, p.title);
	ui_title_bar(u, title);
	free(title);
	y = ui_banner(u, 1) + 1;
	end = ui_messages(u) - 1;
	/* the status line, where the cursor rests */
	u->fy = y;
	u->fx = 1;
	sw = ui_status(u, u->base, y, 1, r->status, waiting);
	y += ui_para(u, u->base, y, sw + 2, COLS - sw - 3, 0, 2,
	    r->summary != NULL ? r->summary : "", A_BOLD) + 1;
	text[L_CHECKED] = p.checked;
	text[L_FOUND] = NULL;
	text[L_WHY] = p.why;
	if (waiting) {
		/* TRANSLATORS: %s is an ellipsis ("…" or "..."); a spinner
		   follows */
		wait = xasprintf(_("waiting for the server%s"),
		    ui_ellipsis(u));
		text[L_FIX] = wait;
	} else if (p.fixable) {
		/* what f does here, then the command that does the same */
		wait = r->fix != NULL ?
		    /* TRANSLATORS: %s is a command or an instruction. */
		    xasprintf(_("press f to see the change and write it (the "
		    "same as: %s)"), r->fix) :
		    xstrdup(_("press f to see the change and write it"));
		text[L_FIX] = wait;
	} else if (p.pasteable && r->fix == NULL) {
		text[L_FIX] = _("press e to paste the right key");
	} else
		text[L_FIX] = r->fix;
	/* the detail when it fits, then blank lines where they fit */
	if (sections(u, NULL, y, INT_MAX, 0, text, p.found, r->detail,
	    &fix_y) > end)
		detail = NULL;
	spare = end - sections(u, NULL, y, INT_MAX, 0, text, p.found, detail,
	    &fix_y);
	sections(u, u->base, y, end, spare, text, p.found, detail, &fix_y);
	if (waiting && fix_y >= 0) {
		/* the spinner after "waiting for the server…" */
		wchar_t *ww = ui_wide(u, wait);
		wchar_t *l = ui_wide(u, _(labels[L_FIX]));

		ui_spinner_at(u, u->base, fix_y, 3 + ui_width(l, wcslen(l)) +
		    ui_width(ww, wcslen(ww)));
		free(l);
		free(ww);
	}
	free(wait);
	xfree_strv(p.found);
	a[na++] = (struct ui_action){ _("Enter"), _("next") };
	a[na++] = (struct ui_action){ ui_left(u), _("back") };
	if (p.fixable)
		a[na++] = (struct ui_action){ "f", _("fix") };
	if (p.pasteable)
		a[na++] = (struct ui_action){ "e", _("paste key") };
	a[na++] = (struct ui_action){ "r", _("re-run") };
	a[na++] = (struct ui_action){ "d", _("details") };
	a[na++] = (struct ui_action){ "?", _("help") };
	a[na++] = (struct ui_action){ "q", _("quit") };
	ui_bar(u, a, na);
}

/* f fixes, e pastes a key, d shows the raw answers. */
static enum ui_ret
check_key(struct ui *u, const struct ui_key *k)
{
	if (ui_is_char(k, 'f'))
		ui_fix(u, u->w->cur);
	else if (ui_is_char(k, 'e'))
		ui_paste(u);
	else if (ui_is_char(k, 'd'))
		ui_details(u, u->w->cur);
	else
		return UI_PASS;
	return UI_STAY;
}

/* ---- shared ---- */
enum ui_ret
ui_common_key(struct ui *u, const struct ui_key *k)
{
	if (ui_is_enter(k))
		return UI_NEXT;
	if (k->type == KEY_CODE_YES) {
		switch (k->ch) {
		case KEY_RIGHT:
			return UI_NEXT;
		case KEY_LEFT: case KEY_BACKSPACE: case KEY_BTAB:
			return UI_BACK;
		case KEY_F(1):
			ui_help(u);
			return UI_STAY;
		default:
			return UI_STAY;
		}
	}
	switch (k->ch) {
	case '\t': case 'j':
		return UI_NEXT;
	case 010: case 0177: case 'k':
		return UI_BACK;
	case 'r':
		ui_rerun(u);
		return UI_STAY;
	case '?':
		ui_help(u);
		return UI_STAY;
	case 'q': case 'Q':
		return UI_QUIT;
	case 033:
		if (!wizard_busy(u->w))
			return UI_QUIT;
		wizard_cancel(u->w);
		ui_note(u, "%s", _("Cancelled the requests in flight."));
		return UI_STAY;
	default:
		return UI_STAY;
	}
}

const struct ui_screen *
ui_screen_for(enum step_kind k)
{
	static const struct ui_screen welcome = { welcome_draw, welcome_key };
	static const struct ui_screen check = { check_draw, check_key };
	static const struct ui_screen *const screens[] = {
		[STEP_WELCOME] = &welcome,
		[STEP_CHECK] = &check,
		[STEP_DECODER] = &ui_decoder_screen,
		[STEP_SUMMARY] = &ui_summary_screen,
	};

	return screens[k];
}
