#!/usr/bin/env node
// Makes the theme's search thesaurus (Templates/search/thesaurus.txt) from OpenThesaurus's text
// file (Debian package openthesaurus-de-text: /usr/share/openthesaurus-de/openthesaurus.txt,
// LGPL 2.1): one synset a line, its entries folded, without stop words, each with its stems, in
// the form `portal build` reads (docs/search.md, "Thesaurus"):
//
//   entry;entry;…      entry = words/stems, words and stems separated by spaces
//
// An entry loses its parenthesised notes ("(ugs.)"); entries with "...", other punctuation or
// more than two words are left out (phrases and word parts, not what citizens type), and so are
// entries whose last word is not capitalised (verbs, adjectives) and synsets left with fewer than
// two entries.
//
//   node Tools/search/thesaurus.js [--all] [OPENTHESAURUS.txt] > Templates/search/thesaurus.txt
"use strict";
const fs = require("fs");
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "Templates", "assets", "search-core.js"));

const MAX_WORDS = 2;
// Nouns only (OpenThesaurus writes them capitalised): services are named by things, and the
// synsets of verbs and adjectives ("einfach", "gut", "gehen") were most of the pairs and most of
// the noise (#19: 20,598 pairs on the sample with them, 9,082 without; --all keeps them).
const NOUNS = !process.argv.includes("--all");

/** The entries of one synset line, as {words, stems}, each entry once. */
function entries(line) {
  const out = [], seen = new Set();
  for (const raw of line.split(";")) {
    const text = raw.replace(/\([^)]*\)/g, " ").replace(/\s+/g, " ").trim();
    if (!text || /\.\.\.|…|[^\p{L} -]/u.test(text)) continue;
    if (NOUNS && !/^\p{Lu}/u.test(text.split(" ").pop())) continue; // "gelbe Tonne" is a noun too
    const words = core.tokenize(text).filter((w) => !core.isStopword(w));
    if (!words.length || words.length > MAX_WORDS || seen.has(words.join(" "))) continue;
    seen.add(words.join(" "));
    out.push(words.join(" ") + "/" + words.map(core.stem).join(" "));
  }
  return out;
}

function main(file) {
  const text = fs.readFileSync(file, "utf8");
  const lines = [
    "# Thesaurus der Suche: Synonymgruppen aus OpenThesaurus (https://www.openthesaurus.de),",
    "# Copyright (C) 2003-2014 Daniel Naber, GNU Lesser General Public License 2.1 oder später.",
    "# Gemacht mit Tools/search/thesaurus.js aus " + path.basename(file) + " (" + (/^# Automatically generated (.*)$/m.exec(text) || [, "?"])[1] + ").",
    "# Je Zeile eine Gruppe: Einträge durch „;“ getrennt, jeder als „Wörter/Stämme“ (gefaltet, ohne Stoppwörter).",
    "# Nur Substantive" + (NOUNS ? "" : " und alle anderen Wörter") + "; Lizenztext: docs/licenses/OpenThesaurus-LGPL-2.1.txt.",
  ];
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (!line.trim() || line.startsWith("#")) continue;
    const e = entries(line);
    if (e.length >= 2) lines.push(e.join(";"));
  }
  process.stdout.write(lines.join("\n") + "\n");
}

main(process.argv.slice(2).filter((a) => !a.startsWith("--"))[0] || "/usr/share/openthesaurus-de/openthesaurus.txt");
