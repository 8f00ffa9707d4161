#!/usr/bin/env python3
"""Two languages against one (issue #17 point 6): a clean build of the sample content as it is
(`languages: [de, en]`, the hand-written services in English) against the same content with
German only (no `languages:` line, no `services/*.en.md`), alternating, medians of --runs.
Wall time, CPU time (user + system) and peak memory (/usr/bin/time); output in /dev/shm.

  python3 Tools/bench/languages.py --runs 7 [--portal .build/release/portal] [--json F]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WORK = Path("/dev/shm/languages-bench")


def german_only(content: Path, into: Path) -> Path:
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(content, into)
    site = into / "site.yml"
    site.write_text(re.sub(r"\nlanguages: [^\n]*", "", site.read_text(encoding="utf-8")), encoding="utf-8")
    for f in (into / "services").glob("*.en.md"):
        f.unlink()
    return into


def timed(cmd: list[str]) -> tuple[float, float, int]:
    started = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + cmd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    peak, user, system = proc.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(peak)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--portal", default=str(REPO / ".build/release/portal"))
    ap.add_argument("--content", default=str(REPO / "Content"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--json")
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    content = Path(args.content)
    if "languages:" not in (content / "site.yml").read_text(encoding="utf-8"):
        sys.exit(f"{content}/site.yml names no languages: nothing to compare")
    configs = {"de+en": content, "de": german_only(content, WORK / "content-de")}
    rows = {name: [] for name in configs}
    for _ in range(args.runs):
        for name, tree in configs.items():
            out = WORK / f"site-{name}"
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(WORK / f"site-{name}.server", ignore_errors=True)
            rows[name].append(timed([args.portal, "build", "--clean", "--content", str(tree), "--templates", str(REPO / "Templates"), "--output", str(out)]))
    pages = {name: sum(1 for _ in (WORK / f"site-{name}").rglob("index.html")) for name in configs}
    result = {}
    for name, r in rows.items():
        result[name] = {"wall_s": round(statistics.median(x[0] for x in r), 3), "cpu_s": round(statistics.median(x[1] for x in r), 3),
                        "peak_mib": round(statistics.median(x[2] for x in r) / 1024, 1), "pages": pages[name]}
    for figure in ("wall_s", "cpu_s", "peak_mib"):
        result[f"ratio_{figure}"] = round(result["de+en"][figure] / result["de"][figure], 3)
    for name in configs:
        r = result[name]
        print(f"{name}: {r['wall_s']:.2f} s wall, {r['cpu_s']:.2f} s CPU, {r['peak_mib']:.0f} MiB, {r['pages']} pages (median of {args.runs})")
    print(f"ratio two languages / German only: {result['ratio_wall_s']:.3f} wall, {result['ratio_cpu_s']:.3f} CPU, {result['ratio_peak_mib']:.3f} memory")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
