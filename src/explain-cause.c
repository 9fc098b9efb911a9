/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* --explain, second half: the server's key mask, the cues that name a
 * cause (SPEC 6; reference 6), matching the mask against known values,
 * and the cause table. */
#include <config.h>

#include "explain.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "key.h"
#include "utf8.h"
#include "xalloc.h"

/* ---- the server's mask ---- */

/* True when code points [8, chars - 4) of the mask are all '*', so its
 * length is the key's. */
static bool
stars_between(const char *m, size_t n, size_t chars)
{
	size_t a = utf8_offset(m, n, 8), b = utf8_offset(m, n, chars - 4);

	for (size_t i = a; i < b; i++)
		if (m[i] != '*')
			return false;
	return b > a;
}

static void
read_mask(struct explained *e, const char *p, size_t n, bool deepseek)
{
	size_t chars = utf8_length(p, n);

	e->mask = xmemdup(p, n);
	if (deepseek) {
		e->mask_kind = EXPLAIN_MASK_DEEPSEEK;
	} else if (e->shape == EXPLAIN_SHAPE_XAI || (n == 7 &&
	    !memcmp(p + 2, "***", 3) && p[1] != '*' && p[5] != '*')) {
		e->mask_kind = EXPLAIN_MASK_XAI;
	} else if (chars <= KEY_SHORT && !memchr(p, '*', n) &&
	    !memmem(p, n, "\xe2\x80\xa6", 3) && !memmem(p, n, "...", 3)) {
		/* Real keys are longer, so any whole echo is a stand-in. */
		e->mask_kind = EXPLAIN_MASK_WHOLE;
		e->mask_key_len = chars;
		e->placeholder_echo = true;
	} else {
		e->mask_kind = EXPLAIN_MASK_OPENAI;
		if (chars > KEY_SHORT && stars_between(p, n, chars))
			e->mask_key_len = chars;
	}
}

/* Masks an echo at e->message + at (n bytes) of more than 12 characters
 * that shows more than its ends (a proxy echoing a key whole, which
 * sanitize_keys missed for want of a known prefix).  Returns the echo's
 * new length in bytes. */
static size_t
mask_whole_echo(struct explained *e, size_t at, size_t n)
{
	const char *p = e->message + at;
	size_t chars = utf8_length(p, n);
	char *m, *msg;

	if (chars <= KEY_SHORT || stars_between(p, n, chars) ||
	    memmem(p, n, "\xe2\x80\xa6", 3) || memmem(p, n, "...", 3))
		return n;
	m = key_openai_mask(p, n);
	msg = xasprintf("%.*s%s%s", (int)at, e->message, m, p + n);
	n = strlen(m);
	free(m);
	free(e->message);
	e->message = msg;
	return n;
}

/* Finds the key echo in "Incorrect API key provided: MASK. You can ..."
 * (OpenAI, xAI) or "Your api key: ****18b is invalid" (DeepSeek). */
static void
find_mask(struct explained *e)
{
	static const char oa[] = "Incorrect API key provided: ";
	static const char ds[] = "Your api key: ";
	const char *p, *end;
	size_t at, n;

	if (e->message == NULL)
		return;
	p = strstr(e->message, oa);
	if (p != NULL) {
		p += sizeof oa - 1;
		end = strstr(p, ". You can ");
		if (end == NULL)
			end = strrchr(p, '.');
		at = (size_t)(p - e->message);
		n = mask_whole_echo(e, at, end ? (size_t)(end - p) : strlen(p));
		read_mask(e, e->message + at, n, false);
		return;
	}
	p = strstr(e->message, ds);
	if (p != NULL) {
		p += sizeof ds - 1;
		end = strstr(p, " is invalid");
		read_mask(e, p, end ? (size_t)(end - p) : strcspn(p, " "),
		    true);
	}
}

/* ---- causes ---- */

/* A cue: an error code (or type) and/or words in the message. */
struct cue {
	const char	*code;	/* error.code or error.type, or NULL */
	const char	*text;	/* in the message, any case, or NULL */
	enum explain_cause cause;
};

