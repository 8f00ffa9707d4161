"""Forms built from FIM Stammdatenschemata (XDatenfelder 3.0.0, issue #15, output contract v2).

The expectations come from the schemas themselves (``fim_schema``: ElementTree, independent of
the Swift loader); the services are those whose front matter names ``form_schema:``.

- ``test_schemas_attached``: every schema in ``Content/forms/`` belongs to a service with a form page.
- ``test_form_structure`` (static HTML, html.parser): every reachable ``datenfeld`` with feldart
  input/select/locked is one labelled control (date triple, radio/checkbox group) named by its id
  path, its label holds ``bezeichnungEingabe`` and says "(optional)" exactly when an ``anzahl`` on
  its path has minimum 0, choices carry exactly the codes; no other names. A repeating field
  (anzahl max > 1) may also be a group of text inputs sharing its name in a fieldset whose legend
  is the label, max(min, 1) of them without script (the portal's "lines").
- ``test_names_after_script``: the page's script keeps every name.
- ``test_repeat_add_remove``: every repeating group has an add button; a second instance is named
  with ``~2`` at the group (nested groups and date parts included) and can be removed again.
- ``test_axe`` (empty, with errors, with errors at 320 px), ``test_reflow_320``, ``test_vnu``
  (static pages and the DOM with all errors shown).
- ``test_keyboard_fill_largest``: S05000001216 by keyboard only: error summary after an empty
  submit, every field filled, a second instance of a repeating group added and filled, the
  "check your answers" section at the end.

Run alone (run.sh always passes the whole folder, so call pytest the way it does):
  PORTAL_SITE=/dev/shm/fim-site python3 -m pytest -c Tests/browser/pytest.ini --rootdir Tests/browser \
      Tests/browser/test_fim_forms.py
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, SCRATCH, assert_no_csp_violations, format_axe, open_page, run_axe, vnu_jar
from fim_html import FormPage, field_problems, missing_instances, unexpected_names
from fim_schema import (DATE_PARTS, base_name, load_codelists, norm, parse_name, read_schema, schema_services,
                        text_value, with_instance)

CONTENT = REPO / "Content"
CODELISTS = load_codelists(CONTENT / "forms" / "codelists")
SERVICES = schema_services(CONTENT)
SCHEMAS = {}  # schema id -> (service slug, Schema)
for _slug, _path in SERVICES:
    if _path.is_file():
        _schema = read_schema(_path, CODELISTS)
        SCHEMAS[_schema.id] = (_slug, _schema)
SCHEMA_IDS = sorted(SCHEMAS)
REPEATING = [sid for sid in SCHEMA_IDS if any(g.repeats for g in SCHEMAS[sid][1].groups)]
LARGEST = "S05000001216"


def form_path(schema_id: str) -> str:
    return f"leistungen/{SCHEMAS[schema_id][0]}/antrag/"


def keys(driver, *sequence):
    ActionChains(driver).send_keys(*sequence).perform()


def _report(title: str, problems: list[str], limit: int = 80) -> str:
    more = f"\n  … and {len(problems) - limit} more" if len(problems) > limit else ""
    return f"{title}: {len(problems)} problem(s):\n  " + "\n  ".join(problems[:limit]) + more


# --------------------------------------------------------------------------------------------
# The content
# --------------------------------------------------------------------------------------------

def test_schemas_attached(site_dir):
    assert SERVICES, "no service in Content/services names a form_schema"
    missing = [f"{slug}: {path}" for slug, path in SERVICES if not path.is_file()]
    assert not missing, "form_schema files missing:\n  " + "\n  ".join(missing)
    named = {path.resolve() for _, path in SERVICES}
    files = {p.resolve() for p in (CONTENT / "forms").glob("*.xdf.xml")}
    assert files - named == set(), f"schemas no service names: {sorted(p.name for p in files - named)}"
    ids = Counter(read_schema(path, CODELISTS).id for _, path in SERVICES)
    assert all(n == 1 for n in ids.values()), f"a schema is named by several services: {ids}"
    pages = [slug for slug, _ in SERVICES if not (site_dir / "leistungen" / slug / "antrag" / "index.html").is_file()]
    assert not pages, f"no form page for {pages}"
    assert LARGEST in SCHEMAS, f"{LARGEST} is not attached to a service"
    print(f"{len(SCHEMA_IDS)} schemas: " + ", ".join(f"{sid} → {SCHEMAS[sid][0]}" for sid in SCHEMA_IDS))


# --------------------------------------------------------------------------------------------
# Static structure
# --------------------------------------------------------------------------------------------

_pages: dict[str, FormPage] = {}


def static_page(site_dir: Path, schema_id: str) -> FormPage:
    if schema_id not in _pages:
        html = (site_dir / form_path(schema_id) / "index.html").read_text(encoding="utf-8")
        _pages[schema_id] = FormPage(html)
    return _pages[schema_id]


@pytest.mark.parametrize("schema_id", SCHEMA_IDS)
def test_form_structure(site_dir, schema_id):
    slug, schema = SCHEMAS[schema_id]
    page = static_page(site_dir, schema_id)
    # The header's search form is on every page; the page holds one application form.
    antrag = [f for f in page.forms if "antrag" in f.classes() or f.closest(lambda a: a.tag == "main") is not None]
    assert len(antrag) == 1 and page.form is not None, f"{slug}: {len(antrag)} forms in <main> / form.antrag (expected one)"
    problems = []
    for f in schema.controls():
        problems += field_problems(page, f)
    problems += unexpected_names(page, schema)
    problems += missing_instances(page, schema)
    form_text = norm(page.form.text())
    for f in schema.fields:
        if f.feldart == "label" and f.label not in form_text and (not f.content or f.content not in form_text):
            problems.append(f"{f.name}: the text of the label field ({f.label!r}) is not in the form")
    dupes = sorted(i for i, nodes in page.ids.items() if len(nodes) > 1)
    if dupes:
        problems.append(f"duplicate ids: {dupes[:10]}")
    counts = Counter(f.kind for f in schema.controls())
    assert not problems, _report(f"{schema_id} ({slug}, {len(schema.controls())} controls expected, {dict(counts)})", problems)


# --------------------------------------------------------------------------------------------
# In the browser: names after the script ran, repeating groups
# --------------------------------------------------------------------------------------------

NAMES_JS = """
return Array.prototype.map.call(document.querySelectorAll('form.antrag [name]'), function (e) {
  return e.getAttribute('name');
}).filter(function (n) { return n; });
"""


@pytest.mark.parametrize("schema_id", SCHEMA_IDS)
def test_names_after_script(driver, base_url, schema_id):
    slug, schema = SCHEMAS[schema_id]
    open_page(driver, base_url + form_path(schema_id))
    names = set(driver.execute_script(NAMES_JS))
    expected = [n for f in schema.controls() for n in f.control_names()]
    gone = [n for n in expected if n not in names]
    assert not gone, _report(f"{schema_id}: names missing once the page's script ran", gone)
    assert_no_csp_violations(driver, schema_id)


OWNER_JS = """
// The nearest ancestor of a button that holds named controls, and those names.
function owner(b) { var c = b.parentElement; while (c && !c.querySelector('[name]')) c = c.parentElement; return c; }
function names(c) { return c ? Array.prototype.map.call(c.querySelectorAll('[name]'), function (e) { return e.getAttribute('name'); }) : []; }
"""

VISIBLE_BUTTONS_JS = """
return Array.prototype.filter.call(document.querySelectorAll('form.antrag button[' + arguments[0] + ']'), function (b) {
  return b.getClientRects().length > 0 && !b.disabled;
});
"""


def _wait_names_change(driver, before: set, timeout: float = 5) -> set:
    WebDriverWait(driver, timeout).until(lambda d: set(d.execute_script(NAMES_JS)) != before,
                                         message="the set of control names did not change")
    return set(driver.execute_script(NAMES_JS))


def _expected_instance(schema, prefix: str, n: int) -> set[str]:
    """Names of instance n of the element ``prefix`` (a group, or a repeating field itself)."""
    out = set()
    for f in schema.controls():
        if f.name == prefix or f.name.startswith(prefix + "."):
            for cname in f.control_names():
                out.add(with_instance(cname, prefix, n))
    return out


def _instance_prefix(name: str) -> tuple[str, int]:
    """``G1.G2~2.F3`` → ("G1.G2", 2): the element whose instance ``name`` belongs to (first ~n)."""
    parts = parse_name(name)
    for i, (part, n) in enumerate(parts):
        if n > 1:
            ids = [p for p, _ in parts[: i + 1]]
            if i == len(parts) - 1:
                ids[-1] = ids[-1].rsplit("-", 1)[0] if ids[-1].endswith(tuple("-" + p for p in DATE_PARTS)) else ids[-1]
            return ".".join(ids), n
    raise AssertionError(f"{name}: no ~n instance in the name")


@pytest.mark.parametrize("schema_id", REPEATING)
def test_repeat_add_remove(driver, base_url, schema_id):
    """Each add button adds exactly the next instance's names; its remove button takes them away."""
    slug, schema = SCHEMAS[schema_id]
    open_page(driver, base_url + form_path(schema_id))
    count = len(driver.execute_script(VISIBLE_BUTTONS_JS, "data-repeat-add"))
    repeating_groups = [g.name for g in schema.groups if g.repeats]
    occurs = schema.element_occurs()
    covered, problems = {}, []
    start = set(driver.execute_script(NAMES_JS))
    for index in range(count):
        before = set(driver.execute_script(NAMES_JS))
        if before != start:  # a failed removal: start again from a fresh page
            open_page(driver, base_url + form_path(schema_id))
            before = set(driver.execute_script(NAMES_JS))
        driver.execute_script(VISIBLE_BUTTONS_JS, "data-repeat-add")[index].click()
        try:
            after = _wait_names_change(driver, before)
        except Exception:
            problems.append(f"add button {index}: no new names after activating it")
            continue
        added, removed = after - before, before - after
        if removed:
            problems.append(f"add button {index}: names disappeared: {sorted(removed)[:5]}")
        if not added:
            continue
        bad = [a for a in added if "~" not in a]
        if bad:
            problems.append(f"add button {index}: added names without an instance number: {sorted(bad)[:5]}")
            continue
        prefix, n = _instance_prefix(sorted(added)[0])
        expected = _expected_instance(schema, prefix, n)
        occ = occurs.get(tuple(prefix.split(".")))
        if occ is None or not occ.repeats:
            problems.append(f"add button {index}: added instance ~{n} of {prefix}, which does not repeat")
        elif n != occ.initial + 1:
            problems.append(f"add button {index} ({prefix}): the added instance is ~{n}, expected ~{occ.initial + 1}")
        if added != expected:
            problems.append(f"add button {index} ({prefix}): added names differ: missing {sorted(expected - added)[:6]}, "
                            f"unexpected {sorted(added - expected)[:6]}")
        covered[prefix] = index
        state = driver.execute_script(
            OWNER_JS + """
            var ids = {}, dupes = [];
            document.querySelectorAll('[id]').forEach(function (e) { if (ids[e.id]) dupes.push(e.id); ids[e.id] = true; });
            var unlabelled = Array.prototype.filter.call(document.querySelectorAll('form.antrag [name]'), function (e) {
              return e.matches('input:not([type=hidden]), select, textarea') && e.labels.length === 0;
            }).map(function (e) { return e.getAttribute('name'); });
            var prefix = arguments[0] + '~' + arguments[1];
            var removers = Array.prototype.filter.call(document.querySelectorAll('form.antrag button[data-repeat-remove]'), function (b) {
              if (!b.getClientRects().length) return false;
              var ns = names(owner(b));
              return ns.length > 0 && ns.every(function (n) { return n === prefix || n.indexOf(prefix + '.') === 0 || n.indexOf(prefix + '-') === 0; });
            });
            return {dupes: dupes, unlabelled: unlabelled, remover: removers[0] || null};
            """, prefix, n)
        if state["dupes"]:
            problems.append(f"add button {index} ({prefix}): duplicate ids after adding: {state['dupes'][:5]}")
        new_unlabelled = [u for u in state["unlabelled"] if u in added]
        if new_unlabelled:
            problems.append(f"add button {index} ({prefix}): new controls without a label: {new_unlabelled[:5]}")
        if state["remover"] is None:
            problems.append(f"add button {index} ({prefix}): no visible button[data-repeat-remove] for instance ~{n}")
            continue
        state["remover"].click()
        try:
            WebDriverWait(driver, 5).until(lambda d: set(d.execute_script(NAMES_JS)) == before)
        except Exception:
            now = set(driver.execute_script(NAMES_JS))
            problems.append(f"add button {index} ({prefix}): removing instance ~{n} left {sorted(now - before)[:5]}, "
                            f"lost {sorted(before - now)[:5]}")
    not_covered = [g for g in repeating_groups if g not in covered]
    if not_covered:
        problems.append(f"repeating groups without a working add button: {not_covered}")
    assert not problems, _report(f"{schema_id} ({count} add buttons, {len(repeating_groups)} repeating groups)", problems)
    assert_no_csp_violations(driver, schema_id)
    print(f"{schema_id}: {count} add buttons, instances added and removed for {sorted(covered)}")


