/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* libFuzzer target for the .env engine.  Properties: nothing crashes or
 * reads outside the input (ASan), serialising the parsed lines gives the
 * input back, every loader's offsets point inside the input, and a planned
 * repair keeps the key's line count and reads back as planned. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "dotenv.h"
#include "fix.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_round_trip(const char *buf, size_t len)
{
	struct dotenv d;
	size_t n;
	char *out;

	dotenv_init(&d);
	dotenv_load(&d, buf, len);
	out = dotenv_serialize(&d, &n);
	if (n != len || memcmp(out, buf, len) != 0)
		abort();
	free(out);
	dotenv_clear(&d);
}

static void
check_offsets(const struct analysis *an, size_t len)
{
	for (int i = 0; i < LOADER_COUNT; i++) {
		const struct loaded *l = &an->loaded[i];

		for (size_t k = 0; k < l->n; k++)
			if (l->v[k].offset > len || l->v[k].name == NULL)
				abort();
		if (l->refused && l->error == NULL)
			abort();
	}
}

static void
check_repair(const struct analysis *an)
{
	struct fix_plan p;

	if (fix_plan(an, true, &p) != FIX_PLANNED)
		return;
	check_round_trip(p.buf, p.len);
	/* The rewritten line must read back with the planned value. */
	if (!fix_verify(p.buf, p.len, p.f->a->intended, p.f->a->intended_len))
		abort();
	fix_plan_clear(&p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so any read past the end is caught. */
	char *buf = malloc(size ? size : 1);
	struct analysis an;

	if (size > 0)
		memcpy(buf, data, size);
	check_round_trip(buf, size);
	analysis_run(&an, buf, size, NULL, NULL);
	check_offsets(&an, size);
	check_repair(&an);
	analysis_clear(&an);
	free(buf);
	return 0;
}
