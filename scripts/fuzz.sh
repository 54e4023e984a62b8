#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Fuzzes what Dateline reads from outside (tests/fuzz/): the plain-text,
# JSON Lines and HTML readers, manifests, the entity finder, dates, the
# query path and the HTTP API's request handling. Builds the libFuzzer targets with clang, ASan and
# UBSan in build-fuzz/, then runs each for SECONDS, seeded from
# tests/fuzz/seeds/NAME/ and the sample in data/; what a target learns is
# kept in build-fuzz/corpus/NAME/ for the next run. Ends with one line a
# target: executions, seconds and crashes. A crash, leak, UBSan report or an
# input slower than 10 s fails the run; the input that did it is saved in
# build-fuzz/crashes/NAME/ (make it a regression test in
# tests/fuzz/regressions/NAME/, which every run replays first).
# Usage: scripts/fuzz.sh [SECONDS [NAME...]]   (default 60 s, every target)
set -euo pipefail
cd "$(dirname "$0")/.."

all=(text jsonl html manifest entities dates query http)
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")
[[ $seconds =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2; }
for name in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $name "* ]] || { echo "fuzz.sh: no target '$name' (${all[*]})" >&2; exit 2; }
done

scripts/setup.sh --fuzz
build=build-fuzz
if [[ ! -f $build/build.ninja ]]; then
  # -O1 as libFuzzer's documentation advises; clang's warnings are not
  # gcc's, so they do not fail this build (build/ keeps -Werror).
  CXX=clang++ meson setup "$build" -Dfuzz=true -Dtests=false -Db_sanitize=address,undefined -Db_lundef=false \
    -Doptimization=1 -Ddebug=true -Dwerror=false >"$build.setup.log" 2>&1 || { cat "$build.setup.log" >&2; exit 1; }
  rm -f "$build.setup.log"
fi
ninja -C "$build" "${targets[@]/#/tests/fuzz/fuzz-}" >/dev/null || ninja -C "$build" "${targets[@]/#/tests/fuzz/fuzz-}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work  # the targets' own files (tests/fuzz/fuzz_files.cpp)
export DATELINE_DATA_DIR=$PWD/data
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

# seed NAME DIR: the seeds of one target into DIR.
seed() {
  local name=$1 dir=$2
  [[ -d tests/fuzz/seeds/$name ]] && cp tests/fuzz/seeds/"$name"/* "$dir"/
  case $name in
    text|entities) cp data/sample/articles/*/*.txt "$dir"/ ;;
    jsonl) cp data/sample/manifest.jsonl "$dir"/sample-manifest.jsonl ;;
    manifest) { printf '\x00'; cat data/sample/manifest.jsonl; } >"$dir"/sample-manifest ;;
  esac
  return 0
}

status=0
for name in "${targets[@]}"; do
  binary=$build/tests/fuzz/fuzz-$name
  corpus=$build/corpus/$name crashes=$build/crashes/$name
  mkdir -p "$corpus" "$crashes" "$work/seeds-$name"
  seed "$name" "$work/seeds-$name"
  # Inputs that once crashed must stay fixed.
  regressions=(tests/fuzz/regressions/"$name"/*)
  if [[ -e ${regressions[0]} ]] && ! "$binary" "${regressions[@]}" >"$work/log" 2>&1; then
    cat "$work/log" >&2
    echo "fuzz-$name: a regression input in tests/fuzz/regressions/$name fails again"
    status=1
    continue
  fi
  # -entropic=0: libFuzzer's default scheduling spent 64% of fuzz-text's
  # time keeping its feature frequencies (perf); without it, 4x the runs.
  if "$binary" -max_total_time="$seconds" -entropic=0 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$crashes/" "$corpus" "$work/seeds-$name" >"$work/log" 2>&1; then
    crashed=0
  else
    crashed=1
    status=1
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written|==[0-9]+==' "$work/log" | head -n 20 >&2
  fi
  executions=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$work/log" | tail -n 1)
  echo "fuzz-$name: ${executions:-0} executions in ${seconds} s, $crashed crashes ($(ls "$corpus" | wc -l) inputs in its corpus)"
done
exit "$status"
