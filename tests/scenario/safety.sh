#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# dotenv-safety end to end: a .env tracked by git fails, one without a
# .gitignore entry warns, an ignored private one passes.
. "$srcdir/tests/scenario/common.inc"
require_tool git
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

git_init() {
	git -C "$P" init -q && git -C "$P" config user.email t@example.invalid &&
		git -C "$P" config user.name t || exit 99
}

new_case tracked
git_init
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
chmod 600 "$P/.env"
git -C "$P" add .env && git -C "$P" commit -qm x || exit 99
fx PATH=/usr/bin:/bin
expect_rc 1
expect 'status("dotenv-safety") == "fail"'

new_case not-ignored
git_init
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
chmod 600 "$P/.env"
fx
expect 'status("dotenv-safety") == "warn"' '".gitignore" in j["checks"][-1]["fix"]'

new_case ignored
git_init
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
chmod 600 "$P/.env"
printf '.env\n' > "$P/.gitignore"
fx
expect_rc 0
expect 'status("dotenv-safety") == "pass"'

new_case no-dotenv
fx OPENAI_API_KEY="$KEY"
expect 'status("dotenv-safety") == "skip"'
exit 0
