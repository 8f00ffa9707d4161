// The index builder: buildIndex(docs.json) serialised must equal the fixture byte for byte (the
// Swift port is held to the same files), plus the pieces of the format.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "Templates", "assets", "search-core.js"));

const DIR = path.join(__dirname, "..", "vectors", "search-index");

function firstDiff(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 40), i + 40)}… vs …${b.slice(Math.max(0, i - 40), i + 40)}…`;
}

test("buildIndex(docs.json) equals the fixture files", () => {
  const input = JSON.parse(fs.readFileSync(path.join(DIR, "docs.json"), "utf8"));
  const files = core.serializeIndex(core.buildIndex(input));
  const main = fs.readFileSync(path.join(DIR, "index.json"), "utf8");
  assert.ok(files.main === main, "index.json differs " + firstDiff(files.main, main));
  const onDisk = fs.readdirSync(DIR).filter((f) => f.startsWith("suche-")).sort();
  assert.deepEqual(files.shards.map((s) => s[0]).sort(), onDisk);
  for (const [name, text] of files.shards) {
    const want = fs.readFileSync(path.join(DIR, name), "utf8");
    assert.ok(text === want, `${name} differs ` + firstDiff(text, want));
  }
});

test("fixture covers compounds, elided compounds and synonyms", () => {
  const main = JSON.parse(fs.readFileSync(path.join(DIR, "index.json"), "utf8"));
  const vocab = core.decodeVocab(main.vocab);
  for (const t of ["hundesteu", "hund", "steu", "schulwechsel", "lohnsteuerabfuhr", "volksentscheid", "personalausweis"]) {
    assert.ok(vocab.includes(t), t);
  }
  const syn = new Map(main.syn);
  assert.equal(syn.get("perso"), "Personalausweis Ausweis"); // replaced by the editor file
  assert.equal(syn.has("wbs"), false); // removed by the editor file
  assert.equal(syn.get("fahrradkennzeichen"), "Kennzeichen"); // added
  const keys = main.syn.map((e) => e[0]);
  assert.deepEqual(keys, keys.slice().sort());
});

test("postings: delta-coded doc numbers and packed field codes", () => {
  const input = {
    docs: [
      { url: "a/", kind: "service", title: "Hundesteuer", themenfeld: "Steuern", lebenslagen: [], keywords: [], summary: "", ozg_id: "1", sections: [] },
      { url: "b/", kind: "service", title: "Hund", themenfeld: "", lebenslagen: [], keywords: ["Steuer"], summary: "", ozg_id: "2", sections: [{ title: "Beschreibung", text: "Hund Hund Hund Hund Hund" }] },
      { url: "c/", kind: "page", title: "Impressum", themenfeld: "", lebenslagen: [], keywords: [], summary: "", ozg_id: "", sections: [{ title: "Rechtsgrundlage", text: "Hund" }] },
    ],
    synonyms: [],
  };
  const built = core.buildIndex(input);
  const shard = Object.fromEntries(built.shards.find((s) => s[0] === "h")[1]);
  // hund: doc 0 title as compound part (1 → 1·4096), doc 1 title whole (2·4096) + body 5× (10 → 7)
  assert.deepEqual(shard.hund, [0, 4096, 1, 2 * 4096 + 7]);
  assert.deepEqual(shard.hundesteu, [0, 2 * 4096]);
  const s = Object.fromEntries(built.shards.find((x) => x[0] === "s")[1]);
  // steu: doc 0 title part + context whole, doc 1 keywords whole
  assert.deepEqual(s.steu, [0, 4096 + 2 * 8, 1, 2 * 512]);
  assert.deepEqual(built.main.lens, [[1, 0, 0, 1, 0], [1, 1, 0, 0, 5], [1, 0, 0, 0, 0]]);
  assert.equal(built.main.docs[2][5], "page");
});

test("vocabulary front coding round-trips", () => {
  const v = ["ab", "abbau", "abbaugenehm", "b1", "b12", "zz"];
  assert.equal(core.encodeVocab(v), "AabCbauFgenehmAb1Cb2Azz".replace("Cb2", "C2"));
  assert.deepEqual(core.decodeVocab(core.encodeVocab(v)), v);
});

test("FNV-1a 64 matches AssetNames.hash", () => {
  assert.equal(core.fnv1a64(""), "cbf29ce484222325");
  assert.equal(core.fnv1a64("a"), "af63dc4c8601ec8c");
  assert.equal(core.fnv1a64("ä"), core.fnv1a64("\u00e4"));
});

test("compound parts and Ergänzungsstrich", () => {
  const known = (s) => ["hund", "steu", "personal", "ausweis", "geweb", "organ", "schul", "aufnahm", "wechsel"].includes(s);
  assert.deepEqual(core.compoundTerms("hundesteuer", known), ["hund", "steu"]);
  assert.deepEqual(core.compoundTerms("personalausweis", known), ["ausweis", "personal"]);
  assert.deepEqual(core.ellipsisWords("Organ- und Gewebespendeausweis", known), ["organspendeausweis"]);
  assert.deepEqual(core.ellipsisWords("Schulaufnahme und -wechsel", known), ["schulwechsel"]);
  assert.deepEqual(core.ellipsisWords("E-Mail und Post", known), []);
});

test("synonym files: later files replace, empty right side removes", () => {
  const merged = core.mergeSynonyms(["# Kommentar\nKita = Kindertagesbetreuung\nGEZ = Rundfunkbeitrag\nohne gleich\n", "kita = Krippe\ngez =\n"]);
  assert.deepEqual(merged, [["kita", "Krippe"]]);
});

test("buildIndex of the English docs (lang en) equals the English fixture files", () => {
  const dir = path.join(__dirname, "..", "vectors", "search-index-en");
  const input = JSON.parse(fs.readFileSync(path.join(dir, "docs.json"), "utf8"));
  const files = core.serializeIndex(core.buildIndex(input));
  const main = fs.readFileSync(path.join(dir, "index.json"), "utf8");
  assert.ok(files.main.startsWith('{"v":2,"lang":"en",'));
  assert.ok(files.main === main, "index.json differs " + firstDiff(files.main, main));
  const onDisk = fs.readdirSync(dir).filter((f) => f.startsWith("suche-en-")).sort();
  assert.ok(onDisk.length > 0);
  assert.deepEqual(files.shards.map((s) => s[0]).sort(), onDisk);
  for (const [name, text] of files.shards) assert.ok(text === fs.readFileSync(path.join(dir, name), "utf8"), name);
});

test("an English index searches in English, and a German one after it in German", () => {
  const dir = path.join(__dirname, "..", "vectors", "search-index-en");
  // Before any English index: German folding ("ue" after a consonant is ü).
  assert.equal(core.fold("blue"), "blu");
  const en = core.indexFromDocs(JSON.parse(fs.readFileSync(path.join(dir, "docs.json"), "utf8")));
  const titles = (index, q) => core.search(index, q).map((r) => r.title);
  // English stems ("licences" → licenc, "registering" → regist), a typo, and a German-only title.
  assert.match(titles(en, "driving licences")[0], /driving licence/i);
  assert.match(titles(en, "registering my address")[0], /address/i);
  assert.match(titles(en, "chlid benefit")[0], /Kindergeld/);
  assert.match(titles(en, "führungszeugnis")[0], /Führungszeugnis/);
  // The language is the index's: "blue" stays "blue" while the English index is in use.
  core.search(en, "blue");
  assert.equal(core.fold("blue"), "blue");
  const de = core.indexFromDocs(JSON.parse(fs.readFileSync(path.join(DIR, "docs.json"), "utf8")));
  assert.match(titles(de, "hundesteuer")[0], /Hundesteuer/);
  assert.equal(core.fold("blue"), "blu");
});
