#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The all-good baseline: a clean key in a private, git-ignored .env.  No
# false alarm: exit 0, verdict ok, nothing fails.
. "$srcdir/tests/scenario/common.inc"

new_case healthy
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
chmod 600 "$P/.env"
fx
expect_rc 0
expect 'j["verdict"] == "ok"' \
	'j["tool"] == "fix401"' \
	'j["dir"] == "'"$P"'"' \
	'j["base_url"] == "https://api.openai.com/v1"' \
	'[c["id"] for c in j["checks"]] == ["key-found", "dotenv-clean",
	  "key-shadowed", "key-format", "key-provider", "base-url",
	  "org-project", "network", "key-accepted", "completion",
	  "dotenv-safety"]' \
	'all(status(i) == "pass" for i in ("key-found", "dotenv-clean",
	  "key-shadowed", "key-format", "key-provider", "base-url",
	  "org-project"))' \
	'status("dotenv-safety") != "fail"' \
	'status("network") == "skip" and "offline" in summary("network")' \
	'len(j["candidates"]) == 1' \
	'win("python-dotenv")["source"] == "dotenv"' \
	'win("python-dotenv")["line"] == 1' \
	'win("python-dotenv")["masked"] == "sk-proj-\u202621sA"' \
	'win("python-dotenv")["openai_mask"] == "sk-proj-" + "*" * 152 + "21sA"' \
	'win("python-dotenv")["length"] == 164' \
	'win("python-dotenv")["provider"] == "openai"' \
	'win("python-dotenv")["kind"] == "openai-project"' \
	'win("python-dotenv")["defects"] == []' \
	'all(v is not None and v["length"] == 164
	  for v in win("python-dotenv")["loaders"].values())' \
	'len(win("python-dotenv")["fingerprint"]) == 8' \
	'j["winners"]["login-shell"] is None' \
	'all(j["winners"][c] == 0 for c in ("python-dotenv",
	  "python-dotenv-override", "node-dotenv", "docker-env-file",
	  "compose-env-file"))' \
	'j["requests"] == []'
# The fingerprint is SHA-256 of the value's bytes.
fp=$(printf '%s' "$KEY" | sha256sum | cut -c1-8)
expect "win('python-dotenv')['fingerprint'] == '$fp'"

# The human checklist says the same, one line per check.
env -i HOME="$H" PATH=/usr/bin:/bin LC_ALL=C.UTF-8 \
	FIX401_DATADIR="$FIX401_DATADIR" "$FIX401" --check --offline "$P" > "$T/text" 2>&1
[ $? -eq 0 ] || fail "text checklist: exit status not 0"
assert_no_secret "$KEY" "$T/text"
[ "$(grep -c '^\[ OK \]' "$T/text")" -ge 6 ] || fail "fewer than 6 [ OK ] lines"
grep -q '^\[FAIL\]' "$T/text" && fail "a check failed on a healthy project"
grep -q '^\[SKIP\] .*offline' "$T/text" || fail "live checks not skipped"

new_case healthy-with-template	# a .env.example placeholder is no copy
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
printf 'OPENAI_API_KEY=sk-...\n' > "$P/.env.example"
chmod 600 "$P/.env"
fx
expect_rc 0
expect 'status("key-shadowed") == "pass"' \
	'cands(path="'"$P"'/.env.example")[0]["loaded"] is False'
exit 0
