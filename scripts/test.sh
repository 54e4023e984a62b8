#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs what is needed, builds, and runs every test suite: the Catch2
# suites unit, integration and e2e, the search page in a headless browser
# (tests/browser/page_test.py), each fuzz target for 15 s (scripts/fuzz.sh),
# the unit and e2e suites again under ASan and UBSan on the fuzz build,
# then the quick benchmark and evaluation
# runs (scripts/bench.sh --quick, scripts/eval.sh --quick), one test each,
# when the team kit (../shared) is beside the repository. Ends with one line "N passed,
# N failed" and exits non-zero on any failure.
# Usage: scripts/test.sh [--sanitize]   (--sanitize: ASan+UBSan build in build-sanitize/)
set -uo pipefail
cd "$(dirname "$0")/.."

build_dir=build
setup_args=()
if [[ "${1:-}" == "--sanitize" ]]; then
  build_dir=build-sanitize
  # GCC 12 gives false maybe-uninitialized warnings inside <regex> (used by
  # Catch2's runner) when sanitizers are on; everything else stays -Werror.
  setup_args=(-Db_sanitize=address,undefined -Db_lundef=false -Dcpp_args=-Wno-maybe-uninitialized)
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0
fi

scripts/setup.sh --browser || { echo "0 passed, 1 failed"; exit 1; }
scripts/build.sh "$build_dir" "${setup_args[@]}" || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0 failed=0
# run_suite DIR SUITE [LABEL [TEST-SPEC]]: one Catch2 suite (tests/meson.build)
# of the build in DIR, its test cases added to the counts.
run_suite() {
  local dir=$1 suite=$2 label=${3:-$2} spec=("${@:4}")
  echo "== $label"
  "$dir/tests/dateline-$suite-tests" --use-colour no "${spec[@]}" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  # Catch2 v2 closes with either of:
  #   All tests passed (374 assertions in 66 test cases)
  #   test cases:  66 |  63 passed |  3 failed
  local line suite_passed=0 suite_failed=0
  if line=$(grep -E '^All tests passed' "$log"); then
    suite_passed=$(sed -E 's/.* in ([0-9]+) test case.*/\1/' <<<"$line")
  elif line=$(grep -E '^test cases:' "$log"); then
    suite_passed=$(sed -E 's/.*\| *([0-9]+) passed.*/\1/' <<<"$line")
    suite_failed=$(sed -E 's/.*\| *([0-9]+) failed.*/\1/' <<<"$line")
  fi
  # A crash leaves no summary: count it as a failure rather than a pass.
  if ((status != 0 && suite_failed == 0)); then
    echo "test.sh: the $label suite exited with status $status" >&2
    suite_failed=1
  fi
  passed=$((passed + suite_passed))
  failed=$((failed + suite_failed))
}
for suite in unit integration e2e; do run_suite "$build_dir" "$suite"; done
# One test that is a whole command: passed if it exits 0, else its output.
run_one() {
  local name=$1
  shift
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "$name: passed"
  else
    failed=$((failed + 1))
    cat "$log"
    echo "$name: FAILED"
  fi
}
if [[ $build_dir == build ]]; then
  # The search page in headless Chromium (dateline-serve on the sample
  # archive): passed if every check in it passed.
  run_one tests/browser/page_test.py /usr/bin/python3 tests/browser/page_test.py "$build_dir"
  # Every fuzz target (tests/fuzz/) for a short while, one a core side by
  # side, after replaying the inputs that once crashed it; scripts/fuzz.sh
  # SECONDS runs them longer. A target passes if its closing line says 0
  # crashes.
  targets=(text jsonl html warc manifest entities dates query http)
  fuzz_status=0
  scripts/fuzz.sh 15 "${targets[@]}" >"$log" 2>&1 || fuzz_status=$?
  fuzz_failed=0
  for target in "${targets[@]}"; do
    if grep -qE "^fuzz-$target: [0-9]+ executions in [0-9]+ s, 0 crashes" "$log"; then
      passed=$((passed + 1))
      echo "scripts/fuzz.sh 15 $target: passed"
    else
      failed=$((failed + 1))
      fuzz_failed=1
      echo "scripts/fuzz.sh 15 $target: FAILED"
    fi
  done
  if ((fuzz_status != 0 && fuzz_failed == 0)); then
    failed=$((failed + 1))
    echo "scripts/fuzz.sh: exited with status $fuzz_status"
  fi
  ((fuzz_status == 0 && fuzz_failed == 0)) || cat "$log"
  # The unit and end-to-end suites again, built with clang, ASan and UBSan
  # on the fuzz build's libraries (set up by scripts/fuzz.sh above), the
  # programs the end-to-end tests run included: memory errors and undefined
  # behaviour where the fuzz targets do not reach. (--sanitize runs every
  # suite so, with gcc, in a build of its own.)
  if meson configure build-fuzz -Dtests=true >"$log" 2>&1 &&
    ninja -C build-fuzz tests/dateline-unit-tests tests/dateline-e2e-tests indexer/dateline-index \
      searcher/dateline-search searcher/dateline-serve man-pages >>"$log" 2>&1; then
    # Not the [stress] tests: the same paths as others, looped for a minute
    # under the sanitizers (they run above, unsanitized).
    # Leaks inside Xapian are left out (tests/sanitizer/lsan.supp says which).
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0
    run_suite build-fuzz unit "unit (ASan, UBSan)"
    run_suite build-fuzz e2e "e2e (ASan, UBSan)" '~[stress]'
    unset UBSAN_OPTIONS LSAN_OPTIONS
  else
    cat "$log"
    failed=$((failed + 1))
    echo "the unit and e2e suites under ASan and UBSan: the build FAILED"
  fi
  # The quick benchmark and evaluation: each passes if it runs to the end
  # with plausible results (bench) and no figure below its floor (eval).
  if [[ -d ../shared/corpora ]]; then
    run_one "scripts/bench.sh --quick" scripts/bench.sh --quick
    run_one "scripts/eval.sh --quick" scripts/eval.sh --quick
  fi
fi
echo "$passed passed, $failed failed"
((failed == 0))
