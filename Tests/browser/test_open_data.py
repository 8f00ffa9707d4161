"""The open data of the sample (`open_data:` in Content/site.yml): katalog.json valid against the
JSON Schema published beside it, the CSV files the same catalogue as the JSON, the page that
describes them, and the service pages' JSON-LD pointing at them."""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def data(site_dir):
    folder = site_dir / "daten"
    if not (folder / "katalog.json").is_file():
        pytest.fail("the sample has open_data in site.yml, but daten/katalog.json was not built")
    return folder


def _csv(path):
    text = path.read_bytes().decode("utf-8")
    assert "\r\n" in text and not re.search(r"[^\r]\n", text), f"{path.name}: RFC 4180 wants CRLF line ends"
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_catalogue_is_valid_against_its_schema(data):
    schema = json.loads((data / "katalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    catalogue = json.loads((data / "katalog.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(catalogue), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    # The schema is strict enough to fail: a rule with a made-up key is refused.
    broken = dict(catalogue, zustaendigkeiten=[{"leistung": "x", "gebiet": "1234", "behoerde": "y"}])
    assert list(validator.iter_errors(broken)), "the schema accepted a 4-digit region key"


def test_csv_files_hold_the_same_catalogue(data):
    catalogue = json.loads((data / "katalog.json").read_text(encoding="utf-8"))
    services = _csv(data / "leistungen.csv")
    assert [row["slug"] for row in services] == [s["slug"] for s in catalogue["leistungen"]]
    assert all(row["leika"] == (s["leika"] or "") for row, s in zip(services, catalogue["leistungen"]))
    authorities = _csv(data / "behoerden.csv")
    assert [row["id"] for row in authorities] == [a["id"] for a in catalogue["behoerden"]]
    rules = _csv(data / "zustaendigkeiten.csv")
    assert [(r["leistung"], r["gebiet"], r["behoerde"]) for r in rules] == \
        [(r["leistung"], r["gebiet"], r["behoerde"]) for r in catalogue["zustaendigkeiten"]]
    # The rules are the editors' rows, not the answer per Gemeinde.
    source = (REPO / "Content/responsibilities.csv").read_text(encoding="utf-8").strip().splitlines()
    assert len(rules) == len(source) - 1
    slugs = {s["slug"] for s in catalogue["leistungen"]}
    ids = {a["id"] for a in catalogue["behoerden"]}
    assert all(r["leistung"] in slugs and r["behoerde"] in ids for r in rules)


def test_page_and_json_ld_point_at_the_data(site_dir, data):
    page = (data / "index.html").read_text(encoding="utf-8")
    for name in ("katalog.json", "katalog.schema.json", "leistungen.csv", "behoerden.csv", "zustaendigkeiten.csv"):
        assert f'href="{name}"' in page, f"the open data page does not link {name}"
    assert 'href="https://www.govdata.de/dl-de/by-2-0"' in page
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="daten/">Offene Daten</a>' in home
    service = next((site_dir / "leistungen").glob("*/index.html")).read_text(encoding="utf-8")
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', service, re.S).group(1))
    dataset = ld["subjectOf"]
    assert dataset["@type"] == "Dataset" and dataset["url"].endswith("/daten/")
    assert {d["contentUrl"].rsplit("/", 1)[1] for d in dataset["distribution"]} == {"katalog.json", "leistungen.csv"}
