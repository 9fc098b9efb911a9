/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* Untrusted text made safe to show: controls, escape sequences, bidi
 * overrides, invalid UTF-8, the length cap, key masking, values found on
 * this machine, and URLs. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "unit.h"

/* Checks that sanitizing in[0..n) gives exp (and its length). */
static void
expect(const char *in, size_t n, const char *exp, int line)
{
	size_t len = 12345;
	char *out = sanitize_text(in, n, &len);

	unit_mem(exp, strlen(exp), out, strlen(out), "sanitize_text",
	    __FILE__, line);
	unit_long((long)strlen(out), (long)len, "outlen", __FILE__, line);
	free(out);
}

#define EXPECT(in, exp)	expect((in), sizeof(in) - 1, (exp), __LINE__)

static void
test_controls(void)
{
	EXPECT("plain text", "plain text");
	EXPECT("", "");
	/* TAB and LF become spaces; CR and other C0 controls and DEL go. */
	EXPECT("a\tb\nc\r\nd", "a b c d");
	EXPECT("a\x01\x07\x08\x7f" "b", "ab");
	EXPECT("nul\0byte", "nulbyte");
	/* C1 controls as UTF-8 (U+0085 NEL, U+0080) are removed. */
	EXPECT("x\xc2\x85y\xc2\x80z", "xyz");
	/* Raw C1 bytes are invalid UTF-8: each shows as U+FFFD. */
	EXPECT("x\x9by", "x\xef\xbf\xbdy");
	/* Printable non-ASCII stays. */
	EXPECT("caf\xc3\xa9 \xe2\x80\xa6 \xf0\x9f\x94\x91",
	    "caf\xc3\xa9 \xe2\x80\xa6 \xf0\x9f\x94\x91");
}

