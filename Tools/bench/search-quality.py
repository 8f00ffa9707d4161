#!/usr/bin/env python3
"""Search quality benchmark: the portal's own search against Pagefind, in headless Chromium.

    python3 Tools/bench/search-quality.py SITE_DIR [--queries FILE] [--lang en] [--js-index] [--json OUT]

SITE_DIR is a site built by `portal build`. The script copies it to /dev/shm, serves the copy on
127.0.0.1 (a free port, Python's http.server in a thread), opens /suche/?q=<query> for every
query of the query file in headless Chromium (Selenium, /usr/bin/chromedriver), reads the result
links inside #search-results in order, maps leistungen/<slug>/ to the service's ozg_id (from the
built service page, falling back to Content/services/<slug>.md) and prints recall@1, recall@3,
MRR@10 and the zero-result rate, overall and per query group. It also measures the gzip bytes
fetched for the first query on a fresh browser (each fetched file gzipped at level 6 by this
script, as http.server does not compress) and the median keystroke → results time (typing a query
into the search box; from the last keydown to the last change of #search-results).

In the same run it indexes a second copy of the site with Pagefind (pip package pagefind-bin;
service pages only, <main> only, language de) and evaluates the same queries through Pagefind's JS
API (pagefind.search, then data() of the top 10 results) in the same browser.

--lang en: the English search (spec v2): /en/suche/ over the English index. Pagefind then gets
the same pages a citizen reaches from the English search: every English service page, and the
German page of each service without an English text (the German page of a translated service is
removed from its copy), all indexed as English (--force-language en, one index).

--js-index: until `portal build` writes the sharded index itself, build it with the JavaScript
reference builder (Tools/search/build-index.js) from Content/ and Templates/ (--content,
--templates; default: the repository's) and write it into the served copy in place of the index
the Swift build wrote (same file name, shards next to it). The original SITE_DIR is never changed.

Exit status: 0 on success, 1 when the site folder is missing or a step fails, 2 for usage errors.
"""
import argparse
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_QUERIES = REPO.parent / "shared" / "queries" / "public.tsv"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def read_queries(path):
    groups, queries, group = [], [], "all"
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("# --- "):
            group = line[6:].strip()
            if group not in groups:
                groups.append(group)
            continue
        if not line.strip() or line.startswith("#"):
            continue
        q, ids = line.split("\t")[:2]
        queries.append({"q": q, "group": group, "ids": set(ids.strip().split("|"))})
    if not groups:
        groups = ["all"]
    return groups, queries


def ozg_map(site, content):
    """slug -> ozg_id, from the built service pages, else from Content/services front matter."""
    result = {}
    pat = re.compile(r"<dt>OZG-ID</dt>\s*<dd>\s*([^<\s]+)\s*</dd>")
    base = site / "leistungen"
    if base.is_dir():
        for d in base.iterdir():
            page = d / "index.html"
            if page.is_file():
                m = pat.search(page.read_text(encoding="utf-8", errors="replace"))
                if m:
                    result[d.name] = m.group(1)
    services = content / "services"
    if services.is_dir():
        for f in services.glob("*.md"):
            if f.stem in result:
                continue
            m = re.search(r'^ozg_id:\s*"?([^"\n]+)"?\s*$', f.read_text(encoding="utf-8"), re.M)
            if m:
                result[f.stem] = m.group(1).strip()
    return result


def slug_of(url):
    m = re.search(r"/leistungen/([^/?#]+)/?(?:[?#].*)?$", url)
    return m.group(1) if m else None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files silently and notes every requested path (workers' requests included)."""
    requests = None

    def log_message(self, *args):
        pass

    def log_request(self, code="-", size="-"):
        if self.requests is not None and str(code) == "200":
            self.requests.append(urllib.parse.urlparse(self.path).path)


def serve(directory):
    log = []
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    class Handler(QuietHandler):
        requests = log

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), lambda *a, **kw: Handler(*a, directory=str(directory), **kw))
    httpd.request_log = log
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{port}"


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1200,900", "--disable-extensions"):
        opts.add_argument(a)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


def metrics(groups, rows):
    def agg(rs):
        n = len(rs)
        if n == 0:
            return {"n": 0, "recall@1": 0, "recall@3": 0, "mrr@10": 0, "zero": 0}
        return {
            "n": n,
            "recall@1": sum(1 for r in rs if r["rank"] == 1) / n,
            "recall@3": sum(1 for r in rs if r["rank"] and r["rank"] <= 3) / n,
            "mrr@10": sum(1 / r["rank"] for r in rs if r["rank"] and r["rank"] <= 10) / n,
            "zero": sum(1 for r in rs if r["count"] == 0) / n,
        }
    out = {"overall": agg(rows)}
    for g in groups:
        out[g] = agg([r for r in rows if r["group"] == g])
    return out


