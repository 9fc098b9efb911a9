#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark of the live diagnosis (SPEC section 11) against fix401-mock
# --latency 200 on 127.0.0.1.  Prints one table; exits 0 whatever the
# numbers (benchmarks report, they do not fail CI), non-zero only when
# the benchmark itself cannot run.
#
# Usage: tests/bench/run.sh [FIX401 [FIX401_MOCK]]
#   defaults: $FIX401 / $FIX401_MOCK, else src/fix401 and
#   src/fix401-mock in the current (build) directory.
#   FIX401_DATADIR defaults to the source tree's data/.
#   BENCH_RUNS (default 7) runs per measurement, after one warm-up.
#   BENCH_LATENCY (default 200) the mock's latency in ms.
#
# The key never appears in any argv: fix401 reads it from DIR/.env, curl
# from a header file (-H @file), the SDK script from OPENAI_API_KEY.

here=$(cd "$(dirname "$0")" && pwd)
FIX401=${1:-${FIX401:-$PWD/src/fix401}}
FIX401_MOCK=${2:-${FIX401_MOCK:-$PWD/src/fix401-mock}}
FIX401_DATADIR=${FIX401_DATADIR:-$here/../../data}
RUNS=${BENCH_RUNS:-7}
LATENCY=${BENCH_LATENCY:-200}
export FIX401_DATADIR

die() { printf 'bench: ERROR: %s\n' "$*" >&2; exit 2; }

for t in python3 curl; do
	command -v "$t" > /dev/null 2>&1 || die "$t is required"
done
[ -x "$FIX401" ] || die "no fix401 at $FIX401"
[ -x "$FIX401_MOCK" ] || die "no fix401-mock at $FIX401_MOCK"
[ -r "$FIX401_DATADIR/mock.json" ] || die "no $FIX401_DATADIR/mock.json"

