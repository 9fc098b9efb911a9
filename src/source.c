/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Candidates side by side, and the rules that decide which one each
 * program ends up with (SPEC 3; dotenv-semantics.md 2.5, 3.7 and 8). */
#include <config.h>

#include "source.h"

#include <stdlib.h>
#include <string.h>

#include "key.h"
#include "sanitize.h"
#include "xalloc.h"

#define KEY_NAME	"OPENAI_API_KEY"

static const char *const consumer_names[CONSUMER_COUNT] = {
	[CONSUMER_LOGIN_SHELL] = "login-shell",
	[CONSUMER_PYTHON] = "python-dotenv",
	[CONSUMER_PYTHON_OVERRIDE] = "python-dotenv-override",
	[CONSUMER_NODE] = "node-dotenv",
	[CONSUMER_DOCKER] = "docker-env-file",
	[CONSUMER_COMPOSE] = "compose-env-file",
};

const char *
consumer_name(enum consumer c)
{
	return consumer_names[c];
}

int
consumer_loader(enum consumer c)
{
	switch (c) {
	case CONSUMER_PYTHON:
	case CONSUMER_PYTHON_OVERRIDE:
		return LOADER_PYTHON;
	case CONSUMER_NODE:
		return LOADER_NODE;
	case CONSUMER_DOCKER:
		return LOADER_DOCKER;
	case CONSUMER_COMPOSE:
		return LOADER_COMPOSE;
	default:
		return -1;
	}
}

void
sources_init(struct sources *s)
{
	memset(s, 0, sizeof *s);
	for (int i = 0; i < CONSUMER_COUNT; i++)
		s->winner[i] = NO_WINNER;
}

void
sources_free(struct sources *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->c[i].name);
		free(s->c[i].path);
		free(s->c[i].unset_path);
		xwipe(s->c[i].value, s->c[i].value_len);
		free(s->c[i].value);
	}
	free(s->c);
	free(s->shell);
	sources_init(s);
}

struct candidate *
sources_add(struct sources *s, const char *name, enum source_kind kind,
    const char *path, size_t line, const char *value, size_t value_len)
{
	struct candidate *c;

	s->c = xgrow(s->c, &s->cap, s->n + 1, sizeof *s->c);
	c = &s->c[s->n++];
	memset(c, 0, sizeof *c);
	c->name = xstrdup(name);
	c->source = kind;
	c->path = path != NULL ? xstrdup(path) : NULL;
	c->line = line;
	c->value = xmemdup(value, value_len);
	c->value_len = value_len;
	return c;
}

/* What loader view v read, as lengths and fingerprints only. */
static void
set_reading(struct loader_reading *r, const struct loader_view *v)
{
	memset(r, 0, sizeof *r);
	if ((v->r != READ_OK && v->r != READ_WRONG) || v->b == NULL)
		return;
	r->set = true;
	r->length = key_length(v->b->value, v->b->value_len);
	key_fingerprint(v->b->value, v->b->value_len, r->fp);
}

void
sources_add_file(struct sources *s, enum source_kind kind, const char *path,
    const struct analysis *an)
{
	for (size_t k = 0; k < an->n; k++) {
		const struct finding *f = &an->f[k];
		struct candidate *c;

		if (!defect_relevant_name(f->a->clean_name))
			continue;
		c = sources_add(s, f->a->clean_name, kind, path, f->a->line + 1,
		    f->a->intended, f->a->intended_len);
		c->defects = f->defects;
		c->has_loaders = true;
		for (int i = 0; i < LOADER_COUNT; i++)
			set_reading(&c->loaders[i], &f->view[i]);
	}
}

/* True when c's value reaches the programs its source starts: read,
 * exported, not unset later. */
static bool
reaches(const struct candidate *c)
{
	return !c->unloaded && !c->unexported && !c->cleared;
}