def rank_of(ids, ozgs):
    for i, o in enumerate(ozgs[:10]):
        if o in ids:
            return i + 1
    return 0


def resource_bytes(paths, root):
    """gzip-6 bytes of every file the server sent (in request order, each file once)."""
    total, per, seen = 0, [], set()
    for path in paths:
        if path in seen:
            continue
        seen.add(path)
        f = root / urllib.parse.unquote(path).lstrip("/")
        if f.is_dir():
            f = f / "index.html"
        if not f.is_file():
            continue
        data = f.read_bytes()
        size = len(gzip.compress(data, compresslevel=6, mtime=0))
        per.append((path, len(data), size))
        total += size
    return total, per


OURS_WAIT = """
const q = arguments[0], done = arguments[arguments.length - 1];
const t0 = performance.now();
(function poll() {
  const list = document.getElementById('search-results');
  const status = document.getElementById('suche-status');
  if ((list && list.getAttribute('data-query') === q && status && status.textContent) || performance.now() - t0 > 8000) {
    done(Array.from(document.querySelectorAll('#search-results > li')).map(li => {
      const a = li.querySelector('a'); return a ? a.href : '';
    }));
  } else setTimeout(poll, 10);
})();
"""

# Types the query into the box (one input event per character, 150 ms apart like a fast typist)
# and reports, for the last keystroke, the time until #search-results last changed for it.
OURS_TYPE = """
const q = arguments[0], done = arguments[arguments.length - 1];
const input = document.querySelector('form[data-search-index] input[name=q]');
const list = document.getElementById('search-results');
let lastKey = 0, lastChange = 0;
const obs = new MutationObserver(() => { lastChange = performance.now(); });
obs.observe(list, { childList: true, subtree: true, attributes: true, characterData: true });
input.focus(); input.value = ''; input.dispatchEvent(new Event('input', { bubbles: true }));
let i = 0;
function key() {
  i++;
  input.value = q.slice(0, i);
  lastKey = performance.now();
  input.dispatchEvent(new Event('input', { bubbles: true }));
  if (i < q.length) setTimeout(key, 150);
  else {
    const t0 = performance.now();
    (function wait() {
      if ((list.getAttribute('data-query') === q && lastChange >= lastKey && performance.now() - lastChange > 100) || performance.now() - t0 > 5000) {
        obs.disconnect();
        done({ ms: lastChange - lastKey, focused: document.activeElement === input });
      } else setTimeout(wait, 5);
    })();
  }
}
setTimeout(key, 50);
"""

PAGEFIND_SEARCH = """
const q = arguments[0], done = arguments[arguments.length - 1];
(async () => {
  if (!window.__pf) { window.__pf = await import('/pagefind/pagefind.js'); await window.__pf.init(); }
  const t0 = performance.now();
  const r = await window.__pf.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  const ms = performance.now() - t0;
  done({ urls: data.map(d => d.url), count: r.results.length, ms });
})().catch(e => done({ error: String(e) }));
"""


SEARCH_PATH = "/suche/"


def run_ours(driver, httpd, base, served, groups, queries, slug2ozg, typing=True):
    rows = []
    # First query on a fresh browser cache: bytes fetched.
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    first = queries[0]["q"]
    del httpd.request_log[:]
    driver.get(base + SEARCH_PATH + "?q=" + urllib.parse.quote(first))
    driver.execute_async_script(OURS_WAIT, first)
    first_total, first_files = resource_bytes(list(httpd.request_log), served)
    for item in queries:
        driver.get(base + SEARCH_PATH + "?q=" + urllib.parse.quote(item["q"]))
        urls = driver.execute_async_script(OURS_WAIT, item["q"])
        ozgs = [slug2ozg.get(slug_of(u) or "", "") for u in urls]
        rows.append({"q": item["q"], "group": item["group"], "rank": rank_of(item["ids"], ozgs), "count": len(urls),
                     "top": [slug_of(u) or u for u in urls[:3]]})
    # Keystroke → results: type every query into the box of one page (index already loaded).
    driver.get(base + SEARCH_PATH)
    times, focus_kept = [], True
    for item in (queries if typing else []):
        r = driver.execute_async_script(OURS_TYPE, item["q"])
        times.append(r["ms"])
        focus_kept = focus_kept and r["focused"]
    return rows, first_total, first_files, times, focus_kept


