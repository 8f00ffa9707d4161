// The query analysis of search-core.js against the shared vectors (Tests/vectors/query-analysis.json):
// the bounded Damerau distance, typo candidates, separable verbs joined, -ung derivations. The
// vectors were checked by hand when written; any port of the query side must reproduce them.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const ROOT = path.join(__dirname, "..", "..");
const core = require(path.join(ROOT, "Templates", "assets", "search-core.js"));
const vectors = JSON.parse(fs.readFileSync(path.join(ROOT, "Tests", "vectors", "query-analysis.json"), "utf8"));
const index = { docs: [], lens: [], syn: [], vocab: vectors.vocab };

test("bounded Damerau distance, with an open ending", () => {
  for (const [a, b, max, open, expected] of vectors.editDistance) {
    assert.equal(core.analysis.editDistance(a, b, max, open), expected, `${a} ~ ${b} (max ${max}, open ${open})`);
  }
});

test("typo candidates within the budget of the word's length", () => {
  for (const [w, expected] of vectors.typoMatches) assert.deepEqual(core.analysis.typoMatches(index, w), expected, w);
});

test("separable verb particles join the verb they make an index term with", () => {
  for (const [q, expected] of vectors.separable) assert.deepEqual(core.analysis.joinSeparableVerbs(index, q), expected, q);
});

test("-ung nouns and verb stems meet where the index has both", () => {
  for (const [t, expected] of vectors.derived) assert.deepEqual(core.analysis.derivedForms(index, t), expected, t);
});
