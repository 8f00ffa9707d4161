"""The server configuration `portal build` writes beside the output (`Output.server/`), tried on
Debian's real nginx (with the brotli_static module) over the built sample, at the host's root and
under a base path: every header, the precompressed files, the 404 page, caching, and in headless
Chromium every page type with the CSP sent as a header only (the <meta> tag stripped): no
violation, no request to another origin. Caddy's file is tried the same way, over plain HTTP.

nginx, its brotli module and Caddy come from Debian (`scripts/install-deps --test`).
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from conftest import PAGE_TYPES, REPO, SCRATCH, _portal_binary, assert_no_csp_violations, open_page

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CADDY = shutil.which("caddy") or "/usr/bin/caddy"
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
META_CSP = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="([^"]*)">\n?')
SECURITY_HEADERS = ["Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options",
                    "Referrer-Policy", "Permissions-Policy"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server ended with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise AssertionError(f"the server did not listen on {port}:\n{log.read_text(errors='replace')[-3000:]}")


@contextlib.contextmanager
def _running(command: list[str], port: int, work: Path, log: Path, env: dict | None = None):
    """Starts a server (its output into `log`), waits until it listens on `port`, yields its
    base URL; stops it and removes `work` afterwards."""
    with open(log, "ab") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=work)
    try:
        _wait_for(port, proc, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def nginx(root: Path, snippet: Path):
    """Debian's nginx on a free port: `root` is the server's root, `snippet` the generated file."""
    if not os.access(NGINX, os.X_OK):
        pytest.fail(f"nginx not found at {NGINX} (scripts/install-deps --test installs it)")
    work = Path(tempfile.mkdtemp(prefix="portal-nginx-", dir=SCRATCH))
    port = _free_port()
    temp_paths = "\n".join(f"    {kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""
    config = work / "nginx.conf"
    config.write_text(f"""{user}load_module {BROTLI_MODULE};
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
{temp_paths}
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include {snippet};
    }}
}}
""")
    log = work / "error.log"
    with _running([NGINX, "-c", str(config), "-p", str(work)], port, work, log) as base:
        yield base
        problems = [line for line in log.read_text(errors="replace").splitlines() if "[emerg]" in line or "[alert]" in line]
        assert not problems, "\n".join(problems)


@contextlib.contextmanager
def caddy(root: Path, snippet: Path):
    """Caddy on a free port over plain HTTP, importing the generated file in its site block."""
    if not os.access(CADDY, os.X_OK):
        pytest.fail(f"caddy not found at {CADDY} (scripts/install-deps --test installs it)")
    work = Path(tempfile.mkdtemp(prefix="portal-caddy-", dir=SCRATCH))
    port = _free_port()
    config = work / "Caddyfile"
    config.write_text(f"{{\n    admin off\n    auto_https off\n    storage file_system {work}/data\n}}\n"
                      f"http://127.0.0.1:{port} {{\n    root * {root}\n    import {snippet}\n}}\n")
    env = dict(os.environ, HOME=str(work), XDG_DATA_HOME=str(work), XDG_CONFIG_HOME=str(work))
    with _running([CADDY, "run", "--config", str(config), "--adapter", "caddyfile"], port, work, work / "caddy.log", env) as base:
        yield base


def fetch(base: str, path: str, encoding: str | None = None) -> tuple[int, dict, bytes]:
    """A plain GET; headers with lower-case names (repeated ones joined by ", ")."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    headers = {"Accept-Encoding": encoding} if encoding else {"Accept-Encoding": "identity"}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    found: dict[str, str] = {}
    for name, value in response.getheaders():
        key = name.lower()
        found[key] = f"{found[key]}, {value}" if key in found else value
    conn.close()
    return response.status, found, body


