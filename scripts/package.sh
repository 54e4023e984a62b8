#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds the Debian package of what is committed (HEAD): a copy of the tree
# with scripts/debian/ as debian/, then dpkg-buildpackage -us -uc -b
# (debhelper, meson build system, tests off) and lintian. The .deb and the
# lintian report land in build/package/. Installs the build tools first.
# Usage: scripts/package.sh [--install-check]
#   --install-check: then install the .deb (root), run dateline-index
#   --version from /usr/bin, index and search the installed sample, purge
#   the package, and fail if any of its files remain.
set -euo pipefail
cd "$(dirname "$0")/.."

install_check=0
[[ ${1:-} == --install-check ]] && install_check=1
scripts/setup.sh
tools=(debhelper dpkg-dev fakeroot lintian)
missing=()
for package in "${tools[@]}"; do
  [[ $(dpkg-query -W -f='${Status}' "$package" 2>/dev/null) == "install ok installed" ]] || missing+=("$package")
done
if ((${#missing[@]})); then
  as_root=()
  ((EUID == 0)) || as_root=(sudo)
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

out=$PWD/build/package
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(dpkg-parsechangelog -l scripts/debian/changelog -S Version)
src=$work/dateline-$version
mkdir "$src"
git archive HEAD | tar -x -C "$src"
cp -r "$src/scripts/debian" "$src/debian"
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1 || {
  tail -40 "$out/build.log" >&2
  echo "package.sh: dpkg-buildpackage failed (whole log: $out/build.log)" >&2
  exit 1
}
deb=$(ls "$work"/dateline_"$version"_*.deb)
cp "$deb" "$out/"
lintian --info "$work"/*.changes >"$out/lintian.txt" 2>&1 || true
echo "package: $out/$(basename "$deb")"
echo "lintian: $(grep -c '^E:' "$out/lintian.txt" || true) errors, $(grep -c '^W:' "$out/lintian.txt" || true) warnings ($out/lintian.txt)"
! grep -q '^E:' "$out/lintian.txt" || exit 1
((install_check)) || exit 0
apt-get install -y -qq "$out/$(basename "$deb")" >/dev/null
/usr/bin/dateline-index --version
# The installed programs on the installed sample, with no build tree in sight.
sample=/usr/share/doc/dateline/examples/sample
(cd / && dateline-index update --quiet --db "$work/db" --manifest "$sample/manifest.jsonl" "$sample/articles")
hits=$(cd / && dateline-search --db "$work/db" --no-facets --limit 1 flood)
grep -q 'flood' <<<"$hits" || { echo "package.sh: the installed search found no flood in the sample: $hits" >&2; exit 1; }
echo "installed sample indexed and searched: $(head -n 1 <<<"$hits")"
files=$(dpkg -L dateline | while read -r f; do if [[ -f $f ]]; then echo "$f"; fi; done)
apt-get purge -y -qq dateline >/dev/null
left=$(for f in $files; do if [[ -e $f ]]; then echo "$f"; fi; done)
[[ -z $left ]] || { echo "package.sh: left after purge: $left" >&2; exit 1; }
echo "installed, ran and purged: $(wc -w <<<"$files") files, none left"
