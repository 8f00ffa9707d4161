#!/usr/bin/env node
// Compute time of the search per keystroke in Node: every prefix of every query of the given
// query files, as typed (the last word open), against a built site's index. Prints the median,
// p95, p99 and maximum in milliseconds (the index is loaded first; each query runs with a warm
// cache of decoded postings, as in the browser after the first keystroke).
//
//   node Tools/search/timing.js SITE_DIR QUERIES.tsv [QUERIES.tsv …]
"use strict";
const fs = require("fs");
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "Templates", "assets", "search-core.js"));
const { loadIndex } = require(path.join(__dirname, "load-index.js"));

const [site, ...files] = process.argv.slice(2);
const dataDir = path.join(site, "data");
const index = loadIndex(path.join(dataDir, fs.readdirSync(dataDir).find((f) => /^suche\.[0-9a-f]+\.json$/.test(f))));
const prefixes = [];
for (const file of files) {
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const q = line.split("\t")[0];
    for (let k = 1; k <= q.length; k++) prefixes.push(q.slice(0, k));
  }
}
core.search(index, "warm up");
const times = prefixes.map((q) => {
  const t0 = process.hrtime.bigint();
  core.search(index, q);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}).sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
console.log(`${times.length} keystrokes: median ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
