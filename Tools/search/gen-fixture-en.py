#!/usr/bin/env python3
"""Writes the English index fixture the Swift port must reproduce byte for byte (spec v2):

    Tests/vectors/search-index-en/docs.json     docs input with "lang": "en"
    Tests/vectors/search-index-en/index.json    serializeIndex(buildIndex(docs.json)).main
    Tests/vectors/search-index-en/suche-en-*.json  its shards

The docs are four English service texts of Content/ (front matter and "## " sections, as the
loader reads them) and three services by their German titles and keywords only, as the English
index holds services without an English text. Run from the repository root:
python3 Tools/search/gen-fixture-en.py
"""
import json
import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "vectors" / "search-index-en"
ENGLISH = ["kindergeld-beantragen", "wohnsitz-anmelden", "fuehrerschein-beantragen", "gewerbe-anmelden"]
GERMAN_ONLY = ["fuehrungszeugnis", "rundfunkbeitrag", "hundehaltung-anzeige"]


def front(path):
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(m.group(1)), text[m.end():]


def sections(body):
    parts, title, lines = [], "", []
    for line in body.splitlines():
        if line.startswith("## "):
            if lines or title:
                parts.append({"title": title, "text": "\n".join(lines).strip()})
            title, lines = line[3:].strip(), []
        else:
            lines.append(line)
    parts.append({"title": title, "text": "\n".join(lines).strip()})
    return [p for p in parts if p["text"] or p["title"]]


docs = []
for slug in ENGLISH:
    meta, body = front(ROOT / "Content" / "services" / f"{slug}.en.md")
    german, _ = front(ROOT / "Content" / "services" / f"{slug}.md")
    docs.append({"url": f"en/leistungen/{slug}/", "kind": "service", "title": meta["title"], "ozg_id": str(german.get("ozg_id", "")),
                 "themenfeld": "", "lebenslagen": [], "keywords": meta.get("keywords", []),
                 "summary": meta.get("summary", ""), "sections": sections(body)})
for slug in GERMAN_ONLY:
    path = ROOT / "Content" / "services" / f"{slug}.md"
    if not path.exists():
        continue
    german, _ = front(path)
    docs.append({"url": f"leistungen/{slug}/", "kind": "service", "title": german["title"], "ozg_id": str(german.get("ozg_id", "")),
                 "themenfeld": "", "lebenslagen": [], "keywords": german.get("keywords", []) or [], "summary": "", "sections": []})

OUT.mkdir(parents=True, exist_ok=True)
for old in OUT.glob("*.json"):
    old.unlink()
(OUT / "docs.json").write_text(json.dumps({"lang": "en", "docs": docs, "synonyms": []}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
script = """
const core = require(process.argv[1] + "/Templates/assets/search-core.js");
const fs = require("fs");
const dir = process.argv[2];
const files = core.serializeIndex(core.buildIndex(JSON.parse(fs.readFileSync(dir + "/docs.json", "utf8"))));
fs.writeFileSync(dir + "/index.json", files.main);
for (const [name, text] of files.shards) fs.writeFileSync(dir + "/" + name, text);
console.log(files.shards.length + " shards");
"""
subprocess.run(["node", "-e", script, str(ROOT), str(OUT)], check=True)
