"""Form behaviour in a real browser: error summary and messages, keyboard-only filling of every
field type, the "check your answers" summary of a form without a submission service, and that
nothing but same-origin GETs leaves the page."""

from __future__ import annotations

import re
import tempfile
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import assert_no_csp_violations, open_page, performance_log

# The forms of the sample: the four hand-written ones and one default form.
OWN_FORMS = ["hundesteuer-anmelden", "wohnsitz-anmelden", "gewerbe-anmelden", "eheschliessung-anmelden"]
ALL_KINDS = {"text", "email", "tel", "number", "date", "textarea", "select", "radio", "checkboxes", "checkbox", "file"}


def _form_paths(page_paths):
    german = {**{slug: f"leistungen/{slug}/antrag/" for slug in OWN_FORMS}, "default": page_paths["form-default"]}
    # The English forms (#17): the four with translated labels and a default stub in English.
    english = {**{f"en:{slug}": f"en/leistungen/{slug}/antrag/" for slug in OWN_FORMS}, "en:default": "en/leistungen/bafoeg-beantragen/antrag/"}
    return {**german, **english}


FORM_IDS = OWN_FORMS + ["default"] + [f"en:{slug}" for slug in OWN_FORMS] + ["en:default"]

# What form.js and the template say, by the page's language (Templates/i18n/*.yml).
WORDS = {
    "de": {"problem": "Es gibt ein Problem", "error": "Fehler: ", "not_sent": "nicht gesendet", "not_transmitted": "nicht übermittelt", "yes": "Ja"},
    "en": {"problem": "There is a problem", "error": "Error: ", "not_sent": "not sent", "not_transmitted": "have not been sent", "yes": "Yes"},
}


def _words(form: str) -> dict:
    return WORDS["en" if form.startswith("en:") else "de"]


def active(driver) -> dict:
    return driver.execute_script(
        """
        var e = document.activeElement;
        var field = e && e.closest ? e.closest('.field') : null;
        return e ? {tag: e.tagName.toLowerCase(), id: e.id, type: e.type || '', name: e.name || '',
                    inForm: !!(e.closest && e.closest('form.antrag')), isSubmit: e.matches('form.antrag [type=submit]'),
                    kind: field ? field.getAttribute('data-kind') : null,
                    field: field ? field.getAttribute('data-field') : null,
                    pattern: field ? field.getAttribute('data-pattern') : null,
                    min: field ? field.getAttribute('data-min') : null,
                    max: field ? field.getAttribute('data-max') : null,
                    required: field ? field.hasAttribute('data-required') : false,
                    value: e.value === undefined ? null : e.value, checked: !!e.checked} : null;
        """)


def keys(driver, *sequence):
    ActionChains(driver).send_keys(*sequence).perform()


def _submit_with_errors(driver):
    driver.find_element(By.CSS_SELECTOR, "form.antrag button[type=submit]").click()
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return !document.getElementById('fehlerliste').hidden"))


