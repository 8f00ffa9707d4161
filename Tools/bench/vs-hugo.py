#!/usr/bin/env python3
"""Build speed and memory of `portal` against Hugo: same content, same machine, same run.

    python3 Tools/bench/vs-hugo.py [--services 500,2000,8000] [--runs 3] [--rule-heavy]
                                   [--work /dev/shm/portal-vs-hugo] [--json FILE] [--portal PATH]
                                   [--edits body,summary,…] [--verify-each-run] [--no-incremental]
                                   [--generate-only] [--diagnose] [--cached-rows] [--timeout 1200]

For each N in --services:
  1. derives a Saxony content tree of N services from `generate.py --scope sachsen --as-v1`
     (557 OZG services; the tree of all earlier runs, without Gemeindeverbände): fewer by an even selection that keeps every link target, more by clones
     `<slug>-<k>` titled "… (Variante k)" with the same Markdown body and a copy of the base
     service's rules in responsibilities.csv; checks it with `portal check` (must exit 0).
     With --rule-heavy the tree is then shaped like a Land whose Gemeinden decide many services
     themselves (rule_heavy_tree): 35 % of the N services get one rule for each of the 418
     Gemeinden (8-digit AGS), spread over 1,000 authorities (the Gemeinden's own
     administrations, Verwaltungsgemeinschaften and -verbände from verbaende-sachsen.csv, and
     local offices such as Standesämter that serve a few neighbouring Gemeinden each), and every
     service body grows to about 7.5 KB of varied German prose in FIM sections. At 2,000
     services: ~301,000 rules, ~293,000 of them 8-digit;
  2. converts the same tree into an equivalent Hugo site (same pages: service, form stub, A–Z,
     Themenfelder and Lebenslagen as taxonomies, authorities, Land/Kreis/Gemeinde pages by level
     as the portal makes them since output contract v2 (a place lists what its own rules decide,
     grouped by authority; a Gemeinde also its gaps and the services that differ within its
     Kreis, and sums up the rest), search, 404, free pages, sitemap, robots.txt; the same data
     files: search index, place list, rules per service, one JSON card per authority). The
     responsibility resolution (longest AGS prefix) is done here in Python: Hugo only renders;
  3. builds both alternately, --runs times each, under /usr/bin/time -v, output in --work,
     the output folder (and Hugo's caches) deleted before each run;
  4. prints per N the median wall time, CPU time and peak RSS, pages and output bytes of
     both, the ratios portal/Hugo, the load average and the share of the CPUs that other
     processes used during the runs (what skews the timings);
  5. then (unless --no-incremental) measures incremental rebuilds per kind of single-file
     edit (EDIT_KINDS, or those --edits names): a service's Markdown body, its summary, its
     title, an authority's phone number, one responsibilities.csv row moved to another
     authority, a Gemeinde's postal codes in regions.csv, a Lebenslage's title in topics.yml, a
     free page's body, and one template of a --templates theme (a copy of
     Templates/layouts/page.mustache). Per kind it changes the file --runs times, differently
     each run, rebuilds with `portal build` (incremental, using the cache of the build before),
     and prints the median wall time, its ratio to the clean build, the files rewritten, and
     whether the result equals a clean build of the same tree file by file (after the last run
     of the kind; after every run with --verify-each-run). The edits add up from kind to kind;
     every file is restored at the end. `portal` is timed with --clean for the comparison with
     Hugo.

--generate-only writes the trees, prints their figures (rules by AGS length, authorities,
Markdown bytes per service) and runs `portal check` once, without timed builds.

Writes only below --work (default in /dev/shm: the VM's disk slows down after a few GB), and
runs every build there: `portal` would take a ./Templates folder as its theme, so the binary's
own theme is measured. Needs the release binary (.build/release/portal, or --portal) and `hugo`
(Debian: apt-get install hugo). Standard library plus PyYAML (to read the content tree).
"""
from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import io
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import unicodedata
import zlib
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
# Step 1b (--rule-heavy): a Land whose Gemeinden decide many services themselves
# ---------------------------------------------------------------------------------------

RULE_HEAVY_SHARE = 0.35         # services decided per Gemeinde: one 8-digit rule for every Gemeinde
RULE_HEAVY_AUTHORITIES = 1000   # authorities in the tree (the sample's 447 plus local offices)
RULE_HEAVY_BODY = (6000, 8000)  # Markdown body bytes per service aimed at (evenly drawn; ~7.5 KB written on average)
REGIONS_DATA = REPO.parent / "shared/data/regions"  # generate.py's default --data

# Local offices that serve a few neighbouring Gemeinden each (Standesamtsbezirke and the like).
OFFICE_KINDS = [("standesamt", "Standesamt"), ("ordnungsamt", "Ordnungsamt"), ("buergeramt", "Bürgeramt"),
                ("bauamt", "Bauverwaltung")]
# Who a per-Gemeinde service goes to, drawn per (service, Kreis): Kreise organise differently.
# "gemeinde": the Gemeinde's own administration; "verband": the erfüllende Gemeinde or the
# Verwaltungsverband where the Gemeinde belongs to one, else its own administration.
RULE_KINDS = ["gemeinde", "gemeinde", "gemeinde", "verband", "verband"] + [k for k, _ in OFFICE_KINDS]

