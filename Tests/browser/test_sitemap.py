"""sitemap.xml against the Sitemaps protocol 0.9 and XHTML's <link> alternates, with xmllint
(Debian libxml2-utils): the schemas in schemas/ are written from the protocol's description and
Google's documentation of hreflang alternates (issue #17: "the sitemap validates against the
sitemap and xhtml schemas"). Each negative control breaks one rule and must fail, so a schema
that accepts everything cannot pass this test."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SCHEMA = Path(__file__).parent / "schemas" / "sitemap-0.9.xsd"
XMLLINT = shutil.which("xmllint")


def validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([XMLLINT or "xmllint", "--noout", "--nonet", "--schema", str(SCHEMA), str(path)],
                          capture_output=True, text=True)


def test_xmllint_is_installed():
    assert XMLLINT, "xmllint is missing (scripts/install-deps --test installs libxml2-utils)"


def test_the_sitemap_validates(site_dir):
    sitemap = site_dir / "sitemap.xml"
    result = validate(sitemap)
    assert result.returncode == 0, result.stderr[-2000:]
    text = sitemap.read_text(encoding="utf-8")
    # The sample publishes English: the alternates are there to be validated.
    assert text.count("<xhtml:link ") > 100 and 'hreflang="x-default"' in text


@pytest.mark.parametrize("name,find,replace", [
    ("hreflang that is no language tag", 'hreflang="en"', 'hreflang="en english"'),
    ("relative loc", "<loc>https://", "<loc>"),
    ("link that is no alternate", 'rel="alternate"', 'rel="canonical"'),
    ("priority above 1", "</loc>", "</loc><priority>2</priority>"),
    ("unknown element of the sitemap namespace", "</loc>", "</loc><title>x</title>"),
    ("url without loc", re.compile(r"<loc>[^<]*</loc>"), ""),
])
def test_a_broken_sitemap_fails(site_dir, tmp_path, name, find, replace):
    text = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    broken = find.sub(replace, text, count=1) if isinstance(find, re.Pattern) else text.replace(find, replace, 1)
    assert broken != text, f"{name}: nothing to break"
    path = tmp_path / "sitemap.xml"
    path.write_text(broken, encoding="utf-8")
    assert validate(path).returncode != 0, f"{name}: the broken sitemap validates"
