#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end: --check finds a broken key line, --fix repairs exactly that
# line (asking first), keeps every other byte and the file's mode, makes a
# 0600 backup outside the project, proves the result; --undo puts the old
# file back.  No output ever holds the key.
. "$srcdir/tests/lib.sh"

# A fake project key of the real shape: sk-proj- 74 T3BlbkFJ 74 (164).
part=FAKEfake0123456789FAKEfake0123456789FAKEfake0123456789FAKEfake0123456789ab
KEY="sk-proj-${part}T3BlbkFJ${part%????}21sA"
[ ${#KEY} -eq 164 ] || exit 99
export HOME="$T/home" XDG_STATE_HOME="$T/state"
unset OPENAI_API_KEY
mkdir -p "$HOME" "$T/proj/sub"
cd "$T/proj" || exit 99

run() {	# run NAME ARGS...: stdout and stderr to $T/NAME.{out,err}
	name=$1
	shift
	"$FIX401" "$@" > "$T/$name.out" 2> "$T/$name.err" < /dev/null
	rc=$?
	assert_no_secret "$KEY" "$T/$name.out" "$T/$name.err"
	return $rc
}

printf '# settings\r\nA=1\r\nexport OPENAI_API_KEY="%s" # prod\r\nB=2\r\n' \
	"$KEY" > .env
chmod 640 .env
cp .env "$T/original"

# --check from a subfolder finds the parent's .env and fails.
run check1 --check --offline sub && fail "--check passed a quoted key"
[ $rc -eq 1 ] || fail "--check exited $rc, not 1"
grep -q 'sk-proj-.*21sA (164 characters' "$T/check1.out" ||
	fail "--check does not show the masked key"
for d in quoted export crlf; do
	grep -q "defect $d:" "$T/check1.out" || fail "--check misses $d"
done
grep -q 'docker run --env-file *REFUSED' "$T/check1.out" ||
	fail "--check does not say docker refuses the file"
grep -q "Fix: fix401 --fix $T/proj/sub" "$T/check1.out" || fail "no --fix hint"
grep -q '^\[FAIL\] The .env line is clean' "$T/check1.out" ||
	fail "the checklist does not fail dotenv-clean"

# Without a terminal and without --yes nothing is written.
run nofix --fix --offline . && fail "--fix wrote without being asked"
cmp -s .env "$T/original" || fail "--fix without --yes changed the file"
grep -q 'use --yes' "$T/nofix.err" || fail "no hint to use --yes"
grep -q '^  - 3: export OPENAI_API_KEY="sk-proj-.*21sA" #\.\.\.<CR>$' \
	"$T/nofix.out" || fail "the diff's old line is not shown masked"
grep -q '^  + 3: OPENAI_API_KEY=sk-proj-.*21sA (164 characters' \
	"$T/nofix.out" || fail "the diff's new line is not shown masked"

# --fix --yes: only line 3 changes, and it ends with LF.
run fix --fix --offline --yes . || { cat "$T/fix.out" "$T/fix.err"; fail "--fix failed"; }
printf '# settings\r\nA=1\r\nOPENAI_API_KEY=%s\nB=2\r\n' "$KEY" > "$T/expected"
cmp -s .env "$T/expected" || fail "the repaired file is not byte-exact"
[ "$(stat -c %a .env)" = 640 ] || fail "the file's mode changed"
backup=$(find "$XDG_STATE_HOME/fix401/backups" -type f -name '*.env')
[ "$(printf '%s\n' "$backup" | wc -l)" -eq 1 ] || fail "not one backup"
cmp -s "$backup" "$T/original" || fail "the backup is not the old file"
[ "$(stat -c %a "$backup")" = 600 ] || fail "the backup is not 0600"
grep -q '^\[ OK \] The .env line is clean: ' "$T/fix.out" ||
	fail "no proof printed"
ls -A | grep -v '^\(\.env\|sub\)$' && fail "--fix left files in the project"

run check2 --check --offline . || fail "--check fails after the fix"
grep -q 'defect' "$T/check2.out" && fail "defects remain after the fix"

# --fix again: nothing to do.
run again --fix --offline --yes . || fail "a second --fix failed"
grep -q 'Nothing to repair' "$T/again.out" || fail "second --fix changed"

# --undo restores the original bytes.
run undo --undo . || fail "--undo failed: $(cat "$T/undo.err")"
cmp -s .env "$T/original" || fail "--undo did not restore the file"

# Duplicates: the last one wins; --remove-duplicates deletes the others.
printf 'OPENAI_API_KEY=sk-old-key-0000000000000000\nX=1\nOPENAI_API_KEY=%s\n' \
	"$KEY" > .env
run dup --check --offline . || fail "--check fails on a clean duplicate"
grep -q 'defect duplicate' "$T/dup.out" || fail "duplicate not named"
grep -q 'overridden by a later line' "$T/dup.out" ||
	fail "the losing duplicate is not marked"
run dedupe --fix --offline --yes --remove-duplicates . || fail "dedupe failed"
printf 'X=1\nOPENAI_API_KEY=%s\n' "$KEY" > "$T/expected"
cmp -s .env "$T/expected" || fail "--remove-duplicates result differs"

# A value fix401 must not guess at is left alone.
printf 'OPENAI_API_KEY=${OTHER_KEY}\n' > .env
run unsafe --fix --offline --yes . && fail "--fix accepted \${OTHER_KEY}"
grep -q 'will not guess' "$T/unsafe.out" || fail "no explanation"

# No .env anywhere up the tree.
mkdir -p "$T/empty"
run none --check --offline "$T/empty"
[ $rc -eq 1 ] || fail "--check without .env exited $rc"
grep -q 'no OPENAI_API_KEY anywhere' "$T/none.out" || fail "no 'no key' message"
# -e names a file that is not there or cannot be read: an error (2).
run missing --check --offline -e "$T/nowhere.env"
[ $rc -eq 2 ] || fail "--check -e MISSING exited $rc, not 2"
grep -q 'does not exist' "$T/missing.err" || fail "no 'does not exist'"
run missingfix --fix --offline --yes -e "$T/nowhere.env"
[ $rc -eq 2 ] || fail "--fix -e MISSING exited $rc, not 2"
[ -e "$T/nowhere.env" ] && fail "--fix created a missing file"
run isdir --check --offline -e "$T/empty"
[ $rc -eq 2 ] || fail "--check -e DIRECTORY exited $rc, not 2"
[ -s "$T/isdir.err" ] || fail "no message for an unreadable .env"

# A typo that turns the key into a name must not print the key either.
printf 'OPENAI_API_KEY-%s\n' "$KEY" > .env
run typo --check --offline .
[ $rc -eq 1 ] || fail "--check on a typo exited $rc"
grep -qF 'OPENAI_API_KEY-...(+164 characters)' "$T/typo.out" ||
	fail "the long name is not cut"
echo "check, fix and undo behave"
