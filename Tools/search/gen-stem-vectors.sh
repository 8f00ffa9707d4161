#!/bin/sh
# Writes Tests/vectors/stemmer-de.tsv: word<TAB>stem as Snowball's C library (libstemmer, the
# "german" algorithm; Debian package libstemmer-dev) stems it. The words are all distinct words of
# the titles, summaries, descriptions, keywords and bodies of Content/**/*.md, lowercased, plus a
# list of tricky words (umlauts, ß, ae/oe/ue spellings, ge- forms, -ern, -heit, -keit, -lich,
# -isch, -nisse, st-endings, u/y between vowels, very short words). Sorted by bytes (LC_ALL=C),
# no duplicates, so the file only changes when the content or the library does.
#
#   sh Tools/search/gen-stem-vectors.sh            (from the repository root)
#
# Needs gcc, python3 and libstemmer-dev.
set -eu
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - Content > "$tmp/words.txt" <<'EOF'
import re, sys, pathlib
root = pathlib.Path(sys.argv[1])
words = set()
letters = re.compile(r"[a-zäöüß]+")
for md in sorted(root.rglob("*.md")):
    text = md.read_text(encoding="utf-8")
    body = text
    m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", text, re.S)
    if m:
        body = text[m.end():]
        for line in m.group(1).splitlines():
            if re.match(r"(title|summary|description|keywords):", line):
                words.update(letters.findall(line.split(":", 1)[1].lower()))
    body = re.sub(r"\]\([^)]*\)", "]", body)          # link targets are not text
    body = re.sub(r"https?://\S+", " ", body)
    words.update(letters.findall(body.lower()))
tricky = """
a ab au aua ei eu ja zu y yy ayu ayuo ä ö ü ß ss über ueber uber öl öle ölen äpfel ärger ärgerlich
aeusserst äußerst äußerung strasse straße straßen groesse größe größer größten gemäß maß maßnahme
maßnahmen weiß heißen fußball grüße muenchen münchen koeln köln duesseldorf goethe haeuser häuser
häusern bäume bäumen buerger bürger bürgerin bürgerinnen buergerin mütter väter kindern wandern
ändern änderung änderungen erinnern erinnerung schwestern eltern gestern lehrerin lehrerinnen
fahrerin fahrerinnen sorgeerklaerung sorgeerklärung staatsangehoerigkeit staatsangehörigkeit
steuer steuern feuer feuerwehr neue neuen treue bauer bauern mauer dauer dauern quelle quellen
poesie aktuell aktuelle individuell bayern mayer kaiser boykott yoga typ typen typisch system
systeme gymnasium gymnasien zyklus zyklen hygiene hygienisch
geerbt gearbeitet gelebt gemeldet angemeldet abgemeldet abgeschleppt gefahren gegangen geboren
gestorben verheiratet geschieden beantragt versteuern versteuert
erst erste ersten herbst kunst dienst dienste diensten gunst lust kosten kostenlos fristen meisten
freiheit gesundheit krankheit sicherheit schönheit schönheiten tätigkeit tätigkeiten
wirklichkeit möglichkeit möglichkeiten notwendigkeit fröhlichkeit heiligkeit ewigkeit
zuständig zuständige zuständigen zuständigkeit zuständigkeiten beständig ständig ständige ledig
lediglich königlich königin könig verbindlich häuslich häuslichen öffentlich öffentliche
öffentlichen politisch politische technisch praktisch kategorisch abendländisch physik musik
republik abend tugend jugend jugendliche lebend spielend leuchtende einigung heiligung
beendigung kündigung bestätigung bescheinigung bescheinigungen genehmigung genehmigungen
ergebnis ergebnisse ergebnissen kenntnis kenntnisse zeugnis zeugnisse zeugnissen verzeichnis
verzeichnisse ausweis ausweise ausweises ausweisen personalausweis reisepass reisepässe pässe
fluss flüsse schloss schlösser kuss küsse muss müssen daß dass aufeinanderfolgende
aufeinanderfolgenden überall übergabe überführung übernachtung übernachtungen übermäßig
öffnung öffnungszeiten üben übung übungen hundesteuer führungszeugnis rundfunkbeitrag bafög
kita perso knöllchen kfz wohnberechtigungsschein
"""
words.update(tricky.split())
for w in sorted(words, key=lambda s: s.encode("utf-8")):
    print(w)
EOF

sh Tools/search/libstemmer-stem.sh german Tests/vectors/stemmer-de.tsv Tools/search/gen-stem-vectors.sh < "$tmp/words.txt"