static void
test_escapes(void)
{
	/* CSI: colours, cursor moves, erase, private modes. */
	EXPECT("\x1b[31mred\x1b[0m", "red");
	EXPECT("\x1b[2J\x1b[H" "clear", "clear");
	EXPECT("\x1b[?1049hALT\x1b[?25l", "ALT");
	EXPECT("a\x1b[38;5;196mb", "ab");
	/* OSC ended by BEL or by ESC \; a hyperlink keeps only its text. */
	EXPECT("\x1b]0;evil title\x07ok", "ok");
	EXPECT("\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\", "link");
	/* DCS and APC strings. */
	EXPECT("a\x1bPq#0;2;0;0;0\x1b\\b", "ab");
	EXPECT("a\x1b_payload\x1b\\b", "ab");
	/* Short ESC sequences: charset, reset, keypad. */
	EXPECT("\x1b(Bx\x1b" "cy\x1b=z", "xyz");
	/* An unterminated OSC swallows the rest, as a terminal would. */
	EXPECT("ok\x1b]0;never ends", "ok");
	/* A lone ESC at the end, and a CSI cut short by a control. */
	EXPECT("end\x1b", "end");
	EXPECT("a\x1b[12\nb", "a b");
	/* C1 forms: U+009B CSI, U+009D OSC ended by U+009C ST. */
	EXPECT("a\xc2\x9b" "31mb", "ab");
	EXPECT("a\xc2\x9d" "0;t\xc2\x9c" "b", "ab");
}

static void
test_bidi_utf8(void)
{
	/* RLO would show "txt.exe" reversed; LRE..PDF and isolates too. */
	EXPECT("a\xe2\x80\xae" "exe.txt", "aexe.txt");
	EXPECT("\xe2\x80\xaa" "x\xe2\x80\xac", "x");
	EXPECT("\xe2\x81\xa6" "y\xe2\x81\xa9", "y");
	EXPECT("\xe2\x81\xa7\xe2\x81\xa8z", "z");
	/* Invalid UTF-8: one U+FFFD per maximal subpart. */
	EXPECT("a\xffz", "a\xef\xbf\xbdz");
	EXPECT("a\xe2\x80z", "a\xef\xbf\xbdz");
	EXPECT("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	EXPECT("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd");
	EXPECT("cut\xf0\x9f", "cut\xef\xbf\xbd");
}

static void
test_cap(void)
{
	char *s;
	size_t n;

	s = sanitize_text_max("abcdef", 6, 4, &n);
	CHECK_STR("abc\xe2\x80\xa6", s);
	CHECK_INT(6, n);
	free(s);
	s = sanitize_text_max("abcd", 4, 4, NULL);
	CHECK_STR("abcd", s);
	free(s);
	s = sanitize_text_max("abcd", 4, 0, NULL);
	CHECK_STR("abcd", s);
	free(s);
	/* The cap counts characters after cleaning, never splits one. */
	s = sanitize_text_max("\x1b[1m\xc3\xa9\xc3\xa9\xc3\xa9", 10, 2, NULL);
	CHECK_STR("\xc3\xa9\xe2\x80\xa6", s);
	free(s);
	s = sanitize_text_max("xyz", 3, 1, NULL);
	CHECK_STR("\xe2\x80\xa6", s);
	free(s);
}

static void
test_keys(void)
{
	char s1[] = "key sk-proj-abcdefghijklmnop1234 end";
	char s2[] = "Authorization: Bearer 0123456789abcdef0123456789abcdef";
	char s3[] = "api-key: 0123456789abcdef0123 OPENAI_API_KEY="
	    "abcdefghijklmnopq";
	char s4[] = "sk-proj-****1234 gsk_short req_0123456789abcdef0123456789";
	char s5[] = "xai-ABCDEFGHIJKLMN,AIzaSyABCDEFGHIJ";

	sanitize_keys(s1);
	CHECK_STR("key sk-proj-****************1234 end", s1);
	sanitize_keys(s2);
	CHECK_STR("Authorization: Bearer 01234567********************cdef",
	    s2);
	sanitize_keys(s3);
	CHECK_STR("api-key: 01234567********0123 OPENAI_API_KEY=abcdefgh*****"
	    "nopq", s3);
	/* Masks, short values and other ids stay as they are. */
	sanitize_keys(s4);
	CHECK_STR("sk-proj-****1234 gsk_short req_0123456789abcdef0123456789",
	    s4);
	sanitize_keys(s5);
	CHECK_STR("xai-ABCD******KLMN,AIzaSyAB****GHIJ", s5);
}

/* Keys without a prefix, written as the value of a label. */
static void
test_labels(void)
{
	char s1[] = "api_key='0123456789abcdef0123456789abcdef' x";
	char s2[] = "{\"api_key\": \"ABCDEFGHIJKLMNOPQRSTUV\"}";
	char s3[] = "apiKey = \"abcdefghijklmnop\", token: qwertyuiopasdfgh";
	char s4[] = "monkey_business: a-very-long-word-here but id: "
	    "0123456789abcdef0";
	char s5[] = "(FAKEfake0123456789abcdefABCDEF0123cdEF) "
	    "req_0123456789abcdef0123456789abcdef0123";

	sanitize_keys(s1);
	CHECK_STR("api_key='01234567********************cdef' x", s1);
	sanitize_keys(s2);
	CHECK_STR("{\"api_key\": \"ABCDEFGH**********STUV\"}", s2);
	sanitize_keys(s3);
	CHECK_STR("apiKey = \"abcdefgh****mnop\", token: qwertyui****dfgh",
	    s3);
	/* an id label is no key label */
	sanitize_keys(s4);
	CHECK(strstr(s4, "id: 0123456789abcdef0") != NULL);
	/* a long token mixing cases and digits is a secret, whatever it
	   follows; a long hex id is not */
	sanitize_keys(s5);
	CHECK_STR("(FAKEfake**************************cdEF) "
	    "req_0123456789abcdef0123456789abcdef0123", s5);
}

static void
test_values(void)
{
	const char *v[] = { "0123456789abcdef0123456789abcdef", "short",
	    "1234567\xc3\xa9ghijklmn\xc3\xa9xyz" };
	size_t len[] = { 32, 5, 22 };
	char s1[] = "got 0123456789abcdef0123456789abcdef!";
	char s2[] = "cut 0123456789abc and 23456789abcdef01234 short";
	char s3[] = "x 1234567\xc3\xa9ghijklmn\xc3\xa9xyz y";
	char s4[] = "0123456789ab is 12: fine";

	sanitize_values(s1, v, len, 3);
	CHECK_STR("got 01234567********************cdef!", s1);
	sanitize_values(s2, v, len, 3);
	CHECK_STR("cut 01234567*9abc and 23456789*******1234 short", s2);
	/* masks never cut a UTF-8 character */
	sanitize_values(s3, v, len, 3);
	CHECK_STR("x 1234567************xyz y", s3);
	sanitize_values(s4, v, len, 3);
	CHECK_STR("0123456789ab is 12: fine", s4);
}

/* Checks sanitize_url(in) against exp. */
static void
expect_url(const char *in, const char *exp, int line)
{
	char *out = sanitize_url(in);

	unit_mem(exp, strlen(exp), out, strlen(out), in, __FILE__, line);
	free(out);
}

#define URL(in, exp)	expect_url((in), (exp), __LINE__)
#define ELL	"\xe2\x80\xa6"

static void
test_url(void)
{
	/* normal URLs stay as they are */
	URL("https://api.openai.com/v1", "https://api.openai.com/v1");
	URL("https://my-resource.openai.azure.com/openai/deployments/"
	    "gpt-4o-mini", "https://my-resource.openai.azure.com/openai/"
	    "deployments/gpt-4o-mini");
	URL("https://contoso-openai-prod-eastus2.openai.azure.com/openai/"
	    "deployments/gpt-4o-mini-2024-07-18/", "https://contoso-openai-"
	    "prod-eastus2.openai.azure.com/openai/deployments/"
	    "gpt-4o-mini-2024-07-18/");
	URL("http://[::1]:8080/v1", "http://[::1]:8080/v1");
	URL("", "");
	/* a key in the path, a password, a query, a fragment */
	URL("https://proxy/sk-proj-AbCdEfGh_IjKlMnOp-QrStUvWx/v1",
	    "https://proxy/sk-p" ELL "/v1");
	URL("https://user:hunter2@example.com/v1",
	    "https://***@example.com/v1");
	URL("https://example.com/v1?token=abc#frag", "https://example.com/v1?"
	    ELL);
	URL("https://example.com/v1#0123456789abcdef", "https://example.com/"
	    "v1#" ELL);
	/* a key with no prefix: in the path, in the host, bare */
	URL("https://gw.example.com/0123456789abcdef0123456789abcdef/v1",
	    "https://gw.example.com/0123" ELL "/v1");
	URL("https://0123456789abcdef0123456789abcdef.example.com",
	    "https://0123" ELL ".example.com");
	URL("sk-proj-AbCdEfGhIjKlMnOpQrStUvWx", "sk-p" ELL);
	URL("https://x.io/Ab1-Cd2_Ef3-Gh4/v1", "https://x.io/Ab1-" ELL "/v1");
	/* controls and odd bytes show as '?' */
	URL("https://api.openai.com/v1 \x1b[31m", "https://api.openai.com/"
	    "v1??[31m");
	URL("https://a\xe2\x80\x8b.com/v1", "https://a???.com/v1");
}

static void
test_url_cap(void)
{
	char in[300], *out;

	strcpy(in, "https://example.com");
	for (int i = 0; i < 40; i++)
		strcat(in, "/abc");
	out = sanitize_url(in);
	CHECK_INT(SANITIZE_URL_MAX + 2, strlen(out));	/* "…" is 3 bytes */
	CHECK(strcmp(out + strlen(out) - 3, ELL) == 0);
	free(out);
	out = sanitize_take(strdup("a\x1b[1mb"));
	CHECK_STR("ab", out);
	free(out);
}

int
main(void)
{
	test_controls();
	test_escapes();
	test_bidi_utf8();
	test_cap();
	test_keys();
	test_labels();
	test_values();
	test_url();
	test_url_cap();
	return unit_done();
}
