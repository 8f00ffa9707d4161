// The JS Snowball German stemmer must agree with Snowball's C library (libstemmer) on every line
// of Tests/vectors/stemmer-de.tsv (written by Tools/search/gen-stem-vectors.sh).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "Templates", "assets", "search-core.js"));

const ROOT = path.join(__dirname, "..", "..");
const lines = fs.readFileSync(path.join(ROOT, "Tests", "vectors", "stemmer-de.tsv"), "utf8")
  .split("\n").filter((l) => l && !l.startsWith("#"));

test("stemmer vector file is complete", () => {
  assert.ok(lines.length >= 3000, `only ${lines.length} vectors`);
  for (const l of lines) assert.equal(l.split("\t").length, 2, `malformed line: ${l}`);
});

test("stem() equals libstemmer on every vector", () => {
  const wrong = [];
  for (const l of lines) {
    const [word, expected] = l.split("\t");
    const got = core.stem(word);
    if (got !== expected) wrong.push(`${word}: expected ${expected}, got ${got}`);
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${lines.length} words differ`);
});

test("stemmer handles the documented special cases", () => {
  const cases = {
    "kenntnisse": "kenntnis", "häuser": "haus", "straße": "strass", "bürgerinnen": "burgerinn",
    "zuständigkeiten": "zustand", "steuern": "steu", "feuer": "feu", "bayern": "bay", "ab": "ab",
    "möglichkeiten": "moglich", "aufeinanderfolgenden": "aufeinanderfolg", "kategorisch": "kategor",
  };
  for (const [w, s] of Object.entries(cases)) assert.equal(core.stem(w), s, w);
});
