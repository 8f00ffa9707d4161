// Node helper: reads a main index file and attaches all its shards (from the same folder).
"use strict";
const fs = require("fs");
const path = require("path");
const core = require(path.join(__dirname, "..", "..", "Templates", "assets", "search-core.js"));

// options.noSynonyms: as if the synonym lists were empty.
function loadIndex(mainPath, options) {
  const index = JSON.parse(fs.readFileSync(mainPath, "utf8"));
  if (options && options.noSynonyms) index.syn = [];
  for (const [key, name] of Object.entries(index.shards)) {
    core.attachShard(index, key, JSON.parse(fs.readFileSync(path.join(path.dirname(mainPath), name), "utf8")));
  }
  // options.noThesaurus: as if the theme had no thesaurus.
  if (options && options.noThesaurus) delete index.thes;
  for (const [key, name] of Object.entries(index.thes || {})) {
    core.attachShard(index, "~" + key, JSON.parse(fs.readFileSync(path.join(path.dirname(mainPath), name), "utf8")));
  }
  return index;
}

module.exports = { loadIndex };
