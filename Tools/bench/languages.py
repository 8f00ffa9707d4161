#!/usr/bin/env python3
"""Two languages against one (issue #17 point 6): a clean build of the sample content as it is
(`languages: [de, en]`, the hand-written services in English) against the same content with
German only (no `languages:` line, no `services/*.en.md`), alternating, medians of --runs.
Wall time, CPU time (user + system) and peak memory (/usr/bin/time); output in /dev/shm.

Then (unless --no-incremental) the quick path for translation files: on a copy of the content,
each of an English service text's body, an English free page's body and a text in Leichte
Sprache is edited --runs times, differently each run, and rebuilt incrementally; printed per
kind: the median wall time, its ratio to the clean two-language build, the files rewritten,
and whether the result equals a clean build of the edited tree file by file (after the last run).

  python3 Tools/bench/languages.py --runs 7 [--portal .build/release/portal] [--json F] [--no-incremental]
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
    ap.add_argument("--no-incremental", action="store_true")
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
    if not args.no_incremental:
        result["incremental"] = incremental(args, content, result["de+en"]["wall_s"])
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(WORK, ignore_errors=True)


# Edit kinds of the quick path for translation files: a glob in the content and a sentence.
TRANSLATION_EDITS = {
    "en-body": ("services/*.en.md", "\nUpdate {i}: appointments can also be made by phone.\n"),
    "en-page": ("pages/*.en.md", "\nUpdate {i}: this page was checked again.\n"),
    "ls-body": ("services/*.ls.md", "\nNeu {i}: Sie können auch anrufen.\n"),
}


def files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def incremental(args, content: Path, clean_wall: float) -> dict:
    tree = WORK / "content-edit"
    shutil.rmtree(tree, ignore_errors=True)
    shutil.copytree(content, tree)
    out, reference = WORK / "site-edit", WORK / "site-reference"
    portal = [args.portal, "build", "--templates", str(REPO / "Templates")]
    shutil.rmtree(out, ignore_errors=True)
    timed(portal + ["--clean", "--content", str(tree), "--output", str(out)])
    results = {}
    for kind, (pattern, sentence) in TRANSLATION_EDITS.items():
        targets = sorted(tree.glob(pattern))
        if not targets:
            continue
        target = targets[0]
        original = target.read_text(encoding="utf-8")
        walls, written = [], []
        for i in range(args.runs):
            target.write_text(original + sentence.format(i=i + 1), encoding="utf-8")
            time.sleep(1.1)  # the snapshot distrusts stamps of the last second
            started = time.perf_counter()
            proc = subprocess.run(portal + ["--verbose", "--content", str(tree), "--output", str(out)], capture_output=True, text=True)
            walls.append(time.perf_counter() - started)
            if proc.returncode != 0:
                sys.exit(f"{kind}: build failed\n{proc.stderr[-2000:]}")
            quick = "nur Texte von Leistungen oder freien Seiten" in proc.stdout or "nur Texte oder Zusammenfassungen von Leistungen" in proc.stdout
            m = re.search(r"(\d+) Dateien neu geschrieben", proc.stdout)
            written.append((int(m.group(1)) if m else -1, quick))
        shutil.rmtree(reference, ignore_errors=True)
        timed(portal + ["--clean", "--content", str(tree), "--output", str(reference)])
        same = files_of(out) == files_of(reference)
        median = statistics.median(walls)
        results[kind] = {"file": str(target.relative_to(tree)), "wall_s": round(median, 3), "ratio": round(median / clean_wall, 3),
                         "files_written": statistics.median(w for w, _ in written), "quick_path": all(q for _, q in written), "same_as_clean": same}
        r = results[kind]
        print(f"edit {kind} ({r['file']}): {r['wall_s']:.3f} s wall, {r['ratio']:.3f} × clean, {r['files_written']:.0f} files written, "
              f"quick path {'yes' if r['quick_path'] else 'NO'}, {'same as a clean build' if same else 'DIFFERENT from a clean build'} (median of {args.runs})")
    return results


if __name__ == "__main__":
    main()