/* First match wins: specific codes before generic words. */
static const struct cue cues[] = {
	{ "mismatched_organization", "should match organization",
	    EXPLAIN_MISMATCHED_ORG },
	{ NULL, "No such organization", EXPLAIN_MISMATCHED_ORG },
	{ "mismatched_project", "should match project",
	    EXPLAIN_MISMATCHED_PROJECT },
	{ "no_organization", "must be a member of an organization",
	    EXPLAIN_NO_ORG },
	{ "account_deactivated", "has been deactivated", EXPLAIN_DEACTIVATED },
	{ NULL, "associated with a deactivated account", EXPLAIN_DEACTIVATED },
	{ NULL, "Missing scopes", EXPLAIN_MISSING_SCOPES },
	{ NULL, "insufficient permissions", EXPLAIN_MISSING_SCOPES },
	{ NULL, "IP not authorized", EXPLAIN_IP_NOT_ALLOWED },
	{ NULL, "IP allowlist", EXPLAIN_IP_NOT_ALLOWED },
	{ "unsupported_country_region_territory", "territory not supported",
	    EXPLAIN_REGION },
	{ "model_not_found", "does not have access to model",
	    EXPLAIN_MODEL_NOT_FOUND },
	{ NULL, "does not exist or you do not have access",
	    EXPLAIN_MODEL_NOT_FOUND },
	{ "unsupported_parameter", "Unsupported parameter",
	    EXPLAIN_UNSUPPORTED_PARAM },
	{ "unsupported_value", "Unsupported value", EXPLAIN_UNSUPPORTED_PARAM },
	{ "insufficient_quota", "exceeded your current quota", EXPLAIN_QUOTA },
	{ "credit_balance_exhausted", NULL, EXPLAIN_QUOTA },
	{ "organization_spend_limit_exceeded", NULL, EXPLAIN_QUOTA },
	{ "project_spend_limit_exceeded", NULL, EXPLAIN_QUOTA },
	{ "organization_usage_limit_exceeded", NULL, EXPLAIN_QUOTA },
	{ "rate_limit_exceeded", "Rate limit reached", EXPLAIN_RATE_LIMIT },
	{ "slow_down", NULL, EXPLAIN_RATE_LIMIT },
	{ NULL, "Missing bearer", EXPLAIN_NO_KEY },
	{ NULL, "didn't provide an API key", EXPLAIN_NO_KEY },
	{ NULL, "auth credentials found", EXPLAIN_NO_KEY },
	{ NULL, "Missing Authentication header", EXPLAIN_NO_KEY },
	{ NULL, "Invalid Authorization header", EXPLAIN_NO_KEY },
	{ NULL, "Illegal header value", EXPLAIN_KEY_WHITESPACE },
	{ NULL, "Invalid character in header content", EXPLAIN_KEY_WHITESPACE },
	{ NULL, "invalid header field value", EXPLAIN_KEY_WHITESPACE },
};

/* Words of a refused key in other providers' bodies. */
static const char *const refused[] = {
	"Incorrect API key", "Invalid API key", "invalid x-api-key",
	"API key not valid", "User not found", "invalid subscription key",
	"Authentication Fails", "Invalid bearer token", "Unauthorized",
};

static bool
has_ci(const char *s, const char *w)
{
	return s != NULL && strcasestr(s, w) != NULL;
}

static bool
is(const char *s, const char *w)
{
	return s != NULL && strcmp(s, w) == 0;
}

static enum explain_cause
cue_cause(const struct explained *e)
{
	for (size_t i = 0; i < sizeof cues / sizeof *cues; i++) {
		const struct cue *c = &cues[i];

		if (c->code != NULL && (is(e->code, c->code) ||
		    is(e->type, c->code)))
			return c->cause;
		if (c->text != NULL && has_ci(e->message, c->text))
			return c->cause;
	}
	return EXPLAIN_UNKNOWN;
}

static bool
has_quote(const char *m)
{
	size_t n = strlen(m), i = 0;
	int32_t cp;

	while (i < n) {
		i += utf8_decode(m + i, n - i, &cp);
		if (cp == '"' || cp == '\'' || uc_smart_quote(cp))
			return true;
	}
	return false;
}