PROSE = {
    "desc": [
        "Mit der Leistung „{t}“ erledigen Sie Ihr Anliegen bei {stelle_dat}, ohne dafür mehrere Ämter aufsuchen zu müssen.",
        "Die Leistung gehört zum Themenfeld „{thema}“ und richtet sich an {ziel}.",
        "{Stelle} prüft Ihren Antrag und teilt Ihnen das Ergebnis {weg} mit.",
        "Welche Stelle für Sie zuständig ist, richtet sich nach Ihrem Wohnort; in manchen Gemeinden übernimmt eine Nachbargemeinde oder eine gemeinsame Dienststelle diese Aufgabe.",
        "Viele Gemeinden in Sachsen bieten „{t}“ inzwischen auch online an; den Antrag können Sie dann mit dem Servicekonto und der Online-Ausweisfunktion stellen.",
        "Haben Sie Fragen zu Ihrem Fall, hilft Ihnen {stelle_nom_klein} gern weiter, am besten {kontakt}.",
        "Die Angaben auf dieser Seite beschreiben das übliche Verfahren; im Einzelfall kann {stelle_nom_klein} weitere Nachweise verlangen.",
        "Für {ziel} ist die Leistung in der Regel {kosten_kurz}; Ausnahmen nennt der Abschnitt zu den Kosten.",
        "Wer „{t}“ zum ersten Mal beantragt, sollte {zeit_vorlauf} mit der Vorbereitung beginnen, weil einzelne Nachweise erst beschafft werden müssen.",
        "Die Entscheidung ergeht als Bescheid; gegen ihn können Sie innerhalb eines Monats Widerspruch einlegen.",
        "Bei Änderungen Ihrer Verhältnisse, etwa einem Umzug oder einer neuen Anschrift, informieren Sie {stelle_akk} bitte unaufgefordert.",
        "Die Daten, die Sie im Antrag angeben, werden nur für dieses Verfahren verwendet und nach Ablauf der gesetzlichen Fristen gelöscht.",
        "Vertreten Sie eine andere Person, legen Sie eine schriftliche Vollmacht und Ihren eigenen Ausweis vor.",
        "{Stelle} kann Ihnen auch sagen, welche weiteren Leistungen in Ihrer Lebenslage in Frage kommen.",
        "Ist der Antrag unvollständig, meldet sich {stelle_nom_klein} bei Ihnen und setzt eine angemessene Frist, um fehlende Unterlagen nachzureichen.",
        "Ob Sie „{t}“ online, per Post oder persönlich beantragen, entscheiden Sie selbst; das Ergebnis ist in allen Fällen dasselbe.",
        "In kleineren Gemeinden erledigt oft die Verwaltungsgemeinschaft oder ein Nachbarort diese Aufgabe; die Ortssuche unten nennt Ihnen die richtige Stelle.",
        "Die Leistung wird {weg} beantragt und {zeit} bearbeitet, sofern keine Rückfragen entstehen.",
        "Rechtlich geregelt ist „{t}“ im Landesrecht und in der Satzung Ihrer Gemeinde, die Einzelheiten wie Gebühren und Fristen festlegt.",
        "Für {ziel} gibt es teilweise vereinfachte Verfahren; fragen Sie bei {stelle_dat} nach, ob diese für Sie gelten.",
        "Im Themenfeld „{thema}“ hängen viele Leistungen zusammen; oft lohnt es sich, mehrere Anträge gleichzeitig zu stellen.",
        "Sie erhalten nach dem Absenden eine Eingangsbestätigung mit einem Aktenzeichen, das Sie bei Rückfragen angeben.",
        "Eine persönliche Vorsprache ist nur nötig, wenn {stelle_nom_klein} Ihre Identität oder Originaldokumente prüfen muss.",
        "Hat {stelle_nom_klein} Zweifel an Ihren Angaben, kann sie weitere Auskünfte einholen, zum Beispiel beim Einwohnermeldeamt oder beim Finanzamt.",
        "Die Zuständigkeit kann sich ändern, wenn Gemeinden ihre Aufgaben zusammenlegen; die Angaben auf diesem Portal werden dann angepasst.",
        "Wird dem Antrag stattgegeben, gilt die Entscheidung {dauer_geltung}.",
        "Für Rückfragen hält {stelle_nom_klein} Sprechzeiten vor; außerhalb dieser Zeiten erreichen Sie sie {kontakt}.",
        "Leben Sie nur vorübergehend in Sachsen, kann eine Stelle an Ihrem Hauptwohnsitz zuständig sein.",
        "Menschen mit geringem Einkommen können unter Umständen eine Ermäßigung oder Befreiung von den Kosten beantragen.",
        "Die elektronische Antragstellung ist so gestaltet, dass Sie Ihre Eingaben zwischenspeichern und später fortsetzen können.",
    ],
    "cond": [
        "Sie haben Ihren Hauptwohnsitz oder Ihren Sitz in Sachsen.",
        "Sie sind mindestens 16 Jahre alt oder werden von Ihren Sorgeberechtigten vertreten.",
        "Die Angaben in Ihrem Antrag sind vollständig und wahrheitsgemäß.",
        "Es liegen keine Gründe vor, die einer Erteilung entgegenstehen, zum Beispiel offene Forderungen aus einem früheren Verfahren.",
        "Sie können Ihre Identität mit einem gültigen Ausweisdokument nachweisen.",
        "Für Unternehmen: Der Betrieb ist im Handels-, Vereins- oder Gewerberegister eingetragen.",
        "Das Vorhaben liegt im Gebiet der Gemeinde, bei der Sie den Antrag stellen.",
        "Sie haben die Gebühr entrichtet oder eine Befreiung nachgewiesen.",
        "Die Frist für die Antragstellung ist noch nicht abgelaufen.",
        "Die erforderlichen Zustimmungen Dritter, etwa der Eigentümerin oder des Eigentümers, liegen vor.",
    ],
    "docs": [
        "gültiger Personalausweis oder Reisepass", "aktuelle Meldebescheinigung", "Nachweis über das Einkommen der letzten drei Monate",
        "Geburtsurkunde", "Eheurkunde oder Lebenspartnerschaftsurkunde", "Vollmacht, wenn eine andere Person den Antrag stellt",
        "Auszug aus dem Handelsregister", "Lageplan im Maßstab 1 : 500", "Nachweis über die Zahlung der Gebühr",
        "Bescheinigung des Arbeitgebers", "Mietvertrag oder Wohnungsgeberbestätigung", "ärztliches Attest",
        "biometrisches Lichtbild", "Nachweis über die Sachkunde", "Führungszeugnis, nicht älter als drei Monate",
        "Versicherungsnachweis", "Kontoverbindung (IBAN)", "Bescheid der Familienkasse", "Schulbescheinigung oder Studienbescheinigung",
        "Kopie des bisherigen Bescheids", "Grundbuchauszug", "Gewerbeanmeldung", "Unbedenklichkeitsbescheinigung des Finanzamts",
    ],
    "doc_note": [
        "Reichen Sie Kopien ein; die Originale legen Sie nur auf Nachfrage vor.",
        "Unterlagen in einer fremden Sprache brauchen eine Übersetzung durch eine in Deutschland anerkannte Übersetzerin oder einen anerkannten Übersetzer.",
        "Stellen Sie den Antrag online, laden Sie die Unterlagen als PDF- oder Bilddatei hoch; jede Datei darf höchstens 10 MB groß sein.",
        "Fehlen Unterlagen, verzögert sich die Bearbeitung; {stelle_nom_klein} fordert sie schriftlich nach.",
        "Im Einzelfall kann {stelle_nom_klein} weitere Nachweise verlangen, wenn sie für die Entscheidung nötig sind.",
    ],
    "cost": [
        "Die Gebühr richtet sich nach dem Sächsischen Verwaltungskostengesetz und dem Kostenverzeichnis.",
        "Wird der Antrag abgelehnt oder zurückgenommen, kann eine ermäßigte Gebühr anfallen.",
        "Sie bezahlen bar, mit Karte oder per Überweisung, je nachdem, was {stelle_nom_klein} anbietet.",
        "Für Empfängerinnen und Empfänger von Bürgergeld oder Sozialhilfe kann die Gebühr auf Antrag ermäßigt werden.",
        "Auslagen, etwa für Zustellung oder Beglaubigung, werden gesondert berechnet.",
    ],
    "cost_items": [("Erteilung", "25,00 Euro"), ("Verlängerung", "15,00 Euro"), ("Änderung", "12,50 Euro"), ("Zweitausfertigung", "10,00 Euro"),
                   ("Beglaubigte Abschrift", "5,00 Euro je Seite"), ("Eilbearbeitung", "30,00 Euro zusätzlich"), ("Beratung vor Ort", "gebührenfrei")],
    "duration": [
        "Über Ihren Antrag wird {zeit} entschieden.",
        "Liegen alle Unterlagen vollständig vor, entscheidet {stelle_nom_klein} {zeit}.",
        "In der Ferienzeit und zum Jahresende kann die Bearbeitung länger dauern.",
        "Über den Stand der Bearbeitung können Sie sich jederzeit telefonisch oder im Servicekonto informieren.",
    ],
    "deadline": [
        "Stellen Sie den Antrag {zeit_vorlauf}.",
        "Es gibt keine gesetzliche Antragsfrist; beantragen Sie die Leistung aber rechtzeitig.",
        "Änderungen müssen Sie innerhalb von zwei Wochen mitteilen.",
        "Leistungen werden frühestens ab dem Monat der Antragstellung erbracht; rückwirkend nur in Ausnahmefällen.",
        "Gegen den Bescheid können Sie innerhalb eines Monats nach Bekanntgabe Widerspruch einlegen.",
    ],
    "steps": [
        "Sie füllen den Antrag online oder auf Papier aus.", "Sie fügen die erforderlichen Unterlagen bei oder laden sie hoch.",
        "Sie reichen den Antrag bei {stelle_dat} ein.", "{Stelle} bestätigt den Eingang und prüft die Unterlagen auf Vollständigkeit.",
        "Fehlen Angaben, werden Sie um Ergänzung gebeten.", "{Stelle} beteiligt, wenn nötig, andere Behörden.",
        "Sie erhalten einen Gebührenbescheid und bezahlen die Gebühr.", "{Stelle} entscheidet über Ihren Antrag.",
        "Sie erhalten den Bescheid {weg}.", "Sie holen das Dokument persönlich ab oder bekommen es zugeschickt.",
        "Sie vereinbaren einen Termin, wenn ein persönliches Erscheinen nötig ist.", "Die Entscheidung wird im Register eingetragen.",
    ],
    "laws": [
        "Sächsisches Verwaltungsverfahrens- und Zustellungsgesetz (SächsVwVfZG)", "Verwaltungskostengesetz des Freistaates Sachsen (SächsVwKG)",
        "Sächsische Gemeindeordnung (SächsGemO)", "Sächsische Landkreisordnung (SächsLKrO)", "Verwaltungsverfahrensgesetz (VwVfG)",
        "Sächsisches E-Government-Gesetz (SächsEGovG)", "Onlinezugangsgesetz (OZG)", "Bundesmeldegesetz (BMG)", "Sächsische Bauordnung (SächsBO)",
        "Gewerbeordnung (GewO)", "Sozialgesetzbuch Erstes Buch (SGB I)", "Personenstandsgesetz (PStG)", "Sächsisches Kommunalabgabengesetz (SächsKAG)",
    ],
    "notes": [
        "Nutzen Sie, wenn möglich, den Onlinedienst: Sie sparen den Weg ins Amt und können den Stand Ihres Antrags verfolgen.",
        "Bewahren Sie den Bescheid gut auf; Sie brauchen ihn oft für spätere Anträge.",
        "Wenn Sie Unterstützung beim Ausfüllen brauchen, hilft Ihnen {stelle_nom_klein} oder eine Beratungsstelle in Ihrer Nähe.",
        "Menschen mit Behinderung können bei {stelle_dat} eine Begleitperson mitbringen; Gebärdensprachdolmetscher werden auf Wunsch gestellt.",
        "Die Öffnungszeiten und Kontaktdaten der zuständigen Stelle finden Sie unten auf dieser Seite, wenn Sie Ihren Wohnort angeben.",
        "Ziehen Sie während des Verfahrens um, bleibt {stelle_nom_klein} in der Regel zuständig, bis über den Antrag entschieden ist.",
        "Falsche oder unvollständige Angaben können als Ordnungswidrigkeit geahndet werden.",
        "Auskünfte zu Ihrem Antrag erhalten nur Sie selbst oder eine Person, die Sie schriftlich bevollmächtigt haben.",
        "Für Unternehmen gelten teilweise abweichende Regeln; fragen Sie im Zweifel bei der Industrie- und Handelskammer oder der Handwerkskammer nach.",
        "Viele Formulare gibt es auch in Leichter Sprache und in mehreren Sprachen.",
        "Prüfen Sie vor dem Absenden, ob alle Pflichtfelder ausgefüllt und alle Anlagen beigefügt sind.",
        "Sind Sie unsicher, ob „{t}“ die richtige Leistung für Ihr Anliegen ist, rufen Sie vorher bei {stelle_dat} an.",
        "Die Gebühren können je nach Gemeinde unterschiedlich hoch sein, weil sie in örtlichen Satzungen festgelegt werden.",
        "Eine Ablehnung wird schriftlich begründet; sie enthält eine Rechtsbehelfsbelehrung.",
        "Bei Eilbedürftigkeit, etwa einer kurzfristigen Reise oder einem Notfall, sprechen Sie {stelle_akk} direkt an.",
        "Haben Sie Ihren Antrag online gestellt, finden Sie den Bescheid im Postfach Ihres Servicekontos.",
        "Schreiben Sie bei Überweisungen immer das Aktenzeichen in den Verwendungszweck.",
        "Für {ziel} bieten einige Gemeinden eigene Sprechstunden an.",
        "Wenn sich die Rechtslage ändert, gilt für laufende Anträge in der Regel das Recht zum Zeitpunkt der Entscheidung.",
        "Auch nach der Entscheidung können Sie Akteneinsicht beantragen.",
    ],
    "Stelle": ["Die zuständige Stelle", "Die Gemeindeverwaltung", "Das Bürgeramt", "Die Behörde", "Die Fachabteilung", "Die Verwaltung"],
    "stelle_nom_klein": ["die zuständige Stelle", "die Gemeindeverwaltung", "das Bürgeramt", "die Behörde", "die Fachabteilung"],
    "stelle_dat": ["der zuständigen Stelle", "Ihrer Gemeindeverwaltung", "dem Bürgeramt", "der Behörde an Ihrem Wohnort", "der Fachabteilung"],
    "stelle_akk": ["die zuständige Stelle", "Ihre Gemeindeverwaltung", "das Bürgeramt", "die Behörde"],
    "ziel": ["Bürgerinnen und Bürger mit Hauptwohnsitz in Sachsen", "Unternehmen und Selbstständige", "Vereine und Verbände",
             "Eltern und Erziehungsberechtigte", "alle Personen ab 16 Jahren", "Eigentümerinnen und Eigentümer von Grundstücken",
             "Menschen, die neu nach Sachsen ziehen", "Auszubildende und Studierende"],
    "weg": ["schriftlich", "per Post", "elektronisch über das Servicekonto", "per E-Mail", "in einem persönlichen Gespräch"],
    "kontakt": ["telefonisch zu den Sprechzeiten", "per E-Mail", "nach vorheriger Terminvereinbarung", "über das Kontaktformular im Servicekonto"],
    "kosten_kurz": ["gebührenpflichtig", "gebührenfrei", "mit geringen Kosten verbunden", "nur bei Ausstellung einer Urkunde kostenpflichtig"],
    "zeit": ["in der Regel innerhalb von zwei Wochen", "meist nach drei bis vier Wochen", "innerhalb eines Monats", "nach Eingang aller Unterlagen innerhalb von zehn Arbeitstagen",
             "spätestens nach drei Monaten", "oft noch am selben Tag"],
    "dauer_geltung": ["unbefristet", "für fünf Jahre", "bis auf Widerruf", "für die Dauer des Vorhabens", "für ein Kalenderjahr"],
    "zeit_vorlauf": ["mindestens vier Wochen vorher", "rechtzeitig, am besten sechs Wochen vor dem gewünschten Termin", "so früh wie möglich",
                     "spätestens zwei Wochen vor Beginn"],
}


