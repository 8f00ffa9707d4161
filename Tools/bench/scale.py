#!/usr/bin/env python3
"""Scale benchmark: builds a generated content tree (default: all of Germany — 16 Länder,
400 Kreise, 10,981 Gemeinden, 557 OZG-Leistungen, rules by LeiKa-Typ) with the release
binary and reports wall time, peak memory, output size, pages, the largest files, and the
bytes a citizen's browser fetches to get one answer on one service page.

    python3 Tools/bench/scale.py [--scope de|sachsen] [--runs 3] [--work /dev/shm/portal-scale]

Writes only below --work (default in /dev/shm: the VM's disk slows down after a few GB).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_build(binary: Path, content: Path, output: Path, templates: Path | None = None) -> tuple[float, int]:
    """One build under /usr/bin/time -v: (wall seconds, peak RSS in KiB)."""
    if output.exists():
        shutil.rmtree(output)
    started = time.monotonic()
    # --clean: a clean build every run (no parse results of the run before are taken over).
    # Without .br/.gz, as the earlier figures (Tools/bench/precompress.py measures those).
    proc = subprocess.run(["/usr/bin/time", "-v", str(binary), "build", "--quiet", "--clean", "--no-precompress", "--content", str(content),
                           "--output", str(output)] + (["--templates", str(templates)] if templates else []),
                          cwd=REPO, capture_output=True, text=True)
    wall = time.monotonic() - started
    if proc.returncode != 0:
        sys.exit(f"build failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    return wall, peak


def folder_stats(root: Path) -> tuple[int, int, int, list[tuple[int, str]]]:
    files = pages = total = 0
    largest: list[tuple[int, str]] = []
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = Path(dirpath) / name
            size = path.stat().st_size
            files += 1
            total += size
            if name == "index.html" or name == "404.html":
                pages += 1
            largest.append((size, str(path.relative_to(root))))
    largest.sort(reverse=True)
    return files, pages, total, largest[:5]


def page_type(rel: str) -> str:
    """The kind of an output file, for the output-by-type report (issue #16)."""
    parts = rel.split("/")
    if parts[0] == "orte" and len(parts) == 3:
        return {2: "Land pages", 3: "Regierungsbezirk pages", 5: "Kreis pages", 8: "Gemeinde pages",
                9: "Gemeindeverband pages"}.get(len(parts[1]), "other place pages")
    if parts[0] == "leistungen" and len(parts) == 4 and parts[2] == "antrag":
        return "form pages"
    if parts[0] == "leistungen" and len(parts) == 3:
        return "service pages"
    if parts[0] == "behoerden":
        return "authority pages"
    if parts[0] == "data":
        return {"orte": "finder: place shards", "regeln": "finder: rule shards", "behoerden": "finder: authority cards"}.get(
            parts[1].split(".")[0], "search index")
    return "other (home, A–Z, topics, assets, sitemap, …)"


def bytes_by_type(root: Path) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = Path(dirpath) / name
            kind = page_type(str(path.relative_to(root)))
            sizes[kind] = sizes.get(kind, 0) + path.stat().st_size
    return dict(sorted(sizes.items(), key=lambda e: -e[1]))


def normalize(text: str) -> str:
    """finder.js's normalize: lowercase, ä→ae, ö→oe, ü→ue, ß→ss, other diacritics dropped,
    runs of other characters than a–z and 0–9 one space."""
    t = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    t = "".join(c for c in unicodedata.normalize("NFD", t) if not 0x300 <= ord(c) <= 0x36F)
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


def one_answer_bytes(site: Path, service: str, ags: str, name: str, verband: str = "") -> dict:
    """What the browser fetches for the first answer on a service page: the page, its CSS and
    scripts, the place list (the shard for the place's name, as the citizen types it, or the
    whole list where the build writes one), the service's rules (its Land's shard, or all) and
    one authority card (raw and gzip bytes)."""
    page = site / "leistungen" / service / "index.html"
    html = page.read_text(encoding="utf-8")
    files = [page]
    for ref in re.findall(r'(?:href|src)="(\.\./\.\./assets/[^"]+\.(?:css|js))"', html):
        files.append((page.parent / ref).resolve())
    finder = re.search(r'data-places="([^"]+)"', html)
    rules = re.search(r'data-rules="([^"]+)"', html)
    if finder and rules:
        places = finder.group(1)
        if places.endswith("/"):  # sharded (since #16): the shard of the name's first two letters
            places += "n-" + normalize(name).split(" ")[0][:2] + ".json"
        files.append((page.parent / places).resolve())
        rules_ref = rules.group(1)
        if rules_ref.endswith("/"):  # sharded: the Land's file, and the Kreis' if it names it
            land_file = (page.parent / (rules_ref + ags[:2] + ".json")).resolve()
            files.append(land_file)
            shard = json.loads(land_file.read_text(encoding="utf-8"))
            data = dict(shard["r"])
            if ags[:5] in shard.get("d", []):
                kreis_file = (page.parent / (rules_ref + ags[:5] + ".json")).resolve()
                files.append(kreis_file)
                data.update(json.loads(kreis_file.read_text(encoding="utf-8"))["r"])
        else:
            rules_file = (page.parent / rules_ref).resolve()
            files.append(rules_file)
            data = json.loads(rules_file.read_text(encoding="utf-8"))["r"]
        keys = [ags] + ([verband] if verband else []) + [ags[:n] for n in (5, 3, 2)]
        authority = next((data[k] for k in keys if k in data), None)
        if authority:
            files.append(site / "data" / "behoerden" / f"{authority}.json")
    raw = sum(f.stat().st_size for f in files)
    zipped = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    return {"service": service, "ags": ags, "files": [str(f.relative_to(site)) for f in files], "bytes": raw, "gzip_bytes": zipped}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scope", default="de", choices=["de", "sachsen"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/dev/shm/portal-scale")
    parser.add_argument("--service", default="personalausweis-beantragen", help="service page for the one-answer figure")
    parser.add_argument("--ags", default="09162000", help="Gemeinde for the one-answer figure (default München)")
    parser.add_argument("--second-service", default="wohnsitz-anmelden", help="second service, place remembered")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--portal", help="the portal binary (default .build/release/portal, built if missing)")
    parser.add_argument("--templates", help="the theme folder for --portal (an older binary needs its own commit's Templates/)")
    parser.add_argument("--as-v1", action="store_true", help="generate the tree as before spec v2 (no Gemeindeverbände), for a binary that predates it")
    args = parser.parse_args()

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    binary = Path(args.portal).resolve() if args.portal else REPO / ".build/release/portal"
    if not args.portal and not binary.is_file():
        subprocess.run(["swift", "build", "-c", "release", "--product", "portal"], cwd=REPO, check=True)
    content = work / f"content-{args.scope}"
    started = time.monotonic()
    subprocess.run([sys.executable, str(REPO / "Tools/sample-content/generate.py"), "--scope", args.scope, "--out", str(content)] + (["--as-v1"] if args.as_v1 else []),
                   cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    generate_seconds = time.monotonic() - started
    counts = {
        "services": len(list((content / "services").glob("*.md"))),
        "authorities": len(list((content / "authorities").glob("*.yml"))),
        "places": sum(1 for _ in open(content / "regions.csv", encoding="utf-8")) - 1,
        "rules": sum(1 for _ in open(content / "responsibilities.csv", encoding="utf-8")) - 1,
    }
    output = work / f"site-{args.scope}"
    walls, peaks = [], []
    for i in range(args.runs):
        wall, peak = run_build(binary, content, output, Path(args.templates).resolve() if args.templates else None)
        walls.append(wall)
        peaks.append(peak)
        print(f"run {i + 1}: {wall:.1f} s, peak {peak / 1024:.0f} MiB", flush=True)
    files, pages, total, largest = folder_stats(output)
    ags = args.ags if args.scope == "de" else "14625020"
    with open(content / "regions.csv", encoding="utf-8", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["ags"] == ags)
    name, verband = row["name"], row.get("verband") or ""
    answer = one_answer_bytes(output, args.service, ags, name, verband)
    # A second service with the place remembered: the page aside (counted above for the first),
    # only its rules and the card are new; the scripts and styles are cached.
    second = one_answer_bytes(output, args.second_service, ags, name, verband)
    fetched = [f for f in second["files"] if f.startswith("data/")]
    answer_second = {"service": args.second_service, "files": fetched,
                     "gzip_bytes": sum(len(gzip.compress((output / f).read_bytes(), 6)) for f in fetched if "/orte." not in f)}
    gemeinde_pages = sum(1 for p in (output / "orte").iterdir() if len(p.name) == 8)
    gemeinde_bytes = sum((p / "index.html").stat().st_size for p in (output / "orte").iterdir() if len(p.name) == 8)
    result = {
        "scope": args.scope, "as_v1": args.as_v1, "content": counts, "generate_seconds": round(generate_seconds, 1),
        "runs": args.runs, "wall_seconds_median": round(statistics.median(walls), 1), "wall_seconds": [round(w, 1) for w in walls],
        "peak_rss_mib_median": round(statistics.median(peaks) / 1024), "files": files, "pages": pages,
        "output_bytes": total, "gemeinde_pages": gemeinde_pages, "gemeinde_page_bytes": gemeinde_bytes,
        "largest_files": [{"bytes": s, "path": p} for s, p in largest], "one_answer": answer, "second_answer": answer_second,
        "bytes_by_type": bytes_by_type(output),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
