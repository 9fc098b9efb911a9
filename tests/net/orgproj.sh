#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The organization and project headers: a wrong one is named with the
# variable and the line that sets it, proven by the differential retry
# (the mock's log shows the retry without that header).
. "$srcdir/tests/net/common.inc"

ORG=org-nqjJJ568Jzl8jkhkVHaYhJfC	# what the mock binds "bound" to
PROJ=proj_WGkRymwwG45eU9lvUfVov4d4
use_key bound

new_case wrong-org
dotenv_key
printf 'OPENAI_ORG_ID=org-StaleStaleStale0000000\nOPENAI_PROJECT_ID=%s\n' \
	"$PROJ" >> "$P/.env"
live
expect_rc 1
expect 'status("org-project") == "fail"' \
	'"OPENAI_ORG_ID" in summary("org-project")' \
	'".env:2" in summary("org-project")' \
	'"without the OpenAI-Organization header" in detail("org-project")' \
	"$(req models)['cause'] == 'mismatched-organization'" \
	"$(req no-organization)['status'] == 200" \
	"$(req no-organization)['project_sent']" \
	"not $(req no-organization)['organization_sent']"
seen 'log[-1]["organization"] is None or log[-2]["organization"] is None' \
	'sum(1 for l in log if l["organization"] is None) == 1'

new_case wrong-project	# set in the environment, not the file
dotenv_key
live OPENAI_PROJECT_ID=proj_StaleStaleStale000000000
expect_rc 1
expect 'status("org-project") == "fail"' \
	'"OPENAI_PROJECT_ID" in summary("org-project")' \
	'"environment" in summary("org-project")' \
	"$(req models)['cause'] == 'mismatched-project'" \
	"$(req no-project)['status'] == 200"
seen 'sum(1 for l in log if l["project"] is None) == 1'

new_case not-the-headers	# a refused key: the headers are not the cause
use_key revoked
dotenv_key
printf 'OPENAI_ORG_ID=%s\n' "$ORG" >> "$P/.env"
live
expect_rc 1
expect 'status("org-project") == "pass"' \
	'"neither header" in summary("org-project")' \
	"$(req no-organization)['status'] == 401"
