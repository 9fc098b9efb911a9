/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The providers table (data/providers.json): which service a key or a
 * base URL belongs to, how its keys look and how it authenticates.  Reads
 * one file; the lookups are pure and never keep or print a key. */
#ifndef FIX401_PROVIDER_H
#define FIX401_PROVIDER_H

#include <stdbool.h>
#include <stddef.h>

struct providers;	/* the loaded table; owns every provider and string */
struct provider;	/* one service; lives as long as its table */

enum provider_auth {
	PROVIDER_AUTH_BEARER,	/* Authorization: Bearer KEY */
	PROVIDER_AUTH_API_KEY	/* api-key: KEY (Azure) */
};

/* What a value offered as an API key turned out to be. */
enum key_id_class {
	KEY_ID_KEY,		/* an API key (see provider, kind, length) */
	KEY_ID_EMPTY,		/* nothing at all */
	KEY_ID_PLACEHOLDER,	/* sk-your-key-here, None, <KEY> ... */
	KEY_ID_URL,		/* a URL pasted as the key */
	KEY_ID_PROSE,		/* words with spaces between them */
	KEY_ID_ORG_ID,		/* an organization id, org-... */
	KEY_ID_PROJECT_ID,	/* a project id, proj_... */
	KEY_ID_SESSION,		/* a ChatGPT session token, sess-... */
	KEY_ID_UNKNOWN		/* no known prefix or shape */
};

/* How the key's length compares with its kind's known lengths. */
enum key_id_length {
	KEY_LEN_UNKNOWN,	/* the kind lists no lengths */
	KEY_LEN_OK,		/* one of the known lengths */
	KEY_LEN_SHORT,		/* not one, but shorter than the longest:
				   most likely cut off (150 of 164) */
	KEY_LEN_LONG		/* longer than all of them */
};

/* The verdict on one value.  The pointers borrow from the table and stay
 * valid until providers_free; nothing here holds any of the key. */
struct key_id {
	enum key_id_class cls;
	const struct provider *provider;	/* NULL when not known */
	const char	*kind;		/* "openai-project" ...; NULL if none */
	size_t		 length;	/* in characters (code points) */
	enum key_id_length length_fit;
	bool		 charset_ok;	/* every character after the prefix
					   is allowed for the kind */
	bool		 marker_ok;	/* holds the kind's marker (T3BlbkFJ)
					   and suffix, or it has none */
};

/* ---- the table ---- */
/* Loads path, or when path is NULL $FIX401_DATADIR/providers.json if that
 * is set, else PKGDATADIR/providers.json.  Returns a new table (free with
 * providers_free), or NULL with *cause set to a message the caller frees
 * for a missing, unreadable or malformed file. */
struct providers *providers_load(const char *path, char **cause);
/* Frees the table and everything in it; NULL is a no-op. */
void	 providers_free(struct providers *ps);
/* The number of providers, and the i-th in file order. */
size_t	 providers_count(const struct providers *ps);
const struct provider *providers_get(const struct providers *ps, size_t i);
/* The provider with this id ("openai"), or NULL. */
const struct provider *provider_find(const struct providers *ps,
	    const char *id);

/* ---- lookups (the value and url are borrowed for the call) ---- */
/* Classifies v[0..len) as offered for an API key and fills *out. */
void	 provider_identify_key(const struct providers *ps, const char *v,
	    size_t len, struct key_id *out);
/* The provider whose hosts match url's host (and port), or NULL. */
const struct provider *provider_for_url(const struct providers *ps,
	    const char *url);
/* What the table knows of one key kind.  Borrowed from the table. */
struct key_kind {
	const size_t	*lengths;	/* known lengths in characters */
	size_t		 nlengths;
	bool		 fallback;	/* taken only when no sibling fits */
};
/* Fills *out for the kind named kind (a struct key_id's kind); false when
 * no provider has it. */
bool	 provider_key_kind(const struct providers *ps, const char *kind,
	    struct key_kind *out);
/* True when url's host is a loopback address (localhost, 127.x, ::1). */
bool	 provider_url_loopback(const char *url);

/* ---- one provider (strings borrowed from the table) ---- */
const char *provider_id(const struct provider *p);
const char *provider_name(const struct provider *p);
enum provider_auth provider_auth(const struct provider *p);
/* The default base URL, or NULL when there is none (Azure). */
const char *provider_base_url(const struct provider *p);
/* The cheap chat model for a test completion, or NULL if not known. */
const char *provider_model(const struct provider *p);
/* The conventional key variables, NULL-terminated (maybe just NULL). */
const char *const *provider_env(const struct provider *p);

#endif