@pytest.mark.parametrize("form", FORM_IDS)
def test_error_summary(driver, base_url, page_paths, form):
    open_page(driver, base_url + _form_paths(page_paths)[form])
    base_title = driver.title
    _submit_with_errors(driver)

    state = driver.execute_script(
        """
        var s = document.getElementById('fehlerliste');
        var links = Array.prototype.map.call(s.querySelectorAll('a'), function (a) {
          return {href: a.getAttribute('href'), text: a.textContent};
        });
        var required = Array.prototype.map.call(document.querySelectorAll('form.antrag .field[data-required]'),
          function (f) { return f.getAttribute('data-field'); });
        var invalid = Array.prototype.map.call(document.querySelectorAll('form.antrag .field.has-error'), function (f) {
          var box = f.querySelector('.error-message');
          var controls = Array.prototype.map.call(f.querySelectorAll('input, select, textarea'), function (c) {
            return {id: c.id, invalid: c.getAttribute('aria-invalid'), describedby: (c.getAttribute('aria-describedby') || '').split(/\\s+/)};
          });
          return {field: f.getAttribute('data-field'), errorId: box.id, errorShown: !box.hidden && box.offsetHeight > 0,
                  errorText: box.textContent, controls: controls, first: controls[0].id};
        });
        return {visible: !s.hidden && s.offsetHeight > 0, focused: document.activeElement === s,
                heading: (s.querySelector('h2') || {}).textContent, links: links, required: required, invalid: invalid,
                title: document.title};
        """)
    assert state["visible"], "error summary not shown"
    assert state["focused"], "error summary does not have focus after the failed submit"
    words = _words(form)
    assert state["heading"].strip() == words["problem"]
    assert state["title"] == words["error"] + base_title
    assert sorted(i["field"] for i in state["invalid"]) == sorted(state["required"]), \
        "fields with errors after an empty submit are not exactly the required ones"
    assert [l["href"] for l in state["links"]] == ["#" + i["first"] for i in state["invalid"]], \
        "summary links do not point to the first control of each field with an error, in order"
    for item, link in zip(state["invalid"], state["links"]):
        assert item["errorShown"], f"{item['field']}: inline error message not visible"
        assert item["errorText"].startswith(words["error"]), f"{item['field']}: message lacks the hidden error prefix"
        assert item["errorText"][len(words["error"]):] == link["text"], f"{item['field']}: summary and inline wording differ"
        if form.startswith("en:"):
            # English messages name the English label.
            assert re.match(r"(Enter|Choose|Confirm|Give)\b", link["text"]), f"{item['field']}: not an English message: {link['text']!r}"
        for control in item["controls"]:
            assert control["invalid"] == "true", f"{control['id']}: aria-invalid is not 'true'"
            assert item["errorId"] in control["describedby"], f"{control['id']}: error message not in aria-describedby"

    # Activating each link with the keyboard moves focus to its field.
    links = driver.find_elements(By.CSS_SELECTOR, "#fehlerliste a")
    for link, item in zip(links, state["invalid"]):
        driver.execute_script("arguments[0].focus()", link)
        keys(driver, Keys.ENTER)
        now = active(driver)
        assert now["id"] == item["first"], f"link to {item['field']}: focus went to {now}"
        label_visible = driver.execute_script(
            """
            var el = document.activeElement, r = el.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight;
            """)
        assert label_visible, f"{item['field']}: focused field is not scrolled into view"
    assert_no_csp_violations(driver, form + " error state")


def _text_for(info: dict) -> str:
    kind, pattern, field = info["kind"], info["pattern"], info["field"]
    if kind == "date":
        part = info["name"].rsplit("-", 1)[-1]
        return {"tag": "15", "monat": "3", "jahr": "1990"}[part]
    if kind == "email":
        return "erika.mustermann@example.org"
    if kind == "tel":
        return "0351 123456"
    if kind == "number":
        low = int(info["min"]) if info["min"] else 0
        high = int(info["max"]) if info["max"] else low + 10
        return str(min(low + 1, high))
    if pattern:
        m = re.fullmatch(r"\[0-9\]\{(\d+)\}", pattern)
        assert m, f"{field}: no test value for pattern {pattern}"
        return "1" + "0" * (int(m.group(1)) - 1)
    if kind == "textarea":
        return "Keine weiteren Angaben."
    return f"Test {field}"


def _fill_with_keyboard(driver, yes: str = "Ja") -> tuple[dict, set]:
    """Tabs through the form and answers every question with the keyboard. Returns expected
    answers per field and the kinds seen."""
    expected: dict[str, list[str]] = {}
    kinds: set[str] = set()
    driver.execute_script("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();")
    # Into the form from the top of the page.
    for _ in range(80):
        keys(driver, Keys.TAB)
        if active(driver)["inForm"]:
            break
    else:
        pytest.fail("could not reach the form with Tab")
    last_radio_group = None
    for _ in range(300):
        info = active(driver)
        if info["isSubmit"]:
            break
        kind = info["kind"]
        if kind:
            kinds.add(kind)
        if kind in ("text", "email", "tel", "number", "textarea", "date"):
            value = _text_for(info)
            ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(Keys.DELETE).perform()
            keys(driver, value)
            assert active(driver)["value"] == value, f"{info['id']}: typing gave {active(driver)['value']!r}"
            expected.setdefault(info["field"], []).append(value)
        elif kind == "select":
            keys(driver, Keys.ARROW_DOWN)
            now = active(driver)
            assert now["value"], f"{info['id']}: ArrowDown did not choose an option"
            expected[info["field"]] = [now["value"]]
        elif kind == "radio":
            assert info["field"] != last_radio_group, f"{info['field']}: radios are more than one tab stop"
            last_radio_group = info["field"]
            keys(driver, Keys.SPACE)
            assert active(driver)["checked"], f"{info['id']}: Space did not select the radio"
            keys(driver, Keys.ARROW_DOWN)
            second = active(driver)
            assert second["checked"] and second["id"] != info["id"], "ArrowDown did not move to the next radio"
            keys(driver, Keys.ARROW_UP)
            back = active(driver)
            assert back["checked"] and back["id"] == info["id"], "ArrowUp did not move back"
            expected[info["field"]] = [back["value"]]
        elif kind in ("checkboxes", "checkbox"):
            if kind == "checkbox" or info["field"] not in expected:
                keys(driver, Keys.SPACE)
                now = active(driver)
                assert now["checked"], f"{info['id']}: Space did not tick the checkbox"
                expected[info["field"]] = [yes if kind == "checkbox" else now["value"]]
        elif kind == "file":
            assert info["type"] == "file" and info["tag"] == "input", "file control not focusable"
            if info["required"]:
                # The file dialog is not scriptable from the keyboard; choose the file the WebDriver way.
                upload = tempfile.NamedTemporaryFile(prefix="nachweis-", suffix=".pdf", delete=False)
                upload.write(b"%PDF-1.4\n%%EOF\n")
                upload.close()
                driver.switch_to.active_element.send_keys(upload.name)
                expected[info["field"]] = [upload.name.rsplit("/", 1)[-1]]
        keys(driver, Keys.TAB)
    else:
        pytest.fail("never reached the submit button with Tab")
    return expected, kinds