T=$(mktemp -d "${TMPDIR:-/tmp}/fix401-bench.XXXXXX") || die "mktemp failed"
chmod 700 "$T"
MOCK_PID=
cleanup() {
	if [ -n "$MOCK_PID" ]; then
		kill "$MOCK_PID" 2>/dev/null
		wait "$MOCK_PID" 2>/dev/null
	fi
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM

# -- the timer: runs ARGV RUNS times after one warm-up, stdout/stderr to
# /dev/null, prints "MEDIAN_MS RCS" (the distinct exit statuses seen).
cat > "$T/timer.py" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1])
argv = sys.argv[2:]
rcs = set()
samples = []
for i in range(runs + 1):
    t0 = time.perf_counter()
    rc = subprocess.call(argv, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dt = (time.perf_counter() - t0) * 1000.0
    rcs.add(rc)
    if i > 0:
        samples.append(dt)
print("%.1f %s" % (statistics.median(samples),
                   ",".join(str(r) for r in sorted(rcs))))
PY
timeit() { python3 "$T/timer.py" "$RUNS" "$@"; }

# -- the key (name valid-unbound), read without argv
K=$(python3 -c '
import json, sys
for k in json.load(open(sys.argv[1], encoding="utf-8"))["keys"]:
    if k["name"] == "valid-unbound":
        print(k["key"]); sys.exit(0)
sys.exit(1)' "$FIX401_DATADIR/mock.json") || die "no key valid-unbound"

mkdir "$T/home" "$T/proj" || die "mkdir failed"
(umask 077; printf 'OPENAI_API_KEY=%s\n' "$K" > "$T/proj/.env") ||
	die "cannot write .env"
(umask 077; printf 'Authorization: Bearer %s\n' "$K" > "$T/auth.hdr") ||
	die "cannot write the header file"
printf '%s' '{"model":"gpt-4.1-nano","messages":[{"role":"user","content":"Say OK"}],"max_completion_tokens":16}' \
	> "$T/body.json"

# -- the mock
"$FIX401_MOCK" --port 0 --latency "$LATENCY" > "$T/mock.out" \
	2> "$T/mock.err" < /dev/null &
MOCK_PID=$!
URL=
i=0
while [ $i -lt 100 ]; do
	URL=$(sed -n '1{/^https\{0,1\}:\/\/.*\/v1$/p;}' "$T/mock.out")
	[ -n "$URL" ] && break
	kill -0 "$MOCK_PID" 2>/dev/null || break
	sleep 0.1
	i=$((i + 1))
done
[ -n "$URL" ] || die "fix401-mock did not come up: $(cat "$T/mock.err")"

# fix401 in a clean environment, as the tests run it
F="env -i HOME=$T/home PATH=/usr/bin:/bin FIX401_DATADIR=$FIX401_DATADIR LC_ALL=C.UTF-8 $FIX401"

# shellcheck disable=SC2086
set -- $(timeit $F --check --json --base-url "$URL" "$T/proj")
check_ms=$1 check_rc=$2
set -- $(timeit curl -s -o /dev/null -f -X POST -H @"$T/auth.hdr" \
	-H 'Content-Type: application/json' --data-binary @"$T/body.json" \
	"$URL/chat/completions")
curl_ms=$1 curl_rc=$2
# shellcheck disable=SC2086
set -- $(timeit $F --version)
ver_ms=$1 ver_rc=$2
# shellcheck disable=SC2086
set -- $(timeit $F --check --offline "$T/proj")
off_ms=$1 off_rc=$2

# -- the SDK baseline
sdk_ms= sdk_note=
if ! command -v node > /dev/null 2>&1 || ! command -v npm > /dev/null 2>&1
then
	sdk_note="sdk: skipped (no node/npm)"
elif ! timeout 180 npm install --prefix "$T/sdk" --no-audit --no-fund \
	--loglevel=error openai > "$T/npm.log" 2>&1
then
	sdk_note="sdk: skipped (npm install failed)"
else
	sdk_ver=$(node -p "require('$T/sdk/node_modules/openai/package.json').version" 2>/dev/null)
	set -- $(OPENAI_API_KEY=$K timeit node "$here/sdk.js" "$T/sdk" "$URL")
	sdk_ms=$1 sdk_rc=$2
	[ "$sdk_rc" = 0 ] || sdk_note="sdk: sdk.js exited $sdk_rc"
fi

# -- peak RSS
rss_kb= rss_note=
if [ -x /usr/bin/time ]; then
	# shellcheck disable=SC2086
	/usr/bin/time -v -o "$T/time.out" $F --check --json --base-url "$URL" \
		"$T/proj" > /dev/null 2>&1
	rss_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' \
		"$T/time.out")
else
	rss_note="rss: skipped (/usr/bin/time missing: apt-get install time)"
fi

# -- the table
python3 - "$check_ms" "$curl_ms" "${sdk_ms:-}" "$ver_ms" "$off_ms" \
	"${rss_kb:-}" <<'PY'
import sys
check, curl, sdk, ver, off, rss = sys.argv[1:]
check, curl, ver, off = map(float, (check, curl, ver, off))
rows = []
def row(name, val, ratio, target, ok):
    rows.append((name, val, ratio, target,
                 "n/a" if ok is None else ("PASS" if ok else "MISS")))
r = check / curl
row("fix401 --check --json (live)", "%.1f" % check, "%.2fx curl",
    "<= 1.15x curl", r <= 1.15)
rows[-1] = rows[-1][:2] + ("%.2fx curl" % r,) + rows[-1][3:]
row("curl POST /chat/completions", "%.1f" % curl, "1.00x", "baseline", None)
if sdk:
    s = float(sdk)
    row("openai SDK (list + create)", "%.1f" % s, "%.2fx fix401" % (s / check),
        "report (~2.5-3x)", None)
else:
    row("openai SDK (list + create)", "-", "-", "report (~2.5-3x)", None)
row("fix401 --version", "%.1f" % ver, "-", "< 30 ms", ver < 30)
row("fix401 --check --offline", "%.1f" % off, "-", "< 30 ms", off < 30)
if rss:
    mb = int(rss) / 1024.0
    row("peak RSS --check --json", "%.1f MB" % mb, "-", "< 16 MB", mb < 16)
else:
    row("peak RSS --check --json", "-", "-", "< 16 MB", None)
hdr = ("measurement", "median ms", "ratio", "target", "verdict")
w = [max(len(x[i]) for x in rows + [hdr]) for i in range(5)]
fmt = "| " + " | ".join("%%-%ds" % n for n in w) + " |"
print(fmt % hdr)
print("|" + "|".join("-" * (n + 2) for n in w) + "|")
for x in rows:
    print(fmt % x)
PY

printf '\nruns: %s (median, after 1 warm-up); mock latency: %s ms; %s\n' \
	"$RUNS" "$LATENCY" "$URL"
printf 'exit statuses: check=%s curl=%s version=%s offline=%s%s\n' \
	"$check_rc" "$curl_rc" "$ver_rc" "$off_rc" "${sdk_rc:+ sdk=$sdk_rc}"
[ -n "${sdk_ver:-}" ] && printf 'openai npm package: %s; node %s\n' \
	"$sdk_ver" "$(node --version)"
[ -n "$sdk_note" ] && echo "$sdk_note"
[ -n "$rss_note" ] && echo "$rss_note"
[ "$curl_rc" = 0 ] || echo "warning: curl failed (exit $curl_rc): the baseline is wrong"
exit 0
