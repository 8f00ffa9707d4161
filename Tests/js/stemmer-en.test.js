// The JS Snowball English (Porter2) stemmer must agree with Snowball's C library (libstemmer) on
// every line of Tests/vectors/stemmer-en.tsv (written by Tools/search/gen-stem-vectors-en.sh).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "Templates", "assets", "search-core.js"));

const ROOT = path.join(__dirname, "..", "..");
const lines = fs.readFileSync(path.join(ROOT, "Tests", "vectors", "stemmer-en.tsv"), "utf8")
  .split("\n").filter((l) => l && !l.startsWith("#"));

test("English stemmer vector file is complete", () => {
  assert.ok(lines.length >= 1000, `only ${lines.length} vectors`);
  for (const l of lines) assert.equal(l.split("\t").length, 2, `malformed line: ${l}`);
});

test("stemEnglish() equals libstemmer on every vector", () => {
  const wrong = [];
  for (const l of lines) {
    const [word, expected] = l.split("\t");
    const got = core.stemEnglish(word);
    if (got !== expected) wrong.push(`${word}: expected ${expected}, got ${got}`);
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${lines.length} words differ`);
});

test("English stemmer handles the documented special cases", () => {
  const cases = {
    // exceptions (whole words) and words left alone after step 1a
    "skies": "sky", "dying": "die", "only": "onli", "news": "news", "innings": "inning", "proceeds": "proceed",
    // gener-/commun- prefixes keep R1 from starting too early
    "generously": "generous", "communities": "communiti",
    // y after a vowel is a consonant; a final y after a consonant (not the first letter) becomes i
    "saying": "say", "enjoyed": "enjoy", "cries": "cri", "by": "by",
    // 's and plurals: ties → tie but cries → cri; gas keeps its s
    "children's": "children", "citizens'": "citizen", "ties": "tie", "gas": "gas",
    // step 1b: short words get their e back, doubled consonants are undoubled
    "hoping": "hope", "hopping": "hop", "filing": "file", "filling": "fill", "luxuriated": "luxuri",
    // steps 2–5 and words the portal cares about
    "naturalisation": "naturalis", "registration": "registr", "residence": "resid", "allowance": "allow",
    "licences": "licenc", "license": "licens", "applying": "appli", "a": "a", "is": "is",
  };
  for (const [w, s] of Object.entries(cases)) assert.equal(core.stemEnglish(w), s, w);
  // "constructor" and friends are words, not keys of Object.prototype
  assert.equal(core.stemEnglish("constructor"), "constructor");
});
