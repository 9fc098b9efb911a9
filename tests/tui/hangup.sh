#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The terminal goes away under the wizard (an SSH connection drops, the
# terminal window is closed: the pty hangs up) while the confirm dialog
# of f is open.  Only the session leader gets SIGHUP from the kernel:
# here that is the shell that started fix401, which keeps running, so
# fix401 sees its terminal at end of file.  It must end on its own (as
# for SIGHUP: 129), never spin, and leave .env as it was.
. "$srcdir/tests/tui/tui.inc"
require_tool pgrep

start_mock
use_key valid-unbound

new_project hangup
printf 'OPENAI_API_KEY="%s"\nOTHER=1\n' "$K" > "$P/.env"
chmod 600 "$P/.env"
cp "$P/.env" "$T/original"
tui_start -- --base-url "$MOCK_URL" --timeout 10 "$P"
tui_wait_for -l 0 ' fix401  Welcome'
tui_keys Enter
tui_wait_for -l 0 ': The .env line is clean'
tui_keys f
tui_wait_for 'Write this change?'
pid=$(tui_pid)
tui kill-server		# the pty's master closes: the terminal is gone
end=$(( $(date +%s) + 10 ))
while kill -0 "$pid" 2>/dev/null; do
	if [ "$(date +%s)" -ge "$end" ]; then
		kill -s KILL "$pid"
		fail "$CASE: fix401 still ran 10 s after its terminal went away"
	fi
	sleep 0.05
done
tui_wait_exit
[ "$tui_rc" -eq 129 ] || fail "$CASE: exit status $tui_rc, not 129"
cmp -s "$P/.env" "$T/original" || fail "$CASE: .env changed"
[ "$(ls -A "$P")" = .env ] || fail "$CASE: left in the project: $(ls -A "$P")"
exit 0
