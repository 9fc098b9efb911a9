/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The providers table as it sits in memory, shared by provider.c (loading,
 * accessors), provider-key.c and provider-url.c (the lookups).  Private to
 * those files; everyone else goes through provider.h. */
#ifndef FIX401_PROVIDER_TABLE_H
#define FIX401_PROVIDER_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "provider.h"

/* One key kind of a provider; owns its strings. */
struct provider_kind {
	char	*id;		/* "openai-project" */
	char	*prefix;	/* "" for none */
	size_t	 prefix_len;
	char	*contains;	/* a literal after the prefix, or NULL */
	char	*suffix;	/* a literal the key ends with, or NULL */
	bool	 any_char;	/* no charset: printable ASCII but space */
	bool	 allowed[128];	/* the charset after the prefix */
	size_t	*lengths;	/* known total lengths in characters */
	size_t	 nlengths;
	bool	 api_key;	/* false for look-alikes (sess-) */
	bool	 fallback;	/* only when no sibling with the prefix fits */
};

/* One provider; owns everything it points at. */
struct provider {
	char	*id;
	char	*name;
	char	*base_url;	/* NULL when there is no default */
	char	*model;		/* NULL when not known */
	enum provider_auth auth;
	char	**hosts;	/* NULL-terminated host patterns */
	char	**env;		/* NULL-terminated variable names */
	struct provider_kind *kinds;
	size_t	 nkinds;
};

/* The whole table; owns every provider. */
struct providers {
	struct provider *v;	/* owned, n of them */
	size_t	 n;
};

#endif
