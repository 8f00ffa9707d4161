// Static checks of the search page script and template (the browser behaviour itself is measured
// by Tools/bench/search-quality.py).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const ROOT = path.join(__dirname, "..", "..");
const js = fs.readFileSync(path.join(ROOT, "Templates", "assets", "search.js"), "utf8");
const tpl = fs.readFileSync(path.join(ROOT, "Templates", "layouts", "search.mustache"), "utf8");

test("results are built as DOM nodes, never as HTML from data", () => {
  assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  assert.match(js, /createElement\("mark"\)/);
});

test("template keeps the hooks", () => {
  assert.match(tpl, /id="search-results"/);
  assert.match(tpl, /<ol id="search-results"/);
  assert.match(tpl, /id="suche-status"[^>]*role="status"/);
  assert.match(tpl, /data-search-index="\{\{data\.search\}\}"/);
  assert.ok(tpl.indexOf("assets.search_core_js") < tpl.indexOf("assets.search_js"), "core loads first");
});

test("no request leaves the origin", () => {
  assert.doesNotMatch(js, /https?:\/\//);
});
