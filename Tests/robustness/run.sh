#!/usr/bin/env bash
# Robustness tests: interrupted, crashed, disk-full and concurrent builds (test_interruption.py) and a
# generative fuzz test of the content loaders (test_fuzz.py). Run from anywhere:
#
#   bash Tests/robustness/run.sh [pytest options]
#   FUZZ_SECONDS=300 bash Tests/robustness/run.sh -k fuzz
#
# Environment: PORTAL_BIN (default .build/release/portal, else .build/debug/portal), FUZZ_SECONDS
# (default 60), FUZZ_SEED, FUZZ_CASE, PYTHON (default python3). Exit status is pytest's.
set -u
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
"${PYTHON:-python3}" -m pytest -q Tests/robustness "$@"
exit $?
