/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* One line of fix401-mock's request log (see mock-log.h).  The key never
 * appears: it is logged as a mask, and every client text is scrubbed of
 * it and of anything else that looks like a key. */
#include <config.h>

#include "mock-log.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "key.h"
#include "mock-json.h"
#include "sanitize.h"
#include "utf8.h"
#include "xalloc.h"

/* The key as the log shows it (caller frees), or NULL without one. */
static char *
log_mask(const struct mock_seen *s)
{
	size_t n;
	char *m;

	if (s->key == NULL)
		return NULL;
	n = key_length(s->key, s->key_len);
	if (n > KEY_SHORT)
		return key_openai_mask(s->key, s->key_len);
	m = xmalloc(n + 1);
	memset(m, '*', n);
	m[n] = '\0';
	return m;
}

/* A string from the client, scrubbed, or null for NULL. */
static cJSON *
scrubbed(const char *v, const struct mock_seen *s)
{
	const char *keys[1] = { s->key };
	size_t lens[1] = { s->key_len };
	cJSON *item;
	char *c;

	if (v == NULL)
		return mock_json_str(NULL);
	c = xstrdup(v);
	if (s->key != NULL)
		sanitize_values(c, keys, lens, 1);
	sanitize_keys(c);
	item = mock_json_str(c);
	free(c);
	return item;
}

static cJSON *
when(long long now)
{
	time_t t = (time_t)now;
	struct tm tm;
	char out[32];

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return mock_json_str(NULL);
	return mock_json_str(out);
}

static void
add_key(cJSON *o, const struct mock_seen *s)
{
	char *mask = log_mask(s);

	mock_json_add(o, "key", mock_json_str(mask));
	mock_json_add(o, "key_length", s->key == NULL ? mock_json_str(NULL) :
	    mock_json_num((double)key_length(s->key, s->key_len)));
	mock_json_add(o, "key_name", mock_json_str(s->entry != NULL ?
	    s->entry->name : NULL));
	free(mask);
}

char *
mock_log_line(const struct mock_request *r, const struct mock_seen *s,
    const struct mock_reply *rp, size_t *len)
{
	cJSON *o = mock_json_object();
	struct buf b = { 0 };

	mock_json_add(o, "time", when(r->now));
	mock_json_add(o, "request_id", mock_json_str(r->request_id));
	mock_json_add(o, "method", scrubbed(r->method, s));
	mock_json_add(o, "path", scrubbed(r->path, s));
	mock_json_add(o, "auth", mock_json_str(mock_auth_name(s->auth)));
	add_key(o, s);
	mock_json_add(o, "organization", scrubbed(r->organization, s));
	mock_json_add(o, "project", scrubbed(r->project, s));
	mock_json_add(o, "model", scrubbed(s->model, s));
	mock_json_add(o, "token_param", mock_json_str(s->token_param));
	mock_json_add(o, "user_agent", scrubbed(r->user_agent, s));
	mock_json_add(o, "status", rp->hang ? mock_json_str(NULL) :
	    mock_json_num(rp->status));
	mock_json_add(o, "delay_ms", mock_json_num((double)rp->delay_ms));
	mock_json_print(&b, o, 0);
	cJSON_Delete(o);
	buf_addc(&b, '\n');
	return buf_take(&b, len);
}