# --------------------------------------------------------------------------------------------
# axe-core, reflow and the Nu Html Checker
# --------------------------------------------------------------------------------------------

def _submit_empty(driver):
    driver.find_element(By.CSS_SELECTOR, "form.antrag button[type=submit]").click()
    WebDriverWait(driver, 5).until(lambda d: d.execute_script(
        "var s = document.getElementById('fehlerliste'); return s && !s.hidden"), message="no error summary after an empty submit")


@pytest.mark.parametrize("state", ["empty", "errors"])
@pytest.mark.parametrize("schema_id", SCHEMA_IDS)
def test_axe(driver, base_url, axe_source, schema_id, state):
    open_page(driver, base_url + form_path(schema_id))
    if state == "errors":
        _submit_empty(driver)
    result = run_axe(driver, axe_source)
    assert not result["violations"], (f"{schema_id} ({state}): axe {result['version']} found "
                                      f"{len(result['violations'])} rule violation(s):\n" + format_axe(result["violations"]))
    assert_no_csp_violations(driver, f"{schema_id} ({state})")


@pytest.mark.parametrize("schema_id", SCHEMA_IDS)
def test_axe_320(narrow, base_url, axe_source, schema_id):
    driver = narrow
    open_page(driver, base_url + form_path(schema_id))
    _submit_empty(driver)
    result = run_axe(driver, axe_source)
    assert not result["violations"], (f"{schema_id} at 320 px with errors: axe {result['version']} found "
                                      f"{len(result['violations'])} rule violation(s):\n" + format_axe(result["violations"]))


