#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs what building and testing Dateline needs on Debian 12, and nothing
# when it is all there already. Runs apt-get update only when a package is
# missing. Needs root (or sudo).
# Usage: scripts/setup.sh [--browser] [--fuzz]   (--browser: also headless
# Chromium and Selenium, for the search page's browser test; --fuzz: also
# clang and libFuzzer, for scripts/fuzz.sh)
set -euo pipefail

packages=(
  g++ meson ninja-build pkg-config
  libxapian-dev libboost-program-options-dev libfmt-dev nlohmann-json3-dev zlib1g-dev libzstd-dev libedit-dev
  libgumbo-dev libcsv-dev  # HTML5 parsing for the HTML reader, CSV manifests
  libjemalloc-dev  # the indexer's allocator
  libcpp-httplib-dev  # dateline-serve's HTTP server
  help2man  # the man pages, from each program's --help
  catch2 libsqlite3-dev time  # tests and benchmarks (FTS5 floor, peak memory)
  xapian-tools  # xapian-tcpsrv: the remote-backend facet test
  tmux  # drives the search shell in a real terminal in the end-to-end tests
  zsh  # the zsh completion's test
)
for extra in "$@"; do
  case $extra in
    --browser) packages+=(chromium chromium-driver python3-selenium) ;;  # tests/browser/page_test.py
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;  # scripts/fuzz.sh: libFuzzer, ASan, UBSan
    *) echo "setup.sh: unknown option $extra (--browser, --fuzz)" >&2; exit 2 ;;
  esac
done

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

as_root=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "setup.sh: need root to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi

echo "setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
