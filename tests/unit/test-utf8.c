/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright (C) 2026 The fix401 authors. */
/* UTF-8 decoding and the three whitespace classes. */
#include <config.h>

#include <string.h>

#include "unit.h"
#include "utf8.h"

static void
test_decode(void)
{
	int32_t cp;

	CHECK_INT(1, utf8_decode("A", 1, &cp));
	CHECK_INT('A', cp);
	CHECK_INT(2, utf8_decode("\xc2\xa0", 2, &cp));
	CHECK_INT(0xa0, cp);
	CHECK_INT(3, utf8_decode("\xef\xbb\xbf", 3, &cp));
	CHECK_INT(0xfeff, cp);
	CHECK_INT(4, utf8_decode("\xf0\x9f\x94\x91", 4, &cp));
	CHECK_INT(0x1f511, cp);
	/* Maximal subparts (WHATWG): one replacement each. */
	CHECK_INT(1, utf8_decode("\xff", 1, &cp));
	CHECK_INT(UTF8_INVALID, cp);
	CHECK_INT(2, utf8_decode("\xe2\x80" "A", 3, &cp));
	CHECK_INT(UTF8_INVALID, cp);
	CHECK_INT(1, utf8_decode("\xed\xa0\x80", 3, &cp));	/* surrogate */
	CHECK_INT(UTF8_INVALID, cp);
	CHECK_INT(1, utf8_decode("\xc0\xaf", 2, &cp));	/* overlong */
	CHECK_INT(UTF8_INVALID, cp);
	CHECK_INT(1, utf8_decode("\xe2", 1, &cp));	/* truncated at end */
	CHECK_INT(UTF8_INVALID, cp);
	CHECK_INT(1, utf8_decode("\xf4\x90\x80\x80", 4, &cp));	/* > U+10FFFF */
	CHECK_INT(UTF8_INVALID, cp);
}

static void
test_encode_length(void)
{
	char out[4];

	CHECK_INT(3, utf8_encode(0x200b, out));
	CHECK_MEM("\xe2\x80\x8b", 3, out, 3);
	CHECK_INT(4, utf8_encode(0x1f511, out));
	CHECK_MEM("\xf0\x9f\x94\x91", 4, out, 4);
	CHECK_INT(5, utf8_length("sk-\xc2\xa0x", 6));
	CHECK_INT(3, utf8_length("\xff\xfe" "A", 3));
	CHECK(utf8_valid("plain \xe2\x80\x9c ok\xe2\x80\x9d", 15));
	CHECK(!utf8_valid("plain \xe2\x80\x9c ok\xe2\x80\x9d", 14));
	CHECK(!utf8_valid("bad \xff", 5));
	CHECK(utf8_valid("", 0));
	CHECK_INT(4, utf8_valid_prefix("bad \xff ok", 8));
	CHECK_INT(2, utf8_valid_prefix("ab\xe2\x80", 4));	/* cut short */
	CHECK_INT(3, utf8_valid_prefix("abc", 3));
	CHECK_INT(3, utf8_offset("a\xc2\xa0" "bc", 5, 2));	/* a, NBSP */
	CHECK_INT(5, utf8_offset("a\xc2\xa0" "bc", 5, 9));	/* past the end */
	CHECK_INT(0, utf8_offset("abc", 3, 0));
}

static void
test_classes(void)
{
	/* U+FEFF: JS trims it, Python and Go do not. */
	CHECK(uc_js_space(0xfeff) && !uc_py_space(0xfeff) &&
	    !uc_go_space(0xfeff));
	/* U+0085 NEL: Python and Go, not JS. */
	CHECK(uc_py_space(0x85) && uc_go_space(0x85) && !uc_js_space(0x85));
	/* U+001C..U+001F: Python only. */
	CHECK(uc_py_space(0x1f) && !uc_js_space(0x1f) && !uc_go_space(0x1f));
	/* NBSP and U+3000: all three; U+200B: none. */
	CHECK(uc_py_space(0xa0) && uc_js_space(0xa0) && uc_go_space(0xa0));
	CHECK(uc_py_space(0x3000) && uc_js_space(0x3000) &&
	    uc_go_space(0x3000));
	CHECK(!uc_py_space(0x200b) && !uc_js_space(0x200b) &&
	    !uc_go_space(0x200b));
	CHECK(uc_invisible(0x200b) && uc_invisible(0xfeff) &&
	    uc_invisible(0xad) && !uc_invisible('a'));
	CHECK(uc_smart_quote(0x201c) && uc_smart_quote(0xab) &&
	    !uc_smart_quote('"'));
	CHECK(uc_go_letter_digit('Z') && uc_go_letter_digit(0x410) &&
	    !uc_go_letter_digit('-') && !uc_go_letter_digit(0x200b));
}

int
main(void)
{
	test_decode();
	test_encode_length();
	test_classes();
	return unit_done();
}
