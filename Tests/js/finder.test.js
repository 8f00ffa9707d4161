// The browser's resolver and place matching (Templates/assets/finder.js), checked against the
// vectors that swift test also runs, so the two resolvers cannot drift apart.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const fs = require("node:fs");
const finder = require(path.join(__dirname, "../../Templates/assets/finder.js"));

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "../vectors/responsibility.json"), "utf8"));

test("resolution vectors (Gemeinde, Gemeindeverband, longest prefix)", () => {
  assert.ok(vectors.cases.some((c) => c.verband), "the vectors cover Gemeindeverbände");
  for (const c of vectors.cases) {
    const got = finder.resolve(vectors.rules[c.service] || {}, c.ags, c.verband);
    if (c.expected === null) assert.strictEqual(got, null, JSON.stringify(c));
    else assert.deepStrictEqual(got, { authority: c.expected, region: c.region }, JSON.stringify(c));
  }
});

test("place matching: names, Kreise and postal codes", () => {
  const places = finder.preparePlaces({
    k: { "14713": "Leipzig", "14729": "Landkreis Leipzig", "14625": "Landkreis Bautzen", "14524": "Landkreis Zwickau" },
    p: [["14713000", "Leipzig", "04103 04105"], ["14729140", "Borsdorf", "04451"], ["14625030", "Bernsdorf", "02994"],
        ["14524020", "Bernsdorf", "09337"], ["14729300", "Markkleeberg", "04416"]]
  });
  const leipzig = finder.matchPlaces(places, "leipzig").map((m) => m.label);
  assert.deepStrictEqual(leipzig, ["Leipzig (kreisfreie Stadt)", "Borsdorf (Landkreis Leipzig)", "Markkleeberg (Landkreis Leipzig)"]);
  assert.deepStrictEqual(finder.matchPlaces(places, "Bernsdorf").map((m) => m.label), ["Bernsdorf (Landkreis Bautzen)", "Bernsdorf (Landkreis Zwickau)"]);
  assert.deepStrictEqual(finder.matchPlaces(places, "044").map((m) => m.place.name), ["Borsdorf", "Markkleeberg"]);
  assert.deepStrictEqual(finder.matchPlaces(places, "l"), [], "one letter is not enough");
  assert.strictEqual(finder.normalize("Görlitz"), "goerlitz");
});

test("a place list entry names its Gemeindeverband where it has one", () => {
  const places = finder.preparePlaces({ k: { "14521": "Erzgebirgskreis" },
    p: [["14521040", "Auerbach", "09392", "145215103"], ["14521020", "Annaberg-Buchholz", "09456"]] });
  assert.strictEqual(places[0].verband, "145215103");
  assert.strictEqual(places[1].verband, null);
});

test("the shard a query needs: first two digits of a postal code, first two letters of the first word", () => {
  assert.strictEqual(finder.shardKey("044"), "p-04");
  assert.strictEqual(finder.shardKey(" 90"), "p-90");
  assert.strictEqual(finder.shardKey("9"), null, "one digit is not enough");
  assert.strictEqual(finder.shardKey("Bad Schandau"), "n-ba");
  assert.strictEqual(finder.shardKey("Öderan"), "n-oe");
  assert.strictEqual(finder.shardKey("Budyšin"), "n-bu");
  assert.strictEqual(finder.shardKey("l"), null, "one letter is not enough");
  assert.strictEqual(finder.shardKey("a b"), null);
});
