#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The fix401 authors.
# Parity: every tests/dotenv/cases/*.env is read by fix401's five loaders
# (dump-loaders) and by the real programs, and the results must agree:
#   python-dotenv  Debian's python3-dotenv, dotenv_values(path)
#   npm dotenv     dotenv@18 installed here into a temp folder, parse(Buffer)
#   sh             /bin/sh: set -a; . ./f
#   docker/compose expected/<case>.json, derived by hand from the documented
#                  rules (no docker engine here; see make-cases.py)
# compare.py prints one line per difference and a summary.
. "$srcdir/tests/lib.sh"

here=$srcdir/tests/dotenv
dump=$top_builddir/tests/dotenv/dump-loaders
[ -x "$dump" ] || fail "$dump is not built"

/usr/bin/python3 -c 'import dotenv' 2>/dev/null ||
	skip "python3-dotenv is not installed (/usr/bin/python3 -c 'import dotenv')"
require_tool node
require_tool npm

# Bounded: a hung registry must not hang the test suite.
limit=
command -v timeout >/dev/null 2>&1 && limit="timeout 120"
$limit npm install --prefix "$T/npm" dotenv@18 --no-audit --no-fund \
	--silent >"$T/npm.log" 2>&1 ||
	skip "could not install npm dotenv@18: $(tail -n 3 "$T/npm.log")"

node "$here/node-parse.js" "$T/npm/node_modules/dotenv" "$here"/cases/*.env \
	>"$T/node.json" || fail "node-parse.js failed"

/usr/bin/python3 "$here/compare.py" --dump "$dump" --cases "$here/cases" \
	--expected "$here/expected" --node "$T/node.json" --tmp "$T" "$@"
