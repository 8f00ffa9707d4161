#!/usr/bin/env bash
# Builds the sample Content/ and the generated `--variant alt` tree with the `portal` of two
# commits and compares the outputs byte for byte. A refactoring that must not change the site
# passes when this prints "identical" for both trees.
#
#   Tools/compare-builds.sh [BASE [HEAD]]    defaults: HEAD~1 and the working tree
#
# For a change that adds files or site.yml keys (an older binary refuses keys it does not know):
#   STRIP_SITE_KEYS="security_txt feedback open_data"  build both from a copy of Content/ whose
#                                                      site.yml lacks these top-level keys
#   ALLOW_NEW_FILES=1    files only the new build has are listed, not counted as a difference
#   NEW_FLAGS="…"        extra options for the new binary's build
#   SAMPLE_CONTENT=DIR   build the sample from DIR instead of Content/ (e.g. a copy without the
#                        keys an older binary refuses in files other than site.yml)
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

# Removes top-level keys (with their indented lines and the comment lines just above) from site.yml.
strip_site_keys() {
  python3 - "$1" ${STRIP_SITE_KEYS:-} <<'PY'
import re, sys
path, keys = sys.argv[1], set(sys.argv[2:])
lines, out, skipping = open(path, encoding="utf-8").read().splitlines(keepends=True), [], False
for line in lines:
    key = re.match(r"([a-z_]+):", line)
    if key:
        skipping = key.group(1) in keys
        if skipping:
            while out and out[-1].startswith("#"):
                out.pop()
    elif not (line.startswith((" ", "\t")) or not line.strip()):
        skipping = False
    if not skipping:
        out.append(line)
open(path, "w", encoding="utf-8").writelines(out)
PY
}

status=0
for tree in sample alt; do
  if [ "$tree" = sample ]; then content=${SAMPLE_CONTENT:-$repo/Content}; else content=$alt; fi
  if [ -n "${STRIP_SITE_KEYS:-}" ]; then
    rm -rf "$work/content-stripped-$tree"
    cp -r "$content" "$work/content-stripped-$tree"
    content=$work/content-stripped-$tree
    strip_site_keys "$content/site.yml"
  fi
  rm -rf "$work/out-old-$tree" "$work/out-new-$tree"
  # Run from $work, which has no Templates/ folder: each binary uses its own built-in theme.
  (cd "$work" && "$old" build --quiet --clean --content "$content" --output "$work/out-old-$tree" >/dev/null)
  # shellcheck disable=SC2086
  (cd "$work" && "$new" build --quiet --clean ${NEW_FLAGS:-} --content "$content" --output "$work/out-new-$tree" >/dev/null)
  diff -r -q "$work/out-old-$tree" "$work/out-new-$tree" >"$work/diff-$tree.txt" || true
  if [ -n "${ALLOW_NEW_FILES:-}" ]; then
    grep "^Only in $work/out-new-$tree" "$work/diff-$tree.txt" >"$work/new-$tree.txt" || true
    grep -v "^Only in $work/out-new-$tree" "$work/diff-$tree.txt" >"$work/diff-$tree.txt.rest" || true
    mv "$work/diff-$tree.txt.rest" "$work/diff-$tree.txt"
  fi
  if [ ! -s "$work/diff-$tree.txt" ]; then
    echo "$tree: identical ($(find "$work/out-old-$tree" -type f | wc -l) files of the old build)${ALLOW_NEW_FILES:+; new entries only in the new build: $(wc -l <"$work/new-$tree.txt"), see $work/new-$tree.txt}"
  else
    echo "$tree: DIFFERENT — $(wc -l <"$work/diff-$tree.txt") entries, see $work/diff-$tree.txt"
    head -5 "$work/diff-$tree.txt"
    status=1
  fi
done
exit $status
