# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the indexing benchmarks (bench-entities.sh, bench-clusters.sh).
# index_seconds WORK COMMAND CORPUS [OPTION...]: the seconds dateline-index
# COMMAND (update or rebuild) takes to index CORPUS into a new database
# under WORK with the options given; the database is removed after.
index_seconds() {
  local work=$1 command=$2 corpus=$3
  shift 3
  local db=$work/db-$RANDOM start end
  start=$(date +%s.%N)
  build/indexer/dateline-index "$command" --quiet --db "$db" "$@" "$corpus" 2>/dev/null || [[ $? == 1 ]]
  end=$(date +%s.%N)
  rm -rf "$db"
  awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}
