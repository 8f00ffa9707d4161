#!/usr/bin/env bash
# Browser accessibility and behaviour tests: axe-core, Nu Html Checker, CSP, reflow, keyboard and
# form behaviour in headless Chromium. Run from anywhere:
#
#   bash Tests/browser/run.sh [pytest options]            # builds the sample site with the portal binary
#   PORTAL_SITE=/dev/shm/site bash Tests/browser/run.sh   # tests an already built site
#
# Environment: PORTAL_BIN (default .build/debug/portal, else .build/release/portal), PORTAL_SITE,
# PORTAL_KEEP_SITE=1 (keep the temporary build), PYTHON (default python3).
# Installs the Python requirements quietly when they are missing, and Chromium, its driver and a
# Java runtime through apt-get when missing and running as root. Exit status is pytest's.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
PYTHON="${PYTHON:-python3}"

missing_debs=()
[ -x /usr/bin/chromium ] || missing_debs+=(chromium)
[ -x /usr/bin/chromedriver ] || missing_debs+=(chromium-driver)
command -v java >/dev/null 2>&1 || missing_debs+=(openjdk-17-jre-headless)
if [ ${#missing_debs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "browser tests: installing ${missing_debs[*]}" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_debs[@]}") >/dev/null \
      || { echo "browser tests: apt-get install ${missing_debs[*]} failed" >&2; exit 3; }
  else
    echo "browser tests: missing ${missing_debs[*]} (install them, e.g. with apt-get)" >&2
    exit 3
  fi
fi

# Are the pinned requirements installed (same versions)?
if ! "$PYTHON" - "$here/requirements.txt" <<'EOF'
import sys
from importlib.metadata import version, PackageNotFoundError
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, _, wanted = line.partition("==")
    try:
        if wanted and version(name.strip()) != wanted.strip():
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
EOF
then
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r "$here/requirements.txt" \
    || { echo "browser tests: pip install -r $here/requirements.txt failed" >&2; exit 3; }
fi

cd "$repo"
"$PYTHON" -m pytest -c "$here/pytest.ini" --rootdir "$here" "$here" "$@"
exit $?
