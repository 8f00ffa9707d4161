#!/usr/bin/env python3
"""What precompression costs and saves: clean builds of one content tree with and without
`--no-precompress` (alternating, medians), the bytes of the originals and of their .br and .gz
forms, and incremental builds after a service body edit and an authority edit with both.

    python3 Tools/bench/precompress.py [--content Content] [--runs 3] [--work /dev/shm/portal-precompress]
                                       [--portal .build/release/portal]

Writes only below --work (default in /dev/shm). Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def build(binary: Path, content: Path, output: Path, *flags: str) -> tuple[float, int]:
    started = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-v", str(binary), "build", "--quiet", *flags, "--content", str(content),
                           "--output", str(output)], capture_output=True, text=True, cwd=output.parent)
    wall = time.monotonic() - started
    if proc.returncode != 0:
        sys.exit(f"build failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return wall, int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))


def sizes(site: Path) -> tuple[int, int, int, int]:
    """Files with forms, bytes of those originals, of their .br, of their .gz."""
    count = original = br = gz = 0
    for folder, _, files in os.walk(site):
        names = set(files)
        for name in files:
            if name.endswith((".br", ".gz")) or name + ".br" not in names:
                continue
            path = Path(folder) / name
            count += 1
            original += path.stat().st_size
            br += (Path(folder) / (name + ".br")).stat().st_size
            gz += (Path(folder) / (name + ".gz")).stat().st_size
    return count, original, br, gz


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=REPO / "Content")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/portal-precompress"))
    parser.add_argument("--portal", type=Path, default=REPO / ".build/release/portal")
    args = parser.parse_args()
    binary = args.portal.resolve()
    if args.work.exists():
        shutil.rmtree(args.work)
    args.work.mkdir(parents=True)
    # One copy per setting: the edits of one must not reach the other's next build.
    contents = {mode: args.work / f"content-{mode}" for mode in ("with", "without")}
    for copy in contents.values():
        shutil.copytree(args.content, copy)
    clean: dict[str, list[tuple[float, int]]] = {"with": [], "without": []}
    for _ in range(args.runs):
        for mode, flags in (("without", ["--no-precompress"]), ("with", [])):
            out = args.work / f"out-{mode}"
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(args.work / ".portal-cache", ignore_errors=True)
            clean[mode].append(build(binary, contents[mode], out, "--clean", *flags))
    count, original, br, gz = sizes(args.work / "out-with")

    # Incremental builds, each over the build before, for both settings.
    incremental: dict[str, dict[str, list[float]]] = {"with": {"body": [], "authority": []}, "without": {"body": [], "authority": []}}
    for n in range(args.runs):
        for mode, flags in (("without", ["--no-precompress"]), ("with", [])):
            out, content = args.work / f"out-{mode}", contents[mode]
            service = sorted((content / "services").glob("*.md"))[0]
            authority = sorted((content / "authorities").glob("*.yml"))[0]
            with service.open("a") as f:
                f.write(f"\nEin Satz, den es vorher nicht gab ({mode} {n}).\n")
            incremental[mode]["body"].append(build(binary, content, out, *flags)[0])
            with authority.open("a") as f:
                f.write(f"\n# Änderung {mode} {n}\n")
            incremental[mode]["authority"].append(build(binary, content, out, *flags)[0])

    def median(values):
        return statistics.median(values)
    mib = 1024 * 1024
    print(f"content: {args.content} ({args.runs} runs, medians; binary {binary})\n")
    print("| build | without .br/.gz | with .br/.gz | ratio |")
    print("| --- | --- | --- | --- |")
    w, o = median([r[0] for r in clean["with"]]), median([r[0] for r in clean["without"]])
    print(f"| clean, wall | {o:.2f} s | {w:.2f} s | {w / o:.2f} × |")
    wm, om = median([r[1] for r in clean["with"]]), median([r[1] for r in clean["without"]])
    print(f"| clean, peak memory | {om / 1024:.0f} MiB | {wm / 1024:.0f} MiB | {wm / om:.2f} × |")
    for kind in ("body", "authority"):
        w, o = median(incremental["with"][kind]), median(incremental["without"][kind])
        print(f"| after an edit of {'a service body' if kind == 'body' else 'an authority'}, wall | {o:.2f} s | {w:.2f} s | {w / o:.2f} × |")
    print()
    print(f"{count} files above 1 KB: {original / mib:.1f} MiB; Brotli {br / mib:.1f} MiB ({br / original:.3f}), "
          f"gzip {gz / mib:.1f} MiB ({gz / original:.3f}).")


if __name__ == "__main__":
    main()
