#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Several keys: the one that wins is refused, another one works.  Every
# distinct key is tried, the report names which works, and --consumer
# changes which key is "the" key.
. "$srcdir/tests/net/common.inc"

use_key revoked
STALE=$K
use_key valid-unbound
GOOD=$K

new_case stale-export	# a stale export in the environment beats .env
dotenv_key "$GOOD"
live OPENAI_API_KEY="$STALE"
expect_rc 1
expect 'status("key-accepted") == "fail"' \
	"$(req models)['cause'] == 'wrong-key'" \
	"$(req other-key)['status'] == 200" \
	'"works" in detail("key-accepted")' \
	'".env" in fix("key-accepted")' \
	"j['candidates'][$(req models)['mask_candidate']]['source'] == 'env'"
seen 'len(log) == 3' \
	'sorted(paths) == ["GET /v1/models", "GET /v1/models", "POST /v1/chat/completions"]'

new_case override	# load_dotenv(override=True): the .env key wins
dotenv_key "$GOOD"
live OPENAI_API_KEY="$STALE" -- --consumer python-dotenv-override
expect_rc 0
expect 'status("key-accepted") == "pass"' 'status("completion") == "pass"' \
	"$(req other-key)['status'] == 401"

new_case stale-bashrc	# ~/.bashrc:2 exports the stale key; a login shell
dotenv_key "$GOOD"
printf '# my settings\nexport OPENAI_API_KEY=%s\n' "$STALE" > "$H/.bashrc"
printf '. ~/.bashrc\n' > "$H/.bash_profile"
live -- --consumer login-shell
expect_rc 1
expect 'status("key-accepted") == "fail"' \
	'".bashrc:2" in summary("key-accepted")' \
	"$(req other-key)['status'] == 200"

new_case same-key-twice	# one key in two places is tried once
dotenv_key "$GOOD"
live OPENAI_API_KEY="$GOOD"
expect_rc 0
expect 'not [r for r in j["requests"] if r["purpose"] == "other-key"]'
