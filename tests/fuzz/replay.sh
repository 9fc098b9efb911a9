#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The fuzz target's properties on the parity corpus and the fuzz seeds.
. "$srcdir/tests/lib.sh"
"$top_builddir/tests/fuzz/replay" "$srcdir/tests/dotenv/cases" \
	"$srcdir/tests/fuzz/seeds" || fail "a fuzz property broke"
