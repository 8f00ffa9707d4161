#!/usr/bin/env python3
"""Generate the sample Content/ tree of the portal from real catalogue and place data.

Usage:
    python3 Tools/sample-content/generate.py [--data DIR] [--out DIR]
                                              [--scope sachsen|de] [--variant standard|alt]

Defaults (relative to the repository root, i.e. this file's ../../):
    --data  <repo>/../shared/data     (ozg/*.csv and regions/*.csv)
    --out   <repo>/Content
    --scope sachsen                   (de = all of Germany, for scale tests)
    --variant standard                (alt = different slugs, ids and texts, for tests)

The output folder is deleted and rewritten as a whole. The script refuses to touch a
folder that exists, is not empty and has no site.yml (it does not look like a content
tree). Output is deterministic: re-running gives byte-identical files.

Standard library only. YAML is written by hand: every scalar that is not obviously a
plain word is double-quoted with escapes (see yaml_scalar).

What is real and what is sample data:
  real    - OZG-Leistungen, Themenfelder, Lebenslagen, LeiKa keys, names, types and legal
            bases (OZG-Umsetzungskatalog as exported by KDN, ~2019/2020);
          - places, AGS, names and postal codes (Destatis GV100AD 2023, OpenStreetMap PLZ);
          - forms/: FIM Stammdatenschemata and genericode code lists, copied unchanged
            (<data>/fim/, spec v2; see FORM SCHEMAS below for the services that name them).
  sample  - every authority's street ("Beispielstraße 1 (Beispieldaten)"), phone, e-mail
            and opening hours; which authority is responsible for what (derived from the
            LeiKa-Typ with a few documented overrides, see RESPONSIBILITY RULES below).
"""

import argparse
import collections
import csv
import io
import json
import os
import re
import shutil
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent
HANDWRITTEN = HERE / "handwritten"

# ---------------------------------------------------------------------------------------
# Slugs
# ---------------------------------------------------------------------------------------

_UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))
# letters that Unicode decomposition does not reduce to ASCII (Sorbian/Polish place names)
_EXTRA_FOLD = {"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe"}


def slugify(text, maxlen=80):
    """The shared slug rule.

    lowercase, ä→ae, ö→oe, ü→ue, ß→ss, "&"→"und", every other run of characters outside
    [a-z0-9] → "-", strip "-" at both ends, cut to 80 characters, strip trailing "-".

    One addition that does not change any German-only text: other accented letters
    (e.g. Sorbian "Budyšin", "Chóśebuz" in place names) are folded to their base letter
    before the last step instead of becoming "-". The OZG catalogue (services, topics)
    contains only German letters, so for it this is exactly the shared rule.
    """
    s = text.lower()
    for a, b in _UMLAUTS:
        s = s.replace(a, b)
    s = s.replace("&", "und")
    s = "".join(_EXTRA_FOLD.get(c, c) for c in s)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    s = s[:maxlen].rstrip("-")
    if not s:
        raise SystemExit(f"generate.py: error: empty slug for {text!r}")
    return s


def with_suffix(base, suffix, maxlen=80):
    """base + "-" + suffix, cutting base so the result stays within maxlen."""
    room = maxlen - len(suffix) - 1
    return base[:room].rstrip("-") + "-" + suffix


