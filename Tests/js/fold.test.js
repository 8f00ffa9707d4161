// Folding and tokens: hand-written expectations for the rules, and the reference vectors
// Tests/vectors/fold-de.tsv (written by Tools/search/gen-fold-vectors.js) that the Swift port
// must reproduce.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "Templates", "assets", "search-core.js"));

const ROOT = path.join(__dirname, "..", "..");

test("umlauts and their transcriptions fold alike", () => {
  const same = [
    ["Sorgeerklärung", "Sorgeerklaerung", "sorgeerklarung"],
    ["Bürgerbegehren", "Buergerbegehren", "burgerbegehren"],
    ["Übernachtungssteuer", "Uebernachtungssteuer", "ubernachtungssteuer"],
    ["Häuser", "Haeuser", "hauser"],
    ["Bäuerin", "Baeuerin", "bauerin"],
    ["Straße", "Strasse", "strasse"],
    ["Öffentliche", "Oeffentliche", "offentliche"],
    ["Zoë", "zoe", "zo"],
  ];
  for (const [a, b, expected] of same) {
    assert.equal(core.fold(a), expected, a);
    assert.equal(core.fold(b), expected, b);
  }
});

test("ae/oe/ue after a vowel or qu is kept", () => {
  for (const w of ["steuer", "feuer", "neue", "treue", "bauer", "mauer", "quelle", "abenteuer", "yuen"]) {
    assert.equal(core.fold(w), w);
  }
  assert.equal(core.fold("Poesie"), "posie"); // folded, but the same on both sides
});

test("diacritics and special letters", () => {
  assert.equal(core.fold("Café Crème"), "cafe creme");
  assert.equal(core.fold("e\u0301"), "e");
  assert.equal(core.fold("A\u0308rger"), "arger");
  assert.equal(core.fold("Łódź Søren Æsop"), "lodz soren asop");
  assert.equal(core.fold("ẞ"), "ss");
});

test("tokens: [a-z0-9] runs of two or more characters with a letter", () => {
  assert.deepEqual(core.tokenize("Schüler-BAföG, § 45b SGB XI; D-Visum 99013001000000"),
    ["schuler", "bafog", "45b", "sgb", "xi", "visum"]);
  assert.deepEqual(core.tokenize(""), []);
});

test("terms drop stop words and stem", () => {
  assert.deepEqual(core.terms("Was muss ich tun, wenn ich schwanger bin?"), ["schwang"]);
  assert.deepEqual(core.terms("Hund zur Hundesteuer anmelden"), ["hund", "hundesteu", "anmeld"]);
});

test("fold vectors", () => {
  const lines = fs.readFileSync(path.join(ROOT, "Tests", "vectors", "fold-de.tsv"), "utf8")
    .split("\n").filter((l) => l && !l.startsWith("#"));
  assert.ok(lines.length >= 500, `only ${lines.length} vectors`);
  const wrong = [];
  for (const l of lines) {
    const [input, folded, tokens, terms] = l.split("\t");
    const got = [core.fold(input), core.tokenize(input).join(" "), core.terms(input).join(" ")];
    if (got[0] !== folded || got[1] !== tokens || got[2] !== terms) wrong.push(`${input}: ${JSON.stringify(got)}`);
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} lines differ`);
});
