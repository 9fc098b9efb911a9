/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* fix401-mock's configuration: the models it knows and, per fake key, how
 * it answers.  Loading and validation only; no answers here. */
#ifndef FIX401_MOCK_CONFIG_H
#define FIX401_MOCK_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

/* How the server answers a key.  MOCK_VALID keys may still fail on an
 * option (organization, project, models, legacy_params). */
enum mock_behaviour {
	MOCK_VALID,		/* answers like the real API */
	MOCK_REVOKED,		/* 401 invalid_api_key, as an unknown key */
	MOCK_DEACTIVATED,	/* 401 account_deactivated */
	MOCK_NO_ORGANIZATION,	/* 401 no_organization */
	MOCK_RESTRICTED,	/* 403/401 missing scopes */
	MOCK_IP_BLOCKED,	/* 401 ip_not_authorized (a guess) */
	MOCK_NO_QUOTA,		/* chat: 429 insufficient_quota */
	MOCK_RATE_LIMITED,	/* chat: 429 rate_limit_exceeded */
	MOCK_REGION,		/* 403 unsupported_country_region_territory */
	MOCK_HANG,		/* never answers */
	MOCK_SERVER_500,	/* 500 server_error */
	MOCK_SERVER_503,	/* 503 server_error */
	MOCK_HTML,		/* 200 text/html: a captive portal */
	MOCK_NOT_JSON,		/* 200 text/plain */
	MOCK_REDIRECT,		/* 302 elsewhere */
	MOCK_HUGE,		/* valid, with bodies over 1 MiB */
	MOCK_ANSI,		/* 401 whose message holds escape sequences */
	MOCK_PROXY_401,		/* 401 without www-authenticate */
	MOCK_TEXT_401,		/* chat: 401 text/plain, JSON in x-error-json */
	MOCK_AZURE,		/* other providers' answers to a wrong key */
	MOCK_OPENROUTER,
	MOCK_GEMINI,
	MOCK_MISTRAL,
	MOCK_XAI,
	MOCK_VLLM,
	MOCK_BEHAVIOURS		/* how many there are */
};

/* Scopes a restricted key may have. */
#define MOCK_SCOPE_MODEL_READ	0x1	/* api.model.read: GET /v1/models */
#define MOCK_SCOPE_MODEL_REQUEST 0x2	/* model.request: chat */

/* One fake key and its behaviour.  Owns every string and array. */
struct mock_key {
	char		 *name;		/* unique name tests use */
	char		 *key;		/* the fake key */
	size_t		  key_len;	/* its length in bytes */
	enum mock_behaviour behaviour;
	char		 *organization;	/* bound org id, or NULL */
	char		 *project;	/* bound project id, or NULL */
	char		 *owner;	/* openai-organization value, or NULL */
	char		**models;	/* NULL-terminated allow-list or NULL */
	unsigned int	  scopes;	/* MOCK_SCOPE_* bits (restricted) */
	long		  times;	/* requests that get it; -1 all */
	long		  used;		/* requests that got it so far */
	long		  retry_after;	/* seconds, for rate-limited */
	long		  latency_ms;	/* delay before each answer */
	bool		  legacy_params; /* rejects max_completion_tokens */
};

/* The whole file.  Owns keys and the model lists.  The "used" counters
 * change while serving: callers that share it serialise. */
struct mock_config {
	char		**models;	/* NULL-terminated: /models lists */
	char		**reasoning;	/* NULL-terminated: reject max_tokens */
	struct mock_key	 *keys;
	size_t		  nkeys;
};

/* ---- loading ---- */
/* Reads and validates the file at path.  Returns a new config (free with
 * mock_config_free), or NULL with *cause set to an allocated message that
 * names the file (caller frees). */
struct mock_config *mock_config_load(const char *path, char **cause);
/* The same for text[0..len) read from a file named name (for messages).
 * Borrows both for the call. */
struct mock_config *mock_config_parse(const char *text, size_t len,
	    const char *name, char **cause);
/* Wipes the keys and frees everything; NULL is a no-op. */
void	 mock_config_free(struct mock_config *c);

/* ---- lookup ---- */
/* The entry whose key is exactly k[0..len), or NULL. */
struct mock_key *mock_config_find(struct mock_config *c, const char *k,
	    size_t len);
/* The entry named name, or NULL. */
struct mock_key *mock_config_named(struct mock_config *c, const char *name);
/* True while k's behaviour still applies: always without "times", else
 * for its first "times" calls (each true call counts one). */
bool	 mock_key_take(struct mock_key *k);
/* True when id is in the NULL-terminated list v (NULL: false). */
bool	 mock_config_has(char *const *v, const char *id);
/* The config name of behaviour b ("no-quota"), never NULL. */
const char *mock_behaviour_name(enum mock_behaviour b);

#endif
