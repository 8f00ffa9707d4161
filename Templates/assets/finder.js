// Zuständigkeitsfinder: the citizen types a place name or postal code into a combobox (WAI-ARIA
// Authoring Practices combobox pattern), picks a Gemeinde, and sees the responsible authority.
// The place is remembered in localStorage. Resolution is the same rule as the Swift build:
// Gemeinde, Gemeindeverband, then the longest prefix of the AGS (Tests/vectors/responsibility.json
// keeps the two in step).
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document !== "undefined") api.start(document);
})(this, function () {
  "use strict";
  var STORAGE_KEY = "portal.ort";
  var MAX_OPTIONS = 30;

  /**
   * The most specific rule decides: the place's own AGS, its Gemeindeverband's 9-digit key (not a
   * prefix of the AGS, so given apart), then the longest prefix of the AGS; null is a gap.
   */
  function resolve(rules, ags, verband) {
    var has = function (key) { return Object.prototype.hasOwnProperty.call(rules, key); };
    if (has(ags)) return { authority: rules[ags], region: ags };
    if (verband && has(verband)) return { authority: rules[verband], region: verband };
    for (var length = ags.length - 1; length > 0; length--) {
      var region = ags.slice(0, length);
      if (Object.prototype.hasOwnProperty.call(rules, region)) return { authority: rules[region], region: region };
    }
    return null;
  }

  function normalize(text) {
    return String(text).toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  /** Turns the site's place list into searchable entries. */
  function preparePlaces(data) {
    return data.p.map(function (p) {
      var kreis = data.k[p[0].slice(0, 5)] || "";
      return {
        ags: p[0], name: p[1], kreis: kreis, verband: p[3] || null,
        postalCodes: p[2] ? p[2].split(" ") : [],
        key: normalize(p[1]), kreisKey: normalize(kreis),
        label: p[1] + (!kreis ? "" : kreis === p[1] ? " (kreisfreie Stadt)" : " (" + kreis + ")")
      };
    });
  }

  /**
   * The shard of the place list that holds every match for what the citizen typed (the build
   * cuts the list so that one search does not load the whole country): `p-<two digits>` for a
   * postal code, `n-<two letters>` for the first word of a name; null until two are typed.
   */
  function shardKey(query) {
    var q = String(query).trim();
    if (/^\d/.test(q)) return /^\d\d/.test(q) ? "p-" + q.slice(0, 2) : null;
    var first = normalize(q).split(" ")[0];
    return first.length >= 2 ? "n-" + first.slice(0, 2) : null;
  }

  /** Places matching what the citizen typed: by postal code prefix, or by name, then by Kreis. */
  function matchPlaces(places, query) {
    var q = String(query).trim();
    if (/^\d{1,5}$/.test(q)) {
      return places.filter(function (p) {
        return p.postalCodes.some(function (c) { return c.indexOf(q) === 0; });
      }).map(function (p) {
        var codes = p.postalCodes.filter(function (c) { return c.indexOf(q) === 0; });
        return { place: p, label: p.label + " – " + codes.slice(0, 3).join(", ") + (codes.length > 3 ? " …" : "") };
      }).sort(function (a, b) { return a.place.name.localeCompare(b.place.name, "de"); });
    }
    var n = normalize(q);
    if (n.length < 2) return [];
    var ranked = [];
    places.forEach(function (p) {
      var rank = p.key === n ? 0 : p.key.indexOf(n) === 0 ? 1 : (" " + p.key).indexOf(" " + n) >= 0 ? 2 :
        (" " + p.kreisKey).indexOf(" " + n) >= 0 ? 3 : -1;
      if (rank >= 0) ranked.push({ place: p, label: p.label, rank: rank });
    });
    return ranked.sort(function (a, b) {
      return a.rank - b.rank || a.place.name.localeCompare(b.place.name, "de") || a.place.kreis.localeCompare(b.place.kreis, "de");
    });
  }

  function remembered() {
    try { return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null"); } catch (e) { return null; }
  }
  function remember(place) {
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ ags: place.ags, label: place.label, verband: place.verband || "" })); } catch (e) { /* private mode */ }
  }
  function forget() {
    try { window.localStorage.removeItem(STORAGE_KEY); } catch (e) { /* private mode */ }
  }

  var cache = {};
  function fetchJSON(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      });
    }
    return cache[url];
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The finder's messages: German here; a page in another language passes its own in
  // data-texts (from the theme's i18n/<language>.yml, keys finder_js_*).
  var TEXTS = {
    none_found: "Kein Ort gefunden.",
    shown_of: "{max} von {n} Orten angezeigt. Geben Sie mehr ein, um die Auswahl einzugrenzen.",
    one_found: "1 Ort gefunden. Mit Pfeil nach unten auswählen.",
    n_found: "{n} Orte gefunden. Mit Pfeil nach unten auswählen.",
    offices_in: "Zuständige Stellen in {place}",
    gap: "Für {place} ist für diese Leistung keine zuständige Stelle hinterlegt. Bitte wenden Sie sich an den allgemeinen Kontakt des Portals",
    responsible: "Für {place} ist zuständig:",
    load_failed: "Die zuständige Stelle konnte nicht geladen werden. Bitte nutzen Sie die Liste der Kreise unten.",
    forgotten: "Ihr Ort wurde vergessen.",
    phone: "Telefon: ",
    email: "E-Mail: ",
    web: "Internet: ",
    hours: "Öffnungszeiten:",
    accessibility: "Barrierefreiheit: "
  };

  function texts(finder) {
    var own = {};
    try { own = JSON.parse(finder.getAttribute("data-texts") || "{}"); } catch (e) { own = {}; }
    var t = {};
    Object.keys(TEXTS).forEach(function (k) { t[k] = typeof own[k] === "string" ? own[k] : TEXTS[k]; });
    return t;
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? String(values[k]) : m; });
  }

  function card(a, rootPath, T) {
    T = T || TEXTS;
    var box = el("div", { "class": "authority-card" });
    var name = el("p", { "class": "authority-name" });
    name.appendChild(el("a", { href: rootPath + a.url }, a.name));
    box.appendChild(name);
    var address = el("p", { "class": "address" }, a.street);
    address.appendChild(el("br"));
    address.appendChild(document.createTextNode(a.postal_code + " " + a.city));
    box.appendChild(address);
    if (a.phone) {
      var phone = el("p", {}, T.phone);
      phone.appendChild(el("a", { href: "tel:" + a.phone.replace(/[^0-9+]/g, "") }, a.phone));
      box.appendChild(phone);
    }
    if (a.email) {
      var mail = el("p", {}, T.email);
      mail.appendChild(el("a", { href: "mailto:" + a.email }, a.email));
      box.appendChild(mail);
    }
    if (a.website && /^https?:\/\//.test(a.website)) {
      var web = el("p", {}, T.web);
      web.appendChild(el("a", { href: a.website, rel: "external" }, a.website));
      box.appendChild(web);
    }
    if (a.opening_hours && a.opening_hours.length) {
      box.appendChild(el("p", {}, T.hours));
      var list = el("ul", { "class": "hours" });
      a.opening_hours.forEach(function (h) { list.appendChild(el("li", {}, h)); });
      box.appendChild(list);
    }
    if (a.accessibility) box.appendChild(el("p", {}, T.accessibility + a.accessibility));
    return box;
  }

  function setup(finder) {
    // On a page in another language, authorities and places are linked in that language (en/…).
    var rootPath = (finder.getAttribute("data-root") || "") + (finder.getAttribute("data-page-prefix") || "");
    var T = texts(finder);
    var input = finder.querySelector("[role=combobox]");
    var listbox = finder.querySelector("[role=listbox]");
    var status = finder.querySelector("[data-status]");
    var answer = finder.querySelector("[data-answer]");
    var rememberedBox = finder.querySelector("[data-remembered]");
    var searchBox = finder.querySelector("[data-search]");
    var placeName = finder.querySelector("[data-place-name]");
    var rulesURL = finder.getAttribute("data-rules");
    var placesFolder = finder.getAttribute("data-places");
    var prepared = {};
    var options = [];
    var active = -1;

    finder.hidden = false;

    /** The places of the shard for this query, prepared once per shard; [] if there is none. */
    function placesFor(query) {
      var key = shardKey(query);
      if (!key) return Promise.resolve([]);
      if (!prepared[key]) {
        prepared[key] = fetchJSON(placesFolder + key + ".json").then(preparePlaces, function () { return []; });
      }
      return prepared[key];
    }

    /** Shows the matches for what is in the box, unless the citizen typed on meanwhile. */
    function suggest(then) {
      var query = input.value;
      placesFor(query).then(function (list) {
        if (input.value !== query) return;
        open(matchPlaces(list, query));
        if (then) then();
      });
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open(matches) {
      listbox.textContent = "";
      options = matches.slice(0, MAX_OPTIONS);
      options.forEach(function (m, i) {
        var option = el("li", { role: "option", id: input.id + "-option-" + i, "aria-selected": "false" }, m.label);
        option.addEventListener("mousedown", function (e) { e.preventDefault(); });
        option.addEventListener("click", function () { choose(m.place); });
        listbox.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      var expanded = options.length > 0;
      listbox.hidden = !expanded;
      input.setAttribute("aria-expanded", expanded ? "true" : "false");
      status.textContent = matches.length === 0 ? T.none_found :
        matches.length > MAX_OPTIONS ? fill(T.shown_of, { max: MAX_OPTIONS, n: matches.length }) :
        matches.length === 1 ? T.one_found : fill(T.n_found, { n: matches.length });
    }

    function highlight(index) {
      var items = listbox.querySelectorAll("[role=option]");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      Array.prototype.forEach.call(items, function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
        item.classList.toggle("active", i === active);
      });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function show(place) {
      placeName.textContent = place.label;
      rememberedBox.hidden = false;
      searchBox.hidden = true;
      answer.textContent = "";
      if (!rulesURL) {
        var link = el("p");
        link.appendChild(el("a", { href: rootPath + "orte/" + place.ags + "/" }, fill(T.offices_in, { place: place.label })));
        answer.appendChild(link);
        return;
      }
      // The service's rules for the place's Land down to the Kreis level, and the rules of
      // Gemeinden and Gemeindeverbände only for a Kreis that has such (the build cuts them so).
      fetchJSON(rulesURL + place.ags.slice(0, 2) + ".json").then(function (land) {
        var kreis = place.ags.slice(0, 5);
        if (!land.d || land.d.indexOf(kreis) < 0) return land.r;
        return fetchJSON(rulesURL + kreis + ".json").then(function (local) {
          var rules = {};
          Object.keys(land.r).forEach(function (k) { rules[k] = land.r[k]; });
          Object.keys(local.r).forEach(function (k) { rules[k] = local.r[k]; });
          return rules;
        });
      }).then(function (rules) {
        var found = resolve(rules, place.ags, place.verband);
        if (!found) {
          var gap = el("p", { "class": "notice" }, fill(T.gap, { place: place.label }));
          var email = finder.getAttribute("data-contact-email");
          if (email) {
            gap.appendChild(document.createTextNode(": "));
            gap.appendChild(el("a", { href: "mailto:" + email }, email));
          }
          gap.appendChild(document.createTextNode("."));
          answer.appendChild(gap);
          return;
        }
        return fetchJSON(finder.getAttribute("data-authorities") + found.authority + ".json").then(function (a) {
          answer.appendChild(el("p", {}, fill(T.responsible, { place: place.label })));
          answer.appendChild(card(a, rootPath, T));
        });
      }).catch(function () {
        answer.textContent = T.load_failed;
      });
    }

    function choose(place) {
      input.value = place.label;
      close();
      remember(place);
      show(place);
      var change = finder.querySelector("[data-change]");
      if (change) change.focus();
    }

    input.addEventListener("input", function () {
      suggest();
    });
    input.addEventListener("keydown", function (e) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      if (e.key === "ArrowDown") {
        e.preventDefault();
        if (!expanded) { suggest(function () { highlight(0); }); } else { highlight(active + 1); }
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        if (expanded) highlight(active - 1);
      } else if (e.key === "Enter") {
        if (expanded && active >= 0) { e.preventDefault(); choose(options[active].place); }
      } else if (e.key === "Escape") {
        if (expanded) { e.preventDefault(); close(); } else { input.value = ""; }
      } else if (e.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });

    finder.querySelector("[data-change]").addEventListener("click", function () {
      rememberedBox.hidden = true;
      searchBox.hidden = false;
      input.value = "";
      input.focus();
    });
    finder.querySelector("[data-forget]").addEventListener("click", function () {
      forget();
      answer.textContent = "";
      rememberedBox.hidden = true;
      searchBox.hidden = false;
      input.value = "";
      status.textContent = T.forgotten;
      input.focus();
    });

    var saved = remembered();
    // The Gemeindeverband is remembered with the place, so a remembered place needs no place
    // list; a place remembered before the portal knew Gemeindeverbände has no such entry and is
    // looked up once in the shard its name belongs to.
    if (saved && saved.ags) {
      if (typeof saved.verband === "string") {
        show({ ags: saved.ags, label: saved.label || saved.ags, verband: saved.verband || null });
      } else {
        placesFor(saved.label || "").then(function (list) {
          var place = list.filter(function (p) { return p.ags === saved.ags; })[0];
          if (place) remember(place);
          show(place || { ags: saved.ags, label: saved.label || saved.ags, verband: null });
        }).catch(function () { show({ ags: saved.ags, label: saved.label || saved.ags, verband: null }); });
      }
    }
  }

  function start(doc) {
    var run = function () { Array.prototype.forEach.call(doc.querySelectorAll("[data-finder-ui]"), setup); };
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", run); else run();
  }

  return { resolve: resolve, normalize: normalize, shardKey: shardKey, preparePlaces: preparePlaces, matchPlaces: matchPlaces, start: start };
});
