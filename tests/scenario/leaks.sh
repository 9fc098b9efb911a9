#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Where a key can hide in text fix401 shows: glued to a name by a typo,
# in OPENAI_BASE_URL (path, password, query, a key with no prefix), in a
# pasted error, and escapes in a file name.  Every output, text and JSON,
# must hold no 13 characters in a row of any fake key.
. "$srcdir/tests/scenario/common.inc"

HEX=3f9a2b7c1d4e5f60a1b2c3d4e5f6a7b8	# an Azure-style key: no prefix
SECRETS="$KEY $OLD $HEX"
ESC=$(printf '\033')
ELL=$(printf '\342\200\246')

# fxt [VAR=value]... [-- ARG...]: as fx, but the text checklist
# (--check) of $P, into $T/text; no escape may reach it.
fxt() {
	take_vars "$@"
	shift $nvars
	in_sandbox "$T/text" "$FIX401" --check --offline "$@" "$P"
	if grep -q "$ESC" "$T/text" "$T/err"; then
		fail "$CASE: an escape reached the checklist"
	fi
}

# has TEXT: the last checklist holds TEXT.
has() {
	grep -qF -- "$1" "$T/text" || fail "$CASE: no '$1' in: $(cat "$T/text")"
}

# url_case NAME URL SHOWN: OPENAI_BASE_URL=URL in .env shows as SHOWN.
url_case() {
	new_case "$1"
	printf 'OPENAI_API_KEY=%s\nOPENAI_BASE_URL=%s\n' "$KEY" "$2" > "$P/.env"
	fx
	expect "j['base_url'] == '$3'"
	fxt
	has "Base URL: $3 ($P/.env:2)"
}

new_case glued-name	# OPENAI_API_KEY-sk-... and OPENAI_API_KEYsk-...
printf 'OPENAI_API_KEY-%s\nOPENAI_API_KEY%s\n' "$KEY" "$OLD" > "$P/.env"
fx
expect 'cands(name="OPENAI_API_KEY-...(+164 characters)")' \
	'cands(name="OPENAI_API_KEY...(+164 characters)")'
fxt
has 'OPENAI_API_KEY-...(+164 characters)'

url_case key-in-path "https://proxy.example/$KEY/v1" \
	"https://proxy.example/sk-p$ELL/v1"
url_case password-query "https://user:$OLD@proxy.example/v1?token=$OLD" \
	"https://***@proxy.example/v1?$ELL"
url_case hex-in-path "https://gw.example.com/$HEX/v1" \
	"https://gw.example.com/3f9a$ELL/v1"
# A fix built from the URL (https for http) is masked the same way.
url_case hex-in-fix "http://api.openai.com/v1/$HEX" \
	"http://api.openai.com/v1/3f9a$ELL"
fixed="https://api.openai.com/v1/3f9a$ELL"
expect "any(c['id'] == 'base-url' and c['fix'].endswith('$fixed')
	for c in j['checks'])"
url_case normal-azure \
	"https://my-resource.openai.azure.com/openai/deployments/gpt-4o-mini" \
	"https://my-resource.openai.azure.com/openai/deployments/gpt-4o-mini"

new_case explain-label	# a proxy echoes the .env key as api_key='...'
printf 'OPENAI_API_KEY=%s\n' "$HEX" > "$P/.env"
msg="rejected api_key='$HEX' (${KEY#sk-proj-})"
paste="{\"error\": {\"message\": \"$msg\", \"type\": \"auth_error $HEX\",
	\"param\": \"'$HEX'\", \"code\": 401}}"
for json in "" --json; do
	# shellcheck disable=SC2086
	env -i HOME="$H" PATH=/usr/bin:/bin LC_ALL=C.UTF-8 LANGUAGE= \
		FIX401_DATADIR="$FIX401_DATADIR" sh -c 'cd "$1" && shift &&
		exec "$@"' sh "$P" "$FIX401" --explain "$paste" $json \
		> "$T/out" 2> "$T/err" < /dev/null
	for s in $SECRETS; do
		assert_no_secret "$s" "$T/out" "$T/err"
	done
	grep -q "rejected api_key='3f9a2b7c\*" "$T/out" ||
		fail "$CASE$json: the message is not shown: $(cat "$T/out")"
done

new_case escape-name	# a cloned repo's .env.<ESC>[31m file, unloaded or used
bad="$P/.env.$ESC[31mred"
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
printf 'OPENAI_API_KEY-%s\n' "$OLD" > "$bad"
fx
fxt
has "$P/.env.red:1"
printf 'OPENAI_API_KEY="%s\n' "$KEY" > "$bad"
fx -- -e "$bad"
fxt -- -e "$bad"
has "File: $P/.env.red"
has "Fix: fix401 --fix -e '$P/.env.red'"
exit 0
