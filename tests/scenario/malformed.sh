#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Root cause 3: a malformed value: quotes kept by docker, spaces, CRLF
# under the shell, a BOM, UTF-16 from PowerShell, a CR in ~/.bashrc.
. "$srcdir/tests/scenario/common.inc"

new_case docker-quotes
printf 'OPENAI_API_KEY="%s"\n' "$KEY" > "$P/.env"
fx
expect_rc 1
expect 'status("dotenv-clean") == "fail"' \
	'"quoted" in win("python-dotenv")["defects"]' \
	'win("python-dotenv")["loaders"]["python-dotenv"]["length"] == 164' \
	'win("python-dotenv")["loaders"]["docker-env-file"]["length"] == 166' \
	'win("python-dotenv")["loaders"]["compose-env-file"]["length"] == 164' \
	'"fix401 --fix" in j["checks"][1]["fix"]'

new_case crlf-shell	# CRLF: sh keeps the CR, python strips it
printf 'OPENAI_API_KEY=%s\r\n' "$KEY" > "$P/.env"
fx
expect 'status("dotenv-clean") == "fail"' \
	'"crlf" in win("python-dotenv")["defects"]' \
	'win("python-dotenv")["loaders"]["sh-source"]["length"] == 165' \
	'win("python-dotenv")["loaders"]["python-dotenv"]["length"] == 164'

new_case bom	# python-dotenv reads the name with the BOM glued to it
printf '\357\273\277OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
fx
expect_rc 1
expect 'status("dotenv-clean") == "fail"' 'status("key-found") == "fail"' \
	'win("python-dotenv") is None' \
	'"bom" in cands(source="dotenv")[0]["defects"]' \
	'win("node-dotenv")["length"] == 164'

new_case utf16	# PowerShell's echo > .env
printf 'OPENAI_API_KEY=%s\n' "$KEY" | iconv -f UTF-8 -t UTF-16 > "$P/.env"
fx
expect_rc 1
expect 'status("key-found") == "fail"' 'j["verdict"] == "problems"'

new_case spaces
printf 'OPENAI_API_KEY = %s  \n' "$KEY" > "$P/.env"
fx
expect 'status("dotenv-clean") == "fail"' \
	'win("python-dotenv")["length"] == 164'

new_case bashrc-crlf	# a CR at the end of the export goes into the key
printf 'export OPENAI_API_KEY=%s\r\n' "$KEY" > "$H/.bashrc"
fx
expect 'win("login-shell")["length"] == 165' \
	'win("login-shell")["line"] == 1'
exit 0
