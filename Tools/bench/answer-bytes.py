#!/usr/bin/env python3
"""What one answer of the Zuständigkeitsfinder costs a browser, measured in headless Chromium,
and whether the finder and the place pages give the right answer on a large built site.

Serves a built site (e.g. `scale.py --scope de`'s) over HTTP with gzip (level 6, as a common
server setting) and the cache headers of the build's server configuration (hashed files
immutable, pages revalidated). Then, in a fresh Chromium profile:

1. first answer: open a service page, type the place's name in the finder, choose it, wait for
   the authority card. Every request after navigation start is counted with the bytes Chromium
   received (`encodedDataLength` of `Network.loadingFinished`: gzip body plus headers) and its
   gzip body alone; the page itself is counted apart.
2. second answer: open a second service's page with the place remembered; everything but the
   page (scripts and styles come from the cache, the remembered place needs no place list).
3. `--pairs N` random (service, Gemeinde) pairs: the finder's answer (place remembered) and the
   first place page of the chain Gemeinde → Gemeindeverband → Kreis → RB → Land that carries the
   service, each against an independent computation from the content's CSV files.
4. `--names N` random Gemeinden typed by name: each must be among the finder's options (the
   place-list shard it is in is the one the browser fetches).

Usage:
    python3 Tools/bench/answer-bytes.py --site /dev/shm/scale-new/site-de \\
        --content /dev/shm/scale-new/content-de [--pairs 300] [--names 300] [--json out.json]
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import http.server
import json
import random
import re
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "Tests" / "browser"))
from conftest import CHROMEDRIVER, CHROMIUM  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

HASHED = re.compile(r"\.[0-9a-f]{16}(\.|/)")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-encoded when the browser accepts it, with the cache policy of the
    build's server configuration."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes()
        zipped = "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = gzip.compress(body, 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        immutable = HASHED.search(self.path) is not None
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        self.end_headers()
        import io
        return io.BytesIO(body)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def start_server(folder: Path) -> tuple[Server, str]:
    server = Server(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def chromium() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--disable-gpu", "--disable-extensions", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--lang=de-DE"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(60)
    drv.execute_cdp_cmd("Network.enable", {})
    return drv


def network(drv) -> list[dict]:
    """The requests since the last call: url, bytes received (headers + encoded body), encoded
    body bytes, and whether the cache answered."""
    by_id: dict[str, dict] = {}
    for entry in drv.get_log("performance"):
        m = json.loads(entry["message"])["message"]
        p = m.get("params", {})
        if m["method"] == "Network.requestWillBeSent":
            by_id.setdefault(p["requestId"], {"url": p["request"]["url"], "received": 0, "body": 0, "cached": False})
        elif m["method"] == "Network.responseReceived" and p["requestId"] in by_id:
            r = p["response"]
            by_id[p["requestId"]]["cached"] = bool(r.get("fromDiskCache") or r.get("fromPrefetchCache") or r.get("fromServiceWorker"))
            by_id[p["requestId"]]["status"] = r.get("status")
        elif m["method"] == "Network.requestServedFromCache" and p["requestId"] in by_id:
            by_id[p["requestId"]]["cached"] = True
        elif m["method"] == "Network.dataReceived" and p["requestId"] in by_id:
            by_id[p["requestId"]]["body"] += p.get("encodedDataLength", 0)
        elif m["method"] == "Network.loadingFinished" and p["requestId"] in by_id:
            by_id[p["requestId"]]["received"] = p.get("encodedDataLength", 0)
    for r in by_id.values():  # the memory cache answers without a byte and without a flag
        r["cached"] = r["cached"] or r["received"] == 0
    return [r for r in by_id.values() if not r["url"].startswith("data:")]


def wait(drv, script: str, timeout: float = 20):
    return WebDriverWait(drv, timeout).until(lambda d: d.execute_script(script))


def read_content(content: Path):
    rules: dict[str, dict[str, str]] = {}
    with open(content / "responsibilities.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rules.setdefault(row["service"], {})[row["region"]] = row["authority"]
    with open(content / "regions.csv", encoding="utf-8", newline="") as f:
        regions = list(csv.DictReader(f))
    names = {r["ags"]: r["name"] for r in regions}
    gemeinden = [(r["ags"], r["name"], r.get("verband") or "") for r in regions if len(r["ags"]) == 8]
    services = sorted(p.stem for p in (content / "services").glob("*.md") if "." not in p.stem)
    return rules, names, gemeinden, services


def expected_authority(rules: dict[str, str], ags: str, verband: str) -> str | None:
    """The Gemeinde's own rule, its Gemeindeverband's, then every prefix, longest first."""
    if ags in rules:
        return rules[ags]
    if verband and verband in rules:
        return rules[verband]
    return next((rules[ags[:n]] for n in range(len(ags) - 1, 0, -1) if ags[:n] in rules), None)


def place_pages_authority(site: Path, ags: str, verband: str, service: str) -> str | None:
    for key in [ags] + ([verband] if verband else []) + [ags[:5], ags[:3], ags[:2]]:
        page = site / "orte" / key / "index.html"
        if not page.exists():
            continue
        html = page.read_text(encoding="utf-8")
        marker = f'data-service="{service}"'
        if marker not in html:
            continue
        entry = html.split(marker, 1)[1].split("</li>", 1)[0]
        found = re.search(r'href="\.\./\.\./behoerden/([a-z0-9-]+)/"', entry)
        return found.group(1) if found else None
    raise AssertionError(f"{service} in {ags}: on none of the place pages")


def kb(n: int) -> float:
    return round(n / 1024, 1)


def type_and_choose(drv, url: str, name: str, ags: str) -> None:
    """Opens the page, types the name as a citizen would and chooses the option of that
    Gemeinde (options carry no key: of several of the same name, each is tried until the
    remembered place is the one wanted)."""
    tried = 0
    while True:
        drv.execute_script("try { localStorage.clear(); } catch (e) {}")  # a remembered place hides the box
        drv.get(url)
        box = drv.find_element(By.ID, "ort")
        box.send_keys(name)
        wait(drv, "return document.querySelectorAll('#ort-liste [role=option]').length > 0")
        labels = [o.get_attribute("textContent") for o in drv.find_elements(By.CSS_SELECTOR, "#ort-liste [role=option]")]
        fitting = [i for i, label in enumerate(labels) if label.startswith(name + " (")]
        if tried >= len(fitting):
            raise AssertionError(f"{name} ({ags}) is not among the {len(labels)} options: {labels[:5]}")
        # By keyboard, as the combobox is meant to be used: down to the option, Enter.
        box.send_keys(Keys.ARROW_DOWN * (fitting[tried] + 1))
        box.send_keys(Keys.ENTER)
        wait(drv, "return !!localStorage.getItem('portal.ort')")
        if json.loads(drv.execute_script("return localStorage.getItem('portal.ort')"))["ags"] == ags:
            return
        tried += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", required=True)
    ap.add_argument("--content", required=True)
    ap.add_argument("--service", default="personalausweis-beantragen")
    ap.add_argument("--second-service", default="wohnsitz-anmelden")
    ap.add_argument("--ags", default="09162000", help="the place of the answer (default München)")
    ap.add_argument("--pairs", type=int, default=0)
    ap.add_argument("--names", type=int, default=0)
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--json")
    args = ap.parse_args()
    site, content = Path(args.site), Path(args.content)
    rules, names, gemeinden, services = read_content(content)
    name = names[args.ags]
    server, base = start_server(site)
    drv = chromium()
    result: dict = {}
    try:
        # 1. First answer, empty cache and storage.
        drv.get(base + "/")
        drv.execute_script("localStorage.clear()")
        drv.execute_cdp_cmd("Network.clearBrowserCache", {})
        network(drv)
        type_and_choose(drv, f"{base}/leistungen/{args.service}/", name, args.ags)
        wait(drv, "return !!document.querySelector('[data-answer] .authority-card a')")
        time.sleep(0.5)
        got = re.search(r"behoerden/([a-z0-9-]+)/", drv.find_element(By.CSS_SELECTOR, "[data-answer] .authority-card a").get_attribute("href")).group(1)
        want = expected_authority(rules.get(args.service, {}), args.ags, next(v for a, _, v in gemeinden if a == args.ags))
        if got != want:
            raise AssertionError(f"first answer: {got} != {want}")
        reqs = network(drv)
        page_url = f"{base}/leistungen/{args.service}/"
        page = [r for r in reqs if r["url"] == page_url]
        rest = [r for r in reqs if r["url"] != page_url]
        result["first_answer"] = {
            "service": args.service, "place": f"{name} ({args.ags})", "authority": got,
            "page_received_kb": kb(sum(r["received"] for r in page)),
            "requests": [{"url": r["url"][len(base):], "received": r["received"], "gzip_body": r["body"], "cached": r["cached"]} for r in rest],
            "received_kb": kb(sum(r["received"] for r in rest)), "gzip_body_kb": kb(sum(r["body"] for r in rest)),
        }
        # 2. Second service, place remembered; the browser's cache as the first answer left it.
        network(drv)
        second_url = f"{base}/leistungen/{args.second_service}/"
        drv.get(second_url)
        wait(drv, "return !!document.querySelector('[data-answer] .authority-card a')")
        time.sleep(0.5)
        reqs = [r for r in network(drv) if r["url"] != second_url]
        result["second_answer"] = {
            "service": args.second_service,
            "requests": [{"url": r["url"][len(base):], "received": r["received"], "gzip_body": r["body"], "cached": r["cached"]} for r in reqs],
            "received_kb": kb(sum(r["received"] for r in reqs)), "gzip_body_kb": kb(sum(r["body"] for r in reqs)),
        }
        # 3. Random pairs: finder and place pages against the independent computation.
        rng = random.Random(args.seed)
        mismatches: list[str] = []
        pairs = [(rng.choice(services), rng.choice(gemeinden)) for _ in range(args.pairs)]
        for service, (ags, gname, verband) in pairs:
            want = expected_authority(rules.get(service, {}), ags, verband)
            on_pages = place_pages_authority(site, ags, verband, service)
            if on_pages != want:
                mismatches.append(f"place pages {ags} {service}: {on_pages} != {want}")
            drv.execute_script("localStorage.setItem('portal.ort', JSON.stringify({ags: arguments[0], label: arguments[1], verband: arguments[2]}))", ags, gname, verband)
            drv.get(f"{base}/leistungen/{service}/")
            kind = drv.execute_script("return document.querySelector('[data-finder-ui]') ? 'finder' : 'fixed'")
            if kind == "finder":
                wait(drv, "var a = document.querySelector('[data-answer]'); return a && a.children.length > 0")
                href = drv.execute_script("var a = document.querySelector('[data-answer] .authority-card a'); return a ? a.getAttribute('href') : null")
            else:
                href = drv.execute_script("var a = document.querySelector('.responsibility > .authority-card a'); return a ? a.getAttribute('href') : null")
            got = re.search(r"behoerden/([a-z0-9-]+)/", href).group(1) if href else None
            if got != want:
                mismatches.append(f"finder {ags} {service}: {got} != {want}")
        result["pairs"] = {"checked": args.pairs, "gemeinden_in_verband": sum(1 for _, (_, _, v) in pairs if v),
                           "mismatches": mismatches}
        # 4. Names typed: each Gemeinde is found in the shard the browser fetches.
        missing: list[str] = []
        if args.names:
            for ags, gname, _ in rng.sample(gemeinden, args.names):
                try:
                    type_and_choose(drv, f"{base}/leistungen/{args.service}/", gname, ags)
                except Exception as e:  # noqa: BLE001 — a miss is a finding, reported below
                    missing.append(f"{gname} ({ags}): {str(e).splitlines()[0][:200]}")
        result["names"] = {"checked": args.names, "missing": missing}
    finally:
        drv.quit()
        server.shutdown()
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 1 if result["pairs"]["mismatches"] or result["names"]["missing"] else 0


if __name__ == "__main__":
    sys.exit(main())
