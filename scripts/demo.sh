#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The demo: installs what is needed, builds, indexes the bundled sample
# archive (data/sample) into build/demo-db, and runs a few searches.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh

index=build/indexer/dateline-index
search=build/searcher/dateline-search
db=build/demo-db

rm -rf "$db"
# Echo each command (bold on a terminal) and run it; exit status 1 (partial,
# or no hits) is not a failure of the demo.
show() {
  local bold='' plain=''
  [[ -t 1 ]] && bold=$'\033[1m' plain=$'\033[0m'
  printf '\n%s$' "$bold"; printf ' %q' "$@"; printf '%s\n' "$plain"
  "$@" || [[ $? == 1 ]]
}

show "$index" update --db "$db" --manifest data/sample/manifest.jsonl data/sample/articles
show "$search" --db "$db" --limit 3 Haddad
show "$search" --db "$db" --limit 2 'flood date:2024-02'
show "$search" --db "$db" --limit 2 'strike outlet:"Meridian Wire"'
show "$search" --db "$db" --json --limit 1 --snippet-length 80 'tram route'
show "$search" --db "$db" --limit 3 --sort -date --no-facets 'harbour*'
show "$search" --db "$db" --limit 1 --no-facets 'dockworkrs'
echo
echo "Interactive: $search --db $db   (with no query on a terminal; :help lists the commands)"
