#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Writes one man page from a program's own --help (help2man), so the page
# and the help never disagree. Called by meson (scripts/man/meson.build).
# Usage: man.sh OUT PROGRAM VERSION NAME_LINE INCLUDE [SUBCOMMAND]
#   OUT: the .1 file; PROGRAM: the built program; INCLUDE: a help2man
#   include file (FILES, ENVIRONMENT, EXAMPLES; "" for none); SUBCOMMAND:
#   the page is "PROGRAM-SUBCOMMAND", from "PROGRAM SUBCOMMAND --help".
set -eu
out=$1 program=$2 version=$3 name=$4 include=$5 sub=${6:-}
base=$(basename "$program")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/include"
[ -n "$include" ] && cat "$include" >>"$tmp/include"
if [ "$base" = dateline-search ] && [ -z "$sub" ]; then
  { echo "[QUERY LANGUAGE]"; echo ".nf"; "$program" --help-query | sed "s/\\\\/\\\\\\\\/g; s/^[.']/\\\\\&&/"; echo ".fi"; } >>"$tmp/include"
fi
includes=
[ -s "$tmp/include" ] && includes="--include $tmp/include"
help_option=--help
[ -n "$sub" ] && help_option="$sub --help"
# Run from an empty environment of data paths, so the page shows no build path.
env -u DATELINE_DATA_DIR help2man --no-info --no-discard-stderr --section 1 --source "Dateline $version" \
  --manual "Dateline manual" --version-string "$version" --name "$name" --help-option "$help_option" \
  $includes "$program" >"$tmp/page"
if [ -n "$sub" ]; then
  upper=$(echo "$base-$sub" | tr '[:lower:]' '[:upper:]')
  sed -e "s/^\.TH [^ ]*/.TH $upper/" -e "s/^$base \\\\- /$base-$sub \\\\- /" "$tmp/page" >"$out"
else
  cp "$tmp/page" "$out"
fi
