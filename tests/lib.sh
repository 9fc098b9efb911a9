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

# assert_no_secret SECRET FILE...: the full fake key, or its middle bytes,
# must not appear in any of the files.
assert_no_secret() {
	secret=$1
	shift
	middle=$(printf '%s' "$secret" | cut -c9-$((${#secret} - 4)))
	for f in "$@"; do
		if grep -qF -- "$secret" "$f" 2>/dev/null; then
			fail "the full key appears in $f"
		fi
		if [ ${#middle} -ge 6 ] && grep -qF -- "$middle" "$f" 2>/dev/null
		then
			fail "the middle of the key appears in $f"
		fi
	done
}
