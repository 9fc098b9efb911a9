/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Runs every loader over a .env file, lines up what each one read with the
 * forgiving reading of each assignment, and names the defects. */
#include <config.h>

#include "defect.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

static const struct defect_info infos[DEFECT_COUNT] = {
	[DEFECT_UTF16] = { "utf16", N_("saved as UTF-16"),
	    N_("The file is UTF-16 (PowerShell's echo > .env does this): no "
	    "loader reads a single variable from it, and python-dotenv "
	    "crashes.") },
	[DEFECT_INVALID_UTF8] = { "invalid-utf8", N_("invalid UTF-8"),
	    N_("python-dotenv crashes with UnicodeDecodeError and docker "
	    "refuses the file; npm dotenv and compose put U+FFFD in the "
	    "value.") },
	[DEFECT_LONG_LINE] = { "long-line", N_("a line of 64 KiB or more"),
	    N_("docker run --env-file refuses the whole file (\"token too "
	    "long\"), even for a comment line.") },
	[DEFECT_BARE_CR] = { "bare-cr", N_("old Mac line endings (CR)"),
	    N_("docker, compose and the shell see one long line, so the "
	    "first variable swallows the rest of the file.") },
	[DEFECT_BOM] = { "bom", N_("byte order mark before the name"),
	    N_("python-dotenv and the shell read the name as "
	    "\"\\ufeffOPENAI_API_KEY\", so OPENAI_API_KEY stays unset.") },
	[DEFECT_QUOTED] = { "quoted", N_("value in quotes"),
	    N_("docker run --env-file keeps the quotes as part of the key, "
	    "and the API answers 401.") },
	[DEFECT_SMART_QUOTES] = { "smart-quotes",
	    N_("typographic quotes around the value"),
	    N_("No loader strips curly quotes, so every program sends them "
	    "as part of the key.") },
	[DEFECT_WHITESPACE] = { "whitespace",
	    N_("spaces around the value"),
	    N_("docker keeps leading and trailing blanks; quoted blanks are "
	    "kept by every loader.") },
	[DEFECT_CRLF] = { "crlf", N_("Windows line ending (CRLF)"),
	    N_("A shell that sources the file keeps the CR at the end of the "
	    "value: \"works in Python, 401 from curl\".") },
	[DEFECT_INVISIBLE] = { "invisible",
	    N_("invisible characters in the value"),
	    N_("Zero-width spaces, soft hyphens and no-break spaces are kept "
	    "by the loaders and make the key wrong.") },
	[DEFECT_NAME_STRAY] = { "name-stray-characters",
	    N_("stray characters in the name"),
	    N_("Quotes, invisible or look-alike characters give the variable "
	    "another name (or the line is ignored), so the real name stays "
	    "unset.") },
	[DEFECT_EXPORT] = { "export", N_("\"export\" before the name"),
	    N_("docker run --env-file refuses the whole file: \"variable "
	    "'export ...' contains whitespaces\".") },
	[DEFECT_SHELL_SYNTAX] = { "shell-syntax",
	    N_("shell syntax instead of NAME=value"),
	    N_("set, setx, declare, fish and PowerShell forms are not .env "
	    "syntax: the loaders skip the line or refuse the file.") },
	[DEFECT_SPACES_AROUND_EQUALS] = { "spaces-around-equals",
	    N_("spaces around ="),
	    N_("docker refuses the file, and the shell runs the name as a "
	    "command instead of setting it.") },
	[DEFECT_YAML] = { "yaml", N_("NAME: value instead of NAME=value"),
	    N_("python-dotenv and the shell drop the line, and docker "
	    "refuses the file.") },
	[DEFECT_INLINE_COMMENT] = { "inline-comment",
	    N_("comment after the value"),
	    N_("docker keeps \" # comment\" as part of the value; compose "
	    "keeps a comment after a tab.") },
	[DEFECT_GLUED_COMMENT] = { "glued-comment",
	    N_("# glued to the value"),
	    N_("Only npm dotenv cuts the value at a # without a space; the "
	    "others send \"key#comment\".") },
	[DEFECT_EMPTY_COMMENT] = { "empty-comment",
	    N_("NAME= followed by a comment"),
	    N_("python-dotenv, docker and compose read the comment itself "
	    "as the value.") },
	[DEFECT_UNTERMINATED_QUOTE] = { "unterminated-quote",
	    N_("opening quote without its partner"),
	    N_("python-dotenv drops the line (and may swallow the lines up "
	    "to the next quote), compose refuses the file, the shell stops "
	    "reading, npm and docker keep the quote.") },
	[DEFECT_TEXT_AFTER_QUOTE] = { "text-after-quote",
	    N_("text after the closing quote"),
	    N_("python-dotenv drops the line, npm and docker keep the quotes, "
	    "compose reads the rest as another variable.") },
	[DEFECT_DUPLICATE] = { "duplicate", N_("defined more than once"),
	    N_("Every loader uses the last definition; an old key further "
	    "down silently wins.") },
	[DEFECT_INTERPOLATION] = { "interpolation",
	    N_("$ or ${...} in the value"),
	    N_("python-dotenv, compose and the shell expand it (to nothing "
	    "when unset); npm dotenv and docker send it literally.") },
	[DEFECT_NAME_ONLY] = { "name-only", N_("a name without a value"),
	    N_("Nothing is set by the file: docker and compose copy the "
	    "value from the environment, the others ignore the line.") },
	[DEFECT_NEAR_MISS_NAME] = { "near-miss-name",
	    N_("not the name the SDKs read"),
	    N_("The OpenAI SDKs read only OPENAI_API_KEY; this spelling is "
	    "ignored by them.") },
	[DEFECT_SWALLOWED] = { "swallowed",
	    N_("swallowed by an earlier unterminated quote"),
	    N_("An earlier quote that never closes runs on to a later "
	    "quote: python-dotenv, npm dotenv, compose and the shell read this "
	    "line as part of that value.") },
	[DEFECT_EMPTY] = { "empty", N_("empty value"),
	    N_("An empty key is no key: the SDK refuses to start or the API "
	    "answers \"You didn't provide an API key\".") },
	[DEFECT_DIFFERS] = { "differs", N_("read differently"),
	    N_("Some loaders read another value than the one written; see "
	    "the loader lines.") },
};

