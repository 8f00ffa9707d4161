"""axe-core on one page of every distinct set of Markdown constructs that occurs in a built site.

The per-type audit (test_pages.py) looks at one page of each type, chosen once; editors' texts can
use constructs that page does not (a task list, an aligned table, a phone link). Here every service
and free page of the site gets a cheap signature of what its Markdown produced — the element names
inside its text sections, input types, the kind of each link (internal, fragment, web, mail, phone),
table alignment, lists inside lists — and axe runs on the first page (by path) of each distinct
(page type, signature). Run on the sample and on the generated `--variant alt` tree (other texts).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, SCRATCH, build_site, format_axe, open_page, run_axe, serve


class _Constructs(HTMLParser):
    """Collects the constructs inside the Markdown regions of one page."""

    VOID = {"br", "hr", "input", "img", "meta", "link", "wbr", "col", "source", "area", "base", "embed", "param", "track"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, opens a Markdown region)
        self.depth = 0  # Markdown regions open
        self.features: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        region = (tag == "section" and "aria-labelledby" in a and "responsibility" not in (a.get("class") or "")) \
            or (tag == "article" and "free-page" in (a.get("class") or ""))
        if self.depth:
            feature = tag
            if tag == "input":
                feature = "input:" + (a.get("type") or "text") + (":checked" if "checked" in a else "")
            elif tag == "a":
                href = a.get("href") or ""
                kind = ("fragment" if href.startswith("#") else "mail" if href.startswith("mailto:") else
                        "phone" if href.startswith("tel:") else "web" if "://" in href else "internal")
                feature = "a:" + kind
            elif tag in ("th", "td") and "align-" in (a.get("class") or ""):
                feature = tag + ":aligned"
            elif tag in ("ul", "ol") and any(t == "li" for t, _ in self.stack):
                feature = tag + ":nested"
            self.features.add(feature)
        if tag in self.VOID:
            return
        self.stack.append((tag, region))
        if region:
            self.depth += 1

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, region = self.stack.pop()
            if region:
                self.depth -= 1
            if open_tag == tag:
                break


def signature(html: str) -> frozenset[str]:
    parser = _Constructs()
    parser.feed(html)
    return frozenset(parser.features)


def shapes(site: Path) -> dict[tuple[str, frozenset[str]], str]:
    """(page type, signature) → the first page path that has it."""
    found: dict[tuple[str, frozenset[str]], str] = {}
    pages = [("service", p) for p in sorted((site / "leistungen").glob("*/index.html"))]
    reserved = {"leistungen", "themen", "lebenslagen", "behoerden", "orte", "suche", "assets", "data"}
    pages += [("free-page", p) for p in sorted(site.glob("*/index.html")) if p.parent.name not in reserved]
    for kind, path in pages:
        key = (kind, signature(path.read_text(encoding="utf-8")))
        found.setdefault(key, path.parent.relative_to(site).as_posix() + "/")
    return found


@pytest.fixture(scope="module")
def alt_site():
    tmp = Path(tempfile.mkdtemp(prefix="portal-shapes-alt-", dir=SCRATCH))
    try:
        content = tmp / "content"
        subprocess.run([sys.executable, str(REPO / "Tools/sample-content/generate.py"), "--out", str(content), "--variant", "alt"],
                       check=True, capture_output=True, timeout=300)
        build_site(content, tmp / "site")
        yield tmp / "site"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _audit(driver, axe_source, site: Path, url: str, tree: str) -> None:
    started = time.monotonic()
    found = shapes(site)
    failures = []
    for (kind, features), path in sorted(found.items(), key=lambda item: item[1]):
        open_page(driver, url + path)
        violations = run_axe(driver, axe_source)["violations"]
        if violations:
            failures.append(f"{path} ({kind}; {', '.join(sorted(features))}):\n{format_axe(violations)}")
    print(f"\n[shapes] {tree}: {len(found)} distinct (page type, Markdown constructs) audited in "
          f"{time.monotonic() - started:.1f} s", file=sys.stderr)
    assert len(found) >= 3, f"{tree}: only {len(found)} shapes found; the signature reads nothing"
    assert not failures, f"{tree}: axe violations on {len(failures)} of {len(found)} shapes:\n" + "\n".join(failures)


def test_every_markdown_shape_of_the_sample(driver, axe_source, site_dir, base_url):
    _audit(driver, axe_source, site_dir, base_url, "sample")


def test_every_markdown_shape_of_the_alt_tree(driver, axe_source, alt_site):
    with serve(alt_site) as url:
        _audit(driver, axe_source, alt_site, url, "alt")


def test_signature_tells_constructs_apart():
    plain = '<main><section aria-labelledby="a"><h2 id="a">A</h2><p>Text</p></section></main>'
    task = ('<main><section aria-labelledby="a"><h2 id="a">A</h2><ul><li><input type="checkbox" id="c"> '
            '<label for="c">x</label></li></ul></section></main>')
    outside = '<main><section aria-labelledby="a"><h2 id="a">A</h2><p>Text</p></section><input type="checkbox"></main>'
    assert signature(plain) == {"h2", "p"}
    assert "input:checkbox" in signature(task) and "label" in signature(task)
    assert signature(outside) == signature(plain), "controls outside the text are not Markdown constructs"
