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

  function controls(field) { return Array.prototype.slice.call(field.querySelectorAll("input, select, textarea")); }
  function label(field) { return field.getAttribute("data-label"); }

  function problem(field) {
    var kind = field.getAttribute("data-kind");
    var required = field.hasAttribute("data-required");
    var els = controls(field);
    var name = label(field);
    if (kind === "radio") {
      return required && !els.some(function (e) { return e.checked; }) ? "Wählen Sie aus: " + name : null;
    }
    if (kind === "checkboxes") {
      return required && !els.some(function (e) { return e.checked; }) ? "Wählen Sie mindestens eine Angabe aus: " + name : null;
    }
    if (kind === "checkbox") {
      return required && !els[0].checked ? "Bestätigen Sie: " + name : null;
    }
    if (kind === "date") {
      var v = els.map(function (e) { return e.value.trim(); });
      if (v.every(function (x) { return x === ""; })) return required ? "Geben Sie das Datum an: " + name : null;
      var d = parseInt(v[0], 10), m = parseInt(v[1], 10), y = parseInt(v[2], 10);
      var date = new Date(y, m - 1, d);
      if (!/^\d{1,2}$/.test(v[0]) || !/^\d{1,2}$/.test(v[1]) || !/^\d{4}$/.test(v[2]) ||
          date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) {
        return name + " muss ein echtes Datum sein, zum Beispiel 27 3 1990";
      }
      return null;
    }
    var value = els[0].type === "file" ? (els[0].files && els[0].files.length ? "x" : "") : els[0].value.trim();
    if (value === "") {
      if (!required) return null;
      if (kind === "file") return "Wählen Sie eine Datei aus: " + name;
      if (kind === "select") return "Wählen Sie aus: " + name;
      return "Geben Sie Folgendes an: " + name;
    }
    if (kind === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return "Geben Sie eine E-Mail-Adresse im richtigen Format an, zum Beispiel name@example.de";
    if (kind === "tel" && !/^[0-9 +()\/-]{5,}$/.test(value)) return "Geben Sie eine Telefonnummer an, zum Beispiel 0351 123456";
    if (kind === "number") {
      var n = Number(value.replace(",", "."));
      if (isNaN(n)) return name + " muss eine Zahl sein";
      if (field.hasAttribute("data-min") && n < Number(field.getAttribute("data-min"))) return name + " muss mindestens " + field.getAttribute("data-min") + " sein";
      if (field.hasAttribute("data-max") && n > Number(field.getAttribute("data-max"))) return name + " darf höchstens " + field.getAttribute("data-max") + " sein";
    }
    var pattern = field.getAttribute("data-pattern");
    if (pattern && !new RegExp("^(?:" + pattern + ")$").test(value)) return name + " hat nicht das richtige Format";
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
      hidden.textContent = "Fehler: ";
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
        if (e.type === "checkbox" && field.getAttribute("data-kind") === "checkbox") return "Ja";
        return e.value.trim();
      }).filter(Boolean);
      var dt = document.createElement("dt");
      dt.textContent = label(field);
      var dd = document.createElement("dd");
      dd.textContent = values.length ? values.join(field.getAttribute("data-kind") === "date" ? "." : ", ") : "keine Angabe";
      list.appendChild(dt);
      list.appendChild(dd);
    });
    check.hidden = false;
    focusTop(check);
  }

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
      document.title = "Fehler: " + baseTitle;
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
