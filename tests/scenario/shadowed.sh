#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Root cause 2: a stale value shadows the intended one: an old key exported
# in ~/.zshrc (and so in the environment) beats .env for load_dotenv() and
# dotenv.config(); override=True and docker read the file.
. "$srcdir/tests/scenario/common.inc"

new_case stale-zshrc
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
printf '# old setup\nexport OPENAI_API_KEY=%s\n' "$OLD" > "$H/.zshrc"
fx SHELL=/bin/zsh OPENAI_API_KEY="$OLD"
expect_rc 1
expect 'status("key-shadowed") == "fail"' \
	'".zshrc:2" in j["checks"][2]["fix"]' \
	'win("python-dotenv")["source"] == "env"' \
	'win("node-dotenv")["source"] == "env"' \
	'win("python-dotenv-override")["source"] == "dotenv"' \
	'win("docker-env-file")["source"] == "dotenv"' \
	'win("login-shell")["path"].endswith("/.zshrc")' \
	'win("login-shell")["line"] == 2' \
	'win("login-shell")["fingerprint"] == win("python-dotenv")["fingerprint"]' \
	'win("login-shell")["fingerprint"] != win("docker-env-file")["fingerprint"]'

new_case same-everywhere	# two copies of the same key: no problem
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
printf 'export OPENAI_API_KEY=%s\n' "$KEY" > "$H/.bashrc"
fx OPENAI_API_KEY="$KEY"
expect 'status("key-shadowed") == "pass"' \
	'len(cands(name="OPENAI_API_KEY")) == 3' \
	'len({c["fingerprint"] for c in cands(name="OPENAI_API_KEY")}) == 1'

new_case other-shell	# a stale key in the file of a shell not in use
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
printf 'export OPENAI_API_KEY=%s\n' "$OLD" > "$H/.zshrc"
fx SHELL=/bin/bash
expect 'j["winners"]["login-shell"] is None' \
	'cands(source="rcfile")[0]["loaded"] is False' \
	'status("key-shadowed") == "pass"'

new_case conditional	# inside an if: reported, marked conditional
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
printf 'if [ -n "$PS1" ]; then\n  export OPENAI_API_KEY=%s\nfi\n' "$OLD" \
	> "$H/.bashrc"
fx
expect 'cands(source="rcfile")[0]["conditional"] is True' \
	'cands(source="rcfile")[0]["line"] == 2'

new_case dotenv-duplicate	# the later line wins in every loader
printf 'OPENAI_API_KEY=%s\nOPENAI_API_KEY=%s\n' "$OLD" "$KEY" > "$P/.env"
fx
expect 'win("python-dotenv")["line"] == 2' \
	'"duplicate" in win("python-dotenv")["defects"]' \
	'status("dotenv-clean") in ("warn", "fail")'
new_case debian-profile	# ~/.profile sources ~/.bashrc first: its export wins
printf 'export OPENAI_API_KEY=%s\n' "$OLD" > "$H/.bashrc"
{
	echo '# ~/.profile: executed by the command interpreter for login shells.'
	echo 'if [ -n "$BASH_VERSION" ]; then'
	echo '    # include .bashrc if it exists'
	echo '    if [ -f "$HOME/.bashrc" ]; then'
	printf '\t. "$HOME/.bashrc"\n'
	echo '    fi'
	echo 'fi'
	printf 'export OPENAI_API_KEY=%s\n' "$KEY"
} > "$H/.profile"
fx
expect 'win("login-shell")["path"] == "'"$H"'/.profile"' \
	'win("login-shell")["line"] == 8'

new_case bash-profile-no-bashrc	# a login shell never reads ~/.bashrc then,
# but every terminal's shell does, after: .bashrc's value is the one seen
printf 'export OPENAI_API_KEY=%s\n' "$KEY" > "$H/.bashrc"
printf 'export OPENAI_API_KEY=%s\n' "$OLD" > "$H/.bash_profile"
fx
expect 'win("login-shell")["path"] == "'"$H"'/.bashrc"'

new_case bash-profile-sources-late	# sourced at the end: .bashrc wins
printf 'export OPENAI_API_KEY=%s\n' "$KEY" > "$H/.bashrc"
printf 'export OPENAI_API_KEY=%s\n[ -f ~/.bashrc ] && . ~/.bashrc\n' "$OLD" \
	> "$H/.bash_profile"
fx
expect 'win("login-shell")["path"] == "'"$H"'/.bashrc"'

new_case template-and-dynamic	# copies nothing reads are not compared
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
printf 'OPENAI_API_KEY=sk-your-key-here\n' > "$P/.env.example"
printf 'export OPENAI_API_KEY="$(cat ~/.openai-key)"\n' > "$H/.bashrc"
fx
expect 'status("key-shadowed") == "pass"' \
	'len(cands(name="OPENAI_API_KEY")) == 3'

new_case other-copy-differs	# a loaded copy differs: it is named
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
printf 'export OPENAI_API_KEY=%s\n' "$OLD" > "$H/.profile"
fx SHELL=/bin/sh
expect 'status("key-shadowed") == "warn"' \
	'".profile:1" in summary("key-shadowed")'
exit 0