@pytest.mark.parametrize("schema_id", SCHEMA_IDS)
def test_reflow_320(narrow, base_url, schema_id):
    """WCAG 1.4.10 with every error shown: no sideways scrolling at 320 CSS px."""
    driver = narrow
    open_page(driver, base_url + form_path(schema_id))
    _submit_empty(driver)
    width, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert inner == 320
    if width > 320:
        culprits = driver.execute_script(
            """
            var out = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), node;
            // Words too long for their box overflow as text, outside their element's own box.
            while ((node = walker.nextNode()) && out.length < 8) {
              var range = document.createRange(); range.selectNodeContents(node);
              var box = range.getBoundingClientRect();
              if (box.right > 320.5 && box.width > 0 && node.parentElement.getClientRects().length)
                out.push('text in ' + node.parentElement.tagName.toLowerCase() + ' right=' + Math.round(box.right) + ' ' +
                         node.textContent.trim().slice(0, 60));
            }
            document.querySelectorAll('body *').forEach(function (el) {
              var r = el.getBoundingClientRect();
              if (r.right > 320.5 && r.width > 0 && out.length < 8) {
                var p = el.parentElement, clipped = false;
                while (p) { var o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') { clipped = true; break; } p = p.parentElement; }
                if (!clipped) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' right=' + Math.round(r.right) +
                  ' ' + (el.textContent || '').trim().slice(0, 40));
              }
            });
            return out;
            """)
        pytest.fail(f"{schema_id}: page is {width} px wide at 320 px; widest elements:\n  " + "\n  ".join(culprits))


