#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# --help and --version per the GNU standards, and exit status 2 for usage
# errors (SPEC 2).
. "$srcdir/tests/lib.sh"

"$FIX401" --help > "$T/help" 2> "$T/err" || fail "--help exited $?"
[ -s "$T/err" ] && fail "--help wrote to stderr"
grep -q '^Usage: fix401 \[OPTION\]\.\.\. \[DIR\]' "$T/help" ||
	fail "--help has no Usage line"
for opt in --check --fix --undo --env-file --yes --remove-duplicates \
    --json --explain --plain --demo --pid --base-url --help --version 'Report bugs to:' 'Exit status:'; do
	grep -q -e "$opt" "$T/help" || fail "--help does not mention $opt"
done
awk 'length > 80 { exit 1 }' "$T/help" || fail "--help has lines over 80"
# Every option --help lists is in the man page.
for opt in $(grep -o -e '--[a-z][a-z-]*' "$T/help" | sort -u); do
	man=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
	grep -q -e "$man" "$srcdir/doc/fix401.1.in" ||
		fail "fix401(1) does not document $opt"
done

"$FIX401" --version > "$T/version" || fail "--version exited $?"
head -n 1 "$T/version" | grep -q '^fix401 [0-9][0-9.]*$' ||
	fail "--version's first line is not 'fix401 VERSION'"
grep -q 'GPLv3+' "$T/version" || fail "--version names no licence"

# Usage errors: exit 2, a hint on stderr, nothing on stdout.
for args in "--no-such-option" "--check --fix" "--yes --check" "--plain --check" "--demo --base-url=x" "--demo somedir" "a b" \
    "--env-file"; do
	# shellcheck disable=SC2086
	"$FIX401" $args > "$T/out" 2> "$T/err"
	rc=$?
	[ $rc -eq 2 ] || fail "'fix401 $args' exited $rc, not 2"
	[ -s "$T/out" ] && fail "'fix401 $args' wrote to stdout"
	grep -q "Try 'fix401 --help'" "$T/err" ||
		fail "'fix401 $args' gives no --help hint"
done

# A failed write to stdout changes the exit status.
if [ -w /dev/full ]; then
	"$FIX401" --help > /dev/full 2> "$T/err"
	[ $? -eq 2 ] || fail "writing --help to a full disk did not exit 2"
	grep -q 'write error' "$T/err" || fail "no write error message"
fi
echo "help, version and usage errors behave"