def prose(rng, key: str, ctx: dict) -> str:
    """One sentence of kind `key` that the body does not have yet (if the kind has one left),
    its placeholders filled from ctx or PROSE."""
    used = ctx.setdefault("_used", set())
    fresh = [t for t in PROSE[key] if t not in used] or PROSE[key]
    text = rng.choice(fresh)
    used.add(text)
    return prose_fill(rng, text, ctx)


def paragraph(rng, key: str, ctx: dict, sentences: tuple[int, int] = (3, 5)) -> str:
    return " ".join(prose(rng, key, ctx) for _ in range(rng.randint(*sentences)))


def long_body(rng, body: str, ctx: dict, others: list[tuple[str, str]], target: int) -> str:
    """The service body grown to about `target` bytes with FIM sections of generated prose.
    The body's own text stays, first in each section; a body already that long is kept."""
    if len(body.encode()) >= target:
        return body
    sections = sections_of(body)
    had_docs = "Erforderliche Unterlagen" in sections
    extra: dict[str, list[str]] = {t: [] for t in FIM_ORDER}
    extra["Voraussetzungen"].append("\n".join("- " + prose(rng, "cond", ctx) for _ in range(rng.randint(2, 5))))
    if not had_docs:
        docs = rng.sample(PROSE["docs"], rng.randint(3, 8))
        extra["Erforderliche Unterlagen"].append("Bitte halten Sie folgende Unterlagen bereit:\n\n" + "\n".join("- " + d for d in docs))
    extra["Erforderliche Unterlagen"].append(paragraph(rng, "doc_note", ctx, (1, 3)))
    if rng.random() < 0.6:
        rows = rng.sample(PROSE["cost_items"], rng.randint(2, 4))
        extra["Kosten"].append("| Leistung | Gebühr |\n| --- | --- |\n" + "\n".join(f"| {a} | {b} |" for a, b in rows))
    extra["Kosten"].append(paragraph(rng, "cost", ctx, (1, 3)))
    extra["Bearbeitungsdauer"].append(paragraph(rng, "duration", ctx, (1, 3)))
    extra["Fristen"].append(paragraph(rng, "deadline", ctx, (1, 3)))
    steps = rng.sample(PROSE["steps"], rng.randint(4, 7))
    extra["Verfahrensablauf"].append("\n".join(f"{i}. {prose_fill(rng, step, ctx)}" for i, step in enumerate(steps, 1)))
    if "Rechtsgrundlage" not in sections:
        extra["Rechtsgrundlage"].append("\n".join("- " + l for l in rng.sample(PROSE["laws"], rng.randint(2, 4))))
    if others:
        extra["Weiterführende Informationen"].append(
            "\n".join(f"- [{md_link_text(title)}](/leistungen/{slug}/)"
                      for slug, title in rng.sample(others, min(len(others), rng.randint(1, 3)))))
    # Then prose, section by section in turn, until the body is long enough.
    grow = ["Beschreibung", "Hinweise", "Beschreibung", "Voraussetzungen", "Hinweise", "Beschreibung"]
    keys = {"Beschreibung": "desc", "Hinweise": "notes", "Voraussetzungen": "cond"}

    def assemble() -> str:
        parts = []
        for t in FIM_ORDER + [t for t in sections if t not in FIM_ORDER]:
            texts = ([sections[t].strip()] if t in sections else []) + extra.get(t, [])
            texts = [x for x in texts if x]
            if not texts:
                continue
            parts.append(("" if t == "Beschreibung" else f"## {t}\n\n") + "\n\n".join(texts) + "\n")
        return "\n".join(parts)

    text, k = assemble(), 0
    while len(text.encode()) < target:
        t = grow[k % len(grow)]
        extra[t].append(paragraph(rng, keys[t], ctx))
        k += 1
        text = assemble()
    return text


def prose_fill(rng, text: str, ctx: dict) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ctx[m.group(1)] if m.group(1) in ctx else rng.choice(PROSE[m.group(1)]), text)


def md_link_text(text: str) -> str:
    return re.sub(r"([\[\]\\])", r"\\\1", text)


def yaml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def slug_of(text: str) -> str:
    s = text.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "&": "und"}))
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:80].rstrip("-")


