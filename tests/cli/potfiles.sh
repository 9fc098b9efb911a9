#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source that marks strings with _(), N_() or ngettext() must be in
# po/POTFILES.in, and every listed file must exist.
. "$srcdir/tests/lib.sh"
cd "$srcdir" || exit 99
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
used=$(grep -l -E '\b(_|N_|ngettext)\(' src/*.c | sort)
missing=$(printf '%s\n' "$used" | comm -23 - "$(printf '%s\n' "$listed" > "$T/l"; echo "$T/l")")
[ -z "$missing" ] || fail "not in po/POTFILES.in: $missing"
for f in $listed; do
	[ -f "$f" ] || fail "po/POTFILES.in lists a missing file: $f"
done
# i18n.h must stay the only definition of the markers.
if grep -n -E '#define +(_|N_)\(' src/*.c src/*.h | grep -v '^src/i18n.h:'
then
	fail "_() or N_() defined outside src/i18n.h"
fi
echo "$(printf '%s\n' "$listed" | wc -l) files listed, all present"