def run_pagefind(driver, httpd, base, served, groups, queries, slug2ozg):
    rows, times = [], []
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    del httpd.request_log[:]
    driver.get(base + "/pagefind-bench.html")
    first = driver.execute_async_script(PAGEFIND_SEARCH, queries[0]["q"])
    if "error" in first:
        raise RuntimeError("Pagefind: " + first["error"])
    first_total, first_files = resource_bytes(list(httpd.request_log), served)
    for item in queries:
        r = driver.execute_async_script(PAGEFIND_SEARCH, item["q"])
        if "error" in r:
            raise RuntimeError("Pagefind: " + r["error"])
        ozgs = [slug2ozg.get(slug_of(u) or "", "") for u in r["urls"]]
        rows.append({"q": item["q"], "group": item["group"], "rank": rank_of(item["ids"], ozgs), "count": r["count"],
                     "top": [slug_of(u) or u for u in r["urls"][:3]]})
        times.append(r["ms"])
    return rows, first_total, first_files, times


def build_js_index(served, content, templates):
    page = (served / "suche" / "index.html").read_text(encoding="utf-8")
    m = re.search(r'data-search-index="([^"]+)"', page)
    if not m:
        raise RuntimeError("suche/index.html has no data-search-index")
    target = (served / "suche" / urllib.parse.unquote(m.group(1))).resolve()
    for old in target.parent.glob("suche-*.json"):
        old.unlink()
    cmd = ["node", str(REPO / "Tools" / "search" / "build-index.js"), "--content", str(content),
           "--templates", str(templates), "--out-dir", str(target.parent), "--main-name", target.name]
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)


def build_pagefind(pf_site, lang="de"):
    (pf_site / "pagefind-bench.html").write_text(
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Pagefind</title></head><body></body></html>',
        encoding="utf-8")
    glob = "leistungen/*/index.html"
    if lang != "de":
        # A translated service only by its page in that language; the rest by their German pages.
        for page in (pf_site / lang / "leistungen").glob("*/index.html"):
            german = pf_site / "leistungen" / page.parent.name
            if german.is_dir():
                shutil.rmtree(german)
        glob = "**/leistungen/*/index.html"
    cmd = [sys.executable, "-m", "pagefind_bin", "--site", str(pf_site), "--glob", glob,
           "--root-selector", "main", "--force-language", lang, "--silent"]
    subprocess.run(cmd, check=True)


def fmt(x):
    return f"{x:.3f}"


