#!/usr/bin/env node
// Reference index builder CLI (the Swift build does the same inside `portal build`).
//
//   node Tools/search/build-index.js --docs docs.json --out-dir DIR [--main-name index.json]
//   node Tools/search/build-index.js --content Content --templates Templates --out-dir DIR
//
// With --docs it reads the docs input (Tools/search/docs-input.schema.md); with --content it
// first extracts the docs input from Content/ (Tools/search/extract-docs.js). Writes the main
// index as DIR/<main-name> and the shard files next to it, byte for byte as the Swift port must.
"use strict";
const fs = require("fs");
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "Templates", "assets", "search-core.js"));
const { extractDocs } = require("./extract-docs.js");

function main(args) {
  const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
  const docsPath = opt("--docs", null);
  const input = docsPath
    ? JSON.parse(fs.readFileSync(docsPath, "utf8"))
    : extractDocs(opt("--content", "Content"), opt("--templates", "Templates"));
  const files = core.serializeIndex(core.buildIndex(input));
  const dir = opt("--out-dir", null);
  if (!dir) { process.stderr.write("usage: build-index.js (--docs FILE | --content DIR [--templates DIR]) --out-dir DIR [--main-name NAME]\n"); return 2; }
  fs.mkdirSync(dir, { recursive: true });
  const mainName = opt("--main-name", "index.json");
  fs.writeFileSync(path.join(dir, mainName), files.main);
  for (const [name, text] of files.shards) fs.writeFileSync(path.join(dir, name), text);
  process.stderr.write(`${path.join(dir, mainName)}: ${files.main.length} bytes, ${files.shards.length} shards, ${files.shards.reduce((a, s) => a + s[1].length, 0)} bytes\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
module.exports = { main };