@pytest.mark.parametrize("form", FORM_IDS)
def test_keyboard_fill_and_check_answers(driver, base_url, page_paths, form):
    url = base_url + _form_paths(page_paths)[form]
    performance_log(driver)  # drop what earlier tests left in the log
    open_page(driver, url)
    base_title = driver.title
    _submit_with_errors(driver)  # start from the error state: fixing every error must clear it
    words = _words(form)
    expected, kinds = _fill_with_keyboard(driver, words["yes"])
    if form.endswith("hundesteuer-anmelden"):
        assert kinds == ALL_KINDS, f"the Hundesteuer form should cover every field kind, missing {ALL_KINDS - kinds}"
    all_fields = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('form.antrag .field'), function (f) { return f.getAttribute('data-field'); })")
    required = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('form.antrag .field[data-required]'), function (f) { return f.getAttribute('data-field'); })")
    missing = [f for f in required if f not in expected]
    assert not missing, f"required fields not reached with Tab: {missing}"

    keys(driver, Keys.ENTER)  # on the submit button
    WebDriverWait(driver, 5).until(
        lambda d: d.execute_script("return !document.getElementById('zusammenfassung').hidden"),
        message="the check-your-answers summary did not appear")
    state = driver.execute_script(
        """
        var s = document.getElementById('zusammenfassung');
        var dts = s.querySelectorAll('dt');
        var answers = Array.prototype.map.call(dts, function (dt) { return [dt.textContent, dt.nextElementSibling.textContent]; });
        return {focused: document.activeElement === s, heading: s.querySelector('h2').textContent,
                text: s.textContent, count: dts.length, answers: answers, title: document.title,
                summaryHidden: document.getElementById('fehlerliste').hidden,
                invalid: document.querySelectorAll('[aria-invalid=true]').length,
                errors: document.querySelectorAll('.field.has-error').length,
                labels: Array.prototype.map.call(document.querySelectorAll('form.antrag .field'), function (f) { return [f.getAttribute('data-field'), f.getAttribute('data-label')]; }),
                url: location.href};
        """)
    assert state["url"] == url, f"the page navigated to {state['url']}"
    assert state["focused"], "focus did not move to the summary"
    assert words["not_sent"] in state["heading"], "summary heading does not say the answers were not sent"
    assert words["not_transmitted"] in state["text"]
    assert state["summaryHidden"] and state["invalid"] == 0 and state["errors"] == 0, "errors were not cleared"
    assert state["title"] == base_title, "title still marks an error"
    assert state["count"] == len(all_fields)
    # The summary lists every field in form order, under its label.
    assert [a[0] for a in state["answers"]] == [label for _, label in state["labels"]]
    shown_by_field = {field: answer[1] for (field, _), answer in zip(state["labels"], state["answers"])}
    for field, values in expected.items():
        shown = shown_by_field[field]
        for value in values:
            assert value in shown, f"{field}: summary shows {shown!r}, expected {value!r}"

    # Nothing left the page but same-origin GETs (performance entries and the network log).
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    entries = driver.execute_script(
        "return performance.getEntries().filter(function (e) { return e.entryType === 'resource' || e.entryType === 'navigation'; })"
        ".map(function (e) { return e.name; })")
    foreign = [e for e in entries if not e.startswith(origin + "/")]
    assert not foreign, f"requests to other origins: {foreign}"
    requests = [r for r in performance_log(driver) if not r["url"].startswith("data:")]
    assert requests, "the network log is empty (performance logging not working?)"
    bad = [r for r in requests if r["method"] != "GET" or not r["url"].startswith(origin + "/")]
    assert not bad, f"requests other than same-origin GETs: {bad}"
    assert_no_csp_violations(driver, form + " after submit")