/* The last candidate of kind set as name, or NO_WINNER. */
static size_t
last_of(const struct sources *s, const char *name, enum source_kind kind,
    bool unconditional)
{
	for (size_t i = s->n; i-- > 0;)
		if (s->c[i].source == kind && reaches(&s->c[i]) &&
		    strcmp(s->c[i].name, name) == 0 &&
		    (!unconditional || !s->c[i].conditional))
			return i;
	return NO_WINNER;
}

/* The file candidate loader l ends up with for name (its last binding),
 * or NO_WINNER; *refused when l rejects the file. */
static size_t
file_winner(const struct sources *s, const struct analysis *an,
    const char *name, enum loader_id l, bool *refused)
{
	const struct binding *b;
	size_t line;

	*refused = an != NULL && an->loaded[l].refused;
	if (an == NULL || *refused)
		return NO_WINNER;
	b = loaded_lookup(&an->loaded[l], name);
	if (b == NULL || b->value == NULL)
		return NO_WINNER;
	line = dotenv_line_at(&an->doc, b->offset) + 1;
	for (size_t i = 0; i < s->n; i++)
		if ((s->c[i].source == SOURCE_DOTENV ||
		    s->c[i].source == SOURCE_ENVFILE) && !s->c[i].unloaded &&
		    s->c[i].line == line &&
		    strcmp(s->c[i].name, name) == 0)
			return i;
	return NO_WINNER;	/* read under a line fix401 cannot place */
}

/* First choice a, else b. */
static size_t
either(size_t a, size_t b)
{
	return a != NO_WINNER ? a : b;
}

size_t
sources_lookup(const struct sources *s, const struct analysis *an,
    const char *name, enum consumer c, bool dotenv_in_dir, bool pid,
    bool *refused)
{
	size_t env = last_of(s, name, SOURCE_ENV, false), file;
	bool dummy;

	refused = refused != NULL ? refused : &dummy;
	*refused = false;
	if (pid)
		return last_of(s, name, SOURCE_PID, false);
	switch (c) {
	case CONSUMER_LOGIN_SHELL:
		return either(last_of(s, name, SOURCE_RCFILE, true),
		    last_of(s, name, SOURCE_RCFILE, false));
	case CONSUMER_PYTHON:
	case CONSUMER_PYTHON_OVERRIDE:
		/* load_dotenv() reads (and may crash on) the file either
		 * way; then an existing variable, even empty, wins unless
		 * override=True. */
		file = file_winner(s, an, name, LOADER_PYTHON, refused);
		if (*refused)
			return NO_WINNER;
		return c == CONSUMER_PYTHON ? either(env, file) :
		    either(file, env);
	case CONSUMER_NODE:
		/* npm dotenv reads process.cwd()/.env only: no walking up. */
		file = dotenv_in_dir ? file_winner(s, an, name, LOADER_NODE,
		    refused) : NO_WINNER;
		return either(env, file);
	case CONSUMER_DOCKER:
		return file_winner(s, an, name, LOADER_DOCKER, refused);
	default:
		return file_winner(s, an, name, LOADER_COMPOSE, refused);
	}
}

void
sources_mask(const struct sources *s, char *const *texts, size_t n)
{
	const char **v = xcalloc(s->n + 1, sizeof *v);
	size_t *len = xcalloc(s->n + 1, sizeof *len), k = 0;

	for (size_t i = 0; i < s->n; i++) {
		const struct candidate *c = &s->c[i];

		if (c->value_len < SANITIZE_WINDOW ||
		    memmem(c->value, c->value_len, "://", 3) != NULL)
			continue;
		v[k] = c->value;
		len[k++] = c->value_len;
	}
	for (size_t i = 0; i < n; i++)
		if (texts[i] != NULL)
			sanitize_values(texts[i], v, len, k);
	free(v);
	free(len);
}

void
sources_decide(struct sources *s, const struct analysis *an,
    bool dotenv_in_dir, bool pid)
{
	for (int c = 0; c < CONSUMER_COUNT; c++)
		s->winner[c] = sources_lookup(s, an, KEY_NAME, c, dotenv_in_dir,
		    pid, &s->refused[c]);
}
