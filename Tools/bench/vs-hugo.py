#!/usr/bin/env python3
"""Build speed and memory of `portal` against Hugo: same content, same machine, same run.

    python3 Tools/bench/vs-hugo.py [--services 500,2000,8000] [--runs 3]
                                   [--work /dev/shm/portal-vs-hugo] [--json FILE]
                                   [--diagnose] [--cached-rows] [--timeout 1200]

For each N in --services:
  1. derives a Saxony content tree of N services from `generate.py --scope sachsen` (557 OZG
     services): fewer by an even selection that keeps every link target, more by clones
     `<slug>-<k>` titled "… (Variante k)" with the same Markdown body and a copy of the base
     service's rules in responsibilities.csv; checks it with `portal check` (must exit 0);
  2. converts the same tree into an equivalent Hugo site (same pages: service, form stub, A–Z,
     Themenfelder and Lebenslagen as taxonomies, authorities, Land/Kreis/Gemeinde pages, search,
     404, free pages, sitemap, robots.txt; the same data files: search index, place list,
     rules per service, one JSON card per authority). The responsibility resolution (longest
     AGS prefix) is done here in Python: Hugo only renders;
  3. builds both alternately, --runs times each, under /usr/bin/time -v, output in --work,
     the output folder (and Hugo's caches) deleted before each run;
  4. prints per N the median wall time, CPU time and peak RSS, pages and output bytes of
     both, the ratios portal/Hugo, the load average and the share of the CPUs that other
     processes used during the runs (what skews the timings);
  5. then (unless --no-incremental) edits one service's body --runs times, rebuilds with
     `portal build` (incremental, using the cache of the build before), and prints the median
     wall time, its ratio to the clean build, and whether the result equals a clean build of
     the same tree file by file. `portal` is timed with --clean for the comparison with Hugo.

Writes only below --work (default in /dev/shm: the VM's disk slows down after a few GB).
Needs the release binary (.build/release/portal) and `hugo` (Debian: apt-get install hugo).
Standard library plus PyYAML (to read the content tree).
"""
from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import yaml

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    return yaml.load(text, Loader=YAML_LOADER)


REPO = Path(__file__).resolve().parents[2]
PORTAL = REPO / ".build/release/portal"
GENERATE = REPO / "Tools/sample-content/generate.py"
ASSETS = REPO / "Templates/assets"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")
FIM_ORDER = ["Beschreibung", "Voraussetzungen", "Erforderliche Unterlagen", "Kosten", "Bearbeitungsdauer", "Fristen",
             "Verfahrensablauf", "Rechtsgrundlage", "Hinweise", "Weiterführende Informationen"]


# ---------------------------------------------------------------------------------------
# Reading the content tree
# ---------------------------------------------------------------------------------------

def split_front_matter(text: str) -> tuple[str, str]:
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.index("\n---\n", 3)
    return text[4:end + 1], text[end + 5:]


