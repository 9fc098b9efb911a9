#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A new key pasted in a real terminal, into a project with no key: e
# opens the hidden field, the pasted key (in quotes, a space after it)
# shows only masked with what cleaning removed, Enter asks to write it,
# y creates .env (0600) holding exactly the clean key; in a git
# repository the .gitignore entry is offered and written; the completion
# passes.  A bracketed paste on a check's screen opens the field by
# itself.
. "$srcdir/tests/tui/tui.inc"

start_mock
use_key valid-unbound
printf 'OPENAI_API_KEY=%s\n' "$K" > "$T/expected"

# new_env_is_the_key: .env holds exactly the pasted key, mode 0600.
new_env_is_the_key() {
	cmp -s "$P/.env" "$T/expected" || tui_fail ".env is not the clean key"
	[ "$(stat -c %a "$P/.env")" = 600 ] || tui_fail ".env is not 0600"
}

new_project e-in-git	# e on the welcome; a git repository
if command -v git >/dev/null 2>&1; then
	git -C "$P" init -q || exit 99
	git=yes
else
	echo "git is not installed: the .gitignore offer is not tried"
	git=no
fi
tui_start -- --base-url "$MOCK_URL" --timeout 10 "$P"
tui_wait_for -l 0 ' fix401  Welcome'
tui_keys e
tui_wait_for 'Paste a new key'
tui_wait_for 'Nothing pasted yet.'
tui_paste "\"$K\" "	# the key never shows (every capture is checked)
tui_wait_for 'sk-proj-…_j0n (164 chars), OpenAI project key'
tui_wait_for 'Removed: quotes'
tui_cursor_on 'Key:'	# the cursor in the hidden field
tui_keys Enter
tui_wait_for 'Write the new key?'
tui_wait_for "File: $P/.env (a new file)"
tui_wait_for '+ 1: OPENAI_API_KEY=sk-proj-…_j0n (164 characters'
# a new key needs a deliberate y: Enter (maybe part of a paste) says no
tui_expect '[Yes, write it] >[No]'
tui_keys y
if [ $git = yes ]; then
	tui_wait_for 'Add .env to .gitignore?'
	tui_expect "Created "
	new_env_is_the_key
	tui_wait_for "File: $P/.gitignore (a new file)"
	tui_keys y
	tui_wait_for -n 'Add .env to .gitignore?'
	grep -Eqx '/?\.env' "$P/.gitignore" ||
		tui_fail ".gitignore does not hold .env"
fi
tui_wait_for -l 0 ': A real request works'
tui_wait_for '[ OK ]'
new_env_is_the_key
tui_keys q
tui_wait_exit
[ "$tui_rc" -eq 0 ] || tui_fail "exit status $tui_rc, not 0"
tui_stty_sane

new_project paste-on-check	# no e: a paste on a check's screen
tui_start -- --base-url "$MOCK_URL" --timeout 10 "$P"
tui_wait_for -l 0 ' fix401  Welcome'
tui_keys Enter
tui_wait_for -l 0 ': A key is present'
tui_wait_for '[FAIL]'
tui_paste "$K"
tui_wait_for 'Paste a new key'
tui_wait_for 'sk-proj-…_j0n (164 chars), OpenAI project key'
tui_expect -n 'Removed:'
tui_keys Enter
tui_wait_for 'Write the new key?'
tui_keys y
tui_wait_for -l 0 ': A real request works'
tui_wait_for '[ OK ]'
new_env_is_the_key
[ ! -e "$P/.gitignore" ] || tui_fail "a .gitignore outside a git repository"
tui_keys q
tui_wait_exit
[ "$tui_rc" -eq 0 ] || tui_fail "exit status $tui_rc, not 0"
tui_stty_sane
tui_no_secret "$MOCK_LOG"
exit 0