/* True when the mask's prefix is an OpenAI key type of known lengths and
 * the key sent had none of them. */
static bool
odd_length(const struct explained *e)
{
	static const struct {
		const char	*head;
		size_t		 len[3];
	} kinds[] = {
		{ "sk-proj-", { 56, 132, 164 } },
		{ "sk-svcac", { 135, 167, 0 } },
		{ "sk-admin", { 133, 165, 0 } },
	};

	if (e->mask_kind != EXPLAIN_MASK_OPENAI || e->mask_key_len == 0)
		return false;
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		if (strncmp(e->mask, kinds[i].head, 8) != 0)
			continue;
		for (size_t j = 0; j < 3; j++)
			if (kinds[i].len[j] == e->mask_key_len)
				return false;
		return true;
	}
	return false;
}

static enum explain_cause
mask_cause(const struct explained *e)
{
	static const char *const other[] = {
		"sk-or-v1", "gsk_", "xai-", "sk-ant-", "AIza",
	};

	if (e->mask == NULL)
		return EXPLAIN_UNKNOWN;
	if (e->placeholder_echo)
		return EXPLAIN_PLACEHOLDER;
	if (has_quote(e->mask))
		return EXPLAIN_QUOTES_SENT;
	for (size_t i = 0; i < sizeof other / sizeof *other; i++)
		if (strncmp(e->mask, other[i], strlen(other[i])) == 0)
			return EXPLAIN_OTHER_PROVIDER;
	/* xAI showing "sk***..": an OpenAI-style key went to xAI. */
	if (e->mask_kind == EXPLAIN_MASK_XAI && strncmp(e->mask, "sk", 2) == 0)
		return EXPLAIN_OTHER_PROVIDER;
	if (odd_length(e))
		return EXPLAIN_TRUNCATED_KEY;
	return EXPLAIN_UNKNOWN;
}

/* A 401 that OpenAI did not send: pasted headers lack www-authenticate
 * around an OpenAI-looking (or no) body, or there was no body at all. */
static bool
from_proxy(const struct explained *e)
{
	bool plain = e->shape == EXPLAIN_SHAPE_NONE ||
	    e->shape == EXPLAIN_SHAPE_OPENAI;

	if (e->status != 401 || e->www_authenticate)
		return false;
	return (e->headers_seen && plain) ||
	    (e->message == NULL && e->shape == EXPLAIN_SHAPE_NONE);
}

static enum explain_cause
classify(const struct explained *e)
{
	enum explain_cause c;

	if (e->shape == EXPLAIN_SHAPE_HTML || (e->status >= 300 &&
	    e->status < 400) || (e->shape == EXPLAIN_SHAPE_TEXT &&
	    !e->www_authenticate))
		return EXPLAIN_NOT_OPENAI;
	c = cue_cause(e);
	if (c == EXPLAIN_UNKNOWN)
		c = mask_cause(e);
	if (c != EXPLAIN_UNKNOWN)
		return c;
	if (from_proxy(e))
		return EXPLAIN_PROXY;
	if (e->status == 429)	/* without insufficient_quota's code */
		return EXPLAIN_RATE_LIMIT;
	if (e->mask != NULL || e->status == 401 || is(e->code,
	    "invalid_api_key"))
		return EXPLAIN_WRONG_KEY;
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
		if (has_ci(e->message, refused[i]))
			return EXPLAIN_WRONG_KEY;
	return EXPLAIN_UNKNOWN;
}

void
explain_classify(struct explained *e)
{
	if (e->mask == NULL)
		find_mask(e);
	e->cause = classify(e);
}

/* ---- matching the mask against known values ---- */

/* The mask's visible ends: its first h and last t characters. */
struct ends {
	const char	*head, *tail;
	size_t		 hn, tn;	/* bytes */
	size_t		 h, t;	/* characters */
};

