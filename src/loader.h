/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* The programs that read a .env file, each reimplemented as a parser that
 * returns exactly the variables that program would get from the same bytes.
 * One file per loader (loader-<id>.c); loader.c holds the ordered table. */
#ifndef FIX401_LOADER_H
#define FIX401_LOADER_H

#include <stdbool.h>
#include <stddef.h>

enum loader_id {
	LOADER_PYTHON,		/* python-dotenv dotenv_values(path) */
	LOADER_NODE,		/* npm dotenv 15-18 parse(Buffer) */
	LOADER_DOCKER,		/* docker run --env-file (docker/cli kvfile) */
	LOADER_COMPOSE,		/* docker compose env_file: (compose-go) */
	LOADER_SH,		/* POSIX sh: set -a; . ./.env */
	LOADER_COUNT
};

/* One variable as a loader defines it.  All strings are NUL-terminated and
 * owned by the struct loaded that holds the binding. */
struct binding {
	char	*name;		/* the name exactly as the loader keys it */
	char	*value;		/* UTF-8 bytes; NULL: name-only, nothing set */
	size_t	 value_len;	/* bytes in value (a value may hold a NUL) */
	size_t	 offset;	/* byte offset, in the file, of the first
				   byte of the name */
};

/* What one loader made of one file.  Owns everything it points to. */
struct loaded {
	struct binding	*v;		/* in file order, duplicates kept */
	size_t		 n, cap;
	bool		 refused;	/* the program rejects the whole file
					   (docker/compose error, python
					   UnicodeDecodeError) */
	char		*error;		/* the program's own words when refused,
					   untranslated; NULL otherwise */
	size_t		 error_offset;	/* byte offset the error points at */
	size_t		*dropped;	/* offsets of statements the loader
					   skipped, silently or with a warning */
	size_t		 ndropped, dropped_cap;
	bool		 truncated;	/* sh: a syntax error ended reading
					   early (what came before stays set) */
	size_t		 truncated_offset;
};

/* Environment lookup for interpolation and name-only lines: returns the
 * value of name or NULL when unset.  Borrowed for the call. */
typedef const char *(*loader_env_fn)(const char *name, void *arg);

struct loader {
	enum loader_id	 id;
	const char	*name;		/* stable id: "python-dotenv" ... */
	const char	*title;		/* N_() human name */
	/* Parses buf[0..len) (any bytes; not NUL-terminated) into out, which
	 * the caller has zeroed with loaded_init().  env may be NULL (empty
	 * environment).  Never fails: every outcome is recorded in out. */
	void		(*parse)(const char *buf, size_t len, loader_env_fn env,
			    void *arg, struct loaded *out);
};

/* ---- the table ---- */
const struct loader	*loader_get(enum loader_id id);	/* id < COUNT */
const struct loader	*loader_find(const char *name);	/* NULL: unknown */

/* ---- struct loaded lifecycle and building ---- */
void	loaded_init(struct loaded *l);
void	loaded_clear(struct loaded *l);		/* frees all; keeps l usable */
/* Appends a binding; copies name (NUL-terminated) and value (len bytes, or
 * NULL for name-only). */
void	loaded_add(struct loaded *l, const char *name, const char *value,
	    size_t value_len, size_t offset);
/* Same, with a counted name. */
void	loaded_addn(struct loaded *l, const char *name, size_t name_len,
	    const char *value, size_t value_len, size_t offset);
void	loaded_drop(struct loaded *l, size_t offset);
/* Marks the file refused; msg is copied. */
void	loaded_refuse(struct loaded *l, size_t offset, const char *msg);
/* The last binding named name (what the program ends up with), or NULL. */
const struct binding	*loaded_lookup(const struct loaded *l,
			    const char *name);

/* ---- the loaders (one per file) ---- */
extern const struct loader loader_python;
extern const struct loader loader_node;
extern const struct loader loader_docker;
extern const struct loader loader_compose;
extern const struct loader loader_sh;

#endif
