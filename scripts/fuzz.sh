#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Fuzzes what Dateline reads from outside (tests/fuzz/): the plain-text,
# JSON Lines and HTML readers, manifests, the entity finder, dates, the
# query path and the HTTP API's request handling. Builds the libFuzzer
# targets with clang, ASan and UBSan in build-fuzz/, then runs each for
# SECONDS, one a core side by side, seeded from tests/fuzz/seeds/NAME/ and
# the sample in data/; what a target learns is kept in build-fuzz/corpus/NAME/
# for the next run. Ends with one line a target: executions, seconds and
# crashes. A crash, leak, UBSan report or an input slower than 10 s fails
# the run; the input that did it is saved in build-fuzz/crashes/NAME/ (make
# it a regression test in tests/fuzz/regressions/NAME/, which every run
# replays first).
# Usage: scripts/fuzz.sh [SECONDS [NAME...]]   (default 60 s, every target;
# FUZZ_JOBS=N targets at a time, default one a core)
set -euo pipefail
cd "$(dirname "$0")/.."

all=(text jsonl html warc manifest entities dates query http)
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
  # -O2: the entity target ran 1.65 times as many inputs a second as at
  # -O1. Without UBSan's object-size check (ASan finds what it would):
  # with it clang inlines not even vector::operator[]; 1.5 times as many
  # again. clang's warnings are not gcc's, so they do not fail this build
  # (build/ keeps -Werror). Tests on: scripts/test.sh builds the unit and
  # e2e suites here too, to run them under the same sanitizers.
  CXX=clang++ meson setup "$build" -Dfuzz=true -Dtests=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dcpp_args=-fno-sanitize=object-size -Doptimization=2 -Ddebug=true -Dwerror=false \
    >"$build.setup.log" 2>&1 || { cat "$build.setup.log" >&2; exit 1; }
  rm -f "$build.setup.log"
fi
ninja -C "$build" "${targets[@]/#/tests/fuzz/fuzz-}" >/dev/null || ninja -C "$build" "${targets[@]/#/tests/fuzz/fuzz-}"

# The targets write each input to a file (tests/fuzz/fuzz_files.cpp): in
# memory when /dev/shm is there (on ext4, writing it back took a third of
# the text target's time).
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work
export DATELINE_DATA_DIR=$PWD/data
# malloc_context_size=2: ASan unwinds and stores each allocation's stack
# (10% of fuzz-http's time at the default 30 frames); a crash's input is
# saved, and replaying it (build-fuzz/tests/fuzz/fuzz-NAME FILE) gives the
# full stacks. 20 s a target, in turn, same corpus and seed: entities 591-592
# against 610-648 inputs/s, http 1,033-1,093 against 1,200-1,298, manifest
# 819-947 against 916-953, jsonl 792-818 against 875-890.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1:malloc_context_size=2
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

# fuzz NAME: replays NAME's regressions, then fuzzes it; its report goes
# to $work/report-NAME, and a failure leaves $work/failed-NAME (a file, not
# an exit status: a job may end before anyone waits for it).
fuzz() {
  local name=$1 binary=$build/tests/fuzz/fuzz-$1 corpus=$build/corpus/$1 crashes=$build/crashes/$1
  local log=$work/log-$name report=$work/report-$name
  mkdir -p "$corpus" "$crashes" "$work/seeds-$name"
  seed "$name" "$work/seeds-$name"
  # Inputs that once crashed must stay fixed.
  local regressions=(tests/fuzz/regressions/"$name"/*)
  if [[ -e ${regressions[0]} ]] && ! "$binary" "${regressions[@]}" >"$log" 2>&1; then
    { cat "$log"; echo "fuzz-$name: a regression input in tests/fuzz/regressions/$name fails again"; } >"$report"
    touch "$work/failed-$name"
    return
  fi
  # -entropic=0: libFuzzer's default scheduling spent 64% of fuzz-text's
  # time keeping its feature frequencies (perf); without it, 4x the runs.
  local crashed=0
  "$binary" -max_total_time="$seconds" -entropic=0 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "$work/seeds-$name" >"$log" 2>&1 || crashed=1
  {
    if ((crashed)); then grep -E 'ERROR|SUMMARY|runtime error|Test unit written|==[0-9]+==' "$log" | head -n 20 || true; fi
    local executions
    executions=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -n 1)
    echo "fuzz-$name: ${executions:-0} executions in ${seconds} s, $crashed crashes ($(ls "$corpus" | wc -l) inputs in its corpus)"
  } >"$report"
  ((crashed == 0)) || touch "$work/failed-$name"
}

at_once=${FUZZ_JOBS:-$(nproc)}
for name in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= at_once)); do wait -n || true; done
  fuzz "$name" &
done
wait
status=0
for name in "${targets[@]}"; do
  if [[ -f $work/report-$name ]]; then cat "$work/report-$name"; else echo "fuzz-$name: stopped without a report"; fi
  [[ -f $work/report-$name && ! -e $work/failed-$name ]] || status=1
done
exit "$status"