static void
mask_ends(const struct explained *e, struct ends *x)
{
	size_t n = strlen(e->mask), chars = utf8_length(e->mask, n);

	x->h = e->mask_kind == EXPLAIN_MASK_OPENAI ? 8 :
	    e->mask_kind == EXPLAIN_MASK_XAI ? 2 : 0;
	x->t = e->mask_kind == EXPLAIN_MASK_XAI ? 2 : 4;
	x->head = e->mask;
	x->hn = utf8_offset(e->mask, n, x->h);
	x->tail = e->mask +
	    utf8_offset(e->mask, n, chars > x->t ? chars - x->t : 0);
	x->tn = (size_t)(e->mask + n - x->tail);
}

/* True when m[0..mn) is code points [from, from + cnt) of v. */
static bool
sub_eq(const char *m, size_t mn, const char *v, size_t len, size_t from,
    size_t cnt)
{
	size_t a = utf8_offset(v, len, from), b = utf8_offset(v, len, from + cnt);

	return b - a == mn && memcmp(m, v + a, mn) == 0;
}

/* True when the mask's ends are those of q v q (q 0: no quotes). */
static bool
ends_match(const struct ends *x, const char *v, size_t len, size_t chars,
    char q)
{
	size_t qn = q != 0;

	if (qn && (x->tn == 0 || x->tail[x->tn - 1] != q))
		return false;
	if (x->h > 0 && ((qn && x->head[0] != q) || !sub_eq(x->head + qn,
	    x->hn - qn, v, len, 0, x->h - qn)))
		return false;
	return chars >= x->t - qn && sub_eq(x->tail, x->tn - qn, v, len,
	    chars - (x->t - qn), x->t - qn);
}

/* True when the key sent (L characters) is a cut or lengthened copy of v:
 * a prefix of it, a suffix of it, or both ends kept. */
static bool
cut_from(const struct ends *x, size_t L, const char *v, size_t len,
    size_t chars)
{
	if (L == chars)
		return false;
	if (L < chars && sub_eq(x->head, x->hn, v, len, 0, 8) &&
	    sub_eq(x->tail, x->tn, v, len, L - 4, 4))
		return true;
	if (L < chars && sub_eq(x->tail, x->tn, v, len, chars - 4, 4) &&
	    sub_eq(x->head, x->hn, v, len, chars - L, 8))
		return true;
	return ends_match(x, v, len, chars, 0);
}

/* A value echoed whole (12 characters or fewer). */
static enum explain_match_kind
match_whole(const char *m, const char *v, size_t len)
{
	size_t mn = strlen(m);

	if (mn == len && memcmp(m, v, len) == 0)
		return EXPLAIN_MATCH_EXACT;
	if (mn == len + 2 && (m[0] == '"' || m[0] == '\'') &&
	    m[mn - 1] == m[0] && memcmp(m + 1, v, len) == 0)
		return EXPLAIN_MATCH_QUOTED;
	/* More than a type prefix ("sk-proj-") must agree. */
	if (mn > 8 && mn < len && memcmp(m, v, mn) == 0)
		return EXPLAIN_MATCH_TRUNCATED;
	return EXPLAIN_MATCH_NONE;
}

enum explain_match_kind
explain_match_kind(const struct explained *e, const struct explain_candidate *c)
{
	size_t L = e->mask_key_len, chars;
	bool openai = e->mask_kind == EXPLAIN_MASK_OPENAI;
	struct ends x;

	if (e->mask == NULL || c->value == NULL)
		return EXPLAIN_MATCH_NONE;
	if (e->mask_kind == EXPLAIN_MASK_WHOLE)
		return match_whole(e->mask, c->value, c->len);
	mask_ends(e, &x);
	chars = utf8_length(c->value, c->len);
	/* OpenAI masks only values over 12 characters. */
	if ((!openai || chars > KEY_SHORT) && (L == 0 || L == chars) &&
	    ends_match(&x, c->value, c->len, chars, 0))
		return EXPLAIN_MATCH_EXACT;
	for (const char *q = "\"'"; *q != '\0'; q++)
		if ((!openai || chars + 2 > KEY_SHORT) && (L == 0 ||
		    L == chars + 2) && ends_match(&x, c->value, c->len,
		    chars, *q))
			return EXPLAIN_MATCH_QUOTED;
	if (openai && L > KEY_SHORT && cut_from(&x, L, c->value, c->len,
	    chars))
		return EXPLAIN_MATCH_TRUNCATED;
	return EXPLAIN_MATCH_NONE;
}