@pytest.fixture(scope="module")
def fim_vnu(site_dir, driver, base_url):
    """One Nu Html Checker run over the 12 static form pages and the 12 DOMs with all errors shown."""
    java = shutil.which("java")
    if not java:
        pytest.fail("java not found (vnu.jar needs Java 11 or later)")
    tmp = Path(tempfile.mkdtemp(prefix="fim-vnu-", dir=SCRATCH))
    files = {}
    try:
        for sid in SCHEMA_IDS:
            files[str(site_dir / form_path(sid) / "index.html")] = (sid, "static")
            open_page(driver, base_url + form_path(sid))
            _submit_empty(driver)
            html = driver.execute_script(
                "var d = document.doctype; return (d ? '<!DOCTYPE ' + d.name + '>\\n' : '') + document.documentElement.outerHTML;")
            dump = tmp / f"{sid}-errors.html"
            dump.write_text(html, encoding="utf-8")
            files[str(dump)] = (sid, "with errors (DOM)")
        proc = subprocess.run([java, "-Xss2m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *files],
                              capture_output=True, text=True, timeout=600)
        output = proc.stdout + proc.stderr
        try:
            report = json.loads(output[output.index("{"):])
        except ValueError:
            pytest.fail(f"vnu gave no JSON (exit {proc.returncode}):\n{output[-3000:]}")
        by_schema: dict[str, list[str]] = {sid: [] for sid in SCHEMA_IDS}
        for m in report.get("messages", []):
            if m.get("type") not in ("error", "non-document-error"):
                continue
            url = m.get("url", "")
            path = url[len("file:"):] if url.startswith("file:") else url
            sid, state = next(((v[0], v[1]) for k, v in files.items() if path.endswith(k)), (None, url))
            line = (f"{state}:{m.get('lastLine', m.get('firstLine', '?'))}: {m.get('message')}"
                    + (f"  «{m['extract'].strip()[:120]}»" if m.get("extract") else ""))
            for key in ([sid] if sid else SCHEMA_IDS):
                by_schema[key].append(line)
        yield by_schema
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.mark.parametrize("schema_id", SCHEMA_IDS)
def test_vnu(fim_vnu, schema_id):
    errors = fim_vnu[schema_id]
    assert not errors, _report(f"{schema_id}: Nu Html Checker errors", errors, 30)


# --------------------------------------------------------------------------------------------
# Keyboard only: the largest form
# --------------------------------------------------------------------------------------------

ACTIVE_JS = """
var e = document.activeElement;
if (!e) return null;
var opts = e.tagName === 'SELECT' ? e.options.length : 0;
return {tag: e.tagName.toLowerCase(), id: e.id, type: (e.getAttribute('type') || '').toLowerCase(),
        name: e.getAttribute('name') || '', readonly: !!e.readOnly, disabled: !!e.disabled,
        inForm: !!(e.closest && e.closest('form.antrag')), isSubmit: e.matches('form.antrag [type=submit]'),
        isAdd: e.matches('button[data-repeat-add]'), isRemove: e.matches('button[data-repeat-remove]'),
        role: e.getAttribute('role'), multiple: !!e.multiple, options: opts,
        value: e.value === undefined ? null : e.value, checked: !!e.checked,
        selected: e.tagName === 'SELECT' ? e.selectedOptions.length : 0,
        // checkboxes of the same group after this one (each is a Tab stop)
        rest: e.type === 'checkbox' ? Array.prototype.filter.call(
          document.querySelectorAll('form.antrag input[type=checkbox]'), function (c) {
            return c.name === e.name && (e.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
          }).length : 0,
        text: (e.textContent || '').trim().slice(0, 60)};
"""

OWNS_GROUP_JS = OWNER_JS + """
var b = document.activeElement, prefix = arguments[0], wanted = arguments[1];
var ns = names(owner(b));
return wanted.every(function (w) { return ns.indexOf(w) >= 0; }) &&
       ns.every(function (n) { return n.indexOf(prefix + '.') === 0 || n.indexOf(prefix + '~') === 0; });
"""


def _target_group(schema):
    """The first repeating group (in form order, not inside another repeating one) with a text field."""
    for g in schema.groups:
        if g.repeats and not any(o.repeats for o in g.occurs[:-1]):
            if any(f.kind == "text" for f in schema.under(g.name)):
                return g
    raise AssertionError(f"{schema.id}: no repeating group with a text field")


def _field_of(schema, name: str):
    base = base_name(name)
    fields = schema.by_name()
    if base in fields:
        return fields[base], None
    stem, _, part = base.rpartition("-")
    if part in DATE_PARTS and stem in fields:
        return fields[stem], part
    return None, None


def _check_error_summary(driver, schema) -> list[str]:
    """After an empty submit: one summary link per required field, each to a control of it."""
    required = {f.name for f in schema.controls() if f.required}
    state = driver.execute_script(
        """
        var s = document.getElementById('fehlerliste');
        var links = Array.prototype.map.call(s.querySelectorAll('a'), function (a) {
          var href = a.getAttribute('href') || '', id = href.charAt(0) === '#' ? decodeURIComponent(href.slice(1)) : null;
          var t = id ? document.getElementById(id) : null;
          return {href: href, text: a.textContent.trim(), exists: !!t,
                  inForm: !!(t && t.closest('form.antrag')), control: !!(t && t.matches('input, select, textarea')),
                  name: t ? t.getAttribute('name') : null};
        });
        var errors = Array.prototype.map.call(document.querySelectorAll('form.antrag .field.has-error'), function (f) {
          var m = f.querySelector('.error-message');
          return {field: f.getAttribute('data-field'), shown: !!(m && !m.hidden && m.offsetHeight > 0)};
        });
        return {visible: !s.hidden && s.offsetHeight > 0, role: s.getAttribute('role'), links: links, errors: errors};
        """)
    problems = []
    if not state["visible"] or state["role"] != "alert":
        problems.append(f"error summary visible={state['visible']} role={state['role']!r}")
    linked = []
    for link in state["links"]:
        if not (link["exists"] and link["inForm"] and link["control"]):
            problems.append(f"summary link {link['href']} ({link['text']!r}) does not point at a control of the form")
            continue
        f, _ = _field_of(schema, link["name"] or "")
        linked.append(f.name if f else link["name"])
    counts = Counter(linked)
    if sorted(counts) != sorted(required) or any(n > 1 for n in counts.values()):
        problems.append(f"summary links ({len(state['links'])}) are not one per required field ({len(required)}): "
                        f"missing {sorted(required - set(counts))}, extra {sorted(set(counts) - required)}, "
                        f"twice {[k for k, n in counts.items() if n > 1]}")
    fields_with_error = {e["field"] for e in state["errors"]}
    if fields_with_error != required:
        problems.append(f"fields marked with an error {sorted(fields_with_error)} are not the required ones {sorted(required)}")
    hidden = [e["field"] for e in state["errors"] if not e["shown"]]
    if hidden:
        problems.append(f"fields with an error but no visible .error-message: {hidden}")
    # Each link moves focus to its control.
    for link in driver.find_elements(By.CSS_SELECTOR, "#fehlerliste a"):
        href = link.get_attribute("href").split("#", 1)[-1]
        driver.execute_script("arguments[0].focus()", link)
        keys(driver, Keys.ENTER)
        focused = driver.execute_script("return document.activeElement.id")
        if focused != href:
            problems.append(f"summary link #{href}: Enter moved focus to #{focused}")
    return problems


def _type_value(driver, value: str):
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(Keys.DELETE).perform()
    keys(driver, value)


def _move_focus_to(driver, element, limit: int = 400):
    """Tab or Shift+Tab until ``element`` has focus."""
    for _ in range(limit):
        relation = driver.execute_script(
            "var a = document.activeElement, t = arguments[0]; if (a === t) return 0;"
            "return (a.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING) ? 1 : -1;", element)
        if relation == 0:
            return
        if relation > 0:
            keys(driver, Keys.TAB)
        else:
            ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    pytest.fail(f"could not reach {element.get_attribute('name')} with Tab / Shift+Tab")


def test_keyboard_fill_largest(driver, base_url):
    if LARGEST not in SCHEMAS:
        pytest.fail(f"{LARGEST} is not attached to a service")
    slug, schema = SCHEMAS[LARGEST]
    url = base_url + form_path(LARGEST)
    open_page(driver, url)
    base_title = driver.title

    # 1. Empty submit: the error summary, one link per required field.
    _submit_empty(driver)
    problems = _check_error_summary(driver, schema)
    assert not problems, _report(f"{LARGEST} error summary after an empty submit", problems)

    # 2. Fill every field with the keyboard, adding a second instance of a repeating group.
    group = _target_group(schema)
    wanted = [n for f in schema.under(group.name) for n in f.control_names()]
    # Start from the error summary (above the form; blur() alone would keep the starting point of
    # sequential focus navigation at the last field a summary link moved to).
    driver.execute_script("document.getElementById('fehlerliste').focus()")
    for _ in range(120):
        keys(driver, Keys.TAB)
        if driver.execute_script(ACTIVE_JS)["inForm"]:
            break
    else:
        pytest.fail("could not reach the form with Tab")

    filled: dict[str, str] = {}
    handled_groups: set[str] = set()
    second_values: list[str] = []
    added = False
    skipped = []
    for _ in range(3000):
        info = driver.execute_script(ACTIVE_JS)
        if info["isSubmit"]:
            break
        name = info["name"]
        if info["isAdd"] and not added and driver.execute_script(OWNS_GROUP_JS, group.name, wanted):
            before = set(driver.execute_script(NAMES_JS))
            keys(driver, Keys.ENTER)
            after = _wait_names_change(driver, before)
            expected = _expected_instance(schema, group.name, 2)
            assert after - before == expected, (f"Enter on the add button of {group.name}: added "
                                                f"{sorted(after - before)[:6]}, expected {sorted(expected)[:6]}")
            first = driver.execute_script(
                "var p = arguments[0];"
                "return Array.prototype.find.call(document.querySelectorAll('form.antrag [name]'), function (e) {"
                "  return e.getAttribute('name').indexOf(p) === 0 && e.matches('input, select, textarea'); });",
                group.name + "~2.")
            _move_focus_to(driver, first)
            added = True
            continue
        if name and info["inForm"] and not info["readonly"] and not info["disabled"] and not info["isAdd"] and not info["isRemove"]:
            f, part = _field_of(schema, name)
            assert f is not None, f"focused control {name!r} is not a field of the schema"
            second = "~" in name
            kind = info["tag"] if info["tag"] != "input" else info["type"] or "text"
            if kind in ("text", "textarea", "number", "email", "tel", "search", "url", "time"):
                value = text_value(f, second=second, part=part)
                _type_value(driver, value)
                now = driver.execute_script(ACTIVE_JS)["value"]
                assert now == value, f"{name}: typing {value!r} gave {now!r}"
                filled[name] = value
                if second and f.kind == "text":
                    second_values.append(value)
            elif kind == "select":
                keys(driver, Keys.ARROW_DOWN)
                now = driver.execute_script(ACTIVE_JS)
                if now["multiple"] and not now["selected"]:
                    keys(driver, Keys.SPACE)
                    now = driver.execute_script(ACTIVE_JS)
                assert now["value"], f"{name}: ArrowDown chose no option"
                filled[name] = now["value"]
            elif kind == "radio":
                if name not in handled_groups:
                    handled_groups.add(name)
                    keys(driver, Keys.SPACE)
                    now = driver.execute_script(ACTIVE_JS)
                    assert now["checked"], f"{name}: Space did not select the radio"
                    filled[name] = now["value"]
            elif kind == "checkbox":
                if name not in handled_groups:
                    handled_groups.add(name)
                    keys(driver, Keys.SPACE)
                    now = driver.execute_script(ACTIVE_JS)
                    assert now["checked"], f"{name}: Space did not tick the checkbox"
                    filled[name] = now["value"]
                if info["rest"]:  # the group's other checkboxes: Tab past them in one go
                    keys(driver, *([Keys.TAB] * info["rest"]))
            elif kind == "file":
                if f.required:
                    upload = tempfile.NamedTemporaryFile(prefix="nachweis-", suffix=".pdf", delete=False)
                    upload.write(b"%PDF-1.4\n%%EOF\n")
                    upload.close()
                    driver.switch_to.active_element.send_keys(upload.name)
                    filled[name] = upload.name
                else:
                    skipped.append(name)
            else:
                skipped.append(f"{name} ({kind})")
        keys(driver, Keys.TAB)
    else:
        pytest.fail("never reached the submit button with Tab")

    assert added, f"never reached the add button of {group.name} ({group.label!r}) with Tab"
    expected_first = {n for f in schema.controls() if f.kind not in ("file", "locked") for n in f.control_names()}
    not_filled = sorted(expected_first - set(filled))
    assert not not_filled, _report(f"{LARGEST}: fields never reached (or skipped) with Tab", not_filled)
    second = {n for n in filled if n.startswith(group.name + "~2.")}
    want_second = {n for n in _expected_instance(schema, group.name, 2)
                   if _field_of(schema, n)[0].kind not in ("file", "locked")}
    assert second == want_second, f"second instance of {group.name}: filled {sorted(second)}, expected {sorted(want_second)}"

    # 3. Submit with Enter on the submit button: no errors, the check-your-answers section.
    keys(driver, Keys.ENTER)
    WebDriverWait(driver, 5).until(
        lambda d: d.execute_script("var s = document.getElementById('zusammenfassung'); return s && !s.hidden"),
        message="the check-your-answers section #zusammenfassung did not appear; errors: " + str(driver.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll('#fehlerliste a'), function (a) {"
            " return a.getAttribute('href') + ' ' + a.textContent.trim(); })")))
    state = driver.execute_script(
        """
        var s = document.getElementById('zusammenfassung'), e = document.getElementById('fehlerliste');
        return {summaryHidden: e.hidden || e.offsetHeight === 0, invalid: document.querySelectorAll('form.antrag [aria-invalid=true]').length,
                errors: document.querySelectorAll('form.antrag .field.has-error').length, text: s.textContent,
                title: document.title, url: location.href, focused: document.activeElement === s};
        """)
    assert state["url"] == url, f"the page navigated to {state['url']}"
    assert state["summaryHidden"] and state["invalid"] == 0 and state["errors"] == 0, \
        f"errors not cleared: summary hidden={state['summaryHidden']}, aria-invalid={state['invalid']}, has-error={state['errors']}"
    assert state["title"] == base_title, f"title still marks an error: {state['title']!r}"
    shown = norm(state["text"])
    assert shown.count("Zweite Angabe") >= second_values.count("Zweite Angabe"), \
        "the answers of the second instance are not all in the summary"
    assert_no_csp_violations(driver, LARGEST + " after submit")
    print(f"{LARGEST}: filled {len(filled)} controls by keyboard (second instance of {group.name}: {len(second)}); "
          f"skipped {len(skipped)}: {skipped[:10]}")
