#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Configures (first time only) and compiles Dateline into build/.
# Usage: scripts/build.sh [BUILD_DIR [MESON_SETUP_ARGS...]]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:-build}
shift || true
if [[ ! -f "$build_dir/build.ninja" ]]; then
  meson setup "$build_dir" "$@" >"$build_dir.setup.log" 2>&1 || {
    cat "$build_dir.setup.log" >&2
    exit 1
  }
  rm -f "$build_dir.setup.log"
fi
meson compile -C "$build_dir" >/dev/null || meson compile -C "$build_dir"
