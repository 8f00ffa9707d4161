"""Every Markdown construct an editor can write, on every kind of page Markdown goes to.

``fixtures/constructs/`` is a small content tree (not the sample) whose service text and free page
use each construct the content format allows: headings of levels 2–6, unordered, ordered and
nested lists, task lists checked and unchecked, tables with and without column alignment, links
(internal, to anchors, external, autolinks, e-mail, phone), emphasis, strikethrough, code spans and
blocks, block quotes (nested), hard line breaks, a horizontal rule, a very long word and a very long
URL. Authorities have no Markdown (their texts are plain text, content format), so there is no
authority case. Both pages must pass axe-core (WCAG 2.1 A/AA and best practice) at 1280 and 320 px
and the Nu Html Checker without errors, and must not scroll sideways at 320 px.

The checklist (task list) gets its own check against Chromium's accessibility tree: each checkbox is
named by its item's text, is enabled, and `[x]` items are checked.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import (SCRATCH, assert_no_csp_violations, build_site, format_axe, open_page, run_axe, serve,
                      set_viewport, vnu_jar, WIDTH)

FIXTURE = Path(__file__).parent / "fixtures" / "constructs"
PAGES = {"service": "leistungen/alle-konstrukte/", "free-page": "alle-konstrukte/"}
TASKS = [("Ein gültiger Personalausweis oder Reisepass", False), ("Das bisherige Dokument, falls vorhanden", False),
         ("Ein aktuelles biometrisches Lichtbild", True), ("Eine Meldebescheinigung mit Link zur Leistung", False)]


@pytest.fixture(scope="module")
def constructs_site():
    tmp = Path(tempfile.mkdtemp(prefix="portal-constructs-", dir=SCRATCH))
    try:
        out = tmp / "site"
        build_site(FIXTURE, out)
        with serve(out) as url:
            yield out, url
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.mark.parametrize("width", [WIDTH, 320])
@pytest.mark.parametrize("page", list(PAGES))
def test_every_construct_passes_axe(driver, axe_source, constructs_site, page, width):
    _, url = constructs_site
    set_viewport(driver, width)
    try:
        open_page(driver, url + PAGES[page])
        result = run_axe(driver, axe_source)
        assert not result["violations"], (f"{page} at {width} px: axe {result['version']}:\n" + format_axe(result["violations"]))
        assert_no_csp_violations(driver, page)
        if width == 320:
            overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{page} scrolls sideways by {overflow} px at 320 px"
    finally:
        set_viewport(driver, WIDTH)


def test_every_construct_is_rendered(constructs_site):
    """The fixture really contains what the docstring promises (so the axe run above means it)."""
    site, _ = constructs_site
    for page in PAGES.values():
        html = (site / page / "index.html").read_text(encoding="utf-8")
        for needle in ["<h3", "<h4", "<h5", "<h6", "<ul>", "<ol>", "<li>", "<table>", 'class="align-center"', 'class="align-right"', "<thead>",
                       "<strong>", "<em>", "<del>", "<code>", "<pre>", "<blockquote>", "<br", "<hr", 'href="mailto:',
                       'href="tel:', 'href="https://', 'href="#kosten"', 'type="checkbox"', "checkliste-hinweis"]:
            assert needle in html, f"{page}: {needle} not rendered"
        main = html.split("<main", 1)[1].split("</main>", 1)[0]
        assert "disabled" not in main, f"{page}: a disabled control in the text"
        assert " align=" not in main, f"{page}: obsolete align attribute"


@pytest.mark.parametrize("page", list(PAGES))
def test_checklist_in_the_accessibility_tree(driver, constructs_site, page):
    """What a screen reader announces: role checkbox, the item's text as its name, checked or not, not disabled."""
    _, url = constructs_site
    open_page(driver, url + PAGES[page])
    tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    boxes = []
    for node in tree:
        if node.get("role", {}).get("value") != "checkbox" or node.get("ignored"):
            continue
        props = {p["name"]: p.get("value", {}).get("value") for p in node.get("properties", [])}
        boxes.append((node.get("name", {}).get("value", ""), props.get("checked"), props.get("disabled", False)))
    assert [(name, checked == "true") for name, checked, _ in boxes] == TASKS, boxes
    assert not any(disabled for _, _, disabled in boxes), boxes
    hint = driver.execute_script("return document.querySelector('.checkliste-hinweis').textContent")
    assert "nicht gespeichert und nicht gesendet" in hint
    # The boxes are the reader's own: ticking works and sends nothing anywhere.
    first = driver.execute_script("const b = document.getElementById('checkliste-1'); b.click(); return [b.checked, b.form === null];")
    assert first == [True, True]


def test_every_construct_passes_nu(constructs_site):
    site, _ = constructs_site
    java = shutil.which("java")
    assert java, "java not found (vnu.jar needs Java 11 or later)"
    files = [str(site / page / "index.html") for page in PAGES.values()]
    proc = subprocess.run([java, "-Xss2m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *files],
                          capture_output=True, text=True, timeout=300)
    output = proc.stdout + proc.stderr
    report = json.loads(output[output.index("{"):])
    errors = [m for m in report.get("messages", []) if m.get("type") in ("error", "non-document-error")]
    assert not errors, "\n".join(f"{m.get('url', '').rsplit('/', 2)[-2]}:{m.get('lastLine')}: {m.get('message')}" for m in errors)
