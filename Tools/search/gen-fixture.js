#!/usr/bin/env node
// Writes the index fixture the Swift port must reproduce byte for byte:
//   Tests/vectors/search-index/docs.json     docs input (Tools/search/docs-input.schema.md)
//   Tests/vectors/search-index/index.json    main index = serializeIndex(buildIndex(docs.json)).main
//   Tests/vectors/search-index/suche-*.json  its shards, under the names index.json gives them
// The docs are taken from Content/ (services and pages listed below: umlauts, ß, compounds,
// elided compounds, hand-written and generated texts); the synonyms are the shipped list plus a
// small editor file that replaces one entry, removes one and adds one; the thesaurus an excerpt
// of the shipped one.
// Run from the repository root: node Tools/search/gen-fixture.js
"use strict";
const fs = require("fs");
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "Templates", "assets", "search-core.js"));
const { extractDocs } = require("./extract-docs.js");

const SLUGS = [
  "leistungen/arbeitslosengeld/", "leistungen/arbeitslosengeld-ii/", "leistungen/ausschlagung-der-erbschaft/",
  "leistungen/bafoeg-beantragen/", "leistungen/berufsausbildungsfoerderung/",
  "leistungen/bescheinigung-fuer-geringverdiener/", "leistungen/buerger-bzw-volksbegehren-und-entscheid/",
  "leistungen/bussgeldverfahren-und-ordnungswidrigkeiten/", "leistungen/erbschaftsteuer/", "leistungen/erbschein/",
  "leistungen/erklaerung-zur-vaterschafts-mutterschaftsanerkennung/", "leistungen/fahrzeug-zulassen/",
  "leistungen/fuehrungszeugnis/", "leistungen/hundesteuer-anmelden/", "leistungen/insolvenzgeld/",
  "leistungen/kindertagesbetreuung/", "leistungen/kraftfahrzeugkennzeichen/",
  "leistungen/lohnsteueranmeldung-und-abfuehrung/", "leistungen/organ-und-gewebespendeausweis/",
  "leistungen/personalausweis-beantragen/", "leistungen/rundfunkbeitrag/", "leistungen/schuelerbefoerderung/",
  "leistungen/schulaufnahme-und-wechsel/", "leistungen/sorgeerklaerung/",
  "leistungen/sozialversicherungsausweis-rentenversicherungsnummer/", "leistungen/uebernachtungssteuer/",
  "leistungen/wohnsitz-anmelden/", "impressum/",
];

const EDITOR_SYNONYMS = [
  "# Content/synonyms.txt des Beispielportals (Testdaten)",
  "perso = Personalausweis Ausweis",
  "wbs =",
  "fahrradkennzeichen = Kennzeichen",
  "",
].join("\n");

const all = extractDocs("Content", "Templates");
const byUrl = new Map(all.docs.map((d) => [d.url, d]));
const docs = SLUGS.map((u) => {
  if (!byUrl.has(u)) throw new Error(`${u}: not in Content/`);
  return byUrl.get(u);
});
const shipped = fs.readFileSync(path.join("Templates", "search", "synonyms.txt"), "utf8");
// A thesaurus excerpt: the shipped file's header and, for each of these words, the first three
// synsets with an entry holding it (some with known and unknown entries, some with neither).
const THESAURUS_WORDS = ["ausweis", "steuer", "erbe", "auto", "hund", "arbeitslos", "rundfunk", "kurtaxe", "umzug", "kindergarten"];
const thesaurusLines = fs.readFileSync(path.join("Templates", "search", "thesaurus.txt"), "utf8").split("\n");
const picked = new Set();
for (const word of THESAURUS_WORDS) {
  thesaurusLines.filter((l) => !l.startsWith("#") && l.split(";").some((e) => e.split("/")[0].split(" ").includes(word)))
    .slice(0, 3).forEach((l) => picked.add(l));
}
const thesaurus = thesaurusLines.filter((l) => l.startsWith("#")).concat([...picked]).join("\n") + "\n";
const input = { docs, synonyms: [shipped, EDITOR_SYNONYMS], thesaurus };

const dir = path.join("Tests", "vectors", "search-index");
fs.mkdirSync(dir, { recursive: true });
for (const f of fs.readdirSync(dir)) if (/^suche-.*\.json$/.test(f) || f === "index.json") fs.unlinkSync(path.join(dir, f));
fs.writeFileSync(path.join(dir, "docs.json"), JSON.stringify(input, null, 1) + "\n");
const files = core.serializeIndex(core.buildIndex(input));
fs.writeFileSync(path.join(dir, "index.json"), files.main);
for (const [name, text] of files.shards) fs.writeFileSync(path.join(dir, name), text);
console.log(`${dir}: ${docs.length} docs, index.json ${files.main.length} bytes, ${files.shards.length} shards`);
