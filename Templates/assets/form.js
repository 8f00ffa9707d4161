// Form behaviour: checks each field on submit, shows an error summary (focused, linking to the
// fields) and a message at each field, and prefixes the title with "Fehler:". Without a
// connected submission service it shows the answers instead of sending them.
(function () {
  "use strict";
  var form = document.querySelector("form.antrag");
  if (!form) return;
  var summary = document.getElementById("fehlerliste");
  var check = document.getElementById("zusammenfassung");
  var baseTitle = document.title;
  // Messages: the form's own (data-texts, from the theme's i18n/<language>.yml, keys form_js_*)
  // on a page not in the site's language, else these. {name} is the field's label.
  var T = {
    error_prefix: "Fehler: ",
    at_most: "Geben Sie höchstens {n} an: {name}",
    at_least: "Geben Sie mindestens {n} an: {name}",
    too_large: "Die Datei ist zu groß (höchstens {size}): {name}",
    missing: "Geben Sie Folgendes an: {name}",
    choose: "Wählen Sie aus: {name}",
    choose_some: "Wählen Sie mindestens eine Angabe aus: {name}",
    confirm: "Bestätigen Sie: {name}",
    date_missing: "Geben Sie das Datum an: {name}",
    date_invalid: "{name} muss ein echtes Datum sein, zum Beispiel 27 3 1990",
    file_missing: "Wählen Sie eine Datei aus: {name}",
    email_invalid: "Geben Sie eine E-Mail-Adresse im richtigen Format an, zum Beispiel name@example.de",
    tel_invalid: "Geben Sie eine Telefonnummer an, zum Beispiel 0351 123456",
    integer_invalid: "{name} muss eine ganze Zahl sein",
    number_invalid: "{name} muss eine Zahl sein",
    number_min: "{name} muss mindestens {n} sein",
    number_max: "{name} darf höchstens {n} sein",
    text_min: "{name} muss mindestens {n} Zeichen lang sein",
    text_max: "{name} darf höchstens {n} Zeichen lang sein",
    pattern: "{name} hat nicht das richtige Format",
    yes: "Ja",
    no_answer: "keine Angabe",
    remove: "Entfernen: {name} {n}",
    filter: "Liste eingrenzen: {name}",
    filter_one: "1 Eintrag passt",
    filter_n: "{n} Einträge passen"
  };
  try {
    var own = JSON.parse(form.getAttribute("data-texts") || "{}");
    for (var key in own) if (Object.prototype.hasOwnProperty.call(T, key)) T[key] = String(own[key]);
  } catch (e) { /* the German texts stay */ }
  function say(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values[name] !== undefined ? String(values[name]) : all; });
  }

  // Focus a box and show it from its top: a plain focus() on a box taller than a narrow screen
  // scrolls to its middle, so the heading ("Es gibt ein Problem") would be out of sight.
  function focusTop(el) {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "start" });
  }

  // From the error summary to a field: focus its first control and show the whole question
  // (label or legend, hint and message) above it, as GOV.UK does.
  function focusField(field, target) {
    target.focus({ preventScroll: true });
    field.scrollIntoView({ block: "start" });
    var r = target.getBoundingClientRect();
    if (r.bottom > window.innerHeight || r.top < 0) target.scrollIntoView({ block: "nearest" });
  }

  function controls(field) { return Array.prototype.slice.call(field.querySelectorAll("input:not([data-filter-input]), select, textarea")); }
  function label(field) { return field.getAttribute("data-label"); }
  function number(field, name) { return field.hasAttribute(name) ? Number(field.getAttribute(name)) : null; }

  // Whether the citizen has given anything in a box (an optional group of a FIM form): then
  // the fields that group requires are due.
  function filled(box) {
    return !!box && Array.prototype.some.call(box.querySelectorAll("input:not([data-filter-input]), select, textarea"), function (e) {
      if (e.readOnly || e.type === "button") return false;
      if (e.type === "checkbox" || e.type === "radio") return e.checked;
      if (e.type === "file") return !!(e.files && e.files.length);
      return e.value.trim() !== "";
    });
  }

  // How many values a field holds: files chosen, boxes ticked, lines filled.
  function count(els) {
    return els.reduce(function (n, e) {
      if (e.type === "file") return n + (e.files ? e.files.length : 0);
      if (e.type === "checkbox" || e.type === "radio") return n + (e.checked ? 1 : 0);
      return n + (e.value.trim() !== "" ? 1 : 0);
    }, 0);
  }

  function problem(field) {
    var kind = field.getAttribute("data-kind");
    var els = controls(field);
    if (els.length && els[0].readOnly) return null;
    var required = field.hasAttribute("data-required") ||
      (field.hasAttribute("data-required-in") && filled(document.getElementById(field.getAttribute("data-required-in"))));
    var name = label(field);
    var most = number(field, "data-count-max"), least = number(field, "data-count-min");
    if (most !== null && count(els) > most) return say(T.at_most, { n: most, name: name });
    if (required && least !== null && least > 1 && count(els) < least) return say(T.at_least, { n: least, name: name });
    var largest = number(field, "data-max-size");
    if (largest !== null && els.some(function (e) {
      return e.type === "file" && e.files && Array.prototype.some.call(e.files, function (f) { return f.size > largest; });
    })) return say(T.too_large, { size: largest >= 1e6 ? Math.floor(largest / 1e6) + " MB" : Math.max(1, Math.floor(largest / 1e3)) + " kB", name: name });
    if (kind === "lines") {
      var lines = els.filter(function (e) { return e.value.trim() !== ""; });
      if (!lines.length) return required ? say(T.missing, { name: name }) : null;
      for (var i = 0; i < lines.length; i++) {
        var p = checkText(field, lines[i].value.trim(), name);
        if (p) return p;
      }
      return null;
    }
    if (kind === "radio") {
      return required && !els.some(function (e) { return e.checked; }) ? say(T.choose, { name: name }) : null;
    }
    if (kind === "checkboxes") {
      return required && !els.some(function (e) { return e.checked; }) ? say(T.choose_some, { name: name }) : null;
    }
    if (kind === "checkbox") {
      return required && !els[0].checked ? say(T.confirm, { name: name }) : null;
    }
    if (kind === "date") {
      var v = els.map(function (e) { return e.value.trim(); });
      if (v.every(function (x) { return x === ""; })) return required ? say(T.date_missing, { name: name }) : null;
      var d = parseInt(v[0], 10), m = parseInt(v[1], 10), y = parseInt(v[2], 10);
      var date = new Date(y, m - 1, d);
      if (!/^\d{1,2}$/.test(v[0]) || !/^\d{1,2}$/.test(v[1]) || !/^\d{4}$/.test(v[2]) ||
          date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) {
        return say(T.date_invalid, { name: name });
      }
      return null;
    }
    var value = els[0].type === "file" ? (els[0].files && els[0].files.length ? "x" : "") : els[0].value.trim();
    if (value === "") {
      if (!required) return null;
      if (kind === "file") return say(T.file_missing, { name: name });
      if (kind === "select") return say(T.choose, { name: name });
      return say(T.missing, { name: name });
    }
    if (kind === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return T.email_invalid;
    if (kind === "tel" && !/^[0-9 +()\/-]{5,}$/.test(value)) return T.tel_invalid;
    if (kind === "number" || kind === "integer") {
      if (kind === "integer" && !/^-?[0-9]+$/.test(value)) return say(T.integer_invalid, { name: name });
      var n = Number(value.replace(",", "."));
      if (isNaN(n)) return say(T.number_invalid, { name: name });
      if (field.hasAttribute("data-min") && n < Number(field.getAttribute("data-min"))) return say(T.number_min, { name: name, n: field.getAttribute("data-min") });
      if (field.hasAttribute("data-max") && n > Number(field.getAttribute("data-max"))) return say(T.number_max, { name: name, n: field.getAttribute("data-max") });
    }
    return checkText(field, value, name);
  }

  // Length and pattern of a text, as the field's schema gives them.
  function checkText(field, value, name) {
    var shortest = number(field, "data-minlength");
    if (shortest !== null && value.length < shortest) return say(T.text_min, { name: name, n: shortest });
    var input = field.querySelector("input[maxlength], textarea[maxlength]");
    if (input && value.length > input.maxLength) return say(T.text_max, { name: name, n: input.maxLength });
    var pattern = field.getAttribute("data-pattern");
    if (pattern && !new RegExp("^(?:" + pattern + ")$").test(value)) return say(T.pattern, { name: name });
    return null;
  }

  function show(field, message) {
    var box = field.querySelector(".error-message");
    var els = controls(field);
    field.classList.toggle("has-error", !!message);
    box.hidden = !message;
    box.textContent = "";
    if (message) {
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = T.error_prefix;
      box.appendChild(hidden);
      box.appendChild(document.createTextNode(message));
    }
    els.forEach(function (e) {
      var ids = (e.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== box.id; });
      if (message) { ids.push(box.id); e.setAttribute("aria-invalid", "true"); } else { e.removeAttribute("aria-invalid"); }
      if (ids.length) e.setAttribute("aria-describedby", ids.join(" ")); else e.removeAttribute("aria-describedby");
    });
  }

  // One description list per field group, headed by the group's legend (two "Vorname" in one
  // form stay distinguishable), in form order.
  function showAnswers() {
    Array.prototype.slice.call(check.querySelectorAll("dl, h3")).forEach(function (el) { el.parentNode.removeChild(el); });
    var list = null, currentGroup = null;
    Array.prototype.forEach.call(form.querySelectorAll(".field"), function (field) {
      var group = field.closest("fieldset.group");
      if (!list || group !== currentGroup) {
        currentGroup = group;
        if (group) {
          var heading = document.createElement("h3");
          heading.textContent = group.querySelector("legend").textContent;
          check.appendChild(heading);
        }
        list = document.createElement("dl");
        check.appendChild(list);
      }
      var values = controls(field).filter(function (e) {
        return (e.type !== "checkbox" && e.type !== "radio") || e.checked;
      }).map(function (e) {
        if (e.type === "file") return e.files && e.files.length ? e.files[0].name : "";
        if (e.type === "checkbox" && field.getAttribute("data-kind") === "checkbox") return T.yes;
        return e.value.trim();
      }).filter(Boolean);
      var dt = document.createElement("dt");
      dt.textContent = label(field);
      var dd = document.createElement("dd");
      dd.textContent = values.length ? values.join(field.getAttribute("data-kind") === "date" ? "." : ", ") : T.no_answer;
      list.appendChild(dt);
      list.appendChild(dd);
    });
    check.hidden = false;
    focusTop(check);
  }

  // ---- Repeatable groups of FIM forms ("add another"): the first instances are in the HTML
  // and work without JavaScript; further ones are copies of the first, renamed `G…~n`.
  var RENAMED = ["id", "name", "for", "aria-describedby", "data-field", "data-required-in", "data-repeat", "data-filter-for"];

  function rename(root, from, to) {
    [root].concat(Array.prototype.slice.call(root.querySelectorAll("*"))).forEach(function (el) {
      RENAMED.forEach(function (attr) {
        if (!el.hasAttribute(attr)) return;
        el.setAttribute(attr, el.getAttribute(attr).split(" ").map(function (token) {
          if (token === from) return to;
          var rest = token.charAt(from.length);
          return token.indexOf(from) === 0 && (rest === "." || rest === "-") ? to + token.slice(from.length) : token;
        }).join(" "));
      });
    });
  }

  function instances(box) {
    return Array.prototype.filter.call(box.children, function (el) { return el.tagName === "FIELDSET"; });
  }

  function refresh(box) {
    var list = instances(box);
    var most = box.hasAttribute("data-repeat-max") ? Number(box.getAttribute("data-repeat-max")) : Infinity;
    var least = Math.max(Number(box.getAttribute("data-repeat-min")), 1);
    var add = box.querySelector(":scope > [data-repeat-add]");
    if (add) add.hidden = list.length >= most;
    list.forEach(function (fieldset, i) {
      var remove = fieldset.querySelector(":scope > [data-repeat-remove]");
      if (remove) remove.hidden = i < least;
    });
  }

  // Names stay consecutive (`G`, `G~2`, `G~3`) after an instance is removed.
  function renumber(box) {
    var base = box.getAttribute("data-repeat");
    instances(box).forEach(function (fieldset, i) {
      var wanted = i === 0 ? base : base + "~" + (i + 1);
      if (fieldset.id !== wanted) rename(fieldset, fieldset.id, wanted);
      var no = fieldset.querySelector(":scope > legend .instance-number");
      if (no) no.textContent = String(i + 1);
      var remove = fieldset.querySelector(":scope > [data-repeat-remove]");
      if (remove) remove.textContent = remove.textContent.replace(/\d+$/, String(i + 1));
    });
    refresh(box);
  }

  function clear(root) {
    Array.prototype.forEach.call(root.querySelectorAll("input, select, textarea"), function (e) {
      if (e.readOnly) return;
      if (e.type === "checkbox" || e.type === "radio") e.checked = false;
      else if (e.tagName === "SELECT") e.selectedIndex = 0;
      else e.value = "";
      e.removeAttribute("aria-invalid");
    });
    Array.prototype.forEach.call(root.querySelectorAll(".field"), function (f) { show(f, null); });
    Array.prototype.forEach.call(root.querySelectorAll("[hidden][data-filter-item], option[hidden]"), function (o) { o.hidden = false; });
    // Repeated fields start again with their first lines; filter boxes are made anew.
    Array.prototype.forEach.call(root.querySelectorAll(".field[data-kind=lines]"), function (f) {
      var least = Math.max(number(f, "data-count-min") || 1, 1);
      Array.prototype.slice.call(f.querySelectorAll(".line"), least).forEach(function (l) { l.parentNode.removeChild(l); });
      var more = f.querySelector("[data-line-add]");
      if (more) more.hidden = false;
    });
    Array.prototype.forEach.call(root.querySelectorAll(".filter"), function (w) { w.parentNode.removeChild(w); });
    Array.prototype.forEach.call(root.querySelectorAll(".field[data-filter]"), addFilter);
    // Nested repeatable groups start again with their first instances.
    Array.prototype.forEach.call(root.querySelectorAll(".repeat"), function (inner) {
      var least = Math.max(Number(inner.getAttribute("data-repeat-min")), 1);
      instances(inner).slice(least).forEach(function (f) { f.parentNode.removeChild(f); });
      refresh(inner);
    });
  }

  function addInstance(box) {
    var list = instances(box);
    var copy = list[0].cloneNode(true);
    var n = list.length + 1;
    rename(copy, list[0].id, box.getAttribute("data-repeat") + "~" + n);
    clear(copy);
    var no = copy.querySelector(":scope > legend .instance-number");
    if (no) no.textContent = String(n);
    var remove = copy.querySelector(":scope > [data-repeat-remove]");
    if (!remove) {
      remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button secondary";
      remove.setAttribute("data-repeat-remove", "");
      copy.appendChild(remove);
    }
    remove.textContent = say(T.remove, { name: copy.querySelector(":scope > legend").firstChild.textContent.trim(), n: n });
    list[list.length - 1].insertAdjacentElement("afterend", copy);
    refresh(box);
    var first = copy.querySelector("input:not([readonly]), select, textarea");
    if (first) first.focus();
  }

  function addLine(field) {
    var lines = field.querySelectorAll(".line");
    var last = lines[lines.length - 1];
    var copy = last.cloneNode(true);
    var n = lines.length + 1;
    var input = copy.querySelector("input");
    var base = field.getAttribute("data-field");
    input.id = base + "-" + n;
    input.value = "";
    copy.querySelector("label").setAttribute("for", input.id);
    copy.querySelector("label").textContent = label(field) + " " + n;
    last.insertAdjacentElement("afterend", copy);
    var most = number(field, "data-count-max");
    if (most !== null && n >= most) field.querySelector("[data-line-add]").hidden = true;
    input.focus();
  }

  // A long list gets a filter box: typing narrows the choices (the list itself stays the
  // accessible baseline without JavaScript).
  var filterCount = 0;
  function addFilter(field) {
    var target = field.querySelector("select") || field.querySelector("fieldset");
    if (!target || field.querySelector("[data-filter-input]")) return;
    filterCount += 1;
    var id = "filter-" + filterCount;
    var wrap = document.createElement("div");
    wrap.className = "filter";
    var lab = document.createElement("label");
    lab.setAttribute("for", id);
    lab.textContent = say(T.filter, { name: label(field) });
    var input = document.createElement("input");
    input.type = "text";
    input.id = id;
    input.setAttribute("data-filter-input", "");
    input.setAttribute("autocomplete", "off");
    var status = document.createElement("p");
    status.className = "filter-status";
    status.setAttribute("aria-live", "polite");
    wrap.appendChild(lab);
    wrap.appendChild(input);
    wrap.appendChild(status);
    var anchor = target.tagName === "SELECT" ? target : target.querySelector(".choice");
    anchor.parentNode.insertBefore(wrap, anchor);
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      var items = target.tagName === "SELECT" ? Array.prototype.slice.call(target.options, 1) : Array.prototype.slice.call(target.querySelectorAll(".choice"));
      items.forEach(function (item) {
        var match = !q || item.textContent.toLowerCase().indexOf(q) >= 0 || (item.checked || item.selected || (item.querySelector && item.querySelector("input:checked")));
        item.hidden = !match;
        if (item.tagName !== "OPTION") item.setAttribute("data-filter-item", "");
        if (match) shown += 1;
      });
      status.textContent = q ? (shown === 1 ? T.filter_one : say(T.filter_n, { n: shown })) : "";
    });
  }

  Array.prototype.forEach.call(form.querySelectorAll(".repeat"), refresh);
  Array.prototype.forEach.call(form.querySelectorAll("[data-line-add]"), function (b) { b.hidden = false; });
  Array.prototype.forEach.call(form.querySelectorAll(".field[data-filter]"), addFilter);
  form.addEventListener("click", function (event) {
    var add = event.target.closest("[data-repeat-add]");
    if (add) { addInstance(add.parentNode); return; }
    var remove = event.target.closest("[data-repeat-remove]");
    if (remove) {
      var fieldset = remove.parentNode, box = fieldset.parentNode;
      var previous = instances(box)[instances(box).indexOf(fieldset) - 1];
      box.removeChild(fieldset);
      renumber(box);
      var focus = previous && previous.querySelector("input:not([readonly]), select, textarea");
      if (focus) focus.focus();
      return;
    }
    var line = event.target.closest("[data-line-add]");
    if (line) addLine(line.closest(".field"));
  });

  form.addEventListener("submit", function (event) {
    var errors = [];
    Array.prototype.forEach.call(form.querySelectorAll(".field"), function (field) {
      var message = problem(field);
      show(field, message);
      if (message) errors.push({ field: field, message: message });
    });
    var list = summary.querySelector("ul");
    list.innerHTML = "";
    if (errors.length) {
      event.preventDefault();
      errors.forEach(function (e) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        var target = controls(e.field)[0];
        a.href = "#" + target.id;
        a.textContent = e.message;
        a.addEventListener("click", function (ev) { ev.preventDefault(); focusField(e.field, target); });
        li.appendChild(a);
        list.appendChild(li);
      });
      summary.hidden = false;
      check.hidden = true;
      document.title = T.error_prefix + baseTitle;
      focusTop(summary);
      return;
    }
    summary.hidden = true;
    document.title = baseTitle;
    if (form.hasAttribute("data-not-connected")) {
      event.preventDefault();
      showAnswers();
    }
  });
})();
