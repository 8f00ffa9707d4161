#!/usr/bin/env bash
# Builds the sample Content/ and the generated `--variant alt` tree with the `portal` of two
# commits and compares the outputs byte for byte. A refactoring that must not change the site
# passes when this prints "identical" for both trees.
#
#   Tools/compare-builds.sh [BASE [HEAD]]    defaults: HEAD~1 and the working tree
#
# Each commit is checked out into a git worktree under $WORK (default /dev/shm/portal-compare)
# and built in release mode with its own scratch path; the working tree is built as it is.
# Exit status: 0 if both trees are identical, 1 if any differs, 2 on a setup error.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
base=${1:-HEAD~1}
head=${2:-}
work=${WORK:-/dev/shm/portal-compare}
shared=${SHARED:-$repo/../shared}
mkdir -p "$work"

# Prints the path of a release `portal` built from REV (or from the working tree if REV is empty).
build_portal() {
  local rev=$1 src
  if [ -z "$rev" ]; then
    src=$repo
  else
    local sha; sha=$(git rev-parse --verify "$rev^{commit}") || exit 2
    src=$work/src-$sha
    if [ ! -d "$src" ]; then
      git worktree add --detach "$src" "$sha" >/dev/null 2>&1 || { echo "compare-builds: cannot check out $rev" >&2; exit 2; }
    fi
  fi
  swift build -c release --product portal --package-path "$src" --scratch-path "$src/.build-compare" >&2 || exit 2
  echo "$src/.build-compare/release/portal"
}

echo "Building $base …"
old=$(build_portal "$base")
echo "Building ${head:-the working tree} …"
new=$(build_portal "$head")

# The alt tree is generated once, by the working tree's generator, so both builds read the same files.
alt=$work/content-alt
rm -rf "$alt"
python3 Tools/sample-content/generate.py --data "$shared/data" --out "$alt" --variant alt >/dev/null

status=0
for tree in sample alt; do
  if [ "$tree" = sample ]; then content=$repo/Content; else content=$alt; fi
  rm -rf "$work/out-old-$tree" "$work/out-new-$tree"
  # Run from $work, which has no Templates/ folder: each binary uses its own built-in theme.
  (cd "$work" && "$old" build --quiet --clean --content "$content" --output "$work/out-old-$tree" >/dev/null)
  (cd "$work" && "$new" build --quiet --clean --content "$content" --output "$work/out-new-$tree" >/dev/null)
  if diff -r -q "$work/out-old-$tree" "$work/out-new-$tree" >"$work/diff-$tree.txt"; then
    echo "$tree: identical ($(find "$work/out-new-$tree" -type f | wc -l) files)"
  else
    echo "$tree: DIFFERENT — $(wc -l <"$work/diff-$tree.txt") entries, see $work/diff-$tree.txt"
    head -5 "$work/diff-$tree.txt"
    status=1
  fi
done
exit $status
