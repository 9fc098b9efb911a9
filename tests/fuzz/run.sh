#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer target with clang (ASan+UBSan) and runs it.
# Usage: run.sh SRCDIR BUILDDIR SECONDS
set -eu
src=$(cd "$1" && pwd)
build=$2
secs=${3:-60}
command -v clang >/dev/null 2>&1 || { echo "clang is not installed" >&2; exit 1; }
mkdir -p "$build"
cd "$build"
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
"$src/configure" -q CC=clang \
	CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $san"
make -j2 src/libfix401.a >/dev/null
clang -g -O1 -fsanitize=fuzzer $san -I. -I"$src/src" \
	"$src/tests/fuzz/fuzz-dotenv.c" src/libfix401.a \
	$(pkg-config --libs libcjson libcrypto) -o fuzz-dotenv
mkdir -p corpus
cp "$src"/tests/dotenv/cases/* "$src"/tests/fuzz/seeds/* corpus/ 2>/dev/null || true
./fuzz-dotenv -max_total_time="$secs" -max_len=4096 -timeout=10 \
	-rss_limit_mb=2048 -print_final_stats=1 corpus 2>fuzz.log || {
	tail -60 fuzz.log
	exit 1
}
tail -5 fuzz.log
