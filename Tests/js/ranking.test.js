// Ranking behaviour on the sample content (Content/ and the shipped synonyms), through the same
// index the site gets.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { core, sampleIndex: idx, extractDocs, ROOT } = require("./sample-index.js");
const urls = (q, opts) => core.search(idx(), q, opts).map((r) => r.url);
const first = (q) => urls(q)[0];
const rank = (q, url) => urls(q).indexOf(url) + 1;

test("abbreviations and everyday words", () => {
  assert.equal(first("perso"), "leistungen/personalausweis-beantragen/");
  assert.equal(first("GEZ"), "leistungen/rundfunkbeitrag/");
  assert.equal(first("kita"), "leistungen/kindertagesbetreuung/");
  assert.equal(first("knöllchen"), "leistungen/bussgeldverfahren-und-ordnungswidrigkeiten/");
  assert.equal(first("bab"), "leistungen/berufsausbildungsfoerderung/");
});

test("umlauts typed or not", () => {
  for (const q of ["BAföG", "bafög", "bafoeg", "bafog"]) assert.equal(first(q), "leistungen/bafoeg-beantragen/", q);
  for (const q of ["Sorgeerklärung", "sorgeerklaerung", "sorgeerklarung"]) assert.equal(first(q), "leistungen/sorgeerklaerung/", q);
  assert.equal(first("übernachtungssteuer"), first("uebernachtungssteuer"));
});

test("parts of compounds", () => {
  assert.equal(first("rundfunk"), "leistungen/rundfunkbeitrag/");
  assert.ok(rank("hund", "leistungen/hundesteuer-anmelden/") === 1, urls("hund").slice(0, 3).join(" "));
  assert.ok(rank("zeugnis", "leistungen/fuehrungszeugnis/") > 0 && rank("zeugnis", "leistungen/fuehrungszeugnis/") <= 10);
  assert.ok(rank("ausweis", "leistungen/personalausweis-beantragen/") <= 3);
  assert.equal(first("organspendeausweis"), "leistungen/organ-und-gewebespendeausweis/");
  assert.equal(first("versicherungsnummer"), "leistungen/sozialversicherungsausweis-rentenversicherungsnummer/");
});

test("typos find the service, below an exact match", () => {
  assert.equal(first("personalausweiss"), "leistungen/personalausweis-beantragen/");
  assert.equal(first("kindergelt"), "leistungen/kindergeld-beantragen/");
  assert.equal(first("wohngelt"), "leistungen/wohngeld-beantragen/");
  assert.equal(first("fuhrerschien"), "leistungen/fuehrerschein-beantragen/"); // two edits from 9 letters
  assert.equal(first("insolvensgeld"), "leistungen/insolvenzgeld/");
  const exact = core.search(idx(), "insolvenzgeld")[0].score;
  const typo = core.search(idx(), "insolvensgeld")[0].score;
  assert.ok(typo < exact && typo > 0.3 * exact, `${typo} vs ${exact}`);
  assert.notEqual(urls("wohngelt", { typo1: 0 })[0], "leistungen/wohngeld-beantragen/"); // found as a typo
  assert.deepEqual(urls("hudn"), []); // four letters: no typo tolerance
});

test("prefixes while typing", () => {
  assert.equal(first("personala"), "leistungen/personalausweis-beantragen/");
  assert.equal(first("hundest"), "leistungen/hundesteuer-anmelden/");
  // Only the last word is completed generously: "personala" as a first word is not a term.
  assert.ok(urls("personala ", { prefix: true }).length === 0 || first("personala ") === "leistungen/personalausweis-beantragen/");
});

test("more matched words rank higher", () => {
  const both = core.search(idx(), "hund steuer");
  assert.equal(both[0].url, "leistungen/hundesteuer-anmelden/");
  const only = core.search(idx(), "hund");
  assert.ok(both[0].score > only[0].score);
});

