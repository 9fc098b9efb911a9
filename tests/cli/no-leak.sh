#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# No output may hold more than 12 characters of a key.  Every fake key in
# the parity corpus contains the 18-character run below, so fix401 --check
# and --fix (which asks, gets no terminal, and writes nothing) run over
# every case must never print it, whatever the file's defects; --fix --yes
# on a copy must not crash either.
. "$srcdir/tests/lib.sh"

run='FAKEfake0123456789'
export HOME="$T/home" XDG_STATE_HOME="$T/state"
mkdir -p "$HOME"
n=0
for f in "$srcdir"/tests/dotenv/cases/*.env; do
	grep -q "$run" "$f" || continue
	cp "$f" "$T/case.env"
	for mode in --check --fix; do
		"$FIX401" "$mode" --offline -e "$T/case.env" > "$T/out" 2>&1 < /dev/null
		[ $? -le 2 ] || fail "$mode crashed on $(basename "$f")"
		if grep -q "$run" "$T/out"; then
			grep "$run" "$T/out" | head -3 >&2
			fail "$mode printed a key from $(basename "$f")"
		fi
	done
	cmp -s "$f" "$T/case.env" || fail "--fix without --yes wrote $f"
	# The real write, proof and rollback path, on a copy.
	"$FIX401" --fix --yes --offline -e "$T/case.env" > "$T/out" 2>&1 < /dev/null
	[ $? -le 2 ] || fail "--fix --yes crashed on $(basename "$f")"
	grep -q "$run" "$T/out" && fail "--fix --yes printed a key from $f"
	n=$((n + 1))
done
[ $n -ge 100 ] || fail "only $n case files hold a fake key"
echo "$n files checked, no key in any output"
