// Client-side search over the static index written by `portal build`. No request leaves the
// site: the index is fetched once from the same origin and kept for every later query.
(function () {
  "use strict";
  var form = document.querySelector("form[data-search-index]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var results = document.getElementById("search-results");
  var status = document.getElementById("suche-status");
  var root = form.getAttribute("data-root") || "";
  var indexPromise = null;

  // Case and umlaut folding: ä/ae → a, ö/oe → o, ü/ue → u, ß → ss.
  function fold(text) {
    return text.toLowerCase()
      .replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u").replace(/ß/g, "ss")
      .replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(text) { return fold(text).split(/[^a-z0-9]+/).filter(Boolean); }

  function load() {
    if (!indexPromise) {
      indexPromise = fetch(form.getAttribute("data-search-index"), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          return data.docs.map(function (d) {
            return { doc: d, fields: [
              { w: 10, words: words(d.t) },
              { w: 6, words: words(d.k || "") },
              { w: 3, words: words(d.s || "") },
              { w: 1, words: words(d.c || "") }
            ] };
          });
        });
    }
    return indexPromise;
  }

  function score(entry, terms) {
    var total = 0, matched = 0;
    terms.forEach(function (term) {
      var best = 0;
      entry.fields.forEach(function (field) {
        field.words.forEach(function (w) {
          var s = w === term ? 1 : (w.indexOf(term) === 0 ? 0.7 : (term.length >= 4 && w.indexOf(term) > 0 ? 0.4 : 0));
          if (s * field.w > best) best = s * field.w;
        });
      });
      if (best > 0) matched++;
      total += best;
    });
    return total * (1 + matched / terms.length);
  }

  function render(query, index) {
    var terms = words(query);
    results.innerHTML = "";
    if (!terms.length) { status.textContent = ""; return; }
    var hits = index.map(function (e) { return { e: e, s: score(e, terms) }; })
      .filter(function (h) { return h.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.e.doc.t.localeCompare(b.e.doc.t, "de"); })
      .slice(0, 50);
    hits.forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + h.e.doc.u;
      a.textContent = h.e.doc.t;
      li.appendChild(a);
      if (h.e.doc.f) {
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = h.e.doc.f;
        li.appendChild(meta);
      }
      var p = document.createElement("p");
      p.textContent = h.e.doc.s || "";
      li.appendChild(p);
      results.appendChild(li);
    });
    status.textContent = hits.length === 0 ? "Keine Treffer für „" + query + "“." :
      (hits.length === 1 ? "1 Treffer" : hits.length + " Treffer") + " für „" + query + "“.";
  }

  function run() { load().then(function (index) { render(input.value, index); }); }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); run(); }
  input.addEventListener("input", function () {
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
})();
