#!/usr/bin/env python3
"""Quick rebuilds of two or more `portal` binaries, alternating on the same edits, for an A/B of
a change to the quick path (the machine's drift then hits all binaries alike).

    python3 Tools/bench/quick-ab.py KIND ROUNDS BINARY... [--tree DIR] [--work DIR]

KIND: body | summary | authority | page (a service's body, a service's summary, an authority's
phone number, a free page's body). TREE: a content folder, e.g. the one `vs-hugo.py
--generate-only` leaves in /dev/shm/portal-vs-hugo/n2000/content (the default). Each binary builds
into its own output folder under WORK (full build first), then per round the file is edited once
and every binary rebuilds. Prints each binary's median wall time and whether its first rebuild
took the quick path. The edited file is restored at the end.
"""
import argparse, pathlib, re, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("kind", choices=["body", "summary", "authority", "page"])
ap.add_argument("rounds", type=int)
ap.add_argument("binaries", nargs="+")
ap.add_argument("--tree", default="/dev/shm/portal-vs-hugo/n2000/content")
ap.add_argument("--work", default="/dev/shm/portal-quick-ab")
args = ap.parse_args()
content = pathlib.Path(args.tree)
folder, suffix, at = {"body": ("services", "md", 1000), "summary": ("services", "md", 1000),
                      "authority": ("authorities", "yml", 5), "page": ("pages", "md", 0)}[args.kind]
files = sorted((content / folder).glob(f"*.{suffix}"))
target = files[at % len(files)]
original = target.read_text(encoding="utf-8")


def edited(i: int) -> str:
    if args.kind in ("body", "page"):
        return original + f"\nSatz {i + 1} zum Vergleich.\n"
    if args.kind == "summary":
        text, n = re.subn(r'^summary: "(.*)"$', lambda m: f'summary: "{m.group(1)} Fassung {i + 1}"', original, count=1, flags=re.M)
        if n == 0:
            text, n = re.subn(r"^summary: (.*)$", lambda m: f"summary: {m.group(1)} Fassung {i + 1}", original, count=1, flags=re.M)
        return text
    phone = f'phone: "+49 351 {100000 + i}"'
    if re.search(r"^phone:", original, re.M):
        return re.sub(r"^phone: .*$", phone, original, count=1, flags=re.M)
    return original.replace("\naddress:", f"\n{phone}\naddress:", 1)


def build(binary: str, out: str, verbose: bool = False) -> tuple[float, bool]:
    start = time.perf_counter()
    r = subprocess.run([binary, "build", "--verbose" if verbose else "--quiet", "--no-precompress", "--content", str(content), "--output", out],
                       capture_output=True, text=True)
    took = time.perf_counter() - start
    if r.returncode != 0:
        sys.exit(f"quick-ab: {binary} failed:\n{r.stdout}{r.stderr}")
    return took, "nur Texte" in r.stdout


times: dict[str, list[float]] = {b: [] for b in args.binaries}
try:
    for k, b in enumerate(args.binaries):
        build(b, f"{args.work}/out-{k}")
    for i in range(args.rounds):
        target.write_text(edited(i), encoding="utf-8")
        for k, b in enumerate(args.binaries):
            took, quick = build(b, f"{args.work}/out-{k}", verbose=(i == 0))
            times[b].append(took)
            if i == 0 and not quick:
                print(f"note: {b} did not take the quick path", file=sys.stderr)
finally:
    target.write_text(original, encoding="utf-8")
for b in args.binaries:
    print(f"{statistics.median(times[b]):.3f} s median of {args.rounds} ({' '.join(f'{t:.3f}' for t in times[b])})  {b}")