def rule_heavy_tree(base: Path, out: Path, n: int) -> dict:
    """Turns the derived tree `out` (derive_tree) into a rule-heavy one: RULE_HEAVY_SHARE of the
    services get one rule per Gemeinde (8-digit AGS), spread over the Gemeinden's own
    administrations, the Verwaltungsgemeinschaften and Verwaltungsverbände of
    verbaende-sachsen.csv and local offices added until the tree has RULE_HEAVY_AUTHORITIES
    authorities; every service body grows to about 7.5 KB of FIM sections. Deterministic."""
    regions = read_csv(out / "regions.csv")
    name_of = {r["ags"]: r["name"] for r in regions}
    plz_of = {r["ags"]: r["postal_codes"].split() for r in regions}
    gemeinden = sorted(r["ags"] for r in regions if len(r["ags"]) == 8)
    kreise = sorted(r["ags"] for r in regions if len(r["ags"]) == 5)
    land = next(r["ags"] for r in regions if len(r["ags"]) == 2)
    members: dict[str, list[str]] = {k: [g for g in gemeinden if g.startswith(k)] for k in kreise}

    # The sample's own Gemeinde and Kreis administrations (from the base tree's rules).
    votes: dict[str, dict[str, int]] = {}
    for r in read_csv(base / "responsibilities.csv"):
        if len(r["region"]) in (5, 8):
            v = votes.setdefault(r["region"], {})
            v[r["authority"]] = v.get(r["authority"], 0) + 1
    own = {ags: max(v, key=lambda a: (v[a], a)) for ags, v in votes.items()}
    missing = [g for g in gemeinden + kreise if g not in own]
    if missing:
        sys.exit(f"vs-hugo: --rule-heavy: no administration of its own for {missing[:5]} in the base tree")
    auth_dir = out / "authorities"
    ids = {p.stem for p in auth_dir.glob("*.yml")}
    new_authorities: list[tuple[str, str, str]] = []  # (id, name, seat AGS)

    def add_authority(base_id: str, name: str, seat: str) -> str:
        aid = base_id if base_id not in ids else with_suffix(base_id, seat)
        if aid in ids:
            sys.exit(f"vs-hugo: --rule-heavy: authority id clash {aid}")
        ids.add(aid)
        new_authorities.append((aid, name, seat))
        return aid

    # Verwaltungsgemeinschaften: the erfüllende Gemeinde works for its members;
    # Verwaltungsverbände get an authority of their own.
    verband_of: dict[str, str] = {}
    verbaende = REGIONS_DATA / "verbaende-sachsen.csv"
    for v in read_csv(verbaende) if verbaende.exists() else []:
        gs = [g for g in v["gemeinden"].split() if g in name_of]
        if len(gs) < 2:
            continue
        if v["typ"] == "Verwaltungsgemeinschaft":
            seat = next((g for g in gs if name_of[g] == v["name"]), None) or \
                next((g for g in gs if name_of[g].startswith(v["name"])), gs[0])
            aid = own[seat]
        else:
            aid = add_authority("verwaltungsverband-" + slug_of(v["name"]), f"Verwaltungsverband {v['name']}", gs[0])
        for g in gs:
            verband_of[g] = aid

    # Local offices: the rest of the authorities, in equal parts per kind, per Kreis in
    # proportion to its Gemeinden; each serves a run of neighbouring Gemeinden (AGS order),
    # seated in the one with the most postal codes (the largest town, roughly).
    spare = max(0, RULE_HEAVY_AUTHORITIES - len(ids))
    office_of: dict[tuple[str, str], str] = {}  # (kind, Gemeinde) -> authority
    for j, (kind, label) in enumerate(OFFICE_KINDS):
        count = spare // len(OFFICE_KINDS) + (1 if j < spare % len(OFFICE_KINDS) else 0)
        count = max(count, len(kreise))
        per = {k: 1 for k in kreise}  # then one by one to the Kreis with the most Gemeinden per office
        while sum(per.values()) < count:
            open_ = [k for k in kreise if per[k] < len(members[k])]
            if not open_:
                break
            k = max(open_, key=lambda k: (len(members[k]) / per[k], k))
            per[k] += 1
        for k in kreise:
            gs = members[k]
            for c in range(per[k]):
                group = gs[c * len(gs) // per[k]:(c + 1) * len(gs) // per[k]]
                seat = max(group, key=lambda g: (len(plz_of[g]), -int(g)))
                aid = add_authority(f"{kind}-{slug_of(name_of[seat])}", f"{label} {name_of[seat]}", seat)
                for g in group:
                    office_of[(kind, g)] = aid
    for i, (aid, name, seat) in enumerate(new_authorities):
        plz = plz_of[seat][0] if plz_of[seat] else "01000"
        hours = ["Mo, Di, Do 08:30–12:00 und 13:00–16:00", "Fr 08:30–12:00"] if i % 3 else ["Di 09:00–12:00 und 14:00–18:00", "Do 09:00–12:00"]
        (auth_dir / f"{aid}.yml").write_text(
            f"name: {yaml_str(name)}\n"
            f"address: {{street: {yaml_str(f'Beispielstraße {1 + i % 40} (Beispieldaten)')}, postal_code: \"{plz}\", city: {yaml_str(name_of[seat])}}}\n"
            f"phone: \"+49 000 {100000 + i}\"\n"
            f"email: \"{aid}@example.org\"\n"
            f"opening_hours: [{', '.join(yaml_str(h) for h in hours)}]\n", encoding="utf-8")

    # Which services are decided per Gemeinde: first those that are in the sample, then
    # Kreis-level ones, then Land-level ones, then the gaps, evenly chosen within a level.
    services = sorted(p.stem for p in (out / "services").glob("*.md"))
    rules: dict[str, list[tuple[str, str]]] = {s: [] for s in services}
    for r in read_csv(out / "responsibilities.csv"):
        rules[r["service"]].append((r["region"], r["authority"]))

    def level(s: str) -> int:
        lengths = [len(region) for region, _ in rules[s]]
        if lengths.count(8) >= len(gemeinden):
            return 0
        return 1 if 5 in lengths else 2 if lengths else 3
    tiers = [[s for s in services if level(s) == t] for t in range(4)]
    wanted = round(RULE_HEAVY_SHARE * n)
    per_gemeinde: list[str] = []
    for tier in tiers:
        per_gemeinde += spread(tier, min(len(tier), wanted - len(per_gemeinde)))
    chosen = set(per_gemeinde)
    rows = []
    for s in services:
        if s in chosen:
            for k in kreise:
                kind = RULE_KINDS[zlib.crc32(f"{s}/{k}".encode()) % len(RULE_KINDS)]
                for g in members[k]:
                    a = own[g] if kind == "gemeinde" else verband_of.get(g, own[g]) if kind == "verband" else office_of[(kind, g)]
                    rows.append((s, g, a))
        elif level(s) == 0:  # decided per Gemeinde in the sample, but not chosen: one rule per Kreis
            rows += [(s, k, own[k]) for k in kreise]
        else:
            rows += [(s, region, a) for region, a in rules[s]]
    with open(out / "responsibilities.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["service", "region", "authority"])
        w.writerows(rows)

    # Bodies of about 7.5 KB, different for every service (clones too).
    topics = load_yaml((out / "topics.yml").read_text(encoding="utf-8")) or {}
    topic_title = {t["slug"]: t["title"] for t in topics.get("themenfelder") or []}
    files = {s: (out / "services" / f"{s}.md").read_text(encoding="utf-8") for s in services}
    metas = {s: load_yaml(split_front_matter(files[s])[0]) for s in services}
    others = [(s, metas[s]["title"]) for s in services]
    for s in services:
        fm, body = split_front_matter(files[s])
        rng = random.Random(zlib.crc32(s.encode()))
        ctx = {"t": metas[s]["title"], "thema": topic_title.get(metas[s]["topic"], metas[s]["topic"])}
        links = [o for o in rng.sample(others, min(len(others), 4)) if o[0] != s]
        text = long_body(rng, body, ctx, links, rng.randint(*RULE_HEAVY_BODY))
        (out / "services" / f"{s}.md").write_text("---\n" + fm + "---\n" + text, encoding="utf-8")
    return {"services": len(services), "rules": len(rows), "per_gemeinde_services": len(chosen),
            "authorities": len(ids), "land": land}


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

# The end of both Gemeinde page layouts: the gaps, and the other services summed up by the place
# whose page lists them.
GEMEINDE_REST = """\
{{ with .Params.gaps }}{{ $mail := site.Params.contact_email }}
<section aria-labelledby="luecken-titel">
  <h2 id="luecken-titel">Keine zuständige Stelle hinterlegt</h2>
  <p>Für {{ len . }} Leistungen ist für diese Gemeinde keine zuständige Stelle hinterlegt. Der allgemeine Kontakt des Portals hilft weiter: <a href="mailto:{{ $mail }}">{{ $mail }}</a>.</p>
  <ul class="responsibility-list">
    {{ range . }}{{ $s := index site.Data.portal.leistungen (int .) }}{{ $slug := index $s 0 }}<li id="leistung-{{ $slug }}" data-service="{{ $slug }}"><a href="/leistungen/{{ $slug }}/">{{ index $s 1 }}</a>: <span class="gap">keine zuständige Stelle hinterlegt – allgemeiner Kontakt: <a href="mailto:{{ $mail }}">{{ $mail }}</a></span></li>{{ end }}
  </ul>
</section>{{ end }}
{{ with .Params.others }}{{ $auth := site.Data.portal.behoerdenliste }}
<section aria-labelledby="andere-titel">
  <h2 id="andere-titel">Alle anderen Leistungen</h2>
  <p>Für die übrigen {{ $.Params.others_count }} Leistungen gilt, was für den Kreis oder das Land geregelt ist. Die Liste steht auf der jeweiligen Seite:</p>
  <ul>
    {{ range . }}<li><a href="/orte/{{ index . 0 }}/">{{ index . 2 }} {{ index . 1 }}</a>: {{ index . 3 }} Leistungen, zuständig {{ range $j, $e := index . 4 }}{{ if $j }}, {{ end }}{{ $b := index $auth (int (index $e 0)) }}<a href="/behoerden/{{ index $b 0 }}/">{{ index $b 1 }}</a> ({{ index $e 1 }}){{ end }}</li>
    {{ end }}
  </ul>
</section>{{ end }}
{{ end }}
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
{{ with .Params.groups }}{{ $auth := site.Data.portal.behoerdenliste }}
<section aria-labelledby="zustaendig-titel">
  <h2 id="zustaendig-titel">Zuständigkeiten für ganz {{ $.Title }}</h2>
  <p>Diese Stellen sind für alle Orte in {{ $.Title }} zuständig. Wenn die Seite Ihrer Gemeinde für eine Leistung eine andere Stelle nennt, gilt diese.</p>
  {{ range . }}{{ $k := int (index . 0) }}{{ $b := index $auth $k }}
  <h3><a href="/behoerden/{{ index $b 0 }}/">{{ index $b 1 }}</a> <span class="count">{{ len (index . 1) }} Leistungen</span></h3>
  <ul class="responsibility-list">
    {{ range index . 1 }}{{ $s := index site.Data.portal.leistungen (int .) }}{{ $slug := index $s 0 }}<li id="leistung-{{ $slug }}" data-service="{{ $slug }}"><a href="/leistungen/{{ $slug }}/">{{ index $s 1 }}</a>: <a href="/behoerden/{{ index $b 0 }}/">{{ index $b 1 }}</a></li>{{ end }}
  </ul>{{ end }}
</section>{{ end }}
<section aria-labelledby="orte-titel">
  <h2 id="orte-titel">{{ .Params.children_title }}</h2>
  <ul class="columns">
    {{ range .Params.children }}<li><a href="/orte/{{ index . 0 }}/">{{ index . 1 }}</a> <span class="meta">{{ index . 2 }}</span></li>{{ end }}
  </ul>
</section>
{{ end }}
""",
    # The Gemeinde page with each row rendered once per (service, authority) and cached
    # (partialCached), as the portal does with its rows (Sources/PortalRender/GemeindeRows.swift).
    # With Hugo 0.111 this is faster only for small sites (500 services); from 2,000 on the cache
    # costs more than it saves (it serialises the workers), so it is an option (--cached-rows).
    "orte/gemeinde-cached.html": """\
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title "parents" .Params.crumbs) }}{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="meta">Gemeinde · Gemeindeschlüssel {{ .Params.ags }}{{ with .Params.plz }} · Postleitzahlen {{ . }}{{ end }}</p>
<p>Hier steht, welche Stelle für Einwohnerinnen und Einwohner dieser Gemeinde zuständig ist: zuerst die Leistungen, die hier vor Ort geregelt sind, dann, wo die übrigen Leistungen stehen.</p>
{{ with .Params.groups }}{{ $auth := site.Data.portal.behoerdenliste }}
<section aria-labelledby="zustaendig-titel">
  <h2 id="zustaendig-titel">Zuständige Stellen vor Ort</h2>
  {{ range . }}{{ $k := int (index . 0) }}{{ $b := index $auth $k }}
  <h3><a href="/behoerden/{{ index $b 0 }}/">{{ index $b 1 }}</a> <span class="count">{{ len (index . 1) }} Leistungen</span></h3>
  <ul class="responsibility-list">
    {{ range index . 1 }}{{ $i := int . }}{{ partialCached "gemeinde-row.html" (slice $i $k) $i $k }}{{ end }}
  </ul>{{ end }}
</section>{{ end }}
""" + GEMEINDE_REST,
    "partials/gemeinde-row.html": """\
{{ $s := index site.Data.portal.leistungen (index . 0) }}{{ $k := index . 1 }}{{ $slug := index $s 0 }}<li id="leistung-{{ $slug }}" data-service="{{ $slug }}"><a href="/leistungen/{{ $slug }}/">{{ index $s 1 }}</a>: {{ if ge $k 0 }}{{ $b := index site.Data.portal.behoerdenliste $k }}<a href="/behoerden/{{ index $b 0 }}/">{{ index $b 1 }}</a>{{ else }}{{ $mail := site.Params.contact_email }}<span class="gap">keine zuständige Stelle hinterlegt – allgemeiner Kontakt: <a href="mailto:{{ $mail }}">{{ $mail }}</a></span>{{ end }}</li>
""",
    # The Gemeinde page by level: `groups` holds [authority index in data/portal/behoerdenliste.json,
    # [service indexes in data/portal/leistungen.json, A–Z]], then `gaps` and the `others` summary.
    "orte/gemeinde.html": """\
{{ define "breadcrumbs" }}{{ partial "crumbs.html" (dict "title" .Title "parents" .Params.crumbs) }}{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="meta">Gemeinde · Gemeindeschlüssel {{ .Params.ags }}{{ with .Params.plz }} · Postleitzahlen {{ . }}{{ end }}</p>
<p>Hier steht, welche Stelle für Einwohnerinnen und Einwohner dieser Gemeinde zuständig ist: zuerst die Leistungen, die hier vor Ort geregelt sind, dann, wo die übrigen Leistungen stehen.</p>
{{ with .Params.groups }}{{ $auth := site.Data.portal.behoerdenliste }}
<section aria-labelledby="zustaendig-titel">
  <h2 id="zustaendig-titel">Zuständige Stellen vor Ort</h2>
  {{ range . }}{{ $k := int (index . 0) }}{{ $b := index $auth $k }}
  <h3><a href="/behoerden/{{ index $b 0 }}/">{{ index $b 1 }}</a> <span class="count">{{ len (index . 1) }} Leistungen</span></h3>
  <ul class="responsibility-list">
    {{ range index . 1 }}{{ $s := index site.Data.portal.leistungen (int .) }}{{ $slug := index $s 0 }}<li id="leistung-{{ $slug }}" data-service="{{ $slug }}"><a href="/leistungen/{{ $slug }}/">{{ index $s 1 }}</a>: <a href="/behoerden/{{ index $b 0 }}/">{{ index $b 1 }}</a></li>
{{ end }}
  </ul>{{ end }}
</section>{{ end }}
""" + GEMEINDE_REST,
}


def default_form(meta: dict, body: str) -> list:
    """The portal's default form stub (Sources/PortalRender/DefaultForm.swift)."""
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
    deepest = {slug: max(map(len, r)) for slug, r in rules.items()}  # no exceptions below the deepest rules
    for a in auth_ids:
        x = authorities[a]
        rows: dict[str, list[str]] = {}
        for _, region, slug in sorted(by_authority.get(a, [])):
            name = by_ags[region]["name"] if region in by_ags else region
            exceptions = [] if len(region) >= deepest[slug] else \
                sorted(reg for reg, other in rules[slug].items() if len(reg) > len(region) and reg.startswith(region) and other != a)
            names = [by_ags[e]["name"] for e in exceptions if e in by_ags]
            rows.setdefault(slug, []).append(f"{name} (außer {', '.join(names)})" if names else name)
        write(out / f"behoerden/{a}.md", json_front_matter({
            "title": x["name"], "street": x["address"]["street"], "postal_code": str(x["address"]["postal_code"]),
            "city": x["address"]["city"], "dienste": [[s, service_titles[s], "; ".join(v)] for s, v in rows.items()]}))

    # Places by level, as the portal builds them (output contract v2): every place lists the
    # services its own rules decide, grouped by authority; a Gemeinde lists those, its gaps and the
    # services whose answer differs within its Kreis, and sums up the rest by Kreis and Land.
    service_rules = [rules.get(m["slug"], {}) for m, _ in services]
    varies = [{reg[:5] for reg in sr if len(reg) > 5} for sr in service_rules]
    auth_name = lambda k: authorities[auth_ids[k]]["name"]

    def grouped(pairs):  # [(authority index, service index)] -> [[k, [i, …]], …], largest first
        groups: dict[int, list[int]] = {}
        for k, i in pairs:
            groups.setdefault(k, []).append(i)
        return [[k, groups[k]] for k in sorted(groups, key=lambda k: (-len(groups[k]), german_key(auth_name(k))))]

    for r in regions:
        ags = r["ags"]
        if len(ags) == 8:
            listed, gaps, elsewhere = [], [], {}
            for i, sr in enumerate(service_rules):
                n = next((n for n in lengths if n <= len(ags) and ags[:n] in sr), None)
                if n is None:
                    gaps.append(i)
                elif n == 8 or ags[:5] in varies[i]:
                    listed.append((auth_index[sr[ags[:n]]], i))
                else:
                    elsewhere.setdefault(ags[:n], {}).setdefault(auth_index[sr[ags[:n]]], 0)
                    elsewhere[ags[:n]][auth_index[sr[ags[:n]]]] += 1
            k = parent(ags)
            land = parent(k) if k else None
            others = [[x, by_ags[x]["name"], "Kreis" if len(x) == 5 else "Land", sum(elsewhere[x].values()),
                       [[a, c] for a, c in sorted(elsewhere[x].items(), key=lambda e: (-e[1], auth_ids[e[0]]))]]
                      for x in (k, land) if x and x in elsewhere]
            fm = {"title": r["name"], "layout": "gemeinde-cached" if cached_rows else "gemeinde", "ags": ags, "plz": ", ".join(r["postal_codes"].split()),
                  "description": f"Zuständige Stellen in {r['name']} für alle {len(services)} Leistungen.",
                  "crumbs": [["/orte/", "Orte"]] + [[f"/orte/{x}/", by_ags[x]["name"]] for x in (land, k) if x],
                  "groups": grouped(listed), "gaps": gaps, "others": others,
                  "others_count": sum(o[3] for o in others)}
        else:
            fm = {"title": r["name"], "layout": "place", "ags": ags, "level": "Land" if len(ags) == 2 else "Kreis",
                  "children_title": "Kreise und kreisfreie Städte" if len(ags) == 2 else "Gemeinden",
                  "children": [[ch["ags"], ch["name"], ", ".join(ch["postal_codes"].split())] for ch in children.get(ags, [])],
                  "groups": grouped([(auth_index[sr[ags]], i) for i, sr in enumerate(service_rules) if ags in sr])}
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


def timed(cmd: list[str], timeout: float, keep_stdout: bool = False, allow_failure: bool = False) -> dict:
    """One run under /usr/bin/time -v: wall seconds, peak RSS (KiB), user and system CPU seconds,
    and the share of the machine's CPU time that other processes used meanwhile. A failed
    command ends the script, unless allow_failure (then: its exit status and standard error)."""
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
    if proc.returncode != 0 and allow_failure:
        return {"returncode": proc.returncode, "stderr": err, "wall": wall}
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


# One word per run that no other run uses and the edited file does not have yet (fresh_words):
# each edit changes the search index as well.
EDIT_WORDS = ["telefonisch", "schriftlich", "persönlich", "digital", "vorab", "kurzfristig", "gebührenfrei", "barrierefrei", "mehrsprachig",
              "samstags", "abends", "wohnortnah", "unbürokratisch", "kontaktlos", "fernmündlich", "videogestützt", "nachmittags"]

# The single-file edits the incremental runs measure, in this order (--edits picks some).
EDIT_KINDS = {
    "body": "a service's Markdown body",
    "summary": "a service's summary (front matter)",
    "title": "a service's title (front matter, on every Gemeinde page)",
    "authority": "an authority's phone number (authorities/*.yml)",
    "responsibility": "one responsibilities.csv row to another authority",
    "region": "a Gemeinde's postal codes (regions.csv)",
    "topics": "a Lebenslage's title (topics.yml)",
    "page": "a free page's body (pages/*.md)",
    "template": "one template of a --templates theme",
}


def fresh_words(text: str) -> list[str]:
    folded = text.casefold()
    return [w for w in EDIT_WORDS if w.casefold() not in folded] or EDIT_WORDS


def edit_word(i: int, words: list[str] = EDIT_WORDS) -> str:
    return words[i % len(words)] + ("" if i < len(words) else f" ({i // len(words) + 1})")


def set_front_matter(text: str, key: str, value: str) -> str:
    """`text` (a file with front matter) with `key:` (and its continuation lines) set to `value`."""
    fm, body = split_front_matter(text)
    lines = fm.split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith(key + ":"))
    j = i + 1
    while j < len(lines) and lines[j].startswith((" ", "\t")):
        j += 1
    lines[i:j] = [f"{key}: {yaml_str(value)}"]
    return "---\n" + "\n".join(lines) + "---\n" + body


