#!/usr/bin/env node
// Stand-in for the Swift side until `portal build` writes the docs input itself: reads Content/
// (services/*.md, pages/*.md, topics.yml) and prints the docs input of
// Tools/search/docs-input.schema.md as JSON. Handles the front matter the sample content uses
// (plain, double-quoted and [flow, list] values); Markdown is reduced to plain text.
//
//   node Tools/search/extract-docs.js [--content Content] [--templates Templates] [--out FILE]
"use strict";
const fs = require("fs");
const path = require("path");

function unquote(v) {
  v = v.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) {
    return v.slice(1, -1).replace(/\\(["\\nt])/g, (m, c) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
  }
  if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

function splitFlow(inner) {
  const out = [];
  let cur = "", q = null;
  for (const ch of inner) {
    if (q) { cur += ch; if (ch === q) q = null; continue; }
    if (ch === '"' || ch === "'") { q = ch; cur += ch; continue; }
    if (ch === ",") { out.push(cur); cur = ""; continue; }
    cur += ch;
  }
  if (cur.trim() !== "") out.push(cur);
  return out.map(unquote).filter((s) => s !== "");
}

function value(v) {
  v = v.trim();
  if (v.startsWith("[") && v.endsWith("]")) return splitFlow(v.slice(1, -1));
  return unquote(v);
}

/** Top-level `key: value` pairs of a front matter block (nested blocks are skipped). */
function frontMatter(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta = {};
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^([A-Za-z_][A-Za-z0-9_]*):\s?(.*)$/.exec(line);
    if (kv && kv[2].trim() !== "") meta[kv[1]] = value(kv[2]);
  }
  return { meta, body: text.slice(m[0].length) };
}

/** Markdown → plain text, roughly what the Swift build's Section.text holds. */
function plain(md) {
  return md
    .replace(/<[^>]+>/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/^\s{0,3}(#{1,6}|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/[*_`>|]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Body sections: the text before the first H2 ("Beschreibung"), then one per H2. */
function sections(body) {
  const out = [];
  let title = "Beschreibung", buf = [];
  const flush = () => {
    const text = plain(buf.join("\n"));
    if (text !== "") out.push({ title, text });
  };
  for (const line of body.split(/\r?\n/)) {
    const h = /^##\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) { flush(); title = plain(h[1]); buf = []; } else buf.push(line);
  }
  flush();
  return out;
}

/** `- {slug: x, title: "Y", ...}` entries of topics.yml, per list name. */
function topics(text) {
  const lists = {};
  let cur = null;
  for (const line of text.split(/\r?\n/)) {
    const head = /^([a-z_]+):\s*$/.exec(line);
    if (head) { cur = lists[head[1]] = {}; continue; }
    const item = /^\s*-\s*\{(.*)\}\s*$/.exec(line);
    if (item && cur) {
      const fields = {};
      for (const part of splitFlowMap(item[1])) {
        const i = part.indexOf(":");
        if (i > 0) fields[part.slice(0, i).trim()] = unquote(part.slice(i + 1));
      }
      if (fields.slug) cur[fields.slug] = fields.title || fields.slug;
    }
  }
  return lists;
}

function splitFlowMap(inner) {
  const out = [];
  let cur = "", q = null;
  for (const ch of inner) {
    if (q) { cur += ch; if (ch === q) q = null; continue; }
    if (ch === '"') { q = ch; cur += ch; continue; }
    if (ch === ",") { out.push(cur); cur = ""; continue; }
    cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

function readSorted(dir) {
  if (!fs.existsSync(dir)) return [];
  // A service's text in Leichte Sprache or translation (<slug>.ls.md, <slug>.en.md) is no service.
  return fs.readdirSync(dir).filter((n) => n.endsWith(".md") && !/\.(ls|en)\.md$/.test(n)).sort();
}

function extractDocs(contentDir, templatesDir) {
  const t = topics(fs.readFileSync(path.join(contentDir, "topics.yml"), "utf8"));
  const themenfelder = t.themenfelder || {}, lebenslagen = t.lebenslagen || {};
  const docs = [];
  for (const name of readSorted(path.join(contentDir, "services"))) {
    const slug = name.slice(0, -3);
    const { meta, body } = frontMatter(fs.readFileSync(path.join(contentDir, "services", name), "utf8"));
    const lls = Array.isArray(meta.lebenslagen) ? meta.lebenslagen : meta.lebenslagen ? [meta.lebenslagen] : [];
    docs.push({
      url: `leistungen/${slug}/`,
      kind: "service",
      title: meta.title || slug,
      ozg_id: meta.ozg_id || "",
      themenfeld: themenfelder[meta.topic] || "",
      lebenslagen: lls.map((s) => lebenslagen[s]).filter(Boolean),
      keywords: Array.isArray(meta.keywords) ? meta.keywords : meta.keywords ? [meta.keywords] : [],
      summary: meta.summary || "",
      sections: sections(body),
    });
  }
  for (const name of readSorted(path.join(contentDir, "pages"))) {
    const slug = name.slice(0, -3);
    const { meta, body } = frontMatter(fs.readFileSync(path.join(contentDir, "pages", name), "utf8"));
    docs.push({
      url: `${slug}/`,
      kind: "page",
      title: meta.title || slug,
      ozg_id: "",
      themenfeld: "",
      lebenslagen: [],
      keywords: [],
      summary: meta.description || "",
      sections: sections(body),
    });
  }
  const synonyms = [];
  for (const file of [path.join(templatesDir, "search", "synonyms.txt"), path.join(contentDir, "synonyms.txt")]) {
    if (fs.existsSync(file)) synonyms.push(fs.readFileSync(file, "utf8"));
  }
  const thesaurusFile = path.join(templatesDir, "search", "thesaurus.txt");
  const thesaurus = fs.existsSync(thesaurusFile) ? fs.readFileSync(thesaurusFile, "utf8") : undefined;
  return { docs, synonyms, thesaurus };
}

module.exports = { extractDocs, frontMatter, sections, plain };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
  const input = extractDocs(opt("--content", "Content"), opt("--templates", "Templates"));
  const json = JSON.stringify(input, null, 1) + "\n";
  const out = opt("--out", null);
  if (out) fs.writeFileSync(out, json); else process.stdout.write(json);
}