def main():
    ap = argparse.ArgumentParser(description="Search quality: portal search vs Pagefind.")
    ap.add_argument("site", help="built site folder (portal build --output …)")
    ap.add_argument("--queries", default=str(DEFAULT_QUERIES), help="query file (default: %(default)s)")
    ap.add_argument("--js-index", action="store_true", help="build the index with the JS reference builder")
    ap.add_argument("--content", default=str(REPO / "Content"), help="Content folder (ozg_id fallback, --js-index)")
    ap.add_argument("--templates", default=str(REPO / "Templates"), help="Templates folder (--js-index synonyms)")
    ap.add_argument("--lang", default="de", help="the search page's language: de (/suche/) or en (/en/suche/)")
    ap.add_argument("--no-pagefind", action="store_true", help="skip the Pagefind comparison")
    ap.add_argument("--no-typing", action="store_true", help="skip the keystroke timing (typing every query takes ~3 s each)")
    ap.add_argument("--json", metavar="FILE", help="write all numbers to FILE")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the queries that miss rank 1")
    args = ap.parse_args()

    site = Path(args.site)
    global SEARCH_PATH
    SEARCH_PATH = "/suche/" if args.lang == "de" else f"/{args.lang}/suche/"
    if not (site.is_dir() and (site / "suche" / "index.html").is_file()):
        print(f"error: {site}: no built site (suche/index.html missing)", file=sys.stderr)
        return 1
    if not Path(args.queries).is_file():
        print(f"error: {args.queries}: query file missing", file=sys.stderr)
        return 1
    groups, queries = read_queries(args.queries)
    content = Path(args.content)
    slug2ozg = ozg_map(site, content)

    work = Path(tempfile.mkdtemp(prefix="search-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    servers, driver = [], None
    try:
        ours_dir = work / "ours"
        shutil.copytree(site, ours_dir)
        if args.js_index:
            build_js_index(ours_dir, content, Path(args.templates))
        httpd, base = serve(ours_dir)
        servers.append(httpd)
        driver = browser()
        driver.set_script_timeout(60)
        rows, first_total, first_files, times, focus_kept = run_ours(driver, httpd, base, ours_dir, groups, queries, slug2ozg,
                                                                     typing=not args.no_typing)
        ours = {"metrics": metrics(groups, rows), "first_query_gzip_bytes": first_total,
                "first_query_files": [{"path": p, "bytes": b, "gzip": g} for p, b, g in first_files],
                "keystroke_ms_median": statistics.median(times) if times else None, "keystroke_ms_max": max(times) if times else None,
                "keystroke_ms": {q["q"]: t for q, t in zip(queries, times)},
                "focus_kept": focus_kept, "rows": rows}
        pf = None
        if not args.no_pagefind:
            pf_dir = work / "pagefind"
            shutil.copytree(site, pf_dir)
            build_pagefind(pf_dir, args.lang)
            httpd2, base2 = serve(pf_dir)
            servers.append(httpd2)
            prow, ptotal, pfiles, ptimes = run_pagefind(driver, httpd2, base2, pf_dir, groups, queries, slug2ozg)
            pf = {"metrics": metrics(groups, prow), "first_query_gzip_bytes": ptotal,
                  "first_query_files": [{"path": p, "bytes": b, "gzip": g} for p, b, g in pfiles],
                  "search_ms_median": statistics.median(ptimes), "rows": prow}
    except Exception as e:  # noqa: BLE001 - report any failing step and exit 1
        print(f"error: {e}", file=sys.stderr)
        return 1
    finally:
        if driver:
            driver.quit()
        for s in servers:
            s.shutdown()
        shutil.rmtree(work, ignore_errors=True)

    def code_bytes(files):
        return sum(f["gzip"] for f in files if f["path"].endswith((".js", ".json")) or "/pagefind/" in f["path"])

    print(f"queries: {args.queries} ({len(queries)}), site: {site}, search page {SEARCH_PATH}{' (index: JS reference builder)' if args.js_index else ''}")
    print()
    head = f"{'group':30} {'n':>3}  {'ours R@1':>8} {'R@3':>6} {'MRR@10':>6} {'zero':>6}"
    if pf:
        head += f"   {'Pagefind R@1':>12} {'R@3':>6} {'MRR@10':>6} {'zero':>6}"
    print(head)
    for g in ["overall"] + groups:
        m = ours["metrics"][g]
        line = f"{g:30} {m['n']:>3}  {fmt(m['recall@1']):>8} {fmt(m['recall@3']):>6} {fmt(m['mrr@10']):>6} {fmt(m['zero']):>6}"
        if pf:
            p = pf["metrics"][g]
            line += f"   {fmt(p['recall@1']):>12} {fmt(p['recall@3']):>6} {fmt(p['mrr@10']):>6} {fmt(p['zero']):>6}"
        print(line)
    print()
    ob = code_bytes(ours["first_query_files"])
    print(f"first query ({queries[0]['q']!r}), gzip-6 bytes fetched:")
    print(f"  ours:     index + scripts {ob} B, all files incl. HTML/CSS {ours['first_query_gzip_bytes']} B")
    for f in ours["first_query_files"]:
        print(f"            {f['path']}: {f['bytes']} B, gzip {f['gzip']} B")
    if pf:
        pb = code_bytes(pf["first_query_files"])
        print(f"  Pagefind: index + scripts {pb} B, all files {pf['first_query_gzip_bytes']} B "
              f"({len(pf['first_query_files'])} files: search + data() of the top 10; .pf_* files are stored gzipped)")
    if ours["keystroke_ms_median"] is not None:
        print(f"keystroke → results (ours, median of {len(queries)} typed queries): {ours['keystroke_ms_median']:.1f} ms "
              f"(max {ours['keystroke_ms_max']:.1f} ms), focus kept: {'yes' if ours['focus_kept'] else 'NO'}")
    else:
        print("keystroke → results: not measured (--no-typing)")
    if pf:
        print(f"Pagefind search + data() of top 10 (median): {pf['search_ms_median']:.1f} ms (no UI rendering)")
    if args.verbose:
        print()
        for name, res in [("ours", ours)] + ([("Pagefind", pf)] if pf else []):
            print(f"{name}: queries not at rank 1")
            for r in res["rows"]:
                if r["rank"] != 1:
                    print(f"  {r['rank'] or '-':>2}  {r['q']}  [{r['count']}] {' | '.join(r['top'])}")
    if args.json:
        Path(args.json).write_text(json.dumps({"queries": args.queries, "site": str(site), "js_index": args.js_index,
                                               "ours": ours, "pagefind": pf}, ensure_ascii=False, indent=1, default=list),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
