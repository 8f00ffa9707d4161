#!/usr/bin/env python3
"""FIM forms (issue #15): what reading a Stammdatenschema costs, and what the forms cost a build.

1. Load time of one schema: `portal check` of a small content tree (the robustness corpus, 5
   services) with one service naming the schema, against the same tree without it; the median
   difference is the time to read the schema and the code lists it needs. Medians of --runs,
   the two variants alternating.
2. With --before-bin/--before-content/--before-templates: a clean `portal build` of the sample
   content before the forms (an older binary with its own content and templates) against the
   current binary on the current `Content/`, and on the same content without its schemas (what
   the forms alone cost), alternating, medians of --runs; wall time, CPU time and peak memory
   (/usr/bin/time), and the ratios to "before".

Output to /dev/shm (the disk slows down after a few GB of writes); --json writes the figures.

  python3 Tools/bench/fim-forms.py --schema Content/forms/S05000001299.xdf.xml --runs 7
  python3 Tools/bench/fim-forms.py --before-bin /dev/shm/before/.build-compare/release/portal \\
      --before-content /dev/shm/before/Content --before-templates /dev/shm/before/Templates --runs 3
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
WORK = Path("/dev/shm/fim-forms-bench")


def timed(cmd: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak resident KiB and CPU seconds (user + system) of one run (fails loudly
    on a non-zero exit). CPU time is the steadier figure on a shared VM; wall is what users wait."""
    started = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + cmd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    peak, user, system = proc.stderr.strip().splitlines()[-1].split()
    return wall, int(peak), float(user) + float(system)


def tree_with(schema: Path | None, codelists: Path, into: Path) -> Path:
    """The robustness corpus tree; with `schema`, its first service names it."""
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(REPO / "Tests/robustness/corpus/tree", into)
    service = into / "services/abbruchgenehmigung.md"
    text = re.sub(r"\nform_schema: [^\n]*", "", service.read_text(encoding="utf-8"))
    shutil.rmtree(into / "forms", ignore_errors=True)
    if schema is not None:
        (into / "forms/codelists").mkdir(parents=True)
        shutil.copy(schema, into / "forms" / schema.name)
        for lst in codelists.glob("*.xml"):
            shutil.copy(lst, into / "forms/codelists" / lst.name)
        head, rest = text.split("\n---\n", 1)
        text = f"{head}\nform_schema: forms/{schema.name}\n---\n{rest}"
    service.write_text(text, encoding="utf-8")
    return into


def load_time(binary: Path, schema: Path, codelists: Path, runs: int) -> dict:
    with_schema = tree_with(schema, codelists, WORK / "with")
    without = tree_with(None, codelists, WORK / "without")
    times = {"with": [], "without": []}
    for _ in range(runs):
        for name, tree in (("with", with_schema), ("without", without)):
            times[name].append(timed([str(binary), "check", "--quiet", "--content", str(tree)])[0])
    med = {k: statistics.median(v) for k, v in times.items()}
    return {"schema": schema.name, "bytes": schema.stat().st_size, "runs": runs,
            "check_with_s": round(med["with"], 3), "check_without_s": round(med["without"], 3),
            "load_s": round(med["with"] - med["without"], 3)}


def without_schemas(content: Path, into: Path) -> Path:
    """The same content with no `form_schema:` and no forms/: what the forms themselves cost."""
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(content, into)
    shutil.rmtree(into / "forms", ignore_errors=True)
    for service in (into / "services").glob("*.md"):
        text = service.read_text(encoding="utf-8")
        stripped = re.sub(r"\nform_schema: [^\n]*", "", text, count=1)
        if stripped != text:
            service.write_text(stripped, encoding="utf-8")
    return into


def clean_builds(before: tuple[Path, Path, Path], after: tuple[Path, Path, Path], runs: int) -> dict:
    configs = {"before": before, "after": after,
               "after_without_schemas": (after[0], without_schemas(after[1], WORK / "content-without-schemas"), after[2])}
    results = {name: [] for name in configs}
    for _ in range(runs):
        for name, (binary, content, templates) in configs.items():
            out = WORK / f"site-{name}"
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(WORK / f"site-{name}.server", ignore_errors=True)
            results[name].append(timed([str(binary), "build", "--clean", "--content", str(content),
                                        "--templates", str(templates), "--output", str(out)]))
    summary = {}
    for name, rows in results.items():
        summary[name] = {"wall_s": round(statistics.median(r[0] for r in rows), 3),
                         "peak_mib": round(statistics.median(r[1] for r in rows) / 1024, 1),
                         "cpu_s": round(statistics.median(r[2] for r in rows), 3),
                         "walls": [round(r[0], 2) for r in rows]}
    for name in ("after", "after_without_schemas"):
        for figure in ("wall_s", "cpu_s", "peak_mib"):
            summary[f"ratio_{name}_{figure}"] = round(summary[name][figure] / summary["before"][figure], 3)
    return summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--portal", default=str(REPO / ".build/release/portal"))
    ap.add_argument("--schema", default=str(REPO / "Content/forms/S05000001299.xdf.xml"))
    ap.add_argument("--codelists", default=str(REPO / "Content/forms/codelists"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--before-bin")
    ap.add_argument("--before-content")
    ap.add_argument("--before-templates")
    ap.add_argument("--after-content", default=str(REPO / "Content"),
                    help="the content for 'after' (e.g. the sample without its English texts, to see the forms alone)")
    ap.add_argument("--json")
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    binary = Path(args.portal)
    figures = {"load": load_time(binary, Path(args.schema), Path(args.codelists), args.runs)}
    load = figures["load"]
    print(f"schema {load['schema']} ({load['bytes'] / 1e6:.1f} MB): check {load['check_with_s']:.3f} s with it, "
          f"{load['check_without_s']:.3f} s without; load {load['load_s']:.3f} s (median of {args.runs})")
    if args.before_bin:
        before = (Path(args.before_bin), Path(args.before_content), Path(args.before_templates))
        after = (binary, Path(args.after_content), REPO / "Templates")
        figures["clean_build"] = builds = clean_builds(before, after, args.runs)
        for name in ("before", "after", "after_without_schemas"):
            b = builds[name]
            ratio = "" if name == "before" else (f"; ratio {builds[f'ratio_{name}_wall_s']:.3f} wall, {builds[f'ratio_{name}_cpu_s']:.3f} CPU, "
                                                  f"{builds[f'ratio_{name}_peak_mib']:.3f} memory")
            print(f"sample clean build, {name}: {b['wall_s']:.2f} s wall, {b['cpu_s']:.2f} s CPU, {b['peak_mib']:.0f} MiB{ratio} (median of {args.runs})")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
