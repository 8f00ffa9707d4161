// The search thesaurus (#19): synsets of OpenThesaurus narrowed to the index's vocabulary at build
// time, loaded by the search page per first letter, and used for a query word the index does not
// know. The derivation shares its vectors with the Swift builder (Tests/vectors/thesaurus.json).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const { core, sampleIndex: idx, ROOT } = require("./sample-index.js");
const search = (q, opts) => core.search(idx(), q, Object.assign({ prefix: false }, opts));
const scoreOf = (q, url, opts) => (search(q, opts).find((r) => r.url === url) || { score: 0 }).score;

test("deriveThesaurus equals the shared vectors", () => {
  const v = JSON.parse(fs.readFileSync(path.join(ROOT, "Tests", "vectors", "thesaurus.json"), "utf8"));
  assert.deepEqual(core.deriveThesaurus(v.text, v.vocab), v.pairs);
});

test("the shipped thesaurus file is folded and stemmed as the search does it today", () => {
  // Tools/search/thesaurus.js wrote it; a change to the stop words or the stemmer must make it
  // again, or the build would compare stale stems with the index's terms. (Its words are folded
  // once; folding is not idempotent, so they are not folded again here.)
  const lines = fs.readFileSync(path.join(ROOT, "Templates", "search", "thesaurus.txt"), "utf8").split("\n");
  let entries = 0;
  for (const line of lines) {
    if (!line || line.startsWith("#")) continue;
    const list = line.split(";");
    assert.ok(list.length >= 2, line);
    for (const entry of list) {
      const [words, stems] = entry.split("/");
      const tokens = words.split(" ");
      assert.ok(tokens.every((w) => /^[a-z0-9]*[a-z][a-z0-9]*$/.test(w) && w.length >= 2 && !core.isStopword(w)), entry);
      assert.equal(tokens.map(core.stem).join(" "), stems, entry);
      entries++;
    }
  }
  assert.ok(entries > 70000, `${entries} entries`);
});

test("a word the index does not know finds the services of its synset's known words, below them", () => {
  // "Kurtaxe" and "Bufdi" are in no text of the sample; OpenThesaurus puts them with "Kurabgabe"
  // and "Bundesfreiwilligendienst".
  assert.equal(search("kurtaxe")[0].url, "leistungen/kurabgabe/");
  assert.equal(search("bufdi")[0].url, "leistungen/bundesfreiwilligendienst/");
  assert.equal(search("kurtaxe", { thesaurus: 0 }).length, 0);
  assert.equal(search("bufdi", { thesaurus: 0 }).length, 0);
  const url = "leistungen/kurabgabe/";
  assert.ok(scoreOf("kurtaxe", url) < scoreOf("kurabgabe", url));
});

test("a one-word entry is not used for a word that matched otherwise", () => {
  // "Pkw" is in the thesaurus (with "Auto", a word of the index), but the synonym list has it;
  // "wagen" has a synset with "Auto" too, and the index knows "wagen" itself (Kraftwagen…).
  const pairs = new Map(core.deriveThesaurus(fs.readFileSync(path.join(ROOT, "Templates", "search", "thesaurus.txt"), "utf8"), core.decodeVocab(idx().vocab)));
  const known = [...pairs.keys()].filter((k) => !k.includes(" ") && search(k, { thesaurus: 0 }).length > 0);
  assert.ok(known.length > 0);
  for (const k of known.slice(0, 50)) {
    assert.deepEqual(search(k).map((r) => r.url), search(k, { thesaurus: 0 }).map((r) => r.url), k);
  }
});

test("the page loads the thesaurus shard of an unknown word, then the shards its words need", () => {
  const built = core.serializeIndex(core.buildIndex(Object.assign(require(path.join(ROOT, "Tools", "search", "extract-docs.js")).extractDocs(path.join(ROOT, "Content"), path.join(ROOT, "Templates")))));
  const index = JSON.parse(built.main);
  const files = new Map(built.shards);
  const load = (key) => core.attachShard(index, key, JSON.parse(files.get(core.shardFile(index, key))));
  assert.deepEqual(core.missingShards(index, "bufdi"), ["~b"]);
  load("~b");
  assert.deepEqual(core.missingShards(index, "bufdi"), ["b"]); // bundesfreiwilligendienst
  load("b");
  assert.deepEqual(core.missingShards(index, "bufdi"), []);
  assert.equal(core.search(index, "bufdi")[0].url, "leistungen/bundesfreiwilligendienst/");
  // A known word needs no thesaurus shard.
  assert.ok(!core.missingShards(index, "hundesteuer").some((k) => k.startsWith("~")));
});

test("a word that matched nothing may be a misspelt synonym or thesaurus word", () => {
  // "wafenschein": one letter dropped from the synonym list's "waffenschein" (= Waffenerlaubnis …);
  // "kurtaxxe": one doubled in the thesaurus's "kurtaxe" (→ Kurabgabe). Both within the budget of
  // their length; without typo factors they find nothing.
  assert.equal(search("wafenschein")[0].url, "leistungen/waffenerlaubnis/");
  assert.equal(search("wafenschein", { typo1: 0 }).length, 0);
  assert.equal(search("kurtaxxe")[0].url, "leistungen/kurabgabe/");
  assert.equal(search("kurtaxxe", { typo1: 0 }).length, 0);
  // Below the correctly spelt word.
  assert.ok(scoreOf("wafenschein", "leistungen/waffenerlaubnis/") < scoreOf("waffenschein", "leistungen/waffenerlaubnis/"));
});