def plain(value):
    """YAML values as JSON-able values (dates become ISO strings)."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "a", "Ö": "o", "Ü": "u", "ß": "ss"})


def german_key(text: str) -> tuple[str, str]:
    s = unicodedata.normalize("NFKD", text.translate(_FOLD).casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return ("".join(c for c in s if c.isalnum() or c == " "), text)


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_content(root: Path) -> dict:
    site = load_yaml((root / "site.yml").read_text(encoding="utf-8"))
    topics = load_yaml((root / "topics.yml").read_text(encoding="utf-8")) if (root / "topics.yml").exists() else {}
    services = []
    for path in sorted((root / "services").glob("*.md")):
        fm, body = split_front_matter(path.read_text(encoding="utf-8"))
        meta = plain(load_yaml(fm))
        meta["slug"] = path.stem
        services.append((meta, body))
    services.sort(key=lambda s: german_key(s[0]["title"]))
    pages = []
    for path in sorted((root / "pages").glob("*.md")) if (root / "pages").exists() else []:
        fm, body = split_front_matter(path.read_text(encoding="utf-8"))
        meta = plain(load_yaml(fm))
        meta["slug"] = path.stem
        pages.append((meta, body))
    authorities = {}
    for path in sorted((root / "authorities").glob("*.yml")):
        a = plain(load_yaml(path.read_text(encoding="utf-8")))
        a["id"] = path.stem
        authorities[path.stem] = a
    regions = read_csv(root / "regions.csv")
    rules: dict[str, dict[str, str]] = {}
    for r in read_csv(root / "responsibilities.csv"):
        rules.setdefault(r["service"], {})[r["region"]] = r["authority"]
    return {"site": site, "topics": topics or {}, "services": services, "pages": pages,
            "authorities": authorities, "regions": regions, "rules": rules}


# ---------------------------------------------------------------------------------------
# Step 1: a content tree of N services
# ---------------------------------------------------------------------------------------

_ROOT_LINK = re.compile(r"\]\(/leistungen/([a-z0-9-]+)/")


def with_suffix(base: str, suffix: str, maxlen: int = 80) -> str:
    return base[:maxlen - len(suffix) - 1].rstrip("-") + "-" + suffix


def spread(items: list, count: int) -> list:
    """`count` items evenly spaced over `items`, in their order."""
    if count >= len(items):
        return list(items)
    return [items[i * len(items) // count] for i in range(count)]


def derive_tree(base: Path, out: Path, n: int) -> dict:
    """Writes a content tree with exactly n services derived from the base tree."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(base, out, ignore=shutil.ignore_patterns("services", "responsibilities.csv"))
    (out / "services").mkdir()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((base / "services").glob("*.md"))}
    slugs = sorted(texts)
    linked = set()
    for text in list(texts.values()) + [p.read_text(encoding="utf-8") for p in (base / "pages").glob("*.md")]:
        linked.update(_ROOT_LINK.findall(text))
    rules: dict[str, list[tuple[str, str]]] = {}
    for r in read_csv(base / "responsibilities.csv"):
        rules.setdefault(r["service"], []).append((r["region"], r["authority"]))

    chosen: list[tuple[str, str, int]] = []  # (new slug, base slug, variant k; 1 = the original)
    if n <= len(slugs):
        keep = [s for s in slugs if s in linked]
        rest = [s for s in slugs if s not in linked]
        keep += spread(rest, n - len(keep))
        chosen = [(s, s, 1) for s in sorted(keep)]
    else:
        chosen = [(s, s, 1) for s in slugs]
        taken = set(slugs)
        k = 2
        while len(chosen) < n:
            for s in spread(slugs, min(len(slugs), n - len(chosen))):
                new = with_suffix(s, str(k))
                if new in taken:
                    new = with_suffix(s, f"v{k}")
                if new in taken:
                    raise SystemExit(f"vs-hugo: slug clash for {s} variant {k}")
                taken.add(new)
                chosen.append((new, s, k))
            k += 1
    rows = []
    for new, src, k in chosen:
        text = texts[src]
        if k > 1:
            fm, body = split_front_matter(text)
            title = load_yaml(fm)["title"]
            lines = fm.split("\n")
            i = next(i for i, line in enumerate(lines) if line.startswith("title:"))
            lines[i] = "title: " + json.dumps(f"{title} (Variante {k})", ensure_ascii=False)
            text = "---\n" + "\n".join(lines) + "---\n" + body
        (out / "services" / f"{new}.md").write_text(text, encoding="utf-8")
        rows += [(new, region, authority) for region, authority in rules.get(src, [])]
    with open(out / "responsibilities.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["service", "region", "authority"])
        w.writerows(rows)
    return {"services": len(chosen), "rules": len(rows)}


# ---------------------------------------------------------------------------------------
# Step 2: the same tree as a Hugo site
# ---------------------------------------------------------------------------------------

HUGO_TOML = """\
baseURL = {base_url}
languageCode = {language}
defaultContentLanguage = {language}
title = {title}
relativeURLs = true
enableRobotsTXT = true
disableHugoGeneratorInject = true
disableKinds = ["taxonomy", "RSS"]
ignoreErrors = ["error-disable-taxonomy"]
timeout = "600s"

[taxonomies]
  thema = "themen"
  lebenslage = "lebenslagen"

[outputs]
  home = ["HTML"]
  section = ["HTML"]
  page = ["HTML"]
  term = ["HTML"]

[markup.goldmark.renderer]
  unsafe = false
[markup.goldmark.extensions]
  typographer = false
[markup.tableOfContents]
  startLevel = 2
  endLevel = 2

[params]
  csp = {csp}
  land = {land}
  contact_email = {email}
  contact_phone = {phone}
"""

LAYOUTS = {
    "_default/baseof.html": """\
<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{ site.Params.csp }}">
<title>{{ block "title" . }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ block "description" . }}{{ .Description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ partialCached "css.html" . }}
{{ block "head" . }}{{ end }}
</head>
<body>
{{ partialCached "header.html" . }}
{{ block "breadcrumbs" . }}{{ end }}
<main id="inhalt" class="wrap" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
{{ partialCached "footer.html" . }}
</body>
</html>
""",
    "partials/css.html": """{{ $css := resources.Get "assets/portal.css" | fingerprint }}<link rel="stylesheet" href="{{ $css.RelPermalink }}">""",
    "partials/js.html": """{{ $js := resources.Get (printf "assets/%s.js" .) | fingerprint }}<script src="{{ $js.RelPermalink }}" defer></script>""",
    "partials/root.html": """{{ return strings.Repeat (sub (len (split .RelPermalink "/")) 2) "../" }}""",
    "partials/orte-url.html": """{{ $r := resources.FromString "data/orte.json" (jsonify site.Data.portal.orte) | fingerprint }}{{ return $r.RelPermalink }}""",
    "partials/header.html": """\
<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="site-title" href="/">{{ site.Title }}</a>
    <nav class="header-links" aria-label="Hilfen">
      <ul>
        {{ with site.GetPage "/leichte-sprache" }}<li><a href="{{ .RelPermalink }}">Leichte Sprache</a></li>{{ end }}
        <li><a href="/leistungen/">Leistungen A–Z</a></li>
        <li><a href="/orte/">Orte</a></li>
      </ul>
    </nav>
  </div>
  <div class="wrap">
    <form class="header-search" role="search" action="/suche/" method="get">
      <label for="kopf-suche">Leistung suchen</label>
      <div class="search-row">
        <input id="kopf-suche" name="q" type="search" autocomplete="off" spellcheck="false">
        <button type="submit">Suchen</button>
      </div>
    </form>
  </div>
</header>
""",
    "partials/footer.html": """\
<footer class="site-footer">
  <div class="wrap">
    <p>Allgemeiner Kontakt: <a href="mailto:{{ site.Params.contact_email }}">{{ site.Params.contact_email }}</a>, Telefon {{ site.Params.contact_phone }}</p>
    <nav aria-label="Rechtliches">
      <ul>
        {{ range (where site.RegularPages "Type" "page").ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
        <li><a href="/suche/">Suche</a></li>
      </ul>
    </nav>
  </div>
</footer>
""",
    "partials/crumbs.html": """\
<nav class="breadcrumbs wrap" aria-label="Brotkrumen">
  <ol>
    <li><a href="/">Startseite</a></li>{{ range .parents }}<li><a href="{{ index . 0 }}">{{ index . 1 }}</a></li>{{ end }}<li><span aria-current="page">{{ .title }}</span></li>
  </ol>
</nav>
""",
    "partials/card.html": """\
{{ $a := index site.Data.portal.behoerden . }}<div class="authority-card">
  <p class="authority-name"><a href="/behoerden/{{ . }}/">{{ $a.name }}</a></p>
  <p class="address">{{ $a.street }}<br>{{ $a.postal_code }} {{ $a.city }}</p>
  {{ with $a.phone }}<p>Telefon: <a href="tel:{{ replaceRE `[^+0-9]` `` . }}">{{ . }}</a></p>{{ end }}
  {{ with $a.email }}<p>E-Mail: <a href="mailto:{{ . }}">{{ . }}</a></p>{{ end }}
  {{ with $a.website }}<p>Internet: <a href="{{ . }}" rel="external">{{ . }}</a></p>{{ end }}
  {{ with $a.opening_hours }}<p>Öffnungszeiten:</p><ul class="hours">{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
  {{ with $a.accessibility }}<p>Barrierefreiheit: {{ . }}</p>{{ end }}
</div>
""",
    "partials/finder.html": """\
<div class="finder" data-finder-ui data-places="{{ .root }}{{ strings.TrimPrefix "/" .places }}"{{ with .rules }} data-rules="{{ $.root }}{{ strings.TrimPrefix "/" . }}"{{ end }} data-authorities="{{ .root }}data/behoerden/" data-root="{{ .root }}" data-contact-email="{{ site.Params.contact_email }}" hidden>
  <div class="finder-remembered" data-remembered hidden>
    <p>Ihr Ort: <strong data-place-name></strong></p>
    <p class="finder-buttons"><button type="button" class="secondary" data-change>Ort ändern</button> <button type="button" class="secondary" data-forget>Ort vergessen</button></p>
  </div>
  <div class="finder-search" data-search>
    <label for="{{ .id }}">Ihr Wohnort oder Ihre Postleitzahl</label>
    <p class="hint" id="{{ .id }}-hinweis">Geben Sie mindestens zwei Buchstaben oder die ersten Ziffern der Postleitzahl ein und wählen Sie Ihren Ort aus der Liste.</p>
    <div class="combobox">
      <input id="{{ .id }}" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="{{ .id }}-liste" aria-describedby="{{ .id }}-hinweis" autocomplete="off" spellcheck="false">
      <ul id="{{ .id }}-liste" role="listbox" aria-label="Orte" hidden></ul>
    </div>
    <p class="visually-hidden" role="status" aria-live="polite" data-status></p>
  </div>
  <div class="finder-answer" data-answer aria-live="polite"></div>
</div>
""",
    "partials/field.html": """\
{{ $f := . }}{{ $id := $f.id }}{{ $kind := $f.type }}{{ $opt := cond (eq $f.required true) "" " (optional)" }}{{ $hintID := cond (isset $f "hint") (printf "%s-hinweis" $id) "" }}
<div class="field" data-field="{{ $id }}" data-kind="{{ $kind }}"{{ if $f.required }} data-required{{ end }}{{ with $f.pattern }} data-pattern="{{ . }}"{{ end }}{{ with $f.min }} data-min="{{ . }}"{{ end }}{{ with $f.max }} data-max="{{ . }}"{{ end }} data-label="{{ $f.label }}">
{{- if in (slice "text" "email" "tel" "number") $kind }}
  <label for="{{ $id }}">{{ $f.label }}{{ $opt }}</label>
  {{- with $f.hint }}<p class="hint" id="{{ $hintID }}">{{ . }}</p>{{ end }}
  <p class="error-message" id="{{ $id }}-fehler" hidden></p>
  {{- $ac := $f.autocomplete }}{{ if and (not $ac) (in (slice "email" "tel") $kind) }}{{ $ac = $kind }}{{ end }}
  <input id="{{ $id }}" name="{{ $id }}" type="{{ cond (eq $kind "number") "text" $kind }}"{{ with $ac }} autocomplete="{{ . }}"{{ end }}{{ if or (eq $kind "number") (eq $f.pattern "[0-9]{5}") }} inputmode="numeric"{{ end }}{{ with $f.maxlength }} maxlength="{{ . }}"{{ end }}{{ with $hintID }} aria-describedby="{{ . }}"{{ end }}>
{{- else if eq $kind "textarea" }}
  <label for="{{ $id }}">{{ $f.label }}{{ $opt }}</label>
  {{- with $f.hint }}<p class="hint" id="{{ $hintID }}">{{ . }}</p>{{ end }}
  <p class="error-message" id="{{ $id }}-fehler" hidden></p>
  <textarea id="{{ $id }}" name="{{ $id }}" rows="5"{{ with $f.maxlength }} maxlength="{{ . }}"{{ end }}{{ with $hintID }} aria-describedby="{{ . }}"{{ end }}></textarea>
{{- else if eq $kind "select" }}
  <label for="{{ $id }}">{{ $f.label }}{{ $opt }}</label>
  {{- with $f.hint }}<p class="hint" id="{{ $hintID }}">{{ . }}</p>{{ end }}
  <p class="error-message" id="{{ $id }}-fehler" hidden></p>
  <select id="{{ $id }}" name="{{ $id }}"{{ with $hintID }} aria-describedby="{{ . }}"{{ end }}>
    <option value="">Bitte auswählen</option>
    {{ range $f.options }}<option value="{{ . }}">{{ . }}</option>{{ end }}
  </select>
{{- else if eq $kind "file" }}
  <label for="{{ $id }}">{{ $f.label }}{{ $opt }}</label>
  {{- with $f.hint }}<p class="hint" id="{{ $hintID }}">{{ . }}</p>{{ end }}
  <p class="error-message" id="{{ $id }}-fehler" hidden></p>
  <input id="{{ $id }}" name="{{ $id }}" type="file"{{ with $f.accept }} accept="{{ . }}"{{ end }}{{ with $hintID }} aria-describedby="{{ . }}"{{ end }}>
{{- else if eq $kind "checkbox" }}
  <p class="error-message" id="{{ $id }}-fehler" hidden></p>
  <div class="choice">
    <input id="{{ $id }}" name="{{ $id }}" type="checkbox" value="ja"{{ with $hintID }} aria-describedby="{{ . }}"{{ end }}>
    <label for="{{ $id }}">{{ $f.label }}{{ $opt }}</label>
  </div>
  {{- with $f.hint }}<p class="hint" id="{{ $hintID }}">{{ . }}</p>{{ end }}
{{- else if in (slice "radio" "checkboxes") $kind }}
  <fieldset{{ with $hintID }} aria-describedby="{{ . }}"{{ end }}>
    <legend>{{ $f.label }}{{ $opt }}</legend>
    {{- with $f.hint }}<p class="hint" id="{{ $hintID }}">{{ . }}</p>{{ end }}
    <p class="error-message" id="{{ $id }}-fehler" hidden></p>
    {{ range $i, $o := $f.options }}<div class="choice"><input id="{{ if eq $i 0 }}{{ $id }}{{ else }}{{ $id }}-{{ add $i 1 }}{{ end }}" name="{{ $id }}" type="{{ cond (eq $kind "radio") "radio" "checkbox" }}" value="{{ $o }}"><label for="{{ if eq $i 0 }}{{ $id }}{{ else }}{{ $id }}-{{ add $i 1 }}{{ end }}">{{ $o }}</label></div>{{ end }}
  </fieldset>
{{- else if eq $kind "date" }}
  <fieldset class="date"{{ with $hintID }} aria-describedby="{{ . }}"{{ end }}>
    <legend>{{ $f.label }}{{ $opt }}</legend>
    {{- with $f.hint }}<p class="hint" id="{{ $hintID }}">{{ . }}</p>{{ end }}
    <p class="error-message" id="{{ $id }}-fehler" hidden></p>
    <div class="date-parts">
      {{ $bday := eq $f.autocomplete "bday" }}{{ range $i, $p := slice (slice "tag" "Tag" "bday-day" 2) (slice "monat" "Monat" "bday-month" 2) (slice "jahr" "Jahr" "bday-year" 4) }}<div class="date-part"><label for="{{ if eq $i 0 }}{{ $id }}{{ else }}{{ $id }}-{{ index $p 0 }}{{ end }}">{{ index $p 1 }}</label><input id="{{ if eq $i 0 }}{{ $id }}{{ else }}{{ $id }}-{{ index $p 0 }}{{ end }}" name="{{ $id }}-{{ index $p 0 }}" type="text" inputmode="numeric" class="w{{ index $p 3 }}"{{ if $bday }} autocomplete="{{ index $p 2 }}"{{ end }}></div>{{ end }}
    </div>
  </fieldset>
{{- end }}
</div>
""",
    # Home page
    "index.html": """\
{{ define "title" }}{{ site.Title }}{{ end }}
{{ define "head" }}{{ partialCached "js.html" "finder" "finder" }}{{ end }}
{{ define "main" }}
<h1>{{ site.Title }}</h1>
<p class="lead">{{ .Description }}</p>
<section aria-labelledby="suche-titel" class="home-search">
  <h2 id="suche-titel">Was möchten Sie erledigen?</h2>
  <form role="search" action="/suche/" method="get">
    <label for="start-suche">Suchbegriff, zum Beispiel „Personalausweis“ oder „Ummeldung“</label>
    <div class="search-row">
      <input id="start-suche" name="q" type="search" autocomplete="off" spellcheck="false">
      <button type="submit">Suchen</button>
    </div>
  </form>
  <p>Oder sehen Sie alle <a href="/leistungen/">{{ len (site.GetPage "/leistungen").Pages }} Leistungen von A bis Z</a>.</p>
</section>
<section aria-labelledby="ort-titel" class="place-finder" data-place-finder>
  <h2 id="ort-titel">Ihr Ort</h2>
  {{ partial "finder.html" (dict "id" "ort-start" "root" "" "places" (partialCached "orte-url.html" .)) }}
  <p>Wählen Sie Ihren Kreis und dann Ihre Gemeinde. Dort steht für jede Leistung, welche Stelle für Sie zuständig ist.</p>
  <ul class="columns">
    {{ range .Params.kreise }}<li><a href="/orte/{{ index . 0 }}/">{{ index . 1 }}</a></li>{{ end }}
  </ul>
</section>
<section aria-labelledby="themen-titel">
  <h2 id="themen-titel">Themen</h2>
  <ul class="tiles">
    {{ range site.Taxonomies.themen.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> <span class="count">{{ .Count }} Leistungen</span></li>{{ end }}
  </ul>
</section>
<section aria-labelledby="lagen-titel">
  <h2 id="lagen-titel">Lebenslagen</h2>
  <ul class="columns">
    {{ range site.Taxonomies.lebenslagen.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}
  </ul>
</section>
{{ end }}
""",
    "404.html": """\
{{ define "title" }}Seite nicht gefunden – {{ site.Title }}{{ end }}
{{ define "main" }}
<h1>Seite nicht gefunden</h1>
<p>Die aufgerufene Seite gibt es nicht oder nicht mehr.</p>
<ul>
  <li><a href="/suche/">Leistung suchen</a></li>
  <li><a href="/leistungen/">Alle Leistungen von A bis Z</a></li>
  <li><a href="/">Zur Startseite</a></li>
</ul>
{{ end }}
""",
    "robots.txt": "User-agent: *\nAllow: /\nSitemap: {{ \"sitemap.xml\" | absURL }}\n",
    "_default/sitemap.xml": """\
{{ printf "<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>" | safeHTML }}
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{ range .Data.Pages }}{{ with .Permalink }}  <url><loc>{{ . }}</loc></url>
{{ end }}{{ end }}</urlset>
""",
    # Free pages and the search page
    "_default/single.html": """\
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title) }}{{ end }}
{{ define "main" }}
<article class="free-page">
  <h1>{{ .Title }}</h1>
  {{ .Content }}
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}""",
    "suche/single.html": """\
{{ define "head" }}{{ partialCached "js.html" "search-core" "search-core" }}
{{ partialCached "js.html" "search" "search" }}{{ end }}
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title) }}{{ end }}
{{ define "main" }}
{{- $docs := slice }}
{{- range (site.GetPage "/leistungen").Pages }}
  {{- $f := "" }}{{ $c := slice }}
  {{- range .GetTerms "themen" }}{{ $f = .Title }}{{ $c = $c | append .Title }}{{ end }}
  {{- range .GetTerms "lebenslagen" }}{{ $c = $c | append .Title }}{{ end }}
  {{- $d := dict "t" .Title "s" .Description "u" (strings.TrimPrefix "/" .RelPermalink) "f" $f "c" (delimit $c " ") }}
  {{- with .Params.ozg_id }}{{ $d = merge $d (dict "o" .) }}{{ end }}
  {{- with .Params.keywords }}{{ $d = merge $d (dict "k" (delimit . " ")) }}{{ end }}
  {{- $docs = $docs | append $d }}
{{- end }}
{{- range where site.RegularPages "Type" "page" }}{{ $docs = $docs | append (dict "t" .Title "s" .Description "u" (strings.TrimPrefix "/" .RelPermalink)) }}{{ end }}
{{- $index := resources.FromString "data/suche.json" (jsonify (dict "v" 1 "docs" $docs)) | fingerprint }}
<h1>{{ .Title }}</h1>
<form role="search" action="./" method="get" class="search-page" data-search-index="../{{ strings.TrimPrefix "/" $index.RelPermalink }}" data-root="../">
  <label for="suchfeld">Suchbegriff</label>
  <p id="suche-hinweis" class="hint">Zum Beispiel: Personalausweis, Kita, Hundesteuer, Umzug. Die Treffer erscheinen beim Tippen.</p>
  <div class="search-row">
    <input id="suchfeld" name="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="suche-hinweis suche-status" aria-controls="search-results">
    <button type="submit">Suchen</button>
  </div>
</form>
<p id="suche-status" class="search-status" role="status" aria-live="polite"></p>
<noscript><p>Die Suche braucht JavaScript. Ohne JavaScript finden Sie alle Leistungen in der <a href="/leistungen/">Liste von A bis Z</a>.</p></noscript>
<ol id="search-results" class="search-results" aria-label="Suchergebnisse"></ol>
{{ end }}
""",
    # A–Z and service pages
    "leistungen/list.html": """\
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title) }}{{ end }}
{{ define "main" }}
{{ $groups := .Pages.GroupByParam "letter" }}
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} Leistungen, alphabetisch geordnet.</p>
<nav aria-label="Buchstaben" class="letters">
  <ul>{{ range $groups }}<li><a href="#buchstabe-{{ lower .Key }}">{{ .Key }}</a></li>{{ end }}</ul>
</nav>
{{ range $groups }}
<section aria-labelledby="buchstabe-{{ lower .Key }}">
  <h2 id="buchstabe-{{ lower .Key }}">{{ .Key }}</h2>
  <ul class="service-list">
    {{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ range .GetTerms "themen" }} <span class="meta">{{ .Title }}</span>{{ end }}</li>{{ end }}
  </ul>
</section>
{{ end }}
{{ end }}
""",
    "leistungen/single.html": """\
{{ define "head" }}{{ partialCached "js.html" "finder" "finder" }}
{{- $ld := dict "@context" "https://schema.org" "@type" "GovernmentService" "name" .Title "description" .Description "url" .Permalink "areaServed" (dict "@type" "AdministrativeArea" "name" site.Params.land) }}
{{- range .GetTerms "themen" }}{{ $ld = merge $ld (dict "serviceType" .Title) }}{{ end }}
{{- with .Params.zust.uniform }}{{ $a := index site.Data.portal.behoerden . }}{{ $ld = merge $ld (dict "provider" (dict "@type" "GovernmentOffice" "name" $a.name "url" (printf "%sbehoerden/%s/" site.BaseURL .) "address" (dict "@type" "PostalAddress" "streetAddress" $a.street "postalCode" $a.postal_code "addressLocality" $a.city "addressCountry" "DE") "telephone" $a.phone "email" $a.email "openingHours" $a.opening_hours)) }}{{ end }}
{{- with .Params.online_service }}{{ $ld = merge $ld (dict "availableChannel" (dict "@type" "ServiceChannel" "serviceUrl" .)) }}{{ end }}
{{- "\\n" }}<script type="application/ld+json">{{ jsonify $ld | safeJS }}</script>{{ end }}
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title "parents" (slice (slice "/leistungen/" "Leistungen A–Z"))) }}{{ end }}
{{ define "main" }}
{{ $p := .Params }}{{ $slug := .File.ContentBaseName }}{{ $root := partial "root.html" . }}
{{ $rules := resources.FromString (printf "data/regeln/%s.json" $slug) (jsonify (dict "r" $p.regeln)) | fingerprint }}{{ $rulesURL := $rules.RelPermalink }}
<article class="service">
  <h1>{{ .Title }}</h1>
  <p class="lead">{{ .Description }}</p>
  <p class="meta">{{ range .GetTerms "themen" }}Thema: <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ range .GetTerms "lebenslagen" }} · Lebenslage: <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</p>
  <div class="actions">
    <a class="button" href="{{ .RelPermalink }}antrag/">Antrag ausfüllen</a>
    {{ with $p.online_service }}<a class="button secondary" href="{{ . }}" rel="external">Zum Onlinedienst</a>{{ end }}
  </div>
  {{ if $p.toc }}
  <nav class="toc" aria-label="Inhalt dieser Seite">
    <h2 class="toc-title">Auf dieser Seite</h2>
    {{ .TableOfContents }}
  </nav>
  {{ end }}
  {{ if or $p.fees $p.processing_time $p.leika $p.ozg_id }}
  <dl class="facts">
    {{ with $p.fees }}<div><dt>Kosten</dt><dd>{{ . }}</dd></div>{{ end }}{{ with $p.processing_time }}<div><dt>Bearbeitungsdauer</dt><dd>{{ . }}</dd></div>{{ end }}{{ with $p.leika }}<div><dt>Leistungsschlüssel (LeiKa)</dt><dd>{{ . }}</dd></div>{{ end }}{{ with $p.ozg_id }}<div><dt>OZG-ID</dt><dd>{{ . }}</dd></div>{{ end }}
  </dl>
  {{ end }}
  {{ .Content }}
  <section aria-labelledby="zustaendige-stelle" class="responsibility" data-finder data-service="{{ $slug }}">
    <h2 id="zustaendige-stelle">Zuständige Stelle</h2>
    {{ with $p.zust.uniform }}
    <p>In ganz {{ site.Params.land }} ist diese Stelle zuständig:</p>
    {{ partial "card.html" . }}
    {{ end }}
    {{ if $p.zust.none }}
    <p class="notice">Für diese Leistung ist noch keine zuständige Stelle hinterlegt. Bitte wenden Sie sich an den allgemeinen Kontakt des Portals: <a href="mailto:{{ site.Params.contact_email }}">{{ site.Params.contact_email }}</a>, Telefon {{ site.Params.contact_phone }}.</p>
    {{ end }}
    {{ with $p.zust.kreise }}
    <p>Welche Stelle zuständig ist, hängt von Ihrem Wohnort ab.</p>
    {{ partial "finder.html" (dict "id" "ort" "root" $root "places" (partialCached "orte-url.html" .) "rules" $rulesURL) }}
    <p>Sie finden die zuständige Stelle auch ohne Suche in höchstens drei Schritten: Suchen Sie Ihren Kreis in der Liste. Steht dort „je nach Gemeinde“, wählen Sie den Kreis und dann Ihre Gemeinde. Auf der Seite Ihrer Gemeinde steht die zuständige Stelle für diese Leistung.</p>
    <ul class="kreis-answers">
      {{ range . }}{{ $a := index . 2 }}<li data-region="{{ index . 0 }}"><span class="region">{{ index . 1 }}:</span> {{ if eq $a "*" }}<a href="/orte/{{ index . 0 }}/">je nach Gemeinde – Gemeinde wählen</a>{{ else if $a }}<a href="/behoerden/{{ $a }}/">{{ (index site.Data.portal.behoerden $a).name }}</a>{{ else }}keine zuständige Stelle hinterlegt{{ end }}</li>{{ end }}
    </ul>
    {{ end }}
  </section>
  {{ with $p.updated }}<p class="meta">Stand: <time datetime="{{ . }}">{{ (time .).Format "2. January 2006" }}</time></p>{{ end }}
</article>
{{ end }}
""",
    "antraege/single.html": """\
{{ define "head" }}{{ partialCached "js.html" "form" "form" }}{{ end }}
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" "Antrag" "parents" (slice (slice "/leistungen/" "Leistungen A–Z") (slice (printf "/leistungen/%s/" .Params.service) .Params.service_title))) }}{{ end }}
{{ define "main" }}
{{ $svc := printf "/leistungen/%s/" .Params.service }}
<div class="form-page">
  <div class="error-summary" id="fehlerliste" role="alert" tabindex="-1" hidden>
    <h2 class="error-summary-title">Es gibt ein Problem</h2>
    <ul></ul>
  </div>
  <h1>{{ .Title }}</h1>
  <p>Leistung: <a href="{{ $svc }}">{{ .Params.service_title }}</a></p>
  <div class="notice" id="nicht-verbunden">
    <h2>Hinweis: Dieses Formular wird noch nicht übermittelt</h2>
    <p>Die Online-Übermittlung ist für diese Leistung noch nicht angeschlossen. Ihre Angaben bleiben in Ihrem Browser und werden nicht gesendet. Am Ende sehen Sie eine Zusammenfassung Ihrer Angaben.</p>
    <p>Um den Antrag zu stellen, wenden Sie sich an die <a href="{{ $svc }}#zustaendige-stelle">zuständige Stelle für Ihren Wohnort</a>.</p>
  </div>
  <p>Alle Angaben sind Pflichtangaben, außer sie sind mit „(optional)“ gekennzeichnet.</p>
  <form class="antrag" novalidate method="dialog" data-not-connected>
    {{- range .Params.items }}
    {{- if .fields }}{{ $g := . }}
    <fieldset class="group" id="{{ $g.id }}"{{ if $g.hint }} aria-describedby="{{ $g.id }}-hinweis"{{ end }}>
      <legend>{{ $g.label }}</legend>
      {{ with $g.hint }}<p class="hint" id="{{ $g.id }}-hinweis">{{ . }}</p>{{ end }}
      {{- range $g.fields }}{{ partial "field.html" . }}{{ end }}
    </fieldset>
    {{- else }}{{ partial "field.html" . }}{{ end }}
    {{- end }}
    {{ with site.GetPage "/datenschutz" }}<p>Wie wir mit Ihren Angaben umgehen, lesen Sie in der <a href="{{ .RelPermalink }}">{{ .Title }}</a>.</p>{{ end }}
    <button type="submit" class="button">Angaben prüfen</button>
  </form>
  <section class="check-answers" id="zusammenfassung" tabindex="-1" hidden aria-labelledby="zusammenfassung-titel">
    <h2 id="zusammenfassung-titel">Ihre Angaben (nicht gesendet)</h2>
    <p>Diese Angaben wurden nicht übermittelt. Die Online-Übermittlung ist noch nicht angeschlossen.</p>
    <dl></dl>
  </section>
</div>
{{ end }}
""",
    # Themenfelder and Lebenslagen (taxonomy terms)
    "_default/term.html": """\
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title) }}{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="meta">{{ .Params.kind }}</p>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
<section aria-labelledby="leistungen-titel">
  <h2 id="leistungen-titel">Leistungen</h2>
  <ul class="service-list">
    {{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Description }}</p></li>{{ end }}
  </ul>
</section>
{{ with .Params.related }}
<section aria-labelledby="verwandt-titel">
  <h2 id="verwandt-titel">{{ $.Params.related_title }}</h2>
  <ul class="columns">{{ range . }}<li><a href="/{{ index . 0 }}/{{ index . 1 }}/">{{ index . 2 }}</a></li>{{ end }}</ul>
</section>
{{ end }}
{{ end }}
""",
    # Authorities
    "behoerden/single.html": """\
{{ define "description" }}{{ .Title }}, {{ .Params.street }}, {{ .Params.postal_code }} {{ .Params.city }}: Anschrift, Kontakt und zuständige Leistungen.{{ end }}
{{ define "head" }}{{ $id := .File.ContentBaseName }}{{ $a := index site.Data.portal.behoerden $id }}
{{- $ld := dict "@context" "https://schema.org" "@type" "GovernmentOffice" "name" $a.name "url" .Permalink "address" (dict "@type" "PostalAddress" "streetAddress" $a.street "postalCode" $a.postal_code "addressLocality" $a.city "addressCountry" "DE") }}
{{- with $a.phone }}{{ $ld = merge $ld (dict "telephone" .) }}{{ end }}{{ with $a.email }}{{ $ld = merge $ld (dict "email" .) }}{{ end }}{{ with $a.opening_hours }}{{ $ld = merge $ld (dict "openingHours" .) }}{{ end }}
{{- "\\n" }}<script type="application/ld+json">{{ jsonify $ld | safeJS }}</script>{{ end }}
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title "parents" (slice (slice "/orte/" "Orte"))) }}{{ end }}
{{ define "main" }}
{{ $id := .File.ContentBaseName }}{{ $card := index site.Data.portal.behoerden $id }}
{{ $json := resources.FromString (printf "data/behoerden/%s.json" $id) (jsonify (merge $card (dict "id" $id "url" (printf "behoerden/%s/" $id)))) }}{{ $_ := $json.RelPermalink }}
<h1>{{ .Title }}</h1>
{{ partial "card.html" $id }}
<section aria-labelledby="leistungen-titel">
  <h2 id="leistungen-titel">Zuständig für</h2>
  {{ with .Params.dienste }}
  <ul class="service-list">
    {{ range . }}<li><a href="/leistungen/{{ index . 0 }}/">{{ index . 1 }}</a> <span class="meta">in: {{ index . 2 }}</span></li>{{ end }}
  </ul>
  {{ else }}<p>Für diese Stelle sind keine Zuständigkeiten hinterlegt.</p>{{ end }}
</section>
{{ end }}
""",
    # Places
    "orte/list.html": """\
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title) }}{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>Wählen Sie Ihren Kreis oder Ihre kreisfreie Stadt und dann Ihre Gemeinde. Auf der Seite Ihrer Gemeinde steht für jede Leistung die zuständige Stelle.</p>
{{ range .Params.laender }}
<section aria-labelledby="land-{{ .name }}">
  <h2 id="land-{{ .name }}"><a href="/orte/{{ .ags }}/">{{ .name }}</a></h2>
  <ul class="columns">
    {{ range .kreise }}<li><a href="/orte/{{ index . 0 }}/">{{ index . 1 }}</a> <span class="count">{{ index . 2 }} Gemeinden</span></li>{{ end }}
  </ul>
</section>
{{ end }}
{{ end }}
""",
    "orte/place.html": """\
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title "parents" (slice (slice "/orte/" "Orte"))) }}{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="meta">{{ .Params.level }} · Gemeindeschlüssel {{ .Params.ags }}</p>
<section aria-labelledby="orte-titel">
  <h2 id="orte-titel">{{ .Params.children_title }}</h2>
  <ul class="columns">
    {{ range .Params.children }}<li><a href="/orte/{{ index . 0 }}/">{{ index . 1 }}</a> <span class="meta">{{ index . 2 }}</span></li>{{ end }}
  </ul>
</section>
{{ end }}
""",
    # The Gemeinde page with each row rendered once per (service, authority) and cached
    # (partialCached), as the portal does with its rows (Sources/PortalKit/Render/GemeindeRows.swift).
    # With Hugo 0.111 this is faster only for small sites (500 services); from 2,000 on the cache
    # costs more than it saves (it serialises the workers), so it is an option (--cached-rows).
    "orte/gemeinde-cached.html": """\
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title "parents" .Params.crumbs) }}{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="meta">Gemeinde · Gemeindeschlüssel {{ .Params.ags }}{{ with .Params.plz }} · Postleitzahlen {{ . }}{{ end }}</p>
<p>Für jede Leistung steht hier die Stelle, die für Einwohnerinnen und Einwohner dieser Gemeinde zuständig ist.</p>
<section aria-labelledby="zustaendig-titel">
  <h2 id="zustaendig-titel">Zuständige Stellen</h2>
  <ul class="responsibility-list">
    {{ $a := .Params.a }}
    {{ range $i, $_ := site.Data.portal.leistungen }}{{ $k := int (index $a $i) }}{{ partialCached "gemeinde-row.html" (slice $i $k) $i $k }}{{ end }}
  </ul>
</section>
{{ end }}
""",
    "partials/gemeinde-row.html": """\
{{ $s := index site.Data.portal.leistungen (index . 0) }}{{ $k := index . 1 }}{{ $slug := index $s 0 }}<li id="leistung-{{ $slug }}" data-service="{{ $slug }}"><a href="/leistungen/{{ $slug }}/">{{ index $s 1 }}</a>: {{ if ge $k 0 }}{{ $b := index site.Data.portal.behoerdenliste $k }}<a href="/behoerden/{{ index $b 0 }}/">{{ index $b 1 }}</a>{{ else }}{{ $mail := site.Params.contact_email }}<span class="gap">keine zuständige Stelle hinterlegt – allgemeiner Kontakt: <a href="mailto:{{ $mail }}">{{ $mail }}</a></span>{{ end }}</li>
""",
    # The Gemeinde page: `a` holds, per service in A–Z order (data/portal/leistungen.json), the
    # index of the responsible authority in data/portal/behoerdenliste.json, or -1 for a gap.
    "orte/gemeinde.html": """\
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title "parents" .Params.crumbs) }}{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="meta">Gemeinde · Gemeindeschlüssel {{ .Params.ags }}{{ with .Params.plz }} · Postleitzahlen {{ . }}{{ end }}</p>
<p>Für jede Leistung steht hier die Stelle, die für Einwohnerinnen und Einwohner dieser Gemeinde zuständig ist.</p>
<section aria-labelledby="zustaendig-titel">
  <h2 id="zustaendig-titel">Zuständige Stellen</h2>
  <ul class="responsibility-list">
    {{ $a := .Params.a }}{{ $auth := site.Data.portal.behoerdenliste }}{{ $mail := site.Params.contact_email }}
    {{ range $i, $s := site.Data.portal.leistungen }}{{ $slug := index $s 0 }}{{ $k := int (index $a $i) }}<li id="leistung-{{ $slug }}" data-service="{{ $slug }}"><a href="/leistungen/{{ $slug }}/">{{ index $s 1 }}</a>: {{ if ge $k 0 }}{{ $b := index $auth $k }}<a href="/behoerden/{{ index $b 0 }}/">{{ index $b 1 }}</a>{{ else }}<span class="gap">keine zuständige Stelle hinterlegt – allgemeiner Kontakt: <a href="mailto:{{ $mail }}">{{ $mail }}</a></span>{{ end }}</li>
{{ end }}
  </ul>
</section>
{{ end }}
""",
}


def default_form(meta: dict, body: str) -> list:
    """The portal's default form stub (Sources/PortalKit/Render/DefaultForm.swift)."""
    items = [
        {"id": "antragsteller", "label": "Angaben zur Person", "fields": [
            {"id": "vorname", "label": "Vorname", "type": "text", "required": True, "autocomplete": "given-name"},
            {"id": "nachname", "label": "Nachname", "type": "text", "required": True, "autocomplete": "family-name"},
            {"id": "geburtsdatum", "label": "Geburtsdatum", "type": "date", "required": True, "hint": "Zum Beispiel 27 3 1990", "autocomplete": "bday"}]},
        {"id": "anschrift", "label": "Anschrift", "fields": [
            {"id": "strasse", "label": "Straße und Hausnummer", "type": "text", "required": True, "autocomplete": "address-line1"},
            {"id": "plz", "label": "Postleitzahl", "type": "text", "required": True, "autocomplete": "postal-code", "pattern": "[0-9]{5}"},
            {"id": "ort", "label": "Ort", "type": "text", "required": True, "autocomplete": "address-level2"}]},
        {"id": "kontakt", "label": "Kontakt", "hint": "Die Behörde meldet sich bei Rückfragen auf diesem Weg.", "fields": [
            {"id": "email", "label": "E-Mail-Adresse", "type": "email", "required": True, "autocomplete": "email"},
            {"id": "telefon", "label": "Telefonnummer", "type": "tel", "required": False, "autocomplete": "tel"}]},
        {"id": "anliegen", "label": "Ihr Anliegen", "type": "textarea", "required": True, "hint": "Beschreiben Sie kurz, was Sie beantragen möchten."},
    ]
    documents = []
    section = sections_of(body).get("Erforderliche Unterlagen", "")
    for line in section.split("\n"):
        line = line.strip()
        m = re.match(r"^(?:[-*] |\d+[.)])\s*(.*)$", line)
        if m and m.group(1).strip() and m.group(1).strip() not in documents:
            documents.append(m.group(1).strip()[:200])
    if documents:
        items.append({"id": "unterlagen", "label": "Unterlagen", "hint": "Sie können die Unterlagen auch später nachreichen.",
                      "fields": [{"id": f"unterlage-{i + 1}", "label": d, "type": "file", "required": False,
                                  "accept": "application/pdf,image/jpeg,image/png"} for i, d in enumerate(documents[:10])]})
    items.append({"id": "einwilligung", "label": "Ich bin damit einverstanden, dass meine Angaben zur Bearbeitung dieses Antrags verarbeitet werden.",
                  "type": "checkbox", "required": True})
    return items


def sections_of(body: str) -> dict[str, str]:
    """H2 sections of a Markdown body; text before the first heading is "Beschreibung"."""
    out: dict[str, str] = {}
    title, lines = "Beschreibung", []
    for line in body.split("\n"):
        m = re.match(r"^#{1,2} +(.+?)\s*#*\s*$", line)
        if m:
            if title != "Beschreibung" or "".join(lines).strip():
                out[title] = "\n".join(lines).strip() + "\n"
            title, lines = m.group(1), []
        else:
            lines.append(line)
    if title != "Beschreibung" or "".join(lines).strip():
        out[title] = "\n".join(lines).strip() + "\n"
    return out


def fim_body(body: str) -> tuple[str, int]:
    """The body with every section under an H2, in the portal's (FIM) order."""
    sections = sections_of(body)
    order = [t for t in FIM_ORDER if t in sections] + [t for t in sections if t not in FIM_ORDER]
    return "".join(f"## {t}\n\n{sections[t]}\n" for t in order), len(order)


def json_front_matter(meta: dict, body: str = "") -> str:
    return json.dumps(meta, ensure_ascii=False, separators=(",", ":")) + "\n\n" + body


def resolve(rules: dict[str, str], ags: str, lengths: list[int]) -> str | None:
    for n in lengths:
        if n <= len(ags):
            a = rules.get(ags[:n])
            if a is not None:
                return a
    return None


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def hugo_site(content: Path, site_dir: Path, cached_rows: bool = False) -> dict:
    """Writes the Hugo site for the portal content tree `content`."""
    c = load_content(content)
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site, topics, services, rules = c["site"], c["topics"], c["services"], c["rules"]
    authorities = c["authorities"]
    regions = sorted(c["regions"], key=lambda r: german_key(r["name"]))
    by_ags = {r["ags"]: r for r in regions}
    laender = [r for r in regions if len(r["ags"]) == 2]
    kreise = [r for r in regions if len(r["ags"]) == 5]
    gemeinden = [r for r in regions if len(r["ags"]) == 8]

    def parent(ags: str) -> str | None:
        return next((ags[:n] for n in range(len(ags) - 1, 0, -1) if ags[:n] in by_ags), None)

    children: dict[str, list[dict]] = {}
    for r in regions:
        p = parent(r["ags"])
        if p:
            children.setdefault(p, []).append(r)
    lengths = sorted({len(region) for rs in rules.values() for region in rs}, reverse=True)
    contact = site.get("contact") or {}
    land_name = laender[0]["name"] if len(laender) == 1 else "Deutschland"

    toml = lambda v: json.dumps(v, ensure_ascii=False)  # a TOML basic string is a JSON string
    write(site_dir / "hugo.toml", HUGO_TOML.format(
        base_url=toml(site["base_url"]), language=toml(site["language"]), title=toml(site["title"]), csp=toml(CSP),
        land=toml(land_name), email=toml(contact.get("email", "")), phone=toml(contact.get("phone", ""))))
    for rel, text in LAYOUTS.items():
        write(site_dir / "layouts" / rel, text)
    for asset in ASSETS.iterdir():
        if asset.suffix in (".css", ".js"):
            (site_dir / "assets/assets").mkdir(parents=True, exist_ok=True)
            shutil.copy(asset, site_dir / "assets/assets" / asset.name)

    # Data: services in A–Z order, authorities, the place list for the finder script.
    auth_ids = sorted(authorities)
    auth_index = {a: i for i, a in enumerate(auth_ids)}
    cards = {}
    for a in auth_ids:
        x = authorities[a]
        card = {"name": x["name"], "street": x["address"]["street"], "postal_code": str(x["address"]["postal_code"]),
                "city": x["address"]["city"]}
        for k in ("phone", "email", "website", "opening_hours", "accessibility"):
            if x.get(k):
                card[k] = x[k]
        cards[a] = card
    data = site_dir / "data/portal"
    write(data / "leistungen.json", json.dumps([[m["slug"], m["title"]] for m, _ in services], ensure_ascii=False))
    write(data / "behoerden.json", json.dumps(cards, ensure_ascii=False))
    write(data / "behoerdenliste.json", json.dumps([[a, authorities[a]["name"]] for a in auth_ids], ensure_ascii=False))
    write(data / "orte.json", json.dumps({
        "k": {k["ags"]: k["name"] for k in sorted(kreise, key=lambda r: r["ags"])},
        "p": [[g["ags"], g["name"], g["postal_codes"]] for g in sorted(gemeinden, key=lambda r: r["ags"])], "v": 1},
        ensure_ascii=False, separators=(",", ":")))

    out = site_dir / "content"
    # Home, search, free pages, section pages.
    write(out / "_index.md", json_front_matter({
        "title": site["title"], "description": site.get("description", ""),
        "kreise": [[k["ags"], k["name"]] for k in kreise]}))
    write(out / "suche.md", json_front_matter({"title": "Suche", "type": "suche", "description": "Leistungen suchen."}))
    for meta, body in c["pages"]:
        write(out / f"{meta['slug']}.md", json_front_matter(
            {"title": meta["title"], "description": meta.get("description", ""), "type": "page"}, body))
    write(out / "leistungen/_index.md", json_front_matter({"title": "Leistungen von A bis Z", "description": "Alle Leistungen von A bis Z."}))
    write(out / "antraege/_index.md", json_front_matter({"title": "Anträge", "_build": {"render": "never", "list": "never"}}))
    write(out / "behoerden/_index.md", json_front_matter({"title": "Behörden", "_build": {"render": "never"}}))
    write(out / "orte/_index.md", json_front_matter({
        "title": "Orte", "description": "Alle Orte des Portals: wählen Sie Ihren Kreis und Ihre Gemeinde, um die zuständigen Stellen zu sehen.",
        "laender": [{"ags": l["ags"], "name": l["name"],
                     "kreise": [[k["ags"], k["name"], len(children.get(k["ags"], []))] for k in children.get(l["ags"], [])]}
                    for l in laender]}))

    # Themenfelder and Lebenslagen: taxonomy term pages with their titles.
    lagen_of_topic: dict[str, list[str]] = {}
    topics_of_lage: dict[str, list[str]] = {}
    for meta, _ in services:
        for l in meta.get("lebenslagen") or []:
            lagen_of_topic.setdefault(meta["topic"], [])
            if l not in lagen_of_topic[meta["topic"]]:
                lagen_of_topic[meta["topic"]].append(l)
            topics_of_lage.setdefault(l, [])
            if meta["topic"] not in topics_of_lage[l]:
                topics_of_lage[l].append(meta["topic"])
    tf_title = {t["slug"]: t["title"] for t in topics.get("themenfelder") or []}
    ll_title = {t["slug"]: t["title"] for t in topics.get("lebenslagen") or []}
    for t in topics.get("themenfelder") or []:
        write(out / f"themen/{t['slug']}/_index.md", json_front_matter({
            "title": t["title"], "description": t.get("description", ""), "kind": "Themenfeld",
            "related_title": "Lebenslagen in diesem Themenfeld",
            "related": [["lebenslagen", l, ll_title.get(l, l)] for l in lagen_of_topic.get(t["slug"], [])]}))
    for t in topics.get("lebenslagen") or []:
        write(out / f"lebenslagen/{t['slug']}/_index.md", json_front_matter({
            "title": t["title"], "description": t.get("description", ""), "kind": "Lebenslage", "related_title": "Themenfelder",
            "related": [["themen", s, tf_title.get(s, s)] for s in topics_of_lage.get(t["slug"], [])]}))

    # Services and their form pages; responsibilities resolved here.
    by_authority: dict[str, list[tuple[int, str, str]]] = {}
    service_titles = {}
    for weight, (meta, body) in enumerate(services, 1):
        slug = meta["slug"]
        service_titles[slug] = meta["title"]
        r = rules.get(slug, {})
        for region, a in r.items():
            by_authority.setdefault(a, []).append((weight, region, slug))
        if len(r) == 1 and len(laender) == 1 and next(iter(r)) == laender[0]["ags"]:
            zust = {"uniform": next(iter(r.values()))}
        elif not r:
            zust = {"none": True}
        else:
            answers = []
            for k in kreise:
                deeper = any(len(reg) > len(k["ags"]) and reg.startswith(k["ags"]) for reg in r)
                answers.append([k["ags"], k["name"], "*" if deeper else (resolve(r, k["ags"], lengths) or "")])
            zust = {"kreise": answers}
        text, n_sections = fim_body(body)
        folded = german_key(meta["title"])[0]
        letter = next((ch.upper() for ch in folded if ch.isalpha()), "#")
        fm = {"title": meta["title"], "description": meta["summary"], "weight": weight, "letter": letter,
              "themen": [meta["topic"]], "lebenslagen": meta.get("lebenslagen") or [], "toc": n_sections > 2,
              "regeln": r, "zust": zust}
        for k in ("leika", "ozg_id", "keywords", "online_service", "fees", "processing_time", "updated"):
            if meta.get(k) is not None:
                fm[k] = meta[k]
        write(out / f"leistungen/{slug}.md", json_front_matter(fm, text))
        form = meta.get("form") or {}
        write(out / f"antraege/{slug}.md", json_front_matter({
            "title": form.get("title") or f"Antrag: {meta['title']}", "url": f"/leistungen/{slug}/antrag/",
            "description": f"Online-Antrag (Formular) für „{meta['title']}“.", "service": slug, "service_title": meta["title"],
            "items": form.get("fields") or default_form(meta, body)}))

    # Authorities: the services each serves and where (with exceptions, as the portal shows).
    for a in auth_ids:
        x = authorities[a]
        rows: dict[str, list[str]] = {}
        for _, region, slug in sorted(by_authority.get(a, [])):
            name = by_ags[region]["name"] if region in by_ags else region
            exceptions = sorted(reg for reg, other in rules[slug].items()
                                if len(reg) > len(region) and reg.startswith(region) and other != a)
            names = [by_ags[e]["name"] for e in exceptions if e in by_ags]
            rows.setdefault(slug, []).append(f"{name} (außer {', '.join(names)})" if names else name)
        write(out / f"behoerden/{a}.md", json_front_matter({
            "title": x["name"], "street": x["address"]["street"], "postal_code": str(x["address"]["postal_code"]),
            "city": x["address"]["city"], "dienste": [[s, service_titles[s], "; ".join(v)] for s, v in rows.items()]}))

    # Places: Land and Kreis pages list their children; a Gemeinde page gets the resolved
    # authority of every service.
    service_rules = [rules.get(m["slug"], {}) for m, _ in services]
    for r in regions:
        ags = r["ags"]
        if len(ags) == 8:
            resolved = []
            for sr in service_rules:
                a = resolve(sr, ags, lengths)
                resolved.append(auth_index[a] if a is not None else -1)
            k = parent(ags)
            land = parent(k) if k else None
            fm = {"title": r["name"], "layout": "gemeinde-cached" if cached_rows else "gemeinde", "ags": ags, "plz": ", ".join(r["postal_codes"].split()),
                  "description": f"Zuständige Stellen in {r['name']} für alle {len(services)} Leistungen.",
                  "crumbs": [["/orte/", "Orte"]] + [[f"/orte/{x}/", by_ags[x]["name"]] for x in (land, k) if x], "a": resolved}
        else:
            fm = {"title": r["name"], "layout": "place", "ags": ags, "level": "Land" if len(ags) == 2 else "Kreis",
                  "children_title": "Kreise und kreisfreie Städte" if len(ags) == 2 else "Gemeinden",
                  "children": [[ch["ags"], ch["name"], ", ".join(ch["postal_codes"].split())] for ch in children.get(ags, [])]}
        write(out / f"orte/{ags}.md", json_front_matter(fm))
    return {"services": len(services), "authorities": len(authorities), "places": len(regions)}


# ---------------------------------------------------------------------------------------
# Step 3: timed builds
# ---------------------------------------------------------------------------------------

def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has been busy (all processes, all CPUs; steal counts as busy)."""
    with open("/proc/stat", encoding="ascii") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal
    return (sum(v[0:3]) + sum(v[5:8])) / os.sysconf("SC_CLK_TCK")


def timed(cmd: list[str], timeout: float, keep_stdout: bool = False) -> dict:
    """One run under /usr/bin/time -v: wall seconds, peak RSS (KiB), user and system CPU seconds,
    and the share of the machine's CPU time that other processes used meanwhile."""
    busy_before = busy_cpu_seconds()
    started = time.monotonic()
    proc = subprocess.Popen(["/usr/bin/time", "-v", *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return {"timeout": True, "wall": time.monotonic() - started}
    wall = time.monotonic() - started
    if proc.returncode != 0:
        sys.exit(f"vs-hugo: {' '.join(cmd)} failed ({proc.returncode}):\n{err[-4000:]}")

    def field(name: str) -> float:
        return float(re.search(re.escape(name) + r": ([\d.]+)", err).group(1))
    user, system = field("User time (seconds)"), field("System time (seconds)")
    others = max(0.0, busy_cpu_seconds() - busy_before - user - system)
    result = {"wall": wall, "rss_kib": int(field("Maximum resident set size (kbytes)")), "user": user, "sys": system,
              "others_share": others / (wall * (os.cpu_count() or 1))}
    if keep_stdout:
        result["stdout"] = out
    return result


# One word per run that no other run uses: each edit changes the search index as well.
EDIT_WORDS = ["telefonisch", "schriftlich", "persönlich", "digital", "vorab", "kurzfristig", "gebührenfrei", "barrierefrei", "mehrsprachig"]


def incremental_runs(content: Path, out: Path, clean_out: Path, runs: int, timeout: float) -> dict:
    """After the clean builds: `runs` times, append a new sentence with a different word to one
    service's body and rebuild incrementally (the previous build's cache is beside `out`); then
    compare the result with a clean build of the same tree, file by file. The service file is
    restored afterwards."""
    service = sorted((content / "services").glob("*.md"))[0]
    original = service.read_text(encoding="utf-8")
    walls, written, quick = [], [], []
    try:
        timed([str(PORTAL), "build", "--quiet", "--content", str(content), "--output", str(out)], timeout)  # cache in place
        for i in range(runs):
            word = EDIT_WORDS[i % len(EDIT_WORDS)]
            service.write_text(original + f"\nErgänzung {i + 1}: Termine können Sie auch {word} vereinbaren.\n", encoding="utf-8")
            r = timed([str(PORTAL), "build", "--verbose", "--content", str(content), "--output", str(out)], timeout, keep_stdout=True)
            walls.append(r["wall"])
            m = re.search(r"(\d+) Dateien neu geschrieben", r.get("stdout", ""))
            written.append(int(m.group(1)) if m else -1)
            quick.append("nur Leistungstexte geändert" in r.get("stdout", ""))
        shutil.rmtree(clean_out, ignore_errors=True)
        timed([str(PORTAL), "build", "--quiet", "--clean", "--content", str(content), "--output", str(clean_out)], timeout)
        identical = tree_digest(out) == tree_digest(clean_out)
    finally:
        service.write_text(original, encoding="utf-8")
        shutil.rmtree(clean_out, ignore_errors=True)
        shutil.rmtree(clean_out.parent / ".portal-cache" / clean_out.name, ignore_errors=True)
    return {"wall_s": round(statistics.median(walls), 3), "walls": [round(w, 3) for w in walls],
            "files_written": written, "only_bodies_rebuilt": quick, "identical": identical, "edited": service.name}


def tree_digest(root: Path) -> dict[str, str]:
    digests = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = Path(dirpath) / name
            digests[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def tree_stats(root: Path) -> dict:
    files = pages = total = html_bytes = 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            size = os.path.getsize(os.path.join(dirpath, name))
            files += 1
            total += size
            if name in ("index.html", "404.html"):
                pages += 1
                html_bytes += size
    return {"pages": pages, "files": files, "bytes": total, "html_bytes": html_bytes}


def load_average() -> float:
    return os.getloadavg()[0]


def mib(kib: float) -> float:
    return kib / 1024


def summarize(runs: list[dict]) -> dict:
    done = [r for r in runs if not r.get("timeout")]
    if not done:
        return {"timeout": True, "wall_s": None, "rss_mib": None}
    return {"wall_s": round(statistics.median(r["wall"] for r in done), 2),
            "rss_mib": round(mib(statistics.median(r["rss_kib"] for r in done))),
            "cpu_s": round(statistics.median(r["user"] + r["sys"] for r in done), 2),
            "others_cpu_share": round(statistics.median(r["others_share"] for r in done), 2),
            "walls": [round(r["wall"], 2) for r in done], "timeouts": len(runs) - len(done)}


def diagnose(work: Path, content: Path, site_dir: Path, hugo: str, out: Path) -> dict:
    """Where the time goes: `portal check` (load + validate + resolve) against `portal build`;
    Hugo's template metrics (one extra, untimed-for-the-table run)."""
    result = {}
    result["portal_check"] = timed([str(PORTAL), "check", "--quiet", "--content", str(content)], 3600)
    if out.exists():
        shutil.rmtree(out)
    proc = subprocess.run([hugo, "--source", str(site_dir), "--destination", str(out), "--cacheDir", str(work / "hugo-cache"),
                           "--templateMetrics"], capture_output=True, text=True)
    lines = [l for l in proc.stdout.splitlines() if re.match(r"\s*\d", l)][:8]
    result["hugo_template_metrics"] = lines
    shutil.rmtree(out, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", default="2000", help="comma-separated service counts (default 2000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/dev/shm/portal-vs-hugo")
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds per build before it is stopped")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--diagnose", action="store_true", help="also time `portal check` and print Hugo's template metrics")
    parser.add_argument("--no-incremental", action="store_true", help="skip the incremental rebuild runs")
    parser.add_argument("--cached-rows", action="store_true",
                        help="Hugo renders each Gemeinde row once per (service, authority) via partialCached "
                             "(faster at 500 services, slower from 2,000 on)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.services.split(",") if s.strip()]

    if not PORTAL.is_file():
        sys.exit(f"vs-hugo: {PORTAL} is missing; build it first (swift build -c release --product portal)")
    if not shutil.which(args.hugo):
        sys.exit("vs-hugo: hugo not found (Debian: apt-get install hugo)")
    hugo_version = subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout.strip()
    built = datetime.datetime.fromtimestamp(PORTAL.stat().st_mtime).isoformat(timespec="seconds")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    portal_version = f"portal binary built {built} (repository HEAD now: {commit or '?'})"
    load = load_average()
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.2f} at start; {portal_version}; {hugo_version}", flush=True)
    if load > 1.5:
        print(f"warning: load average {load:.2f} > 1.5: other jobs are running and skew the timings", flush=True)

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    base = work / "base"
    subprocess.run([sys.executable, str(GENERATE), "--scope", "sachsen", "--out", str(base)], check=True,
                   stdout=subprocess.DEVNULL)

    results = []
    for n in sizes:
        content, site_dir = work / f"n{n}/content", work / f"n{n}/hugo"
        out_portal, out_hugo = work / f"n{n}/out-portal", work / f"n{n}/out-hugo"
        cache = work / "hugo-cache"
        started = time.monotonic()
        counts = derive_tree(base, content, n)
        check = subprocess.run([str(PORTAL), "check", "--quiet", "--content", str(content)], capture_output=True, text=True)
        if check.returncode != 0:
            sys.exit(f"vs-hugo: portal check failed for {n} services ({check.returncode}):\n{check.stderr[-4000:]}")
        hugo_site(content, site_dir, cached_rows=args.cached_rows)
        print(f"\n{n} services: {counts['rules']} rules; trees ready in {time.monotonic() - started:.0f} s "
              f"(portal check: ok)", flush=True)

        runs: dict[str, list[dict]] = {"portal": [], "hugo": []}
        loads = []
        for i in range(args.runs):
            order = ["portal", "hugo"] if i % 2 == 0 else ["hugo", "portal"]
            for tool in order:
                loads.append(load_average())
                if tool == "portal":
                    shutil.rmtree(out_portal, ignore_errors=True)
                    # --clean: a full build, not one that reuses the previous run's pages.
                    r = timed([str(PORTAL), "build", "--quiet", "--clean", "--content", str(content), "--output", str(out_portal)], args.timeout)
                else:
                    for d in (out_hugo, cache, site_dir / "resources"):
                        shutil.rmtree(d, ignore_errors=True)
                    r = timed([args.hugo, "--quiet", "--source", str(site_dir), "--destination", str(out_hugo),
                               "--cacheDir", str(cache)], args.timeout)
                runs[tool].append(r)
                if r.get("timeout"):
                    print(f"  run {i + 1} {tool:6}: stopped after {r['wall']:.0f} s", flush=True)
                else:
                    print(f"  run {i + 1} {tool:6}: {r['wall']:7.2f} s wall, {r['user'] + r['sys']:7.2f} s CPU, "
                          f"peak {mib(r['rss_kib']):6.0f} MiB; other processes used {r['others_share']:.0%} of the CPUs", flush=True)
        entry = {"services": n, "rules": counts["rules"], "load_average_during": {
            "min": round(min(loads), 2), "median": round(statistics.median(loads), 2), "max": round(max(loads), 2)}}
        for tool, out in (("portal", out_portal), ("hugo", out_hugo)):
            entry[tool] = {**summarize(runs[tool]), **tree_stats(out)}
            if entry[tool].get("timeout"):
                entry[tool]["seconds_per_page_until_stopped"] = round(runs[tool][-1]["wall"] / max(1, entry[tool]["pages"]), 4)
        p, h = entry["portal"], entry["hugo"]
        if p.get("wall_s") and h.get("wall_s"):
            entry["ratio_wall"] = round(p["wall_s"] / h["wall_s"], 2)
            entry["ratio_rss"] = round(p["rss_mib"] / h["rss_mib"], 2)
        if p.get("wall_s") and not args.no_incremental:
            entry["incremental"] = incremental_runs(content, out_portal, work / f"n{n}/out-clean", args.runs, args.timeout)
            entry["incremental"]["ratio_to_clean"] = round(entry["incremental"]["wall_s"] / p["wall_s"], 3)
            inc = entry["incremental"]
            print(f"  incremental after a body edit: {inc['wall_s']:.3f} s median ({inc['walls']}), "
                  f"{inc['ratio_to_clean']:.3f} × the clean build; files rewritten {inc['files_written']}; "
                  f"only the body's files rebuilt: {inc['only_bodies_rebuilt']}; "
                  f"identical to a clean build: {'yes' if inc['identical'] else 'NO'}", flush=True)
        if args.diagnose:
            entry["diagnose"] = diagnose(work, content, site_dir, args.hugo, work / f"n{n}/out-diagnose")
            print(f"  portal check alone: {entry['diagnose']['portal_check']['wall']:.2f} s wall, peak "
                  f"{mib(entry['diagnose']['portal_check']['rss_kib']):.0f} MiB", flush=True)
            for line in entry["diagnose"]["hugo_template_metrics"]:
                print("  hugo " + line.strip(), flush=True)
        for out in (out_portal, out_hugo):
            shutil.rmtree(out, ignore_errors=True)  # keep /dev/shm free for the next size
        results.append(entry)

    print("\n| services | tool | wall s (median) | CPU s | peak RSS MiB | pages | output MB | HTML MB | files | load avg (median, max) | CPU used by others |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for e in results:
        for tool in ("portal", "hugo"):
            t = e[tool]
            wall = "stopped" if t.get("timeout") else f"{t['wall_s']:.2f}"
            rss = "–" if t.get("timeout") else f"{t['rss_mib']}"
            cpu = "–" if t.get("timeout") else f"{t['cpu_s']:.2f}"
            print(f"| {e['services']:,} | {tool} | {wall} | {cpu} | {rss} | {t['pages']:,} | {t['bytes'] / 1e6:.1f} | "
                  f"{t['html_bytes'] / 1e6:.1f} | {t['files']:,} | {e['load_average_during']['median']:.2f}, {e['load_average_during']['max']:.2f} | "
                  f"{'–' if t.get('timeout') else format(t['others_cpu_share'], '.0%')} |")
    print("\n| services | wall portal/Hugo | peak RSS portal/Hugo | incremental s (body edit) | incremental/clean |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for e in results:
        inc = e.get("incremental", {})
        print(f"| {e['services']:,} | {e.get('ratio_wall', '–')} | {e.get('ratio_rss', '–')} | "
              f"{inc.get('wall_s', '–')} | {inc.get('ratio_to_clean', '–')} |")
    if args.json:
        Path(args.json).write_text(json.dumps({"load_average_at_start": round(load, 2), "hugo": hugo_version, "portal": portal_version,
                                               "hugo_rows": "partialCached" if args.cached_rows else "inline",
                                               "cpus": os.cpu_count(), "runs": args.runs, "results": results},
                                              indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
