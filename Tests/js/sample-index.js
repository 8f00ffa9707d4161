// The search index of the sample content (Content/, the shipped synonyms and thesaurus), built by the
// reference builder and read back through its files, as the browser gets them. Shared by the
// ranking tests; built once per test process.
"use strict";
const path = require("path");
const ROOT = path.join(__dirname, "..", "..");
const core = require(path.join(ROOT, "Templates", "assets", "search-core.js"));
const { extractDocs } = require(path.join(ROOT, "Tools", "search", "extract-docs.js"));

let index;
function sampleIndex() {
  if (!index) {
    const files = core.serializeIndex(core.buildIndex(extractDocs(path.join(ROOT, "Content"), path.join(ROOT, "Templates"))));
    index = JSON.parse(files.main);
    const byName = new Map(files.shards);
    for (const [key, name] of Object.entries(index.shards)) core.attachShard(index, key, JSON.parse(byName.get(name)));
    for (const [key, name] of Object.entries(index.thes || {})) core.attachShard(index, "~" + key, JSON.parse(byName.get(name)));
  }
  return index;
}

module.exports = { core, sampleIndex, extractDocs, ROOT };