int
explain_match(const struct explained *e, const struct explain_candidate *c,
    size_t n)
{
	/* Rank of each kind: exact beats quoted beats truncated. */
	static const int rank[] = {
		[EXPLAIN_MATCH_NONE] = 0, [EXPLAIN_MATCH_TRUNCATED] = 1,
		[EXPLAIN_MATCH_QUOTED] = 2, [EXPLAIN_MATCH_EXACT] = 3,
	};
	int best = -1, best_rank = 0;

	for (size_t i = 0; i < n; i++) {
		int r = rank[explain_match_kind(e, &c[i])];

		if (r > best_rank) {
			best = (int)i;
			best_rank = r;
		}
	}
	return best;
}

enum explain_cause
explain_refine(const struct explained *e, enum explain_match_kind k)
{
	if (e->mask == NULL || (e->cause != EXPLAIN_WRONG_KEY &&
	    e->cause != EXPLAIN_TRUNCATED_KEY))
		return e->cause;
	switch (k) {
	case EXPLAIN_MATCH_QUOTED:
		return EXPLAIN_QUOTES_SENT;
	case EXPLAIN_MATCH_TRUNCATED:
		return EXPLAIN_TRUNCATED_KEY;
	case EXPLAIN_MATCH_NONE:
		return EXPLAIN_STALE_KEY;
	default:
		return e->cause;
	}
}

/* ---- tables ---- */

/* TRANSLATORS: in these texts, keep variable names (OPENAI_ORG_ID),
 * header names (www-authenticate) and parameter names as they are. */
