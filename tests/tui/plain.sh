#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Plain mode through a pipe, against fix401-mock: the line saying why,
# the numbered steps, the questions on stdout, answers from stdin; a
# quoted key in .env fixed after a "y" (byte-exact, backed up, proved by
# a real completion), nothing written without an answer, --yes, a key
# pasted into a new .env, and the error decoder.  No output and no mock
# log line may hold a key.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/mock.inc"
require_tool python3
require_tool timeout

start_mock
K=$(mock_key valid-unbound) || exit 99
OLD=$(mock_key revoked) || exit 99
SECRETS="$K $OLD"

# new_case NAME: a fresh HOME ($H), project ($P) and state folder.
new_case() {
	CASE=$1
	rm -rf "$T/case"
	H="$T/case/home"
	P="$T/case/proj"
	mkdir -p "$H" "$P"
}

# quoted_env: $P/.env holds the key in quotes between two other lines.
quoted_env() {
	printf '# settings\nOPENAI_API_KEY="%s"\nOTHER=1\n' "$K" > "$P/.env"
	chmod 600 "$P/.env"
	cp "$P/.env" "$T/original"
}

# plain INPUT [ARG...]: fix401 ARG... on $P in a clean environment, stdin
# a pipe fed INPUT (a printf format; "-": /dev/null instead), stdout to
# $T/out, stderr to $T/err, at most 30 s.  Sets $rc; no output and no
# mock log line may hold a key.
plain() {
	input=$1
	shift
	if [ "$input" = - ]; then
		run_fix401 "$@" < /dev/null
	else
		# shellcheck disable=SC2059
		printf "$input" | run_fix401 "$@"
	fi
	rc=$?
	[ "$rc" -ne 124 ] || fail "$CASE: fix401 ran for over 30 seconds"
	for s in $SECRETS; do
		assert_no_secret "$s" "$T/out" "$T/err" "$MOCK_LOG"
	done
}

run_fix401() {
	timeout 30 env -i HOME="$H" PATH=/usr/bin:/bin LC_ALL=C.UTF-8 \
		LANGUAGE= SHELL=/bin/bash TERM=xterm \
		XDG_STATE_HOME="$H/.local/state" \
		XDG_CONFIG_HOME="$H/.config" \
		FIX401_DATADIR="$FIX401_DATADIR" \
		"$FIX401" --base-url "$MOCK_URL" --timeout 5 "$@" "$P" \
		> "$T/out" 2> "$T/err"
}

# has REGEX [WHAT]: the output holds a line matching REGEX (grep -E).
has() {
	grep -Eq -- "$1" "$T/out" ||
		{ sed 's/^/  | /' "$T/out" >&2; fail "$CASE: no ${2:-$1}"; }
}

expect_rc() {
	[ "$rc" -eq "$1" ] ||
		{ sed 's/^/  | /' "$T/out" "$T/err" >&2;
		  fail "$CASE: exit status $rc, not $1"; }
}

backups() {
	find "$H/.local/state/fix401/backups" -type f -name "*.env" 2>/dev/null
}

new_case fix-after-y	# a "y" from the pipe fixes the quoted line
quoted_env
plain 'y\n'
expect_rc 0
head -n 1 "$T/out" | grep -Eq '^plain mode: .*(terminal|TERM)' ||
	fail "$CASE: the first line does not say why plain mode: $(head -n 1 "$T/out")"
has '^Step 1 of [0-9]+: .+  \[ OK \]$' "numbered first step"
has '^Step 2 of [0-9]+: The \.env line is clean  \[FAIL\]$' \
	"failing dotenv-clean step"
