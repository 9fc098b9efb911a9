/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Candidates: every place a relevant variable is set (the environment, the
 * .env chain, -e FILE), and which OPENAI_API_KEY each kind of program ends
 * up with.  Pure logic over data the caller gathered: no I/O here. */
#ifndef FIX401_SOURCE_H
#define FIX401_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis.h"
#include "loader.h"

enum source_kind {
	SOURCE_ENV,		/* the environment fix401 runs in */
	SOURCE_DOTENV,		/* the .env python-dotenv would find */
	SOURCE_RCFILE,		/* a shell startup file */
	SOURCE_PID,		/* /proc/PID/environ (--pid) */
	SOURCE_ENVFILE,		/* -e FILE */
};

/* What one loader reads from a candidate's line. */
struct loader_reading {
	bool	 set;		/* false: dropped, or the file is refused */
	size_t	 length;	/* characters */
	char	 fp[9];		/* fingerprint of the value read */
};

/* One place a variable is set.  Owns its strings; value is wiped on
 * free. */
struct candidate {
	char			*name;		/* clean name */
	enum source_kind	 source;
	char			*path;		/* file, or NULL */
	size_t			 line;		/* 1-based; 0 when none */
	char			*value;		/* what the user meant */
	size_t			 value_len;
	bool			 conditional;	/* rcfile: inside a block */
	bool			 dynamic;	/* rcfile: computed ($(...),
						   $VAR): value is the text */
	bool			 unloaded;	/* read by no consumer: a .env.*
						   variant or template, a .env
						   above the first one (any
						   .env with -e), another
						   shell's startup file */
	bool			 unexported;	/* rcfile: the shell keeps the
						   value but never exports it,
						   so programs never see it */
	bool			 cleared;	/* rcfile: an unconditional
						   unset later in read order
						   removes it */
	char			*unset_path;	/* cleared: the file of that
						   unset, else NULL */
	size_t			 unset_line;	/* cleared: its line */
	unsigned long		 defects;	/* 1UL << enum defect_id */
	bool			 has_loaders;	/* file candidates only */
	struct loader_reading	 loaders[LOADER_COUNT];
};

/* The programs whose view of the key fix401 reports. */
enum consumer {
	CONSUMER_LOGIN_SHELL,		/* a login shell started now */
	CONSUMER_PYTHON,		/* load_dotenv(): environment wins */
	CONSUMER_PYTHON_OVERRIDE,	/* load_dotenv(override=True) */
	CONSUMER_NODE,			/* dotenv config(): environment wins */
	CONSUMER_DOCKER,		/* docker run --env-file .env */
	CONSUMER_COMPOSE,		/* compose env_file: .env */
	CONSUMER_COUNT
};

#define NO_WINNER	((size_t)-1)

/* All candidates, and each consumer's OPENAI_API_KEY.  Owns all. */
struct sources {
	struct candidate	*c;
	size_t			 n, cap;
	char			*shell;	/* the login shell ($SHELL's last
					   part) whose startup files are
					   loaded, or NULL: none known */
	size_t			 winner[CONSUMER_COUNT];  /* index, NO_WINNER */
	bool			 refused[CONSUMER_COUNT]; /* file refused */
};

/* ---- consumers ---- */
const char	*consumer_name(enum consumer c);	/* "login-shell" ... */
/* The loader consumer c reads the project .env with (an enum loader_id),
 * or -1: it reads none (a login shell). */
int		 consumer_loader(enum consumer c);

/* ---- building ---- */
void	sources_init(struct sources *s);
void	sources_free(struct sources *s);
/* Adds a candidate (copies every string); returns it for the caller to
 * fill conditional, defects and loaders. */
struct candidate *sources_add(struct sources *s, const char *name,
	    enum source_kind kind, const char *path, size_t line,
	    const char *value, size_t value_len);
/* Adds one candidate per relevant assignment of the analysed file at path,
 * with what each loader reads from its line. */
void	sources_add_file(struct sources *s, enum source_kind kind,
	    const char *path, const struct analysis *an);

/* Masks in place, in each of texts[0..n) (NULL entries skipped), every
 * stretch that repeats SANITIZE_WINDOW characters of a candidate's value
 * (sanitize_values): text from outside that echoes a key found here.
 * Base URLs are left alone: not secret, and error texts quote them. */
void	sources_mask(const struct sources *s, char *const *texts, size_t n);

/* ---- winners ---- */
/* The candidate consumer c ends up with for variable name (NO_WINNER:
 * unset), under the rules of sources_decide; *refused (may be NULL) when
 * c rejects the file.  A login shell ends up with the last startup-file
 * value that is loaded, exported and not cleared, preferring one outside
 * a conditional block. */
size_t	sources_lookup(const struct sources *s, const struct analysis *an,
	    const char *name, enum consumer c, bool dotenv_in_dir, bool pid,
	    bool *refused);
/* Decides each consumer's OPENAI_API_KEY from the candidates already
 * added.  an is the project .env's analysis (NULL when there is none);
 * dotenv_in_dir: that .env is DIR/.env itself, the only one npm dotenv
 * reads.  With pid, the process environment is the answer for all. */
void	sources_decide(struct sources *s, const struct analysis *an,
	    bool dotenv_in_dir, bool pid);

#endif
