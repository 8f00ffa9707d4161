/*
 * Portal search core: German text normalisation, the Snowball German stemmer, the index builder
 * (reference implementation that `portal build` ports to Swift) and the ranking used by the
 * search page. No dependencies; works in the browser (window.PortalSearch) and in Node
 * (module.exports). The rules are described in docs/search.md and Tools/search/docs-input.schema.md.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof window !== "undefined") window.PortalSearch = api;
})(this, function () {
  "use strict";

  var INDEX_VERSION = 2;

  // The language of the index in use: "de" (the site's index, which has no `lang`) or "en" (spec
  // v2, the /en/ search page's index, `"lang":"en"`). It decides the folding, the stop words, the
  // stemmer and the German-only query rules; set by prepare() (every search entry point) and by
  // buildIndex(), from the index or its input, so one page never mixes the two.
  var LANG = "de";
  function useLanguage(lang) {
    var next = lang === "en" ? "en" : "de";
    if (next !== LANG) { LANG = next; WORD_CACHE.clear(); }
  }

  // ---------------------------------------------------------------------------------------------
  // Folding and tokens
  // ---------------------------------------------------------------------------------------------

  // Vowels for the ae/oe/ue rule.
  var FOLD_VOWELS = "aeiouyäöü";
  // Letters without a decomposition, written as German readers would type them.
  var FOLD_SPECIAL = { "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };
  var FOLD_CACHE = Object.create(null); // character → pass-2 result, for characters beyond ASCII

  /**
   * Lowercases and folds German text to ASCII, in four passes over code points:
   *  1. Unicode NFC, then lowercase (default Unicode case mapping).
   *  2. ä, ö, ü, ß and ASCII stay; æ œ ø ł đ ð þ ı become ae oe o l d d th i; any other character
   *     is decomposed (NFD) and loses its combining marks U+0300–U+036F (é → e, ë → e).
   *  3. "ae", "oe", "ue" become "a", "o", "u" unless the character before the pair (in the pass-2
   *     text) is a vowel (aeiouyäöü) or, for "ue", "q": "Steuer", "neue", "Feuer", "Quelle",
   *     "Bauer" keep their "ue"; "Sorgeerklaerung", "Buergerbegehren", "Haeuser" lose the "e".
   *  4. ä → a, ö → o, ü → u, ß → ss.
   * Index and query text go through the same function, so words like "Poesie" (→ posie) still
   * match themselves.
   */
  function fold(text) {
    var s = String(text);
    if (/[^\x00-\x7f]/.test(s)) s = s.normalize("NFC");
    s = s.toLowerCase();
    var p2 = "";
    for (var c of s) {
      if (c.charCodeAt(0) < 0x80 || c === "ä" || c === "ö" || c === "ü" || c === "ß") p2 += c;
      else if (FOLD_CACHE[c] !== undefined) p2 += FOLD_CACHE[c];
      else p2 += (FOLD_CACHE[c] = FOLD_SPECIAL[c] !== undefined ? FOLD_SPECIAL[c] : c.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
    }
    var chars = Array.from(p2);
    var out = "";
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i];
      if (LANG === "de" && (ch === "a" || ch === "o" || ch === "u") && chars[i + 1] === "e") {
        var prev = i > 0 ? chars[i - 1] : "";
        if (!(prev !== "" && FOLD_VOWELS.indexOf(prev) >= 0) && !(ch === "u" && prev === "q")) { out += ch; i++; continue; }
      }
      out += ch === "ä" ? "a" : ch === "ö" ? "o" : ch === "ü" ? "u" : ch === "ß" ? "ss" : ch;
    }
    return out;
  }

  /**
   * Folded tokens: maximal runs of [a-z0-9] in fold(text), keeping those with at least two
   * characters and at least one letter (pure numbers such as LeiKa keys are not indexed).
   */
  function tokenize(text) {
    var parts = fold(text).split(/[^a-z0-9]+/);
    var out = [];
    for (var i = 0; i < parts.length; i++) {
      var t = parts[i];
      if (t.length >= 2 && /[a-z]/.test(t)) out.push(t);
    }
    return out;
  }

  // Snowball's German stop word list (snowballstem.org, algorithms/german/stop.txt), folded, plus a
  // few filler words of questions (tun, brauchen, bekommen, bitte, möchte).
  var STOPWORDS = Object.create(null);
  ("aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes " +
   "anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das " +
   "dass derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe dazu dein deine " +
   "deinem deinen deiner deines denn derer dessen dich dir du dies diese diesem diesen dieser dieses " +
   "doch dort durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges " +
   "einmal er ihn ihm es etwas euer eure eurem euren eurer eures fur gegen gewesen hab habe haben hat " +
   "hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem ins " +
   "ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen " +
   "keiner keines konnen konnte machen man manche manchem manchen mancher manches mein meine meinem " +
   "meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine " +
   "seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen solcher solches " +
   "soll sollte sondern sonst uber um und uns unsere unserem unseren unser unseres unter viel vom von " +
   "vor wahrend war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde " +
   "werden wie wieder will wir wird wirst wo wollen wollte wurde wurden zu zum zur zwar zwischen " +
   // and words citizens put around their question
   "tun brauche brauchen benotige benotigen bekomme bekommen kriege kriegen bitte mochte")
    .split(" ").forEach(function (w) { STOPWORDS[w] = true; });

  // Snowball's English stop word list (snowballstem.org, algorithms/english/stop.txt) without the
  // words with apostrophes (the tokenizer splits at them), plus filler words of questions.
  var EN_STOPWORDS = Object.create(null);
  ("i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she " +
   "her hers herself it its itself they them their theirs themselves what which who whom this that " +
   "these those am is are was were be been being have has had having do does did doing would should " +
   "could ought an the and but if or because as until while of at by for with about against between " +
   "into through during before after above below to from up down in out on off over under again " +
   "further then once here there when where why how all any both each few more most other some such " +
   "no nor not only own same so than too very can will just don shall may might must " +
   "need want get got please")
    .split(" ").forEach(function (w) { EN_STOPWORDS[w] = true; });

  function isStopword(token) { return (LANG === "en" ? EN_STOPWORDS : STOPWORDS)[token] === true; }

  // ---------------------------------------------------------------------------------------------
  // Snowball German stemmer (the "german" algorithm of libstemmer 2.2, snowballstem.org)
  // ---------------------------------------------------------------------------------------------

  var STEM_VOWELS = "aeiouyäöü";
  var S_ENDING = "bdfghklmnrt";
  var ST_ENDING = "bdfghklmnt";

  function isStemVowel(c) { return c !== undefined && c.length === 1 && STEM_VOWELS.indexOf(c) >= 0; }

  /** Stems one lowercase word. Accepts umlauts and ß as libstemmer does; returns a/o/u for them. */
  function stem(word) { return LANG === "en" ? stemEnglish(word) : stemGerman(word); }

  function stemGerman(word) {
    // prelude: ß → ss; u and y between vowels are consonants (marked U, Y)
    var a = Array.from(String(word).replace(/ß/g, "ss"));
    for (var i = 0; i + 2 < a.length; i++) {
      if (isStemVowel(a[i]) && (a[i + 1] === "u" || a[i + 1] === "y") && isStemVowel(a[i + 2])) {
        a[i + 1] = a[i + 1] === "u" ? "U" : "Y";
      }
    }
    var n = a.length;
    // mark_regions: R1 starts after the first non-vowel following a vowel, but not before 3;
    // R2 is the same rule applied again after R1's starting point.
    var p1 = n, p2 = n;
    if (n >= 3) {
      var c = 0;
      while (c < n && !isStemVowel(a[c])) c++;
      if (c < n) {
        c++;
        while (c < n && isStemVowel(a[c])) c++;
        if (c < n) {
          c++;
          p1 = c < 3 ? 3 : c;
          while (c < n && !isStemVowel(a[c])) c++;
          if (c < n) {
            c++;
            while (c < n && isStemVowel(a[c])) c++;
            if (c < n) p2 = c + 1;
          }
        }
      }
    }
    var w = a.join("");
    var ends = function (x) { return w.length >= x.length && w.slice(w.length - x.length) === x; };
    var longest = function (list) {
      var best = null;
      for (var j = 0; j < list.length; j++) if (ends(list[j]) && (best === null || list[j].length > best.length)) best = list[j];
      return best;
    };
    // step 1
    var m = longest(["em", "ern", "er", "e", "en", "es", "s"]);
    if (m !== null && w.length - m.length >= p1) {
      var at = w.length - m.length;
      if (m === "s") {
        if (at >= 1 && S_ENDING.indexOf(w.charAt(at - 1)) >= 0) w = w.slice(0, at);
      } else {
        w = w.slice(0, at);
        if ((m === "e" || m === "en" || m === "es") && ends("niss")) w = w.slice(0, w.length - 1);
      }
    }
    // step 2
    m = longest(["en", "er", "est", "st"]);
    if (m !== null && w.length - m.length >= p1) {
      var at2 = w.length - m.length;
      if (m === "st") {
        if (at2 >= 4 && ST_ENDING.indexOf(w.charAt(at2 - 1)) >= 0) w = w.slice(0, at2);
      } else {
        w = w.slice(0, at2);
      }
    }
    // step 3
    m = longest(["end", "ung", "ig", "ik", "isch", "lich", "heit", "keit"]);
    if (m !== null && w.length - m.length >= p2) {
      var at3 = w.length - m.length;
      if (m === "end" || m === "ung") {
        w = w.slice(0, at3);
        if (ends("ig") && w.length - 2 >= p2 && w.charAt(w.length - 3) !== "e") w = w.slice(0, w.length - 2);
      } else if (m === "ig" || m === "ik" || m === "isch") {
        if (w.charAt(at3 - 1) !== "e") w = w.slice(0, at3);
      } else if (m === "lich" || m === "heit") {
        w = w.slice(0, at3);
        if ((ends("er") || ends("en")) && w.length - 2 >= p1) w = w.slice(0, w.length - 2);
      } else { // keit
        w = w.slice(0, at3);
        var m2 = ends("lich") ? "lich" : (ends("ig") ? "ig" : null);
        if (m2 !== null && w.length - m2.length >= p2) w = w.slice(0, w.length - m2.length);
      }
    }
    // postlude
    return w.replace(/Y/g, "y").replace(/U/g, "u").replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u");
  }

  /** Index term of a folded token: its stem. */
  function term(token) { return stem(token); }

  /** Index terms of a text, in order: folded, stop words dropped, stemmed. */
  function terms(text) {
    var out = [];
    var toks = tokenize(text);
    for (var i = 0; i < toks.length; i++) if (!isStopword(toks[i])) out.push(term(toks[i]));
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Snowball English stemmer (the "english" algorithm of libstemmer 2.2, a.k.a. Porter2)
  // ---------------------------------------------------------------------------------------------

  // Vowels; "Y" (a y after a vowel or at the start, which acts as a consonant) is not one.
  var EN_VOWELS = "aeiouy";
  // Letters before which a final "li" is dropped (step 2).
  var EN_LI_ENDING = "cdeghkmnrt";
  var EN_DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];

  // Null-prototype maps, so that words such as "constructor" are not found in them.
  function enMap(pairs) {
    var m = Object.create(null);
    for (var k in pairs) m[k] = pairs[k];
    return m;
  }
  // Whole words with a fixed stem (exception1), looked up before anything else: irregular forms,
  // -ly words the rules would mangle, and words ending in s that are not plurals.
  var EN_EXCEPTIONS = enMap({
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie",
    idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl",
    sky: "sky", news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes",
  });
  // Words left as they are after step 1a (exception2): -ing/-eed words that are not inflections.
  var EN_INVARIANT = enMap({ inning: 1, outing: 1, canning: 1, herring: 1, earring: 1, proceed: 1, exceed: 1, succeed: 1 });
  // Suffix → replacement of steps 2, 3 and 4; a step takes the longest suffix the word ends with
  // and does nothing when that one's condition fails (Snowball's among: no fallback to a shorter one).
  var EN_STEP2 = enMap({
    tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize", ization: "ize",
    ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al", fulness: "ful",
    ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble", ogi: "og",
    fulli: "ful", lessli: "less", li: "",
  });
  var EN_STEP3 = enMap({
    tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "", ative: "",
  });
  var EN_STEP4 = enMap({
    al: "", ance: "", ence: "", er: "", ic: "", able: "", ible: "", ant: "", ement: "", ment: "", ent: "",
    ism: "", ate: "", iti: "", ous: "", ive: "", ize: "", ion: "",
  });

  function isEnVowel(c) { return c !== undefined && c.length === 1 && EN_VOWELS.indexOf(c) >= 0; }

  /** The longest key of `map` that `w` ends with, or null. Suffixes are at most 7 letters. */
  function enSuffix(w, map) {
    for (var k = Math.min(7, w.length); k >= 1; k--) {
      var s = w.slice(w.length - k);
      if (map[s] !== undefined) return s;
    }
    return null;
  }

  /**
   * Whether w[0..k) ends in a short syllable: non-vowel, vowel, non-vowel other than w, x and Y
   * (hop, but not bow, tax, play); or, at the start of the word, vowel, non-vowel (any).
   */
  function enShortSyllable(w, k) {
    if (k < 2 || isEnVowel(w.charAt(k - 1)) || !isEnVowel(w.charAt(k - 2))) return false;
    if (k === 2) return true;
    var last = w.charAt(k - 1);
    return !isEnVowel(w.charAt(k - 3)) && last !== "w" && last !== "x" && last !== "Y";
  }

  /**
   * Stems one lowercase English word ([a-z0-9], apostrophes as Snowball treats them: a leading
   * one is dropped, a final ', 's or 's' is removed).
   */
  function stemEnglish(word) {
    var w = String(word);
    if (EN_EXCEPTIONS[w] !== undefined) return EN_EXCEPTIONS[w];
    if (w.length < 3) return w;
    // prelude: drop a leading apostrophe; y at the start or after a vowel is a consonant (Y)
    if (w.charAt(0) === "'") w = w.slice(1);
    var a = w.split("");
    var hasY = false;
    for (var i = 0; i < a.length; i++) {
      if (a[i] === "y" && (i === 0 || isEnVowel(a[i - 1]))) { a[i] = "Y"; hasY = true; }
    }
    w = a.join("");
    var n = w.length;
    // mark_regions: R1 starts after the first non-vowel following a vowel (or after the prefixes
    // gener, commun, arsen, whose next syllable would otherwise be lost); R2 is the same rule
    // applied again from R1's start.
    var p1 = n, p2 = n, c = -1;
    var pre = /^(gener|commun|arsen)/.exec(w);
    if (pre) c = pre[1].length;
    else {
      var j = 0;
      while (j < n && !isEnVowel(w.charAt(j))) j++;
      if (j < n) {
        j++;
        while (j < n && isEnVowel(w.charAt(j))) j++;
        if (j < n) c = j + 1;
      }
    }
    if (c >= 0) {
      p1 = c;
      while (c < n && !isEnVowel(w.charAt(c))) c++;
      if (c < n) {
        c++;
        while (c < n && isEnVowel(w.charAt(c))) c++;
        if (c < n) p2 = c + 1;
      }
    }
    var at, m;
    // step 0: possessives
    if (w.slice(-3) === "'s'") w = w.slice(0, -3);
    else if (w.slice(-2) === "'s") w = w.slice(0, -2);
    else if (w.slice(-1) === "'") w = w.slice(0, -1);
    // step 1a: plurals
    if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/ie[ds]$/.test(w)) w = w.slice(0, -3) + (w.length > 4 ? "i" : "ie"); // ties → tie, cries → cri
    else if (/[^us]s$/.test(w)) {
      // only when a vowel comes before the letter before the s: gaps → gap, but gas, this stay
      for (i = 0; i < w.length - 2; i++) if (isEnVowel(w.charAt(i))) { w = w.slice(0, -1); break; }
    }
    if (EN_INVARIANT[w] === undefined) {
      // step 1b: -eed, -ed, -ing and their -ly forms
      m = /(eedly|eed|ingly|edly|ing|ed)$/.exec(w);
      if (m && (m[1] === "eed" || m[1] === "eedly")) {
        at = w.length - m[1].length;
        if (at >= p1) w = w.slice(0, at) + "ee";
      } else if (m) {
        at = w.length - m[1].length;
        for (i = 0; i < at; i++) if (isEnVowel(w.charAt(i))) break;
        if (i < at) {
          w = w.slice(0, at);
          var end2 = w.slice(-2);
          if (end2 === "at" || end2 === "bl" || end2 === "iz") w += "e";          // luxuriat → luxuriate
          else if (EN_DOUBLES.indexOf(end2) >= 0) w = w.slice(0, -1);               // hopp → hop
          else if (w.length === p1 && enShortSyllable(w, w.length)) w += "e";      // hop → hope
        }
      }
      // step 1c: final y after a non-vowel that is not the first letter becomes i (cry → cri, by stays)
      at = w.length - 1;
      if (at >= 2 && (w.charAt(at) === "y" || w.charAt(at) === "Y") && !isEnVowel(w.charAt(at - 1))) {
        w = w.slice(0, at) + "i";
      }
      // step 2: suffix in R1
      m = enSuffix(w, EN_STEP2);
      if (m !== null && w.length - m.length >= p1) {
        at = w.length - m.length;
        if (m === "ogi") { if (w.charAt(at - 1) === "l") w = w.slice(0, at) + "og"; }
        else if (m === "li") { if (at >= 1 && EN_LI_ENDING.indexOf(w.charAt(at - 1)) >= 0) w = w.slice(0, at); }
        else w = w.slice(0, at) + EN_STEP2[m];
      }
      // step 3: suffix in R1; -ative only in R2
      m = enSuffix(w, EN_STEP3);
      if (m !== null && w.length - m.length >= p1) {
        at = w.length - m.length;
        if (m !== "ative" || at >= p2) w = w.slice(0, at) + EN_STEP3[m];
      }
      // step 4: suffix in R2; -ion only after s or t
      m = enSuffix(w, EN_STEP4);
      if (m !== null && w.length - m.length >= p2) {
        at = w.length - m.length;
        if (m !== "ion" || w.charAt(at - 1) === "s" || w.charAt(at - 1) === "t") w = w.slice(0, at);
      }
      // step 5: final e in R2, or in R1 after no short syllable; final l of ll in R2
      at = w.length - 1;
      if (w.charAt(at) === "e") {
        if (at >= p2 || (at >= p1 && !enShortSyllable(w, at))) w = w.slice(0, at);
      } else if (w.charAt(at) === "l") {
        if (at >= p2 && w.charAt(at - 1) === "l") w = w.slice(0, at);
      }
    }
    // postlude
    return hasY ? w.replace(/Y/g, "y") : w;
  }

  // ---------------------------------------------------------------------------------------------
  // Compounds
  // ---------------------------------------------------------------------------------------------

  var FUGEN = ["s", "es", "e", "n", "en", "er"];
  var MIN_PART = 4;        // letters of a compound part (without Fuge)
  var MIN_SPLIT_WORD = 2 * MIN_PART;

  /**
   * Splits a folded word into the fewest segments whose stems are known (`known(stem)` is true);
   * each segment is a part of at least MIN_PART letters that is not a stop word, optionally
   * followed (except the last) by a Fuge (s, es, e, n, en, er). A segment is accepted when the
   * stem of the whole segment is known, or when the segment is part + Fuge and the stem of the
   * part is known. Ties: the split whose first segment is longest, then the second, and so on.
   * Returns the segments (surface strings, Fugen included), or null when there is no split into
   * two or more segments.
   */
  function splitOnce(word, known) {
    var n = word.length;
    if (n < MIN_SPLIT_WORD) return null;
    // best[i]: fewest segments covering word[i..n), with the chosen segment end at i.
    var best = new Array(n + 1), next = new Array(n + 1);
    best[n] = 0;
    for (var i = n - 1; i >= 0; i--) {
      best[i] = Infinity;
      // Longest segment first, so that ties keep the longer segment.
      for (var j = n; j - i >= MIN_PART; j--) {
        if (i === 0 && j === n) continue;
        if (best[j] === Infinity || best[j] + 1 >= best[i]) continue;
        if (segmentOK(word.slice(i, j), j === n, known)) { best[i] = best[j] + 1; next[i] = j; }
      }
    }
    if (best[0] === Infinity) return null;
    var segs = [], p = 0;
    while (p < n) { segs.push(word.slice(p, next[p])); p = next[p]; }
    return segs;
  }

  function segmentOK(seg, isLast, known) {
    if (isStopword(seg)) return false;
    if (known(stem(seg))) return true;
    if (isLast) return false;
    for (var f = 0; f < FUGEN.length; f++) {
      var fu = FUGEN[f];
      if (seg.length - fu.length >= MIN_PART && seg.slice(seg.length - fu.length) === fu) {
        var part = seg.slice(0, seg.length - fu.length);
        if (!isStopword(part) && known(stem(part))) return true;
      }
    }
    return false;
  }

  /** The finest segmentation: splitOnce, applied again to every segment until nothing splits. */
  function splitCompound(word, known) {
    var segs = splitOnce(word, known);
    if (segs === null) return null;
    var out = [];
    for (var i = 0; i < segs.length; i++) {
      var sub = splitCompound(segs[i], known);
      if (sub === null) out.push(segs[i]); else Array.prototype.push.apply(out, sub);
    }
    return out;
  }

  /** Stem of a segment for posting: the segment's stem, or the part's stem without its Fuge. */
  function segmentTerm(seg, isLast, known) {
    var s = stem(seg);
    if (isLast || known(s)) return s;
    for (var f = 0; f < FUGEN.length; f++) {
      var fu = FUGEN[f];
      if (seg.length - fu.length >= MIN_PART && seg.slice(seg.length - fu.length) === fu) {
        var part = seg.slice(0, seg.length - fu.length);
        if (!isStopword(part) && known(stem(part))) return stem(part);
      }
    }
    return s;
  }

  /**
   * "-schaft" derivations, which the stemmer keeps: the word without "schaft", "schaften" or
   * "schafts" (and without a Fuge from FUGEN before it) when that base has at least 3 letters, is
   * not a stop word and its stem is known: vaterschaft → vater, erbschafts → erb,
   * schwangerschaft → schwanger. The bare base is tried first, then base minus each Fuge in
   * FUGEN order.
   */
  function schaftBase(word, known) {
    var m = /^([a-z0-9]+?)schaft(en|s)?$/.exec(word);
    if (!m) return null;
    var cands = [m[1]];
    for (var f = 0; f < FUGEN.length; f++) {
      var fu = FUGEN[f];
      if (m[1].length > fu.length && m[1].slice(m[1].length - fu.length) === fu) cands.push(m[1].slice(0, m[1].length - fu.length));
    }
    for (var i = 0; i < cands.length; i++) {
      var b = cands[i];
      if (b.length >= 3 && !isStopword(b) && known(stem(b))) return b;
    }
    return null;
  }

  /**
   * Extra terms of a compound, without duplicates and without the word's own stem, sorted: for
   * the word's split (splitOnce) the stem of every segment (Fuge removed, see segmentTerm) and of
   * every tail (the word from a split point to its end), then the same for every segment,
   * recursively. "rentenversicherungsnummer" → renten|versicherungs|nummer gives
   * rentenversicher, numm, rent, versicher.
   */
  function compoundTerms(word, known) {
    var set = Object.create(null);
    collectCompound(word, known, set);
    delete set[stem(word)];
    return Object.keys(set).sort();
  }

  function collectCompound(word, known, set) {
    var base = schaftBase(word, known);
    if (base !== null) { set[stem(base)] = true; collectCompound(base, known, set); }
    var segs = splitOnce(word, known);
    if (segs === null) return;
    for (var i = 0; i < segs.length; i++) {
      set[segmentTerm(segs[i], i === segs.length - 1, known)] = true;
      if (i > 0 && i < segs.length - 1) set[stem(segs.slice(i).join(""))] = true;
    }
    for (var j = 0; j < segs.length; j++) collectCompound(segs[j], known, set);
  }

  // Connectors between the parts of an elided compound ("Organ- und Gewebespendeausweis").
  var ELLIPSIS_CONNECTORS = { und: true, oder: true, bzw: true, sowie: true };

  /** Where splitOnce cuts a word (the end of every segment but the last). */
  function boundaries(word, known) {
    var segs = splitOnce(word, known);
    var out = [];
    if (segs !== null) {
      var at = 0;
      for (var i = 0; i < segs.length - 1; i++) { at += segs[i].length; out.push(at); }
    }
    return out;
  }

  /**
   * Words completed from the Ergänzungsstrich (elided compounds), in text order:
   *  - "X- und Y": for every boundary b of splitOnce(Y), X + Y[b..]
   *    ("Lohnsteuer- und Gewerbeanmeldung" → lohnsteueranmeldung). When Y does not split, the
   *    longest prefix P of Y (at least MIN_PART letters, at least MIN_PART letters left) that is a
   *    known stem, or a known stem plus "e", gives the boundary ("Organ- und
   *    Gewebespendeausweis" → organspendeausweis).
   *  - "Y und -Z": for every boundary b of splitOnce(Y), Y[..b] + Z ("Schulaufnahme und
   *    -wechsel" → schulwechsel). When Y does not split, the shortest suffix of Y (at least
   *    MIN_PART letters, at least MIN_PART letters before it) whose stem is known gives it.
   * Runs are maximal [a-z0-9]+ runs of fold(text). A run is "open right" when a "-" follows it
   * directly and no letter or digit follows the "-"; "open left" when a "-" precedes it directly
   * and no letter or digit precedes the "-". Between X and Y (or Y and Z) there may only be
   * connector runs (und, oder, bzw, sowie) and further open runs; there must be at least one.
   */
  function ellipsisWords(text, known) {
    var f = fold(text);
    var runs = [];
    var re = /[a-z0-9]+/g, m;
    while ((m = re.exec(f)) !== null) {
      var st = m.index, en = st + m[0].length;
      runs.push({
        w: m[0],
        openRight: f.charAt(en) === "-" && !/[a-z0-9]/.test(f.charAt(en + 1)),
        openLeft: st > 0 && f.charAt(st - 1) === "-" && !/[a-z0-9]/.test(f.charAt(st - 2)),
      });
    }
    var out = [];
    for (var i = 0; i < runs.length; i++) {
      var r = runs[i], j, y, b, k;
      if (r.openRight) {
        for (j = i + 1; j < runs.length && (ELLIPSIS_CONNECTORS[runs[j].w] || runs[j].openRight); j++);
        if (j > i + 1 && j < runs.length && !runs[j].openLeft) {
          y = runs[j].w;
          b = boundaries(y, known);
          if (!b.length) {
            for (k = y.length - MIN_PART; k >= MIN_PART; k--) {
              var pre = y.slice(0, k), ps = stem(pre);
              if (!isStopword(pre) && known(ps) && (pre === ps || pre === ps + "e")) { b = [k]; break; }
            }
          }
          for (k = 0; k < b.length; k++) out.push(r.w + y.slice(b[k]));
        }
      }
      if (r.openLeft) {
        for (j = i - 1; j >= 0 && (ELLIPSIS_CONNECTORS[runs[j].w] || runs[j].openLeft); j--);
        if (j < i - 1 && j >= 0 && !runs[j].openRight) {
          y = runs[j].w;
          b = boundaries(y, known);
          if (!b.length) {
            for (k = MIN_PART; k <= y.length - MIN_PART; k++) if (segmentOK(y.slice(k), true, known)) { b = [k]; break; }
          }
          for (k = 0; k < b.length; k++) out.push(y.slice(0, b[k]) + r.w);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Synonyms
  // ---------------------------------------------------------------------------------------------

  /**
   * Parses a synonyms file: one `left = right` per line; `#` starts a comment line; blank lines
   * are ignored; lines without "=" are ignored. Returns [[key, right], ...] where key is the
   * folded tokens of the left side joined by one space and right is the trimmed right side.
   */
  function parseSynonyms(text) {
    var out = [];
    var lines = String(text).split(/\r\n|\n|\r/);
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i].trim();
      if (line === "" || line.charAt(0) === "#") continue;
      var eq = line.indexOf("=");
      if (eq < 0) continue;
      var key = tokenize(line.slice(0, eq)).join(" ");
      if (key === "") continue;
      out.push([key, line.slice(eq + 1).trim()]);
    }
    return out;
  }

  /**
   * Merges synonym files in order (built-in list first, then Content/synonyms.txt): a later
   * line with the same key replaces the earlier one; an empty right side removes the key.
   * Result sorted by key (code unit order).
   */
  function mergeSynonyms(texts) {
    var map = Object.create(null);
    for (var i = 0; i < texts.length; i++) {
      var entries = parseSynonyms(texts[i]);
      for (var j = 0; j < entries.length; j++) {
        if (entries[j][1] === "") delete map["#" + entries[j][0]];
        else map["#" + entries[j][0]] = entries[j];
      }
    }
    return Object.keys(map).sort().map(function (k) { return map[k]; });
  }

  // ---------------------------------------------------------------------------------------------
  // Thesaurus (OpenThesaurus synsets, filtered to the index's vocabulary)
  // ---------------------------------------------------------------------------------------------

  /**
   * Derives the thesaurus pairs of an index from the theme's thesaurus file (one synset a line,
   * entries separated by ";", each "words/stems" — folded words and their stems, separated by
   * spaces — as Tools/search/thesaurus.js writes it; "#" lines are comments) and the index's
   * vocabulary: in every synset with both, each entry the index does not know (one of its stems
   * is no index term) gets the synset's known one-word entries as its right side. A left side in
   * several synsets gets all their known words. Returns [[key, right], ...] sorted by key (code
   * unit order), key the entry's words, right its known words sorted and joined by a space: the
   * shape of the synonym list's pairs.
   */
  function deriveThesaurus(text, isTerm) {
    var map = Object.create(null);
    String(text).split("\n").forEach(function (line) {
      if (!line || line.charAt(0) === "#") return;
      var known = [], unknown = [];
      line.split(";").forEach(function (entry) {
        var slash = entry.indexOf("/");
        if (slash < 0) return;
        var words = entry.slice(0, slash), stems = entry.slice(slash + 1).split(" ");
        if (stems.every(isTerm)) { if (stems.length === 1) known.push(words); }
        else unknown.push(words);
      });
      if (!known.length) return;
      unknown.forEach(function (key) {
        var set = map["#" + key] || (map["#" + key] = Object.create(null));
        known.forEach(function (w) { set[w] = true; });
      });
    });
    return Object.keys(map).sort().map(function (k) { return [k.slice(1), Object.keys(map[k]).sort().join(" ")]; });
  }

  // ---------------------------------------------------------------------------------------------
  // Index builder (reference implementation of the Swift port)
  // ---------------------------------------------------------------------------------------------

  var FIELDS = ["title", "keywords", "summary", "context", "body"];
  var F_TITLE = 0, F_KEYWORDS = 1;
  // A posting's code packs the half-counts (whole word 2, compound part 1, capped at 7) of the
  // five fields, 3 bits each, body lowest: code = title·4096 + keywords·512 + summary·64 +
  // context·8 + body.
  var FIELD_MAX = 7;
  var FIELD_SHIFT = [4096, 512, 64, 8, 1];
  var SNIPPET_MAX = 200;
  // Terms in more than 1/COMMON_DIVISOR of all docs keep only their title and keyword postings.
  var COMMON_DIVISOR = 5;
  // Body sections that are not indexed (compared trimmed and lowercased): law citations only add
  // words citizens do not search for.
  var SKIP_SECTIONS = { "rechtsgrundlage": true, "rechtsgrundlagen": true };

  function fieldTexts(doc) {
    var sections = doc.sections || [];
    return [
      doc.title || "",
      (doc.keywords || []).join(" "),
      doc.summary || "",
      [doc.themenfeld || ""].concat(doc.lebenslagen || []).join(" "),
      sections.filter(function (s) { return !SKIP_SECTIONS[String(s.title || "").trim().toLowerCase()]; })
        .map(function (s) { return s.text || ""; }).join(" "),
    ];
  }

  /** Whitespace collapsed; cut to at most `max` code points at a space, with " …" when cut. */
  function snippet(text, max) {
    var flat = String(text).split(/\s+/).filter(Boolean).join(" ");
    var cps = Array.from(flat);
    if (cps.length <= max) return flat;
    var cut = cps.slice(0, max - 2).join("");
    var sp = cut.lastIndexOf(" ");
    return (sp > 0 ? cut.slice(0, sp) : cut) + " …";
  }

  /**
   * Builds the search index from the docs input (Tools/search/docs-input.schema.md).
   * Returns {main, shards}: main = {v, docs, lens, syn, vocab}; shards = [[key, [[term,
   * postings], ...]], ...] sorted by key, a shard holding the terms whose first character is key.
   * Use serializeIndex to get the files.
   */
  function buildIndex(input) {
    var before = LANG;
    useLanguage(input.lang);
    try { return buildIndexIn(input); } finally { useLanguage(before); }
  }

  function buildIndexIn(input) {
    var german = LANG === "de";
    var docs = input.docs || [];
    var known = Object.create(null);
    var texts = docs.map(fieldTexts);
    var docTokens = texts.map(function (fields) {
      return fields.map(function (text) {
        return tokenize(text).filter(function (t) { return !isStopword(t); });
      });
    });
    // Vocabulary for compound splitting: stems of all tokens with at least MIN_PART letters.
    docTokens.forEach(function (fields) {
      fields.forEach(function (toks) {
        toks.forEach(function (t) { if (t.length >= MIN_PART) known[stem(t)] = true; });
      });
    });
    var isKnown = function (s) { return known[s] === true; };
    var compoundCache = Object.create(null);
    var postings = Object.create(null); // term -> {doc -> [h0..h4]}
    var lens = [];
    docs.forEach(function (doc, d) {
      var fields = docTokens[d];
      lens.push(fields.map(function (toks) { return toks.length; }));
      for (var f = 0; f < FIELDS.length; f++) {
        var toks = fields[f];
        for (var i = 0; i < toks.length; i++) {
          var t = toks[i];
          add(postings, stem(t), d, f, 2);
          var parts = !german ? [] : compoundCache[t] || (compoundCache[t] = compoundTerms(t, isKnown));
          for (var p = 0; p < parts.length; p++) add(postings, parts[p], d, f, 1);
        }
        if (!german || (f !== F_TITLE && f !== F_KEYWORDS)) continue;
        // Elided compounds of titles and keywords ("Organ- und Gewebespendeausweis").
        var extra = ellipsisWords(texts[d][f], isKnown);
        for (var e = 0; e < extra.length; e++) if (!isStopword(extra[e])) add(postings, stem(extra[e]), d, f, 1);
      }
    });
    var termKeys = Object.keys(postings).sort();
    var vocab = [];
    var shards = [];
    for (var k = 0; k < termKeys.length; k++) {
      var per = postings[termKeys[k]];
      var docIds = Object.keys(per).map(Number).sort(function (x, y) { return x - y; });
      var common = docIds.length * COMMON_DIVISOR > docs.length;
      var list = [], last = 0;
      for (var q = 0; q < docIds.length; q++) {
        var h = per[docIds[q]];
        if (common && h[F_TITLE] === 0 && h[F_KEYWORDS] === 0) continue;
        var code = 0;
        for (var ff = 0; ff < FIELDS.length; ff++) code = code * (FIELD_MAX + 1) + Math.min(h[ff], FIELD_MAX);
        list.push(docIds[q] - last, code);
        last = docIds[q];
      }
      if (!list.length) continue;
      var key = termKeys[k].charAt(0);
      if (!shards.length || shards[shards.length - 1][0] !== key) shards.push([key, []]);
      shards[shards.length - 1][1].push([termKeys[k], list]);
      vocab.push(termKeys[k]);
    }
    // The thesaurus pairs of words this index does not hold, by the first character of the key.
    var inVocab = Object.create(null);
    vocab.forEach(function (t) { inVocab[t] = true; });
    var thes = [];
    if (german && input.thesaurus) deriveThesaurus(input.thesaurus, function (t) { return inVocab[t] === true; }).forEach(function (e) {
      var key = e[0].charAt(0);
      if (!thes.length || thes[thes.length - 1][0] !== key) thes.push([key, []]);
      thes[thes.length - 1][1].push(e);
    });
    return {
      main: {
        v: INDEX_VERSION,
        lang: german ? undefined : LANG,
        docs: docs.map(function (doc) {
          return [doc.url, doc.title, doc.themenfeld || "", snippet(doc.summary || "", SNIPPET_MAX), doc.ozg_id || "", doc.kind === "page" ? "page" : "service"];
        }),
        lens: lens,
        syn: mergeSynonyms(input.synonyms || []),
        vocab: vocab,
      },
      shards: shards,
      thes: thes,
    };
  }

  function add(postings, s, d, f, amount) {
    var per = postings[s] || (postings[s] = Object.create(null));
    var h = per[d] || (per[d] = [0, 0, 0, 0, 0]);
    h[f] += amount;
  }

  /**
   * The index files, serialised deterministically (no whitespace, keys in the documented order,
   * strings escaped as jsonString does, integers in plain decimal):
   *   shards: [[fileName, text], ...], fileName = "suche-" + key + "." + fnv1a64(text) + ".json"
   *           (an index with a `lang` has it in the names: "suche-en-" + key + …)
   *   thesaurus shards: the same, text [[key, right], ...], fileName "suche-thes-" + key + …
   *   main:   {"v":…,"docs":[…],"lens":[…],"syn":[…],"vocab":[…],"shards":{key:fileName,…}}, with
   *           ,"thes":{key:fileName,…} before the closing brace when there are thesaurus pairs
   * Shard files are named relative to the main file (same folder).
   */
  function serializeIndex(built) {
    var m = built.main;
    var files = built.shards.map(function (sh) {
      var text = "{" + sh[1].map(function (e) { return jsonString(e[0]) + ":[" + e[1].join(",") + "]"; }).join(",") + "}";
      return [sh[0], "suche-" + (m.lang ? m.lang + "-" : "") + sh[0] + "." + fnv1a64(text) + ".json", text];
    });
    var thes = (built.thes || []).map(function (sh) {
      var text = "[" + sh[1].map(function (e) { return "[" + jsonString(e[0]) + "," + jsonString(e[1]) + "]"; }).join(",") + "]";
      return [sh[0], "suche-thes-" + sh[0] + "." + fnv1a64(text) + ".json", text];
    });
    var main = '{"v":' + m.v + (m.lang ? ',"lang":' + jsonString(m.lang) : "") +
      ',"docs":[' + m.docs.map(function (d) { return "[" + d.map(jsonString).join(",") + "]"; }).join(",") + "]" +
      ',"lens":[' + m.lens.map(function (l) { return "[" + l.join(",") + "]"; }).join(",") + "]" +
      ',"syn":[' + m.syn.map(function (e) { return "[" + jsonString(e[0]) + "," + jsonString(e[1]) + "]"; }).join(",") + "]" +
      ',"vocab":' + jsonString(encodeVocab(m.vocab)) +
      ',"shards":{' + files.map(function (f) { return jsonString(f[0]) + ":" + jsonString(f[1]); }).join(",") + "}" +
      (thes.length ? ',"thes":{' + thes.map(function (f) { return jsonString(f[0]) + ":" + jsonString(f[1]); }).join(",") + "}" : "") + "}";
    return { main: main, shards: files.concat(thes).map(function (f) { return [f[1], f[2]]; }) };
  }

  /**
   * Front-coded vocabulary: for each term in sorted order, one uppercase letter giving how many
   * leading characters it shares with the previous term (A = 0 … Z = 25, at most 25 are shared),
   * then the rest of the term. Terms only hold [a-z0-9], so the capitals separate them.
   */
  function encodeVocab(vocab) {
    var out = "", prev = "";
    for (var i = 0; i < vocab.length; i++) {
      var t = vocab[i], n = 0;
      while (n < 25 && n < prev.length && n < t.length && prev.charCodeAt(n) === t.charCodeAt(n)) n++;
      out += String.fromCharCode(65 + n) + t.slice(n);
      prev = t;
    }
    return out;
  }

  function decodeVocab(text) {
    var out = [], prev = "", re = /([A-Z])([a-z0-9]*)/g, m;
    while ((m = re.exec(text)) !== null) {
      prev = prev.slice(0, m[1].charCodeAt(0) - 65) + m[2];
      out.push(prev);
    }
    return out;
  }

  /** JSON string: `"` and `\` escaped with a backslash, U+0000–U+001F as \u00xx (lowercase hex). */
  function jsonString(s) {
    var out = '"';
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i), code = s.charCodeAt(i);
      if (c === '"') out += '\\"';
      else if (c === "\\") out += "\\\\";
      else if (code < 0x20) out += "\\u" + ("0000" + code.toString(16)).slice(-4);
      else out += c;
    }
    return out + '"';
  }

  /** FNV-1a, 64 bit, over the UTF-8 bytes; 16 lowercase hex digits (as AssetNames.hash). */
  function fnv1a64(text) {
    var bytes = new TextEncoder().encode(text);
    var h = BigInt("0xcbf29ce484222325"), prime = BigInt("0x100000001b3"), mask = BigInt("0xffffffffffffffff");
    for (var i = 0; i < bytes.length; i++) h = ((h ^ BigInt(bytes[i])) * prime) & mask;
    return ("0000000000000000" + h.toString(16)).slice(-16);
  }

  // ---------------------------------------------------------------------------------------------
  // Search
  // ---------------------------------------------------------------------------------------------

  var DEFAULTS = {
    limit: 50,
    prefix: true,          // treat the last query word as possibly unfinished
    k1: 2.5,
    weights: [20, 8, 3, 1.5, 1],  // title, keywords, summary, context, body
    b: [0.6, 0.3, 0.5, 0.3, 0.75],
    prefixLast: 0.85,      // factor for completions of the last word
    prefixOther: 0.5,      // factor for longer words starting with another query word
    stemPrefix: 0.6,       // query word continues past an index stem ("bescheini" → beschein)
    typo1: 0.5,
    typo2: 0.35,
    split: 0.8,            // query compound split into known parts
    participle: 0.8,       // "geerbt" → erb
    derivation: 0.8,       // "melden" ↔ meldung where the stems differ
    fuge: 0.95,            // the compound with or without a linking s ("zweitwohnungsteuer")
    ablaut: 0.8,           // a strong verb's participle with its root vowel changed ("gestorben" → sterb)
    synonym: 0.9,
    synonymExtra: 0.3,     // share of further synonym terms added to the best one
    synonymPart: 0.8,      // a synonym's word found only as the start of compounds ("Heimtier" → heimtierausweis)
    thesaurus: 0.7,        // an entry of the thesaurus (below the editors' synonym list)
    misspeltEntries: true, // a word that matched nothing tried as a misspelt synonym or thesaurus word
    pagePenalty: 0.5,
    coverage: 1,           // exponent of the share of query words (slots) a doc matches
    light: 0.2,            // weight of a light query word (LIGHT_STEMS) in the score and the share
    together: 0.3,         // bonus when a title holds several query words (see search)
    togetherTop: 50,       // … among this many best results
    generalFrom: 0.04,     // a query word in more of the documents than this weighs less …
    generalAt: 0.2,        // … down to `light` at this share (see generalityWeight)
    maxPrefix: 40,
  };

  /** Runtime state of a parsed main index, computed once and kept on it. */
  function prepare(index) {
    useLanguage(index.lang);
    if (index.__prepared) return index.__prepared;
    var list = typeof index.vocab === "string" ? decodeVocab(index.vocab) : index.vocab;
    var vocab = Object.create(null);
    for (var i = 0; i < list.length; i++) vocab[list[i]] = true;
    var n = index.docs.length;
    var avg = [0, 0, 0, 0, 0];
    for (var d = 0; d < n; d++) for (var f = 0; f < 5; f++) avg[f] += index.lens[d][f];
    for (var g = 0; g < 5; g++) avg[g] = n ? Math.max(avg[g] / n, 1) : 1;
    var syn = Object.create(null);
    (index.syn || []).forEach(function (e) {
      var lhs = e[0].split(" ").filter(function (t) { return !isStopword(t); }).map(stem);
      if (!lhs.length) return;
      (syn[lhs[0]] || (syn[lhs[0]] = [])).push({ lhs: lhs, rhs: rhsWords(e[1]) });
    });
    var p = {
      index: index, vocab: vocab, list: list, n: n, avg: avg, syn: syn, thes: Object.create(null), thesLoaded: Object.create(null),
      shards: Object.create(null), decoded: Object.create(null), missing: null,
    };
    Object.defineProperty(index, "__prepared", { value: p, enumerable: false });
    return p;
  }

  /**
   * A ready-to-search index built in memory from a docs input (all shards attached), for tools
   * and tests, and for the search page while a site still has the old one-file index.
   */
  function indexFromDocs(input) {
    var built = buildIndex(input);
    var index = { v: built.main.v, lang: built.main.lang, docs: built.main.docs, lens: built.main.lens, syn: built.main.syn, vocab: built.main.vocab, shards: {} };
    built.shards.forEach(function (sh) {
      var shard = Object.create(null);
      sh[1].forEach(function (e) { shard[e[0]] = e[1]; });
      index.shards[sh[0]] = null;
      attachShard(index, sh[0], shard);
    });
    if ((built.thes || []).length) index.thes = {};
    (built.thes || []).forEach(function (sh) { index.thes[sh[0]] = null; attachShard(index, "~" + sh[0], sh[1]); });
    return index;
  }

  /**
   * Adds thesaurus pairs ([[key, right], ...]) to the runtime state, keyed like synonyms. Both
   * sides are folded words already (folding twice is not folding once: "praemptiv" → pramptiv).
   */
  function addThesaurus(p, pairs) {
    p.near = null;
    pairs.forEach(function (e) {
      var lhs = e[0].split(" ").map(stem);
      var rhs = e[1].split(" ").map(function (w) { return { w: w, t: stem(w) }; });
      (p.thes[lhs[0]] || (p.thes[lhs[0]] = [])).push({ lhs: lhs, rhs: rhs });
    });
  }

  /**
   * Makes a loaded shard available to search: the parsed JSON of index.shards[key], or for a key
   * "~" + c that of the thesaurus shard index.thes[c].
   */
  function attachShard(index, key, shard) {
    var p = prepare(index);
    if (key.charAt(0) === "~") { if (!p.thesLoaded[key]) { p.thesLoaded[key] = true; addThesaurus(p, shard); } }
    else p.shards[key] = shard;
  }

  /** The file of a shard key that missingShards returned, relative to the main index. */
  function shardFile(index, key) {
    return key.charAt(0) === "~" ? index.thes[key.slice(1)] : index.shards[key];
  }

  /**
   * Shard keys the query needs that are not attached yet. Load index.shards[key] (relative to
   * the main index URL) for each, attachShard, then search.
   */
  function missingShards(index, query, options) {
    var p = prepare(index);
    p.missing = Object.create(null);
    try { search(index, query, options); } finally { var keys = Object.keys(p.missing).sort(); p.missing = null; }
    return keys;
  }

  /** Right side of a synonym: its words (folded, no stop words) with their stems, one per stem. */
  function rhsWords(text) {
    var seen = Object.create(null), out = [];
    tokenize(text).forEach(function (w) {
      if (isStopword(w)) return;
      var t = stem(w);
      if (!seen[t]) { seen[t] = true; out.push({ w: w, t: t }); }
    });
    return out;
  }

  function postingsOf(p, t) {
    var cached = p.decoded[t];
    if (cached) return cached;
    var shard = p.shards[t.charAt(0)];
    if (!shard) return null;
    var raw = shard[t];
    if (!raw) return null;
    var docs = [], codes = [], d = 0;
    for (var i = 0; i < raw.length; i += 2) { d += raw[i]; docs.push(d); codes.push(raw[i + 1]); }
    var df = docs.length;
    var out = { docs: docs, codes: codes, idf: Math.log(1 + (p.n - df + 0.5) / (df + 0.5)) };
    p.decoded[t] = out;
    return out;
  }

  /** BM25F score of one posting. */
  function bm25f(p, o, postings, i) {
    var code = postings.codes[i], d = postings.docs[i];
    var lens = p.index.lens[d];
    var tf = 0;
    for (var f = 0; f < 5; f++) {
      var h = Math.floor(code / FIELD_SHIFT[f]) % (FIELD_MAX + 1);
      if (h === 0) continue;
      tf += o.weights[f] * (h / 2) / (1 - o.b[f] + o.b[f] * lens[f] / p.avg[f]);
    }
    return postings.idf * tf * (o.k1 + 1) / (tf + o.k1);
  }

  /** Per-doc best scores of one query word or slot. */
  function newAcc() { return { s: Object.create(null) }; }

  function keepMax(acc, d, v) { if (!(acc.s[d] >= v)) acc.s[d] = v; }

  /**
   * Adds factor × score of term t to the per-doc maxima in `acc` and notes t as matched.
   * Returns whether t is in the vocabulary (also when its shard is not loaded yet).
   */
  function scoreTerm(p, o, t, factor, acc, matched) {
    if (p.vocab[t] !== true) return false;
    matched[t] = true;
    if (p.missing) { if (!p.shards[t.charAt(0)]) p.missing[t.charAt(0)] = true; return true; }
    var ps = postingsOf(p, t);
    if (!ps) return true;
    for (var i = 0; i < ps.docs.length; i++) keepMax(acc, ps.docs[i], factor * bm25f(p, o, ps, i));
    return true;
  }

  /**
   * Bounded Damerau distance (optimal string alignment: insertion, deletion, substitution and the
   * transposition of two neighbours each cost 1): the distance if it is ≤ max, otherwise max + 1.
   * With `open`, `b` may end in up to `open` further letters that cost nothing (a typed word
   * running on past an index stem: "baugenehmiugng" is within 1 of the stem "baugenehm" followed
   * by "iugng"… precisely: "baugenehmiu" + "gng"), and the result is the best over those ends.
   */
  function editDistance(a, b, max, open) {
    var la = a.length, lb = b.length, extra = open || 0;
    if (lb - la > max + extra || la - lb > max) return max + 1;
    var rows = [new Array(lb + 1), new Array(lb + 1), new Array(lb + 1)];
    for (var j = 0; j <= lb; j++) rows[1][j] = j;
    var before = rows[0], prev = rows[1], cur = rows[2];
    for (var i = 1; i <= la; i++) {
      cur[0] = i;
      var rowMin = i;
      var ca = a.charCodeAt(i - 1);
      for (var k = 1; k <= lb; k++) {
        var cb = b.charCodeAt(k - 1);
        var v = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (ca === cb ? 0 : 1));
        if (i > 1 && k > 1 && ca === b.charCodeAt(k - 2) && a.charCodeAt(i - 2) === cb && before[k - 2] + 1 < v) v = before[k - 2] + 1;
        cur[k] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return max + 1;
      var tmp = before; before = prev; prev = cur; cur = tmp;
    }
    var best = prev[lb];
    for (var e = 1; e <= extra && lb - e >= 0; e++) if (prev[lb - e] < best) best = prev[lb - e];
    return best <= max ? best : max + 1;
  }

  /** Edit distance a typed word may have from an index term: 1 from 5 letters, 2 from 9. */
  function typoBudget(length) { return length >= 9 ? 2 : length >= 5 ? 1 : 0; }

  // How many letters a typed word may run on past an index stem in a typo match (an inflection
  // or derivation ending the stemmer removes from the correct word but not from the misspelt one).
  var TYPO_ENDING = 4;
  var TYPO_OPEN_MIN = 6;

  /**
   * Index terms within the typo budget of the folded word `w` (or of its stem `s`), as
   * [term, distance] pairs, best first. The budget follows the word's length; transpositions
   * count one. One pass over the vocabulary, pruned by length and bounded per term (the
   * vocabulary of a Land portal is a few thousand terms, so this stays a few milliseconds).
   */
  function typoMatches(p, w, s) {
    var maxD = typoBudget(w.length);
    var out = [];
    if (maxD === 0) return out;
    var list = p.list;
    // Misspellings keep the first letter or swap it with the second: only terms that begin with
    // one of the two are compared (a tenth of the vocabulary).
    var c0 = w.charAt(0), c1 = w.charAt(1);
    for (var i = 0; i < list.length; i++) {
      var t = list[i];
      var f = t.charAt(0);
      if (f !== c0 && f !== c1) continue;
      if (t.length < MIN_PART || t.length > w.length + maxD || t.length < s.length - maxD - TYPO_ENDING) continue;
      var d = editDistance(t, s, maxD);
      // Running on past the stem only for long stems, and within the budget of the stem's length:
      // "rundfunk" is not a misspelt "bund" + "funk".
      if (d > maxD && t.length >= TYPO_OPEN_MIN) {
        var budget = Math.min(maxD, typoBudget(t.length));
        d = editDistance(t, w, budget, TYPO_ENDING);
        if (d > budget) continue;
        if (d === 0) d = 1;  // the stem is intact but the ending is no word's: "anmeld" + "nug"
      }
      if (d > 0 && d <= maxD) out.push([t, d]);
    }
    out.sort(function (x, y) { return x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0); });
    return out;
  }

  /** Terms starting with `prefix` (sorted term list, binary search). */
  function withPrefix(p, prefix, limit) {
    var list = p.list, lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < prefix) lo = mid + 1; else hi = mid; }
    var out = [];
    for (var i = lo; i < list.length && list[i].slice(0, prefix.length) === prefix; i++) out.push(list[i]);
    if (out.length > limit) {
      out.sort(function (x, y) { return x.length - y.length || (x < y ? -1 : 1); });
      out = out.slice(0, limit);
    }
    return out;
  }

  // Light query words: general verbs and question words that say nothing about the topic
  // ("elternzeit nehmen", "wann muss ich …", "wo gibt es …"). Query side only: they are still
  // searched, but count `light` in a doc's score and in the share of query words it matches, so
  // that "nehmen" inside "Arbeitnehmer" cannot outweigh a topic word. Matched by stem.
  var LIGHT_STEMS = Object.create(null);
  ("nehmen nimmt geben gibt gehen geht kommen kommt lassen lasst bringen bringt durfen darf " +
   "mussen wann warum wieso weshalb wer wen wem wohin woher womit")
    .split(" ").forEach(function (w) { LIGHT_STEMS[stem(w)] = true; });

  /**
   * Index terms of `w` with a linking "s" added or removed at one of its part boundaries
   * (boundaries of its split into known parts, or of the split of the variant).
   */
  function fugeVariants(p, w) {
    var known = function (x) { return p.vocab[x] === true; };
    var out = [];
    var seen = Object.create(null);
    var add = function (x) { var t = stem(x); if (!seen[t] && known(t)) { seen[t] = true; out.push(t); } };
    for (var i = MIN_PART; i <= w.length - MIN_PART; i++) {
      var head = w.slice(0, i), tail = w.slice(i);
      if (!known(stem(tail)) && splitOnce(tail, known) === null) continue;
      var part = head.charAt(head.length - 1) === "s" ? head.slice(0, -1) : head;
      if (part.length < MIN_PART || (!known(stem(part)) && splitOnce(part, known) === null)) continue;
      add(part === head ? head + "s" + tail : part + tail);
    }
    return out;
  }

  /** The synonym entry whose left side is the single word with stem `t`, or null. */
  function singleSynonym(p, t) {
    var list = p.syn[t];
    if (!list) return null;
    for (var i = 0; i < list.length; i++) if (list[i].lhs.length === 1) return list[i];
    return null;
  }

  /** The -ung noun of a verb stem and the verb stem of an -ung noun, as far as the index has them. */
  function derivedForms(vocab, t) {
    var out = [];
    if (t.length >= 3 && vocab[t + "ung"] === true) out.push(t + "ung");
    if (t.length >= 6 && /ung$/.test(t) && vocab[t.slice(0, -3)] === true) out.push(t.slice(0, -3));
    return out;
  }

  /**
   * Weight of a query word by how general it is in this index: 1 for a word in at most
   * `o.generalFrom` of the documents, falling (log-linearly) to `o.light` at `o.generalAt` and
   * beyond. "kind", "antrag", "genehmigung" weigh less than "einschulung". The builder keeps
   * only the title and keyword postings of a term in more than a fifth of the documents; such a
   * term (all its postings in those fields, at least 3) counts as in a fifth. Data-driven: no
   * word list, the index's own statistics.
   */
  function generalityWeight(p, o, t) {
    if (p.vocab[t] !== true || p.missing) return 1;
    var ps = postingsOf(p, t);
    if (!ps || !p.n) return 1;
    var df = ps.docs.length;
    if (df >= 3) {
      var onlyTitles = true;
      for (var i = 0; i < ps.codes.length && onlyTitles; i++) if (ps.codes[i] % FIELD_SHIFT[1] !== 0) onlyTitles = false;
      if (onlyTitles) df = Math.max(df, p.n / 5);
    }
    var r = df / p.n;
    if (r <= o.generalFrom) return 1;
    var x = Math.log(r / o.generalFrom) / Math.log(o.generalAt / o.generalFrom);
    return Math.max(o.light, 1 - (1 - o.light) * Math.min(1, x));
  }

  var ABLAUT = ["a", "e", "i", "o", "u", "ie", "ei"];

  /** A verb root with its first vowel (group) replaced by each other vowel of the ablaut series. */
  function ablautVariants(prefix, root) {
    var m = /ie|ei|au|[aeiou]/.exec(root);
    if (!m) return [];
    return ABLAUT.filter(function (v) { return v !== m[0]; }).map(function (v) {
      return prefix + root.slice(0, m.index) + v + root.slice(m.index + m[0].length);
    });
  }

  var PARTICIPLE = /^(ab|an|auf|aus|bei|ein|fest|fort|frei|heim|her|hin|los|mit|nach|um|vor|weg|zu|zuruck|zusammen)?ge([a-z]{3,}?)(et|t|en)$/;

  /** Per-doc scores for one query word (folded token): the best of all ways it can match. */
  function scoreWord(p, o, w, isLast, matched, rhs) {
    var acc = newAcc();
    var derived = function (t) { return derivedForms(p.vocab, t); };
    var s = stem(w);
    var exact = scoreTerm(p, o, s, 1, acc, matched);
    // Longer index terms starting with the word: completions while typing ("perso" →
    // personalausweis) and derived or compound words ("vater" → vaterschaft).
    var open = isLast && o.prefix;
    var minPrefix = open ? 3 : 4;
    if (w.length >= minPrefix) {
      var factor = rhs ? o.synonymPart : open ? o.prefixLast : o.prefixOther;
      var seen = Object.create(null);
      seen[s] = true;
      [w, s].forEach(function (pre) {
        if (pre.length < minPrefix) return;
        withPrefix(p, pre, o.maxPrefix).forEach(function (t) {
          if (seen[t]) return;
          seen[t] = true;
          scoreTerm(p, o, t, rhs ? factor : factor * (0.5 + 0.5 * Math.min(1, w.length / t.length)), acc, matched);
        });
      });
    }
    // The word goes on past an index stem by up to 3 letters: "familienversichert" → familienversicher.
    // (Not for a synonym's word, which the editor wrote in full: "Gründung" is not "Grund".)
    for (var k = w.length - 1; !rhs && k >= Math.max(MIN_PART, w.length - 3); k--) {
      if (w.slice(0, k) !== s) scoreTerm(p, o, w.slice(0, k), o.stemPrefix, acc, matched);
    }
    // The same compound with or without a linking s at a part boundary: "Zweitwohnungsteuer"
    // and "Zweitwohnungssteuer" are both written (and both in use).
    var german = LANG === "de";
    if (!rhs && german && w.length >= MIN_SPLIT_WORD) fugeVariants(p, w).forEach(function (t) { if (t !== s) scoreTerm(p, o, t, o.fuge, acc, matched); });
    if (exact) return acc;
    // Past participles: "geerbt" → erb, "angemeldet" → anmeld, "abgeschleppt" → abschlepp.
    var pm = rhs || !german ? null : PARTICIPLE.exec(w);
    if (pm) {
      var base = stem((pm[1] || "") + pm[2]);
      var found = scoreTerm(p, o, base, o.participle, acc, matched);
      derived(base).forEach(function (t) { scoreTerm(p, o, t, o.participle * o.derivation, acc, matched); });
      // A strong verb changes its vowel ("gestorben" → sterb…, "gestohlen" → stehl…): the root
      // with another vowel, as an index term or the start of index terms (Sterbefall).
      if (!found && pm[3] === "en") ablautVariants(pm[1] || "", pm[2]).forEach(function (v) {
        if (scoreTerm(p, o, stem(v), o.participle * o.ablaut, acc, matched)) return;
        if (v.length >= MIN_PART) withPrefix(p, v, o.maxPrefix).forEach(function (t) { scoreTerm(p, o, t, o.participle * o.ablaut * o.prefixOther, acc, matched); });
      });
    }
    // The verb and its -ung noun, where the stemmer keeps them apart ("melden" → meld, "Meldung"
    // → meldung): the other form, if the index has it.
    if (!rhs && german) derived(s).forEach(function (t) { scoreTerm(p, o, t, o.derivation, acc, matched); });
    // A compound the index does not hold as one word: split into known parts, scored as the
    // mean of the parts times the share of parts found. For a query, a part may also be a word
    // of the synonym list ("autosteuer" → auto + steuer, auto = Kraftfahrzeug …), which then
    // counts through its synonyms.
    var known = function (x) { return p.vocab[x] === true; };
    var queryKnown = rhs ? known : function (x) { return p.vocab[x] === true || singleSynonym(p, x) !== null; };
    var segs = w.length >= MIN_SPLIT_WORD ? splitOnce(w, queryKnown) : null;
    if (segs) {
      var parts = segs.map(function (seg, i) { return partScores(p, o, segmentTerm(seg, i === segs.length - 1, queryKnown), !rhs, matched); });
      scoreParts(acc, parts, o.split, rhs); // a synonym's word: all parts or nothing
    }
    if (rhs) return acc;
    // Parts of a compound around one part the index does not know ("kita·platz·anmeldung"), or
    // whose first part only begins index words ("baumfall·antrag" → baumfallgenehmigung).
    if (!segs && w.length >= MIN_SPLIT_WORD + 1) partialSplit(p, o, w, queryKnown, acc, matched);
    // Typos: edit distance 1 from 5 letters, 2 from 9 letters (transpositions count one), against
    // the stem or the word running on past a stem.
    typoMatches(p, w, s).forEach(function (m) {
      scoreTerm(p, o, m[0], m[1] === 1 ? o.typo1 : o.typo2, acc, matched);
    });
    // A typo inside a compound ("fischereischeinprufnug", "schwerbehindertenauswies"): a split
    // into a known part and a misspelt one, the misspelt part within its own length's budget.
    if (!segs && w.length >= MIN_SPLIT_WORD + 1) typoSplit(p, o, w, known, acc, matched);
    return acc;
  }

  /**
   * A split of `w` into known parts with one gap: either one unknown run of at least 3 letters
   * (the known parts covering at least 40 % of the word), or a first part that is no index
   * word but begins one (≥ 5 letters; its completions count at the prefixOther factor). Scored
   * like a split: the mean over all parts (the gap counts as a part not found) times the share
   * found. Of several, the one covering most letters, then the earliest gap.
   */
  function partialSplit(p, o, w, known, acc, matched) {
    var n = w.length, best = null;
    var memo = Object.create(null);
    var cached = function (kind, x, f) { var k = kind + x; if (!(k in memo)) memo[k] = x.length >= MIN_PART && f(x); return memo[k]; };
    var whole = function (x) { return cached("w", x, function (y) { return segmentOK(y, false, known) || splitOnce(y, known) !== null; }); };
    var tailOK = function (x) { return cached("t", x, function (y) { return known(stem(y)) || splitOnce(y, known) !== null; }); };
    for (var a = 0; a < n; a++) {
      for (var b = a + 3; b <= n; b++) {
        if (a === 0 && b === n) continue;
        var left = w.slice(0, a), right = w.slice(b);
        if ((left && !whole(left)) || (right && !tailOK(right))) continue;
        var covered = left.length + right.length;
        if (covered < 0.4 * n) continue;
        if (!best || covered > best.covered) best = { left: left, gap: w.slice(a, b), right: right, covered: covered, prefix: false };
      }
    }
    // A first part that begins index words: "baumfall" + "antrag".
    for (var c = n - MIN_PART; c >= 5; c--) {
      var first = w.slice(0, c), rest = w.slice(c);
      if (!tailOK(rest) || known(stem(first))) continue;
      if (withPrefix(p, first, 1).length === 0) continue;
      if (!best || n > best.covered) best = { left: "", gap: first, right: rest, covered: n, prefix: true };
      break;
    }
    if (!best) return;
    var parts = [];
    var addKnown = function (x, last) {
      var segs = known(stem(x)) ? [x] : splitOnce(x, known) || [x];
      segs.forEach(function (seg, i) { parts.push(partScores(p, o, segmentTerm(seg, last && i === segs.length - 1, known), true, matched)); });
    };
    if (best.left) addKnown(best.left, false);
    var gapAcc = newAcc();
    if (best.prefix) withPrefix(p, best.gap, o.maxPrefix).forEach(function (t) { scoreTerm(p, o, t, o.prefixOther, gapAcc, matched); });
    parts.push(gapAcc);
    if (best.right) addKnown(best.right, true);
    scoreParts(acc, parts, o.split, false);
  }

  /** Per-doc scores of one part of a compound: its term, and with `synonyms` its synonyms' terms. */
  function partScores(p, o, t, synonyms, matched) {
    var a = newAcc();
    scoreTerm(p, o, t, 1, a, matched);
    var entry = synonyms ? singleSynonym(p, t) : null;
    if (entry) entry.rhs.forEach(function (r) { scoreTerm(p, o, r.t, o.synonym, a, matched); });
    return a;
  }

  /**
   * A compound scored from its parts: `factor` × the mean over the parts × the share of parts a
   * doc holds (with `all`, only docs holding every part).
   */
  function scoreParts(acc, parts, factor, all) {
    var docs = Object.create(null);
    parts.forEach(function (a) { for (var d in a.s) docs[d] = true; });
    for (var dd in docs) {
      var sum = 0, hit = 0;
      for (var q = 0; q < parts.length; q++) if (parts[q].s[dd]) { sum += parts[q].s[dd]; hit++; }
      if (all && hit < parts.length) continue;
      keepMax(acc, dd, factor * (sum / parts.length) * (hit / parts.length));
    }
  }

  // Separable verb particles: in a main clause the particle stands apart, at the end ("ich melde
  // den Hund ab", "wir melden uns um").
  var PARTICLES = Object.create(null);
  ("ab an auf aus bei ein fest fort frei heim her hin los mit nach um vor weg zu zuruck zusammen")
    .split(" ").forEach(function (w) { PARTICLES[w] = true; });

  /**
   * Joins a separated verb particle to its verb: "ich melde den hund ab" → ich abmelde den hund.
   * A particle combines with the nearest word before it whose particle + word (or + its stem) is
   * an index term; the particle then leaves the query. Index vocabulary only, no word list:
   * "hund mit ins ausland" stays as it is because no "mithund" is indexed.
   */
  function joinSeparableVerbs(p, tokens) {
    var out = tokens.slice();
    for (var j = out.length - 1; j > 0; j--) {
      if (!PARTICLES[out[j]]) continue;
      for (var k = j - 1; k >= 0; k--) {
        var v = out[k];
        if (isStopword(v) || PARTICLES[v] || v.length < 3) continue;
        if (p.vocab[stem(out[j] + v)] === true || p.vocab[out[j] + stem(v)] === true) {
          out[k] = out[j] + v;
          out.splice(j, 1);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Two-part splits of `w` where one part is known (itself or as a split into known parts, with
   * a Fuge) and the other is a misspelling of an index term, within the budget of its own length.
   * Scored like a split (mean of the parts) times the typo factor. At most one misspelt part.
   */
  function typoSplit(p, o, w, known, acc, matched) {
    var best = null;
    for (var i = MIN_PART; i <= w.length - MIN_PART; i++) {
      var head = w.slice(0, i), tail = w.slice(i);
      var headKnown = segmentOK(head, false, known) || splitOnce(head, known) !== null;
      var tailKnown = known(stem(tail)) || splitOnce(tail, known) !== null;
      if (headKnown === tailKnown) continue;
      var typed = headKnown ? tail : head;
      var matches = typoMatches(p, typed, stem(typed));
      if (!matches.length) continue;
      if (!best || matches[0][1] < best.d || (matches[0][1] === best.d && typed.length > best.typed.length)) {
        best = { head: head, tail: tail, headKnown: headKnown, typed: typed, d: matches[0][1], terms: matches.filter(function (m) { return m[1] === matches[0][1]; }) };
      }
    }
    if (!best) return;
    var knownPart = best.headKnown ? best.head : best.tail;
    var knownAcc = newAcc();
    var segs = splitOnce(knownPart, known);
    if (known(stem(knownPart)) || !segs) scoreTerm(p, o, best.headKnown ? segmentTerm(knownPart, false, known) : stem(knownPart), 1, knownAcc, matched);
    else segs.forEach(function (seg, k) { scoreTerm(p, o, segmentTerm(seg, !best.headKnown && k === segs.length - 1, known), 1, knownAcc, matched); });
    var typoAcc = newAcc();
    best.terms.forEach(function (m) { scoreTerm(p, o, m[0], 1, typoAcc, matched); });
    // Scaled to the typo factor of a whole word: one part misspelt by one edit counts like a
    // clean split (2 × typo1 = 1), by two edits a little less (2 × typo2).
    scoreParts(acc, [knownAcc, typoAcc], o.split * 2 * (best.d === 1 ? o.typo1 : o.typo2), false);
  }

  /**
   * Searches a parsed index. Returns up to options.limit results, best first:
   * {doc, url, title, themenfeld, snippet, ozg_id, kind, score}; `results.matched` lists the
   * index terms that matched (for highlighting).
   */
  function search(index, query, options) {
    var o = {};
    for (var key in DEFAULTS) o[key] = DEFAULTS[key];
    if (options) for (var k2 in options) o[k2] = options[k2];
    var p = prepare(index);
    // Separable verbs are German ("melde … ab"); English phrasal verbs are indexed as words.
    var all = LANG === "de" ? joinSeparableVerbs(p, tokenize(query)) : tokenize(query);
    var words = all.filter(function (t) { return !isStopword(t); });
    var results = [];
    results.matched = [];
    if (!words.length) return results;
    var lastToken = all[all.length - 1];
    var endsOpen = /[a-z0-9]$/i.test(fold(query));
    var stems = words.map(stem);
    // Slots: one per query word; a synonym whose left side covers several words makes one slot.
    var slots = [];
    // The thesaurus shards of the words the index does not hold (and of the word before each,
    // for entries of two words), while collecting what to load.
    if (p.missing && index.thes) stems.forEach(function (t, i) {
      if (p.vocab[t] === true) return;
      [t, i > 0 ? stems[i - 1] : ""].forEach(function (x) { if (x && index.thes[x.charAt(0)] && !p.thesLoaded["~" + x.charAt(0)]) p.missing["~" + x.charAt(0)] = true; });
    });
    for (var i = 0; i < words.length; i++) {
      var entry = null;
      (p.syn[stems[i]] || []).forEach(function (e) {
        if (e.lhs.length > words.length - i) return;
        for (var j = 0; j < e.lhs.length; j++) if (stems[i + j] !== e.lhs[j]) return;
        if (!entry || e.lhs.length > entry.lhs.length) entry = e;
      });
      // No synonym: a thesaurus entry of several words ("gelbe tonne"), or for a word the index
      // does not hold, its one-word entry.
      var thes = null;
      if (!entry && o.thesaurus > 0) {
        (p.thes[stems[i]] || []).forEach(function (e) {
          if (e.lhs.length > words.length - i) return;
          for (var j = 0; j < e.lhs.length; j++) if (stems[i + j] !== e.lhs[j]) return;
          if (!thes || e.lhs.length > thes.lhs.length) thes = e;
        });
      }
      var len = entry ? entry.lhs.length : thes ? thes.lhs.length : 1;
      slots.push({ words: words.slice(i, i + len), syn: entry, thes: thes, weight: !entry && LIGHT_STEMS[stems[i]] ? o.light : entry ? 1 : generalityWeight(p, o, stems[i]) });
      i += len - 1;
    }
    var matched = Object.create(null);
    var slotMatched = slots.map(function () { return Object.create(null); });
    var slotAccs = slots.map(function (slot, si) {
      var acc = newAcc();
      var isLastSlot = si === slots.length - 1;
      var share = 1 / slot.words.length;
      var matched = slotMatched[si];
      slot.words.forEach(function (w, wi) {
        var isLast = isLastSlot && wi === slot.words.length - 1 && w === lastToken && endsOpen;
        var a = scoreWord(p, o, w, isLast, matched);
        for (var d in a.s) acc.s[d] = (acc.s[d] || 0) + a.s[d] * share;
      });
      if (slot.syn) scoreRightSide(p, o, slot.syn.rhs, o.synonym, acc, matched);
      // A one-word entry only for a word that matched nothing else.
      else if (slot.thes && (slot.thes.lhs.length > 1 || !Object.keys(matched).length)) scoreRightSide(p, o, slot.thes.rhs, o.thesaurus, acc, matched);
      // A word that matched nothing at all may be a misspelt synonym or thesaurus word
      // ("wafenschein" → waffenschein = Waffenerlaubnis …), within its length's typo budget.
      else if (o.misspeltEntries && slot.words.length === 1 && !Object.keys(matched).length) {
        var near = nearEntry(p, stem(slot.words[0]), typoBudget(slot.words[0].length));
        if (near) scoreRightSide(p, o, near.entry.rhs, (near.syn ? o.synonym : o.thesaurus) * (near.d === 1 ? o.typo1 : o.typo2), acc, matched);
      }
      return acc;
    });
    // Any-word matching: the weighted sum over slots, times the (weighted) share of slots the
    // doc matches.
    var scores = Object.create(null), covered = Object.create(null), total = 0;
    slotAccs.forEach(function (a, si) {
      var wt = slots[si].weight;
      total += wt;
      for (var d in a.s) { scores[d] = (scores[d] || 0) + wt * a.s[d]; covered[d] = (covered[d] || 0) + wt; }
    });
    for (var d4 in scores) {
      if (!(scores[d4] > 0)) continue;
      var doc = index.docs[d4];
      var sc = scores[d4] * Math.pow(covered[d4] / total, o.coverage);
      if (doc[5] === "page") sc *= o.pagePenalty;
      results.push({ doc: Number(d4), score: sc });
    }
    slotMatched.forEach(function (m) { for (var t in m) matched[t] = true; });
    results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    // Query words together in a title: of the best results, those whose title holds several of
    // the query's words (or their matches) move up, by the share of the query's weight beyond
    // the first word that the title holds ("hund ausland" → "EU-Heimtierausweis für Reisen ins
    // Ausland" holds both). Titles are short, so holding them together is being near.
    if (o.together > 0 && slots.length > 1 && !p.missing) {
      var head = results.slice(0, o.togetherTop);
      head.forEach(function (r) {
        var inTitle = 0, first = 0;
        slots.forEach(function (slot, si) {
          if (titleHolds(index.docs[r.doc][1], slotMatched[si])) { inTitle += slot.weight; first = Math.max(first, slot.weight); }
        });
        if (total > first) r.score *= 1 + o.together * Math.max(0, inTitle - first) / (total - first);
      });
      head.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      results = head.concat(results.slice(head.length));
    }
    var out = results.slice(0, o.limit).map(function (r) {
      var doc = index.docs[r.doc];
      return { doc: r.doc, url: doc[0], title: doc[1], themenfeld: doc[2], snippet: doc[3], ozg_id: doc[4], kind: doc[5], score: r.score };
    });
    out.total = results.length;
    out.matched = Object.keys(matched).sort();
    return out;
  }

  /**
   * The one-word synonym or (loaded) thesaurus entry nearest to stem `t`, within `max` edits
   * (Damerau) and beginning with its first letter: {entry, d, syn}. Of several, the fewest edits,
   * then a synonym before a thesaurus entry, then the first key in code unit order.
   */
  function nearEntry(p, t, max) {
    if (max < 1 || !t) return null;
    var c = t.charAt(0);
    // The candidates by first letter, synonyms first, each in key order; made again when a
    // thesaurus shard arrives.
    if (!p.near) p.near = Object.create(null);
    var list = p.near[c];
    if (!list) {
      list = p.near[c] = [];
      [[p.syn, true], [p.thes, false]].forEach(function (source) {
        Object.keys(source[0]).filter(function (key) { return key.charAt(0) === c; }).sort().forEach(function (key) {
          source[0][key].forEach(function (e) { if (e.lhs.length === 1) list.push({ key: key, entry: e, syn: source[1] }); });
        });
      });
    }
    var best = null;
    for (var i = 0; i < list.length; i++) {
      if (Math.abs(list[i].key.length - t.length) > max) continue;
      var d = editDistance(t, list[i].key, max);
      if (d <= max && (!best || d < best.d)) best = { entry: list[i].entry, d: d, syn: list[i].syn };
    }
    return best;
  }

  /**
   * A synonym's or thesaurus entry's right side: each term on its own, a doc with several of them
   * gets a bonus. A right-hand word the index only holds inside compounds ("Photovoltaik" →
   * photovoltaikanlage, "Heimtier" → heimtierausweis) is matched like a query word (completions,
   * compound parts – all of them), without typo tolerance.
   */
  function scoreRightSide(p, o, rhs, factor, acc, matched) {
    var per = rhs.map(function (r) {
      var a = newAcc();
      if (!scoreTerm(p, o, r.t, 1, a, matched)) a = scoreWord(p, o, r.w, false, matched, true);
      return a;
    });
    var docs = Object.create(null);
    per.forEach(function (a) { for (var d in a.s) docs[d] = true; });
    for (var d2 in docs) {
      var best = 0, sum = 0;
      per.forEach(function (a) { var v = a.s[d2] || 0; sum += v; if (v > best) best = v; });
      keepMax(acc, d2, factor * (best + o.synonymExtra * (sum - best)));
    }
  }

  /** Whether a word of `title` has a stem in `terms`, or contains one of them (≥ MIN_PART letters). */
  function titleHolds(title, terms) {
    var re = /[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff]+/g, m;
    while ((m = re.exec(title)) !== null) {
      var info = wordInfo(m[0]);
      for (var i = 0; i < info.toks.length; i++) {
        if (terms[info.stems[i]]) return true;
        for (var t in terms) if (t.length >= MIN_PART && info.toks[i].indexOf(t) >= 0) return true;
      }
    }
    return false;
  }

  /**
   * Splits `text` into [[piece, isMatch], ...] so that words whose stem (or a compound part of
   * at least MIN_PART letters) was matched are marked. Joining the pieces gives `text` back.
   */
  var WORD_CACHE = new Map(); // word of a result text → its non-stop-word folded tokens and stems

  function wordInfo(word) {
    var info = WORD_CACHE.get(word);
    if (info) return info;
    if (WORD_CACHE.size > 20000) WORD_CACHE.clear();
    var toks = tokenize(word).filter(function (t) { return !isStopword(t); });
    info = { toks: toks, stems: toks.map(stem) };
    WORD_CACHE.set(word, info);
    return info;
  }

  function highlight(text, matchedTerms) {
    var set = Object.create(null);
    var long = [];
    (matchedTerms || []).forEach(function (t) { set[t] = true; if (t.length >= MIN_PART) long.push(t); });
    var out = [];
    var re = /[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff]+/g;
    var last = 0, m;
    while ((m = re.exec(text)) !== null) {
      var info = wordInfo(m[0]);
      var hit = false;
      for (var i = 0; i < info.toks.length && !hit; i++) {
        if (set[info.stems[i]]) { hit = true; break; }
        for (var j = 0; j < long.length; j++) if (info.toks[i].indexOf(long[j]) >= 0) { hit = true; break; }
      }
      if (!hit) continue;
      if (m.index > last) out.push([text.slice(last, m.index), false]);
      out.push([m[0], true]);
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push([text.slice(last), false]);
    return out;
  }

  return {
    version: INDEX_VERSION,
    fold: fold,
    tokenize: tokenize,
    stem: stem,
    stemEnglish: stemEnglish,
    terms: terms,
    isStopword: isStopword,
    splitCompound: splitCompound,
    compoundTerms: compoundTerms,
    parseSynonyms: parseSynonyms,
    mergeSynonyms: mergeSynonyms,
    buildIndex: buildIndex,
    serializeIndex: serializeIndex,
    fnv1a64: fnv1a64,
    encodeVocab: encodeVocab,
    decodeVocab: decodeVocab,
    attachShard: attachShard,
    indexFromDocs: indexFromDocs,
    missingShards: missingShards,
    search: search,
    highlight: highlight,
    ellipsisWords: ellipsisWords,
    // The query analysis on its own, for the shared vectors (Tests/vectors/query-analysis.json).
    analysis: {
      editDistance: editDistance,
      typoBudget: typoBudget,
      typoMatches: function (index, w) { return typoMatches(prepare(index), w, stem(w)); },
      joinSeparableVerbs: function (index, query) { return joinSeparableVerbs(prepare(index), tokenize(query)); },
      derivedForms: function (index, t) { return derivedForms(prepare(index).vocab, t); },
    },
    editDistance: editDistance,
    deriveThesaurus: function (text, vocab) { var set = Object.create(null); vocab.forEach(function (t) { set[t] = true; }); return deriveThesaurus(text, function (t) { return set[t] === true; }); },
    shardFile: shardFile,
    defaults: DEFAULTS,
  };
});
