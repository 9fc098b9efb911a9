#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What dotenv_facts_gather finds out through git and stat: a tracked, an
# ignored and an unlisted .env in a throwaway repository, one outside any
# repository, and the shared-host rule over fake passwd files.
. "$srcdir/tests/lib.sh"

require_tool git
TOOL=$(cd "${top_builddir:-.}" && pwd)/tests/unit/facts-tool
[ -x "$TOOL" ] || { echo "no $TOOL" >&2; exit 99; }

# Git must not read the tester's configuration or prompt.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 HOME="$T"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
export GIT_CEILING_DIRECTORIES="$T"

# expect PATH FIELD=VALUE...: each line must be in facts-tool's output.
expect() {
	path=$1
	shift
	"$TOOL" "$path" > "$T/out" || fail "facts-tool $path exited $?"
	for want in "$@"; do
		grep -qx "$want" "$T/out" ||
			fail "$path: want $want, got: $(tr '\n' ' ' < "$T/out")"
	done
}

repo=$T/repo
mkdir -p "$repo/tracked" "$repo/ignored" "$repo/plain" "$T/outside" ||
	exit 99
git init -q "$repo" || exit 99
echo 'OPENAI_API_KEY=x' > "$repo/tracked/.env"
echo 'OPENAI_API_KEY=x' > "$repo/ignored/.env"
echo 'OPENAI_API_KEY=x' > "$repo/plain/.env"
echo 'OPENAI_API_KEY=x' > "$T/outside/.env"
echo '.env' > "$repo/ignored/.gitignore"
chmod 600 "$repo/ignored/.env"
chmod 644 "$repo/plain/.env"
git -C "$repo" add tracked/.env ignored/.gitignore || exit 99
git -C "$repo" commit -q -m init || exit 99

expect "$repo/tracked/.env" exists=1 git=1 in_repo=1 tracked=1 ignored=0
expect "$repo/ignored/.env" exists=1 mode=0600 git=1 in_repo=1 tracked=0 \
	ignored=1
expect "$repo/plain/.env" mode=0644 git=1 in_repo=1 tracked=0 ignored=0
expect "$T/outside/.env" exists=1 git=1 in_repo=0 tracked=0 ignored=0
expect "$T/outside/missing" exists=0 git=0 in_repo=0

# A tracked file that a rule lists later still counts as listed.
echo '.env' > "$repo/tracked/.gitignore"
expect "$repo/tracked/.env" tracked=1 ignored=1

# A relative path is asked about from the current folder.
(cd "$repo/plain" && "$TOOL" .env) > "$T/out" || fail "relative path"
grep -qx in_repo=1 "$T/out" || fail "relative path: not in the repository"

# No git on PATH: git=0, the rest still known.
mkdir "$T/nogit" || exit 99
PATH=$T/nogit "$TOOL" "$repo/plain/.env" > "$T/out" || fail "no git run"
grep -qx git=0 "$T/out" && grep -qx mode=0644 "$T/out" ||
	fail "no git: $(tr '\n' ' ' < "$T/out")"

# The shared-host rule: other human accounts with a login shell.
pw=$T/passwd
cat > "$pw" <<'END'
root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
me:x:1000:1000:Me:/home/me:/bin/bash
END
"$TOOL" --shared "$pw" 1000 | grep -qx shared=0 || fail "alone is shared"
"$TOOL" --shared "$pw" 0 | grep -qx shared=1 || fail "root's file: me"
echo 'svc:x:1001:1001::/srv:/bin/false' >> "$pw"
"$TOOL" --shared "$pw" 1000 | grep -qx shared=0 || fail "/bin/false"
echo 'bob:x:1002:1002:Bob:/home/bob:/usr/bin/zsh' >> "$pw"
"$TOOL" --shared "$pw" 1000 | grep -qx shared=1 || fail "bob not seen"
"$TOOL" --shared "$T/none" 1000 | grep -qx shared=0 || fail "no file"
exit 0
