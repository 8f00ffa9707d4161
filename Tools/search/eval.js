#!/usr/bin/env node
// Search quality in Node, for quick iteration on the ranking (search-quality.py measures the same
// in Chromium against Pagefind and is the reference for reported figures).
//
//   node Tools/search/eval.js SITE_DIR QUERIES.tsv [-v] [--no-synonyms] [--no-thesaurus | --thesaurus FILE] [--lang en] [--json OUT] [--opt key=value …]
//
// SITE_DIR: a built site (its data/suche.<hash>.json and shards, and leistungen/<slug>/ pages for
// the ozg_id of each result). Query file format: ../shared/queries/README.md. Prints recall@1,
// recall@3, MRR@10 and the zero-result rate, overall and per group; -v lists queries missing rank 1.
// --lang en: the English index (data/suche-en.<hash>.json, spec v2) instead of the German one.
"use strict";
const fs = require("fs");
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "Templates", "assets", "search-core.js"));
const { loadIndex } = require(path.join(__dirname, "load-index.js"));

function main(argv) {
  // --opt key=value (repeatable): a ranking option of search-core.js's DEFAULTS, for tuning.
  const opts = { prefix: false };
  argv.forEach((a, i) => {
    if (a === "--opt") { const [k, v] = argv[i + 1].split("="); opts[k] = JSON.parse(v); }
  });
  const langAt = argv.indexOf("--lang");
  const lang = langAt >= 0 ? argv[langAt + 1] : "de";
  const args = argv.filter((a, i) => !a.startsWith("-") && !["--opt", "--lang", "--thesaurus", "--json"].includes(argv[i - 1]));
  const verbose = argv.includes("-v");
  const jsonAt = argv.indexOf("--json");
  const jsonOut = jsonAt >= 0 ? argv[jsonAt + 1] : null;
  const [site, queriesFile] = args.filter((a) => a !== jsonOut);
  if (!site || !queriesFile) {
    console.error("usage: node Tools/search/eval.js SITE_DIR QUERIES.tsv [-v] [--json OUT]");
    return 2;
  }
  const dataDir = path.join(site, "data");
  const mainName = lang === "de" ? /^suche\.[0-9a-f]+\.json$/ : new RegExp("^suche-" + lang + "\\.[0-9a-f]+\\.json$");
  const main = fs.readdirSync(dataDir).find((f) => mainName.test(f));
  // --no-synonyms: as if the synonym lists were empty (the generalisation check).
  // --no-thesaurus: as if the theme had no thesaurus (its effect on its own).
  const index = loadIndex(path.join(dataDir, main), { noSynonyms: argv.includes("--no-synonyms"), noThesaurus: argv.includes("--no-thesaurus") || argv.includes("--thesaurus") });
  // --thesaurus FILE: the pairs derived from another thesaurus file (search/thesaurus.txt format)
  // instead of the site's, for trying a thesaurus without a build.
  const thesAt = argv.indexOf("--thesaurus");
  if (thesAt >= 0) {
    const pairs = core.deriveThesaurus(fs.readFileSync(argv[thesAt + 1], "utf8"), core.decodeVocab(index.vocab));
    // All pairs at once, under one key: Node loads nothing on demand.
    core.attachShard(index, "~*", pairs);
    console.error(`thesaurus: ${pairs.length} pairs, ${JSON.stringify(pairs).length} bytes`);
  }
  const queries = [];
  let group = "all";
  for (const line of fs.readFileSync(queriesFile, "utf8").split("\n")) {
    const g = /^#\s*---\s*(\S+)/.exec(line);
    if (g) { group = g[1]; continue; }
    if (!line.trim() || line.startsWith("#")) continue;
    const [q, ids] = line.split("\t");
    queries.push({ q, ids: new Set(ids.trim().split("|")), group });
  }
  const stats = {};
  const add = (g, r) => {
    const s = stats[g] || (stats[g] = { n: 0, r1: 0, r3: 0, mrr: 0, zero: 0 });
    s.n++; s.r1 += r.rank === 1; s.r3 += r.rank >= 1 && r.rank <= 3; s.mrr += r.rank >= 1 && r.rank <= 10 ? 1 / r.rank : 0; s.zero += r.zero;
  };
  const misses = [];
  for (const { q, ids, group } of queries) {
    const results = core.search(index, q, opts);
    const ranks = results.map((r) => r.ozg_id);
    const rank = ranks.findIndex((id) => ids.has(id)) + 1;
    const r = { rank, zero: results.length === 0 };
    add("overall", r); add(group, r);
    if (rank !== 1) misses.push(`${group}\t${q}\trank ${rank || "-"}\ttop: ${results.slice(0, 3).map((x) => x.title).join(" | ")}`);
  }
  const fmt = (x) => x.toFixed(3);
  console.log("group                            n    R@1    R@3 MRR@10   zero");
  for (const [g, s] of Object.entries(stats)) {
    console.log(`${g.padEnd(30)} ${String(s.n).padStart(3)}  ${fmt(s.r1 / s.n)}  ${fmt(s.r3 / s.n)}  ${fmt(s.mrr / s.n)}  ${fmt(s.zero / s.n)}`);
  }
  if (verbose) console.log(misses.join("\n"));
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ stats, misses }, null, 2));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
