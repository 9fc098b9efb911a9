# SPDX-License-Identifier: GPL-3.0-or-later
# Shared helpers for the shell tests.  Source it: . "$srcdir/tests/lib.sh"
# Exit codes follow automake: 0 pass, 77 skip, 99 hard error, else fail.

set -u

# A private scratch folder, removed on exit.
T=$(mktemp -d "${TMPDIR:-/tmp}/fix401-test.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT

fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}

# skip REASON: exit 77, except under CI=true, where a missing tool is a
# failure: CI must never pass by skipping.
skip() {
	if [ "${CI:-}" = true ]; then
		printf 'FAIL (would skip, but CI=true): %s\n' "$*" >&2
		exit 1
	fi
	printf 'SKIP: %s\n' "$*"
	exit 77
}

# require_tool NAME: skip (fail under CI) unless NAME is on PATH.
require_tool() {
	command -v "$1" >/dev/null 2>&1 || skip "$1 is not installed"
}

# assert_no_secret SECRET FILE...: no 13 characters in a row of the fake
# key may appear in any of the files (the product shows at most 12 of a
# key, anywhere).  One awk run checks every 13-character window.
assert_no_secret() {
	secret=$1
	shift
	for f in "$@"; do
		[ -f "$f" ] || continue
		at=$(LC_ALL=C awk -v s="$secret" '
			{ text = text $0 "\n" }
			END {
				for (i = 1; i + 12 <= length(s); i++)
					if (index(text, substr(s, i, 13))) {
						print i
						exit
					}
			}' "$f") || fail "awk failed on $f"
		[ -z "$at" ] ||
			fail "13 characters of the key (from $at on) are in $f"
	done
}