const struct defect_info *
defect_info(enum defect_id id)
{
	return &infos[id];
}

/* Upper-cases s into a new string with '-' and ' ' turned into '_'. */
static char *
normal_name(const char *s)
{
	char *u = xstrdup(s);

	for (char *p = u; *p != '\0'; p++)
		*p = *p == '-' || *p == ' ' ? '_' : (char)toupper((unsigned char)*p);
	return u;
}

bool
defect_near_miss(const char *name)
{
	static const char *const misses[] = {
		"OPENAI_API_KEY", "OPENAI_KEY", "OPENAI_APIKEY",
		"OPEN_AI_API_KEY", "OPEN_AI_KEY", "OPENAI_API_TOKEN",
		"OPENAI_TOKEN", "OPENAI_SECRET_KEY", "OPENAI_SECRET",
		"OPENAIAPIKEY", "OPENAI_API_KEYS", "OPENAI_AI_KEY",
	};
	static const char *const framework[] = {
		"NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_",
		"PUBLIC_", "NUXT_", "NUXT_PUBLIC_",
	};
	char *u = normal_name(name), *p = u;
	bool hit = false;

	if (strcmp(name, "OPENAI_API_KEY") == 0) {
		free(u);
		return false;
	}
	for (size_t i = 0; i < sizeof framework / sizeof *framework; i++)
		if (strncmp(p, framework[i], strlen(framework[i])) == 0)
			p += strlen(framework[i]);
	for (size_t i = 0; i < sizeof misses / sizeof *misses && !hit; i++)
		hit = strcmp(p, misses[i]) == 0;
	free(u);
	return hit;
}

bool
defect_relevant_name(const char *name)
{
	char *u = normal_name(name);
	bool hit = strstr(u, "OPENAI") != NULL || strstr(u, "OPEN_AI") != NULL;

	free(u);
	return hit;
}