test("a synonym's word found only inside compounds", () => {
  // "Heimtier" (katze = Heimtier) is no index term: the texts only say "EU-Heimtierausweis".
  assert.equal(first("katze"), "leistungen/eu-heimtierausweis/");
  assert.ok(rank("haustier", "leistungen/eu-heimtierausweis/") <= 3, urls("haustier").slice(0, 3).join(" "));
  // The word itself still wins over its synonym.
  assert.equal(first("hund"), "leistungen/hundesteuer-anmelden/");
});

test("synonym words: completions and whole splits, no stem prefixes", () => {
  const doc = (url, title) => ({ url, kind: "service", title, ozg_id: "", themenfeld: "", lebenslagen: [], keywords: [], summary: "", sections: [] });
  const mem = core.indexFromDocs({
    docs: [doc("a/", "Solarthermieanlage"), doc("b/", "Grund und Boden"), doc("c/", "Gründungszuschuss"),
      doc("d/", "Garten"), doc("e/", "Haus"), doc("f/", "Haus mit Garten")],
    synonyms: ["sonne = Solarthermie\nstart = Gründung\nlaube = Gartenhaus\n"],
  });
  const u = (q) => core.search(mem, q).map((r) => r.url);
  assert.deepEqual(u("sonne"), ["a/"]); // completion: solarthermie → solarthermieanlage
  assert.deepEqual(u("start"), ["c/"]); // gründung → gründungszuschuss, not grund (Grund und Boden)
  assert.deepEqual(u("laube"), ["f/"]); // gartenhaus → garten + haus, both or nothing
  assert.deepEqual(u("gartenhaus").slice(0, 1), ["f/"]); // a typed word still takes one part
  assert.equal(u("gartenhaus").length, 3);
});

test("light query words (general verbs, question words) count little", () => {
  // "nehmen" matches the compound part of "Arbeitnehmer"; a topic word outweighs it.
  const find = (q, url) => core.search(idx(), q).find((r) => r.url === url);
  const topic = find("elternzeit nehmen", "leistungen/elterngeld-beantragen/");
  const verb = find("elternzeit nehmen", "leistungen/arbeitnehmerueberlassung/");
  assert.ok(topic && verb && verb.score < 0.1 * topic.score, `${verb && verb.score} vs ${topic && topic.score}`);
  // A query of light words only still finds what they match, in the same order.
  assert.deepEqual(urls("nehmen").slice(0, 5), urls("nehmen", { light: 1 }).slice(0, 5));
  assert.notEqual(rank("hund ausland nehmen", "leistungen/arbeitnehmerueberlassung/"), 3);
});

test("title outranks body", () => {
  // "Arbeitslosengeld" is the title of two services and appears in the text of others.
  assert.deepEqual(urls("arbeitslosengeld").slice(0, 2).sort(), ["leistungen/arbeitslosengeld-ii/", "leistungen/arbeitslosengeld/"]);
});

test("stop words alone find nothing; results are deterministic", () => {
  assert.deepEqual(urls("und oder was"), []);
  assert.deepEqual(urls("antrag"), urls("antrag"));
});

test("shards: missingShards names what search needs", () => {
  const fresh = JSON.parse(JSON.stringify(idx(), (k, v) => v));
  // "hund" also searches its synonym "Heimtier", found as heim + tier: shard t.
  assert.deepEqual(core.missingShards(fresh, "hund steuer"), ["h", "s", "t"]);
  assert.deepEqual(core.search(fresh, "hund steuer").length, 0);
});

test("highlight marks matched words and compounds", () => {
  const r = core.search(idx(), "hund");
  const pieces = core.highlight("Hund zur Hundesteuer anmelden", r.matched);
  assert.equal(pieces.map((p) => p[0]).join(""), "Hund zur Hundesteuer anmelden");
  assert.deepEqual(pieces.filter((p) => p[1]).map((p) => p[0]), ["Hund", "Hundesteuer"]);
});

test("indexFromDocs gives the same ranking as the files", () => {
  const mem = core.indexFromDocs(extractDocs(path.join(ROOT, "Content"), path.join(ROOT, "Templates")));
  for (const q of ["perso", "hund", "sorgeerklaerung", "krankengelt", "haus geerbt was tun"]) {
    assert.deepEqual(core.search(mem, q).map((r) => r.url), urls(q), q);
  }
});