# ---------------------------------------------------------------------------------------
# YAML scalars (hand-written, valid YAML 1.1 and 1.2)
# ---------------------------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-zäöüÄÖÜß][A-Za-z0-9 äöüÄÖÜß.\-]*")
# words a YAML 1.1 or 1.2 reader would not read as a string
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def yaml_scalar(value):
    """A string as a YAML scalar: plain when it is clearly a plain word, else double-quoted."""
    s = str(value)
    if (_PLAIN.fullmatch(s) and not s.endswith(" ") and "  " not in s
            and s.lower() not in _RESERVED):
        return s
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or 0x7F <= o <= 0x9F:
            out.append("\\x%02X" % o)
        elif ch in "\u2028\u2029\ufeff":
            out.append("\\u%04X" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def yaml_flow_list(items):
    return "[" + ", ".join(yaml_scalar(i) for i in items) + "]"


def yaml_flow_map(pairs):
    return "{" + ", ".join(f"{k}: {yaml_scalar(v)}" for k, v in pairs) + "}"


# ---------------------------------------------------------------------------------------
# Markdown text
# ---------------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LINESTART = re.compile(r"^(#|[-+=]|\d+[.)])")


def md_text(text):
    """Plain text for Markdown: nothing becomes HTML, a link, emphasis or a block marker.

    The result is meant to start a line (or a list item), so leading block markers are
    escaped too.
    """
    s = re.sub(r"\s+", " ", text).strip()
    s = _MD_INLINE.sub(r"\\\1", s)
    s = _MD_ENTITY.sub(r"\\&", s)
    m = _MD_LINESTART.match(s)
    if m:
        marker = m.group(1)
        if marker[0].isdigit():
            s = marker[:-1] + "\\" + marker[-1] + s[len(marker):]
        else:
            s = "\\" + s
    return s


def md_url(url):
    """A URL usable as a Markdown link destination (no spaces, parentheses, angle brackets)."""
    out = []
    for ch in url:
        if ch.isascii() and ch not in " ()<>\\`\"'" and ch.isprintable():
            out.append(ch)
        else:
            out.append("".join("%%%02X" % b for b in ch.encode("utf-8")))
    return "".join(out)


_LAW_URL = re.compile(r"\[\s*((?:https?://|www\.)[^\]\s]*)\s*\]")


def legal_references(value):
    """Split a LeiKa 'rechtsgrundlage' text into (text, url-or-None) items.

    The source writes "Name [http://…], Other name [http://…]". Text before each bracketed
    URL is its name; text without a URL stays one plain item. In the source a lost dash
    appears as "_" ("§§ 1767 _ 1772 BGB", "§§ 33_42 SGB VI"); in names it is shown as "–".
    """
    value = re.sub(r"\s+", " ", value).strip()

    def clean(text):
        if re.match(r"(https?://|www\.)", text):
            return text
        text = text.replace(" _ ", " – ")
        return re.sub(r"(?<![\w/.])(\d+[a-z]?)_(\d+[a-z]?)(?![\w/])", r"\1–\2", text)
    items = []
    pos = 0
    for m in _LAW_URL.finditer(value):
        name = value[pos:m.start()].strip().strip(",;").strip()
        url = m.group(1)
        if url.startswith("www."):
            url = "https://" + url
        items.append((clean(name) or url, url))
        pos = m.end()
    rest = value[pos:].strip().strip(",;").strip()
    if rest:
        items.append((clean(rest), None))
    return items


# ---------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------

def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


TYPE_LEVEL = {"1": "bund", "4": "land", "2": "kreis", "2/3": "kreis", "6": "kreis", "5": "gemeinde"}
# more local wins ties
LEVEL_ORDER = ["bund", "land", "kreis", "gemeinde"]
TYPE_TEXT = {
    "1": "Typ 1 – Regelung und Vollzug durch den Bund",
    "2": "Typ 2 – Regelung durch Bundesrecht, Vollzug durch das Land",
    "2/3": "Typ 2/3 – Regelung durch Bundesrecht, Vollzug durch Land oder Kommune",
    "4": "Typ 4 – Regelung durch Landesrecht, Vollzug durch Land oder Kommune",
    "5": "Typ 5 – Regelung und Vollzug durch die Kommune",
    "6": "Typ 6 – im Datenbestand ohne nähere Erläuterung",
    "": "ohne Angabe eines Typs",
}
TYPE_ORDER = ["1", "2", "2/3", "4", "5", "6", ""]


def type_parts(typ):
    """'1, 2/3' → ['1', '2/3']; '' → ['']."""
    parts = [p.strip() for p in typ.split(",")]
    return [p for p in parts if p] or [""]


def majority_level(leika_rows):
    """Execution level by majority of LeiKa-Typ votes; a combined type votes for each part.

    Votes are counted per level (2, 2/3 and 6 all vote 'kreis'); ties go to the more
    local level. None when there are no LeiKa rows or no types.
    """
    votes = collections.Counter()
    for r in leika_rows:
        for p in type_parts(r["typisierung"]):
            if p:
                if p not in TYPE_LEVEL:
                    raise SystemExit(f"generate.py: error: unknown LeiKa-Typ {p!r}")
                votes[TYPE_LEVEL[p]] += 1
    if not votes:
        return None
    top = max(votes.values())
    return max((lvl for lvl in votes if votes[lvl] == top), key=LEVEL_ORDER.index)


# ---------------------------------------------------------------------------------------
# RESPONSIBILITY RULES
# ---------------------------------------------------------------------------------------

# Services the catalogue types 2/3 (Kreis level) but that the Gemeinden carry out
# (Meldebehörde, Pass- und Ausweisbehörde, Standesamt, Gewerbeamt, Hundesteuer).
# A value of None is looked up at run time (see HANDWRITTEN_IDS).
GEMEINDE_OVERRIDES = {
    "10119": "Personalausweis",
    "10124": "Wohnsitzmeldungen",
    "10160": "Hundehaltung",
    "10026": "Eheschließung",
    "10559": "Meldebescheinigung",
    "10177": "Reisepass",
    "10557": "Geburtsurkunde",
}
# OZG ids taken from hand-written service files (their ozg_id) when present,
# else the fallback id given here.
HANDWRITTEN_IDS = {
    "gewerbe-anmelden": "10294",          # Unternehmensanmeldung und -genehmigung
    "baugenehmigung-beantragen": "10519",  # Bauvorbescheid und Baugenehmigung
}

# Baugenehmigung (catalogue: Typ 4, Landesrecht) is put at Kreis level: the untere
# Bauaufsichtsbehörde is the Landkreis / kreisfreie Stadt; in Saxony many Große Kreisstädte
# are untere Bauaufsichtsbehörde too (Sächsische Bauordnung). Below is a short illustrative
# list of real Saxon Große Kreisstädte (not checked city by city; name exactly as in the
# place data, with its Kreis AGS; each must be found once). Each gets a Gemeinde-level rule
# that overrides the Kreis rule (longest AGS prefix wins).
# Gemeindeverband kinds whose administrative work one member Gemeinde (the erfüllende Gemeinde)
# does; every other kind has an office of its own.
SEAT_SHARING_VERBAENDE = {"Verwaltungsgemeinschaft", "Erfüllende Gemeinde"}


def verband_name(typ, name):
    """"Amt Probstei", "Verwaltungsgemeinschaft Zwönitz", "Gemeindeverwaltungsverband Neckartal":
    the kind before the name, once (some official names begin with it, Baden-Württemberg's
    abbreviate it to "GVV")."""
    if name.startswith(typ + " "):
        return name
    if name.startswith("GVV "):
        return "Gemeindeverwaltungsverband " + name[4:]
    return f"{typ} {name}"


def derived_verbaende(gemeinden):
    """Gemeindeverbände of two or more members, keyed by the ARS prefix (Land+RB+Kreis+Verband):
    the rows of verbaende-sachsen.csv, derived the same way for any set of Gemeinden."""
    by_key = collections.defaultdict(list)
    for g in gemeinden:
        if g["gemeindeverbandstyp"] != "Verbandsfreie Gemeinde":
            by_key[g["ars"][:9]].append(g)
    rows = []
    for k, members in sorted(by_key.items()):
        if len(members) < 2:
            continue
        names = {m["gemeindeverband"] for m in members}
        typen = {m["gemeindeverbandstyp"] for m in members}
        if len(names) != 1 or len(typen) != 1:
            raise SystemExit(f"generate.py: error: Verband {k}: members disagree on name or type")
        rows.append(dict(verband=k, name=names.pop(), typ=typen.pop(), kreis=k[:5],
                         gemeinden=" ".join(m["ags"] for m in members)))
    return rows


GROSSE_KREISSTAEDTE_SACHSEN = [
    ("Bautzen / Budyšin", "14625"),
    ("Hoyerswerda / Wojerecy", "14625"),
    ("Görlitz", "14626"),
    ("Freiberg", "14522"),
    ("Pirna", "14628"),
    ("Zwickau", "14524"),
    ("Plauen", "14523"),
    ("Riesa", "14627"),
    ("Meißen", "14627"),
    ("Radebeul", "14627"),
    ("Delitzsch", "14730"),
]

# Federal authorities for services whose LeiKa-Typ majority is 1 (Bund).
# (id, name, seat city, Land of the seat city)
FEDERAL_AUTHORITIES = [
    ("familienkasse", "Familienkasse der Bundesagentur für Arbeit", "Nürnberg", "Bayern"),
    ("bundesagentur-fuer-arbeit", "Bundesagentur für Arbeit", "Nürnberg", "Bayern"),
    ("bundeszentralamt-fuer-steuern", "Bundeszentralamt für Steuern", "Bonn", "Nordrhein-Westfalen"),
    ("generalzolldirektion", "Generalzolldirektion", "Bonn", "Nordrhein-Westfalen"),
    ("bundesamt-fuer-migration-und-fluechtlinge", "Bundesamt für Migration und Flüchtlinge", "Nürnberg", "Bayern"),
    ("auswaertiges-amt", "Auswärtiges Amt", "Berlin", "Berlin"),
    ("kraftfahrt-bundesamt", "Kraftfahrt-Bundesamt", "Flensburg", "Schleswig-Holstein"),
    ("luftfahrt-bundesamt", "Luftfahrt-Bundesamt", "Braunschweig", "Niedersachsen"),
    ("bundesnetzagentur", "Bundesnetzagentur", "Bonn", "Nordrhein-Westfalen"),
    ("deutsche-rentenversicherung-bund", "Deutsche Rentenversicherung Bund", "Berlin", "Berlin"),
    ("bundesamt-fuer-justiz", "Bundesamt für Justiz", "Bonn", "Nordrhein-Westfalen"),
    ("bundesamt-fuer-wirtschaft-und-ausfuhrkontrolle", "Bundesamt für Wirtschaft und Ausfuhrkontrolle", "Eschborn", "Hessen"),
    ("bundeskartellamt", "Bundeskartellamt", "Bonn", "Nordrhein-Westfalen"),
    ("deutsches-patent-und-markenamt", "Deutsches Patent- und Markenamt", "München", "Bayern"),
    ("bundesamt-fuer-familie-und-zivilgesellschaftliche-aufgaben", "Bundesamt für Familie und zivilgesellschaftliche Aufgaben", "Köln", "Nordrhein-Westfalen"),
    ("bundesinstitut-fuer-arzneimittel-und-medizinprodukte", "Bundesinstitut für Arzneimittel und Medizinprodukte", "Bonn", "Nordrhein-Westfalen"),
    ("statistisches-bundesamt", "Statistisches Bundesamt", "Wiesbaden", "Hessen"),
    ("bundesverwaltungsamt", "Bundesverwaltungsamt", "Köln", "Nordrhein-Westfalen"),
]
FEDERAL_FALLBACK = "bundesverwaltungsamt"

# First matching rule wins. A rule matches an OZG-Leistung by id, by a word in its name
# (case-insensitive substring) or by its Lebenslage. Unmatched: FEDERAL_FALLBACK.
FEDERAL_RULES = [
    # (authority id, OZG ids, name words, Lebenslagen)
    ("familienkasse", ["10005", "10020"], [], []),                       # Kindergeld, Kinderzuschlag
    ("bundeszentralamt-fuer-steuern", [], ["Steueridentifikationsnummer"], []),
    ("generalzolldirektion", [], ["Zoll", "Luftverkehrsteuer", "Mindestlohn", "Ausfuhrerstattung"], []),
    ("deutsches-patent-und-markenamt", [], ["Patent", "Marke"], []),
    ("bundeskartellamt", [], ["Kartell", "Fusion"], []),
    ("bundesinstitut-fuer-arzneimittel-und-medizinprodukte", [], ["Betäubungsmittel"], []),
    ("luftfahrt-bundesamt", [], ["Luftfahrzeug", "Flugzeug", "Fluglinie", "Lufttüchtigkeit", "LuftZVO"], []),  # before KBA: "Luftfahrzeugregister"
    ("kraftfahrt-bundesamt", [], ["Fahreignungsregister", "Fahrzeugregister", "Fahrtenschreiber"], []),
    ("bundesnetzagentur", [], ["Frequenz", "TKG", "Marktstammdaten", "Erneuerbare-Energien-Anlagen",
                               "Photovoltaik", "PostG"], []),
    ("bundesamt-fuer-wirtschaft-und-ausfuhrkontrolle", [], ["Umweltbonus", "Partikelminderung", "EEG-Förderung"], []),
    ("bundesamt-fuer-familie-und-zivilgesellschaftliche-aufgaben", [], ["Bundesfreiwilligendienst", "Familienpflegezeit"], []),
    ("bundesamt-fuer-migration-und-fluechtlinge", [], ["Ausländerzentralregister", "Integration"], []),
    ("auswaertiges-amt", [], ["Visa"], ["Auslandsaufenthalt"]),
    ("deutsche-rentenversicherung-bund", [], ["Statusfeststellung", "Beitragsnachweis", "Rentenversicherung"], []),
    ("bundesamt-fuer-justiz", [], ["Gewerbezentralregister"], []),
    ("statistisches-bundesamt", [], ["Statistische"], []),
    ("bundesagentur-fuer-arbeit", [], ["Kurzarbeitergeld", "Arbeitnehmerüberlassung", "Arbeitgeber-Service",
                                       "Betriebsnummer", "Arbeitsförderung", "Ausländerbeschäftigung",
                                       "Gründungszuschuss", "Bildungsgutschein"],
     ["(Drohender) Arbeitsplatzverlust & -suche"]),
]

# Seat of the Land authority (Landeshauptstadt) per Land, for --scope de.
LAND_CAPITALS = {
    "Schleswig-Holstein": "Kiel", "Hamburg": "Hamburg", "Niedersachsen": "Hannover",
    "Bremen": "Bremen", "Nordrhein-Westfalen": "Düsseldorf", "Hessen": "Wiesbaden",
    "Rheinland-Pfalz": "Mainz", "Baden-Württemberg": "Stuttgart", "Bayern": "München",
    "Saarland": "Saarbrücken", "Berlin": "Berlin", "Brandenburg": "Potsdam",
    "Mecklenburg-Vorpommern": "Schwerin", "Sachsen": "Dresden", "Sachsen-Anhalt": "Magdeburg",
    "Thüringen": "Erfurt",
}
# Sitz der Kreisverwaltung spelled differently from the Gemeinde name.
SITZ_ALIASES = {
    "Hofheim a. T.": "Hofheim am Taunus",
    "Lutherstadt Wittenberg": "Wittenberg",
}

STADT_TYPES = {"Stadt", "Große Kreisstadt", "Kreisfreie Stadt", "Stadtkreis"}
KREIS_AUTHORITY = {  # kreistyp → authority name prefix; the id is the slug of the name
    "Landkreis": "Landratsamt",
    "Kreis": "Kreisverwaltung",
    "Regionalverband": "Regionalverband",   # "Regionalverband Saarbrücken" stays as it is
}

SAMPLE_STREET = "Beispielstraße 1 (Beispieldaten)"
SAMPLE_PHONE = "+49 000 000000"


# ---------------------------------------------------------------------------------------
# FORM SCHEMAS: forms from FIM Stammdatenschemata (spec v2; not with --as-v1)
# ---------------------------------------------------------------------------------------

# The real schemas of <data>/fim/xdatenfelder/ are copied unchanged to forms/<id>.xdf.xml and
# the genericode lists of <data>/fim/codelists/ to forms/codelists/ (SOURCE.md there). Every
# schema is named (form_schema:) by exactly one service, found as follows:
#   ("ozg", id)      the generated service of that OZG-Leistung: used where the OZG-Leistung is
#                    about the schema's subject (one LeiKa-Leistungsobjekt, or one named thing
#                    like the Jagdschein). Never a hand-written service (it keeps its own text
#                    and form:); the script stops if one would be named.
#   ("leika", key)   a service added for that one LeiKa-Leistung of the catalogue: title, key,
#                    legal basis and LeiKa-Typ (→ rules) from its row; ozg_id, Themenfeld and
#                    Lebenslage from its OZG-Leistung. Used where that OZG-Leistung bundles many
#                    unrelated Leistungen (the form of one of them does not belong on its page) or
#                    is the hand-written gewerbe-anmelden (OZG 10294, which has its own form:).
#   ("schema", {..}) a service added from the schema itself, where the catalogue (~2019/2020)
#                    has no LeiKa-Leistung for it: title as given here, the legal bases (`bezug`)
#                    and the Leistungsschlüssel the schema names; ozg_id, Themenfeld and
#                    Lebenslage from the OZG-Leistung "ozg" if given (rules by its LeiKa-Typ),
#                    else Themenfeld/Lebenslage and rule level as given here.
FORM_SCHEMAS = [
    # (schema id, how its service is found)          # the schema → the catalogue entry it matches
    ("S07000000248", ("ozg", "10149")),            # Ersterteilung eines Jagdscheins → OZG "Jagdschein und -erlaubnis" (LeiKa 99067004001000 Jagdschein Erteilung)
    ("S07000000201", ("ozg", "10150")),            # Zulassung zur Jägerprüfung → OZG "Jägerprüfung" (LeiKa 99067003007000)
    ("S00000000362", ("ozg", "10594")),            # Beschäftigungserlaubnis bei Aufenthaltsgestattung → OZG "Beschäftigungserlaubnis" (LeiKa 99010012001001)
    ("S00000000364", ("ozg", "10304")),            # Anzeige der erstmaligen Ausgabe von Heimarbeit (§ 7 HAG; key 99006047261000, newer than the catalogue) → OZG "Heimarbeitsanzeige" (LeiKa 99006012169000 Heimarbeit Anzeige)
    ("S00000000371", ("ozg", "10313")),            # Ausnahme Beschäftigung schwangere/stillende Frau 20–22 Uhr (MuSchG; key 99006053006000, not in the catalogue) → OZG "Mutterschutzmeldung", the catalogue's MuSchG service at the Aufsichtsbehörde
    ("S00000000373", ("leika", "99089068169000")), # verantwortliche Person Sprengstoffgesetz → LeiKa "Bestellung einer verantwortlichen Personen nach dem Sprengstoffgesetz Anzeige" (OZG 10297 "Anzeigepflichtige Personalveränderungen": 12 Leistungsobjekte)
    ("S00000000389", ("leika", "99010001001029")), # Aufenthaltserlaubnis in begründetem Einzelfall → LeiKa "Aufenthaltserlaubnis Erteilung in begründetem Einzelfall" (OZG 10255 "Aufenthaltstitel": 161 Leistungen)
    ("S05000001216", ("leika", "99050035010000")), # Versicherungsvermittler Befreiung (the schema names this key) → LeiKa "Erlaubnis für Versicherungsvermittler Befreiung" (OZG 10294, hand-written gewerbe-anmelden)
    ("S05000001299", ("leika", "99071002001000")), # Erlaubnis zur Kindertagespflege → LeiKa "Erlaubnis zur Kindertagespflege Erteilung" (OZG 10294, hand-written gewerbe-anmelden)
    ("S05000001323", ("leika", "99003021005000")), # Tätigkeiten mit Krankheitserregern → LeiKa "Tätigkeiten mit Krankheitserregern Erlaubnis" (OZG 10293 "Tätigkeitsanzeige und -erlaubnis": 48 Leistungsobjekte)
    # Heimarbeit with special Gefahrenschutz rules (§ 7, § 15 HAG): the catalogue knows only one
    # "Heimarbeit Anzeige", which S00000000364 already serves; the schema names the newer key.
    ("S00000000366", ("schema", dict(title="Heimarbeit mit besonderem Gefahrenschutz Anzeige",
                                     ozg="10304", leika="99006049261000"))),
    # Cannabis-Anbauvereinigungen (CanG, 2024): after the catalogue, which has nothing on it.
    # Placed where the catalogue puts the Betäubungsmittel-Erlaubnis and the Nutzhanf-Anbau;
    # the permission is given by the authority the Land names (§ 11 KCanG): Land level.
    ("S02000000112", ("schema", dict(title="Cannabis-Anbau in Anbauvereinigungen Erlaubnis",
                                     themenfeld="Umwelt", lebenslage="Anlagen & Stoffe", level="land"))),
]
LEVEL_TEXT = {"bund": "der Bundesebene", "land": "der Landesebene",
              "kreis": "der Kreisebene (Landratsamt oder kreisfreie Stadt)", "gemeinde": "der Gemeindeebene"}


# ---------------------------------------------------------------------------------------
# Variants (texts and naming)
# ---------------------------------------------------------------------------------------

def plural(n, one, many):
    return f"eine {one}" if n == 1 else f"{n} {many}"


class Standard:
    name = "standard"
    use_handwritten = True

    def themenfeld_slug(self, name):
        return slugify(name)

    def lebenslage_slug(self, name):
        return slugify(name)

    def service_slug(self, ozg_id, name):
        return slugify(name)

    def authority_id(self, base):
        return base

    def site(self, scope):
        if scope == "sachsen":
            return dict(
                title="Serviceportal Sachsen (Beispielportal)",
                description=(
                    "Beispielportal für Sachsen zur Erprobung eines Generators für "
                    "Serviceportale nach dem Onlinezugangsgesetz (OZG). Leistungskatalog "
                    "(OZG-Umsetzungskatalog, LeiKa) und Orte mit Postleitzahlen sind echte "
                    "Daten; Behörden, Anschriften, Telefonnummern, Öffnungszeiten und "
                    "Zuständigkeiten sind Beispieldaten."),
            )
        return dict(
            title="Serviceportal Deutschland (Beispielportal)",
            description=(
                "Bundesweites Beispielportal zur Erprobung eines Generators für "
                "Serviceportale nach dem Onlinezugangsgesetz (OZG). Leistungskatalog "
                "(OZG-Umsetzungskatalog, LeiKa) und Orte mit Postleitzahlen sind echte "
                "Daten; Behörden, Anschriften, Telefonnummern, Öffnungszeiten und "
                "Zuständigkeiten sind Beispieldaten."),
        )

    def contact(self):
        return [("email", "servicestelle@portal.example.de"), ("phone", "+49 351 0000000")]

    def themenfeld_description(self, tf, lagen, n_services):
        return (f"Leistungen im OZG-Themenfeld „{tf}“ ({n_services} OZG-Leistungen). "
                f"Lebenslagen: {', '.join(lagen)}.")

    def lebenslage_description(self, ll, tf, n_services):
        return (f"Lebenslage im Themenfeld „{tf}“ "
                f"({plural(n_services, 'OZG-Leistung', 'OZG-Leistungen')}).")

    def summary(self, svc):
        first = (f"„{svc['name']}“ ist eine Leistung des OZG-Themenfelds „{svc['themenfeld']}“ "
                 f"(Lebenslage „{svc['lebenslage']}“).")
        n = len(svc["leika"])
        if n == 0:
            return first + " Im Leistungskatalog (LeiKa) sind ihr keine Leistungen zugeordnet."
        return first + f" Sie umfasst {plural(n, 'Leistung', 'Leistungen')} des Leistungskatalogs (LeiKa)."

    def body(self, svc):
        laws = law_lines(svc)
        intro = ("Diese Beschreibung wurde automatisch aus dem OZG-Umsetzungskatalog erstellt. "
                 "Die Redaktion hat für diese Leistung noch keinen vollständigen Text verfasst.")
        if svc["leika"]:
            shown = ["die Leistungen des Leistungskatalogs (LeiKa), die der Katalog dieser "
                     "OZG-Leistung zuordnet"]
            if laws:
                shown.append("ihre Rechtsgrundlagen")
            if set(type_counts(svc)) != {""}:
                shown.append("die Verwaltungsebene, die sie laut Katalog ausführt")
            intro += " Unten stehen " + (", ".join(shown[:-1]) + " und " + shown[-1]
                                         if len(shown) > 1 else shown[0]) + "."
        else:
            intro += (" Der Katalog ordnet dieser OZG-Leistung keine Leistungen des "
                      "Leistungskatalogs (LeiKa) zu; weitere Angaben liegen deshalb nicht vor.")
        out = [intro, "", "## Leistungen des Leistungskatalogs", ""]
        if svc["leika"]:
            for r in svc["leika"]:
                out.append(f"- {md_text(r['bezeichnung'])} (Leistungsschlüssel {r['leistungsschluessel']})")
        else:
            out.append("Der Katalog ordnet dieser OZG-Leistung keine Leistungen des Leistungskatalogs zu.")
        if laws:
            out += ["", "## Rechtsgrundlage", ""] + laws
        out += ["", "## Hinweise", ""] + self.hints(svc)
        return "\n".join(out) + "\n"

    def hints(self, svc, of="die Leistungen dieser OZG-Leistung"):
        counts = type_counts(svc)
        if not counts or set(counts) == {""}:
            return ["Der Leistungskatalog nennt für diese Leistung keinen LeiKa-Typ. Welche "
                    "Verwaltungsebene sie ausführt, ist deshalb hier nicht angegeben."]
        lines = ["Der LeiKa-Typ gibt allgemein an, welche Verwaltungsebene eine Leistung regelt "
                 f"und ausführt. Für {of} nennt der Katalog:", ""]
        for t in sorted(counts, key=lambda t: (-counts[t], TYPE_ORDER.index(t))):
            lines.append(f"- {TYPE_TEXT[t]}: {plural(counts[t], 'Leistung', 'Leistungen')}")
        lines += ["", "Das ist eine allgemeine Angabe aus dem Katalog. Welche Stelle an Ihrem Ort "
                      "zuständig ist, kann im Einzelfall davon abweichen."]
        return lines

    def opening_hours(self):
        return ["Mo, Di, Do 09:00–12:00 und 13:00–15:30", "Fr 09:00–12:00"]

    # Services added for a FIM schema (FORM_SCHEMAS): svc["origin"] is "leika" (one LeiKa-Leistung
    # of the catalogue) or "schema" (not in the catalogue; described after the schema).

    def added_slug(self, svc):
        return slugify(svc["name"])

    def added_summary(self, svc):
        where = f"Themenfeld „{svc['themenfeld']}“, Lebenslage „{svc['lebenslage']}“"
        if svc["origin"] == "leika":
            return (f"„{svc['name']}“ ist eine Leistung des Leistungskatalogs (LeiKa) in der "
                    f"OZG-Leistung „{svc['parent']}“ ({where}).")
        first = (f"„{svc['name']}“ ist eine Leistung, die der Leistungskatalog dieses Portals "
                 "(Stand 2019/2020) nicht eigens führt; beschrieben ist sie nach ihrem FIM-Stammdatenschema.")
        if svc["parent"]:
            return first + f" Sie gehört zur OZG-Leistung „{svc['parent']}“ ({where})."
        return (first + f" Sie steht hier im Themenfeld „{svc['themenfeld']}“ "
                        f"(Lebenslage „{svc['lebenslage']}“).")

    def added_body(self, svc):
        if svc["origin"] == "leika":
            laws = law_lines(svc)
            shown = ["ihr Leistungsschlüssel"] + (["ihre Rechtsgrundlagen"] if laws else [])
            if set(type_counts(svc)) != {""}:
                shown.append("die Verwaltungsebene, die sie laut Katalog ausführt")
            intro = ("Diese Beschreibung wurde automatisch aus dem OZG-Umsetzungskatalog erstellt. "
                     "Die Redaktion hat für diese Leistung noch keinen vollständigen Text verfasst. "
                     "Der Katalog ordnet diese Leistung des Leistungskatalogs (LeiKa) der OZG-Leistung "
                     f"„{md_text(svc['parent'])}“ zu. Unten stehen "
                     + (", ".join(shown[:-1]) + " und " + shown[-1] if len(shown) > 1 else shown[0]) + ".")
            out = [intro, "", "## Leistungen des Leistungskatalogs", ""]
            out += [f"- {md_text(r['bezeichnung'])} (Leistungsschlüssel {r['leistungsschluessel']})"
                    for r in svc["leika"]]
            if laws:
                out += ["", "## Rechtsgrundlage", ""] + laws
            out += ["", "## Hinweise", ""] + self.hints(svc, of="diese Leistung")
            return "\n".join(out) + "\n"
        m = svc["schema"]
        intro = (f"Diese Beschreibung wurde automatisch aus dem FIM-Stammdatenschema "
                 f"„{md_text(m['bezeichnung'])}“ ({m['fim_id']}, Version {m['fim_version']}) erstellt. "
                 "Die Redaktion hat für diese Leistung noch keinen vollständigen Text verfasst. "
                 "Der Leistungskatalog dieses Portals (OZG-Umsetzungskatalog, Stand 2019/2020) führt sie "
                 "nicht als eigene Leistung")
        intro += (f"; der Sache nach gehört sie zur OZG-Leistung „{md_text(svc['parent'])}“."
                  if svc["parent"] else ".")
        out = [intro]
        if svc["leika_key"]:
            out += ["", "## Leistungen des Leistungskatalogs", "",
                    f"- {md_text(m['name'])} (Leistungsschlüssel {svc['leika_key']}, wie ihn das "
                    "Stammdatenschema nennt)"]
        if m["bezug"]:
            out += ["", "## Rechtsgrundlage", ""] + [f"- {md_text(b)}" for b in m["bezug"]]
        out += ["", "## Hinweise", "",
                "Der Leistungskatalog nennt für diese Leistung keinen LeiKa-Typ. In diesem "
                "Beispielportal ist sie "
                + (f"wie die OZG-Leistung „{md_text(svc['parent'])}“ " if svc["parent"] else "")
                + f"{LEVEL_TEXT[svc['level']]} zugeordnet. Welche Stelle an "
                "Ihrem Ort zuständig ist, kann davon abweichen."]
        return "\n".join(out) + "\n"


class Alt(Standard):
    name = "alt"
    use_handwritten = False

    def themenfeld_slug(self, name):
        return slugify("themenfeld " + name)

    def lebenslage_slug(self, name):
        return slugify("lage " + name)

    def service_slug(self, ozg_id, name):
        short = slugify(" ".join(name.split()[:3]))
        return slugify(f"leistung {ozg_id} {short}")

    def authority_id(self, base):
        return slugify("beh-" + base)

    def site(self, scope):
        where = "Sachsen" if scope == "sachsen" else "Deutschland"
        return dict(
            title=f"Verwaltungsportal {where} – Testvariante",
            description=(
                f"Testvariante eines Verwaltungsportals für {where}. Die Leistungen stammen aus "
                "dem OZG-Katalog, die Orte aus dem amtlichen Gemeindeverzeichnis; alle Angaben "
                "zu Behörden sind erfunden."),
        )

    def contact(self):
        return [("email", "kontakt@test.example.org"), ("phone", "+49 000 1111111")]

    def themenfeld_description(self, tf, lagen, n_services):
        return f"Themenfeld „{tf}“ mit den Lagen {'; '.join(lagen)}."

    def lebenslage_description(self, ll, tf, n_services):
        return f"Lage „{ll}“ aus dem Themenfeld „{tf}“."

    def summary(self, svc):
        n = len(svc["leika"])
        return (f"Informationen zur Verwaltungsleistung „{svc['name']}“ im Bereich "
                f"„{svc['themenfeld']}“; der Leistungskatalog führt dazu {n} Einträge.")

    def body(self, svc):
        out = [
            "Dieser Text ist ein maschinell erzeugter Platzhalter auf Grundlage des "
            "OZG-Katalogs; ein redaktioneller Text fehlt noch.",
            "",
        ]
        laws = law_lines(svc)
        if laws:
            out += ["## Rechtsgrundlage", ""] + laws + [""]
        out += ["## Hinweise", ""]
        counts = type_counts(svc)
        if counts and set(counts) != {""}:
            parts = [f"{TYPE_TEXT[t]} ({counts[t]})" for t in TYPE_ORDER if t in counts]
            out.append("Einordnung nach LeiKa-Typ: " + md_text("; ".join(parts)) + ".")
        else:
            out.append("Keine Einordnung nach LeiKa-Typ vorhanden.")
        out += ["", "## Katalogeinträge", ""]
        if svc["leika"]:
            for r in svc["leika"]:
                out.append(f"- {r['leistungsschluessel']}: {md_text(r['bezeichnung'])}")
        else:
            out.append("Keine Einträge.")
        return "\n".join(out) + "\n"

    def opening_hours(self):
        return ["Montag bis Freitag 08:00–12:00", "Dienstag zusätzlich 14:00–18:00"]

    def added_slug(self, svc):
        ident = svc["leika"][0]["leistungsschluessel"] if svc["leika"] else svc["schema_id"]
        short = slugify(" ".join(svc["name"].split()[:3]))
        return slugify(f"leistung {ident} {short}")

    def added_summary(self, svc):
        if svc["origin"] == "leika":
            return self.summary(svc)
        return (f"Informationen zur Verwaltungsleistung „{svc['name']}“ im Bereich "
                f"„{svc['themenfeld']}“; Grundlage ist das FIM-Stammdatenschema {svc['schema_id']}, "
                "der Leistungskatalog führt sie nicht.")

    def added_body(self, svc):
        if svc["origin"] == "leika":
            return self.body(svc)
        m = svc["schema"]
        out = [f"Dieser Text ist ein maschinell erzeugter Platzhalter auf Grundlage des "
               f"FIM-Stammdatenschemas {m['fim_id']}; ein redaktioneller Text fehlt noch.", ""]
        if m["bezug"]:
            out += ["## Rechtsgrundlage", ""] + [f"- {md_text(b)}" for b in m["bezug"]] + [""]
        out += ["## Hinweise", "", f"Keine Einordnung nach LeiKa-Typ vorhanden; hier "
                f"{LEVEL_TEXT[svc['level']]} zugeordnet.", "", "## Katalogeinträge", ""]
        out.append(f"- {svc['leika_key']}: {md_text(m['name'])}" if svc["leika_key"] else "Keine Einträge.")
        return "\n".join(out) + "\n"


def type_counts(svc):
    c = collections.Counter()
    for r in svc["leika"]:
        for p in type_parts(r["typisierung"]):
            c[p] += 1
    return c


def law_lines(svc):
    seen = set()
    lines = []
    for r in svc["leika"]:
        for text, url in legal_references(r["rechtsgrundlage"]):
            if (text, url) in seen:
                continue
            seen.add((text, url))
            if url:
                lines.append(f"- [{md_text(text)}]({md_url(url)})")
            else:
                lines.append(f"- {md_text(text)}")
    return lines


# ---------------------------------------------------------------------------------------
# Hand-written files
# ---------------------------------------------------------------------------------------

_SLUG_RE = re.compile(r"[a-z0-9-]{1,80}")


def front_matter_value(path, key):
    """The value of a top-level key in a file's YAML front matter (simple scalars only)."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for line in lines[1:]:
        if line.strip() == "---":
            break
        m = re.match(rf"{re.escape(key)}\s*:\s*(.*?)\s*$", line)
        if m:
            v = m.group(1)
            v = re.sub(r"\s+#.*$", "", v)
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
                v = v[1:-1]
            return v
    return None


# A service's text in Leichte Sprache and in English (spec v2) beside its hand-written German text.
VARIANT_SUFFIXES = (".ls.md", ".en.md")


def handwritten_variants(suffix):
    """Hand-written services/<slug><suffix> files, as (slug, path)."""
    d = HANDWRITTEN / "services"
    return sorted((p.name[:-len(suffix)], p) for p in d.iterdir() if p.is_file() and p.name.endswith(suffix))


def handwritten_files(sub):
    d = HANDWRITTEN / sub
    if not d.is_dir():
        return []
    files = sorted(p for p in d.iterdir() if p.is_file() and p.suffix == ".md" and not p.name.endswith(VARIANT_SUFFIXES))
    for p in files:
        if not _SLUG_RE.fullmatch(p.stem):
            raise SystemExit(f"{p}: error: file name is not a valid slug ([a-z0-9-], 1–80 characters)")
    return files


# ---------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------

class Output:
    def __init__(self, root):
        self.root = root
        self.counts = collections.Counter()

    def write(self, rel, text):
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)

    def copy(self, rel, src):
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, p)


def warn(msg):
    print(f"generate.py: warning: {msg}", file=sys.stderr)


def read_fim(data):
    """The schemas of FORM_SCHEMAS (folder, meta.json by id) and the code list files."""
    xdf_dir, cl_dir = data / "fim" / "xdatenfelder", data / "fim" / "codelists"
    if not xdf_dir.is_dir() or not cl_dir.is_dir():
        raise SystemExit(f"generate.py: error: no FIM data under {data / 'fim'} "
                         "(xdatenfelder/ and codelists/; --as-v1 needs none)")
    ids = [sid for sid, _ in FORM_SCHEMAS]
    files = {p.name[:-len(".xdf.xml")] for p in xdf_dir.glob("*.xdf.xml")}
    if len(set(ids)) != len(ids) or files != set(ids):
        raise SystemExit(f"generate.py: error: FORM_SCHEMAS and {xdf_dir} disagree: "
                         f"not in the table {sorted(files - set(ids))}, no file {sorted(set(ids) - files)}")
    meta = {sid: json.loads((xdf_dir / f"{sid}.meta.json").read_text(encoding="utf-8")) for sid in ids}
    codelists = sorted(p for p in cl_dir.iterdir() if p.is_file() and p.suffix == ".xml")
    return xdf_dir, meta, codelists


def attach_form_schemas(services, leika, hand_by_ozg, xdf_dir, meta, themenfelder, lebenslagen):
    """Adds the services FORM_SCHEMAS asks for to `services`; returns service key → schema id."""
    leika_by_key = {r["leistungsschluessel"]: r for r in leika}
    schema_of = {}
    for sid, (how, arg) in FORM_SCHEMAS:
        def fail(msg):
            raise SystemExit(f"generate.py: error: FORM_SCHEMAS {sid}: {msg}")
        if how == "ozg":
            if arg not in services:
                fail(f"no OZG-Leistung {arg}")
            if arg in hand_by_ozg:
                fail(f"OZG-Leistung {arg} is the hand-written {hand_by_ozg[arg].name}; "
                     "attach the schema to a generated service instead")
            key = arg
        elif how == "leika":
            r = leika_by_key.get(arg) or fail(f"no LeiKa-Leistung {arg} in the catalogue")
            parent = services[r["ozg_id"]]
            key = "L" + arg
            services[key] = dict(ozg_id=r["ozg_id"], name=r["bezeichnung"], themenfeld=parent["themenfeld"],
                                 lebenslage=parent["lebenslage"], leika=[r], origin="leika",
                                 parent=parent["name"], level=majority_level([r]))
        elif how == "schema":
            parent = None
            if arg.get("ozg"):
                parent = services.get(arg["ozg"]) or fail(f"no OZG-Leistung {arg['ozg']}")
            key_named = arg.get("leika")
            if key_named and key_named in leika_by_key:
                fail(f"LeiKa-Leistung {key_named} is in the catalogue: use (\"leika\", ...)")
            if key_named and key_named not in (xdf_dir / f"{sid}.xdf.xml").read_text(encoding="utf-8"):
                fail(f"the schema does not name the Leistungsschlüssel {key_named}")
            tf = parent["themenfeld"] if parent else arg["themenfeld"]
            ll = parent["lebenslage"] if parent else arg["lebenslage"]
            if tf not in themenfelder or ll not in lebenslagen:
                fail(f"unknown Themenfeld {tf!r} or Lebenslage {ll!r}")
            key = sid
            services[key] = dict(ozg_id=parent["ozg_id"] if parent else "", name=arg["title"],
                                 themenfeld=tf, lebenslage=ll, leika=[], origin="schema",
                                 parent=parent["name"] if parent else None, leika_key=key_named,
                                 schema=meta[sid], schema_id=sid,
                                 level=majority_level(parent["leika"]) if parent else arg["level"])
        else:
            fail(f"unknown kind {how!r}")
        if key in schema_of:
            fail(f"service {key} already has {schema_of[key]}")
        schema_of[key] = sid
    return schema_of


def build(data, out_root, scope, variant, v1=False):
    V = Standard() if variant == "standard" else Alt()
    ozg_dir, reg_dir = data / "ozg", data / "regions"
    themenfelder = read_csv(ozg_dir / "themenfelder.csv")
    lebenslagen = read_csv(ozg_dir / "lebenslagen.csv")
    ozg = read_csv(ozg_dir / "ozg-leistungen.csv")
    leika = read_csv(ozg_dir / "leika-leistungen.csv")
    gemeinden_de = read_csv(reg_dir / "gemeinden-de.csv")
    kreise_de = read_csv(reg_dir / "kreise-de.csv")
    out = Output(out_root)

    # ---- topics --------------------------------------------------------------------
    tf_slug = {t["name"]: V.themenfeld_slug(t["name"]) for t in themenfelder}
    ll_slug = {l["name"]: V.lebenslage_slug(l["name"]) for l in lebenslagen}
    for kind, m in (("Themenfeld", tf_slug), ("Lebenslage", ll_slug)):
        dup = [s for s, c in collections.Counter(m.values()).items() if c > 1]
        if dup:
            raise SystemExit(f"generate.py: error: duplicate {kind} slugs {dup}")
    n_by_tf = collections.Counter(o["themenfeld"] for o in ozg)
    n_by_ll = collections.Counter(o["lebenslage"] for o in ozg)
    lines = ["themenfelder:"]
    for t in sorted(themenfelder, key=lambda t: int(t["id"])):
        lagen = [l["name"] for l in sorted(lebenslagen, key=lambda l: int(l["id"]))
                 if l["themenfeld"] == t["name"]]
        desc = V.themenfeld_description(t["name"], lagen, n_by_tf[t["name"]])
        lines.append("  - " + yaml_flow_map([("slug", tf_slug[t["name"]]), ("title", t["name"]),
                                             ("description", desc)]))
    lines.append("lebenslagen:")
    for l in sorted(lebenslagen, key=lambda l: int(l["id"])):
        if l["themenfeld"] not in tf_slug:
            raise SystemExit(f"generate.py: error: Lebenslage {l['name']!r}: unknown Themenfeld")
        desc = V.lebenslage_description(l["name"], l["themenfeld"], n_by_ll[l["name"]])
        lines.append("  - " + yaml_flow_map([("slug", ll_slug[l["name"]]), ("title", l["name"]),
                                             ("description", desc)]))
    out.write("topics.yml", "\n".join(lines) + "\n")

    # ---- services ------------------------------------------------------------------
    leika_by_ozg = collections.defaultdict(list)
    for r in leika:
        if not re.fullmatch(r"\d{14}", r["leistungsschluessel"]):
            raise SystemExit(f"generate.py: error: bad LeiKa key {r['leistungsschluessel']!r}")
        leika_by_ozg[r["ozg_id"]].append(r)
    ozg_ids = {o["ozg_id"] for o in ozg}
    services = {}
    for o in ozg:
        services[o["ozg_id"]] = dict(
            ozg_id=o["ozg_id"], name=o["name"], themenfeld=o["themenfeld"],
            lebenslage=o["lebenslage"],
            leika=sorted(leika_by_ozg[o["ozg_id"]], key=lambda r: r["leistungsschluessel"]),
            origin="ozg",
        )

    hand_by_ozg = {}       # ozg_id → path
    hand_extra = []        # hand-written services without a (known) ozg_id
    hand_slug_ozg = {}     # slug → ozg_id
    if V.use_handwritten:
        for p in handwritten_files("services"):
            oid = front_matter_value(p, "ozg_id")
            if oid and oid in ozg_ids:
                if oid in hand_by_ozg:
                    raise SystemExit(f"{p}: error: ozg_id {oid} also used by {hand_by_ozg[oid].name}")
                hand_by_ozg[oid] = p
                hand_slug_ozg[p.stem] = oid
            else:
                if oid:
                    warn(f"{p.name}: ozg_id {oid!r} is not in the catalogue; copied as an extra service")
                hand_extra.append(p)

    # Forms from FIM Stammdatenschemata (spec v2): each schema to one service (FORM_SCHEMAS),
    # some of them services added here (keys "L<LeiKa key>" and "<schema id>").
    schema_of = {}   # service key → schema id
    if not v1:
        xdf_dir, schema_meta, codelists = read_fim(data)
        schema_of = attach_form_schemas(services, leika, hand_by_ozg, xdf_dir, schema_meta,
                                        set(tf_slug), set(ll_slug))

    taken = {p.stem for p in hand_by_ozg.values()} | {p.stem for p in hand_extra}
    base = {oid: V.service_slug(oid, s["name"]) for oid, s in services.items()
            if oid not in hand_by_ozg and s["origin"] == "ozg"}
    base_count = collections.Counter(base.values())
    slug_of = {}
    for oid, s in base.items():
        slug_of[oid] = with_suffix(s, oid) if (base_count[s] > 1 or s in taken) else s
    for oid, p in hand_by_ozg.items():
        slug_of[oid] = p.stem
    for oid, s in services.items():
        if s["origin"] != "ozg":
            slug_of[oid] = V.added_slug(s)
    if len(set(slug_of.values()) | {p.stem for p in hand_extra}) != len(slug_of) + len(hand_extra):
        raise SystemExit("generate.py: error: service slug collision")

    for oid in sorted(services):
        svc = services[oid]
        if oid in hand_by_ozg:
            out.copy(f"services/{slug_of[oid]}.md", hand_by_ozg[oid])
            continue
        added = svc["origin"] != "ozg"
        fm = ["---",
              f"title: {yaml_scalar(svc['name'])}",
              f"summary: {yaml_scalar(V.added_summary(svc) if added else V.summary(svc))}",
              f"topic: {yaml_scalar(tf_slug[svc['themenfeld']])}",
              f"lebenslagen: {yaml_flow_list([ll_slug[svc['lebenslage']]])}"]
        if svc["leika"]:
            fm.append(f"leika: \"{svc['leika'][0]['leistungsschluessel']}\"")
        elif svc.get("leika_key"):
            fm.append(f"leika: \"{svc['leika_key']}\"")
        if svc["ozg_id"]:
            fm.append(f"ozg_id: \"{svc['ozg_id']}\"")
        if oid in schema_of:
            fm.append(f"form_schema: forms/{schema_of[oid]}.xdf.xml")
        fm.append("---")
        out.write(f"services/{slug_of[oid]}.md", "\n".join(fm) + "\n" + (V.added_body(svc) if added else V.body(svc)))
    for p in hand_extra:
        out.copy(f"services/{p.stem}.md", p)
    out.counts["services"] = len(services) + len(hand_extra)
    if schema_of:
        for sid in sorted(schema_of.values()):
            out.copy(f"forms/{sid}.xdf.xml", xdf_dir / f"{sid}.xdf.xml")
        for cl in codelists:
            out.copy(f"forms/codelists/{cl.name}", cl)
        out.counts["forms"] = len(schema_of)
        out.counts["codelists"] = len(codelists)
    if V.use_handwritten and not v1:
        written = set(slug_of.values()) | {p.stem for p in hand_extra}
        for slug, p in handwritten_variants(".ls.md"):
            if slug not in written:
                raise SystemExit(f"{p}: error: no service {slug} for this text in Leichte Sprache")
            out.copy(f"services/{slug}.ls.md", p)
            out.counts["leichte_sprache"] += 1
        # English (issue #17): the hand-written services, the topics and the free pages; site.yml
        # then names both languages.
        for slug, p in handwritten_variants(".en.md"):
            if slug not in written:
                raise SystemExit(f"{p}: error: no service {slug} for this English text")
            out.copy(f"services/{slug}.en.md", p)
            out.counts["english"] += 1
        if out.counts["english"] and (HANDWRITTEN / "topics.en.yml").is_file():
            out.copy("topics.en.yml", HANDWRITTEN / "topics.en.yml")
        if out.counts["english"]:
            for p in sorted((HANDWRITTEN / "pages").glob("*.en.md")):
                out.copy(f"pages/{p.name}", p)
    out.counts["handwritten"] = len(hand_by_ozg) + len(hand_extra)

    # ---- pages ---------------------------------------------------------------------
    if V.use_handwritten:
        pages = handwritten_files("pages")
        for p in pages:
            out.copy(f"pages/{p.name}", p)
        out.counts["pages"] = len(pages)
    else:
        for slug, text in alt_pages().items():
            out.write(f"pages/{slug}.md", text)
        out.counts["pages"] = len(alt_pages())

    # ---- places --------------------------------------------------------------------
    land_prefix = "14" if scope == "sachsen" else None
    kreise = [k for k in kreise_de if land_prefix is None or k["ags"].startswith(land_prefix)]
    gemeinden = [g for g in gemeinden_de if land_prefix is None or g["ags"].startswith(land_prefix)]
    kreis_by_ags = {k["ags"]: k for k in kreise}
    gem_by_kreis = collections.defaultdict(list)
    for g in gemeinden:
        gem_by_kreis[g["ags"][:5]].append(g)
    for k in kreise:
        if not re.fullmatch(r"\d{5}", k["ags"]):
            raise SystemExit(f"generate.py: error: Kreis AGS {k['ags']!r} is not 5 digits")
    for g in gemeinden:
        if not re.fullmatch(r"\d{8}", g["ags"]) or g["kreis_ags"] != g["ags"][:5]:
            raise SystemExit(f"generate.py: error: Gemeinde AGS {g['ags']!r} / Kreis {g['kreis_ags']!r}")
    # kreisfreie Städte: a Kreis whose only Gemeinde is <kreis>000
    kreisfrei = {a for a in kreis_by_ags if [g["ags"] for g in gem_by_kreis[a]] == [a + "000"]}
    for a in kreisfrei:
        if kreis_by_ags[a]["kreistyp"] not in ("Kreisfreie Stadt", "Stadtkreis"):
            warn(f"Kreis {a} has a single Gemeinde {a}000 but kreistyp {kreis_by_ags[a]['kreistyp']!r}")
    lands = {}  # 2-digit AGS → Land name
    for k in kreise_de:
        lands.setdefault(k["ags"][:2], k["land"])
    if land_prefix:
        lands = {land_prefix: lands[land_prefix]}
    no_kreis = sorted(g["ags"] for g in gemeinden if g["ags"][:5] not in kreis_by_ags)
    gemeindefrei = {g["ags"] for g in gemeinden if g["gemeindetyp"].startswith("gemeindefreies Gebiet")}

    def key(s):
        return re.sub(r"[^a-z0-9]", "", slugify(re.split(r"[,/(]", s)[0]))

    # Gemeindeverbände (spec v2): each does the administrative work of its members.
    # A Verwaltungsgemeinschaft's work is done by its erfüllende Gemeinde: the member whose name
    # begins the Verband's name, else the most populous member (sample data: the real one is in
    # the Land's Gemeindeverzeichnis, not in ours). Every other kind (Verwaltungsverband, Amt,
    # Verbandsgemeinde, Samtgemeinde, ...) has an office of its own.
    # Saxony reads verbaende-sachsen.csv; Germany derives the same from gemeinden-de.csv's ARS.
    verbaende = []     # dict(key, name, typ, members, seat)
    verband_of = {}    # member AGS → Verband key
    if not v1:
        gem_by_ags = {g["ags"]: g for g in gemeinden}
        verband_rows = (read_csv(reg_dir / "verbaende-sachsen.csv") if scope == "sachsen"
                        else derived_verbaende(gemeinden))
        for v in verband_rows:
            members = [gem_by_ags[a] for a in v["gemeinden"].split()]
            if any(m["ags"][:5] != v["kreis"] or not v["verband"].startswith(v["kreis"]) for m in members):
                raise SystemExit(f"generate.py: error: Verband {v['verband']} and its members lie in different Kreise")
            vkey = key(v["name"])
            named = [m for m in members if vkey.startswith(key(re.split(r" / |/", m["name"])[0]))]
            seat = named[0] if len(named) == 1 else max(members, key=lambda m: (int(m["einwohner"] or 0), m["ags"]))
            verbaende.append(dict(key=v["verband"], name=verband_name(v["typ"], v["name"]), typ=v["typ"], members=members, seat=seat,
                                  shares_seat=v["typ"] in SEAT_SHARING_VERBAENDE))
            for m in members:
                verband_of[m["ags"]] = v["verband"]

    # regions.csv
    if scope == "sachsen" and v1:
        src = read_csv(reg_dir / "regions-sachsen.csv")
        rows = [(r["ags"], r["name"], r["postal_codes"]) for r in src]
        write_csv(out_root / "regions.csv", ["ags", "name", "postal_codes"], rows)
    elif scope == "sachsen":
        src = read_csv(reg_dir / "regions-sachsen.csv")
        rows = [(r["ags"], r["name"], r["postal_codes"], verband_of.get(r["ags"], "")) for r in src]
        expected = {"14"} | set(kreis_by_ags) | {g["ags"] for g in gemeinden}
        if {r[0] for r in rows} != expected:
            raise SystemExit("generate.py: error: regions-sachsen.csv and gemeinden-de.csv disagree")
        # A Verband's row follows its Kreis' row, before the Kreis' Gemeinden.
        rows += [(v["key"], v["name"], "", "") for v in verbaende]
        rows.sort(key=lambda r: (r[0][:5], len(r[0]) != 2, len(r[0]) == 8, r[0]))
        write_csv(out_root / "regions.csv", ["ags", "name", "postal_codes", "verband"], rows)
    elif v1:
        rows = [(a, n, "") for a, n in lands.items()]
        rows += [(k["ags"], k["bezeichnung"], "") for k in kreise]
        rows += [(g["ags"], g["name"], g["postal_codes"]) for g in gemeinden]
        rows.sort()
        write_csv(out_root / "regions.csv", ["ags", "name", "postal_codes"], rows)
    else:
        rows = [(a, n, "", "") for a, n in lands.items()]
        rows += [(k["ags"], k["bezeichnung"], "", "") for k in kreise]
        rows += [(g["ags"], g["name"], g["postal_codes"], verband_of.get(g["ags"], "")) for g in gemeinden]
        rows += [(v["key"], v["name"], "", "") for v in verbaende]
        rows.sort(key=lambda r: (r[0][:5], len(r[0]) != 2, len(r[0]) == 8, r[0]))
        write_csv(out_root / "regions.csv", ["ags", "name", "postal_codes", "verband"], rows)
    out.counts["regions"] = len(rows)

    # ---- authorities ---------------------------------------------------------------
    gem_by_land_name = collections.defaultdict(list)
    for g in gemeinden_de:
        gem_by_land_name[(g["land"], g["name"])].append(g)

    def plz(g):
        return g["plz_verwaltungssitz"] or g["postal_codes"].split()[0]

    def find_place(name, land):
        c = gem_by_land_name.get((land, name), [])
        if len(c) != 1:
            raise SystemExit(f"generate.py: error: place {name!r} in {land}: {len(c)} matches")
        return c[0]

    def kreis_seat(k):
        sitz = SITZ_ALIASES.get(k["sitz_verwaltung"], k["sitz_verwaltung"])
        want = key(sitz)
        cands = [g for g in gemeinden_de if g["land"] == k["land"] and g["postal_codes"]
                 and key(g["name"]) == want]
        inside = [g for g in cands if g["kreis_ags"] == k["ags"]]
        pick = inside or cands
        if not pick:
            raise SystemExit(f"generate.py: error: seat {k['sitz_verwaltung']!r} of Kreis {k['ags']} not found")
        g = max(pick, key=lambda g: (int(g["einwohner"] or 0), g["ags"]))
        return sitz.split(",")[0].strip(), plz(g)

    authorities = {}  # id → dict(name, street, postal_code, city)

    def add_authority(aid, name, city, postal_code):
        aid = V.authority_id(aid)
        if aid in authorities:
            raise SystemExit(f"generate.py: error: authority id collision {aid}")
        authorities[aid] = dict(name=name, city=city, postal_code=postal_code)
        return aid

    # Land
    land_authority = {}
    for a, land in sorted(lands.items()):
        if scope == "sachsen":
            g = find_place("Chemnitz", "Sachsen")
            land_authority[a] = add_authority("landesdirektion-sachsen", "Landesdirektion Sachsen",
                                              g["name"], plz(g))
        else:
            g = find_place(LAND_CAPITALS[land], land)
            land_authority[a] = add_authority(f"landesverwaltung-{slugify(land)}",
                                              f"Landesverwaltung {land} (Beispiel)", g["name"], plz(g))

    # Kreise and Gemeinden: ids first, then collisions get -<ags> on all involved
    local = []  # (base id, name, city, plz, ags)
    for k in sorted(kreise, key=lambda k: k["ags"]):
        if k["ags"] in kreisfrei:
            g = gem_by_kreis[k["ags"]][0]
            local.append((f"stadtverwaltung-{slugify(g['name'])}", f"Stadtverwaltung {g['name']}",
                          g["name"], plz(g), k["ags"]))
        else:
            prefix_name = KREIS_AUTHORITY[k["kreistyp"]]
            city, pc = kreis_seat(k)
            name = k["name"] if k["name"].startswith(prefix_name + " ") else f"{prefix_name} {k['name']}"
            local.append((slugify(name), name, city, pc, k["ags"]))
    seats = {v["seat"]["ags"] for v in verbaende if v["shares_seat"]}
    gks_names = {(name, kreis) for name, kreis in GROSSE_KREISSTAEDTE_SACHSEN}
    for g in sorted(gemeinden, key=lambda g: g["ags"]):
        if g["ags"][:5] in kreisfrei or g["ags"] in gemeindefrei:
            continue
        # A member of a Gemeindeverband has no administration of its own, unless it is the
        # erfüllende Gemeinde or a Große Kreisstadt (its own Bauaufsicht).
        if g["ags"] in verband_of and g["ags"] not in seats and (g["name"], g["ags"][:5]) not in gks_names:
            continue
        kind = "Stadtverwaltung" if g["gemeindetyp"] in STADT_TYPES else "Gemeindeverwaltung"
        local.append((f"gemeindeverwaltung-{slugify(g['name'])}", f"{kind} {g['name']}",
                      g["name"], plz(g), g["ags"]))
    # A Verband with an office of its own (sample address in its most populous member).
    for v in verbaende:
        if not v["shares_seat"]:
            local.append((slugify(v["name"]), v["name"], v["seat"]["name"], plz(v["seat"]), v["key"]))
    id_count = collections.Counter(x[0] for x in local)
    local_authority = {}  # AGS (5 or 8) → authority id
    collided = []
    for base_id, name, city, pc, ags in local:
        aid = base_id
        if id_count[base_id] > 1:
            aid = with_suffix(base_id, ags)
            collided.append(aid)
        local_authority[ags] = add_authority(aid, name, city, pc)
    for k in kreisfrei:
        local_authority[k + "000"] = local_authority[k]
    # A Verwaltungsgemeinschaft's authority is its erfüllende Gemeinde's administration.
    for v in verbaende:
        if v["shares_seat"]:
            local_authority[v["key"]] = local_authority[v["seat"]["ags"]]

    # Federal (only those used)
    fed_info = {aid: (name, city, land) for aid, name, city, land in FEDERAL_AUTHORITIES}
    for aid, *_ in FEDERAL_RULES:
        assert aid in fed_info, aid
    assert FEDERAL_FALLBACK in fed_info

    def federal_for(svc):
        for aid, ids, words, lagen in FEDERAL_RULES:
            if (svc["ozg_id"] in ids or svc["lebenslage"] in lagen
                    or any(w.lower() in svc["name"].lower() for w in words)):
                return aid
        return FEDERAL_FALLBACK

    federal_authority = {}

    def federal_id(base_id):
        if base_id not in federal_authority:
            name, city, land = fed_info[base_id]
            g = find_place(city, land)
            federal_authority[base_id] = add_authority(base_id, name, g["name"], plz(g))
        return federal_authority[base_id]

    # ---- responsibilities ----------------------------------------------------------
    special = {}
    for slug, default in HANDWRITTEN_IDS.items():
        oid = hand_slug_ozg.get(slug)
        if oid is None:
            if V.use_handwritten:
                warn(f"no hand-written services/{slug}.md with an ozg_id; using OZG id {default}")
            oid = default
        special[slug] = oid
    gemeinde_level = set(GEMEINDE_OVERRIDES) | {special["gewerbe-anmelden"]}
    bau_id = special["baugenehmigung-beantragen"]
    gks = []
    for name, kreis in GROSSE_KREISSTAEDTE_SACHSEN:
        hits = [g for g in gemeinden_de if g["name"] == name and g["kreis_ags"] == kreis]
        if len(hits) != 1:
            raise SystemExit(f"generate.py: error: Große Kreisstadt {name!r} in {kreis}: {len(hits)} matches")
        gks.append(hits[0]["ags"])

    kreis_rows = [(k, local_authority[k]) for k in sorted(kreis_by_ags)]
    gemeinde_rows = []
    for g in sorted(gemeinden, key=lambda g: g["ags"]):
        a = g["ags"]
        if a in verband_of:                         # decided once for the whole Verband, below
            continue
        if a in local_authority:
            gemeinde_rows.append((a, local_authority[a]))
        elif a[:5] in local_authority:            # gemeindefreies Gebiet: the Kreis serves it
            gemeinde_rows.append((a, local_authority[a[:5]]))
        # else: gemeindefreies Gebiet without a Kreis — no rule (gap)
    gemeinde_rows += [(v["key"], local_authority[v["key"]]) for v in verbaende]

    rules = []
    gap_services = []
    level_count = collections.Counter()
    for oid in sorted(services):
        svc = services[oid]
        slug = slug_of[oid]
        if svc["origin"] != "ozg":
            level = svc["level"]  # added for a FIM schema, see attach_form_schemas
        elif oid in gemeinde_level:
            level = "gemeinde"
        elif oid == bau_id:
            level = "kreis"     # catalogue: Typ 4; untere Bauaufsichtsbehörde = Kreis (+ GKS below)
        else:
            level = majority_level(svc["leika"])
        if level is None:
            gap_services.append(slug)
            continue
        level_count[level] += 1
        if level == "bund":
            fid = federal_id(federal_for(svc))
            rules += [(slug, a, fid) for a in sorted(lands)]
        elif level == "land":
            rules += [(slug, a, land_authority[a]) for a in sorted(lands)]
        elif level == "kreis":
            rules += [(slug, a, aid) for a, aid in kreis_rows]
            if oid == bau_id:
                rules += [(slug, a, local_authority[a]) for a in gks if a in local_authority]
        else:
            rules += [(slug, a, aid) for a, aid in gemeinde_rows]
    gap_services += [p.stem for p in hand_extra]
    rules.sort()
    seen = set()
    for s, r, _ in rules:
        if (s, r) in seen:
            raise SystemExit(f"generate.py: error: two rules for {s} at {r}")
        seen.add((s, r))
    write_csv(out_root / "responsibilities.csv", ["service", "region", "authority"], rules)
    out.counts["rules"] = len(rules)
    out.counts["gaps"] = len(gap_services)

    # ---- write authorities -----------------------------------------------------------
    hours = V.opening_hours()
    for aid in sorted(authorities):
        a = authorities[aid]
        text = "\n".join([
            f"name: {yaml_scalar(a['name'])}",
            "address: " + yaml_flow_map([("street", SAMPLE_STREET), ("postal_code", a["postal_code"]),
                                         ("city", a["city"])]),
            f"phone: {yaml_scalar(SAMPLE_PHONE)}",
            f"email: {yaml_scalar(aid + '@example.org')}",
            f"opening_hours: {yaml_flow_list(hours)}",
        ]) + "\n"
        out.write(f"authorities/{aid}.yml", text)
    out.counts["authorities"] = len(authorities)

    # ---- site.yml ------------------------------------------------------------------
    site = V.site(scope)
    lines = [f"title: {yaml_scalar(site['title'])}",
             f"base_url: {yaml_scalar('https://portal.example.de/')}",
             "language: de"]
    if out.counts.get("english"):
        lines.append("languages: [de, en]")
    if scope == "sachsen":
        lines.append('state: "14"')
    lines += [f"description: {yaml_scalar(site['description'])}",
              "contact: " + yaml_flow_map(V.contact())]
    if scope == "sachsen" and variant == "standard" and not v1:
        # The publishing settings of a real portal, so the sample shows (and the tests check) them.
        lines += [
            "# /.well-known/security.txt (RFC 9116): where to report a vulnerability of this portal.",
            "security_txt:",
            '  contact: ["sicherheit@portal.example.de", "https://portal.example.de/impressum/"]',
            "  expires: 2027-06-30",
            "  preferred_languages: [de, en]",
            '# Feedback links: "War diese Seite hilfreich?" on service pages, "Barriere melden" on every page.',
            "feedback:",
            '  service_url: "https://feedback.example.de/bewertung?seite={url}&leistung={leika}"',
            '  accessibility: "barrierefreiheit@portal.example.de"',
            "# The catalogue as open data under /daten/ (JSON with a JSON Schema, CSV).",
            "open_data:",
            '  licence: "Datenlizenz Deutschland – Namensnennung – Version 2.0"',
            '  licence_url: "https://www.govdata.de/dl-de/by-2-0"',
            '  publisher: "Serviceportal Sachsen (Beispielportal)"',
        ]
    out.write("site.yml", "\n".join(lines) + "\n")

    info = dict(levels=level_count, no_kreis=no_kreis, gemeindefrei=len(gemeindefrei),
                collided=collided, kreisfrei=sorted(kreisfrei), gap_services=gap_services)
    return out.counts, info


def alt_pages():
    src = ("Ortsdaten: © Statistisches Bundesamt (Destatis), 2023, Datenlizenz Deutschland – "
           "Namensnennung – Version 2.0; Postleitzahlen: © OpenStreetMap-Mitwirkende, ODbL 1.0. "
           "Leistungen: OZG-Umsetzungskatalog und Leistungskatalog (LeiKa).")
    return {
        "impressum": "---\ntitle: Impressum\n---\n"
                     "Dies ist eine Testvariante ohne echten Betreiber. Kontakt: "
                     "kontakt@test.example.org\n\n## Datenquellen\n\n" + src + "\n",
        "datenschutz": "---\ntitle: Datenschutz\n---\n"
                       "Diese Testvariante speichert keine Eingaben und setzt keine Cookies. "
                       "Formulare sind Attrappen und senden nichts ab.\n",
    }


# ---------------------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate the sample Content/ tree.")
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(REPO / "Content"))
    ap.add_argument("--scope", choices=["sachsen", "de"], default="sachsen")
    ap.add_argument("--variant", choices=["standard", "alt"], default="standard")
    ap.add_argument("--as-v1", action="store_true",
                    help="the tree this script wrote before spec v2: no Gemeindeverbände, no publishing settings in site.yml (for benchmarks that compare with earlier runs)")
    args = ap.parse_args(argv)

    def resolve(p):
        p = Path(p)
        return p if p.is_absolute() else (REPO / p)

    data = resolve(args.data).resolve()
    out = resolve(args.out).resolve()
    if not (data / "ozg" / "ozg-leistungen.csv").is_file():
        print(f"generate.py: error: no OZG data under {data}", file=sys.stderr)
        return 2
    if out.exists():
        if not out.is_dir() or (any(out.iterdir()) and not (out / "site.yml").is_file()):
            print(f"generate.py: error: {out} exists and does not look like a content tree "
                  "(no site.yml); refusing to delete it", file=sys.stderr)
            return 2
    if out == REPO or HANDWRITTEN.resolve().is_relative_to(out) or data.is_relative_to(out):
        print(f"generate.py: error: refusing to write to {out}", file=sys.stderr)
        return 2

    start = time.monotonic()
    tmp = out.parent / f".{out.name}.generate-tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    try:
        counts, info = build(data, tmp, args.scope, args.variant, v1=args.as_v1)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    if info["no_kreis"]:
        warn(f"places without a Kreis (parent is the Land): {', '.join(info['no_kreis'])}")
    took = time.monotonic() - start
    print(f"{args.scope}/{args.variant}: services={counts['services']} "
          f"(hand-written {counts['handwritten']}) authorities={counts['authorities']} "
          f"regions={counts['regions']} rules={counts['rules']} gap_services={counts['gaps']} "
          f"pages={counts['pages']}"
          + (f" forms={counts['forms']} codelists={counts['codelists']}" if counts["forms"] else "")
          + f" -> {out} ({took:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
