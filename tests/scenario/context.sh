#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Root causes 6, 8 and 11: the context and the headers: sudo, CI, Jupyter,
# a malformed organization or project id, a pre-1.0 organization name.
. "$srcdir/tests/scenario/common.inc"

new_case sudo
printf 'export OPENAI_API_KEY=%s\n' "$KEY" > "$H/.bashrc"
fx SUDO_USER=alice SUDO_COMMAND=/usr/bin/fix401
expect '"sudo" in hints()'

new_case ci
fx CI=true
expect '"ci" in hints()' 'status("key-found") == "fail"'

new_case jupyter
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
fx JPY_PARENT_PID=1
expect '"jupyter" in hints()'

new_case no-context
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
fx
expect '"sudo" not in hints() and "ci" not in hints()' \
	'"jupyter" not in hints()'

new_case bad-org
printf 'OPENAI_API_KEY=%s\nOPENAI_ORG_ID=my-company\n' "$KEY" > "$P/.env"
fx
expect_rc 1
expect 'status("org-project") == "fail"' \
	'"OPENAI_ORG_ID" in summary("org-project")'

new_case bad-project
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
fx OPENAI_PROJECT_ID=proj-123
expect_rc 1
expect 'status("org-project") == "fail"'

new_case legacy-org
printf 'OPENAI_API_KEY=%s\nOPENAI_ORGANIZATION=org-AbCdEf123456\n' "$KEY" \
	> "$P/.env"
fx
expect 'status("org-project") == "warn"'

new_case good-ids
printf 'OPENAI_API_KEY=%s\nOPENAI_ORG_ID=org-AbCdEf123456\nOPENAI_PROJECT_ID=proj_AbCdEf123456\n' \
	"$KEY" > "$P/.env"
fx
expect 'status("org-project") == "pass"'
exit 0