def test_skip_link(driver, base_url, page_paths):
    for page in ("home", "form-own", "gemeinde"):
        open_page(driver, base_url + page_paths[page])
        driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
        keys(driver, Keys.TAB)
        first = driver.execute_script(
            "var e = document.activeElement, r = e.getBoundingClientRect();"
            "return {skip: e.classList.contains('skip-link'), visible: r.left >= 0 && r.top >= 0 && r.width > 1 && r.height > 1};")
        assert first["skip"], f"{page}: the first Tab stop is not the skip link"
        assert first["visible"], f"{page}: the focused skip link is not visible"
        keys(driver, Keys.ENTER)
        target = driver.execute_script("return document.activeElement.tagName + '#' + document.activeElement.id")
        assert target == "MAIN#inhalt", f"{page}: focus after the skip link is on {target}"
        keys(driver, Keys.TAB)
        inside = driver.execute_script("return !!document.activeElement.closest('main')")
        assert inside, f"{page}: the next Tab after the skip link leaves <main>"


def test_search_interaction(driver, base_url, page_paths):
    """Search results for ?q=, a new query typed and sent with Enter, no CSP violations, same-origin only."""
    performance_log(driver)
    url = base_url + page_paths["search"]
    open_page(driver, url, wait_for_search=True)
    first = driver.execute_script("return document.querySelector('#search-results li a').getAttribute('href')")
    assert "personalausweis" in first, f"first result for 'ausweis' is {first}"
    box = driver.find_element(By.ID, "suchfeld")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("hundesteuer", Keys.ENTER)
    WebDriverWait(driver, 10).until(
        lambda d: "hundesteuer" in (d.execute_script(
            "var a = document.querySelector('#search-results li a'); return a ? a.getAttribute('href') : ''") or ""),
        message="results did not update for the new query")
    assert_no_csp_violations(driver, "search")
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    bad = [r for r in performance_log(driver)
           if not r["url"].startswith("data:") and (r["method"] != "GET" or not r["url"].startswith(origin + "/"))]
    assert not bad, f"requests other than same-origin GETs: {bad}"


def test_search_thesaurus_and_misspelt_synonyms(driver, base_url):
    """#19: a word the index does not know loads its letter's thesaurus file and then the posting
    shards its words need (a second round), and finds the service; a misspelt synonym word is
    found too; a word the index knows loads no thesaurus file."""
    def first_result():
        return driver.execute_script("return document.querySelector('#search-results li a').getAttribute('href')")
    performance_log(driver)
    open_page(driver, base_url + "suche/?q=kurtaxe", wait_for_search=True)
    assert "leistungen/kurabgabe/" in first_result(), first_result()
    fetched = [r["url"] for r in performance_log(driver)]
    assert any("/data/suche-thes-k." in u for u in fetched), fetched
    open_page(driver, base_url + "suche/?q=wafenschein", wait_for_search=True)
    assert "leistungen/waffenerlaubnis/" in first_result(), first_result()
    performance_log(driver)
    open_page(driver, base_url + "suche/?q=hundesteuer", wait_for_search=True)
    fetched = [r["url"] for r in performance_log(driver)]
    assert not any("suche-thes-" in u for u in fetched), fetched
    assert_no_csp_violations(driver, "search")


@pytest.mark.parametrize("page", ["home", "form-own", "service-handwritten"])
def test_focus_visible(driver, base_url, page_paths, page):
    """WCAG 2.4.7: every Tab stop (first 60) shows a focus indicator (outline or box-shadow)."""
    open_page(driver, base_url + page_paths[page])
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    seen = []
    for _ in range(60):
        keys(driver, Keys.TAB)
        info = driver.execute_script(
            """
            var e = document.activeElement, s = getComputedStyle(e);
            var seen = window.__focusSeen || (window.__focusSeen = new Set());
            var repeat = seen.has(e); seen.add(e);
            var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            var shadow = s.boxShadow && s.boxShadow !== 'none';
            return {what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || e.name || '').trim().slice(0, 30),
                    visible: outline || shadow, body: e === document.body, repeat: repeat};
            """)
        if info["body"] or info["repeat"]:
            break
        seen.append(info["what"])
        assert info["visible"], f"{page}: no visible focus indicator on {info['what']}"
    assert len(seen) > 5, f"{page}: only {len(seen)} Tab stops"
    print(f"{page}: {len(seen)} Tab stops checked")
