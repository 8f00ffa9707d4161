"""What both robustness suites share: where the repository and the binary under test are, and
the text a crashing Swift program leaves on stderr."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CRASH_MARKERS = ("Fatal error", "Stack dump", "Segmentation", "Illegal instruction", "SIGILL", "SIGSEGV",
                 "SIGBUS", "SIGABRT", "Trace/breakpoint", "Aborted", "core dumped")


def portal_bin() -> Path:
    """PORTAL_BIN if set (relative to the repository), else the release binary, else the debug one."""
    env = os.environ.get("PORTAL_BIN")
    if env:
        path = Path(env)
        return path if path.is_absolute() else REPO / path
    release = REPO / ".build/release/portal"
    return release if release.exists() else REPO / ".build/debug/portal"
