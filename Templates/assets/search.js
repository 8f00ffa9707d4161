// Search page: /suche/?q=… shows the results for q and updates them as the citizen types.
// Ranking lives in search-core.js (window.PortalSearch, loaded before this file). The main index
// is fetched once; the posting shards a query needs are fetched on demand and kept. No request
// leaves the site's origin.
(function () {
  "use strict";
  var core = window.PortalSearch;
  var form = document.querySelector("form[data-search-index]");
  if (!core || !form) return;
  var input = form.querySelector("input[name=q]");
  var results = document.getElementById("search-results");
  var status = document.getElementById("suche-status");
  var root = form.getAttribute("data-root") || "";
  var indexURL = new URL(form.getAttribute("data-search-index"), window.location.href);
  var LIMIT = 50;
  // Messages: the page's own (data-texts, from the theme's i18n/<language>.yml, keys search_js_*)
  // on a page not in the site's language, else these.
  var T = {
    none: "Keine Treffer für „{query}“. Prüfen Sie die Schreibweise oder versuchen Sie ein anderes Wort.",
    one: "1 Treffer für „{query}“.",
    n: "{n} Treffer für „{query}“.",
    first: "{n} Treffer für „{query}“, die ersten {shown} werden angezeigt.",
    empty: "Bitte geben Sie einen Suchbegriff ein.",
    unavailable: "Die Suche ist gerade nicht verfügbar. Alle Leistungen finden Sie in der Liste von A bis Z.",
    site_language: ""
  };
  try {
    var own = JSON.parse(form.getAttribute("data-texts") || "{}");
    for (var key in own) if (Object.prototype.hasOwnProperty.call(T, key)) T[key] = String(own[key]);
  } catch (e) { /* the German texts stay */ }
  // On a page in another language, results that are pages in the site's language say so.
  var siteLang = form.getAttribute("data-site-lang");
  var pageLang = document.documentElement.lang;
  function say(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values[name] !== undefined ? String(values[name]) : all; });
  }
  var indexPromise = null;
  var shardPromises = {};
  var seq = 0;
  var inputTimer = 0, statusTimer = 0;

  function fetchJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.json();
    });
  }

  function loadIndex() {
    if (!indexPromise) {
      indexPromise = fetchJSON(indexURL).then(function (data) {
        if (data.v !== 2) throw new Error("unknown search index version " + data.v);
        return data;
      }).catch(function (e) { indexPromise = null; throw e; });
    }
    return indexPromise;
  }

  function loadShard(index, key) {
    if (!shardPromises[key]) {
      shardPromises[key] = fetchJSON(new URL(core.shardFile(index, key), indexURL)).then(function (shard) {
        core.attachShard(index, key, shard);
      }, function (e) { delete shardPromises[key]; throw e; });
    }
    return shardPromises[key];
  }

  /** Text with matched words wrapped in <mark>, as DOM nodes (never HTML from data). */
  function appendMarked(parent, text, matched) {
    core.highlight(text, matched).forEach(function (piece) {
      if (piece[1]) {
        var mark = document.createElement("mark");
        mark.textContent = piece[0];
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(piece[0]));
      }
    });
  }

  function render(query, hits) {
    var list = document.createDocumentFragment();
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + hit.url;
      var inSiteLanguage = siteLang && hit.url.indexOf(pageLang + "/") !== 0;
      if (inSiteLanguage) { a.lang = siteLang; a.hreflang = siteLang; }
      appendMarked(a, hit.title, hits.matched);
      li.appendChild(a);
      if (hit.themenfeld || inSiteLanguage) {
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = [hit.themenfeld, inSiteLanguage ? T.site_language : ""].filter(Boolean).join(" · ");
        li.appendChild(meta);
      }
      if (hit.snippet) {
        var p = document.createElement("p");
        if (inSiteLanguage) p.lang = siteLang;
        appendMarked(p, hit.snippet, hits.matched);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    results.replaceChildren(list);
    results.setAttribute("data-query", query);
  }

  function statusText(query, hits) {
    if (!query.trim()) return "";
    var values = { query: query, n: hits.total, shown: hits.length };
    if (hits.total === 0) return say(T.none, values);
    if (hits.total > hits.length) return say(T.first, values);
    return say(hits.total === 1 ? T.one : T.n, values);
  }

  function announce(text, immediately) {
    clearTimeout(statusTimer);
    // While the citizen is still typing, the live region waits, so that screen readers are not
    // interrupted on every key.
    if (immediately) status.textContent = text;
    else statusTimer = setTimeout(function () { status.textContent = text; }, 700);
  }

  function run(query, immediately) {
    var mine = ++seq;
    if (!core.tokenize(query).length) {
      results.replaceChildren();
      results.setAttribute("data-query", query);
      announce(query.trim() ? T.empty : "", immediately);
      return Promise.resolve();
    }
    return loadIndex().then(function (index) {
      // A thesaurus shard can name words whose posting shards are needed next: a few rounds.
      function loadMissing(round) {
        var keys = core.missingShards(index, query);
        if (!keys.length || round >= 3) return Promise.resolve();
        return Promise.all(keys.map(function (k) { return loadShard(index, k); })).then(function () { return loadMissing(round + 1); });
      }
      return loadMissing(0).then(function () {
        if (mine !== seq) return;
        var hits = core.search(index, query, { limit: LIMIT });
        render(query, hits);
        announce(statusText(query, hits), immediately);
      });
    }).catch(function () {
      if (mine !== seq) return;
      announce(T.unavailable, true);
    });
  }

  function setURL(query) {
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    try { history.replaceState(null, "", url); } catch (e) { /* browsers may throttle this */ }
  }

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  if (initial) {
    input.value = initial;
    run(initial, true);
  }
  input.addEventListener("input", function () {
    clearTimeout(inputTimer);
    // Coalesce input events of one task; searching is fast enough not to need a longer wait.
    inputTimer = setTimeout(function () {
      setURL(input.value);
      run(input.value, false);
    }, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(inputTimer);
    setURL(input.value);
    run(input.value, true);
  });
  // Arrow down from the search box moves to the first result; Escape clears the box.
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      var first = results.querySelector("a");
      if (first) { event.preventDefault(); first.focus(); }
    } else if (event.key === "Escape" && input.value) {
      input.value = "";
      setURL("");
      run("", true);
    }
  });
  // Preload the index while the citizen starts typing.
  input.addEventListener("focus", function () { loadIndex().catch(function () {}); }, { once: true });
})();
