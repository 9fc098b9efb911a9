#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Root cause 1: the key never reaches the program: no key at all, a .env in
# the wrong folder, a misspelt or framework-prefixed name, an empty
# exported variable, a key only in a startup file.
. "$srcdir/tests/scenario/common.inc"

new_case nothing
fx
expect_rc 1
expect 'status("key-found") == "fail"' 'j["verdict"] == "problems"' \
	'j["candidates"] == []' \
	'all(v is None for v in j["winners"].values())'

new_case parent-dotenv	# python-dotenv walks up; npm dotenv does not
mkdir -p "$P/app"
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
P="$P/app" fx
expect 'win("python-dotenv")["path"].endswith("/proj/.env")' \
	'j["winners"]["node-dotenv"] is None' \
	'status("key-found") == "warn"' \
	'"npm dotenv" in summary("key-found")'

new_case sibling-dotenv	# the key sits in .env.local, which nothing loads
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env.local"
fx
expect_rc 1
expect 'status("key-found") == "fail"' \
	'cands(path="'"$P"'/.env.local")[0]["loaded"] is False' \
	'win("python-dotenv") is None'

new_case near-miss
printf 'OPEN_AI_API_KEY=%s\n' "$KEY" > "$P/.env"
fx
expect_rc 1
expect 'status("key-found") == "fail"' \
	'"OPEN_AI_API_KEY" in summary("key-found")' \
	'cands(name="OPEN_AI_API_KEY")[0]["line"] == 1'

new_case next-public
printf 'NEXT_PUBLIC_OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
fx
expect_rc 1
expect 'status("key-found") == "fail"' \
	'"NEXT_PUBLIC_OPENAI_API_KEY" in summary("key-found")'

new_case empty-env	# an empty exported variable still beats .env
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
fx OPENAI_API_KEY=
expect_rc 1
expect 'status("key-found") == "fail"' \
	'win("python-dotenv")["source"] == "env"' \
	'win("python-dotenv")["length"] == 0' \
	'win("node-dotenv")["source"] == "env"' \
	'win("python-dotenv-override")["source"] == "dotenv"'

new_case rcfile-only	# exported in ~/.bashrc, but not in this shell
printf 'export OPENAI_API_KEY="%s"\n' "$KEY" > "$H/.bashrc"
fx
expect_rc 1
expect 'status("key-found") == "fail"' \
	'".bashrc:1" in summary("key-found")' \
	'win("login-shell")["source"] == "rcfile"' \
	'win("login-shell")["line"] == 1' \
	'win("python-dotenv") is None'
new_case rcfile-symlink	# ~/.bashrc is a link (stow, chezmoi, yadm)
mkdir -p "$H/dotfiles"
printf 'export OPENAI_API_KEY="%s"\n' "$KEY" > "$H/dotfiles/bashrc"
ln -s dotfiles/bashrc "$H/.bashrc"
fx
expect 'win("login-shell")["path"] == "'"$H"'/.bashrc"' \
	'not any("symbolic" in n for n in j.get("notes", []))'

new_case rcfile-unset	# exported, then unset: a new shell has no key
printf 'export OPENAI_API_KEY="%s"\nunset OPENAI_API_KEY\n' "$KEY" \
	> "$H/.bashrc"
fx
expect_rc 1
expect 'j["winners"]["login-shell"] is None' \
	'len(cands(source="rcfile")) == 1' \
	'"unsets it later" in summary("key-found")' \
	'".bashrc:2" in summary("key-found")'

new_case rcfile-unexported	# set, never exported: programs never see it
printf 'OPENAI_API_KEY="%s"\n' "$KEY" > "$H/.bashrc"
fx
expect_rc 1
expect 'j["winners"]["login-shell"] is None' \
	'len(cands(source="rcfile")) == 1' \
	'"without export" in summary("key-found")'

new_case rcfile-exported-later	# a plain assignment, exported in .profile
printf 'OPENAI_API_KEY="%s"\n' "$KEY" > "$H/.bashrc"
printf '. ~/.bashrc\nexport OPENAI_API_KEY\n' > "$H/.profile"
fx
expect 'win("login-shell")["path"] == "'"$H"'/.bashrc"'

new_case other-shell-only	# only ~/.zshrc has it, and the shell is bash
printf 'export OPENAI_API_KEY="%s"\n' "$KEY" > "$H/.zshrc"
fx SHELL=/bin/bash
expect_rc 1
expect 'j["winners"]["login-shell"] is None' \
	'"your shell (bash) does not read" in summary("key-found")' \
	'".zshrc:1" in summary("key-found")'

new_case template-only	# the key went into .env.example by mistake
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env.example"
fx
expect_rc 1
expect 'cands(path="'"$P"'/.env.example")[0]["loaded"] is False' \
	'".env.example:1" in summary("key-found")' \
	'"nothing loads" in summary("key-found")'
exit 0