def _build(content: Path, out: Path) -> None:
    proc = subprocess.run([str(_portal_binary()), "build", "--quiet", "--clean", "--content", str(content), "--output", str(out)],
                          cwd=out.parent, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"portal build failed ({proc.returncode}):\n{proc.stderr[-4000:]}"


@pytest.fixture(scope="module")
def sites():
    """The sample built twice: at the host's root, and with base_url …/portal/ (served from a
    root that holds the site at portal/). Yields {"root": (site, server folder, web root),
    "portal": (…)}."""
    tmp = Path(tempfile.mkdtemp(prefix="portal-server-", dir=SCRATCH))
    try:
        root_site = tmp / "root" / "Output"
        root_site.parent.mkdir()
        _build(REPO / "Content", root_site)
        content = tmp / "Content-portal"
        shutil.copytree(REPO / "Content", content)
        site_yml = content / "site.yml"
        site_yml.write_text(site_yml.read_text().replace('base_url: "https://portal.example.de/"',
                                                         'base_url: "https://portal.example.de/portal/"'))
        portal_site = tmp / "portal" / "Output"
        portal_site.parent.mkdir()
        _build(content, portal_site)
        web = tmp / "web"
        web.mkdir()
        (web / "portal").symlink_to(portal_site)
        yield {"root": (root_site, Path(f"{root_site}.server"), root_site),
               "portal": (portal_site, Path(f"{portal_site}.server"), web)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _sample_files(site: Path) -> dict[str, str]:
    """One file of each kind, by site path."""
    def first(pattern: str) -> str:
        return str(next(iter(sorted(site.glob(pattern)))).relative_to(site))
    return {
        "page": "leistungen/index.html",
        "service": first("leistungen/*/index.html"),
        "css": first("assets/*.css"),
        "js": first("assets/*.js"),
        "search index": first("data/suche.*.json"),
        "authority card": first("data/behoerden/*.json"),
        "sitemap": "sitemap.xml",
    }


def _url(base_path: str, file: str) -> str:
    """The URL path of a site file (folders for index.html)."""
    return base_path + (file[: -len("index.html")] if file.endswith("index.html") else file)


@pytest.mark.parametrize("server", ["nginx", "caddy"])
@pytest.mark.parametrize("layout", ["root", "portal"])
def test_headers_caching_and_precompressed_files(sites, server, layout):
    site, config, web = sites[layout]
    base_path = "/" if layout == "root" else "/portal/"
    start = nginx(web, config / "nginx.conf") if server == "nginx" else caddy(web, config / "portal.caddy")
    with start as base:
        for kind, file in _sample_files(site).items():
            raw = (site / file).read_bytes()
            url = _url(base_path, file)
            status, headers, body = fetch(base, url)
            assert status == 200, f"{server} {url}: {status}"
            assert body == raw, f"{server} {url}: the identity response differs from the file"
            for name in SECURITY_HEADERS:
                assert name.lower() in headers, f"{server} {url}: no {name}: {headers}"
            assert headers["x-content-type-options"] == "nosniff"
            assert headers["strict-transport-security"].startswith("max-age=31536000")
            assert "frame-ancestors 'none'" in headers["content-security-policy"]
            hashed = re.search(r"\.[0-9a-f]{16}\.(css|js|json)$", file) is not None
            cache = headers.get("cache-control", "")
            if hashed:
                assert "immutable" in cache and "max-age=31536000" in cache, f"{server} {url} ({kind}): Cache-Control {cache!r}"
            else:
                assert cache == "no-cache", f"{server} {url} ({kind}): Cache-Control {cache!r}"
            if file.endswith(".html"):
                # The header carries the same policy as the page's <meta> tag, plus frame-ancestors.
                meta = META_CSP.search(raw).group(1).decode().replace("&#39;", "'")
                assert headers["content-security-policy"] == meta + "; frame-ancestors 'none'", f"{server} {url}"
            if (site / (file + ".br")).is_file():
                for encoding, decode in (("br", brotli.decompress), ("gzip", gzip.decompress)):
                    status, headers, body = fetch(base, url, encoding)
                    assert status == 200 and headers.get("content-encoding") == encoding, \
                        f"{server} {url}: asked for {encoding}, got {headers.get('content-encoding')!r}"
                    assert "accept-encoding" in headers.get("vary", "").lower(), f"{server} {url}: Vary {headers.get('vary')!r}"
                    assert decode(body) == raw, f"{server} {url}: the {encoding} response does not decode to the file"
                    assert len(body) < len(raw)


@pytest.mark.parametrize("server", ["nginx", "caddy"])
@pytest.mark.parametrize("layout", ["root", "portal"])
def test_missing_pages_get_the_404_page_with_status_404(sites, server, layout):
    site, config, web = sites[layout]
    base_path = "/" if layout == "root" else "/portal/"
    start = nginx(web, config / "nginx.conf") if server == "nginx" else caddy(web, config / "portal.caddy")
    with start as base:
        # Below /en/ (the sample publishes English, spec v2), the English 404 page; "en" elsewhere
        # in a path is not English.
        for path, page in (("gibt-es-nicht/", "404.html"), ("leistungen/gibt-es-nicht/", "404.html"), ("data/nichts.json", "404.html"),
                           ("en/gibt-es-nicht/", "en/404.html"), ("en/leistungen/gibt-es-nicht/", "en/404.html"),
                           ("leistungen/en/", "404.html")):
            status, headers, body = fetch(base, base_path + path)
            assert status == 404, f"{server} {base_path + path}: {status}"
            assert body == (site / page).read_bytes(), f"{server} {base_path + path}: not the site's {page}"
            assert "frame-ancestors 'none'" in headers.get("content-security-policy", ""), f"{server}: 404 without CSP"
        # RFC 9116: security.txt at the host's root, also when the site is not.
        status, _, body = fetch(base, "/.well-known/security.txt")
        assert status == 200 and body == (site / ".well-known/security.txt").read_bytes(), f"{server}: security.txt {status}"


def test_a_folder_without_its_slash_is_redirected_relatively(sites):
    site, config, web = sites["portal"]
    with nginx(web, config / "nginx.conf") as base:
        status, headers, _ = fetch(base, "/portal/leistungen")
        assert status == 301 and headers["location"] == "/portal/leistungen/", (status, headers.get("location"))


@pytest.mark.parametrize("layout", ["root", "portal"])
def test_every_page_type_keeps_the_policy_sent_as_a_header_only(sites, driver, page_paths, layout):
    """The pages' <meta> policy removed: the header alone must allow everything the pages do
    (styles, scripts, the search index, the finder's data) and nothing from another origin, at
    the host's root and under a base path."""
    site, config, _ = sites[layout]
    base_path = "/" if layout == "root" else "/portal/"
    web = Path(tempfile.mkdtemp(prefix="portal-header-only-", dir=SCRATCH))
    stripped = web / base_path.strip("/") if layout == "portal" else web / "site"
    root = web if layout == "portal" else stripped
    try:
        shutil.copytree(site, stripped, symlinks=True)
        for page in stripped.rglob("*.html"):
            text = page.read_bytes()
            without = META_CSP.sub(b"", text)
            assert without != text, f"{page}: no CSP meta tag"
            page.write_bytes(without)
            for form in (".br", ".gz"):
                Path(f"{page}{form}").unlink(missing_ok=True)
        with nginx(root, config / "nginx.conf") as base:
            for page_type in PAGE_TYPES:
                url = f"{base}{base_path}{page_paths[page_type]}"
                open_page(driver, url)
                assert driver.execute_script("return document.querySelector('meta[http-equiv]') === null"), url
                assert_no_csp_violations(driver, f"{page_type} ({url}) under nginx")
                foreign = driver.execute_script(
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                    ".filter(function (n) { return n.indexOf(location.origin + '/') !== 0; })")
                assert foreign == [], f"{page_type}: requests to another origin: {foreign}"
                # Styles and scripts arrived: the page is laid out by portal.css, not unstyled.
                assert driver.execute_script("return document.styleSheets.length > 0 && "
                                             "getComputedStyle(document.body).margin !== '8px'"), f"{page_type}: unstyled"
            open_page(driver, f"{base}{base_path}suche/?q=personalausweis", wait_for_search=True)
            assert_no_csp_violations(driver, "search under nginx")
    finally:
        shutil.rmtree(web, ignore_errors=True)