has '^  - 2: ' "old line of the diff"
has '^  \+ 2: OPENAI_API_KEY=sk-proj-' "new line of the diff (masked)"
has '^Fix this\? \[y/N\] yes$' "question answered yes"
has '^The checks ran again: 0 failed' "re-run after the write"
has '^Step [0-9]+ of [0-9]+: Summary$' "summary step"
has '^  \[ OK \] A real request works$' "passing completion in the summary"
has '^0 failed, [0-9]+ warned\.$' "counts"
printf '# settings\nOPENAI_API_KEY=%s\nOTHER=1\n' "$K" > "$T/expected"
cmp -s "$P/.env" "$T/expected" || fail "$CASE: .env is not byte-exact"
[ "$(backups | wc -l)" -eq 1 ] || fail "$CASE: not one backup"
cmp -s "$(backups)" "$T/original" || fail "$CASE: the backup is not the old file"
[ "$(stat -c %a "$(backups)")" = 600 ] || fail "$CASE: the backup is not 0600"
# Questions are on stdout in order: the fix's question before the summary.
q=$(grep -n '^Fix this' "$T/out" | head -n 1 | cut -d: -f1)
s=$(grep -n 'Summary$' "$T/out" | cut -d: -f1)
[ "$q" -lt "$s" ] || fail "$CASE: the question is not before the summary"

new_case no-input	# stdin at its end: nothing is written
quoted_env
plain - --plain
expect_rc 1
head -n 1 "$T/out" | grep -q '^plain mode: --plain' ||
	fail "$CASE: the first line does not name --plain"
has '^Fix this\? \[y/N\] no \(end of input\)$' "question answered no at EOF"
has '^Step [0-9]+ of [0-9]+: Summary$' "summary after EOF"
has '^  \[FAIL\] The \.env line is clean$' "failing step in the summary"
cmp -s "$P/.env" "$T/original" || fail "$CASE: .env changed without a yes"
[ -z "$(backups)" ] || fail "$CASE: a backup was made without a write"

new_case yes	# --yes answers for the user; --report writes the report
quoted_env
plain - --plain --yes --report "$T/report.txt"
expect_rc 0
has '^Fix this\? \[y/N\] yes \(--yes\)$' "--yes answer"
cmp -s "$P/.env" "$T/expected" || fail "$CASE: .env is not byte-exact"
has "^Wrote the support report to $T/report.txt\\.\$" "report line"
[ -s "$T/report.txt" ] || fail "$CASE: no support report"
for s in $SECRETS; do
	assert_no_secret "$s" "$T/report.txt"
done

new_case answer-no	# "n" leaves the file alone
quoted_env
plain 'n\n' --plain
expect_rc 1
has '^Fix this\? \[y/N\] no$' "question answered no"
cmp -s "$P/.env" "$T/original" || fail "$CASE: .env changed after a no"

new_case paste	# no key anywhere: a key pasted into a new .env (0600)
plain "  \"$K\" \\ny\\n" --plain
expect_rc 0
has '^Step 1 of [0-9]+: A key is present  \[FAIL\]$' "failing key-found"
has '^Paste a new key \(input hidden\), or press Enter to skip: $' \
	"paste prompt"
has '^  The pasted key: sk-proj-.+, 164 characters$' "the pasted key, masked"
has '^Write it\? \[y/N\] yes$' "write question"
printf 'OPENAI_API_KEY=%s\n' "$K" > "$T/expected"
cmp -s "$P/.env" "$T/expected" || fail "$CASE: the new .env is not as pasted"
[ "$(stat -c %a "$P/.env")" = 600 ] || fail "$CASE: the new .env is not 0600"

new_case decoder	# a healthy project; the decoder reads the pasted error
printf 'OPENAI_API_KEY=%s\n' "$K" > "$P/.env"
chmod 600 "$P/.env"
mask=$(python3 -c 'import sys; k = sys.argv[1]
print(k[:8] + "*" * (len(k) - 12) + k[-4:])' "$OLD")
plain "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: $mask. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}\\n\\n" --plain
expect_rc 0
has '^Paste the error you got, then an empty line' "decoder prompt"
sed -n '/^Step [0-9]* of [0-9]*: Decode/,/Summary$/p' "$T/out" > "$T/dec"
grep -q 'invalid_api_key\|401' "$T/dec" ||
	{ sed 's/^/  | /' "$T/dec" >&2; fail "$CASE: the decoder said nothing"; }
grep -q 'Skipped' "$T/dec" && fail "$CASE: the decoder skipped the text"
exit 0