static const struct explain_cause_info infos[EXPLAIN_CAUSE_COUNT] = {
	[EXPLAIN_UNKNOWN] = { "unknown", N_("cause not recognised"),
	    N_("fix401 could not tell what went wrong from this text. Run "
	    "fix401 --check to test the key directly.") },
	[EXPLAIN_WRONG_KEY] = { "wrong-key", N_("key rejected"),
	    N_("The server does not accept this key: it is mistyped, revoked "
	    "or deleted. Create a new key and replace the old value.") },
	[EXPLAIN_TRUNCATED_KEY] = { "truncated-key", N_("key cut short"),
	    N_("The key that was sent is not as long as a whole key: part of "
	    "it was lost when it was copied. Copy the whole key again.") },
	[EXPLAIN_STALE_KEY] = { "stale-key", N_("another key was sent"),
	    N_("The key in the error matches none of the values fix401 "
	    "found: an old key set elsewhere (a shell profile, the system "
	    "environment, an IDE setting) won. Find it and remove it.") },
	[EXPLAIN_NO_KEY] = { "no-key", N_("no key sent"),
	    N_("The request carried no API key: the variable was empty or "
	    "unset where the program ran, or a proxy removed the "
	    "Authorization header.") },
	[EXPLAIN_QUOTES_SENT] = { "quotes-sent", N_("quotes sent with the key"),
	    N_("The key was sent with quote characters around it, usually "
	    "because a loader such as docker --env-file keeps the quotes "
	    "written in .env. Remove the quotes.") },
	[EXPLAIN_OTHER_PROVIDER] = { "other-provider",
	    N_("another provider's key"),
	    N_("The key belongs to a different provider (OpenRouter, Groq, "
	    "xAI, Anthropic, Google...) from the server that got it. Set the "
	    "matching base URL, or use that server's key.") },
	[EXPLAIN_PLACEHOLDER] = { "placeholder", N_("a placeholder was sent"),
	    N_("The server got a short stand-in such as undefined, None or "
	    "lm-studio instead of a key: the variable was not set where the "
	    "program read it, or a local server's dummy key went to the real "
	    "API.") },
	[EXPLAIN_KEY_WHITESPACE] = { "key-whitespace",
	    N_("space or line break in the key"),
	    N_("The HTTP library refused to send the key because it holds a "
	    "space, tab or line break, often a trailing newline or a CR from "
	    "a file saved on Windows. Remove it.") },
	[EXPLAIN_MISMATCHED_ORG] = { "mismatched-organization",
	    N_("wrong organization"),
	    N_("The organization sent (OPENAI_ORG_ID or the "
	    "OpenAI-Organization header) is not one the key belongs to. "
	    "Unset it or correct it.") },
	[EXPLAIN_MISMATCHED_PROJECT] = { "mismatched-project",
	    N_("wrong project"),
	    N_("The project sent (OPENAI_PROJECT_ID or the OpenAI-Project "
	    "header) is not the key's project. Unset it or correct it.") },
	[EXPLAIN_NO_ORG] = { "no-organization", N_("no organization"),
	    N_("The account is not a member of any organization. Join or "
	    "create one; a new key will not help.") },
	[EXPLAIN_DEACTIVATED] = { "account-deactivated",
	    N_("account deactivated"),
	    N_("The account that owns the key is deactivated. Check your "
	    "email or contact support; a new key will not help.") },
	[EXPLAIN_MISSING_SCOPES] = { "missing-scopes", N_("key lacks a scope"),
	    N_("The key is valid but restricted: it lacks a permission this "
	    "request needs. Give it the scope in the key's settings, or "
	    "check your role in the project.") },
	[EXPLAIN_IP_NOT_ALLOWED] = { "ip-not-authorized",
	    N_("IP address not allowed"),
	    N_("The organization or project accepts requests only from listed "
	    "IP addresses, and this one is not listed. Add it to the allow "
	    "list (a change can take 15 minutes).") },
	[EXPLAIN_REGION] = { "unsupported-region", N_("unsupported region"),
	    N_("The API is not offered where the request came from. A VPN or "
	    "proxy may route it through an unsupported country.") },
	[EXPLAIN_MODEL_NOT_FOUND] = { "model-not-found", N_("model not found"),
	    N_("The model does not exist, or the key's project may not use "
	    "it. Check the model name and the project's allowed models.") },
	[EXPLAIN_UNSUPPORTED_PARAM] = { "unsupported-parameter",
	    N_("unsupported parameter"),
	    N_("A request parameter or value does not suit this model, for "
	    "example max_tokens on newer models (use max_completion_tokens). "
	    "The key is fine.") },
	[EXPLAIN_QUOTA] = { "insufficient-quota", N_("no credit left"),
	    N_("The account has no credit or reached its spending limit. Add "
	    "credit or raise the limit in the billing settings; retrying will "
	    "not help.") },
	[EXPLAIN_RATE_LIMIT] = { "rate-limit", N_("rate limit"),
	    N_("Too many requests or tokens per minute. Wait and retry more "
	    "slowly; the key is fine.") },
	[EXPLAIN_NOT_OPENAI] = { "not-openai", N_("not an OpenAI API"),
	    N_("The answer was an HTML page, another non-JSON body or a "
	    "redirect: the base URL does not point to an OpenAI-compatible "
	    "API. Check OPENAI_BASE_URL.") },
	[EXPLAIN_PROXY] = { "proxy", N_("a proxy answered"),
	    N_("This 401 did not come from OpenAI (no www-authenticate header, "
	    "or no body): a proxy or gateway answered. Check the proxy "
	    "settings and the base URL.") },
};

const struct explain_cause_info *
explain_cause_info(enum explain_cause c)
{
	return &infos[c < EXPLAIN_CAUSE_COUNT ? c : EXPLAIN_UNKNOWN];
}

const char *
explain_shape_id(enum explain_shape s)
{
	static const char *const ids[EXPLAIN_SHAPE_COUNT] = {
		"none", "openai", "azure", "openrouter", "gemini", "mistral",
		"xai", "anthropic", "vllm", "deepseek", "html", "text",
	};

	return ids[s < EXPLAIN_SHAPE_COUNT ? s : EXPLAIN_SHAPE_NONE];
}