def replace_line(text: str, index: int, line: str) -> str:
    lines = text.split("\n")
    lines[index] = line
    return "\n".join(lines)


def csv_line(fields: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(fields)
    return buf.getvalue()


def plan_edits(content: Path, theme: Path, kinds: list[str]) -> list[dict]:
    """Per edit kind: the file, its original text and `change(i)`, the file's text for run i
    (different in every run, never the original). `templates` is the --templates folder the
    builds of that kind use."""
    services = sorted((content / "services").glob("*.md"))
    rules_text = (content / "responsibilities.csv").read_text(encoding="utf-8")
    rule_rows = rules_text.split("\n")
    plans = []
    for kind in kinds:
        plan = {"kind": kind, "label": EDIT_KINDS[kind], "templates": None}
        if kind == "body":
            path = services[0]
            original = path.read_text(encoding="utf-8")
            change = lambda i, o=original, w=fresh_words(original): o + f"\nErgänzung {i + 1}: Termine können Sie auch {edit_word(i, w)} vereinbaren.\n"
        elif kind in ("summary", "title"):
            path = services[len(services) // 2] if kind == "summary" else services[len(services) // 3]
            original = path.read_text(encoding="utf-8")
            old = load_yaml(split_front_matter(original)[0])[kind]
            w = fresh_words(original)
            if kind == "summary":
                change = lambda i, o=original, v=old, w=w: set_front_matter(o, "summary", f"{v} Termine gibt es auch {edit_word(i, w)}.")
            else:
                change = lambda i, o=original, v=old, w=w: set_front_matter(o, "title", f"{v} ({edit_word(i, w)})")
        elif kind == "authority":
            # The authority with the most rules.
            count: dict[str, int] = {}
            for line in rule_rows[1:]:
                if line:
                    a = line.rsplit(",", 1)[1]
                    count[a] = count.get(a, 0) + 1
            path = content / "authorities" / f"{max(count, key=lambda a: (count[a], a))}.yml"
            original = path.read_text(encoding="utf-8")
            lines = original.split("\n")
            at = next((k for k, line in enumerate(lines) if line.startswith("phone:")), None)

            def change(i, lines=lines, at=at):
                phone = f'phone: "+49 351 {4100000 + i}"'
                new = list(lines)
                if at is None:
                    new.insert(1 + next(k for k, line in enumerate(lines) if line.startswith("address:")), phone)
                else:
                    new[at] = phone
                return "\n".join(new)
        elif kind == "responsibility":
            # A Gemeinde rule in the middle of the file (or the first rule) moves to another
            # authority the service has in the same Kreis (a neighbour takes over), else to
            # another one it has, else to any other authority.
            path = content / "responsibilities.csv"
            original = rules_text
            gemeinde_rows = [k for k, line in enumerate(rule_rows) if k and line and len(line.split(",")[1]) == 8]
            middle = gemeinde_rows[len(gemeinde_rows) // 2:] + gemeinde_rows[:len(gemeinde_rows) // 2]
            at = next((k for k in middle if not rule_rows[k].split(",")[1].endswith("000")), middle[0]) if middle else 1
            service, region, authority = rule_rows[at].split(",")
            same = [line.split(",") for line in rule_rows[1:] if line.startswith(service + ",")]
            others = sorted({a for _, r, a in same if r.startswith(region[:5])} - {authority}) or \
                sorted({a for _, _, a in same} - {authority}) or \
                sorted({p.stem for p in (content / "authorities").glob("*.yml")} - {authority})
            cycle = others + [authority]  # consecutive runs always differ, even with one other authority
            change = lambda i, at=at, s=service, r=region, c=cycle: replace_line(rules_text, at, f"{s},{r},{c[i % len(c)]}")
            plan["row"] = rule_rows[at]
        elif kind == "region":
            # A Gemeinde in the middle of the list gets one more postal code.
            path = content / "regions.csv"
            original = path.read_text(encoding="utf-8")
            lines = original.split("\n")
            rows = [k for k, line in enumerate(lines) if k and line and len(line.split(",", 1)[0]) == 8]
            at = rows[len(rows) // 2]
            fields = next(csv.reader([lines[at]]))

            def change(i, at=at, fields=fields, o=original):
                codes = sorted(set(fields[2].split()) | {f"{99900 + i:05d}"})
                return replace_line(o, at, csv_line([fields[0], fields[1], " ".join(codes)] + fields[3:]))
            plan["row"] = lines[at]
        elif kind == "topics":
            # The Lebenslage most services name gets another title.
            path = content / "topics.yml"
            original = path.read_text(encoding="utf-8")
            used: dict[str, int] = {}
            for p in services:
                for l in load_yaml(split_front_matter(p.read_text(encoding="utf-8"))[0]).get("lebenslagen") or []:
                    used[l] = used.get(l, 0) + 1
            slug = max(used, key=lambda l: (used[l], l))
            lines = original.split("\n")
            at = next((k for k, line in enumerate(lines) if re.match(r"\s*- \{slug: " + re.escape(slug) + r",", line)), None)
            if at is not None:
                indent = lines[at][:lines[at].index("-")]
                item = load_yaml(lines[at].strip()[2:])

                def change(i, at=at, item=item, indent=indent, o=original):
                    new = dict(item, title=f"{item['title']} ({edit_word(i)})")
                    return replace_line(o, at, indent + "- {" + ", ".join(f"{k}: {yaml_str(str(v))}" for k, v in new.items()) + "}")
            else:  # not one line per entry: the whole file anew
                def change(i, o=original, slug=slug):
                    t = load_yaml(o)
                    for item in t["lebenslagen"]:
                        if item["slug"] == slug:
                            item["title"] = f"{item['title']} ({edit_word(i)})"
                    return yaml.safe_dump(t, allow_unicode=True, sort_keys=False, width=100000)
            plan["lebenslage"] = slug
        elif kind == "page":
            path = sorted((content / "pages").glob("*.md"))[0]
            original = path.read_text(encoding="utf-8")
            change = lambda i, o=original, w=fresh_words(original): o + f"\nErgänzung {i + 1}: Diese Seite gibt es auch {edit_word(i, w)}.\n"
        elif kind == "template":
            # A theme with one template of the built-in theme, which each run changes a little.
            path = theme / "layouts/page.mustache"
            original = (REPO / "Templates/layouts/page.mustache").read_text(encoding="utf-8")
            if "</h1>" not in original:
                sys.exit("vs-hugo: Templates/layouts/page.mustache has no </h1> to add a line after")
            change = lambda i, o=original: o.replace("</h1>", f'</h1>\n  <p class="meta">Fassung {i + 1}</p>', 1)
            shutil.rmtree(theme, ignore_errors=True)
            path.parent.mkdir(parents=True)
            path.write_text(original, encoding="utf-8")
            plan["templates"] = theme
        else:
            raise ValueError(kind)
        plan.update(path=path, original=original, change=change)
        plans.append(plan)
    return plans


def portal_build(content: Path, out: Path, templates: Path | None, timeout: float, clean: bool = False, verbose: bool = False) -> dict:
    # Hugo writes no compressed files: compared without them (Tools/bench/precompress.py measures them).
    cmd = [str(PORTAL), "build", "--verbose" if verbose else "--quiet", "--no-precompress", "--content", str(content), "--output", str(out)]
    if templates:
        cmd += ["--templates", str(templates)]
    if clean:
        cmd.append("--clean")
    return timed(cmd, timeout, keep_stdout=verbose)


def same_as_clean(content: Path, out: Path, clean_out: Path, templates: Path | None, timeout: float) -> dict:
    """Builds the same content clean into `clean_out` and compares both trees file by file."""
    shutil.rmtree(clean_out, ignore_errors=True)
    portal_build(content, clean_out, templates, timeout, clean=True)
    a, b = tree_digest(out), tree_digest(clean_out)
    differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    shutil.rmtree(clean_out, ignore_errors=True)
    shutil.rmtree(clean_out.parent / ".portal-cache" / clean_out.name, ignore_errors=True)
    return {"identical": not differ, "files_differing": len(differ), "first_differing": differ[:5]}


def incremental_runs(content: Path, out: Path, clean_out: Path, theme: Path, runs: int, timeout: float,
                     kinds: list[str], verify_each_run: bool = False) -> list[dict]:
    """After the clean builds, per edit kind: `runs` times, change one file (differently each
    run) and rebuild incrementally with the cache of the build before; then compare the result
    with a clean build of the same tree, file by file (after every run with verify_each_run).
    The edits add up over the kinds; every file is restored at the end."""
    plans = plan_edits(content, theme, kinds)
    results = []
    try:
        templates = None
        portal_build(content, out, templates, timeout)  # the cache in place
        for plan in plans:
            if plan["templates"] != templates:  # another theme: a full build, not what is measured
                templates = plan["templates"]
                portal_build(content, out, templates, timeout)
            walls, written, quick, checks = [], [], [], []
            for i in range(runs):
                plan["path"].write_text(plan["change"](i), encoding="utf-8")
                r = portal_build(content, out, templates, timeout, verbose=True)
                walls.append(r["wall"])
                m = re.search(r"(\d+) Dateien neu geschrieben", r.get("stdout", ""))
                written.append(int(m.group(1)) if m else -1)
                # The verbose line of the body-edit scope, also after a template edit it serves
                # (older binaries: "nur Leistungstexte geändert").
                quick.append(any(line in r.get("stdout", "") for line in ("nur Texte von Leistungen oder freien Seiten geändert", "nur Texte von Leistungen oder freien Seiten (", "nur Leistungstexte geändert",
                                                                            "nur Texte oder Zusammenfassungen von Leistungen",
                                                                            "nur Vorlagen geändert, die allein Seiten aus Texten")))
                if verify_each_run or i == runs - 1:
                    checks.append(same_as_clean(content, out, clean_out, templates, timeout))
            result = {"kind": plan["kind"], "label": plan["label"], "edited": str(plan["path"].relative_to(
                          content if plan["path"].is_relative_to(content) else theme.parent)),
                      "wall_s": round(statistics.median(walls), 3), "walls": [round(w, 3) for w in walls],
                      "files_written": written, "only_bodies_rebuilt": quick,
                      "identical": all(c["identical"] for c in checks), "checks": len(checks),
                      "files_differing": max(c["files_differing"] for c in checks),
                      "first_differing": next((c["first_differing"] for c in checks if not c["identical"]), [])}
            for k in ("row", "lebenslage"):
                if k in plan:
                    result[k] = plan[k]
            results.append(result)
    finally:
        for plan in reversed(plans):  # the first plan of a file holds its original
            if plan["kind"] == "template":
                shutil.rmtree(theme, ignore_errors=True)
            else:
                plan["path"].write_text(plan["original"], encoding="utf-8")
        shutil.rmtree(clean_out, ignore_errors=True)
        shutil.rmtree(clean_out.parent / ".portal-cache" / clean_out.name, ignore_errors=True)
    return results


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


def tree_figures(content: Path) -> dict:
    """What a content tree holds: rules by level, per-Gemeinde services, Markdown per service."""
    regions = read_csv(content / "regions.csv")
    gemeinden = sum(1 for r in regions if len(r["ags"]) == 8)
    by_length: dict[int, int] = {}
    per_service: dict[str, int] = {}
    used = set()
    for r in read_csv(content / "responsibilities.csv"):
        by_length[len(r["region"])] = by_length.get(len(r["region"]), 0) + 1
        if len(r["region"]) == 8:
            per_service[r["service"]] = per_service.get(r["service"], 0) + 1
        used.add(r["authority"])
    files = sorted((content / "services").glob("*.md"))
    bodies = [len(split_front_matter(p.read_text(encoding="utf-8"))[1].encode()) for p in files]
    return {"services": len(files), "authorities": sum(1 for _ in (content / "authorities").glob("*.yml")),
            "authorities_with_rules": len(used), "gemeinden": gemeinden,
            "rules": sum(by_length.values()), "rules_by_ags_length": {str(k): v for k, v in sorted(by_length.items())},
            "rules_8_digit": by_length.get(8, 0),
            "services_with_a_rule_per_gemeinde": sum(1 for v in per_service.values() if v >= gemeinden),
            "body_bytes_mean": round(statistics.mean(bodies)) if bodies else 0,
            "body_bytes_median": round(statistics.median(bodies)) if bodies else 0,
            "body_bytes_min": min(bodies, default=0), "body_bytes_max": max(bodies, default=0),
            "service_file_bytes_mean": round(statistics.mean(p.stat().st_size for p in files)) if files else 0}


def print_figures(f: dict) -> None:
    print(f"  tree: {f['services']:,} services ({f['services_with_a_rule_per_gemeinde']:,} with a rule for each of the "
          f"{f['gemeinden']} Gemeinden), {f['authorities']:,} authorities ({f['authorities_with_rules']:,} named by rules), "
          f"{f['rules']:,} rules (by AGS length {f['rules_by_ags_length']}; 8-digit {f['rules_8_digit']:,}), Markdown body "
          f"{f['body_bytes_mean']:,} bytes per service on average (median {f['body_bytes_median']:,}, "
          f"{f['body_bytes_min']:,}–{f['body_bytes_max']:,})", flush=True)


def main() -> None:
    global PORTAL
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", default="2000", help="comma-separated service counts (default 2000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/dev/shm/portal-vs-hugo")
    parser.add_argument("--portal", default=str(PORTAL), help=f"the portal binary (default {PORTAL.relative_to(REPO)})")
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds per build before it is stopped")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--rule-heavy", action="store_true",
                        help=f"a Land with per-Gemeinde decisions: {RULE_HEAVY_SHARE * 100:.0f} %% of the services with one rule per "
                             f"Gemeinde, {RULE_HEAVY_AUTHORITIES:,} authorities, ~7.5 KB of Markdown per service")
    parser.add_argument("--generate-only", action="store_true",
                        help="write the trees (portal and Hugo), print their figures and run `portal check` once; no timed builds")
    parser.add_argument("--diagnose", action="store_true", help="also time `portal check` and print Hugo's template metrics")
    parser.add_argument("--no-incremental", action="store_true", help="skip the incremental rebuild runs")
    parser.add_argument("--edits", default=",".join(EDIT_KINDS),
                        help="comma-separated edit kinds of the incremental runs (default all: " + ", ".join(EDIT_KINDS) + ")")
    parser.add_argument("--verify-each-run", action="store_true",
                        help="compare with a clean build after every incremental run, not only after the last of each kind")
    parser.add_argument("--cached-rows", action="store_true",
                        help="Hugo renders each Gemeinde row once per (service, authority) via partialCached "
                             "(faster at 500 services, slower from 2,000 on)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.services.split(",") if s.strip()]
    kinds = [k.strip() for k in args.edits.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in EDIT_KINDS]
    if unknown:
        sys.exit(f"vs-hugo: unknown edit kinds {unknown}; known: {', '.join(EDIT_KINDS)}")
    kinds = [k for k in EDIT_KINDS if k in kinds]

    PORTAL = Path(args.portal).resolve()
    if not PORTAL.is_file() and not args.generate_only:
        sys.exit(f"vs-hugo: {PORTAL} is missing; build it first (swift build -c release --product portal) or name it with --portal")
    if not args.generate_only and not shutil.which(args.hugo):
        sys.exit("vs-hugo: hugo not found (Debian: apt-get install hugo)")
    json_path = Path(args.json).resolve() if args.json else None
    hugo_version = subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout.strip() if shutil.which(args.hugo) else "–"
    built = datetime.datetime.fromtimestamp(PORTAL.stat().st_mtime).isoformat(timespec="seconds") if PORTAL.is_file() else "?"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    portal_version = f"portal binary {PORTAL} built {built} (repository HEAD now: {commit or '?'})"
    load = load_average()
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.2f} at start; {portal_version}; {hugo_version}", flush=True)
    if load > 1.5:
        print(f"warning: load average {load:.2f} > 1.5: other jobs are running and skew the timings", flush=True)

    work = Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    # Every build runs in --work: `portal` takes ./Templates as its theme when there is one, and
    # the repository's Templates/ may be changing; the binary's own theme is what is measured.
    os.chdir(work)
    base = work / "base"
    # --as-v1: the tree of all earlier runs (no Gemeindeverbände, no publishing settings), so
    # figures stay comparable and the Hugo site needs no Gemeindeverband resolution.
    subprocess.run([sys.executable, str(GENERATE), "--scope", "sachsen", "--as-v1", "--out", str(base)], check=True,
                   stdout=subprocess.DEVNULL)

    results = []
    for n in sizes:
        tag = f"n{n}r" if args.rule_heavy else f"n{n}"
        content, site_dir = work / f"{tag}/content", work / f"{tag}/hugo"
        out_portal, out_hugo = work / f"{tag}/out-portal", work / f"{tag}/out-hugo"
        cache = work / "hugo-cache"
        started = time.monotonic()
        counts = derive_tree(base, content, n)
        if args.rule_heavy:
            counts = rule_heavy_tree(base, content, n)
        figures = tree_figures(content)
        generated = time.monotonic() - started
        check = None
        if PORTAL.is_file():
            check = timed([str(PORTAL), "check", "--quiet", "--content", str(content)], args.timeout, allow_failure=True)
            if check.get("returncode"):
                sys.exit(f"vs-hugo: portal check failed for {n} services ({check['returncode']}):\n{check['stderr'][-4000:]}")
        started_hugo = time.monotonic()
        hugo_site(content, site_dir, cached_rows=args.cached_rows)
        print(f"\n{n} services{' (rule-heavy)' if args.rule_heavy else ''}: {counts['rules']:,} rules; portal tree written in "
              f"{generated:.0f} s, Hugo site in {time.monotonic() - started_hugo:.0f} s "
              + (f"(portal check: ok, {check['wall']:.2f} s, peak {mib(check['rss_kib']):.0f} MiB)" if check else "(no portal check: no binary)"),
              flush=True)
        print_figures(figures)
        entry = {"services": n, "rules": counts["rules"], "tree": figures}
        if args.generate_only:
            if check:
                entry["portal_check"] = {"wall_s": round(check["wall"], 2), "rss_mib": round(mib(check["rss_kib"]))}
            results.append(entry)
            continue

        runs: dict[str, list[dict]] = {"portal": [], "hugo": []}
        loads = []
        for i in range(args.runs):
            order = ["portal", "hugo"] if i % 2 == 0 else ["hugo", "portal"]
            for tool in order:
                loads.append(load_average())
                if tool == "portal":
                    shutil.rmtree(out_portal, ignore_errors=True)
                    # --clean: a full build, not one that reuses the previous run's pages.
                    r = timed([str(PORTAL), "build", "--quiet", "--clean", "--no-precompress", "--content", str(content), "--output", str(out_portal)], args.timeout)
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
        entry["load_average_during"] = {"min": round(min(loads), 2), "median": round(statistics.median(loads), 2), "max": round(max(loads), 2)}
        for tool, out in (("portal", out_portal), ("hugo", out_hugo)):
            entry[tool] = {**summarize(runs[tool]), **tree_stats(out)}
            if entry[tool].get("timeout"):
                entry[tool]["seconds_per_page_until_stopped"] = round(runs[tool][-1]["wall"] / max(1, entry[tool]["pages"]), 4)
        p, h = entry["portal"], entry["hugo"]
        if p.get("wall_s") and h.get("wall_s"):
            entry["ratio_wall"] = round(p["wall_s"] / h["wall_s"], 2)
            entry["ratio_rss"] = round(p["rss_mib"] / h["rss_mib"], 2)
        if p.get("wall_s") and not args.no_incremental and kinds:
            edits = incremental_runs(content, out_portal, work / f"{tag}/out-clean", work / f"{tag}/theme", args.runs,
                                     args.timeout, kinds, args.verify_each_run)
            for inc in edits:
                inc["ratio_to_clean"] = round(inc["wall_s"] / p["wall_s"], 3)
                what = inc["edited"] + "".join(f", {k} {inc[k]}" for k in ("row", "lebenslage") if k in inc)
                print(f"  incremental after {inc['label']} [{what}]: {inc['wall_s']:.3f} s median ({inc['walls']}), "
                      f"{inc['ratio_to_clean']:.3f} × the clean build; files rewritten {inc['files_written']}; "
                      f"only the body's files rebuilt: {inc['only_bodies_rebuilt']}; identical to a clean build: "
                      + ("yes" if inc["identical"] else f"NO ({inc['files_differing']} files differ, e.g. {inc['first_differing']})"),
                      flush=True)
            entry["incremental_edits"] = edits
            body = next((e for e in edits if e["kind"] == "body"), None)
            if body:  # the figures of earlier versions of this script, under their old key
                entry["incremental"] = {k: body[k] for k in ("wall_s", "walls", "files_written", "only_bodies_rebuilt",
                                                             "identical", "edited", "ratio_to_clean")}
        if args.diagnose:
            entry["diagnose"] = diagnose(work, content, site_dir, args.hugo, work / f"{tag}/out-diagnose")
            print(f"  portal check alone: {entry['diagnose']['portal_check']['wall']:.2f} s wall, peak "
                  f"{mib(entry['diagnose']['portal_check']['rss_kib']):.0f} MiB", flush=True)
            for line in entry["diagnose"]["hugo_template_metrics"]:
                print("  hugo " + line.strip(), flush=True)
        for out in (out_portal, out_hugo):
            shutil.rmtree(out, ignore_errors=True)  # keep /dev/shm free for the next size
        results.append(entry)

    if not args.generate_only:
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
        if any(e.get("incremental_edits") for e in results):
            print(f"\nIncremental rebuilds per edit kind (median of {args.runs}; clean = the median `portal build --clean` above):\n")
            print("| services | edit | wall s (median) | incremental/clean | files rewritten | body-edit path | identical to clean |")
            print("| ---: | --- | ---: | ---: | --- | --- | --- |")
            for e in results:
                for inc in e.get("incremental_edits", []):
                    print(f"| {e['services']:,} | {inc['label']} | {inc['wall_s']:.3f} | {inc['ratio_to_clean']:.3f} | "
                          f"{', '.join(map(str, inc['files_written']))} | {'yes' if all(inc['only_bodies_rebuilt']) else 'no'} | "
                          f"{'yes' if inc['identical'] else 'NO'} |")
    if json_path:
        json_path.write_text(json.dumps({"load_average_at_start": round(load, 2), "hugo": hugo_version, "portal": portal_version,
                                         "hugo_rows": "partialCached" if args.cached_rows else "inline",
                                         "tree": "rule-heavy" if args.rule_heavy else "derived",
                                         "generate_only": args.generate_only, "edit_kinds": kinds,
                                         "cpus": os.cpu_count(), "runs": args.runs, "results": results},
                                        indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
